"""The account signs in, but its password is empty.

## What it does
Reports an empty password (`password: ""`, `SMTP_PASSWORD=`) on an account that signs in:
a username is set (written or a reference), or `auth` names a password method. A
password that is empty only while its variable is unset (`${SMTP_PASSWORD:-}`) is not
reported: the variable may well be set where the program runs. OAuth2 needs no password.
It is a warning when the host is on the local network, where relays often take mail
without a login and some programs (Django, n8n) then skip it.

## Why is this bad
The server refuses the login (`535 5.7.8 Authentication credentials invalid`), or the
program refuses to try (JavaMail: "failed to connect, no password specified?"), so no
mail goes out. Usually the password was meant to come from a secret and the reference
was never written.

## Example
```yaml
accounts:
  alerts:
    host: smtp.example.com
    port: 587
    security: starttls
    username: alerts@example.com
    password: ""
```

## Use instead
```yaml
    password: ${SMTP_PASSWORD}
```
set from a secret store when the program starts; or, for a relay that needs no login, no
username and `auth: none`.
"""

from __future__ import annotations

from typing import Iterator

from emaillint.model import ERROR, INTERPOLATION_DEFAULT, WARNING, Account, Context, Problem, Rule
from emaillint.network import is_local
from emaillint.rules.advice import fitting
from emaillint.vocabulary import API_KEY, APP_PASSWORD, EMPTY, EMPTY_PASSWORD, NO_SIGN_IN, OAUTH2, PASSWORD

PASSWORD_METHODS = (PASSWORD, APP_PASSWORD, API_KEY)
FAILS = ", so the login fails"
"""The consequence, where the message has room for it (a long ``auth`` setting leaves none)."""


def check(account: Account, context: Context) -> Iterator[Problem]:
    secret = account.password
    if secret is None or secret.kind != EMPTY or secret.detail == INTERPOLATION_DEFAULT:
        return
    if account.auth in (OAUTH2, NO_SIGN_IN):
        return  # a token, or no sign-in at all: no password is needed
    named = bool(account.username) or "username" in account.references
    if not (named or account.auth in PASSWORD_METHODS):
        return
    why = "a username is set" if named else account.setting("auth", account.auth)
    message = f"the account signs in ({why}) but the password is empty"
    message = fitting(message + FAILS, message)
    no_login = account.spelled("auth", NO_SIGN_IN)
    alternative = "remove the username" if named else f"write {no_login}" if no_login else ""
    instead = f"write {account.setting('password', '${SMTP_PASSWORD}')}"
    if alternative:
        instead += f", or {alternative} for a relay that needs no login"
    yield Problem("password", message, WARNING if is_local(account.host) else None, help=instead)


RULE = Rule(EMPTY_PASSWORD, ERROR, "the account signs in but its password is empty", __doc__, check)
