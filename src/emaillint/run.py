"""run(settings) -> exit code: read the project configuration, find files, lint each, run
cross-file rules, apply suppressions and rule selection, report.

``prepare``, ``read``, ``collect`` and ``report`` are the steps, shared with ``probe``,
which reads the same files for their accounts and reports what their servers said.
"""

from __future__ import annotations

import itertools
import os
import sys
import time
from typing import IO, Any, Callable, Iterable, Iterator, NamedTuple

from emaillint import config as project_config
from emaillint import files as walker
from emaillint import parallel
from emaillint import policy as rule_policy
from emaillint import suppressions
from emaillint.engine import FileResult, Linter, Options, redact
from emaillint.model import ERROR, EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, Finding
from emaillint.plugins import PLUGIN_PATH, Registry, load_registry
from emaillint.policy import Layer, Policy
from emaillint.report import Report, Summary, render
from emaillint.settings import Settings
from emaillint.vocabulary import PLUGIN_ERROR, PROBE_RULES

STDIN_NAME = "<stdin>"


def today() -> str:
    return time.strftime("%Y-%m-%d")


class Command(NamedTuple):
    """What sets apart the commands that read files and report findings (check, probe)."""

    owns: Callable[[str], bool]
    """Whether a rule is the command's own; it reports no other rule but ``support``. A
    project ``select`` that names none of its own rules is another command's list."""
    support: frozenset[str] = frozenset()
    accounts: bool = False
    """Read the accounts instead of linting them (``engine.Options.accounts``)."""


CHECK = Command(lambda rule: rule not in PROBE_RULES)
"""Linting, offline: every rule but the ones only a connection can decide."""


class Setup(NamedTuple):
    """A command's run, ready to read its files."""

    registry: Registry
    policy: Policy
    discovery: walker.Discovery
    linter: Linter
    disabled: tuple[str, ...]
    """The plugins turned off, for worker processes to load the same ones."""
    stdin_name: str


def run(settings: Settings, stdout: IO[str] | None = None, stderr: IO[str] | None = None) -> int:
    stdout = stdout or sys.stdout
    setup = prepare(settings, stderr or sys.stderr)
    if isinstance(setup, int):
        return setup
    findings = collect(setup.registry, read(setup, settings.jobs), setup.policy)
    return report(setup, findings, settings, stdout)


def prepare(settings: Settings, stderr: IO[str], command: Command = CHECK) -> Setup | int:
    """The project configuration, plugins, rule policy and files of a run, or its exit code
    after a one-line error (a bad configuration, an unknown dialect or rule)."""
    try:
        project = project_config.discover(settings.config)
    except project_config.ConfigError as exc:
        return fail(stderr, str(exc))
    disabled = settings.disable_plugins + project.disable_plugins
    registry = load_registry(disabled=disabled)
    if settings.dialect and settings.dialect not in {d.name for d in registry.dialects}:
        names = ", ".join(sorted(d.name for d in registry.dialects))
        return fail(stderr, f"unknown dialect '{settings.dialect}'; choose one of: {names}")
    try:
        policy = _policy(settings, project, registry, command)
    except rule_policy.PolicyError as exc:
        return fail(stderr, str(exc))
    paths = settings.paths
    if settings.stdin_filename and walker.excluded(settings.stdin_filename, project.exclude, project.root):
        paths = tuple(p for p in paths if p != walker.STDIN)
    discovery = walker.discover(paths, project.include or walker.DEFAULT_INCLUDE, project.exclude, project.root)
    for path in discovery.missing:
        stderr.write(f"emaillint: error: {path}: no such file or directory\n")
    environ = dict(os.environ) if settings.resolve_env else {}
    options = Options(settings.as_of or project.as_of or today(), settings.dialect, environ, command.accounts)
    return Setup(registry, policy, discovery, Linter(registry, options), disabled,
                 settings.stdin_filename or STDIN_NAME)


def read(setup: Setup, jobs: int) -> Iterator[FileResult]:
    """Each file's result, standard input first; ``jobs`` as ``--jobs`` says (``parallel``)."""
    files = [path for path in setup.discovery.files if path != walker.STDIN]
    results = parallel.lint_all(setup.linter, files, jobs, setup.disabled)
    if walker.STDIN in setup.discovery.files:  # only this process can read standard input
        results = itertools.chain([setup.linter.lint_stream(getattr(sys.stdin, "buffer", None), setup.stdin_name)],
                                  results)
    return results


def report(setup: Setup, findings: list[Finding], settings: Settings, stdout: IO[str]) -> int:
    """Render the findings as ``settings.format`` says; the run's exit code."""
    policy = setup.policy
    registry = setup.registry
    summary = Summary.of(findings, len(setup.discovery.files))
    document = Report(findings, summary,
                      rules=[rule._replace(severity=policy.severity.get(rule.id, rule.severity))
                             for rule in registry.rules.values() if policy.reports(rule.id)],
                      distributions={info.name: info.dist for info in registry.plugins if info.dist},
                      color=_color(settings.color, stdout))
    render(output_format(settings.format), document, stdout)
    return exit_code(findings, bool(setup.discovery.missing), policy)


def _policy(settings: Settings, project: project_config.ProjectConfig, registry: Registry,
            command: Command) -> Policy:
    """Defaults, then the project file, then the command line (see ``policy``), within the
    rules the command reports."""
    select = project.select
    if select and not any(command.owns(rule) for rule in select):  # e.g. lint rules only: probe still probes
        for rule in select:
            rule_policy.check_rule(rule, registry.rules, project.origin("select"))
        select = None
    layers = [
        Layer(select, project.ignore, {"select": project.origin("select"), "ignore": project.origin("ignore")}),
        Layer(settings.select, settings.ignore, {"select": "--select", "ignore": "--ignore"}),
    ]
    strict = settings.strict if settings.strict is not None else bool(project.strict)
    policy = rule_policy.build(registry.rules, layers, project.severity, project.origin("severity"), strict)
    elsewhere = frozenset(rule for rule in registry.rules if not command.owns(rule) and rule not in command.support)
    return policy._replace(disabled=policy.disabled | elsewhere)


def collect(registry: Registry, results: Iterable[FileResult], policy: Policy = Policy()) -> list[Finding]:
    """All findings of a run, sorted: plugin errors, each file's, then cross-file rules'.

    Rule selection and severities apply to all of them, and so do the files' suppressions
    (a shared-quota finding on a suppressed line is suppressed like any other).
    """
    findings = list(registry.errors)
    records: dict[str, list[Any]] = {}
    directives: dict[str, tuple[suppressions.Directive, ...]] = {}
    secrets: set[str] = set()
    for result in results:
        findings.extend(result.findings)
        secrets |= result.secrets
        if result.suppressions:
            directives[result.path] = result.suppressions
        for rule_id, record in result.records:
            records.setdefault(rule_id, []).append(record)
    for rule_id, group in records.items():
        rule = registry.rules[rule_id]
        try:
            findings.extend(redact(rule.finish(group), frozenset(secrets)))
        except Exception as exc:
            findings.append(Finding(PLUGIN_PATH, 1, 1, PLUGIN_ERROR, ERROR,
                                    f"{registry.label(rule.plugin)}: rule '{rule_id}' raised in finish(): "
                                    f"{type(exc).__name__}"))
    findings = suppressions.apply(policy.select(findings), directives, registry.rules, policy.reports)
    findings = policy.grade(findings)
    findings.sort(key=Finding.sort_key)
    return findings


def exit_code(findings: list[Finding], usage_error: bool = False, policy: Policy = Policy()) -> int:
    if usage_error or any(f.rule == rule_policy.ALWAYS_REPORTED for f in findings):
        return EXIT_ERROR
    if any(policy.fails(f) for f in findings):
        return EXIT_FINDINGS
    return EXIT_CLEAN


def output_format(choice: str) -> str:
    """``auto`` is ``github`` annotations inside GitHub Actions (as yamllint does), else text."""
    if choice != "auto":
        return choice
    in_actions = os.environ.get("GITHUB_ACTIONS") == "true" and os.environ.get("GITHUB_WORKFLOW")
    return "github" if in_actions else "text"


def fail(stderr: IO[str], message: str) -> int:
    stderr.write(f"emaillint: error: {message}\n")
    return EXIT_ERROR


def _color(choice: str, stream: IO[str]) -> bool:
    if choice == "always":
        return True
    if choice == "never" or os.environ.get("NO_COLOR"):
        return False
    return hasattr(stream, "isatty") and stream.isatty()
