"""CC and BCC addresses spend the daily recipient quota on every message.

## What it does
For accounts that copy every message to fixed CC or BCC addresses, states how many
recipients each message spends and how many messages a day the plan then allows:
500 recipients/day / (1 To + 1 CC) = 250 messages/day. It stays quiet when
daily-recipient-quota already reports the volume as too high.

## Why is this bad
It is the failure the project was started for: an invoicing system CCs accounting on
every invoice, Gmail counts both addresses, and the daily limit is hit at half the
expected volume, days after the config was merged.

## Example
```yaml
provider: gmail
message:
  to: 1
  cc: [accounting@example.com]
```

## Use instead
If the copies are needed, plan for them (`volume.messages_per_day` at most the figure
in the message), or replace the per-message CC with one daily summary.
"""

from __future__ import annotations

from typing import Iterator

from emaillint.model import WARNING, Account, Context, Problem, Rule
from emaillint.provider import graded
from emaillint.rules import daily_recipient_quota
from emaillint.rules.advice import fitting
from emaillint.rules.arithmetic import breakdown, caveats, per_day
from emaillint.vocabulary import CC_QUOTA


def check(account: Account, context: Context) -> Iterator[Problem]:
    plan = context.plan
    if not (account.cc or account.bcc) or plan is None or not plan.recipients_per_day:
        return
    if daily_recipient_quota.exceeded(account, context):
        return
    per_message = account.recipients_per_message
    allowed = plan.recipients_per_day // per_message
    if plan.messages_per_day:
        allowed = min(allowed, plan.messages_per_day)
    uses = f"each message uses {per_message:,} of {plan.title}'s {plan.recipients_per_day:,} recipients/day"
    at_most = f": at most {allowed:,} messages/day"
    planned = ""
    if account.messages_per_day:
        planned = f" (at {account.messages_per_day:,} messages/day you use {per_day(account):,} recipients/day)"
    yield Problem(
        "cc" if account.cc else "bcc",
        fitting(f"{uses} ({breakdown(account)}){at_most}", uses + at_most),
        graded(WARNING, plan),
        help=f"keep volume.messages_per_day at or below {allowed:,}{planned}{caveats(context)}",
    )


RULE = Rule(CC_QUOTA, WARNING,
            "CC/BCC addresses are configured: each spends quota; states the resulting max messages/day",
            __doc__, check)
