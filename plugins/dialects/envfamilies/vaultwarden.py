"""vaultwarden (``vaultwarden/server``, formerly ``bitwarden_rs``).

Source: https://github.com/dani-garcia/vaultwarden/blob/main/.env.template and the wiki's
"SMTP Configuration" (https://github.com/dani-garcia/vaultwarden/wiki/SMTP-Configuration):
``SMTP_SECURITY`` is ``starttls`` (default, port 587), ``force_tls`` (465) or ``off`` (25);
the deprecated ``SMTP_SSL``/``SMTP_EXPLICIT_TLS`` are read only without it.
"""

from __future__ import annotations

from emaillint.api import NO_TLS, STARTTLS, TLS, Draft, Key, Reader

from emaillint_plugins.dialects.envfamilies.sheet import Environment, Family

SECURITY = Key("security", {"starttls": STARTTLS, "force_tls": TLS, "off": NO_TLS},
               otherwise="vaultwarden refuses to start", choices="starttls (port 587), force_tls (port 465) or off")
PORTS = {STARTTLS: 587, TLS: 465, NO_TLS: 25}
LEGACY = ("SMTP_EXPLICIT_TLS", "SMTP_SSL")
BITWARDEN_NAMES = {"host": "SMTP_HOST", "port": "SMTP_PORT", "username": "SMTP_USERNAME",
                   "password": "SMTP_PASSWORD", "ssl": "SMTP_SECURITY", "starttls": "SMTP_SECURITY",
                   "replytoemail": "SMTP_FROM"}
"""Bitwarden's official ``globalSettings__mail__*`` names, which vaultwarden does not read."""
BITWARDEN_PREFIX = "globalSettings__mail__"


def _security(reader: Reader, draft: Draft, env: Environment) -> None:
    ssl, explicit = reader.flag(env.get("SMTP_SSL")), reader.flag(env.get("SMTP_EXPLICIT_TLS"))
    legacy = (TLS if explicit else STARTTLS if ssl is not False else NO_TLS) if {ssl, explicit} != {None} else None
    old = next((env[name] for name in LEGACY if name in env), None)
    written = env.get("SMTP_SECURITY")
    chosen = written if reader.text(written) is not None else None
    mode = reader.enum(draft, SECURITY, chosen) if chosen else None
    if mode is not None and legacy is not None and legacy != mode:
        draft.conflict((f"SMTP_SECURITY={chosen.value.strip().lower()}", f"{old.label}={old.value}"),
                       "vaultwarden uses SMTP_SECURITY and ignores the deprecated SMTP_SSL and SMTP_EXPLICIT_TLS",
                       "remove SMTP_SSL and SMTP_EXPLICIT_TLS")
    mode = mode or legacy or STARTTLS
    if chosen or legacy:
        draft.set("security", mode, (chosen or old).path)
    else:
        draft.default("security", mode)
    if not draft.has("port"):
        draft.default("port", PORTS[mode])
    for name in ("SMTP_ACCEPT_INVALID_CERTS", "SMTP_ACCEPT_INVALID_HOSTNAMES"):
        if reader.flag(env.get(name)):
            draft.unverified(env[name].path, f"{name}=true")
    for key, setting in env.items():
        if key.startswith(BITWARDEN_PREFIX):
            instead = BITWARDEN_NAMES.get(key.rsplit("__", 1)[-1].lower())
            hint = f"write {instead}" if instead else "see vaultwarden's .env.template for its SMTP_* names"
            reader.ignored(setting.path, f"{key} is a Bitwarden setting; vaultwarden does not read it", help=hint, account=draft.name)


FAMILY = Family("vaultwarden", {"SMTP_HOST": "host", "SMTP_PORT": "port", "SMTP_USERNAME": "username",
                                "SMTP_PASSWORD": "password", "SMTP_FROM": "sender", "SMTP_SECURITY": SECURITY},
                _security, images=("vaultwarden", "bitwarden_rs"), markers=("SMTP_SECURITY",) + LEGACY)
