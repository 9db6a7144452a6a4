"""Output formats: a name -> module registry; each module renders a Report to a stream.

A format module is imported only when chosen, so a text run never pays for SARIF.
"""

from __future__ import annotations

import importlib
from typing import IO, TYPE_CHECKING, Mapping, NamedTuple, Sequence

from emaillint.vocabulary import ERROR, INFO, WARNING

if TYPE_CHECKING:  # annotations only: --version and --help never import the model
    from emaillint.model import Finding, Rule

FORMATS = {
    "text": "emaillint.report.text",
    "json": "emaillint.report.json",
    "sarif": "emaillint.report.sarif",
    "github": "emaillint.report.github",
}


class Summary(NamedTuple):
    files: int
    errors: int
    warnings: int
    infos: int
    baselined: int | None = None
    """Findings a baseline covered (not reported); None when the run used no baseline."""
    stale: int | None = None
    """Baseline entries no finding matched any more; None when the run used no baseline."""

    @classmethod
    def of(cls, findings: Sequence[Finding], files: int) -> "Summary":
        counts = {ERROR: 0, WARNING: 0, INFO: 0}
        for finding in findings:
            counts[finding.severity] = counts.get(finding.severity, 0) + 1
        return cls(files, counts[ERROR], counts[WARNING], counts[INFO])


class Report(NamedTuple):
    findings: Sequence[Finding]
    summary: Summary
    rules: Sequence[Rule] = ()
    """The rules the run reported on, at their configured severity (SARIF describes them)."""
    distributions: Mapping[str, str] = {}
    """Plugin name -> the distribution it came from, for links to its documentation."""
    color: bool = False


def render(name: str, report: Report, stream: IO[str]) -> None:
    importlib.import_module(FORMATS[name]).render(report, stream)
