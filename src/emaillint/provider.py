"""The provider data model: what a provider plugin declares, as plain data.

A provider plugin is a data sheet. Every host, port, limit and date carries the URL it
was taken from (``source``), so the next person can re-check it; the engine turns the
data into the provider rules, so a plugin only writes code for what data cannot say.
Dates are ISO strings (``"2024-09-30"``): they compare correctly as text and keep the
``datetime`` import off the start-up path.
"""

from __future__ import annotations

from typing import NamedTuple

REWRITES_SENDER = "rewrite"
"""The provider replaces a From it does not recognise with the account's address."""
REJECTS_SENDER = "reject"
"""The provider refuses a From the account may not send as."""


class Endpoint(NamedTuple):
    """A (port, security) pair a submission host accepts."""

    port: int
    security: str
    source: str
    recommended: bool = False


class Host(NamedTuple):
    """A submission host. ``plans`` lists the plans that submit through it (empty: all)."""

    name: str
    endpoints: tuple[Endpoint, ...]
    source: str
    plans: tuple[str, ...] = ()
    note: str = ""


class OtherHost(NamedTuple):
    """A host users put in SMTP settings that is not (or no longer) the submission host.

    Used for legacy aliases (``smtp.live.com``) and for the provider's IMAP/POP hosts
    (``imap.gmail.com``): ``use_instead`` is the host to write. ``plans`` limits the entry
    to some plans (empty: all), for a host that is right for one plan and outdated for
    another (``smtp.office365.com`` for an Outlook.com personal account).
    """

    name: str
    use_instead: str
    reason: str
    source: str
    plans: tuple[str, ...] = ()


class AuthMethod(NamedTuple):
    """An authentication method and, if the provider retired it, since when.

    From ``retired_on`` on, the method is refused (an error); before that date the
    retirement is only announced (a warning naming the date). ``plans`` limits the entry
    to some plans (empty: all plans).
    """

    method: str
    source: str
    retired_on: str | None = None
    plans: tuple[str, ...] = ()
    note: str = ""


class Plan(NamedTuple):
    """A plan's sending limits (None: no published limit). To, CC and BCC all count.

    ``organization`` marks plans for mailboxes on the customer's own domain (Google
    Workspace, Microsoft 365), which the engine infers from a username outside the
    provider's own domains. ``estimate`` marks figures the provider does not publish.
    """

    name: str
    title: str
    source: str
    recipients_per_day: int | None = None
    messages_per_day: int | None = None
    recipients_per_message: int | None = None
    organization: bool = False
    estimate: bool = False
    note: str = ""


class Provider(NamedTuple):
    """Everything the engine needs to check an account against one provider.

    ``hosts`` come in order of preference: the engine suggests the first one that serves
    the account's plan, and the very first to users of the provider's own domains.
    ``domains`` are the username domains the provider owns; a pattern ending in ``.*``
    matches the country variants of a name (``yahoo.*`` matches ``yahoo.co.uk``; see
    ``domain_matches``). ``family`` groups providers that are one service under several
    names (hotmail and outlook): they may share hosts and domains, and a mix of them is
    no provider-mismatch. ``sender_note`` is the provider's way to send as another
    address, offered when ``sender_policy`` applies.
    """

    name: str
    title: str
    hosts: tuple[Host, ...]
    domains: tuple[str, ...]
    plans: tuple[Plan, ...]
    auth: tuple[AuthMethod, ...] = ()
    legacy_hosts: tuple[OtherHost, ...] = ()
    wrong_hosts: tuple[OtherHost, ...] = ()
    sender_policy: str = ""
    sender_source: str = ""
    sender_note: str = ""
    family: str = ""
    explanation: str = ""
    setup: str = ""
    sources: tuple[str, ...] = ()

    @property
    def group(self) -> str:
        return self.family or self.name

    def host(self, name: str) -> Host | None:
        for host in self.hosts:
            if host.name == name:
                return host
        return None

    def plan(self, name: str) -> Plan | None:
        for plan in self.plans:
            if plan.name == name:
                return plan
        return None

    def owns_domain(self, domain: str) -> bool:
        return any(domain_matches(pattern, domain) for pattern in self.domains)


def serves(entry: Host | OtherHost, plan: str | None) -> bool:
    """Whether a plan-scoped host entry applies to ``plan`` (None: unknown, so it may)."""
    return not entry.plans or plan is None or plan in entry.plans


def domain_matches(pattern: str, domain: str) -> bool:
    """``yahoo.*`` matches ``yahoo.fr`` and ``yahoo.co.uk``, but not ``yahoo.example.org``.

    A country variant ends in a top-level domain, optionally after a short second level
    (``co.``, ``com.``, ``ne.``): so ``live.*`` never claims a company's ``live.acme.com``.
    """
    if not pattern.endswith(".*"):
        return domain == pattern
    prefix = pattern[:-1]
    if not domain.startswith(prefix):
        return False
    labels = domain[len(prefix):].split(".")
    return (len(labels) in (1, 2) and all(label.isalpha() for label in labels)
            and len(labels[-1]) in (2, 3) and len(labels[0]) <= 3)
