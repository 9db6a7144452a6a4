"""YAML front end: bytes in, positioned documents and load findings out; it never raises.

PyYAML's ``compose`` (libyaml's C parser when present, the pure-Python one otherwise)
gives a node graph with source marks and constructs nothing, so tags such as
``!!python/object`` or Home Assistant's ``!secret`` are never executed. We turn the nodes
into plain JSON-like data ourselves, which is where the checks a plain ``safe_load`` skips
happen: duplicate keys, YAML 1.1 surprises (``off`` read as false, ``0123`` as octal),
and the node budget that stops alias bombs before they expand.
"""

from __future__ import annotations

import re
from typing import Any, Iterator

import yaml

from emaillint.model import ERROR, WARNING, Finding, Position
from emaillint.vocabulary import DUPLICATE_KEY, IO_ERROR, YAML_SYNTAX

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_BYTES = 2 * 1024 * 1024
"""Files above this size are not parsed: mail configs are a few kilobytes."""
MAX_NODES = 100_000
"""Nodes visited per file, counting every expansion of an alias (billion laughs)."""
MAX_DEPTH = 200
"""Nesting depth; libyaml itself stops at 1,000, Python's recursion limit near there."""
TOO_DEEP = f"nesting is deeper than {MAX_DEPTH} levels; mail configs need only a few, so this is probably not one"

_STR = "tag:yaml.org,2002:str"
_MERGE = "tag:yaml.org,2002:merge"
_CORE_TAGS = frozenset(
    "tag:yaml.org,2002:" + name
    for name in ("str", "int", "float", "bool", "null", "timestamp", "binary", "map", "seq",
                 "omap", "pairs", "set", "merge", "value")
)
_TYPED = {
    "tag:yaml.org,2002:bool": "bool",
    "tag:yaml.org,2002:int": "int",
    "tag:yaml.org,2002:float": "float",
    "tag:yaml.org,2002:null": "null",
}
_YAML11_ONLY_NUMBER = re.compile(r"[-+]?(?:0[0-7_]+|0b[01_]+|[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?|.*_.*)$")
_constructor = yaml.constructor.SafeConstructor()
_INDICATOR_LIKE = frozenset(("-", "?", ":", "- ", "? ", ": ", "-\t", "?\t", ":\t"))
_BREAKS = "\r\n\x85\u2028\u2029"
_SPACE_OR_BREAK = " \t" + _BREAKS

Path = tuple[Any, ...]


class TaggedStr(str):
    """A scalar with an application tag (``!secret smtp_password``); dialects read ``tag``."""

    tag: str = ""


class LimitExceeded(Exception):
    pass


class Document:
    """One YAML document: plain data plus where every value and key was written.

    ``positions`` and ``key_positions`` map a path such as ``("accounts", "billing",
    "port")`` to the 1-based position of the value node and of its key. ``ambiguous``
    maps paths of YAML 1.1 surprises to the text as written. ``source`` is the whole
    file's text, for dialects that parse YAML embedded in a block scalar and must map
    its positions back to the file's lines. ``findings`` are what reading the document
    found (duplicate keys): the engine reports them only for documents a dialect
    recognises, since a YAML file that is no mail config gets no findings.
    """

    __slots__ = ("path", "index", "source", "data", "positions", "key_positions", "ambiguous", "tags",
                 "findings", "move")

    def __init__(self, path: str, index: int, source: str = "") -> None:
        self.path = path
        self.index = index
        self.source = source
        self.data: Any = None
        self.positions: dict[Path, Position] = {}
        self.key_positions: dict[Path, Position] = {}
        self.ambiguous: dict[Path, str] = {}
        self.tags: dict[Path, str] = {}
        self.findings: list[Finding] = []
        self.move: Any = None
        """For a document embedded in another file's value: maps its own positions onto that file."""

    def position(self, path: Path, *, key: bool = False) -> Position:
        """Where ``path`` is written; for a missing path, its nearest written ancestor."""
        if key and path in self.key_positions:
            found = self.key_positions[path]
        else:
            while path not in self.positions and path:
                path = path[:-1]
            found = self.positions.get(path, Position(1, 1))
        return self.move(found) if self.move is not None else found

    def has(self, path: Path) -> bool:
        """Whether ``path`` is written in the document (as a key or an item)."""
        return path in self.positions

    def get(self, path: Path, default: Any = None) -> Any:
        node = self.data
        for part in path:
            try:
                node = node[part]
            except (KeyError, IndexError, TypeError):
                return default
        return node

    def finding(
        self,
        path: Path,
        rule: str,
        message: str,
        *,
        key: bool = False,
        account: str | None = None,
        severity: str | None = None,
    ) -> Finding:
        """A finding at ``path``; a None severity is filled with the rule's default later."""
        line, column = self.position(path, key=key)
        return Finding(self.path, line, column, rule, severity or "", message, account)


class Loaded:
    """What ``load`` read. ``unusual`` is set when a document holds a construct the YAML 1.2
    checks of ``yaml_spec`` look at (a multi-line or block scalar, a multi-line flow
    collection, a plain ``-``/``?``/``:`` value): without one, and without a glued ``#`` or
    a directive in the text, they cannot fire, and their second pass over the tokens
    (costlier than composing) is skipped."""

    __slots__ = ("documents", "findings", "unusual")

    def __init__(self) -> None:
        self.documents: list[Document] = []
        self.findings: list[Finding] = []
        self.unusual = False


def decode(raw: bytes) -> tuple[str | None, str]:
    """Text of a YAML file, or None and why not.

    YAML allows UTF-8, UTF-16 and UTF-32, told apart by the byte-order mark or, without
    one, by where the NULs around the first character are (YAML 1.2, section 5.2). YAML
    text never holds a NUL character, so one left after decoding means a binary file.
    """
    bom, encoding = _encoding(raw)
    if encoding == "utf-8":
        raw = raw[len(bom):]
        if b"\x00" in raw:
            return None, "is a binary file, not YAML text"
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError as exc:
        if encoding != "utf-8":
            if not bom:
                return None, "is a binary file, not YAML text"
            return None, f"is not valid {encoding.upper()} text despite its byte-order mark"
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, (
            f"is not UTF-8 text (byte 0x{raw[exc.start]:02x} at line {line}, column {column});"
            " save it as UTF-8"
        )
    if "\x00" in text:
        return None, "is a binary file, not YAML text"
    return text, ""


_BOMS = ((b"\x00\x00\xfe\xff", "utf-32"), (b"\xff\xfe\x00\x00", "utf-32"), (b"\xfe\xff", "utf-16"),
         (b"\xff\xfe", "utf-16"), (b"\xef\xbb\xbf", "utf-8"))


def _encoding(raw: bytes) -> tuple[bytes, str]:
    """(byte-order mark, codec): Python's utf-16 and utf-32 codecs read the mark themselves."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return bom, encoding
    head = raw[:4]
    if len(head) == 4 and head[:3] == b"\x00\x00\x00":
        return b"", "utf-32-be"
    if len(head) == 4 and head[1:] == b"\x00\x00\x00":
        return b"", "utf-32-le"
    if head[:1] == b"\x00" and len(head) >= 2:
        return b"", "utf-16-be"
    if head[1:2] == b"\x00":
        return b"", "utf-16-le"
    return b"", "utf-8"


def load(text: str, path: str) -> Loaded:
    """Compose every document in ``text``; problems become findings, never exceptions."""
    loaded = Loaded()
    text = text.removeprefix("\ufeff")  # libyaml skips it too, and its marks do not count it
    budget = [MAX_NODES]
    loader = _Loader(text)
    index = 0
    try:
        while loader.check_node():
            node = loader.get_node()
            document = Document(path, index, text)
            index += 1
            if node is not None:
                try:
                    document.data = _Converter(document, budget, loaded).convert(node)
                except LimitExceeded as exc:
                    line, column = _mark(node)
                    loaded.findings.append(Finding(path, line, column, IO_ERROR, ERROR, str(exc)))
                    break
            loaded.documents.append(document)
    except yaml.MarkedYAMLError as exc:
        if "maximum nesting depth" in (exc.problem or ""):  # libyaml's own limit, at 1,000 levels
            loaded.findings.append(Finding(path, 1, 1, IO_ERROR, ERROR, TOO_DEEP))
        else:
            loaded.findings.append(_syntax_finding(path, text, exc))
    except yaml.reader.ReaderError as exc:
        # The first character YAML text may not hold; libyaml's offset counts UTF-8 bytes.
        line, column = _yaml_spec().position(text, max(text.find(chr(exc.character)), 0))
        loaded.findings.append(Finding(path, line, column, YAML_SYNTAX, ERROR, (
            f"not valid YAML: the non-printable character U+{exc.character:04X} is not allowed in YAML text;"
            " delete it (write it as an escape such as \\t inside double quotes if it is wanted)"
        )))
    except RecursionError:  # PyYAML's pure-Python composer recurses once per level
        loaded.findings.append(Finding(path, 1, 1, IO_ERROR, ERROR, TOO_DEEP))
    finally:
        loader.dispose()
    if any(f.rule in (YAML_SYNTAX, IO_ERROR) for f in loaded.findings):
        loaded.documents.clear()  # what was read before the error is not linted on its own
        return loaded
    if not needs_spec_check(loaded, text):
        return loaded
    violation = _yaml_spec().first_violation(text, _Loader)
    if violation is not None:
        # A warning, and the documents are linted: the loaders programs read mail settings
        # with (PyYAML, Go's yaml, SnakeYAML) accept this, so the settings do take effect.
        loaded.findings.append(Finding(path, violation.line, violation.column, YAML_SYNTAX, WARNING, (
            f"not valid YAML 1.2, though libyaml-based loaders accept it: {violation.message}"
        )))
    return loaded


def _yaml_spec() -> Any:
    """The YAML 1.2 checks, imported only for the files that need them."""
    from emaillint import yaml_spec

    return yaml_spec


def needs_spec_check(loaded: Loaded, text: str) -> bool:
    """Whether ``yaml_spec.first_violation`` could find anything in a file that composed:
    a construct the converter noticed, a ``#`` glued to what precedes it, or a directive."""
    if loaded.unusual:
        return True
    index = text.find("#")
    while index != -1:
        if index and text[index - 1] not in _SPACE_OR_BREAK:
            return True
        index = text.find("#", index + 1)
    index = text.find("%")
    while index != -1:
        if index == 0 or text[index - 1] in _BREAKS:
            return True
        index = text.find("%", index + 1)
    return False


def _syntax_finding(path: str, text: str, exc: yaml.MarkedYAMLError) -> Finding:
    """yaml-syntax finding without PyYAML's source snippet, which could echo a secret.

    libyaml puts an error at the end of a file without a final line break on a line after
    the last one; the finding goes to the end of the last line instead.
    """
    mark = exc.problem_mark or exc.context_mark
    line, column = _yaml_spec().position(text, min(mark.index, len(text))) if mark else (1, 1)
    problem = exc.problem or "invalid YAML"
    context = f" {exc.context}" if exc.context and exc.context_mark is not None else ""
    if context and exc.context_mark is not None and exc.context_mark is not mark:
        context += f" (line {exc.context_mark.line + 1})"
    message = f"not valid YAML: {problem}{context}; check quoting and indentation near here"
    return Finding(path, line, column, YAML_SYNTAX, ERROR, message)


def _mark(node: yaml.Node) -> Position:
    mark = node.start_mark
    return _position(Position, (mark.line + 1, mark.column + 1))


_position = tuple.__new__
"""Builds a Position without the Python-level ``__new__`` of a NamedTuple: there is one per
node, and this halves their cost."""


class _Converter:
    """Turns one document's node graph into data, recording positions on the way."""

    __slots__ = ("doc", "findings", "budget", "active", "loaded")

    def __init__(self, doc: Document, budget: list[int], loaded: Loaded) -> None:
        self.doc = doc
        self.findings = doc.findings
        self.loaded = loaded
        self.budget = budget
        self.active: set[int] = set()

    def spend(self) -> None:
        """One more node visited; every alias expansion and merged key counts."""
        self.budget[0] -= 1
        if self.budget[0] < 0:
            raise LimitExceeded(
                f"the document expands to more than {MAX_NODES:,} values (a YAML alias bomb?);"
                " emaillint stopped reading this file"
            )

    def enter(self, node: yaml.Node) -> None:
        """Start expanding a collection, unless it is already being expanded (a cycle)."""
        if id(node) in self.active:
            raise LimitExceeded("an alias refers to a node that contains it (a recursive structure)")
        self.active.add(id(node))

    def convert(self, node: yaml.Node, path: Path = (), depth: int = 0) -> Any:
        self.spend()
        if depth > MAX_DEPTH:
            raise LimitExceeded(TOO_DEEP)
        self.doc.positions[path] = _mark(node)
        if node.tag not in _CORE_TAGS and node.tag.startswith("!"):
            self.doc.tags[path] = node.tag
        if isinstance(node, yaml.ScalarNode):
            return self._scalar(node, path)
        if node.flow_style and node.end_mark.line != node.start_mark.line:
            self.loaded.unusual = True
        self.enter(node)
        try:
            if isinstance(node, yaml.SequenceNode):
                return [self.convert(item, path + (i,), depth + 1) for i, item in enumerate(node.value)]
            return self._mapping(node, path, depth)
        finally:
            self.active.discard(id(node))

    def _mapping(self, node: yaml.MappingNode, path: Path, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        merged: list[tuple[str, yaml.Node, yaml.Node]] = []
        seen: dict[str, Position] = {}
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE:
                merged.extend(self._merge_sources(value_node))
                continue
            key = _key_text(key_node)
            if isinstance(key_node, yaml.ScalarNode):
                self._notice(key_node)
            where = _mark(key_node)
            if key in seen:
                first = seen[key]
                self.findings.append(Finding(
                    self.doc.path, where.line, where.column, DUPLICATE_KEY, ERROR,
                    f"'{key}' is already set on line {first.line}; YAML loaders silently keep"
                    " only the last value, so delete one of them",
                ))
            seen[key] = where
            self.doc.key_positions[path + (key,)] = where
            result[key] = self.convert(value_node, path + (key,), depth + 1)
        for key, key_node, value_node in merged:
            if key not in result:
                self.doc.key_positions[path + (key,)] = _mark(key_node)
                result[key] = self.convert(value_node, path + (key,), depth + 1)
        return result

    def _merge_sources(self, node: yaml.Node) -> Iterator[tuple[str, yaml.Node, yaml.Node]]:
        """``<<: *base`` and ``<<: [*a, *b]``: earlier sources win, as in PyYAML."""
        sources = node.value if isinstance(node, yaml.SequenceNode) else [node]
        for source in sources:
            self.spend()
            if not isinstance(source, yaml.MappingNode):
                continue
            self.enter(source)
            try:
                for key_node, value_node in source.value:
                    self.spend()
                    if key_node.tag == _MERGE:
                        yield from self._merge_sources(value_node)
                    else:
                        yield _key_text(key_node), key_node, value_node
            finally:
                self.active.discard(id(source))

    def _notice(self, node: yaml.Node) -> None:
        """Note a scalar ``yaml_spec`` has rules for (see ``Loaded.unusual``)."""
        style = node.style
        if style:
            if style in ("|", ">") or node.end_mark.line != node.start_mark.line:
                self.loaded.unusual = True
        elif node.value[:2] in _INDICATOR_LIKE or node.end_mark.line != node.start_mark.line:
            self.loaded.unusual = True

    def _scalar(self, node: yaml.ScalarNode, path: Path) -> Any:
        self._notice(node)
        tag = node.tag
        kind = _TYPED.get(tag)
        if kind is None:
            if tag == _STR or tag in _CORE_TAGS:
                return node.value
            tagged = TaggedStr(node.value)
            tagged.tag = tag
            return tagged
        if not node.style and _yaml11_only(kind, node.value):  # plain: None (Python) or '' (libyaml)
            self.doc.ambiguous[path] = node.value
        try:
            return _constructor.yaml_constructors[tag](_constructor, node)
        except (ValueError, OverflowError, yaml.constructor.ConstructorError):
            return node.value


def _yaml11_only(kind: str, text: str) -> bool:
    """True for plain scalars YAML 1.1 types but YAML 1.2 (and people) read as text."""
    if kind == "bool":
        return text.lower() not in ("true", "false")
    if kind in ("int", "float"):
        return bool(_YAML11_ONLY_NUMBER.match(text)) and text not in ("0",)
    return False


def _key_text(node: yaml.Node) -> str:
    """Mapping keys as written: ``on:`` is the key "on", ``587:`` the key "587"."""
    if isinstance(node, yaml.ScalarNode):
        return node.value
    return "<complex key>"
