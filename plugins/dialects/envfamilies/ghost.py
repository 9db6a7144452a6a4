"""Ghost's ``mail__*`` (``mail__transport: SMTP``, ``mail__options__*`` handed to nodemailer).

Sources: Ghost's config loader (``LOADER``) reads the environment with
``nconf.env({separator: '__', parseValues: true})``, and nconf's ``parseValues``
(``NCONF``) is ``JSON.parse`` with the text kept when that fails, so ``"false"`` and
``"0"`` are false but ``"False"``, ``"no"`` and ``"off"`` are non-empty strings, which
nodemailer takes as true. ``GhostMailer`` (``MAILER``) sends with
``config.get('mail').transport || 'direct'``: only ``SMTP`` uses these options. Security,
ports and ``service`` presets are nodemailer's (``nodemailer.SOURCE``);
``tls__rejectUnauthorized: false`` turns certificate checks off (Node's ``tls.connect``).
"""

from __future__ import annotations

from typing import Any

from emaillint.api import NO_TLS, STARTTLS, STARTTLS_OPTIONAL, TLS, Draft, Key, Reader, Setting

from emaillint_plugins.dialects import nodemailer
from emaillint_plugins.dialects.envfamilies.sheet import Environment, Family, flag

LOADER = ("https://github.com/TryGhost/Ghost/blob/3001df50b119e56b12bd4e526334ecf80a5f8daa"
          "/ghost/core/core/shared/config/loader.js")
NCONF = "https://github.com/indexzero/nconf/blob/831fde30dae8d9bb1b2316fa58c14ad6f803ab5e/lib/nconf/common.js"
MAILER = ("https://github.com/TryGhost/Ghost/blob/711c59ae8b57d483d9997f25255a308b39cbb1e1"
          "/ghost/core/core/server/services/mail/GhostMailer.js")
OPTIONS = "mail__options__"


def truthy(reader: Reader) -> Any:
    """A variable as nodemailer sees it after nconf: JSON when it parses, else the text."""
    def parse(setting: Setting) -> bool | None:
        text = reader.text(setting)
        if text is None:
            return None
        import json

        try:
            value = json.loads(text)
        except ValueError:
            return text != ""  # kept as text: any non-empty string is true in JavaScript
        return isinstance(value, (list, dict)) or bool(value)
    return parse


def _security(reader: Reader, draft: Draft, env: Environment) -> None:
    service = env.get(OPTIONS + "service")
    found = nodemailer.preset(reader.text(service) or "") if service is not None else None
    if found is not None:
        for field, value in zip(("host", "port"), found):
            written = env.get(OPTIONS + field)
            if written is not None and reader.text(written) not in (None, str(value)):
                reader.ignored(written.path, f"{written.label} is ignored: nodemailer's {service.value} preset"
                                             f" sets {field} {value}",
                               help=f"remove {written.label} ({OPTIONS}service decides it)", account=draft.name)
            draft.set(field, value, service.path)
    parse = truthy(reader)
    secure = (found[2], service) if found is not None else flag(env, OPTIONS + "secure", parse)
    port_known = draft.fields.get("port") is not None or OPTIONS + "port" not in env
    nodemailer.decide(draft, secure, flag(env, OPTIONS + "requireTLS", parse), flag(env, OPTIONS + "ignoreTLS", parse),
                      port_known=port_known)


FAMILY = Family("ghost", {OPTIONS + "host": "host", OPTIONS + "port": "port", OPTIONS + "auth__user": "username",
                          OPTIONS + "auth__pass": "password", "mail__from": "sender",
                          OPTIONS + "tls__rejectUnauthorized": Key("verify_cert")},
                _security, {TLS: OPTIONS + "secure=true", STARTTLS: OPTIONS + "requireTLS=true",
                            STARTTLS_OPTIONAL: OPTIONS + "secure=false",
                            NO_TLS: OPTIONS + "ignoreTLS=true"},
                program="Ghost (nodemailer)", presets=(OPTIONS + "service",),
                switch=("mail__transport",))
