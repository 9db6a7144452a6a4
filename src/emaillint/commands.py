"""The informational subcommands: rules, explain, plugins, providers, dialects, schema.

Each loads the plugins as ``check`` does, without the ones turned off on the command line
or in the project configuration, so a broken plugin can be turned off for them too; a bad
configuration raises ``config.ConfigError``.
"""

from __future__ import annotations

import argparse
import inspect
import json
from typing import IO

from emaillint import datasheet
from emaillint.model import EXIT_CLEAN, EXIT_ERROR, Rule
from emaillint.plugins import DEFAULT_TIMEOUT, Registry, load_registry, unknown_disabled
from emaillint.provider import Provider


def _registry(args: argparse.Namespace) -> Registry:
    from emaillint import config

    project = config.discover(args.config)
    registry = load_registry(disabled=tuple(args.disable_plugin) + project.disable_plugins,
                             timeout=args.plugin_timeout or project.plugin_timeout or DEFAULT_TIMEOUT)
    unknown = (unknown_disabled(registry, args.disable_plugin, "--disable-plugin")
               or unknown_disabled(registry, project.disable_plugins, project.origin("disable_plugins")))
    if unknown:
        raise config.ConfigError(unknown)
    return registry


def _table(rows: list[tuple[str, ...]], stream: IO[str]) -> None:
    stream.write("".join(line + "\n" for line in datasheet.table(rows)))


def rules(args: argparse.Namespace, stream: IO[str]) -> int:
    registry = _registry(args)
    rows = [("RULE", "SEVERITY", "PLUGIN", "SUMMARY")]
    rows += [(r.id, r.severity, r.plugin, r.summary) for r in registry.rules.values()]
    _table(rows, stream)
    return _errors(registry, stream)


def explain(args: argparse.Namespace, stream: IO[str]) -> int:
    registry = _registry(args)
    rule = registry.rules.get(args.rule)
    if rule is None:
        import sys

        from emaillint.policy import unknown_rule

        sys.stderr.write(f"emaillint: error: {'; '.join(unknown_rule(args.rule, registry.rules))}\n")
        _errors(registry, stream)  # the rule may be missing because its plugin failed
        return EXIT_ERROR
    stream.write(f"{rule.id} ({rule.severity}, from plugin {rule.plugin})\n\n" + explanation(rule, registry))
    return _errors(registry, stream)


def explanation(rule: Rule, registry: Registry) -> str:
    """A rule's explanation and what the providers' data sheets say about it (``explain``, hover)."""
    text = inspect.cleandoc(rule.explanation).rstrip() + "\n"
    guidance = datasheet.guidance(rule.id, _providers(registry))
    if guidance:
        text += "\n## Providers\n\n" + "".join(line + "\n" for line in guidance)
    return text


def _providers(registry: Registry) -> list[Provider]:
    return registry.providers.everything()


def plugins(args: argparse.Namespace, stream: IO[str]) -> int:
    registry = _registry(args)
    rows = [("PLUGIN", "DISTRIBUTION", "VERSION", "STATUS")]
    for info in registry.plugins:
        rows.append((info.name, info.dist or "-", info.version or "-", registry.status(info)))
    _table(rows, stream)
    return _errors(registry, stream)


def providers(args: argparse.Namespace, stream: IO[str]) -> int:
    registry = _registry(args)
    known = _providers(registry)
    lines = datasheet.overview(known) + [""] + datasheet.legend()
    for provider in known:
        lines += [""] + datasheet.details(provider, registry.providers.plugin_of[provider.name])
        if args.all:
            lines += datasheet.fact_sources(provider)
    if args.all:
        from emaillint import ispdb

        lines += [""] + datasheet.ispdb_index(ispdb.everything(), registry.providers)
    stream.write("".join(line + "\n" for line in lines))
    return _errors(registry, stream)


def dialects(args: argparse.Namespace, stream: IO[str]) -> int:
    registry = _registry(args)
    rows = [("DIALECT", "PLUGIN", "SUMMARY")]
    rows += [(d.name, d.plugin, d.summary) for d in registry.dialects]
    _table(rows, stream)
    return _errors(registry, stream)


def schema(args: argparse.Namespace, stream: IO[str]) -> int:
    registry = _registry(args)
    document = registry.schema()
    if args.draft == "7":
        from emaillint.schema import DraftError, draft07

        try:
            document = draft07(document)
        except DraftError as exc:
            import sys

            sys.stderr.write(f"emaillint: error: the schema with the plugins' account keys has no draft-07 form:"
                             f" {exc}; run 'emaillint schema' for the 2020-12 one\n")
            _errors(registry, stream)
            return EXIT_ERROR
    json.dump(document, stream, indent=2)
    stream.write("\n")
    return _errors(registry, stream)


def _errors(registry: Registry, stream: IO[str]) -> int:
    """Plugin problems go to stderr after the listing, and make the command exit 2."""
    import sys

    for error in registry.errors:
        sys.stderr.write(f"emaillint: {error.message}\n")
    return EXIT_ERROR if registry.errors else EXIT_CLEAN
