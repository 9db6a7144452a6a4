"""Which of a provider's hosts and endpoints apply to an account; shared by the host rules."""

from __future__ import annotations

from emaillint.model import Account, Context
from emaillint.provider import Host, OtherHost, Provider, serves


def applies(entry: Host | OtherHost, context: Context) -> bool:
    """Whether a plan-scoped host entry applies to the account's plan."""
    return serves(entry, context.plan.name if context.plan else None)


def other_host(entries: tuple[OtherHost, ...], name: str, context: Context) -> OtherHost | None:
    for entry in entries:
        if entry.name == name and applies(entry, context):
            return entry
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
