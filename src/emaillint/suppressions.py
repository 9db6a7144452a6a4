"""Inline suppressions: ``# emaillint: disable=RULE[,RULE]`` at the end of the line a finding
points at, ``# emaillint: disable-file=RULE[,RULE]`` anywhere in the file.

Text after the rule list is a free reason (``disable=cc-quota accounting needs the copy``).
A suppression that matched nothing becomes an ``unused-suppression`` warning, so stale ones
do not pile up and hide the next real problem. Only real YAML comments count: a ``#``
inside a quoted value or a block scalar is text, which PyYAML's scanner tells us (it is
run only on files that contain ``emaillint:`` at all).
"""

from __future__ import annotations

import re
from typing import Any, Callable, Collection, Iterable, Mapping, NamedTuple

from emaillint.model import WARNING, Finding
from emaillint.policy import ALWAYS_REPORTED, CANNOT_SILENCE, unknown_rule
from emaillint.rules import unused_suppression

RULE = unused_suppression.RULE.id
KINDS = ("disable", "disable-file")
_MARKER = "emaillint:"
LINE_BREAK = "\r\n|[\r\n\x85\u2028\u2029]"
"""YAML's line breaks, so line numbers agree with the loader's (``str.splitlines`` also
splits on form feeds and other characters YAML keeps inside a line)."""
_DIRECTIVE = r"#\s*emaillint:\s*(?P<body>.*)"
_BODY = r"(?P<kind>[a-z-]+)\s*=\s*(?P<rules>[\w-]+(?:\s*,\s*[\w-]+)*)"
"""Patterns, compiled (and cached by ``re``) only for files that contain the marker."""


class Directive(NamedTuple):
    line: int
    column: int
    kind: str
    """``disable`` (this line) or ``disable-file``; empty when the comment is malformed."""
    rules: tuple[str, ...]
    text: str
    """The directive as written, for messages."""
    alone: bool = False
    """The comment is on a line of its own, where no finding can point."""


def scan(text: str) -> tuple[Directive, ...]:
    """The suppression comments in a file's text."""
    if _MARKER not in text:
        return ()
    lines = re.split(LINE_BREAK, text)
    candidates = [(number, line) for number, line in enumerate(lines, 1) if _MARKER in line]
    inside = _scalar_spans(text)
    directives = []
    for number, line in candidates:
        start = _comment_start(number, line, inside)
        match = re.compile(_DIRECTIVE).search(line, start) if start >= 0 else None
        if match:
            directives.append(_directive(number, match, alone=not line[:start].strip()))
    return tuple(directives)


def _directive(number: int, match: re.Match[str], alone: bool) -> Directive:
    body = re.match(_BODY, match["body"])
    if body is None or body["kind"] not in KINDS:
        # Only the first word is repeated: the rest of a comment is the user's, not ours to echo.
        first = match["body"].split(maxsplit=1)[0][:40] if match["body"].strip() else ""
        return Directive(number, match.start() + 1, "", (), f"# emaillint: {first}".rstrip(), alone)
    rules = tuple(rule.strip() for rule in body["rules"].split(","))
    return Directive(number, match.start() + 1, body["kind"], rules, f"# emaillint: {body.group(0)}", alone)


def _comment_start(number: int, line: str, inside: Callable[[int, int], bool]) -> int:
    """Index of the ``#`` that starts the line's comment, or -1 when it has none."""
    for index, char in enumerate(line):
        if char == "#" and (index == 0 or line[index - 1] in " \t") and not inside(number, index):
            return index
    return -1


def _scalar_spans(text: str) -> Callable[[int, int], bool]:
    """A test for "is (line, index) inside a scalar's text?", from PyYAML's token marks.

    Past a syntax error the scanner stops; from there a ``#`` after whitespace is taken as
    a comment, which is what it is in everything but a broken quoted value.
    """
    spans = [((start.line + 1, start.column), (end.line + 1, end.column)) for start, end in scalar_marks(text)]
    return lambda line, index: any(start <= (line, index) < end for start, end in spans)


def scalar_marks(text: str) -> list[tuple[Any, Any]]:
    """The start and end marks of every scalar's text, up to a syntax error if there is one."""
    import yaml

    marks = []
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        for token in yaml.scan(text, Loader=loader):
            if isinstance(token, yaml.ScalarToken):
                marks.append((token.start_mark, token.end_mark))
    except yaml.YAMLError:
        pass
    return marks


def apply(findings: Iterable[Finding], directives: Mapping[str, tuple[Directive, ...]],
          rules: Collection[str], reports: Callable[[str], bool]) -> list[Finding]:
    """``findings`` less the suppressed ones, plus a warning per suppression that matched nothing.

    ``directives`` maps a path to its file's suppressions; ``rules`` are the known rule
    ids; ``reports(rule)`` says whether the run reports a rule (a suppression of a rule
    the run does not report is not stale: it may be needed in a full run).
    """
    used: set[tuple[str, int, str]] = set()
    kept = [f for f in findings if not _suppressed(f, directives.get(f.path, ()), used)]
    if reports(RULE):
        lines: dict[tuple[str, str], list[int]] = {}
        for finding in kept:
            lines.setdefault((finding.path, finding.rule), []).append(finding.line)
        for path, found in directives.items():
            stale = (s for s in _stale(path, found, used, rules, reports, lines)
                     if not _suppressed(s, found, used))
            kept.extend(stale)
    return kept


def _suppressed(finding: Finding, directives: tuple[Directive, ...], used: set[tuple[str, int, str]]) -> bool:
    if finding.rule == ALWAYS_REPORTED:
        return False
    hit = False
    for directive in directives:
        if finding.rule in directive.rules and (directive.kind == "disable-file" or (
                directive.kind == "disable" and directive.line == finding.line)):
            used.add((finding.path, directive.line, finding.rule))
            hit = True
    return hit


def _stale(path: str, directives: tuple[Directive, ...], used: set[tuple[str, int, str]],
           rules: Collection[str], reports: Callable[[str], bool],
           lines: Mapping[tuple[str, str], list[int]]) -> Iterable[Finding]:
    def finding(directive: Directive, message: str, help: str) -> Finding:
        return Finding(path, directive.line, directive.column, RULE, WARNING, message, help=help)

    for directive in directives:
        if not directive.kind:
            yield finding(directive, f"'{directive.text}' is not a suppression emaillint understands",
                          "write '# emaillint: disable=RULE[,RULE]' or '# emaillint: disable-file=RULE'")
            continue
        for rule in directive.rules:
            if rule == RULE:
                continue
            if rule not in rules:
                message, help = unknown_rule(rule, rules)
                yield finding(directive, f"'{directive.text}': {message}", help)
            elif rule == ALWAYS_REPORTED:
                yield finding(directive, f"'{directive.text}': {ALWAYS_REPORTED} cannot be suppressed",
                              CANNOT_SILENCE)
            elif reports(rule) and (path, directive.line, rule) not in used:
                yield finding(directive, *_unused(directive, rule, sorted(set(lines.get((path, rule), ())))))


def _unused(directive: Directive, rule: str, elsewhere: list[int]) -> tuple[str, str]:
    """Why a suppression is stale and what to do; ``elsewhere`` are the rule's lines in the file."""
    fix = "delete the comment" if len(directive.rules) == 1 else f"remove {rule} from its list"
    if directive.kind == "disable-file":
        return f"'{directive.text}': no {rule} finding in this file", fix
    if elsewhere:
        where = ", ".join(map(str, elsewhere[:5]))
        return (f"'{directive.text}': the finding is on line{'s' * (len(elsewhere) > 1)} {where}, not on this one",
                "move the comment to the end of the line the finding points at")
    if directive.alone:
        return (f"'{directive.text}' is on a line of its own, so it suppresses nothing",
                f"put it at the end of the line the {rule} finding points at, or write disable-file={rule}")
    return f"'{directive.text}': no {rule} finding on this line", fix
