"""Credentials sent over STARTTLS that is used only if the server offers it.

## What it does
Reports accounts that sign in over "opportunistic" STARTTLS (`starttls-optional`): the
client upgrades the connection only when the server's greeting lists STARTTLS, and
otherwise carries on in plain text, password included. Each format spells it its own way:
JavaMail's `mail.smtp.starttls.enable` without `starttls.required`, Grafana's default
`startTLS_policy: OpportunisticStartTLS`, nodemailer without `requireTLS` (Ghost's
`mail__options__secure: false`, n8n's `N8N_SMTP_SSL=false`), Laravel 9 and later on any
port but 465 (Symfony Mailer upgrades only when offered, whatever `MAIL_ENCRYPTION` says),
Ruby Mail's `enable_starttls_auto`, Synapse's default, Authelia's `disable_require_tls`.
Accounts without credentials, plain text on port 465 (`port-security-mismatch`) and test
sinks on this machine or a container network (`localhost`, `mailhog`) are left alone.

## Why is this bad
The STARTTLS offer travels in plain text. Whoever sits on the path (a hostile Wi-Fi, a
compromised router, a middlebox that "helpfully" removes it) deletes the line from the
server's greeting, the client sees no STARTTLS and sends `AUTH PLAIN` with the password
in clear. Nothing fails, so nobody notices (the "STRIPTLS" attack, RFC 3207 §6).

## Example
```yaml
services:
  blog:
    image: ghost:5
    environment:
      mail__transport: SMTP
      mail__options__host: smtp.example.com
      mail__options__port: 587
      mail__options__auth__user: blog@example.com
      mail__options__auth__pass: ${MAIL_PASSWORD}
```

## Use instead
Require STARTTLS where the format can (`mail__options__requireTLS: "true"` for Ghost,
`mail.smtp.starttls.required: true` for JavaMail, `startTLS_policy: MandatoryStartTLS`
for Grafana):
```yaml
      mail__options__port: 587
      mail__options__requireTLS: "true"
```
Where it cannot (Laravel's `MAIL_*`, n8n), use implicit TLS on port 465, which has no
plain-text phase to strip.
"""

from __future__ import annotations

from typing import Iterator

from emaillint.fixing import setting_fix
from emaillint.model import UNSAFE, WARNING, Account, Context, Problem, Rule
from emaillint.network import is_test_sink
from emaillint.rules.advice import fitting
from emaillint.rules.port_security_mismatch import mismatched
from emaillint.vocabulary import OPPORTUNISTIC_TLS, STARTTLS, STARTTLS_OPTIONAL, TLS



def check(account: Account, context: Context) -> Iterator[Problem]:
    if account.security != STARTTLS_OPTIONAL or not account.has_credentials:
        return
    if mismatched(account.port, STARTTLS_OPTIONAL) or is_test_sink(account.host):
        return
    program = account.spelling.program or "the program"
    default = "security" in account.defaults
    message = fitting(f"{program} uses STARTTLS only if offered ({account.setting('security', STARTTLS_OPTIONAL)}"
                      + (", the default)" if default else ")"),
                      f"{program} uses STARTTLS only if offered" + (" (the default)" if default else ""))
    required = account.spelled("security", STARTTLS)
    advice = (f"write {required}" if required else
              f"use implicit TLS: {account.setting('port', 465)} with {account.setting('security', TLS)}"
              f" ({program} has no setting that requires STARTTLS)")
    yield Problem("security", message, help=advice,
                  fix=setting_fix(account, "security", STARTTLS_OPTIONAL, STARTTLS, applicability=UNSAFE))


RULE = Rule(OPPORTUNISTIC_TLS, WARNING,
            "credentials are sent over STARTTLS that is used only if the server offers it", __doc__, check)
