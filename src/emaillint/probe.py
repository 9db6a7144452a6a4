"""``emaillint probe``: ask each account's server what it really does, without signing in.

The files are read as ``check`` reads them (discovery, project configuration, dialects,
``--resolve-env``), but no lint rule runs: each account with a host, port and security
mode written in the file becomes a target, every distinct (host, port, mode) gets one
session (``session``), at most ``--jobs`` at a time, and what the session saw becomes
findings at the account's own lines, in the account's own keys. A mode that fails is
tried the other way once (plain text where TLS failed, TLS where plain text got no
greeting), so the message can say which mode the port speaks. Sessions run in daemon
threads: Ctrl-C ends the run at once, and the operating system closes what was open.
"""

from __future__ import annotations

import ssl
import sys
from typing import IO, Any, Iterable, NamedTuple

from emaillint import run, session
from emaillint.engine import FileResult, distinct, redact
from emaillint.escape import printable
from emaillint.model import ERROR, INFO, WARNING, Account, Context, Finding
from emaillint.rules.advice import SECURITY_WORDS, endpoints, write, write_host
from emaillint.rules.hosts import target_host
from emaillint.session import Seen
from emaillint.settings import Settings
from emaillint.vocabulary import (
    IO_ERROR,
    NO_TLS,
    OAUTH2,
    PLUGIN_ERROR,
    PROBE_AUTH,
    PROBE_CERTIFICATE,
    PROBE_CONNECT,
    PROBE_RULES,
    PROBE_TLS,
    STARTTLS,
    STARTTLS_OPTIONAL,
    TLS,
    UNUSED_SUPPRESSION,
    YAML_SYNTAX,
)

PROBE = run.Command(PROBE_RULES.__contains__, frozenset((IO_ERROR, YAML_SYNTAX, PLUGIN_ERROR, UNUSED_SUPPRESSION)),
                    accounts=True)
"""The probe rules, and the findings that say a file could not be read for its accounts."""
MODES = {TLS: session.TLS, STARTTLS: session.STARTTLS, STARTTLS_OPTIONAL: session.STARTTLS, NO_TLS: session.PLAIN}
PASSWORD_MECHANISMS = ("PLAIN", "LOGIN")
OAUTH2_MECHANISMS = ("XOAUTH2", "OAUTHBEARER")


class Connection(NamedTuple):
    """How to connect: the command line's ``--timeout``, ``--cafile`` and ``--jobs``."""

    timeout: float
    cafile: str | None
    jobs: int


class Target(NamedTuple):
    host: str
    port: int
    mode: str
    """``session.TLS``, ``STARTTLS`` or ``PLAIN``."""

    @property
    def address(self) -> str:
        return f"[{self.host}]:{self.port}" if ":" in self.host else f"{self.host}:{self.port}"


class Outcome(NamedTuple):
    seen: Seen
    other: Seen | None = None
    """The other mode, tried once when the configured one failed in a way it explains."""
    bug: str = ""
    """An exception of emaillint's own, by type: the session could not be judged."""


class Skip(NamedTuple):
    """An account that is not probed, and why (an info at ``field``)."""

    field: str
    why: str


def probe(settings: Settings, connection: Connection, stdout: IO[str] | None = None,
          stderr: IO[str] | None = None) -> int:
    stdout = stdout or sys.stdout
    stderr = stderr or sys.stderr
    try:
        trust = ssl.create_default_context(cafile=connection.cafile)
    except (OSError, ssl.SSLError) as exc:
        reason = getattr(exc, "strerror", None) or session.words(str(exc))
        return run.fail(stderr, f"--cafile {connection.cafile}: {reason}; give a file of PEM certificates")
    setup = run.prepare(settings, stderr, PROBE)
    if isinstance(setup, int):
        return setup
    results = list(run.read(setup, 1))
    accounts = [(result.path, account, context, _target(account, settings.resolve_env))
                for result in results for account, context in result.accounts]
    targets = list(dict.fromkeys(target for *_, target in accounts if isinstance(target, Target)))
    outcomes = _probe_all(targets, trust, connection)
    found: dict[str, list[Finding]] = {result.path: [] for result in results}
    for path, account, context, target in accounts:
        found[path] += _findings(path, account, context, target, outcomes, connection)
    probed = [_replace_findings(result, found[result.path]) for result in results]
    return run.report(setup, run.collect(setup.registry, probed, setup.policy), settings, stdout)


def _replace_findings(result: FileResult, probed: list[Finding]) -> FileResult:
    """The file's probe findings, and of its own findings those that say it could not be
    read (lint findings are ``check``'s to report)."""
    unread = [f for f in result.findings
              if f.rule in (IO_ERROR, PLUGIN_ERROR) or (f.rule == YAML_SYNTAX and f.severity == ERROR)]
    return result._replace(findings=unread + redact(distinct(probed), result.secrets), accounts=())


def _target(account: Account, resolved: bool) -> Target | Skip:
    for field in ("host", "port", "security"):
        if field in account.unexpanded:
            return Skip(field, f"not probed: {account.unexpanded[field].text} is used as written, which is no {field}")
        if field in account.references:
            if resolved:
                return Skip(field, f"not probed: the {field} is a reference this environment does not set")
            return Skip(field, f"not probed: the {field} is a reference, set when the program runs; run"
                               " emaillint probe --resolve-env where it is set to probe that value")
    if "host" in account.defaults:
        return Skip("host", f"not probed: no host is written, and the program's default ({account.host}) is the"
                            " machine it runs on, not this one")
    if not account.host:
        return Skip("host", "not probed: the account has no host")
    if account.port is None:
        return Skip("port", "not probed: the account has no port")
    if not 0 < account.port < 65536:
        return Skip("port", f"not probed: {account.port} is not a TCP port (1 to 65535)")
    if account.security not in MODES:
        return Skip("security", "not probed: the account has no security mode")
    return Target(account.host.strip().strip("[]").lower(), account.port, MODES[account.security])


def _probe_all(targets: list[Target], trust: ssl.SSLContext, connection: Connection) -> dict[Target, Outcome]:
    """Every target's outcome, ``connection.jobs`` sessions at a time, in daemon threads."""
    import queue
    import threading

    pending: queue.Queue[Target] = queue.Queue()
    for target in targets:
        pending.put(target)
    outcomes: dict[Target, Outcome] = {}

    def work() -> None:
        while True:
            try:
                target = pending.get_nowait()
            except queue.Empty:
                return
            try:
                outcomes[target] = _outcome(target, trust, connection.timeout)
            except Exception as exc:  # a bug in emaillint: report it at the account, probe the rest
                outcomes[target] = Outcome(Seen(), bug=type(exc).__name__)

    workers = [threading.Thread(target=work, daemon=True) for _ in range(min(connection.jobs, len(targets)))]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()  # Ctrl-C interrupts this wait; the daemon threads end with the process
    return outcomes


def _outcome(target: Target, trust: ssl.SSLContext, timeout: float) -> Outcome:
    seen = session.session(target.host, target.port, target.mode, trust, timeout)
    if target.mode == session.TLS and seen.failure == session.HANDSHAKE:
        return Outcome(seen, session.session(target.host, target.port, session.PLAIN, trust, timeout))
    if target.mode != session.TLS and seen.failure == session.SILENT:
        return Outcome(seen, session.session(target.host, target.port, session.TLS, trust, timeout))
    return Outcome(seen)


class Verdict(NamedTuple):
    rule: str
    severity: str
    fields: tuple[str, ...]
    """The account fields to blame, in order of preference (the first the file wrote)."""
    message: str


def _findings(path: str, account: Account, context: Context, target: Target | Skip,
              outcomes: dict[Target, Outcome], connection: Connection) -> list[Finding]:
    provider = context.provider.name if context.provider else None
    details = None
    if isinstance(target, Skip):
        verdicts = [Verdict(PROBE_CONNECT, INFO, (target.field,), target.why)]
    elif outcomes[target].bug:
        verdicts = [Verdict(PLUGIN_ERROR, ERROR, ("host",), (
            f"emaillint: probing {target.address} raised {outcomes[target].bug}, a bug in emaillint; please report"
            " it"))]
    else:
        verdicts = _judge(account, context, target, outcomes[target], connection.timeout)
        details = _details(target, outcomes[target])
    found = []
    for verdict in verdicts:
        line, column = _position(account, verdict.fields)
        found.append(Finding(path, line, column, verdict.rule, verdict.severity, printable(verdict.message),
                             account.name, provider, details))
    return found


def _judge(account: Account, context: Context, target: Target, outcome: Outcome, timeout: float) -> list[Verdict]:
    seen = outcome.seen
    if seen.failure == session.CERTIFICATE:
        return [_certificate(account, target, seen)] + (_auth(account, target, seen) if seen.extensions else [])
    if outcome.other is not None and outcome.other.failure == session.NOT_SMTP:  # TLS failed: an IMAP port?
        return [_connect(account, context, target, outcome.other, timeout)]
    tls = _tls(account, target, seen, outcome.other, timeout)
    if tls is not None:
        return [tls]
    if seen.failure:
        return [_connect(account, context, target, seen, timeout)]
    address = target.address
    signs_in = account.has_credentials
    everything = "its password and every message" if signs_in else "every message"
    if target.mode == session.STARTTLS and not seen.tls:
        if account.security == STARTTLS:
            return [Verdict(PROBE_TLS, ERROR, ("security",), (
                f"{address} does not offer STARTTLS, so a client that requires it gives up before sending"
                f" anything; {_without_starttls(account)}"))]
        return [Verdict(PROBE_TLS, ERROR if signs_in else WARNING, ("security",), (
            f"{address} does not offer STARTTLS, so this account (STARTTLS only if offered) sends {everything} in"
            f" plain text; {_without_starttls(account)}"))] + _auth(account, target, seen)
    if target.mode == session.PLAIN and seen.starttls:
        return [Verdict(PROBE_TLS, WARNING, ("security",), (
            f"{address} offers STARTTLS, but the account does not use it, so it sends {everything} in plain"
            f" text; {write(account, 'security', STARTTLS, 'turn STARTTLS on')}"))
                ] + _auth(account, target, seen)
    return _auth(account, target, seen)


def _tls(account: Account, target: Target, seen: Seen, other: Seen | None, timeout: float) -> Verdict | None:
    """The configured mode fails where the other one works, or fails in its own TLS way."""
    address = target.address
    if target.mode == session.TLS and seen.failure == session.HANDSHAKE:
        if other is not None and not other.failure:
            offers = (f"it offers STARTTLS: {write(account, 'security', STARTTLS, 'use STARTTLS')}" if other.starttls
                      else "it offers no STARTTLS either: use the server's TLS port (usually 465)")
            return Verdict(PROBE_TLS, ERROR, ("security", "port"), (
                f"port {target.port} speaks plain text first, not TLS from the first byte: the TLS handshake"
                f" with {address} failed ({seen.detail}); {offers}"))
        return Verdict(PROBE_TLS, ERROR, ("security", "port"), (
            f"the TLS handshake with {address} failed ({seen.detail}), and the port does not speak plain-text"
            f" SMTP either; check {_spelled(account, 'port', target.port)}"))
    if seen.failure == session.SILENT and other is not None and other.failure in ("", session.CERTIFICATE):
        return Verdict(PROBE_TLS, ERROR, ("security", "port"), (
            f"port {target.port} expects TLS from the first byte: {address} sent no greeting in plain text within"
            f" {timeout:g} s, and greets over TLS; {write(account, 'security', TLS, 'use implicit TLS')}"))
    if seen.failure == session.STARTTLS_REFUSED:
        return Verdict(PROBE_TLS, ERROR, ("security",), (
            f"{address} offers STARTTLS but answers it with '{seen.detail}', so no TLS session can start;"
            f" {_without_starttls(account)}"))
    if seen.failure == session.HANDSHAKE:
        return Verdict(PROBE_TLS, ERROR, ("security",), (
            f"the TLS handshake after STARTTLS with {address} failed ({seen.detail}); the server's TLS settings"
            " are broken, or it accepts no protocol version this client offers"))
    return None


def _without_starttls(account: Account) -> str:
    return (f"if the server is a relay on a trusted network, write {_spelled(account, 'security', NO_TLS)}"
            " (and no credentials); otherwise use the server's TLS port"
            f" ({account.setting('port', 465)} with {_spelled(account, 'security', TLS)})")


def _connect(account: Account, context: Context, target: Target, seen: Seen, timeout: float) -> Verdict:
    address = target.address
    failure = seen.failure
    host = target_host(account, context)
    hint = _submission(account, context, target)
    if failure == session.UNRESOLVED:
        return Verdict(PROBE_CONNECT, ERROR, ("host",), f"{target.host} does not resolve ({seen.detail}); {hint}")
    if failure == session.REFUSED:
        return Verdict(PROBE_CONNECT, ERROR, ("port", "host"), (
            f"{address} refused the connection: nothing listens on port {target.port} there; {hint}"))
    if failure == session.CONNECT_TIMEOUT:
        return Verdict(PROBE_CONNECT, ERROR, ("host", "port"), (
            f"no answer from {address} within {timeout:g} s: the host or port is wrong, or a firewall drops the"
            f" connection (many networks block outgoing port 25); {hint}"))
    if failure == session.UNREACHABLE:
        return Verdict(PROBE_CONNECT, ERROR, ("host",), f"cannot connect to {address}: {seen.detail}; {hint}")
    if failure == session.NOT_SMTP:
        wrong_host = host is not None and host.name != target.host
        return Verdict(PROBE_CONNECT, ERROR, ("host",) if wrong_host else ("port", "host"), (
            f"{address} is {seen.protocol or 'another kind of server'} ('{seen.detail}'), not an SMTP server;"
            f" {hint}"))
    if failure == session.REJECTED:
        return Verdict(PROBE_CONNECT, ERROR, ("host",), (
            f"{address} refuses an SMTP session from here: it greets with '{seen.detail}'; the server takes no"
            " mail from this network, or is overloaded: submit through the relay your network uses"))
    if failure == session.EHLO_REFUSED:
        return Verdict(PROBE_CONNECT, ERROR, ("host",), (
            f"{address} refuses EHLO ('{seen.detail}'), so it offers neither STARTTLS nor AUTH and is no mail"
            f" submission server; {hint}"))
    if failure == session.SILENT:
        waited = ("gives no answer to the TLS handshake" if target.mode == session.TLS
                  else "sends no SMTP greeting, in plain text or over TLS,")
        return Verdict(PROBE_CONNECT, ERROR, ("port", "host"), (
            f"{address} accepts the connection but {waited} within {timeout:g} s: it is not an SMTP server, or it"
            f" is overloaded; {hint}"))
    return Verdict(PROBE_CONNECT, ERROR, ("port", "host"), f"{address} ended the session: {seen.detail}; {hint}")


def _submission(account: Account, context: Context, target: Target) -> str:
    """Where the account should submit, as far as its provider (or the standard) says."""
    host = target_host(account, context)
    if host is not None:
        if host.name != target.host:
            return f"{write_host(account, host.name)}, with {endpoints(account, host)}"
        return f"{context.provider.title} takes submissions on {endpoints(account, host)}"
    return (f"mail submission is {account.setting('port', 587)} with {_spelled(account, 'security', STARTTLS)},"
            f" or {account.setting('port', 465)} with {_spelled(account, 'security', TLS)}")


def _certificate(account: Account, target: Target, seen: Seen) -> Verdict:
    address = target.address
    cert = seen.certificate
    carries = f" ({', '.join(cert.names)})" if cert and cert.names else ""
    if seen.verify == session.NAME_MISMATCH and cert and cert.names:
        names = [name for name in cert.names if "*" not in name]
        fix = write_host(account, names[0]) if len(names) == 1 else "write the host name the certificate is issued for"
        message = (f"the certificate of {address} is for {', '.join(cert.names)}, not {target.host}, so clients"
                   f" refuse it; {fix}")
    elif seen.verify == session.EXPIRED:
        until = f" on {cert.not_after}" if cert else ""
        message = (f"the certificate of {address}{carries} expired{until}, so clients refuse it; the server's"
                   " administrator must renew it")
    elif seen.verify == session.NOT_YET_VALID:
        since = f" from {cert.not_before} on" if cert else " later"
        message = (f"the certificate of {address}{carries} is valid only{since}, so clients refuse it; the"
                   " server's clock or its certificate is wrong")
    else:
        issuer = f", issued by {cert.issuer}," if cert and cert.issuer else ""
        message = (f"the certificate of {address}{carries}{issuer} does not lead to a trusted certificate"
                   f" authority ({seen.detail}), so clients refuse it; if the server uses a private CA, make the"
                   " program trust it and probe with --cafile CA.pem, otherwise install a certificate from a"
                   " public CA")
    if account.verify_cert is False:
        return Verdict(PROBE_CERTIFICATE, WARNING, ("verify_cert", "host"), (
            f"{message}; this account does not check certificates, so its mail goes out, to whoever answers"))
    return Verdict(PROBE_CERTIFICATE, ERROR, ("host",), message)


def _auth(account: Account, target: Target, seen: Seen) -> list[Verdict]:
    address = target.address
    offered = seen.extensions.get("AUTH", "").upper().split()
    mechanisms = " ".join(offered)
    after = " after STARTTLS" if seen.tls and target.mode == session.STARTTLS else ""
    fields = ("auth", "username", "password")
    if not account.has_credentials:
        said = f"offers AUTH {mechanisms}{after}" if offered else f"offers no AUTH{after}"
        return [Verdict(PROBE_AUTH, INFO, fields, f"{address} {said}; the account does not sign in")]
    if not offered:
        if target.mode == session.PLAIN and seen.starttls:
            fix = (f"offers no AUTH in plain text (servers offer it after STARTTLS), so the account's sign-in fails;"
                   f" {write(account, 'security', STARTTLS, 'turn STARTTLS on')}")
        else:
            fix = (f"offers no AUTH{after}, so the account's sign-in fails: it is a relay that takes mail without"
                   " sign-in; drop the credentials, or submit to the server's submission port")
        return [Verdict(PROBE_AUTH, ERROR, fields, f"{address} {fix}")]
    if account.auth == OAUTH2:
        if not set(OAUTH2_MECHANISMS) & set(offered):
            return [Verdict(PROBE_AUTH, ERROR, fields, (
                f"{address} offers AUTH {mechanisms}{after} but neither XOAUTH2 nor OAUTHBEARER, so an OAuth2"
                " sign-in fails; sign in with a password there"))]
    elif not set(PASSWORD_MECHANISMS) & set(offered):
        return [Verdict(PROBE_AUTH, ERROR, fields, (
            f"{address} offers only AUTH {mechanisms}{after}, so a password cannot sign in;"
            f" {write(account, 'auth', OAUTH2, 'sign in with OAuth2, if the program can')}"))]
    return [Verdict(PROBE_AUTH, INFO, fields, f"{address} offers AUTH {mechanisms}{after}")]


def _spelled(account: Account, field: str, value: Any) -> str:
    """A setting in the account's own keys, or in words where its format has none."""
    return account.spelled(field, value) or SECURITY_WORDS.get(value, f"{field} {value}")


def _position(account: Account, fields: Iterable[str]) -> tuple[int, int]:
    """The first of ``fields`` the file wrote, else the account itself."""
    for field in fields:
        if field in account.positions:
            return account.positions[field]
    return account.position


def _details(target: Target, outcome: Outcome) -> dict[str, Any]:
    """What the server said, for ``--format json`` (``Finding.details``)."""
    seen = outcome.seen
    details: dict[str, Any] = {"host": target.host, "port": target.port, "mode": target.mode}
    if seen.failure:
        details["failure"] = seen.failure
    if seen.greeting:
        details["greeting"] = printable(seen.greeting)
        details["server"] = printable(seen.greeting.split()[0])
    if seen.extensions:
        details["starttls"] = seen.starttls
        details["extensions"] = {key: printable(value) for key, value in seen.extensions.items()}
        size = seen.extensions.get("SIZE", "").strip()
        details["size"] = int(size) if size.isdigit() else None
        details["auth"] = seen.extensions.get("AUTH", "").upper().split()
    if seen.tls:
        details["tls"] = seen.tls
    if seen.certificate:
        details["certificate"] = seen.certificate._asdict()
    if outcome.other is not None:
        details["other_mode"] = {"mode": session.PLAIN if target.mode == session.TLS else session.TLS,
                                 "failure": outcome.other.failure, "starttls": outcome.other.starttls}
    return details
