"""Output formats: a name -> module registry; each module renders findings to a stream.

A format module is imported only when chosen, so a text run never pays for SARIF.
"""

from __future__ import annotations

import importlib
from typing import IO, NamedTuple, Sequence

from emaillint.model import ERROR, INFO, WARNING, Finding

FORMATS = {
    "text": "emaillint.report.text",
    "json": "emaillint.report.json",
}


class Summary(NamedTuple):
    files: int
    errors: int
    warnings: int
    infos: int

    @classmethod
    def of(cls, findings: Sequence[Finding], files: int) -> "Summary":
        counts = {ERROR: 0, WARNING: 0, INFO: 0}
        for finding in findings:
            counts[finding.severity] = counts.get(finding.severity, 0) + 1
        return cls(files, counts[ERROR], counts[WARNING], counts[INFO])


def render(name: str, findings: Sequence[Finding], summary: Summary, stream: IO[str], color: bool = False) -> None:
    importlib.import_module(FORMATS[name]).render(findings, summary, stream, color)
