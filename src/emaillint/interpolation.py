"""How each program expands ``$``-expressions in a value, and what lint time can know of it.

The same text means different things to different programs: docker-compose expands
``$NAME``, ``${NAME}`` and ``${NAME:-fallback}``; Spring expands ``${NAME}`` and
``${NAME:fallback}`` but not ``$NAME``; Grafana expands ``${NAME}`` and
``$__env{NAME}`` / ``$__file{PATH}``; Rails renders ERB (``<%= ENV['NAME'] %>``);
Alertmanager expands nothing; emaillint's own format expands a whole ``${NAME}``. A
``Value`` records the outcome: text known now, a reference known only at run time, the
fallback the program uses when the variable is unset, or a look-alike the program uses
as written. Each function here is one program's rules; a dialect names the one its
program follows (``Interpolation``), and the kit applies it to every value it reads.
"""

from __future__ import annotations

import re
from typing import Callable, Literal, Mapping, NamedTuple

ValueKind = Literal["plain", "reference", "fallback", "unexpanded"]
PLAIN: ValueKind = "plain"
REFERENCE: ValueKind = "reference"
FALLBACK: ValueKind = "fallback"
UNEXPANDED: ValueKind = "unexpanded"

_NAME = r"[A-Za-z_][A-Za-z0-9_]*"
_COMPOSE_WHOLE = re.compile(r"\$\{(" + _NAME + r")(?:(:?[-?+])(.*))?\}|\$(" + _NAME + ")", re.S)
_COMPOSE_ANY = re.compile(r"\$(?:\{|" + _NAME + ")")
_SPRING_WHOLE = re.compile(r"\$\{([^:{}]+)(?::(.*))?\}", re.S)
_SPRING_ANY = re.compile(r"\$\{")
_GRAFANA_WHOLE = re.compile(r"\$__(env|file|vault)\{([^{}]*)\}|\$\{(" + _NAME + r")\}")
_ANY_DOLLAR_NAME = re.compile(r"\$\{?" + _NAME)
_MEANT_AS_REFERENCE = re.compile(r"\$\{" + _NAME + r"\}|\$[A-Z][A-Z0-9_]+(?![A-Za-z0-9_])")
"""In a program that expands nothing, text meant as a reference: ``${NAME}`` anywhere, or an
upper-case ``$NAME`` (what environment variables are called). ``pa$$word`` and ``Abc$def1``
are passwords as written (as ``credentials.classify`` reads ``$ecretPass1``): on real
Discourse samples, ``$$`` in a password was reported as a reference the launcher ignores."""


def meant_as_reference(text: str) -> bool:
    stripped = text.strip().replace("$$", "")
    return bool(_MEANT_AS_REFERENCE.search(stripped) or _ANY_DOLLAR_NAME.fullmatch(stripped))


class Value(NamedTuple):
    """A setting's value as far as lint time knows it.

    ``kind``: ``plain`` (``text`` is the value), ``reference`` (set at run time from
    ``name``), ``fallback`` (``text`` is used whenever ``name`` is unset, so it is as
    good as written in the file) or ``unexpanded`` (``text`` looks like a reference but
    the program uses it as written).
    """

    kind: ValueKind
    text: str = ""
    name: str = ""


Interpolation = Callable[[str, Mapping[str, str]], Value]
"""A program's expansion rules: the text as written and the environment (``--resolve-env``,
else empty) to the value the program would use."""


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
    if meant_as_reference(stripped):
        return Value(UNEXPANDED, text)
    return Value(PLAIN, text)


def verbatim(text: str, environ: Mapping[str, str] = {}) -> Value:
    """Programs that expand nothing (Alertmanager, Home Assistant outside its tags)."""
    if meant_as_reference(text):
        return Value(UNEXPANDED, text)
    return Value(PLAIN, text)


_OWN = re.compile(r"\$\{(" + _NAME + r")\}")


def own(text: str, environ: Mapping[str, str] = {}) -> Value:
    """emaillint's own format: a value that is exactly ``${NAME}`` is a reference."""
    whole = _OWN.fullmatch(text.strip())
    if whole is None:
        return Value(PLAIN, text)
    name = whole.group(1)
    return Value(PLAIN, environ[name], name) if name in environ else Value(REFERENCE, "", name)


_ERB = re.compile(r"<%=?-?(.*?)-?%>", re.S)
_QUOTED = r"""['"](""" + _NAME + r""")['"]"""
_FALLBACK = r"""(?:'([^']*)'|"([^"]*)"|(-?[0-9]+|true|false)|(nil))"""
_CONVERSION = r"(?:\.(?:to_i|to_s|strip|presence))?"
_RUBY_ENV = (
    re.compile(r"ENV\[\s*" + _QUOTED + r"\s*\]" + _CONVERSION + r"(?:\s*\|\|\s*" + _FALLBACK + r")?" + _CONVERSION),
    re.compile(r"ENV\.fetch\(\s*" + _QUOTED + r"\s*(?:,\s*" + _FALLBACK + r"\s*)?\)" + _CONVERSION),
    re.compile(r"ENV\.fetch\(\s*" + _QUOTED + r"\s*\)\s*\{\s*" + _FALLBACK + r"\s*\}" + _CONVERSION),
)


def ruby(text: str, environ: Mapping[str, str] = {}) -> Value:
    """Ruby code that reads the environment: ``ENV['NAME']``, ``ENV.fetch('NAME', 'x')``,
    ``ENV.fetch('NAME') { 587 }``, ``ENV['NAME'] || 'x'`` (with ``.presence``, ``.to_i``
    or ``.strip``); a ``nil`` fallback is no fallback. Any other code is a value lint
    time cannot know."""
    code = text.strip()
    found = next((m for m in (form.fullmatch(code) for form in _RUBY_ENV) if m), None)
    if found is None:
        return Value(REFERENCE, "", "")
    name = found.group(1)
    fallback = next((group for group in found.groups()[1:4] if group is not None), None)
    if name in environ:
        return Value(PLAIN, environ[name], name)
    if fallback is not None:
        return Value(FALLBACK, fallback, name)
    return Value(REFERENCE, "", name)


def erb(text: str, environ: Mapping[str, str] = {}) -> Value:
    """Rails' YAML files are ERB templates, rendered before the YAML is parsed: a value
    that is one ``<%= ... %>`` tag reading the environment (``ruby``'s forms) is a
    reference, with its fallback; any other ERB is Ruby whose result lint time cannot
    know. Outside a tag, ``${NAME}`` and ``ENV['NAME']`` are used as written. Sources: ``ActiveSupport::ConfigurationFile#parse`` (Rails' ``config_for``)
    renders the file with ERB and then loads the YAML,
    https://github.com/rails/rails/blob/main/activesupport/lib/active_support/configuration_file.rb;
    Redmine's ``Redmine::Configuration.load_from_yaml`` does the same."""
    if "<%" not in text:
        # without a tag, ${NAME} and ENV['NAME'] are text: Rails expands neither
        return Value(UNEXPANDED, text) if _ANY_DOLLAR_NAME.search(text) or "ENV[" in text else Value(PLAIN, text)
    whole = _ERB.fullmatch(text.strip())
    if whole is None or not whole.group(0).startswith("<%="):
        return Value(REFERENCE, "", "")
    return ruby(whole.group(1), environ)
