"""Zoho Mail, as a data sheet: a host per data centre, and smtppro for paid organisations.

Facts and confidence levels: PROVIDERS-2.md section 1.10 and correction 4 in the project's
shared notes. Zoho's help says personal users and free organisations submit on
smtp.zoho.<dc>, paid organisations on smtppro.zoho.<dc> (H, a word-for-word copy).
The com.cn and sa data centres are third-party reports (L) and are not listed.
"""

from __future__ import annotations

from emaillint.api import (
    APP_PASSWORD,
    HIGH,
    MEDIUM,
    PASSWORD,
    REJECTS_SENDER,
    AuthMethod,
    Host,
    Plan,
    Provider,
    endpoints,
    reading_hosts,
)

from emaillint_plugins import mailboxes as listed

SMTP_HELP = "https://www.zoho.com/mail/help/zoho-smtp.html"
ISPDB = "https://github.com/thunderbird/autoconfig/blob/master/ispdb/{}.xml"
RELAYING = "https://github.com/mybb/mybb/issues/2644"
CENTRES = ("zoho.com", "zoho.eu", "zoho.in", "zoho.com.au", "zoho.jp", "zohocloud.ca")
"""Data centres and their host suffixes (ISPDB zoho.*.xml; zohocloud.ca added 2025-10-22)."""
PAID = ("paid-org",)


def _ports(source: str) -> tuple:
    return endpoints(source, starttls=(587,), tls=(465,), recommended=465, confidence=HIGH)


ZOHO = Provider(
    name="zoho",
    title="Zoho Mail",
    # smtppro first: the engine suggests the first host that serves the account's plan.
    hosts=tuple(Host(f"smtppro.{centre}", _ports(SMTP_HELP), SMTP_HELP, plans=PAID, confidence=HIGH,
                     note="paid organisations (a domain-based address)")
                for centre in CENTRES)
    + tuple(Host(f"smtp.{centre}", _ports(f"{ISPDB.format(centre)} {SMTP_HELP}"), ISPDB.format(centre),
                 confidence=HIGH, note="personal accounts and free organisations")
            for centre in CENTRES),
    wrong_hosts=tuple(entry for centre in CENTRES for entry in reading_hosts(
        "Zoho Mail", f"smtp.{centre}", ISPDB.format(centre), f"imap.{centre}", f"pop.{centre}", confidence=HIGH)),
    domains=listed.zoho.domains,
    plans=(
        Plan("personal", "Zoho Mail personal", SMTP_HELP, confidence=HIGH, note="no published SMTP limits here"),
        Plan("free-org", "Zoho Mail free organisation", SMTP_HELP, organization=True, confidence=HIGH,
             note="submits on smtp.zoho.<dc>, like personal accounts"),
        Plan("paid-org", "Zoho Mail paid organisation", SMTP_HELP, organization=True, confidence=HIGH,
             note="submits on smtppro.zoho.<dc>"),
    ),
    auth=(
        AuthMethod(PASSWORD, SMTP_HELP, confidence=HIGH),
        AuthMethod(APP_PASSWORD, SMTP_HELP, confidence=HIGH,
                   note="an application-specific password, needed once two-factor authentication is on"),
    ),
    sender_policy=REJECTS_SENDER,
    sender_source=f"{SMTP_HELP} {RELAYING}",
    sender_confidence=HIGH,
    sender_note="send from the account's address or one of its aliases (553 Relaying disallowed otherwise)",
    explanation=(
        "Zoho Mail accepts mail submission on smtp.zoho.<data centre> (com, eu, in, com.au, jp; and"
        " smtp.zohocloud.ca) for personal accounts and free organisations, and on smtppro.zoho.<data"
        " centre> for paid organisations: 465 with implicit TLS or 587 with STARTTLS. The username is"
        " the full address; with two-factor authentication on, the password is an application-specific"
        " password. The From must be the account's address or an alias."
    ),
    setup=("With two-factor authentication on: Zoho Accounts > Security > App Passwords > Generate"
           f" ({SMTP_HELP})."),
    sources=(SMTP_HELP,) + tuple(ISPDB.format(centre) for centre in CENTRES),
)

