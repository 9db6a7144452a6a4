"""``path:line:col: severity rule message`` per finding, then one summary line.

One finding is one line whatever it quotes: a line break in a path or a message (a YAML
key may contain one) is written as ``\\n``, so grep and editors' problem matchers work.
"""

from __future__ import annotations

from typing import IO

from emaillint.report import Report, Summary

_COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_RESET = "\033[0m"


def render(report: Report, stream: IO[str]) -> None:
    for f in report.findings:
        severity = f.severity
        if report.color and severity in _COLORS:
            severity = f"{_COLORS[severity]}{severity}{_RESET}"
        stream.write(f"{_one_line(f.path)}:{f.line}:{f.column}: {severity} {f.rule} {_one_line(f.message)}\n")
    stream.write(summary_line(report.summary) + "\n")


def summary_line(summary: Summary) -> str:
    files = f"{summary.files} file{'s' if summary.files != 1 else ''} checked"
    if not (summary.errors or summary.warnings or summary.infos):
        return f"{files}: no findings"
    parts = [f"{n} {word}{'s' if n != 1 else ''}" for n, word in
             ((summary.errors, "error"), (summary.warnings, "warning"), (summary.infos, "info")) if n]
    return f"{files}: {', '.join(parts)}"


def _one_line(text: str) -> str:
    return text.replace("\r", "\\r").replace("\n", "\\n")
