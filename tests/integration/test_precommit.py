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


def test_the_documented_snippets_work_including_the_override(tmp_path, hook_repo, pre_commit_home):
    basic, override = readme_blocks("pre-commit", "yaml", "docs/ci.md")
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


# --- many files: pre-commit splits the list, whatever require_serial says ---------------------

SHARED_MAILBOX = """\
accounts:
  {name}:
    host: smtp.gmail.com
    port: 587
    security: starttls
    auth: app-password
    username: {user}@gmail.com
    password: ${{SMTP_PASSWORD}}
    volume:
      messages_per_day: {volume}
"""
MANY = 4000
"""Files in the big commit. Their paths (``mail/team-00/app-0000-xxxxxxxx.yaml``, 35 bytes
and a space each) add up to 144,000 bytes, more than the 2**17 = 131,072 bytes pre-commit
allows one command line on any POSIX system (pre_commit/xargs.py), whatever ARG_MAX is."""


@pytest.fixture(scope="module")
def big_commit(tmp_path_factory, hook_repo) -> Path:
    """A repository with MANY staged config files: three accounts on one Gmail mailbox, 300
    messages a day each (900 > 500), in the first two files and the last; every other
    account has a mailbox of its own."""
    files = {}
    for number in range(MANY):
        shared = number in (0, 1, MANY - 1)
        files[f"mail/team-{number // 100:02d}/app-{number:04d}-{'x' * 8}.yaml"] = SHARED_MAILBOX.format(
            name=f"app{number}", user="billing" if shared else f"app{number}", volume=300 if shared else 10)
    rev = git(hook_repo, "rev-parse", "HEAD")
    files[".pre-commit-config.yaml"] = (f"repos:\n  - repo: {hook_repo.as_posix()}\n    rev: {rev}\n"
                                        "    hooks:\n      - id: emaillint\n")
    return new_project(tmp_path_factory.mktemp("big-commit") / "project", files)


def test_a_big_commit_is_linted_in_several_runs_and_shared_quota_sees_one_run_at_a_time(big_commit,
                                                                                         pre_commit_home):
    staged = [name for name in git(big_commit, "diff", "--staged", "--name-only").split("\n")
              if name.endswith(".yaml")]  # the configs and .pre-commit-config.yaml: every YAML file
    assert sum(len(name) + 1 for name in staged) > 2 ** 17
    # the staged files, as on `git commit`; --verbose: a hook that passes (warnings only) prints nothing else
    result = pre_commit(big_commit, pre_commit_home, "run", "--verbose")
    assert result.returncode == 0, result.stdout + result.stderr  # shared-quota is a warning
    runs = [int(count) for count in re.findall(r"^(\d+) files checked", result.stdout, re.M)]
    assert len(runs) >= 2 and sum(runs) == len(staged), runs  # one emaillint process after another
    # the first run holds the first two accounts (600 > 500), not the third, which is in the last
    quota = [line for line in result.stdout.splitlines() if " shared-quota " in line]
    assert [line.split(":")[0] for line in quota] == [
        "mail/team-00/app-0000-xxxxxxxx.yaml", "mail/team-00/app-0001-xxxxxxxx.yaml"]
    assert all("together 300 + 300 = 600 recipients/day" in line for line in quota)


def test_a_hook_that_lints_the_repository_sees_every_account(big_commit, hook_repo, pre_commit_home):
    """The override docs/ci.md documents (pass_filenames: false, args: [.]), verbatim: one process."""
    [snippet] = readme_blocks("pre-commit and very large commits", "yaml", "docs/ci.md")
    snippet = re.sub(r"repo: \S+", f"repo: {hook_repo.as_posix()}", snippet)
    config = big_commit / "whole-repository.pre-commit"  # untracked: not one of the staged files
    config.write_text(re.sub(r"rev: \S+", f"rev: {git(hook_repo, 'rev-parse', 'HEAD')}", snippet))
    result = pre_commit(big_commit, pre_commit_home, "run", "--verbose", "--config", config.name)
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.findall(r"^\d+ files? checked.*$", result.stdout, re.M) == [f"{MANY} files checked: 3 warnings"]
    quota = [line for line in result.stdout.splitlines() if " shared-quota " in line]
    assert len(quota) == 3 and all("together 300 + 300 + 300 = 900 recipients/day" in line for line in quota)


def test_a_baseline_in_a_split_run_counts_only_each_runs_own_files(big_commit, pre_commit_home):
    """Entries of files another run lints are not stale; a shared-quota entry whose partners
    are in another run is: that finding depends on which files share a run."""
    subprocess.run([sys.executable, "-m", "emaillint", "check", ".", "--write-baseline", "emaillint-baseline.json"],
                   cwd=big_commit, check=True, capture_output=True)
    config = big_commit / "with-baseline.pre-commit"  # untracked, like the baseline itself
    config.write_text((big_commit / ".pre-commit-config.yaml").read_text()
                      + "        args: [--baseline, emaillint-baseline.json]\n")
    result = pre_commit(big_commit, pre_commit_home, "run", "--verbose", "--config", config.name)
    assert result.returncode == 0, result.stdout + result.stderr
    summaries = re.findall(r"^\d+ files checked: .*$", result.stdout, re.M)
    assert summaries[0].endswith("no new findings (2 baselined, 0 stale baseline entries)"), summaries
    assert summaries[-1].endswith("no new findings (0 baselined, 1 stale baseline entry)"), summaries
