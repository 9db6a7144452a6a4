"""Project configuration: ``.emaillint.yaml`` or ``[tool.emaillint]`` in ``pyproject.toml``.

Found from the current directory upwards (the first directory that has either wins, and
there ``.emaillint.yaml`` wins over ``pyproject.toml``), or named with ``--config FILE``.
Every key and value is checked here, so a typo is a one-line error naming the file, the
key and what to write instead, never a setting that silently does nothing. Rule ids are
checked later, against the rules of the installed plugins (``policy``).

``tomllib`` is imported only for a ``pyproject.toml`` that mentions emaillint: most
projects have one, and emaillint runs on every commit.
"""

from __future__ import annotations

import os
import re
import sys
from typing import Any, Callable, Mapping, NamedTuple

from emaillint.model import SEVERITIES

YAML_NAME = ".emaillint.yaml"
TOML_NAME = "pyproject.toml"
TABLE = "[tool.emaillint]"


ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
"""YYYY-MM-DD and nothing else: ``date.fromisoformat`` also takes 20260101 and 2026W011."""


class ConfigError(Exception):
    """A bad configuration: the message is the one line the user sees (exit 2)."""


class ProjectConfig(NamedTuple):
    """The project file's settings; None or empty means the file does not set it."""

    path: str = ""
    """The file read, or empty when there is none."""
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    severity: Mapping[str, str] = {}
    strict: bool | None = None
    include: tuple[str, ...] | None = None
    exclude: tuple[str, ...] = ()
    disable_plugins: tuple[str, ...] = ()
    as_of: str = ""
    plugin_timeout: float | None = None
    """Seconds a plugin call may take (None: ``plugins.DEFAULT_TIMEOUT``)."""
    baseline: str = ""
    """A baseline file, as written: relative to the configuration's directory (``root``)."""
    origins: Mapping[str, str] = {}
    """Key -> where it is written (``pyproject.toml: [tool.emaillint] ignore``), for errors."""

    @property
    def root(self) -> str:
        """The directory relative include/exclude globs are anchored at."""
        return os.path.dirname(os.path.abspath(self.path)) if self.path else os.getcwd()

    def origin(self, key: str) -> str:
        return self.origins.get(key, f"{self.path}: {key}")


def discover(explicit: str | None = None, start: str = ".") -> ProjectConfig:
    """The configuration for a run: ``explicit`` if given, else the nearest one found."""
    if explicit is not None:
        if not os.path.isfile(explicit):
            if not os.path.exists(explicit):
                raise ConfigError(f"--config {explicit}: no such file")
            what = "is a directory" if os.path.isdir(explicit) else "is not a regular file (a device or a pipe)"
            raise ConfigError(f"--config {explicit}: {what}; name a pyproject.toml or an {YAML_NAME}")
        config = read(explicit)
        if config is None:
            raise ConfigError(f"{explicit}: has no {TABLE} table; add one, or name an {YAML_NAME}")
        return config
    directory = os.path.abspath(start)
    while True:
        for name in (YAML_NAME, TOML_NAME):
            candidate = os.path.join(directory, name)
            if os.path.isfile(candidate):
                config = read(shown_path(candidate))
                if config is not None:
                    return config
        parent = os.path.dirname(directory)
        if parent == directory:
            return ProjectConfig()
        directory = parent


def read(path: str) -> ProjectConfig | None:
    """The configuration in ``path``; None for a pyproject.toml without our table."""
    try:
        with open(path, "rb") as handle:
            raw = handle.read()
    except OSError as exc:
        raise ConfigError(f"{path}: cannot be read: {exc.strerror or type(exc).__name__}") from None
    if path.endswith(".toml"):  # TOML is UTF-8; editors on Windows may still start it with a byte-order mark
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise ConfigError(f"{path}: cannot be read: not UTF-8 text") from None
        table = _toml_table(text, path) if "emaillint" in text else None
        if table is None:
            return None
        return _parse(table, path, lambda key: f"{path}: {TABLE} {key}")
    if path.endswith((".yaml", ".yml")):  # in any encoding YAML allows, as linted files are
        from emaillint.load import decode

        text, why = decode(raw)
        if text is None:
            raise ConfigError(f"{path}: cannot be read: it {why}")
        return _yaml_config(text, path)
    raise ConfigError(f"{path}: is neither a pyproject.toml nor a .yaml file; name one of those with --config")


def _toml_table(text: str, path: str) -> dict[str, Any] | None:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # the same parser, published as tomli before it joined the standard library
        import tomli as tomllib

    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    table = document.get("tool", {})
    table = table.get("emaillint") if isinstance(table, dict) else None
    if table is not None and not isinstance(table, dict):
        raise ConfigError(f"{path}: tool.emaillint must be a table ({TABLE}), not a single value")
    return table


def _yaml_config(text: str, path: str) -> ProjectConfig:
    from emaillint import load

    loaded = load.load(text, path)
    problems = loaded.findings + [f for document in loaded.documents for f in document.findings]
    if problems:
        first = problems[0]
        said = f"{first.message}; {first.help}" if first.help else first.message
        raise ConfigError(f"{path}:{first.line}:{first.column}: {said}")
    document = loaded.documents[0] if loaded.documents else None
    if len(loaded.documents) > 1:
        raise ConfigError(f"{path}: has {len(loaded.documents)} YAML documents; keep the settings in one")
    data = document.data if document is not None else None
    if data is None:
        return ProjectConfig(path)
    if not isinstance(data, dict):
        raise ConfigError(f"{path}:1:1: must be a mapping of settings (select:, ignore:, ...)")

    def origin(key: str) -> str:
        line, column = document.position((key,), key=True)
        return f"{path}:{line}:{column}: {key}"

    return _parse(data, path, origin)


def _parse(table: Mapping[str, Any], path: str, origin: Callable[[str], str]) -> ProjectConfig:
    values: dict[str, Any] = {}
    for key, value in table.items():
        check = _KEYS.get(key)
        if check is None:
            from emaillint.suggest import closest

            close = closest(key, _KEYS)
            hint = f"did you mean '{close}'?" if close else f"the keys are: {', '.join(_KEYS)}"
            raise ConfigError(f"{origin(key)}: unknown key; {hint}")
        try:
            values[key] = check(value)
        except ValueError as exc:
            raise ConfigError(f"{origin(key)}: {exc}") from None
    return ProjectConfig(path=path, origins={key: origin(key) for key in table}, **values)


def _names(what: str, example: str) -> Callable[[Any], tuple[str, ...]]:
    def check(value: Any) -> tuple[str, ...]:
        if not isinstance(value, list) or not all(isinstance(item, str) and item for item in value):
            raise ValueError(f"expected a list of {what}, e.g. [{example}], got {_shown_value(value)}")
        return tuple(value)

    return check


def _severity(value: Any) -> dict[str, str]:
    if not isinstance(value, dict):
        raise ValueError(f'expected a table of rule = severity, e.g. {{cc-quota = "error"}}, got {_shown_value(value)}')
    for rule, level in value.items():
        if level not in SEVERITIES:
            raise ValueError(f"{rule}: expected one of {', '.join(SEVERITIES)}, got {_shown_value(level)}")
    return dict(value)


def _bool(value: Any) -> bool:
    if not isinstance(value, bool):
        raise ValueError(f"expected true or false, got {_shown_value(value)}")
    return value


def _file(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f'expected a file name, e.g. "emaillint-baseline.json", got {_shown_value(value)}')
    return value


def _date(value: Any) -> str:
    from datetime import date

    if isinstance(value, date):  # TOML's unquoted 2026-01-01
        return value.isoformat()[:10]
    if isinstance(value, str) and ISO_DATE.fullmatch(value):
        try:
            return date.fromisoformat(value).isoformat()
        except ValueError:
            pass
    raise ValueError(f"expected a date in the form YYYY-MM-DD, got {_shown_value(value)}")


def _timeout(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value <= 3600:
        raise ValueError(f"expected a number of seconds between 0 and 3600, e.g. 10, got {_shown_value(value)}")
    return float(value)


def _globs(value: Any) -> tuple[str, ...]:
    globs = _names("file globs", '"*.yaml", "mail/*.conf"')(value)
    if not globs:
        raise ValueError('an empty list would lint no file; name globs, e.g. ["*.yaml", "mail/*.conf"], or leave'
                         ' include out for the default (*.yaml and *.yml)')
    return globs


_KEYS: dict[str, Callable[[Any], Any]] = {
    "select": _names("rule ids", '"cc-quota", "legacy-auth"'),
    "ignore": _names("rule ids", '"cc-quota"'),
    "severity": _severity,
    "strict": _bool,
    "include": _globs,
    "exclude": _names("globs", '"fixtures", "tests/bad-*.yaml"'),
    "disable_plugins": _names("plugin names", '"acme"'),
    "as_of": _date,
    "baseline": _file,
    "plugin_timeout": _timeout,
}


def _shown_value(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "a list"
    return repr(value) if isinstance(value, str) else str(value)


def shown_path(path: str) -> str:
    """Paths in messages relative to the current directory when that is shorter."""
    relative = os.path.relpath(path)
    return relative if len(relative) < len(path) else path
