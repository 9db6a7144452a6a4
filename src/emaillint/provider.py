"""The provider data model: what a provider plugin declares, as plain data.

A provider plugin is a data sheet. Every host, port, limit and date carries the URL it
was taken from (``source``), so the next person can re-check it; the engine turns the
data into the provider rules, so a plugin only writes code for what data cannot say.
Dates are ISO strings (``"2024-09-30"``): they compare correctly as text and keep the
``datetime`` import off the start-up path.
"""

from __future__ import annotations

from typing import NamedTuple

STARTTLS = "starttls"
TLS = "tls"
NONE = "none"

PASSWORD = "password"
APP_PASSWORD = "app-password"
OAUTH2 = "oauth2"

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

    ``domains`` are the username domains the provider owns; a pattern ending in ``.*``
    matches every country variant (``yahoo.*`` matches ``yahoo.co.uk``). ``family``
    groups providers that are one service under several names (hotmail and outlook):
    they may share hosts and domains, and a mix of them is no provider-mismatch.
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
        for pattern in self.domains:
            if pattern.endswith(".*"):
                if domain.startswith(pattern[:-1]):
                    return True
            elif domain == pattern:
                return True
        return False
