"""TLS to a bare IP address, with the certificate checked against it.

## What it does
Reports accounts whose host is an IP address (`51.83.52.227`) while TLS is required
(implicit TLS or mandatory STARTTLS) and certificate verification is on, as it is by
default. Connections without TLS, and accounts that already turned verification off
(`cert-verification-off` reports those), are left alone.

## Why is this bad
The client checks that the server's certificate names the host it connected to.
Certificates name hosts (`mail.example.com`); almost none list an IP address, so the
check fails (`certificate verify failed: IP address mismatch`) and no mail goes out.
The usual "fix" is to turn verification off, which trades a loud failure for a silent
risk.

## Example
```yaml
- platform: smtp
  server: 51.83.52.227
  port: 587
  encryption: starttls
```

## Use instead
```yaml
- platform: smtp
  server: mail.example.com     # the name on the server's certificate
  port: 587
  encryption: starttls
```
"""

from __future__ import annotations

from typing import Iterator

from emaillint.model import WARNING, Account, Context, Problem, Rule
from emaillint.network import ip_address
from emaillint.rules.advice import fitting
from emaillint.vocabulary import STARTTLS, TLS, TLS_IP_HOST

REQUIRED_TLS = (TLS, STARTTLS)


def check(account: Account, context: Context) -> Iterator[Problem]:
    if (account.host and account.security in REQUIRED_TLS and account.verify_cert is not False
            and ip_address(account.host) is not None):
        message = fitting(f"TLS to the IP address {account.host} with certificate checks fails ('IP address mismatch')",
                          f"TLS to the IP address {account.host} with certificate checks fails")
        yield Problem("host", message, help=f"write the host name the server's certificate is issued for:"
                                            f" {account.setting('host', '<that name>')}")


RULE = Rule(TLS_IP_HOST, WARNING, "TLS is required to a bare IP address, which certificates do not name",
            __doc__, check)
