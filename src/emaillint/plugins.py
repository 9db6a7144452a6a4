"""Plugin discovery and loading: entry points one at a time, failures reported by name.

pluggy's ``load_setuptools_entrypoints`` stops at the first plugin that fails to import
(sqlfluff #5661), and ``importlib.metadata`` costs 30-50 ms of start-up on these
machines before it finds anything. So we scan the ``*.dist-info`` folders on
``sys.path`` for an ``entry_points.txt`` with an ``[emaillint]`` section ourselves
(about a millisecond), import each plugin on its own, and call each plugin's hooks on
their own: a plugin that raises becomes a ``plugin-error`` naming it and its version,
and the rest of the run goes on.
"""

from __future__ import annotations

import importlib
import os
import sys
from typing import Any, Iterable, NamedTuple

import pluggy

from emaillint import hookspecs
from emaillint.model import ERROR, Dialect, Finding, Rule
from emaillint.resolve import ProviderIndex

PLUGIN_PATH = "<plugins>"
"""The path plugin-error findings carry when no linted file is to blame."""


class EntryPoint(NamedTuple):
    name: str
    value: str
    dist: str
    version: str


class PluginInfo(NamedTuple):
    name: str
    dist: str
    version: str
    error: str = ""


def entry_points(group: str = hookspecs.PROJECT) -> list[EntryPoint]:
    """Entry points of ``group`` from the distributions on ``sys.path``, first one wins."""
    found: list[EntryPoint] = []
    seen: set[str] = set()
    for base in sys.path:
        try:
            names = os.listdir(base or ".")
        except OSError:
            continue
        for folder in sorted(names):
            if not folder.endswith((".dist-info", ".egg-info")):
                continue
            dist, _, rest = folder.rpartition(".")[0].partition("-")
            key = dist.lower().replace("-", "_").replace(".", "_")
            if key in seen:
                continue
            seen.add(key)
            try:
                with open(os.path.join(base or ".", folder, "entry_points.txt"), encoding="utf-8") as handle:
                    text = handle.read()
            except OSError:
                continue
            if f"[{group}]" in text:
                version = rest.partition("-")[0]
                found.extend(EntryPoint(n, v, dist, version) for n, v in _section(text, group))
    return found


def _section(text: str, group: str) -> Iterable[tuple[str, str]]:
    active = False
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line[0] in "#;":
            continue
        if line.startswith("["):
            active = line.strip("[]").strip() == group
        elif active and "=" in line:
            name, _, value = line.partition("=")
            yield name.strip(), value.strip()


def _load(value: str) -> Any:
    module, _, attr = value.partition(":")
    obj = importlib.import_module(module.strip())
    for part in filter(None, attr.strip().split(".")):
        obj = getattr(obj, part)
    return obj


class Registry:
    """Everything the installed plugins contribute, checked for clashes."""

    def __init__(self) -> None:
        self.manager = pluggy.PluginManager(hookspecs.PROJECT)
        self.manager.add_hookspecs(hookspecs)
        self.plugins: list[PluginInfo] = []
        self.errors: list[Finding] = []
        self.rules: dict[str, Rule] = {}
        self.dialects: list[Dialect] = []
        self.providers = ProviderIndex()
        self.schema_properties: dict[str, Any] = {}

    def error(self, message: str) -> None:
        self.errors.append(Finding(PLUGIN_PATH, 1, 1, "plugin-error", ERROR, message))

    def label(self, name: str) -> str:
        for info in self.plugins:
            if info.name == name and info.dist:
                return f"plugin '{name}' ({info.dist} {info.version})"
        return f"plugin '{name}'"

    def add(self, plugin: Any, name: str, dist: str = "", version: str = "") -> None:
        try:
            self.manager.register(plugin, name=name)
        except Exception as exc:  # a malformed plugin (e.g. a misspelt hook option)
            self.plugins.append(PluginInfo(name, dist, version, _describe(exc)))
            self.error(f"plugin '{name}' ({dist} {version}) could not be registered: {_describe(exc)}")
            return
        self.plugins.append(PluginInfo(name, dist, version))

    def collect(self) -> None:
        """Call every plugin's hooks, one plugin at a time, and index what they return."""
        try:
            self.manager.check_pending()
        except pluggy.PluginValidationError as exc:
            self.error(f"{exc}; check the hook names against emaillint.hookspecs")
        for name, rules in self._each("emaillint_rules"):
            for rule in rules:
                if rule.id in self.rules:
                    self.error(f"{self.label(name)} defines rule '{rule.id}', which "
                               f"{self.label(self.rules[rule.id].plugin)} already defines")
                    continue
                self.rules[rule.id] = rule._replace(plugin=name)
        for name, dialects in self._each("emaillint_dialects"):
            self.dialects.extend(dialect._replace(plugin=name) for dialect in dialects)
        for name, providers in self._each("emaillint_providers"):
            for provider in providers:
                clash = self.providers.add(provider, name)
                if clash:
                    self.error(f"{self.label(name)}: {clash}")
        for name, properties in self._each("emaillint_schema_properties"):
            for key, subschema in dict(properties).items():
                self.schema_properties.setdefault(key, subschema)

    def _each(self, hook: str) -> Iterable[tuple[str, Any]]:
        for impl in getattr(self.manager.hook, hook).get_hookimpls():
            try:
                result = impl.function()
            except Exception as exc:
                self.error(f"{self.label(impl.plugin_name)} raised in {hook}(): {_describe(exc)}")
                continue
            if result:
                yield impl.plugin_name, result


def _describe(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def load_registry(disabled: Iterable[str] = (), extra: Iterable[tuple[str, Any]] = (),
                  discover: bool = True) -> Registry:
    """The registry for one run: the built-in engine plugin, entry points, then ``extra``.

    ``disabled`` names entry points not to load (``--disable-plugin``); ``extra`` adds
    plugin objects directly, for tests and for the plugin-author test helper.
    """
    from emaillint import builtin

    registry = Registry()
    registry.add(builtin, "emaillint", "emaillint", _own_version())
    skip = set(disabled)
    if discover:
        for ep in sorted(entry_points(), key=lambda ep: ep.name):
            if ep.name in skip or registry.manager.has_plugin(ep.name):
                continue
            try:
                plugin = _load(ep.value)
            except Exception as exc:
                registry.plugins.append(PluginInfo(ep.name, ep.dist, ep.version, _describe(exc)))
                registry.error(f"plugin '{ep.name}' ({ep.dist} {ep.version}) failed to load: {_describe(exc)}")
                continue
            registry.add(plugin, ep.name, ep.dist, ep.version)
    for name, plugin in extra:
        if name not in skip and not registry.manager.is_registered(plugin):
            registry.add(plugin, name)
    registry.collect()
    return registry


def _own_version() -> str:
    from emaillint import __version__

    return __version__
