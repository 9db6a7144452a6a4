"""The plain settings object the CLI builds and ``run`` consumes.

It holds what the command line said; None (or empty) means "not given", so that ``run``
can fall back to the project configuration and then to the defaults.
"""

from __future__ import annotations

from typing import NamedTuple


class Settings(NamedTuple):
    paths: tuple[str, ...] = (".",)
    format: str = "auto"
    """A report format, or ``auto``: ``github`` inside GitHub Actions, ``text`` elsewhere."""
    as_of: str = ""
    """YYYY-MM-DD; empty means the project's ``as_of``, else today."""
    dialect: str | None = None
    resolve_env: bool = False
    disable_plugins: tuple[str, ...] = ()
    color: str = "auto"
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    strict: bool | None = None
    config: str | None = None
    """A project configuration file named with ``--config``; None: search for one."""
    stdin_filename: str | None = None
    """The path findings on standard input are reported at (editor integrations)."""
    jobs: int = 0
    """Worker processes for large runs; 0 means one per core (see ``parallel``)."""
    baseline: str | None = None
    """``--baseline FILE``: report only findings not in it; None: the project's ``baseline``."""
    write_baseline: str | None = None
    """``--write-baseline FILE``: record this run's findings there, then report as ``--baseline``."""
    plugin_timeout: float | None = None
    """``--plugin-timeout``: seconds a plugin call may take; None: the project's, else the default."""
    no_baseline: bool = False
    """``--no-baseline``: report every finding whatever the project's ``baseline`` says."""
