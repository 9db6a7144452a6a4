"""The official YAML test suite (../shared/corpora): every input linted, none crashes."""

from __future__ import annotations

import pytest

from emaillint.engine import Linter, Options
from emaillint.plugins import load_registry

from helpers import AS_OF, SHARED

SUITE = SHARED / "corpora" / "yaml-test-suite"
INPUTS = sorted(SUITE.rglob("in.yaml")) if SUITE.is_dir() else []


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter(load_registry(), Options(AS_OF))


@pytest.mark.skipif(not INPUTS, reason=f"{SUITE} is absent (the shared folder sits beside the clone in CI)")
def test_every_input_is_linted_without_a_traceback(linter):
    rejected = 0
    for path in INPUTS:
        result = linter.lint_path(str(path))  # an exception here fails the test with the path in the traceback
        for finding in result.findings:
            assert finding.line >= 1 and finding.column >= 1, (path, finding)
        rejected += any(f.rule == "yaml-syntax" for f in result.findings)
    assert len(INPUTS) >= 400
    assert rejected >= 70  # most of the 94 inputs marked invalid
