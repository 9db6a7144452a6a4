"""One SMTP session that finds out what a server offers, and sends nothing that matters.

It connects to the host and port it is given, reads the greeting, says EHLO, does
STARTTLS (or starts in TLS), says EHLO again after TLS and says QUIT. It never sends
AUTH, MAIL or RCPT, and it is never handed a credential it could send. Every step has
the timeout; every way a step can fail is one ``Seen.failure``.

Why not ``smtplib``: ``SMTP(host)`` connects and reads the greeting in one call and keeps a
line that is not an SMTP reply without its first four bytes, which are what tell an IMAP
server (``* OK``) or a POP3 server (``+OK``); ``SMTP_SSL`` connects and handshakes in one
call, so a silent peer and an unreachable one raise the same timeout; and ``SMTP()``
followed by ``connect(host)`` and ``starttls()`` checks the certificate against an empty
host name (``_host`` is set by the constructor only, CPython 3.9 to 3.13). The dialogue is
four commands: ``socket`` and ``ssl`` are enough, and each step stays visible.
"""

from __future__ import annotations

import re
import socket
import ssl
from typing import IO, Any, Mapping, NamedTuple

from emaillint import certificate as certificates

TLS = "tls"
"""TLS from the first byte (implicit TLS)."""
STARTTLS = "starttls"
"""Plain text first, then STARTTLS when the server offers it."""
PLAIN = "plain"
"""Plain text only: the server's STARTTLS offer is noted, not taken."""

UNRESOLVED = "unresolved"
REFUSED = "refused"
UNREACHABLE = "unreachable"
CONNECT_TIMEOUT = "connect-timeout"
SILENT = "silent"
"""Connected, but no greeting (or no answer to the TLS handshake) within the timeout."""
CLOSED = "closed"
"""The peer closed the connection before it greeted."""
NOT_SMTP = "not-smtp"
REJECTED = "rejected"
"""The greeting is an SMTP refusal (``554 no service``, ``421 busy``)."""
HANDSHAKE = "handshake"
"""The TLS handshake failed for another reason than the certificate."""
CERTIFICATE = "certificate"
EHLO_REFUSED = "ehlo-refused"
STARTTLS_REFUSED = "starttls-refused"
DROPPED = "dropped"
"""The connection failed after the greeting (a timeout, a reset, a line too long)."""

EXPIRED = "expired"
NOT_YET_VALID = "not-yet-valid"
NAME_MISMATCH = "name"
UNTRUSTED = "untrusted"
_VERIFY_CODES = {9: NOT_YET_VALID, 10: EXPIRED, 62: NAME_MISMATCH, 64: NAME_MISMATCH}
"""OpenSSL's X509_V_ERR_* numbers (``x509_vfy.h``) for the refusals that have their own
message; every other one means the chain does not lead to a trusted CA."""

_PEERS = (("* OK", "an IMAP server"), ("* PREAUTH", "an IMAP server"), ("* BYE", "an IMAP server"),
          ("+OK", "a POP3 server"), ("-ERR", "a POP3 server"), ("HTTP/", "a web server (HTTP)"),
          ("SSH-", "an SSH server"))
"""How other servers greet (RFC 9051, RFC 1939, RFC 9112, RFC 4253), to say what answered."""
_MAX_LINE = 8192
"""Longest reply line read (smtplib's ``_MAXLINE``); RFC 5321 allows 512."""
_MAX_LINES = 100
_SSL_SOURCE = re.compile(r"\s*\(_ssl\.c:\d+\)$")


class Seen(NamedTuple):
    """What one session saw; ``failure`` is empty when it went through to QUIT."""

    failure: str = ""
    detail: str = ""
    """The failure in words: the OS error, the TLS alert, the peer's line."""
    greeting: str = ""
    """The greeting's first line after its code (``mail.example.com ESMTP Postfix``)."""
    protocol: str = ""
    """What answered instead of an SMTP server (``an IMAP server``), for ``NOT_SMTP``."""
    starttls: bool = False
    """The EHLO reply before TLS offered STARTTLS."""
    extensions: Mapping[str, str] = {}
    """The last EHLO reply's extensions, keyword (upper case) -> parameters."""
    tls: str = ""
    """The TLS version the session ended up with (``TLSv1.3``), empty without TLS."""
    certificate: certificates.Certificate | None = None
    verify: str = ""
    """Why the certificate was refused (``EXPIRED`` ...), with ``CERTIFICATE``."""


def session(host: str, port: int, mode: str, context: ssl.SSLContext, timeout: float) -> Seen:
    """One session as ``mode`` says; a refused certificate is fetched again without
    verification, once, to say what it carries and what the server offers behind it."""
    seen = _attempt(host, port, mode, context, timeout)
    if seen.failure != CERTIFICATE:
        return seen
    behind = _attempt(host, port, mode, _unverified(), timeout)
    if behind.failure:
        return seen._replace(certificate=behind.certificate)
    return behind._replace(failure=CERTIFICATE, detail=seen.detail, verify=seen.verify)


def _unverified() -> ssl.SSLContext:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    return context


def _attempt(host: str, port: int, mode: str, context: ssl.SSLContext, timeout: float) -> Seen:
    try:
        sock = socket.create_connection((host, port), timeout)
    except socket.gaierror as exc:
        return Seen(UNRESOLVED, exc.strerror or str(exc))
    except UnicodeError:  # the IDNA codec refuses the name (an empty label, one over 63 characters)
        return Seen(UNRESOLVED, "not a valid host name: a label between dots is empty or too long")
    except ConnectionRefusedError:
        return Seen(REFUSED)
    except socket.timeout:
        return Seen(CONNECT_TIMEOUT)
    except OSError as exc:
        return Seen(UNREACHABLE, exc.strerror or type(exc).__name__)
    dialogue = _Dialogue(sock, host, timeout)
    try:
        return dialogue.run(mode, context)
    finally:
        dialogue.close()


class _Stop(Exception):
    """The session cannot go on: ``failure`` and ``detail`` say why."""

    def __init__(self, failure: str, detail: str = "") -> None:
        super().__init__(failure)
        self.failure = failure
        self.detail = detail


class _Dialogue:
    def __init__(self, sock: socket.socket, host: str, timeout: float) -> None:
        self.sock = sock
        self.host = host
        self.timeout = timeout
        self.file: IO[bytes] | None = None
        self.step = "greeting"
        self.seen: dict[str, Any] = {}
        address = sock.getsockname()[0].partition("%")[0]
        self.name = f"[IPv6:{address}]" if ":" in address else f"[{address}]"
        """EHLO with our own address literal (RFC 5321 4.1.3): no DNS look-up for a name."""

    def run(self, mode: str, context: ssl.SSLContext) -> Seen:
        try:
            if mode == TLS:
                self._handshake(context)
            self._greeting()
            self._ehlo()
            self.seen["starttls"] = "STARTTLS" in self.seen["extensions"]
            if mode == STARTTLS and self.seen["starttls"]:
                self.step = "STARTTLS"
                code, lines = self._command("STARTTLS")
                if code != 220:
                    raise _Stop(STARTTLS_REFUSED, f"{code} {lines[0]}".strip())
                self._handshake(context)
                self._ehlo()
            self._quit()
        except _Stop as stop:
            self.seen.update(failure=stop.failure, detail=stop.detail)
        except ssl.SSLCertVerificationError as exc:
            self.seen.update(failure=CERTIFICATE, detail=words(exc.verify_message or str(exc)),
                             verify=_VERIFY_CODES.get(exc.verify_code, UNTRUSTED))
        except ssl.SSLError as exc:
            if self.step == "TLS handshake":
                self.seen.update(failure=HANDSHAKE, detail=words(str(exc)))
            else:  # a broken record once TLS is up
                self.seen.update(failure=DROPPED, detail=f"{words(str(exc))} during the {self.step}")
        except socket.timeout:
            waited = {"greeting": "no greeting", "TLS handshake": "no answer to the TLS handshake"}.get(
                self.step, f"no reply to {self.step}")
            failure = SILENT if self.step in ("greeting", "TLS handshake") and "greeting" not in self.seen else DROPPED
            self.seen.update(failure=failure, detail=f"{waited} within {self.timeout:g} s")
        except (OSError, EOFError) as exc:
            detail = getattr(exc, "strerror", None) or "the connection was closed"
            failure = DROPPED if "greeting" in self.seen else HANDSHAKE if self.step == "TLS handshake" else CLOSED
            self.seen.update(failure=failure, detail=f"{detail} during the {self.step}")
        return Seen(**self.seen)

    def close(self) -> None:
        for part in (self.file, self.sock):
            try:
                if part is not None:
                    part.close()
            except OSError:
                pass

    def _handshake(self, context: ssl.SSLContext) -> None:
        self.step = "TLS handshake"
        if self.file is not None:  # what was read before TLS is discarded (RFC 3207 4.2)
            self.file.close()
            self.file = None
        self.sock = context.wrap_socket(self.sock, server_hostname=self.host)
        self.seen["tls"] = self.sock.version() or ""
        der = self.sock.getpeercert(binary_form=True)
        self.seen["certificate"] = certificates.read(der) if der else None

    def _greeting(self) -> None:
        self.step = "greeting"
        code, lines = self._reply()
        if code < 0:
            self.seen["protocol"] = next((name for prefix, name in _PEERS if lines[0].upper().startswith(prefix)), "")
            raise _Stop(NOT_SMTP, lines[0][:120])
        self.seen["greeting"] = lines[0]
        if code != 220:
            raise _Stop(REJECTED, f"{code} {lines[0]}".strip())

    def _ehlo(self) -> None:
        self.step = "EHLO"
        code, lines = self._command(f"EHLO {self.name}")
        if code != 250:
            raise _Stop(EHLO_REFUSED, f"{code} {lines[0]}".strip())
        extensions: dict[str, str] = {}
        for line in lines[1:]:
            keyword, _, parameters = line.strip().partition(" ")
            keyword = keyword.upper()
            if keyword.startswith("AUTH="):  # the pre-RFC 4954 form some servers still send
                keyword, parameters = "AUTH", f"{keyword[5:]} {parameters}".strip()
                parameters = " ".join(dict.fromkeys((extensions.get("AUTH", "") + " " + parameters).split()))
            extensions[keyword] = parameters
        self.seen["extensions"] = extensions

    def _quit(self) -> None:
        self.step = "QUIT"
        try:
            self._command("QUIT")
        except (OSError, EOFError, _Stop):  # everything needed is known; a rude goodbye changes nothing
            pass

    def _command(self, line: str) -> tuple[int, list[str]]:
        self.sock.sendall(line.encode("ascii") + b"\r\n")
        code, lines = self._reply()
        if code < 0:
            raise _Stop(DROPPED, f"the reply to {line.split()[0]} is no SMTP reply: {lines[0][:120]!r}")
        return code, lines

    def _reply(self) -> tuple[int, list[str]]:
        """A reply's code and the text of its lines; -1 and the raw line when it is not one."""
        if self.file is None:
            self.file = self.sock.makefile("rb")
        lines: list[str] = []
        while True:
            raw = self.file.readline(_MAX_LINE + 1)
            if not raw:
                raise EOFError
            if len(raw) > _MAX_LINE:
                raise _Stop(DROPPED, f"a reply line longer than {_MAX_LINE} bytes during the {self.step}")
            text = raw.decode("utf-8", "replace").rstrip("\r\n")
            code, separator = text[:3], text[3:4]
            if not (code.isascii() and code.isdigit() and separator in ("", " ", "-")):
                return -1, [text]
            lines.append(text[4:])
            if separator != "-" or len(lines) >= _MAX_LINES:
                return int(code), lines


def words(text: str) -> str:
    """An ssl error without the C source location CPython appends."""
    return _SSL_SOURCE.sub("", text)
