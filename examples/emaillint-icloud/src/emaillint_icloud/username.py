"""iCloud's SMTP server signs in with the full address, not the name part.

## What it does
For accounts sent through iCloud Mail, reports a `username` without a domain
(`jane` instead of `jane@icloud.com`).

## Why is this bad
Apple's IMAP settings use the name part alone as the username, so it is easily copied
into the SMTP settings too; the SMTP server then refuses the sign-in and no mail leaves
(sources: https://support.apple.com/102525, Thunderbird's autoconfig for me.com).

## Example
```yaml
host: smtp.mail.me.com
port: 587
security: starttls
username: jane
```

## Use instead
```yaml
host: smtp.mail.me.com
port: 587
security: starttls
username: jane@icloud.com    # the full address; @me.com or @mac.com if that is yours
```
"""

from __future__ import annotations

from typing import Iterator

from emaillint.api import ERROR, Account, Context, Problem, Rule, domain_of

from emaillint_icloud.provider import ICLOUD

ID = "icloud-username"


def check(account: Account, context: Context) -> Iterator[Problem]:
    # Rules run for every account: a provider's own rule first checks the provider.
    if context.provider is None or context.provider.name != ICLOUD.name:
        return
    username = account.username  # None when unset or a ${NAME} reference: nothing to check
    if not username or "@" in username:
        return
    sender_domain = domain_of(account.sender)
    domain = sender_domain if sender_domain and ICLOUD.owns_domain(sender_domain) else "icloud.com"
    yield Problem("username", (
        f"iCloud's SMTP server signs in with the full address, not the name part '{username}'"
        f" (that is the IMAP username); write username: {username}@{domain}"
    ))


RULE = Rule(ID, ERROR, "the iCloud SMTP username is the name part, not the full address", __doc__, check)
