"""Lint YAML text in tests, with a chosen set of plugins: for emaillint and plugin authors.

In the spirit of pytest's ``pytester``: the same engine path as ``emaillint check``
(loader, dialects, schema, rules, cross-file rules), without files or a subprocess::

    from emaillint.testing import lint

    def test_port_25_is_refused():
        findings = lint(CONFIG, plugins=[my_plugin], as_of="2026-12-01")
        assert [(f.rule, f.line) for f in findings] == [("provider-port", 6)]
"""

from __future__ import annotations

import inspect
import textwrap
from typing import Any, Iterable, Mapping

from emaillint.engine import Linter, Options
from emaillint.model import Finding
from emaillint.plugins import Registry, load_registry
from emaillint.run import collect, today


def registry(plugins: Iterable[Any] = (), *, discover: bool = True, disabled: Iterable[str] = ()) -> Registry:
    """Installed plugins (unless ``discover=False``) plus ``plugins``.

    Each of ``plugins`` is a plugin object (a module or instance with hook
    implementations) or a ``(name, plugin)`` pair; a plugin that is already installed
    under an entry point is not registered twice.
    """
    named = []
    for plugin in plugins:
        name, obj = plugin if isinstance(plugin, tuple) else (_name(plugin), plugin)
        named.append((name, obj))
    return load_registry(disabled=disabled, discover=discover, extra=named)


def lint_files(files: Mapping[str, str], *, plugins: Iterable[Any] = (), discover: bool = True,
               disabled: Iterable[str] = (), as_of: str | None = None, dialect: str | None = None,
               environ: Mapping[str, str] | None = None) -> list[Finding]:
    """Findings for several files linted in one run (so cross-file rules see them all)."""
    reg = registry(plugins, discover=discover, disabled=disabled)
    linter = Linter(reg, Options(as_of or today(), dialect, dict(environ or {})))
    results = (linter.lint_text(textwrap.dedent(text), path) for path, text in files.items())
    return collect(reg, results)


def lint(text: str, *, path: str = "config.yaml", **options: Any) -> list[Finding]:
    """Findings for one YAML text (dedented first, so triple-quoted strings read well)."""
    return lint_files({path: text}, **options)


def _name(plugin: Any) -> str:
    if inspect.ismodule(plugin):
        return plugin.__name__.rpartition(".")[2]
    return getattr(plugin, "name", None) or type(plugin).__name__.lower()
