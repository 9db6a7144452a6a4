"""`provider`, host and username domain point at different providers.

## What it does
Compares the provider named by `provider:`, the provider that owns the host, and the
provider that owns the username's domain. Providers of one service (Hotmail and
Outlook.com) count as the same. A company domain on a provider's host (Google Workspace
on smtp.gmail.com) is no mismatch.

## Why is this bad
A provider signs in only its own accounts: a yahoo.com username on smtp.gmail.com is
refused (`535 5.7.8 Username and Password not accepted`). Usually one of the three
values was copied from another config.

## Example
```yaml
host: smtp.gmail.com
username: billing@yahoo.com
```

## Use instead
```yaml
host: smtp.mail.yahoo.com
username: billing@yahoo.com
```
"""

from __future__ import annotations

from typing import Iterator

from emaillint.model import WARNING, Account, Context, Problem, Rule
from emaillint.resolve import domain_of
from emaillint.rules.advice import alternatives, write_host
from emaillint.rules.hosts import recommended_host
from emaillint.vocabulary import PROVIDER_MISMATCH


def check(account: Account, context: Context) -> Iterator[Problem]:
    named = context.provider if context.via == "provider" else None
    by_host = context.host_provider
    by_domain = context.domain_provider
    if named and by_host and named.group != by_host.group:
        right = recommended_host(named, context).name
        instead = alternatives(account, (("host", right), ("provider", by_host.name)))
        yield Problem("host", f"provider is {named.name}, but {account.host} is {by_host.title}'s host",
                      help=f"write {instead}" if instead else write_host(account, right))
    base = named or by_host
    if base and by_domain and base.group != by_domain.group:
        yield Problem("username", f"a {domain_of(account.username)} username ({by_domain.title}) cannot sign in to"
                                  f" {base.title}, which takes only its own accounts",
                      help=f"{write_host(account, by_domain.hosts[0].name)}, or use a {base.title} username")


RULE = Rule(PROVIDER_MISMATCH, WARNING,
            "provider, host and username domain point at different providers", __doc__, check)
