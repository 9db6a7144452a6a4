"""Applying fixes: edits of the original text, checked by parsing and linting the result.

A fix is a set of character ranges of the file as it was read and the text to put there
(``Fix``, ``Edit``), never a re-dump of the YAML, so comments, quoting, indentation, key
order, line endings, a byte-order mark and the final newline stay as they were: only the
edited ranges change. Fixes whose edits overlap cannot be applied together; as ruff does,
the text is fixed in passes (at most ``MAX_PASSES``), each applying the fixes that do not
overlap and linting again for the rest. A pass that leaves the file unparseable, or adds a
finding, is taken apart: each of its fixes is tried alone and the one at fault is dropped
and reported (``Outcome.dropped``), so a wrong fix costs the user one line, never a file.

The helpers at the end make the fixes rules offer, from what the dialect says about how the
format writes a field (``Spelling``), so every fix is written in the file's own keys.
"""

from __future__ import annotations

from collections import Counter
from typing import Any, Callable, Iterable, NamedTuple, Sequence

from emaillint.model import SAFE, UNSAFE, Account, Applicability, Edit, Finding, Fix
from emaillint.plugin_checks import fix_problem

MAX_PASSES = 4
"""Passes over one file; fixes still overlapping after that wait for the next ``--fix``."""

Lint = Callable[[str], Sequence[Finding]]
"""Text -> its findings, as the run reports them (selected, not suppressed)."""


class Outcome(NamedTuple):
    text: str
    applied: list[Finding]
    """The findings whose fixes were applied, as they were found (positions in the text then)."""
    dropped: list[tuple[Finding, str]]
    """Fixes not applied, with why: they would break the file or add a finding."""
    passes: list[list[Edit]]
    """The edits of each pass, on the text as it was before that pass (after any byte-order
    mark): what an editor applies to its buffer, and all that changed."""


def applicable(fix: Fix | None, *, unsafe: bool) -> bool:
    """Whether ``--fix`` (``unsafe``: with ``--unsafe-fixes``) applies ``fix``."""
    if fix is None or not fix.edits:
        return False
    return fix.applicability == SAFE or (unsafe and fix.applicability == UNSAFE)


def apply_fixes(text: str, findings: Iterable[Finding], *, unsafe: bool,
                lint: Lint | None = None) -> tuple[str, list[Finding]]:
    """``text`` with the fixes of ``findings`` applied, and the findings whose fixes were.

    Without ``lint`` (an editor that has the findings at hand) one pass is made over
    ``findings`` and the result is only checked to parse. With it (text -> findings), the
    fixes are those ``lint`` finds in ``text``, the result is linted after each pass, a fix
    that adds a finding is dropped, and fixes that overlapped get further passes."""
    outcome = fix_text(text, findings, unsafe=unsafe, lint=lint)
    return outcome.text, outcome.applied


def fix_text(text: str, findings: Iterable[Finding], *, unsafe: bool, lint: Lint | None = None) -> Outcome:
    bom = "\ufeff" if text.startswith("\ufeff") else ""  # the loader's offsets do not count it
    body = text[len(bom):]
    current = list(lint(body) if lint is not None else findings)  # the tally a pass is checked against
    applied: list[Finding] = []
    dropped: list[tuple[Finding, str]] = []
    passes: list[list[Edit]] = []
    refused: set[Any] = set()
    for _ in range(MAX_PASSES if lint is not None else 1):
        candidates = [f for f in current if applicable(f.fix, unsafe=unsafe) and _identity(f) not in refused]
        chosen = _non_overlapping(candidates, len(body), dropped, refused)
        if not chosen:
            break
        tally = _tally(current)
        fixed, why = _checked(body, chosen, tally, lint)
        if why:  # find the fix at fault: each one alone, on top of those that passed
            kept: list[Finding] = []
            for finding in chosen:
                _, why = _checked(body, [*kept, finding], tally, lint)
                if why:
                    dropped.append((finding, why))
                    refused.add(_identity(finding))
                else:
                    kept.append(finding)
            if not kept:
                continue
            chosen = kept
            fixed, _ = _checked(body, chosen, tally, lint)
        body = fixed
        applied.extend(chosen)
        passes.append(sorted(edit for finding in chosen for edit in finding.fix.edits))
        if lint is None:
            break
        current = list(lint(body))
    return Outcome(bom + body, applied, dropped, passes)


def _identity(finding: Finding) -> Any:
    """A fix as it is found again after an earlier pass moved it."""
    fix = finding.fix
    return finding.rule, fix.title if fix else "", tuple(e.text for e in fix.edits) if fix else ()


def _non_overlapping(candidates: list[Finding], size: int, dropped: list[tuple[Finding, str]],
                     refused: set[Any]) -> list[Finding]:
    """The fixes to apply together, first in the file first; a fix overlapping one already
    taken waits for the next pass. A fix that cannot be applied (``fix_problem``: the engine
    takes those off its findings, but ``apply_fixes`` may be given any) is dropped."""
    taken: list[tuple[int, int]] = []
    chosen = []
    fitting = []
    for finding in candidates:
        why = fix_problem(finding.fix, size)
        if why:
            dropped.append((finding, why))
            refused.add(_identity(finding))
        else:
            fitting.append(finding)
    for finding in sorted(fitting, key=lambda f: (min(e.start for e in f.fix.edits), f.sort_key())):
        ranges = [(e.start, e.end) for e in sorted(finding.fix.edits)]
        if any(_clash(r, t) for r in ranges for t in taken):
            continue
        taken.extend(ranges)
        chosen.append(finding)
    return chosen


def _clash(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return (a[0] < b[1] and b[0] < a[1]) or a[0] == b[0] or (a[0] == a[1] and b[0] < a[0] < b[1]) \
        or (b[0] == b[1] and a[0] < b[0] < a[1])


def overlapping(ranges: list[tuple[int, int]]) -> bool:
    """Whether any two edits' ranges clash (``plugin_checks.fix_problem`` refuses such a fix)."""
    return any(_clash(a, b) for i, a in enumerate(ranges) for b in ranges[i + 1:])


def splice(text: str, edits: Iterable[Edit]) -> str:
    """``text`` with ``edits`` (non-overlapping, offsets into ``text``) applied."""
    parts, last = [], 0
    for edit in sorted(edits):
        parts.append(text[last:edit.start])
        parts.append(edit.text)
        last = edit.end
    parts.append(text[last:])
    return "".join(parts)


def _checked(body: str, chosen: list[Finding], tally: Counter, lint: Lint | None) -> tuple[str, str]:
    """``body`` with the fixes applied, and "" or why it must not be written."""
    from emaillint import load

    fixed = splice(body, (edit for finding in chosen for edit in finding.fix.edits))
    loaded = load.load(fixed, "")
    broken = [f for f in loaded.findings if f.severity == "error"]
    if broken:
        return fixed, f"the file would no longer parse ({broken[0].message})"
    if lint is not None:
        added = _tally(lint(fixed)) - tally
        if added:
            rule, severity = sorted(added)[0]
            return fixed, f"it would add a finding ({severity} {rule})"
    return fixed, ""


def _tally(findings: Iterable[Finding]) -> Counter:
    return Counter((f.rule, f.severity) for f in findings)


# --- files ---------------------------------------------------------------------------
class FixError(Exception):
    """A file that cannot be fixed (read-only, not UTF-8, gone): one line, the others go on."""


_UTF8_BOM = b"\xef\xbb\xbf"


def fix_bytes(raw: bytes, findings: Iterable[Finding], *, unsafe: bool, lint: Lint) -> tuple[bytes, Outcome]:
    """A file's bytes with its fixes applied. Only UTF-8 is written back (with its byte-order
    mark if it had one): re-encoding UTF-16 could change bytes no fix meant to touch."""
    from emaillint import load

    bom = _UTF8_BOM if raw.startswith(_UTF8_BOM) else b""
    text, why = load.decode(raw)
    if text is None or raw[len(bom):].decode("utf-8", errors="replace") != text:
        raise FixError(why or "is not UTF-8 text; only UTF-8 files are fixed")
    outcome = fix_text(text, findings, unsafe=unsafe, lint=lint)
    if outcome.text == text:
        return raw, outcome
    return bom + outcome.text.encode("utf-8"), outcome


def write(path: str, data: bytes) -> None:
    """Write the fixed bytes over the file in place, through a symbolic link to the file it
    names (the link stays a link; the file keeps its inode, mode and owner). A file without
    any write permission is left alone even where the user could write it (root): it was
    made read-only on purpose."""
    import os
    import stat

    target = os.path.realpath(path)
    try:
        mode = os.stat(target).st_mode
        if not stat.S_ISREG(mode):
            raise FixError("is not a regular file; not fixed")
        if not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(target, os.W_OK):
            raise FixError("is read-only; not fixed (make it writable, or see --diff)")
        with open(target, "r+b") as handle:
            handle.write(data)
            handle.truncate()
    except OSError as exc:
        raise FixError(f"cannot be written: {exc.strerror or type(exc).__name__}; not fixed") from None


def diff(path: str, before: bytes, after: bytes, secrets: frozenset[str] = frozenset()) -> str:
    """A unified diff of ``--fix``'s change, as ``git apply`` and ``patch -p1`` read it; a
    line that holds one of the file's ``secrets`` shows it as ``***`` (that hunk then no
    longer applies: ``--fix`` writes it), since output never carries a password."""
    import difflib

    from emaillint.engine import redact_text

    old = before.decode("utf-8", errors="replace").splitlines(keepends=True)
    new = after.decode("utf-8", errors="replace").splitlines(keepends=True)
    lines = []
    shown = path.lstrip("/")
    for line in difflib.unified_diff(old, new, f"a/{shown}", f"b/{shown}"):
        line = line if line.startswith(("--- ", "+++ ", "@@ ")) else redact_text(line, secrets)
        lines.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(lines)


# --- making fixes ------------------------------------------------------------------
def setting_fix(account: Account, field: str, old: Any, new: Any, *,
                applicability: Applicability = SAFE, title: str = "") -> Fix | None:
    """Rewrite ``field`` from ``old`` to ``new`` the way the account's format writes it
    (``Account.spelled``: ``spring.mail.port: {}``, ``smarthost: 'host:{}'``), or None when
    the file does not write it in exactly that form (a reference, a value split over keys,
    an embedded document): a fix never guesses at text it has not read. ``old`` None
    replaces whatever value is written (a password, which the account does not hold)."""
    if new in (None, "") or old == "" or new == old:
        return None
    will = account.spelled(field, new)
    was = account.spelled(field, old) if old is not None else None
    written = _written(account, field)
    if not will or not written or (old is not None and not was):
        return None
    start, end, text = written
    key = _written(account, field, key=True)
    if key is not None:  # ``label: value`` at a key: the key must be the one the spelling names
        label, sep, will = will.partition(": ")
        shown = _unquoted(key[2])
        if not sep or not (label == shown or label.endswith(("." + shown, "]" + shown))):
            return None
        if was is not None:
            old_label, _, was = was.partition(": ")
            if old_label != label:
                return None
    if was is not None and _unquoted(text) != _unquoted(was):
        return None
    will = _styled(text, will)
    shown = account.setting(field, new)
    return Fix(title or f"write {shown}", (Edit(start, end, will),), applicability)


def removal_fix(account: Account, field: str, title: str, *, applicability: Applicability = SAFE) -> Fix | None:
    """Delete the line that writes ``field``, where that line holds nothing else (a block
    mapping's ``key: value``, maybe a comment): never a key of a flow mapping or a list item."""
    key, value = _written(account, field, key=True), _written(account, field)
    source = getattr(account.positions, "source", None)
    if key is None or value is None or source is None:
        return None
    start = source.rfind("\n", 0, key[0]) + 1
    end = source.find("\n", value[1])
    end = len(source) if end < 0 else end + 1
    before, after = source[start:key[0]], source[value[1]:end].strip()
    if before.strip() or (after and not after.startswith("#")) or "\n" in source[key[0]:value[1]]:
        return None
    return Fix(title, (Edit(start, end, ""),), applicability)


def key_fix(doc: Any, path: tuple[Any, ...], label: str, close: str) -> Fix | None:
    """Rename the key at ``path``, whose full name (``label``) is a typo of ``close``: only
    its written part changes (Spring's ``mail.smtp.starttls.request`` under ``properties:``)."""
    span = doc.span(path, key=True) if path and isinstance(path[-1], str) else None
    if span is None:
        return None
    text = doc.source[span[0]:span[1]]
    shown = _unquoted(text)
    if not label.endswith(shown) or not close.startswith(label[:len(label) - len(shown)]):
        return None
    new = close[len(label) - len(shown):]
    if not new or new in doc.keys(path[:-1]) or any(c in new for c in ":#{}[],&*!|>'\"%@`") or new.strip() != new:
        return None
    quote = text[0] if text[:1] in "'\"" else ""
    return Fix(f"rename {shown} to {new}", (Edit(span[0], span[1], f"{quote}{new}{quote}"),))


def quote_fix(doc: Any, path: tuple[Any, ...], *, secret: bool = False) -> Fix | None:
    """Quote the plain scalar at ``path`` so every YAML loader reads it as text; the edits
    insert the quotes only, so a password's text appears in no fix."""
    span = doc.span(path)
    if span is None:
        return None
    text = doc.source[span[0]:span[1]]
    if not text or text[0] in "'\"" or "'" in text or "\n" in text:
        return None
    return Fix("put the value in quotes" if secret else f"quote it: '{text}'",
               (Edit(span[0], span[0], "'"), Edit(span[1], span[1], "'")))


def _written(account: Account, field: str, *, key: bool = False) -> tuple[int, int, str] | None:
    written = getattr(account.positions, "written", None)
    return written(field, key=key) if written is not None else None


def _styled(written: str, new: str) -> str:
    """``new`` quoted as ``written`` was: a quoted value stays quoted in its quotes, a plain
    one stays plain where YAML reads the plain text as that same string."""
    quote = written[:1] if written[:1] in "'\"" and written[-1:] == written[:1] else ""
    inner = _unquoted(new)
    if quote:
        return new if new[:1] in "'\"" else f"{quote}{new}{quote}"
    if inner != new:
        import yaml

        try:
            if yaml.safe_load(f"k: {inner}") == {"k": inner}:
                return inner
        except yaml.YAMLError:
            pass
    return new


def _unquoted(text: str) -> str:
    text = text.strip()
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"":
        return text[1:-1]
    return text
