"""One message has more recipients than the provider accepts.

## What it does
Adds up To, CC and BCC of one message and compares the sum with the plan's
per-message limit for SMTP submission (Gmail: 100 over SMTP, though the web interface
allows more; Microsoft 365: 500).

## Why is this bad
The server refuses the whole message (`452 4.5.3 Too many recipients`), not just the
extra addresses.

## Example
```yaml
provider: gmail
message:
  to: 1
  bcc: [...120 addresses...]
```

## Use instead
Split the list over several messages, or use a mailing list or a bulk-mail service.
"""

from __future__ import annotations

from typing import Iterator

from emaillint.model import ERROR, Account, Context, Problem, Rule
from emaillint.provider import graded
from emaillint.rules.advice import fitting
from emaillint.rules.arithmetic import breakdown, caveats
from emaillint.vocabulary import MESSAGE_RECIPIENT_LIMIT


def check(account: Account, context: Context) -> Iterator[Problem]:
    plan = context.plan
    if plan is None or not plan.recipients_per_message:
        return
    total = account.recipients_per_message
    if total > plan.recipients_per_message:
        where = "bcc" if account.bcc else ("cc" if account.cc else "to")
        limit = f" > {plan.title} limit of {plan.recipients_per_message:,} per message over SMTP"
        yield Problem(
            where,
            fitting(f"{breakdown(account)} = {total:,} recipients per message{limit}",
                    f"{breakdown(account)} = {total:,} recipients{limit}",
                    f"{total:,} recipients per message{limit}"),
            graded(ERROR, plan),
            help=f"split the recipients over several messages or use a mailing list{caveats(context)}",
        )


RULE = Rule(MESSAGE_RECIPIENT_LIMIT, ERROR, "to + cc + bcc exceeds the provider's per-message limit",
            __doc__, check)
