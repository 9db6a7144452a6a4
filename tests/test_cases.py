"""Data-driven rule cases: each tests/cases/*.yaml lists configs and the exact findings.

The case format is the public one of ``emaillint.testing.check_case`` (plugin authors
write theirs the same way): ``expect`` is the complete list of ``rule@line``, so a case
also proves that nothing else fires; ``messages`` are substrings the messages must
contain (the quota arithmetic, hosts, dates).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from emaillint.testing import cases, check_case

from helpers import AS_OF

CASES = Path(__file__).parent / "cases"


@pytest.mark.parametrize("case", cases(CASES), ids=lambda case: case.id)
def test_case(case):
    check_case(case, as_of=AS_OF)
