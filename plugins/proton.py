"""Proton Mail, as a data sheet: Proton Mail Bridge on this machine, or SMTP submission.

Facts and confidence levels: PROVIDERS-2.md section 2.8 in the project's shared notes.
Bridge serves SMTP on 127.0.0.1, port 1025 by default (medium confidence: third parties
and code, not Proton's Bridge page), with STARTTLS or, if switched, SSL; Docker images
remap the port, so a port there is at most an info. A host on this machine claims no
account: only a Proton username (or ``provider: proton``) is checked against it.
"""

from __future__ import annotations

from emaillint.api import (
    HIGH,
    LOW,
    MEDIUM,
    PASSWORD,
    STARTTLS,
    TLS,
    AuthMethod,
    Endpoint,
    Host,
    Plan,
    Provider,
    endpoints,
)

from emaillint_plugins import mailboxes as listed

SMTP_SUBMISSION = "https://proton.me/support/smtp-submission"
BRIDGE = "https://docs.rs/missive/latest/missive/providers/protonbridge/index.html"
BRIDGE_STARTTLS = "https://pastebin.com/4ZesFTMs"
WELL_KNOWN = "https://github.com/nodemailer/nodemailer/blob/master/lib/well-known/services.json"

PROTON = Provider(
    name="proton",
    title="Proton Mail",
    hosts=(
        Host("smtp.protonmail.ch", endpoints(f"{SMTP_SUBMISSION} {WELL_KNOWN}", starttls=(587,), confidence=HIGH),
             SMTP_SUBMISSION, plans=("business",), confidence=HIGH,
             note="SMTP submission with an SMTP token, for custom-domain addresses"),
        Host("127.0.0.1", (
            Endpoint(1025, STARTTLS, f"{BRIDGE} {BRIDGE_STARTTLS}", recommended=True, confidence=MEDIUM),
            Endpoint(1025, TLS, BRIDGE, confidence=MEDIUM),
        ), BRIDGE, pattern=r"127(?:\.\d{1,3}){3}|localhost|::1", confidence=LOW,
            note="Proton Mail Bridge, which must run on this machine (not usable from CI); STARTTLS by"
                 " default, SSL if switched in Bridge; a self-signed certificate to trust or pin"),
    ),
    domains=listed.proton.domains,
    plans=(
        Plan("bridge", "Proton Mail (Bridge)", BRIDGE, confidence=MEDIUM, note="no published SMTP limits here"),
        Plan("business", "Proton for Business (SMTP submission)", SMTP_SUBMISSION, organization=True,
             confidence=HIGH, note="SMTP tokens for Proton for Business, Visionary and Family plans with a"
                                   " custom domain"),
    ),
    auth=(AuthMethod(PASSWORD, f"{BRIDGE} {SMTP_SUBMISSION}", confidence=HIGH,
                     note="the password Bridge generates, or the SMTP token; never the Proton password"),),
    explanation=(
        "Proton Mail has no public SMTP server for personal accounts: apps send through Proton Mail"
        " Bridge on the same machine (127.0.0.1, port 1025, STARTTLS by default), signed in with the"
        " address and the password Bridge shows. Proton for Business, Visionary and Family plans with a"
        " custom domain may submit on smtp.protonmail.ch, port 587 with STARTTLS, with an SMTP token"
        " per address; the mail goes out From the token's address."
    ),
    setup=("Bridge: install and sign in to Proton Mail Bridge, then copy the SMTP settings it shows"
           f" ({BRIDGE}). SMTP token: Settings > IMAP/SMTP > SMTP tokens ({SMTP_SUBMISSION})."),
    sources=(SMTP_SUBMISSION, BRIDGE, WELL_KNOWN),
)

