"""The security mode is not the one the provider uses on this port.

## What it does
For a port the provider accepts, checks that the security mode is the provider's for
that port: STARTTLS on 587 and 25, implicit TLS on 465. Mismatches that fail on any
server (TLS on 587, STARTTLS on 465) are port-security-mismatch's; this rule covers the
rest, such as `security: none` on 587.

## Why is this bad
Providers refuse to sign in or to accept mail before TLS is up
(`530 5.7.0 Must issue a STARTTLS command first`).

## Example
```yaml
host: smtp.gmail.com
port: 587
security: none
```

## Use instead
```yaml
host: smtp.gmail.com
port: 587
security: starttls
```
"""

from __future__ import annotations

from typing import Iterator

from emaillint.model import ERROR, Account, Context, Problem, Rule
from emaillint.provider import graded
from emaillint.rules.advice import SECURITY_WORDS, write
from emaillint.rules.hosts import SAME_SECURITY, target_host, unusual_port
from emaillint.rules.port_security_mismatch import mismatched, usual
from emaillint.vocabulary import PROVIDER_SECURITY


def check(account: Account, context: Context) -> Iterator[Problem]:
    host = target_host(account, context)
    if host is None or account.port is None or account.security is None:
        return
    if mismatched(account.port, account.security) and not unusual_port(account, context, usual):
        return  # port-security-mismatch's
    listed = [e for e in host.endpoints if e.port == account.port]
    wanted = [e.security for e in listed]
    security = SAME_SECURITY.get(account.security, account.security)
    if wanted and security not in wanted:
        instead = write(account, "security", wanted[0], f"use {SECURITY_WORDS.get(wanted[0], wanted[0])}")
        yield Problem("security", (
            f"{host.name} requires {wanted[0]} on port {account.port}, not {account.security}; {instead}"
        ), graded(ERROR, *listed))


RULE = Rule(PROVIDER_SECURITY, ERROR,
            "the security mode is not the one the provider uses on that port (587 needs STARTTLS)",
            __doc__, check)
