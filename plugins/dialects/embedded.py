"""YAML inside YAML: a config carried as a string in a Kubernetes ConfigMap or Secret.

``data: {alertmanager.yml: |\n  global: ...}`` holds a whole config in a literal block
scalar. It is parsed on its own and every position is moved back onto the outer file:
content line ``n`` of a ``|`` block is file line ``indicator line + n``, shifted right by
the block's indentation. Other scalar styles (folded ``>``, quoted, base64 ``data`` of a
Secret) do not keep lines, so their positions all point at the value itself.
"""

from __future__ import annotations

import base64
import binascii
from typing import Any, Callable

from emaillint.api import Finding, Position, load_yaml

MANIFEST_KINDS = ("ConfigMap", "Secret")


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


def parse(doc: Any, path: tuple[Any, ...], text: str, encoded: bool) -> tuple[list[Any], list[Finding]]:
    """The documents in the embedded file, positioned in the outer file, and load findings."""
    loaded = load_yaml(text, doc.path)
    where = doc.position(path)

    def collapsed(position: Position) -> Position:
        return where

    move = (None if encoded else _mover(doc.source, where)) or collapsed
    for inner in loaded.documents:
        inner.positions = {p: move(pos) for p, pos in inner.positions.items()}
        inner.key_positions = {p: move(pos) for p, pos in inner.key_positions.items()}
    findings = []
    for finding in loaded.findings + [f for inner in loaded.documents for f in inner.findings]:
        line, column = move(Position(finding.line, finding.column))
        findings.append(finding._replace(line=line, column=column))
    return loaded.documents, findings


def _mover(source: str, indicator: Position) -> Callable[[Position], Position] | None:
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
