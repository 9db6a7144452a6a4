"""The From address is one the provider will rewrite or reject.

## What it does
Compares `from` with the signed-in account. Where the provider rewrites a From it does
not know (Gmail, unless it is a verified "Send mail as" alias) or rejects it
(Outlook.com and Microsoft 365 without Send As rights, Yahoo), a different address is
reported. A From in a provider's own domain (gmail.com, yahoo.com, outlook.com) sent
through any host that is not that provider's is reported too, whether the host is another
provider's or a relay emaillint does not know (a company server): receivers check the From
domain's DMARC policy, and only the provider signs for its domain. A From at a provider
through that provider's host, a company domain through any relay, and hosts on this
machine or the local network (a test sink, a relay that may hand mail on to the provider)
stay silent.

Sending services (Amazon SES, SendGrid, Mailgun, ...) send only from addresses or domains
verified with them, which no config shows, so they are quiet about it but for two infos:
a From or username on the service's sandbox domain (Mailgun's `sandbox<hex>.mailgun.org`
reaches authorized recipients only), and, where the data sheet says the username's domain
is the one the credentials send for (Mailgun), a From on an unrelated domain.

## Why is this bad
Rewritten: replies go to the wrong mailbox and the invoice looks like it came from a
person. Rejected: `554 5.2.252 SendAsDenied`, nothing is sent. DMARC: the mail is sent
and then dropped by the recipient's server (`550-5.7.26` at Gmail, which says "Don't
impersonate Gmail From: headers": https://support.google.com/a/answer/81126, enforced with
rejections since November 2025; yahoo.com publishes `p=reject` and Yahoo's 2024 sender
requirements ask the same alignment). The help quotes the rules each provider's data
sheet gives for its own domains.

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

from emaillint.model import INFO, WARNING, Account, Context, Problem, Rule
from emaillint.network import is_local
from emaillint.provider import REJECTS_SENDER, REWRITES_SENDER, VERIFIES_SENDER, Plan, Provider
from emaillint.resolve import SENDER, address_of, domain_of
from emaillint.rules.advice import fitting
from emaillint.vocabulary import SENDER_MISMATCH


def check(account: Account, context: Context) -> Iterator[Problem]:
    provider = context.provider
    if provider is not None and provider.sender_policy == VERIFIES_SENDER and account.plan is None:
        sandbox = _sandbox_domain(account, context.plan)
        if sandbox:
            where, domain = sandbox
            plan = context.plan
            domain_is = f"{domain} is {plan.title}'s domain"
            message = fitting(f"{domain_is}: {plan.sandbox}", domain_is)
            # What the sandbox holds back stays said: in the help, after the way out, if not in the message.
            held_back = f" ({plan.title}: {plan.sandbox})" if message == domain_is else ""
            yield Problem(where, message, INFO, help=f"{provider.sender_note}{held_back}")
            return
    if not account.sender:
        return
    sender = address_of(account.sender).lower()
    owner = context.sender_provider
    relay = context.host_provider if account.host else provider
    if owner is not None and (account.host or relay is not None) and not is_local(account.host) and (
            relay is None or relay.group != owner.group):
        domain = domain_of(sender) or ""
        address = f"from is {'an' if domain[:1] in 'aeiou' else 'a'} {domain} address"
        vias = (relay.title,) if relay is not None else (f"{account.host}, not {owner.title}", account.host)
        instead = "the account's own address" if relay is not None else "an address of a domain the relay signs for"
        yield Problem(
            SENDER,
            fitting(*[f"{address} sent via {via}: receivers reject it under {policy}"
                      for policy in (f"{domain}'s DMARC policy", "DMARC") for via in vias],
                    f"{address} not sent via {owner.title}: receivers reject it under DMARC"),
            help=f"send from {instead}, or through {owner.title}{_rules(owner)}",
        )
        return
    if provider is None or "@" not in sender or not account.username or "@" not in account.username:
        return  # a From that is no address is address-syntax's
    user = address_of(account.username).lower()
    if user == sender:
        return
    if provider.sender_policy == VERIFIES_SENDER:
        if any(entry.sending_domain for entry in provider.usernames):
            yield from _other_domain(account, context, user, sender)
        return
    spelled = account.spelled(SENDER, user)
    instead = (f"set {spelled}" if spelled else f"send from {user}") + (
        f", or {provider.sender_note}" if provider.sender_note else "")
    if provider.sender_policy == REWRITES_SENDER:
        replaces = f"{provider.title} replaces From {sender} with the signed-in account"
        yield Problem(SENDER, fitting(f"{replaces} {user}", replaces), help=instead)
    elif provider.sender_policy == REJECTS_SENDER:
        rejects = f"{provider.title} rejects mail whose From ({sender}) is not the signed-in mailbox"
        yield Problem(SENDER, fitting(f"{rejects} ({user})", rejects), help=instead)


def _rules(owner: Provider) -> str:
    """``; Gmail's sender guidelines ... (since 2024-02-01)``: the owner's own rules for its
    domain, for the end of the help (the evidence for the message's verdict)."""
    texts = [f"{rule.text} (since {rule.since})" if rule.since else rule.text for rule in owner.sender_rules]
    return "".join(f"; {text}" for text in texts)


def _sandbox_domain(account: Account, plan: Plan | None) -> tuple[str, str] | None:
    """(field, domain) of the From or username on the plan's sandbox domain, if that is
    what put the account on the sandbox plan."""
    if plan is None or not plan.sandbox:
        return None
    for where, value in ((SENDER, account.sender), ("username", account.username)):
        domain = domain_of(value)
        if domain and plan.has_domain(domain):
            return where, domain
    return None


def _other_domain(account: Account, context: Context, user: str, sender: str) -> Iterator[Problem]:
    """A provider that signs in per sending domain (Mailgun: ``postmaster@mg.example.com``)
    sends From that domain or one it belongs to; another domain needs its own credentials."""
    mine, theirs = domain_of(user) or "", domain_of(sender) or ""
    if not mine or not theirs or _related(mine, theirs):
        return
    provider = context.provider
    credentials = f"these {provider.title} credentials are {mine}'s"
    yield Problem(SENDER, fitting(f"{credentials}, and From {sender} is not on it", f"{credentials}, not the From's"),
                  INFO, help=f"send from an address at {mine}, or {provider.sender_note}")


def _related(one: str, other: str) -> bool:
    """``mg.example.com`` and ``example.com``: one domain is the other or under it."""
    return one == other or one.endswith("." + other) or other.endswith("." + one)


RULE = Rule(SENDER_MISMATCH, WARNING,
            "from differs from the authenticated user where the provider rewrites or rejects it",
            __doc__, check)
