"""YAML 1.2 rules that libyaml does not enforce, checked on its own token stream.

libyaml (and PyYAML's pure-Python scanner, which follows it) accepts a few things the
YAML 1.2 spec forbids, and the official test suite marks them invalid: a ``#`` glued to
the text before it, a directive after a document without the ``...`` that ends it,
flow content and continuation lines less indented than their block parent, a ``-`` as a
plain value in a flow sequence, and leading empty lines of a block scalar indented deeper
than its first line. Other YAML 1.2 tools reading the same file reject it, or read it
differently. Tokens carry their start and end in the text, which is all these rules
need: no second grammar. They refuse none of the suite's valid inputs (tests/test_corpus.py).
The loader reports a violation as a yaml-syntax *warning*: the programs that read the
file mostly use libyaml or a parser built like it, so the settings do take effect.
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple

import yaml

_BREAKS = "\r\n\x85\u2028\u2029"
"""Line breaks as libyaml counts them (its marks' line numbers follow these)."""
_NEXT_LINE = re.compile(r"\r\n|[\r\n\x85\u2028\u2029]")
_BLOCK_HEADER = re.compile(r"[|>](?:[1-9][+-]?|[+-][1-9]?)?")
_DOCUMENT_MARKER = re.compile(r"(?:---|\.\.\.)(?:[ \t\r\n\x85\u2028\u2029]|$)")
_FLOW_INDICATORS = ",[]{}"
_SPACES = re.compile(" *")


class Violation(NamedTuple):
    """Where (1-based, like findings), what is wrong and what to write instead."""

    line: int
    column: int
    message: str
    help: str


class _Found(NamedTuple):
    index: int
    message: str
    help: str


def first_violation(text: str, loader_class: Any) -> Violation | None:
    """The first spec violation in ``text``, which libyaml has already composed without error."""
    loader = loader_class(text)
    block: list[int] = []  # columns of the open block collections, innermost last
    flow = 0
    in_document = False
    covered = 0  # where the text tokens consumed so far ends: the gaps hold comments
    try:
        while loader.check_token():
            token = loader.get_token()
            start, end = token.start_mark.index, token.end_mark.index
            found = _comment_glued(text, covered, start)
            parent = block[-1] if block else -1
            if found is None and isinstance(token, yaml.DirectiveToken) and in_document:
                found = _Found(start, "a directive (%YAML, %TAG) after a document needs '...' before it",
                               "write '...' on the line before it, to end that document")
            if found is None and flow and block:
                found = _flow_line_start(text, token, parent)
            if found is None and isinstance(token, yaml.ScalarToken):
                found = _scalar(text, token, parent, flow)
            if found is not None:
                return Violation(*position(text, found.index), found.message, found.help)
            covered = max(covered, end)
            kind = type(token)
            if kind in (yaml.BlockMappingStartToken, yaml.BlockSequenceStartToken):
                block.append(token.start_mark.column)
            elif kind is yaml.BlockEndToken:
                block.pop()
            elif kind in (yaml.FlowSequenceStartToken, yaml.FlowMappingStartToken):
                flow += 1
            elif kind in (yaml.FlowSequenceEndToken, yaml.FlowMappingEndToken):
                flow -= 1
            if kind is yaml.DocumentEndToken:
                in_document = False
            elif kind not in (yaml.StreamStartToken, yaml.StreamEndToken, yaml.DirectiveToken):
                in_document = True
    finally:
        loader.dispose()
    return None


def _comment_glued(text: str, start: int, stop: int) -> _Found | None:
    """A ``#`` between tokens starts a comment only after a space, a tab or a line break."""
    index = text.find("#", start, stop)
    while index != -1:
        if index > 0 and text[index - 1] not in " \t" + _BREAKS:
            return _Found(index, "a comment needs a space before '#': YAML 1.2 tools reject the line",
                          "write a space before '#' (quote the value if '#' belongs to it)")
        line_end = _line_end(text, index)
        index = text.find("#", line_end, stop)
    return None


def _flow_line_start(text: str, token: Any, parent: int) -> _Found | None:
    """Inside ``[...]``/``{...}`` under a block collection, lines start deeper than it."""
    column = token.start_mark.column
    line_start = token.start_mark.index - column
    before = text[line_start:token.start_mark.index]
    if before.strip(" \t"):
        return None
    return _shallow(text, line_start, parent)


def _scalar(text: str, token: Any, parent: int, flow: int) -> _Found | None:
    style = token.style
    start, end = token.start_mark.index, token.end_mark.index
    if style in ("|", ">"):
        return _block_scalar(text, start, parent)
    if not style and text[start] in "-?:":
        after = text[start + 1:start + 2]
        if not after or after in " \t" + _BREAKS or (flow and after in _FLOW_INDICATORS):
            return _Found(start, f"a plain '{text[start]}' cannot be a value here", f"quote it: \"{text[start]}\"")
    if parent < 0:
        return None
    for match in _NEXT_LINE.finditer(text, start, end):
        found = _shallow(text, match.end(), parent)
        if found is not None:
            return found
    return None


def _shallow(text: str, line_start: int, parent: int) -> _Found | None:
    """A non-blank line of flow content must be indented more than its block parent, with spaces."""
    spaces = _spaces(text, line_start)
    rest = text[line_start + spaces:_line_end(text, line_start)]
    if spaces > parent or not rest.strip(" \t"):
        return None
    tab = " (a tab is not indentation)" if rest.startswith("\t") else ""
    return _Found(line_start + spaces, "this line continues a value from a line above but is not indented under it",
                  f"indent it by at least {parent + 1} space{'s' if parent else ''}{tab}, or write the value on"
                  " one line")


def _block_scalar(text: str, start: int, parent: int) -> _Found | None:
    header = _BLOCK_HEADER.match(text, start).group()  # the token starts at its '|' or '>'
    if text[start + len(header):start + len(header) + 1] == "#":
        return _Found(start + len(header), "a comment needs a space before '#'", f"write '{header} #'")
    if any(c.isdigit() for c in header):
        return None  # an explicit indentation: leading empty lines may be deeper
    deepest = -1
    line_start = _next_line(text, start)
    while line_start is not None:
        spaces = _spaces(text, line_start)
        if line_start + spaces < _line_end(text, line_start):
            inside = spaces > parent and not (spaces == 0 and _DOCUMENT_MARKER.match(text, line_start))
            if inside and deepest > spaces:
                return _Found(line_start, f"an empty line at the start of this block scalar has {deepest} spaces,"
                                          f" more than its first line ({spaces})",
                              "remove the spaces from the empty lines")
            return None
        deepest = max(deepest, spaces)
        line_start = _next_line(text, line_start)
    return None


def position(text: str, index: int) -> tuple[int, int]:
    """``text[index]`` as a 1-based line and column, counting line breaks as libyaml does."""
    line, line_start = 0, 0
    for match in _NEXT_LINE.finditer(text, 0, index):
        line, line_start = line + 1, match.end()
    return line + 1, index - line_start + 1


def _spaces(text: str, index: int) -> int:
    return _SPACES.match(text, index).end() - index


def _line_end(text: str, index: int) -> int:
    match = _NEXT_LINE.search(text, index)
    return match.start() if match else len(text)


def _next_line(text: str, index: int) -> int | None:
    match = _NEXT_LINE.search(text, index)
    return match.end() if match else None
