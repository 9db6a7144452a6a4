"""Brevo (formerly Sendinblue), as a data sheet.

Facts and confidence levels: PROVIDERS-2.md section 1.5 in the project's shared notes.
The API key's shape (``xkeysib-``, 64 hex digits, ``-``, 16 letters or digits) is given
there as "widely seen" (L); gitleaks' rule for it is a written source, so it is M here,
with one source: a Brevo API key in the SMTP password is a warning. The free plan's 300
emails a day is M there (a guide citing Brevo's pricing); Brevo's help centre says it
itself ("to be able to send more than 300 emails per day ... upgrade your plan"), so H.
"""

from __future__ import annotations

from emaillint.api import (
    API_KEY,
    HIGH,
    MEDIUM,
    VERIFIES_SENDER,
    AuthMethod,
    Host,
    OtherHost,
    Plan,
    Provider,
    SecretShape,
    endpoints,
    hookimpl,
)

SMTP_RELAY = "https://developers.brevo.com/docs/smtp-integration"
RENAME = "https://github.com/nodemailer/nodemailer/issues/1554"
RENAME_SYMFONY = "https://github.com/symfony/symfony/issues/51222"
FREE_PLAN = "https://help.brevo.com/hc/en-us/articles/8292912279954-Add-or-remove-emails-from-your-plan"
GITLEAKS_BREVO = "https://github.com/gitleaks/gitleaks/blob/master/cmd/generate/config/rules/sendinblue.go"
SENDERS = "https://help.brevo.com/hc/fr/articles/7924908994450-Envoyer-des-emails-transactionnels-avec-Brevo-SMTP"

BREVO = Provider(
    name="brevo",
    title="Brevo",
    hosts=(
        Host("smtp-relay.brevo.com", endpoints(SMTP_RELAY, starttls=(587, 2525), tls=(465,), confidence=HIGH),
             SMTP_RELAY, confidence=HIGH),
    ),
    legacy_hosts=(
        OtherHost("smtp-relay.sendinblue.com", "smtp-relay.brevo.com",
                  "Sendinblue became Brevo, and its SMTP relay smtp-relay.brevo.com (2023-08-30)",
                  f"{RENAME} {RENAME_SYMFONY}", confidence=MEDIUM),
    ),
    domains=(),
    plans=(
        Plan("free", "Brevo free", FREE_PLAN, messages_per_day=300, confidence=HIGH,
             note="paid plans have no daily sending limit"),
        Plan("paid", "Brevo paid", FREE_PLAN, confidence=HIGH,
             note="no daily sending limit; paid plans are sold by monthly volume"),
    ),
    auth=(AuthMethod(API_KEY, SMTP_RELAY, confidence=HIGH,
                     note="the SMTP login and an SMTP key from SMTP & API settings, not an API key"),),
    secrets=(
        SecretShape("brevo-api-key", r"\bxkeysib-[0-9a-f]{64}-[A-Za-z0-9]{16}\b",
                    "a Brevo API key (it begins xkeysib-)", GITLEAKS_BREVO, confidence=MEDIUM,
                    instead="an SMTP key (it begins xsmtpsib-), generated under SMTP & API settings > SMTP: Brevo"
                            " says to use an SMTP key, not an API key, for the SMTP relay"),
    ),
    sender_policy=VERIFIES_SENDER,
    sender_source=SENDERS,
    sender_confidence=HIGH,
    sender_note="add the From address as a sender in Brevo and confirm it, or authenticate its domain",
    explanation=(
        "Brevo accepts mail submission on smtp-relay.brevo.com: 587 or 2525 with STARTTLS, or 465 with"
        " implicit TLS. Sign in with the SMTP login and an SMTP key from SMTP & API settings; an API"
        " key (it begins xkeysib-) does not work for SMTP. smtp-relay.sendinblue.com is the name from before"
        " the rename. The free plan sends 300 emails a day."
    ),
    setup=f"SMTP & API settings > SMTP tab: copy the SMTP login, and generate an SMTP key ({SMTP_RELAY}).",
    sources=(SMTP_RELAY, RENAME, FREE_PLAN),
)


@hookimpl
def emaillint_providers():
    return [BREVO]
