"""Project configuration: discovery, precedence (command line > file > defaults), every key,
and the one-line errors for a bad configuration."""

from __future__ import annotations

import fnmatch
import subprocess
import sys
from pathlib import Path

import pytest

from emaillint import files
from emaillint.cli import main

from helpers import AS_OF, GMAIL_465_STARTTLS, finding_lines, readme_blocks

# Port 465 with STARTTLS (error, line 5) and a CC address on Gmail free (cc-quota warning,
# line 10): neither depends on the date.
MAIL = GMAIL_465_STARTTLS + "    message:\n      cc: [accounting@example.com]\n"
# Only the cc-quota warning.
WARNING_ONLY = MAIL.replace("port: 465", "port: 587")
# A plain password on Google Workspace: retired on 2024-09-30, so a warning before, an error after.
WORKSPACE_PASSWORD = """\
accounts:
  alerts:
    plan: workspace
    host: smtp.gmail.com
    port: 587
    security: starttls
    auth: password
    username: alerts@example.com
    password: ${SMTP_PASSWORD}
"""


@pytest.fixture
def project(tmp_path: Path, monkeypatch) -> Path:
    """A project directory with one mail config in mail/, as the current directory."""
    (tmp_path / "mail").mkdir()
    (tmp_path / "mail" / "invoices.yaml").write_text(MAIL)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def check(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["check", *args])
    out, err = capsys.readouterr()
    return code, out, err


def rules_in(out: str) -> list[str]:
    """The rule ids of a text report, in order."""
    return [line.split()[2] for line in finding_lines(out)]


def toml(root: Path, body: str, extra: str = "") -> None:
    (root / "pyproject.toml").write_text(f'[project]\nname = "app"\n{extra}\n[tool.emaillint]\n{body}\n')


# --- discovery ---------------------------------------------------------------------------

def test_without_a_configuration_every_rule_runs_with_its_default_severity(capsys, project):
    code, out, err = check(capsys, "mail")
    assert (code, err) == (1, "")
    assert rules_in(out) == ["port-security-mismatch", "cc-quota"]
    assert " warning cc-quota " in out


def test_pyproject_is_found_from_a_subdirectory_upwards(capsys, project, monkeypatch):
    toml(project, 'ignore = ["cc-quota"]')
    monkeypatch.chdir(project / "mail")
    code, out, _ = check(capsys, ".")
    assert rules_in(out) == ["port-security-mismatch"]


def test_emaillint_yaml_is_found_and_wins_over_pyproject_in_the_same_directory(capsys, project):
    toml(project, 'ignore = ["cc-quota"]')
    (project / ".emaillint.yaml").write_text("ignore: [port-security-mismatch]\n")
    _, out, _ = check(capsys, "mail")
    assert rules_in(out) == ["cc-quota"]


def test_the_nearest_configuration_wins(capsys, project, monkeypatch):
    toml(project, 'ignore = ["cc-quota"]')
    (project / "mail" / ".emaillint.yaml").write_text("ignore: [port-security-mismatch]\n")
    monkeypatch.chdir(project / "mail")
    _, out, _ = check(capsys, ".")
    assert rules_in(out) == ["cc-quota"]


def test_a_pyproject_without_our_table_is_passed_over(capsys, project, monkeypatch):
    toml(project, 'ignore = ["cc-quota"]')
    (project / "mail" / "pyproject.toml").write_text('[project]\nname = "emaillint-configs"\n')
    monkeypatch.chdir(project / "mail")
    _, out, _ = check(capsys, ".")
    assert rules_in(out) == ["port-security-mismatch"]


def test_config_names_a_file_explicitly_instead_of_the_nearest(capsys, project):
    toml(project, 'ignore = ["cc-quota"]')
    (project / "ci.yaml").write_text("ignore: [port-security-mismatch]\n")
    _, out, _ = check(capsys, "mail", "--config", "ci.yaml")
    assert rules_in(out) == ["cc-quota"]
    (project / "other.toml").write_text('[tool.emaillint]\nselect = ["port-security-mismatch"]\n')
    _, out, _ = check(capsys, "mail", "--config", "other.toml")
    assert rules_in(out) == ["port-security-mismatch"]


def test_a_pyproject_that_does_not_mention_emaillint_is_not_parsed():
    """Start-up: most projects have a pyproject.toml; reading ours must not import tomllib."""
    probe = (
        "import os, sys, tempfile\n"
        "from emaillint import config\n"
        "d = tempfile.mkdtemp()\n"
        "open(os.path.join(d, 'pyproject.toml'), 'w').write('[project]\\nname = \"x\"\\n')\n"
        "print(config.discover(start=d).path == '', 'tomllib' in sys.modules or 'tomli' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["True", "False"]


# --- precedence: command line > file > defaults -------------------------------------------

def test_select_in_the_file_and_on_the_command_line(capsys, project):
    toml(project, 'select = ["cc-quota"]')
    _, out, _ = check(capsys, "mail")
    assert rules_in(out) == ["cc-quota"]
    _, out, _ = check(capsys, "mail", "--select", "port-security-mismatch")
    assert rules_in(out) == ["port-security-mismatch"]


def test_select_on_the_command_line_brings_back_a_rule_the_file_ignores(capsys, project):
    toml(project, 'ignore = ["cc-quota"]')
    _, out, _ = check(capsys, "mail", "--select", "cc-quota,port-security-mismatch")
    assert rules_in(out) == ["port-security-mismatch", "cc-quota"]


def test_ignore_on_the_command_line_adds_to_the_files(capsys, project):
    toml(project, 'ignore = ["cc-quota"]')
    code, out, _ = check(capsys, "mail", "--ignore", "port-security-mismatch")
    assert (code, out) == (0, "1 file checked: no findings\n")


def test_strict_from_the_file_and_no_strict_from_the_command_line(capsys, project):
    (project / "mail" / "invoices.yaml").write_text(WARNING_ONLY)
    assert check(capsys, "mail")[0] == 0
    assert check(capsys, "mail", "--strict")[0] == 1
    toml(project, "strict = true")
    assert check(capsys, "mail")[0] == 1
    assert check(capsys, "mail", "--no-strict")[0] == 0


def test_strict_does_not_fail_on_infos(capsys, project):
    (project / "mail" / "invoices.yaml").write_text(
        WARNING_ONLY.replace("smtp.gmail.com", "relay.internal.example.com").replace("billing@gmail.com", "app"))
    code, out, _ = check(capsys, "mail", "--strict")
    assert (code, rules_in(out)) == (0, ["unknown-provider"])


def test_per_rule_severity_from_the_file(capsys, project):
    (project / "mail" / "invoices.yaml").write_text(WARNING_ONLY)
    toml(project, 'severity = {cc-quota = "error"}')
    code, out, _ = check(capsys, "mail")
    assert code == 1 and ":10:11: error cc-quota " in out


def test_severity_as_a_toml_table_and_in_yaml(capsys, project):
    (project / "mail" / "invoices.yaml").write_text(MAIL)
    toml(project, '[tool.emaillint.severity]\nport-security-mismatch = "info"\ncc-quota = "info"')
    assert check(capsys, "mail")[0] == 0
    (project / ".emaillint.yaml").write_text("severity:\n  cc-quota: error\n")
    code, out, _ = check(capsys, "mail")
    assert code == 1 and out.count(" error ") == 2


def test_as_of_from_the_file_and_from_the_command_line(capsys, project):
    (project / "mail" / "invoices.yaml").write_text(WORKSPACE_PASSWORD)
    code, out, _ = check(capsys, "mail")  # today: long after 2024-09-30
    assert (code, rules_in(out)) == (1, ["legacy-auth"])
    toml(project, "as_of = 2024-01-01")  # a TOML date
    code, out, _ = check(capsys, "mail")
    assert code == 0 and "warning legacy-auth" in out and "stops accepting" in out
    (project / ".emaillint.yaml").write_text('as_of: "2024-01-01"\n')
    assert check(capsys, "mail")[0] == 0
    code, out, _ = check(capsys, "mail", "--as-of", AS_OF)
    assert code == 1 and "error legacy-auth" in out


def test_disable_plugins_from_the_file_adds_to_the_command_line(capsys, project):
    toml(project, 'disable_plugins = ["gmail"]')
    # Without the gmail plugin nobody knows the host: core rules still run, provider rules do not.
    for args in ([], ["--disable-plugin", "yahoo"]):
        _, out, _ = check(capsys, "mail", *args)
        assert rules_in(out) == ["unknown-provider", "port-security-mismatch"]


INFORMATIONAL = {
    # command -> (what the gmail plugin adds to its output, what stays without it), with
    # runs of spaces as one: table columns widen with the longest plugin name
    "rules": ("", "port-security-mismatch"),
    "explain legacy-auth": ("Gmail (gmail):", "Yahoo Mail (yahoo):"),
    "plugins": ("gmail emaillint 0.2.0 ok", "yahoo emaillint 0.2.0 ok"),
    "providers": ("Gmail (gmail, plugin gmail)", "Yahoo Mail (yahoo, plugin yahoo)"),
    "dialects": ("spring spring", "emaillint emaillint"),
    "schema": ("", '"$schema"'),
}


def informational(capsys, command: str, *args: str) -> tuple[int, str, str]:
    code = main([*command.split(), *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("command", INFORMATIONAL)
def test_informational_commands_take_disable_plugin_and_the_files_disable_plugins(capsys, project, command):
    present, kept = INFORMATIONAL[command]
    name = "spring" if command == "dialects" else "gmail"
    code, out, err = informational(capsys, command)
    assert (code, err) == (0, "") and present in _words(out) and kept in _words(out)
    code, flagged, err = informational(capsys, command, "--disable-plugin", name)
    assert (code, err) == (0, "") and kept in _words(flagged)
    if present:
        assert present not in _words(flagged)
    (project / ".emaillint.yaml").write_text(f"disable_plugins: [{name}]\n")
    assert informational(capsys, command) == (0, flagged, "")
    if command == "plugins":
        assert f"{name} emaillint 0.2.0 disabled" in _words(flagged)


def _words(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("command", INFORMATIONAL)
def test_informational_commands_stop_at_a_bad_configuration(capsys, project, command):
    (project / ".emaillint.yaml").write_text("disable-plugins: [gmail]\n")
    assert informational(capsys, command) == (2, "", "emaillint: error: .emaillint.yaml:1:1: disable-plugins:"
                                                     " unknown key; did you mean 'disable_plugins'?\n")
    code, _, err = informational(capsys, command, "--config", "missing.toml")
    assert (code, err) == (2, "emaillint: error: --config missing.toml: no such file\n")


# --- include / exclude ---------------------------------------------------------------------

@pytest.fixture
def tree(project: Path) -> Path:
    for name in ("mail/fixtures/broken.yaml", "mail/legacy/old.yaml", "mail/relay.yml", "mail/notes.mail"):
        (project / name).parent.mkdir(parents=True, exist_ok=True)
        (project / name).write_text(MAIL)
    return project


def files_in(out: str) -> set[str]:
    return {line.split(":", 1)[0] for line in finding_lines(out)}


def test_exclude_globs_skip_directories_and_paths_in_a_walk(capsys, tree):
    toml(tree, 'exclude = ["fixtures", "mail/legacy/*.yaml"]')
    _, out, _ = check(capsys, ".")
    assert files_in(out) == {"./mail/invoices.yaml", "./mail/relay.yml"}
    assert out.splitlines()[-1].startswith("2 files checked")


def test_exclude_applies_to_named_files_so_pre_commit_agrees_with_a_walk(capsys, tree):
    toml(tree, 'exclude = ["fixtures"]')
    code, out, _ = check(capsys, "mail/fixtures/broken.yaml")
    assert (code, out) == (0, "0 files checked: no findings\n")


def test_exclude_globs_are_anchored_at_the_configuration_directory(capsys, tree, monkeypatch):
    toml(tree, 'exclude = ["mail/relay.yml", "**/old.yaml"]')
    monkeypatch.chdir(tree / "mail")
    _, out, _ = check(capsys, ".")
    assert files_in(out) == {"./invoices.yaml", "./fixtures/broken.yaml"}


def test_include_replaces_the_file_globs_of_a_walk(capsys, tree):
    (tree / ".emaillint.yaml").write_text("include: ['*.mail', 'mail/legacy/*']\n")
    _, out, _ = check(capsys, ".")
    assert files_in(out) == {"./mail/notes.mail", "./mail/legacy/old.yaml"}


def test_an_excluded_stdin_filename_is_not_linted(project, monkeypatch):
    toml(project, 'exclude = ["fixtures"]')
    command = [sys.executable, "-m", "emaillint", "check", "-", "--stdin-filename"]
    result = subprocess.run(command + ["fixtures/x.yaml"], input=MAIL, capture_output=True, text=True, cwd=project)
    assert (result.returncode, result.stdout) == (0, "0 files checked: no findings\n")
    result = subprocess.run(command + ["mail/x.yaml"], input=MAIL, capture_output=True, text=True, cwd=project)
    assert result.returncode == 1 and result.stdout.startswith("mail/x.yaml:5:15: error port-security-mismatch")


# --- errors: one line on stderr, exit 2, never a traceback ---------------------------------

BAD_CONFIGS = [
    ("pyproject.toml", '[tool.emaillint]\nselct = ["cc-quota"]\n',
     "pyproject.toml: [tool.emaillint] selct: unknown key; did you mean 'select'?"),
    ("pyproject.toml", '[tool.emaillint]\nstrict = "yes"\n',
     "pyproject.toml: [tool.emaillint] strict: expected true or false, got 'yes'"),
    ("pyproject.toml", '[tool.emaillint]\nignore = "cc-quota"\n',
     "pyproject.toml: [tool.emaillint] ignore: expected a list of rule ids, e.g. [\"cc-quota\"], got 'cc-quota'"),
    ("pyproject.toml", '[tool.emaillint]\nignore = ["cc-quotas"]\n',
     "pyproject.toml: [tool.emaillint] ignore: no rule 'cc-quotas'; write 'cc-quota'"),
    ("pyproject.toml", '[tool.emaillint]\nselect = ["acme-relay-limit"]\n',
     "pyproject.toml: [tool.emaillint] select: no rule 'acme-relay-limit'; write an id 'emaillint rules' lists"
     " (a plugin's rules need the plugin installed and enabled)"),
    ("pyproject.toml", '[tool.emaillint]\nseverity = {cc-quota = "fatal"}\n',
     "pyproject.toml: [tool.emaillint] severity: cc-quota: expected one of error, warning, info, got 'fatal'"),
    ("pyproject.toml", '[tool.emaillint]\nseverity = {cc-qouta = "error"}\n',
     "pyproject.toml: [tool.emaillint] severity: no rule 'cc-qouta'; write 'cc-quota'"),
    ("pyproject.toml", '[tool.emaillint]\nignore = ["plugin-error"]\n',
     "pyproject.toml: [tool.emaillint] ignore: plugin-error cannot be ignored, re-graded or suppressed: a failing"
     " plugin means rules did not run; disable the plugin with disable_plugins or --disable-plugin NAME"),
    ("pyproject.toml", '[tool.emaillint]\nas_of = "yesterday"\n',
     "pyproject.toml: [tool.emaillint] as_of: expected a date in the form YYYY-MM-DD, got 'yesterday'"),
    ("pyproject.toml", '[tool.emaillint]\nbaseline = ""\n',
     "pyproject.toml: [tool.emaillint] baseline: expected a file name, e.g. \"emaillint-baseline.json\", got ''"),
    ("pyproject.toml", '[tool.emaillint]\nbaseline = "missing.json"\n',
     "pyproject.toml: [tool.emaillint] baseline: missing.json: no such file; create it with"
     " 'emaillint check --write-baseline missing.json'"),
    ("pyproject.toml", "[tool.emaillint\n",
     "pyproject.toml: not valid TOML: Expected ']' at the end of a table declaration (at line 1, column 16)"),
    ("pyproject.toml", "tool.emaillint = 3\n",
     "pyproject.toml: tool.emaillint must be a table ([tool.emaillint]), not a single value"),
    (".emaillint.yaml", "strict: true\ninclude: [1]\n",
     ".emaillint.yaml:2:1: include: expected a list of file globs, e.g. [\"*.yaml\", \"mail/*.conf\"], got a list"),
    (".emaillint.yaml", "ignore: [cc-quota]\nignore: []\n",
     ".emaillint.yaml:2:1: 'ignore' is already set on line 1; YAML loaders silently keep only the last value;"
     " delete one of them"),
    (".emaillint.yaml", "select: [cc-quota\n",
     ".emaillint.yaml:2:1: not valid YAML: did not find expected ',' or ']' while parsing a flow sequence"
     " (line 1); check the quoting and indentation near here"),
    (".emaillint.yaml", "- select\n", ".emaillint.yaml:1:1: must be a mapping of settings (select:, ignore:, ...)"),
    (".emaillint.yaml", "disable-plugins: [acme]\n",
     ".emaillint.yaml:1:1: disable-plugins: unknown key; did you mean 'disable_plugins'?"),
    (".emaillint.yaml", "a: 1\n---\nb: 2\n", ".emaillint.yaml: has 2 YAML documents; keep the settings in one"),
    ("pyproject.toml", '[tool.emaillint]\ndisable_plugins = ["gmial"]\n',
     "pyproject.toml: [tool.emaillint] disable_plugins: no installed plugin is named 'gmial'; did you mean 'gmail'?"),
    ("pyproject.toml", "[tool.emaillint]\ninclude = []\n",
     "pyproject.toml: [tool.emaillint] include: an empty list would lint no file; name globs, e.g."
     " [\"*.yaml\", \"mail/*.conf\"], or leave include out for the default (*.yaml and *.yml)"),
    ("pyproject.toml", '[tool.emaillint]\nas_of = "20260101"\n',
     "pyproject.toml: [tool.emaillint] as_of: expected a date in the form YYYY-MM-DD, got '20260101'"),
    ("pyproject.toml", '[tool.emaillint]\nplugin_timeout = "fast"\n',
     "pyproject.toml: [tool.emaillint] plugin_timeout: expected a number of seconds between 0 and 3600, e.g. 10,"
     " got 'fast'"),
]


@pytest.mark.parametrize("name, text, message", BAD_CONFIGS, ids=[m.split(": ", 1)[1][:40] for _, _, m in BAD_CONFIGS])
def test_a_bad_configuration_is_one_line_and_exit_2(capsys, project, name, text, message):
    (project / name).write_text(text)
    code, out, err = check(capsys, "mail")
    assert (code, out, err) == (2, "", f"emaillint: error: {message}\n")


@pytest.mark.parametrize("args, message", [
    (["--config", "missing.toml"], "--config missing.toml: no such file"),
    (["--config", "/dev/null"], "--config /dev/null: is not a regular file (a device or a pipe); name a"
     " pyproject.toml or an .emaillint.yaml"),
    (["--config", "mail"], "--config mail: is a directory; name a pyproject.toml or an .emaillint.yaml"),
    (["--disable-plugin", "nosuch"], "--disable-plugin: no installed plugin is named 'nosuch';"
     " 'emaillint plugins' lists the installed ones"),
    (["--disable-plugin", "gmial"], "--disable-plugin: no installed plugin is named 'gmial'; did you mean 'gmail'?"),
    (["--config", "setup.toml"], "setup.toml: has no [tool.emaillint] table; add one, or name an .emaillint.yaml"),
    (["--config", "setup.cfg"], "setup.cfg: is neither a pyproject.toml nor a .yaml file; name one of those with --config"),
    (["--select", "cc-quotas"], "--select: no rule 'cc-quotas'; write 'cc-quota'"),
    (["--ignore", "cc-quota,plugin-error"], "--ignore: plugin-error cannot be ignored, re-graded or suppressed: a"
     " failing plugin means rules did not run; disable the plugin with disable_plugins or --disable-plugin NAME"),
])
def test_bad_command_line_settings_are_one_line_and_exit_2(capsys, project, args, message):
    (project / "setup.toml").write_text('[project]\nname = "emaillint"\n')
    (project / "setup.cfg").write_text("[emaillint]\n")
    code, out, err = check(capsys, "mail", *args)
    assert (code, out, err) == (2, "", f"emaillint: error: {message}\n")


@pytest.mark.parametrize("args, message", [
    (["--as-of", "20260101"], "argument --as-of: '20260101' is not a date in the form YYYY-MM-DD"),
    (["--as-of", "2026W011"], "argument --as-of: '2026W011' is not a date in the form YYYY-MM-DD"),
    (["--plugin-timeout", "0"], "argument --plugin-timeout: '0' is not a number of seconds between 0 and 3600"),
])
def test_options_that_take_a_form_refuse_any_other(capsys, project, args, message):
    with pytest.raises(SystemExit) as exit:
        main(["mail", *args])
    assert exit.value.code == 2
    assert capsys.readouterr().err == f"emaillint: error: {message} (see 'emaillint check --help')\n"


def test_a_utf16_emaillint_yaml_and_a_pyproject_with_a_byte_order_mark_are_read(capsys, project):
    (project / ".emaillint.yaml").write_bytes("ignore: [cc-quota]\n".encode("utf-16"))
    code, out, err = check(capsys, "mail")
    assert (code, err) == (1, "") and "cc-quota" not in out and "port-security-mismatch" in out
    (project / ".emaillint.yaml").unlink()
    (project / "pyproject.toml").write_bytes(b"\xef\xbb\xbf[tool.emaillint]\nignore = [\"cc-quota\"]\n")
    code, out, err = check(capsys, "mail")
    assert (code, err) == (1, "") and "cc-quota" not in out and "port-security-mismatch" in out


def test_an_informational_command_after_the_shared_options_is_the_command(capsys, project):
    assert main(["--disable-plugin", "gmail", "explain", "cc-quota"]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("cc-quota (warning, from plugin emaillint)") and err == ""
    assert main(["--plugin-timeout=2", "--disable-plugin", "nosuch", "rules"]) == 2
    assert capsys.readouterr().err == ("emaillint: error: --disable-plugin: no installed plugin is named 'nosuch';"
                                       " 'emaillint plugins' lists the installed ones\n")


def test_a_bad_configuration_never_prints_a_traceback(project):
    (project / "pyproject.toml").write_bytes(b"[tool.emaillint]\nselect = [\"\xff\"]\n")
    result = subprocess.run([sys.executable, "-m", "emaillint", "mail"], capture_output=True, text=True, cwd=project)
    assert result.returncode == 2
    assert result.stderr == "emaillint: error: pyproject.toml: cannot be read: not UTF-8 text\n"


def test_the_documented_configuration_examples_are_valid_and_say_the_same(capsys, project):
    [toml_example] = readme_blocks("The configuration file", "toml", "docs/configuration.md")
    [yaml_example] = readme_blocks("The configuration file", "yaml", "docs/configuration.md")
    (project / "pyproject.toml").write_text(toml_example)
    (project / "example.yaml").write_text(yaml_example)
    from emaillint import config

    from_toml = config.read("pyproject.toml")
    from_yaml = config.read("example.yaml")
    assert from_toml is not None and from_toml.select
    assert from_toml._replace(path="", origins={}) == from_yaml._replace(path="", origins={})
    for args in ([], ["--config", "example.yaml"]):
        code, out, err = check(capsys, "mail", *args)
        assert (code, err) == (1, "")  # strict, and cc-quota graded error
        assert rules_in(out) == ["port-security-mismatch", "cc-quota"] and " error cc-quota " in out


GLOBS = ("fixtures", "*.yml", "bad-?.yaml", "[ab]*.yaml", "tests/bad-*.yaml", "deploy/**/mail.yaml", "**/vendor/",
         "./build/*", "docs/")


@pytest.mark.parametrize("name, relative", [
    ("fixtures", "a/fixtures"), ("x.yml", "x.yml"), ("bad-1.yaml", "bad-1.yaml"), ("bad-10.yaml", "bad-10.yaml"),
    ("a.yaml", "q/a.yaml"), ("c.yaml", "c.yaml"), ("bad-x.yaml", "tests/bad-x.yaml"), ("mail.yaml", "deploy/mail.yaml"),
    ("mail.yaml", "deploy/eu/prod/mail.yaml"), ("vendor", "vendor"), ("vendor", "lib/vendor"), ("o.yaml", "build/o.yaml"),
    ("docs", "docs"), ("docs", "site/docs"), ("FIXTURES", "FIXTURES"), ("x.yml\n", "x.yml\n"),
])
def test_globs_match_as_fnmatchcase_does_one_glob_at_a_time(name, relative):
    def one_at_a_time():
        for glob in GLOBS:
            glob = glob.rstrip("/")
            if "/" not in glob:
                if fnmatch.fnmatchcase(name, glob):
                    return True
            else:
                glob = glob.removeprefix("./")
                if fnmatch.fnmatchcase(relative, glob) or (glob.startswith("**/") and fnmatch.fnmatchcase(relative, glob[3:])):
                    return True
        return False

    assert files.matches(name, relative, GLOBS) == one_at_a_time()
