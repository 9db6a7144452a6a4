"""Which files a run lints: named files always, directories walked for YAML files."""

from __future__ import annotations

import fnmatch
import os
from typing import Iterable, NamedTuple

STDIN = "-"
DEFAULT_INCLUDE = ("*.yaml", "*.yml")
"""File names a directory walk picks up; named files are linted whatever their name."""
DEFAULT_EXCLUDE = ("node_modules", "__pycache__", "venv", "site-packages")
"""Directory names a walk skips, besides hidden ones (.git, .venv, .tox, ...)."""


class Discovery(NamedTuple):
    files: list[str]
    missing: list[str]


def discover(paths: Iterable[str], include: Iterable[str] = DEFAULT_INCLUDE,
             exclude: Iterable[str] = DEFAULT_EXCLUDE) -> Discovery:
    """Files to lint, each once, in a stable order; paths that do not exist, separately.

    Symbolic links to directories are not followed, so a link loop cannot trap the walk;
    links to files are linted like files.
    """
    include = tuple(include)
    exclude = tuple(exclude)
    files: list[str] = []
    missing: list[str] = []
    seen: set[str] = set()

    def add(path: str) -> None:
        key = path if path == STDIN else os.path.realpath(path)
        if key not in seen:
            seen.add(key)
            files.append(path)

    for path in paths:
        if path == STDIN:
            add(path)
        elif os.path.isdir(path):
            for found in _walk(path, include, exclude):
                add(found)
        elif os.path.lexists(path):
            add(path)
        else:
            missing.append(path)
    return Discovery(files, missing)


def _walk(top: str, include: tuple[str, ...], exclude: tuple[str, ...]) -> Iterable[str]:
    for root, dirs, names in os.walk(top, onerror=None, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not _skipped(d, os.path.join(root, d), exclude))
        for name in sorted(names):
            path = os.path.join(root, name)
            if _matches(name, path, include) and not _skipped(name, path, exclude):
                yield path


def _matches(name: str, path: str, patterns: tuple[str, ...]) -> bool:
    return any(fnmatch.fnmatch(name, p) or fnmatch.fnmatch(path, p) for p in patterns)


def _skipped(name: str, path: str, exclude: tuple[str, ...]) -> bool:
    return (name.startswith(".") and name not in (".", "..")) or _matches(name, path, exclude)
