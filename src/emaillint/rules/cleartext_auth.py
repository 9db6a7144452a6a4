"""Credentials sent over a connection without TLS.

## What it does
Reports accounts with `security: none` that still sign in (a username or password is
set and `auth` is not `none`). A password that is empty whenever its variable is unset
(`${SMTP_PASSWORD:-}`, Spring's `${MAIL_PASSWORD:}`) is no credential. Plain text on port
465 is left to `port-security-mismatch`: that connection hangs before anything is sent.

## Why is this bad
The username and password cross the network readable by anyone on the path. Providers
refuse it anyway (`530 5.7.0 Must issue a STARTTLS command first`), so the mail also
fails to go out.

## Example
```yaml
port: 587
security: none
username: billing@example.com
password: ${SMTP_PASSWORD}
```

## Use instead
```yaml
port: 587
security: starttls
username: billing@example.com
password: ${SMTP_PASSWORD}
```
A local relay that needs no login should say so: `auth: none` and no credentials.
"""

from __future__ import annotations

from typing import Iterator

from emaillint.model import ERROR, Account, Context, Problem, Rule
from emaillint.rules.advice import upgrade
from emaillint.rules.port_security_mismatch import mismatched
from emaillint.vocabulary import CLEARTEXT_AUTH, NO_TLS, STARTTLS, STARTTLS_OPTIONAL, TLS


def check(account: Account, context: Context) -> Iterator[Problem]:
    if account.security == NO_TLS and account.has_credentials and not mismatched(account.port, NO_TLS):
        cannot = (f" ({account.spelling.program or 'the program'} cannot require STARTTLS)"
                  if account.spelled("security", STARTTLS) is None and account.spelled("security", STARTTLS_OPTIONAL)
                  else "")
        default = ", the default" if "security" in account.defaults else ""
        yield Problem("security", f"credentials would be sent unencrypted ({account.setting('security', NO_TLS)}{default})",
                      help=f"write {upgrade(account)} with port 587, or {account.setting('security', TLS)} with port"
                           f" 465, or drop the credentials for a relay that needs no login{cannot}")


RULE = Rule(CLEARTEXT_AUTH, ERROR, "security: none while credentials are configured", __doc__, check)
