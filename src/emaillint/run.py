"""run(settings) -> exit code: read the project configuration, find files, lint each, run
cross-file rules, apply suppressions, rule selection and the baseline, report.

``prepare``, ``read``, ``collect`` and ``report`` are the steps, shared with ``probe``,
which reads the same files for their accounts and reports what their servers said.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import sys
import time
from typing import IO, TYPE_CHECKING, Any, Callable, Iterable, Iterator, NamedTuple

from emaillint import config as project_config
from emaillint import files as walker
from emaillint import parallel
from emaillint import policy as rule_policy
from emaillint import suppressions
from emaillint.engine import FileResult, Linter, Options, checked_fixes, redact_run
from emaillint.model import ERROR, EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, Finding, Rule
from emaillint.plugin_checks import finding_problem
from emaillint.plugins import DEFAULT_TIMEOUT, PLUGIN_PATH, Registry, describe, load_registry, unknown_disabled
from emaillint.policy import Layer, Policy
from emaillint.report import Report, Summary, render
from emaillint.settings import Settings
from emaillint.vocabulary import PLUGIN_ERROR, PROBE_RULES

if TYPE_CHECKING:
    from emaillint.baseline import Session

STDIN_NAME = "<stdin>"


def today() -> str:
    return time.strftime("%Y-%m-%d")


class Command(NamedTuple):
    """What sets apart the commands that read files and report findings (check, probe)."""

    owns: Callable[[str], bool]
    """Whether a rule is the command's own; it reports no other rule but ``support``. A
    project ``select`` that names none of its own rules is another command's list."""
    support: frozenset[str] = frozenset()
    accounts: bool = False
    """Read the accounts instead of linting them (``engine.Options.accounts``)."""
    baselines: bool = False
    """Honour ``--baseline``, ``--write-baseline`` and the project's ``baseline``."""


CHECK = Command(lambda rule: rule not in PROBE_RULES, baselines=True)
"""Linting, offline: every rule but the ones only a connection can decide."""


class Setup(NamedTuple):
    """A command's run, ready to read its files."""

    registry: Registry
    policy: Policy
    discovery: walker.Discovery
    linter: Linter
    disabled: tuple[str, ...]
    """The plugins turned off, for worker processes to load the same ones."""
    stdin_name: str
    session: Session | None = None
    """The run's baseline (``baseline.Session``), if it uses one."""


def run(settings: Settings, stdout: IO[str] | None = None, stderr: IO[str] | None = None) -> int:
    stdout = stdout or sys.stdout
    stderr = stderr or sys.stderr
    with contextlib.redirect_stdout(stderr):  # a plugin's print() must not corrupt --format json
        setup = prepare(settings, stderr)
        if isinstance(setup, int):
            return setup
        if settings.fix or settings.diff:  # writes the fixed text through ``stdout`` itself
            return fix(setup, settings, stdout, stderr)
    return finish(setup, read(setup, settings.jobs), settings, stdout, stderr)


def finish(setup: Setup, results: Iterable[FileResult], settings: Settings, stdout: IO[str], stderr: IO[str]) -> int:
    """The run's findings from its files' results, with its baseline, reported; its exit code."""
    session = setup.session
    with contextlib.redirect_stdout(stderr):  # plugins run while the results are read
        if session is None:
            findings, summary = collect(setup.registry, results, setup.policy), None
        else:
            settled = _settle(setup, session, collect(setup.registry, session.watch(results), setup.policy), stderr)
            if isinstance(settled, int):
                return settled
            findings, summary = settled
    return report(setup, findings, settings, stdout, summary)


def fix(setup: Setup, settings: Settings, stdout: IO[str], stderr: IO[str]) -> int:
    """``--fix``: fix the files that have fixes to apply, then report what is left (for
    standard input: print the fixed text, and report on stderr). ``--diff``: print what
    ``--fix`` would change, write nothing; exit 1 when there is something to fix."""
    from emaillint import fixing

    unsafe = settings.unsafe_fixes
    stdin = _stdin_bytes() if walker.STDIN in setup.discovery.files else None
    files = [path for path in setup.discovery.files if path != walker.STDIN]
    results = list(parallel.lint_all(setup.linter, files, settings.jobs, setup.disabled))
    if stdin is not None:
        results.insert(0, setup.linter.lint_bytes(stdin, setup.stdin_name))
    fixable = {f.path for f in collect(setup.registry, results, setup.policy) if fixing.applicable(f.fix, unsafe=unsafe)}
    failed, fixed, changed = False, 0, 0
    for index, result in enumerate(results):
        path, on_stdin = result.path, stdin is not None and index == 0
        if path not in fixable:
            continue
        try:
            raw = stdin if on_stdin else _file_bytes(path)
            new, outcome = fixing.fix_bytes(raw or b"", (), unsafe=unsafe, lint=_linting(setup, path))
            for finding, why in outcome.dropped:
                stderr.write(f"emaillint: {path}:{finding.line}:{finding.column}: {finding.rule}: fix not applied:"
                             f" {why}\n")
            if new == raw:
                continue
            if settings.diff:
                stdout.write(fixing.diff(path, raw or b"", new, result.secrets))
            elif on_stdin:
                stdin = new
            else:
                fixing.write(path, new)
            fixed, changed = fixed + len(outcome.applied), changed + 1
            if not settings.diff:
                results[index] = setup.linter.lint_bytes(new, path)
        except fixing.FixError as exc:
            failed = bool(fail(stderr, f"{path}: {exc}"))
    if settings.diff:
        return EXIT_ERROR if failed else EXIT_FINDINGS if changed else EXIT_CLEAN
    stderr.write(f"emaillint: fixed {fixed} finding{'s' * (fixed != 1)} in {changed} file{'s' * (changed != 1)}\n")
    if stdin is not None:
        stdout.flush()
        buffer = getattr(stdout, "buffer", None)
        buffer.write(stdin) if buffer is not None else stdout.write(stdin.decode("utf-8", errors="replace"))
        stdout.flush()
        stdout = stderr  # the fixed text is the output; the report goes beside it
    code = finish(setup, results, settings, stdout, stderr)
    return EXIT_ERROR if failed else code


def _stdin_bytes() -> bytes | None:
    stream = getattr(sys.stdin, "buffer", None)
    try:
        return stream.read(walker_limit()) if stream is not None else None
    except OSError:
        return None


def walker_limit() -> int:
    from emaillint.load import MAX_BYTES

    return MAX_BYTES + 1


def _file_bytes(path: str) -> bytes:
    from emaillint.fixing import FixError

    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError as exc:
        raise FixError(f"cannot be read: {exc.strerror or type(exc).__name__}") from None


def _linting(setup: Setup, path: str) -> Callable[[str], list[Finding]]:
    """Text -> the findings the run would report for it at ``path`` (selection, suppressions)."""
    def lint(text: str) -> list[Finding]:
        result = setup.linter.lint_text(text, path)
        return [f for f in collect(setup.registry, [result], setup.policy) if f.path == path]

    return lint


def prepare(settings: Settings, stderr: IO[str], command: Command = CHECK) -> Setup | int:
    """The project configuration, plugins, rule policy and files of a run, or its exit code
    after a one-line error (a bad configuration, an unknown dialect or rule)."""
    try:
        project = project_config.discover(settings.config)
    except project_config.ConfigError as exc:
        return fail(stderr, str(exc))
    disabled = settings.disable_plugins + project.disable_plugins
    timeout = settings.plugin_timeout or project.plugin_timeout or DEFAULT_TIMEOUT
    registry = load_registry(disabled=disabled, timeout=timeout)
    unknown = (unknown_disabled(registry, settings.disable_plugins, "--disable-plugin")
               or unknown_disabled(registry, project.disable_plugins, project.origin("disable_plugins")))
    if unknown:
        return fail(stderr, unknown)
    if settings.dialect and settings.dialect not in {d.name for d in registry.dialects}:
        names = ", ".join(sorted(d.name for d in registry.dialects))
        return fail(stderr, f"unknown dialect '{settings.dialect}'; choose one of: {names}")
    try:
        policy = build_policy(settings, project, registry, command)
    except rule_policy.PolicyError as exc:
        return fail(stderr, str(exc))
    paths = settings.paths
    if settings.stdin_filename and walker.excluded(settings.stdin_filename, project.exclude, project.root):
        paths = tuple(p for p in paths if p != walker.STDIN)
    discovery = walker.discover(paths, project.include or walker.DEFAULT_INCLUDE, project.exclude, project.root)
    for path in discovery.missing:
        stderr.write(f"emaillint: error: {path}: no such file or directory\n")
    session = None
    chosen = baseline_file(settings, project) if command.baselines else None
    if chosen is not None:
        from emaillint.baseline import BaselineError, Session

        try:
            session = Session(*chosen, write=bool(settings.write_baseline))
        except BaselineError as exc:
            return fail(stderr, str(exc))
    environ = dict(os.environ) if settings.resolve_env else {}
    options = Options(settings.as_of or project.as_of or today(), settings.dialect, environ, command.accounts,
                      baseline=session is not None, plugin_timeout=timeout)
    return Setup(registry, policy, discovery, Linter(registry, options), disabled,
                 settings.stdin_filename or STDIN_NAME, session)


def read(setup: Setup, jobs: int) -> Iterator[FileResult]:
    """Each file's result, standard input first; ``jobs`` as ``--jobs`` says (``parallel``)."""
    files = [path for path in setup.discovery.files if path != walker.STDIN]
    results = parallel.lint_all(setup.linter, files, jobs, setup.disabled)
    if walker.STDIN in setup.discovery.files:  # only this process can read standard input
        results = itertools.chain([setup.linter.lint_stream(getattr(sys.stdin, "buffer", None), setup.stdin_name)],
                                  results)
    return results


def report(setup: Setup, findings: list[Finding], settings: Settings, stdout: IO[str],
           summary: Summary | None = None) -> int:
    """Render the findings as ``settings.format`` says; the run's exit code. ``summary``: one
    that counts more than the findings (a baseline's)."""
    policy = setup.policy
    registry = setup.registry
    summary = summary or Summary.of(findings, len(setup.discovery.files))
    document = Report(findings, summary,
                      rules=[rule._replace(severity=policy.severity.get(rule.id, rule.severity))
                             for rule in registry.rules.values() if policy.reports(rule.id)],
                      distributions={info.name: info.dist for info in registry.plugins if info.dist},
                      color=_color(settings.color, stdout), unsafe_fixes=settings.unsafe_fixes)
    render(output_format(settings.format), document, stdout)
    return exit_code(findings, bool(setup.discovery.missing), policy)


def baseline_file(settings: Settings, project: project_config.ProjectConfig) -> tuple[str, str, str] | None:
    """The run's baseline file, who named it (for messages) and the root its entries' paths are
    relative to: the project configuration's directory, else the file's own; None: no baseline."""
    if settings.write_baseline or settings.baseline:
        file = settings.write_baseline or settings.baseline or ""
        where = "--write-baseline" if settings.write_baseline else "--baseline"
    elif project.baseline and not settings.no_baseline:
        file = project_config.shown_path(os.path.join(project.root, project.baseline))
        where = project.origin("baseline")
    else:
        return None
    return file, where, project.root if project.path else os.path.dirname(os.path.abspath(file))


def _settle(setup: Setup, session: Session, findings: list[Finding],
            stderr: IO[str]) -> tuple[list[Finding], Summary | None] | int:
    """The findings to report with a baseline and a summary that counts it, written first with
    --write-baseline unless the run is incomplete (a plugin failed, a path is missing: then
    nothing changes); or the exit code of a baseline that cannot be written."""
    from emaillint.baseline import BaselineError

    if session.write and exit_code(findings, bool(setup.discovery.missing), setup.policy) == EXIT_ERROR:
        stderr.write(f"emaillint: error: not writing {session.file}: a plugin failed or a path does not"
                     " exist, so this run's findings are incomplete\n")
        return findings, None
    try:
        outcome = session.settle(findings, setup.policy.reports)
    except BaselineError as exc:
        return fail(stderr, str(exc))
    if session.write:
        stderr.write(f"emaillint: wrote {session.file}: {outcome.baselined} finding"
                     f"{'s' * (outcome.baselined != 1)} recorded\n")
    summary = Summary.of(outcome.findings, len(setup.discovery.files))
    return outcome.findings, summary._replace(baselined=outcome.baselined, stale=outcome.stale)


def build_policy(settings: Settings, project: project_config.ProjectConfig, registry: Registry,
            command: Command) -> Policy:
    """Defaults, then the project file, then the command line (see ``policy``), within the
    rules the command reports."""
    select = project.select
    if select and not any(command.owns(rule) for rule in select):  # e.g. lint rules only: probe still probes
        for rule in select:
            rule_policy.check_rule(rule, registry.rules, project.origin("select"))
        select = None
    layers = [
        Layer(select, project.ignore, {"select": project.origin("select"), "ignore": project.origin("ignore")}),
        Layer(settings.select, settings.ignore, {"select": "--select", "ignore": "--ignore"}),
    ]
    strict = settings.strict if settings.strict is not None else bool(project.strict)
    policy = rule_policy.build(registry.rules, layers, project.severity, project.origin("severity"), strict)
    elsewhere = frozenset(rule for rule in registry.rules if not command.owns(rule) and rule not in command.support)
    return policy._replace(disabled=policy.disabled | elsewhere)


def collect(registry: Registry, results: Iterable[FileResult], policy: Policy = Policy()) -> list[Finding]:
    """All findings of a run, sorted: plugin errors, each file's, then cross-file rules'.

    Rule selection and severities apply to all of them, and so do the files' suppressions
    (a shared-quota finding on a suppressed line is suppressed like any other). Every one is
    redacted with the secrets of all the files: a password of one file may be written in
    another as a host, an address or an account name, which that file's findings echo.
    """
    findings: list[Finding] = []
    records: dict[str, list[Any]] = {}
    directives: dict[str, tuple[suppressions.Directive, ...]] = {}
    secrets: set[str] = set()
    lines: dict[str, int] = {}
    chars: dict[str, int] = {}
    for result in results:
        findings.extend(result.findings)
        secrets |= result.secrets
        lines[result.path], chars[result.path] = result.lines, result.chars
        if result.suppressions:
            directives[result.path] = result.suppressions
        for rule_id, record in result.records:
            records.setdefault(rule_id, []).append(record)
    findings[:0] = registry.errors  # after the files: a listed sheet loads, or fails to, on first use
    for rule_id, group in records.items():
        findings.extend(_finish(registry, registry.rules[rule_id], group, lines, chars))
    findings = redact_run(findings, frozenset(secrets))  # a file may repeat another's secret, in any finding
    findings = suppressions.apply(policy.select(findings), directives, registry.rules, policy.reports)
    findings = policy.grade(findings)
    findings.sort(key=Finding.sort_key)
    return findings


def _finish(registry: Registry, rule: Rule, records: list[Any], lines: dict[str, int],
            chars: dict[str, int]) -> list[Finding]:
    """A run-scope rule's findings, each checked like a dialect's (a file of this run, a line
    inside it, a known rule, a fix that fits the file); what cannot be reported, and a hang,
    is its plugin's error."""
    boundary = registry.boundary
    key = (rule.plugin, f"rule '{rule.id}'")

    def finish() -> list[Finding]:
        return list(boundary.call(key, rule.finish, records, default=()) or ())

    def error(why: str) -> Finding:
        return Finding(PLUGIN_PATH, 1, 1, PLUGIN_ERROR, ERROR, f"{registry.label(rule.plugin)}: rule '{rule.id}'"
                       f" {why}; fix or upgrade the plugin, or turn it off with --disable-plugin {rule.plugin}")

    try:
        found, hung = boundary.run(finish)
    except Exception as exc:
        return [error(f"raised in finish(): {describe(exc)}")]
    if hung:
        return [Finding(PLUGIN_PATH, 1, 1, PLUGIN_ERROR, ERROR,
                        f"{registry.label(rule.plugin)}: {boundary.hang_message(key)}")]
    good = []
    for finding in found:
        why = finding_problem(finding, lines, registry.rules)
        if why:
            return [error(f"finish() {why}, so none of its findings is reported")]
        good.append(finding)
    return checked_fixes(registry, good, chars, key)


def exit_code(findings: list[Finding], usage_error: bool = False, policy: Policy = Policy()) -> int:
    if usage_error or any(f.rule == rule_policy.ALWAYS_REPORTED for f in findings):
        return EXIT_ERROR
    if any(policy.fails(f) for f in findings):
        return EXIT_FINDINGS
    return EXIT_CLEAN


def output_format(choice: str) -> str:
    """``auto`` is ``github`` annotations inside GitHub Actions (as yamllint does), else text."""
    if choice != "auto":
        return choice
    in_actions = os.environ.get("GITHUB_ACTIONS") == "true" and os.environ.get("GITHUB_WORKFLOW")
    return "github" if in_actions else "text"


def fail(stderr: IO[str], message: str) -> int:
    stderr.write(f"emaillint: error: {message}\n")
    return EXIT_ERROR


def _color(choice: str, stream: IO[str]) -> bool:
    if choice == "always":
        return True
    if choice == "never" or os.environ.get("NO_COLOR"):
        return False
    return hasattr(stream, "isatty") and stream.isatty()
