"""The official YAML test suite (../shared/corpora): every input linted, none crashes.

Inputs marked ``error`` must give yaml-syntax: an error where libyaml refuses them, a
warning for the 16 it accepts (``yaml_spec`` finds those). Valid inputs must not, except
the ones below that libyaml itself refuses: it implements YAML 1.1 and predates parts of
1.2. Those are pinned, so a new refusal (by our own checks in ``yaml_spec``) fails here.
"""

from __future__ import annotations

import pytest

from emaillint import load, yaml_spec
from emaillint.engine import Linter, Options
from emaillint.plugins import load_registry

from helpers import AS_OF, SHARED

SUITE = SHARED / "corpora" / "yaml-test-suite"
CASES = sorted(path.parent for path in SUITE.rglob("in.yaml")) if SUITE.is_dir() else []
needs_suite = pytest.mark.skipif(not CASES, reason=f"{SUITE} is absent (the shared folder sits beside the clone in CI)")

LIBYAML_REFUSES = {
    "empty keys (`: value` with no key), which libyaml does not support":
        "2JQS 6M2F CFD4 FRK4 M2N8/00 NHX8 NKF9 S3PD SM9W/01 UKK6/00",
    "reserved or future directives (%FOO, %YAML 1.3, %YAM), which YAML 1.2 says to ignore with a warning":
        "2LFX 6LVF BEC7 MUS6/05 MUS6/06",
    "anchor names with ':' or non-ASCII characters": "2SXE 8XYN W5VH",
    "an anchor name defined twice, which YAML 1.2 allows (the later one wins)": "3GZX PW8X",
    "YAML 1.2 flow syntax: JSON-like \"key\":value, ':' on the line after a key, plain scalars"
    " starting with ':', multi-line implicit keys":
        "4ABK 4MUZ/00 4MUZ/01 4MUZ/02 58MP 5MUD 5T43 9SA2 DBG4 HM87/00 K3WX NJ66 UT92 VJP3/01",
    "tabs where YAML 1.2 allows them as separation or content":
        "6BCT 6CA3 96NN/00 96NN/01 A2M4 DK95/00 DK95/03 DK95/04 Q5MG R4YG Y79Y/001 Y79Y/010",
    "document markers: a bare document after '...', a lone '...', a top-level block scalar"
    " at column 0, '%' at the start of a content line":
        "7Z25 DK3J FP8R HWV9 M7A3 QT73 W4TN",
}
"""Valid inputs libyaml refuses, by reason; emaillint reports them as yaml-syntax, which is
what a program reading the file with libyaml (PyYAML, Go's yaml, Ruby's Psych) would hit."""
REFUSED = {name for names in LIBYAML_REFUSES.values() for name in names.split()}


def name(case) -> str:
    return case.relative_to(SUITE).as_posix()


def invalid(case) -> bool:
    return (case / "error").exists()


@pytest.fixture(scope="module")
def results() -> dict:
    linter = Linter(load_registry(), Options(AS_OF))
    return {name(case): linter.lint_path(str(case / "in.yaml")) for case in CASES}


@needs_suite
def test_every_input_is_linted_with_findings_inside_the_file(results):
    assert len(results) >= 400
    for case in CASES:
        text = (case / "in.yaml").read_bytes().decode("utf-8", "replace")
        lines = text.splitlines() or [""]
        for finding in results[name(case)].findings:
            assert 1 <= finding.line <= len(lines) + 1, (name(case), finding)
            assert finding.column >= 1, (name(case), finding)


@needs_suite
def test_every_input_marked_error_is_yaml_syntax(results):
    accepted = [name(case) for case in CASES
                if invalid(case) and not any(f.rule == "yaml-syntax" for f in results[name(case)].findings)]
    assert sum(invalid(case) for case in CASES) >= 90
    assert accepted == []


@needs_suite
@pytest.mark.skipif(load._Loader is not getattr(load.yaml, "CSafeLoader", None),
                    reason="the pinned refusals are libyaml's; this PyYAML has no libyaml")
def test_valid_inputs_are_refused_only_where_libyaml_refuses_them(results):
    refused = {name(case) for case in CASES
               if not invalid(case) and any(f.rule == "yaml-syntax" for f in results[name(case)].findings)}
    assert refused == REFUSED


@needs_suite
def test_the_spec_checks_never_refuse_a_valid_input_the_parser_accepts():
    checked = 0
    for case in CASES:
        if invalid(case) or name(case) in REFUSED:
            continue
        text, _ = load.decode((case / "in.yaml").read_bytes())
        assert text is not None
        text = text.removeprefix("\ufeff")
        assert yaml_spec.first_violation(text, load._Loader) is None, name(case)
        checked += 1
    assert checked >= 250


@needs_suite
@pytest.mark.parametrize("case, line, words", [
    ("9C9N", 3, "indent it by at least 1 space"),
    ("9HCY", 2, "needs '...'"),
    ("SU5Z", 1, "space before '#'"),
    ("X4QW", 1, "write '> #'"),
    ("YJV2", 1, "quote it"),
    ("S98Z", 5, "more than its first line"),
])
def test_spec_violations_point_at_the_offending_line(results, case, line, words):
    [finding] = results[case].findings
    assert (finding.rule, finding.severity, finding.line) == ("yaml-syntax", "warning", line)
    assert words in f"{finding.message}; {finding.help}"


@needs_suite
def test_the_spec_checks_are_skipped_only_where_they_cannot_fire():
    """``load`` skips the second token pass unless ``needs_spec_check``: that must be sound."""
    checked = 0
    for case in CASES:
        text, _ = load.decode((case / "in.yaml").read_bytes())
        text = (text or "").removeprefix("\ufeff")
        loaded = load.load(text, "in.yaml")
        if loaded.findings and not any(f.severity == "warning" for f in loaded.findings):
            continue  # did not compose: the check never runs
        if not load.needs_spec_check(loaded, text):
            assert yaml_spec.first_violation(text, load._Loader) is None, name(case)
            checked += 1
    assert checked > 100
