"""Postmark (ActiveCampaign), as a data sheet.

Facts and confidence levels: PROVIDERS-2.md section 1.4 in the project's shared notes.
Postmark documents no implicit-TLS port: 465 is not on the list, so ``provider-port``
reports it (a connection there hangs rather than failing, PROVIDERS-2 says, M).
"""

from __future__ import annotations

from emaillint.api import (
    API_KEY,
    HIGH,
    LOW,
    AuthMethod,
    Host,
    Plan,
    Provider,
    Username,
    endpoints,
    hookimpl,
)

SMTP_DETAILS = "https://postmarkapp.com/support/article/811-what-are-the-smtp-details-api-tokens-i-should-be-using"
SEND_WITH_SMTP = "https://postmarkapp.com/developer/user-guide/send-email-with-smtp"
CONNECTION_ERRORS = "https://postmarkapp.com/support/article/common-smtp-connection-errors"
SPREE_GUIDE = "https://spreecommerce.org/docs/integrations/email/postmark"


# 25, 2525 and 587, "TLS is available via the STARTTLS SMTP extension".
PORTS = endpoints(SMTP_DETAILS, starttls=(587, 25, 2525), confidence=HIGH)


POSTMARK = Provider(
    name="postmark",
    title="Postmark",
    hosts=(
        Host("smtp.postmarkapp.com", PORTS, f"{SMTP_DETAILS} {SEND_WITH_SMTP}", confidence=HIGH,
             note="transactional message streams; no implicit-TLS port (465 hangs)"),
        Host("smtp-broadcasts.postmarkapp.com", PORTS, SMTP_DETAILS, confidence=HIGH,
             note="broadcast (bulk, marketing) message streams; keep them off the transactional stream"),
    ),
    domains=(),
    plans=(Plan("server", "Postmark", SMTP_DETAILS, confidence=LOW,
                note="no sending limit was found in the pages read, so none is checked"),),
    auth=(AuthMethod(API_KEY, SEND_WITH_SMTP, confidence=HIGH,
                     note="a Server API Token as both username and password, or an SMTP token's Access"
                          " Key and Secret Key"),),
    usernames=(
        Username("a token (the Server API Token, which is also the password, or an SMTP token's Access"
                 " Key), not an address; an Account API Token does not send",
                 f"{SMTP_DETAILS} {SEND_WITH_SMTP}", pattern=r"[^@\s]+", confidence=HIGH),
    ),
    explanation=(
        "Postmark accepts mail submission on smtp.postmarkapp.com for transactional streams and on"
        " smtp-broadcasts.postmarkapp.com for broadcast streams: ports 587, 25 and 2525 with STARTTLS."
        " There is no implicit-TLS port; 465 hangs instead of failing. Sign in with a Server API Token"
        " as both username and password (the X-PM-Message-Stream header picks the stream), or with an"
        " SMTP token's Access Key and Secret Key; an Account API Token does not work for sending."
    ),
    setup=f"Use the server's Server API Token, or create an SMTP token for a message stream ({SMTP_DETAILS}).",
    sources=(SMTP_DETAILS, SEND_WITH_SMTP, CONNECTION_ERRORS, SPREE_GUIDE),
)


@hookimpl
def emaillint_providers():
    return [POSTMARK]
