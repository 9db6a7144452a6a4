"""Home Assistant's ``notify`` entries with ``platform: smtp``.

The entries sit under ``notify:`` (or ``notify 2:``, ``notify mail:``: every key
``notify`` or ``notify <label>``) in ``configuration.yaml`` or a package, as a list or as
one mapping, or make up a whole split file pulled in with ``!include`` (a bare list):
``homeassistant/config.py`` ``extract_domain_configs`` and ``config_per_platform``, which
wraps a single mapping in a list. Home Assistant's
defaults apply: ``server: localhost``, ``port: 587``, ``encryption: starttls`` (STARTTLS
required; ``tls`` is implicit TLS, ``none`` none) and ``verify_ssl: true``; ``sender``
and ``recipient`` are required. Its tags are understood: ``!secret name`` and
``!include file`` are references to values kept elsewhere, ``!env_var NAME`` reads the
environment; ``${NAME}`` is not expanded. Unknown options are ignored without a word.
Source: https://www.home-assistant.io/integrations/smtp/ and
``homeassistant/components/smtp/notify.py``.
"""

from __future__ import annotations

import re
from typing import Any, Mapping

from emaillint.api import (
    FALLBACK,
    NO_TLS,
    PLAIN,
    REFERENCE,
    STARTTLS,
    TLS,
    Dialect,
    Key,
    Reader,
    Reading,
    Value,
    hookimpl,
    interpolate_nothing,
    mapping,
    spelling,
)

NAME = "homeassistant"
PLATFORM = "smtp"
DOMAIN_KEY = re.compile(r"notify(?: .+)?")
"""The keys Home Assistant reads notify platforms from (``extract_domain_configs``: ``^notify(| .+)$``)."""
KEYS = {
    "server": "host", "port": "port", "username": "username", "password": "password", "sender": "sender",
    "recipient": "to",
    "encryption": Key("security", {"starttls": STARTTLS, "tls": TLS, "none": NO_TLS},
                      otherwise="Home Assistant refuses this notifier",
                      choices="starttls, tls (implicit TLS, port 465) or none"),
    "verify_ssl": Key("verify_cert"),
    "platform": None, "name": None, "timeout": None, "sender_name": None, "debug": None,
}
DEFAULTS = {"host": "localhost", "port": 587, "security": STARTTLS}
RETIRED = {"starttls": "write encryption: starttls (the default) or encryption: tls instead"}
REQUIRED = {"sender": "sender: home@example.com", "recipient": "recipient: you@example.com"}
EXPANDS = "Home Assistant does not expand it"
NOT_EXPANDED = "write !secret name (with the value in secrets.yaml) or !env_var NAME"
SPELLING = spelling("Home Assistant", KEYS,
                    fields={"password": "password: !secret smtp_password (the value goes in secrets.yaml)"})


def _entries(data: Any) -> list[tuple[tuple[Any, ...], dict[str, Any]]]:
    """``(path, entry)`` for each smtp notifier, in a bare list or under a notify key."""
    blocks = ([((key,), items) for key, items in data.items() if DOMAIN_KEY.fullmatch(str(key))]
              if isinstance(data, dict) else [((), data)])
    found = []
    for base, items in blocks:
        listed = list(enumerate(items)) if isinstance(items, list) else [(None, items)]
        found += [(base if i is None else base + (i,), item) for i, item in listed
                  if isinstance(item, dict) and str(item.get("platform", "")).strip().lower() == PLATFORM]
    return found


def detect(doc: Any) -> bool:
    listed = doc.length(()) or 0  # a split file pulled in with !include: a bare list
    if any(DOMAIN_KEY.fullmatch(key) for key in doc.keys()) or any("platform" in doc.keys((i,)) for i in range(listed)):
        return bool(_entries(doc.data))
    return False


def interpolate(raw: str, environ: Mapping[str, str]) -> Value:
    """Home Assistant's tags: ``!env_var NAME [fallback]`` reads the environment, any other
    tag (``!secret``, ``!include``) a value kept elsewhere; ``$`` is text."""
    tag = getattr(raw, "tag", "")
    if tag == "!env_var":
        variable, _, fallback = str(raw).partition(" ")
        if variable in environ:
            return Value(PLAIN, environ[variable], variable)
        return Value(FALLBACK, fallback, variable) if fallback else Value(REFERENCE, "", variable)
    return Value(REFERENCE, "", str(raw)) if tag else interpolate_nothing(raw, environ)


def read(doc: Any, options: Any) -> Reading:
    reader = Reader(doc, options, NAME, interpolate, NOT_EXPANDED, outcome=EXPANDS)
    for path, entry in _entries(doc.data):
        name = str(entry.get("name") or (f"{path[0]}[{path[-1]}]" if len(path) > 1 else path[0] if path else "notify"))
        found = mapping(doc, path)
        draft = reader.draft(name, path, SPELLING, key=False)
        reader.fields(draft, found, KEYS)
        for field, value in DEFAULTS.items():
            if not draft.has(field):
                draft.default(field, value)
        for key, example in REQUIRED.items():
            if entry.get(key) in (None, ""):
                reader.refused(path, f"{key} is required: Home Assistant refuses this notifier without it",
                               help=f"add {example}", key=True, account=name)
        for key, instead in RETIRED.items():
            if key in found:
                reader.ignored(found.pop(key).path, f"{key} is an old option Home Assistant no longer reads",
                               help=instead, account=name)
        reader.unknown([s for k, s in found.items() if k not in KEYS], KEYS, says="Home Assistant ignores it",
                       otherwise="the smtp notifier has no such option", account=name)
        reader.add(draft)
    return reader.reading()


DIALECT = Dialect(name=NAME, summary="Home Assistant notify entries with platform: smtp (!secret and !include understood)",
                  detect=detect, read=read, needles=("platform",))


@hookimpl
def emaillint_dialects():
    return [DIALECT]
