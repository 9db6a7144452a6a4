"""Linting one file: bytes -> documents -> dialect -> accounts -> rules -> findings.

Everything here is per file and side-effect free, so files can be linted in any order or
in worker processes; what crosses files (shared-quota) leaves as small records that
``run`` hands to the rule's ``finish``.
"""

from __future__ import annotations

import os
from typing import Iterable, NamedTuple

from emaillint import canonical, credentials
from emaillint import load as loader
from emaillint.model import ERROR, Account, Context, Dialect, Finding, Problem, ReadOptions, Rule
from emaillint.network import is_local
from emaillint.plugins import Registry
from emaillint.resolve import resolve
from emaillint.rules.shared_quota import Record


class FileResult(NamedTuple):
    path: str
    findings: list[Finding]
    records: list[tuple[str, Record]]
    """(rule id, record) pairs for the run-scope rules."""


class Options(NamedTuple):
    as_of: str
    dialect: str | None = None
    environ: dict[str, str] = {}


class Linter:
    """Lints files against one registry; build one per process and reuse it."""

    def __init__(self, registry: Registry, options: Options) -> None:
        from emaillint.schema import SchemaChecker, build_schema

        self.registry = registry
        self.options = options
        self.read_options = ReadOptions(SchemaChecker(build_schema(registry.schema_properties)), options.environ)
        self.account_rules = [r for r in registry.rules.values() if r.scope == "account" and r.check]
        self.run_rules = [r for r in registry.rules.values() if r.scope == "run" and r.check]
        dialects = registry.dialects
        if options.dialect:
            dialects = [d for d in dialects if d.name == options.dialect]
        self.dialects = dialects

    def lint_path(self, path: str) -> FileResult:
        try:
            with open(path, "rb") as handle:
                raw = handle.read(loader.MAX_BYTES + 1)
        except IsADirectoryError:
            return self._io(path, "is a directory, not a file")
        except FileNotFoundError:
            return self._io(path, "disappeared before it could be read")
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
        loaded = loader.load(text, path)
        records: list[tuple[str, Record]] = []
        if any(f.rule in ("yaml-syntax", "io-error") for f in loaded.findings):
            return FileResult(path, self._fill(list(loaded.findings)), records)
        findings: list[Finding] = []
        recognised = []
        for document in loaded.documents:
            secrets = credentials.find_secrets(document.data)
            found: list[Finding] = []
            dialect = self._dialect(document, found)
            if dialect is not None:
                recognised.append(document)
                try:
                    reading = dialect.read(document, self.read_options)
                except Exception as exc:
                    found.append(self._plugin_error(path, f"dialect '{dialect.name}' raised reading this file",
                                                    dialect.plugin, exc))
                else:
                    found.extend(reading.findings)
                    secrets |= reading.secrets
                    for account in reading.accounts:
                        found.extend(self._check_account(path, account, records))
            findings.extend(_redact(_distinct(found), secrets))
        findings[:0] = _in_mail_documents(loaded.findings, recognised)
        return FileResult(path, self._fill(findings), records)

    def _dialect(self, document: loader.Document, findings: list[Finding]) -> Dialect | None:
        for dialect in self.dialects:
            try:
                if dialect.detect(document):
                    return dialect
            except Exception as exc:
                findings.append(self._plugin_error(document.path, f"dialect '{dialect.name}' raised in detect", dialect.plugin, exc))
        return None

    def _check_account(self, path: str, account: Account, records: list[tuple[str, Record]]) -> Iterable[Finding]:
        resolution = resolve(account, self.registry.providers, self.options.as_of)
        context = resolution.context
        provider = context.provider.name if context.provider else None
        for field, message in resolution.problems:
            line, column = account.where(field)
            yield Finding(path, line, column, "schema", "", message, account.name, provider)
        if context.provider is None and not resolution.problems and account.host and not is_local(account.host):
            line, column = account.where("host")
            hint = " or set provider:" if account.dialect == canonical.NAME else ""
            yield Finding(path, line, column, "unknown-provider", "", (
                f"no installed plugin knows {account.host}; provider rules (host, port, auth, quotas)"
                f" are skipped: install a plugin for it{hint}"
            ), account.name, None)
        for rule in self.account_rules:
            try:
                problems = list(rule.check(account, context) or ())
            except Exception as exc:
                yield self._plugin_error(path, f"rule '{rule.id}' raised on account '{account.name}'",
                                         rule.plugin, exc, account.where(""), account.name)
                continue
            for problem in problems:
                yield _finding(path, rule, account, context, problem, provider)
        for rule in self.run_rules:
            try:
                share = rule.check(account, context)
            except Exception as exc:
                yield self._plugin_error(path, f"rule '{rule.id}' raised on account '{account.name}'",
                                         rule.plugin, exc, account.where(""), account.name)
                continue
            if share is not None:
                records.append((rule.id, Record(path, account.position.line, account.position.column,
                                                account.name, share)))

    def _plugin_error(self, path: str, what: str, plugin: str, exc: BaseException,
                      where: tuple[int, int] = (1, 1), account: str | None = None) -> Finding:
        detail = f"{type(exc).__name__}: {str(exc).splitlines()[0]}" if str(exc).strip() else type(exc).__name__
        return Finding(path, where[0], where[1], "plugin-error", ERROR,
                       f"{self.registry.label(plugin)}: {what}: {detail}", account)

    def _io(self, path: str, why: str) -> FileResult:
        return FileResult(path, [Finding(path, 1, 1, "io-error", ERROR, f"{os.path.basename(path) or path} {why}")], [])

    def _fill(self, findings: list[Finding]) -> list[Finding]:
        """Give findings made without a severity their rule's default."""
        rules = self.registry.rules
        return [f if f.severity else f._replace(severity=rules[f.rule].severity if f.rule in rules else ERROR)
                for f in findings]


def _distinct(findings: list[Finding]) -> list[Finding]:
    """One finding per place, rule and message: accounts that inherit one setting (every
    Alertmanager receiver inherits ``global``) would otherwise repeat its finding."""
    seen: set[tuple[int, int, str, str]] = set()
    result = []
    for finding in findings:
        key = (finding.line, finding.column, finding.rule, finding.message)
        if key not in seen:
            seen.add(key)
            result.append(finding)
    return result


def _in_mail_documents(findings: list[Finding], documents: list[loader.Document]) -> list[Finding]:
    """Duplicate keys are reported only in documents a dialect recognised: a YAML file that is
    no mail config produces no findings (SPEC), however untidy it is."""
    spans = []
    for document in documents:
        lines = [position.line for position in document.positions.values()]
        lines += [position.line for position in document.key_positions.values()]
        spans.append((min(lines, default=1), max(lines, default=1)))
    return [f for f in findings if f.rule != "duplicate-key" or any(low <= f.line <= high for low, high in spans)]


def _finding(path: str, rule: Rule, account: Account, context: Context, problem: Problem,
             provider: str | None) -> Finding:
    line, column = account.where(problem.where)
    return Finding(path, line, column, rule.id, problem.severity or rule.severity, problem.message,
                   account.name, provider)


def _redact(findings: list[Finding], secrets: frozenset[str]) -> Iterable[Finding]:
    """Remove literal secrets from messages, whoever wrote them (rules, plugins, libraries)."""
    if not secrets:
        return findings
    ordered = sorted(secrets, key=len, reverse=True)
    result = []
    for finding in findings:
        message = finding.message
        for secret in ordered:
            if secret in message:
                message = message.replace(secret, "***")
        result.append(finding._replace(message=message) if message is not finding.message else finding)
    return result
