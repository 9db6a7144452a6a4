"""One JSON object: ``{"version": 1, "findings": [...], "summary": {...}}`` (SPEC.md)."""

from __future__ import annotations

import json
from typing import IO, Sequence

from emaillint.model import Finding


def render(findings: Sequence[Finding], summary, stream: IO[str], color: bool = False) -> None:
    document = {
        "version": 1,
        "findings": [f._asdict() for f in findings],
        "summary": summary._asdict(),
    }
    json.dump(document, stream, indent=2)
    stream.write("\n")
