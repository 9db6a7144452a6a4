"""Several accounts in the linted files sign in to one mailbox and share its daily limit.

## What it does
Across all files of one run, groups accounts by provider and username. Where several
accounts use the same mailbox, adds up their recipients/day (messages_per_day x
(To + CC + BCC)) and messages/day and compares the sums with the mailbox's limit (the
most restrictive plan among them). It keeps one small tally per mailbox, not the
accounts themselves.

## Why is this bad
Limits are per mailbox, not per program: the invoicing system and the reminder job each
stay under Gmail's 500, together they do not, and whichever sends last bounces.

## Example
`billing.yaml` and `reminders.yaml` both sign in as billing@example.com on Gmail, with
300 and 250 messages a day.

## Use instead
Give each program its own mailbox, or plan their volumes together below the limit.
"""

from __future__ import annotations

from typing import Any, Iterable, NamedTuple

from emaillint.model import WARNING, Account, Context, Finding, Rule
from emaillint.resolve import address_of
from emaillint.rules.advice import fitting
from emaillint.rules.arithmetic import estimate_note, per_day
from emaillint.vocabulary import SHARED_QUOTA


class Share(NamedTuple):
    mailbox: str
    provider: str
    plan: str
    recipients_limit: int | None
    messages_limit: int | None
    recipients: int
    messages: int
    estimate_note: str = ""


class Record(NamedTuple):
    """What the engine hands ``finish``: where the account is, and its ``Share``."""

    path: str
    line: int
    column: int
    account: str
    share: Any


def check(account: Account, context: Context) -> Share | None:
    plan = context.plan
    if plan is None or not account.username or not account.messages_per_day:
        return None
    if address_of(account.username).lower() == context.provider.fixed_username.lower():
        return None  # every account of the provider signs in as ``apikey``: no mailbox to share
    if not (plan.recipients_per_day or plan.messages_per_day):
        return None
    return Share(
        f"{context.provider.group}:{address_of(account.username).lower()}", context.provider.name,
        plan.title, plan.recipients_per_day, plan.messages_per_day, per_day(account),
        account.messages_per_day, estimate_note(plan),
    )


def finish(records: list[Record]) -> Iterable[Finding]:
    mailboxes: dict[str, list[Record]] = {}
    for record in records:
        mailboxes.setdefault(record.share.mailbox, []).append(record)
    for group in mailboxes.values():
        if len(group) < 2:
            continue
        verdicts = _verdicts(group)
        if not verdicts:
            continue
        mailbox = group[0].share.mailbox.split(":", 1)[1]
        message = fitting(*[f"{mailbox}: {verdict}" for verdict in verdicts], *verdicts)
        estimate = _estimate(group)
        for record in group:  # each names the first others only: linear in the accounts, not quadratic
            others = _places([o for o in group[:NAMED + 1] if o is not record][:NAMED], len(group) - 1)
            yield Finding(
                record.path, record.line, record.column, SHARED_QUOTA, WARNING, message,
                record.account, record.share.provider,
                help=(f"give each program its own mailbox or plan their volumes together;"
                      f" {mailbox} is also used by {others}{estimate}"),
            )


NAMED = 3
"""Other places a message names; a mailbox shared by hundreds of accounts would otherwise
make every one of their findings list all the others (and the run's memory quadratic)."""


def _places(records: list[Record], total: int) -> str:
    """``records`` by place, and how many of ``total`` others they leave out."""
    named = ", ".join(f"{r.path}:{r.line} ({r.account})" for r in records)
    rest = total - len(records)
    return f"{named} and {rest:,} more place{'s' if rest != 1 else ''}" if rest > 0 else named


def _tightest(shares: list[Share]) -> Share:
    return min(shares, key=lambda s: (s.recipients_limit or float("inf"), s.messages_limit or float("inf")))


def _estimate(group: list[Record]) -> str:
    """`` (why the limit is an estimate)``, for the end of the help ("" when it is published)."""
    note = _tightest([record.share for record in group]).estimate_note
    return f" ({note})" if note else ""


def _verdicts(group: list[Record]) -> list[str]:
    """What the mailbox's accounts send together against its limit, fullest wording first
    (``fitting`` takes the first that is short enough); none when they stay under it."""
    shares = [record.share for record in group]
    recipients = sum(share.recipients for share in shares)
    messages = sum(share.messages for share in shares)
    tightest = _tightest(shares)
    if tightest.recipients_limit and recipients > tightest.recipients_limit:
        terms = " + ".join(f"{s.recipients:,}" for s in shares) if len(shares) <= NAMED + 1 else \
            f"the {len(shares):,} accounts' volumes"
        over = f" recipients/day > {tightest.plan} limit {tightest.recipients_limit:,}"
        return [f"together {terms} = {recipients:,}{over}", f"together {recipients:,}{over}"]
    if tightest.messages_limit and messages > tightest.messages_limit:
        return [f"together {messages:,} messages/day > {tightest.plan} limit of"
                f" {tightest.messages_limit:,} messages/day"]
    return []


RULE = Rule(SHARED_QUOTA, WARNING,
            "accounts across the linted files share one mailbox and together exceed its daily limit",
            __doc__, check, scope="run", finish=finish)
