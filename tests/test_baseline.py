"""Baselines: --write-baseline records a run's findings, --baseline reports only new ones.

Entries match by path, rule, account and a fingerprint of the offending key and value,
so moving lines keeps them, renaming an account does not, and a baseline never holds a
secret, not even a hash of one (the file is committed).
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from emaillint.baseline import FORMAT, VERSION
from emaillint.cli import main

from helpers import AS_OF, GMAIL_465_STARTTLS, REPO, finding_lines
from test_readonly import snapshot
from test_reports import assert_valid_sarif
from test_secrets import CASES as LEAKY_CASES
from test_secrets import LEAKY, planted

FIXTURE = REPO / "tests" / "fixtures" / "baseline-v1"
"""A project and the baseline the first emaillint with baselines wrote for it (format version
1), committed so that every later version is tested against a file an earlier one wrote."""

MAIL = GMAIL_465_STARTTLS.replace("${SMTP_PASSWORD}", "Tr0ub4dor-and-3") + """\
  relay:
    host: smtp.gmail.com
    port: 587
    security: starttls
    auth: app-password
    username: relay@gmail.com
    password: ${SMTP_PASSWORD}
    message:
      cc: [not-an-address, not-an-address]
"""
"""Five findings: invoices' port-security-mismatch (5:15) and plaintext-password (8:15);
relay's cc-quota warning and the same address-syntax finding twice (one entry, count 2)."""
FINDINGS = 5


def lint(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["check", "--as-of", AS_OF, *args])
    out, err = capsys.readouterr()
    return code, out, err


def summary(out: str) -> str:
    return out.splitlines()[-1]


def entries(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["entries"]


@pytest.fixture
def project(tmp_path: Path, monkeypatch, capsys) -> Path:
    """A project with one config and its baseline, written by the CLI; the current directory."""
    (tmp_path / "mail").mkdir()
    (tmp_path / "mail" / "billing.yaml").write_text(MAIL)
    monkeypatch.chdir(tmp_path)
    assert lint(capsys, "mail", "--write-baseline", "baseline.json")[0] == 0
    return tmp_path


def test_writing_records_every_finding_and_the_run_then_passes(capsys, tmp_path, monkeypatch):
    (tmp_path / "billing.yaml").write_text(MAIL)
    monkeypatch.chdir(tmp_path)
    assert lint(capsys, "billing.yaml")[0] == 1

    code, out, err = lint(capsys, "billing.yaml", "--write-baseline", "baseline.json")
    assert (code, out) == (0, f"1 file checked: no new findings ({FINDINGS} baselined, 0 stale baseline entries)\n")
    assert err == f"emaillint: wrote baseline.json: {FINDINGS} findings recorded\n"
    document = json.loads((tmp_path / "baseline.json").read_text())
    assert (document["format"], document["version"]) == (FORMAT, VERSION)
    assert sorted((e["rule"], e["account"], e["count"]) for e in document["entries"]) == [
        ("address-syntax", "relay", 2), ("cc-quota", "relay", 1), ("plaintext-password", "invoices", 1),
        ("port-security-mismatch", "invoices", 1)]
    assert {e["path"] for e in document["entries"]} == {"billing.yaml"}
    assert all(re.fullmatch(r"[0-9a-f]{16}", e["fingerprint"]) for e in document["entries"])

    code, out, _ = lint(capsys, "billing.yaml", "--baseline", "baseline.json")
    assert (code, out) == (0, f"1 file checked: no new findings ({FINDINGS} baselined, 0 stale baseline entries)\n")


def test_moved_lines_still_match(capsys, project):
    invoices, relay = MAIL.removeprefix("accounts:\n").split("  relay:\n")
    invoices = invoices.replace("    port: 465\n", "    # wrong, and known to be\n\n    port: 465  # see TICKET-12\n")
    invoices = invoices.replace("    auth: app-password\n    username: billing@gmail.com\n",
                                "    username: billing@gmail.com\n    auth: app-password\n")
    moved = ("# mail settings, reviewed 2026-11\n\naccounts:\n  relay:\n" + relay + "\n"
             + invoices.replace("security: starttls", 'security: "starttls"'))
    moved = re.sub(r"^( +)", lambda indent: indent.group(1) * 2, moved, flags=re.M)  # re-indented
    before = [line.split(": ")[0] for line in finding_lines(lint(capsys, "mail", "--no-baseline")[1])]
    (project / "mail" / "billing.yaml").write_text(moved)
    after = [line.split(": ")[0] for line in finding_lines(lint(capsys, "mail", "--no-baseline")[1])]
    assert len(after) == len(before) == FINDINGS and not set(before) & set(after)  # every one elsewhere
    code, out, _ = lint(capsys, "mail", "--baseline", "baseline.json", "--format", "json")
    assert json.loads(out)["summary"] == {"files": 1, "errors": 0, "warnings": 0, "infos": 0,
                                          "baselined": FINDINGS, "stale": 0}
    assert code == 0


def test_a_renamed_account_is_a_new_finding_and_its_old_entries_are_stale(capsys, project):
    (project / "mail" / "billing.yaml").write_text(MAIL.replace("  invoices:", "  invoicing:"))
    code, out, _ = lint(capsys, "mail", "--baseline", "baseline.json")
    assert code == 1
    assert [line.split(" ")[2] for line in finding_lines(out)] == ["port-security-mismatch", "plaintext-password"]
    assert summary(out) == "1 file checked: 2 errors (3 baselined, 2 stale baseline entries); 1 fixable with --fix"


def test_a_changed_value_is_a_new_finding(capsys, project):
    (project / "mail" / "billing.yaml").write_text(MAIL.replace("[not-an-address, not-an-address]",
                                                                "[not-an-address, still-no-address]"))
    code, out, _ = lint(capsys, "mail", "--baseline", "baseline.json")
    assert code == 1
    assert "'still-no-address' is not valid" in out
    assert summary(out) == "1 file checked: 1 error (4 baselined, 1 stale baseline entry)"


def test_identical_findings_are_counted_not_collapsed(capsys, project):
    (project / "mail" / "billing.yaml").write_text(MAIL.replace(
        "[not-an-address, not-an-address]", "[not-an-address, not-an-address, not-an-address]"))
    code, out, _ = lint(capsys, "mail", "--baseline", "baseline.json")
    assert code == 1
    assert out.count(" address-syntax ") == 1  # the third copy
    assert summary(out).endswith("(5 baselined, 0 stale baseline entries)")

    (project / "mail" / "billing.yaml").write_text(MAIL.replace("[not-an-address, not-an-address]",
                                                                "[not-an-address]"))
    code, out, _ = lint(capsys, "mail", "--baseline", "baseline.json")
    assert (code, summary(out)) == (0, "1 file checked: no new findings (4 baselined, 1 stale baseline entry)")


def test_fixed_findings_leave_stale_entries_and_a_rewrite_drops_them_keeping_the_salt(capsys, project):
    salt = json.loads((project / "baseline.json").read_text())["salt"]
    (project / "mail" / "billing.yaml").write_text(MAIL.replace("port: 465", "port: 587"))
    code, out, _ = lint(capsys, "mail", "--baseline", "baseline.json")
    assert (code, summary(out)) == (0, "1 file checked: no new findings (4 baselined, 1 stale baseline entry)")

    assert lint(capsys, "mail", "--write-baseline", "baseline.json")[0] == 0
    document = json.loads((project / "baseline.json").read_text())
    assert document["salt"] == salt  # so the rewrite's diff is the one removed entry
    assert len(document["entries"]) == 3
    assert summary(lint(capsys, "mail", "--baseline", "baseline.json")[1]).endswith(
        "(4 baselined, 0 stale baseline entries)")


def test_entries_of_files_and_rules_the_run_did_not_check_are_not_stale(capsys, project):
    (project / "mail" / "other.yaml").write_text(MAIL.replace("port: 465", "port: 587"))
    # pre-commit names only the staged files: the baseline's billing.yaml entries are not checked
    code, out, _ = lint(capsys, "mail/other.yaml", "--baseline", "baseline.json")
    assert (code, summary(out)) == (1, "1 file checked: 3 errors, 1 warning (0 baselined, 0 stale baseline entries)")
    # ... but an entry whose file is gone is stale
    (project / "mail" / "billing.yaml").unlink()
    code, out, _ = lint(capsys, "mail/other.yaml", "--baseline", "baseline.json")
    assert summary(out).endswith(f"(0 baselined, {FINDINGS} stale baseline entries)")


def test_baseline_with_select_and_ignore(capsys, project):
    code, out, _ = lint(capsys, "mail", "--baseline", "baseline.json", "--select", "address-syntax,cc-quota")
    assert (code, summary(out)) == (0, "1 file checked: no new findings (3 baselined, 0 stale baseline entries)")
    code, out, _ = lint(capsys, "mail", "--baseline", "baseline.json", "--ignore", "plaintext-password")
    assert (code, summary(out)) == (0, "1 file checked: no new findings (4 baselined, 0 stale baseline entries)")

    # a baseline written with --select records only what that run reported
    assert lint(capsys, "mail", "--write-baseline", "partial.json", "--select", "cc-quota")[0] == 0
    assert [e["rule"] for e in entries(project / "partial.json")] == ["cc-quota"]
    code, out, _ = lint(capsys, "mail", "--baseline", "partial.json")
    assert (code, summary(out)) == (1, "1 file checked: 4 errors (1 baselined, 0 stale baseline entries); 1 fixable with --fix")


def test_baseline_with_suppressions(capsys, project):
    # a suppression hides its finding before the baseline sees it: the finding's entry is stale
    suppressed = MAIL.replace("security: starttls\n    auth: app-password\n    username: billing",
                              "security: starttls  # emaillint: disable=port-security-mismatch\n"
                              "    auth: app-password\n    username: billing", 1)
    (project / "mail" / "billing.yaml").write_text(suppressed)
    code, out, _ = lint(capsys, "mail", "--baseline", "baseline.json")
    assert (code, summary(out)) == (0, "1 file checked: no new findings (4 baselined, 1 stale baseline entry)")
    # and a baseline written then does not record the suppressed finding
    assert lint(capsys, "mail", "--write-baseline", "baseline.json")[0] == 0
    assert "port-security-mismatch" not in [e["rule"] for e in entries(project / "baseline.json")]

    # a suppression on the wrong line (the finding points at security:, not port:) is a new finding
    misplaced = MAIL.replace("port: 465", "port: 465  # emaillint: disable=port-security-mismatch")
    (project / "mail" / "billing.yaml").write_text(misplaced)
    code, out, _ = lint(capsys, "mail", "--baseline", "baseline.json")
    assert code == 1
    assert [line.split(" ")[2] for line in finding_lines(out)] == ["unused-suppression", "port-security-mismatch"]
    # ... which can be baselined like any other
    assert lint(capsys, "mail", "--write-baseline", "baseline.json")[0] == 0
    assert "unused-suppression" in [e["rule"] for e in entries(project / "baseline.json")]
    assert lint(capsys, "mail", "--baseline", "baseline.json")[0] == 0


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github"])
def test_the_summary_counts_baselined_findings_and_stale_entries_in_every_format(capsys, project, fmt):
    (project / "mail" / "billing.yaml").write_text(MAIL.replace("  invoices:", "  invoicing:"))
    code, out, _ = lint(capsys, "mail", "--baseline", "baseline.json", "--format", fmt)
    assert code == 1
    counts = "1 file checked: 2 errors (3 baselined, 2 stale baseline entries)"
    if fmt in ("text", "github"):
        assert summary(out) == counts + ("; 1 fixable with --fix" if fmt == "text" else "")
        assert len(finding_lines(out)) == 2  # and the summary
    elif fmt == "json":
        document = json.loads(out)
        assert document["summary"] == {"files": 1, "errors": 2, "warnings": 0, "infos": 0,
                                       "baselined": 3, "stale": 2}
        assert [f["account"] for f in document["findings"]] == ["invoicing", "invoicing"]
    else:
        document = json.loads(out)
        assert_valid_sarif(document)
        [run] = document["runs"]
        assert run["invocations"][0]["properties"] == {"baselined": 3, "stale": 2}
        assert [r["baselineState"] for r in run["results"]] == ["new", "new"]


@pytest.mark.parametrize("fmt", ["json", "sarif"])
def test_outputs_without_a_baseline_are_unchanged(capsys, tmp_path, fmt):
    (tmp_path / "billing.yaml").write_text(MAIL)
    _, out, _ = lint(capsys, str(tmp_path / "billing.yaml"), "--format", fmt)
    assert "baselined" not in out and "baselineState" not in out and '"stale"' not in out


def test_the_project_configuration_names_the_baseline_and_paths_work_from_any_directory(capsys, project,
                                                                                          monkeypatch):
    (project / "pyproject.toml").write_text('[tool.emaillint]\nbaseline = "baseline.json"\n')
    expected = f"1 file checked: no new findings ({FINDINGS} baselined, 0 stale baseline entries)"
    assert summary(lint(capsys, "mail")[1]) == expected
    monkeypatch.chdir(project / "mail")  # the configuration is found upwards; entries are root-relative
    assert summary(lint(capsys, ".")[1]) == expected
    assert summary(lint(capsys, "billing.yaml")[1]) == expected
    code, out, _ = lint(capsys, "billing.yaml", "--no-baseline")
    assert code == 1 and summary(out) == "1 file checked: 4 errors, 1 warning; 1 fixable with --fix"


def test_without_a_configuration_paths_are_relative_to_the_baseline_file(capsys, project, monkeypatch):
    monkeypatch.chdir(project.parent)
    code, out, _ = lint(capsys, f"{project.name}/mail", "--baseline", f"{project.name}/baseline.json")
    assert (code, summary(out)) == (0, f"1 file checked: no new findings ({FINDINGS} baselined, 0 stale baseline"
                                       " entries)")


def test_a_baseline_written_by_an_earlier_version_is_read(capsys, tmp_path, monkeypatch):
    """The committed fixture is format version 1, as the first version with baselines wrote it;
    it must keep matching, from the project root and from below it. docs/baseline.md says how
    the format evolves."""
    shutil.copytree(FIXTURE, tmp_path / "project")
    written = json.loads((FIXTURE / "emaillint-baseline.json").read_text())
    assert written["version"] == 1
    monkeypatch.chdir(tmp_path / "project")
    expected = "2 files checked: no new findings (6 baselined, 0 stale baseline entries)"
    assert lint(capsys, ".") == (0, expected + "\n", "")
    monkeypatch.chdir(tmp_path / "project" / "mail")
    assert lint(capsys, ".") == (0, expected + "\n", "")


def test_a_newer_format_is_a_one_line_error(capsys, tmp_path, monkeypatch):
    document = json.loads((FIXTURE / "emaillint-baseline.json").read_text())
    document["version"] = VERSION + 1
    (tmp_path / "b.json").write_text(json.dumps(document))
    (tmp_path / "a.yaml").write_text(MAIL)
    monkeypatch.chdir(tmp_path)
    assert lint(capsys, "a.yaml", "--baseline", "b.json") == (2, "", (
        f"emaillint: error: --baseline: b.json is a version {VERSION + 1} baseline, newer than this emaillint"
        f" reads (up to {VERSION}); upgrade emaillint\n"))


GOOD = {"format": FORMAT, "version": VERSION, "salt": "0" * 32, "entries": []}
ENTRY = {"path": "a.yaml", "rule": "cc-quota", "account": "x", "fingerprint": "0123456789abcdef", "count": 1}


@pytest.mark.parametrize("content, message", [
    (None, "b.json: no such file; create it with 'emaillint check --write-baseline b.json'"),
    (b"{", "b.json:1:2: not valid JSON: Expecting property name enclosed in double quotes"),
    (b"\xff\xfe{}", "b.json: not UTF-8 text, so not a baseline"),
    ("[]", "b.json is not an emaillint baseline (no \"format\": \"emaillint-baseline\"); write one with"
           " 'emaillint check --write-baseline b.json'"),
    ({**GOOD, "version": "1"}, 'b.json: "version" must be 1, got "1"'),
    ({**GOOD, "salt": "secret"}, 'b.json: "salt" must be 32 lower-case hex digits; rewrite the file with'
                                 " --write-baseline b.json"),
    ({**GOOD, "entries": {}}, 'b.json: "entries" must be a list'),
    ({**GOOD, "entries": [ENTRY, 3]}, "b.json: entries[1]: must be an object with path, rule, account,"
                                      " fingerprint and count"),
    ({**GOOD, "entries": [{**ENTRY, "count": 0}]}, 'b.json: entries[0]: "count" must be a positive integer'),
    ({**GOOD, "entries": [{**ENTRY, "count": True}]}, 'b.json: entries[0]: "count" must be a positive integer'),
    ({**GOOD, "entries": [{**ENTRY, "path": ""}]}, 'b.json: entries[0]: "path" must be a non-empty string'),
    ({**GOOD, "entries": [{**ENTRY, "account": 7}]}, 'b.json: entries[0]: "account" must be a string or null'),
    ("dir", "b.json: cannot be read: Is a directory"),
])
def test_a_bad_baseline_is_a_one_line_error_and_exit_2(capsys, tmp_path, monkeypatch, content, message):
    (tmp_path / "a.yaml").write_text(MAIL)
    target = tmp_path / "b.json"
    if content == "dir":
        target.mkdir()
    elif isinstance(content, bytes):
        target.write_bytes(content)
    elif content is not None:
        target.write_text(content if isinstance(content, str) else json.dumps(content))
    monkeypatch.chdir(tmp_path)
    assert lint(capsys, "a.yaml", "--baseline", "b.json") == (2, "", f"emaillint: error: --baseline: {message}\n")


def test_a_configured_baseline_that_is_missing_names_the_configuration_key(capsys, tmp_path, monkeypatch):
    (tmp_path / ".emaillint.yaml").write_text("baseline: emaillint-baseline.json\n")
    (tmp_path / "a.yaml").write_text(MAIL)
    monkeypatch.chdir(tmp_path)
    assert lint(capsys, "a.yaml") == (2, "", (
        "emaillint: error: .emaillint.yaml:1:1: baseline: emaillint-baseline.json: no such file; create it"
        " with 'emaillint check --write-baseline emaillint-baseline.json'\n"))
    (tmp_path / ".emaillint.yaml").write_text("baseline: [a.json]\n")
    assert lint(capsys, "a.yaml") == (2, "", (
        "emaillint: error: .emaillint.yaml:1:1: baseline: expected a file name, e.g."
        ' "emaillint-baseline.json", got a list\n'))


def test_write_baseline_never_overwrites_a_file_that_is_not_a_baseline(capsys, tmp_path, monkeypatch):
    (tmp_path / "a.yaml").write_text(MAIL)
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n")
    monkeypatch.chdir(tmp_path)
    code, out, err = lint(capsys, "a.yaml", "--write-baseline", "pyproject.toml")
    assert (code, out, err) == (2, "", "emaillint: error: --write-baseline: pyproject.toml:1:2: not valid JSON:"
                                       " Expecting value; not overwriting it\n")
    assert (tmp_path / "pyproject.toml").read_text() == "[project]\nname = 'x'\n"


def test_a_baseline_that_cannot_be_written_is_a_one_line_error(capsys, tmp_path, monkeypatch):
    (tmp_path / "a.yaml").write_text(MAIL)
    monkeypatch.chdir(tmp_path)
    assert lint(capsys, "a.yaml", "--write-baseline", "no-such-folder/b.json") == (2, "", (
        "emaillint: error: --write-baseline no-such-folder/b.json: cannot be written: No such file or directory\n"))
    assert list(tmp_path.iterdir()) == [tmp_path / "a.yaml"]


def test_write_baseline_refuses_an_incomplete_run(capsys, tmp_path, monkeypatch):
    (tmp_path / "a.yaml").write_text(MAIL)
    monkeypatch.chdir(tmp_path)
    code, out, err = lint(capsys, "a.yaml", "missing.yaml", "--write-baseline", "b.json")
    assert code == 2 and summary(out) == "1 file checked: 4 errors, 1 warning; 1 fixable with --fix"
    assert err.splitlines() == ["emaillint: error: missing.yaml: no such file or directory",
                                "emaillint: error: not writing b.json: a plugin failed or a path does not exist,"
                                " so this run's findings are incomplete"]
    assert not (tmp_path / "b.json").exists()


def test_baseline_options_are_exclusive(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["check", "--baseline", "a.json", "--write-baseline", "b.json"])
    assert exit_info.value.code == 2
    assert capsys.readouterr().err == ("emaillint: error: argument --write-baseline: not allowed with argument"
                                       " --baseline (see 'emaillint check --help')\n")


def test_only_write_baseline_writes_and_only_its_file(capsys, project):
    before = snapshot(project)
    for fmt in ("text", "json", "sarif", "github"):
        lint(capsys, "mail", "--baseline", "baseline.json", "--format", fmt)
    assert snapshot(project) == before
    (project / "mail" / "billing.yaml").write_text(MAIL.replace("port: 465", "port: 587"))
    before = snapshot(project)
    lint(capsys, "mail", "--write-baseline", "baseline.json")
    after = snapshot(project)
    changed = {name for name in set(before) | set(after) if before.get(name) != after.get(name)}
    assert changed == {"baseline.json", "."}  # the file, and its folder's mtime (replaced in one step)


def test_standard_input_is_fingerprinted_from_what_was_read(capsys, project, monkeypatch):
    import io

    text = (project / "mail" / "billing.yaml").read_text()
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(("# unsaved\n" + text).encode())))
    code, out, _ = lint(capsys, "-", "--stdin-filename", "mail/billing.yaml", "--baseline", "baseline.json")
    assert (code, summary(out)) == (0, f"1 file checked: no new findings ({FINDINGS} baselined, 0 stale baseline"
                                       " entries)")


def test_shared_quota_across_files_is_baselined(capsys, tmp_path, monkeypatch):
    shared = ("accounts:\n  {name}:\n    host: smtp.gmail.com\n    port: 587\n    security: starttls\n"
              "    auth: app-password\n    username: billing@gmail.com\n    password: ${{X}}\n"
              "    volume:\n      messages_per_day: 300\n")
    (tmp_path / "a.yaml").write_text(shared.format(name="invoices"))
    (tmp_path / "b.yaml").write_text(shared.format(name="reminders"))
    monkeypatch.chdir(tmp_path)
    assert lint(capsys, ".", "--write-baseline", "b.json")[0] == 0
    assert sorted((e["path"], e["rule"]) for e in entries(tmp_path / "b.json")) == [
        ("a.yaml", "shared-quota"), ("b.yaml", "shared-quota")]
    (tmp_path / "a.yaml").write_text("# moved down\n" + shared.format(name="invoices"))
    assert summary(lint(capsys, ".", "--baseline", "b.json")[1]).endswith("(2 baselined, 0 stale baseline entries)")


# --- secrets: a baseline is committed, so it must not hold a secret, not even a hash of one -----

SHORT = "Xq9!"
"""Four characters: too short for the engine to redact from messages, so masking must not
depend on knowing the value."""
SHAPES = {
    "literal": "accounts:\n  a:\n    host: smtp.gmail.com\n    port: 587\n    security: starttls\n"
               "    username: a@gmail.com\n    password: <P>\n",
    "quoted, in a block scalar": "accounts:\n  a:\n    host: smtp.gmail.com\n    port: 587\n"
                                 "    security: starttls\n    username: a@gmail.com\n    password: |\n      <P>\n",
    "URL userinfo in the host": "accounts:\n  a:\n    host: smtp://a:<P>@smtp.gmail.com\n    port: 587\n"
                                "    security: starttls\n",
    "URL userinfo in the account name": "accounts:\n  'smtp://a:<P>@smtp.gmail.com':\n    host: smtp.gmail.com\n"
                                        "    port: 465\n    security: starttls\n",
    "NAME=value in a compose list": "services:\n  app:\n    environment:\n      - SMTP_HOST=smtp.gmail.com\n"
                                    "      - SMTP_PORT=465\n      - SMTP_PASSWORD=<P>\n",
    "Alertmanager": "global:\n  smtp_smarthost: smtp.gmail.com:465\n  smtp_auth_username: a@gmail.com\n"
                    "  smtp_auth_password: <P>\n  smtp_require_tls: true\nreceivers:\n- name: mail\n"
                    "  email_configs:\n  - to: ops@example.com\n",
    "Spring Boot": "spring:\n  mail:\n    host: smtp.gmail.com\n    port: 465\n    username: a@gmail.com\n"
                   "    password: <P>\n    properties:\n      mail.smtp.starttls.enable: true\n",
    "compose mapping": "services:\n  app:\n    environment:\n      SMTP_HOST: smtp.gmail.com\n"
                       "      SMTP_PORT: 465\n      SMTP_SECURE: 'false'\n      SMTP_USER: a@gmail.com\n"
                       "      SMTP_PASS: <P>\n",
    "a ConfigMap's alertmanager.yml": "kind: ConfigMap\ndata:\n  alertmanager.yml: |\n    global:\n"
                                      "      smtp_smarthost: smtp.gmail.com:465\n"
                                      "      smtp_auth_username: a@gmail.com\n      smtp_auth_password: <P>\n"
                                      "    receivers:\n    - name: mail\n      email_configs:\n"
                                      "      - to: ops@example.com\n",
    "a password that breaks the YAML": "accounts:\n  a:\n    host: smtp.gmail.com\n    password: \"<P>\n",
}


def baseline_of(capsys, tmp_path: Path, text: str) -> bytes:
    (tmp_path / "config.yaml").write_text(text)
    code, out, err = lint(capsys, str(tmp_path / "config.yaml"), "--write-baseline", str(tmp_path / "b.json"))
    assert code == 0, out + err
    return (tmp_path / "b.json").read_bytes()


def leaked(written: bytes, secret: str, size: int = 4) -> list[str]:
    """The pieces of ``secret`` (``size`` characters or more) that appear in ``written``."""
    pieces = {secret[i:i + size] for i in range(len(secret) - size + 1)}
    return sorted(piece for piece in pieces if piece.encode() in written)


@pytest.mark.parametrize("password", ["correct-Horse-9!", SHORT, "ab"], ids=["long", "four", "two"])
@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_a_baseline_holds_no_secret_and_no_hash_of_one(capsys, tmp_path, shape, password):
    written = baseline_of(capsys, tmp_path, SHAPES[shape].replace("<P>", password))
    assert entries(tmp_path / "b.json"), "no findings: nothing was tested"
    assert leaked(written, password) == []
    # the fingerprints do not depend on the password at all: another one, same salt, same bytes
    other = password.swapcase().replace("9", "8")
    assert baseline_of(capsys, tmp_path, SHAPES[shape].replace("<P>", other)) == written


@pytest.mark.parametrize("name, text, secrets", LEAKY_CASES, ids=[case[0] for case in LEAKY_CASES])
def test_no_canary_of_the_secrets_audit_reaches_a_baseline(capsys, tmp_path, name, text, secrets):
    """Every place test_secrets.py plants a secret. Fresh canaries of the same shape give the
    same baseline byte for byte, so no fingerprint is a function of a secret."""
    written = baseline_of(capsys, tmp_path, text)
    document = json.loads(written)
    # salt and fingerprints are random hex, which four hex characters of a canary ("4abc" of
    # a SendGrid key) match by chance in about one run in a hundred: they are looked for in
    # everything else (and the byte-for-byte check below shows no fingerprint depends on one)
    fixed = json.dumps({**document, "salt": "", "entries": [{**e, "fingerprint": ""} for e in document["entries"]]})
    for secret in secrets:
        assert leaked(fixed.encode(), secret) == [], secret
    again, _ = planted(96, LEAKY[name])
    assert again != text or not re.search(r"<S\d?>", LEAKY[name])
    assert baseline_of(capsys, tmp_path, again) == written
