"""The plugin boundary, tried with real hostile distributions (tests/integration/dists) built
into wheels and installed by pip: a plugin that hangs, prints, exits, returns the wrong
thing from every hook, points outside the file, ships bad provider data, changes the
account or offers fixes that cannot be applied. For each, the run completes, the other plugins' findings are unchanged, the
offender is named, and JSON and SARIF output still parse (SARIF valid against its schema)."""

from __future__ import annotations

import json

import pytest

from helpers import AS_OF
from test_plugin_distributions import CONFIG, HOSTILE, emaillint
from test_reports import assert_valid_sarif

pytestmark = pytest.mark.integration

TIMEOUT = "0.5"
"""--plugin-timeout for these runs: a hang costs half a second."""
OWN_FILES = {
    "outofrange": "\n---\n".join(f"outofrange: {mode}" for mode in (
        "negative line", "line zero", "line past the end", "path never linted", "severity fatal", "unknown rule")),
    "mutating": "accounts:\n  tagged:\n    host: smtp.gmail.com\n    port: 587\n    security: starttls\n"
                "    auth: app-password\n    username: tagged@gmail.com\n    mutating_tags: [a, b]\n",
    "badfix": "badfix: a document only the badfix dialect reads\n",
}
"""Files only one plugin reads: its dialect's documents, or an account with its key."""
EXPECTED = {
    "hang": ["rule 'hang-sleep' did not return within 0.5 s, so it is skipped for the rest of the run",
             "rule 'hang-yield' raised on account 'invoices': TypeError: check() yielded more than 1000 problems",
             "rule 'hang-finish' did not return within 0.5 s"],
    "printing": [],
    "exiting": ["emaillint_providers() raised SystemExit: no providers today",
                "rule 'exiting-exit' raised on account 'invoices': SystemExit: 3",
                "rule 'exiting-generator' raised on account 'invoices': GeneratorExit",
                "rule 'exiting-interrupt' raised on account 'invoices': KeyboardInterrupt"],
    "malformed": ["emaillint_rules() returned a str where emaillint expects Rule objects",
                  "emaillint_providers() returned a dict where emaillint expects Provider objects",
                  "emaillint_dialects() returned a str where emaillint expects Dialect objects",
                  "emaillint_schema_properties() returned a list where emaillint expects a dict",
                  "rule 'malformed-problem' raised on account 'invoices': TypeError: check() yielded a malformed dict",
                  "rule 'malformed-none-path' finish() returned a finding for None, which is not a file this run lints",
                  "rule 'malformed-dict' finish() returned a dict where a Finding (from emaillint.api) belongs",
                  "rule 'malformed-text-line' finish() returned a finding of config.yaml ('3', 1), which is not a"
                  " Position(line, column)"],
    "outofrange": ["read() gave account 'a' a position for itself at line -3, column 1, outside the file",
                   "read() gave account 'a' a position for host at line 0, column 5, outside the file",
                   "read() returned a finding of outofrange.yaml at line 1000000000, column 1, outside the file",
                   "read() returned a finding for '/etc/passwd', which is not a file this run lints",
                   "read() returned a finding with severity 'fatal'",
                   "read() returned a finding of rule 'nosuch-rule', which no plugin defines"],
    "badprovider": ["provider 'lots-relay': Plan 'free': recipients_per_day must be a number or None, not a str ('lots')",
                    "provider 'text-port-relay': Endpoint '587': port must be a number, not a str ('587')"],
    "mutating": [f"rule 'mutating-{name}' raised on account 'tagged'"
                 for name in ("extra", "extra-list", "positions", "unexpanded", "spelling")],
    "badfix": [f"{what} offered a fix that cannot be applied, so its badfix-{name} finding is reported without it: {why}"
               for what, name, why in (
                   ("rule 'badfix-negative'", "negative", "edit 1 replaces characters -5 to 2, not a range of the"
                                                          " file's 0 to 255"),
                   ("rule 'badfix-past-end'", "past-end", "edit 1 replaces characters 0 to 1000000000"),
                   ("rule 'badfix-backwards'", "backwards", "edit 1 replaces characters 10 to 5"),
                   ("rule 'badfix-overlap'", "overlap", "its edits overlap each other"),
                   ("rule 'badfix-number-text'", "number-text", "edit 1 writes an int; its text must be a string"),
                   ("rule 'badfix-text-offsets'", "text-offsets", "edit 1 runs from '0' to '1'"),
                   ("rule 'badfix-applicability'", "applicability", "its applicability is 'always'"),
                   ("rule 'badfix-title'", "title", "its title is None"),
                   ("rule 'badfix-no-edits'", "no-edits", "its edits are ()"),
                   ("rule 'badfix-not-a-fix'", "not-a-fix", "the fix is a str"),
                   ("dialect 'badfix'", "dialect", "edit 1 replaces characters 48 to 149, not a range of the"
                                                   " file's 0 to 49"),
                   ("rule 'badfix-finish'", "finish", "edit 1 replaces characters 3 to 1"))],
}


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    (root / "config.yaml").write_text(CONFIG)
    return root


def lint(bin_dir, plugins_dir, root, fmt, only=()):
    files = ["config.yaml", *(f"{name}.yaml" for name in only if name in OWN_FILES)]
    for name in only:
        if name in OWN_FILES:
            (root / f"{name}.yaml").write_text(OWN_FILES[name])
    return emaillint(bin_dir, *files, "--format", fmt, "--as-of", AS_OF, "--plugin-timeout", TIMEOUT,
                     cwd=root, plugins_dir=plugins_dir, only=only)


@pytest.fixture(scope="module")
def clean(fresh_venv, test_plugins, project):
    """The findings on config.yaml with every hostile plugin turned off."""
    result = lint(fresh_venv, test_plugins, project, "json")
    assert result.returncode == 1, result.stderr
    return [f for f in json.loads(result.stdout)["findings"] if f["path"] == "config.yaml"]


@pytest.mark.parametrize("name", HOSTILE)
def test_a_hostile_plugin_is_named_and_the_run_completes_unchanged(fresh_venv, test_plugins, project, clean, name):
    result = lint(fresh_venv, test_plugins, project, "json", only=[name])
    assert "Traceback" not in result.stderr
    findings = json.loads(result.stdout)["findings"]  # nothing the plugin printed is in the way
    errors = [f["message"] for f in findings if f["rule"] == "plugin-error"]
    assert result.returncode == (2 if EXPECTED[name] else 1), result.stderr
    label = f"plugin '{name}' (emaillint-{name} 0.1.0): "
    assert all(message.startswith(label) for message in errors), errors
    for expected in EXPECTED[name]:
        assert any(expected in message for message in errors), (expected, errors)
    for finding in findings:
        assert finding["line"] >= 1 and finding["column"] >= 1 and finding["severity"] in ("error", "warning", "info")
        assert finding["path"] in ("<plugins>", "config.yaml", f"{name}.yaml")
    others = [f for f in findings if f["path"] == "config.yaml" and f["rule"] != "plugin-error"
              and not f["rule"].startswith(f"{name}-")]
    assert others == clean
    sarif = lint(fresh_venv, test_plugins, project, "sarif", only=[name])
    assert sarif.returncode == result.returncode and "Traceback" not in sarif.stderr
    assert_valid_sarif(json.loads(sarif.stdout))


def test_what_a_plugin_prints_goes_to_standard_error(fresh_venv, test_plugins, project):
    result = lint(fresh_venv, test_plugins, project, "json", only=["printing"])
    assert [f["message"] for f in json.loads(result.stdout)["findings"] if f["rule"] == "printing-rule"] \
        == ["printed and reported"] * 2
    for line in ("printing: imported", "printing: rules", "printing: checking invoices", "printing: finishing"):
        assert line in result.stderr.splitlines()


def test_no_rule_sees_what_another_rule_tried_to_change(fresh_venv, test_plugins, project):
    result = lint(fresh_venv, test_plugins, project, "json", only=["mutating"])
    [seen] = [f["message"] for f in json.loads(result.stdout)["findings"]
              if f["rule"] == "mutating-observer" and f["path"] == "mutating.yaml"]
    assert seen == "sees (('a', 'b'), Position(line=3, column=11), {}, 'port: 1')"


def test_a_fix_that_cannot_be_applied_is_dropped_and_its_finding_stays(fresh_venv, test_plugins, tmp_path):
    """Every finding of the badfix plugin is reported without its fix, in every format; --diff
    and --fix change only what the other plugins' fixes change."""
    (tmp_path / "config.yaml").write_text(CONFIG)
    reported = lint(fresh_venv, test_plugins, tmp_path, "json", only=["badfix"])
    findings = json.loads(reported.stdout)["findings"]
    bad = [f for f in findings if f["rule"].startswith("badfix-")]
    assert len(bad) == 2 * 10 + 2 and not any("fix" in f for f in bad)  # ten rules on two accounts, dialect, finish
    assert [f["rule"] for f in findings if "fix" in f] == ["port-security-mismatch"]
    run = [sarif["results"] for sarif in json.loads(lint(fresh_venv, test_plugins, tmp_path, "sarif",
                                                         only=["badfix"]).stdout)["runs"]]
    assert [r["ruleId"] for results in run for r in results if "fixes" in r] == ["port-security-mismatch"]
    diff = emaillint(fresh_venv, "config.yaml", "badfix.yaml", "--diff", "--as-of", AS_OF, cwd=tmp_path,
                     plugins_dir=test_plugins, only=["badfix"])
    assert "Traceback" not in diff.stderr and diff.returncode == 1, diff.stderr
    assert [line for line in diff.stdout.splitlines() if line[:1] in "+-" and line[:3] not in ("+++", "---")] == [
        "-    security: starttls", "+    security: tls"]
    fixed = emaillint(fresh_venv, "config.yaml", "badfix.yaml", "--fix", "--as-of", AS_OF, cwd=tmp_path,
                      plugins_dir=test_plugins, only=["badfix"])
    assert "Traceback" not in fixed.stderr and fixed.returncode == 2, fixed.stderr  # the plugin-errors remain
    assert (tmp_path / "config.yaml").read_text() == CONFIG.replace("security: starttls\n    auth: app-password\n"
                                                                    "    username: billing",
                                                                    "security: tls\n    auth: app-password\n"
                                                                    "    username: billing")
    assert (tmp_path / "badfix.yaml").read_text() == OWN_FILES["badfix"]
