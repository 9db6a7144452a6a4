"""Mail.ru, as a data sheet.

Facts and confidence levels: PROVIDERS-2.md section 2.5 in the project's shared notes.
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

ISPDB = "https://github.com/thunderbird/autoconfig/blob/master/ispdb/mail.ru.xml"
# "Password for external applications": secondary sources only (M); the site, not the page.
EXTERNAL_APPS = "https://docs.sherparpa.ru/"

MAILRU = Provider(
    name="mailru",
    title="Mail.ru",
    hosts=(
        Host("smtp.mail.ru", endpoints(ISPDB, tls=(465,), starttls=(587,), recommended=465, confidence=HIGH),
             ISPDB, confidence=MEDIUM),
    ),
    wrong_hosts=reading_hosts("Mail.ru", "smtp.mail.ru", ISPDB, "imap.mail.ru", "pop.mail.ru", confidence=HIGH),
    domains=listed.mailru.domains,
    plans=(Plan("free", "Mail.ru", ISPDB, confidence=HIGH, note="no published SMTP limits here"),),
    auth=(
        AuthMethod(PASSWORD, EXTERNAL_APPS, retirement=NOT_ACCEPTED, confidence=MEDIUM,
                   note="external mail programs sign in to Mail.ru with a password for external"
                        " applications (account security settings), not the account password"),
        AuthMethod(APP_PASSWORD, EXTERNAL_APPS, confidence=MEDIUM),
        AuthMethod(OAUTH2, ISPDB, confidence=HIGH),
    ),
    explanation=(
        "Mail.ru accepts mail submission on smtp.mail.ru: 465 with implicit TLS or 587 with STARTTLS,"
        " signed in with the full address and a password for external applications (or OAuth2)."
    ),
    setup=("Mail.ru account settings > Security > Passwords for external applications: create one"
           f" for SMTP ({EXTERNAL_APPS})."),
    sources=(ISPDB, EXTERNAL_APPS),
)

