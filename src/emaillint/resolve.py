"""Which provider and plan an account is checked against, and why.

Provider: an explicit ``provider`` key, else the provider that owns the host, else the
one that owns the username's domain (SPEC order). Plan: an explicit ``plan``, else what
host and username tell (a company domain on smtp.gmail.com is Google Workspace, on
smtp.office365.com Microsoft 365), else the provider's most restrictive plan; the
``plan_note`` says which was assumed, and quota findings repeat it in their help.
"""

from __future__ import annotations

import re
from typing import Any, Callable, NamedTuple

from emaillint.escape import printable
from emaillint.model import Account, Context
from emaillint.network import is_local
from emaillint.provider import FoundSecret, Host, Listing, Plan, Provider, SecretShape, domain_matches

SUBMISSION = "submission"
LEGACY = "legacy"
WRONG = "wrong"


class HostClaim(NamedTuple):
    provider: Provider
    kind: str


_CLASH_REMEDY = "turn one of the two plugins off with --disable-plugin NAME"


def _host_claims(provider: Provider) -> tuple[tuple[str, tuple[Any, ...]], ...]:
    """The hosts a provider claims, by kind. A host on this machine or the local network
    (Proton Mail Bridge's 127.0.0.1) is no claim: it is anybody's test sink or relay, so
    only an account already known to be the provider's (by its username's domain or a
    ``provider`` key) is checked against it."""
    return tuple((kind, tuple(host for host in hosts if not is_local(host.name))) for kind, hosts in (
        (SUBMISSION, provider.hosts), (LEGACY, provider.legacy_hosts), (WRONG, provider.wrong_hosts)))


class Shape(NamedTuple):
    """A provider's secret shape, compiled, with the provider it belongs to."""

    provider: str
    shape: SecretShape
    regex: re.Pattern[str]


class ProviderIndex:
    """Providers by name, host and username domain, refusing silent overrides.

    Hosts written out are a dictionary look-up; host patterns (one host per region) are
    tried only for a host no provider names exactly, and each answer is kept.
    """

    def __init__(self) -> None:
        self.by_name: dict[str, Provider] = {}
        """Providers by name; a listed one (``Listing``) is a stand-in until ``provider()`` loads it."""
        self.listed: dict[str, Listing] = {}
        """The listings whose sheets are not loaded yet."""
        self.report: Callable[[str, str], None] = lambda plugin, message: None
        """Where a listed sheet that fails to load is reported (plugin, message)."""
        self.plugin_of: dict[str, str] = {}
        self.hosts: dict[str, list[HostClaim]] = {}
        self.host_patterns: list[tuple[re.Pattern[str], HostClaim]] = []
        self.domains: dict[str, list[Provider]] = {}
        self.domain_patterns: list[tuple[str, Provider]] = []
        self._memo: dict[tuple[str, str | None, str | None] | tuple[str, str], Any] = {}
        """Lookups already answered: a repository's configs repeat a few hosts and domains."""
        self._shapes: tuple[Shape, ...] | None = None

    def add(self, provider: Provider, plugin: str) -> str:
        """Index ``provider``; return why it was refused ("" when it was added).

        Refused: a name already taken, a host that another provider family already
        claims where either claim is a submission host (both listing a host as wrong is
        no conflict), and a username domain another family owns. Providers of one
        ``family`` share freely. The first provider keeps what it claimed.
        """
        if provider.name in self.by_name:
            return (f"provider '{provider.name}' is already defined by plugin "
                    f"'{self.plugin_of[provider.name]}', so this one is not used; {_CLASH_REMEDY}")
        for kind, hosts in _host_claims(provider):
            for host in hosts:
                for claim in self._claims_on(host):
                    if claim.provider.group != provider.group and SUBMISSION in (kind, claim.kind):
                        return (f"provider '{provider.name}' claims host {host.name}, which provider "
                                f"'{claim.provider.name}' (plugin '{self.plugin_of[claim.provider.name]}')"
                                f" already claims, so '{provider.name}' is not used; give both the same"
                                f" family if they are one service, or {_CLASH_REMEDY}")
        for domain in provider.domains:
            for other in self._domain_owners(domain):
                if other.group != provider.group:
                    return (f"provider '{provider.name}' claims username domain {domain}, which provider"
                            f" '{other.name}' (plugin '{self.plugin_of[other.name]}') already claims, so"
                            f" '{provider.name}' is not used; {_CLASH_REMEDY}")
        self._memo.clear()
        self._shapes = None
        self.by_name[provider.name] = provider
        self.plugin_of[provider.name] = plugin
        for kind, hosts in _host_claims(provider):
            for host in hosts:
                if host.pattern:
                    self.host_patterns.append((re.compile(host.pattern), HostClaim(provider, kind)))
                else:
                    self.hosts.setdefault(host.name, []).append(HostClaim(provider, kind))
        for domain in provider.domains:
            if domain.endswith(".*"):
                self.domain_patterns.append((domain, provider))
            else:
                self.domains.setdefault(domain, []).append(provider)
        return ""

    def add_listing(self, listing: Listing, plugin: str) -> str:
        """Index a listed sheet by its claims, as ``add`` does; the sheet loads on first use."""
        hosts = tuple(Host(name, (), "") for name in listing.hosts)
        hosts += tuple(Host(pattern, (), "", pattern=pattern) for pattern in listing.patterns)
        why = self.add(Provider(listing.name, listing.name, hosts, listing.domains, (), family=listing.family), plugin)
        if not why:
            self.listed[listing.name] = listing
        return why

    def provider(self, name: str) -> Provider | None:
        """The provider ``name``, its sheet loaded if it was only listed."""
        if name in self.listed:
            self._load(self.listed.pop(name))
        return self.by_name.get(name)

    def everything(self) -> list[Provider]:
        """Every provider, each listed sheet loaded: for the commands that print them all."""
        return [p for p in (self.provider(name) for name in self.names()) if p is not None]

    def _real(self, providers: list[Provider]) -> bool:
        """Load the listed sheets among ``providers``; whether there were any."""
        names = [p.name for p in providers if p.name in self.listed]
        for name in names:
            self.provider(name)
        return bool(names)

    def _load(self, listing: Listing) -> None:
        """Replace a listing's stand-in with its sheet, or drop it with a plugin-error."""
        import importlib

        plugin = self.plugin_of[listing.name]
        self._forget(listing.name)
        module, _, attr = listing.load.partition(":")
        try:
            sheet = getattr(importlib.import_module(module), attr)
        except (Exception, SystemExit) as exc:  # a sheet's import must not end the run
            self.report(plugin, f"provider '{listing.name}' ({listing.load}) failed to load: {type(exc).__name__}:"
                                f" {exc}; it is not used")
            return
        from emaillint.plugin_checks import provider_problem

        why = ("it is not a Provider" if not isinstance(sheet, Provider) else
               provider_problem(sheet) or listing.covers(sheet) or self.add(sheet, plugin))
        if why:
            self.report(plugin, f"provider '{listing.name}' ({listing.load}): {why}; it is not used;"
                                " make the Listing claim what the sheet claims")

    def _forget(self, name: str) -> None:
        self._memo.clear()
        del self.by_name[name], self.plugin_of[name]
        for host, claims in list(self.hosts.items()):
            self.hosts[host] = [c for c in claims if c.provider.name != name]
        self.host_patterns = [(r, c) for r, c in self.host_patterns if c.provider.name != name]
        for domain, owners in list(self.domains.items()):
            self.domains[domain] = [p for p in owners if p.name != name]
        self.domain_patterns = [(d, p) for d, p in self.domain_patterns if p.name != name]

    def _claims_on(self, host: Any) -> list[HostClaim]:
        """The claims a new host entry would overlap: its name, or the hosts its pattern
        matches, or the patterns that match its name, or the same pattern."""
        if not host.pattern:
            return self.hosts.get(host.name, []) + [c for regex, c in self.host_patterns if regex.fullmatch(host.name)]
        regex = re.compile(host.pattern)
        return ([c for name, claims in self.hosts.items() if regex.fullmatch(name) for c in claims]
                + [c for other, c in self.host_patterns if other.pattern == host.pattern])

    def _domain_owners(self, domain: str) -> list[Provider]:
        owners = list(self.domains.get(domain, ()))
        owners += [p for pattern, p in self.domain_patterns if pattern == domain or domain_matches(pattern, domain)]
        if domain.endswith(".*"):
            owners += [p for d, ps in self.domains.items() if domain_matches(domain, d) for p in ps]
        return owners

    def for_host(self, host: str | None, user_domain: str | None = None) -> HostClaim | None:
        key = ("host", host, user_domain)
        if key not in self._memo:
            self._memo[key] = self._for_host(host, user_domain)
        return self._memo[key]

    def _for_host(self, host: str | None, user_domain: str | None) -> HostClaim | None:
        """The provider a host belongs to, for a username in ``user_domain``.

        Several providers of one family may claim a host (hotmail and outlook both list
        smtp-mail.outlook.com). The one that owns the username's domain wins; for a
        company domain, one with plans for organizations (Microsoft 365); then a
        submission claim over a legacy or wrong-host one; then the name, so the choice
        is stable.
        """
        if not host:
            return None
        host = host.lower()
        claims = self.hosts.get(host) or [claim for regex, claim in self.host_patterns if regex.fullmatch(host)]
        if not claims:
            return None
        if self._real([claim.provider for claim in claims]):
            return self._for_host(host, user_domain)
        company = bool(user_domain) and not self._domain_owners(user_domain)

        def rank(claim: HostClaim) -> tuple[bool, bool, bool, str]:
            provider = claim.provider
            return (not (user_domain and provider.owns_domain(user_domain)),
                    not (company and any(plan.organization for plan in provider.plans)),
                    claim.kind != SUBMISSION, provider.name)

        return min(claims, key=rank)

    def for_domain(self, domain: str | None) -> Provider | None:
        if not domain:
            return None
        key = ("domain", domain)
        if key not in self._memo:
            owners = self._domain_owners(domain.lower())
            if self._real(owners):
                owners = self._domain_owners(domain.lower())
            self._memo[key] = min(owners, key=lambda p: p.name) if owners else None
        return self._memo[key]

    def names(self) -> list[str]:
        return sorted(self.by_name)

    def shapes(self) -> tuple[Shape, ...]:
        """Every loaded provider's secret shapes, compiled once per run, in load order."""
        if self._shapes is None:
            self._shapes = tuple(Shape(provider.name, shape, re.compile(shape.pattern))
                                 for provider in self.by_name.values() for shape in provider.secrets)
        return self._shapes

    def secret_patterns(self) -> tuple[re.Pattern[str], ...]:
        """The compiled patterns of the loaded providers' secrets that can be told apart
        anywhere (``SecretShape.distinctive``): what redaction removes from every output,
        whichever field or key of a file holds them."""
        return tuple(s.regex for s in self.shapes() if s.shape.distinctive)


def domain_of(address: str | None) -> str | None:
    """The domain of ``user@domain`` or ``Name <user@domain>``; None if there is none."""
    if not address:
        return None
    address = address_of(address)
    local, at, domain = address.rpartition("@")
    if not (at and local and domain.strip()):
        return None
    return domain.strip().lower()


def address_of(value: str) -> str:
    """``Billing <billing@example.com>`` -> ``billing@example.com``."""
    value = value.strip()
    if value.endswith(">") and "<" in value:
        return value[value.rindex("<") + 1 : -1].strip()
    return value


class Resolution(NamedTuple):
    context: Context
    problems: list[tuple[str, str, str]]
    """(field, message, help) for provider/plan names no plugin knows."""


def resolve(account: Account, index: ProviderIndex, as_of: str, password: str = "") -> Resolution:
    """The account's provider and plan, and the provider secrets in its fields;
    ``password`` is the literal password's text where the engine could read it."""
    problems: list[tuple[str, str, str]] = []
    user_domain = domain_of(account.username)
    claim = index.for_host(account.host, user_domain)
    host_provider = claim.provider if claim else None
    domain_provider = index.for_domain(user_domain)
    sender_provider = index.for_domain(domain_of(account.sender))

    provider: Provider | None = None
    via = ""
    if account.provider:
        provider = index.provider(account.provider)
        via = "provider"
        if provider is None:
            problems.append(("provider", *_unknown("provider", account.provider, index.names(), "an installed provider")))
    elif host_provider:
        provider, via = host_provider, "host"
    elif domain_provider:
        provider, via = domain_provider, "domain"

    choice = PlanChoice(None)
    if provider is not None:
        choice, problem = _plan(account, provider, index, user_domain)
        if problem:
            problems.append(("plan", *problem))
    context = Context(provider, choice.plan, choice.note, via, as_of, host_provider, domain_provider,
                      sender_provider, choice.candidates, _secrets(account, index, provider, password))
    return Resolution(context, problems)


SENDER = "sender"
"""Where a finding about the From address points (the field ``sender``)."""


def _values(account: Account) -> list[tuple[str, str]]:
    """(place, text) of the account's fields that could hold a secret by mistake."""
    values = [(field, getattr(account, field)) for field in ("username", "host", "provider", "plan")]
    values.append((SENDER, account.sender))
    for field, items in (("to", account.to_addresses), ("cc", account.cc), ("bcc", account.bcc)):
        values += [(f"{field}.{i}", item) for i, item in enumerate(items)]
    values += [(key, value) for key, value in account.extra.items()]
    return [(place, value) for place, value in values if isinstance(value, str) and value]


def _secrets(account: Account, index: ProviderIndex, provider: Provider | None,
             password: str) -> tuple[FoundSecret, ...]:
    """The provider secrets in the account's fields: distinctive shapes anywhere, and in
    the password also the account's own provider's plainer ones."""
    shapes = index.shapes()
    if not shapes:
        return ()
    found = []
    for place, text in _values(account):
        found += [FoundSecret(place, s.shape, s.provider) for s in shapes
                  if s.shape.distinctive and s.regex.search(text)]
    if password:
        own = provider.name if provider else None
        found += [FoundSecret("password", s.shape, s.provider) for s in shapes
                  if (s.shape.distinctive or s.provider == own) and s.regex.search(password)]
    return tuple(found)


class PlanChoice(NamedTuple):
    """The plan an account is checked against, ``note`` saying how it was chosen when the
    file does not name it, and the ``candidates`` it was the most restrictive of."""

    plan: Plan | None
    note: str = ""
    candidates: tuple[Plan, ...] = ()


def _plan(account: Account, provider: Provider, index: ProviderIndex,
          user_domain: str | None) -> tuple[PlanChoice, tuple[str, str] | None]:
    """The plan, how it was chosen, and the plans it was chosen from; or why the file's is unknown."""
    if account.plan:
        plan = provider.plan(account.plan)
        if plan is None:
            names = [p.name for p in provider.plans]
            return PlanChoice(None), _unknown("plan", account.plan, names, f"a plan of {provider.title}")
        return PlanChoice(plan, "", (plan,)), None
    if len(provider.plans) == 1:
        return PlanChoice(provider.plans[0], "", provider.plans), None
    candidates = list(provider.plans)
    reasons = []
    own = index.for_domain(user_domain)
    # The mailbox decides the account type; the host only narrows within it. A username
    # of another provider says nothing about this one's plans (provider-mismatch).
    if user_domain and (own is None or own.group == provider.group):
        organization = own is None
        narrowed = [p for p in candidates if p.organization == organization]
        if narrowed and len(narrowed) < len(candidates):
            candidates = narrowed
            article = "an" if user_domain[0] in "aeiou" else "a"
            reasons.append(f"a company domain ({user_domain})" if organization else f"{article} {user_domain} username")
    # A sandbox domain (sandbox<hex>.mailgun.org) means its plan; any other known domain
    # means a plan without such domains.
    domains = [d for d in (user_domain, domain_of(account.sender)) if d]
    if domains and any(p.domain_patterns for p in candidates):
        hits = {p.name: d for p in candidates for d in domains if p.has_domain(d)}
        narrowed = [p for p in candidates if p.name in hits] or [p for p in candidates if not p.domain_patterns]
        if narrowed and len(narrowed) < len(candidates):
            candidates = narrowed
            reasons.append(f"the {next(iter(hits.values()), domains[0])} domain")
    host = provider.stands_for(account.host.lower()) if account.host else None
    if host and host.plans:
        narrowed = [p for p in candidates if p.name in host.plans]
        if narrowed and len(narrowed) < len(candidates):
            candidates = narrowed
            reasons.append(f"host {host.name}")
    if not candidates:
        return PlanChoice(None), None
    plan = min(candidates, key=_restrictiveness)
    basis = " and ".join(reasons)
    # The key alone (``plan:``), in the account's format; None where it has no plan setting.
    key = account.spelled("plan", "")
    head = "plan not set" if key is not None else "plan unknown"
    if len(candidates) == 1 and basis:
        note = f"{head}; {basis} means {plan.title}"
    elif basis:
        note = f"{head}; assumed {plan.title}, the most restrictive plan for {basis}"
    else:
        note = f"{head}; assumed {plan.title}, the most restrictive plan"
    if key is not None:
        note += f": set {key.strip()} to be exact"
    return PlanChoice(plan, note, tuple(candidates)), None


def _restrictiveness(plan: Plan) -> tuple[float, ...]:
    big = float("inf")
    return (plan.recipients_per_day or big, plan.messages_per_day or big, plan.recipients_per_message or big)


def _unknown(field: str, value: Any, known: list[str], what: str) -> tuple[str, str]:
    """What is wrong with the name, and the name meant (or every name there is)."""
    from emaillint.suggest import closest

    close = closest(str(value), known)
    hint = f"write {field}: {close}" if close else f"write one of: {', '.join(known) or '(none installed)'}"
    return f"{field}: '{printable(str(value))}' is not {what}", hint
