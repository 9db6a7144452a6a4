"""Port 25 used to sign in and submit mail: by the program's default, or written.

## What it does
Reports accounts that sign in on port 25, the port where mail servers hand mail to each
other: left to a program default of 25 (JavaMail, and so Spring Boot's `spring.mail.*`,
without `spring.mail.port`; Ruby Mail; authentik), or written (`port: 25`,
`smtp.163.com:25`) for a host on the public Internet. A provider emaillint has a data sheet
for decides for itself: a written 25 it does not accept is `provider-port`'s, and one it
documents (Microsoft 365 with STARTTLS, Google Workspace's relay) is fine. A relay on the
local network (`10.0.0.5`, `mail.lan`, a container) may well take logins on 25.

## Why is this bad
Submission is 587 (STARTTLS) or 465 (implicit TLS) (RFC 6409, RFC 8314), and that is what
providers document for signed-in clients. Most cloud and home networks block outgoing
port 25 (Google Cloud always, AWS and Azure by default), so the connection times out;
providers that answer on 25 often refuse to sign in there. The same file works on a
developer's machine and fails in production.

## Example
```yaml
spring:
  mail:
    host: smtp.example.com
    username: app@example.com
    password: ${SMTP_PASSWORD}
```

## Use instead
```yaml
spring:
  mail:
    host: smtp.example.com
    port: 587
    username: app@example.com
    password: ${SMTP_PASSWORD}
    properties:
      mail.smtp.starttls.enable: true
      mail.smtp.starttls.required: true
```
"""

from __future__ import annotations

from typing import Iterator

from emaillint.fixing import setting_fix
from emaillint.model import UNSAFE, WARNING, Account, Context, Problem, Rule
from emaillint.network import is_local
from emaillint.rules.hosts import target_host
from emaillint.vocabulary import DEFAULT_PORT

RELAY_PORT = 25


def check(account: Account, context: Context) -> Iterator[Problem]:
    if account.port != RELAY_PORT or not account.has_credentials:
        return
    title = f"set {account.setting('port', 587)}"
    advice = f"{title} with STARTTLS (or 465 with implicit TLS)"
    if "port" in account.defaults:
        program = account.spelling.program or "the program"
        yield Problem("port", f"no port is set, so {program} uses 25, which most networks block outbound",
                      help=advice)
    elif account.host and not is_local(account.host) and target_host(account, context) is None:
        yield Problem("port", "port 25 is where mail servers hand mail to each other, not where clients sign in",
                      help=advice, fix=setting_fix(account, "port", RELAY_PORT, 587, applicability=UNSAFE, title=title))


RULE = Rule(DEFAULT_PORT, WARNING, "port 25 (written, or the program's default) used to sign in and submit mail",
            __doc__, check)
