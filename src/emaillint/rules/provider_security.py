"""The security mode is not the one the provider uses on this port.

## What it does
For a port the provider accepts, checks that the security mode is the provider's for
that port: STARTTLS on 587 and 25, implicit TLS on 465. Mismatches that fail on any
server (TLS on 587, STARTTLS on 465) are port-security-mismatch's; this rule covers the
rest, such as `security: none` on 587.

For a host no data sheet knows, Thunderbird's ISPDB (shipped as an MPL-2.0 index) stands
in: where it lists the account's port with another security mode (STARTTLS where ISPDB
lists SSL, or the reverse, or none where it lists either), that is a warning naming the
ISPDB file. A port ISPDB does not list is no finding: it lists preferred settings, not
every one a server takes. Hand-written data sheets win where both know a host.

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

from emaillint.model import ERROR, WARNING, Account, Context, Problem, Rule
from emaillint.network import is_local
from emaillint.provider import graded
from emaillint.rules.advice import SECURITY_WORDS, write
from emaillint.rules.hosts import SAME_SECURITY, target_host, unusual_port
from emaillint.rules.port_security_mismatch import mismatched, usual
from emaillint.vocabulary import PROVIDER_SECURITY, STARTTLS, STARTTLS_OPTIONAL


def check(account: Account, context: Context) -> Iterator[Problem]:
    if account.port is None or account.security is None:
        return
    host = target_host(account, context)
    if host is None:
        yield from _ispdb(account, context)
        return
    if mismatched(account.port, account.security) and not unusual_port(account, context, usual):
        return  # port-security-mismatch's
    listed = [e for e in host.endpoints if e.port == account.port]
    wanted = [e.security for e in listed]
    security = SAME_SECURITY.get(account.security, account.security)
    if wanted and security not in wanted:
        yield Problem("security", f"{host.name} requires {wanted[0]} on port {account.port}, not {account.security}",
                      graded(ERROR, *listed), help=_instead(account, wanted[0]))


def _ispdb(account: Account, context: Context) -> Iterator[Problem]:
    """The long tail: a host no sheet claims, against what Thunderbird's ISPDB lists for it."""
    if context.provider is not None or context.host_provider is not None or not account.host or is_local(account.host):
        return
    if mismatched(account.port, account.security):
        return  # port-security-mismatch's
    from emaillint import ispdb

    listed = [e for e in ispdb.entries(account.host.lower()) if e.port == account.port]
    security = SAME_SECURITY.get(account.security, account.security)
    if listed and security != listed[0].security:
        wanted = listed[0].security
        yield Problem("security", (
            f"Thunderbird's ISPDB lists {account.host} with {wanted} on port {account.port}, not {account.security}"
        ), WARNING, help=f"{_instead(account, wanted)} (as ISPDB's {listed[0].file} lists)")


def _instead(account: Account, wanted: str) -> str:
    """``write <the setting>``; for STARTTLS in a format that cannot require it (GitLab), the
    setting that upgrades if offered, else the mode in words."""
    if wanted == STARTTLS and account.spelled("security", STARTTLS) is None:
        return write(account, "security", STARTTLS_OPTIONAL, f"use {SECURITY_WORDS[STARTTLS]}")
    return write(account, "security", wanted, f"use {SECURITY_WORDS.get(wanted, wanted)}")


RULE = Rule(PROVIDER_SECURITY, ERROR,
            "the security mode is not the one the provider uses on that port (587 needs STARTTLS)",
            __doc__, check)
