"""`emaillint probe` found that the account's TLS mode does not work on that port.

## What it does
Reported by `emaillint probe` only. It does what the account is configured to do and
says when that fails: STARTTLS is required but the server does not offer it (or answers
it with an error), the TLS handshake of implicit TLS fails because the port speaks plain
text first, or a plain-text connection gets no greeting because the port expects TLS
from the first byte. When the configured mode fails it tries the other mode once, so
the message says which one the port speaks. A warning when the account uses no TLS
(`security: none`) although the server offers STARTTLS, and an error when an account
that uses STARTTLS only if offered finds none while it signs in.

## Why is this bad
A port/TLS mismatch does not fail politely: implicit TLS on a STARTTLS port ends in
`wrong version number`, plain text on port 465 hangs until the program's timeout, and a
server without STARTTLS makes a careful client give up. A client told to skip TLS sends
the password and every message in plain text even when the server could protect them.

## Example
```yaml
accounts:
  relay:
    host: mail.example.com
    port: 587
    security: tls
```
`emaillint probe` reports: `port 587 speaks plain text first, not TLS: the TLS handshake
failed (...); it offers STARTTLS: write security: starttls`.

## Use instead
```yaml
accounts:
  relay:
    host: mail.example.com
    port: 587
    security: starttls
```
"""

from __future__ import annotations

from emaillint.model import ERROR, Rule
from emaillint.vocabulary import PROBE_TLS

RULE = Rule(PROBE_TLS, ERROR, "probe: the configured TLS mode (implicit TLS, STARTTLS, none) fails on that port",
            __doc__, scope="engine")
