"""Building one ``Account`` while a dialect reads its keys, with every key's position."""

from __future__ import annotations

from typing import Any, Callable

from emaillint.api import (
    INTERPOLATION_DEFAULT,
    Account,
    Conflict,
    Position,
    Secret,
    Unexpanded,
    classify_secret,
)

from emaillint_plugins.dialects.interpolation import FALLBACK, PLAIN, REFERENCE, UNEXPANDED, Value
from emaillint_plugins.dialects.values import UNKNOWN_AUTH, auth_of


SETTING_NAMES = {"sender": "from", "to_addresses": "to"}
"""Account fields that ``positions``, ``references`` and ``unexpanded`` know by their
setting's name, as rules look them up (``from``, ``to``)."""


def _named(field: str) -> str:
    return SETTING_NAMES.get(field, field)


class Draft:
    """One account being read: its fields, where each was written, and what is unknown.

    ``value`` takes a setting after the program's interpolation: known text becomes the
    field, a run-time reference is recorded in ``references``, a look-alike the program
    does not expand in ``unexpanded`` (with ``fix``, what to write instead).
    """

    def __init__(self, doc: Any, name: str, dialect: str, position: Position, spelling: dict[str, str]) -> None:
        self.doc = doc
        self.name = name
        self.dialect = dialect
        self.position = position
        self.spelling = spelling
        self.fields: dict[str, Any] = {}
        self.positions: dict[str, Position] = {}
        self.references: set[str] = set()
        self.unexpanded: dict[str, Unexpanded] = {}
        self.defaults: set[str] = set()
        self.conflicts: list[Conflict] = []
        self.secrets: set[str] = set()

    def at(self, field: str, path: tuple[Any, ...]) -> None:
        """Blame ``field`` on the node at ``path``."""
        self.positions[_named(field)] = self.doc.position(path)

    def put(self, field: str, value: Any, path: tuple[Any, ...] | None = None) -> None:
        self.fields[field] = value
        if path is not None:
            self.at(field, path)

    def reference(self, field: str, path: tuple[Any, ...]) -> None:
        """A field whose value is kept elsewhere (a secret store) and unknown at lint time."""
        self.references.add(_named(field))
        self.at(field, path)

    def default(self, field: str, value: Any) -> None:
        """The program's default for a key the file leaves out."""
        self.fields[field] = value
        self.defaults.add(field)

    def value(self, field: str, value: Value, path: tuple[Any, ...], label: str, fix: str,
              convert: Callable[[str], Any] = str) -> None:
        """A setting as the program sees it; ``label`` is the key as written, for messages."""
        self.at(field, path)
        if value.kind in (PLAIN, FALLBACK):
            self.fields[field] = convert(value.text)
        elif value.kind == REFERENCE:
            self.reference(field, path)
        elif value.kind == UNEXPANDED:
            self.unexpanded[_named(field)] = Unexpanded(f"{label}: {value.text}", fix)

    def password(self, value: Value, path: tuple[Any, ...], label: str, fix: str) -> None:
        """The password: its kind, never its text (literals go to ``secrets`` for redaction)."""
        self.at("password", path)
        text = value.text.strip()
        if value.kind == PLAIN:
            secret = classify_secret(value.text)
            if secret.kind in ("reference", "lookalike"):
                secret = Secret("literal")
        elif value.kind == FALLBACK:
            secret = Secret("literal", INTERPOLATION_DEFAULT) if text else Secret("reference", value.name)
        elif value.kind == UNEXPANDED:
            secret = Secret("lookalike")
            self.unexpanded["password"] = Unexpanded(label, fix)
        else:
            secret = Secret("reference", value.name)
        if secret.kind == "literal":
            self.secrets.add(text)
        self.secret(secret, text)

    def secret(self, secret: Secret, text: str = "") -> None:
        """A password whose kind the dialect decided itself (a secret-store tag, a file)."""
        self.fields["password"] = secret
        self.fields["auth"] = auth_of(secret, text)

    def conflict(self, conflict: Conflict) -> None:
        self.conflicts.append(conflict)

    def account(self) -> Account:
        fields = self.fields
        to_addresses = tuple(fields.get("to_addresses", ()))
        auth = fields.get("auth")
        if auth is None and (fields.get("username") or "username" in self.references):
            auth = UNKNOWN_AUTH
        return Account(
            name=self.name,
            dialect=self.dialect,
            position=self.position,
            host=fields.get("host") or None,
            port=fields.get("port"),
            security=fields.get("security"),
            verify_cert=fields.get("verify_cert"),
            auth=auth,
            username=fields.get("username") or None,
            password=fields.get("password"),
            sender=fields.get("sender") or None,
            to=len(to_addresses) or 1,
            to_addresses=to_addresses,
            references=frozenset(self.references),
            positions=self.positions,
            defaults=frozenset(self.defaults),
            conflicts=tuple(self.conflicts),
            unexpanded=self.unexpanded,
            spelling=self.spelling,
        )
