"""Shape checks for what plugins hand emaillint, so a malformed rule or data sheet is a
``plugin-error`` naming the plugin at start-up, not a traceback in the middle of a run.

Each function returns why the value cannot be used ("" when it can), in words that end
with what to write instead.
"""

from __future__ import annotations

import re
from typing import Any, Mapping

from emaillint.model import SEVERITIES, Rule
from emaillint.provider import AuthMethod, Endpoint, Host, OtherHost, Plan, Provider

SLUG = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")
"""Rule ids and provider names: lower-case words joined by hyphens (``acme-relay-pool``)."""
RULE_SCOPES = ("account", "run", "engine")

_PROVIDER_PARTS: tuple[tuple[str, type], ...] = (
    ("hosts", Host), ("plans", Plan), ("auth", AuthMethod), ("legacy_hosts", OtherHost),
    ("wrong_hosts", OtherHost), ("domains", str),
)


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
    facts: list[tuple[str, Any]] = [(f"host {h.name}", h) for h in provider.hosts]
    facts += [(f"host {h.name} port {e.port}", e) for h in provider.hosts for e in h.endpoints]
    facts += [(f"plan {p.name}", p) for p in provider.plans]
    facts += [(f"auth {a.method}", a) for a in provider.auth]
    facts += [(f"host {o.name}", o) for o in provider.legacy_hosts + provider.wrong_hosts]
    for what, fact in facts:
        if not str(fact.source).startswith(("https://", "http://")):
            missing.append(f"provider '{provider.name}': {what} has no source URL")
    if provider.sender_policy and not provider.sender_source.startswith(("https://", "http://")):
        missing.append(f"provider '{provider.name}': sender_policy has no sender_source URL")
    return missing
