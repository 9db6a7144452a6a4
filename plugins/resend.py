"""Resend, as a data sheet.

Facts and confidence levels: PROVIDERS-2.md section 1.8 in the project's shared notes.
"""

from __future__ import annotations

from emaillint.api import (
    API_KEY,
    HIGH,
    LOW,
    VERIFIES_SENDER,
    AuthMethod,
    Host,
    Plan,
    Provider,
    Username,
    endpoints,
    hookimpl,
)

SEND_WITH_SMTP = "https://resend.com/docs/send-with-smtp"
CHANGELOG = "https://resend.com/changelog/smtp-service"

RESEND = Provider(
    name="resend",
    title="Resend",
    hosts=(
        Host("smtp.resend.com", (  # the changelog recommends 465
            endpoints(f"{SEND_WITH_SMTP} {CHANGELOG}", tls=(465,), confidence=HIGH)
            + endpoints(SEND_WITH_SMTP, starttls=(587, 25, 2587), tls=(2465,), recommended=0, confidence=HIGH)
        ), SEND_WITH_SMTP, confidence=HIGH),
    ),
    domains=(),
    plans=(Plan("account", "Resend", SEND_WITH_SMTP, confidence=LOW,
                note="no sending limit was found in the pages read, so none is checked"),),
    auth=(AuthMethod(API_KEY, SEND_WITH_SMTP, confidence=HIGH, note="an API key (it begins re_) as the password"),),
    usernames=(
        Username("the word itself, not the API key and not an address; the API key is the password",
                 SEND_WITH_SMTP, fixed="resend", confidence=HIGH),
    ),
    sender_policy=VERIFIES_SENDER,
    sender_source=SEND_WITH_SMTP,
    sender_confidence=HIGH,
    sender_note="verify the From domain in Resend (onboarding@resend.dev is only for trying it out)",
    explanation=(
        "Resend accepts mail submission on smtp.resend.com: implicit TLS on 465 (recommended) and"
        " 2465, STARTTLS on 587, 25 and 2587. The username is the word resend and the password an API"
        " key (it begins re_). The From must be on a domain verified in Resend."
    ),
    setup=f"Create an API key and verify a domain in Resend ({SEND_WITH_SMTP}).",
    sources=(SEND_WITH_SMTP, CHANGELOG),
)


@hookimpl
def emaillint_providers():
    return [RESEND]
