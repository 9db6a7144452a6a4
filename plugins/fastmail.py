"""Fastmail, as a data sheet.

Facts and confidence levels: PROVIDERS-2.md section 1.11 in the project's shared notes.
Fastmail never takes the account password over SMTP, with or without two-step
verification: only an app password, or OAuth2.
"""

from __future__ import annotations

from emaillint.api import (
    APP_PASSWORD,
    HIGH,
    LOW,
    MEDIUM,
    NOT_ACCEPTED,
    OAUTH2,
    PASSWORD,
    AuthMethod,
    Host,
    OtherHost,
    Plan,
    Provider,
    endpoints,
    reading_hosts,
)

from emaillint_plugins import mailboxes as listed

SERVERS = "https://www.fastmail.com/help/technical/servernamesandports.html"
APP_PASSWORDS = "https://www.fastmail.help/hc/en-us/articles/1500000279921"
ISPDB = "https://github.com/thunderbird/autoconfig/blob/master/ispdb/messagingengine.com.xml"
# STARTTLS on 587 from one guide (M); PROVIDERS-2 records the site, not the page.
PORT_587 = "https://xenocept.com/"

FASTMAIL = Provider(
    name="fastmail",
    title="Fastmail",
    hosts=(
        Host("smtp.fastmail.com", (
            endpoints(f"{SERVERS} {ISPDB}", tls=(465,), confidence=HIGH)
            + endpoints(PORT_587, starttls=(587,), recommended=0, confidence=MEDIUM)
        ), SERVERS, confidence=MEDIUM, note="465 is SSL/TLS, not STARTTLS"),
    ),
    legacy_hosts=(
        OtherHost("mail.messagingengine.com", "smtp.fastmail.com", "mail.messagingengine.com is Fastmail's old"
                  " host name", SERVERS, confidence=LOW),
    ),
    wrong_hosts=reading_hosts("Fastmail", "smtp.fastmail.com", ISPDB, "imap.fastmail.com", "pop.fastmail.com",
                              confidence=HIGH),
    domains=listed.fastmail.domains,
    plans=(Plan("paid", "Fastmail", SERVERS, confidence=HIGH, note="no published SMTP limits here"),),
    auth=(
        AuthMethod(PASSWORD, f"{SERVERS} {APP_PASSWORDS}", retirement=NOT_ACCEPTED, confidence=HIGH,
                   note="Fastmail never takes the account password from mail clients, with or without"
                        " two-step verification: create an app password (Settings > Privacy & Security"
                        " > App passwords), or sign in with OAuth2"),
        AuthMethod(APP_PASSWORD, APP_PASSWORDS, confidence=HIGH),
        AuthMethod(OAUTH2, ISPDB, confidence=HIGH),
    ),
    explanation=(
        "Fastmail accepts mail submission on smtp.fastmail.com: 465 with implicit TLS (its stated"
        " choice; SSL/TLS, not STARTTLS) or 587 with STARTTLS, signed in with the full Fastmail address"
        " and an app password; the regular password never works there."
    ),
    setup=f"Settings > Privacy & Security > App passwords > New app password ({APP_PASSWORDS}).",
    sources=(SERVERS, APP_PASSWORDS, ISPDB),
)

