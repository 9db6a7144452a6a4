"""Mailjet (Sinch), as a data sheet.

Facts and confidence levels: PROVIDERS-2.md section 1.6 in the project's shared notes.
The port list beyond 587 comes from guides (M): 2525 from two of them, 25 and 465 from
one, so a port outside the list is at most a warning.
"""

from __future__ import annotations

from emaillint.api import (
    API_KEY,
    HIGH,
    LOW,
    MEDIUM,
    VERIFIES_SENDER,
    AuthMethod,
    Host,
    OtherHost,
    Plan,
    Provider,
    Username,
    endpoints,
    hookimpl,
)

MAILER_GEM = "https://github.com/mailjet/mailjet-gem/blob/master/lib/mailjet/mailer.rb"
GOOGLE_CLOUD = "https://cloud.google.com/compute/docs/tutorials/sending-mail/using-mailjet"
SMTP_GUIDE = "https://smtptester.org/guides/mailjet-smtp-test/"
API_KEYS = "https://www.mailjet.com/support/what-are-the-api-key-and-secret-keys-how-should-i-use-them,109.htm"
SENDERS = "https://www.mailjet.com/support/account.htm"
FREE_PLAN = "https://www.captaindns.com/de/blog/mailjet-transactional-email-technical-guide"
WELL_KNOWN = "https://github.com/nodemailer/nodemailer/blob/master/lib/well-known/services.json"

MAILJET = Provider(
    name="mailjet",
    title="Mailjet",
    hosts=(
        Host("in-v3.mailjet.com", (
            endpoints(MAILER_GEM, starttls=(587,), confidence=HIGH)
            + endpoints(f"{GOOGLE_CLOUD} {SMTP_GUIDE}", starttls=(2525,), recommended=0, confidence=MEDIUM)
            + endpoints(SMTP_GUIDE, starttls=(25,), tls=(465,), recommended=0, confidence=MEDIUM)
        ), MAILER_GEM, confidence=MEDIUM,
            note="2525 where a cloud blocks 587 (Google Compute Engine)"),
    ),
    legacy_hosts=(
        OtherHost("in.mailjet.com", "in-v3.mailjet.com", "Mailjet's current SMTP host is in-v3.mailjet.com",
                  WELL_KNOWN, confidence=LOW),
    ),
    domains=(),
    plans=(
        Plan("free", "Mailjet free", FREE_PLAN, messages_per_day=200, confidence=MEDIUM,
             note="6,000 emails a month, at most 200 a day"),
        Plan("paid", "Mailjet paid", FREE_PLAN, confidence=MEDIUM, note="no daily cap is published"),
    ),
    auth=(AuthMethod(API_KEY, API_KEYS, confidence=HIGH,
                     note="the API key as the username and the secret key as the password"),),
    usernames=(
        Username("the API key (the public half of the key pair), not an address; the secret key is the"
                 " password", f"{API_KEYS} {MAILER_GEM}", pattern=r"[^@\s]+", confidence=HIGH),
    ),
    sender_policy=VERIFIES_SENDER,
    sender_source=f"{SENDERS} {SMTP_GUIDE}",
    sender_confidence=HIGH,
    sender_note="validate the From address or its whole domain as a sender in Mailjet ('550 Sender not"
                " allowed' otherwise)",
    explanation=(
        "Mailjet accepts mail submission on in-v3.mailjet.com: STARTTLS on 587 (recommended), 2525 and"
        " 25, implicit TLS on 465. The username is the API key and the password the secret key of the"
        " same pair (each sub-account has its own); there are no separate SMTP credentials. The From"
        " must be a validated sender or on a validated domain. The free plan sends at most 200 emails"
        " a day."
    ),
    setup=f"The API key and secret key are on Mailjet's API key management page ({API_KEYS}).",
    sources=(MAILER_GEM, GOOGLE_CLOUD, API_KEYS, SMTP_GUIDE),
)


@hookimpl
def emaillint_providers():
    return [MAILJET]
