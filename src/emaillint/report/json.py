"""One JSON object: ``{"version": 1, "findings": [...], "summary": {...}}`` (SPEC.md)."""

from __future__ import annotations

import json
from typing import IO

from emaillint.report import Report


def render(report: Report, stream: IO[str]) -> None:
    document = {
        "version": 1,
        "findings": [f._asdict() for f in report.findings],
        "summary": report.summary._asdict(),
    }
    json.dump(document, stream, indent=2)
    stream.write("\n")
