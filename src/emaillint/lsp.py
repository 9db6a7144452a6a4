"""``emaillint lsp``: a language server over stdio, so a mistake shows while it is typed.

It is a thin shell over the engine ``check`` uses: documents are linted in-process with
one registry (plugins load once per server, and a plugin that fails is a diagnostic on
each document, not a dead server), the project configuration of each document's folder
(select, ignore, severity, exclude, as_of, baseline; disable_plugins and plugin_timeout
of the first folder linted) and the same suppressions. The engine speaks
1-based lines and columns in code points, as YAML counts them, and fixes in character
offsets; LSP speaks 0-based lines split at ``\\n``, ``\\r\\n`` and ``\\r`` only, and columns
in the negotiated unit (UTF-16 unless the client offers another). ``Text`` converts
between the two, once, at this boundary, through character offsets.

Only this module imports pygls; ``cli`` imports it only for the ``lsp`` command.
"""

from __future__ import annotations

import asyncio
import bisect
import os
import pathlib
import re
from typing import Iterable, NamedTuple

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from emaillint import __version__
from emaillint import config as project_config
from emaillint import files as walker
from emaillint import fixing
from emaillint import policy as rule_policy
from emaillint import suppressions
from emaillint.engine import Linter, Options, redact
from emaillint.model import ERROR, INFO, SAFE, WARNING, Edit, Finding, Rule
from emaillint.plugins import DEFAULT_TIMEOUT, Registry, load_registry
from emaillint.run import CHECK, baseline_file, build_policy, collect, today
from emaillint.settings import Settings

DEBOUNCE = 0.3
"""Seconds of quiet after a change before the document is linted again."""
SOURCE = "emaillint"
_SEVERITY = {ERROR: types.DiagnosticSeverity.Error, WARNING: types.DiagnosticSeverity.Warning,
             INFO: types.DiagnosticSeverity.Information}
_LSP_BREAK = re.compile(r"\r\n|\r|\n")
_YAML_BREAK = re.compile(suppressions.LINE_BREAK)
_WORD_END = re.compile(r"[\s:,\]}]")
_DIRECTIVE = re.compile(r"#\s*emaillint:\s*disable\s*=\s*[\w-]+(?:\s*,\s*[\w-]+)*")


class Text:
    """One version of a document's text, to convert the engine's places to LSP's and back."""

    def __init__(self, text: str, encoding: str = types.PositionEncodingKind.Utf16) -> None:
        self.text = text
        self.encoding = encoding
        self._yaml_lines = [0] + [m.end() for m in _YAML_BREAK.finditer(text)]
        self._lines = [0] + [m.end() for m in _LSP_BREAK.finditer(text)]
        self._ends = {start: end for start, end in ((s.index, e.index) for s, e in suppressions.scalar_marks(text))}

    def offset(self, line: int, column: int) -> int:
        """The engine's 1-based line and column (code points, YAML's lines) as an offset."""
        start = self._yaml_lines[min(max(line, 1), len(self._yaml_lines)) - 1]
        return min(start + max(column, 1) - 1, len(self.text))

    def position(self, offset: int) -> types.Position:
        line = bisect.bisect_right(self._lines, offset) - 1
        return types.Position(line, self._units(self.text[self._lines[line]:offset]))

    def at(self, position: types.Position) -> int:
        """An LSP position as an offset (past the end of a line: the line's end)."""
        if position.line >= len(self._lines):
            return len(self.text)
        offset = self._lines[position.line]
        end = self.line_end(position.line)
        units = 0
        while offset < end and units < position.character:
            units += self._units(self.text[offset])
            offset += 1
        return offset

    def line_end(self, line: int) -> int:
        """The offset of the line's end, before its line break."""
        end = self._lines[line + 1] if line + 1 < len(self._lines) else len(self.text)
        return len(self.text[self._lines[line]:end].rstrip("\r\n")) + self._lines[line]

    def range(self, start: int, end: int) -> types.Range:
        return types.Range(self.position(start), self.position(end))

    def extent(self, finding: Finding) -> tuple[int, int]:
        """Where a finding points, as offsets: the key or value it names (a scalar's whole text),
        else the word there."""
        start = self.offset(finding.line, finding.column)
        end = self._ends.get(start)
        if end is None:
            word = _WORD_END.search(self.text, start)
            end = word.start() if word else len(self.text)
            end = max(end, min(start + 1, self.line_end(self.position(start).line)))
        return start, end

    def word(self, offset: int) -> str:
        """The scalar's text at ``offset`` (for hover), without quotes."""
        for start, end in self._ends.items():
            if start <= offset < end:
                return self.text[start:end].strip("\"'")
        return ""

    def _units(self, text: str) -> int:
        if self.encoding == types.PositionEncodingKind.Utf8:
            return len(text.encode("utf-8", "surrogatepass"))
        if self.encoding == types.PositionEncodingKind.Utf32:
            return len(text)
        return len(text.encode("utf-16-le", "surrogatepass")) // 2


class Linted(NamedTuple):
    """A document's findings for one version of its text."""

    version: int | None
    text: Text
    findings: list[Finding]
    problem: str = ""
    """A one-line error that kept the document from being linted (a bad project configuration)."""
    secrets: frozenset[str] = frozenset()
    """The document's literal secrets: every open document's findings are redacted with them."""


class Engine:
    """The server's lint state: one registry, and a linter per set of options (``as_of``, a baseline)."""

    def __init__(self, config: str | None, disabled: tuple[str, ...], timeout: float | None = None) -> None:
        self.config = config
        self.disabled = disabled
        self.timeout = timeout
        """``--plugin-timeout``; None: the first folder's ``plugin_timeout``, else the default."""
        self._registry: Registry | None = None
        self._linters: dict[tuple[str, bool], Linter] = {}

    def registry(self, folder: str) -> Registry:
        """Loaded once per server, without the plugins turned off on the command line or by
        the project configuration of the first folder linted (a change needs a restart)."""
        if self._registry is None:
            try:
                project = project_config.discover(self.config, folder)
            except project_config.ConfigError:
                project = project_config.ProjectConfig()
            self.timeout = self.timeout or project.plugin_timeout or DEFAULT_TIMEOUT
            self._registry = load_registry(disabled=self.disabled + project.disable_plugins, timeout=self.timeout)
        return self._registry

    def lint(self, text: str, path: str) -> tuple[list[Finding], str, frozenset[str]]:
        """The findings ``emaillint check`` would report for this text at ``path`` (with the
        project's baseline, only the new ones), or a problem; and the text's secrets."""
        from emaillint.baseline import BaselineError, Session

        folder = os.path.dirname(path)
        registry = self.registry(folder)
        try:
            project = project_config.discover(self.config, folder)
            policy = build_policy(Settings(), project, registry, CHECK)
            chosen = baseline_file(Settings(), project)
            session = Session(*chosen) if chosen is not None else None
        except (project_config.ConfigError, rule_policy.PolicyError, BaselineError) as exc:
            return [], f"emaillint: error: {exc}", frozenset()
        if walker.excluded(path, project.exclude, project.root):
            return [], "", frozenset()
        key = (project.as_of or today(), session is not None)
        linter = self._linters.get(key)
        if linter is None:
            linter = self._linters[key] = Linter(registry, Options(key[0], baseline=key[1],
                                                                   plugin_timeout=self.timeout or DEFAULT_TIMEOUT))
        results = [linter.lint_text(text, path)]
        if session is None:
            return collect(registry, results, policy), "", results[0].secrets
        findings = session.settle(collect(registry, session.watch(results), policy), policy.reports).findings
        return findings, "", results[0].secrets


def diagnostic(text: Text, finding: Finding, registry: Registry) -> types.Diagnostic:
    href = _documentation(finding.rule, registry)
    return types.Diagnostic(
        range=text.range(*text.extent(finding)),
        message=f"{finding.message}\n{finding.help}" if finding.help else finding.message,
        severity=_SEVERITY.get(finding.severity, types.DiagnosticSeverity.Error),
        code=finding.rule,
        code_description=types.CodeDescription(href=href) if href else None,
        source=SOURCE,
    )


def _documentation(rule_id: str, registry: Registry) -> str:
    """The documentation page of the distribution that adds the rule (as SARIF's helpUri),
    anchored at the rule; where the distribution declares none (emaillint itself), the
    rule's explanation as a local page, which works offline and matches the installed
    rules and providers."""
    from emaillint.report.sarif import home_page

    rule = registry.rules.get(rule_id)
    if rule is None:
        return ""
    dist = next((info.dist for info in registry.plugins if info.name == rule.plugin), "")
    home = home_page(dist or "")
    if home:
        return f"{home}#{rule_id}"
    key = (id(registry), rule_id)  # a registry lives as long as the server (one per project folder)
    if key not in _PAGES:
        _PAGES[key] = _explanation_page(rule, registry)
    return _PAGES[key]


_PAGES: dict[tuple[int, str], str] = {}


def _explanation_page(rule: Rule, registry: Registry) -> str:
    """A ``file:`` URI of ``explain RULE``'s text, written once under the user's cache folder
    (named by its content, so other plugins' data sheets get their own page); empty when
    that folder cannot be written."""
    import hashlib

    from emaillint.commands import explanation

    text = f"# {rule.id}\n\n{explanation(rule, registry)}"
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]
    page = _cache_folder() / "explain" / f"{rule.id}-{digest}.md"
    try:
        if not page.exists():
            page.parent.mkdir(parents=True, exist_ok=True)
            partial = page.with_suffix(f".{os.getpid()}.tmp")
            partial.write_text(text, encoding="utf-8")
            partial.replace(page)
    except OSError:
        return ""
    return page.as_uri()


def _cache_folder() -> pathlib.Path:
    """``$XDG_CACHE_HOME/emaillint`` (``~/.cache``; ``%LOCALAPPDATA%`` on Windows)."""
    base = os.environ.get("XDG_CACHE_HOME") or (os.environ.get("LOCALAPPDATA") if os.name == "nt" else "")
    return pathlib.Path(base or pathlib.Path.home() / ".cache") / "emaillint"


class Server(LanguageServer):
    def __init__(self, engine: Engine) -> None:
        super().__init__("emaillint", __version__)
        self.engine = engine
        self.linted: dict[str, Linted] = {}
        self.pending: dict[str, asyncio.TimerHandle] = {}

    def encoding(self) -> str:
        return self.workspace.position_encoding or types.PositionEncodingKind.Utf16

    def current(self, uri: str) -> Linted:
        """The document's findings for its current text, linting it again if it changed,
        redacted with the secrets of every open document (as ``check`` redacts with all its
        files'): a password typed in one may be written in another as a host or a name."""
        document = self.workspace.get_text_document(uri)
        linted = self.linted.get(uri)
        if linted is None or linted.version != document.version or linted.text.text != document.source:
            path = to_fs_path(uri) or uri
            linted = self.linted[uri] = Linted(document.version, Text(document.source, self.encoding()),
                                               *self.engine.lint(document.source, path))
        return linted._replace(findings=redact(linted.findings, self.secrets()))

    def secrets(self) -> frozenset[str]:
        return frozenset().union(*(linted.secrets for linted in self.linted.values()))

    def publish(self, uri: str) -> None:
        """The document's diagnostics; and the other open documents' again when it brings a
        secret they may show."""
        self.pending.pop(uri, None)
        known = self.secrets()
        self._publish(uri)
        if not self.secrets() <= known:
            for other in [other for other in self.linted if other != uri]:
                self._publish(other)

    def _publish(self, uri: str) -> None:
        linted = self.current(uri)
        registry = self.engine.registry(os.path.dirname(to_fs_path(uri) or "."))
        diagnostics = [diagnostic(linted.text, f, registry) for f in linted.findings]
        if linted.problem:
            diagnostics.append(types.Diagnostic(range=linted.text.range(0, 0), message=linted.problem,
                                                severity=types.DiagnosticSeverity.Error, source=SOURCE))
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics, version=linted.version))

    def later(self, uri: str) -> None:
        """Lint once the typing stops: each change pushes the lint back by ``DEBOUNCE``."""
        waiting = self.pending.pop(uri, None)
        if waiting is not None:
            waiting.cancel()
        self.pending[uri] = asyncio.get_running_loop().call_later(DEBOUNCE, self.publish, uri)


def build(engine: Engine) -> Server:
    server = Server(engine)

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: Server, params: types.DidOpenTextDocumentParams) -> None:
        ls.publish(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    async def did_change(ls: Server, params: types.DidChangeTextDocumentParams) -> None:
        ls.later(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: Server, params: types.DidSaveTextDocumentParams) -> None:
        ls.publish(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: Server, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        waiting = ls.pending.pop(uri, None)
        if waiting is not None:
            waiting.cancel()
        ls.linted.pop(uri, None)
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(
        code_action_kinds=[types.CodeActionKind.QuickFix, types.CodeActionKind.SourceFixAll]))
    def code_action(ls: Server, params: types.CodeActionParams) -> list[types.CodeAction]:
        return actions(ls, params)

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls: Server, params: types.HoverParams) -> types.Hover | None:
        return hover_at(ls, params.text_document.uri, params.position)

    return server


def actions(ls: Server, params: types.CodeActionParams) -> list[types.CodeAction]:
    uri = params.text_document.uri
    linted = ls.current(uri)
    text = linted.text
    registry = ls.engine.registry(os.path.dirname(to_fs_path(uri) or "."))
    start, end = text.at(params.range.start), text.at(params.range.end)
    only = params.context.only

    def edit(edits: Iterable[Edit]) -> types.WorkspaceEdit:
        """Edits for this version only: a client whose text moved on refuses them."""
        changes = [types.TextEdit(text.range(e.start, e.end), e.text) for e in edits]
        return types.WorkspaceEdit(document_changes=[types.TextDocumentEdit(
            types.OptionalVersionedTextDocumentIdentifier(uri=uri, version=linted.version), changes)])

    found: list[types.CodeAction] = []
    wants = (lambda kind: not only or any(kind.startswith(k) for k in only))
    quick = wants(types.CodeActionKind.QuickFix)
    for finding in linted.findings:
        first, last = text.extent(finding)
        if not (first <= end and start <= last):
            continue
        seen = [diagnostic(text, finding, registry)]
        if quick and fixing.applicable(finding.fix, unsafe=True):
            unsafe = "" if finding.fix.applicability == SAFE else " (unsafe: changes what runs)"
            found.append(types.CodeAction(f"{finding.fix.title}{unsafe}", kind=types.CodeActionKind.QuickFix,
                                          diagnostics=seen, edit=edit(finding.fix.edits),
                                          is_preferred=finding.fix.applicability == SAFE))
        suppress = suppression(text, finding)
        if quick and suppress is not None:
            found.append(types.CodeAction(f"Suppress {finding.rule} on this line",
                                          kind=types.CodeActionKind.QuickFix, diagnostics=seen,
                                          edit=edit([suppress])))
    passes = fixing.fix_text(text.text, linted.findings, unsafe=False).passes  # one pass, checked to parse
    every = passes[0] if passes else []
    if every and wants(types.CodeActionKind.SourceFixAll):
        found.append(types.CodeAction("Fix all safe emaillint problems", kind=types.CodeActionKind.SourceFixAll,
                                      edit=edit(every)))
    return found


def suppression(text: Text, finding: Finding) -> Edit | None:
    """``# emaillint: disable=RULE`` at the end of the line the finding points at, or the rule
    added to the list of the one already there; None for what cannot be suppressed."""
    if finding.rule in (rule_policy.ALWAYS_REPORTED, suppressions.RULE):
        return None
    line = text.position(text.offset(finding.line, finding.column)).line
    begin, end = text.at(types.Position(line, 0)), text.line_end(line)
    existing = _DIRECTIVE.search(text.text, begin, end)
    if existing is not None:
        return Edit(existing.end(), existing.end(), f",{finding.rule}")
    return Edit(end, end, f"  # emaillint: disable={finding.rule}")


def hover_at(ls: Server, uri: str, position: types.Position) -> types.Hover | None:
    """The explanation of each finding under the cursor, and the data sheet of the provider
    whose host is there."""
    from emaillint import datasheet
    from emaillint.commands import explanation

    linted = ls.current(uri)
    text = linted.text
    registry = ls.engine.registry(os.path.dirname(to_fs_path(uri) or "."))
    offset = text.at(position)
    parts = []
    for finding in linted.findings:
        start, end = text.extent(finding)
        rule = registry.rules.get(finding.rule)
        if start <= offset < end and rule is not None:
            parts.append(f"**{rule.id}** ({finding.severity}, from plugin {rule.plugin})\n\n{finding.message}\n\n"
                         + explanation(rule, registry))
    word = text.word(offset)
    host = word.rsplit("@", 1)[-1].split("://", 1)[-1].rsplit(":", 1)[0] if word else ""
    claim = registry.providers.for_host(host.lower()) if host else None
    if claim is not None:
        plugin = registry.providers.plugin_of[claim.provider.name]
        parts.append("```text\n" + "\n".join(datasheet.details(claim.provider, plugin)) + "\n```")
    if not parts:
        return None
    return types.Hover(types.MarkupContent(types.MarkupKind.Markdown, "\n\n---\n\n".join(parts)))


def main(config: str | None, disabled: tuple[str, ...], timeout: float | None = None) -> int:
    build(Engine(config, disabled, timeout)).start_io()
    return 0
