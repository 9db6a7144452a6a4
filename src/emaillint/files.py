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


def discover(paths: Iterable[str], include: Iterable[str] = DEFAULT_INCLUDE, exclude: Iterable[str] = (),
             root: str = ".") -> Discovery:
    """Files to lint, each once, in a stable order; paths that do not exist, separately.

    ``include`` replaces the file globs a directory walk picks up; ``exclude`` (the
    project's globs) adds to DEFAULT_EXCLUDE for walks and also drops named files, so
    the pre-commit hook, which names every file, agrees with ``emaillint .``. Globs are
    anchored at ``root``, the project configuration's directory (see ``matches``).

    Symbolic links to directories are not followed, so a link loop cannot trap the walk;
    links to files are linted like files.
    """
    include = tuple(include)
    exclude = tuple(exclude)
    walk_exclude = DEFAULT_EXCLUDE + exclude
    root = os.path.abspath(root)
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
        elif excluded(path, exclude, root):
            continue
        elif os.path.isdir(path):
            for found in _walk(path, include, walk_exclude, root):
                add(found)
        elif os.path.lexists(path):
            add(path)
        else:
            missing.append(path)
    return Discovery(files, missing)


def excluded(path: str, patterns: tuple[str, ...], root: str) -> bool:
    """Whether ``path`` or one of the directories it is in matches an exclude glob."""
    if not patterns:
        return False
    parts = _relative(path, root).split("/")
    return any(matches(parts[i - 1], "/".join(parts[:i]), patterns) for i in range(1, len(parts) + 1))


def matches(name: str, relative: str, patterns: tuple[str, ...]) -> bool:
    """A glob without a slash matches a file or directory name anywhere (``fixtures``,
    ``*.yml``); one with a slash matches the path from the root (``tests/bad-*.yaml``,
    ``deploy/**/mail.yaml``), where ``*`` also matches across slashes, a leading ``**/``
    may match nothing and a trailing slash is ignored.
    """
    for pattern in patterns:
        if "/" not in pattern.rstrip("/"):
            if fnmatch.fnmatchcase(name, pattern.rstrip("/")):
                return True
            continue
        pattern = pattern.rstrip("/").removeprefix("./")
        if fnmatch.fnmatchcase(relative, pattern) or (
                pattern.startswith("**/") and fnmatch.fnmatchcase(relative, pattern[3:])):
            return True
    return False


def _relative(path: str, root: str) -> str:
    """``path`` relative to ``root`` with forward slashes; as written when it is outside."""
    absolute = os.path.abspath(path)
    relative = os.path.relpath(absolute, root) if absolute.startswith(root.rstrip(os.sep) + os.sep) else absolute
    return relative.replace(os.sep, "/").strip("/")


def _walk(top: str, include: tuple[str, ...], exclude: tuple[str, ...], root: str) -> Iterable[str]:
    for base, dirs, names in os.walk(top, onerror=None, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not _skipped(d, os.path.join(base, d), exclude, root))
        for name in sorted(names):
            path = os.path.join(base, name)
            if matches(name, _relative(path, root), include) and not _skipped(name, path, exclude, root):
                yield path


def _skipped(name: str, path: str, exclude: tuple[str, ...], root: str) -> bool:
    return (name.startswith(".") and name not in (".", "..")) or matches(name, _relative(path, root), exclude)
