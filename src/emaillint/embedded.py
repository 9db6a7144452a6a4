"""Text inside YAML: a config carried as a string in a Kubernetes ConfigMap or Secret, or
a program's settings in a block scalar (GitLab's ``GITLAB_OMNIBUS_CONFIG: |``).

``data: {alertmanager.yml: |\\n  global: ...}`` holds a whole config in a literal block
scalar. Content line ``n`` of a ``|`` block is file line ``indicator line + n``, shifted
right by the block's indentation, so positions inside it map back onto the user's file.
Other scalar styles (folded ``>``, quoted, base64 ``data`` of a Secret) do not keep
lines, so their positions all point at the value itself.
"""

from __future__ import annotations

import base64
import binascii
from typing import Any, Callable

from emaillint.load import Document, load
from emaillint.model import Finding, Position

MANIFEST_KINDS = ("ConfigMap", "Secret")

Move = Callable[[Position], Position]


def manifest_files(data: Any) -> list[tuple[tuple[Any, ...], str, bool]]:
    """``(path, text, encoded)`` for each file a ConfigMap or Secret carries."""
    if not isinstance(data, dict) or data.get("kind") not in MANIFEST_KINDS:
        return []
    files = []
    for section, encoded in (("data", data.get("kind") == "Secret"), ("stringData", False)):
        entries = data.get(section)
        if isinstance(entries, dict):
            for key, value in entries.items():
                if isinstance(value, str):
                    files.append(((section, key), value, encoded))
    return files


def decoded(text: str, encoded: bool) -> str | None:
    """The file's text; a Secret's ``data`` is base64 (None when it is not)."""
    if not encoded:
        return text
    try:
        return base64.b64decode(text, validate=True).decode("utf-8")
    except (binascii.Error, ValueError):
        return None


def documents(doc: Document, path: tuple[Any, ...], text: str, encoded: bool = False
              ) -> tuple[list[Document], list[Finding]]:
    """The YAML documents in the text at ``path``, positioned in the outer file, and what
    loading them found (syntax errors, duplicate keys, at their lines in the outer file)."""
    loaded = load(text, doc.path)
    move = lines(doc, path) if not encoded else _collapsed(doc.position(path))
    for inner in loaded.documents:
        inner.move = move
    findings = []
    for finding in loaded.findings + [f for inner in loaded.documents for f in inner.findings]:
        line, column = move(Position(finding.line, finding.column))
        findings.append(finding._replace(line=line, column=column))
    return loaded.documents, findings


def lines(doc: Document, path: tuple[Any, ...]) -> Move:
    """Maps a position inside the text at ``path`` (line 1 is its first line) onto the file:
    line by line for a literal block scalar, to the value itself for any other style."""
    where = doc.position(path)
    return _block(doc.source, where) or _collapsed(where)


def _collapsed(where: Position) -> Move:
    def move(position: Position) -> Position:
        return where

    return move


def _block(source: str, indicator: Position) -> Move | None:
    """Map inner positions of a literal block scalar onto the file, or None for other styles."""
    lines = source.splitlines()
    if not 0 < indicator.line <= len(lines):
        return None
    header = lines[indicator.line - 1][indicator.column - 1:].split("#", 1)[0].strip()
    if not header.startswith("|"):
        return None
    digits = "".join(c for c in header[1:] if c.isdigit())
    if digits:
        parent = len(lines[indicator.line - 1]) - len(lines[indicator.line - 1].lstrip(" "))
        indent = parent + int(digits)
    else:
        body = (line for line in lines[indicator.line:] if line.strip())
        first = next(body, "")
        indent = len(first) - len(first.lstrip(" "))

    def move(position: Position) -> Position:
        return Position(indicator.line + position.line, position.column + indent)

    return move
