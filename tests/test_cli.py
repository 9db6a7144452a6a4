"""The command line: exit codes, output formats, one-line errors, cheap start-up."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from emaillint.cli import main

from helpers import AS_OF, GMAIL_465_STARTTLS, REPO

BAD = GMAIL_465_STARTTLS
CLEAN = BAD.replace("port: 465", "port: 587")
WARNING_ONLY = CLEAN.replace("    password", "    from: other@gmail.com\n    password")


@pytest.fixture
def configs(tmp_path: Path) -> Path:
    (tmp_path / "clean.yaml").write_text(CLEAN)
    (tmp_path / "bad.yml").write_text(BAD)
    (tmp_path / "notes.txt").write_text(BAD)
    nested = tmp_path / "nested"
    nested.mkdir()
    (nested / "warn.yaml").write_text(WARNING_ONLY)
    return tmp_path


def cli(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_clean_file_exits_0_with_a_summary(capsys, configs):
    code, out, err = cli(capsys, "check", str(configs / "clean.yaml"), "--as-of", AS_OF)
    assert (code, out, err) == (0, "1 file checked: no findings\n", "")


def test_findings_exit_1_in_path_line_col_form(capsys, configs):
    code, out, _ = cli(capsys, str(configs / "bad.yml"), "--as-of", AS_OF)
    assert code == 1
    assert out.splitlines()[0].startswith(f"{configs / 'bad.yml'}:5:15: error port-security-mismatch ")
    assert out.splitlines()[-1] == "1 file checked: 1 error; 1 fixable with --fix"


def test_warnings_alone_exit_0(capsys, configs):
    code, out, _ = cli(capsys, str(configs / "nested" / "warn.yaml"), "--as-of", AS_OF)
    assert code == 0
    assert " warning sender-mismatch " in out


def test_directories_are_walked_for_yaml_files_only(capsys, configs):
    code, out, _ = cli(capsys, str(configs), "--as-of", AS_OF)
    assert code == 1
    assert "notes.txt" not in out
    assert out.splitlines()[-1] == "3 files checked: 1 error, 1 warning; 1 fixable with --fix"


def test_named_files_are_linted_whatever_their_extension(capsys, configs):
    code, out, _ = cli(capsys, str(configs / "notes.txt"), "--as-of", AS_OF)
    assert code == 1 and "notes.txt:5:15: error port-security-mismatch" in out


def test_a_file_given_twice_is_linted_once(capsys, configs):
    code, out, _ = cli(capsys, str(configs / "bad.yml"), str(configs / "bad.yml"), "--as-of", AS_OF)
    assert out.splitlines()[-1] == "1 file checked: 1 error; 1 fixable with --fix"


def test_missing_path_is_a_one_line_error_and_the_rest_is_linted(capsys, configs):
    code, out, err = cli(capsys, str(configs / "nope.yaml"), str(configs / "bad.yml"), "--as-of", AS_OF)
    assert code == 2
    assert err == f"emaillint: error: {configs / 'nope.yaml'}: no such file or directory\n"
    assert "port-security-mismatch" in out


@pytest.mark.parametrize("args, message", [
    (["--format", "xml", "x.yaml"], "argument --format: invalid choice: 'xml'"),
    (["--as-of", "tomorrow", "x.yaml"], "'tomorrow' is not a date in the form YYYY-MM-DD"),
    (["--nope"], "unrecognized arguments: --nope"),
])
def test_usage_mistakes_are_one_line_and_exit_2(capsys, args, message):
    with pytest.raises(SystemExit) as exit_info:
        main(args)
    _, err = capsys.readouterr()
    assert exit_info.value.code == 2
    assert err.count("\n") == 1 and message in err


def test_json_output_has_the_spec_shape(capsys, configs):
    code, out, _ = cli(capsys, str(configs / "bad.yml"), "--format", "json", "--as-of", AS_OF)
    document = json.loads(out)
    assert code == 1 and document["version"] == 1
    assert list(document["findings"][0]) == ["path", "line", "column", "rule", "severity", "message",
                                             "account", "provider", "fix"]
    fix = document["findings"][0]["fix"]
    assert (fix["title"], fix["applicability"]) == ("write security: tls", "safe")
    [edit] = fix["edits"]
    assert (BAD[edit["start"]:edit["end"]], edit["text"]) == ("starttls", "tls")
    assert document["findings"][0]["provider"] == "gmail"
    assert document["summary"] == {"files": 1, "errors": 1, "warnings": 0, "infos": 0}


def test_stdin_is_read_with_a_dash(configs):
    result = subprocess.run([sys.executable, "-m", "emaillint", "check", "-", "--as-of", AS_OF],
                            input=BAD, capture_output=True, text=True)
    assert result.returncode == 1
    assert result.stdout.startswith("<stdin>:5:15: error port-security-mismatch")


def test_installed_console_script_runs_on_the_bundled_examples():
    script = Path(sys.executable).with_name("emaillint")
    result = subprocess.run([str(script), "examples", "--as-of", AS_OF], cwd=REPO,
                            capture_output=True, text=True)
    assert result.returncode == 1, result.stderr
    lines = result.stdout.splitlines()
    assert "examples/legacy-guide.yaml:7:15: error port-security-mismatch" in result.stdout
    assert "examples/legacy-guide-yahoo-hotmail.yaml:13:11: warning legacy-host [*] smtp.live.com" in result.stdout
    assert "examples/microsoft365-invoices.yaml:9:11: warning legacy-auth Microsoft 365 turns" in result.stdout
    assert "examples/gmail-invoices.yaml" not in result.stdout
    assert lines[-1] == "6 files checked: 8 errors, 5 warnings, 1 info; 3 fixable with --fix"
    assert result.stderr == ""


def test_version_and_help_import_neither_jsonschema_nor_plugins():
    probe = (
        "import sys\n"
        "from emaillint.cli import main\n"
        "for args in (['--version'], ['--help']):\n"
        "    try:\n"
        "        main(args)\n"
        "    except SystemExit:\n"
        "        pass\n"
        "heavy = [m for m in ('jsonschema', 'pluggy', 'email_validator', 'emaillint.plugins', 'yaml', 'pygls',\n"
        "                     'lsprotocol')\n"
        "         if m in sys.modules]\n"
        "print('HEAVY', heavy)\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert result.stdout.splitlines()[-1] == "HEAVY []"
    assert "emaillint " in result.stdout


@pytest.mark.parametrize("command, needle", [
    (["rules"], "port-security-mismatch   error"),
    (["explain", "cc-quota"], "## Use instead"),
    (["plugins"], "gmail"),
    (["providers"], "host       smtp.gmail.com: 587 starttls, 465 tls"),
    (["schema"], '"$schema": "https://json-schema.org/draft/2020-12/schema"'),
    (["schema", "--draft", "7"], '"$schema": "http://json-schema.org/draft-07/schema#"'),
])
def test_informational_commands(capsys, command, needle):
    code, out, _ = cli(capsys, *command)
    assert code == 0 and needle in out


def test_explain_unknown_rule_suggests_the_closest(capsys):
    code, _, err = cli(capsys, "explain", "cc-quotas")
    assert code == 2 and err == "emaillint: error: no rule 'cc-quotas'; write 'cc-quota'\n"


def test_no_color_is_honoured(capsys, configs, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    _, out, _ = cli(capsys, str(configs / "bad.yml"), "--color", "auto", "--as-of", AS_OF)
    assert "\033[" not in out
    _, out, _ = cli(capsys, str(configs / "bad.yml"), "--color", "always", "--as-of", AS_OF)
    assert "\033[31merror\033[0m" in out


def test_dialects_are_listed_and_can_be_forced(capsys, configs):
    code, out, _ = cli(capsys, "dialects")
    assert code == 0 and out.splitlines()[1].split()[:2] == ["emaillint", "emaillint"]
    code, out, _ = cli(capsys, str(configs / "bad.yml"), "--dialect", "emaillint", "--as-of", AS_OF)
    assert code == 1 and "port-security-mismatch" in out


def test_an_unknown_dialect_is_a_one_line_error(capsys, configs):
    code, out, err = cli(capsys, str(configs / "bad.yml"), "--dialect", "nope")
    assert code == 2 and out == ""
    assert err == ("emaillint: error: unknown dialect 'nope'; choose one of: alertmanager, alertmanager-config,"
                   " authelia, compose, discourse, emaillint, gitlab-chart, gitlab-omnibus, grafana, homeassistant,"
                   " kube-prometheus-stack, mastodon, rails, redmine, sentry, spring, synapse\n")
