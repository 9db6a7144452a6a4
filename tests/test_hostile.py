"""Hostile and broken input: a finding or a one-line error, never a traceback or a hang,
and the other files of the run are still linted."""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest

from emaillint import files, load, testing
from emaillint.api import Account, Dialect, Reading, hookimpl
from emaillint.cli import main
from emaillint.engine import Linter, Options
from emaillint.plugins import load_registry

from helpers import AS_OF, GMAIL_465_STARTTLS

CONFIG = GMAIL_465_STARTTLS
"""A config with exactly one finding: port-security-mismatch on line 5."""
SENTINEL = ("port-security-mismatch", 5)


def billion_laughs() -> str:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    return "\n".join(lines) + "\n"


def merge_bomb() -> str:
    lines = ["m0: &m0 {k0: 1, k1: 2, k2: 3, k3: 4, k4: 5, k5: 6, k6: 7, k7: 8, k8: 9}"]
    lines += [f"m{i}: &m{i}\n  <<: [{', '.join([f'*m{i - 1}'] * 9)}]" for i in range(1, 10)]
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter(load_registry(), Options(AS_OF))


def lint_json(capsys, *paths: str) -> tuple[int, dict[str, list[tuple[str, int]]], str]:
    """Exit code, {path: [(rule, line)]} and stderr of an in-process `emaillint --format json`."""
    code = main([*paths, "--format", "json", "--as-of", AS_OF])
    out, err = capsys.readouterr()
    by_path: dict[str, list[tuple[str, int]]] = {}
    for finding in json.loads(out)["findings"]:
        by_path.setdefault(finding["path"], []).append((finding["rule"], finding["line"]))
        assert finding["line"] >= 1 and finding["column"] >= 1
        assert "\n" not in finding["message"]
    return code, by_path, err


HOSTILE = {
    "invalid UTF-8": (b"accounts:\n  a:\n    host: \xff\xfe\n", [("io-error", 1)], 1),
    "UTF-16 with a BOM": (CONFIG.encode("utf-16"), [SENTINEL], 1),
    "UTF-16 without a BOM": (CONFIG.encode("utf-16-le"), [SENTINEL], 1),
    "UTF-32 with a BOM": (CONFIG.encode("utf-32"), [SENTINEL], 1),
    "UTF-8 with a BOM": (CONFIG.encode("utf-8-sig"), [SENTINEL], 1),
    "UTF-16 BOM, broken body": (b"\xff\xfea\x00:\x00\x00\xd8", [("io-error", 1)], 1),
    "binary (PNG header)": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", [("io-error", 1)], 1),
    "NUL byte in text": (CONFIG.encode().replace(b"465", b"4\x0065"), [("io-error", 1)], 1),
    "control character": (CONFIG.encode().replace(b"465", b"4\x0765"), [("yaml-syntax", 4)], 1),
    "empty file": (b"", [], 0),
    "only comments and blank lines": (b"# nothing here\n\n   \n", [], 0),
    "a list, not a mapping": (b"- smtp.gmail.com\n- 587\n", [], 0),
    "a scalar, not a mapping": (b"smtp.gmail.com\n", [], 0),
    "accounts is a list": (b"accounts:\n  - host: smtp.gmail.com\n", [("schema", 2)], 1),
    "an account is a scalar": (b"accounts:\n  a: smtp.gmail.com\n", [("schema", 2)], 1),
    "two documents, both linted": (
        (CONFIG + "---\n" + CONFIG).encode(), [SENTINEL, ("port-security-mismatch", 14)], 1),
    "a broken second document": ((CONFIG + "---\naccounts: [\n").encode(), [("yaml-syntax", 11)], 1),
    "an empty document between two": ((CONFIG + "---\n---\n" + CONFIG).encode(), [SENTINEL, ("port-security-mismatch", 15)], 1),
    "deep flow nesting (10,000)": (b"a: " + b"[" * 10_000 + b"]" * 10_000 + b"\n", [("io-error", 1)], 1),
    "deep block nesting (5,000)": (b"- " * 5_000 + b"x\n", [("io-error", 1)], 1),
    "deep nesting just past the limit": (b"a: " + b"[" * 250 + b"]" * 250 + b"\n", [("io-error", 1)], 1),
    "billion laughs": (billion_laughs().encode(), [("io-error", 1)], 1),
    "merge-key bomb": (merge_bomb().encode(), [("io-error", 1)], 1),
    "recursive alias": (b"a: &a [*a]\n", [("io-error", 1)], 1),
    "recursive merge": (b"a: &a\n  <<: *a\n  k: v\n", [("io-error", 1)], 1),
    "over the size limit": (b"# padding\n" * (load.MAX_BYTES // 10 + 1), [("io-error", 1)], 1),
    "a 1.5 MB line": (b"note: " + b"x" * 1_500_000 + b"\n", [], 0),
    "python/object tags": (
        b"accounts:\n  a: !!python/object/apply:os.system ['echo pwned > pwned']\n"
        b"b: !!python/object:os.system {}\nc: !!python/name:os.system ''\n", [("schema", 2), ("schema", 3), ("schema", 4)], 1),
    "unknown application tags": (b"accounts: !include accounts.yaml\n", [("schema", 1)], 1),
    "complex and non-text keys": (b"? [a, b]\n: 1\n1: 2\nnull: 3\ntrue: 4\n", [], 0),
    "CR-only line endings": (CONFIG.replace("\n", "\r").encode(), [SENTINEL], 1),
    "CRLF line endings": (CONFIG.replace("\n", "\r\n").encode(), [SENTINEL], 1),
}


@pytest.mark.parametrize("raw, expected, code", HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_file_gets_a_finding_and_the_others_are_still_linted(capsys, tmp_path, monkeypatch, raw, expected, code):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "hostile.yaml").write_bytes(raw)
    (tmp_path / "sentinel.yaml").write_text(CONFIG)
    exit_code, findings, err = lint_json(capsys, "hostile.yaml", "sentinel.yaml")
    assert (findings.get("hostile.yaml", []), exit_code, err) == (expected, max(code, 1), "")
    assert findings["sentinel.yaml"] == [SENTINEL]
    assert sorted(os.listdir(tmp_path)) == ["hostile.yaml", "sentinel.yaml"]  # no tag ran


@pytest.mark.parametrize("raw", [billion_laughs(), merge_bomb()], ids=["billion laughs", "merge keys"])
def test_alias_bombs_stop_with_bounded_memory(linter, raw):
    tracemalloc.start()
    try:
        result = linter.lint_text(raw, "bomb.yaml")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert [f.rule for f in result.findings] == ["io-error"]
    assert "alias bomb" in result.findings[0].message
    assert peak < 64 * 1024 * 1024  # 9**10 nodes fully expanded would need gigabytes


def test_a_file_over_the_limit_is_read_no_further_than_the_limit(linter, tmp_path):
    big = tmp_path / "big.yaml"
    with open(big, "wb") as handle:
        handle.truncate(50 * load.MAX_BYTES)  # sparse: 100 MiB of NULs that take no disk
    tracemalloc.start()
    try:
        result = linter.lint_path(str(big))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert [(f.rule, f.message) for f in result.findings] == [
        ("io-error", "big.yaml is larger than 2 MiB; mail configs are a few kilobytes, so this is probably not one")]
    assert peak < 4 * load.MAX_BYTES


def test_a_file_that_vanishes_after_discovery_is_an_io_error(linter, tmp_path):
    (tmp_path / "gone.yaml").write_text(CONFIG)
    (tmp_path / "stays.yaml").write_text(CONFIG)
    found = files.discover([str(tmp_path)]).files
    os.remove(tmp_path / "gone.yaml")
    results = {Path(p).name: linter.lint_path(p).findings for p in found}
    assert [(f.rule, f.message) for f in results["gone.yaml"]] == [
        ("io-error", "gone.yaml disappeared before it could be read")]
    assert [(f.rule, f.line) for f in results["stays.yaml"]] == [SENTINEL]


def test_a_file_replaced_by_a_directory_after_discovery_is_an_io_error(linter, tmp_path):
    (tmp_path / "x.yaml").write_text(CONFIG)
    [found] = files.discover([str(tmp_path)]).files
    os.remove(found)
    os.mkdir(found)
    assert [(f.rule, f.message) for f in linter.lint_path(found).findings] == [
        ("io-error", "x.yaml is a directory, not a file")]


def test_links_are_linted_once_and_loops_do_not_trap_the_walk(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "configs").mkdir()
    (tmp_path / "configs" / "real.yaml").write_text(CONFIG)
    os.symlink("real.yaml", tmp_path / "configs" / "alias.yaml")
    os.symlink("..", tmp_path / "configs" / "up")  # a directory loop
    os.symlink("self.yaml", tmp_path / "configs" / "self.yaml")  # a link to itself
    os.symlink("nowhere.yaml", tmp_path / "configs" / "dangling.yaml")
    (tmp_path / "configs" / "dir.yaml").mkdir()  # a directory with a YAML name is walked into
    (tmp_path / "configs" / "dir.yaml" / "inner.yml").write_text(CONFIG)
    code, findings, err = lint_json(capsys, "configs", "configs/real.yaml", "./configs/real.yaml",
                                    "configs/alias.yaml")
    assert (code, err) == (1, "")
    assert findings == {
        "configs/alias.yaml": [SENTINEL],  # alias.yaml and real.yaml are one file: linted once
        "configs/dangling.yaml": [("io-error", 1)],
        "configs/dir.yaml/inner.yml": [SENTINEL],
        "configs/self.yaml": [("io-error", 1)],
    }


def test_fifos_sockets_and_devices_are_not_read_and_do_not_hang(tmp_path):
    (tmp_path / "ok.yaml").write_text(CONFIG)
    os.mkfifo(tmp_path / "fifo.yaml")  # no writer: a plain open() would block forever
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(tmp_path / "socket.yaml"))
    try:
        result = subprocess.run(
            [sys.executable, "-m", "emaillint", str(tmp_path), os.devnull, "--as-of", AS_OF],
            capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL,
        )
    finally:
        server.close()
    lines = result.stdout.splitlines()
    assert result.returncode == 1 and result.stderr == ""
    for name in ("fifo.yaml", "socket.yaml", os.path.basename(os.devnull)):
        [line] = [line for line in lines if f"{name}:1:1: error io-error" in line]
        assert "is not a regular file" in line and "give '-'" in line
    assert any(line.startswith(f"{tmp_path / 'ok.yaml'}:5:15: error port-security-mismatch") for line in lines)
    assert lines[-1] == "4 files checked: 4 errors"


def test_closed_standard_input_is_an_io_error():
    result = subprocess.run([sys.executable, "-c", "import sys; sys.stdin.close(); sys.stdin = None;"
                             " from emaillint.cli import main; sys.exit(main(['-']))"],
                            capture_output=True, text=True, timeout=60)
    assert (result.returncode, result.stderr) == (1, "")
    assert result.stdout.splitlines()[0] == "<stdin>:1:1: error io-error <stdin> cannot be read: standard input is closed"


def test_binary_standard_input_is_an_io_error():
    result = subprocess.run([sys.executable, "-m", "emaillint", "-"], input=b"\x00\x01\x02",
                            capture_output=True, timeout=60)
    assert (result.returncode, result.stderr) == (1, b"")
    assert result.stdout.startswith(b"<stdin>:1:1: error io-error <stdin> is a binary file")


class Malformed:
    """A dialect that hands the engine an account of the wrong types (a list as username)."""

    name = "malformed"

    @hookimpl
    def emaillint_dialects(self):
        return [Dialect("malformed", "wrong types", lambda doc: isinstance(doc.data, dict) and "relay" in doc.data,
                        lambda doc, options: Reading([Account("x", "malformed", doc.position(()), host="h.example.com",
                                                              username=["a@b.c"])], []))]


def test_an_internal_failure_on_one_document_is_one_finding_and_the_rest_is_linted():
    findings = testing.lint_files({"a.yaml": "relay: 1\n", "b.yaml": CONFIG}, plugins=[Malformed()], as_of=AS_OF)
    assert [(f.path, f.rule, f.line) for f in findings] == [("a.yaml", "plugin-error", 1), ("b.yaml", *SENTINEL)]
    assert re.search(r"emaillint failed on this document \(\w+\.py:\d+\), .* please report it: \w+Error",
                     findings[0].message)


def test_a_file_of_plain_keys_over_the_budget_is_not_called_an_alias_bomb():
    """The limit message says what was exceeded: 100,001 keys written out are no alias bomb."""
    text = "".join(f"k{index:06d}: 1\n" for index in range(load.MAX_NODES + 1))
    [finding] = testing.lint(text, as_of=AS_OF)
    assert finding.message == ("the file has more than 100,000 keys and values, far more than any mail"
                               " config; emaillint stopped reading it")
    [bomb] = testing.lint(billion_laughs(), as_of=AS_OF)
    assert "through its aliases (a YAML alias bomb?)" in bomb.message
