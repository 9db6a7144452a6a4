"""Implicit TLS on a STARTTLS port, or STARTTLS (or nothing) on the implicit-TLS port.

## What it does
Checks the port against the security mode, for every account, whatever its provider:
port 465 expects TLS from the first byte (`security: tls`); ports 587 and 25 start in
plain text and upgrade with STARTTLS (`security: starttls`). A provider whose data sheet
documents otherwise for its host wins: Mailtrap's sandbox speaks STARTTLS on 465, so
there `provider-security` checks the port against what the sheet says.

## Why is this bad
The handshake fails every time. Implicit TLS on 587 fails at once with "wrong version
number"; STARTTLS on 465 hangs until a timeout ("Greeting never received"), because the
client waits for a greeting while the server waits for a TLS hello (RFC 8314 §3.3).

## Example
```yaml
port: 465
security: starttls
```

## Use instead
```yaml
port: 465
security: tls
```
or
```yaml
port: 587
security: starttls
```
"""

from __future__ import annotations

from typing import Iterator

from emaillint.fixing import setting_fix
from emaillint.model import ERROR, Account, Context, Problem, Rule
from emaillint.rules.advice import fitting, upgrade
from emaillint.rules.hosts import unusual_port
from emaillint.vocabulary import NO_TLS, PORT_SECURITY_MISMATCH, STARTTLS, STARTTLS_OPTIONAL, TLS

IMPLICIT_TLS_PORT = 465
STARTTLS_PORTS = (587, 25)


def mismatched(port: int | None, security: str | None) -> bool:
    """True when the handshake cannot work, whichever server is on the other end."""
    if port in STARTTLS_PORTS:
        return security == TLS
    if port == IMPLICIT_TLS_PORT:
        return security in (STARTTLS, STARTTLS_OPTIONAL, NO_TLS)
    return False


def usual(port: int, security: str) -> bool:
    return not mismatched(port, security)


def check(account: Account, context: Context) -> Iterator[Problem]:
    if not mismatched(account.port, account.security) or unusual_port(account, context, usual):
        return
    if account.security == TLS:
        started = STARTTLS if account.spelled("security", STARTTLS) else STARTTLS_OPTIONAL
        yield Problem(
            "security", f"implicit TLS on port {account.port} fails with 'wrong version number': port"
                        f" {account.port} starts in plain text",
            help=f"write {upgrade(account)}, or use {account.setting('port', 465)} with {account.setting('security', TLS)}",
            fix=setting_fix(account, "security", TLS, started))
    else:
        default = ", the default" if "security" in account.defaults else ""
        written = f"plain text ({account.setting('security', account.security)}{default}) hangs until"
        message = fitting(f"port 465 expects TLS from the first byte: {written} it times out",
                          f"port 465 expects TLS at once: {written} a timeout",
                          "port 465 expects TLS from the first byte: plain text hangs until it times out")
        yield Problem("security", message,
                      help=f"write {account.setting('security', TLS)}, or use {account.setting('port', 587)} with"
                           f" {upgrade(account)}",
                      fix=setting_fix(account, "security", account.security, TLS))


RULE = Rule(PORT_SECURITY_MISMATCH, ERROR,
            "implicit TLS on 587/25, or STARTTLS on 465: the handshake fails", __doc__, check)
