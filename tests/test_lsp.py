"""``emaillint lsp`` end to end: a small JSON-RPC client speaks LSP to the real server over stdio."""

from __future__ import annotations

import json
import os
import queue
import shutil
import subprocess
import sys
import threading
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from helpers import REPO

pytest.importorskip("pygls")

BAD = ('version: 1\n'
       'accounts:\n'
       '  invoices: {host: "smtp.gmail.com", from: "B\u00efl \U0001F4E7 <billing@gmail.com>", port: 465,'
       ' security: starttls, auth: app-password, username: billing@gmail.com, password: "${SMTP_PASSWORD}"}\n')
"""One port-security-mismatch, on a line where an emoji (two UTF-16 units) comes first."""
WAIT = 30
"""Seconds to wait for a reply before the test fails rather than hangs (a bound, not a measure)."""


class Client:
    """An LSP client: Content-Length framed JSON-RPC over the server's stdin and stdout."""

    def __init__(self, cwd: Path, env: dict[str, str] | None = None) -> None:
        self.log = open(cwd / "server.log", "wb")  # noqa: SIM115 - closed in close()
        self.process = subprocess.Popen([sys.executable, "-m", "emaillint", "lsp"], cwd=cwd, env=env,
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self.log)
        self.inbox: queue.Queue[dict] = queue.Queue()
        self.notifications: list[dict] = []
        self.ids = 0
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        stream = self.process.stdout
        while True:
            length = None
            while True:
                line = stream.readline()
                if not line:
                    return
                if line in (b"\r\n", b"\n"):
                    break
                name, _, value = line.decode("ascii").partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            self.inbox.put(json.loads(stream.read(length)))

    def send(self, message: dict) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def notify(self, method: str, params: dict | None = None) -> None:
        self.send({"method": method, **({"params": params} if params is not None else {})})

    def request(self, method: str, params: dict | None = None):
        self.ids += 1
        self.send({"id": self.ids, "method": method, **({"params": params} if params is not None else {})})
        while True:
            message = self.inbox.get(timeout=WAIT)
            if message.get("id") == self.ids and "method" not in message:
                assert "error" not in message, message
                return message["result"]
            self._note(message)

    def _note(self, message: dict) -> None:
        if "id" in message and "method" in message:  # a request from the server (registrations): accept
            self.send({"id": message["id"], "result": None})
        else:
            self.notifications.append(message)

    def diagnostics(self, uri: str, version: int | None = None) -> list[dict]:
        """The next diagnostics published for ``uri`` (for ``version``, if given)."""
        while True:
            for note in self.notifications:
                params = note.get("params", {})
                if note.get("method") == "textDocument/publishDiagnostics" and params.get("uri") == uri and (
                        version is None or params.get("version") == version):
                    self.notifications.remove(note)
                    return params["diagnostics"]
            self._note(self.inbox.get(timeout=WAIT))

    def start(self, root: Path) -> dict:
        result = self.request("initialize", {"processId": os.getpid(), "rootUri": root.as_uri(),
                                             "capabilities": {}})
        self.notify("initialized", {})
        return result

    def open(self, path: Path, text: str) -> list[dict]:
        self.notify("textDocument/didOpen", {"textDocument": {"uri": path.as_uri(), "languageId": "yaml",
                                                              "version": 1, "text": text}})
        return self.diagnostics(path.as_uri(), 1)

    def stop(self) -> int:
        self.request("shutdown")
        self.notify("exit")
        return self.process.wait(timeout=WAIT)

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        self.reader.join(WAIT)  # it stops at the end of the server's output
        for stream in (self.process.stdin, self.process.stdout, self.log):
            stream.close()


@pytest.fixture
def client(tmp_path):
    started = Client(tmp_path, {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")})
    yield started
    started.close()


def utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def apply(text: str, edits: list[dict]) -> str:
    """The client's side of a WorkspaceEdit on one LSP document (lines at \\n, UTF-16 columns)."""
    lines = text.split("\n")

    def offset(position: dict) -> int:
        line = lines[position["line"]]
        units = 0
        for index, char in enumerate(line):
            if units >= position["character"]:
                return sum(len(earlier) + 1 for earlier in lines[:position["line"]]) + index
            units += utf16(char)
        return sum(len(earlier) + 1 for earlier in lines[:position["line"]]) + len(line)

    for edit in sorted(edits, key=lambda e: offset(e["range"]["start"]), reverse=True):
        start, end = offset(edit["range"]["start"]), offset(edit["range"]["end"])
        text = text[:start] + edit["newText"] + text[end:]
    return text


def edits_of(action: dict, uri: str, version: int) -> list[dict]:
    (change,) = action["edit"]["documentChanges"]
    assert change["textDocument"] == {"uri": uri, "version": version}
    return change["edits"]


def test_diagnostics_fixes_suppressions_and_hover_over_stdio(client, tmp_path):
    (tmp_path / ".emaillint.yaml").write_text("severity:\n  port-security-mismatch: warning\n", encoding="utf-8")
    path = tmp_path / "mail.yaml"
    uri = path.as_uri()
    capabilities = client.start(tmp_path)["capabilities"]
    assert capabilities["hoverProvider"] and capabilities["codeActionProvider"]

    (found,) = client.open(path, BAD)
    line = BAD.splitlines()[2]
    start = utf16(line[:line.index("starttls")])
    assert found["range"] == {"start": {"line": 2, "character": start},
                              "end": {"line": 2, "character": start + len("starttls")}}
    assert found["code"] == "port-security-mismatch" and found["source"] == "emaillint"
    assert found["severity"] == 2  # Warning: the project configuration of the document's folder says so
    # emaillint's distribution declares no documentation URL: the link is the rule's explanation, local
    page = found["codeDescription"]["href"]
    assert page.startswith((tmp_path / "cache" / "emaillint" / "explain").as_uri() + "/port-security-mismatch-")
    explained = Path(urllib.request.url2pathname(urllib.parse.urlparse(page).path)).read_text(encoding="utf-8")
    assert explained.startswith("# port-security-mismatch\n") and "## Why is this bad" in explained
    assert "port 465 expects TLS from the first byte" in found["message"]

    where = {"start": found["range"]["start"], "end": found["range"]["start"]}
    actions = client.request("textDocument/codeAction", {"textDocument": {"uri": uri}, "range": where,
                                                         "context": {"diagnostics": [found]}})
    by_title = {action["title"]: action for action in actions}
    assert set(by_title) == {"write security: tls", "Suppress port-security-mismatch on this line",
                             "Fix all safe emaillint problems"}
    fixed = apply(BAD, edits_of(by_title["write security: tls"], uri, 1))
    assert fixed == BAD.replace("security: starttls", "security: tls")
    assert apply(BAD, edits_of(by_title["Fix all safe emaillint problems"], uri, 1)) == fixed
    suppressed = apply(BAD, edits_of(by_title["Suppress port-security-mismatch on this line"], uri, 1))
    assert suppressed == BAD.replace("}\n", "}  # emaillint: disable=port-security-mismatch\n")

    hovered = client.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": where["start"]})
    assert "## Why is this bad" in hovered["contents"]["value"]  # the rule's explanation
    host = {"line": 2, "character": utf16(line[:line.index("gmail.com")])}
    hovered = client.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": host})
    assert "Gmail (gmail, plugin gmail)" in hovered["contents"]["value"]  # the provider's data sheet
    assert "smtp.gmail.com: 587 starttls, 465 tls" in hovered["contents"]["value"]

    # The quick fix as an incremental change; a second change supersedes it before the lint runs.
    client.notify("textDocument/didChange", {
        "textDocument": {"uri": uri, "version": 2},
        "contentChanges": [{"range": found["range"], "text": "tls"}]})
    client.notify("textDocument/didChange", {
        "textDocument": {"uri": uri, "version": 3},
        "contentChanges": [{"range": {"start": {"line": 3, "character": 0}, "end": {"line": 3, "character": 0}},
                            "text": "# fixed\n"}]})
    assert client.diagnostics(uri, 3) == []

    # A suppression already there gets the rule added to its list.
    commented = BAD.replace("}\n", "}  # emaillint: disable=cc-quota\n")
    client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 4},
                                             "contentChanges": [{"text": commented}]})
    (found, stale) = sorted(client.diagnostics(uri, 4), key=lambda d: d["code"])
    assert stale["code"] == "unused-suppression"
    actions = client.request("textDocument/codeAction", {"textDocument": {"uri": uri}, "range": found["range"],
                                                         "context": {"diagnostics": [found]}})
    (suppress,) = [a for a in actions if a["title"].startswith("Suppress port-security-mismatch")]
    (edit,) = edits_of(suppress, uri, 4)
    assert edit["newText"] == ",port-security-mismatch"

    assert client.stop() == 0


def test_columns_in_the_negotiated_encoding_and_each_folder_s_exclude_and_baseline(client, tmp_path):
    (tmp_path / ".emaillint.yaml").write_text('exclude: ["generated"]\n', encoding="utf-8")
    (tmp_path / "generated").mkdir()
    legacy = tmp_path / "legacy"
    legacy.mkdir()
    (legacy / ".emaillint.yaml").write_text("baseline: emaillint-baseline.json\n", encoding="utf-8")
    (legacy / "mail.yaml").write_text(BAD, encoding="utf-8")
    subprocess.run([sys.executable, "-m", "emaillint", "check", "mail.yaml", "--write-baseline",
                    "emaillint-baseline.json"], cwd=legacy, check=True, capture_output=True)
    result = client.request("initialize", {"processId": os.getpid(), "rootUri": tmp_path.as_uri(), "capabilities": {
        "general": {"positionEncodings": ["utf-8", "utf-16"]}}})
    client.notify("initialized", {})
    assert result["capabilities"]["positionEncoding"] == "utf-8"
    (found,) = client.open(tmp_path / "mail.yaml", BAD)
    line = BAD.splitlines()[2]
    assert found["range"]["start"] == {"line": 2, "character": len(line[:line.index("starttls")].encode("utf-8"))}
    assert client.open(tmp_path / "generated" / "mail.yaml", BAD) == []

    path = legacy / "mail.yaml"  # its finding is in the baseline: only a new one shows
    assert client.open(path, BAD) == []
    newer = BAD + "  alerts: {host: smtp.gmail.com, port: 587, security: tls, username: a@gmail.com," \
                  " password: \"${SMTP_PASSWORD}\", auth: app-password}\n"
    client.notify("textDocument/didChange", {"textDocument": {"uri": path.as_uri(), "version": 2},
                                             "contentChanges": [{"text": newer}]})
    (found,) = client.diagnostics(path.as_uri(), 2)
    assert found["code"] == "port-security-mismatch" and found["range"]["start"]["line"] == 3
    assert client.stop() == 0


def test_a_plugin_that_raises_is_a_diagnostic_and_the_server_lives_on(tmp_path):
    source = tmp_path / "source"
    shutil.copytree(REPO / "tests" / "integration" / "dists" / "emaillint-raising", source)
    plugins = tmp_path / "plugins"
    subprocess.run([sys.executable, "-m", "pip", "install", "--disable-pip-version-check", "-q", "--no-deps",
                    "--no-build-isolation", "--no-index", "--target", str(plugins), str(source)], check=True)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(plugins), os.environ.get("PYTHONPATH")]))}
    client = Client(tmp_path, env)
    try:
        client.start(tmp_path)
        path = tmp_path / "mail.yaml"
        found = client.open(path, BAD)
        errors = [d for d in found if d["code"] == "plugin-error"]
        # one for the hook that raised at load time, one for the rule that raised on the account
        assert len(errors) == 2 and all("plugin 'raising' (emaillint-raising 0.1.0)" in d["message"] for d in errors)
        assert "emaillint_providers" in errors[0]["message"] + errors[1]["message"]
        assert [d["code"] for d in found if d["code"] != "plugin-error"] == ["port-security-mismatch"]
        hovered = client.request("textDocument/hover", {"textDocument": {"uri": path.as_uri()},
                                                        "position": found[-1]["range"]["start"]})
        assert hovered is not None
        assert client.stop() == 0
    finally:
        client.close()


def test_without_pygls_the_command_says_what_to_install(tmp_path):
    # A folder on sys.path whose pygls cannot be imported, as when the lsp extra is not installed.
    (tmp_path / "pygls").mkdir()
    (tmp_path / "pygls" / "__init__.py").write_text("raise ImportError('no pygls', name='pygls')\n")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(tmp_path), os.environ.get("PYTHONPATH")]))}
    result = subprocess.run([sys.executable, "-m", "emaillint", "lsp"], env=env, capture_output=True, text=True,
                            stdin=subprocess.DEVNULL)
    assert result.returncode == 2
    assert result.stderr == "emaillint: error: the language server needs pygls: pip install 'emaillint[lsp]'\n"


SECRET = "Zq771Kv9pX2Lm7W4"
ECHOING = (f"accounts:\n  {SECRET}:\n    host: mail.{SECRET}.example.com\n    port: 587\n    security: starttls\n"
           f"    username: billing@gmail.com\n    from: {SECRET}\n")
"""A document that writes another's password as an account name, a host and an address."""


def test_a_secret_of_one_open_document_is_cut_out_of_every_other_ones_diagnostics(client, tmp_path):
    client.start(tmp_path)
    echoing = tmp_path / "b.yaml"
    shown = client.open(echoing, ECHOING)
    assert SECRET in json.dumps(shown)  # nothing tells it is a secret yet: no open document has it as one
    client.open(tmp_path / "a.yaml", BAD.replace('"${SMTP_PASSWORD}"', SECRET))
    again = client.diagnostics(echoing.as_uri(), 1)  # published again, now that a document has it as a secret
    assert {d["code"] for d in again} >= {"provider-host", "address-syntax"}
    assert SECRET not in json.dumps(again) and "***" in json.dumps(again)
    hovered = client.request("textDocument/hover", {"textDocument": {"uri": echoing.as_uri()},
                                                    "position": {"line": 2, "character": 10}})
    assert hovered is not None and "provider-host" in hovered["contents"]["value"]
    assert SECRET not in hovered["contents"]["value"]
    other = tmp_path / "c.yaml"
    assert SECRET not in json.dumps(client.open(other, ECHOING))
    assert client.stop() == 0
