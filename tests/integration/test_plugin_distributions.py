"""Real plugin distributions, built into wheels and installed by pip, seen through the
installed ``emaillint`` command: the example iCloud plugin in the virtualenv itself, and
three misbehaving test plugins (tests/integration/dists) on PYTHONPATH."""

from __future__ import annotations

import os
import subprocess

import pytest

from helpers import AS_OF, BUILTIN_PLUGINS

pytestmark = pytest.mark.integration

MISBEHAVING = ("broken", "raising", "clash")
HOSTILE = ("hang", "printing", "exiting", "malformed", "outofrange", "badprovider", "mutating", "badfix")
"""The plugin boundary's hostile plugins (test_hostile_plugins.py): turned off here unless named."""

CONFIG = """\
accounts:
  invoices:
    host: smtp.gmail.com
    port: 465
    security: starttls
    auth: app-password
    username: billing@gmail.com
  alerts:
    host: smtp.mail.me.com
    port: 587
    security: starttls
    auth: app-password
    username: jane
"""
GMAIL_FINDING = "config.yaml:5:15: error port-security-mismatch "
ICLOUD_FINDING = ("config.yaml:13:15: error icloud-username iCloud's SMTP server signs in with the full"
                  " address, not the name part 'jane' (that is the IMAP username); write username:"
                  " jane@icloud.com")


def emaillint(bin_dir, *args, cwd, plugins_dir=None, only=()):
    """Run the installed command; with ``plugins_dir``, the test plugins not in ``only`` are disabled."""
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)
    flags: list[str] = []
    if plugins_dir is not None:
        env["PYTHONPATH"] = str(plugins_dir)
        for name in MISBEHAVING + HOSTILE:
            if name not in only:
                flags += ["--disable-plugin", name]
    return subprocess.run([str(bin_dir / "emaillint"), *args, *flags], capture_output=True, text=True,
                          cwd=cwd, env=env)


@pytest.fixture
def config(tmp_path):
    (tmp_path / "config.yaml").write_text(CONFIG)
    return tmp_path


def test_the_example_plugin_is_listed_with_its_version(icloud_venv, tmp_path):
    result = emaillint(icloud_venv, "plugins", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    rows = {line.split()[0]: line.split()[1:] for line in result.stdout.splitlines()[1:]}
    assert rows["icloud"] == ["emaillint-icloud", "1.0.0", "ok"]
    assert rows["gmail"] == ["emaillint", "0.2.0", "ok"]


def test_the_example_plugins_provider_and_rule_fire(icloud_venv, config):
    result = emaillint(icloud_venv, "config.yaml", "--as-of", AS_OF, cwd=config)
    assert result.returncode == 1, result.stderr
    assert result.stdout.splitlines() == [
        GMAIL_FINDING + "[*] port 465 expects TLS from the first byte: plain text (security: starttls) hangs until it"
                        " times out",
        "    help: write security: tls, or use port: 587 with security: starttls",
        ICLOUD_FINDING,
        "1 file checked: 2 errors; 1 fixable with --fix",
    ]
    explained = emaillint(icloud_venv, "explain", "icloud-username", cwd=config)
    assert explained.returncode == 0 and "## Use instead" in explained.stdout
    assert "from plugin icloud" in explained.stdout.splitlines()[0]
    providers = emaillint(icloud_venv, "providers", cwd=config)
    assert "  host       smtp.mail.me.com: 587 starttls\n" in providers.stdout


def test_a_plugin_that_fails_to_import_is_named_and_the_rest_still_runs(icloud_venv, test_plugins, config):
    result = emaillint(icloud_venv, "config.yaml", "--as-of", AS_OF, cwd=config,
                       plugins_dir=test_plugins, only=["broken"])
    assert result.returncode == 2, result.stderr
    lines = [line for line in result.stdout.splitlines() if not line.startswith("    help: ")]
    assert lines[0] == ("<plugins>:1:1: error plugin-error plugin 'broken' (emaillint-broken 0.1.0): failed to"
                        " load: ModuleNotFoundError: No module named 'emaillint_missing_dependency'; fix or"
                        " upgrade it, or turn it off with --disable-plugin broken")
    assert lines[1].startswith(GMAIL_FINDING) and lines[2] == ICLOUD_FINDING
    assert lines[3] == "1 file checked: 3 errors; 1 fixable with --fix"


def test_a_raising_hook_and_rule_are_named_and_the_rest_still_runs(icloud_venv, test_plugins, config):
    (config / "config.yaml").write_text(CONFIG + "    raising_pool: eu\n")
    result = emaillint(icloud_venv, "config.yaml", "--as-of", AS_OF, cwd=config,
                       plugins_dir=test_plugins, only=["raising"])
    assert result.returncode == 2, result.stderr
    lines = [line for line in result.stdout.splitlines() if not line.startswith("    help: ")]
    assert lines[0] == ("<plugins>:1:1: error plugin-error plugin 'raising' (emaillint-raising 0.1.0):"
                        " emaillint_providers() raised RuntimeError: provider sheet not found; what it"
                        " returns is not used: fix or upgrade the plugin, or turn it off with"
                        " --disable-plugin raising")
    assert lines[1] == ("config.yaml:2:3: error plugin-error plugin 'raising' (emaillint-raising 0.1.0):"
                        " rule 'raising-pool' raised on account 'invoices': KeyError: 'relay_pool'"
                        " (at emaillint_raising.py:12)")
    assert lines[2].startswith(GMAIL_FINDING)
    assert lines[3].startswith("config.yaml:8:3: error plugin-error plugin 'raising'")
    assert lines[4] == ICLOUD_FINDING  # and no schema finding: its account key still counts
    assert lines[5] == "1 file checked: 5 errors; 1 fixable with --fix"


def test_two_plugins_claiming_gmail_is_an_error_and_gmail_stays(icloud_venv, test_plugins, config):
    result = emaillint(icloud_venv, "config.yaml", "--as-of", AS_OF, cwd=config,
                       plugins_dir=test_plugins, only=["clash"])
    assert result.returncode == 2, result.stderr
    lines = [line for line in result.stdout.splitlines() if not line.startswith("    help: ")]
    assert lines[:2] == [
        "<plugins>:1:1: error plugin-error plugin 'clash' (emaillint-clash 0.1.0): provider 'gmail' is already"
        " defined by plugin 'gmail', so this one is not used; turn one of the two plugins off with"
        " --disable-plugin NAME",
        "<plugins>:1:1: error plugin-error plugin 'clash' (emaillint-clash 0.1.0): provider 'googlemail' claims"
        " host smtp.gmail.com, which provider 'gmail' (plugin 'gmail') already claims, so 'googlemail' is not"
        " used; give both the same family if they are one service, or turn one of the two plugins off with"
        " --disable-plugin NAME",
    ]
    assert lines[2].startswith(GMAIL_FINDING) and lines[3] == ICLOUD_FINDING


def test_disabling_the_misbehaving_plugins_gives_a_clean_run(icloud_venv, test_plugins, config):
    result = emaillint(icloud_venv, "config.yaml", "--as-of", AS_OF, cwd=config, plugins_dir=test_plugins)
    assert result.returncode == 1, result.stderr
    assert "plugin-error" not in result.stdout
    assert result.stdout.splitlines()[-1] == "1 file checked: 2 errors; 1 fixable with --fix"


def test_the_plugins_listing_shows_which_plugin_failed_and_how(icloud_venv, test_plugins, tmp_path):
    result = emaillint(icloud_venv, "plugins", cwd=tmp_path, plugins_dir=test_plugins, only=MISBEHAVING)
    assert result.returncode == 2
    rows = {line.split()[0]: " ".join(line.split()[3:]) for line in result.stdout.splitlines()[1:]}
    assert rows == {
        "emaillint": "ok", **dict.fromkeys(BUILTIN_PLUGINS, "ok"), "icloud": "ok",
        "broken": "failed: failed to load: ModuleNotFoundError: No module named 'emaillint_missing_dependency'",
        "clash": "2 errors (listed below)",
        "raising": "1 error (listed below)",
        **dict.fromkeys(HOSTILE, "disabled"),
    }
    assert result.stderr.count("emaillint: plugin ") == 4


INFORMATIONAL = (["rules"], ["explain", "port-security-mismatch"], ["plugins"], ["providers"], ["dialects"],
                 ["schema"])


@pytest.mark.parametrize("command", INFORMATIONAL, ids=lambda command: command[0])
def test_every_command_can_turn_a_broken_plugin_off(icloud_venv, test_plugins, tmp_path, command):
    broken = emaillint(icloud_venv, *command, cwd=tmp_path, plugins_dir=test_plugins, only=["broken"])
    assert broken.returncode == 2
    assert "emaillint: plugin 'broken' (emaillint-broken 0.1.0): failed to load" in broken.stderr
    flagged = emaillint(icloud_venv, *command, cwd=tmp_path, plugins_dir=test_plugins)
    assert (flagged.returncode, flagged.stderr) == (0, "")
    (tmp_path / ".emaillint.yaml").write_text(f"disable_plugins: [{', '.join(MISBEHAVING + HOSTILE)}]\n")
    configured = emaillint(icloud_venv, *command, cwd=tmp_path, plugins_dir=test_plugins, only=MISBEHAVING)
    assert (configured.returncode, configured.stderr, configured.stdout) == (0, "", flagged.stdout)
