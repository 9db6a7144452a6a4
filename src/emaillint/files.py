"""Which files a run lints: named files always, directories walked for YAML files."""

from __future__ import annotations

import fnmatch
import functools
import os
import re
from typing import Callable, Iterable, Iterator, NamedTuple

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

    def add(path: str, link: bool = True) -> None:
        """Each file once: a link and its target, or a file under two named folders."""
        key = path if path == STDIN else os.path.realpath(path) if link else os.path.abspath(path)
        if key not in seen:
            seen.add(key)
            files.append(path)

    for path in paths:
        if path == STDIN:
            add(path)
        elif excluded(path, exclude, root):
            continue
        elif os.path.isdir(path):
            linked = os.path.realpath(path) != os.path.abspath(path)  # then every file's real path differs
            for found, link in _walk(path, include, walk_exclude, root):
                add(found, link or linked)
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


def matches(name: str, relative: str | Callable[[], str], patterns: tuple[str, ...]) -> bool:
    """A glob without a slash matches a file or directory name anywhere (``fixtures``,
    ``*.yml``); one with a slash matches the path from the root (``tests/bad-*.yaml``,
    ``deploy/**/mail.yaml``), where ``*`` also matches across slashes, a leading ``**/``
    may match nothing and a trailing slash is ignored. ``relative`` may be a function that
    gives the path, computed only for globs with a slash (most projects have none).
    """
    by_name, by_path = _globs(patterns)
    if by_name is not None and by_name(name):
        return True
    if by_path is None:
        return False
    return by_path(relative() if callable(relative) else relative) is not None


@functools.lru_cache(maxsize=64)
def _globs(patterns: tuple[str, ...]) -> tuple[Callable[[str], object] | None, Callable[[str], object] | None]:
    """The globs without and with a slash, each as one compiled pattern: a walk asks about
    every entry, and one regex match costs less than a ``fnmatchcase`` call per glob."""
    names = [p.rstrip("/") for p in patterns if "/" not in p.rstrip("/")]
    paths = [p.rstrip("/").removeprefix("./") for p in patterns if "/" in p.rstrip("/")]
    paths += [p[3:] for p in paths if p.startswith("**/")]

    def compiled(globs: list[str]) -> Callable[[str], object] | None:
        return re.compile("|".join(fnmatch.translate(g) for g in globs)).match if globs else None

    return compiled(names), compiled(paths)


def _relative(path: str, root: str) -> str:
    """``path`` relative to ``root`` with forward slashes; as written when it is outside."""
    absolute = os.path.abspath(path)
    relative = os.path.relpath(absolute, root) if absolute.startswith(root.rstrip(os.sep) + os.sep) else absolute
    return relative.replace(os.sep, "/").strip("/")


def _walk(top: str, include: tuple[str, ...], exclude: tuple[str, ...], root: str) -> Iterator[tuple[str, bool]]:
    """``(path, is a link)`` for each file to lint under ``top``, in name order, folder by
    folder; ``scandir`` tells links and folders apart without a system call per file."""
    stack = [top]
    while stack:
        base = stack.pop()
        try:
            with os.scandir(base) as scan:
                entries = sorted(scan, key=lambda entry: entry.name)
        except OSError:
            continue
        folders = []
        for entry in entries:
            path = os.path.join(base, entry.name)
            relative = functools.partial(_relative, path, root)
            try:
                folder = entry.is_dir(follow_symlinks=False)
                # a link to a folder is not followed, so a link loop cannot trap the walk
                linked_folder = not folder and entry.is_symlink() and entry.is_dir()
            except OSError:  # a link to itself: linted, and reported as unreadable
                folder = linked_folder = False
            if folder:
                if not _skipped(entry.name, relative, exclude):
                    folders.append(path)
            elif linked_folder:
                continue
            elif matches(entry.name, relative, include) and not _skipped(entry.name, relative, exclude):
                yield path, entry.is_symlink()
        stack.extend(reversed(folders))


def _skipped(name: str, relative: Callable[[], str], exclude: tuple[str, ...]) -> bool:
    return (name.startswith(".") and name not in (".", "..")) or matches(name, relative, exclude)
