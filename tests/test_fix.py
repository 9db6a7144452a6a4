"""--fix, --unsafe-fixes and --diff: the before/after pairs of tests/fixes, and what fixing
does with read-only files, symbolic links, standard input and fixes that would do harm."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from emaillint.cli import main
from emaillint.fixing import apply_fixes
from emaillint.model import Edit, Finding, Fix

from helpers import AS_OF
from test_reports import assert_valid_sarif

FIXES = Path(__file__).parent / "fixes"
PAIRS = sorted(p for p in FIXES.rglob("*.yaml") if not p.name.endswith(".fixed.yaml"))
HOST_TYPO = FIXES / "legacy-host" / "own-bom-no-final-newline.yaml"
SAFE_AND_UNSAFE = """\
accounts:
  relay:
    host: smtp.example.com
    port: 25
    security: starttls
    username: me@example.com
    password: ${P}
  gmail:
    host: imap.gmail.com
    port: 587
    security: starttls
    auth: app-password
    username: me@gmail.com
    password: ${Q}
"""


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["check", "--as-of", AS_OF, *args])
    out, err = capsys.readouterr()
    return code, out, err


def findings(capsys, path: Path) -> list[dict]:
    return json.loads(run(capsys, str(path), "--format", "json")[1])["findings"]


@pytest.mark.parametrize("before", PAIRS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_fix_writes_exactly_the_expected_bytes_and_a_second_fix_changes_nothing(before, tmp_path, capsys,
                                                                               monkeypatch):
    monkeypatch.chdir(tmp_path)
    rule, unsafe = before.parent.name, ".unsafe" in before.name
    expected = before.with_name(before.name.replace(".yaml", ".fixed.yaml")).read_bytes()
    target = tmp_path / before.name
    target.write_bytes(before.read_bytes())
    offered = [f["fix"] for f in findings(capsys, target) if f["rule"] == rule and "fix" in f]
    assert offered, f"no {rule} finding with a fix in {before.name}"
    flags = ["--unsafe-fixes"] if unsafe else []

    if unsafe:  # without --unsafe-fixes the file stays as it is
        run(capsys, str(target), "--fix")
        assert target.read_bytes() == before.read_bytes()
    run(capsys, str(target), "--fix", *flags)
    assert target.read_bytes() == expected
    if offered[0]["applicability"] == "display-only":
        assert expected == before.read_bytes()
    else:
        assert expected != before.read_bytes()
        assert not [f for f in findings(capsys, target) if f["rule"] == rule and "fix" in f]
    code, out, _ = run(capsys, str(target), "--fix", *flags)
    assert target.read_bytes() == expected
    code, out, _ = run(capsys, str(target), "--diff", *flags)
    assert (code, out) == (0, "")


def test_diff_writes_nothing_exits_1_and_is_the_patch_fix_makes(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "mail.yaml").write_text(SAFE_AND_UNSAFE)
    code, out, _ = run(capsys, "mail.yaml", "--diff")
    assert code == 1 and out.startswith("--- a/mail.yaml\n+++ b/mail.yaml\n")
    assert (tmp_path / "mail.yaml").read_text() == SAFE_AND_UNSAFE
    (tmp_path / "mail.diff").write_text(out)
    subprocess.run(["git", "apply", "mail.diff"], cwd=tmp_path, check=True, capture_output=True)
    patched = (tmp_path / "mail.yaml").read_text()
    (tmp_path / "mail.yaml").write_text(SAFE_AND_UNSAFE)
    run(capsys, "mail.yaml", "--fix")
    assert (tmp_path / "mail.yaml").read_text() == patched
    assert "port: 25" in patched and "imap.gmail.com" not in patched  # the port change is unsafe


def test_diff_never_shows_a_password_on_a_line_it_prints(tmp_path, capsys, monkeypatch):
    """A password written next to a fixed line is context of the hunk: it shows as ***."""
    monkeypatch.chdir(tmp_path)
    secret = "Zx9-hunter2-Qw7"
    text = (f"accounts:\n  gmail:\n    password: {secret}\n    host: imap.gmail.com\n    port: 587\n"
            "    security: starttls\n    username: me@gmail.com\n")
    (tmp_path / "mail.yaml").write_text(text)
    code, out, _ = run(capsys, "mail.yaml", "--diff")
    assert code == 1 and "+    host: smtp.gmail.com\n" in out
    assert " password: ***\n" in out and secret not in out
    assert (tmp_path / "mail.yaml").read_text() == text


def test_text_marks_what_fix_fixes_and_counts_the_unsafe_ones_apart(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "mail.yaml").write_text(SAFE_AND_UNSAFE)
    code, out, _ = run(capsys, "mail.yaml")
    lines = out.splitlines()
    assert [line.split()[2] for line in lines if "[*]" in line] == ["provider-host"]
    assert lines[-1].endswith("; 1 fixable with --fix (1 more with --unsafe-fixes)")
    _, out, _ = run(capsys, "mail.yaml", "--unsafe-fixes")
    assert [line.split()[2] for line in out.splitlines() if "[*]" in line] == ["default-port", "provider-host"]
    assert out.splitlines()[-1].endswith("; 2 fixable with --fix")
    code, out, err = run(capsys, "mail.yaml", "--fix", "--unsafe-fixes")
    assert "emaillint: fixed 2 findings in 1 file" in err and "[*]" not in out


def test_sarif_results_carry_their_fixes_and_validate(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "mail.yaml").write_text(SAFE_AND_UNSAFE)
    document = json.loads(run(capsys, "mail.yaml", "--format", "sarif")[1])
    assert_valid_sarif(document)
    fixes = {r["ruleId"]: r["fixes"][0] for r in document["runs"][0]["results"] if "fixes" in r}
    assert {rule: fix["properties"]["applicability"] for rule, fix in fixes.items()} == \
        {"provider-host": "safe", "default-port": "unsafe"}
    [replacement] = fixes["provider-host"]["artifactChanges"][0]["replacements"]
    start, length = replacement["deletedRegion"]["charOffset"], replacement["deletedRegion"]["charLength"]
    assert SAFE_AND_UNSAFE[start:start + length] == "imap.gmail.com"
    assert fixes["provider-host"]["description"]["text"] == f"write host: {replacement['insertedContent']['text']}"


def test_a_read_only_file_is_left_alone_with_one_line_and_exit_2_while_the_others_are_fixed(tmp_path, capsys,
                                                                                          monkeypatch):
    monkeypatch.chdir(tmp_path)
    for name in ("locked.yaml", "open.yaml"):
        (tmp_path / name).write_text(SAFE_AND_UNSAFE)
    os.chmod(tmp_path / "locked.yaml", stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    code, _, err = run(capsys, "locked.yaml", "open.yaml", "--fix")
    assert code == 2
    assert "emaillint: error: locked.yaml: is read-only; not fixed" in err
    assert (tmp_path / "locked.yaml").read_text() == SAFE_AND_UNSAFE
    assert "imap.gmail.com" not in (tmp_path / "open.yaml").read_text()


def test_a_symbolic_link_stays_a_link_and_the_file_it_names_is_fixed(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "shared").mkdir()
    (tmp_path / "shared" / "mail.yaml").write_text(SAFE_AND_UNSAFE)
    os.symlink("shared/mail.yaml", tmp_path / "link.yaml")
    run(capsys, "link.yaml", "--fix")
    assert os.readlink(tmp_path / "link.yaml") == "shared/mail.yaml"
    assert "imap.gmail.com" not in (tmp_path / "shared" / "mail.yaml").read_text()


def test_standard_input_prints_the_fixed_text_and_reports_on_stderr(tmp_path):
    result = subprocess.run([sys.executable, "-m", "emaillint", "check", "-", "--stdin-filename", "mail.yaml",
                             "--fix", "--as-of", AS_OF], input=HOST_TYPO.read_bytes(), capture_output=True,
                            cwd=tmp_path, timeout=60)
    assert result.stdout == HOST_TYPO.with_name(HOST_TYPO.name.replace(".yaml", ".fixed.yaml")).read_bytes()
    assert result.stderr.decode().splitlines() == ["emaillint: fixed 1 finding in 1 file", "1 file checked: no findings"]
    assert list(tmp_path.iterdir()) == []


def test_a_fix_that_breaks_the_file_or_overlaps_another_is_not_applied():
    text = 'host: "smtp.example.com"\nport: 587\n'
    quote, port = text.index('"\n'), text.index("587")
    breaks = Finding("x.yaml", 1, 7, "acme-rule", "error", "m", fix=Fix("unquote", (Edit(quote, quote + 1, ""),)))
    good = Finding("x.yaml", 2, 7, "acme-rule", "error", "m", fix=Fix("465", (Edit(port, port + 3, "465"),)))
    overlapping = good._replace(fix=Fix("2525", (Edit(port + 1, port + 3, "525"),)))
    fixed, applied = apply_fixes(text, [breaks, good, overlapping], unsafe=False)
    assert fixed == 'host: "smtp.example.com"\nport: 465\n' and applied == [good]
    unsafe = good._replace(fix=good.fix._replace(applicability="unsafe"))
    assert apply_fixes(text, [unsafe], unsafe=False) == (text, [])
    assert apply_fixes("\ufeff" + text, [unsafe], unsafe=True)[0] == "\ufeff" + text.replace("587", "465")


def test_linting_without_fix_writes_nothing_even_where_there_is_something_to_fix(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    shutil.copy(HOST_TYPO, tmp_path / "mail.yaml")
    before = os.stat(tmp_path / "mail.yaml")
    for args in ([], ["--unsafe-fixes"], ["--format", "json"], ["--diff"]):
        run(capsys, "mail.yaml", *args)
    after = os.stat(tmp_path / "mail.yaml")
    assert (after.st_mtime_ns, after.st_size) == (before.st_mtime_ns, before.st_size)
    assert (tmp_path / "mail.yaml").read_bytes() == HOST_TYPO.read_bytes()


def test_a_key_that_is_right_for_another_protocol_is_not_renamed(tmp_path, capsys, monkeypatch):
    """mail.smtp.starttls.enable is a real property JavaMail reads only with protocol smtp:
    unknown-key says so, and no fix renames it to some other property."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "application.yml").write_text(
        "spring:\n  mail:\n    host: smtp.gmail.com\n    port: 465\n    protocol: smtps\n    username: a@gmail.com\n"
        "    password: ${P}\n    properties:\n      mail.smtp.starttls.enable: true\n")
    found = findings(capsys, tmp_path / "application.yml")
    assert [f["rule"] for f in found] == ["unknown-key"] and "fix" not in found[0]
