"""Property-based tests: whatever the bytes, emaillint answers with findings, never a traceback.

Random YAML-ish text and random mutations of valid configs go through the real CLI entry
point (in-process, output captured) and through the engine. The properties: exit code
0 or 1, nothing on stderr, no internal-error finding, and every finding at a line and
column that exist in the file. Hypothesis is derandomized and keeps no example database,
so CI runs the same examples every time.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from emaillint.cli import main
from emaillint.engine import Linter, Options
from emaillint.load import decode
from emaillint.plugins import load_registry

from helpers import AS_OF, REPO

PROPERTY = settings(max_examples=250, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
LINE_BREAK = re.compile(r"\r\n|[\r\n\x85\u2028\u2029]")
"""Line breaks as libyaml counts them, so finding positions can be checked against the text."""

SEEDS = [path.read_text() for path in sorted((REPO / "examples").glob("*.yaml"))] + [
    case["config"]
    for path in sorted((REPO / "tests" / "cases").glob("*.yaml"))
    for case in yaml.safe_load(path.read_text())["cases"]
    if isinstance(case.get("config"), str)
]
FRAGMENTS = [
    "accounts:", "version: 1", "  ", "    ", "\t", "\n", "\r\n", "\r", "- ", ": ", "? ", ",", "[", "]",
    "{", "}", "'", '"', "#", " # c", "|", ">-", "|2", "---", "...", "%YAML 1.2", "%TAG ! tag:x,2000:",
    "&a ", "*a", "<<: *a", "<<: [*a, *a]", "!!python/object:os.system ", "!secret ", "!!binary ",
    "host: smtp.gmail.com", "port: 465", "port: 587", "port: 99999", "security: starttls",
    "security: off", "auth: password", "password: 0123", "password: ${X}", "password: $X",
    "password: '{{ x }}'", "username: a@gmail.com", "from: ", "message:", "cc: [a@b.c]",
    "to: 3", "bcc:", "volume:", "messages_per_day: 1e9", "provider: gmail", "plan: free",
    "~", "null", "true", "0x1F", "1:30", ".inf", "-.nan", "\ufeff", "\x00", "\x07", "é", "\u2028",
    "\x85", "\\", "\\x", "@", "`", "%", "!", "&", "*",
]

yamlish = st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=8), max_size=40).map("".join)


@st.composite
def mutated(draw) -> str:
    """A valid config with a few random edits: insertions, deletions, moved lines, re-indents."""
    text = draw(st.sampled_from(SEEDS))
    for _ in range(draw(st.integers(1, 4))):
        lines = text.split("\n")
        edit = draw(st.sampled_from(["insert", "delete", "duplicate", "swap", "indent", "truncate"]))
        at = draw(st.integers(0, max(len(text) - 1, 0)))
        row = draw(st.integers(0, len(lines) - 1))
        if edit == "insert":
            text = text[:at] + draw(st.sampled_from(FRAGMENTS) | st.text(max_size=4)) + text[at:]
        elif edit == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 8)):]
        elif edit == "duplicate":
            lines.insert(row, lines[row])
            text = "\n".join(lines)
        elif edit == "swap":
            other = draw(st.integers(0, len(lines) - 1))
            lines[row], lines[other] = lines[other], lines[row]
            text = "\n".join(lines)
        elif edit == "indent":
            lines[row] = draw(st.sampled_from(["", " ", "  ", "\t", "      "])) + lines[row].lstrip(" ")
            text = "\n".join(lines)
        else:
            text = text[:at]
    return text


def lines_of(text: str | None) -> list[str]:
    return LINE_BREAK.split((text or "").removeprefix("\ufeff"))


def assert_inside(findings, lines: list[str]) -> None:
    for finding in findings:
        assert finding["rule"] != "plugin-error", finding
        assert 1 <= finding["line"] <= len(lines), finding
        assert 1 <= finding["column"] <= len(lines[finding["line"] - 1]) + 1, finding


def run_cli(path: Path) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main([str(path), "--format", "json", "--as-of", AS_OF])
    return code, out.getvalue(), err.getvalue()


def check_cli(raw: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "config.yaml"
        path.write_bytes(raw)
        code, out, err = run_cli(path)
    assert code in (0, 1) and err == "", (code, err)
    assert_inside(json.loads(out)["findings"], lines_of(decode(raw)[0]))


LINTER = Linter(load_registry(), Options(AS_OF))


def check_engine(text: str) -> None:
    findings = LINTER.lint_text(text, "config.yaml").findings
    assert_inside([f._asdict() for f in findings], lines_of(text))


@PROPERTY
@given(yamlish)
def test_random_yamlish_text_through_the_cli(text):
    check_cli(text.encode("utf-8", "surrogatepass"))


@PROPERTY
@given(mutated())
def test_mutated_configs_through_the_cli(text):
    check_cli(text.encode("utf-8", "surrogatepass"))


@PROPERTY
@given(st.binary(max_size=200) | st.sampled_from(SEEDS).map(lambda s: s.encode("utf-16")))
def test_random_bytes_through_the_cli(raw):
    check_cli(raw)


@settings(PROPERTY, max_examples=800)
@given(mutated() | yamlish)
def test_mutated_configs_through_the_engine(text):
    check_engine(text)


@PROPERTY
@given(st.one_of(yamlish, mutated()))
def test_skipping_the_spec_pass_never_hides_a_violation(text):
    """``load`` runs ``yaml_spec``'s token pass only when ``needs_spec_check``; that must be sound."""
    from emaillint import load, yaml_spec

    loaded = load.load(text, "x.yaml")
    if any(f.severity == "error" for f in loaded.findings) or load.needs_spec_check(loaded, text):
        return
    assert yaml_spec.first_violation(text.removeprefix("\ufeff"), load._Loader) is None


LOCAL_CHARS = st.sampled_from(list("abcxyzABC019_+-.!#$%&'*/=?^`{|}~\"@ "))
DOMAIN_CHARS = st.sampled_from(list("abcxyzABC019-._[]"))


@settings(max_examples=3000, deadline=None, derandomize=True, database=None)
@example(local="0", domain="00--0", tld="com")  # IDNA reserves "--" in a label's third and fourth places
@given(local=st.text(LOCAL_CHARS, min_size=0, max_size=70), domain=st.text(DOMAIN_CHARS, min_size=0, max_size=80),
       tld=st.sampled_from(["com", "org", "io", "c", "123", "test", "local", "localhost", "example", "x" * 64,
                            "onion", "co.uk", "xn--p1ai"]))
def test_the_plain_address_fast_path_accepts_only_what_email_validator_accepts(local, domain, tld):
    """The fast path only ever accepts; whatever it accepts, email-validator accepts too."""
    from email_validator import EmailNotValidError, validate_email

    from emaillint.rules.address_syntax import PLAIN_ADDRESS, SPECIAL_USE

    for address in (f"{local}@{domain}.{tld}", f"{local}@{tld}", f"{local}@{domain}"):
        if PLAIN_ADDRESS.fullmatch(address) and address.rsplit(".", 1)[-1].lower() not in SPECIAL_USE:
            try:
                validate_email(address, check_deliverability=False)
            except EmailNotValidError as exc:
                raise AssertionError(f"{address!r}: the fast path accepts it, email-validator says {exc}") from None


@settings(max_examples=500, deadline=None, derandomize=True, database=None)
@given(st.from_regex(r"[a-z0-9_+-]{1,20}(\.[a-z0-9_+-]{1,10}){0,2}@[a-z0-9]{1,10}(-[a-z0-9]{1,5})?\.[a-z]{2,6}",
                     fullmatch=True))
def test_the_fast_path_takes_the_common_addresses(address):
    """... and it does take the addresses configs hold, so email-validator is rarely imported."""
    from email_validator import validate_email

    from emaillint.rules.address_syntax import PLAIN_ADDRESS

    validate_email(address, check_deliverability=False)
    assert PLAIN_ADDRESS.fullmatch(address)
