"""AOL Mail, as a data sheet.

Facts and confidence levels: PROVIDERS-2.md section 2.7 and correction 6 in the project's
shared notes.
"""

from __future__ import annotations

from emaillint.api import (
    APP_PASSWORD,
    HIGH,
    MEDIUM,
    NOT_ACCEPTED,
    OAUTH2,
    PASSWORD,
    AuthMethod,
    Host,
    Plan,
    Provider,
    endpoints,
    reading_hosts,
)

from emaillint_plugins import mailboxes as listed

ISPDB = "https://github.com/thunderbird/autoconfig/blob/master/ispdb/aol.com.xml"
WELL_KNOWN = "https://github.com/nodemailer/nodemailer/blob/master/lib/well-known/services.json"
APP_PASSWORDS = "https://github.com/chatmail/provider-db/blob/main/_providers/aol.md"

AOL = Provider(
    name="aol",
    title="AOL Mail",
    hosts=(
        Host("smtp.aol.com", (
            endpoints(ISPDB, tls=(465,), confidence=HIGH)
            + endpoints(WELL_KNOWN, starttls=(587,), recommended=0, confidence=MEDIUM)
        ), ISPDB, confidence=MEDIUM),
    ),
    wrong_hosts=reading_hosts("AOL Mail", "smtp.aol.com", ISPDB, "imap.aol.com", "pop.aol.com", confidence=HIGH),
    domains=listed.aol.domains,
    plans=(Plan("free", "AOL Mail", ISPDB, confidence=HIGH, note="no published SMTP limits here"),),
    auth=(
        AuthMethod(PASSWORD, APP_PASSWORDS, retirement=NOT_ACCEPTED, confidence=MEDIUM,
                   note="third-party apps sign in to AOL with an app password (Account Security >"
                        " Generate app password) or with OAuth2"),
        AuthMethod(APP_PASSWORD, APP_PASSWORDS, confidence=MEDIUM),
        AuthMethod(OAUTH2, ISPDB, confidence=HIGH),
    ),
    explanation=(
        "AOL Mail accepts mail submission on smtp.aol.com: 465 with implicit TLS (Thunderbird's"
        " setting) or 587 with STARTTLS, signed in with the full address and an app password, or"
        " OAuth2 (scope mail-w). Verizon mail moved to AOL in 2025."
    ),
    setup=("Account Security (https://login.aol.com/account/security) > Generate app password, and use"
           f" it as the SMTP password ({APP_PASSWORDS})."),
    sources=(ISPDB, WELL_KNOWN, APP_PASSWORDS),
)

