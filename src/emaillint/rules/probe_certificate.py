"""`emaillint probe` found that the server's TLS certificate would be refused.

## What it does
Reported by `emaillint probe` only. It verifies the certificate as a careful client
does: the chain must lead to a trusted certificate authority (the system's trust store,
which honours `SSL_CERT_FILE` and `SSL_CERT_DIR`, or the CA file given with `--cafile`),
the certificate must be valid today, and it must name the host the account connects
to. The message says which check failed and names what the certificate does carry:
the host names and addresses it is for, its issuer, its dates. A warning instead of an
error when the account turned verification off (`verify_ssl: false`,
`skip_verify: true`), where mail still goes out, to whoever answers.

## Why is this bad
A client that verifies refuses the connection and sends nothing; a client that does not
verify cannot tell the server from an attacker in between. Certificates name host names:
an account that connects to an IP address or an internal alias fails the name check
even when the certificate is fine for the server's public name.

## Example
```yaml
accounts:
  relay:
    host: 203.0.113.25
    port: 465
    security: tls
```
`emaillint probe` reports: `the certificate of 203.0.113.25:465 is for mail.example.com,
not 203.0.113.25, so clients refuse it; write host: mail.example.com`.

## Use instead
```yaml
accounts:
  relay:
    host: mail.example.com
    port: 465
    security: tls
```
For a server with a private CA, make the program trust that CA, and probe with
`--cafile that-ca.pem`.
"""

from __future__ import annotations

from emaillint.model import ERROR, Rule
from emaillint.vocabulary import PROBE_CERTIFICATE

RULE = Rule(PROBE_CERTIFICATE, ERROR, "probe: the server's certificate is untrusted, expired or for another name",
            __doc__, scope="engine")
