"""Output formats for CI: SARIF 2.1.0 (validated against the official schema) and GitHub
workflow annotations (asserted byte for byte, escaping included)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from emaillint.cli import main

from helpers import AS_OF, GMAIL_465_STARTTLS, SHARED

SARIF_SCHEMA = SHARED / "schemas" / "sarif-schema-2.1.0.json"

MAIL = GMAIL_465_STARTTLS + """\
  relay:
    host: smtp.acme.example
    port: 587
    security: starttls
"""

ACME_PLUGIN = '''
"""A third-party plugin with one rule, installed as a distribution that declares its docs."""
from emaillint.api import WARNING, Problem, Rule, hookimpl

EXPLANATION = """Acme retired its old relay.

## What it does
Reports smtp.acme.example.

## Why is this bad
It no longer accepts mail.

## Example
host: smtp.acme.example

## Use instead
host: mail.acme.example
"""


def check(account, context):
    if account.host == "smtp.acme.example":
        yield Problem("host", "smtp.acme.example is retired; write host: mail.acme.example")


@hookimpl
def emaillint_rules():
    return [Rule("acme-retired-relay", WARNING, "the retired Acme relay", EXPLANATION, check)]
'''


@pytest.fixture
def site(tmp_path: Path, monkeypatch) -> Path:
    """Two plugin distributions on sys.path, found through the entry-point scan like any
    installed plugin: acme_mail (a rule, a Documentation URL) and broken_mail (its module
    does not exist, so it fails to load)."""
    root = tmp_path / "site"
    root.mkdir()
    (root / "acme_mail_plugin.py").write_text(ACME_PLUGIN)
    for dist, module, urls in (("acme_mail", "acme_mail_plugin", "Project-URL: Documentation, https://acme.example/emaillint\n"),
                               ("broken_mail", "broken_mail_plugin_missing", "")):
        info = root / f"{dist}-1.0.dist-info"
        info.mkdir()
        (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {dist.replace('_', '-')}\nVersion: 1.0\n{urls}")
        (info / "entry_points.txt").write_text(f"[emaillint]\n{dist.split('_')[0]} = {module}\n")
    monkeypatch.syspath_prepend(str(root))
    yield root
    sys.modules.pop("acme_mail_plugin", None)


def sarif(capsys, *args: str) -> tuple[int, dict]:
    code = main(["check", "--format", "sarif", "--as-of", AS_OF, *args])
    out, err = capsys.readouterr()
    return code, json.loads(out)


def assert_valid_sarif(document: dict) -> None:
    if not SARIF_SCHEMA.is_file():
        pytest.skip(f"{SARIF_SCHEMA} is absent (the shared folder sits beside the clone in CI)")
    from jsonschema import Draft4Validator

    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    Draft4Validator.check_schema(schema)
    errors = sorted(Draft4Validator(schema).iter_errors(document), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors)


def test_sarif_validates_and_carries_rules_results_and_plugin_failures(capsys, tmp_path, site, monkeypatch):
    (tmp_path / "mail").mkdir()
    (tmp_path / "mail" / "invoices.yaml").write_text(MAIL)
    (tmp_path / "absolute.yaml").write_text(MAIL.split("  relay:")[0])
    monkeypatch.chdir(tmp_path)
    code, document = sarif(capsys, "mail", str(tmp_path / "absolute.yaml"))
    assert_valid_sarif(document)
    assert code == 2  # the broken plugin

    run = document["runs"][0]
    assert document["version"] == "2.1.0" and run["columnKind"] == "unicodeCodePoints"
    rules = run["tool"]["driver"]["rules"]
    by_id = {rule["id"]: rule for rule in rules}
    assert {"port-security-mismatch", "cc-quota", "unused-suppression", "acme-retired-relay"} <= set(by_id)
    acme = by_id["acme-retired-relay"]
    assert acme["shortDescription"] == {"text": "the retired Acme relay"}
    assert acme["fullDescription"] == {"text": "Acme retired its old relay."}
    assert acme["help"]["text"].startswith("Acme retired its old relay.\n\n## What it does\n")
    assert acme["helpUri"] == "https://acme.example/emaillint"
    assert acme["defaultConfiguration"] == {"level": "warning"} and acme["properties"] == {"plugin": "acme"}
    mismatch = by_id["port-security-mismatch"]
    assert "## Use instead" in mismatch["help"]["markdown"] and mismatch["defaultConfiguration"]["level"] == "error"

    results = {(r["ruleId"], r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]): r
               for r in run["results"]}
    relative = results[("port-security-mismatch", "mail/invoices.yaml")]
    assert relative["level"] == "error" and relative["message"]["text"].startswith("port 465 expects TLS")
    assert relative["locations"][0]["physicalLocation"]["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
    assert relative["locations"][0]["physicalLocation"]["region"] == {"startLine": 5, "startColumn": 15}
    assert rules[relative["ruleIndex"]]["id"] == "port-security-mismatch"
    assert relative["properties"] == {"account": "invoices", "provider": "gmail"}
    assert ("port-security-mismatch", (tmp_path / "absolute.yaml").as_uri()) in results
    acme_result = results[("acme-retired-relay", "mail/invoices.yaml")]
    assert acme_result["level"] == "warning"
    assert acme_result["locations"][0]["physicalLocation"]["region"] == {"startLine": 10, "startColumn": 11}
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == tmp_path.as_uri() + "/"

    invocation = run["invocations"][0]
    assert invocation["executionSuccessful"] is False
    [notification] = invocation["toolExecutionNotifications"]
    assert notification["level"] == "error" and notification["descriptor"] == {"id": "plugin-error"}
    assert notification["message"]["text"].startswith("plugin 'broken' (broken-mail 1.0): failed to load: ModuleNotFoundError")


def test_sarif_of_a_clean_run_validates_and_describes_the_configured_rules(capsys, tmp_path, monkeypatch):
    (tmp_path / "ok.yaml").write_text(MAIL.split("  relay:")[0].replace("465", "587"))
    (tmp_path / ".emaillint.yaml").write_text("ignore: [cc-quota]\nseverity: {legacy-host: error}\n")
    monkeypatch.chdir(tmp_path)
    code, document = sarif(capsys, ".")
    assert_valid_sarif(document)
    run = document["runs"][0]
    assert code == 0 and run["results"] == [] and run["invocations"] == [{"executionSuccessful": True}]
    levels = {rule["id"]: rule["defaultConfiguration"]["level"] for rule in run["tool"]["driver"]["rules"]}
    assert "cc-quota" not in levels and levels["legacy-host"] == "error" and levels["unknown-provider"] == "note"


def test_sarif_names_stdin_by_its_stdin_filename(tmp_path):
    result = subprocess.run([sys.executable, "-m", "emaillint", "-", "--stdin-filename", "mail/a b.yaml",
                             "--format", "sarif", "--as-of", AS_OF],
                            input=MAIL.split("  relay:")[0], capture_output=True, text=True, cwd=tmp_path)
    document = json.loads(result.stdout)
    assert_valid_sarif(document)
    [finding] = document["runs"][0]["results"]
    assert finding["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "mail/a%20b.yaml"


# --- GitHub annotations -------------------------------------------------------------------

ODD = 'accounts:\n  "in,voi:ces":\n    host: "relay%25.example.com"\n    port: 587\n    security: starttls\n    "hots\\r\\nt": 1\n'


def test_github_annotations_escape_data_and_properties_byte_for_byte(capsys, tmp_path, monkeypatch):
    """'%', ':' and ',' in the path (a property and the message) and in the messages; CR LF in a key,
    which the schema message shows escaped."""
    (tmp_path / "50%,a:b.yaml").write_text(ODD)
    monkeypatch.chdir(tmp_path)
    code = main(["check", "./50%,a:b.yaml", "--format", "github", "--as-of", AS_OF])
    out = capsys.readouterr().out
    assert code == 1
    assert out == (
        "::notice file=50%25%2Ca%3Ab.yaml,line=3,col=11,title=emaillint (unknown-provider)::50%25,a:b.yaml:3:11:"
        " unknown-provider no installed plugin knows relay%2525.example.com: provider rules are skipped%0Ainstall a"
        " provider plugin for relay%2525.example.com, or name an installed one with provider: (emaillint plugins"
        " lists them)\n"
        "::error file=50%25%2Ca%3Ab.yaml,line=6,col=5,title=emaillint (schema)::50%25,a:b.yaml:6:5: schema"
        " accounts.in,voi:ces.hots\\r\\nt: unknown key%0Awrite host instead of hots\\r\\nt\n"
        "1 file checked: 1 error, 1 info\n"
    )


def test_github_annotations_escape_line_breaks_a_plugin_writes():
    """Built-in messages show line breaks escaped; a plugin's message may still carry them."""
    from emaillint.model import Finding
    from emaillint.report.github import annotation

    finding = Finding("a.yaml", 2, 3, "acme-rule", "warning", "first line\r\nsecond: 100%", "x,y")
    assert annotation(finding) == ("::warning file=a.yaml,line=2,col=3,title=emaillint (acme-rule)::a.yaml:2:3:"
                                   " acme-rule first line%0D%0Asecond: 100%25")


def test_github_annotation_for_a_plugin_that_failed_to_load_has_no_file(capsys, tmp_path, site, monkeypatch):
    (tmp_path / "ok.yaml").write_text(MAIL.split("  relay:")[0].replace("465", "587"))
    monkeypatch.chdir(tmp_path)
    code = main(["check", "ok.yaml", "--format", "github", "--as-of", AS_OF])
    out = capsys.readouterr().out
    assert code == 2
    first, summary = out.splitlines()
    assert first.startswith("::error title=emaillint (plugin-error)::plugin-error plugin 'broken' (broken-mail 1.0):"
                            " failed to load: ModuleNotFoundError")
    assert summary == "1 file checked: 1 error"


@pytest.mark.parametrize("environment, expected", [
    ({"GITHUB_ACTIONS": "true", "GITHUB_WORKFLOW": "ci"}, "::error file=bad.yaml,line=5,col=15,"),
    ({}, "bad.yaml:5:15: error port-security-mismatch "),
])
def test_format_auto_is_github_inside_github_actions(tmp_path, environment, expected):
    (tmp_path / "bad.yaml").write_text(MAIL.split("  relay:")[0])
    env = {k: v for k, v in os.environ.items() if not k.startswith("GITHUB_")} | environment
    result = subprocess.run([sys.executable, "-m", "emaillint", "bad.yaml", "--as-of", AS_OF],
                            capture_output=True, text=True, cwd=tmp_path, env=env)
    assert result.returncode == 1 and result.stdout.startswith(expected)


def test_text_output_keeps_one_finding_per_line_when_a_message_quotes_a_line_break(capsys, tmp_path, monkeypatch):
    (tmp_path / "odd.yaml").write_text(ODD)
    monkeypatch.chdir(tmp_path)
    main(["check", "odd.yaml", "--as-of", AS_OF])
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 5  # two findings, each with its help on the next line, and the summary
    assert lines[2:4] == [r"odd.yaml:6:5: error schema accounts.in,voi:ces.hots\r\nt: unknown key",
                          r"    help: write host instead of hots\r\nt"]


def test_a_line_break_any_rule_quotes_stays_escaped_in_every_format(tmp_path):
    """The engine keeps each message on one line, whoever wrote it (here: unknown-provider)."""
    from emaillint import testing

    findings = testing.lint('accounts:\n  relay:\n    host: "mail\\nexample.com"\n    port: 25\n'
                            "    security: starttls\n    auth: none\n", as_of=AS_OF)
    [unknown] = [f for f in findings if f.rule == "unknown-provider"]
    assert "mail\\nexample.com" in unknown.message and "\n" not in unknown.message + unknown.help


def test_details_show_in_json_and_sarif_properties_and_nowhere_else():
    from io import StringIO

    from emaillint.model import Finding
    from emaillint.report import Report, Summary, render

    details = {"greeting": "mail.example.test ESMTP", "size": 35882577, "mechanisms": ["PLAIN", "LOGIN"]}
    plain = Finding("mail.yaml", 4, 11, "probe-auth", "info", "offers AUTH PLAIN LOGIN", "relay")
    detailed = plain._replace(details=details)
    outputs = {}
    for name in ("text", "json", "sarif", "github"):
        for finding in (plain, detailed):
            stream = StringIO()
            render(name, Report([finding], Summary.of([finding], 1)), stream)
            outputs[name, finding is detailed] = stream.getvalue()
    assert outputs["text", True] == outputs["text", False]
    assert outputs["github", True] == outputs["github", False]
    assert "details" not in json.loads(outputs["json", False])["findings"][0]
    assert json.loads(outputs["json", True])["findings"][0]["details"] == details
    result = json.loads(outputs["sarif", True])["runs"][0]["results"][0]
    assert result["properties"] == {"account": "relay", "details": details}
    assert "details" not in json.loads(outputs["sarif", False])["runs"][0]["results"][0]["properties"]
