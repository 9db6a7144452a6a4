"""``path:line:col: severity rule message`` per finding, then one summary line."""

from __future__ import annotations

from typing import IO, Sequence

from emaillint.model import Finding

_COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_RESET = "\033[0m"


def render(findings: Sequence[Finding], summary, stream: IO[str], color: bool = False) -> None:
    for f in findings:
        severity = f"{_COLORS[f.severity]}{f.severity}{_RESET}" if color and f.severity in _COLORS else f.severity
        stream.write(f"{f.path}:{f.line}:{f.column}: {severity} {f.rule} {f.message}\n")
    stream.write(summary_line(summary) + "\n")


def summary_line(summary) -> str:
    files = f"{summary.files} file{'s' if summary.files != 1 else ''} checked"
    if not (summary.errors or summary.warnings or summary.infos):
        return f"{files}: no findings"
    parts = [f"{n} {word}{'s' if n != 1 else ''}" for n, word in
             ((summary.errors, "error"), (summary.warnings, "warning"), (summary.infos, "info")) if n]
    return f"{files}: {', '.join(parts)}"
