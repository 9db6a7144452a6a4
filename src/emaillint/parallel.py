"""Linting many files on every core, with the same report as one process gives.

Below ``THRESHOLD`` files a pool costs more than it saves (starting workers takes tens of
milliseconds), so small runs, the usual commit hook, stay in one process. Above it,
files go to worker processes in chunks and ``imap`` hands the results back in the order
of the files; ``run.collect`` sorts the findings anyway, so the report is byte for byte
the one ``-j 1`` prints. Workers are forked where the platform allows, so they inherit
the plugins and the compiled schema instead of loading them again; elsewhere (spawn)
each worker builds its own ``Linter``.
"""

from __future__ import annotations

import os
from typing import Iterable, Iterator

from emaillint.engine import FileResult, Linter, Options

THRESHOLD = 200
"""Fewer files than this are linted in one process whatever ``--jobs`` says."""

_linter: Linter | None = None
"""The linter a worker uses: inherited through fork, or built by ``_start`` under spawn."""


def workers(requested: int, files: int) -> int:
    """How many processes to use: ``--jobs`` (0: one per core), never more than useful."""
    if files < THRESHOLD or requested == 1:
        return 1
    wanted = requested or os.cpu_count() or 1
    return max(1, min(wanted, files // (THRESHOLD // 4)))


def lint_all(linter: Linter, paths: list[str], jobs: int, disabled: Iterable[str]) -> Iterator[FileResult]:
    """Each path's result, in the order of ``paths``; ``disabled`` as the run's registry had it."""
    count = workers(jobs, len(paths))
    if count == 1:
        yield from map(linter.lint_path, paths)
        return
    import multiprocessing

    global _linter
    _linter = linter
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    chunk = max(1, min(64, len(paths) // (count * 8)))
    try:
        with multiprocessing.get_context(method).Pool(
            count, initializer=_start, initargs=(tuple(disabled), linter.options)
        ) as pool:
            yield from pool.imap(_lint_one, paths, chunksize=chunk)
    finally:
        _linter = None


def _start(disabled: tuple[str, ...], options: Options) -> None:
    global _linter
    import sys

    sys.stdout = sys.stderr  # as in the parent (run.run): a plugin's print() must not reach the report
    if _linter is None:
        from emaillint.plugins import load_registry

        _linter = Linter(load_registry(disabled=disabled, timeout=options.plugin_timeout), options)


def _lint_one(path: str) -> FileResult:
    assert _linter is not None, "a worker without its linter"
    return _linter.lint_path(path)
