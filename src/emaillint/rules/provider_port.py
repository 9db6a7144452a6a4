"""The provider does not accept mail submission on this port.

## What it does
Checks the port against the ports the provider's submission host accepts: Gmail and
Yahoo take 587 (STARTTLS) and 465 (implicit TLS); Outlook.com only 587; Microsoft 365
587 or 25 with STARTTLS and never 465.

## Why is this bad
The connection is refused or times out. Microsoft's own words for 465: "If your device
recommends or defaults to port 465, it doesn't support SMTP AUTH client submission."

## Example
```yaml
host: smtp.office365.com
port: 465
security: tls
```

## Use instead
```yaml
host: smtp.office365.com
port: 587
security: starttls
```
"""

from __future__ import annotations

from typing import Iterator

from emaillint.model import ERROR, Account, Context, Problem, Rule
from emaillint.provider import graded
from emaillint.rules.advice import endpoints
from emaillint.rules.hosts import target_host
from emaillint.vocabulary import PROVIDER_PORT


def check(account: Account, context: Context) -> Iterator[Problem]:
    host = target_host(account, context)
    if host is None or account.port is None:
        return
    if all(endpoint.port != account.port for endpoint in host.endpoints):
        yield Problem("port", f"{host.name} does not accept mail submission on port {account.port}",
                      graded(ERROR, host), help=f"use {endpoints(account, host)}")


RULE = Rule(PROVIDER_PORT, ERROR, "the provider does not accept submission on that port", __doc__, check)
