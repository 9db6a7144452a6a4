"""The host is an old name for the provider's submission server.

## What it does
Reports hosts that the provider no longer documents or recommends, naming the current
host: Hotmail's `smtp.live.com` (now `smtp-mail.outlook.com`), Microsoft 365's opt-in
TLS 1.0/1.1 endpoint `smtp-legacy.office365.com`, and `smtp.office365.com` for a personal
Outlook.com account.

## Why is this bad
Old names stop resolving or connecting without notice; projects that kept
`smtp.live.com` found out from failed deliveries. Legacy endpoints exist to keep old,
weaker clients working for a while, not for new configs.

## Example
```yaml
host: smtp.live.com
```

## Use instead
```yaml
host: smtp-mail.outlook.com
```
"""

from __future__ import annotations

from typing import Iterator

from emaillint.fixing import setting_fix
from emaillint.model import WARNING, Account, Context, Problem, Rule
from emaillint.provider import graded
from emaillint.rules.advice import write_host
from emaillint.rules.hosts import applies, other_host
from emaillint.vocabulary import LEGACY_HOST


def check(account: Account, context: Context) -> Iterator[Problem]:
    provider = context.provider
    if provider is None or not account.host:
        return
    name = account.host.lower()
    host = provider.host(name)
    if host is not None and applies(host, context):
        return  # the submission host of the account's plan (or of a plan not known yet)
    legacy = other_host(provider.legacy_hosts, name, context)
    if legacy is not None:
        yield Problem("host", f"{legacy.name} is a legacy host for {provider.title}", graded(WARNING, legacy),
                      help=f"{write_host(account, legacy.use_instead)} ({legacy.reason})",
                      fix=setting_fix(account, "host", account.host, legacy.use_instead))


RULE = Rule(LEGACY_HOST, WARNING, "the host is an old alias (e.g. smtp.live.com)", __doc__, check)
