"""The account signs in with a method the provider retired, or has announced to retire.

## What it does
Compares `auth` (default `password` when credentials are set) with the provider's
retired methods and their dates, for the account's plan: Gmail stopped taking plain
account passwords ("less secure apps") on 2022-05-30 for personal accounts and on
2024-09-30 for Google Workspace; Yahoo wants an app password; Outlook.com and Hotmail
took Basic authentication (passwords and app passwords) away on 2024-09-16; Microsoft 365
turns Basic SMTP AUTH off by default at the end of December 2026. A retirement that has
happened is an error; one that is only announced is a warning naming the date. The date
is today unless pinned with `--as-of YYYY-MM-DD` (or `as_of` in the project configuration).

## Why is this bad
Sign-in fails: `535-5.7.8 Username and Password not accepted` (Gmail),
`535 5.7.0 (#AUTH005) Too many bad auth attempts` (Yahoo),
`535 5.7.139 Authentication unsuccessful, basic authentication is disabled` (Outlook.com).
Old guides still say to enable "less secure apps" or DisplayUnlockCaptcha; neither
exists any more.

## Example
```yaml
host: smtp.gmail.com
username: billing@gmail.com
password: ${SMTP_PASSWORD}   # the account password
```

## Use instead
```yaml
host: smtp.gmail.com
username: billing@gmail.com
auth: app-password           # created under Google Account > Security > App passwords
password: ${SMTP_APP_PASSWORD}
```
or `auth: oauth2` with a token from the provider's OAuth flow, the only way left for
Outlook.com and Hotmail, and the way forward for Microsoft 365:
```yaml
host: smtp.office365.com
username: billing@example.com
auth: oauth2                 # scope https://outlook.office.com/SMTP.Send
```
`emaillint providers` lists each provider's accepted methods and where to set them up;
the provider notes below say how.
"""

from __future__ import annotations

from typing import Iterator

from emaillint.model import ERROR, WARNING, Account, Context, Problem, Rule
from emaillint.provider import AuthMethod

_WORDS = {"password": "plain account passwords", "app-password": "app passwords", "oauth2": "OAuth2"}


def effective_method(account: Account) -> str | None:
    """``auth``, or ``password`` when the account signs in without saying how."""
    if account.auth:
        return account.auth
    return "password" if account.has_credentials else None


def retirement(account: Account, context: Context) -> AuthMethod | None:
    provider = context.provider
    method = effective_method(account)
    if provider is None or method is None:
        return None
    plan = context.plan.name if context.plan else None
    for entry in provider.auth:
        if entry.method == method and entry.retired_on and (not entry.plans or plan in entry.plans):
            return entry
    return None


def check(account: Account, context: Context) -> Iterator[Problem]:
    entry = retirement(account, context)
    if entry is None:
        return
    who = context.plan.title if entry.plans and context.plan else context.provider.title
    words = _WORDS.get(entry.method, entry.method)
    assumed = [context.plan_note] if entry.plans and context.plan_note else []
    where = "auth" if "auth" in account.positions else "password"
    if context.as_of >= entry.retired_on:
        yield Problem(where, f"{who} stopped accepting {words} on {entry.retired_on}{_aside(assumed)}; {entry.note}")
    else:
        yield Problem(where, (
            f"{who} stops accepting {words} on {entry.retired_on}{_aside(['announced'] + assumed)}; {entry.note}"
        ), WARNING)


def _aside(notes: list[str]) -> str:
    return f" ({'; '.join(notes)})" if notes else ""


RULE = Rule("legacy-auth", ERROR,
            "the auth method is one the provider retired (a warning while only announced)", __doc__, check)
