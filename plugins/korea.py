"""Naver Mail and Daum Mail (Kakao), as data sheets.

Facts and confidence levels: PROVIDERS-2.md section 2.9 in the project's shared notes.
Thunderbird's ISPDB added both on 2025-12-10: implicit TLS on 465.
"""

from __future__ import annotations

from emaillint.api import (
    APP_PASSWORD,
    HIGH,
    MEDIUM,
    NOT_ACCEPTED,
    PASSWORD,
    AuthMethod,
    Host,
    Plan,
    Provider,
    endpoints,
    reading_hosts,
)

from emaillint_plugins import mailboxes as listed

NAVER_ISPDB = "https://github.com/thunderbird/autoconfig/blob/master/ispdb/naver.com.xml"
DAUM_ISPDB = "https://github.com/thunderbird/autoconfig/blob/master/ispdb/daum.net.xml"
WELL_KNOWN = "https://github.com/nodemailer/nodemailer/blob/master/lib/well-known/services.json"
# Naver's app passwords (2025): two blogs citing a Naver notice (M); PROVIDERS-2 records
# the sites, not the pages, so the sheet cites one and stays at a warning.
NAVER_APP_PASSWORDS = "https://10wontips.blogspot.com/"
DAUM_HELP = "https://cs.daum.net/faq/43/9234.html"

NAVER = Provider(
    name="naver",
    title="Naver Mail",
    hosts=(
        Host("smtp.naver.com", (
            endpoints(NAVER_ISPDB, tls=(465,), confidence=HIGH)
            + endpoints(WELL_KNOWN, starttls=(587,), recommended=0, confidence=MEDIUM)
        ), NAVER_ISPDB, confidence=MEDIUM),
    ),
    wrong_hosts=reading_hosts("Naver Mail", "smtp.naver.com", NAVER_ISPDB, "imap.naver.com", "pop.naver.com",
                              confidence=HIGH),
    domains=listed.naver.domains,
    plans=(Plan("free", "Naver Mail", NAVER_ISPDB, confidence=HIGH, note="no published SMTP limits here"),),
    auth=(
        AuthMethod(PASSWORD, NAVER_APP_PASSWORDS, retirement=NOT_ACCEPTED, confidence=MEDIUM,
                   note="since 2025 third-party apps sign in to Naver with an app password, which needs"
                        " 2-step verification; IMAP/SMTP must be turned on in Naver Mail's settings"),
        AuthMethod(APP_PASSWORD, NAVER_APP_PASSWORDS, confidence=MEDIUM),
    ),
    explanation=(
        "Naver Mail accepts mail submission on smtp.naver.com: 465 with implicit TLS (or 587 with"
        " STARTTLS), signed in with the full address (or Naver ID) and, since 2025, an app password;"
        " IMAP/SMTP must be turned on in Naver Mail's settings first."
    ),
    setup=("Naver: turn on 2-step verification, then create an app password under Security settings and"
           f" turn IMAP/SMTP on in Naver Mail's settings ({NAVER_APP_PASSWORDS})."),
    sources=(NAVER_ISPDB, WELL_KNOWN, NAVER_APP_PASSWORDS),
)

DAUM = Provider(
    name="daum",
    title="Daum Mail",
    hosts=(Host("smtp.daum.net", endpoints(DAUM_ISPDB, tls=(465,), confidence=HIGH), DAUM_ISPDB,
                confidence=MEDIUM),),
    wrong_hosts=reading_hosts("Daum Mail", "smtp.daum.net", DAUM_ISPDB, "imap.daum.net", confidence=HIGH),
    domains=listed.daum.domains,
    plans=(Plan("free", "Daum Mail", DAUM_ISPDB, confidence=HIGH, note="no published SMTP limits here"),),
    auth=(
        AuthMethod(PASSWORD, DAUM_HELP, confidence=MEDIUM),
        AuthMethod(APP_PASSWORD, DAUM_HELP, confidence=MEDIUM,
                   note="with 2-step verification, the password issued on the 2-step page"),
    ),
    explanation=(
        "Daum Mail accepts mail submission on smtp.daum.net, 465 with implicit TLS, after 'IMAP / SMTP"
        " 사용' is turned on in the settings; with 2-step verification, sign in with the password"
        " issued on the 2-step page."
    ),
    setup=f"Daum Mail settings > IMAP / SMTP: turn it on ({DAUM_HELP}).",
    sources=(DAUM_ISPDB, DAUM_HELP),
)

