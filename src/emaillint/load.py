"""YAML front end: bytes in, positioned documents and load findings out; it never raises.

PyYAML's ``compose`` (libyaml's C parser when present, the pure-Python one otherwise)
gives a node graph with source marks and constructs nothing, so tags such as
``!!python/object`` or Home Assistant's ``!secret`` are never executed. Loading walks the
nodes once, counting every alias expansion (the node budget that stops alias bombs) and
the nesting depth; it builds nothing else. Most YAML files in a repository hold no mail
settings, so a document becomes plain JSON-like data only when a dialect asks for it
(``Document.data``), which is where the checks a plain ``safe_load`` skips happen:
duplicate keys and YAML 1.1 surprises (``off`` read as false, ``0123`` as octal).
Positions are read from the nodes when a finding needs one.
"""

from __future__ import annotations

import re
from typing import Any, Iterable, Iterator

import yaml

from emaillint import credentials
from emaillint.model import ERROR, WARNING, Finding, Fix, Position
from emaillint.vocabulary import DUPLICATE_KEY, IO_ERROR, YAML_SYNTAX

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_BYTES = 2 * 1024 * 1024
"""Files above this size are not parsed: mail configs are a few kilobytes."""
MAX_NODES = 100_000
"""Nodes visited per file, counting every expansion of an alias (billion laughs)."""
_ALIAS = re.compile(r"(?:^|[\s\[{,:-])\*[^\s,\[\]{}]")
"""An alias (``*name``) anywhere: what is over the budget then is probably expanded, not written."""
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
    """One YAML document: its composed nodes, and the plain data they make when asked.

    ``data`` converts the nodes on first use (dicts, lists, scalars; a tagged scalar is a
    ``TaggedStr``). ``position(path)`` and ``span(path)`` read where a path such as
    ``("accounts", "billing", "port")`` is written straight from the nodes, with the
    semantics of ``data`` (the last of duplicate keys, merge keys); ``ambiguous(path)``
    is the text of a YAML 1.1 surprise written there. ``source`` is the whole file's text,
    for dialects that parse text embedded in a value; ``move`` maps an embedded document's
    positions onto the outer file. ``findings`` are what converting found (duplicate
    keys): the engine reports them only for documents a dialect recognises, since a YAML
    file that is no mail config gets no findings.
    """

    __slots__ = ("path", "index", "source", "root", "move", "limit", "_loaded", "_data", "_findings", "_ambiguous",
                 "_nodes", "_keys", "_tables", "_walked")

    def __init__(self, path: str, index: int, source: str = "", root: yaml.Node | None = None,
                 loaded: Loaded | None = None) -> None:
        self.path = path
        self.index = index
        self.source = source
        self.root = root
        self.move: Any = None
        self.limit: Finding | None = None
        """The io-error of a document over the node budget or depth; its ``data`` is then None."""
        self._loaded = loaded
        self._data: Any = _UNREAD
        self._findings: list[Finding] = []
        self._ambiguous: dict[int, str] = {}
        self._nodes: dict[tuple[Path, bool], tuple[yaml.Node | None, int]] = {}
        self._keys: dict[Path, frozenset[str]] = {}
        self._tables: dict[int, dict[Any, tuple[yaml.Node, yaml.Node]]] = {}
        self._walked = False
        """Its nodes' budget is spent (``walk``, or ``items`` walking them)."""

    @property
    def data(self) -> Any:
        if self._data is _UNREAD:
            self._data = self._read(build=True)
        return self._data

    def items(self) -> Iterable[tuple[Any, Any]]:
        """``credentials.items(self.data)``, read straight from the nodes when the document
        was not converted and is the common kind (no alias, no merge key, within budget and
        depth): finding the secrets of a YAML file no dialect claims then converts nothing."""
        if self._data is _UNREAD and not self._walked and self.root is not None and self._loaded is not None:
            found: list[tuple[Any, Any]] = []
            if _walked(self.root, self._loaded, found):
                self._walked = True  # the one walk also spent the budget ``walk`` would
                return found
        return credentials.items(self.data)

    def walk(self) -> None:
        """Check the document's budget and depth without converting it (if it was not)."""
        if self._data is _UNREAD and not self._walked and not (
                self.root is not None and self._loaded is not None and _walked(self.root, self._loaded)):
            self._read(build=False)
        self._walked = True

    def _read(self, build: bool) -> Any:
        if self.root is None:
            return None
        loaded = self._loaded or Loaded(self.path, self.source)
        try:
            return _Converter(self, loaded, build).convert(self.root)
        except LimitExceeded as exc:
            line, column = _mark(self.root)
            self.limit = Finding(self.path, line, column, IO_ERROR, ERROR, str(exc))
            self._findings.clear()
            return None

    @data.setter
    def data(self, value: Any) -> None:
        self._data = value

    @property
    def findings(self) -> list[Finding]:
        self.data  # noqa: B018 - converting is what finds duplicate keys
        return self._findings

    def others(self) -> list[Document]:
        """The file's other documents, for a resource that names another by its name (an
        ``AlertmanagerConfig`` and the Kubernetes Secret its ``authPassword`` reads)."""
        return [d for d in (self._loaded.documents if self._loaded is not None else ()) if d is not self]

    def keys(self, path: Path = ()) -> frozenset[str]:
        """The keys of the mapping at ``path``, read from the nodes without converting
        anything: ``detect`` functions look here first, so a document no dialect claims
        never becomes data (most YAML in a repository holds no mail settings)."""
        keys = self._keys.get(path)
        if keys is None:
            node, found = self._node(path)
            keys = frozenset(self._table(node)) if found == len(path) and isinstance(node, yaml.MappingNode) \
                else frozenset()
            self._keys[path] = keys
        return keys

    def scalar(self, path: Path) -> str | None:
        """The text of the scalar at ``path`` as written (``"1"`` for ``version: 1``), without
        converting anything; None for a collection or a path that is not written."""
        node, found = self._node(path)
        return node.value if found == len(path) and isinstance(node, yaml.ScalarNode) else None

    def length(self, path: Path = ()) -> int | None:
        """How many items the sequence at ``path`` has (None: not a sequence)."""
        node, found = self._node(path)
        return len(node.value) if found == len(path) and isinstance(node, yaml.SequenceNode) else None

    def _node(self, path: Path, key: bool = False) -> tuple[yaml.Node | None, int]:
        """The node written at ``path`` (its key node with ``key``), or the deepest written
        ancestor's value node, and how many parts of ``path`` were found."""
        memo = self._nodes.get((path, key))
        if memo is not None:
            return memo
        node, found, key_node = self.root, 0, None
        for part in path:
            if isinstance(node, yaml.SequenceNode):
                step = (None, node.value[part]) if isinstance(part, int) and 0 <= part < len(node.value) else None
            elif isinstance(node, yaml.MappingNode):
                step = self._table(node).get(part)
            else:
                step = None
            if step is None:
                break
            key_node, node = step
            found += 1
        result = (key_node if key and found == len(path) and key_node is not None else node, found)
        self._nodes[(path, key)] = result
        return result

    def _table(self, node: yaml.MappingNode, depth: int = 0) -> dict[Any, tuple[yaml.Node, yaml.Node]]:
        """Key text -> (key node, value node) of a mapping, as ``data`` has it: the last of
        duplicate keys, then merged keys (earlier merge sources win); built once per mapping.

        A merge source contributes its own table, so nine sources that each merge nine more
        cost 81 look-ups, not nine to the ninth (a merge bomb is read before any budget is
        spent on converting it). A cycle or a chain past ``MAX_DEPTH`` adds nothing here;
        converting the document reports it."""
        table = self._tables.get(id(node))
        if table is None:
            self._tables[id(node)] = {}  # read while being built: a merge cycle
            table = {_key_text(k): (k, v) for k, v in node.value if k.tag != _MERGE}
            for key_node, value_node in node.value:
                if key_node.tag != _MERGE or depth >= MAX_DEPTH:
                    continue
                for source in value_node.value if isinstance(value_node, yaml.SequenceNode) else [value_node]:
                    if isinstance(source, yaml.MappingNode):
                        for key, pair in self._table(source, depth + 1).items():
                            table.setdefault(key, pair)
            self._tables[id(node)] = table
        return table

    def position(self, path: Path, *, key: bool = False) -> Position:
        """Where ``path`` is written (its key with ``key``); for a missing path, its nearest
        written ancestor."""
        node, _ = self._node(path, key)
        found = _mark(node) if node is not None else Position(1, 1)
        return self.move(found) if self.move is not None else found

    def span(self, path: Path, *, key: bool = False) -> tuple[int, int] | None:
        """Character offsets ``(start, end)`` of the value (or key) at ``path`` in
        ``source``; None when the path is not written there (or the document is embedded)."""
        node, found = self._node(path, key)
        if node is None or found != len(path) or self.move is not None:
            return None
        return node.start_mark.index, node.end_mark.index

    def has(self, path: Path) -> bool:
        """Whether ``path`` is written in the document (as a key or an item)."""
        return self._node(path)[1] == len(path)

    def ambiguous(self, path: Path) -> str | None:
        """The text of the YAML 1.1 surprise written at ``path`` (``off``, ``0123``), if any."""
        self.data  # noqa: B018 - converting is what finds them
        node, found = self._node(path)
        return self._ambiguous.get(id(node)) if node is not None and found == len(path) else None

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
        help: str = "",
        fix: Fix | None = None,
    ) -> Finding:
        """A finding at ``path``; a None severity is filled with the rule's default later."""
        line, column = self.position(path, key=key)
        return Finding(self.path, line, column, rule, severity or "", message, account, help=help, fix=fix)


_UNREAD = object()


class Written(Document):
    """A document made from text that is not YAML (Ruby assignments in a block scalar),
    with its data and positions given: the same interface, read from the given tables."""

    __slots__ = ("_positions", "_key_positions")

    def __init__(self, path: str, index: int, source: str, data: Any, positions: dict[Path, Position],
                 key_positions: dict[Path, Position]) -> None:
        super().__init__(path, index, source)
        self._data = data
        self._positions = positions
        self._key_positions = key_positions

    def position(self, path: Path, *, key: bool = False) -> Position:
        found = self._key_positions.get(path) if key else None
        while found is None and path not in self._positions and path:
            path = path[:-1]
        found = found or self._positions.get(path, Position(1, 1))
        return self.move(found) if self.move is not None else found

    def span(self, path: Path, *, key: bool = False) -> tuple[int, int] | None:
        return None  # the text is not the file's own

    def has(self, path: Path) -> bool:
        return path in self._positions

    def keys(self, path: Path = ()) -> frozenset[str]:
        value = self.get(path)
        return frozenset(value) if isinstance(value, dict) else frozenset()

    def scalar(self, path: Path) -> str | None:
        value = self.get(path, _UNREAD)
        return None if value is _UNREAD or isinstance(value, (dict, list)) else str(value)

    def length(self, path: Path = ()) -> int | None:
        value = self.get(path)
        return len(value) if isinstance(value, list) else None

    def ambiguous(self, path: Path) -> str | None:
        return None


class Loaded:
    """What ``load`` read: the documents, and the findings about the file.

    ``findings`` are complete once asked for: reading them finishes the checks that need
    every document walked (the node budget and depth of documents no dialect converted,
    and the YAML 1.2 checks). A file over a limit, or one that does not parse, has no
    documents left to lint: what was read before is not linted on its own.

    ``unusual`` is set when a document holds a construct the YAML 1.2 checks of
    ``yaml_spec`` look at (a multi-line or block scalar, a multi-line flow collection, a
    plain ``-``/``?``/``:`` value): without one, and without a glued ``#`` or a directive
    in the text, they cannot fire, and their second pass over the tokens (costlier than
    composing) is skipped.
    """

    __slots__ = ("path", "text", "documents", "budget", "unusual", "_findings", "_checked")

    def __init__(self, path: str = "", text: str = "") -> None:
        self.path = path
        self.text = text
        self.documents: list[Document] = []
        self.budget = [MAX_NODES]
        self.unusual = False
        self._findings: list[Finding] = []
        self._checked = False

    @property
    def findings(self) -> list[Finding]:
        if not self._checked:
            self._checked = True
            self._finish()
        return self._findings

    def _finish(self) -> None:
        for document in self.documents:
            document.walk()
            if document.limit is not None:
                self._findings.append(document.limit)
                break
        if any(f.rule in (YAML_SYNTAX, IO_ERROR) for f in self._findings):
            self.documents.clear()
            return
        if not needs_spec_check(self, self.text):
            return
        violation = _yaml_spec().first_violation(self.text, _Loader)
        if violation is not None:
            # A warning, and the documents are linted: the loaders programs read mail settings
            # with (PyYAML, Go's yaml, SnakeYAML) accept this, so the settings do take effect.
            self._findings.append(Finding(self.path, violation.line, violation.column, YAML_SYNTAX, WARNING,
                                          f"not valid YAML 1.2: {violation.message}",
                                          help=violation.help))


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
    text = text.removeprefix("\ufeff")  # libyaml skips it too, and its marks do not count it
    loaded = Loaded(path, text)
    loader = _Loader(text)
    index = 0
    try:
        while loader.check_node():
            loaded.documents.append(Document(path, index, text, loader.get_node(), loaded))
            index += 1
    except yaml.MarkedYAMLError as exc:
        if "maximum nesting depth" in (exc.problem or ""):  # libyaml's own limit, at 1,000 levels
            loaded._findings.append(Finding(path, 1, 1, IO_ERROR, ERROR, TOO_DEEP))
        else:
            loaded._findings.append(_syntax_finding(path, text, exc))
    except yaml.reader.ReaderError as exc:
        # The first character YAML text may not hold; libyaml's offset counts UTF-8 bytes.
        line, column = _yaml_spec().position(text, max(text.find(chr(exc.character)), 0))
        loaded._findings.append(Finding(
            path, line, column, YAML_SYNTAX, ERROR,
            f"not valid YAML: the non-printable character U+{exc.character:04X} is not allowed in YAML text",
            help="delete it (write it as an escape such as \\t inside double quotes if it is wanted)"))
    except RecursionError:  # PyYAML's pure-Python composer recurses once per level
        loaded._findings.append(Finding(path, 1, 1, IO_ERROR, ERROR, TOO_DEEP))
    finally:
        loader.dispose()
    if loaded._findings:
        loaded.documents.clear()  # what was read before the error is not linted on its own
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
    return Finding(path, line, column, YAML_SYNTAX, ERROR, f"not valid YAML: {problem}{context}",
                   help="check the quoting and indentation near here")


def _unusual(node: yaml.ScalarNode) -> bool:
    """A scalar ``yaml_spec`` has rules for (see ``Loaded.unusual``)."""
    if node.style:
        return node.style in ("|", ">") or node.end_mark.line != node.start_mark.line
    return node.value[:2] in _INDICATOR_LIKE or node.end_mark.line != node.start_mark.line


def _walked(root: yaml.Node, loaded: Loaded, items: list[tuple[Any, Any]] | None = None) -> bool:
    """The converter's walk (``build=False``) for the common document: every node reached
    once (no alias), no merge key, within the budget and the depth. It spends and notices
    exactly what the converter would, in a loop instead of a call per node, since most
    documents of a repository are walked only to be checked; ``items`` receives what
    ``credentials.items`` would give of the data (scalars typed as ``data`` types them),
    so the walk that checks a document also finds its secrets. False: nothing was spent
    (``items`` is then to be thrown away), and the converter walks the document and says
    what it found."""
    budget, unusual = loaded.budget[0], loaded.unusual
    seen: set[int] = set()
    stack: list[tuple[yaml.Node, int, Any]] = [(root, 0, None)]
    while stack:
        node, depth, key = stack.pop()
        budget -= 1
        if budget < 0 or depth > MAX_DEPTH or id(node) in seen:
            return False
        seen.add(id(node))
        if isinstance(node, yaml.ScalarNode):
            unusual = unusual or _unusual(node)
            if items is not None:
                items.append((key, _typed(node)))
            continue
        if node.flow_style and node.end_mark.line != node.start_mark.line:
            unusual = True
        if isinstance(node, yaml.SequenceNode):
            stack.extend((item, depth + 1, key) for item in reversed(node.value))
            continue
        for key_node, value_node in reversed(node.value):
            if key_node.tag == _MERGE:
                return False
            if not unusual and isinstance(key_node, yaml.ScalarNode):
                unusual = _unusual(key_node)
            name = None
            if items is not None:
                name = _key_text(key_node)
                items.append((credentials.KEY_NAME, name))
            stack.append((value_node, depth + 1, name))
    loaded.budget[0], loaded.unusual = budget, unusual
    return True


def _mark(node: yaml.Node) -> Position:
    mark = node.start_mark
    return _position(Position, (mark.line + 1, mark.column + 1))


_position = tuple.__new__
"""Builds a Position without the Python-level ``__new__`` of a NamedTuple: there is one per
node, and this halves their cost."""


class _Converter:
    """Turns one document's nodes into data, or only walks them (``build=False``), visiting
    every node once per path as the data has it: the node budget (every alias expansion
    and merged key counts), the nesting depth, cycles, duplicate keys, YAML 1.1 surprises,
    and the constructs ``yaml_spec`` checks (``Loaded.unusual``)."""

    __slots__ = ("doc", "loaded", "build", "active")

    def __init__(self, doc: Document, loaded: Loaded, build: bool) -> None:
        self.doc = doc
        self.loaded = loaded
        self.build = build
        self.active: set[int] = set()

    def spend(self) -> None:
        budget = self.loaded.budget
        budget[0] -= 1
        if budget[0] < 0:
            if _ALIAS.search(self.loaded.text):
                raise LimitExceeded(f"the document expands to more than {MAX_NODES:,} values through its aliases"
                                    " (a YAML alias bomb?); emaillint stopped reading this file")
            raise LimitExceeded(f"the file has more than {MAX_NODES:,} keys and values, far more than any mail"
                                " config; emaillint stopped reading it")

    def convert(self, node: yaml.Node, depth: int = 0) -> Any:
        self.spend()
        if depth > MAX_DEPTH:
            raise LimitExceeded(TOO_DEEP)
        if isinstance(node, yaml.ScalarNode):
            return self._scalar(node)
        if node.flow_style and node.end_mark.line != node.start_mark.line:
            self.loaded.unusual = True
        if id(node) in self.active:
            raise LimitExceeded("an alias refers to a node that contains it (a recursive structure)")
        self.active.add(id(node))
        try:
            if isinstance(node, yaml.SequenceNode):
                items = [self.convert(item, depth + 1) for item in node.value]
                return items if self.build else None
            return self._mapping(node, depth)
        finally:
            self.active.discard(id(node))

    def _mapping(self, node: yaml.MappingNode, depth: int) -> dict[str, Any] | None:
        result: dict[str, Any] = {}
        seen: dict[str, Position] = {}
        merged: list[tuple[yaml.Node, yaml.Node]] = []
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE:
                merged.extend(self._merge_sources(value_node))
                continue
            if isinstance(key_node, yaml.ScalarNode):
                self._notice(key_node)
            key = _key_text(key_node)
            if key in seen and self.build:
                first, where = seen[key], _mark(key_node)
                self.doc._findings.append(Finding(
                    self.doc.path, where.line, where.column, DUPLICATE_KEY, ERROR,
                    f"'{key}' is already set on line {first.line}; YAML loaders silently keep only the last value",
                    help="delete one of them"))
            seen[key] = _mark(key_node) if self.build else _NOWHERE
            result[key] = self.convert(value_node, depth + 1)
        for key_node, value_node in merged:
            key = _key_text(key_node)
            if key not in result:
                result[key] = self.convert(value_node, depth + 1)
        return result if self.build else None

    def _merge_sources(self, node: yaml.Node) -> Iterator[tuple[yaml.Node, yaml.Node]]:
        """``<<: *base`` and ``<<: [*a, *b]``: earlier sources win, as in PyYAML."""
        for source in node.value if isinstance(node, yaml.SequenceNode) else [node]:
            self.spend()
            if not isinstance(source, yaml.MappingNode):
                continue
            if id(source) in self.active:
                raise LimitExceeded("an alias refers to a node that contains it (a recursive structure)")
            self.active.add(id(source))
            try:
                for key_node, value_node in source.value:
                    self.spend()
                    if key_node.tag == _MERGE:
                        yield from self._merge_sources(value_node)
                    else:
                        yield key_node, value_node
            finally:
                self.active.discard(id(source))

    def _notice(self, node: yaml.Node) -> None:
        if not self.loaded.unusual and _unusual(node):
            self.loaded.unusual = True

    def _scalar(self, node: yaml.ScalarNode) -> Any:
        self._notice(node)
        if not self.build:
            return None
        tag = node.tag
        kind = _TYPED.get(tag)
        if kind is None:
            if tag == _STR or tag in _CORE_TAGS:
                return node.value
            tagged = TaggedStr(node.value)
            tagged.tag = tag
            return tagged
        if not node.style and _yaml11_only(kind, node.value):  # plain: None (Python) or '' (libyaml)
            self.doc._ambiguous[id(node)] = node.value
        return _typed(node)


_NOWHERE = Position(0, 0)


def _yaml11_only(kind: str, text: str) -> bool:
    """True for plain scalars YAML 1.1 types but YAML 1.2 (and people) read as text."""
    if kind == "bool":
        return text.lower() not in ("true", "false")
    if kind in ("int", "float"):
        return bool(_YAML11_ONLY_NUMBER.match(text)) and text not in ("0",)
    return False


def _typed(node: yaml.ScalarNode) -> Any:
    """A scalar's value as ``data`` has it, without noting what converting notes."""
    if node.tag not in _TYPED:
        return node.value
    try:
        return _constructor.yaml_constructors[node.tag](_constructor, node)
    except (ValueError, OverflowError, yaml.constructor.ConstructorError):
        return node.value


def _key_text(node: yaml.Node) -> str:
    """Mapping keys as written: ``on:`` is the key "on", ``587:`` the key "587"."""
    if isinstance(node, yaml.ScalarNode):
        return node.value
    return "<complex key>"
