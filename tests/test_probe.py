"""``emaillint probe`` against real servers on 127.0.0.1: aiosmtpd with trustme certificates,
and raw TCP peers that are not SMTP servers or never greet.

Every scenario asserts the rule, line and exit code, and that the server received no AUTH,
MAIL or RCPT command and not the configured password, in any encoding a sign-in would use.
"""

from __future__ import annotations

import base64
import datetime
import json
import os
import signal
import ssl
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from emaillint.certificate import read
from emaillint.cli import main

from helpers import SHARED
from servers import LOOPBACK, Received, Server, banner, closed_port, raw_server, scripted, silent, smtp_server

trustme = pytest.importorskip("trustme")

PASSWORD = "Canary-Pass-8f3k2Q"
"""The literal password in the configs: no byte sequence of it may reach a server or the output."""
TIMEOUT = "2"
"""--timeout for servers that answer: generous on a loaded machine, short when something hangs."""
SHORT = "0.5"
"""--timeout where the scenario is a peer that never answers."""
UTC = datetime.timezone.utc


class Pki:
    def __init__(self, root: Path) -> None:
        self.ca = trustme.CA()
        self.cafile = str(root / "ca.pem")
        self.ca.cert_pem.write_to_path(self.cafile)
        self.certificates = {
            "trusted": self.ca.issue_cert(LOOPBACK, "mail.example.test"),
            "untrusted": trustme.CA().issue_cert(LOOPBACK, "mail.example.test"),
            "other-name": self.ca.issue_cert("other.example.test"),
            "expired": self.ca.issue_cert(LOOPBACK, not_before=datetime.datetime(2019, 1, 1, tzinfo=UTC),
                                          not_after=datetime.datetime(2020, 1, 1, tzinfo=UTC)),
        }

    def server_context(self, kind: str = "trusted") -> ssl.SSLContext:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        self.certificates[kind].configure_cert(context)
        return context


@pytest.fixture(scope="module")
def pki(tmp_path_factory) -> Pki:
    return Pki(tmp_path_factory.mktemp("pki"))


def account(port: int, security: str, *, auth: str = "", credentials: bool = True, host: str = LOOPBACK) -> str:
    """A config of emaillint's own format, one account; lines: host 3, port 4, security 5,
    auth (if any) 6, then username and password."""
    lines = ["accounts:", "  relay:", f"    host: {host}", f"    port: {port}", f"    security: {security}"]
    if auth:
        lines.append(f"    auth: {auth}")
    if credentials:
        lines += ["    username: billing@example.com", f"    password: {PASSWORD}"]
    return "\n".join(lines) + "\n"


def probe(capsys, tmp_path: Path, config: str, *args: str, pki: Pki | None = None, name: str = "mail.yaml",
          also: tuple[str, ...] = ()) -> tuple[int, list[dict]]:
    """Probe ``config`` (written to ``name``) and the files ``also`` names; the exit code and findings."""
    path = tmp_path / name
    path.write_text(config, encoding="utf-8")
    cafile = ["--cafile", pki.cafile] if pki else []
    code = main(["probe", str(path), *also, "--format", "json", "--timeout", TIMEOUT, *cafile, *args])
    out, err = capsys.readouterr()
    assert err == ""
    assert PASSWORD not in out
    return code, json.loads(out)["findings"]


def seen(findings: list[dict]) -> list[tuple[str, str, int]]:
    return [(f["rule"], f["severity"], f["line"]) for f in findings]


def assert_sent_nothing_secret(server: Server) -> None:
    """No AUTH, MAIL or RCPT on any connection, and no form of the password in any byte received."""
    for commands in server.received.commands:
        assert not {"AUTH", "MAIL", "RCPT", "DATA"} & set(commands), commands
    data = server.received.data
    plain = base64.b64encode(f"\0billing@example.com\0{PASSWORD}".encode())
    for form in (PASSWORD.encode(), base64.b64encode(PASSWORD.encode()), plain, PASSWORD.lower().encode()):
        assert form not in data


# --- plain text, STARTTLS, implicit TLS ------------------------------------------------------

def test_a_plain_text_server_without_starttls_fails_an_account_that_requires_it(capsys, tmp_path):
    with smtp_server(auth_in_plain_text=True) as server:
        code, findings = probe(capsys, tmp_path, account(server.port, "starttls"))
    assert (code, seen(findings)) == (1, [("probe-tls", "error", 5)])
    assert f"{LOOPBACK}:{server.port} does not offer STARTTLS" in findings[0]["message"]
    assert "write security: none (and no credentials)" in findings[0]["message"]
    assert server.received.commands == [["EHLO", "QUIT"]]
    assert_sent_nothing_secret(server)


def test_a_plain_text_server_serves_an_account_without_tls(capsys, tmp_path):
    with smtp_server(auth_in_plain_text=True) as server:
        code, findings = probe(capsys, tmp_path, account(server.port, "none", credentials=False))
    assert (code, seen(findings)) == (0, [("probe-auth", "info", 2)])
    assert findings[0]["message"] == f"{LOOPBACK}:{server.port} offers AUTH LOGIN PLAIN; the account does not sign in"
    assert findings[0]["details"]["starttls"] is False and "tls" not in findings[0]["details"]
    assert_sent_nothing_secret(server)


@pytest.mark.parametrize("credentials, severity, code", [(True, "error", 1), (False, "warning", 0)])
def test_optional_starttls_that_is_not_offered_sends_in_plain_text(capsys, tmp_path, credentials, severity, code):
    with smtp_server(auth_in_plain_text=True) as server:
        result = probe(capsys, tmp_path, account(server.port, "starttls-optional", credentials=credentials))
    auth = ("probe-auth", "info", 6 if credentials else 2)  # at the username, else at the account
    assert (result[0], sorted(seen(result[1]), key=lambda f: f[0])) == (code, [auth, ("probe-tls", severity, 5)])
    sends = "its password and every message" if credentials else "every message"
    [tls] = [f for f in result[1] if f["rule"] == "probe-tls"]
    assert f"(STARTTLS only if offered) sends {sends} in plain text" in tls["message"]
    assert_sent_nothing_secret(server)


def test_starttls_offered_but_refused(capsys, tmp_path):
    replies = {"EHLO": b"250-relay.example.test\r\n250-STARTTLS\r\n250 AUTH PLAIN\r\n",
               "STARTTLS": b"454 4.7.0 TLS not available due to local problem\r\n", "QUIT": b"221 bye\r\n"}
    with raw_server(scripted(b"220 relay.example.test ESMTP\r\n", replies)) as server:
        code, findings = probe(capsys, tmp_path, account(server.port, "starttls"))
    assert (code, seen(findings)) == (1, [("probe-tls", "error", 5)])
    assert findings[0]["message"].startswith(
        f"{LOOPBACK}:{server.port} offers STARTTLS but answers it with '454 4.7.0 TLS not available due to local"
        " problem', so no TLS session can start;")
    assert server.received.commands == [["EHLO", "STARTTLS"]]
    assert_sent_nothing_secret(server)


def test_a_server_that_refuses_the_session(capsys, tmp_path):
    with raw_server(scripted(b"554 5.7.1 no SMTP service here\r\n", {})) as server:
        code, findings = probe(capsys, tmp_path, account(server.port, "starttls"))
    assert (code, seen(findings)) == (1, [("probe-connect", "error", 3)])
    assert findings[0]["message"].startswith(
        f"{LOOPBACK}:{server.port} refuses an SMTP session from here: it greets with '554 5.7.1 no SMTP service here';")
    assert server.received.data == b""


def test_a_starttls_server_offers_auth_after_starttls_only_and_the_probe_sees_it(capsys, tmp_path, pki):
    with smtp_server(starttls=pki.server_context()) as server:
        code, findings = probe(capsys, tmp_path, account(server.port, "starttls"), pki=pki)
    assert (code, seen(findings)) == (0, [("probe-auth", "info", 6)])
    assert findings[0]["message"] == f"{LOOPBACK}:{server.port} offers AUTH LOGIN PLAIN after STARTTLS"
    details = findings[0]["details"]
    assert details["auth"] == ["LOGIN", "PLAIN"] and details["starttls"] is True
    assert details["size"] == 33554432 and details["server"] == "mail.example.test"
    assert details["tls"].startswith("TLSv1.") and details["certificate"]["names"] == [LOOPBACK, "mail.example.test"]
    assert server.received.commands == [["EHLO", "STARTTLS", "EHLO", "QUIT"]]
    assert_sent_nothing_secret(server)


def test_no_tls_against_a_starttls_server_warns_and_the_sign_in_fails(capsys, tmp_path, pki):
    with smtp_server(starttls=pki.server_context()) as server:
        code, findings = probe(capsys, tmp_path, account(server.port, "none"), pki=pki)
    assert (code, seen(findings)) == (1, [("probe-tls", "warning", 5), ("probe-auth", "error", 6)])
    assert "offers STARTTLS, but the account does not use it" in findings[0]["message"]
    assert findings[0]["message"].endswith("write security: starttls")
    assert "offers no AUTH in plain text (servers offer it after STARTTLS)" in findings[1]["message"]
    assert server.received.commands == [["EHLO", "QUIT"]]
    assert_sent_nothing_secret(server)


def test_an_implicit_tls_server(capsys, tmp_path, pki):
    with smtp_server(implicit=pki.server_context()) as server:
        code, findings = probe(capsys, tmp_path, account(server.port, "tls"), pki=pki)
    assert (code, seen(findings)) == (0, [("probe-auth", "info", 6)])
    assert findings[0]["message"] == f"{LOOPBACK}:{server.port} offers AUTH LOGIN PLAIN"
    assert server.received.commands == [["EHLO", "QUIT"]]
    assert_sent_nothing_secret(server)


def test_plain_text_on_an_implicit_tls_port_says_to_use_tls(capsys, tmp_path, pki):
    with smtp_server(implicit=pki.server_context()) as server:
        code, findings = probe(capsys, tmp_path, account(server.port, "starttls"), "--timeout", SHORT, pki=pki)
    assert (code, seen(findings)) == (1, [("probe-tls", "error", 5)])
    assert findings[0]["message"] == (
        f"port {server.port} expects TLS from the first byte: {LOOPBACK}:{server.port} sent no greeting in plain"
        f" text within 0.5 s, and greets over TLS; write security: tls")
    assert findings[0]["details"]["other_mode"] == {"mode": "tls", "failure": "", "starttls": False}
    assert [commands for commands in server.received.commands if commands] == [["EHLO", "QUIT"]]
    assert_sent_nothing_secret(server)


def test_implicit_tls_on_a_plain_text_port_says_to_use_starttls(capsys, tmp_path, pki):
    with smtp_server(starttls=pki.server_context()) as server:
        code, findings = probe(capsys, tmp_path, account(server.port, "tls"), pki=pki)
    assert (code, seen(findings)) == (1, [("probe-tls", "error", 5)])
    message = findings[0]["message"]
    assert message.startswith(f"port {server.port} speaks plain text first, not TLS from the first byte")
    assert message.endswith("it offers STARTTLS: write security: starttls")
    assert server.received.commands[1] == ["EHLO", "QUIT"]  # the plain-text try after the failed handshake
    assert_sent_nothing_secret(server)


# --- certificates ----------------------------------------------------------------------------

@pytest.mark.parametrize("security", ["tls", "starttls"])
@pytest.mark.parametrize("kind, needle", [
    ("trusted", None),
    ("untrusted", "does not lead to a trusted certificate authority (unable to get local issuer certificate)"),
    ("other-name", "is for other.example.test, not 127.0.0.1, so clients refuse it; write host: other.example.test"),
    ("expired", "(127.0.0.1) expired on 2020-01-01, so clients refuse it"),
])
def test_certificates(capsys, tmp_path, pki, security, kind, needle):
    context = pki.server_context(kind)
    options = {"implicit": context} if security == "tls" else {"starttls": context}
    with smtp_server(**options) as server:
        code, findings = probe(capsys, tmp_path, account(server.port, security), pki=pki)
    if needle is None:
        assert (code, seen(findings)) == (0, [("probe-auth", "info", 6)])
    else:
        assert (code, seen(findings)) == (1, [("probe-certificate", "error", 3), ("probe-auth", "info", 6)])
        assert needle in findings[0]["message"]
        assert findings[0]["details"]["failure"] == "certificate"
    assert_sent_nothing_secret(server)


def test_a_refused_certificate_is_a_warning_where_the_account_does_not_verify(capsys, tmp_path, pki):
    config = (f"notify:\n  - platform: smtp\n    name: mail\n    server: {LOOPBACK}\n    port: {{port}}\n"
              "    encryption: tls\n    verify_ssl: false\n    sender: alerts@example.com\n"
              "    recipient: ops@example.com\n    username: alerts@example.com\n    password: !secret smtp\n")
    with smtp_server(implicit=pki.server_context("expired")) as server:
        code, findings = probe(capsys, tmp_path, config.format(port=server.port), pki=pki, name="configuration.yaml")
    assert (code, seen(findings)) == (0, [("probe-certificate", "warning", 7), ("probe-auth", "info", 10)])
    assert findings[0]["message"].endswith("this account does not check certificates, so its mail goes out,"
                                           " to whoever answers")
    assert_sent_nothing_secret(server)


# --- AUTH mechanisms -------------------------------------------------------------------------

@pytest.mark.parametrize("auth, expected, code", [
    ("password", [("probe-auth", "error", 6)], 1),
    ("oauth2", [("probe-auth", "info", 6)], 0),
])
def test_a_server_offering_only_xoauth2(capsys, tmp_path, pki, auth, expected, code):
    with smtp_server(starttls=pki.server_context(), mechanisms=("XOAUTH2",)) as server:
        result = probe(capsys, tmp_path, account(server.port, "starttls", auth=auth), pki=pki)
    assert (result[0], seen(result[1])) == (code, expected)
    if auth == "password":
        assert result[1][0]["message"] == (f"{LOOPBACK}:{server.port} offers only AUTH XOAUTH2 after STARTTLS, so a"
                                           " password cannot sign in; write auth: oauth2")
    assert result[1][0]["details"]["auth"] == ["XOAUTH2"]
    assert_sent_nothing_secret(server)


# --- peers that are not SMTP servers ---------------------------------------------------------

def test_a_server_that_accepts_and_never_greets_times_out(capsys, tmp_path):
    with raw_server(silent) as server:
        code, findings = probe(capsys, tmp_path, account(server.port, "starttls"), "--timeout", SHORT)
    assert (code, seen(findings)) == (1, [("probe-connect", "error", 4)])
    assert findings[0]["message"].startswith(
        f"{LOOPBACK}:{server.port} accepts the connection but sends no SMTP greeting, in plain text or over TLS,"
        " within 0.5 s")
    assert len(server.received.sessions) == 2  # plain text, then TLS once
    assert_sent_nothing_secret(server)


def test_a_closed_port_is_refused(capsys, tmp_path):
    with closed_port() as port:
        code, findings = probe(capsys, tmp_path, account(port, "starttls"))
    assert (code, seen(findings)) == (1, [("probe-connect", "error", 4)])
    assert findings[0]["message"] == (
        f"{LOOPBACK}:{port} refused the connection: nothing listens on port {port} there; mail submission is"
        " port: 587 with security: starttls, or port: 465 with security: tls")
    assert findings[0]["details"] == {"host": LOOPBACK, "port": port, "mode": "starttls", "failure": "refused"}


def test_a_host_name_no_resolver_could_look_up_is_reported_before_any_query(capsys, tmp_path):
    code, findings = probe(capsys, tmp_path, account(587, "starttls", host="smtp..example.test"))
    assert (code, seen(findings)) == (1, [("probe-connect", "error", 3)])
    assert findings[0]["message"].startswith(
        "smtp..example.test does not resolve (not a valid host name: a label between dots is empty or too long);")


@pytest.mark.parametrize("greeting, what", [
    (b"* OK [CAPABILITY IMAP4rev1 STARTTLS] Dovecot ready.\r\n", "an IMAP server"),
    (b"+OK POP3 server ready\r\n", "a POP3 server"),
    (b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n", "a web server (HTTP)"),
])
def test_a_server_that_is_not_smtp_is_named(capsys, tmp_path, greeting, what):
    with raw_server(banner(greeting)) as server:
        code, findings = probe(capsys, tmp_path, account(server.port, "starttls"))
    assert (code, seen(findings)) == (1, [("probe-connect", "error", 4)])
    first = greeting.split(b"\r\n")[0].decode()
    assert findings[0]["message"].startswith(f"{LOOPBACK}:{server.port} is {what} ('{first}'), not an SMTP server;")
    assert server.received.data == b""  # not even EHLO to a server that is not SMTP


@pytest.mark.parametrize("security", ["tls", "starttls"])
def test_a_provider_account_on_an_imap_port_is_told_the_submission_host(capsys, tmp_path, security):
    config = account(0, security).replace("    port: 0\n", "    port: {port}\n").replace(
        "billing@example.com", "billing@gmail.com") + "    provider: gmail\n"
    with raw_server(banner(b"* OK Gimap ready\r\n")) as server:
        code, findings = probe(capsys, tmp_path, config.format(port=server.port))
    assert (code, seen(findings)) == (1, [("probe-connect", "error", 3)])
    assert findings[0]["message"].endswith(
        "not an SMTP server; write host: smtp.gmail.com, with port: 587 with security: starttls, or port: 465 with"
        " security: tls")
    assert findings[0]["provider"] == "gmail"


# --- every dialect ---------------------------------------------------------------------------

DIALECT_CONFIGS = {
    "emaillint": ("mail.yaml", account(0, "starttls").replace("port: 0", "port: {port}"), 6),
    "spring": ("application.yml", """\
spring:
  mail:
    host: 127.0.0.1
    port: {port}
    username: billing@example.com
    password: ${{MAIL_PASSWORD}}
    properties:
      mail.smtp.auth: true
      mail.smtp.starttls.enable: true
      mail.smtp.starttls.required: true
""", 5),
    "alertmanager": ("alertmanager.yml", """\
global:
  smtp_smarthost: '127.0.0.1:{port}'
  smtp_from: alerts@example.com
  smtp_auth_username: alerts@example.com
  smtp_auth_password_file: /etc/alertmanager/smtp_password
route:
  receiver: ops
receivers:
  - name: ops
    email_configs:
      - to: ops@example.com
""", 4),
    "homeassistant": ("configuration.yaml", """\
notify:
  - platform: smtp
    name: mail
    server: 127.0.0.1
    port: {port}
    encryption: starttls
    sender: alerts@example.com
    recipient: ops@example.com
    username: alerts@example.com
    password: !secret smtp_password
""", 9),
    "grafana": ("values.yaml", """\
grafana.ini:
  smtp:
    enabled: true
    host: 127.0.0.1:{port}
    user: alerts@example.com
    password: $__file{{/etc/secrets/smtp_password}}
    startTLS_policy: MandatoryStartTLS
""", 5),
    "compose": ("docker-compose.yml", """\
services:
  web:
    image: example/web
    environment:
      - EMAIL_HOST=127.0.0.1
      - EMAIL_PORT={port}
      - EMAIL_USE_TLS=True
      - EMAIL_HOST_USER=app@example.com
      - EMAIL_HOST_PASSWORD
""", 8),
}


@pytest.mark.parametrize("dialect", sorted(DIALECT_CONFIGS))
def test_every_dialects_accounts_can_be_probed(capsys, tmp_path, pki, dialect):
    name, config, line = DIALECT_CONFIGS[dialect]
    with smtp_server(starttls=pki.server_context()) as server:
        code, findings = probe(capsys, tmp_path, config.format(port=server.port), pki=pki, name=name)
    assert (code, seen(findings)) == (0, [("probe-auth", "info", line)])
    assert findings[0]["message"] == f"{LOOPBACK}:{server.port} offers AUTH LOGIN PLAIN after STARTTLS"
    assert server.received.commands == [["EHLO", "STARTTLS", "EHLO", "QUIT"]]
    assert_sent_nothing_secret(server)


# --- the run: sharing, parallelism, references, formats, errors ------------------------------

def test_accounts_sharing_host_port_and_mode_share_one_connection(capsys, tmp_path, pki):
    with smtp_server(starttls=pki.server_context()) as server:
        twice = account(server.port, "starttls") + account(server.port, "starttls-optional").replace(
            "accounts:\n  relay:", "  other:")
        (tmp_path / "second.yaml").write_text(account(server.port, "starttls"))
        code, findings = probe(capsys, tmp_path, twice, pki=pki, also=(str(tmp_path / "second.yaml"),))
    assert code == 0
    assert sorted((Path(f["path"]).name, f["account"], f["rule"]) for f in findings) == [
        ("mail.yaml", "other", "probe-auth"), ("mail.yaml", "relay", "probe-auth"),
        ("second.yaml", "relay", "probe-auth")]
    assert server.received.commands == [["EHLO", "STARTTLS", "EHLO", "QUIT"]]


SMTP_REPLIES = {"EHLO": b"250-relay.example.test\r\n250 SIZE 10240000\r\n", "QUIT": b"221 bye\r\n"}


@pytest.mark.parametrize("jobs", [1, 2])
def test_jobs_bounds_the_connections_open_at_once(tmp_path, jobs):
    """Three relays that hold back their greeting until the test lets them: while ``jobs``
    connections wait, no other one opens; once released, every relay is probed."""
    shared = Received()
    gate = threading.Event()
    relay = scripted(b"220 relay.example.test ESMTP\r\n", SMTP_REPLIES, gate)
    with raw_server(relay, shared) as a, raw_server(relay, shared) as b, raw_server(relay, shared) as c:
        (tmp_path / "mail.yaml").write_text("accounts:\n" + "".join(
            account(server.port, "none", credentials=False).replace("accounts:\n  relay:", f"  relay-{i}:")
            for i, server in enumerate((a, b, c))))
        process = subprocess.Popen([sys.executable, "-m", "emaillint", "probe", "mail.yaml", "--format", "json",
                                    "-j", str(jobs)], cwd=tmp_path, stdout=subprocess.PIPE, text=True)
        try:
            deadline = time.monotonic() + 30
            while len(shared.sessions) < jobs and time.monotonic() < deadline:
                time.sleep(0.02)
            time.sleep(0.5)  # room for a connection beyond the bound to show up: none may
            held = len(shared.sessions)
            gate.set()
            out, _ = process.communicate(timeout=30)
        finally:
            gate.set()
            if process.poll() is None:
                process.kill()
                process.communicate()
    assert held == jobs
    assert process.returncode == 0 and len(shared.sessions) == 3
    assert [f["rule"] for f in json.loads(out)["findings"]] == ["probe-auth"] * 3


def test_references_are_skipped_unless_resolve_env_gives_their_value(capsys, tmp_path, pki, monkeypatch):
    monkeypatch.delenv("SMTP_HOST", raising=False)
    with smtp_server(starttls=pki.server_context()) as server:
        config = account(server.port, "starttls", host="${SMTP_HOST}")
        code, findings = probe(capsys, tmp_path, config, pki=pki)
        assert (code, seen(findings)) == (0, [("probe-connect", "info", 3)])
        assert "--resolve-env" in findings[0]["message"] and server.received.sessions == []
        code, findings = probe(capsys, tmp_path, config, "--resolve-env", pki=pki)
        assert (code, seen(findings)) == (0, [("probe-connect", "info", 3)])
        assert findings[0]["message"] == "not probed: the host is a reference this environment does not set"
        monkeypatch.setenv("SMTP_HOST", LOOPBACK)
        code, findings = probe(capsys, tmp_path, config, "--resolve-env", pki=pki)
    assert (code, seen(findings)) == (0, [("probe-auth", "info", 6)])
    assert len(server.received.sessions) == 1


@pytest.mark.parametrize("name, config, line, message", [
    ("configuration.yaml", "notify:\n  - platform: smtp\n    name: mail\n    sender: a@example.com\n"
                           "    recipient: b@example.com\n", 2,
     "not probed: no host is written, and the program's default (localhost) is the machine it runs on, not this one"),
    ("alertmanager.yml", "global:\n  smtp_smarthost: '$SMTP_HOST:25'\n  smtp_from: a@example.com\n"
                         "route: {receiver: ops}\nreceivers: [{name: ops, email_configs: [{to: b@example.com}]}]\n",
     2, "not probed: smtp_smarthost: $SMTP_HOST:25 is used as written, which is no host"),
    ("mail.yaml", account(70000, "tls"), 4, "not probed: 70000 is not a TCP port (1 to 65535)"),
])
def test_an_account_that_cannot_be_probed_says_why(capsys, tmp_path, name, config, line, message):
    code, findings = probe(capsys, tmp_path, config, name=name)
    assert (code, seen(findings)) == (0, [("probe-connect", "info", line)])
    assert findings[0]["message"] == message


def test_text_github_and_sarif_output(capsys, tmp_path, pki):
    path = tmp_path / "mail.yaml"
    with smtp_server(auth_in_plain_text=True) as server:
        path.write_text(account(server.port, "starttls"))
        outputs = {}
        for name in ("text", "github", "sarif"):
            code = main(["probe", str(path), "--format", name, "--timeout", TIMEOUT])
            outputs[name] = (code, capsys.readouterr().out)
    prefix = f"{path}:5:15: error probe-tls {LOOPBACK}:{server.port} does not offer STARTTLS"
    assert outputs["text"][0] == 1 and outputs["text"][1].startswith(prefix)
    assert outputs["text"][1].endswith("\n1 file checked: 1 error\n")
    assert outputs["github"][1].startswith(f"::error file={path},line=5,col=15,title=emaillint (probe-tls)::")
    document = json.loads(outputs["sarif"][1])
    run = document["runs"][0]
    assert {rule["id"] for rule in run["tool"]["driver"]["rules"]} == {
        "probe-connect", "probe-tls", "probe-certificate", "probe-auth", "io-error", "yaml-syntax",
        "plugin-error", "unused-suppression"}
    assert run["results"][0]["properties"]["details"]["extensions"]["AUTH"] == "LOGIN PLAIN"
    schema = SHARED / "schemas" / "sarif-schema-2.1.0.json"
    if schema.is_file():
        from jsonschema import Draft4Validator

        assert not list(Draft4Validator(json.loads(schema.read_text(encoding="utf-8"))).iter_errors(document))


def test_probe_reports_unreadable_files_not_lint_findings(capsys, tmp_path, pki):
    (tmp_path / "broken.yaml").write_text("accounts:\n  relay: [\n")
    with smtp_server(starttls=pki.server_context()) as server:
        # port-security-mismatch and plaintext-password are check's: the probe says what the server says
        config = account(server.port, "starttls")
        code, findings = probe(capsys, tmp_path, config, pki=pki, also=(str(tmp_path / "broken.yaml"),))
    assert code == 1
    assert [(Path(f["path"]).name, f["rule"]) for f in findings] == [("broken.yaml", "yaml-syntax"),
                                                                      ("mail.yaml", "probe-auth")]


def test_project_selection_applies_and_a_lint_only_select_does_not_silence_the_probe(capsys, tmp_path, pki,
                                                                                     monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".emaillint.yaml").write_text("select: [cc-quota, legacy-auth]\n")
    with smtp_server(auth_in_plain_text=True) as server:
        config = account(server.port, "starttls")
        code, findings = probe(capsys, tmp_path, config)
        assert (code, seen(findings)) == (1, [("probe-tls", "error", 5)])
        (tmp_path / ".emaillint.yaml").write_text("ignore: [probe-tls]\nseverity: {probe-auth: warning}\n")
        code, findings = probe(capsys, tmp_path, config)
        assert (code, seen(findings)) == (0, [])
        code, findings = probe(capsys, tmp_path, config.replace("starttls", "none"))
    assert (code, seen(findings)) == (0, [("probe-auth", "warning", 6)])  # an info, re-graded


def test_a_suppression_of_a_probe_rule_is_honoured_by_probe_and_not_stale_for_check(capsys, tmp_path):
    with smtp_server(auth_in_plain_text=True) as server:
        config = account(server.port, "starttls").replace(
            "security: starttls", "security: starttls  # emaillint: disable=probe-tls  the relay is on our LAN")
        code, findings = probe(capsys, tmp_path, config)
    assert (code, seen(findings)) == (0, [])
    assert main(["check", str(tmp_path / "mail.yaml"), "--format", "json", "--select", "unused-suppression"]) == 0
    assert json.loads(capsys.readouterr().out)["findings"] == []


def test_check_never_connects_and_never_loads_the_probe(tmp_path):
    with raw_server(banner(b"220 mail.example.test ESMTP\r\n")) as server:
        (tmp_path / "mail.yaml").write_text(account(server.port, "starttls"))
        script = ("import sys\nfrom emaillint.cli import main\ncode = main(['check', sys.argv[1]])\n"
                  "print('LOADED', [m for m in ('emaillint.probe', 'emaillint.session', 'ssl') if m in sys.modules])\n"
                  "sys.exit(code)\n")
        result = subprocess.run([sys.executable, "-c", script, str(tmp_path / "mail.yaml")],
                                capture_output=True, text=True, timeout=60)
    assert result.returncode == 1 and "plaintext-password" in result.stdout
    assert result.stdout.splitlines()[-1] == "LOADED []"
    assert server.received.sessions == []


@pytest.mark.parametrize("args, message", [
    (["--timeout", "0"], "'0' is not a number of seconds between 0 and 3600"),
    (["--timeout", "soon"], "'soon' is not a number of seconds between 0 and 3600"),
    (["-j", "0"], "'0' is not a number of connections (1 or more)"),
    (["--format", "xml"], "argument --format: invalid choice: 'xml'"),
])
def test_usage_mistakes_exit_2_on_one_line(capsys, args, message):
    with pytest.raises(SystemExit) as exit_info:
        main(["probe", "mail.yaml", *args])
    _, err = capsys.readouterr()
    assert exit_info.value.code == 2
    assert err.count("\n") == 1 and message in err


def test_a_cafile_that_cannot_be_read_is_a_one_line_error(capsys, tmp_path):
    (tmp_path / "not-pem.txt").write_text("hello\n")
    for cafile, reason in ((tmp_path / "missing.pem", "No such file or directory"), (tmp_path / "not-pem.txt", "")):
        code = main(["probe", str(tmp_path), "--cafile", str(cafile)])
        out, err = capsys.readouterr()
        assert (code, out) == (2, "")
        assert err.startswith(f"emaillint: error: --cafile {cafile}: {reason}") and err.count("\n") == 1
        assert err.endswith("; give a file of PEM certificates\n")


@pytest.mark.skipif(os.name != "posix", reason="sends SIGINT to a child process")
def test_ctrl_c_stops_a_probe_at_once(tmp_path):
    with raw_server(silent) as server:
        (tmp_path / "mail.yaml").write_text(account(server.port, "starttls"))
        process = subprocess.Popen([sys.executable, "-m", "emaillint", "probe", "mail.yaml", "--timeout", "60"],
                                   cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            deadline = time.monotonic() + 30
            while not server.received.sessions and time.monotonic() < deadline and process.poll() is None:
                time.sleep(0.05)
            assert server.received.sessions, "the probe never connected"
            process.send_signal(signal.SIGINT)
            out, err = process.communicate(timeout=15)  # far below the 60 s the session would wait
        finally:
            if process.poll() is None:
                process.kill()
                process.communicate()
    assert (process.returncode, out, err) == (130, "", "emaillint: interrupted\n")



# --- what a certificate carries ----------------------------------------------------------------

def test_the_certificate_reader_agrees_with_cryptography(pki):
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.hazmat.primitives.serialization import Encoding
    from cryptography.x509.oid import NameOID

    issued = pki.ca.issue_cert("mail.example.test", "*.example.test", "192.0.2.25", "2001:db8::25",
                               not_before=datetime.datetime(2026, 3, 1, tzinfo=UTC),
                               not_after=datetime.datetime(2051, 2, 28, tzinfo=UTC))  # GeneralizedTime after 2049
    der = ssl.PEM_cert_to_DER_cert(issued.cert_chain_pems[0].bytes().decode())
    parsed = x509.load_der_x509_certificate(der)
    names = parsed.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    certificate = read(der)
    assert certificate is not None
    assert list(certificate.names) == [str(name.value) for name in names]
    assert certificate.names == ("mail.example.test", "*.example.test", "192.0.2.25", "2001:db8::25")
    assert (certificate.not_before, certificate.not_after) == ("2026-03-01", "2051-02-28")
    assert certificate.issuer == parsed.issuer.get_attributes_for_oid(NameOID.ORGANIZATION_NAME)[0].value

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "relay.example.test")])
    issuer = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Example CA")])
    bare = (x509.CertificateBuilder().subject_name(name).issuer_name(issuer).public_key(key.public_key())
            .serial_number(7).not_valid_before(datetime.datetime(2026, 1, 1, tzinfo=UTC))
            .not_valid_after(datetime.datetime(2026, 6, 30, tzinfo=UTC)).sign(key, hashes.SHA256()))
    without_alt_names = read(bare.public_bytes(Encoding.DER))
    assert without_alt_names == (("relay.example.test",), "Example CA", "2026-01-01", "2026-06-30")


@pytest.mark.parametrize("der", [b"", b"garbage", b"\x30\x82\xff\xff", b"\x30\x00", b"\x30\x03\x02\x01\x01"])
def test_the_certificate_reader_gives_none_for_what_is_no_certificate(der):
    assert read(der) is None
