"""The pre-commit hook, run by the real pre-commit against this checkout.

pre-commit builds the hook's virtualenv with pip (tens of seconds per environment), so
the checkout is committed once per session and each scenario runs one pre-commit call.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import GMAIL_465_STARTTLS, readme_blocks

pytestmark = pytest.mark.integration

BAD = GMAIL_465_STARTTLS
GOOD = BAD.replace("port: 465", "port: 587")
# Only a warning (sender-mismatch): passes by default, fails with --strict. No finding depends on the date.
WARNING_ONLY = GOOD.replace("    password", "    from: other@gmail.com\n    password")
NOT_MAIL = "name: ci\non: [push]\njobs: {}\n"


def git(cwd: Path, *args: str) -> str:
    return subprocess.run(["git", "-c", "user.name=emaillint tests", "-c", "user.email=tests@emaillint.invalid",
                           "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main", *args],
                          cwd=cwd, env=_environment(), check=True, capture_output=True, text=True).stdout.strip()


def _environment(home: Path | None = None) -> dict[str, str]:
    """No GIT_* from an enclosing hook, no GitHub Actions (the output is read as text)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "GITHUB_", "PRE_COMMIT"))}
    if home is not None:
        env["PRE_COMMIT_HOME"] = str(home)
    return env


@pytest.fixture(scope="session")
def hook_repo(tmp_path_factory, checkout) -> Path:
    """The checkout as a git repository with one commit: what pre-commit clones."""
    target = tmp_path_factory.mktemp("hook-repo") / "emaillint"
    shutil.copytree(checkout, target)  # already a clean copy: no .git, no build output
    git(target, "init", "-q")
    git(target, "add", "-A")
    git(target, "commit", "-q", "-m", "emaillint under test")
    return target


@pytest.fixture(scope="session")
def pre_commit_home(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("pre-commit-home")


def pre_commit(project: Path, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "pre_commit", *args], cwd=project, env=_environment(home),
                          capture_output=True, text=True)


def new_project(root: Path, files: dict[str, str]) -> Path:
    root.mkdir()
    git(root, "init", "-q")
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)
    git(root, "add", "-A")
    return root


def test_try_repo_fails_on_the_bad_file_and_passes_once_it_is_fixed(tmp_path, hook_repo, pre_commit_home):
    project = new_project(tmp_path / "project", {"bad.yaml": BAD, "good.yaml": GOOD, ".github/ci.yml": NOT_MAIL})
    result = pre_commit(project, pre_commit_home, "try-repo", str(hook_repo), "emaillint", "--all-files")
    assert result.returncode == 1, result.stdout + result.stderr
    assert re.search(r"^emaillint\.+Failed$", result.stdout, re.M), result.stdout
    assert "bad.yaml:5:15: error port-security-mismatch port 465 expects TLS from the first byte" in result.stdout
    assert "3 files checked: 1 error" in result.stdout  # every YAML file, in one process (require_serial)

    (project / "bad.yaml").write_text(GOOD)
    git(project, "add", "-A")
    result = pre_commit(project, pre_commit_home, "try-repo", str(hook_repo), "emaillint", "--all-files")
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(r"^emaillint\.+Passed$", result.stdout, re.M), result.stdout


def test_the_readme_snippets_work_including_the_documented_override(tmp_path, hook_repo, pre_commit_home):
    basic, override = readme_blocks("pre-commit", "yaml")
    rev = git(hook_repo, "rev-parse", "HEAD")

    def config(snippet: str) -> str:
        snippet = re.sub(r"repo: \S+", f"repo: {hook_repo.as_posix()}", snippet)
        return re.sub(r"rev: \S+", f"rev: {rev}", snippet)

    project = new_project(tmp_path / "project", {
        ".pre-commit-config.yaml": config(basic),
        "mail/alerts.yaml": WARNING_ONLY,
        "mail/examples/broken.yaml": BAD,
        "deploy/other.yaml": BAD,
    })
    result = pre_commit(project, pre_commit_home, "run", "--all-files")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "deploy/other.yaml:5:15: error port-security-mismatch" in result.stdout

    (project / ".pre-commit-config.yaml").write_text(config(override))
    git(project, "add", "-A")
    result = pre_commit(project, pre_commit_home, "run", "--all-files")
    # files: ^mail/ leaves deploy/ out, exclude: ^mail/examples/ the broken example,
    # and args: [--strict, ...] makes the warning fail the commit.
    assert result.returncode == 1, result.stdout + result.stderr
    assert "mail/alerts.yaml:8:11: warning sender-mismatch" in result.stdout
    assert "1 file checked: 1 warning" in result.stdout
    assert "deploy/other.yaml" not in result.stdout and "broken.yaml" not in result.stdout
