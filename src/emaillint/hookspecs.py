"""The plugin API's hooks: one function per hook, called by emaillint, implemented by plugins.

A plugin is any module or object with functions named like these, marked with
``emaillint.api.hookimpl``, and listed under the ``emaillint`` entry-point group::

    [project.entry-points.emaillint]
    acme = "emaillint_acme"

Every hook here is called once per process, with no arguments, and returns data; the
engine calls each plugin's implementation on its own, so one plugin that raises is
reported as ``plugin-error`` by name while the others still count. None is
``firstresult``; hook wrappers are not supported.
"""

from __future__ import annotations

from typing import Any, Mapping, Sequence

import pluggy

PROJECT = "emaillint"
"""The pluggy project name, and the entry-point group plugins register under."""

hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)
"""Marks a plugin's hook implementations; plugins import it from ``emaillint.api``."""


@hookspec
def emaillint_providers() -> Sequence[Any]:
    """Return the ``Provider`` data sheets this plugin knows.

    Called once at start-up. Provider names, submission hosts and username domains must
    be unique across plugins (providers of one ``family`` may share hosts and domains);
    a clash is reported as ``plugin-error`` and the later provider is not used.
    """


@hookspec
def emaillint_rules() -> Sequence[Any]:
    """Return extra ``Rule``s: their ids, default severities, explanations and checks.

    Called once at start-up. Rule ids are global: a plugin should prefix its own
    (``acme-relay-port``). An account-scope check receives ``(account, context)`` and
    yields ``Problem``s; it runs for every account, whatever its provider, so a
    provider-specific rule checks ``context.provider`` first.
    """


@hookspec
def emaillint_schema_properties() -> Mapping[str, Mapping[str, Any]]:
    """Return extra account keys for emaillint's own format, as JSON Schema fragments.

    Called once at start-up, before the schema is compiled. Use it for a provider's own
    settings (``{"acme_relay_pool": {"type": "string"}}``); mark secret values with
    ``"writeOnly": true`` so they are never echoed. Keys are merged into
    ``$defs.account.properties``; a key that already exists is not replaced.
    """


@hookspec
def emaillint_dialects() -> Sequence[Any]:
    """Return ``Dialect``s: config formats this plugin maps onto emaillint's account model.

    Called once at start-up. For each YAML document the engine asks every dialect's
    ``detect``; the first that says yes reads it (``--dialect NAME`` forces one).
    """
