"""Real servers on 127.0.0.1 for the probe's tests, each recording every byte it receives.

``smtp_server`` is aiosmtpd in a thread (plain text, STARTTLS or implicit TLS, any AUTH
mechanisms, trustme certificates); ``raw_server`` is a TCP server that plays a script,
for peers that are not SMTP servers or that never greet; ``closed_port`` is a port
where nothing listens. Only the IPv4 loopback address is used, never a name: ``localhost``
may resolve to ::1 first. Every server stops when its ``with`` block ends.
"""

from __future__ import annotations

import contextlib
import socket
import ssl
import threading
from typing import Any, Callable, Iterator, NamedTuple

LOOPBACK = "127.0.0.1"
SERVER_NAME = "mail.example.test"


class Received:
    """Every byte the server received on each connection (after TLS: the decrypted bytes)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.sessions: list[bytearray] = []

    def opened(self) -> bytearray:
        """A new connection's record, to extend with what it receives."""
        with self._lock:
            self.sessions.append(bytearray())
            return self.sessions[-1]

    def clear(self) -> None:
        with self._lock:
            self.sessions.clear()

    @property
    def data(self) -> bytes:
        return b"".join(self.sessions)

    @property
    def commands(self) -> list[list[str]]:
        """Each connection's commands: the first word of each line, upper-cased."""
        return [[line.split(b" ", 1)[0].decode("latin-1").upper() for line in bytes(data).split(b"\r\n") if line]
                for data in self.sessions]


class Server(NamedTuple):
    port: int
    received: Received


@contextlib.contextmanager
def smtp_server(*, starttls: ssl.SSLContext | None = None, implicit: ssl.SSLContext | None = None,
                mechanisms: tuple[str, ...] = ("LOGIN", "PLAIN"), auth_in_plain_text: bool = False) -> Iterator[Server]:
    """aiosmtpd on 127.0.0.1 and a free port. ``starttls``: the context STARTTLS uses (no
    STARTTLS without it); ``implicit``: TLS from the first byte. AUTH lists ``mechanisms``,
    after TLS only unless ``auth_in_plain_text``."""
    from aiosmtpd.controller import Controller
    from aiosmtpd.smtp import SMTP, AuthResult

    received = Received()

    class Handler:
        async def auth_XOAUTH2(self, server: Any, args: Any) -> AuthResult:
            return AuthResult(success=False, handled=False)

        async def auth_OAUTHBEARER(self, server: Any, args: Any) -> AuthResult:
            return AuthResult(success=False, handled=False)

    class Recording(SMTP):
        def connection_made(self, transport: Any) -> None:
            if self.transport is None:  # not the second call, after STARTTLS
                self.record = received.opened()
            super().connection_made(transport)

        def data_received(self, data: bytes) -> None:
            self.record += data
            super().data_received(data)

    class Bound(Controller):
        def factory(self) -> SMTP:
            return Recording(self.handler, **self.SMTP_kwargs)

        def _trigger_server(self) -> None:
            self.port = self.server.sockets[0].getsockname()[1]  # port 0: the one the system chose
            super()._trigger_server()

    builtin = ("LOGIN", "PLAIN", "XOAUTH2", "OAUTHBEARER")
    # aiosmtpd counts only STARTTLS as TLS: on an implicit-TLS port AUTH must be allowed "in plain text"
    controller = Bound(Handler(), hostname=LOOPBACK, port=0, server_hostname=SERVER_NAME, ssl_context=implicit,
                       tls_context=starttls, auth_require_tls=not (auth_in_plain_text or implicit),
                       auth_exclude_mechanism=[m for m in builtin if m not in mechanisms], ready_timeout=10)
    controller.start()
    received.clear()  # the controller's own start-up connection
    try:
        yield Server(controller.port, received)
    finally:
        controller.stop()


@contextlib.contextmanager
def raw_server(script: Callable[[socket.socket, bytearray], None],
               received: Received | None = None) -> Iterator[Server]:
    """A TCP server on 127.0.0.1 that runs ``script(connection, record)`` for each client, then
    records what the client sends until it hangs up or the server stops (in ``received``,
    which several servers may share)."""
    received = received or Received()
    stop = threading.Event()
    listener = socket.create_server((LOOPBACK, 0))
    listener.settimeout(0.1)
    threads: list[threading.Thread] = []

    def serve(connection: socket.socket) -> None:
        record = received.opened()
        try:
            script(connection, record)
            connection.settimeout(0.1)
            while not stop.is_set():
                try:
                    data = connection.recv(4096)
                except socket.timeout:
                    continue
                if not data:
                    break
                record += data
        except OSError:
            pass
        finally:
            connection.close()

    def accept() -> None:
        while not stop.is_set():
            try:
                connection, _ = listener.accept()
            except socket.timeout:
                continue
            thread = threading.Thread(target=serve, args=(connection,), daemon=True)
            threads.append(thread)
            thread.start()

    acceptor = threading.Thread(target=accept, daemon=True)
    acceptor.start()
    try:
        yield Server(listener.getsockname()[1], received)
    finally:
        stop.set()
        acceptor.join(5)
        for thread in threads:
            thread.join(5)
        listener.close()


def banner(line: bytes) -> Callable[[socket.socket, bytearray], None]:
    """A peer that greets with ``line`` and then only listens."""
    return lambda connection, record: connection.sendall(line)


def scripted(greeting: bytes, replies: dict[str, bytes],
             gate: threading.Event | None = None) -> Callable[[socket.socket, bytearray], None]:
    """A peer that greets (once ``gate`` is set, if given: at most ten seconds later) and
    answers each command by its first word (``502`` to the rest), until QUIT or five
    seconds of silence."""

    def play(connection: socket.socket, record: bytearray) -> None:
        if gate is not None:
            gate.wait(10)
        connection.sendall(greeting)
        connection.settimeout(5)
        command = ""
        while command != "QUIT":
            data = connection.recv(4096)
            if not data:
                return
            record += data
            for line in data.split(b"\r\n")[:-1]:  # the probe sends one command and waits for its reply
                command = line.split(b" ", 1)[0].decode("latin-1").upper()
                connection.sendall(replies.get(command, b"502 not implemented\r\n"))

    return play


def silent(connection: socket.socket, record: bytearray) -> None:
    """A peer that accepts the connection and never says a word."""


@contextlib.contextmanager
def closed_port() -> Iterator[int]:
    """A port on 127.0.0.1 that is bound but not listening, so connections are refused and
    no other process can take it while the test runs."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((LOOPBACK, 0))
        yield sock.getsockname()[1]
