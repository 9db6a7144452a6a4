"""No port is set, and the program's default is port 25.

## What it does
Reports accounts that sign in and leave the port to a program default of 25: JavaMail
(and so Spring Boot's `spring.mail.*`) without `spring.mail.port` uses 25. Port 25 is
where mail servers hand mail to each other, not where programs submit it.

## Why is this bad
Most cloud and home networks block outgoing port 25 (Google Cloud always, AWS and
Azure by default), so the connection times out; providers that answer on 25 often refuse
to sign in there. The same file works on a developer's machine and fails in production.

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

from emaillint.model import WARNING, Account, Context, Problem, Rule
from emaillint.vocabulary import DEFAULT_PORT

RELAY_PORT = 25


def check(account: Account, context: Context) -> Iterator[Problem]:
    if "port" in account.defaults and account.port == RELAY_PORT and account.has_credentials:
        program = account.spelling.program or "the program"
        yield Problem("port", (
            f"no port is set, so {program} uses 25, the port mail servers use between themselves:"
            " most networks block it and providers refuse sign-in there; set"
            f" {account.setting('port', 587)} with STARTTLS (or 465 with implicit TLS)"
        ))


RULE = Rule(DEFAULT_PORT, WARNING, "no port is set and the program falls back to port 25", __doc__, check)
