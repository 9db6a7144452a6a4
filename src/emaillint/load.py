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

from emaillint.model import ERROR, Finding, Position

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
    its positions back to the file's lines.
    """

    __slots__ = ("path", "index", "source", "data", "positions", "key_positions", "ambiguous", "tags")

    def __init__(self, path: str, index: int, source: str = "") -> None:
        self.path = path
        self.index = index
        self.source = source
        self.data: Any = None
        self.positions: dict[Path, Position] = {}
        self.key_positions: dict[Path, Position] = {}
        self.ambiguous: dict[Path, str] = {}
        self.tags: dict[Path, str] = {}

    def position(self, path: Path, *, key: bool = False) -> Position:
        """Where ``path`` is written; for a missing path, its nearest written ancestor."""
        if key and path in self.key_positions:
            return self.key_positions[path]
        while path not in self.positions and path:
            path = path[:-1]
        return self.positions.get(path, Position(1, 1))

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
    __slots__ = ("documents", "findings")

    def __init__(self) -> None:
        self.documents: list[Document] = []
        self.findings: list[Finding] = []


def decode(raw: bytes) -> tuple[str | None, str]:
    """Text of a YAML file, or None and why not. YAML allows UTF-8, UTF-16 and UTF-32."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    elif raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-32" if raw.startswith(b"\xff\xfe\x00\x00") else "utf-16"
        try:
            return raw.decode(encoding), ""
        except UnicodeDecodeError:
            return None, f"is not valid {encoding.upper()} text despite its byte-order mark"
    if b"\x00" in raw:
        return None, "is a binary file, not YAML text"
    try:
        return raw.decode("utf-8"), ""
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, (
            f"is not UTF-8 text (byte 0x{raw[exc.start]:02x} at line {line}, column {column});"
            " save it as UTF-8"
        )


def load(text: str, path: str) -> Loaded:
    """Compose every document in ``text``; problems become findings, never exceptions."""
    loaded = Loaded()
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
                    document.data = _Converter(document, loaded.findings, budget).convert(node)
                except LimitExceeded as exc:
                    line, column = _mark(node)
                    loaded.findings.append(Finding(path, line, column, "io-error", ERROR, str(exc)))
                    return loaded
            loaded.documents.append(document)
    except yaml.MarkedYAMLError as exc:
        loaded.findings.append(_syntax_finding(path, exc))
    except yaml.YAMLError as exc:  # errors without a mark (e.g. reader errors)
        loaded.findings.append(Finding(path, 1, 1, "yaml-syntax", ERROR, _first_line(str(exc))))
    except RecursionError:
        loaded.findings.append(Finding(
            path, 1, 1, "io-error", ERROR,
            f"nesting is too deep to read; mail configs need far fewer than {MAX_DEPTH} levels",
        ))
    finally:
        loader.dispose()
    return loaded


def _syntax_finding(path: str, exc: yaml.MarkedYAMLError) -> Finding:
    """yaml-syntax finding without PyYAML's source snippet, which could echo a secret."""
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = exc.problem or "invalid YAML"
    context = f" {exc.context}" if exc.context and exc.context_mark is not None else ""
    if context and exc.context_mark is not None and exc.context_mark is not mark:
        context += f" (line {exc.context_mark.line + 1})"
    message = f"not valid YAML: {problem}{context}; check quoting and indentation near here"
    return Finding(path, line, column, "yaml-syntax", ERROR, message)


def _first_line(text: str) -> str:
    return text.strip().splitlines()[0] if text.strip() else "invalid YAML"


def _mark(node: yaml.Node) -> Position:
    mark = node.start_mark
    return Position(mark.line + 1, mark.column + 1)


class _Converter:
    """Turns one document's node graph into data, recording positions on the way."""

    __slots__ = ("doc", "findings", "budget", "active")

    def __init__(self, doc: Document, findings: list[Finding], budget: list[int]) -> None:
        self.doc = doc
        self.findings = findings
        self.budget = budget
        self.active: set[int] = set()

    def convert(self, node: yaml.Node, path: Path = (), depth: int = 0) -> Any:
        self.budget[0] -= 1
        if self.budget[0] < 0:
            raise LimitExceeded(
                f"the document expands to more than {MAX_NODES:,} values (a YAML alias bomb?);"
                " emaillint stopped reading this file"
            )
        if depth > MAX_DEPTH:
            raise LimitExceeded(
                f"nesting is deeper than {MAX_DEPTH} levels; mail configs need only a few"
            )
        self.doc.positions[path] = _mark(node)
        if node.tag not in _CORE_TAGS and node.tag.startswith("!"):
            self.doc.tags[path] = node.tag
        if isinstance(node, yaml.ScalarNode):
            return self._scalar(node, path)
        if id(node) in self.active:
            raise LimitExceeded("an alias refers to a node that contains it (a recursive structure)")
        self.active.add(id(node))
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
            where = _mark(key_node)
            if key in seen:
                first = seen[key]
                self.findings.append(Finding(
                    self.doc.path, where.line, where.column, "duplicate-key", ERROR,
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
            self.budget[0] -= 1
            if isinstance(source, yaml.MappingNode):
                for key_node, value_node in source.value:
                    if key_node.tag == _MERGE:
                        yield from self._merge_sources(value_node)
                    else:
                        yield _key_text(key_node), key_node, value_node

    def _scalar(self, node: yaml.ScalarNode, path: Path) -> Any:
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
