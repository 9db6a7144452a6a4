"""-j: worker processes give the same report, byte for byte, as one process."""

from __future__ import annotations

import random
import subprocess
import sys

import pytest

from emaillint import parallel

from helpers import AS_OF

TEMPLATE = """\
version: 1
accounts:
  billing{n}:
    host: {host}
    port: {port}
    security: {security}
    username: {user}
    password: {password}
    from: "Billing <{user}>"
    message:
      to: 1
      cc: {cc}
    volume:
      messages_per_day: {volume}
"""


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """Enough files to cross the threshold, with findings of every kind, one shared mailbox."""
    rng = random.Random(3)
    root = tmp_path_factory.mktemp("corpus")
    hosts = ["smtp.gmail.com", "smtp.mail.yahoo.com", "smtp.office365.com", "smtp.live.com", "mail.example.org"]
    for n in range(parallel.THRESHOLD + 60):
        folder = root / f"team{n % 7}"
        folder.mkdir(exist_ok=True)
        host = rng.choice(hosts)
        user = "shared@gmail.com" if n % 50 == 0 else f"app{n}@{rng.choice(['gmail.com', 'example.com'])}"
        text = TEMPLATE.format(
            n=n, host=host, port=rng.choice([25, 465, 587]), security=rng.choice(["tls", "starttls", "none"]),
            user=user, password=rng.choice(["${SMTP_PASSWORD}", "hunter2-canary"]),
            cc=rng.choice(["[]", "[audit@example.com]"]), volume=rng.choice([10, 300, 900]))
        if n % 31 == 0:
            text = text.replace("host:", "hots:")
        if n % 37 == 0:
            text += "  broken: [\n"
        (folder / f"mail{n:04d}.yaml").write_text(text)
    return root


def run(corpus, *args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "emaillint", "check", str(corpus), "--as-of", AS_OF, *args],
                          capture_output=True, text=True)


@pytest.mark.parametrize("fmt", ["text", "json", "sarif"])
def test_workers_print_exactly_what_one_process_prints(corpus, fmt):
    serial = run(corpus, "-j", "1", "--format", fmt)
    parallel_run = run(corpus, "-j", "2", "--format", fmt)
    assert serial.returncode == parallel_run.returncode == 1
    assert serial.stderr == parallel_run.stderr == ""
    assert parallel_run.stdout == serial.stdout
    assert "shared-quota" in serial.stdout and "yaml-syntax" in serial.stdout


def test_small_runs_and_one_job_stay_in_one_process():
    assert parallel.workers(0, parallel.THRESHOLD - 1) == 1
    assert parallel.workers(1, 10_000) == 1
    assert parallel.workers(4, 10_000) == 4
    assert parallel.workers(64, parallel.THRESHOLD) == parallel.THRESHOLD // (parallel.THRESHOLD // 4)


def test_jobs_must_be_a_number(capsys):
    from emaillint.cli import main

    with pytest.raises(SystemExit) as exit_info:
        main(["check", ".", "-j", "many"])
    assert exit_info.value.code == 2
    assert "'many' is not a number of processes" in capsys.readouterr().err
