"""The engine's own plugin: the core rules and emaillint's format, through the same hooks
as every other plugin, so that nothing built in has a path a third party lacks."""

from __future__ import annotations

from emaillint import canonical
from emaillint.hookspecs import hookimpl
from emaillint.rules import BUILTIN


@hookimpl
def emaillint_rules():
    return BUILTIN


@hookimpl
def emaillint_dialects():
    return [canonical.DIALECT]
