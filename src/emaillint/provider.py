"""The provider data model: what a provider plugin declares, as plain data.

A provider plugin is a data sheet. Every host, port, limit and date carries the URL it
was taken from (``source``), so the next person can re-check it; the engine turns the
data into the provider rules, so a plugin only writes code for what data cannot say.
Dates are ISO strings (``"2024-09-30"``): they compare correctly as text and keep the
``datetime`` import off the start-up path.

Facts also carry a ``confidence`` (``vocabulary.HIGH``, ``MEDIUM``, ``LOW``; the scale of
the project's PROVIDERS-2.md), and the engine grades findings by it (``graded``): only a
high-confidence fact, or a medium one that two sources agree on, may make an error; a
low-confidence one at most an info. A fact's ``source`` may list several URLs, separated
by spaces, to show that sources agree.
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple

from emaillint.model import ERROR, INFO, SEVERITIES, WARNING
from emaillint.network import is_local
from emaillint.vocabulary import LOW, MEDIUM, STARTTLS, TLS

REWRITES_SENDER = "rewrite"
"""The provider replaces a From it does not recognise with the account's address."""
REJECTS_SENDER = "reject"
"""The provider refuses a From the account may not send as."""
VERIFIES_SENDER = "verify"
"""The provider sends only from addresses or domains verified with it (SES, SendGrid, Mailgun)."""
SENDER_POLICIES = ("", REWRITES_SENDER, REJECTS_SENDER, VERIFIES_SENDER)

API_ENDPOINT = "api"
"""``OtherHost.kind``: the provider's HTTPS API, which speaks no SMTP."""
INBOUND_ENDPOINT = "inbound"
"""``OtherHost.kind``: where the provider receives mail for its customers (their MX)."""
HOST_KINDS = ("", API_ENDPOINT, INBOUND_ENDPOINT)

REFUSED = ""
"""``AuthMethod.retirement``: from ``retired_on`` on, the provider refuses the method."""
OFF_BY_DEFAULT = "off-by-default"
"""``AuthMethod.retirement``: from ``retired_on`` on, the method is off unless an admin turns
it back on (Microsoft 365's Basic SMTP AUTH from the end of December 2026). A config cannot
show what the admin did, so this stays a warning after the date."""
NOT_ACCEPTED = "not-accepted"
"""``AuthMethod.retirement``: the provider never takes the method over SMTP, so there is no
date (QQ Mail and NetEase want an authorization code, not the account password)."""
RETIREMENTS = (REFUSED, OFF_BY_DEFAULT, NOT_ACCEPTED)


class Endpoint(NamedTuple):
    """A (port, security) pair a submission host accepts."""

    port: int
    security: str
    source: str
    recommended: bool = False
    confidence: str = ""


class Host(NamedTuple):
    """A submission host. ``plans`` lists the plans that submit through it (empty: all).

    ``pattern`` is for a provider with a host per region: a regular expression the whole
    host name matches (``email-smtp\\.(?P<region>[a-z0-9-]+)\\.amazonaws\\.com``), and
    ``name`` is then how people read it (``email-smtp.<region>.amazonaws.com``); rules
    name the account's own host. ``confidence`` is that of the host and of its
    ``endpoints`` being all the ports it takes (``provider-port`` reads it).
    """

    name: str
    endpoints: tuple[Endpoint, ...]
    source: str
    plans: tuple[str, ...] = ()
    note: str = ""
    pattern: str = ""
    confidence: str = ""


class OtherHost(NamedTuple):
    """A host users put in SMTP settings that is not (or no longer) the submission host.

    Used for legacy aliases (``smtp.live.com``) and for the provider's IMAP/POP hosts
    (``imap.gmail.com``): ``use_instead`` is the host to write. ``plans`` limits the entry
    to some plans (empty: all), for a host that is right for one plan and outdated for
    another (``smtp.office365.com`` for an Outlook.com personal account).

    ``kind`` says what the host is when it is a service of its own (``API_ENDPOINT``,
    ``INBOUND_ENDPOINT``). With a ``pattern`` (as ``Host.pattern``), ``use_instead`` and
    ``reason`` may name the pattern's groups and the account's ``host`` in braces:
    ``email-smtp.{region}.amazonaws.com``.
    """

    name: str
    use_instead: str
    reason: str
    source: str
    plans: tuple[str, ...] = ()
    pattern: str = ""
    kind: str = ""
    confidence: str = ""


class AuthMethod(NamedTuple):
    """An authentication method and, if the provider retired it, since when.

    From ``retired_on`` on, the method is refused (an error); before that date the
    retirement is only announced (a warning naming the date). ``retirement`` says what
    happens on the date: ``REFUSED`` (the default), or ``OFF_BY_DEFAULT``, where an admin
    may still turn the method back on, so it stays a warning with other words;
    ``NOT_ACCEPTED`` marks a method the provider never took over SMTP (no date). ``plans``
    limits the entry to some plans (empty: all plans).
    """

    method: str
    source: str
    retired_on: str | None = None
    plans: tuple[str, ...] = ()
    note: str = ""
    confidence: str = ""
    retirement: str = REFUSED

    @property
    def refused(self) -> bool:
        """Whether the entry takes the method away, on a date or always."""
        return bool(self.retired_on) or self.retirement == NOT_ACCEPTED


class Plan(NamedTuple):
    """A plan's sending limits (None: no published limit). To, CC and BCC all count.

    ``organization`` marks plans for mailboxes on the customer's own domain (Google
    Workspace, Microsoft 365), which the engine infers from a username outside the
    provider's own domains. ``estimate`` marks figures the provider does not publish.
    ``confidence`` is that of the plan's weakest figure.

    ``sandbox`` marks a sandbox or test plan and says what it holds back ("sends only to
    verified addresses"). ``domain_patterns`` are regular expressions of username or
    From domains that put an account on this plan (Mailgun's ``sandbox<hex>.mailgun.org``);
    an account whose domain is known and matches none is not on it.
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
    confidence: str = ""
    sandbox: str = ""
    domain_patterns: tuple[str, ...] = ()

    def has_domain(self, domain: str) -> bool:
        """Whether a username or From ``domain`` is one of the plan's own (``domain_patterns``)."""
        return any(re.fullmatch(pattern, domain) for pattern in self.domain_patterns)


class Username(NamedTuple):
    """What the provider requires as the SMTP username (``provider-username``).

    ``fixed`` is the one username every account writes (SendGrid's ``apikey``); otherwise
    ``pattern`` is a regular expression the whole username matches (a full address, an
    access key ID). ``meaning`` says it in words for the finding's help ("the word apikey, not
    the key itself"). ``plans`` limits the entry to some plans (empty: all). ``sending_domain``
    marks a username whose domain is the one domain the credentials send for (Mailgun's
    ``postmaster@mg.example.com``), so a From elsewhere is worth a word.
    """

    meaning: str
    source: str
    fixed: str = ""
    pattern: str = ""
    confidence: str = ""
    plans: tuple[str, ...] = ()
    sending_domain: bool = False


class SecretShape(NamedTuple):
    """A kind of secret the provider issues, known by its shape (``SG.`` and 66 more).

    ``pattern`` is a regular expression that finds it in any text. The engine removes what
    it finds from every output (``ProviderIndex.secret_patterns``), and reports it where it
    is written outside the password (``plaintext-password``). ``instead`` marks a secret
    that does not belong in this provider's SMTP password and says what does (an API key
    where the SMTP key belongs: ``provider-password``). A shape that is not
    ``distinctive`` (40 characters of base64, like an IAM secret key) is only looked for
    in the password of this provider's accounts.
    """

    name: str
    pattern: str
    meaning: str
    source: str
    confidence: str = ""
    instead: str = ""
    distinctive: bool = True


class SenderRule(NamedTuple):
    """A rule the provider sets for mail whose From is in its own domains, wherever it is
    sent from (Gmail's and Yahoo's bulk-sender requirements): why a From at gmail.com sent
    through another host is dropped. ``sender-mismatch`` quotes ``text``; ``since`` is
    when it began to apply (ISO date)."""

    text: str
    source: str
    since: str = ""
    confidence: str = ""


class FoundSecret(NamedTuple):
    """A provider's secret the engine found in one of an account's fields (``Context.secrets``).

    ``where`` is the field (``"password"``, ``"username"``, ``"cc.1"``); ``provider`` the
    name of the provider whose ``shape`` it is. The value itself is never kept.
    """

    where: str
    shape: SecretShape
    provider: str


class Provider(NamedTuple):
    """Everything the engine needs to check an account against one provider.

    ``hosts`` come in order of preference: the engine suggests the first one that serves
    the account's plan, and the very first to users of the provider's own domains.
    ``domains`` are the username domains the provider owns; a pattern ending in ``.*``
    matches the country variants of a name (``yahoo.*`` matches ``yahoo.co.uk``; see
    ``domain_matches``). ``family`` groups providers that are one service under several
    names (hotmail and outlook): they may share hosts and domains, and a mix of them is
    no provider-mismatch. ``sender_note`` is the provider's way to send as another
    address, offered when ``sender_policy`` applies. ``usernames`` and ``secrets`` say
    what the provider's credentials look like.
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
    usernames: tuple[Username, ...] = ()
    secrets: tuple[SecretShape, ...] = ()
    sender_confidence: str = ""
    sender_rules: tuple[SenderRule, ...] = ()

    @property
    def group(self) -> str:
        return self.family or self.name

    def host(self, name: str) -> Host | None:
        """The submission host ``name`` (lower case), a pattern's under the account's own name."""
        for host in self.hosts:
            if host.name == name:
                return host
        for host in self.hosts:
            if host.pattern and re.fullmatch(host.pattern, name):
                return host._replace(name=name)
        return None

    def stands_for(self, name: str) -> Host | None:
        """The submission host ``name`` means: itself, or the host a legacy or wrong host's
        entry says to write (Mailtrap's old ``smtp.mailtrap.io`` is its sandbox)."""
        host = self.host(name)
        if host is not None:
            return host
        for entry in self.legacy_hosts + self.wrong_hosts:
            found = matched(entry, name)
            if found is not None:
                return self.host(found.use_instead)
        return None

    @property
    def fixed_username(self) -> str:
        """The username every account of the provider writes (``apikey``), or ""."""
        return next((u.fixed for u in self.usernames if u.fixed), "")

    def plan(self, name: str) -> Plan | None:
        for plan in self.plans:
            if plan.name == name:
                return plan
        return None

    def owns_domain(self, domain: str) -> bool:
        return any(domain_matches(pattern, domain) for pattern in self.domains)


class Listing(NamedTuple):
    """A data sheet's name and claims, so the sheet itself is imported only when needed.

    Thirty sheets are thirty imports on every run; a plugin may instead return a
    ``Listing`` from ``emaillint_providers``: the hosts (names, or regular expressions in
    ``patterns``) and username domains its sheet claims, and ``load``, the sheet as
    ``"module:attribute"``. The engine imports the sheet the first time an account's host,
    username or From domain, or ``provider`` key points at it (and for commands that list
    every provider), and checks that the listing covers every host and domain the sheet
    claims. A listed sheet defines no secret shapes: redaction needs all of them before
    the first file is read.
    """

    name: str
    load: str
    hosts: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()
    family: str = ""

    def covers(self, provider: Provider) -> str:
        """"" when this listing claims everything ``provider`` claims, else what it misses."""
        if provider.name != self.name or provider.family != self.family:
            return f"the sheet is provider '{provider.name}' of family '{provider.family}'"
        regexes = [re.compile(pattern) for pattern in self.patterns]
        missing = [host.pattern or host.name for host in provider.hosts + provider.legacy_hosts
                   + provider.wrong_hosts if not is_local(host.name) and (
                       host.pattern not in self.patterns if host.pattern else
                       host.name not in self.hosts and not any(r.fullmatch(host.name) for r in regexes))]
        missing += [domain for domain in provider.domains if domain not in self.domains]
        if provider.secrets:
            return "the sheet defines secret shapes, which redaction needs before it is loaded"
        return f"the listing does not claim {', '.join(missing)}" if missing else ""


def endpoints(source: str, *, starttls: tuple[int, ...] = (), tls: tuple[int, ...] = (),
              recommended: int | None = None, confidence: str = "") -> tuple[Endpoint, ...]:
    """The ``Endpoint``s one source gives: STARTTLS on the ``starttls`` ports, implicit TLS on
    the ``tls`` ones, and ``recommended`` (by default the first port; 0 for none) marked so.
    A host whose ports come from several sources adds the tuples up."""
    first = next(iter(starttls + tls), 0) if recommended is None else recommended
    return tuple(Endpoint(port, security, source, recommended=port == first, confidence=confidence)
                 for ports, security in ((starttls, STARTTLS), (tls, TLS)) for port in ports)


def reading_hosts(title: str, smtp: str, source: str, *names: str, confidence: str = "") -> tuple[OtherHost, ...]:
    """The provider's IMAP and POP hosts (``imap.qq.com``), which people put in SMTP
    settings: each an ``OtherHost`` that says so and names ``smtp``, the host to write."""
    return tuple(OtherHost(name, smtp, f"{name} is {title}'s {name.split('.')[0].rstrip('3').upper()} server"
                                       " (reading mail), not its SMTP server", source, confidence=confidence)
                 for name in names)


def facts(provider: Provider) -> list[Any]:
    """Every fact of a data sheet that carries a source and a confidence: endpoints, hosts,
    other hosts, sign-in methods, plans, usernames, secret shapes and sender rules."""
    return [e for h in provider.hosts for e in h.endpoints] + list(
        provider.hosts + provider.legacy_hosts + provider.wrong_hosts + provider.auth + provider.plans
        + provider.usernames + provider.secrets + provider.sender_rules)


def matched(entry: OtherHost, name: str) -> OtherHost | None:
    """``entry`` if it names the host ``name``, a pattern's with the blanks filled in."""
    if entry.name == name:
        return entry
    match = re.fullmatch(entry.pattern, name) if entry.pattern else None
    if match is None:
        return None
    words = {"host": name, **{key: value or "" for key, value in match.groupdict().items()}}
    return entry._replace(name=name, use_instead=entry.use_instead.format(**words),
                          reason=entry.reason.format(**words))


def ceiling(fact: Any) -> str:
    """The most severe finding a fact may make: an error needs a high-confidence fact or
    a medium one two sources agree on; a low-confidence fact makes at most an info."""
    confidence = getattr(fact, "confidence", "")
    if confidence == LOW:
        return INFO
    if confidence == MEDIUM and len(str(getattr(fact, "source", "")).split()) < 2:
        return WARNING
    return ERROR


def graded(severity: str, *facts: Any) -> str:
    """``severity``, lowered to what the weakest of ``facts`` allows."""
    rank = SEVERITIES.index
    return max([severity] + [ceiling(fact) for fact in facts], key=rank)


def serves(entry: Host | OtherHost | Username, plan: str | None) -> bool:
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
