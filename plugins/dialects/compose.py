"""docker-compose ``services.*.environment``: the mail variables of the common images.

Compose files have no mail schema; each image reads its own variables. Three families
are understood, picked per service: vaultwarden's (``SMTP_SECURITY``), Django's
(``EMAIL_HOST``, ``EMAIL_USE_TLS``, ``EMAIL_USE_SSL``) and the generic ``SMTP_*`` one of
nodemailer-based and many other images (``SMTP_SECURE=true`` is implicit TLS). Both
``environment`` forms are read (``- KEY=value`` and ``KEY: value``), anchors and merge
keys included, with Compose interpolation: ``${NAME}`` and a bare ``KEY`` come from the
shell or ``.env`` at run time; ``${NAME:-fallback}`` uses the fallback whenever the
variable is unset, so a fallback is checked like a written value, and a fallback password
is a password written in the file. Sources: https://docs.docker.com/reference/compose-file/interpolation/,
vaultwarden's ``.env.template`` and wiki "SMTP Configuration", Django's email settings
(https://docs.djangoproject.com/en/stable/ref/settings/#email-host), nodemailer's SMTP
transport (https://nodemailer.com/smtp/).
"""

from __future__ import annotations

from typing import Any, Callable, NamedTuple

from emaillint.api import Conflict, Dialect, Reading, hookimpl

from emaillint_plugins.dialects.draft import SETTING_NAMES, Draft
from emaillint_plugins.dialects.interpolation import PLAIN, REFERENCE, Value
from emaillint_plugins.dialects.interpolation import compose as interpolate
from emaillint_plugins.dialects.values import boolean, port

NAME = "compose"


class Variable(NamedTuple):
    value: Value
    """After interpolation, with ``--resolve-env`` values when given."""
    path: tuple[Any, ...]
    name: str
    raw: str | None
    """As written; None for a bare ``KEY`` taken from the shell."""


Environment = dict[str, Variable]


class Family(NamedTuple):
    """One image family's variable names and how it decides security and defaults."""

    name: str
    fields: dict[str, tuple[str, ...]]
    """Account field -> variable names, first one set wins."""
    security: Callable[[Environment, Draft], list[Any]]
    """Sets security (and whatever follows from it) on the draft; returns the family's own findings."""
    spelling: dict[str, str]


def _first(env: Environment, names: tuple[str, ...]) -> Variable | None:
    return next((env[n] for n in names if n in env), None)


def _flag(env: Environment, name: str) -> bool | None:
    variable = env.get(name)
    return boolean(variable.value.text) if variable is not None and variable.value.kind == PLAIN else None


# vaultwarden ------------------------------------------------------------------------------
VAULTWARDEN_SECURITY = {"starttls": "starttls", "force_tls": "tls", "off": "none"}
VAULTWARDEN_PORTS = {"starttls": 587, "force_tls": 465, "off": 25}
BITWARDEN_NAMES = {"host": "SMTP_HOST", "port": "SMTP_PORT", "username": "SMTP_USERNAME",
                   "password": "SMTP_PASSWORD", "ssl": "SMTP_SECURITY", "starttls": "SMTP_SECURITY",
                   "replytoemail": "SMTP_FROM"}
"""Bitwarden's official ``globalSettings__mail__*`` names, which vaultwarden does not read."""


def _vaultwarden(env: Environment, draft: Draft) -> list[Any]:
    findings = []
    written = env.get("SMTP_SECURITY")
    ssl, explicit = _flag(env, "SMTP_SSL"), _flag(env, "SMTP_EXPLICIT_TLS")
    legacy = None
    if ssl is not None or explicit is not None:
        legacy = "force_tls" if explicit else "starttls" if ssl is not False else "off"
    mode = legacy or "starttls"
    if written is not None and written.value.kind == PLAIN:
        chosen = written.value.text.strip().lower()
        if chosen not in VAULTWARDEN_SECURITY:
            findings.append(draft.doc.finding(written.path, "schema", (
                f"SMTP_SECURITY={written.value.text} is not a mode vaultwarden knows, so it refuses to"
                " start; write starttls (port 587), force_tls (port 465) or off"), account=draft.name))
        else:
            if legacy and legacy != chosen:
                old = env.get("SMTP_EXPLICIT_TLS") or env.get("SMTP_SSL")
                draft.conflict(Conflict(
                    (f"SMTP_SECURITY={chosen}", f"{old.name}={old.value.text}"),
                    "vaultwarden uses SMTP_SECURITY and ignores the deprecated SMTP_SSL and SMTP_EXPLICIT_TLS",
                    "remove SMTP_SSL and SMTP_EXPLICIT_TLS"))
            mode = chosen
        draft.put("security", VAULTWARDEN_SECURITY[mode], written.path)
    elif legacy:
        draft.put("security", VAULTWARDEN_SECURITY[mode], (env.get("SMTP_EXPLICIT_TLS") or env.get("SMTP_SSL")).path)
    else:
        draft.default("security", VAULTWARDEN_SECURITY[mode])
    if "port" not in draft.positions:
        draft.default("port", VAULTWARDEN_PORTS[mode])
    for name in ("SMTP_ACCEPT_INVALID_CERTS", "SMTP_ACCEPT_INVALID_HOSTNAMES"):
        if _flag(env, name):
            draft.put("verify_cert", False, env[name].path)
            draft.spelling["verify_cert=False"] = f"{name}=true"
    return findings


# Django -----------------------------------------------------------------------------------
def _django(env: Environment, draft: Draft) -> list[Any]:
    tls, ssl = _flag(env, "EMAIL_USE_TLS"), _flag(env, "EMAIL_USE_SSL")
    if tls is None and ssl is None:
        return []  # the application's settings.py decides; nothing to check
    if tls and ssl:
        draft.put("security", "tls", env["EMAIL_USE_SSL"].path)
        draft.conflict(Conflict(
            ("EMAIL_USE_TLS=True", "EMAIL_USE_SSL=True"),
            "Django refuses to send ('EMAIL_USE_TLS/EMAIL_USE_SSL are mutually exclusive')",
            "keep EMAIL_USE_TLS=True for port 587 or EMAIL_USE_SSL=True for port 465, not both",
            fails=True))
    elif ssl:
        draft.put("security", "tls", env["EMAIL_USE_SSL"].path)
    elif tls:
        draft.put("security", "starttls", env["EMAIL_USE_TLS"].path)
    else:
        draft.put("security", "none", (env.get("EMAIL_USE_TLS") or env.get("EMAIL_USE_SSL")).path)
    return []


# generic SMTP_* ---------------------------------------------------------------------------
SECURE = {"true": "tls", "ssl": "tls", "1": "tls", "false": "starttls-optional", "0": "starttls-optional",
          "tls": "starttls-optional", "starttls": "starttls"}
"""``SMTP_SECURE``: nodemailer's boolean (true = implicit TLS; false still upgrades with
STARTTLS when offered), and Nextcloud's ``ssl`` / ``tls`` (STARTTLS)."""


def _generic(env: Environment, draft: Draft) -> list[Any]:
    secure = env.get("SMTP_SECURE")
    if secure is None or secure.value.kind != PLAIN or not secure.value.text.strip():
        return []
    mode = SECURE.get(secure.value.text.strip().lower())
    if mode is not None:
        draft.put("security", mode, secure.path)
    return []


FAMILIES = (
    Family("vaultwarden", {
        "host": ("SMTP_HOST",), "port": ("SMTP_PORT",), "username": ("SMTP_USERNAME",),
        "password": ("SMTP_PASSWORD",), "sender": ("SMTP_FROM",),
    }, _vaultwarden, {
        "security=tls": "SMTP_SECURITY=force_tls", "security=starttls": "SMTP_SECURITY=starttls",
        "security=none": "SMTP_SECURITY=off", "port": "SMTP_PORT={}",
    }),
    Family("django", {
        "host": ("EMAIL_HOST",), "port": ("EMAIL_PORT",), "username": ("EMAIL_HOST_USER",),
        "password": ("EMAIL_HOST_PASSWORD",), "sender": ("DEFAULT_FROM_EMAIL", "SERVER_EMAIL"),
    }, _django, {
        "security=tls": "EMAIL_USE_SSL=True", "security=starttls": "EMAIL_USE_TLS=True",
        "security=none": "EMAIL_USE_TLS=False", "port": "EMAIL_PORT={}",
    }),
    Family("generic", {
        "host": ("SMTP_HOST", "SMTP_SERVER"), "port": ("SMTP_PORT",),
        "username": ("SMTP_USER", "SMTP_USERNAME", "SMTP_LOGIN", "SMTP_NAME"),
        "password": ("SMTP_PASS", "SMTP_PASSWORD"),
        "sender": ("SMTP_FROM", "SMTP_FROM_ADDRESS", "MAIL_FROM", "EMAIL_FROM", "MAIL_FROM_ADDRESS"),
    }, _generic, {
        "security=tls": "SMTP_SECURE=true", "security=starttls": "SMTP_SECURE=false (STARTTLS)",
        "security=starttls-optional": "SMTP_SECURE=false",
        "port": "SMTP_PORT={}",
    }),
)
VAULTWARDEN_IMAGES = ("vaultwarden", "bitwarden_rs")
VAULTWARDEN_MARKERS = ("SMTP_SECURITY", "SMTP_SSL", "SMTP_EXPLICIT_TLS")
BITWARDEN_PREFIX = "globalSettings__mail__"


def _environment(service: Any, path: tuple[Any, ...], environ: Any) -> Environment:
    """A service's variables in either form; a bare ``KEY`` comes from the shell at run time."""
    raw = service.get("environment") if isinstance(service, dict) else None
    env: Environment = {}
    if isinstance(raw, dict):
        for key, value in raw.items():
            where = path + ("environment", key)
            text = None if value is None else str(value).lower() if isinstance(value, bool) else str(value)
            env[key] = Variable(_value(key, text, environ), where, key, text)
    elif isinstance(raw, list):
        for i, item in enumerate(raw):
            if isinstance(item, str) and item.strip():
                key, equals, text = item.partition("=")
                key = key.strip()
                raw_text = text if equals else None
                env[key] = Variable(_value(key, raw_text, environ), path + ("environment", i), key, raw_text)
    return env


def _value(key: str, text: str | None, environ: Any) -> Value:
    """A variable after interpolation (passwords are read with an empty ``environ``: never resolved)."""
    if text is None:
        return Value(PLAIN, environ[key], key) if key in environ else Value(REFERENCE, "", key)
    return interpolate(text, environ)


def _family(service: dict[str, Any], env: Environment) -> Family | None:
    image = str(service.get("image", "")).lower()
    if any(name in image for name in VAULTWARDEN_IMAGES) or any(m in env for m in VAULTWARDEN_MARKERS):
        return FAMILIES[0]
    for family in FAMILIES[1:]:
        if _first(env, family.fields["host"]) is not None:
            return family
    return None


def _services(data: Any) -> list[tuple[str, dict[str, Any]]]:
    services = data.get("services") if isinstance(data, dict) else None
    if not isinstance(services, dict):
        return []
    return [(name, service) for name, service in services.items()
            if isinstance(service, dict) and isinstance(service.get("environment"), (dict, list))]


def detect(doc: Any) -> bool:
    for name, service in _services(doc.data):
        env = service["environment"]
        keys = env if isinstance(env, dict) else [str(i).partition("=")[0].strip() for i in env if isinstance(i, str)]
        if any(k in keys for family in FAMILIES for k in family.fields["host"]) or \
                any(k in keys for k in VAULTWARDEN_MARKERS):
            return True
    return False


def read(doc: Any, options: Any) -> Reading:
    accounts, findings, secrets = [], [], set()
    for name, service in _services(doc.data):
        path = ("services", name)
        env = _environment(service, path, options.environ)
        family = _family(service, env)
        if family is None:
            continue
        if family.name == "vaultwarden":
            findings.extend(_bitwarden_names(doc, env, name))
        host = _first(env, family.fields["host"])
        if host is None or (host.value.kind == PLAIN and not host.value.text.strip()):
            continue  # unconfigured: SMTP_HOST= or no host at all
        draft = Draft(doc, name, NAME, doc.position(path + ("environment",), key=True),
                      {"program": name, **family.spelling})
        _read_fields(draft, env, family)
        findings.extend(family.security(env, draft))
        accounts.append(draft.account())
        secrets |= draft.secrets
    return Reading(accounts, findings, frozenset(secrets))


def _read_fields(draft: Draft, env: Environment, family: Family) -> None:
    for field, names in family.fields.items():
        variable = _first(env, names)
        if variable is None:
            continue
        if field == "password":
            if variable.value.kind == PLAIN and not variable.value.text.strip():
                continue
            draft.spelling["password"] = (f"{variable.name}=${{{variable.name}}} (the value in an .env file"
                                          " kept out of the repository)")
            draft.password(_value(variable.name, variable.raw, {}), variable.path, variable.name, "")
        elif variable.value.kind != PLAIN or variable.value.text.strip():
            draft.spelling[SETTING_NAMES.get(field, field)] = f"{variable.name}={{}}"
            draft.value(field, variable.value, variable.path, variable.name, "",
                        convert=port if field == "port" else str)


def _bitwarden_names(doc: Any, env: Environment, service: str) -> list[Any]:
    findings = []
    for key, variable in env.items():
        if key.startswith(BITWARDEN_PREFIX):
            setting = key.rsplit("__", 1)[-1].lower()
            instead = BITWARDEN_NAMES.get(setting)
            hint = f"write {instead}" if instead else "see vaultwarden's .env.template for its SMTP_* names"
            findings.append(doc.finding(variable.path, "unknown-key", (
                f"{key} is a Bitwarden (official server) setting; vaultwarden does not read it; {hint}"),
                key=isinstance(variable.path[-1], str), account=service))
    return findings


DIALECT = Dialect(
    name=NAME,
    summary="docker-compose environment: generic SMTP_*, Django EMAIL_*, vaultwarden SMTP_SECURITY",
    detect=detect,
    read=read,
)


@hookimpl
def emaillint_dialects():
    return [DIALECT]
