"""The plain settings object the CLI builds and ``run`` consumes."""

from __future__ import annotations

from typing import NamedTuple


class Settings(NamedTuple):
    paths: tuple[str, ...] = (".",)
    format: str = "text"
    as_of: str = ""
    """YYYY-MM-DD; empty means today."""
    dialect: str | None = None
    resolve_env: bool = False
    disable_plugins: tuple[str, ...] = ()
    color: str = "auto"
