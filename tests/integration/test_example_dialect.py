"""The third-party dialect example (examples/emaillint-peertube), as its users and its
author meet it: a wheel built by pip, installed, found by the installed ``emaillint``
command, and its own test suite passing against the installed wheel."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from helpers import AS_OF

pytestmark = pytest.mark.integration

PRODUCTION = """\
listen:
  port: 9000
webserver:
  hostname: 'videos.example.org'
smtp:
  hostname: smtp.gmail.com
  port: 465
  username: videos@example.org
  password: null
  tls: false
  from_address: 'videos@example.org'
"""


def _env(target):
    env = dict(os.environ)
    env["PYTHONPATH"] = str(target)
    return env


def test_the_installed_dialect_is_listed_and_reads_peertube_files(fresh_venv, example_dialect, tmp_path):
    listed = subprocess.run([str(fresh_venv / "emaillint"), "dialects"], capture_output=True, text=True,
                            cwd=tmp_path, env=_env(example_dialect))
    assert listed.returncode == 0, listed.stderr
    row = next(line.split(None, 2) for line in listed.stdout.splitlines() if line.startswith("peertube "))
    assert row[:2] == ["peertube", "peertube"]
    (tmp_path / "production.yaml").write_text(PRODUCTION)
    result = subprocess.run([str(fresh_venv / "emaillint"), "production.yaml", "--as-of", AS_OF],
                            capture_output=True, text=True, cwd=tmp_path, env=_env(example_dialect))
    assert result.returncode == 1, result.stderr
    assert result.stdout.splitlines()[0].startswith(
        "production.yaml:10:8: error port-security-mismatch [*] port 465 expects TLS from the first byte: plain text"
        " (tls: false) hangs until it times out")
    assert "write tls: true, or use port: 587 with tls: false" in result.stdout


def test_the_examples_own_tests_pass_against_the_installed_wheel(example_dialect, checkout):
    tests = checkout / "examples" / "emaillint-peertube" / "tests"
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(tests)],
                            capture_output=True, text=True, cwd=tests.parent, env=_env(example_dialect))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "8 passed in" in result.stdout
