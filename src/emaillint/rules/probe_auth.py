"""`emaillint probe` compared the server's AUTH mechanisms with how the account signs in.

## What it does
Reported by `emaillint probe` only. After TLS (the server may offer AUTH only then) it
reads the mechanisms the server lists in its EHLO reply. A password (account password,
app password, API key) needs `PLAIN` or `LOGIN`; OAuth2 needs `XOAUTH2` or
`OAUTHBEARER`. An error when the account's sign-in is not among them, or when the
server offers no AUTH at all while the account has credentials; otherwise an info that
lists the mechanisms seen. `--format json` adds what the server said to every probe
finding (`details`: greeting, `SIZE`, the extensions, the mechanisms, the TLS version and
the certificate). The probe never sends AUTH: it reads the offer and says QUIT.

## Why is this bad
A server that offers only `XOAUTH2` (Microsoft 365 with basic authentication turned off,
Gmail for some accounts) refuses every password, however right it is; a server that
offers no AUTH is a relay that takes mail from known addresses, and a client that tries
to sign in there fails with `AUTH not supported`. Both look like a wrong password in the
program's log.

## Example
```yaml
accounts:
  invoices:
    host: smtp.office365.com
    port: 587
    security: starttls
    auth: password
    username: billing@example.com
    password: ${SMTP_PASSWORD}
```
`emaillint probe` reports: `smtp.office365.com:587 offers only AUTH XOAUTH2 after
STARTTLS, so a password cannot sign in; write auth: oauth2`.

## Use instead
```yaml
accounts:
  invoices:
    host: smtp.office365.com
    port: 587
    security: starttls
    auth: oauth2
    username: billing@example.com
    password: ${SMTP_OAUTH_TOKEN}
```
"""

from __future__ import annotations

from emaillint.model import ERROR, Rule
from emaillint.vocabulary import PROBE_AUTH

RULE = Rule(PROBE_AUTH, ERROR, "probe: the server does not offer the AUTH mechanism the account signs in with",
            __doc__, scope="engine")
