"""GMX, WEB.DE and mail.com (1&1 Mail & Media), as data sheets.

Facts and confidence levels: PROVIDERS-2.md section 2.6 in the project's shared notes,
all from Thunderbird's ISPDB. Three brands with their own hosts and domains; each needs
POP3/IMAP access turned on once in the web mail's settings before SMTP works.
"""

from __future__ import annotations

from emaillint.api import (
    HIGH,
    MEDIUM,
    PASSWORD,
    AuthMethod,
    Host,
    Plan,
    Provider,
    endpoints,
    reading_hosts,
)

from emaillint_plugins import mailboxes as listed

ISPDB = "https://github.com/thunderbird/autoconfig/blob/master/ispdb/{}.xml"
ENABLE_GMX = "https://hilfe.gmx.net/pop-imap/einschalten.html"
_ENABLE = "turn on POP3 and IMAP access once in the web mail's settings, or SMTP sign-in fails"


def _host(name: str, source: str, note: str = "") -> Host:
    return Host(name, endpoints(source, tls=(465,), starttls=(587,), recommended=465, confidence=HIGH), source,
                confidence=MEDIUM, note=note)


GMX = Provider(
    name="gmx",
    title="GMX",
    hosts=(
        _host("mail.gmx.net", ISPDB.format("gmx.net"), "gmx.net, .de, .at, .ch"),
        _host("mail.gmx.com", ISPDB.format("gmx.com"), "gmx.com and GMX's other countries"),
    ),
    wrong_hosts=reading_hosts("GMX", "mail.gmx.net", ISPDB.format("gmx.net"), "imap.gmx.net", "pop.gmx.net",
                              confidence=HIGH)
    + reading_hosts("GMX", "mail.gmx.com", ISPDB.format("gmx.com"), "imap.gmx.com", "pop.gmx.com",
                    confidence=HIGH),
    domains=listed.gmx.domains,
    plans=(Plan("free", "GMX", ISPDB.format("gmx.net"), confidence=HIGH, note="no published SMTP limits here"),),
    auth=(AuthMethod(PASSWORD, f"{ISPDB.format('gmx.net')} {ENABLE_GMX}", confidence=HIGH, note=_ENABLE),),
    explanation=(
        "GMX accepts mail submission on mail.gmx.net (gmx.net, .de, .at, .ch) and mail.gmx.com"
        " (gmx.com): 465 with implicit TLS or 587 with STARTTLS, signed in with the full address and"
        f" the account password, after POP3/IMAP access is turned on ({ENABLE_GMX})."
    ),
    setup=f"E-Mail > Settings > POP3 & IMAP: allow access, once ({ENABLE_GMX}).",
    sources=(ISPDB.format("gmx.net"), ISPDB.format("gmx.com"), ENABLE_GMX),
)

WEBDE = Provider(
    name="webde",
    title="WEB.DE",
    hosts=(_host("smtp.web.de", ISPDB.format("web.de")),),
    wrong_hosts=reading_hosts("WEB.DE", "smtp.web.de", ISPDB.format("web.de"), "imap.web.de", "pop3.web.de",
                              confidence=HIGH),
    domains=listed.webde.domains,
    plans=(Plan("free", "WEB.DE", ISPDB.format("web.de"), confidence=HIGH, note="no published SMTP limits here"),),
    auth=(AuthMethod(PASSWORD, ISPDB.format("web.de"), confidence=HIGH, note=_ENABLE),),
    explanation=(
        "WEB.DE accepts mail submission on smtp.web.de: 465 with implicit TLS or 587 with STARTTLS;"
        " Thunderbird signs in with the address's local part (the name before @web.de). POP3/IMAP"
        " access must be turned on once in the web mail's settings."
    ),
    setup=f"E-Mail > Settings > POP3/IMAP: allow access, once ({ISPDB.format('web.de')}).",
    sources=(ISPDB.format("web.de"),),
)

MAILCOM = Provider(
    name="mailcom",
    title="mail.com",
    hosts=(_host("smtp.mail.com", ISPDB.format("mail.com")),),
    domains=listed.mailcom.domains,
    plans=(Plan("free", "mail.com", ISPDB.format("mail.com"), confidence=HIGH, note="no published SMTP limits here"),),
    auth=(AuthMethod(PASSWORD, ISPDB.format("mail.com"), confidence=HIGH, note=_ENABLE),),
    explanation=(
        "mail.com accepts mail submission on smtp.mail.com: 465 with implicit TLS or 587 with STARTTLS,"
        " signed in with the full address, after POP3/IMAP access is turned on in the settings."
    ),
    setup=f"Settings > POP3 & IMAP: allow access, once ({ISPDB.format('mail.com')}).",
    sources=(ISPDB.format("mail.com"),),
)

