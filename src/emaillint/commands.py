"""The informational subcommands: rules, explain, plugins, providers, dialects, schema."""

from __future__ import annotations

import argparse
import inspect
import json
from typing import IO

from emaillint.model import EXIT_CLEAN, EXIT_ERROR
from emaillint.plugins import Registry, load_registry


def _registry() -> Registry:
    return load_registry()


def _table(rows: list[tuple[str, ...]], stream: IO[str]) -> None:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]
    for row in rows:
        cells = [cell.ljust(width) for cell, width in zip(row, widths)] + [row[-1]]
        stream.write("  ".join(cells).rstrip() + "\n")


def rules(args: argparse.Namespace, stream: IO[str]) -> int:
    registry = _registry()
    rows = [("RULE", "SEVERITY", "PLUGIN", "SUMMARY")]
    rows += [(r.id, r.severity, r.plugin, r.summary) for r in registry.rules.values()]
    _table(rows, stream)
    return _errors(registry, stream)


def explain(args: argparse.Namespace, stream: IO[str]) -> int:
    registry = _registry()
    rule = registry.rules.get(args.rule)
    if rule is None:
        import sys

        from emaillint.policy import unknown_rule

        sys.stderr.write(f"emaillint: error: {unknown_rule(args.rule, registry.rules)}\n")
        return EXIT_ERROR
    stream.write(f"{rule.id} ({rule.severity}, from plugin {rule.plugin})\n\n")
    stream.write(inspect.cleandoc(rule.explanation).rstrip() + "\n")
    guidance = _provider_guidance(rule.id, registry)
    if guidance:
        stream.write("\n## Providers\n" + guidance)
    return EXIT_CLEAN


def _provider_guidance(rule_id: str, registry: Registry) -> str:
    """What each installed provider says about a provider rule, from its data sheet."""
    lines = []
    for name in registry.providers.names():
        provider = registry.providers.by_name[name]
        if rule_id == "legacy-auth":
            retired = [a for a in provider.auth if a.retired_on]
            if not retired and not provider.setup:
                continue
            lines.append(f"- {provider.title} ({name}):")
            for entry in retired:
                scope = f" [{', '.join(entry.plans)}]" if entry.plans else ""
                lines.append(f"    {entry.method}{scope}: retired {entry.retired_on} (source: {entry.source})")
            if provider.setup:
                lines.append(f"    setup: {provider.setup}")
        elif rule_id in ("provider-host", "provider-port", "provider-security", "legacy-host"):
            for host in provider.hosts:
                ports = ", ".join(f"{e.port}/{e.security}" for e in host.endpoints)
                lines.append(f"- {provider.title}: {host.name} {ports} (source: {host.source})")
            for other in provider.legacy_hosts + provider.wrong_hosts:
                lines.append(f"- {provider.title}: not {other.name}, use {other.use_instead} (source: {other.source})")
        elif rule_id in ("daily-recipient-quota", "cc-quota", "message-recipient-limit", "shared-quota"):
            for plan in provider.plans:
                lines.append(f"- {plan.title} ({name} plan {plan.name}): {_limits(plan)} (source: {plan.source})")
    return "".join(line + "\n" for line in lines)


def _limits(plan) -> str:
    def figure(value: int | None, unit: str) -> str:
        return f"{value:,} {unit}" if value else f"no published {unit} limit"

    text = ", ".join((figure(plan.recipients_per_day, "recipients/day"),
                      figure(plan.messages_per_day, "messages/day"),
                      figure(plan.recipients_per_message, "recipients/message")))
    return text + (" (estimates)" if plan.estimate else "")


def plugins(args: argparse.Namespace, stream: IO[str]) -> int:
    registry = _registry()
    rows = [("PLUGIN", "DISTRIBUTION", "VERSION", "STATUS")]
    for info in registry.plugins:
        rows.append((info.name, info.dist or "-", info.version or "-", f"failed: {info.error}" if info.error else "ok"))
    _table(rows, stream)
    return _errors(registry, stream)


def providers(args: argparse.Namespace, stream: IO[str]) -> int:
    registry = _registry()
    for name in registry.providers.names():
        provider = registry.providers.by_name[name]
        stream.write(f"{provider.title} ({name}, plugin {registry.providers.plugin_of[name]})\n")
        for host in provider.hosts:
            ports = ", ".join(f"{e.port} {e.security}{' (recommended)' if e.recommended else ''}"
                              for e in sorted(host.endpoints, key=lambda e: not e.recommended))
            plans = f" [plans: {', '.join(host.plans)}]" if host.plans else ""
            stream.write(f"  host      {host.name}: {ports}{plans}\n")
        for other in provider.legacy_hosts + provider.wrong_hosts:
            stream.write(f"  not       {other.name} -> {other.use_instead}\n")
        if provider.domains:
            stream.write(f"  usernames {', '.join(provider.domains)}\n")
        for entry in provider.auth:
            scope = f" [{', '.join(entry.plans)}]" if entry.plans else ""
            state = f"retired {entry.retired_on}" if entry.retired_on else "accepted"
            stream.write(f"  auth      {entry.method}{scope}: {state}\n")
        for plan in provider.plans:
            stream.write(f"  plan      {plan.name}: {_limits(plan)}\n")
        if provider.setup:
            stream.write(f"  setup     {provider.setup}\n")
        stream.write("\n")
    return _errors(registry, stream)


def dialects(args: argparse.Namespace, stream: IO[str]) -> int:
    registry = _registry()
    rows = [("DIALECT", "PLUGIN", "SUMMARY")]
    rows += [(d.name, d.plugin, d.summary) for d in registry.dialects]
    _table(rows, stream)
    return _errors(registry, stream)


def schema(args: argparse.Namespace, stream: IO[str]) -> int:
    from emaillint.schema import build_schema

    registry = _registry()
    json.dump(build_schema(registry.schema_properties), stream, indent=2)
    stream.write("\n")
    return _errors(registry, stream)


def _errors(registry: Registry, stream: IO[str]) -> int:
    """Plugin problems go to stderr after the listing, and make the command exit 2."""
    import sys

    for error in registry.errors:
        sys.stderr.write(f"emaillint: {error.message}\n")
    return EXIT_ERROR if registry.errors else EXIT_CLEAN
