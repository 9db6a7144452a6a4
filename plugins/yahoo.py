"""Yahoo Mail, as a data sheet.

Facts and confidence levels: PROVIDERS.md section 1.2 in the project's shared notes.
Yahoo publishes no sending limits for consumer accounts: the figures below are Yahoo
Small Business's published ones, used as a conservative estimate and marked as such.
"""

from __future__ import annotations

from emaillint.api import (
    APP_PASSWORD,
    OAUTH2,
    PASSWORD,
    REJECTS_SENDER,
    STARTTLS,
    TLS,
    AuthMethod,
    Endpoint,
    Host,
    OtherHost,
    Plan,
    Provider,
    SenderRule,
    hookimpl,
)

SMTP_SETTINGS = "https://help.yahoo.com/kb/SLN4075.html"
ISPDB = "https://github.com/thunderbird/autoconfig/blob/master/ispdb/yahoo.com.xml"
APP_PASSWORDS = "https://help.yahoo.com/kb/SLN15241.html"
# Medium confidence: user reports of the end of "allow apps that use less secure sign
# in" from 2020-10-20; Yahoo's current help mentions only app passwords.
LESS_SECURE_SIGN_IN = "https://github.com/OfflineIMAP/offlineimap/issues/688"
# High confidence for Yahoo Small Business; low for consumer accounts (an estimate).
SMALL_BUSINESS_LIMITS = "https://help.yahoo.com/kb/SLN17518.html"
# Low-medium confidence: field reports of Yahoo refusing a From that is not the account.
SENDER = "https://github.com/PHPMailer/PHPMailer/issues/444"
# Yahoo's 2024 sender requirements, read only in paraphrases of its Sender Hub
# (PROVIDERS-2.md section 3.4, M).
SENDER_HUB = "https://senders.yahooinc.com/best-practices/"

YAHOO = Provider(
    name="yahoo",
    title="Yahoo Mail",
    hosts=(
        Host("smtp.mail.yahoo.com", (
            Endpoint(587, STARTTLS, SMTP_SETTINGS, recommended=True),
            Endpoint(465, TLS, SMTP_SETTINGS),
        ), source=SMTP_SETTINGS),
    ),
    wrong_hosts=(
        OtherHost("imap.mail.yahoo.com", "smtp.mail.yahoo.com",
                  "imap.mail.yahoo.com is Yahoo's IMAP server (reading mail), not its SMTP server", ISPDB),
        OtherHost("pop.mail.yahoo.com", "smtp.mail.yahoo.com",
                  "pop.mail.yahoo.com is Yahoo's POP server (reading mail), not its SMTP server", ISPDB),
    ),
    # The username domains Thunderbird's ISPDB sends to smtp.mail.yahoo.com. Not
    # yahoo.co.jp: Yahoo! JAPAN is another company with its own servers.
    domains=(
        "yahoo.com", "yahoo.de", "yahoo.it", "yahoo.fr", "yahoo.es", "yahoo.se", "yahoo.co.in",
        "yahoo.co.uk", "yahoo.co.nz", "yahoo.com.au", "yahoo.com.ar", "yahoo.com.br",
        "yahoo.com.mx", "ymail.com", "myyahoo.com", "rocketmail.com", "cox.net",
    ),
    plans=(
        Plan("free", "Yahoo Mail", SMALL_BUSINESS_LIMITS, recipients_per_day=500, messages_per_day=500,
             recipients_per_message=100, estimate=True,
             note="Yahoo publishes no limits for personal accounts; emaillint uses Yahoo Small"
                  " Business's 500 recipients/day and 100 per message, an estimate"),
    ),
    auth=(
        AuthMethod(PASSWORD, LESS_SECURE_SIGN_IN, retired_on="2020-10-20",
                   note="the 'allow apps that use less secure sign in' switch no longer exists:"
                        " third-party apps sign in with an app password (generate one under Account"
                        " security) or with OAuth2"),
        AuthMethod(APP_PASSWORD, APP_PASSWORDS),
        AuthMethod(OAUTH2, ISPDB),
    ),
    sender_policy=REJECTS_SENDER,
    sender_source=SENDER,
    sender_rules=(
        SenderRule("Yahoo's sender requirements ask for SPF, DKIM and DMARC aligned with the From"
                   " domain, and yahoo.com publishes a DMARC reject policy", SENDER_HUB, since="2024-02-01",
                   confidence="M"),
    ),
    explanation=(
        "Yahoo Mail accepts mail submission on smtp.mail.yahoo.com: port 587 with STARTTLS or"
        " 465 with implicit TLS, signed in with the full address and an app password (the"
        " account password fails with 535 5.7.0 (#AUTH005)). Yahoo does not publish sending"
        " limits for personal accounts; emaillint assumes Yahoo Small Business's 500"
        " recipients a day and 100 per message, and To, CC and BCC all count."
    ),
    setup=(
        "App password: sign in at https://login.yahoo.com/account/security, choose 'Generate"
        " app password' and use it as the SMTP password (it stays valid when the account"
        f" password changes; delete it to revoke it; {APP_PASSWORDS}). OAuth2: register an"
        f" app with Yahoo and request the mail-w scope ({ISPDB})."
    ),
    sources=(SMTP_SETTINGS, ISPDB, APP_PASSWORDS, SMALL_BUSINESS_LIMITS),
)


@hookimpl
def emaillint_providers():
    return [YAHOO]
