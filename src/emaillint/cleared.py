"""A document the schema plainly accepts, cleared without importing jsonschema-rs.

Importing jsonschema-rs costs about 25 ms (its extension loads ``email.utils``, ``socket``
and ``decimal``): a third of a one-file run in a commit hook, where the file is usually
valid. ``cleared`` walks the document against the schema for the keywords emaillint's
schema and plugins' account keys use, and answers True only when every keyword it met
certainly holds; anything it is not sure of (a keyword it does not know, a float where
an integer is wanted, a string with a line break under ``pattern``, a failed keyword)
is None, and the real validator decides, with its error list. So it can only make a run
faster, never change a verdict; tests/test_schema_differential.py holds it to the
reference implementation on every fixture and on generated documents.
"""

from __future__ import annotations

import math
import re
from typing import Any, Callable, Mapping

ANNOTATIONS = frozenset(("description", "title", "$comment", "examples", "default", "readOnly", "writeOnly"))
"""Keywords that say nothing about whether a document is valid."""
_PASSIVE = ANNOTATIONS | {"$schema", "$id", "$defs", "deprecated"}
_TYPES: Mapping[str, tuple[type, ...]] = {
    "string": (str,), "object": (dict,), "array": (list,), "boolean": (bool,), "null": (type(None),),
    "integer": (int,), "number": (int, float),
}
WIDEST = 2**63 - 1
"""jsonschema-rs takes integers of 64 bits; before 0.40 (the last releases for Python 3.9) a
wider one raises ValueError instead of failing ``maximum`` (schema._plain clamps it)."""


def cleared(schema: Any, data: Any, root: Any = None) -> bool:
    """True when ``data`` certainly satisfies ``schema`` (whose local ``$ref``s point into ``root``)."""
    if schema is True:
        return True
    if not isinstance(schema, dict):
        return False
    if isinstance(data, dict) and not all(isinstance(key, str) for key in data):
        return False  # JSON has only text keys: the real validator says what it makes of these
    root = schema if root is None else root
    for keyword, value in schema.items():
        if keyword in _PASSIVE:
            continue
        check = _KEYWORDS.get(keyword)
        if check is None or not check(value, data, schema, root):
            return False
    return True


def _type(value: Any, data: Any, schema: Any, root: Any) -> bool:
    names = value if isinstance(value, list) else [value]
    return any(_is(name, data) for name in names)


def _is(name: str, data: Any) -> bool:
    if isinstance(data, bool):
        return name == "boolean"
    if isinstance(data, (int, float)) and not _number(data):
        return False
    if isinstance(data, float) and name == "integer":
        return False  # 1.0 is an integer to JSON Schema: the real validator says so
    return isinstance(data, _TYPES.get(name, ()))


def _same(member: Any, data: Any) -> bool:
    """JSON equality where Python's differs (``True == 1``, ``1 == 1.0``): same type, same value."""
    return type(member) is type(data) and member == data and not isinstance(data, (dict, list, float))


def _properties(value: Any, data: Any, schema: Any, root: Any) -> bool:
    if not isinstance(data, dict):
        return True
    return all(cleared(value[key], data[key], root) for key in value if key in data)


def _additional(value: Any, data: Any, schema: Any, root: Any) -> bool:
    if not isinstance(data, dict):
        return True
    if "patternProperties" in schema:
        return False
    known = schema.get("properties", {})
    return all(key in known or cleared(value, item, root) for key, item in data.items())


def _required(value: Any, data: Any, schema: Any, root: Any) -> bool:
    return not isinstance(data, dict) or all(key in data for key in value)


def _items(value: Any, data: Any, schema: Any, root: Any) -> bool:
    if not isinstance(data, list):
        return True
    return isinstance(value, (dict, bool)) and all(cleared(value, item, root) for item in data)


def _number(data: Any) -> bool:
    """A number both validators compare alike: finite, and an integer within 64 bits."""
    if isinstance(data, bool) or not isinstance(data, (int, float)):
        return False
    return math.isfinite(data) if isinstance(data, float) else -WIDEST <= data <= WIDEST


def _bound(holds: Callable[[Any, Any], bool]) -> Callable[[Any, Any, Any, Any], bool]:
    """``minimum``/``maximum``: they constrain numbers only (not booleans)."""
    def check(value: Any, data: Any, schema: Any, root: Any) -> bool:
        if isinstance(data, bool) or not isinstance(data, (int, float)):
            return True
        return _number(data) and holds(data, value)
    return check


def _pattern(value: Any, data: Any, schema: Any, root: Any) -> bool:
    if not isinstance(data, str):
        return True
    # ASCII text without line breaks: where Python's ``re`` and ECMA-262 regexes read alike
    # (Python's ``$`` also matches before a final newline; ``\d`` and ``\s`` differ beyond ASCII)
    return (value.isascii() and data.isascii() and "\n" not in data and "\r" not in data
            and re.search(value, data) is not None)


def _ref(value: Any, data: Any, schema: Any, root: Any) -> bool:
    if not isinstance(value, str) or not value.startswith("#"):
        return False
    target = root
    for part in value[1:].strip("/").split("/"):
        if part:
            if not isinstance(target, dict) or part not in target or "~" in part or "%" in part:
                return False
            target = target[part]
    return cleared(target, data, root)


_KEYWORDS = {
    "type": _type,
    "properties": _properties,
    "additionalProperties": _additional,
    "required": _required,
    "items": _items,
    "$ref": _ref,
    "pattern": _pattern,
    "enum": lambda value, data, schema, root: any(_same(member, data) for member in value),
    "const": lambda value, data, schema, root: _same(value, data),
    "anyOf": lambda value, data, schema, root: any(cleared(branch, data, root) for branch in value),
    "allOf": lambda value, data, schema, root: all(cleared(branch, data, root) for branch in value),
    "minLength": lambda value, data, schema, root: not isinstance(data, str) or len(data) >= value,
    "maxLength": lambda value, data, schema, root: not isinstance(data, str) or len(data) <= value,
    "minimum": _bound(lambda data, value: data >= value),
    "maximum": _bound(lambda data, value: data <= value),
    "minProperties": lambda value, data, schema, root: not isinstance(data, dict) or len(data) >= value,
    "maxProperties": lambda value, data, schema, root: not isinstance(data, dict) or len(data) <= value,
    "minItems": lambda value, data, schema, root: not isinstance(data, list) or len(data) >= value,
    "maxItems": lambda value, data, schema, root: not isinstance(data, list) or len(data) <= value,
}
"""The keywords ``cleared`` knows, each True only when it certainly holds for the data."""
