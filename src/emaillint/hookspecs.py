"""The plugin API's hooks: one function per hook, called by emaillint, implemented by plugins.

A plugin is a module (or any object) with functions named like these, each marked with
``emaillint.api.hookimpl``, listed under the ``emaillint`` entry-point group::

    [project.entry-points.emaillint]
    acme = "emaillint_acme"

How every hook is called (the same for all of them, so it is said once):

- once per process, at start-up, with no arguments; a hook returns data, it does not act;
- each plugin's implementation on its own, emaillint's own plugins first and then the
  others by entry-point name; the results are checked (types, rule ids, clashes) before
  they are used;
- a plugin whose hook raises, returns the wrong type, or claims what another plugin
  already claims is reported as a ``plugin-error`` finding naming the plugin and its
  version (exit code 2); everything else it and the other plugins returned still counts;
- none is ``firstresult``; ``tryfirst``/``trylast`` do not change the order, and hook
  wrappers are not supported (reported as ``plugin-error``).

``docs/plugins.md`` is the tutorial and reference; a test checks that every hook here is
documented there and tested.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterable, Mapping

import pluggy

if TYPE_CHECKING:
    from emaillint.model import Dialect, Rule
    from emaillint.provider import Provider

PROJECT = "emaillint"
"""The pluggy project name, and the entry-point group plugins register under."""

hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)
"""Marks a plugin's hook implementations; plugins import it from ``emaillint.api``."""


@hookspec
def emaillint_providers() -> Iterable[Provider]:
    """Return the ``Provider`` data sheets this plugin adds.

    Called once at start-up, by every command. Returns an iterable of
    ``emaillint.api.Provider``; an empty one is fine.

    A provider's name, its submission hosts and its username domains must be unique
    across plugins, except between providers that share a ``family`` (one service
    under several names, like hotmail and outlook). A provider that claims a name, a
    host or a domain another plugin's provider already has is not used, and both
    plugins are named in the ``plugin-error``; emaillint's own plugins load first, so
    a third-party plugin can never silently replace a built-in provider.
    """


@hookspec
def emaillint_rules() -> Iterable[Rule]:
    """Return extra ``Rule``s: ids, default severities, explanations and checks.

    Called once at start-up, by every command. Returns an iterable of
    ``emaillint.api.Rule``. A rule id is a lower-case slug and global: prefix yours with
    your plugin's name (``acme-relay-pool``); an id another plugin already defines is
    refused. The explanation is what ``emaillint explain`` prints (sections *What it
    does*, *Why is this bad*, *Example*, *Use instead*).

    An ``account`` rule's ``check(account, context)`` runs for every account, whatever
    its provider, so a provider's own rule first checks ``context.provider``. It yields
    ``emaillint.api.Problem``s; if it raises, that account gets a ``plugin-error``
    naming the rule, and every other rule's findings still appear.
    """


@hookspec
def emaillint_schema_properties() -> Mapping[str, Mapping[str, Any]]:
    """Return extra account keys for emaillint's own format: key -> JSON Schema fragment.

    Called once at start-up, by every command; the fragments are checked against the
    JSON Schema meta-schema before the schema is compiled. Use it for a provider's own
    settings, e.g. ``{"acme_relay_pool": {"type": "string", "enum": ["eu", "us"]}}``;
    the key's value reaches rules as ``account.extra["acme_relay_pool"]``. Mark secret
    values ``"writeOnly": true`` so they are never echoed. A key emaillint already has,
    or another plugin already added, is refused (prefix yours with your plugin's name).
    """


@hookspec
def emaillint_dialects() -> Iterable[Dialect]:
    """Return ``Dialect``s: config formats this plugin maps onto emaillint's account model.

    Called once at start-up, by every command. Returns an iterable of
    ``emaillint.api.Dialect``; dialect names must be unique. For each YAML document the
    engine asks every dialect's ``detect(document)``, emaillint's own first; the first
    that answers yes reads it with ``read(document, options)`` (``--dialect NAME``
    forces one). A ``detect`` or ``read`` that raises becomes a ``plugin-error`` for that
    file only.
    """
