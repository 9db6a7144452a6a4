"""``path:line:col: severity rule message`` per finding, then one summary line.

One finding is one line whatever it quotes: a line break in a path or a message (a YAML
key may contain one) is written as ``\\n``, so grep and editors' problem matchers work.
"""

from __future__ import annotations

from typing import IO

from emaillint.fixing import applicable
from emaillint.report import Report, Summary

_COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_RESET = "\033[0m"


def render(report: Report, stream: IO[str]) -> None:
    for f in report.findings:
        severity = f.severity
        if report.color and severity in _COLORS:
            severity = f"{_COLORS[severity]}{severity}{_RESET}"
        mark = "[*] " if applicable(f.fix, unsafe=report.unsafe_fixes) else ""
        stream.write(f"{_one_line(f.path)}:{f.line}:{f.column}: {severity} {f.rule} {mark}{_one_line(f.message)}\n")
        if f.help:
            stream.write(f"    help: {_one_line(f.help)}\n")
    stream.write(summary_line(report.summary) + _fixable(report) + "\n")


def _fixable(report: Report) -> str:
    """``; 2 fixable with --fix (1 more with --unsafe-fixes)``, as ruff counts them."""
    fixable = sum(applicable(f.fix, unsafe=report.unsafe_fixes) for f in report.findings)
    hidden = sum(applicable(f.fix, unsafe=True) for f in report.findings) - fixable
    more = f"{hidden} more with --unsafe-fixes" if hidden else ""
    if fixable:
        return f"; {fixable} fixable with --fix" + (f" ({more})" if more else "")
    return f"; {more}" if more else ""


def summary_line(summary: Summary) -> str:
    """``3 files checked: 1 error, 2 warnings``; with a baseline, what it covered and what is stale:
    ``3 files checked: no new findings (4 baselined, 1 stale baseline entry)``."""
    files = f"{summary.files} file{'s' if summary.files != 1 else ''} checked"
    parts = [f"{n} {word}{'s' if n != 1 else ''}" for n, word in
             ((summary.errors, "error"), (summary.warnings, "warning"), (summary.infos, "info")) if n]
    if summary.baselined is None or summary.stale is None:
        return f"{files}: {', '.join(parts) or 'no findings'}"
    stale = f"{summary.stale} stale baseline entr{'y' if summary.stale == 1 else 'ies'}"
    return f"{files}: {', '.join(parts) or 'no new findings'} ({summary.baselined} baselined, {stale})"


def _one_line(text: str) -> str:
    return text.replace("\r", "\\r").replace("\n", "\\n")
