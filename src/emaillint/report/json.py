"""One JSON object: ``{"version": 1, "findings": [...], "summary": {...}}`` (SPEC.md).

A finding carries ``details`` only when it has some (``probe`` findings: what the server
said), so a consumer of the eight documented keys reads every other finding unchanged.
The summary has ``baselined`` and ``stale`` only when the run used a baseline.
"""

from __future__ import annotations

import json
from typing import IO, Any

from emaillint.model import Finding
from emaillint.report import Report


def render(report: Report, stream: IO[str]) -> None:
    document = {
        "version": 1,
        "findings": [_finding(f) for f in report.findings],
        "summary": {key: value for key, value in report.summary._asdict().items() if value is not None},
    }
    # json.dump writes each of the ~40 pieces a finding makes on its own, and one string of
    # the whole report doubles the peak memory of a large run: so, pieces of about 64 KiB
    pieces: list[str] = []
    size = 0
    for piece in json.JSONEncoder(indent=2).iterencode(document):
        pieces.append(piece)
        size += len(piece)
        if size > 65536:
            stream.write("".join(pieces))
            pieces, size = [], 0
    stream.write("".join(pieces) + "\n")


def _finding(finding: Finding) -> dict[str, Any]:
    fields = finding._asdict()
    for optional in ("details", "help", "fix"):  # shown only when a finding has them
        if not fields[optional]:
            del fields[optional]
    fix = finding.fix
    if fix is not None:
        fields["fix"] = {"title": fix.title, "applicability": fix.applicability,
                         "edits": [edit._asdict() for edit in fix.edits]}
    return fields
