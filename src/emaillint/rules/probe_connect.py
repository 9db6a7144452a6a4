"""`emaillint probe` could not hold an SMTP conversation with the account's server.

## What it does
Reported by `emaillint probe` only, which connects to each account's host and port:
the name does not resolve, the connection is refused or times out, the server closes it
or never greets, it refuses the session (`554`), or what answers is not an SMTP server
(an IMAP `* OK`, a POP3 `+OK`, a web server's `HTTP/1.1`, an SSH banner). The message
says which, and where the provider is known, which host and port to write instead.
Accounts it cannot probe (a host or port that is a `${NAME}` reference without
`--resolve-env`, a host the program falls back to, such as Home Assistant's
`localhost`) get an info saying why they were skipped. `emaillint check` never
connects and never reports this rule.

## Why is this bad
A linter can tell that a port is one a provider documents; only the server can tell
that something answers there. A typo in a relay's name, a firewall that drops port 25,
or an IMAP port copied from the mail client's settings all pass every static check and
fail on the first message.

## Example
```yaml
accounts:
  alerts:
    host: imap.example.com
    port: 993
    security: tls
```
`emaillint probe` reports: `imap.example.com:993 is an IMAP server ('* OK ...'), not an
SMTP server`.

## Use instead
```yaml
accounts:
  alerts:
    host: smtp.example.com
    port: 465
    security: tls
```
"""

from __future__ import annotations

from emaillint.model import ERROR, Rule
from emaillint.vocabulary import PROBE_CONNECT

RULE = Rule(PROBE_CONNECT, ERROR, "probe: the server cannot be reached, never greets, or is not an SMTP server",
            __doc__, scope="engine")
