"""Suppressions beyond the data-driven cases (tests/cases/suppressions.yaml): what they
cannot hide, how they meet rule selection, and standard input."""

from __future__ import annotations

import subprocess
import sys

from emaillint.api import ERROR, Rule, hookimpl
from emaillint.cli import main
from emaillint.suppressions import scan
from emaillint.testing import lint

from helpers import AS_OF, readme_blocks

MAIL = """\
accounts:
  invoices:
    host: smtp.gmail.com
    port: 465
    security: starttls  # emaillint: disable=port-security-mismatch
    auth: app-password
    username: billing@gmail.com
    password: ${SMTP_PASSWORD}
"""


class RaisingPlugin:
    """A plugin whose rule raises on every account: a plugin-error at the account's key."""

    name = "raising"

    @staticmethod
    def check(account, context):
        raise KeyError("username")

    @hookimpl
    def emaillint_rules(self):
        return [Rule("raising-rule", ERROR, "always raises", "Raises.", self.check)]


def test_plugin_error_cannot_be_suppressed_and_the_attempt_is_reported():
    findings = lint("""\
        accounts:
          invoices:  # emaillint: disable=plugin-error,raising-rule
            host: smtp.gmail.com
            port: 587
            security: starttls
        # emaillint: disable-file=plugin-error
        """, plugins=[RaisingPlugin()], as_of=AS_OF)
    assert sorted((f.rule, f.line) for f in findings) == [
        ("plugin-error", 2), ("unused-suppression", 2), ("unused-suppression", 2), ("unused-suppression", 6)]
    messages = [f.message for f in findings if f.rule == "unused-suppression"]
    assert sum("plugin-error cannot be suppressed" in m for m in messages) == 2
    assert sum("disable the plugin with disable_plugins" in f.help for f in findings) == 2
    assert any("no raising-rule finding on this line" in m for m in messages)


def test_a_suppression_of_a_rule_the_run_does_not_report_is_not_stale(capsys, tmp_path):
    (tmp_path / "ok.yaml").write_text(MAIL.replace("465", "587"))
    code = main(["check", str(tmp_path / "ok.yaml"), "--ignore", "port-security-mismatch", "--as-of", AS_OF])
    assert (code, capsys.readouterr().out) == (0, "1 file checked: no findings\n")
    code = main(["check", str(tmp_path / "ok.yaml"), "--as-of", AS_OF])
    assert code == 0 and " warning unused-suppression " in capsys.readouterr().out
    code = main(["check", str(tmp_path / "ok.yaml"), "--as-of", AS_OF, "--strict"])
    assert code == 1


def test_suppressions_apply_to_standard_input_under_its_stdin_filename():
    result = subprocess.run([sys.executable, "-m", "emaillint", "check", "-", "--stdin-filename", "mail/a.yaml",
                             "--as-of", AS_OF, "--format", "text"], input=MAIL, capture_output=True, text=True)
    assert (result.returncode, result.stdout, result.stderr) == (0, "1 file checked: no findings\n", "")
    result = subprocess.run([sys.executable, "-m", "emaillint", "check", "-", "--stdin-filename", "mail/a.yaml",
                             "--as-of", AS_OF, "--format", "text"], input=MAIL.replace("  # emaillint", "  # note"),
                            capture_output=True, text=True)
    assert result.returncode == 1 and result.stdout.startswith("mail/a.yaml:5:15: error port-security-mismatch")


def test_scan_reads_only_real_comments():
    text = (
        "a: 'x # emaillint: disable=q'  # emaillint: disable=r reason\n"
        "b: |\n"
        "  # emaillint: disable=s\n"
        "c: x#emaillint: disable=t\n"
        "# emaillint: disable-file=u, v\n"
    )
    directives = scan(text)
    assert [(d.line, d.column, d.kind, d.rules, d.alone) for d in directives] == [
        (1, 32, "disable", ("r",), False),
        (5, 1, "disable-file", ("u", "v"), True),
    ]
    assert directives[1].text == "# emaillint: disable-file=u, v"


def test_the_rules_command_lists_unused_suppression_and_explain_explains_it(capsys):
    assert main(["rules"]) == 0
    row = next(line for line in capsys.readouterr().out.splitlines() if line.startswith("unused-suppression "))
    assert row.split()[1:3] == ["warning", "emaillint"]
    assert main(["explain", "unused-suppression"]) == 0
    out = capsys.readouterr().out
    for section in ("## What it does", "## Why is this bad", "## Example", "## Use instead"):
        assert section in out


def test_the_documented_suppression_example_suppresses_everything_it_names():
    [example] = readme_blocks("Suppressing a finding", "yaml", "docs/configuration.md")
    assert lint(example, as_of=AS_OF) == []
    bare = "\n".join(line.partition("  # emaillint")[0] for line in example.splitlines()
                     if not line.startswith("# emaillint"))
    assert sorted(f.rule for f in lint(bare, as_of=AS_OF)) == ["cc-quota", "port-security-mismatch", "sender-mismatch"]
