"""The mail variables of application images, wherever their environment is written
(docker-compose ``environment``, and any other format that sets a process environment).

Each image family reads its own variables; the family is picked per service, by image
name or by the variables it sets. A family is a data sheet: its variables (the first
name listed for a field is the one advice suggests) and, in code, only how it decides
security from them. Sources: vaultwarden's ``.env.template`` and wiki "SMTP
Configuration" (https://github.com/dani-garcia/vaultwarden/wiki/SMTP-Configuration),
Django's email settings (https://docs.djangoproject.com/en/stable/ref/settings/#email-host),
nodemailer's SMTP transport (https://nodemailer.com/smtp/).
"""

from __future__ import annotations

from typing import Any, Callable, Mapping, NamedTuple

from emaillint.api import (NO_TLS, STARTTLS, STARTTLS_OPTIONAL, TLS, Draft, Key, Reader, Setting,
                           spelling)

Environment = Mapping[str, Setting]


class Family(NamedTuple):
    """One image family: its variables (the first name listed is the one advice suggests),
    and how it decides security, for what its variables cannot say as data."""

    name: str
    keys: Mapping[str, Any]
    security: Callable[[Reader, Draft, Environment], None]
    spelled: Mapping[str, str] = {}
    """Security modes in the family's words, where no single variable spells them."""


# vaultwarden: https://github.com/dani-garcia/vaultwarden/blob/main/.env.template -------------
VAULTWARDEN = Key("security", {"starttls": STARTTLS, "force_tls": TLS, "off": NO_TLS},
                  otherwise="vaultwarden refuses to start", choices="starttls (port 587), force_tls (port 465) or off")
VAULTWARDEN_PORTS = {STARTTLS: 587, TLS: 465, NO_TLS: 25}
VAULTWARDEN_LEGACY = ("SMTP_EXPLICIT_TLS", "SMTP_SSL")
BITWARDEN_NAMES = {"host": "SMTP_HOST", "port": "SMTP_PORT", "username": "SMTP_USERNAME",
                   "password": "SMTP_PASSWORD", "ssl": "SMTP_SECURITY", "starttls": "SMTP_SECURITY",
                   "replytoemail": "SMTP_FROM"}
"""Bitwarden's official ``globalSettings__mail__*`` names, which vaultwarden does not read."""
BITWARDEN_PREFIX = "globalSettings__mail__"


def _vaultwarden(reader: Reader, draft: Draft, env: Environment) -> None:
    ssl, explicit = reader.flag(env.get("SMTP_SSL")), reader.flag(env.get("SMTP_EXPLICIT_TLS"))
    legacy = (TLS if explicit else STARTTLS if ssl is not False else NO_TLS) if {ssl, explicit} != {None} else None
    old = next((env[name] for name in VAULTWARDEN_LEGACY if name in env), None)
    written = env.get("SMTP_SECURITY")
    chosen = written if reader.text(written) is not None else None
    mode = reader.enum(draft, VAULTWARDEN, chosen) if chosen else None
    if mode is not None and legacy is not None and legacy != mode:
        draft.conflict((f"SMTP_SECURITY={chosen.value.strip().lower()}", f"{old.label}={old.value}"),
                       "vaultwarden uses SMTP_SECURITY and ignores the deprecated SMTP_SSL and SMTP_EXPLICIT_TLS",
                       "remove SMTP_SSL and SMTP_EXPLICIT_TLS")
    mode = mode or legacy or STARTTLS
    if chosen or legacy:
        draft.set("security", mode, (chosen or old).path)
    else:
        draft.default("security", mode)
    if "port" not in draft.positions:
        draft.default("port", VAULTWARDEN_PORTS[mode])
    for name in ("SMTP_ACCEPT_INVALID_CERTS", "SMTP_ACCEPT_INVALID_HOSTNAMES"):
        if reader.flag(env.get(name)):
            draft.unverified(env[name].path, f"{name}=true")
    for key, setting in env.items():
        if key.startswith(BITWARDEN_PREFIX):
            instead = BITWARDEN_NAMES.get(key.rsplit("__", 1)[-1].lower())
            hint = f"write {instead}" if instead else "see vaultwarden's .env.template for its SMTP_* names"
            reader.ignored(setting.path, f"{key} is a Bitwarden (official server) setting; vaultwarden does not"
                                         f" read it; {hint}", account=draft.name)


# Django: https://docs.djangoproject.com/en/stable/ref/settings/#email-use-tls ----------------
def _django(reader: Reader, draft: Draft, env: Environment) -> None:
    tls, ssl = reader.flag(env.get("EMAIL_USE_TLS")), reader.flag(env.get("EMAIL_USE_SSL"))
    if tls is None and ssl is None:
        return  # the application's settings.py decides; nothing to check
    if tls and ssl:
        draft.conflict(("EMAIL_USE_TLS=True", "EMAIL_USE_SSL=True"),
                       "Django refuses to send ('EMAIL_USE_TLS/EMAIL_USE_SSL are mutually exclusive')",
                       "keep EMAIL_USE_TLS=True for port 587 or EMAIL_USE_SSL=True for port 465, not both",
                       fails=True)
    mode = TLS if ssl else STARTTLS if tls else NO_TLS
    decided_by = env["EMAIL_USE_SSL"] if ssl else env["EMAIL_USE_TLS"] if tls else \
        env.get("EMAIL_USE_TLS") or env["EMAIL_USE_SSL"]
    draft.set("security", mode, decided_by.path)


# generic SMTP_*: nodemailer's boolean `secure` (https://nodemailer.com/smtp/), Nextcloud's words
SECURE = Key("security", {"true": TLS, "ssl": TLS, "1": TLS, "false": STARTTLS_OPTIONAL, "0": STARTTLS_OPTIONAL,
                          "tls": STARTTLS_OPTIONAL, "starttls": STARTTLS})
"""``SMTP_SECURE``: true is implicit TLS; false still upgrades with STARTTLS when offered."""


def _generic(reader: Reader, draft: Draft, env: Environment) -> None:
    secure = env.get("SMTP_SECURE")
    mode = SECURE.values.get((reader.text(secure) or "").strip().lower())
    if mode is not None:
        draft.set("security", mode, secure.path)


FAMILIES = (
    Family("vaultwarden", {"SMTP_HOST": "host", "SMTP_PORT": "port", "SMTP_USERNAME": "username",
                           "SMTP_PASSWORD": "password", "SMTP_FROM": "sender", "SMTP_SECURITY": VAULTWARDEN},
           _vaultwarden),
    Family("django", {"EMAIL_HOST": "host", "EMAIL_PORT": "port", "EMAIL_HOST_USER": "username",
                      "EMAIL_HOST_PASSWORD": "password", "DEFAULT_FROM_EMAIL": "sender", "SERVER_EMAIL": "sender"},
           _django, {TLS: "EMAIL_USE_SSL=True", STARTTLS: "EMAIL_USE_TLS=True", NO_TLS: "EMAIL_USE_TLS=False"}),
    Family("generic", {"SMTP_HOST": "host", "SMTP_SERVER": "host", "SMTP_PORT": "port", "SMTP_USER": "username",
                       "SMTP_USERNAME": "username", "SMTP_LOGIN": "username", "SMTP_NAME": "username",
                       "SMTP_PASS": "password", "SMTP_PASSWORD": "password", "SMTP_FROM": "sender",
                       "SMTP_FROM_ADDRESS": "sender", "MAIL_FROM": "sender", "EMAIL_FROM": "sender",
                       "MAIL_FROM_ADDRESS": "sender"},
           _generic, {TLS: "SMTP_SECURE=true", STARTTLS: "SMTP_SECURE=false (STARTTLS)",
                      STARTTLS_OPTIONAL: "SMTP_SECURE=false"}),
)
VAULTWARDEN_IMAGES = ("vaultwarden", "bitwarden_rs")
VAULTWARDEN_MARKERS = ("SMTP_SECURITY", "SMTP_SSL", "SMTP_EXPLICIT_TLS")


def hosts(family: Family) -> list[str]:
    return [name for name, key in family.keys.items() if key == "host"]


MARKERS = frozenset(name for family in FAMILIES for name in hosts(family)) | frozenset(VAULTWARDEN_MARKERS)
"""Variables that make an environment worth reading."""


def family_of(image: str, env: Environment) -> Family | None:
    if any(name in image.lower() for name in VAULTWARDEN_IMAGES) or any(m in env for m in VAULTWARDEN_MARKERS):
        return FAMILIES[0]
    return next((family for family in FAMILIES[1:] if any(name in env for name in hosts(family))), None)


def read(reader: Reader, name: str, path: tuple[Any, ...], env: Environment, image: str = "") -> None:
    """The account a process environment configures, if its family is known and it names a host."""
    family = family_of(image, env)
    host = next((env[h] for h in hosts(family) if h in env), None) if family else None
    if host is None or _blank(reader, host):
        return  # unconfigured: SMTP_HOST= or no host at all
    password = next((k for k, v in family.keys.items() if v == "password" and k in env), "SMTP_PASSWORD")
    draft = reader.draft(name, path, spelling(name, family.keys, "{key}={value}", security=family.spelled, fields={
        "password": f"{password}=${{{password}}} (the value in an .env file kept out of the repository)"}))
    reader.fields(draft, {k: s for k, s in env.items() if k != "SMTP_SECURITY" and not _blank(reader, s)},
                  family.keys)
    family.security(reader, draft, env)
    reader.add(draft)


def _blank(reader: Reader, setting: Setting) -> bool:
    text = reader.text(setting)
    return text is not None and not text.strip()
