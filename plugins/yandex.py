"""Yandex Mail, as a data sheet.

Facts and confidence levels: PROVIDERS-2.md section 2.4 in the project's shared notes.
Thunderbird's ISPDB names smtp.yandex.com, most configs smtp.yandex.ru: both are accepted.
"""

from __future__ import annotations

from emaillint.api import (
    APP_PASSWORD,
    HIGH,
    MEDIUM,
    NOT_ACCEPTED,
    OAUTH2,
    PASSWORD,
    AuthMethod,
    Host,
    Plan,
    Provider,
    endpoints,
    reading_hosts,
)

from emaillint_plugins import mailboxes as listed

ISPDB = "https://github.com/thunderbird/autoconfig/blob/master/ispdb/yandex.ru.xml"
WELL_KNOWN = "https://github.com/nodemailer/nodemailer/blob/master/lib/well-known/services.json"
PORT_587 = "https://gist.github.com/nskeip/2843522"
OAUTH = "https://yandex.ru/support/mail-business/web/security/oauth.html"
# App passwords for mail clients: one secondary source read (M, so at most a warning);
# PROVIDERS-2 records the site, not the page.
APP_PASSWORDS = "https://docs.sherparpa.ru/"


def _host(name: str, source: str) -> Host:
    return Host(name, (
        endpoints(source, tls=(465,), confidence=HIGH)
        + endpoints(PORT_587, starttls=(587,), recommended=0, confidence=MEDIUM)
    ), source, confidence=MEDIUM)


YANDEX = Provider(
    name="yandex",
    title="Yandex Mail",
    hosts=(_host("smtp.yandex.ru", WELL_KNOWN), _host("smtp.yandex.com", ISPDB)),
    wrong_hosts=reading_hosts("Yandex Mail", "smtp.yandex.com", ISPDB, "imap.yandex.com", "pop.yandex.com",
                              confidence=HIGH),
    domains=listed.yandex.domains,
    plans=(Plan("free", "Yandex Mail", ISPDB, confidence=HIGH, note="no published SMTP limits here"),),
    auth=(
        AuthMethod(PASSWORD, APP_PASSWORDS, retirement=NOT_ACCEPTED, confidence=MEDIUM,
                   note="mail clients sign in to Yandex with an app password of the type 'IMAP, POP3,"
                        " SMTP Mail' (Yandex ID > Security > App passwords), or with OAuth2"),
        AuthMethod(APP_PASSWORD, APP_PASSWORDS, confidence=MEDIUM),
        AuthMethod(OAUTH2, f"{OAUTH} {ISPDB}", confidence=HIGH),
    ),
    explanation=(
        "Yandex Mail accepts mail submission on smtp.yandex.ru or smtp.yandex.com: 465 with implicit"
        " TLS, or 587 with STARTTLS, signed in with the full address and an app password (or OAuth2,"
        " scope mail:smtp). Mail clients must be allowed once in Yandex Mail's settings."
    ),
    setup=("Yandex ID > Security > App passwords > 'IMAP, POP3, SMTP Mail', after allowing mail clients"
           f" in Yandex Mail's settings ({APP_PASSWORDS}); OAuth2 with the scope mail:smtp ({OAUTH})."),
    sources=(ISPDB, WELL_KNOWN, PORT_587, OAUTH),
)

