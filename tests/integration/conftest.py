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


EXAMPLE_PLUGIN = Path("examples") / "emaillint-icloud"
EXAMPLE_DIALECT = Path("examples") / "emaillint-peertube"
TEST_PLUGINS = Path("tests") / "integration" / "dists"


@pytest.fixture(scope="session")
def plugin_wheels(tmp_path_factory, checkout) -> dict[str, Path]:
    """Wheels of the example plugin and the test plugins, built from the copy by pip as a
    plugin author would; one call, without build isolation (setuptools is a test extra)."""
    out = tmp_path_factory.mktemp("wheels")
    sources = [checkout / EXAMPLE_PLUGIN, checkout / EXAMPLE_DIALECT,
               *sorted((checkout / TEST_PLUGINS).glob("emaillint-*"))]
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--disable-pip-version-check", "-q", "--no-deps",
                    "--no-build-isolation", "-w", str(out), *map(str, sources)], check=True)
    return {wheel.name.split("-")[0].replace("_", "-"): wheel for wheel in out.glob("*.whl")}


@pytest.fixture(scope="session")
def icloud_venv(fresh_venv, plugin_wheels) -> Path:
    """``fresh_venv`` with the example plugin's wheel installed into it by pip; its bin/."""
    pip(fresh_venv / "python", str(plugin_wheels["emaillint-icloud"]))
    return fresh_venv


EXAMPLES = ("emaillint-icloud", "emaillint-peertube")


@pytest.fixture(scope="session")
def example_dialect(tmp_path_factory, fresh_venv, plugin_wheels) -> Path:
    """The example dialect's wheel, installed by pip into a folder of its own (on PYTHONPATH
    in the tests that use it), so fresh_venv stays as the README's first command leaves it."""
    target = tmp_path_factory.mktemp("example-dialect")
    pip(fresh_venv / "python", "--no-deps", "--target", str(target), str(plugin_wheels["emaillint-peertube"]))
    return target


@pytest.fixture(scope="session")
def test_plugins(tmp_path_factory, fresh_venv, plugin_wheels) -> Path:
    """The misbehaving test plugins, installed by pip into a folder of their own: a test
    puts it on PYTHONPATH, where emaillint discovers them, so fresh_venv stays clean."""
    target = tmp_path_factory.mktemp("test-plugins")
    wheels = [str(wheel) for name, wheel in sorted(plugin_wheels.items()) if name not in EXAMPLES]
    pip(fresh_venv / "python", "--no-deps", "--target", str(target), *wheels)
    return target
