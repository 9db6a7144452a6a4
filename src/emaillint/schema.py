"""JSON Schema validation of emaillint's own format, with errors in a user's words.

The schema file in ``schemas/`` is the contract editors use too. Each validation error
becomes one finding at the offending key's line, phrased as the field and what to write
(``accounts.invoices.hots: unknown key; did you mean 'host'?``). Values of fields the
schema marks ``writeOnly`` (passwords, plugin secrets) are never echoed; keys and values
with line breaks or other control characters are shown escaped, so a finding stays one line.
"""

from __future__ import annotations

import json
import os
from typing import Any, Iterator, Mapping, NamedTuple

from emaillint.cleared import ANNOTATIONS, WIDEST, cleared
from emaillint.escape import printable
from emaillint.load import Document, Path
from emaillint.model import Finding
from emaillint import fixing
from emaillint.vocabulary import SCHEMA, YAML_AMBIGUOUS

SCHEMA_FILE = "emaillint.schema.json"

_SECURITY_SYNONYMS = {
    "ssl": "tls", "smtps": "tls", "implicit": "tls", "implicit-tls": "tls", "tls/ssl": "tls",
    "ssl/tls": "tls", "true": "tls", "explicit": "starttls", "start-tls": "starttls",
    "start_tls": "starttls", "starttls-required": "starttls", "plain": "none", "off": "none",
    "false": "none", "no": "none", "": "none",
}
_TYPE_WORDS = {
    "integer": "a whole number", "number": "a number", "string": "text", "object": "a mapping",
    "array": "a list", "boolean": "true or false", "null": "nothing",
}


def schema_path() -> str:
    """The shipped schema file; ``emaillint.schemas`` is the repository's ``schemas/``."""
    import emaillint.schemas as package

    for directory in package.__path__:
        candidate = os.path.join(directory, SCHEMA_FILE)
        if os.path.isfile(candidate):
            return candidate
    raise FileNotFoundError(f"{SCHEMA_FILE} is missing from the emaillint installation")


def base_schema() -> dict[str, Any]:
    with open(schema_path(), encoding="utf-8") as handle:
        return json.load(handle)


def build_schema(extra_properties: Mapping[str, Mapping[str, Any]] = {}) -> dict[str, Any]:
    """The base schema plus account keys that provider plugins declare for their settings."""
    schema = base_schema()
    if extra_properties:
        properties = schema["$defs"]["account"]["properties"]
        for key, subschema in extra_properties.items():
            properties.setdefault(key, dict(subschema))
    return schema


DRAFT_07 = "http://json-schema.org/draft-07/schema#"
DRAFT_07_FILE = "emaillint.draft-07.schema.json"
"""The same schema in draft-07 words, for editors: yaml-language-server reads draft-07 and
not 2020-12 (redhat-developer/yaml-language-server#856; its 2020-12 support was reverted)."""


class DraftError(ValueError):
    """A 2020-12 keyword that draft-07 cannot say (``unevaluatedProperties``, ``$dynamicRef``)."""


def draft07(schema: Any) -> Any:
    """``schema`` (2020-12) rewritten with draft-07 keywords that accept and reject the same
    documents: ``$defs`` -> ``definitions``, ``prefixItems`` -> an ``items`` list,
    ``dependentRequired``/``dependentSchemas`` -> ``dependencies``, and a ``$ref`` with other
    keywords beside it moved into ``allOf`` (draft-07 ignores a ``$ref``'s siblings)."""
    if isinstance(schema, list):
        return [draft07(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    out: dict[str, Any] = {}
    for key, value in schema.items():
        if key in _NO_DRAFT_07:
            raise DraftError(f"'{key}' has no draft-07 form")
        if key == "$schema":
            out[key] = DRAFT_07
        elif key == "$ref":
            out[key] = value.replace("#/$defs/", "#/definitions/", 1) if isinstance(value, str) else value
        elif key in ("$defs", "properties", "patternProperties"):
            out["definitions" if key == "$defs" else key] = {name: draft07(sub) for name, sub in value.items()}
        elif key in ("dependentSchemas", "dependentRequired"):  # one keyword in draft-07, for both
            out["dependencies"] = {**out.get("dependencies", {}), **draft07(value)}
        elif key == "prefixItems":
            out["items"] = draft07(value)
            if "items" in schema:
                out["additionalItems"] = draft07(schema["items"])
        elif key == "items" and "prefixItems" in schema:
            continue
        else:
            out[key] = draft07(value) if key not in ("enum", "const", "examples", "default", "required") else value
    if "$ref" in out and set(out) - ANNOTATIONS - {"$ref"}:
        ref = {"$ref": out.pop("$ref")}
        out["allOf"] = [ref, *out.get("allOf", [])]
    return out


_NO_DRAFT_07 = frozenset(("unevaluatedProperties", "unevaluatedItems", "$dynamicRef", "$dynamicAnchor",
                          "$recursiveRef", "$recursiveAnchor", "$anchor", "$vocabulary", "minContains", "maxContains"))


class SchemaError(NamedTuple):
    """One failed keyword, in the terms the messages need (from jsonschema-rs's errors)."""

    keyword: str
    """The JSON Schema keyword that failed: ``required``, ``anyOf``, ``type``..."""
    path: Path
    """Where in the document."""
    schema: Mapping[str, Any]
    """The schema object that holds the keyword."""
    instance: Any
    detail: Any
    """``required``: the missing key; ``additionalProperties``: the unexpected keys."""
    message: str
    """The validator's own words, for keywords emaillint does not phrase itself."""


class SchemaChecker:
    """Validates documents against one schema (JSON Schema 2020-12), compiled once per process.

    jsonschema-rs answers "valid?" in about a microsecond and, for a document that is
    not, lists every failed keyword with its place in the document and in the schema;
    it takes about 25 ms to import. ``cleared`` vouches for a plainly valid document in
    Python without it, at about 300 microseconds a document: so it answers for the first
    ``CLEARED`` documents of a run (a commit hook's few files never import jsonschema-rs)
    and jsonschema-rs for the rest (on 2,000 files ``cleared`` alone cost a fifth of the
    run). The pure-Python jsonschema costs ~65 ms to import and ~120 microseconds a
    document (~800 for one that fails) (docs/design.md).
    """

    CLEARED = 64
    """Where importing jsonschema-rs once costs less than ``cleared`` on every document after."""

    def __init__(self, schema: dict[str, Any]) -> None:
        self.schema = schema
        self._validator: Any = None
        self._cleared = 0

    @property
    def validator(self) -> Any:
        if self._validator is None:
            import jsonschema_rs

            self._validator = jsonschema_rs.validator_for(self.schema)
        return self._validator

    def is_valid(self, data: Any) -> bool:
        if self._validator is None and self._cleared < self.CLEARED:
            self._cleared += 1
            if cleared(self.schema, data):
                return True
        return self.validated(data)

    def validated(self, data: Any) -> bool:
        """jsonschema-rs's verdict alone, which the differential tests hold ``cleared`` to."""
        try:
            return bool(self.validator.is_valid(data))
        except ValueError:  # a tagged scalar, or an integer wider than 64 bits (see _plain)
            return bool(self.validator.is_valid(_plain(data)))

    def check(self, doc: Document) -> list[Finding]:
        if self.is_valid(doc.data):
            return []
        errors = [e._replace(instance=doc.get(e.path)) if e.instance in (WIDEST, -WIDEST) else e
                  for e in self.errors(_plain(doc.data))]
        # "missing key 'host'" says nothing "unknown key 'hots'; did you mean 'host'?" does not
        suggested = {(e.path, _suggestion(key, e.schema)) for e in errors
                     if e.keyword == "additionalProperties" for key in e.detail or ()}
        findings = []
        for error in errors:
            if not (error.keyword == "required" and (error.path, error.detail) in suggested):
                findings.extend(_findings(doc, error))
        return findings

    def errors(self, data: Any) -> Iterator[SchemaError]:
        for error in self.validator.iter_errors(data):
            kind = error.kind
            *where, keyword = error.schema_path  # the keyword that failed is the path's last part
            holder: Any = self.schema
            for part in where:
                # jsonschema-rs before 0.40 (the last releases for Python 3.9) names the
                # $ref it went through instead of the place it leads to
                holder = self._resolve(holder[part]) if part == "$ref" else holder[part]
            detail = getattr(kind, "property", None) or getattr(kind, "unexpected", None)
            yield SchemaError(str(keyword), tuple(error.instance_path), holder, error.instance, detail, error.message)


    def _resolve(self, ref: str) -> Any:
        """A local reference (``#/$defs/account``) to the schema object it names."""
        target: Any = self.schema
        for part in ref.lstrip("#").strip("/").split("/"):
            target = target[part] if part else target
        return target


def _plain(value: Any) -> Any:
    """The data with tagged scalars (``!secret x``) as plain text, which JSON Schema can type,
    and integers wider than 64 bits clamped to ``WIDEST``: so clamped, one gets the same
    verdict from every keyword emaillint's schema has (its bounds are all far smaller), and
    the messages show the value as written (``Document.get``)."""
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, int) and not isinstance(value, bool) and not -WIDEST <= value <= WIDEST:
        return WIDEST if value > 0 else -WIDEST
    return str(value) if isinstance(value, str) else value


def _suggestion(key: Any, schema: Mapping[str, Any]) -> str | None:
    """The key an unknown key most likely meant, among those the mapping allows."""
    from emaillint.suggest import closest

    return closest(str(key), schema.get("properties", {}))


def dotted(path: Path) -> str:
    """``("accounts", "billing", "message", "cc", 1)`` -> ``accounts.billing.message.cc[1]``."""
    text = ""
    for part in path:
        name = printable(str(part))
        text += f"[{part}]" if isinstance(part, int) else (f".{name}" if text else name)
    return text or "the document"


def account_of(path: Path) -> str | None:
    return str(path[1]) if len(path) >= 2 and path[0] == "accounts" else None


def _findings(doc: Document, error: SchemaError) -> list[Finding]:
    path = error.path
    account = account_of(path)
    keyword = error.keyword
    if keyword == "additionalProperties":
        allowed = list(error.schema.get("properties", {}))
        findings = []
        for key in error.detail or ():
            keypath = path + (key,)
            close = _suggestion(key, error.schema)
            fix = fixing.key_fix(doc, keypath, str(key), close) if close else None
            help = (fix.title if fix else f"write {close} instead of {printable(str(key))}" if close
                    else f"remove it, or write one of: {', '.join(allowed)}")
            findings.append(doc.finding(keypath, SCHEMA, f"{dotted(keypath)}: unknown key", help=help,
                                        key=True, account=account, fix=fix))
        return findings
    if keyword == "required":
        missing = error.detail or "a key"
        return [doc.finding(path, SCHEMA, f"{dotted(path)}: missing required key '{missing}'",
                            help=f"add {missing}: {_example(missing)}", account=account)]
    if doc.ambiguous(path) is not None and keyword in ("type", "enum", "anyOf", "const"):
        fix = fixing.quote_fix(doc, path, secret=_is_secret(error.schema))
        message, help = _ambiguity(doc, path, error.schema)
        return [doc.finding(path, YAML_AMBIGUOUS, message, help=help, account=account, fix=fix)]
    message, help = _explain(error, _is_secret(error.schema))
    return [doc.finding(path, SCHEMA, f"{dotted(path)}: {message}", help=help, account=account)]


def _explain(error: Any, secret: bool) -> tuple[str, str]:
    """What is wrong with the value, and what to write at its key."""
    value = error.instance
    schema = error.schema
    validator = error.keyword
    got = _describe_value(value, secret)
    key = str(error.path[-1]) if error.path else "the value"
    if validator in ("anyOf", "enum", "type", "pattern"):
        expected = (" or ".join(_expectation(s) for s in schema["anyOf"]) if validator == "anyOf"
                    else _expectation(schema))
        return f"{got} is not valid here", _hint(key, value) or f"write {expected}"
    if validator == "const":
        return f"must be {json.dumps(schema['const'])}, got {got}", f"write {key}: {json.dumps(schema['const'])}"
    if validator in ("minimum", "maximum"):
        return f"{got} is out of range", f"write {_expectation(schema)}"
    if validator == "minLength":
        return "is empty", "write a value or remove the key"
    if validator == "minProperties":
        return "is empty", "add at least one entry"
    return (error.message if not secret else "the value is not valid here",
            "write what the schema allows here (emaillint schema prints it)")


def _expectation(schema: Mapping[str, Any]) -> str:
    """A schema fragment in words: 'a whole number from 1 to 65535', 'a ${NAME} reference'."""
    if "$ref" in schema:
        target = schema["$ref"].rsplit("/", 1)[-1]
        if target == "reference":
            return "a ${NAME} reference"
        if target == "addresses":
            return "a list of addresses"
        if target == "address":
            return "an email address"
        return target
    if "enum" in schema:
        return "one of " + ", ".join(map(str, schema["enum"]))
    if "const" in schema:
        return json.dumps(schema["const"])
    words = _TYPE_WORDS.get(schema.get("type", ""), "a value")
    if "minimum" in schema and "maximum" in schema:
        words += f" from {schema['minimum']} to {schema['maximum']}"
    elif "minimum" in schema:
        words += f" of at least {schema['minimum']}"
    if "pattern" in schema and schema["pattern"].startswith("^\\$\\{"):
        words = "a ${NAME} reference"
    return words


def _describe_value(value: Any, secret: bool) -> str:
    if isinstance(value, bool):
        return "a boolean" if secret else f"the boolean {str(value).lower()}"
    elif isinstance(value, (int, float)):
        kind = "a number"
    elif isinstance(value, str):
        kind = "text"
    elif isinstance(value, dict):
        return "a mapping"
    elif isinstance(value, list):
        return "a list"
    elif value is None:
        return "nothing (an empty value)"
    else:
        kind = "a value"
    if secret:
        return kind
    shown = str(value)
    if len(shown) > 40:
        shown = shown[:37] + "..."
    shown = printable(shown)
    return f"{kind} '{shown}'" if kind == "text" else f"{kind} {shown}"


def _hint(key: str, value: Any) -> str:
    """What was evidently meant: ``${NAME}`` for ``$NAME``, ``tls`` for ``ssl``."""
    if isinstance(value, str):
        if value.startswith("$") and not value.startswith("${"):
            return f"write {key}: ${{{printable(value[1:])}}} (only ${{NAME}} references are expanded)"
        synonym = _SECURITY_SYNONYMS.get(value.lower())
        if synonym:
            return f"write {key}: {synonym}"
    return ""


def _is_secret(schema: Mapping[str, Any]) -> bool:
    return bool(schema.get("writeOnly"))


def _example(key: str) -> str:
    return {"host": "smtp.example.com", "port": "587", "security": "starttls", "accounts": "{name: {...}}"}.get(key, "...")


def _ambiguity(doc: Document, path: Path, schema: Mapping[str, Any]) -> tuple[str, str]:
    """A plain scalar YAML 1.1 reads as a number or boolean: what it becomes, and the quotes
    that keep it text (as ``quote_fix`` writes them); a secret's text is never shown."""
    field, text = dotted(path), doc.ambiguous(path)
    if _is_secret(schema):
        return (f"{field}: YAML 1.1 loaders read this unquoted value as a number or boolean",
                "put the value in quotes (better: use a ${NAME} reference)")
    value = doc.get(path)
    read = f"the boolean {str(value).lower()}" if isinstance(value, bool) else f"the number {value}"
    help = f"quote it: '{text}'"
    synonym = _SECURITY_SYNONYMS.get(text.lower())
    if field.rsplit(".", 1)[-1] == "security" and synonym:
        help += f", or rather write {synonym}"
    return f"{field}: YAML 1.1 loaders read unquoted '{text}' as {read}, not as text", help
