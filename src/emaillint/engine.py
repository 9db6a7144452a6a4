"""Linting one file: bytes -> documents -> dialect -> accounts -> rules -> findings.

Everything here is per file and side-effect free, so files can be linted in any order or
in worker processes; what crosses files (shared-quota) leaves as small records that
``run`` hands to the rule's ``finish``.
"""

from __future__ import annotations

import itertools
import os
import re
import stat
from typing import Any, BinaryIO, Iterable, Iterator, Mapping, NamedTuple

from emaillint import canonical, credentials, kit
from emaillint import load as loader
from emaillint import suppressions
from emaillint.escape import printable
from emaillint.model import (ERROR, SEVERITIES, Account, Context, Dialect, Finding, Fix, Problem, Reading, ReadOptions,
                             Rule)
from emaillint.network import is_local
from emaillint.plugin_checks import finding_problem, fix_problem, position_problem
from emaillint.plugins import DEFAULT_TIMEOUT, Registry, describe, original
from emaillint.resolve import resolve
from emaillint.rules.shared_quota import Record
from emaillint.vocabulary import IO_ERROR, LITERAL, PLUGIN_ERROR, SCHEMA, UNKNOWN_PROVIDER


class FileResult(NamedTuple):
    path: str
    findings: list[Finding]
    records: list[tuple[str, Record]]
    """(rule id, record) pairs for the run-scope rules."""
    suppressions: tuple[suppressions.Directive, ...] = ()
    """The file's ``# emaillint: disable=...`` comments; ``run.collect`` applies them."""
    secrets: frozenset[str] = frozenset()
    """The file's literal secrets, whether or not it has findings: ``run.collect`` redacts every
    finding of the run with all files' secrets, since another file may repeat one of them."""
    accounts: tuple[tuple[Account, Context], ...] = ()
    """Every account with its context, when ``Options.accounts`` asked for them."""
    materials: Mapping[tuple[int, int], tuple[str, str]] = {}
    """With ``Options.baseline``: (line, column) -> the key and value there, secrets masked,
    for each place a finding can point at (``baseline.materials``)."""
    lines: int = 1
    """How many lines the file has: a run-scope rule's finding must point inside it."""
    chars: int = 0
    """How many characters its text has, without a byte-order mark (as fixes count them): a
    run-scope rule's fix must edit inside it."""


class Options(NamedTuple):
    as_of: str
    dialect: str | None = None
    environ: dict[str, str] = {}
    accounts: bool = False
    """Keep each account with its context in ``FileResult.accounts`` and run no rule on it:
    for commands that act on the accounts (``probe``) rather than lint them."""
    baseline: bool = False
    """The run uses a baseline: each file's result carries what its fingerprints hash, taken
    here, where the text is at hand (and on every core), not read again later."""
    plugin_timeout: float = DEFAULT_TIMEOUT
    """Seconds a plugin call may take, for worker processes that load their own registry."""


class Linter:
    """Lints files against one registry; build one per process and reuse it."""

    def __init__(self, registry: Registry, options: Options) -> None:
        from emaillint.schema import SchemaChecker

        self.registry = registry
        self.options = options
        self.read_options = ReadOptions(SchemaChecker(registry.schema()), options.environ)
        self.shapes = registry.providers.secret_patterns()
        self.secret_keys = frozenset(key for key, fragment in registry.schema_properties.items()
                                     if fragment.get("writeOnly") is True)
        """The plugins' account keys their schema marks ``writeOnly``: secrets, whatever their name."""
        self.environ_secrets = credentials.find_secrets(dict(options.environ), self.shapes)
        """With --resolve-env, values from the environment reach messages: its secrets too."""
        self.account_rules = [(r, _rule_key(r)) for r in registry.rules.values() if r.scope == "account" and r.check]
        self.run_rules = [(r, _rule_key(r)) for r in registry.rules.values() if r.scope == "run" and r.check]
        """Each rule with its boundary key, made once: a run calls every rule on every account."""
        dialects = registry.dialects
        if options.dialect:
            dialects = [d for d in dialects if d.name == options.dialect]
        self.dialects = dialects

    def lint_path(self, path: str) -> FileResult:
        """Read one file, without following it anywhere it could hang or grow without end.

        Only regular files are read: a FIFO named ``*.yaml`` would block a plain ``open``
        until some writer appeared, and a device would never end. The file is opened
        non-blocking and checked on the open descriptor, so a file swapped between the
        walk and the read cannot slip through; at most ``MAX_BYTES + 1`` bytes are read.
        """
        try:
            fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        except FileNotFoundError:
            if os.path.islink(path):
                return self._io(path, "is a symbolic link to a file that does not exist")
            return self._io(path, "disappeared before it could be read")
        except OSError as exc:
            return self._io(path, _unreadable(path, exc))
        try:
            mode = os.fstat(fd).st_mode
            if stat.S_ISDIR(mode):
                return self._io(path, "is a directory, not a file")
            if not stat.S_ISREG(mode):
                return self._io(path, _NOT_A_FILE)
            with os.fdopen(fd, "rb", closefd=False) as handle:
                raw = handle.read(loader.MAX_BYTES + 1)
        except OSError as exc:
            return self._io(path, _unreadable(path, exc))
        finally:
            os.close(fd)
        return self.lint_bytes(raw, path)

    def lint_stream(self, stream: BinaryIO | None, path: str) -> FileResult:
        """Standard input (``-``); a closed one is an io-error, not a traceback."""
        if stream is None:
            return self._io(path, "cannot be read: standard input is closed")
        try:
            raw = stream.read(loader.MAX_BYTES + 1)
        except OSError as exc:
            return self._io(path, f"cannot be read: {exc.strerror or type(exc).__name__}")
        return self.lint_bytes(raw, path)

    def lint_bytes(self, raw: bytes, path: str) -> FileResult:
        if len(raw) > loader.MAX_BYTES:
            return self._io(path, f"is larger than {loader.MAX_BYTES // (1024 * 1024)} MiB; mail configs are"
                                  " a few kilobytes, so this is probably not one")
        text, why = loader.decode(raw)
        if text is None:
            return self._io(path, why)
        return self.lint_text(text, path)

    def lint_text(self, text: str, path: str) -> FileResult:
        """Lint one file's text, its plugin calls watched by the registry's ``Boundary``: a call
        that hangs is reported here, once, and the file is linted again without it."""
        boundary = self.registry.boundary
        result, hung = boundary.run(lambda: self._lint_text(text, path), path)
        if hung:
            errors = [Finding(path, 1, 1, PLUGIN_ERROR, ERROR, f"{self.registry.label(key[0])}: "
                              f"{boundary.hang_message(key)}") for key in hung]
            result = result._replace(findings=errors + result.findings)
        return result

    def _lint_text(self, text: str, path: str) -> FileResult:
        loaded = loader.load(text, path)
        lines = line_count(text)
        findings: list[Finding] = []
        records: list[tuple[str, Record]] = []
        accounts: list[tuple[Account, Context]] = []
        directives = suppressions.scan(text)
        read: set[str] = set()  # secrets the dialects found themselves
        found: list[Finding] = []
        documents = list(loaded.documents)
        dialects = [d for d in self.dialects if not d.needles or any(needle in text for needle in d.needles)]
        for document in documents:
            try:
                self._lint_document(document, lines, dialects, found, read, records, accounts)
            except Exception as exc:  # a bug in emaillint itself: report it, lint the other files
                found.append(self._plugin_error(path, f"emaillint failed on this document ({_where(exc)}), a bug"
                                                " in emaillint or in the dialect that read it; please report it",
                                                "emaillint", exc))
        in_file = set(self.environ_secrets | read)
        for document in documents:  # a password of one document may be repeated in another, or in another file
            in_file |= credentials.secrets_in(document.items(), self.shapes, self.secret_keys)
        findings = redact(distinct(found), frozenset(in_file))
        about_file = loaded.findings  # reading them finishes the checks; over a limit, no documents are left
        if about_file and not loaded.documents:  # ... and nothing of the file is linted
            findings, records, accounts, in_file = [], [], [], set()
        result = FileResult(path, self._fill(about_file + findings), records, directives, frozenset(in_file),
                            tuple(accounts), lines=lines, chars=len(text.removeprefix("\ufeff")))
        if self.options.baseline:
            from emaillint import baseline

            places = {(f.line, f.column) for f in result.findings} | {(d.line, d.column) for d in directives}
            places |= {(record.line, record.column) for _, record in records}
            result = result._replace(materials=baseline.materials(text, places, result.secrets))
        return result

    def _lint_document(self, document: loader.Document, lines: int, dialects: list[Dialect], found: list[Finding],
                       secrets: set[str], records: list[tuple[str, Record]],
                       accounts: list[tuple[Account, Context]]) -> None:
        reading = self._read(document, lines, dialects, found)
        if reading is None:
            return
        found.extend(reading.findings)
        secrets |= reading.secrets
        for account in reading.accounts:
            if self.options.accounts:
                context = resolve(account, self.registry.providers, self.options.as_of).context
                accounts.append((account, context))
            else:
                found.extend(checked_fixes(self.registry, self._check_account(document.path, account, records,
                                                                               _password(account)),
                                           {document.path: len(document.source)}))

    def _read(self, document: loader.Document, lines: int, dialects: list[Dialect],
              found: list[Finding]) -> Reading | None:
        """The dialect's reading of a document (None: no dialect claims it, or it failed,
        which ``found`` then says), with the document's own findings (duplicate keys:
        only where a dialect found mail settings)."""
        dialect = self._dialect(document, dialects, found)
        if dialect is None:
            return None
        found.extend(document.findings)
        try:
            reading = self.registry.boundary.call(_dialect_key(dialect), dialect.read, document, self.read_options)
            if reading is None and _dialect_key(dialect) in self.registry.boundary.hung:
                return None
            reading = _checked(reading, document.path, lines, self.registry.rules)
            return reading._replace(findings=checked_fixes(self.registry, reading.findings,
                                                           {document.path: len(document.source)},
                                                           _dialect_key(dialect)))
        except Exception as exc:
            found.append(self._plugin_error(document.path, f"dialect '{dialect.name}' raised reading this file",
                                            dialect.plugin, exc))
            return None

    def _dialect(self, document: loader.Document, dialects: list[Dialect], findings: list[Finding]) -> Dialect | None:
        for dialect in dialects:
            try:
                if self.registry.boundary.call(_dialect_key(dialect), dialect.detect, document, default=False):
                    return dialect
            except Exception as exc:
                findings.append(self._plugin_error(document.path, f"dialect '{dialect.name}' raised in detect", dialect.plugin, exc))
        return None

    def _check_account(self, path: str, account: Account, records: list[tuple[str, Record]],
                       password: str = "") -> Iterable[Finding]:
        resolution = resolve(account, self.registry.providers, self.options.as_of, password)
        context = resolution.context
        provider = context.provider.name if context.provider else None
        for field, message, help in resolution.problems:
            line, column = account.where(field)
            yield Finding(path, line, column, SCHEMA, "", message, account.name, provider, help=help)
        if context.provider is None and not resolution.problems and account.host and not is_local(account.host):
            line, column = account.where("host")
            hint = ", or name an installed one with provider:" if account.dialect == canonical.NAME else ""
            yield Finding(path, line, column, UNKNOWN_PROVIDER, "",
                          f"no installed plugin knows {account.host}: provider rules are skipped", account.name, None,
                          help=f"install a provider plugin for {account.host}{hint} (emaillint plugins lists them)")
        call = self.registry.boundary.call
        for rule, key in self.account_rules:
            try:
                found = [_finding(path, rule, account, problem, provider)
                         for problem in call(key, _problems, rule, account, context, default=())]
            except Exception as exc:
                yield self._plugin_error(path, f"rule '{rule.id}' raised on account '{account.name}'",
                                         rule.plugin, exc, account.where(""), account.name)
                continue
            yield from found
        for rule, key in self.run_rules:
            try:
                share = call(key, rule.check, account, context)
            except Exception as exc:
                yield self._plugin_error(path, f"rule '{rule.id}' raised on account '{account.name}'",
                                         rule.plugin, exc, account.where(""), account.name)
                continue
            if share is not None:
                records.append((rule.id, Record(path, account.position.line, account.position.column,
                                                account.name, share)))

    def _plugin_error(self, path: str, what: str, plugin: str, exc: BaseException,
                      where: tuple[int, int] = (1, 1), account: str | None = None) -> Finding:
        detail = describe(exc)
        return Finding(path, where[0], where[1], PLUGIN_ERROR, ERROR,
                       f"{self.registry.label(plugin)}: {what}: {detail}{_in_plugin(original(exc))}", account)

    def _io(self, path: str, why: str) -> FileResult:
        return FileResult(path, [Finding(path, 1, 1, IO_ERROR, ERROR, f"{os.path.basename(path) or path} {why}")], [])

    def _fill(self, findings: list[Finding]) -> list[Finding]:
        """Give findings made without a severity their rule's default, and keep every message
        and help on one line: a key or value with a line break, quoted by any rule or plugin,
        is shown escaped (secrets are already cut out by then)."""
        rules = self.registry.rules
        filled = []
        for f in findings:
            if not f.severity:
                f = f._replace(severity=rules[f.rule].severity if f.rule in rules else ERROR)
            if not (f.message.isprintable() and f.help.isprintable()):
                f = f._replace(message=printable(f.message), help=printable(f.help))
            filled.append(f)
        return filled


_NOT_A_FILE = ("is not a regular file (a pipe, socket or device), so it is not read;"
               " to lint text from a pipe, give '-' and send it to standard input")


def _unreadable(path: str, exc: OSError) -> str:
    """Why ``open`` failed, in words: a socket cannot even be opened."""
    try:
        if stat.S_ISSOCK(os.stat(path).st_mode):
            return _NOT_A_FILE
    except OSError:
        pass
    return f"cannot be read: {exc.strerror or type(exc).__name__}"


def _password(account: Account) -> str:
    """A literal password's text as written: the account keeps only its kind, and a rule may
    need to know which provider's secret it is (``Context.secrets``). "" where the account
    does not say where its password is written (a third-party dialect's own positions)."""
    places = account.positions
    if account.password is None or account.password.kind != LITERAL or not isinstance(places, kit.Places):
        return ""
    return places.scalar("password") or ""


def _where(exc: BaseException) -> str:
    """The innermost frame, as ``module.py:line``: enough for a bug report, no values."""
    import traceback

    frames = traceback.extract_tb(exc.__traceback__)
    return f"{os.path.basename(frames[-1].filename)}:{frames[-1].lineno}" if frames else "unknown place"


_OWN_CODE = os.path.dirname(os.path.abspath(__file__))


def _in_plugin(exc: BaseException) -> str:
    """`` (at module.py:line)``: the innermost frame outside emaillint's engine, where the
    plugin's code went wrong (a wrong call of an API function fails at the caller's line)."""
    import traceback

    frames = [frame for frame in traceback.extract_tb(exc.__traceback__)
              if not os.path.abspath(frame.filename).startswith(_OWN_CODE + os.sep)]
    return f" (at {os.path.basename(frames[-1].filename)}:{frames[-1].lineno})" if frames else ""


def distinct(findings: list[Finding]) -> list[Finding]:
    """One finding per place, rule, message and help: accounts that inherit one setting (every
    Alertmanager receiver inherits ``global``) would otherwise repeat its finding."""
    seen: set[tuple[int, int, str, str, str]] = set()
    result = []
    for finding in findings:
        key = (finding.line, finding.column, finding.rule, finding.message, finding.help)
        if key not in seen:
            seen.add(key)
            result.append(finding)
    return result


def _finding(path: str, rule: Rule, account: Account, problem: Problem, provider: str | None) -> Finding:
    if not (isinstance(problem, Problem) and isinstance(problem.where, str) and isinstance(problem.message, str)
            and problem.severity in (None, *SEVERITIES) and isinstance(problem.help, str)):
        raise TypeError(f"check() yielded a malformed {type(problem).__name__}; yield"
                        " Problem(field, message), with severity one of error, warning, info and help text"
                        " (from emaillint.api)")
    if not (kit.is_place(problem.where) or problem.where in account.extra):
        raise TypeError(f"check() yielded Problem({problem.where!r}, ...), which names no account field;"
                        f" {kit.checked_place_hint(problem.where)}")
    line, column = account.where(problem.where)
    return Finding(path, line, column, rule.id, problem.severity or rule.severity, problem.message,
                   account.name, provider, help=problem.help, fix=problem.fix)


def checked_fixes(registry: Registry, findings: Iterable[Finding], sizes: Mapping[str, int],
                  key: tuple[str, str] | None = None) -> list[Finding]:
    """The findings, each with a fix that cannot be applied (``fix_problem``) taken off and
    its plugin's error beside it: the finding stays, and ``--fix``, ``--diff``, the editor and
    every format see only fixes that fit the file. ``sizes``: each path's characters; ``key``:
    the dialect that made the findings, else each finding's rule is at fault."""
    checked = []
    for finding in findings:
        why = "" if finding.fix is None else fix_problem(finding.fix, sizes.get(finding.path, 0))
        if not why:
            checked.append(finding)
            continue
        rule = registry.rules.get(finding.rule)
        plugin, what = key or (_rule_key(rule) if rule else ("emaillint", f"rule '{finding.rule}'"))
        checked.append(finding._replace(fix=None))
        checked.append(Finding(finding.path, finding.line, finding.column, PLUGIN_ERROR, ERROR,
                               f"{registry.label(plugin)}: {what} offered a fix that cannot be applied, so its"
                               f" {finding.rule} finding is reported without it: {why}", finding.account))
    return checked


def _checked(reading: Reading, path: str, lines: int, rules: Mapping[str, Rule]) -> Reading:
    """A dialect's reading with read-only accounts, or a TypeError that becomes its
    plugin-error: what one rule is given, no rule can change for the next; its findings and
    the positions of its accounts point inside the file being linted."""
    if not (isinstance(reading, Reading) and isinstance(reading.accounts, list)
            and all(isinstance(a, Account) for a in reading.accounts)
            and isinstance(reading.findings, list) and isinstance(reading.secrets, (frozenset, set))):
        raise TypeError(f"read() returned a malformed {type(reading).__name__}; return"
                        " Reading(accounts, findings, secrets) with a list of Account objects, a list of"
                        " Finding objects and a set of strings")
    for finding in reading.findings:
        why = finding_problem(finding, {path: lines}, rules)
        if why:
            raise TypeError(f"read() {why}")
    for account in reading.accounts:
        if not isinstance(account.positions, kit.Places):  # the kit's positions are the document's own
            for place, position in [("", account.position), *account.positions.items()]:
                why = position_problem(position, lines)
                if why:
                    raise TypeError(f"read() gave account {account.name!r} a position for {place or 'itself'}"
                                    f" {why}")
    return reading._replace(accounts=[kit.frozen(account) for account in reading.accounts])


def line_count(text: str) -> int:
    """An upper bound of the file's lines, counting every line break YAML 1.1 or 1.2 knows."""
    return 1 + text.count("\n") + text.count("\r") - text.count("\r\n") + sum(
        text.count(mark) for mark in ("\x85", "\u2028", "\u2029"))


def _dialect_key(dialect: Dialect) -> tuple[str, str]:
    return dialect.plugin, f"dialect '{dialect.name}'"


def _rule_key(rule: Rule) -> tuple[str, str]:
    return rule.plugin, f"rule '{rule.id}'"


MAX_PROBLEMS = 1000
"""More problems than this from one rule about one account is a rule that yields forever."""


def _problems(rule: Rule, account: Account, context: Context) -> list[Problem]:
    """A rule's problems, taken to the end inside the plugin boundary (a generator runs there)."""
    problems = list(itertools.islice(rule.check(account, context) or (), MAX_PROBLEMS + 1))
    if len(problems) > MAX_PROBLEMS:
        raise TypeError(f"check() yielded more than {MAX_PROBLEMS} problems for one account; yield each"
                        " problem once (a generator that never ends?)")
    return problems


def redact(findings: Iterable[Finding], secrets: frozenset[str]) -> list[Finding]:
    """Remove literal secrets from messages, account names and details, whoever wrote them (rules,
    plugins, libraries), including a secret cut short with an ellipsis (``'smtp://u:hunt...'``)."""
    ordered = _ordered(secrets)
    if not ordered:
        return list(findings)
    return [finding._replace(message=_without(finding.message, ordered),
                             account=finding.account and _without(finding.account, ordered),
                             details=finding.details and _scrubbed(finding.details, ordered),
                             help=_without(finding.help, ordered), fix=_fix_without(finding.fix, ordered))
            for finding in findings]


def redact_text(text: str, secrets: frozenset[str]) -> str:
    """``redact`` for text that is not a finding (``--diff``'s lines)."""
    ordered = _ordered(secrets)
    return _without(text, ordered) if ordered else text


def _ordered(secrets: frozenset[str]) -> list[str]:
    """Every form of the secrets long enough to redact, longest first (a secret's forms may
    hold one another)."""
    return sorted({form for secret in secrets if len(secret) >= credentials.MIN_SECRET for form in _forms(secret)},
                  key=len, reverse=True)


def redact_run(findings: Iterable[Finding], secrets: frozenset[str]) -> list[Finding]:
    """``redact`` with the secrets of every file of a run, thousands of them: each finding with
    only the few a form of which starts or ends with four characters its texts hold (a secret
    cut short by an ellipsis keeps its first or its last four), so the cost grows with the
    findings, not with the findings times the secrets."""
    secrets = frozenset(s for s in secrets if len(s) >= credentials.MIN_SECRET)
    if not secrets:
        return list(findings)
    ends: dict[str, set[str]] = {}
    always: set[str] = set()  # a form too short to index (``%41%42%43%44`` decoded): tried on every text
    for secret in secrets:
        for form in _forms(secret):
            if len(form) < _GRAM:
                always.add(secret)
            for end in (form[:_GRAM], form[-_GRAM:]):
                ends.setdefault(end, set()).add(secret)
    holds: dict[str, frozenset[str]] = {}  # a text -> the secrets it may hold; most texts repeat

    def held(text: str) -> frozenset[str]:
        if text not in holds:
            grams = {text[i:i + _GRAM] for i in range(len(text) - _GRAM + 1)}
            holds[text] = frozenset().union(*(ends[gram] for gram in grams & ends.keys()))
        return holds[text]

    redacted = []
    for finding in findings:
        found = always.union(*map(held, _texts(finding)))
        redacted.extend(redact([finding], frozenset(found)) if found else [finding])
    return redacted


_GRAM = credentials.MIN_SECRET


def _texts(finding: Finding) -> Iterator[str]:
    """Every text of a finding that ``redact`` cuts secrets out of."""
    yield from (finding.message, finding.account or "", finding.help)
    if finding.fix is not None:
        yield finding.fix.title
        yield from (edit.text for edit in finding.fix.edits)
    stack = [finding.details]
    while stack:
        value = stack.pop()
        if isinstance(value, str):
            yield value
        elif isinstance(value, Mapping):
            stack.extend(value.values())
        elif isinstance(value, (list, tuple)):
            stack.extend(value)


def _fix_without(fix: Fix | None, secrets: list[str]) -> Fix | None:
    """A fix whose edits would write a secret is not shown at all: its text cannot be cut."""
    if fix is None or any(secret in edit.text for edit in fix.edits for secret in secrets):
        return None
    return fix._replace(title=_without(fix.title, secrets))


def _scrubbed(value: Any, secrets: list[str]) -> Any:
    """``Finding.details`` with every text in it redacted, however deeply nested."""
    if isinstance(value, str):
        return _without(value, secrets)
    if isinstance(value, Mapping):
        return {key: _scrubbed(item, secrets) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_scrubbed(item, secrets) for item in value]
    return value


def _forms(secret: str) -> Iterator[str]:
    """A secret as a message may carry it: as is, lower-cased (as addresses are), escaped by
    repr() or JSON, percent-decoded or percent-encoded (as URLs carry it), or one line of it
    (exception messages keep their first line only)."""
    import json
    from urllib.parse import quote, unquote

    yield secret
    yield unquote(secret)
    yield quote(secret, safe="")
    yield secret.lower()
    yield repr(secret)[1:-1]
    yield json.dumps(secret)[1:-1]
    yield from (line.strip() for line in secret.splitlines() if len(line.strip()) >= credentials.MIN_SECRET)


_ELLIPSIS = re.compile(r"\.\.\.|\u2026")


def _without(text: str, secrets: list[str]) -> str:
    for secret in secrets:
        if secret in text:
            text = text.replace(secret, "***")
    for ellipsis in reversed(list(_ELLIPSIS.finditer(text))):
        start, end = ellipsis.span()
        for secret in secrets:
            head = next((k for k in range(min(len(secret) - 1, start), credentials.MIN_SECRET - 1, -1)
                         if text[start - k:start] == secret[:k]), 0)
            tail = next((k for k in range(min(len(secret) - 1, len(text) - end), credentials.MIN_SECRET - 1, -1)
                         if text[end:end + k] == secret[-k:]), 0)
            if head or tail:
                text = text[:start - head] + "***" + text[end + tail:]
                break
    return text
