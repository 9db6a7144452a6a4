"""shared-quota stays linear: 20,000 accounts on one mailbox against 20,000 on their own.

    python benchmarks/shared_quota.py [--accounts 20000] [--rounds 3]

Writes two corpora of the same size and shape (200 files of 100 Gmail accounts with a
daily volume): in one every account signs in as the same mailbox, so shared-quota groups
all of them and reports each; in the other each has its own mailbox, so the rule has
nothing to add up. Whole-process runs of ``python -m emaillint -j 1 --format json``,
interleaved round by round; prints the medians and what sharing one mailbox adds to the
run (the goal: under 10%). Before shared-quota named only the first others of a group,
each finding listed all of them: quadratic (15,000 accounts spent 2.3 s in that rule).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PER_FILE = 100


def corpus(root: Path, accounts: int, shared: bool) -> Path:
    root.mkdir()
    for number in range(accounts // PER_FILE):
        lines = ["accounts:"]
        for index in range(PER_FILE):
            user = "billing" if shared else f"billing{number}x{index}"
            lines += [f"  a{index}:", "    host: smtp.gmail.com", "    port: 587", "    security: starttls",
                      "    auth: app-password", f"    username: {user}@gmail.com", "    password: ${SMTP_PASSWORD}",
                      "    volume:", "      messages_per_day: 10"]
        (root / f"f{number:04d}.yaml").write_text("\n".join(lines) + "\n")
    return root


def timed(root: Path) -> tuple[float, int]:
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "emaillint", str(root), "-j", "1", "--format", "json",
                             "--as-of", "2026-11-27"], capture_output=True, text=True)
    return time.perf_counter() - start, result.stdout.count('"shared-quota"')


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--accounts", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        one = corpus(Path(folder) / "one-mailbox", args.accounts, True)
        own = corpus(Path(folder) / "own-mailboxes", args.accounts, False)
        times: dict[str, list[float]] = {"one mailbox": [], "own mailboxes": []}
        found = {}
        for _ in range(args.rounds):
            for name, root in (("one mailbox", one), ("own mailboxes", own)):
                seconds, found[name] = timed(root)
                times[name].append(seconds)
    medians = {name: statistics.median(values) for name, values in times.items()}
    for name, median in medians.items():
        print(f"{args.accounts:,} accounts, {name}: median {median:.2f} s of {args.rounds}"
              f" ({', '.join(f'{t:.2f}' for t in times[name])}); {found[name]:,} shared-quota findings")
    print(f"one mailbox adds {medians['one mailbox'] / medians['own mailboxes'] - 1:+.1%} to the run"
          " (its 20,000 findings are reported too: rendering them is part of the difference)")
    print(f"shared-quota's finish alone, in this process: {finish_time(args.accounts):.3f} s for"
          f" {args.accounts:,} records of one mailbox")


def finish_time(accounts: int) -> float:
    """The rule's own cost, without reading, other rules or the report."""
    from emaillint.rules.shared_quota import Record, Share, finish

    share = Share("gmail:billing@gmail.com", "gmail", "Gmail free", 500, None, 10, 10)
    records = [Record(f"f{i // PER_FILE:04d}.yaml", 2 + (i % PER_FILE) * 9, 3, f"a{i % PER_FILE}", share)
               for i in range(accounts)]
    start = time.perf_counter()
    list(finish(records))
    return time.perf_counter() - start


if __name__ == "__main__":
    main()
