"""n8n's ``N8N_SMTP_*`` (user management emails: invitations, password resets).

Sources: ``@n8n/config`` ``user-management.config.ts`` (``CONFIG``: ``N8N_EMAIL_MODE``
``smtp`` by default, port 465, ``N8N_SMTP_SSL`` true, ``N8N_SMTP_STARTTLS`` true), its
``decorators.ts`` (``DECORATORS``: a boolean is ``true``/``1`` or ``false``/``0`` in any
case, anything else keeps the default with a console warning; an empty variable is
unset; ``NAME_FILE`` reads the value from a file) and ``node-mailer.ts`` (``MAILER``):
nodemailer gets the port, ``secure`` from ``N8N_SMTP_SSL`` and ``ignoreTLS`` from
``!startTLS``, never ``requireTLS``; it signs in with user and password only when both are
set, or with OAuth2 when the service client and private key are.
"""

from __future__ import annotations

from emaillint.api import NO_TLS, OAUTH2, STARTTLS_OPTIONAL, TLS, WARNING, Draft, Reader, Setting

from emaillint_plugins.dialects import nodemailer
from emaillint_plugins.dialects.envfamilies.sheet import Environment, Family, flag

CONFIG = ("https://github.com/n8n-io/n8n/blob/0a0bb4e3ada7c18ec11fa9a849506ec37727dead"
          "/packages/@n8n/config/src/configs/user-management.config.ts")
DECORATORS = "https://github.com/n8n-io/n8n/blob/09bfd3be0162fc28f50d103cedaffdb9e97de7cf/packages/@n8n/config/src/decorators.ts"
MAILER = ("https://github.com/n8n-io/n8n/blob/08c9f232cb2cc7fe17d9238a3d4f20f13866f90b"
          "/packages/cli/src/user-management/email/node-mailer.ts")
DEFAULT_PORT = 465
BOOLEANS = {"true": True, "1": True, "false": False, "0": False}
OAUTH = ("N8N_SMTP_OAUTH_SERVICE_CLIENT", "N8N_SMTP_OAUTH_PRIVATE_KEY")


def _security(reader: Reader, draft: Draft, env: Environment) -> None:
    def parse(setting: Setting) -> bool | None:
        text = (reader.text(setting) or "").strip()
        value = BOOLEANS.get(text.lower())
        if text and value is None:
            reader.refused(setting.path, f"{setting.label}={text} is not a boolean to n8n, which keeps its default"
                                         " (true)", help=f"write {setting.label}=true or {setting.label}=false",
                           account=draft.name, severity=WARNING)
        return value

    if "port" not in draft.fields:
        draft.default("port", DEFAULT_PORT)
    starttls = flag(env, "N8N_SMTP_STARTTLS", parse)
    nodemailer.decide(draft, flag(env, "N8N_SMTP_SSL", parse), None,
                      (not starttls[0], starttls[1]) if starttls is not None else None, secure_default=True)
    if "password" not in draft.fields and "N8N_SMTP_PASS_FILE" in env:
        draft.stored("N8N_SMTP_PASS_FILE", env["N8N_SMTP_PASS_FILE"].path)
    if all(name in env and reader.text(env[name]) != "" for name in OAUTH):  # set, or a reference
        draft.set("auth", OAUTH2, env[OAUTH[0]].path)


FAMILY = Family("n8n", {"N8N_SMTP_HOST": "host", "N8N_SMTP_PORT": "port", "N8N_SMTP_USER": "username",
                        "N8N_SMTP_PASS": "password", "N8N_SMTP_SENDER": "sender"},
                _security, {TLS: "N8N_SMTP_SSL=true", STARTTLS_OPTIONAL: "N8N_SMTP_SSL=false",
                            NO_TLS: "N8N_SMTP_SSL=false and N8N_SMTP_STARTTLS=false"},
                program="n8n (nodemailer)", switch=("N8N_EMAIL_MODE",), prefix="N8N_SMTP_",
                known=("N8N_SMTP_SSL", "N8N_SMTP_STARTTLS", "N8N_SMTP_PASS_FILE") + OAUTH,
                renames={"N8N_SMTP_SECURE": "N8N_SMTP_SSL", "N8N_SMTP_TLS": "N8N_SMTP_STARTTLS",
                         "N8N_SMTP_USERNAME": "N8N_SMTP_USER", "N8N_SMTP_PASSWORD": "N8N_SMTP_PASS",
                         "N8N_SMTP_FROM": "N8N_SMTP_SENDER"})
