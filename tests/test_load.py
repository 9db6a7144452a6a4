"""The YAML front end on its own: positions, limits, encodings; it never raises."""

from __future__ import annotations

import pytest

from emaillint import load
from emaillint.engine import Linter, Options
from emaillint.plugins import load_registry

from helpers import AS_OF


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter(load_registry(), Options(AS_OF))


def rules_at(result) -> list[tuple[str, int]]:
    return [(f.rule, f.line) for f in result.findings]


def test_positions_are_one_based_for_values_and_keys():
    loaded = load.load("accounts:\n  billing:\n    port: 587\n", "x.yaml")
    doc = loaded.documents[0]
    assert doc.position(("accounts", "billing", "port")) == (3, 11)
    assert doc.position(("accounts", "billing", "port"), key=True) == (3, 5)
    assert doc.position(("accounts", "billing", "missing")) == (3, 5)


def test_yaml11_surprises_are_recorded_with_their_text():
    doc = load.load("a: off\nb: 0123\nc: 1_000\nd: true\ne: 587\nf: 'off'\ng: 1:30\n", "x").documents[0]
    assert {key: doc.ambiguous((key,)) for key in "abcdefg"} == {
        "a": "off", "b": "0123", "c": "1_000", "d": None, "e": None, "f": None, "g": "1:30"}
    assert doc.data["a"] is False and doc.data["b"] == 83 and doc.data["f"] == "off"


def test_application_tags_are_kept_as_tagged_text():
    doc = load.load("password: !secret smtp_password\n", "x").documents[0]
    assert doc.data["password"] == "smtp_password"
    assert doc.data["password"].tag == "!secret"


def test_alias_bomb_stops_fast_with_a_finding():
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, 10):
        lines.append(f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]")
    loaded = load.load("\n".join(lines) + "\n", "bomb.yaml")
    assert [(f.rule, f.severity) for f in loaded.findings] == [("io-error", "error")]
    assert "alias bomb" in loaded.findings[0].message


def test_recursive_alias_is_a_finding_not_a_recursion():
    loaded = load.load("a: &a [*a]\n", "x")
    assert [f.rule for f in loaded.findings] in (["io-error"], ["yaml-syntax"])


@pytest.mark.parametrize("depth, rules", [(50, []), (400, ["io-error"]), (900, ["io-error"])])
def test_deep_nesting_is_a_finding_not_a_recursion_error(linter, depth, rules):
    result = linter.lint_text("- " * depth + "x\n", "deep.yaml")
    assert [f.rule for f in result.findings] == rules


def test_files_over_the_size_limit_are_not_parsed(linter):
    result = linter.lint_bytes(b"a: b\n" * (load.MAX_BYTES // 4), "big.yaml")
    assert rules_at(result) == [("io-error", 1)]
    assert "larger than 2 MiB" in result.findings[0].message


@pytest.mark.parametrize("raw, why", [
    (b"accounts: \xff\xfe\n", "not UTF-8 text (byte 0xff at line 1, column 11)"),
    (b"\x00\x01\x02binary", "binary file"),
])
def test_undecodable_input_is_io_error(linter, raw, why):
    result = linter.lint_bytes(raw, "bad.yaml")
    assert rules_at(result) == [("io-error", 1)]
    assert why in result.findings[0].message


def test_utf16_with_bom_is_read(linter):
    text = "accounts:\n  relay:\n    host: mail.example.com\n    port: 465\n    security: starttls\n"
    result = linter.lint_bytes(text.encode("utf-16"), "utf16.yaml")
    assert ("port-security-mismatch", 5) in rules_at(result)


def test_utf8_bom_is_skipped(linter):
    result = linter.lint_bytes(b"\xef\xbb\xbfaccounts:\n  r:\n    host: h.example.com\n    port: 465\n    security: none\n", "bom.yaml")
    assert ("port-security-mismatch", 5) in rules_at(result)


VALID_YAML = [
    "a: b # c\n", "# c#d\na: 1\n", 'a: "x" # c\n', "url: http://x/#frag\n", "a: b#c\n",
    "- [a, b]  # c\n", "a: {x: y}\t# comment\n", "%YAML 1.2\n---\na\n...\n%YAML 1.2\n---\nb\n",
    "a: |\n\n  text\n", "a: |\n  \n  text\n", "a: |2\n     \n  text\n", "a: |\n  x\n  \n# c\n",
    "accounts:\n  a:\n    cc: [a@example.com,\n         b@example.com]\n", "[\n1,\n2\n]\n",
    'a: "x\n  y"\n', "- 'x\n  y'\n", 'key:\n- "a\n  b"\n', "a:\n  b: plain\n    continued\n",
    'a: "a\n\n  b"\n', "a: -1\n", "a: [-1, -x]\n", "a: {b: -1}\n", 'k: v\r\nk2: "a\r\n  b"\r\n',
]


@pytest.mark.parametrize("text", VALID_YAML)
def test_valid_yaml_passes_the_spec_checks(text):
    assert load.load(text, "x.yaml").findings == []


@pytest.mark.parametrize("text, line, column, words", [
    ('a: "x\ny"\n', 2, 1, "indent it by at least 1 space"),
    ('a:\n  b: "x\n  y"\n', 3, 3, "indent it by at least 3 spaces"),
    ('- "a\n\tb"\n', 2, 1, "a tab is not indentation"),
    ("a: [1,\n2]\n", 2, 1, "indent it by at least 1 space"),
    ('a: x\t#c\nb: "1"#x\n', 2, 7, "a comment needs a space before '#'"),
    ("a: [x]#c\n", 1, 7, "a comment needs a space before '#'"),
    ("a: >#c\n  x\n", 1, 5, "write '> #'"),
    ("a: {x: -}\n", 1, 8, "quote it"),
    ("a: 1\n%YAML 1.2\n---\nb: 2\n", 2, 1, "needs '...'"),
    ("a: >\n   \n # comment\n", 3, 1, "has 3 spaces, more than its first line (1)"),
])
def test_yaml_libyaml_accepts_but_the_spec_forbids_is_a_yaml_syntax_warning(text, line, column, words):
    loaded = load.load(text, "x.yaml")
    [finding] = loaded.findings
    assert (finding.rule, finding.severity, finding.line, finding.column) == ("yaml-syntax", "warning", line, column)
    assert words in f"{finding.message}; {finding.help}"
    assert loaded.documents  # what libyaml read is still linted


def test_a_config_that_only_yaml_1_2_refuses_is_still_linted(linter):
    text = ("accounts:\n  relay:\n    host: mail.example.com\n    port: 465\n    security: starttls\n"
            '    from: "Billing\n    <billing@example.com>"\n')
    result = linter.lint_text(text, "x.yaml")
    assert sorted((f.line, f.rule, f.severity) for f in result.findings) == [
        (3, "unknown-provider", "info"), (5, "port-security-mismatch", "error"), (7, "yaml-syntax", "warning")]
