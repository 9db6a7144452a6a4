"""Provider data as text for people: `emaillint providers` and the provider notes of `explain`.

Everything here is read from the plugins' data sheets, so what the commands print is
what the rules check, with the same sources.
"""

from __future__ import annotations

import textwrap
from typing import Any, Callable, Iterable

import re

from emaillint.provider import (
    API_ENDPOINT,
    INBOUND_ENDPOINT,
    NOT_ACCEPTED,
    OFF_BY_DEFAULT,
    REJECTS_SENDER,
    REWRITES_SENDER,
    VERIFIES_SENDER,
    AuthMethod,
    Host,
    OtherHost,
    Plan,
    Provider,
    SecretShape,
    SenderRule,
    Username,
    facts,
    serves,
)
from emaillint.vocabulary import (
    CC_QUOTA,
    DAILY_RECIPIENT_QUOTA,
    LEGACY_AUTH,
    LEGACY_HOST,
    MESSAGE_RECIPIENT_LIMIT,
    PLAINTEXT_PASSWORD,
    PROVIDER_HOST,
    PROVIDER_MISMATCH,
    PROVIDER_PASSWORD,
    PROVIDER_PORT,
    PROVIDER_SECURITY,
    PROVIDER_USERNAME,
    SENDER_MISMATCH,
    SHARED_QUOTA,
)

WIDTH = 100
ESTIMATE_MARK = "~"


def legend() -> list[str]:
    return textwrap.wrap(
        f"{ESTIMATE_MARK}: the provider does not publish this figure, so it is an estimate (see the"
        " plan's note); -: no published limit. PORT/SECURITY: the recommended pair first. SIGN-IN:"
        " the methods accepted, then those that stop (or stopped) working on the date after 'until', and"
        " those the provider turns off by default (an admin may turn them back on) from a date."
        " (M), (L): a fact of medium or low confidence (a paraphrase of the provider's text, field"
        " reports, an inference), which makes at most a warning or an info; <region>: any Region's"
        " name in its place.",
        WIDTH)


def table(rows: list[tuple[str, ...]]) -> list[str]:
    """Left-aligned columns, two spaces apart; the last column is not padded."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]
    return ["  ".join([cell.ljust(width) for cell, width in zip(row, widths)] + [row[-1]]).rstrip()
            for row in rows]


def ports(host: Host) -> str:
    ordered = sorted(host.endpoints, key=lambda e: (not e.recommended, e.port))
    return ", ".join(f"{e.port} {e.security}{sure(e)}" for e in ordered)


def sure(fact: object) -> str:
    """`` (M)`` or `` (L)`` after a fact that is not of high confidence, "" otherwise."""
    confidence = getattr(fact, "confidence", "")
    return f" ({confidence})" if confidence in ("M", "L") else ""


def blanks(text: str) -> str:
    """``email-smtp.{region}.amazonaws.com`` as people read it: ``email-smtp.<region>...``."""
    return re.sub(r"\{(\w+)\}", r"<\1>", text)


_KINDS = {API_ENDPOINT: "HTTPS API", INBOUND_ENDPOINT: "receives mail"}


def other(entry: OtherHost, cited: bool = True) -> str:
    """``imap.gmail.com -> smtp.gmail.com``; ``cited``: with the fact's confidence mark (the
    callers that show the confidence elsewhere leave it out, as ``username`` and ``secret``)."""
    kind = f" ({_KINDS[entry.kind]})" if entry.kind in _KINDS else ""
    return f"{entry.name}{_scope(entry.plans)}{kind} -> {blanks(entry.use_instead)}" + (sure(entry) if cited else "")


def username(entry: Username, cited: bool = True) -> str:
    what = entry.fixed or entry.meaning
    aside = f": {entry.meaning}" if entry.fixed else ""
    return f"{what}{_scope(entry.plans)}{aside}" + (f"{sure(entry)} ({entry.source})" if cited else "")


def secret(shape: SecretShape, cited: bool = True) -> str:
    where = f"; not for the SMTP password, which takes {shape.instead}" if shape.instead else ""
    return f"{shape.meaning}{where}" + (f"{sure(shape)} ({shape.source})" if cited else "")


def plan_host(provider: Provider, plan: Plan) -> Host:
    """The host a plan's accounts should write: the first that serves the plan."""
    return next((h for h in provider.hosts if serves(h, plan.name)), provider.hosts[0])


def sign_in(provider: Provider, plan: Plan) -> str:
    """``app-password, oauth2; password until 2022-05-30``, for one plan."""
    entries = [a for a in provider.auth if not a.plans or plan.name in a.plans]
    accepted = [a.method for a in entries if not a.refused]
    until: dict[str, list[str]] = {}
    for entry in entries:
        if entry.refused:
            until.setdefault(retirement(entry), []).append(entry.method)
    parts = [", ".join(accepted)] if accepted else []
    parts += [f"{', '.join(methods)} {when}" for when, methods in sorted(until.items(), key=lambda i: i[0][-10:])]
    fixed = [u.fixed for u in provider.usernames if u.fixed and serves(u, plan.name)]
    return "; ".join(parts + [f"username {name}" for name in fixed]) or "-"


def retirement(entry: AuthMethod) -> str:
    """``until 2024-09-16``, ``off by default from 2026-12-31`` where an admin may turn it back
    on, or ``not accepted`` (never, so no date)."""
    if entry.retirement == OFF_BY_DEFAULT:
        return f"off by default from {entry.retired_on}"
    if entry.retirement == NOT_ACCEPTED:
        return "not accepted"
    return f"until {entry.retired_on}"


def figure(value: int | None, plan: Plan) -> str:
    if not value:
        return "-"
    return f"{value:,}{ESTIMATE_MARK if plan.estimate else ''}"


def limits(plan: Plan) -> str:
    """``500 recipients/day, 500 messages/day, 100 per message``, estimates marked."""
    parts = [f"{figure(value, plan)} {unit}" for value, unit in (
        (plan.recipients_per_day, "recipients/day"), (plan.messages_per_day, "messages/day"),
        (plan.recipients_per_message, "per message")) if value]
    return ", ".join(parts) or "no published limits"


def overview(providers: Iterable[Provider]) -> list[str]:
    """One row per provider and plan: what a correct config for that plan says."""
    return table(overview_rows(providers))


def overview_rows(providers: Iterable[Provider]) -> list[tuple[str, ...]]:
    """``overview``'s cells, its header first (docs/providers.md shows them as a Markdown table)."""
    rows = [("PROVIDER", "PLAN", "HOST", "PORT/SECURITY", "SIGN-IN", "RECIPIENTS/DAY", "MESSAGES/DAY",
             "PER MESSAGE")]
    for provider in providers:
        for plan in provider.plans:
            host = plan_host(provider, plan)
            rows.append((provider.name, plan.name, host.name, ports(host), sign_in(provider, plan),
                         figure(plan.recipients_per_day, plan), figure(plan.messages_per_day, plan),
                         figure(plan.recipients_per_message, plan)))
    return rows


def details(provider: Provider, plugin: str) -> list[str]:
    """Everything else a provider's data sheet says, with its sources."""
    lines = [f"{provider.title} ({provider.name}, plugin {plugin})"]
    add = _field(lines)
    add("about", provider.explanation)
    for host in provider.hosts:
        scope = f" [{', '.join(host.plans)}]" if host.plans else ""
        add("host", f"{host.name}{scope}{sure(host)}: {ports(host)}" + (f"; {host.note}" if host.note else ""))
    for entry in provider.legacy_hosts:
        add("legacy", f"{other(entry)}: {blanks(entry.reason)}")
    for entry in provider.wrong_hosts:
        add("not smtp", other(entry))
    add("usernames", ", ".join(provider.domains))
    for entry in provider.usernames:
        add("username", username(entry))
    for entry in provider.auth:
        state = retirement(entry) if entry.refused else "accepted"
        add("sign-in", f"{entry.method}{_scope(entry.plans)} {state}{sure(entry)} ({entry.source})")
    for shape in provider.secrets:
        add("secret", secret(shape))
    for plan in provider.plans:
        note = f"; {plan.note}" if plan.note else ""
        sandbox = f"; sandbox: {plan.sandbox}" if plan.sandbox else ""
        add("plan", f"{plan.name} ({plan.title}): {limits(plan)}{sandbox}{note}{sure(plan)} ({plan.source})")
    for note in _sender_notes(provider):
        add("sender", note)
    add("setup", provider.setup)
    add("sources", " ".join(provider.sources))
    return lines


def fact_sources(provider: Provider) -> list[str]:
    """Every fact of the sheet on a line of its own, with its confidence and source (``--all``)."""
    lines = [f"  {'facts':<10} every fact, its confidence (H unless marked) and where it came from:"]
    add = _field(lines, label_width=0)
    for host in provider.hosts:
        for endpoint in host.endpoints:
            add("", f"{blanks(host.name)} port {endpoint.port} {endpoint.security}{sure(endpoint)}: {endpoint.source}")
    for fact in facts(provider):
        if not hasattr(fact, "port"):
            add("", f"{type(fact).__name__} {_what(fact)}{sure(fact)}: {fact.source}")
    return lines


def _what(fact: object) -> str:
    for field in ("name", "method", "fixed", "meaning", "text"):
        value = getattr(fact, field, "")
        if value:
            return blanks(str(value))
    return ""


def ispdb_index(entries: list[Any], index: Any) -> list[str]:
    """The ISPDB index ``provider-security`` falls back on, each entry with its file (``--all``)."""
    commit = entries[0].source.split("/blob/", 1)[1].split("/", 1)[0] if entries else "-"
    lines = textwrap.wrap(
        f"Thunderbird's ISPDB (https://github.com/thunderbird/autoconfig at {commit}; MPL-2.0): the"
        " (port, security) pairs it lists for hosts no data sheet knows, which provider-security"
        " checks against; a host a sheet claims is the sheet's.", WIDTH)
    rows = [("HOST", "PORT", "SECURITY", "ISPDB FILE")]
    for entry in entries:
        claim = index.for_host(entry.host)
        rows.append((entry.host, str(entry.port), entry.security,
                     entry.file + (f" (the {claim.provider.name} sheet wins)" if claim else "")))
    return lines + table(rows)


def guidance(rule_id: str, providers: Iterable[Provider]) -> list[str]:
    """What each provider's data sheet says about one provider rule (empty: nothing)."""
    lines: list[str] = []
    for provider in providers:
        notes = _NOTES.get(rule_id, lambda p: [])(provider)
        if notes:
            lines += [""] if lines else []
            lines.append(f"{provider.title} ({provider.name}):")
            add = _field(lines, label_width=0)
            for note in notes:
                add("", note)
    return lines


def _host_notes(provider: Provider) -> list[str]:
    notes = [f"{h.name}{_scope(h.plans)}: {ports(h)} ({h.source})" for h in provider.hosts]
    notes += [f"not {o.name}{_scope(o.plans)}: {blanks(o.reason)}; use {blanks(o.use_instead)} ({o.source})"
              for o in provider.legacy_hosts + provider.wrong_hosts]
    return notes


def _username_notes(provider: Provider) -> list[str]:
    return [username(entry) for entry in provider.usernames]


def _secret_notes(provider: Provider) -> list[str]:
    return [secret(shape) for shape in provider.secrets]


def _auth_notes(provider: Provider) -> list[str]:
    notes = [f"{a.method}{_scope(a.plans)} {retirement(a)}: {a.note} ({a.source})"
             for a in provider.auth if a.refused]
    return notes + ([f"setup: {provider.setup}"] if provider.setup else [])


def _plan_notes(provider: Provider) -> list[str]:
    return [f"{p.name} ({p.title}): {limits(p)}" + (f"; {p.note}" if p.note else "") + f" ({p.source})"
            for p in provider.plans]


def _sender_notes(provider: Provider) -> list[str]:
    if not provider.sender_policy:
        return []
    mark = f" ({provider.sender_confidence})" if provider.sender_confidence in ("M", "L") else ""
    return [f"{sender(provider)}{mark} ({provider.sender_source})"] + [
        sender_rule(provider, rule) + f" ({rule.source})" for rule in provider.sender_rules]


def sender_rule(provider: Provider, rule: SenderRule) -> str:
    """``for From gmail.com, googlemail.com: Google's sender guidelines ... (since 2024-02-01)``."""
    since = f" (since {rule.since})" if rule.since else ""
    return f"for From {', '.join(provider.domains[:2])}: {rule.text}{since}{sure(rule)}"


def sender(provider: Provider) -> str:
    """What the provider does with a From the account may not use, and the way out."""
    what = {REWRITES_SENDER: "rewrites a From it does not know", REJECTS_SENDER: "rejects a From the account may not use",
            VERIFIES_SENDER: "sends only from addresses or domains verified with it"}
    joiner = "how" if provider.sender_policy == VERIFIES_SENDER else "instead"
    note = f"; {joiner}: {provider.sender_note}" if provider.sender_note else ""
    return f"{what.get(provider.sender_policy, provider.sender_policy)}{note}"


def _domain_notes(provider: Provider) -> list[str]:
    return [f"usernames: {', '.join(provider.domains)}"] if provider.domains else []


_NOTES: dict[str, Callable[[Provider], list[str]]] = {
    PROVIDER_HOST: _host_notes, LEGACY_HOST: _host_notes, PROVIDER_PORT: _host_notes,
    PROVIDER_SECURITY: _host_notes, LEGACY_AUTH: _auth_notes, DAILY_RECIPIENT_QUOTA: _plan_notes,
    CC_QUOTA: _plan_notes, MESSAGE_RECIPIENT_LIMIT: _plan_notes, SHARED_QUOTA: _plan_notes,
    SENDER_MISMATCH: _sender_notes, PROVIDER_MISMATCH: _domain_notes,
    PROVIDER_USERNAME: _username_notes, PROVIDER_PASSWORD: _secret_notes, PLAINTEXT_PASSWORD: _secret_notes,
}


def _scope(plans: tuple[str, ...]) -> str:
    return f" [{', '.join(plans)}]" if plans else ""


def _field(lines: list[str], label_width: int = 10) -> Callable[[str, str], None]:
    """A function that appends ``label  text`` to ``lines``, wrapped with a hanging indent."""
    def add(label: str, text: str) -> None:
        if not text:
            return
        head = f"  {label.ljust(label_width)} " if label_width else "  - "
        lines.extend(textwrap.wrap(text, WIDTH, initial_indent=head, subsequent_indent=" " * len(head),
                                   break_long_words=False, break_on_hyphens=False))
    return add
