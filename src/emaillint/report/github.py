"""GitHub Actions workflow commands: one ``::error file=…,line=…,col=…,title=…::…`` per finding.

The runner turns each into an annotation on the pull request's diff. The message repeats
``path:line:col: rule`` because the log shows only the message, as ruff's format does.
Findings without a file (a plugin that failed to load) get an annotation without one.
Escaping follows the runner (actions/toolkit ``command.ts``): ``%``, CR and LF in the
message; those and ``:`` and ``,`` in property values, which ``,`` and ``::`` delimit.
"""

from __future__ import annotations

from typing import IO

from emaillint.model import ERROR, WARNING, Finding
from emaillint.plugins import PLUGIN_PATH
from emaillint.report import Report
from emaillint.report.text import summary_line

LEVELS = {ERROR: "error", WARNING: "warning"}
"""Finding severity -> workflow command; anything else is a ``notice``."""


def render(report: Report, stream: IO[str]) -> None:
    for finding in report.findings:
        stream.write(annotation(finding) + "\n")
    stream.write(summary_line(report.summary) + "\n")


def annotation(finding: Finding) -> str:
    title = f"emaillint ({finding.rule})"
    if finding.path == PLUGIN_PATH:
        return f"::{_level(finding)} title={_property(title)}::{_data(f'{finding.rule} {finding.message}')}"
    path = _path(finding.path)
    properties = f"file={_property(path)},line={finding.line},col={finding.column},title={_property(title)}"
    message = f"{path}:{finding.line}:{finding.column}: {finding.rule} {finding.message}"
    if finding.help:
        message += f"\n{finding.help}"
    return f"::{_level(finding)} {properties}::{_data(message)}"


def _level(finding: Finding) -> str:
    return LEVELS.get(finding.severity, "notice")


def _path(path: str) -> str:
    """Paths as the workspace names them: ``./mail/a.yaml`` is ``mail/a.yaml``."""
    while path.startswith("./"):
        path = path[2:]
    return path


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")
