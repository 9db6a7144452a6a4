"""The host is not the provider's submission host.

## What it does
For accounts whose provider is known (from `provider`, the host, or the username's
domain), checks the host against the provider's submission hosts: typos get a "did you
mean", IMAP and POP hosts (`imap.gmail.com`, `outlook.office365.com`) get the right SMTP
host, and so do endpoints that are no SMTP submission at all: an HTTPS API host
(`email.us-east-1.amazonaws.com`, Amazon SES's API) or a receiving host
(`inbound-smtp.eu-west-1.amazonaws.com`, the MX of mail sent to you). A host that serves
only another plan (Microsoft 365's `smtp.office365.com` vs Outlook.com's
`smtp-mail.outlook.com`) gets the one for the account's plan. A sandbox host that captures
mail instead of delivering it (Mailtrap's `sandbox.smtp.mailtrap.io`) is an info, unless the
file names the sandbox plan.

## Why is this bad
A typo fails DNS; an IMAP host accepts the connection on its own ports and then never
speaks SMTP; an API host answers HTTPS only, and a receiving host takes no sign-in. Either
way nothing is sent. A sandbox accepts everything and delivers nothing, which a test
config wants and a production config never notices.

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

from emaillint.fixing import setting_fix
from emaillint.model import ERROR, INFO, Account, Context, Problem, Rule
from emaillint.provider import Host, Provider, graded
from emaillint.rules.advice import write_host
from emaillint.rules.hosts import applies, delivering_host, other_host, own_host, recommended_host, sandboxed
from emaillint.suggest import closest
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
            yield Problem("host", f"{context.plan.title} accounts submit through {right.name}, not {host.name}",
                          graded(ERROR, host), help=write_host(account, right.name),
                          fix=setting_fix(account, "host", account.host, right.name))
        elif sandboxed(account, context, host):
            yield _sandbox(account, context, provider, host)
        return
    if other_host(provider.legacy_hosts, name, context):
        return
    wrong = other_host(provider.wrong_hosts, name, context)
    if wrong is not None:
        yield Problem("host", wrong.reason, graded(ERROR, wrong), help=write_host(account, wrong.use_instead),
                      fix=setting_fix(account, "host", account.host, wrong.use_instead))
        return
    known = [h.name for h in provider.hosts if applies(h, context)]
    close = closest(name, known)
    if close:
        yield Problem("host", f"{account.host} is not {provider.title}'s SMTP host (a typo?)",
                      help=write_host(account, close), fix=setting_fix(account, "host", account.host, close))
    else:
        yield Problem("host", f"{account.host} is not {provider.title}'s SMTP submission host",
                      help=write_host(account, right.name))


def _sandbox(account: Account, context: Context, provider: Provider, host: Host) -> Problem:
    plan = context.plan
    tests = account.spelled("plan", plan.name)
    return Problem("host", f"{host.name} is {plan.title}, for tests only", INFO,
                   help=f"{write_host(account, delivering_host(provider).name)} to deliver mail ({plan.sandbox})"
                        + (f"; for a test config, set {tests}" if tests else ""))


RULE = Rule(PROVIDER_HOST, ERROR,
            "the host is not the provider's submission host (typos, imap./pop. hosts)", __doc__, check)
