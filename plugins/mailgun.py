"""Mailgun (Sinch), as a data sheet.

Facts and confidence levels: PROVIDERS-2.md section 1.3 in the project's shared notes.
That a domain of one region fails on the other region's host cannot be seen in a config
(a domain's region is Mailgun's record), so the sheet lists both hosts and does not guess.
"""

from __future__ import annotations

from emaillint.api import (
    API_KEY,
    HIGH,
    MEDIUM,
    VERIFIES_SENDER,
    AuthMethod,
    Host,
    Plan,
    Provider,
    Username,
    endpoints,
    hookimpl,
)

SEND_SMTP = "https://documentation.mailgun.com/docs/mailgun/user-manual/sending-messages/send-smtp"
SMTP_RELAY = "https://documentation.mailgun.com/docs/mailgun/user-manual/smtp-protocol/smtp-relay"
GOOGLE_CLOUD = "https://cloud.google.com/compute/docs/tutorials/sending-mail/using-mailgun"
GET_STARTED = "https://documentation.mailgun.com/docs/mailgun/user-manual/get-started/"
SANDBOX = "https://help.mailgun.com/hc/en-us/articles/217531258"
SENDING_DOMAIN = "https://spreecommerce.org/docs/integrations/email/mailgun"
SANDBOX_DOMAIN = r"sandbox[0-9a-f]+\.mailgun\.org"
"""The domain Mailgun gives every new account (PROVIDERS-2 G28)."""


# "Port 465 requires a TLS connection. Ports 25, 587, and 2525 require a non-TLS connection
# but may be upgraded to TLS using the STARTTLS command."
PORTS = endpoints(SEND_SMTP, starttls=(587, 25, 2525), tls=(465,), confidence=HIGH)


MAILGUN = Provider(
    name="mailgun",
    title="Mailgun",
    hosts=(
        Host("smtp.mailgun.org", PORTS, f"{SEND_SMTP} {GOOGLE_CLOUD}", confidence=HIGH,
             note="domains created in Mailgun's US region"),
        Host("smtp.eu.mailgun.org", PORTS, SEND_SMTP, confidence=HIGH,
             note="domains created in Mailgun's EU region; a domain works only on its own region's host"),
    ),
    domains=(),
    plans=(
        Plan("sandbox", "Mailgun sandbox", f"{SANDBOX} {GET_STARTED}", recipients_per_day=300, confidence=HIGH,
             sandbox="it delivers only to Authorized Recipients (at most 5), and at most 300 messages a day",
             domain_patterns=(SANDBOX_DOMAIN,),
             note="the sandbox<hex>.mailgun.org domain every new account gets; Mailgun words the limit as"
                  " '300 emails per day', and emaillint counts recipients, the conservative reading"),
        Plan("domain", "Mailgun (own domain)", GET_STARTED, confidence=HIGH,
             note="a verified sending domain of your own has no fixed daily limit"),
    ),
    auth=(AuthMethod(API_KEY, SMTP_RELAY, confidence=HIGH,
                     note="the sending domain's SMTP credentials, not the control panel password"),),
    usernames=(
        Username("the SMTP login of the sending domain, a full address such as postmaster@mg.example.com",
                 SMTP_RELAY, pattern=r"[^@\s]+@[^@\s]+\.[^@\s]+", confidence=HIGH, sending_domain=True),
    ),
    sender_policy=VERIFIES_SENDER,
    sender_source=SENDING_DOMAIN,
    sender_confidence=MEDIUM,
    sender_note="add and verify your own sending domain in Mailgun, then sign in with that domain's SMTP"
                " credentials",
    explanation=(
        "Mailgun accepts mail submission on smtp.mailgun.org, or smtp.eu.mailgun.org for domains"
        " created in the EU region: STARTTLS on 587, 25 and 2525, implicit TLS on 465. SMTP"
        " credentials belong to one sending domain: the username is a full address at that domain"
        " (often postmaster@), the password that domain's SMTP password, never the control panel"
        " password. The sandbox<hex>.mailgun.org domain of a new account delivers only to up to five"
        " Authorized Recipients, and at most 300 messages a day."
    ),
    setup=f"Each sending domain has its own SMTP credentials in Mailgun's domain settings ({SMTP_RELAY}).",
    sources=(SEND_SMTP, SMTP_RELAY, GOOGLE_CLOUD, SANDBOX, GET_STARTED),
)


@hookimpl
def emaillint_providers():
    return [MAILGUN]
