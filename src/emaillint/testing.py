"""Lint YAML text in tests, with a chosen set of plugins: for emaillint and plugin authors.

In the spirit of pytest's ``pytester``: the same engine path as ``emaillint check``
(loader, dialects, schema, rules, cross-file rules), without files or a subprocess::

    from emaillint.testing import check_plugin, lint

    def test_port_25_is_refused():
        findings = lint(CONFIG, plugins=[my_plugin], as_of="2026-12-01")
        assert [(f.rule, f.line) for f in findings] == [("provider-port", 6)]

    def test_the_plugin_is_well_formed():
        assert check_plugin(my_plugin) == []

Rule cases (a config and the complete list of ``rule@line`` it must produce) can live
in YAML files or in Python; ``cases`` reads the files and ``check_case`` runs one.
"""

from __future__ import annotations

import inspect
import os
import textwrap
from typing import Any, Iterable, Mapping, NamedTuple

from emaillint.engine import Linter, Options
from emaillint.model import Account, Finding
from emaillint.plugin_checks import unsourced
from emaillint.plugins import Registry, load_registry
from emaillint.run import collect, today

EXPLANATION_SECTIONS = ("## What it does", "## Why is this bad", "## Example", "## Use instead")
"""The sections ``emaillint explain`` prints for every rule, built-in or not."""


def registry(plugins: Iterable[Any] = (), *, discover: bool = True, builtins: bool = True,
             disabled: Iterable[str] = ()) -> Registry:
    """emaillint's own plugins (unless ``builtins=False``), the other installed plugins
    (unless ``discover=False``), plus ``plugins``.

    Each of ``plugins`` is a plugin object (a module or instance with hook
    implementations) or a ``(name, plugin)`` pair. A plugin given here takes the place
    of an installed plugin of the same name, so a test of a plugin's source tree is not
    confused by an older installed copy. The engine's core rules and emaillint's own
    format are always loaded.
    """
    named = []
    for plugin in plugins:
        name, obj = plugin if isinstance(plugin, tuple) else (_name(plugin), plugin)
        named.append((name, obj))
    return load_registry(disabled=disabled, discover=discover, builtins=builtins, extra=named)


def _linter(*, plugins: Iterable[Any] = (), discover: bool = True, builtins: bool = True,
           disabled: Iterable[str] = (), as_of: str | None = None, dialect: str | None = None,
           environ: Mapping[str, str] | None = None, accounts: bool = False) -> tuple[Registry, Linter]:
    reg = registry(plugins, discover=discover, builtins=builtins, disabled=disabled)
    return reg, Linter(reg, Options(as_of or today(), dialect, dict(environ or {}), accounts=accounts))


def lint_files(files: Mapping[str, str], **options: Any) -> list[Finding]:
    """Findings for several files linted in one run (so cross-file rules see them all).

    Options: ``plugins``, ``discover``, ``builtins``, ``disabled`` (see ``registry``),
    ``as_of`` (default today), ``dialect`` (read every file as this dialect) and
    ``environ`` (as ``--resolve-env`` gives it). Each text is dedented and a newline
    right after the opening quotes is dropped, so triple-quoted configs read well and
    line 1 is their first line. Plugin errors are findings too (rule ``plugin-error``,
    path ``<plugins>``), exactly as ``emaillint check`` reports them.
    """
    reg, engine = _linter(**options)
    results = (engine.lint_text(_text(text), path) for path, text in files.items())
    return collect(reg, results)


def read_accounts(text: str, *, path: str = "config.yaml", **options: Any) -> list[Account]:
    """The ``Account``s the dialects read from ``text``, exactly as rules receive them:
    for dialect authors, to see what their dialect produced (``dialect="NAME"`` forces
    one). Options and text as for ``lint_files``; a dialect that raises yields no
    accounts (``lint`` shows its plugin-error)."""
    result = _linter(accounts=True, **options)[1].lint_text(_text(text), path)
    return [account for account, _ in result.accounts]


def lint(text: str, *, path: str = "config.yaml", **options: Any) -> list[Finding]:
    """Findings for one YAML text; ``lint_files`` says how the text is read."""
    return lint_files({path: text}, **options)


def _text(text: str) -> str:
    """Dedented, and without the newline that opens a triple-quoted string, so the lines
    count from the config's first line, as the reader sees them."""
    text = textwrap.dedent(text)
    return text[1:] if text.startswith("\n") else text


def labels(findings: Iterable[Finding], *, columns: bool = False, paths: bool = False) -> list[str]:
    """``["provider-port@6", ...]`` (``@6:15`` with columns, ``a.yaml:`` first with paths), sorted."""
    result = []
    for finding in findings:
        where = f"{finding.line}:{finding.column}" if columns else str(finding.line)
        result.append(f"{finding.path + ':' if paths else ''}{finding.rule}@{where}")
    return sorted(result)


class Case(NamedTuple):
    """One rule case: ``id`` names it in test reports, ``spec`` is its mapping."""

    id: str
    spec: Mapping[str, Any]


def cases(*paths: str | os.PathLike[str]) -> list[Case]:
    """The cases of YAML case files (``cases: [...]``); a folder means its ``*.yaml`` files.

    Use with ``@pytest.mark.parametrize("case", cases("tests/cases"), ids=lambda c: c.id)``.
    """
    import yaml

    files: list[str] = []
    for path in map(os.fspath, paths):
        if os.path.isdir(path):
            files += sorted(os.path.join(path, name) for name in os.listdir(path) if name.endswith(".yaml"))
        else:
            files.append(path)
    found = []
    for file in files:
        with open(file, encoding="utf-8") as handle:
            document = yaml.safe_load(handle)
        stem = os.path.splitext(os.path.basename(file))[0]
        found += [Case(f"{stem}: {spec['name']}", spec) for spec in document["cases"]]
    return found


CASE_KEYS = frozenset(("name", "config", "files", "path", "as_of", "dialect", "environ", "expect", "columns",
                       "messages", "helps", "severities", "disabled"))


def check_case(case: Case | Mapping[str, Any], *, plugins: Iterable[Any] = (), discover: bool = True,
               builtins: bool = True, as_of: str | None = None) -> list[Finding]:
    """Lint one case and raise AssertionError unless its findings are exactly as expected.

    A case has ``config`` (one file) or ``files`` (path -> text, for cross-file rules),
    and may set ``path``, ``as_of`` (else ``as_of`` here, else today), ``dialect``,
    ``environ`` and ``disabled`` (plugins not to load). ``expect`` is the complete list
    of ``rule@line`` (``rule@line:column`` with ``columns: true``, ``path:rule@line`` with
    ``files``), so a case also proves nothing else fires; ``messages`` are substrings
    some finding must say (in its message, what is wrong, or its help, what to write),
    ``helps`` substrings some finding's help must contain; ``severities`` maps a rule id to the one
    severity its findings must have. A key not listed here is an error, so a misspelt
    ``expects:`` cannot pass silently. Returns the findings, for further assertions.
    """
    __tracebackhide__ = True  # pytest shows the caller's line, not this function
    spec = case.spec if isinstance(case, Case) else case
    unknown = sorted(set(spec) - CASE_KEYS)
    if unknown:
        raise AssertionError(f"case {spec.get('name', '')!r} has unknown keys {unknown}; the keys are:"
                             f" {', '.join(sorted(CASE_KEYS))}")
    if ("config" in spec) == ("files" in spec):
        raise AssertionError(f"case {spec.get('name', '')!r} needs exactly one of config: or files:")
    multi = "files" in spec
    files = spec["files"] if multi else {spec.get("path", "config.yaml"): spec["config"]}
    findings = lint_files(files, plugins=plugins, discover=discover, builtins=builtins,
                          disabled=spec.get("disabled", ()), as_of=str(spec.get("as_of", as_of or today())),
                          dialect=spec.get("dialect"), environ=spec.get("environ"))
    listing = "\n".join(f"  {f.path}:{f.line}:{f.column} {f.severity} {f.rule} {f.message}"
                        + (f"\n      help: {f.help}" if f.help else "") for f in findings)
    got = labels(findings, columns=spec.get("columns", False), paths=multi)
    expected = sorted(spec.get("expect") or [])
    if got != expected:
        raise AssertionError(f"expected {expected}, got {got}:\n{listing}")
    for needle in spec.get("messages", []):
        if not any(needle in f.message or needle in f.help for f in findings):
            raise AssertionError(f"no message or help contains {needle!r}:\n{listing}")
    for needle in spec.get("helps", []):
        if not any(needle in f.help for f in findings):
            raise AssertionError(f"no help contains {needle!r}:\n{listing}")
    for rule, severity in spec.get("severities", {}).items():
        seen = {f.severity for f in findings if f.rule == rule}
        if seen != {severity}:
            raise AssertionError(f"{rule} findings have severities {sorted(seen)}, expected {severity}:\n{listing}")
    return findings


def check_plugin(plugin: Any, *, discover: bool = True, builtins: bool = True) -> list[str]:
    """What is wrong with a plugin, as emaillint sees it: ``[]`` when nothing is.

    The plugin is loaded beside emaillint's own and the installed plugins (unless
    ``builtins=False`` / ``discover=False``), so a clash with one of them shows. Besides the plugin errors ``emaillint`` itself would
    report, it checks what a run does not: every rule's explanation has the sections
    ``emaillint explain`` users expect, and every provider fact carries a source URL.
    """
    name, obj = plugin if isinstance(plugin, tuple) else (_name(plugin), plugin)
    reg = registry([(name, obj)], discover=discover, builtins=builtins)
    name = reg.manager.get_name(obj) or name  # installed: registered under its entry-point name
    reg.schema()
    # Listed sheets load first, so a sheet that fails to is among the problems.
    loaded = [reg.providers.provider(n) for n, owner in list(reg.providers.plugin_of.items()) if owner == name]
    problems = list(reg.problems.get(name, []))
    for rule in reg.rules.values():
        if rule.plugin == name:
            text = inspect.cleandoc(rule.explanation)
            problems += [f"rule '{rule.id}': explanation has no '{section}' section"
                         for section in EXPLANATION_SECTIONS if section not in text]
    for provider in loaded:
        if provider is not None:
            problems += unsourced(provider)
    return problems


def _name(plugin: Any) -> str:
    if inspect.ismodule(plugin):
        return plugin.__name__.rpartition(".")[2]
    return getattr(plugin, "name", None) or type(plugin).__name__.lower()
