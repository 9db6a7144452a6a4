"""The planned volume exceeds the plan's daily recipient or message limit.

## What it does
Multiplies `volume.messages_per_day` by the recipients of one message (To + CC + BCC)
and compares the result with the plan's recipients-per-day limit; compares
`messages_per_day` with the plan's messages-per-day limit. Without a `plan`, it uses what
host and username tell, else the provider's most restrictive plan, and says so.

## Why is this bad
Past the limit the provider refuses to send for up to 24 hours
(`550 5.4.5 Daily sending quota exceeded`), and every invoice or alert after that
bounces. CC and BCC multiply the count: Google counts "5 emails sent to 10 addresses
as 50 recipients".

## Example
```yaml
provider: gmail
plan: free
message:
  to: 1
  cc: [accounting@example.com]
volume:
  messages_per_day: 300     # 300 x (1 To + 1 CC) = 600 > 500
```

## Use instead
Send fewer messages, drop the CC (or send one daily digest to accounting instead), or
move to a plan with a higher limit (Google Workspace: 10,000 recipients/day).
"""

from __future__ import annotations

from typing import Iterator

from emaillint.model import ERROR, Account, Context, Problem, Rule
from emaillint.provider import graded
from emaillint.rules.advice import fitting
from emaillint.rules.arithmetic import breakdown, caveats, counts_note, per_day
from emaillint.vocabulary import DAILY_RECIPIENT_QUOTA


def exceeded(account: Account, context: Context) -> bool:
    plan = context.plan
    if plan is None or not account.messages_per_day:
        return False
    return bool(
        (plan.recipients_per_day and per_day(account) > plan.recipients_per_day)
        or (plan.messages_per_day and account.messages_per_day > plan.messages_per_day)
    )


def check(account: Account, context: Context) -> Iterator[Problem]:
    plan = context.plan
    if not exceeded(account, context):
        return
    volume = account.messages_per_day
    if plan.recipients_per_day and per_day(account) > plan.recipients_per_day:
        over = f" = {per_day(account):,} recipients/day > {plan.title} limit {plan.recipients_per_day:,}"
        yield Problem(
            "messages_per_day",
            fitting(f"{volume:,} messages/day x ({breakdown(account)}){over}",
                    f"{volume:,} messages/day x {account.recipients_per_message:,} recipients{over}"),
            graded(ERROR, plan),
            help=(f"send fewer messages, fewer copies, or use a plan with a higher limit"
                  f" ({counts_note(account)}){caveats(context)}"),
        )
    if plan.messages_per_day and volume > plan.messages_per_day:
        yield Problem(
            "messages_per_day",
            f"{volume:,} messages/day > {plan.title} limit of {plan.messages_per_day:,} messages/day",
            graded(ERROR, plan),
            help=f"send fewer messages or use a plan with a higher limit{caveats(context)}",
        )


RULE = Rule(DAILY_RECIPIENT_QUOTA, ERROR,
            "messages_per_day x (to + cc + bcc) exceeds the plan's daily recipient limit, or "
            "messages_per_day its daily message limit", __doc__, check)
