"""Settings of one account ask for different security modes.

## What it does
Reports combinations such as JavaMail's `ssl.enable: true` (implicit TLS) together with
`starttls.enable: true`, Django's `EMAIL_USE_TLS` and `EMAIL_USE_SSL` both on, or
Alertmanager's `require_tls: true` on port 465. The message names the settings and says
what the program does with the mix, which only the dialect knows; the help says what to
keep. It is an error where the mix stops mail going out (Django refuses to start;
Alertmanager before 0.31 asks for STARTTLS inside the TLS connection and fails), a
warning where one setting silently wins.

## Why is this bad
A reader cannot tell which mode is in use, and the next edit breaks it: move the
JavaMail example from port 465 to 587 and the `ssl.enable` that quietly won before now
fails with "wrong version number".

## Example
```yaml
spring:
  mail:
    port: 465
    properties:
      mail.smtp.ssl.enable: true
      mail.smtp.starttls.enable: true
```

## Use instead
```yaml
spring:
  mail:
    port: 465
    properties:
      mail.smtp.ssl.enable: true
```
"""

from __future__ import annotations

from typing import Iterator

from emaillint.model import ERROR, WARNING, Account, Context, Problem, Rule
from emaillint.vocabulary import CONTRADICTORY_SECURITY


def check(account: Account, context: Context) -> Iterator[Problem]:
    for conflict in account.conflicts:
        yield Problem(conflict.where, f"{' and '.join(conflict.settings)}: {conflict.outcome}",
                      ERROR if conflict.fails else None, help=conflict.fix)


RULE = Rule(CONTRADICTORY_SECURITY, WARNING,
            "settings of one account ask for different security modes", __doc__, check)
