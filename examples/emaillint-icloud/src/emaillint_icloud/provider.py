"""iCloud Mail, as a data sheet: every host, port, limit and date with its source.

Re-check the limits before a release: Apple changed them once already (older help
pages said 200 messages and 100 recipients per message).
"""

from __future__ import annotations

from emaillint.api import (
    APP_PASSWORD,
    PASSWORD,
    STARTTLS,
    AuthMethod,
    Endpoint,
    Host,
    OtherHost,
    Plan,
    Provider,
)

SETTINGS = "https://support.apple.com/102525"
"""iCloud Mail server settings for other email client apps: host, 587, full address."""
LIMITS = "https://support.apple.com/102198"
"""iCloud Mail sending limits: 1,000 messages and 1,000 recipients a day, 500 per message."""
APP_PASSWORDS = "https://support.apple.com/102654"
"""App-specific passwords: needs two-factor authentication, revoked on a password change."""
APP_PASSWORDS_REQUIRED = "https://www.macrumors.com/2017/05/16/third-party-apps-passwords-icloud-access/"
"""Apple's notice (quoted): app-specific passwords required for third-party apps from 15 June 2017."""
ISPDB = "https://github.com/thunderbird/autoconfig/blob/master/ispdb/me.com.xml"
"""Thunderbird's autoconfig: the username domains, and SMTP signs in with the full address
while IMAP uses the name part."""

ICLOUD = Provider(
    name="icloud",
    title="iCloud Mail",
    hosts=(
        # Apple documents 587 only; third parties disagree about 465, so it is not accepted.
        Host("smtp.mail.me.com", (Endpoint(587, STARTTLS, SETTINGS, recommended=True),), source=SETTINGS),
    ),
    wrong_hosts=(
        OtherHost("imap.mail.me.com", "smtp.mail.me.com",
                  "imap.mail.me.com is iCloud's IMAP server (reading mail), not its SMTP server", ISPDB),
    ),
    domains=("icloud.com", "me.com", "mac.com"),  # source: ISPDB
    plans=(
        Plan("icloud", "iCloud Mail", LIMITS, recipients_per_day=1_000, messages_per_day=1_000,
             recipients_per_message=500),
    ),
    auth=(
        AuthMethod(PASSWORD, APP_PASSWORDS_REQUIRED, retired_on="2017-06-15",
                   note="turn on two-factor authentication for the Apple Account, create an"
                        " app-specific password at account.apple.com and sign in with it;"
                        " iCloud SMTP has no OAuth2"),
        AuthMethod(APP_PASSWORD, APP_PASSWORDS),
    ),
    explanation=(
        "iCloud Mail accepts mail submission on smtp.mail.me.com, port 587 with STARTTLS, signed"
        " in with the full iCloud address (name@icloud.com, not just name) and an app-specific"
        " password; the Apple Account password has been refused for third-party apps since"
        " 2017-06-15. One account may send 1,000 messages and 1,000 recipients a day (To, CC and"
        " BCC all count), at most 500 recipients per message."
    ),
    setup=(
        "Turn on two-factor authentication for the Apple Account, then create an app-specific"
        f" password at https://account.apple.com (Sign-In and Security; {APP_PASSWORDS}). It is"
        " revoked whenever the account password changes."
    ),
    sources=(SETTINGS, LIMITS, APP_PASSWORDS, APP_PASSWORDS_REQUIRED, ISPDB),
)
