"""emaillint's own config format (version 1), as one dialect among others, on the same kit.

Recognised by content: a mapping with ``accounts`` (or a near-miss such as ``acounts``,
so a typo gets a schema finding instead of silence) or ``version: 1``. Other versions
are other formats' (docker-compose's ``version: "3.8"``). The schema checks the shape;
the accounts are then read leniently, every field that has the right type is used, so
one typo does not hide the other problems of the same account. A whole ``${NAME}`` is a
reference (``--resolve-env`` gives it its value, except for a password).
"""

from __future__ import annotations

import functools
from typing import Any

from emaillint import kit
from emaillint.credentials import reference_name
from emaillint.interpolation import own
from emaillint.load import Document
from emaillint.model import OWN_FORMAT, Dialect, ReadOptions, Reading
from emaillint.vocabulary import SECURITY_MODES

NAME = OWN_FORMAT
FORMAT_VERSIONS = ("1", "1.0")
"""``version: 1`` and ``version: "1"``, as written; other versions are other formats'."""
KEYS: kit.Keys = {"provider": "provider", "plan": "plan", "host": "host", "port": "port", "security": "security",
                  "auth": "auth", "username": "username", "password": "password", "from": "sender"}
SPELLING = kit.spelling("emaillint", KEYS, security={mode: f"security: {mode}" for mode in SECURITY_MODES})
EXPANDS = "only ${NAME} with braces is a reference"
BRACES = "write ${NAME}, with braces"


def detect(doc: Document) -> bool:
    keys = doc.keys()
    if "accounts" in keys or doc.scalar(("version",)) in FORMAT_VERSIONS:
        return True
    return any(_misspelt(key) for key in keys if 6 <= len(key) <= 12)


@functools.lru_cache(maxsize=4096)
def _misspelt(key: str) -> bool:
    """A near miss of "accounts" (it needs 6 to 12 characters: most keys are ruled out by
    length). Cached: a repository repeats its top-level keys (``apiVersion`` in every
    manifest), and each answer costs a similarity comparison."""
    return kit.closest(key, ["accounts"]) is not None


def read(doc: Document, options: ReadOptions) -> Reading:
    reader = kit.Reader(doc, options, NAME, own, BRACES, outcome=EXPANDS)
    reader.findings.extend(options.schema.check(doc))
    for name, setting in kit.mapping(doc, ("accounts",)).items():
        if isinstance(setting.value, dict):
            _account(reader, name, setting)
    return reader.reading()


def _account(reader: kit.Reader, name: str, account: kit.Setting) -> None:
    draft = reader.draft(name, account.path, SPELLING)
    keys = kit.mapping(reader.doc, account.path)
    for key, field in KEYS.items():
        setting = keys.get(key)
        if setting is not None:
            _field(draft, field, setting)
    message = kit.mapping(reader.doc, account.path + ("message",))
    for field in ("to", "cc", "bcc"):
        setting = message.get(field)
        if setting is not None and isinstance(setting.value, list):
            draft.addresses(field, setting)
        elif setting is not None:
            draft.at(field, setting.path)
            draft.to_count = setting.value if field == "to" and _is_int(setting.value) else None
    volume = kit.mapping(reader.doc, account.path + ("volume",)).get("messages_per_day")
    if volume is not None:
        draft.set("messages_per_day", volume.value if _is_int(volume.value) else None, volume.path)
    for key, setting in keys.items():
        if key not in KNOWN:
            draft.extra_key(setting)
    reader.add(draft, format_says_auth=True)


KNOWN = frozenset(KEYS) | {"message", "volume"}
REFERABLE = ("provider", "plan", "host", "port", "security", "username", "sender")
"""Fields a ``${NAME}`` may stand for; ``auth`` is one of a few words, never a reference."""


def _field(draft: kit.Draft, field: str, setting: kit.Setting) -> None:
    """One key: a value of the wrong type is left out (the schema reports it), so the
    account's other fields are still checked."""
    draft.at(field, setting.path)
    value = setting.value
    if field == "password":
        draft.password(setting)
    elif field == "port" and not isinstance(value, str):
        draft.set(field, value if _is_int(value) else None)
    elif not isinstance(value, str) or not value.strip():
        return
    elif field in REFERABLE and (field != "port" or reference_name(value)):
        draft.read(field, setting, convert=_port if field == "port" else str.strip)
    elif field != "port":  # "587" as text is neither a port nor a reference
        draft.set(field, value.strip())


def _port(text: str) -> int | None:
    return int(text) if text.isdigit() else None


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


DIALECT = Dialect(
    name=NAME,
    summary="emaillint's own format: version: 1 and accounts: (see `emaillint schema`)",
    detect=detect,
    read=read,
)
