"""run(settings) -> exit code: read the project configuration, find files, lint each, run
cross-file rules, apply suppressions and rule selection, report."""

from __future__ import annotations

import itertools
import os
import sys
import time
from typing import IO, Any, Iterable

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
from emaillint.vocabulary import PLUGIN_ERROR

STDIN_NAME = "<stdin>"


def today() -> str:
    return time.strftime("%Y-%m-%d")


def run(settings: Settings, stdout: IO[str] | None = None, stderr: IO[str] | None = None) -> int:
    stdout = stdout or sys.stdout
    stderr = stderr or sys.stderr
    try:
        project = project_config.discover(settings.config)
    except project_config.ConfigError as exc:
        return _fail(stderr, str(exc))
    registry = load_registry(disabled=settings.disable_plugins + project.disable_plugins)
    if settings.dialect and settings.dialect not in {d.name for d in registry.dialects}:
        names = ", ".join(sorted(d.name for d in registry.dialects))
        return _fail(stderr, f"unknown dialect '{settings.dialect}'; choose one of: {names}")
    try:
        policy = _policy(settings, project, registry)
    except rule_policy.PolicyError as exc:
        return _fail(stderr, str(exc))
    paths = settings.paths
    if settings.stdin_filename and walker.excluded(settings.stdin_filename, project.exclude, project.root):
        paths = tuple(p for p in paths if p != walker.STDIN)
    discovery = walker.discover(paths, project.include or walker.DEFAULT_INCLUDE, project.exclude, project.root)
    for path in discovery.missing:
        stderr.write(f"emaillint: error: {path}: no such file or directory\n")
    environ = dict(os.environ) if settings.resolve_env else {}
    linter = Linter(registry, Options(settings.as_of or project.as_of or today(), settings.dialect, environ))
    stdin_name = settings.stdin_filename or STDIN_NAME
    files = [path for path in discovery.files if path != walker.STDIN]
    results = parallel.lint_all(linter, files, settings.jobs, settings.disable_plugins + project.disable_plugins)
    if walker.STDIN in discovery.files:  # only this process can read standard input
        results = itertools.chain([linter.lint_stream(getattr(sys.stdin, "buffer", None), stdin_name)], results)
    findings = collect(registry, results, policy)
    report = Report(findings, Summary.of(findings, len(discovery.files)),
                    rules=[rule._replace(severity=policy.severity.get(rule.id, rule.severity))
                           for rule in registry.rules.values() if policy.reports(rule.id)],
                    distributions={info.name: info.dist for info in registry.plugins if info.dist},
                    color=_color(settings.color, stdout))
    render(output_format(settings.format), report, stdout)
    return exit_code(findings, bool(discovery.missing), policy)


def _policy(settings: Settings, project: project_config.ProjectConfig, registry: Registry) -> Policy:
    """Defaults, then the project file, then the command line (see ``policy``)."""
    layers = [
        Layer(project.select, project.ignore, {"select": project.origin("select"), "ignore": project.origin("ignore")}),
        Layer(settings.select, settings.ignore, {"select": "--select", "ignore": "--ignore"}),
    ]
    strict = settings.strict if settings.strict is not None else bool(project.strict)
    return rule_policy.build(registry.rules, layers, project.severity, project.origin("severity"), strict)


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


def _fail(stderr: IO[str], message: str) -> int:
    stderr.write(f"emaillint: error: {message}\n")
    return EXIT_ERROR


def _color(choice: str, stream: IO[str]) -> bool:
    if choice == "always":
        return True
    if choice == "never" or os.environ.get("NO_COLOR"):
        return False
    return hasattr(stream, "isatty") and stream.isatty()
