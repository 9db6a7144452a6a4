"""Which of a provider's hosts and endpoints apply to an account; shared by the host rules."""

from __future__ import annotations

from typing import Callable

from emaillint.model import Account, Context
from emaillint.provider import Host, OtherHost, Provider, matched, serves
from emaillint.vocabulary import STARTTLS, STARTTLS_OPTIONAL


def applies(entry: Host | OtherHost, context: Context) -> bool:
    """Whether a plan-scoped host entry applies to the account's plan."""
    return serves(entry, context.plan.name if context.plan else None)


def other_host(entries: tuple[OtherHost, ...], name: str, context: Context) -> OtherHost | None:
    """The entry for host ``name`` that applies to the account's plan, a pattern's filled in."""
    for entry in entries:
        found = matched(entry, name)
        if found is not None and applies(found, context):
            return found
    return None


def recommended_host(provider: Provider, context: Context) -> Host:
    for host in provider.hosts:
        if applies(host, context):
            return host
    return provider.hosts[0]


def own_host(account: Account, context: Context) -> bool:
    """False when the host belongs to another provider: provider-mismatch reports that."""
    other = context.host_provider
    return other is None or other.group == context.provider.group


def target_host(account: Account, context: Context) -> Host | None:
    """The submission host whose ports apply: the account's, or the one it should use."""
    provider = context.provider
    if provider is None or not account.host or not own_host(account, context):
        return None
    name = account.host.lower()
    host = provider.host(name)
    if host is not None and applies(host, context):
        return host
    replacement = other_host(provider.legacy_hosts + provider.wrong_hosts, name, context)
    if replacement is not None and provider.host(replacement.use_instead):
        return provider.host(replacement.use_instead)
    return recommended_host(provider, context)


def sandboxed(account: Account, context: Context, host: Host) -> bool:
    """Whether the host alone put the account on a sandbox plan (one the file does not name)."""
    plan = context.plan
    return bool(account.plan is None and plan is not None and plan.sandbox and plan.name in host.plans)


def delivering_host(provider: Provider) -> Host:
    """The first host that serves a plan that delivers mail (not a sandbox)."""
    sandboxes = {plan.name for plan in provider.plans if plan.sandbox}
    return next((h for h in provider.hosts if not h.plans or not set(h.plans) <= sandboxes), provider.hosts[0])


SAME_SECURITY = {STARTTLS_OPTIONAL: STARTTLS}
"""Security modes that ask a server for the same thing as another (what the port expects)."""


def unusual_port(account: Account, context: Context, usual: Callable[[int, str], bool]) -> bool:
    """Whether the account's own host is the provider's and documents its port against the
    usual rule (``usual(port, security)`` False: Mailtrap's sandbox speaks STARTTLS on 465),
    so the provider's data decides what the port needs, not the usual rule."""
    provider = context.provider
    if provider is None or not account.host or account.port is None or not own_host(account, context):
        return False
    host = provider.host(account.host.lower())
    return host is not None and any(e.port == account.port and not usual(e.port, e.security)
                                    for e in host.endpoints)
