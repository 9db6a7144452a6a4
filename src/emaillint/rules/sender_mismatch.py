"""The From address is one the provider will rewrite or reject.

## What it does
Compares `from` with the signed-in account. Where the provider rewrites a From it does
not know (Gmail, unless it is a verified "Send mail as" alias) or rejects it
(Outlook.com and Microsoft 365 without Send As rights, Yahoo), a different address is
reported. A From in another provider's domain (a yahoo.com From sent through Gmail) is
reported too: receivers reject it under that domain's DMARC policy.

## Why is this bad
Rewritten: replies go to the wrong mailbox and the invoice looks like it came from a
person. Rejected: `554 5.2.252 SendAsDenied`, nothing is sent. DMARC: the mail is sent
and then dropped by the recipient's server.

## Example
```yaml
host: smtp.office365.com
username: robot@example.com
from: billing@example.com
```

## Use instead
```yaml
host: smtp.office365.com
username: robot@example.com
from: robot@example.com      # or grant robot@ "Send As" on billing@
```
"""

from __future__ import annotations

from typing import Iterator

from emaillint.model import WARNING, Account, Context, Problem, Rule
from emaillint.provider import REJECTS_SENDER, REWRITES_SENDER
from emaillint.resolve import address_of, domain_of
from emaillint.vocabulary import SENDER_MISMATCH


def check(account: Account, context: Context) -> Iterator[Problem]:
    provider = context.provider
    if provider is None or not account.sender:
        return
    sender = address_of(account.sender).lower()
    owner = context.sender_provider
    if owner is not None and owner.group != provider.group:
        yield Problem("sender", (
            f"from is a {domain_of(sender)} address ({owner.title}) sent through {provider.title}:"
            f" receivers reject it under {domain_of(sender)}'s DMARC policy; send from the"
            f" account's own address, or through {owner.title}"
        ))
        return
    if not account.username or "@" not in account.username:
        return
    user = address_of(account.username).lower()
    if user == sender:
        return
    spelled = account.spelled("sender", user)
    instead = (f"set {spelled}" if spelled else f"send from {user}") + (
        f", or {provider.sender_note}" if provider.sender_note else "")
    if provider.sender_policy == REWRITES_SENDER:
        yield Problem("sender", (
            f"{provider.title} replaces From {sender} with the signed-in account {user}; {instead}"
        ))
    elif provider.sender_policy == REJECTS_SENDER:
        yield Problem("sender", (
            f"{provider.title} rejects mail whose From ({sender}) is not the signed-in mailbox"
            f" ({user}); {instead}"
        ))


RULE = Rule(SENDER_MISMATCH, WARNING,
            "from differs from the authenticated user where the provider rewrites or rejects it",
            __doc__, check)
