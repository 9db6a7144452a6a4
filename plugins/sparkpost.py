"""SparkPost (Bird), as a data sheet.

Facts and confidence levels: PROVIDERS-2.md section 1.7 in the project's shared notes.
SparkPost documents 587 and 2525 with STARTTLS; that no other port works is not written
(and Enterprise accounts get hosts of their own), so the host's port list is M: another
port is a warning, not an error.
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
    Username,
    endpoints,
    hookimpl,
)

SMTP_API = "https://developers.sparkpost.com/api/smtp/"
UNCONFIGURED_DOMAIN = ("https://github.com/transitland/transitland-datastore/issues/1231"
                       " https://github.com/theCrag/website/issues/2160")


# 587, or 2525 "where port 587 is blocked (such as a Google Compute Engine environment)".
PORTS = endpoints(SMTP_API, starttls=(587, 2525), confidence=HIGH)


SPARKPOST = Provider(
    name="sparkpost",
    title="SparkPost",
    hosts=(
        Host("smtp.sparkpostmail.com", PORTS, SMTP_API, confidence=MEDIUM,
             note="no implicit-TLS port is documented; Enterprise accounts get their SMTP details from"
                  " their Technical Account Manager"),
        Host("smtp.eu.sparkpostmail.com", PORTS, SMTP_API, confidence=MEDIUM, note="SparkPost EU"),
    ),
    domains=(),
    plans=(Plan("account", "SparkPost", SMTP_API, confidence=LOW,
                note="no sending limit was found in the pages read, so none is checked; SparkPost"
                     " suggests reusing a connection for up to 100 messages"),),
    auth=(AuthMethod(API_KEY, SMTP_API, confidence=HIGH,
                     note="an API key with the 'Send via SMTP' permission, as the password"),),
    usernames=(
        Username("the word itself; the password is an API key with the 'Send via SMTP' permission", SMTP_API,
                 fixed="SMTP_Injection", confidence=HIGH),
    ),
    sender_policy=VERIFIES_SENDER,
    sender_source=UNCONFIGURED_DOMAIN,
    sender_confidence=MEDIUM,
    sender_note="add and verify the From domain as a sending domain in SparkPost ('550 5.7.1 Unconfigured"
                " Sending Domain' otherwise)",
    explanation=(
        "SparkPost accepts mail submission on smtp.sparkpostmail.com (smtp.eu.sparkpostmail.com for"
        " SparkPost EU): port 587 with STARTTLS, or 2525 where 587 is blocked; no implicit-TLS port is"
        " documented. The username is the word SMTP_Injection and the password an API key with the"
        " 'Send via SMTP' permission. Enterprise accounts have SMTP hosts of their own."
    ),
    setup=f"Create an API key with the 'Send via SMTP' permission ({SMTP_API}).",
    sources=(SMTP_API,),
)


@hookimpl
def emaillint_providers():
    return [SPARKPOST]
