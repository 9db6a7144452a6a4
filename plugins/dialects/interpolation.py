"""How each program expands ``$``-expressions in a value, and what lint time can know of it.

The same text means different things to different programs: docker-compose expands
``$NAME``, ``${NAME}`` and ``${NAME:-fallback}``; Spring expands ``${NAME}`` and
``${NAME:fallback}`` but not ``$NAME``; Grafana expands ``${NAME}`` and
``$__env{NAME}`` / ``$__file{PATH}``; Alertmanager expands nothing. A ``Value`` records
the outcome: text known now, a reference known only at run time, the fallback the
program uses when the variable is unset, or a look-alike the program uses as written.
"""

from __future__ import annotations

import re
from typing import Mapping, NamedTuple

PLAIN = "plain"
REFERENCE = "reference"
FALLBACK = "fallback"
UNEXPANDED = "unexpanded"

_NAME = r"[A-Za-z_][A-Za-z0-9_]*"
_COMPOSE_WHOLE = re.compile(r"\$\{(" + _NAME + r")(?:(:?[-?+])(.*))?\}|\$(" + _NAME + ")", re.S)
_COMPOSE_ANY = re.compile(r"\$(?:\{|" + _NAME + ")")
_SPRING_WHOLE = re.compile(r"\$\{([^:{}]+)(?::(.*))?\}", re.S)
_SPRING_ANY = re.compile(r"\$\{")
_GRAFANA_WHOLE = re.compile(r"\$__(env|file|vault)\{([^{}]*)\}|\$\{(" + _NAME + r")\}")
_ANY_DOLLAR_NAME = re.compile(r"\$\{?" + _NAME)


class Value(NamedTuple):
    """A setting's value as far as lint time knows it.

    ``kind``: ``plain`` (``text`` is the value), ``reference`` (set at run time from
    ``name``), ``fallback`` (``text`` is used whenever ``name`` is unset, so it is as
    good as written in the file) or ``unexpanded`` (``text`` looks like a reference but
    the program uses it as written).
    """

    kind: str
    text: str = ""
    name: str = ""


def compose(text: str, environ: Mapping[str, str] = {}) -> Value:
    """docker-compose interpolation (the Compose specification's subset of shell syntax)."""
    if "$" not in text:
        return Value(PLAIN, text)
    whole = _COMPOSE_WHOLE.fullmatch(text.strip())
    if whole:
        name = whole.group(1) or whole.group(4)
        operator, argument = whole.group(2) or "", whole.group(3) or ""
        if name in environ and operator not in ("+", ":+"):
            return Value(PLAIN, environ[name], name)
        if operator in ("-", ":-"):
            if _COMPOSE_ANY.search(argument.replace("$$", "")):
                return Value(REFERENCE, "", name)
            return Value(FALLBACK, argument.replace("$$", "$"), name)
        return Value(REFERENCE, "", name)
    if _COMPOSE_ANY.search(text.replace("$$", "")):
        match = _ANY_DOLLAR_NAME.search(text.replace("$$", ""))
        return Value(REFERENCE, "", match.group(0).lstrip("${") if match else "")
    return Value(PLAIN, text.replace("$$", "$"))


def spring(text: str, environ: Mapping[str, str] = {}) -> Value:
    """Spring's property placeholders: ``${NAME}``, ``${NAME:fallback}``; ``$NAME`` is text."""
    stripped = text.strip()
    whole = _SPRING_WHOLE.fullmatch(stripped)
    if whole:
        name, fallback = whole.group(1).strip(), whole.group(2)
        if name in environ:
            return Value(PLAIN, environ[name], name)
        if fallback is not None and not _SPRING_ANY.search(fallback):
            return Value(FALLBACK, fallback, name)
        return Value(REFERENCE, "", name)
    if _SPRING_ANY.search(stripped):
        return Value(REFERENCE, "", "")
    if _ANY_DOLLAR_NAME.fullmatch(stripped):
        return Value(UNEXPANDED, text)
    return Value(PLAIN, text)


def grafana(text: str, environ: Mapping[str, str] = {}) -> Value:
    """Grafana's variable expansion: ``$__env{NAME}``, ``$__file{PATH}``, ``$__vault{...}``, ``${NAME}``."""
    stripped = text.strip()
    whole = _GRAFANA_WHOLE.fullmatch(stripped)
    if whole:
        name = whole.group(3) or (whole.group(2) if whole.group(1) == "env" else "")
        if name and name in environ:
            return Value(PLAIN, environ[name], name)
        return Value(REFERENCE, "", name or whole.group(2))
    if _GRAFANA_WHOLE.search(stripped):
        return Value(REFERENCE, "", "")
    if _ANY_DOLLAR_NAME.search(stripped):
        return Value(UNEXPANDED, text)
    return Value(PLAIN, text)


def verbatim(text: str) -> Value:
    """Programs that expand nothing (Alertmanager, Home Assistant outside its tags)."""
    if _ANY_DOLLAR_NAME.search(text):
        return Value(UNEXPANDED, text)
    return Value(PLAIN, text)
