"""The host is not the provider's SMTP submission host.

## What it does
For accounts whose provider is known (from `provider`, or the username's domain),
checks the host against the provider's submission hosts: typos get a "did you mean",
IMAP and POP hosts (`imap.gmail.com`, `outlook.office365.com`) get the right SMTP host,
and a host that serves only another plan (Microsoft 365's `smtp.office365.com` vs
Outlook.com's `smtp-mail.outlook.com`) gets the one for the account's plan.

## Why is this bad
A typo fails DNS; an IMAP host accepts the connection on its own ports and then never
speaks SMTP. Either way nothing is sent.

## Example
```yaml
username: billing@gmail.com
host: imap.gmail.com
```

## Use instead
```yaml
username: billing@gmail.com
host: smtp.gmail.com
```
"""

from __future__ import annotations

from typing import Iterator

from emaillint.model import ERROR, Account, Context, Problem, Rule
from emaillint.rules.advice import write_host
from emaillint.suggest import closest
from emaillint.rules.hosts import applies, other_host, own_host, recommended_host
from emaillint.vocabulary import PROVIDER_HOST


def check(account: Account, context: Context) -> Iterator[Problem]:
    provider = context.provider
    if provider is None or not account.host or not own_host(account, context):
        return
    name = account.host.lower()
    host = provider.host(name)
    right = recommended_host(provider, context)
    if host is not None:
        if not applies(host, context) and not other_host(provider.legacy_hosts, name, context):
            yield Problem("host", (
                f"{context.plan.title} accounts submit through {right.name}, not {host.name};"
                f" {write_host(account, right.name)}"
            ))
        return
    if other_host(provider.legacy_hosts, name, context):
        return
    wrong = other_host(provider.wrong_hosts, name, context)
    if wrong is not None:
        yield Problem("host", f"{wrong.reason}; {write_host(account, wrong.use_instead)}")
        return
    known = [h.name for h in provider.hosts if applies(h, context)]
    close = closest(name, known)
    if close:
        yield Problem("host", f"{account.host} is not {provider.title}'s SMTP host; did you mean {close}?")
    else:
        yield Problem("host", (
            f"{account.host} is not {provider.title}'s SMTP submission host; {write_host(account, right.name)}"
        ))


RULE = Rule(PROVIDER_HOST, ERROR,
            "the host is not the provider's submission host (typos, imap./pop. hosts)", __doc__, check)
