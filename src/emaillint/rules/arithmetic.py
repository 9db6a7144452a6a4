"""The quota arithmetic, worded once for every quota rule, so the messages agree.

A message says what is wrong in one short line (``advice.fitting``); the instruction
and the caveats on its figures (an estimated limit, an assumed plan) go in the help.
"""

from __future__ import annotations

from emaillint.model import Account, Context
from emaillint.provider import Plan


def breakdown(account: Account) -> str:
    """``1 To + 1 CC``: the recipients of one message, as the quota counts them."""
    parts = [f"{account.to} To"]
    if account.cc:
        parts.append(f"{len(account.cc)} CC")
    if account.bcc:
        parts.append(f"{len(account.bcc)} BCC")
    return " + ".join(parts)


def per_day(account: Account) -> int:
    return (account.messages_per_day or 0) * account.recipients_per_message


def estimate_note(plan: Plan | None) -> str:
    """Why a plan's figures are estimates ("" when the provider publishes them)."""
    if plan is None or not plan.estimate:
        return ""
    return plan.note or f"{plan.title} does not publish this limit; the figure is an estimate"


def caveats(context: Context) -> str:
    """Why the figure may not be exact, for the end of a help: `` (an estimated limit) (an
    assumed plan)``, each in parentheses after a space ("" when both are known)."""
    return "".join(f" ({note})" for note in (estimate_note(context.plan), context.plan_note) if note)


def counts_note(account: Account) -> str:
    """Which addresses the quota counts, for a help that asks for fewer copies."""
    return "CC and BCC addresses count as recipients" if account.cc or account.bcc else \
        "To, CC and BCC addresses all count as recipients"
