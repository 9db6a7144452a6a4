"""Plugin discovery and loading: entry points one at a time, failures reported by name.

pluggy's ``load_setuptools_entrypoints`` stops at the first plugin that fails to import
(sqlfluff #5661), and ``importlib.metadata`` costs 30-50 ms of start-up on these
machines before it finds anything. So we scan the ``*.dist-info`` folders on
``sys.path`` for an ``entry_points.txt`` with an ``[emaillint]`` section ourselves
(about a millisecond), import each plugin on its own, and call each plugin's hooks on
their own: a plugin that fails becomes a ``plugin-error`` naming it and its version,
and the rest of the run goes on. What the hooks return is checked before it is used,
and two plugins claiming the same rule id, provider, host, domain, account key or
dialect name is an error, never a silent override.

Every call into a plugin's code goes through the run's ``Boundary``: with a time limit,
with what the plugin raises (``SystemExit`` and ``GeneratorExit`` included) turned into its
plugin-error, and with its ``print()`` sent to standard error by ``run`` (docs/plugins.md,
"The plugin boundary").
"""

from __future__ import annotations

import importlib
import os
import queue
import sys
import threading
import time
import types
import weakref
from typing import Any, Callable, Iterable, Iterator, Mapping, NamedTuple, TypeVar

import pluggy

from emaillint import hookspecs
from emaillint.model import ERROR, Dialect, Finding, Rule
from emaillint.plugin_checks import (dialect_problem, listing_problem, provider_problem, rule_problem,
                                     schema_property_problem)
from emaillint.provider import Listing, Provider
from emaillint.resolve import ProviderIndex
from emaillint.vocabulary import PLUGIN_ERROR

PLUGIN_PATH = "<plugins>"
"""The path plugin-error findings carry when no linted file is to blame."""
OWN_DIST = "emaillint"
"""emaillint's own distribution: its plugins load first, so nothing can shadow them."""
HOOKS = tuple(sorted(name for name in vars(hookspecs) if name.startswith("emaillint_")))
_MARK = f"{hookspecs.PROJECT}_impl"
"""The attribute ``hookimpl`` sets on the functions it marks."""


DEFAULT_TIMEOUT = 10.0
"""Seconds one plugin call may take (``--plugin-timeout``, ``plugin_timeout``): a rule's check
of one account takes microseconds, a dialect's reading of a file milliseconds."""
IDLE = 1.0
"""Seconds the worker thread waits for the next job before it ends."""
T = TypeVar("T")


_BOUNDARIES: weakref.WeakSet[Boundary] = weakref.WeakSet()


def _after_fork() -> None:
    for boundary in list(_BOUNDARIES):
        boundary._forked()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_after_fork)


class PluginExit(Exception):
    """A plugin call ended in a ``BaseException`` that is no ``Exception`` (``SystemExit``,
    ``GeneratorExit``, or a ``KeyboardInterrupt`` the plugin raised itself): an ``Exception``
    for the call site to report, with the original as its ``__cause__``."""


class _Abandoned(BaseException):
    """Raised in a worker thread the run gave up on, when its plugin call returns at last,
    so that it unwinds without touching anything of the run."""


class _Local(threading.local):
    """The job of the worker thread it is read in. ``job`` is a class attribute so that
    reading it where no job was ever set (the watching thread, the API's direct calls) is
    an attribute look-up, not the AttributeError ``getattr(local, "job", None)`` raises and
    catches: 0.1 us against 1.1 us a call."""

    job: _Job | None = None


class _Job:
    __slots__ = ("work", "done", "result", "error", "current", "started", "abandoned", "inbox")

    def __init__(self, work: Callable[[], Any]) -> None:
        self.work = work
        self.done = threading.Event()
        self.result: Any = None
        self.error: BaseException | None = None
        self.current: tuple[str, str] | None = None
        self.started = 0.0
        self.abandoned = False
        self.inbox: Any = None


class Boundary:
    """Where emaillint calls plugin code, with a time limit that works without killing anything.

    ``run(work)`` does ``work`` (reading one file, collecting the hooks, one ``finish``) in a
    worker thread while this thread watches the plugin call in progress. A call that takes
    longer than ``limit`` seconds is given up on: its thread is abandoned (a daemon thread;
    it ends with the process, and if the call ever returns it unwinds at once without
    touching the run), the call is recorded in ``hung`` and skipped from then on (it returns
    its ``default``), and ``work`` is done again from the start in a new thread. So a rule
    that sleeps or loops forever costs the run ``limit`` seconds once, and one thread.

    A real Ctrl-C reaches the watching thread and stops the run as always; a
    ``KeyboardInterrupt`` raised inside the worker can only come from the plugin, and is
    its error like ``SystemExit``. Outside ``run`` (the API's direct calls) a call has no
    time limit and only ``SystemExit`` and ``GeneratorExit`` are caught.
    """

    def __init__(self, limit: float = DEFAULT_TIMEOUT) -> None:
        self.limit = limit
        self.hung: dict[tuple[str, str], str] = {}
        """(plugin, what) -> where it hung: the calls given up on, skipped for the rest of the run."""
        self._local = _Local()
        self._lock = threading.Lock()
        self._inbox: queue.SimpleQueue[_Job] | None = None
        """Where the waiting worker thread takes its next job from (None: no thread waits)."""
        _BOUNDARIES.add(self)

    def _forked(self) -> None:
        """In a child process (``-j``'s forked workers): the worker thread was not copied, and
        a job handed to its inbox would wait forever."""
        self._lock = threading.Lock()
        self._inbox = None

    def call(self, key: tuple[str, str], function: Callable[..., T], *args: Any, default: Any = None) -> T:
        """``function(*args)`` for the plugin ``key[0]``; ``key[1]`` says what it is (``rule 'x'``)."""
        if key in self.hung:
            return default
        job = self._local.job
        if job is not None:
            job.started = time.monotonic()
            job.current = key
        try:
            return function(*args)
        except (Exception, _Abandoned):
            raise
        except (SystemExit, GeneratorExit) as exc:
            raise PluginExit(describe(exc)) from exc
        except KeyboardInterrupt as exc:
            if job is None:  # the user's Ctrl-C
                raise
            raise PluginExit(describe(exc)) from exc
        finally:
            if job is not None:
                job.current = None
                if job.abandoned:
                    raise _Abandoned

    def run(self, work: Callable[[], T], where: str = "") -> tuple[T, list[tuple[str, str]]]:
        """``work()`` and the calls that hung while it ran (given up on, then skipped)."""
        if self._local.job is not None:  # already in a worker
            return work(), []
        hung: list[tuple[str, str]] = []
        poll = min(0.05, self.limit / 10)
        while True:
            job = _Job(work)
            self._hand(job)
            while not job.done.wait(poll):
                current, started = job.current, job.started
                if current is not None and time.monotonic() - started > self.limit:
                    job.abandoned = True
                    self.hung[current] = where
                    hung.append(current)
                    with self._lock:
                        if self._inbox is job.inbox:  # the next job goes to a new thread
                            self._inbox = None
                    break
            else:
                if job.error is not None:
                    raise job.error
                return job.result, hung

    def _hand(self, job: _Job) -> None:
        """Give ``job`` to the worker thread, starting one if none is waiting: one thread
        does every file of a run (starting a thread per file cost a tenth of a lint)."""
        with self._lock:
            if self._inbox is None:
                self._inbox = queue.SimpleQueue()
                threading.Thread(target=self._serve, args=(self._inbox,), daemon=True,
                                 name="emaillint-plugin-call").start()
            job.inbox = self._inbox
            self._inbox.put(job)

    def _serve(self, inbox: queue.SimpleQueue[_Job]) -> None:
        """Do the jobs of ``inbox`` until it is idle for ``IDLE`` seconds (so a boundary the
        API made and dropped leaves no thread behind) or its job is abandoned."""
        while True:
            try:
                job = inbox.get(timeout=IDLE)
            except queue.Empty:
                with self._lock:
                    if not inbox.empty():
                        continue
                    if self._inbox is inbox:
                        self._inbox = None
                    return
            self._local.job = job
            try:
                job.result = job.work()
            except _Abandoned:
                return
            except BaseException as exc:  # handed to the watching thread, which raises it there
                job.error = exc
            finally:
                self._local.job = None
            job.done.set()

    def hang_message(self, key: tuple[str, str]) -> str:
        plugin, what = key
        return (f"{what} did not return within {self.limit:g} s, so it is skipped for the rest of the run;"
                f" fix or upgrade the plugin, or turn it off with --disable-plugin {plugin}")


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
    """Why the plugin did not load (empty: it loaded)."""
    disabled: bool = False


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
            key = _normal(dist)
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
                name = _dist_name(os.path.join(base or ".", folder), dist)
                found.extend(EntryPoint(n, v, name, version) for n, v in _section(text, group))
    return found


def _dist_name(folder: str, fallback: str) -> str:
    """The distribution's name as its author spelt it (folder names are normalised)."""
    for metadata in ("METADATA", "PKG-INFO"):
        try:
            with open(os.path.join(folder, metadata), encoding="utf-8") as handle:
                for line in handle:
                    if line.startswith("Name:"):
                        return line[5:].strip() or fallback
                    if not line.strip():  # the headers end here
                        break
        except OSError:
            continue
    return fallback


def _normal(dist: str) -> str:
    return dist.lower().replace("-", "_").replace(".", "_")


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


def _load_order(eps: Iterable[EntryPoint]) -> list[EntryPoint]:
    """emaillint's own plugins first, then the others by name: a stable order for clashes."""
    return sorted(eps, key=lambda ep: (_normal(ep.dist) != OWN_DIST, ep.name, ep.dist))


class _Manager(pluggy.PluginManager):
    """pluggy looks up every name ``dir(plugin)`` lists with ``inspect.getattr_static``:
    about a thousand look-ups over the built-in modules, 5 ms of every run. A module's
    attributes are its ``__dict__``, where only these can be hooks (pluggy's own test), so
    the other names are passed over before pluggy looks."""

    HOOKABLE = (types.FunctionType, types.MethodType, staticmethod, classmethod)

    def parse_hookimpl_opts(self, plugin: Any, name: str) -> Any:
        if isinstance(plugin, types.ModuleType) and not isinstance(vars(plugin).get(name), self.HOOKABLE):
            return None
        return super().parse_hookimpl_opts(plugin, name)


class Registry:
    """Everything the installed plugins contribute, checked for shape and clashes."""

    def __init__(self, timeout: float = DEFAULT_TIMEOUT) -> None:
        self.boundary = Boundary(timeout)
        self.manager = _Manager(hookspecs.PROJECT)
        self.manager.add_hookspecs(hookspecs)
        self.plugins: list[PluginInfo] = []
        self.errors: list[Finding] = []
        self.problems: dict[str, list[str]] = {}
        """Plugin name -> what went wrong with it, for ``emaillint plugins``."""
        self.rules: dict[str, Rule] = {}
        self.dialects: list[Dialect] = []
        self.providers = ProviderIndex()
        self.providers.report = self.error
        self.schema_properties: dict[str, Any] = {}
        self.schema_owner: dict[str, str] = {}
        self._schema: dict[str, Any] | None = None
        self.names: set[str] = {OWN_DIST}
        """Every plugin installed or given, loaded or not: what --disable-plugin may name."""

    def error(self, plugin: str, message: str) -> None:
        """Record a plugin-error: ``message`` says what ``plugin`` did and what to do."""
        self.problems.setdefault(plugin, []).append(message)
        self.errors.append(Finding(PLUGIN_PATH, 1, 1, PLUGIN_ERROR, ERROR, f"{self.label(plugin)}: {message}"))

    def label(self, name: str) -> str:
        for info in self.plugins:
            if info.name == name and info.dist:
                return f"plugin '{name}' ({info.dist} {info.version})"
        return f"plugin '{name}'"

    def status(self, info: PluginInfo) -> str:
        """One word or phrase for ``emaillint plugins``."""
        if info.disabled:
            return "disabled"
        if info.error:
            return f"failed: {info.error}"
        problems = self.problems.get(info.name)
        if problems:
            return f"{len(problems)} error{'s' if len(problems) > 1 else ''} (listed below)"
        return "ok"

    def failed(self, name: str, dist: str, version: str, why: str) -> None:
        """A plugin that could not be loaded or registered at all."""
        self.plugins.append(PluginInfo(name, dist, version, why))
        self.error(name, f"{why}; fix or upgrade it, or turn it off with --disable-plugin {name}")

    def add(self, plugin: Any, name: str, dist: str = "", version: str = "") -> None:
        try:
            self.manager.register(plugin, name=name)
        except pluggy.PluginValidationError as exc:  # hook arguments that are not in the spec
            lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
            self.failed(name, dist, version, "could not be registered: " + "; ".join(lines[1:] or lines)
                        + "; emaillint calls every hook without arguments")
            return
        except Exception as exc:
            self.failed(name, dist, version, f"could not be registered: {describe(exc)}")
            return
        self.plugins.append(PluginInfo(name, dist, version))
        self._check_hook_names(plugin, name)

    def _check_hook_names(self, plugin: Any, name: str) -> None:
        """pluggy ignores unmarked functions and keeps misspelt hooks: both fail silently."""
        for attr in dir(plugin):
            try:
                function = getattr(plugin, attr, None)
            except Exception:  # a property that raises is no hook
                continue
            opts = getattr(function, _MARK, None) if callable(function) else None
            if opts is None:
                if attr in HOOKS and callable(function):
                    self.error(name, f"{attr}() is not marked as a hook, so emaillint never calls it;"
                                     " decorate it with @hookimpl (from emaillint.api import hookimpl)")
                continue
            hook = opts.get("specname") or attr
            if hook not in HOOKS:
                from emaillint.suggest import closest

                close = closest(hook, HOOKS)
                hint = f"did you mean {close}?" if close else f"the hooks are: {', '.join(HOOKS)}"
                self.error(name, f"{hook}() is not an emaillint hook; {hint}")
            elif opts.get("hookwrapper") or opts.get("wrapper"):
                self.error(name, f"{hook}() is a hook wrapper, which emaillint does not support;"
                                 " return your data from a plain @hookimpl instead")

    def collect(self) -> None:
        """Call every plugin's hooks, one plugin at a time, and index what they return; a
        hook that hangs is given up on, and the hooks are called again without it."""
        errors, problems = list(self.errors), {name: list(found) for name, found in self.problems.items()}

        def collect() -> None:
            self.errors, self.problems = list(errors), {name: list(found) for name, found in problems.items()}
            self.rules, self.dialects, self.providers = {}, [], ProviderIndex()
            self.providers.report = self.error  # a listed sheet that fails to load, on first use
            self.schema_properties, self.schema_owner, self._schema = {}, {}, None
            self._collect()

        _, hung = self.boundary.run(collect)
        for key in hung:
            self.error(key[0], self.boundary.hang_message(key))

    def _collect(self) -> None:
        for name, rule in self._each("emaillint_rules", Rule):
            why = rule_problem(rule)
            if why:
                self.error(name, why)
            elif rule.id in self.rules:
                self.error(name, f"rule '{rule.id}' is already defined by {self.label(self.rules[rule.id].plugin)},"
                                 " so this one is not used; give yours an id prefixed with your plugin's name")
            else:
                self.rules[rule.id] = rule._replace(plugin=name)
        for name, dialect in self._each("emaillint_dialects", Dialect):
            other = next((d for d in self.dialects if d.name == dialect.name), None)
            if other is not None:
                self.error(name, f"dialect '{dialect.name}' is already defined by {self.label(other.plugin)},"
                                 " so this one is not used; rename yours")
            elif why := dialect_problem(dialect):
                self.error(name, why)
            else:
                self.dialects.append(dialect._replace(plugin=name, needles=tuple(dialect.needles)))
        for name, provider in self._each("emaillint_providers", (Provider, Listing)):
            if isinstance(provider, Listing):
                why = listing_problem(provider) or self.providers.add_listing(provider, name)
            else:
                why = provider_problem(provider) or self.providers.add(provider, name)
            if why:
                self.error(name, why)
        self._collect_schema_properties()

    def _collect_schema_properties(self) -> None:
        base: set[str] | None = None
        for name, properties in self._each("emaillint_schema_properties", Mapping, many=False):
            if base is None:
                from emaillint.schema import base_schema

                base = set(base_schema()["$defs"]["account"]["properties"])
            for key, fragment in properties.items():
                why = schema_property_problem(key, fragment)
                if not why and key in base:
                    why = f"account key '{key}' is one of emaillint's own keys; name yours like '{name}_{key}'"
                if not why and key in self.schema_owner:
                    why = (f"account key '{key}' is already added by {self.label(self.schema_owner[key])},"
                           " so this one is not used; prefix yours with your plugin's name")
                if why:
                    self.error(name, why)
                    continue
                self.schema_properties[key] = dict(fragment)
                self.schema_owner[key] = name

    def schema(self) -> dict[str, Any]:
        """emaillint's schema plus the plugins' account keys; an invalid key is reported and left out."""
        if self._schema is None:
            from emaillint.schema import build_schema

            if self.schema_properties:
                import jsonschema_rs

                for key, fragment in list(self.schema_properties.items()):
                    try:
                        jsonschema_rs.meta.validate(fragment)
                    except jsonschema_rs.ValidationError as exc:
                        self.error(self.schema_owner[key], f"account key '{key}' is not valid JSON Schema"
                                                           f" ({exc.message}); the key is left out")
                        del self.schema_properties[key]
            self._schema = build_schema(self.schema_properties)
        return self._schema

    def _each(self, hook: str, kind: type | tuple[type, ...], many: bool = True) -> Iterator[tuple[str, Any]]:
        """(plugin name, item) for what each plugin's ``hook`` returns, in load order.

        The result is materialised inside the try, so a generator that raises halfway is
        one plugin's error too; items of the wrong type are reported and skipped.
        """
        order = {info.name: index for index, info in enumerate(self.plugins)}
        impls = sorted(getattr(self.manager.hook, hook).get_hookimpls(), key=lambda i: order[i.plugin_name])
        for impl in impls:
            if impl.hookwrapper or impl.wrapper:
                continue
            try:
                items = self.boundary.call((impl.plugin_name, f"{hook}()"), _items, impl.function, many, default=[])
            except Exception as exc:
                self.error(impl.plugin_name, f"{hook}() raised {describe(exc)}; what it returns is not"
                                             f" used: fix or upgrade the plugin, or turn it off with"
                                             f" --disable-plugin {impl.plugin_name}")
                continue
            for item in items:
                if isinstance(item, kind):
                    yield impl.plugin_name, item
                else:
                    kinds = kind if isinstance(kind, tuple) else (kind,)
                    expected = "a dict" if kind is Mapping else " or ".join(f"{k.__name__} objects" for k in kinds)
                    self.error(impl.plugin_name, f"{hook}() returned {_a(item)} where emaillint expects"
                                                 f" {expected} (from emaillint.api); it is not used")


def _items(hook: Callable[[], Any], many: bool) -> list[Any]:
    result = hook()
    return ([result] if result else []) if not many else list(result or ())


def _a(value: Any) -> str:
    name = type(value).__name__
    return f"an {name}" if name[:1].lower() in "aeiou" else f"a {name}"


def original(exc: BaseException) -> BaseException:
    """What the plugin raised: the cause of a ``PluginExit``."""
    return exc.__cause__ if isinstance(exc, PluginExit) and exc.__cause__ is not None else exc


def describe(exc: BaseException) -> str:
    """``Type: first line of its text``, as plugin-errors show what a plugin raised."""
    exc = original(exc)
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def load_registry(disabled: Iterable[str] = (), extra: Iterable[tuple[str, Any]] = (),
                  discover: bool = True, builtins: bool = True, timeout: float = DEFAULT_TIMEOUT) -> Registry:
    """The registry for one run: the built-in engine plugin, entry points, then ``extra``.

    ``disabled`` names plugins not to load (``--disable-plugin``); ``extra`` adds plugin
    objects directly (the plugin-author test helper), and takes the place of an
    installed entry point of the same name. ``builtins`` loads emaillint's own plugins
    (its providers and dialects), ``discover`` the other installed ones; the engine's
    own core rules and format are always there. ``timeout``: seconds a plugin call may take.
    """
    from emaillint import builtin

    registry = Registry(timeout)
    registry.add(builtin, OWN_DIST, OWN_DIST, _own_version())
    skip = set(disabled)
    extra = [(name, plugin) for name, plugin in extra]
    replaced = {name for name, _ in extra}
    wanted = [ep for ep in entry_points() if (builtins if _normal(ep.dist) == OWN_DIST else discover)] \
        if builtins or discover else []
    registry.names |= {ep.name for ep in wanted} | replaced
    for ep in _load_order(wanted):
        if ep.name in skip:
            registry.plugins.append(PluginInfo(ep.name, ep.dist, ep.version, disabled=True))
        elif ep.name in replaced:
            continue
        elif registry.manager.has_plugin(ep.name):
            registry.error(ep.name, f"{ep.dist} {ep.version} also registers a plugin named '{ep.name}',"
                                    " so it is not loaded; uninstall one of the two distributions")
        else:
            _discover(registry, ep)
    for name, plugin in extra:
        if name in skip:
            registry.plugins.append(PluginInfo(name, "", "", disabled=True))
        elif not registry.manager.is_registered(plugin):
            registry.add(plugin, name)
    registry.collect()
    return registry


def unknown_disabled(registry: Registry, names: Iterable[str], where: str) -> str:
    """The one-line error for a plugin to turn off that is not installed ("" if all are):
    a misspelt name would otherwise leave the plugin on without a word."""
    for name in names:
        if name not in registry.names:
            from emaillint.suggest import closest

            close = closest(name, sorted(registry.names))
            hint = f"did you mean '{close}'?" if close else "'emaillint plugins' lists the installed ones"
            return f"{where}: no installed plugin is named '{name}'; {hint}"
    return ""


def _discover(registry: Registry, ep: EntryPoint) -> None:
    try:
        plugin = _load(ep.value)
    except (Exception, SystemExit) as exc:  # a plugin's import must not end the run
        registry.failed(ep.name, ep.dist, ep.version, f"failed to load: {describe(exc)}")
        return
    registry.add(plugin, ep.name, ep.dist, ep.version)


def _own_version() -> str:
    from emaillint import __version__

    return __version__
