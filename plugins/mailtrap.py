"""Mailtrap, as a data sheet: the sandbox (Email Testing) and the sending service.

Facts and confidence levels: PROVIDERS-2.md section 1.9 in the project's shared notes.
The sandbox speaks STARTTLS on every port, 465 included, against the usual rule for 465:
the data below says so, and ``port-security-mismatch`` and ``provider-security`` defer to
it. The sending hosts document 587; their other ports are L.
"""

from __future__ import annotations

from emaillint.api import (
    API_KEY,
    HIGH,
    LOW,
    PASSWORD,
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

SANDBOX = "https://mailtrap.io/fake-smtp-server/"
SENDING = "https://mailtrap.io/smtp-service/"
OLD_SANDBOX = "https://suraj588.github.io/Titans-Arsenic/faq.html"

SENDING_PLANS = ("free", "paid")


# Sending: 587 documented (the Laravel sample), 2525, 25 and 465 as guides list them (L).
SENDING_PORTS = (endpoints(SENDING, starttls=(587,), confidence=HIGH)
                 + endpoints(SENDING, starttls=(2525, 25), tls=(465,), recommended=0, confidence=LOW))


MAILTRAP = Provider(
    name="mailtrap",
    title="Mailtrap",
    hosts=(
        Host("live.smtp.mailtrap.io", SENDING_PORTS, SENDING, plans=SENDING_PLANS, confidence=HIGH,
             note="transactional mail; never promotional mail"),
        Host("bulk.smtp.mailtrap.io", SENDING_PORTS, SENDING, plans=SENDING_PLANS, confidence=HIGH,
             note="bulk: newsletters and promotions"),
        Host("sandbox.smtp.mailtrap.io", endpoints(SANDBOX, starttls=(2525, 25, 465, 587), confidence=HIGH),
             SANDBOX, plans=("sandbox",), confidence=HIGH,
            note="STARTTLS on every port, 465 included; captures mail, delivers none"),
    ),
    legacy_hosts=(
        OtherHost("smtp.mailtrap.io", "sandbox.smtp.mailtrap.io",
                  "the sandbox's older name, still in many configs", OLD_SANDBOX, confidence=LOW),
    ),
    domains=(),
    plans=(
        Plan("sandbox", "Mailtrap's Email Testing sandbox", SANDBOX, confidence=HIGH,
             sandbox="it captures every message in a test inbox and delivers none ('Never put sandbox"
                     " settings in production')"),
        Plan("free", "Mailtrap free", SENDING, messages_per_day=150, confidence=HIGH,
             note="150 emails a day and one sending domain"),
        Plan("paid", "Mailtrap paid", SENDING, confidence=HIGH, note="no daily sending limit"),
    ),
    auth=(
        AuthMethod(API_KEY, SENDING, plans=SENDING_PLANS, confidence=HIGH,
                   note="the username api and an API token as the password"),
        AuthMethod(PASSWORD, SANDBOX, plans=("sandbox",), confidence=HIGH,
                   note="the username and password of the sandbox inbox"),
    ),
    usernames=(
        Username("the word itself; the password is an API token", SENDING, fixed="api", confidence=HIGH,
                 plans=SENDING_PLANS),
    ),
    sender_policy=VERIFIES_SENDER,
    sender_source=SENDING,
    sender_confidence=HIGH,
    sender_note="verify the From domain as a sending domain in Mailtrap",
    explanation=(
        "Mailtrap has two services. Email Testing's sandbox.smtp.mailtrap.io captures mail in a test"
        " inbox and delivers nothing: port 2525 (also 25, 465 and 587), STARTTLS on every port, 465"
        " included, with the inbox's own username and password. Email Sending delivers: transactional"
        " mail through live.smtp.mailtrap.io, promotional mail through bulk.smtp.mailtrap.io, port 587"
        " with STARTTLS, the username api and an API token as the password. The free plan sends 150"
        " emails a day from one domain."
    ),
    setup=f"Sending: create an API token and verify a sending domain ({SENDING}); testing: copy the"
          f" sandbox inbox's SMTP credentials ({SANDBOX}).",
    sources=(SANDBOX, SENDING),
)


@hookimpl
def emaillint_providers():
    return [MAILTRAP]
