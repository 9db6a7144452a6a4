"""emaillint's own config format (version 1), as one dialect among others.

Recognised by content: a mapping with ``accounts`` (or a near-miss such as ``acounts``,
so a typo gets a schema finding instead of silence) or ``version: 1``. Other versions
are other formats' (docker-compose's ``version: "3.8"``). The schema checks the shape;
the accounts are then read leniently, every field that has the right type is used, so
one typo does not hide the other problems of the same account.
"""

from __future__ import annotations

from typing import Any

from emaillint import credentials
from emaillint.load import Document, TaggedStr
from emaillint.model import OWN_FORMAT, Account, Dialect, ReadOptions, Reading, Unexpanded

NAME = OWN_FORMAT
FORMAT_VERSIONS = (1, "1")
_REFERABLE = ("provider", "plan", "host", "port", "security", "username", "from")
_FIELDS = {"from": "sender"}


def detect(doc: Document) -> bool:
    data = doc.data
    if not isinstance(data, dict) or not data:
        return False
    if "accounts" in data or data.get("version") in FORMAT_VERSIONS:
        return True
    # A ratio of 0.8 to "accounts" needs 6 to 12 characters: most keys are ruled out by
    # length, and difflib is imported only for the few that are not.
    near = [str(key) for key in data if 6 <= len(str(key)) <= 12]
    if not near:
        return False
    import difflib

    return any(difflib.get_close_matches(key, ["accounts"], n=1, cutoff=0.8) for key in near)


def read(doc: Document, options: ReadOptions) -> Reading:
    findings = options.schema.check(doc)
    accounts = []
    secrets: set[str] = set()
    entries = doc.data.get("accounts")
    if isinstance(entries, dict):
        for name, raw in entries.items():
            if isinstance(raw, dict):
                accounts.append(_account(doc, str(name), raw, options, secrets))
    return Reading(accounts, findings, frozenset(secrets))


def _account(doc: Document, name: str, raw: dict[str, Any], options: ReadOptions, secrets: set[str]) -> Account:
    base = ("accounts", name)
    positions = {}
    values: dict[str, Any] = {}
    references = set()
    for key, value in raw.items():
        positions[key] = doc.position(base + (key,))
        if key in _REFERABLE:
            ref = credentials.reference_name(value)
            if ref is not None:
                value = options.environ.get(ref)
                if value is None:
                    references.add(key)
                    continue
                if key == "port":
                    value = int(value) if value.isdigit() else None
        values[_FIELDS.get(key, key)] = value

    password = raw.get("password")
    secret = None
    unexpanded = {}
    if "password" in raw:
        tag = password.tag if isinstance(password, TaggedStr) else ""
        secret = credentials.classify(password, tag=tag)
        if secret.kind == "literal":
            secrets.add(str(password))
        elif secret.kind == "lookalike":
            unexpanded["password"] = Unexpanded("password", _BRACES)

    message = raw.get("message") if isinstance(raw.get("message"), dict) else {}
    volume = raw.get("volume") if isinstance(raw.get("volume"), dict) else {}
    to = message.get("to", 1)
    to_addresses: tuple[str, ...] = ()
    if isinstance(to, list):
        to_addresses = _addresses(to)
        to = len(to)
    elif not _is_int(to):
        to = 1
    for field in ("to", "cc", "bcc"):
        path = base + ("message", field)
        if path in doc.positions:
            positions[field] = doc.positions[path]
            items = message.get(field)
            for i in range(len(items) if isinstance(items, list) else 0):
                positions[f"{field}.{i}"] = doc.position(path + (i,))
    if base + ("volume", "messages_per_day") in doc.positions:
        positions["messages_per_day"] = doc.position(base + ("volume", "messages_per_day"))

    return Account(
        name=name,
        dialect=NAME,
        position=doc.position(base, key=True),
        provider=_text(values.get("provider")),
        plan=_text(values.get("plan")),
        host=_text(values.get("host")),
        port=values.get("port") if _is_int(values.get("port")) else None,
        security=_text(values.get("security")),
        auth=_text(values.get("auth")),
        username=_text(values.get("username")),
        password=secret,
        sender=_text(values.get("sender")),
        to=to,
        to_addresses=to_addresses,
        cc=_addresses(message.get("cc")),
        bcc=_addresses(message.get("bcc")),
        messages_per_day=volume.get("messages_per_day") if _is_int(volume.get("messages_per_day")) else None,
        references=frozenset(references),
        extra={k: v for k, v in raw.items() if k not in _KNOWN},
        positions=positions,
        unexpanded=unexpanded,
    )


_BRACES = "only ${NAME} with braces is a reference; write password: ${SMTP_PASSWORD}"
_KNOWN = frozenset(("provider", "plan", "host", "port", "security", "auth", "username", "password",
                    "from", "message", "volume"))


def _text(value: Any) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _addresses(value: Any) -> tuple[str, ...]:
    return tuple(item for item in value if isinstance(item, str)) if isinstance(value, list) else ()


DIALECT = Dialect(
    name=NAME,
    summary="emaillint's own format: version: 1 and accounts: (see `emaillint schema`)",
    detect=detect,
    read=read,
)
