"""Integration fixtures: a copy of the checkout and a fresh virtualenv with emaillint
installed from it exactly as the README's first command does (``pip install .``)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest

from helpers import REPO

IGNORED = shutil.ignore_patterns(".git", "build", "dist", "*.egg-info", "__pycache__", ".venv*",
                                 ".pytest_cache", ".hypothesis")


def pip(python: Path, *args: str, cwd: Path | None = None) -> None:
    subprocess.run([str(python), "-m", "pip", "install", "--disable-pip-version-check", "-q", *args],
                   cwd=cwd, check=True)


@pytest.fixture(scope="session")
def checkout(tmp_path_factory) -> Path:
    """The repository as a clean clone would have it (the tests never build inside REPO)."""
    target = tmp_path_factory.mktemp("clone") / "emaillint"
    shutil.copytree(REPO, target, ignore=IGNORED)
    return target


@pytest.fixture(scope="session")
def fresh_venv(tmp_path_factory, checkout) -> Path:
    """A new virtualenv with emaillint installed non-editable from the copy; returns its bin/."""
    root = tmp_path_factory.mktemp("venv") / "env"
    venv.EnvBuilder(with_pip=True).create(root)
    bin_dir = root / ("Scripts" if sys.platform == "win32" else "bin")
    pip(bin_dir / "python", ".", cwd=checkout)
    return bin_dir
