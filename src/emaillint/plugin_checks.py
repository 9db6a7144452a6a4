"""Shape checks for what plugins hand emaillint, so a malformed rule or data sheet is a
``plugin-error`` naming the plugin at start-up, not a traceback in the middle of a run.

Each function returns why the value cannot be used ("" when it can), in words that end
with what to write instead.
"""

from __future__ import annotations

import re
from typing import Any, Mapping

from emaillint.model import SEVERITIES, Rule
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
from emaillint.vocabulary import CONFIDENCES

SLUG = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")
"""Rule ids and provider names: lower-case words joined by hyphens (``acme-relay-pool``)."""
RULE_SCOPES = ("account", "run", "engine")

_PROVIDER_PARTS: tuple[tuple[str, type], ...] = (
    ("hosts", Host), ("plans", Plan), ("auth", AuthMethod), ("legacy_hosts", OtherHost),
    ("wrong_hosts", OtherHost), ("domains", str), ("usernames", Username), ("secrets", SecretShape),
    ("sender_rules", SenderRule),
)
_TEXT_FIELDS: dict[type, tuple[str, ...]] = {
    Endpoint: (), Host: ("pattern",), OtherHost: ("pattern", "kind"), AuthMethod: ("retirement",),
    Plan: ("sandbox",), Username: ("meaning", "fixed", "pattern"),
    SecretShape: ("name", "pattern", "meaning", "instead"), SenderRule: ("text", "since"),
}
"""Each data sheet type's text fields that came with the sending services (host patterns,
usernames, secret shapes; ``confidence`` on all of them): older sheets leave them at their
defaults, and a sheet that sets them gets a plugin-error, not a traceback, for a wrong type."""


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
    return _facts_problem(provider)


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
        fields = next(names for kind, names in _TEXT_FIELDS.items() if isinstance(fact, kind))
        for field in fields + ("confidence",):
            if not isinstance(getattr(fact, field), str):
                return f"{what}: {field} must be a string, not {_a(getattr(fact, field))}"
        if fact.confidence not in CONFIDENCES:
            return f"{what}: confidence {fact.confidence!r} is not one of HIGH, MEDIUM, LOW (\"H\", \"M\", \"L\")"
        patterns = [getattr(fact, "pattern", "")] + list(getattr(fact, "domain_patterns", ()) or ())
        if isinstance(fact, Plan) and not isinstance(fact.domain_patterns, tuple):
            return f"{what}: domain_patterns must be a tuple of regular expressions"
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
