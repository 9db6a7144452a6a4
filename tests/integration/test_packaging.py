"""A real install into a fresh virtualenv: the wheel carries the schema and the plugins."""

from __future__ import annotations

import json
import subprocess

import pytest

from helpers import AS_OF

pytestmark = pytest.mark.integration


def run(bin_dir, *args, cwd=None):
    return subprocess.run([str(bin_dir / "emaillint"), *args], capture_output=True, text=True, cwd=cwd)


def test_readme_first_command_lints_the_bundled_examples(fresh_venv, checkout):
    result = run(fresh_venv, "examples/", "--as-of", AS_OF, cwd=checkout)
    assert result.returncode == 1, result.stderr
    assert "examples/legacy-guide.yaml:9:15: error legacy-auth Gmail free stopped accepting" in result.stdout
    assert result.stdout.splitlines()[-1].startswith("6 files checked: ")


def test_the_installed_schema_is_found_outside_the_checkout(fresh_venv, tmp_path):
    result = run(fresh_venv, "schema", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["$defs"]["account"]["required"] == ["host", "port", "security"]


def test_builtin_providers_come_in_through_entry_points(fresh_venv, tmp_path):
    result = run(fresh_venv, "plugins", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    rows = {line.split()[0]: line.split()[1:] for line in result.stdout.splitlines()[1:]}
    for name in ("gmail", "hotmail", "outlook", "yahoo"):
        assert rows[name][0] == "emaillint" and rows[name][-1] == "ok", name


def test_version(fresh_venv, checkout):
    result = run(fresh_venv, "--version")
    assert result.stdout.strip() == "emaillint 0.2.0"


def test_builtin_dialects_ship_in_the_wheel(fresh_venv, tmp_path):
    result = run(fresh_venv, "dialects", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    rows = {line.split()[0]: line.split()[1] for line in result.stdout.splitlines()[1:]}
    assert rows == {name: name for name in ("emaillint", "alertmanager", "alertmanager-config", "authelia", "compose",
                                             "discourse", "gitlab-chart", "gitlab-omnibus", "grafana", "homeassistant",
                                             "kube-prometheus-stack", "mastodon", "rails", "redmine", "sentry",
                                             "spring", "synapse")}
    (tmp_path / "application.yml").write_text("spring:\n  mail:\n    host: smtp.example.com\n    port: 465\n"
                                              "    properties:\n      mail.smtp.starttls.enable: true\n")
    result = run(fresh_venv, "application.yml", cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert "application.yml:6:34: error port-security-mismatch " in result.stdout
