"""Data-driven rule cases: each tests/cases/*.yaml lists configs and the exact findings.

A case's ``expect`` is the complete list of ``rule@line`` (``rule@line:column`` with
``columns: true``; ``path:rule@line`` for multi-file cases) it must produce, so a case also proves that nothing else fires. ``messages`` are substrings
that must appear in the findings' messages (the quota arithmetic, hosts, dates).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from emaillint.testing import lint_files

from helpers import AS_OF

CASES = Path(__file__).parent / "cases"


def _cases():
    for path in sorted(CASES.glob("*.yaml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]:
            yield pytest.param(case, id=f"{path.stem}: {case['name']}")


@pytest.mark.parametrize("case", list(_cases()))
def test_case(case):
    files = case.get("files") or {case.get("path", "config.yaml"): case["config"]}
    findings = lint_files(files, as_of=str(case.get("as_of", AS_OF)), dialect=case.get("dialect"))
    got = sorted(_label(f, "files" in case, case.get("columns", False)) for f in findings)
    assert got == sorted(case.get("expect", [])), "\n".join(f"{f.path}:{f.line}:{f.column} {f.rule} {f.message}" for f in findings)
    for needle in case.get("messages", []):
        assert any(needle in f.message for f in findings), f"no message contains {needle!r}"
    for rule, severity in case.get("severities", {}).items():
        assert {f.severity for f in findings if f.rule == rule} == {severity}


def _label(finding, multi: bool, with_column: bool) -> str:
    where = f"{finding.line}:{finding.column}" if with_column else str(finding.line)
    prefix = f"{finding.path}:" if multi else ""
    return f"{prefix}{finding.rule}@{where}"
