"""Ruby carried in YAML: the literals of a Ruby settings file, and its ``target = value``
lines read as a document, so a dialect reads them with the kit like any other keys.

GitLab's ``GITLAB_OMNIBUS_CONFIG: |`` holds ``gitlab.rb`` lines
(``gitlab_rails['smtp_port'] = 587 # submission``); other images take Ruby the same
way. Only literals are decoded: ``true``/``false``/``nil``, numbers, ``'...'`` and
``"..."`` strings, ``:symbols`` (kept as ``":name"``, the text YAML gives a Ruby symbol
too). Anything else (``File.read(...)``, ``ENV['X']``, a method call) is Ruby code whose
result lint time cannot know: a ``TaggedStr`` with the tag ``EXPRESSION``. Ruby's
truthiness differs from YAML's and Python's: only ``nil`` and ``false`` are false, so
the string ``'false'`` is true (``truthy``).
"""

from __future__ import annotations

import re
from typing import Any, Iterator

from emaillint.embedded import lines
from emaillint.load import Document, TaggedStr, Written
from emaillint.model import Position

EXPRESSION = "!ruby"
"""The tag of a value that is Ruby code rather than a literal."""

_TARGET = re.compile(r"""([A-Za-z_]\w*(?:\[\s*(?:'[^'\n]*'|"[^"\n]*"|:\w+)\s*\])*)\s*=(?![=~>])\s*""")
_NUMBER = re.compile(r"[-+]?\d[\d_]*(?:\.\d[\d_]*)?")
_SYMBOL = re.compile(r":[A-Za-z_]\w*[?!]?")
_WORDS = {"true": True, "false": False, "nil": None}
_OPEN, _CLOSE = "([{", ")]}"
_ESCAPES = {"n": "\n", "t": "\t", "s": " ", "0": "\0", "e": "\x1b"}


def truthy(value: Any) -> bool:
    """Ruby's truth: everything but ``nil`` and ``false`` (``'false'``, ``0`` and ``''`` are true)."""
    return value is not None and value is not False


def literal(text: str) -> Any:
    """The value of a Ruby literal (``587``, ``'none'``, ``:login``, ``true``), or the code
    itself as a ``TaggedStr`` tagged ``EXPRESSION`` when it is not one literal."""
    text = text.strip()
    if text in _WORDS:
        return _WORDS[text]
    if _NUMBER.fullmatch(text):
        number = text.replace("_", "")
        return float(number) if "." in number else int(number)
    if _SYMBOL.fullmatch(text):
        return text
    if len(text) >= 2 and text[0] in "'\"" and _string_end(text, 0) == len(text):  # closed at the end
        return _unquote(text)
    code = TaggedStr(text)
    code.tag = EXPRESSION
    return code


def assignments(doc: Document, path: tuple[Any, ...], *, prefix: str = "") -> Document | None:
    """The ``target = value`` statements of the Ruby text at ``path``, as a document whose
    keys are the targets as written without spaces (``gitlab_rails['smtp_port']``), with
    positions on the user's file (line by line inside a ``|`` block). The last assignment
    to a target wins, as in Ruby; comments, other statements and lines inside a
    multi-line value are skipped. ``prefix`` is text before the Ruby that is not Ruby
    (the ``NAME=`` of an environment list item). None when there is no text at ``path``."""
    text = doc.get(path)
    if not isinstance(text, str):
        return None
    if prefix and text.startswith(prefix):
        text = " " * len(prefix) + text[len(prefix):]
    data: dict[str, Any] = {}
    positions: dict[tuple[Any, ...], Position] = {(): Position(1, 1)}
    key_positions: dict[tuple[Any, ...], Position] = {}
    for target, value, line, key_column, value_column in _statements(text):
        data[target] = literal(value)
        key_positions[(target,)] = Position(line, key_column)
        positions[(target,)] = Position(line, value_column)
    inner = Written(doc.path, doc.index, doc.source, data, positions, key_positions)
    inner.move = lines(doc, path)
    return inner


def _statements(text: str) -> Iterator[tuple[str, str, int, int, int]]:
    """``(target, value text, line, target column, value column)`` per assignment (1-based)."""
    depth = 0
    for number, line in enumerate(text.splitlines(), 1):
        start = 0
        for end, code_end in _split(line):
            statement = line[start:end]
            if depth == 0:
                offset = start + len(statement) - len(statement.lstrip())
                found = _TARGET.match(line, offset, end)
                if found is not None:
                    value = line[found.end():code_end].rstrip()
                    if value:
                        target = re.sub(r"\s+", "", found.group(1)).replace('"', "'")
                        yield target, value, number, offset + 1, found.end() + 1
            depth = max(0, depth + _balance(line[start:code_end]))
            start = end + 1


def _split(line: str) -> list[tuple[int, int]]:
    """Where each ``;``-separated statement of a line ends, and where its code ends (before
    a ``#`` comment), outside quotes."""
    ends, i, code_end = [], 0, None
    while i < len(line):
        char = line[i]
        if char in "'\"":
            i = _string_end(line, i)
            continue
        if char == "#":
            code_end = i
            break
        if char == ";":
            ends.append((i, i))
        i += 1
    ends.append((len(line), len(line) if code_end is None else code_end))
    return ends


def _balance(code: str) -> int:
    """How many brackets the code leaves open (a value that goes on to the next lines)."""
    depth, i = 0, 0
    while i < len(code):
        if code[i] in "'\"":
            i = _string_end(code, i)
            continue
        depth += (code[i] in _OPEN) - (code[i] in _CLOSE)
        i += 1
    return depth


def _string_end(text: str, start: int) -> int:
    """The index just past the string literal that opens at ``start`` (past the text's end
    when it is never closed)."""
    quote, i = text[start], start + 1
    while i < len(text):
        if text[i] == "\\":
            i += 2
            continue
        if text[i] == quote:
            return i + 1
        i += 1
    return len(text) + 1


def _unquote(text: str) -> str:
    body, quote = text[1:-1], text[0]
    if quote == "'":
        return body.replace("\\\\", "\\").replace("\\'", "'")
    return re.sub(r"\\(.)", lambda m: _ESCAPES.get(m.group(1), m.group(1)), body)
