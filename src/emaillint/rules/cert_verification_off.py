"""The server's TLS certificate is not checked.

## What it does
Reports accounts that use TLS (implicit or STARTTLS) with certificate verification
turned off: Grafana's `skip_verify: true`, Alertmanager's
`tls_config.insecure_skip_verify: true`, Home Assistant's `verify_ssl: false`, JavaMail's
`mail.smtp.ssl.trust: "*"` or `ssl.checkserveridentity: false`, vaultwarden's
`SMTP_ACCEPT_INVALID_CERTS=true`. It is an error when the account signs in (the password
crosses that connection) and a warning otherwise. A flag on a connection without TLS
does nothing and is not reported.

## Why is this bad
Encryption without verification stops only passive eavesdroppers. Anyone who can
intercept the connection (a hostile Wi-Fi, a compromised router, DNS spoofing) can
present their own certificate, and the program hands them the password and every
message. The flag is usually added once to get past a self-signed test server and then
forgotten when the config moves to production.

## Example
```yaml
grafana.ini:
  smtp:
    enabled: true
    host: smtp.example.com:587
    user: alerts@example.com
    password: $__file{/etc/secrets/smtp_password}
    skip_verify: true
```

## Use instead
```yaml
grafana.ini:
  smtp:
    enabled: true
    host: smtp.example.com:587
    user: alerts@example.com
    password: $__file{/etc/secrets/smtp_password}
```
For a server with a private CA, trust that CA (for example `tls_config.ca_file` in
Alertmanager, `ssl.trust` naming only that host in JavaMail) rather than nothing.
"""

from __future__ import annotations

from typing import Iterator

from emaillint.fixing import removal_fix
from emaillint.model import ERROR, UNSAFE, WARNING, Account, Context, Problem, Rule
from emaillint.vocabulary import CERT_VERIFICATION_OFF, STARTTLS, STARTTLS_OPTIONAL, TLS

ENCRYPTED = (None, TLS, STARTTLS, STARTTLS_OPTIONAL)
"""Security modes in which a certificate is presented (None: unknown, may be TLS)."""


def check(account: Account, context: Context) -> Iterator[Problem]:
    if account.verify_cert is not False or account.security not in ENCRYPTED:
        return
    off = account.setting("verify_cert", False)
    yield Problem("verify_cert", f"certificate verification is off ({off})", None if account.has_credentials else WARNING,
                  help=f"remove {off}, and if the server's certificate is private, trust its CA instead",
                  fix=removal_fix(account, "verify_cert", f"remove {off}", applicability=UNSAFE))


RULE = Rule(CERT_VERIFICATION_OFF, ERROR,
            "TLS is used but the server's certificate is not verified", __doc__, check)
