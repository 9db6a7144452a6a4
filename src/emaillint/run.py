"""run(settings) -> exit code: find files, lint each, run cross-file rules, report."""

from __future__ import annotations

import os
import sys
import time
from typing import IO, Any, Iterable

from emaillint import files as walker
from emaillint.engine import FileResult, Linter, Options, redact
from emaillint.model import ERROR, EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, Finding
from emaillint.plugins import PLUGIN_PATH, Registry, load_registry
from emaillint.report import Summary, render
from emaillint.settings import Settings

STDIN_NAME = "<stdin>"


def today() -> str:
    return time.strftime("%Y-%m-%d")


def run(settings: Settings, stdout: IO[str] | None = None, stderr: IO[str] | None = None) -> int:
    stdout = stdout or sys.stdout
    stderr = stderr or sys.stderr
    registry = load_registry(disabled=settings.disable_plugins)
    usage_error = False
    if settings.dialect and settings.dialect not in {d.name for d in registry.dialects}:
        names = ", ".join(sorted(d.name for d in registry.dialects))
        stderr.write(f"emaillint: error: unknown dialect '{settings.dialect}'; choose one of: {names}\n")
        return EXIT_ERROR
    discovery = walker.discover(settings.paths)
    for path in discovery.missing:
        stderr.write(f"emaillint: error: {path}: no such file or directory\n")
        usage_error = True
    environ = dict(os.environ) if settings.resolve_env else {}
    linter = Linter(registry, Options(settings.as_of or today(), settings.dialect, environ))
    findings = collect(registry, (_lint(linter, path) for path in discovery.files))
    summary = Summary.of(findings, len(discovery.files))
    render(settings.format, findings, summary, stdout, color=_color(settings.color, stdout))
    return exit_code(findings, usage_error)


def collect(registry: Registry, results: Iterable[FileResult]) -> list[Finding]:
    """All findings of a run, sorted: plugin errors, each file's, then cross-file rules'."""
    findings = list(registry.errors)
    records: dict[str, list[Any]] = {}
    secrets: set[str] = set()
    for result in results:
        findings.extend(result.findings)
        secrets |= result.secrets
        for rule_id, record in result.records:
            records.setdefault(rule_id, []).append(record)
    for rule_id, group in records.items():
        rule = registry.rules[rule_id]
        try:
            findings.extend(redact(rule.finish(group), frozenset(secrets)))
        except Exception as exc:
            findings.append(Finding(PLUGIN_PATH, 1, 1, "plugin-error", ERROR,
                                    f"{registry.label(rule.plugin)}: rule '{rule_id}' raised in finish(): "
                                    f"{type(exc).__name__}"))
    findings.sort(key=Finding.sort_key)
    return findings


def _lint(linter: Linter, path: str) -> FileResult:
    if path == walker.STDIN:
        return linter.lint_stream(getattr(sys.stdin, "buffer", None), STDIN_NAME)
    return linter.lint_path(path)


def exit_code(findings: list[Finding], usage_error: bool = False) -> int:
    if usage_error or any(f.rule == "plugin-error" for f in findings):
        return EXIT_ERROR
    if any(f.severity == ERROR for f in findings):
        return EXIT_FINDINGS
    return EXIT_CLEAN


def _color(choice: str, stream: IO[str]) -> bool:
    if choice == "always":
        return True
    if choice == "never" or os.environ.get("NO_COLOR"):
        return False
    return hasattr(stream, "isatty") and stream.isatty()
