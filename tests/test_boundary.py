"""The plugin boundary's worker thread: one for a run's files, a new one after a hang, none
left behind when idle, and none expected in a forked worker process."""

from __future__ import annotations

import multiprocessing
import threading
import time

import pytest

from emaillint import plugins
from emaillint.plugins import Boundary


def _thread() -> int:
    return threading.get_ident()


def test_one_worker_thread_does_every_job_of_a_run():
    boundary = Boundary(limit=5)
    first, hung = boundary.run(_thread)
    second, _ = boundary.run(_thread)
    assert hung == []
    assert first == second != threading.get_ident()


def test_after_a_hang_the_next_job_gets_a_new_thread_and_the_call_is_skipped():
    boundary = Boundary(limit=0.2)
    release = threading.Event()
    key = ("slow-plugin", "rule 'sleeps'")

    def work() -> tuple[int, object]:
        return _thread(), boundary.call(key, release.wait, 30, default="skipped")

    before, _ = boundary.run(_thread)
    (after, answer), hung = boundary.run(work)
    release.set()  # the abandoned thread's call returns; it must unwind, not take another job
    assert hung == [key] and answer == "skipped"
    assert after != before
    assert boundary.run(_thread)[0] == after


def test_an_idle_worker_thread_ends(monkeypatch):
    monkeypatch.setattr(plugins, "IDLE", 0.05)
    boundary = Boundary(limit=5)
    worker, _ = boundary.run(_thread)
    deadline = time.monotonic() + 10
    while any(t.ident == worker for t in threading.enumerate()) and time.monotonic() < deadline:
        time.sleep(0.02)
    assert not any(t.ident == worker for t in threading.enumerate())
    assert boundary.run(lambda: "again")[0] == "again"  # and a new one starts when needed


def _in_child(boundary: Boundary, answers: multiprocessing.Queue) -> None:
    answers.put(boundary.run(lambda: "from the child")[0])


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="no fork on this platform")
def test_a_forked_process_does_not_wait_for_its_parents_worker_thread():
    boundary = Boundary(limit=5)
    boundary.run(_thread)  # the parent's worker thread now waits for jobs
    context = multiprocessing.get_context("fork")
    answers = context.Queue()
    child = context.Process(target=_in_child, args=(boundary, answers))
    child.start()
    child.join(30)
    if child.is_alive():
        child.kill()
    assert answers.get(timeout=5) == "from the child"
