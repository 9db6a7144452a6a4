"""Property: ``--fix`` only ever makes a file better. Over the examples, every rule case and
the official YAML test suite, as written and randomly mutated (derandomized, as in
test_properties), with the unsafe fixes too: the fixed text parses wherever the original
did, differs from it only inside the edited ranges (replaying each pass's edits on the
original gives the fixed text, byte for byte), and has no finding the original had not."""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from emaillint import load
from emaillint.engine import Linter, Options
from emaillint.fixing import fix_text, splice
from emaillint.plugins import load_registry

from test_corpus import CASES as SUITE_CASES
from test_properties import PROPERTY, SEEDS, mutated

from helpers import AS_OF

LINTER = Linter(load_registry(), Options(AS_OF))
TEXTS = SEEDS + [(case / "in.yaml").read_text(encoding="utf-8", errors="replace") for case in SUITE_CASES]


def lint(text: str) -> list:
    return LINTER.lint_text(text, "config.yaml").findings


def parses(text: str) -> bool:
    return not [f for f in load.load(text, "config.yaml").findings if f.severity == "error"]


def check(text: str) -> None:
    outcome = fix_text(text, (), unsafe=True, lint=lint)
    replayed = text.removeprefix("\ufeff")
    for edits in outcome.passes:
        spans = [(e.start, e.end) for e in edits]
        assert all(0 <= s <= e <= len(replayed) for s, e in spans)
        assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:])), "edits of one pass overlap"
        replayed = splice(replayed, edits)
    assert outcome.text == text[:len(text) - len(text.removeprefix("\ufeff"))] + replayed
    if outcome.text == text:
        return
    assert parses(outcome.text) or not parses(text)
    added = Counter((f.rule, f.severity) for f in lint(outcome.text)) - \
        Counter((f.rule, f.severity) for f in lint(text))
    assert not added, added


@settings(PROPERTY, max_examples=100)
@given(st.sampled_from(TEXTS) | mutated())
def test_fix_never_breaks_a_file_touches_bytes_it_did_not_edit_or_adds_a_finding(text):
    check(text)


def test_every_case_with_a_fix_keeps_the_property():
    fixed = 0
    for text in SEEDS:
        check(text)
        fixed += fix_text(text, (), unsafe=True, lint=lint).text != text
    assert fixed >= 10  # the cases do exercise fixes: the property is not vacuous
