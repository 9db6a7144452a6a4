"""docker-compose ``services.*.environment``: the mail variables of the common images.

Compose files have no mail schema; each image reads its own variables. The families are
picked per service: vaultwarden's (``SMTP_SECURITY``), Django's (``EMAIL_HOST``,
``EMAIL_USE_TLS``, ``EMAIL_USE_SSL``) and the generic ``SMTP_*`` one of nodemailer-based
and many other images (``SMTP_SECURE=true`` is implicit TLS). Both ``environment`` forms
are read (``- KEY=value`` and ``KEY: value``), anchors and merge keys included, with
Compose interpolation: ``${NAME}`` and a bare ``KEY`` come from the shell or ``.env`` at
run time; ``${NAME:-fallback}`` uses the fallback whenever the variable is unset, so a
fallback is checked like a written value, and a fallback password is a password written
in the file. Sources: https://docs.docker.com/reference/compose-file/interpolation/,
vaultwarden's ``.env.template`` and wiki "SMTP Configuration", Django's email settings
(https://docs.djangoproject.com/en/stable/ref/settings/#email-host), nodemailer's SMTP
transport (https://nodemailer.com/smtp/).
"""

from __future__ import annotations

from typing import Any, Callable, Mapping, NamedTuple

from emaillint.api import (NO_TLS, PLAIN, STARTTLS, STARTTLS_OPTIONAL, TLS, Dialect, Draft, Key, Reader, Reading,
                           Setting, boolean, environment, hookimpl, interpolate_compose, spelling)

NAME = "compose"
Environment = Mapping[str, Setting]


class Family(NamedTuple):
    """One image family: its variables (the first name listed is the one advice suggests),
    and how it decides security, for what its variables cannot say as data."""

    name: str
    keys: Mapping[str, Any]
    security: Callable[[Reader, Draft, Environment], None]
    spelled: Mapping[str, str] = {}
    """Security modes in the family's words, where no single variable spells them."""


def _flag(reader: Reader, env: Environment, name: str) -> bool | None:
    setting = env.get(name)
    value = reader.value(setting.value) if setting is not None else None
    return boolean(value.text) if value is not None and value.kind == PLAIN else None


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
    ssl, explicit = _flag(reader, env, "SMTP_SSL"), _flag(reader, env, "SMTP_EXPLICIT_TLS")
    legacy = (TLS if explicit else STARTTLS if ssl is not False else NO_TLS) if {ssl, explicit} != {None} else None
    old = next((env[name] for name in VAULTWARDEN_LEGACY if name in env), None)
    written = env.get("SMTP_SECURITY")
    chosen = written if written is not None and reader.value(written.value).kind == PLAIN else None
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
        if _flag(reader, env, name):
            draft.unverified(env[name].path, f"{name}=true")
    for key, setting in env.items():
        if key.startswith(BITWARDEN_PREFIX):
            instead = BITWARDEN_NAMES.get(key.rsplit("__", 1)[-1].lower())
            hint = f"write {instead}" if instead else "see vaultwarden's .env.template for its SMTP_* names"
            reader.ignored(setting.path, f"{key} is a Bitwarden (official server) setting; vaultwarden does not"
                                         f" read it; {hint}", account=draft.name)


# Django: https://docs.djangoproject.com/en/stable/ref/settings/#email-use-tls ----------------
def _django(reader: Reader, draft: Draft, env: Environment) -> None:
    tls, ssl = _flag(reader, env, "EMAIL_USE_TLS"), _flag(reader, env, "EMAIL_USE_SSL")
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
    value = reader.value(secure.value) if secure is not None else None
    mode = SECURE.values.get(value.text.strip().lower()) if value is not None and value.kind == PLAIN else None
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


def _hosts(family: Family) -> list[str]:
    return [name for name, key in family.keys.items() if key == "host"]


def _family(service: dict[str, Any], env: Environment) -> Family | None:
    image = str(service.get("image", "")).lower()
    if any(name in image for name in VAULTWARDEN_IMAGES) or any(m in env for m in VAULTWARDEN_MARKERS):
        return FAMILIES[0]
    return next((family for family in FAMILIES[1:] if any(name in env for name in _hosts(family))), None)


def _services(doc: Any) -> list[tuple[str, dict[str, Any]]]:
    services = doc.get(("services",))
    if not isinstance(services, dict):
        return []
    return [(name, service) for name, service in services.items()
            if isinstance(service, dict) and isinstance(service.get("environment"), (dict, list))]


def detect(doc: Any) -> bool:
    markers = {name for family in FAMILIES for name in _hosts(family)} | set(VAULTWARDEN_MARKERS)
    return any(markers.intersection(environment(doc, ("services", name, "environment"))) for name, _ in _services(doc))


def read(doc: Any, options: Any) -> Reading:
    reader = Reader(doc, options, NAME, interpolate_compose, form="{key}={value}")
    for name, service in _services(doc):
        path = ("services", name, "environment")
        # a bare KEY takes its value from the shell at run time, as ${KEY} does
        env = {key: s if s.value is not None else s._replace(value=f"${{{key}}}")
               for key, s in environment(doc, path).items()}
        family = _family(service, env)
        host = next((env[h] for h in _hosts(family) if h in env), None) if family else None
        if host is None or not reader.value(host.value).text.strip() and reader.value(host.value).kind == PLAIN:
            continue  # unconfigured: SMTP_HOST= or no host at all
        written = {key: s for key, s in env.items() if key in family.keys}
        keys = {**{k: v for k, v in family.keys.items() if k in written}, **family.keys}  # the one written wins
        draft = reader.draft(name, path, spelling(name, keys, "{key}={value}", security=family.spelled, fields={
            "password": next((f"{k}=${{{k}}} (the value in an .env file kept out of the repository)"
                              for k, v in keys.items() if v == "password"), "")}))
        reader.fields(draft, {k: s for k, s in written.items() if k != "SMTP_SECURITY" and not _blank(reader, s)},
                      keys)
        family.security(reader, draft, env)
        reader.add(draft)
    return reader.reading()


def _blank(reader: Reader, setting: Setting) -> bool:
    value = reader.value(setting.value)
    return value.kind == PLAIN and not value.text.strip()


DIALECT = Dialect(
    name=NAME,
    summary="docker-compose environment: generic SMTP_*, Django EMAIL_*, vaultwarden SMTP_SECURITY",
    detect=detect,
    read=read,
)


@hookimpl
def emaillint_dialects():
    return [DIALECT]
