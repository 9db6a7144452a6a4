"""Meta-tests for the extension surface: the public API is what the docs say it is, every hook
is documented and tested, and the built-in plugins use nothing a third party cannot."""

from __future__ import annotations

import ast
import inspect
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import emaillint.api as api
from emaillint import hookspecs
from emaillint.plugins import HOOKS
from emaillint.testing import check_plugin

from helpers import REPO

DOCS = (REPO / "docs" / "plugins.md").read_text(encoding="utf-8")
REFERENCE = DOCS[DOCS.index("## Reference"):]
BUILTIN_PLUGINS = sorted(p for p in (REPO / "plugins").glob("*.py") if p.name != "__init__.py")
EXAMPLE = REPO / "examples" / "emaillint-icloud"
THIRD_PARTY_CODE = BUILTIN_PLUGINS + sorted((EXAMPLE / "src").rglob("*.py"))


def _emaillint_imports(path: Path) -> list[str]:
    """The emaillint modules a file imports (``import x`` and ``from x import y``)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found += [node.module] + [f"{node.module}.{alias.name}" for alias in node.names
                                      if node.module == "emaillint"]
    return [name for name in found if name == "emaillint" or name.startswith("emaillint.")]


@pytest.mark.parametrize("path", THIRD_PARTY_CODE, ids=lambda p: str(p.relative_to(REPO)))
def test_plugins_import_nothing_from_emaillint_but_the_api(path):
    imports = _emaillint_imports(path)
    assert set(imports) <= {"emaillint.api"}, imports


def test_the_meta_test_would_see_a_private_import(tmp_path):
    sneaky = tmp_path / "sneaky.py"
    sneaky.write_text("from emaillint.api import hookimpl\nfrom emaillint import engine\nimport emaillint.model\n")
    assert _emaillint_imports(sneaky) == ["emaillint.api", "emaillint", "emaillint.engine", "emaillint.model"]


def _builtin(path: Path):
    import importlib

    return importlib.import_module(f"emaillint_plugins.{path.stem}")


@pytest.mark.parametrize("path", BUILTIN_PLUGINS, ids=lambda p: p.stem)
def test_builtin_plugins_are_well_formed(path):
    assert check_plugin(_builtin(path)) == []


@pytest.mark.parametrize("path", BUILTIN_PLUGINS, ids=lambda p: p.stem)
def test_every_builtin_plugin_with_hooks_is_registered_by_entry_point(path):
    """No special path for our own: a module with hooks is found through the entry point."""
    from emaillint.plugins import entry_points

    module = _builtin(path)
    has_hooks = any(hasattr(getattr(module, name), "emaillint_impl") for name in HOOKS if hasattr(module, name))
    registered = {ep.value for ep in entry_points() if ep.dist == "emaillint"}
    assert (f"emaillint_plugins.{path.stem}" in registered) == has_hooks


def test_all_lists_exactly_the_public_names():
    public = {name for name in vars(api) if not name.startswith("_") and name != "annotations"}
    assert set(api.__all__) == public
    assert len(api.__all__) == len(set(api.__all__))
    assert isinstance(api.API_VERSION, int) and api.API_VERSION >= 1


@pytest.mark.parametrize("name", api.__all__)
def test_every_public_name_is_in_the_reference(name):
    assert f"`{name}`" in REFERENCE


@pytest.mark.parametrize("hook", HOOKS)
def test_every_hook_has_a_docstring_saying_when_it_is_called_and_what_it_returns(hook):
    doc = inspect.getdoc(getattr(hookspecs, hook))
    assert doc and "Called once at start-up" in doc and "Return" in doc


@pytest.mark.parametrize("hook", HOOKS)
def test_every_hook_is_in_the_reference(hook):
    assert f"#### `{hook}()`" in REFERENCE


@pytest.mark.parametrize("hook", HOOKS)
def test_every_hook_has_a_test(hook):
    """In the spirit of datasette's test_plugin_hooks_have_tests: a hook named in no test is untested."""
    tests = [p for p in (REPO / "tests").rglob("test_*.py") if p.name != "test_api.py"]
    assert any(hook in p.read_text(encoding="utf-8") for p in tests)


def test_the_hook_list_is_what_pluggy_sees():
    from emaillint.plugins import Registry

    assert sorted(Registry().manager.hook.__dict__) == list(HOOKS)


def test_the_example_plugins_own_tests_pass():
    """The tutorial's test file, run as its author would run it (the plugin from source)."""
    env = {**os.environ, "PYTHONPATH": str(EXAMPLE / "src"), "PYTHONDONTWRITEBYTECODE": "1"}
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"],
                            cwd=EXAMPLE, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(r"^\d+ passed", result.stdout.splitlines()[-1])
