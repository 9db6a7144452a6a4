"""Every finding says what is wrong in a short ``message`` and what to write in its ``help``.

A terminal line holds about 100 characters: a message past that wraps one finding over
three or four lines (on real files the median was 135 characters before the split). The
help is in the format's own keys, and it is the fix's title when there is a fix, so the
text output, the editor's quick fix and ``--diff`` all say the same thing.
"""

from __future__ import annotations

import collections
from pathlib import Path

import pytest

from emaillint.rules.advice import MESSAGE_WIDTH
from emaillint.testing import cases, lint_files, today

from helpers import REPO

# Rules whose findings have nothing to write: the cause lies outside the file.
WITHOUT_HELP = frozenset({"io-error", "plugin-error"})


def _findings():
    by_rule = collections.defaultdict(list)
    for case in cases(REPO / "tests" / "cases"):
        spec = case.spec
        files = spec["files"] if "files" in spec else {spec.get("path", "config.yaml"): spec["config"]}
        for finding in lint_files(files, disabled=spec.get("disabled", ()), as_of=str(spec.get("as_of", today())),
                                  dialect=spec.get("dialect"), environ=spec.get("environ")):
            by_rule[finding.rule].append((case.id, finding))
    return by_rule


FINDINGS = _findings()


def test_the_cases_reach_most_rules():
    assert len(FINDINGS) > 25


@pytest.mark.parametrize("rule", sorted(FINDINGS))
def test_a_message_says_what_is_wrong_in_one_short_line(rule):
    long = [f"{case}: [{len(f.message)}] {f.message}" for case, f in FINDINGS[rule]
            if len(f.message) > MESSAGE_WIDTH or "\n" in f.message]
    assert not long, "\n".join(long)


@pytest.mark.parametrize("rule", sorted(FINDINGS.keys() - WITHOUT_HELP))
def test_a_finding_says_what_to_write_in_its_help(rule):
    missing = [f"{case}: {f.message}" for case, f in FINDINGS[rule] if not f.help.strip() or "\n" in f.help]
    assert not missing, "\n".join(missing)


@pytest.mark.parametrize("rule", sorted(FINDINGS))
def test_a_fix_is_titled_by_the_help_it_carries_out(rule):
    """The fix does the help's first alternative, so the help starts with the fix's title."""
    untitled = [f"{case}: fix {f.fix.title!r}, help {f.help!r}" for case, f in FINDINGS[rule]
                if f.fix is not None and not f.help.startswith(f.fix.title)]
    assert not untitled, "\n".join(untitled)
