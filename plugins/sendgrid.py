"""Twilio SendGrid, as a data sheet.

Facts and confidence levels: PROVIDERS-2.md section 1.2 in the project's shared notes.
SendGrid's SMTP rate limits and per-message recipient cap are not in the copy read there
(its open question 1), so the plan has no limits.
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
    Plan,
    Provider,
    SecretShape,
    Username,
    endpoints,
    hookimpl,
)

SMTP_API = "https://www.twilio.com/docs/sendgrid/for-developers/sending-email/integrating-with-the-smtp-api"
API_KEYS = ("https://www.twilio.com/docs/sendgrid/for-developers/sending-email/"
            "upgrade-your-authentication-method-to-api-keys")
EU_REGION = ("https://github.com/symfony/symfony/blob/7.3/src/Symfony/Component/Mailer/Bridge/Sendgrid/"
             "Tests/Transport/SendgridSmtpTransportTest.php")
EU_REPORT = "https://github.com/licenseware/send-email-notification/issues/26"
GITLEAKS_SENDGRID = "https://github.com/gitleaks/gitleaks/blob/master/cmd/generate/config/rules/sendgrid.go"
SENDER_IDENTITY = "https://github.com/sendgrid/sendgrid-nodejs/issues/1088"


# "For an unencrypted or a TLS connection, use port 25, 2525, or 587. For a SSL connection,
# use port 465": STARTTLS on the first three, implicit TLS on 465.
PORTS = endpoints(SMTP_API, starttls=(587, 25, 2525), tls=(465,), confidence=HIGH)


SENDGRID = Provider(
    name="sendgrid",
    title="SendGrid",
    hosts=(
        Host("smtp.sendgrid.net", PORTS, SMTP_API, confidence=HIGH),
        Host("smtp.eu.sendgrid.net", PORTS, f"{EU_REGION} {EU_REPORT}", confidence=MEDIUM,
             note="for EU data-residency subusers, with a key of an EU subuser"),
    ),
    domains=(),
    plans=(Plan("account", "SendGrid", SMTP_API, confidence=LOW,
                note="SendGrid's SMTP rate limits were cut off in the copy of its page that was read, so"
                     " none are checked"),),
    auth=(AuthMethod(API_KEY, API_KEYS, confidence=HIGH,
                     note="an API key with at least the Mail Send permission, as the password"),),
    usernames=(
        Username("the word itself, not the API key and not an address; the API key is the password, and"
                 " username and password sign-in ended in Q4 2020", f"{SMTP_API} {API_KEYS}", fixed="apikey",
                 confidence=HIGH),
    ),
    secrets=(
        SecretShape("sendgrid-api-key", r"\bSG\.[\w-]{22}\.[\w-]{43}(?![\w-])", "a SendGrid API key (SG. and"
                    " 66 more characters)", f"{API_KEYS} {GITLEAKS_SENDGRID}", confidence=MEDIUM),
    ),
    sender_policy=VERIFIES_SENDER,
    sender_source=SENDER_IDENTITY,
    sender_confidence=HIGH,
    sender_note="verify the From address as a Sender Identity (single sender or domain authentication) in"
                " SendGrid ('550 The from address does not match a verified Sender Identity' otherwise)",
    explanation=(
        "SendGrid accepts mail submission on smtp.sendgrid.net (smtp.eu.sendgrid.net for EU subusers):"
        " STARTTLS on 587 (recommended), 25 and 2525, implicit TLS on 465. The username is the word"
        " apikey and the password an API key (69 characters, beginning SG.); passwords with the"
        " account's own username stopped working in Q4 2020. Keep the key on one line: a line break"
        " in it (a YAML block scalar) fails the sign-in. The From must be a verified Sender Identity."
    ),
    setup=f"Create an API key with at least the Mail Send permission in SendGrid's settings ({API_KEYS}).",
    sources=(SMTP_API, API_KEYS),
)


@hookimpl
def emaillint_providers():
    return [SENDGRID]
