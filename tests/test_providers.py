"""The built-in provider data sheets, and what `providers` and `explain` make of them."""

from __future__ import annotations

import re

import pytest

from emaillint.cli import main
from emaillint.plugins import load_registry
from emaillint.provider import domain_matches, facts

from helpers import MAILBOXES, REPO, SENDERS

BUILTIN_PROVIDERS = ("gmail", "hotmail", "outlook", "yahoo") + SENDERS
SECTIONS = ("## What it does", "## Why is this bad", "## Example", "## Use instead")
URL = re.compile(r"^https://[^\s]+$")


@pytest.fixture(scope="module")
def registry():
    registry = load_registry()
    registry.providers.everything()  # the listed sheets too
    return registry


def cli(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_the_builtin_providers_come_from_their_own_entry_points(registry):
    assert {name: registry.providers.plugin_of[name] for name in BUILTIN_PROVIDERS} == {
        name: name for name in BUILTIN_PROVIDERS}
    assert {registry.providers.plugin_of[name] for name in MAILBOXES} == {"mailboxes"}  # one plugin lists them
    assert registry.errors == []
    assert registry.providers.by_name["hotmail"].family == registry.providers.by_name["outlook"].family


@pytest.mark.parametrize("name", BUILTIN_PROVIDERS + MAILBOXES)
def test_every_fact_carries_its_source_url(registry, name):
    provider = registry.providers.by_name[name]
    sources = [("provider", s) for s in provider.sources]
    for host in provider.hosts:
        sources += [(host.name, host.source)] + [(f"{host.name}:{e.port}", e.source) for e in host.endpoints]
    sources += [(other.name, other.source) for other in provider.legacy_hosts + provider.wrong_hosts]
    sources += [(f"auth {a.method}", a.source) for a in provider.auth]
    sources += [(f"plan {p.name}", p.source) for p in provider.plans]
    sources += [(f"username {u.fixed or u.pattern}", u.source) for u in provider.usernames]
    sources += [(f"secret {s.name}", s.source) for s in provider.secrets]
    if provider.sender_policy:
        sources.append(("sender", provider.sender_source))
    assert len(sources) > 5
    assert [(what, source) for what, source in sources
            if not source.split() or not all(URL.match(url) for url in source.split())] == []


@pytest.mark.parametrize("name", SENDERS + MAILBOXES)
def test_every_fact_of_a_sending_service_states_its_confidence(registry, name):
    """PROVIDERS-2 rates every fact H, M or L; the sheet says which, so findings are graded."""
    provider = registry.providers.by_name[name]
    assert [fact for fact in facts(provider) if fact.confidence not in ("H", "M", "L")] == []
    assert not provider.sender_policy or provider.sender_confidence in ("H", "M", "L")


def test_a_medium_fact_makes_an_error_only_when_two_sources_agree():
    from emaillint.provider import Plan, graded

    assert graded("error", Plan("p", "P", "https://a.example", confidence="H")) == "error"
    assert graded("error", Plan("p", "P", "https://a.example https://b.example", confidence="M")) == "error"
    assert graded("error", Plan("p", "P", "https://a.example", confidence="M")) == "warning"
    assert graded("error", Plan("p", "P", "https://a.example https://b.example", confidence="L")) == "info"
    assert graded("info", Plan("p", "P", "https://a.example", confidence="H")) == "info"
    assert graded("error", Plan("p", "P", "https://a.example")) == "error"  # unstated: the old sheets'


def test_the_providers_page_cites_every_source_of_every_builtin_sheet(registry):
    """docs/providers.md has a section per built-in provider, and every URL its sheet cites."""
    page = (REPO / "docs" / "providers.md").read_text(encoding="utf-8")
    for name in BUILTIN_PROVIDERS + MAILBOXES:
        provider = registry.providers.by_name[name]
        heading = f"### {provider.title} (`{name}`)"
        assert heading in page, heading
        section = page.split(heading, 1)[1].split("\n### ", 1)[0].split("\n## ", 1)[0]
        cited = set(re.findall(r"<(https?://[^>]+)>", section))
        urls = {url for fact in facts(provider) for url in fact.source.split()}
        urls |= set(provider.sender_source.split())
        assert urls - cited == set(), name


@pytest.mark.parametrize("name", BUILTIN_PROVIDERS + MAILBOXES)
def test_dates_are_iso_and_estimates_say_so(registry, name):
    provider = registry.providers.by_name[name]
    for entry in provider.auth:
        assert entry.retired_on is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", entry.retired_on)
        assert not entry.retired_on or entry.note, f"{name} {entry.method}: a retirement needs advice"
    for plan in provider.plans:
        assert not plan.estimate or "estimate" in plan.note, f"{name} {plan.name}: say it is an estimate"
    assert provider.setup and "https://" in provider.setup


@pytest.mark.parametrize("name", BUILTIN_PROVIDERS + MAILBOXES)
def test_sign_in_advice_names_no_setting_of_one_format(registry, name):
    """Notes are read by users of every dialect; legacy-auth adds ``auth:`` where a format has it."""
    for entry in registry.providers.by_name[name].auth:
        assert not re.search(r"\b(auth|plan|host|port|security|password): ", entry.note), entry.note


@pytest.mark.parametrize("pattern, domain, expected", [
    ("gmail.com", "gmail.com", True),
    ("gmail.com", "mail.gmail.com", False),
    ("yahoo.*", "yahoo.com", True),
    ("yahoo.*", "yahoo.co.uk", True),
    ("yahoo.*", "yahoo.com.br", True),
    ("live.*", "live.acme.com", False),
    ("live.*", "live.example.org", False),
    ("live.*", "livemail.tw", False),
])
def test_country_variant_patterns_do_not_claim_company_subdomains(pattern, domain, expected):
    assert domain_matches(pattern, domain) is expected


def test_providers_prints_each_plan_as_a_table_row(capsys):
    code, out, err = cli(capsys, "providers")
    assert (code, err) == (0, "")
    table = out.split("\n\n", 1)[0].splitlines()
    rows = [[cell.strip() for cell in line.split("  ") if cell.strip()] for line in table]
    assert len(rows) == 1 + sum(len(load_registry().providers.provider(name).plans)
                                for name in BUILTIN_PROVIDERS + MAILBOXES)
    assert [row for row in rows if row[0] in SENDERS and row[1] in ("sandbox", "account", "free")][:4] == [
        ["amazon-ses", "sandbox", "email-smtp.<region>.amazonaws.com",
         "587 starttls, 25 starttls, 465 tls, 2465 tls, 2587 starttls", "api-key", "200", "-", "50"],
        ["brevo", "free", "smtp-relay.brevo.com", "587 starttls, 465 tls, 2525 starttls", "api-key", "-", "300", "-"],
        ["mailgun", "sandbox", "smtp.mailgun.org", "587 starttls, 25 starttls, 465 tls, 2525 starttls", "api-key",
         "300", "-", "-"],
        ["mailjet", "free", "in-v3.mailjet.com", "587 starttls, 25 starttls (M), 465 tls (M), 2525 starttls (M)",
         "api-key", "-", "200", "-"],
    ]
    assert ["sendgrid", "account", "smtp.sendgrid.net", "587 starttls, 25 starttls, 465 tls, 2525 starttls",
            "api-key; username apikey", "-", "-", "-"] in rows
    assert [row for row in rows if row[0] not in SENDERS + MAILBOXES] == [
        ["PROVIDER", "PLAN", "HOST", "PORT/SECURITY", "SIGN-IN", "RECIPIENTS/DAY", "MESSAGES/DAY", "PER MESSAGE"],
        ["gmail", "free", "smtp.gmail.com", "587 starttls, 465 tls", "app-password, oauth2; password until 2022-05-30", "500", "500", "100"],
        ["gmail", "workspace-trial", "smtp.gmail.com", "587 starttls, 465 tls", "app-password, oauth2; password until 2024-09-30", "500", "500", "100"],
        ["gmail", "workspace", "smtp.gmail.com", "587 starttls, 465 tls", "app-password, oauth2; password until 2024-09-30", "10,000", "2,000", "100"],
        ["hotmail", "free", "smtp-mail.outlook.com", "587 starttls", "oauth2; password, app-password until 2024-09-16", "300~", "-", "100~"],
        ["hotmail", "subscriber", "smtp-mail.outlook.com", "587 starttls", "oauth2; password, app-password until 2024-09-16", "5,000", "-", "500"],
        ["outlook", "free", "smtp-mail.outlook.com", "587 starttls", "oauth2; password, app-password until 2024-09-16", "300~", "-", "100~"],
        ["outlook", "subscriber", "smtp-mail.outlook.com", "587 starttls", "oauth2; password, app-password until 2024-09-16", "5,000", "-", "500"],
        ["outlook", "microsoft365", "smtp.office365.com", "587 starttls, 25 starttls", "oauth2; password, app-password off by default from 2026-12-31", "10,000", "-", "500"],
        ["yahoo", "free", "smtp.mail.yahoo.com", "587 starttls, 465 tls", "app-password, oauth2; password until 2020-10-20", "500~", "500~", "100~"],
    ]
    assert out.split("\n\n", 1)[1].startswith("~: the provider does not publish this figure, so it is an estimate")


def test_providers_details_give_legacy_hosts_setup_links_and_sources(capsys):
    _, out, _ = cli(capsys, "providers")
    text = " ".join(out.split())  # undo the wrapping
    for needle in (
        "Gmail (gmail, plugin gmail)",
        "Hotmail (hotmail, plugin hotmail)",
        "Outlook (outlook, plugin outlook)",
        "Yahoo Mail (yahoo, plugin yahoo)",
        "legacy smtp.live.com [free, subscriber] -> smtp-mail.outlook.com: Hotmail's old name",
        "legacy smtp-legacy.office365.com [microsoft365] -> smtp.office365.com",
        "not smtp outlook.office365.com [microsoft365] -> smtp.office365.com",
        "host smtp.office365.com [microsoft365]: 587 starttls, 25 starttls; Microsoft 365 SMTP AUTH client"
        " submission; port 465 is not offered",
        "sign-in password [microsoft365] off by default from 2026-12-31 (M) (https://techcommunity.microsoft.com/",
        "sign-in app-password [free, subscriber] until 2024-09-16 (M) (https://github.com/chatmail/",
        "sender for From gmail.com, googlemail.com: Google's sender guidelines say \"Don't impersonate Gmail From:"
        " headers\"",
        "create one at https://myaccount.google.com/apppasswords",
        "sign in at https://login.yahoo.com/account/security, choose 'Generate app password'",
        "request the delegated scopes https://outlook.office.com/SMTP.Send and offline_access",
        "Manage email apps > Authenticated SMTP",
        "plan free (Yahoo Mail): 500~ recipients/day, 500~ messages/day, 100~ per message; Yahoo"
        " publishes no limits for personal accounts",
        "confirm it from the same browser and network the server uses",
        "usernames yahoo.com, yahoo.de",
    ):
        assert needle in text


def test_providers_details_give_the_sending_services_facts(capsys):
    _, out, _ = cli(capsys, "providers")
    text = " ".join(out.split())
    for needle in (
        "Amazon SES (amazon-ses, plugin amazon-ses)",
        "host email-smtp-fips.<region>.amazonaws.com (M): 587 starttls",
        "not smtp email.<region>.amazonaws.com (HTTPS API) -> email-smtp.<region>.amazonaws.com",
        "not smtp inbound-smtp.<region>.amazonaws.com (receives mail) -> email-smtp.<region>.amazonaws.com",
        "username the SMTP user name that SES shows with the SMTP password",
        "secret 40 characters like an IAM secret access key; not for the SMTP password",
        "plan sandbox (Amazon SES sandbox): 200 recipients/day, 50 per message; sandbox: sends only to addresses",
        "username apikey: the word itself, not the API key",
        "legacy in.mailjet.com -> in-v3.mailjet.com (L)",
        "host sandbox.smtp.mailtrap.io [sandbox]: 2525 starttls, 25 starttls, 465 starttls, 587 starttls",
        "sender sends only from addresses or domains verified with it; how: verify the From address as a Sender"
        " Identity",
    ):
        assert needle in text, needle


def test_every_rule_explanation_has_the_four_sections_in_order(registry):
    assert len(registry.rules) >= 22
    for rule in registry.rules.values():
        positions = [rule.explanation.find(section) for section in SECTIONS]
        assert -1 not in positions and positions == sorted(positions), rule.id


@pytest.mark.parametrize("rule", sorted(load_registry().rules))
def test_explain_prints_every_rule(capsys, rule):
    code, out, err = cli(capsys, "explain", rule)
    assert (code, err) == (0, "")
    assert out.startswith(f"{rule} (")
    assert all(section in out for section in SECTIONS)


def test_explain_legacy_auth_gives_every_providers_dates_and_setup(capsys):
    _, out, _ = cli(capsys, "explain", "legacy-auth")
    providers = out[out.index("## Providers"):]
    text = " ".join(providers.split())
    for needle in (
        "Gmail (gmail): - password [free] until 2022-05-30: 'less secure apps' and DisplayUnlockCaptcha no longer"
        " exist: sign in with an app password (create one after turning on 2-Step Verification) or with OAuth2",
        "- password [workspace-trial, workspace] until 2024-09-30",
        "- setup: App password: turn on 2-Step Verification, then create one at https://myaccount.google.com/apppasswords",
        "Hotmail (hotmail): - password until 2024-09-16: personal Microsoft accounts accept only OAuth2",
        "- app-password until 2024-09-16: app passwords are Basic authentication too",
        "- password [microsoft365] off by default from 2026-12-31: from the end of December 2026 Basic SMTP"
        " AUTH works only where an admin turned it back on for the tenant, until the final removal, which"
        " Microsoft will announce in the second half of 2027",
        "Yahoo Mail (yahoo): - password until 2020-10-20: the 'allow apps that use less secure sign in' switch"
        " no longer exists: third-party apps sign in with an app password",
        "https://login.yahoo.com/account/security",
        "https://outlook.office.com/SMTP.Send",
    ):
        assert needle in text


@pytest.mark.parametrize("rule, needle", [
    ("provider-host", "- not outlook.office365.com [microsoft365]: outlook.office365.com is Microsoft's IMAP and POP server"),
    ("legacy-host", "- not smtp.live.com [free, subscriber]: Hotmail's old name"),
    ("provider-port", "- smtp.office365.com [microsoft365]: 587 starttls, 25 starttls"),
    ("daily-recipient-quota", "- microsoft365 (Microsoft 365): 10,000 recipients/day, 500 per message"),
    ("cc-quota", "- free (Gmail free): 500 recipients/day, 500 messages/day, 100 per message"),
    ("sender-mismatch", "- rewrites a From it does not know; instead: add that address as a verified 'Send mail as' alias"),
    ("provider-mismatch", "- usernames: gmail.com, googlemail.com"),
    ("provider-username", "SendGrid (sendgrid): - apikey: the word itself, not the API key and not an address"),
    ("provider-username", "Mailgun (mailgun): - the SMTP login of the sending domain, a full address"),
    ("provider-password", "Brevo (brevo): - a Brevo API key (it begins xkeysib-); not for the SMTP password"),
    ("plaintext-password", "SendGrid (sendgrid): - a SendGrid API key (SG. and 66 more characters)"),
    ("provider-host", "- not email.<region>.amazonaws.com: <host> is Amazon SES's HTTPS API endpoint"),
])
def test_explain_adds_the_provider_notes_of_provider_rules(capsys, rule, needle):
    _, out, _ = cli(capsys, "explain", rule)
    assert needle in " ".join(out[out.index("## Providers"):].split())


def test_explain_of_a_core_rule_has_no_provider_notes(capsys):
    _, out, _ = cli(capsys, "explain", "yaml-syntax")
    assert "## Providers" not in out


@pytest.mark.parametrize("command, page", [("providers", "providers.md"), ("explain legacy-auth", "rules.md")])
def test_the_documented_samples_are_real_output(capsys, command, page):
    """Every line of the page's sample is printed, in that order ('...' skips lines)."""
    text = (REPO / "docs" / page).read_text(encoding="utf-8")
    sample = text.split(f"```text\n$ emaillint {command}\n", 1)[1].split("```", 1)[0].splitlines()
    _, out, _ = cli(capsys, *command.split())
    printed = out.splitlines()
    position = 0
    for line in sample:
        if line == "...":
            continue
        assert line in printed[position:], f"{page}: line not printed (in order): {line!r}"
        position = printed.index(line, position) + 1
    assert len([line for line in sample if line != "..."]) > 10


@pytest.mark.parametrize("as_of, line", [
    ("2026-12-01", "examples/microsoft365-invoices.yaml:9:11: warning legacy-auth Microsoft 365 turns plain"
                   " account passwords off by default on 2026-12-31 (announced)"),
    ("2027-01-15", "examples/microsoft365-invoices.yaml:9:11: warning legacy-auth Microsoft 365 turned plain"
                   " account passwords off by default on 2026-12-31"),
])
def test_as_of_keeps_the_microsoft_365_password_a_warning_that_changes_its_words(capsys, monkeypatch, as_of, line):
    """Off by default, not refused: an admin may turn Basic SMTP AUTH back on until 2027."""
    monkeypatch.chdir(REPO)
    result, out, err = cli(capsys, "check", "examples/microsoft365-invoices.yaml", "--as-of", as_of)
    assert (result, err) == (0, "")
    assert out.splitlines()[0] == line
    assert out.splitlines()[1].startswith("    help: write auth: oauth2; from the end of December 2026")
