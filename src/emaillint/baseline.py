"""Baselines: record today's findings once, then report only the ones that are new.

A team adopting emaillint on a repository with many findings writes a baseline
(``--write-baseline FILE``) and from then on fails only on findings that are not in it
(``--baseline FILE``, or ``baseline`` in the project configuration). docs/baseline.md
documents the file for users; this docstring says why it is built the way it is.

**What an entry is.** A finding is matched by its path (relative to the project root,
with ``/``), rule, account and a fingerprint of the offending key and value: never by
line number, so lines inserted above a finding do not turn it into a new one, while an
account that is renamed, or a value that changes, is a new finding. Identical entries
are counted, not collapsed, so a third copy of a baselined problem is reported.

**Where the key and value come from.** From the file's text and the finding's position:
the position is that of a YAML node (the value ``465`` of ``port``, a key, an account's
name), and composing the text again (libyaml, only in runs with a baseline and only for
files with findings) names the node's key and value whatever the quoting, comments or
layout. This module does it for the engine, in the worker that lints the file (the text
is at hand there, and the work is spread over the cores), so the dialects and the loader
need not carry anything for it. A position that is no node's start (a line inside a
block scalar that a dialect parses itself, a suppression comment) takes its whole line
instead, key included, so that a secret's key still masks its value. yaml-syntax and
io-error have no node to take: path, rule and count identify them.

**Why a baseline never holds a secret, not even a guessable hash of one.** The file is
committed, and a hash of a short password can be reversed by trying every short
password. So secrets are removed *before* hashing: the value of any key named like a
credential (and everything below such a key), URL userinfo and ``NAME=value`` secrets
however short (``credentials.masked``), and every literal secret the engine found in the
file. A plaintext-password entry therefore says where the password is, never what it
is; changing the password alone does not make the finding new. What is left is hashed
with HMAC-SHA256 keyed with a random salt kept in the file (kept when the file is
rewritten, so diffs stay small): a secret under a key that names no secret is still not
stored, cannot be looked up in precomputed tables, and equal configs in different
repositories do not get equal fingerprints. The salt is not a secret: anyone with the
file can still test a guess for such a value, which is why masking comes first.
"""

from __future__ import annotations

import hmac
import json
import os
import re
from typing import Any, Callable, Iterable, Iterator, Mapping, NamedTuple

from emaillint import credentials
from emaillint.model import Finding
from emaillint.policy import ALWAYS_REPORTED
from emaillint.vocabulary import IO_ERROR, YAML_SYNTAX

FORMAT = "emaillint-baseline"
VERSION = 1
"""The file format's version: bumped when its layout or the fingerprint's input changes.
Every emaillint reads the versions before its own (docs/baseline.md)."""
_TEXTLESS = (YAML_SYNTAX, IO_ERROR)
"""Rules whose position is no YAML node, and whose line may be a broken password's."""
_MASK = "***"


class BaselineError(Exception):
    """A baseline file that cannot be used: the message is the one line the user sees (exit 2)."""


class Key(NamedTuple):
    """What a finding is matched by."""

    path: str
    rule: str
    account: str | None
    fingerprint: str


class Baseline(NamedTuple):
    salt: str
    """Hex; the HMAC key of this file's fingerprints."""
    counts: Mapping[Key, int]


class Outcome(NamedTuple):
    findings: list[Finding]
    """The findings the baseline does not cover: the ones to report."""
    baselined: int
    stale: int
    """Entries (counted with their multiplicity) that no finding of the files and rules this
    run checked matches any more."""


def read(file: str, where: str) -> Baseline:
    """The baseline in ``file``; ``where`` names who asked for it (``--baseline``, a config key)."""
    data = _json(file, where)
    if not (isinstance(data, dict) and data.get("format") == FORMAT):
        raise BaselineError(f"{where}: {file} is not an emaillint baseline (no \"format\": \"{FORMAT}\");"
                            f" write one with 'emaillint check --write-baseline {file}'")
    version = data.get("version")
    if version != VERSION:
        if isinstance(version, int) and not isinstance(version, bool) and version > VERSION:
            raise BaselineError(f"{where}: {file} is a version {version} baseline, newer than this emaillint"
                                f" reads (up to {VERSION}); upgrade emaillint")
        raise BaselineError(f"{where}: {file}: \"version\" must be {VERSION}, got {json.dumps(version)}")
    salt = data.get("salt")
    if not (isinstance(salt, str) and re.fullmatch(r"[0-9a-f]{32}", salt)):
        raise BaselineError(f"{where}: {file}: \"salt\" must be 32 lower-case hex digits; rewrite the file"
                            f" with --write-baseline {file}")
    entries = data.get("entries")
    if not isinstance(entries, list):
        raise BaselineError(f"{where}: {file}: \"entries\" must be a list")
    counts: dict[Key, int] = {}
    for number, entry in enumerate(entries):
        key, count = _entry(entry)
        if key is None:
            raise BaselineError(f"{where}: {file}: entries[{number}]: {count}")
        counts[key] = counts.get(key, 0) + count
    return Baseline(salt, counts)


def _entry(entry: Any) -> tuple[Key | None, Any]:
    """(key, count), or (None, what is wrong)."""
    if not isinstance(entry, dict):
        return None, "must be an object with path, rule, account, fingerprint and count"
    for name in ("path", "rule", "fingerprint"):
        if not (isinstance(entry.get(name), str) and entry[name]):
            return None, f"\"{name}\" must be a non-empty string"
    account = entry.get("account")
    if account is not None and not isinstance(account, str):
        return None, "\"account\" must be a string or null"
    count = entry.get("count")
    if not (isinstance(count, int) and not isinstance(count, bool) and count > 0):
        return None, "\"count\" must be a positive integer"
    return Key(entry["path"], entry["rule"], account, entry["fingerprint"]), count


def _json(file: str, where: str) -> Any:
    try:
        with open(file, encoding="utf-8") as handle:
            return json.load(handle)
    except FileNotFoundError:
        raise BaselineError(f"{where}: {file}: no such file; create it with"
                            f" 'emaillint check --write-baseline {file}'") from None
    except OSError as exc:
        raise BaselineError(f"{where}: {file}: cannot be read: {exc.strerror or type(exc).__name__}") from None
    except UnicodeDecodeError:
        raise BaselineError(f"{where}: {file}: not UTF-8 text, so not a baseline") from None
    except json.JSONDecodeError as exc:
        raise BaselineError(f"{where}: {file}:{exc.lineno}:{exc.colno}: not valid JSON: {exc.msg}") from None


def for_writing(file: str) -> Baseline:
    """The baseline ``--write-baseline`` replaces: the file's own, whose salt is kept, or a new
    one. Anything else is not overwritten, so a mistyped name cannot destroy a file."""
    if not os.path.lexists(file):
        return Baseline(os.urandom(16).hex(), {})
    try:
        return read(file, "--write-baseline")
    except BaselineError as exc:
        raise BaselineError(f"{exc}; not overwriting it") from None


def save(file: str, salt: str, keys: Iterable[Key | None]) -> None:
    """Write the baseline of ``keys`` (None: a finding no baseline may hide).

    One entry per line, sorted, so a rewritten baseline's diff shows exactly what changed.
    The file is replaced in one step: an interrupted write leaves the old one.
    """
    counts = _counts(keys)
    lines = [json.dumps({"path": key.path, "rule": key.rule, "account": key.account,
                         "fingerprint": key.fingerprint, "count": counts[key]}, ensure_ascii=False)
             for key in sorted(counts, key=lambda k: (k.path, k.rule, k.account or "", k.fingerprint))]
    head = f'{{\n  "format": "{FORMAT}",\n  "version": {VERSION},\n  "salt": "{salt}",\n  "entries": ['
    body = ",\n".join(f"    {line}" for line in lines)
    text = f"{head}\n{body}\n  ]\n}}\n" if lines else f"{head}]\n}}\n"
    temporary = f"{file}.{os.getpid()}.tmp"
    try:
        with open(temporary, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.replace(temporary, file)
    except OSError as exc:
        if os.path.lexists(temporary):
            os.unlink(temporary)
        reason = exc.strerror or type(exc).__name__
        raise BaselineError(f"--write-baseline {file}: cannot be written: {reason}") from None


def _counts(keys: Iterable[Key | None]) -> dict[Key, int]:
    counts: dict[Key, int] = {}
    for key in keys:
        if key is not None:
            counts[key] = counts.get(key, 0) + 1
    return counts


def compare(findings: list[Finding], keys: list[Key | None], baseline: Baseline,
            checked: Callable[[Key], bool]) -> Outcome:
    """``findings`` less those the baseline covers, each entry covering as many findings as its count.

    ``checked(key)`` says whether this run looked at the entry's file and rule: an entry
    of a file it did not lint (pre-commit passes only staged files) or of a rule it does
    not report (``--select``) is not stale, only not checked.
    """
    remaining = dict(baseline.counts)
    kept = []
    for finding, key in zip(findings, keys):
        if key is not None and remaining.get(key, 0) > 0:
            remaining[key] -= 1
        else:
            kept.append(finding)
    stale = sum(count for key, count in remaining.items() if count and checked(key))
    return Outcome(kept, len(findings) - len(kept), stale)


class Session:
    """One run's baseline: read (for ``--write-baseline``, only its salt) before linting, so a
    bad file stops the run at once; fed the engine's results as they pass; settled once
    every finding is in.

    ``where`` names who asked for the file, for messages; ``root`` is the directory entry
    paths are relative to.
    """

    def __init__(self, file: str, where: str, root: str, *, write: bool = False) -> None:
        self.file = file
        self.root = root
        self.write = write
        self.baseline = for_writing(file) if write else read(file, where)
        self.files: dict[str, tuple[frozenset[str], Mapping[tuple[int, int], tuple[str, str]]]] = {}
        """Each linted file's literal secrets and materials (see ``materials``)."""

    def watch(self, results: Iterable[Any]) -> Iterator[Any]:
        """The engine's ``FileResult``s as they come, noting what fingerprints need of each."""
        for result in results:
            self.files[result.path] = (result.secrets, result.materials)
            yield result

    def settle(self, findings: list[Finding], reports: Callable[[str], bool]) -> Outcome:
        """What the run reports; when writing, after recording every finding in the file.

        ``reports(rule)`` says whether the run reports a rule.
        """
        fingerprints = Fingerprints(self.root, self.baseline.salt, self.files)
        keys = [fingerprints.key(finding) for finding in findings]
        baseline = self.baseline
        if self.write:
            save(self.file, baseline.salt, keys)
            baseline = Baseline(baseline.salt, _counts(keys))
        linted = {relative(path, self.root) for path in self.files}

        def checked(key: Key) -> bool:
            gone = not key.path.startswith("<") and not os.path.lexists(os.path.join(self.root, key.path))
            return reports(key.rule) and (key.path in linted or gone)

        return compare(findings, keys, baseline, checked)


def relative(path: str, root: str) -> str:
    """A finding's path as entries write it: relative to ``root``, with ``/``. Names that are
    not paths (``<stdin>`` without --stdin-filename) stay as they are."""
    if path.startswith("<"):
        return path
    absolute = os.path.abspath(path)
    try:
        path = os.path.relpath(absolute, root)
    except ValueError:  # another drive (Windows)
        path = absolute
    return path.replace(os.sep, "/")


class Fingerprints:
    """Keys for findings, from what the engine took from each file (``materials``)."""

    def __init__(self, root: str, salt: str,
                 files: Mapping[str, tuple[frozenset[str], Mapping[tuple[int, int], tuple[str, str]]]]) -> None:
        self.root = root
        self.salt = bytes.fromhex(salt)
        self.files = files
        """A path -> the file's literal secrets and materials."""
        self._hidden: dict[str, list[str]] = {}

    def key(self, finding: Finding) -> Key | None:
        """None for a finding no baseline may hide: a plugin that failed means rules did not run."""
        if finding.rule == ALWAYS_REPORTED:
            return None
        secrets, materials = self.files.get(finding.path, (frozenset(), {}))
        if finding.path not in self._hidden:
            self._hidden[finding.path] = _hidden(secrets)
        account = None if finding.account is None else _clean(finding.account, self._hidden[finding.path])
        material = ("", "") if finding.rule in _TEXTLESS else materials.get((finding.line, finding.column), ("", ""))
        digest = hmac.new(self.salt, json.dumps(material).encode("utf-8"), "sha256").hexdigest()[:16]
        return Key(relative(finding.path, self.root), finding.rule, account, digest)


def materials(text: str, places: Iterable[tuple[int, int]], secrets: Iterable[str]) -> dict[tuple[int, int], tuple[str, str]]:
    """(line, column) -> the offending key and value at each of ``places`` in ``text``, secrets
    masked: what a finding's fingerprint hashes. The engine calls it for each file it lints
    in a run with a baseline, where the text is at hand (``_nodes`` says what a place gives)."""
    places = set(places)
    if not places:
        return {}
    hidden = _hidden(secrets)
    nodes = _nodes(text)
    lines: list[str] = []
    found = {}
    for place in places:
        key, value = nodes.get(place, ("", None))
        if value is None:  # no node starts here: the whole line, so a secret's key masks its value
            lines = lines or _lines(text)
            value = lines[place[0] - 1].strip() if 0 < place[0] <= len(lines) else ""
        found[place] = (_clean(key, hidden), _clean(value, hidden))
    return found


def _hidden(secrets: Iterable[str]) -> list[str]:
    """Literal secrets to mask, longest first; shorter than MIN_SECRET would garble words
    ('ab' in 'enable'), and keys and shapes mask those."""
    return sorted((s for s in secrets if len(s) >= credentials.MIN_SECRET), key=len, reverse=True)


def _clean(text: str, hidden: list[str]) -> str:
    for secret in hidden:
        text = text.replace(secret, _MASK)
    return credentials.masked(text)


def _lines(text: str) -> list[str]:
    from emaillint.suppressions import LINE_BREAK

    return re.split(LINE_BREAK, text.removeprefix("\ufeff"))


def _nodes(text: str) -> dict[tuple[int, int], tuple[str, str]]:
    """Position -> (key, value) of every node that starts there, values under a secret key masked.

    A value's position gives its key and itself; an item's, its list's key and itself; a
    key's, the key alone (a finding about a key, ``hots:``, is about its name), and so does
    a block mapping's, which starts where its first key does: a finding about a whole
    account stays the same when the account's first value changes. Aliases are visited
    once (no billion laughs); documents after a syntax error are not composed.
    """
    import yaml

    loader_class = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    found: dict[tuple[int, int], tuple[str, str]] = {}
    loader = loader_class(text.removeprefix("\ufeff"))  # as load.py reads it: marks do not count a BOM

    def at(node: Any) -> tuple[int, int]:
        return node.start_mark.line + 1, node.start_mark.column + 1

    def shown(node: Any, secret: bool) -> str:
        return (_MASK if secret else node.value) if isinstance(node, yaml.ScalarNode) else ""

    try:
        while loader.check_node():
            # per document: aliases never cross one, and the previous document's nodes are
            # freed by now, so their ids are reused by this one's
            seen: set[int] = set()
            stack: list[tuple[Any, str, bool]] = [(loader.get_node(), "", False)]
            while stack:
                node, key, secret = stack.pop()
                if id(node) in seen:
                    continue
                seen.add(id(node))
                found.setdefault(at(node), (key, shown(node, secret)))
                if isinstance(node, yaml.MappingNode):
                    for key_node, value in node.value:
                        name = key_node.value if isinstance(key_node, yaml.ScalarNode) else ""
                        below = secret or credentials.is_secret_key(name)
                        found[at(key_node)] = (_MASK if secret else name, "")  # keys below a secret's too
                        stack.append((value, name, below))
                        if not isinstance(key_node, yaml.ScalarNode):
                            stack.append((key_node, key, secret))
                elif isinstance(node, yaml.SequenceNode):
                    stack.extend((item, key, secret) for item in node.value)
    except Exception:  # a syntax error (or nesting libyaml refuses): keep what composed before it
        pass
    finally:
        loader.dispose()
    return found
