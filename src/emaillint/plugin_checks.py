"""Shape checks for what plugins hand emaillint, so a malformed rule or data sheet is a
``plugin-error`` naming the plugin at start-up, not a traceback in the middle of a run.

Each function returns why the value cannot be used ("" when it can), in words that end
with what to write instead.
"""

from __future__ import annotations

import re
from typing import Any, Mapping

from emaillint.model import DISPLAY_ONLY, SAFE, SEVERITIES, UNSAFE, Dialect, Edit, Finding, Fix, Rule
from emaillint.provider import (
    HOST_KINDS,
    RETIREMENTS,
    AuthMethod,
    Listing,
    Endpoint,
    Host,
    OtherHost,
    Plan,
    Provider,
    SecretShape,
    SenderRule,
    Username,
    facts,
)
from emaillint.vocabulary import CONFIDENCES, SECURITY_MODES

SLUG = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")
"""Rule ids and provider names: lower-case words joined by hyphens (``acme-relay-pool``)."""
RULE_SCOPES = ("account", "run", "engine")

_PROVIDER_PARTS: tuple[tuple[str, type], ...] = (
    ("hosts", Host), ("plans", Plan), ("auth", AuthMethod), ("legacy_hosts", OtherHost),
    ("wrong_hosts", OtherHost), ("domains", str), ("usernames", Username), ("secrets", SecretShape),
    ("sender_rules", SenderRule),
)


def dialect_problem(dialect: Dialect) -> str:
    needles = dialect.needles
    if not isinstance(needles, (tuple, list)) or not all(isinstance(n, str) and n for n in needles):
        return (f"dialect '{dialect.name}' has needles={needles!r}, so it is not used;"
                " give a tuple of non-empty strings, or leave needles out")
    return ""


def rule_problem(rule: Rule) -> str:
    if not isinstance(rule.id, str) or not SLUG.fullmatch(rule.id):
        return f"rule id {rule.id!r} is not a lower-case slug; write one like 'acme-relay-pool'"
    if rule.severity not in SEVERITIES:
        return f"rule '{rule.id}' has severity {rule.severity!r}; write one of {', '.join(SEVERITIES)}"
    if rule.scope not in RULE_SCOPES:
        return f"rule '{rule.id}' has scope {rule.scope!r}; write one of {', '.join(RULE_SCOPES)}"
    if rule.scope != "engine" and not callable(rule.check):
        return f"rule '{rule.id}' has scope '{rule.scope}' but no check function; give it check="
    if rule.scope == "run" and not callable(rule.finish):
        return f"rule '{rule.id}' has scope 'run' but no finish function; give it finish="
    if not (isinstance(rule.summary, str) and rule.summary.strip()
            and isinstance(rule.explanation, str) and rule.explanation.strip()):
        return f"rule '{rule.id}' has no summary or explanation; 'emaillint explain' prints them, write both"
    return ""


def provider_problem(provider: Provider) -> str:
    if not isinstance(provider.name, str) or not SLUG.fullmatch(provider.name):
        return f"provider name {provider.name!r} is not a lower-case slug; write one like 'acme-relay'"
    for field, kind in _PROVIDER_PARTS:
        values = getattr(provider, field)
        if not isinstance(values, tuple) or not all(isinstance(v, kind) for v in values):
            return f"provider '{provider.name}': {field} must be a tuple of {kind.__name__}"
    for host in provider.hosts + provider.legacy_hosts + provider.wrong_hosts:
        if not isinstance(host.name, str) or host.name != host.name.strip().lower() or not host.name:
            return (f"provider '{provider.name}': host {host.name!r} must be written in lower case,"
                    " without spaces (accounts' hosts are compared in lower case)")
    for host in provider.hosts:
        if not isinstance(host.endpoints, tuple) or not all(isinstance(e, Endpoint) for e in host.endpoints):
            return f"provider '{provider.name}': host {host.name} endpoints must be a tuple of Endpoint"
    for domain in provider.domains:
        if domain != domain.strip().lower() or not domain:
            return f"provider '{provider.name}': username domain {domain!r} must be written in lower case"
    why = _types_problem(provider)
    if why:
        return f"provider '{provider.name}': {why}"
    return _facts_problem(provider)


_TYPES = {"int": int, "str": str, "bool": bool, "None": type(None), "float": float}


_WORDS = {"int": "a number", "str": "a string", "bool": "True or False", "None": "None", "float": "a number",
          "tuple": "a tuple"}


def _typed(value: Any, annotation: str) -> bool:
    """Whether ``value`` is of a data sheet field's annotation (``int | None``,
    ``tuple[str, ...]``): an ``int`` field takes no ``bool`` and no ``"587"``."""
    for choice in (part.strip() for part in annotation.split("|")):
        if choice.startswith("tuple["):
            if isinstance(value, tuple):
                return True
        elif choice in _TYPES:
            kind = _TYPES[choice]
            if isinstance(value, kind) and not (kind is int and isinstance(value, bool)):
                return True
        else:
            return True  # a type of its own (Endpoint, SecretShape): checked by name where it is used
    return False


def _types_problem(fact: Any) -> str:
    """The first field of a data sheet fact whose value is not of the field's type, in words:
    a wrong type is the plugin's fault at start-up, not a rule's traceback later."""
    for field, annotation in type(fact).__annotations__.items():
        value = getattr(fact, field)
        text = str(getattr(annotation, "__forward_arg__", annotation))  # NamedTuple keeps them as ForwardRef
        if not _typed(value, text):
            words = " or ".join(_WORDS.get(part.strip().partition("[")[0], part.strip()) for part in text.split("|"))
            return f"{field} must be {words}, not {_a(value)} ({value!r})"
    return ""


def _values_problem(fact: Any) -> str:
    """Values a field's type allows but no provider has: a port outside 1-65535, an unknown
    security mode, a negative limit."""
    if isinstance(fact, Endpoint):
        if not 1 <= fact.port <= 65535:
            return f"port {fact.port} is not a port; write a number from 1 to 65535"
        if fact.security not in SECURITY_MODES:
            return f"security {fact.security!r} is not one of {', '.join(SECURITY_MODES)}"
    if isinstance(fact, Plan):
        for field in ("recipients_per_day", "messages_per_day", "recipients_per_message"):
            if getattr(fact, field) is not None and getattr(fact, field) < 1:
                return f"{field} must be a positive number, or None where there is no published limit"
    return ""


def listing_problem(listing: Listing) -> str:
    name = f"listing '{listing.name}'"
    if not isinstance(listing.name, str) or not SLUG.fullmatch(listing.name):
        return f"provider name {listing.name!r} is not a lower-case slug; write one like 'acme-relay'"
    if not isinstance(listing.load, str) or not re.fullmatch(r"[\w.]+:\w+", listing.load):
        return f"{name}: load must be 'module:attribute' (the sheet's Provider), not {listing.load!r}"
    for field in ("hosts", "patterns", "domains"):
        values = getattr(listing, field)
        if not isinstance(values, tuple) or not all(isinstance(v, str) and v == v.strip().lower() and v
                                                    for v in values):
            return f"{name}: {field} must be a tuple of lower-case strings"
    for pattern in listing.patterns:
        why = _regex_problem(pattern)
        if why:
            return f"{name}: {why}"
    return ""


def _facts_problem(provider: Provider) -> str:
    """The fields data sheets gained for sending services: types, confidence levels and
    regular expressions, each checked before a rule trips over it."""
    name = f"provider '{provider.name}'"
    for fact in facts(provider):
        what = f"{name}: {type(fact).__name__} {_label(fact)}"
        why = _types_problem(fact) or _values_problem(fact)
        if why:
            return f"{what}: {why}"
        if fact.confidence not in CONFIDENCES:
            return f"{what}: confidence {fact.confidence!r} is not one of HIGH, MEDIUM, LOW (\"H\", \"M\", \"L\")"
        patterns = [getattr(fact, "pattern", "")] + list(getattr(fact, "domain_patterns", ()) or ())
        for pattern in patterns:
            why = _regex_problem(pattern)
            if why:
                return f"{what}: {why}"
    for other in provider.legacy_hosts + provider.wrong_hosts:
        if other.kind not in HOST_KINDS:
            return (f"{name}: host {other.name} has kind {other.kind!r}; write API_ENDPOINT, INBOUND_ENDPOINT"
                    " or leave it out")
        why = _blanks_problem(other)
        if why:
            return f"{name}: host {other.name}: {why}"
    for entry in provider.auth:
        if entry.retirement not in RETIREMENTS:
            return (f"{name}: AuthMethod {entry.method!r} has retirement {entry.retirement!r}; write"
                    " OFF_BY_DEFAULT, NOT_ACCEPTED or leave it out")
    for entry in provider.usernames:
        if (not entry.meaning or not (entry.fixed or entry.pattern) or not isinstance(entry.plans, tuple)
                or not isinstance(entry.sending_domain, bool)):
            return (f"{name}: Username {_label(entry)} needs a meaning, a fixed username or a pattern,"
                    " plans as a tuple, and sending_domain as True or False")
    for shape in provider.secrets:
        if not SLUG.fullmatch(shape.name) or not shape.pattern or not isinstance(shape.distinctive, bool):
            return (f"{name}: SecretShape {shape.name!r} needs a slug name, a pattern, and"
                    " distinctive as True or False")
    if not isinstance(provider.sender_confidence, str) or provider.sender_confidence not in CONFIDENCES:
        return f"{name}: sender_confidence must be one of HIGH, MEDIUM, LOW"
    return ""


def _label(fact: Any) -> str:
    for field in ("name", "port", "method", "fixed", "pattern"):
        value = getattr(fact, field, None)
        if value:
            return repr(value)
    return repr(getattr(fact, "meaning", ""))


def _a(value: Any) -> str:
    kind = type(value).__name__
    return f"an {kind}" if kind[:1] in "aeiou" else f"a {kind}"


def _regex_problem(pattern: str) -> str:
    if not isinstance(pattern, str):
        return f"pattern {pattern!r} must be a string"
    if not pattern:
        return ""
    try:
        re.compile(pattern)
    except re.error as exc:
        return f"pattern {pattern!r} is not a regular expression ({exc})"
    return ""


def _blanks_problem(other: OtherHost) -> str:
    """A host pattern's ``use_instead`` and ``reason`` may name only its groups and ``host``."""
    if not other.pattern:
        return ""
    names = dict.fromkeys(re.compile(other.pattern).groupindex, "x")
    try:
        other.use_instead.format(host="x", **names)
        other.reason.format(host="x", **names)
    except (KeyError, IndexError, ValueError) as exc:
        return (f"use_instead and reason may name only the pattern's groups and {{host}} in braces"
                f" ({type(exc).__name__}: {exc})")
    return ""


def position_problem(position: Any, lines: int) -> str:
    """Why a (line, column) cannot be shown: code scanning refuses a SARIF ``startLine`` of -3."""
    if not (isinstance(position, tuple) and len(position) == 2
            and all(isinstance(n, int) and not isinstance(n, bool) for n in position)):
        return f"{position!r}, which is not a Position(line, column)"
    line, column = position
    if not (1 <= line <= lines and column >= 1):
        return (f"at line {line}, column {column}, outside the file (lines 1 to {lines}, columns from 1);"
                " take positions from the document (doc.position(path))")
    return ""


def finding_problem(finding: Any, lines: Mapping[str, int], rules: Mapping[str, Rule]) -> str:
    """Why a ``Finding`` a plugin returned cannot be reported ("" when it can): ``lines`` maps
    the paths being linted to how many lines each has."""
    if not isinstance(finding, Finding):
        return f"returned {_a(finding)} where a Finding (from emaillint.api) belongs"
    if not isinstance(finding.path, str) or finding.path not in lines:
        return f"returned a finding for {finding.path!r}, which is not a file this run lints; use the record's path"
    why = position_problem((finding.line, finding.column), lines[finding.path])
    if why:
        return f"returned a finding of {finding.path} {why}"
    if finding.rule not in rules:
        return f"returned a finding of rule {finding.rule!r}, which no plugin defines; use your rule's id"
    if finding.severity not in ("", *SEVERITIES):
        return f"returned a finding with severity {finding.severity!r}; write one of {', '.join(SEVERITIES)}"
    if not (isinstance(finding.message, str) and finding.message.strip() and isinstance(finding.help, str)
            and isinstance(finding.account, (str, type(None))) and isinstance(finding.provider, (str, type(None)))
            and isinstance(finding.details, (Mapping, type(None)))):
        return ("returned a malformed Finding: message and help must be text, account and provider text or None"
                " and details a dict or None")
    return ""


def fix_problem(fix: Any, size: int) -> str:
    """Why a finding's fix cannot be offered ("" when it can): ``size`` is how many characters
    the file's text has. ``--fix``, ``--diff``, the editor and every format take a fix as it
    is, so its edits must be offsets inside the text that do not overlap."""
    from emaillint.fixing import overlapping

    if not isinstance(fix, Fix):
        return f"the fix is {_a(fix)}; give Fix(title, edits) from emaillint.api"
    if not isinstance(fix.title, str) or not fix.title.strip():
        return f"its title is {fix.title!r}; write what the edits do, such as 'write security: tls'"
    if fix.applicability not in (SAFE, UNSAFE, DISPLAY_ONLY):
        return f"its applicability is {fix.applicability!r}; write one of {SAFE}, {UNSAFE}, {DISPLAY_ONLY}"
    if not isinstance(fix.edits, (tuple, list)) or not fix.edits:
        return f"its edits are {fix.edits!r}; give a tuple of one or more Edit(start, end, text)"
    for number, edit in enumerate(fix.edits, 1):
        if not isinstance(edit, Edit):
            return f"edit {number} is {_a(edit)}; give Edit(start, end, text) from emaillint.api"
        if not all(isinstance(n, int) and not isinstance(n, bool) for n in (edit.start, edit.end)):
            return f"edit {number} runs from {edit.start!r} to {edit.end!r}; both must be character offsets (int)"
        if not 0 <= edit.start <= edit.end <= size:
            return (f"edit {number} replaces characters {edit.start} to {edit.end}, not a range of the file's"
                    f" 0 to {size}; take offsets from the document (doc.span(path))")
        if not isinstance(edit.text, str):
            return f"edit {number} writes {_a(edit.text)}; its text must be a string"
    if overlapping([(edit.start, edit.end) for edit in fix.edits]):
        return "its edits overlap each other; give each character of the file to one edit at most"
    return ""


def schema_property_problem(key: Any, fragment: Any) -> str:
    if not isinstance(key, str) or not key:
        return f"account key {key!r} is not a string; name it like 'acme_relay_pool'"
    if not isinstance(fragment, Mapping):
        return (f"account key '{key}' has a {type(fragment).__name__} where a JSON Schema fragment"
                " (a dict such as {'type': 'string'}) belongs")
    return ""


def unsourced(provider: Provider) -> list[str]:
    """The facts of a data sheet that do not carry a source URL (``source="https://..."``)."""
    missing = []
    labelled: list[tuple[str, Any]] = [(f"host {h.name}", h) for h in provider.hosts]
    labelled += [(f"host {h.name} port {e.port}", e) for h in provider.hosts for e in h.endpoints]
    labelled += [(f"plan {p.name}", p) for p in provider.plans]
    labelled += [(f"auth {a.method}", a) for a in provider.auth]
    labelled += [(f"host {o.name}", o) for o in provider.legacy_hosts + provider.wrong_hosts]
    labelled += [(f"username {u.fixed or u.pattern}", u) for u in provider.usernames]
    labelled += [(f"secret {s.name}", s) for s in provider.secrets]
    for what, fact in labelled:
        if not _urls(fact.source):
            missing.append(f"provider '{provider.name}': {what} has no source URL")
    if provider.sender_policy and not _urls(provider.sender_source):
        missing.append(f"provider '{provider.name}': sender_policy has no sender_source URL")
    return missing


def _urls(source: Any) -> bool:
    """One URL, or several separated by spaces (sources that agree)."""
    words = str(source).split()
    return bool(words) and all(word.startswith(("https://", "http://")) for word in words)
