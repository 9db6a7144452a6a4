"""Gmail and Google Workspace, as a data sheet.

Facts and confidence levels: PROVIDERS.md section 1.1 in the project's shared notes.
Re-check the dated entries (auth retirements, limits) before a release.
"""

from __future__ import annotations

from emaillint.api import (
    APP_PASSWORD,
    OAUTH2,
    PASSWORD,
    REWRITES_SENDER,
    STARTTLS,
    TLS,
    AuthMethod,
    Endpoint,
    Host,
    OtherHost,
    Plan,
    Provider,
    SenderRule,
    hookimpl,
)

SMTP_SETTINGS = "https://developers.google.com/workspace/gmail/imap/imap-smtp"
CLIENT_SETTINGS = "https://support.google.com/mail/answer/7126229"
RELAY_SERVICE = "https://support.google.com/a/answer/176600"
ISPDB = "https://github.com/thunderbird/autoconfig/blob/master/ispdb/googlemail.com.xml"
FREE_LIMITS = "https://support.google.com/mail/answer/22839"
WORKSPACE_LIMITS = "https://support.google.com/a/answer/166852"
LESS_SECURE_APPS = "https://support.google.com/accounts/answer/6010255"
WORKSPACE_LSA = "https://support.google.com/a/answer/14114704"
APP_PASSWORDS = "https://support.google.com/accounts/answer/185833"
SEND_AS = "https://support.google.com/mail/answer/22370"
# Email sender guidelines (PROVIDERS-2.md section 3.3 and correction 8, H); the FAQ's
# enforcement ramp from 2025-11 is M-H there, so it is a word in the text, not a date.
SENDER_GUIDELINES = "https://support.google.com/a/answer/81126"

GMAIL = Provider(
    name="gmail",
    title="Gmail",
    hosts=(
        Host("smtp.gmail.com", (
            Endpoint(587, STARTTLS, SMTP_SETTINGS, recommended=True),
            Endpoint(465, TLS, SMTP_SETTINGS),
        ), source=SMTP_SETTINGS),
        Host("smtp-relay.gmail.com", (
            Endpoint(587, STARTTLS, RELAY_SERVICE, recommended=True),
            Endpoint(465, TLS, RELAY_SERVICE),
            Endpoint(25, STARTTLS, RELAY_SERVICE),
        ), source=RELAY_SERVICE, plans=("workspace-trial", "workspace"),
            note="Google Workspace's SMTP relay service: set up by an admin, separate limits"),
    ),
    wrong_hosts=(
        OtherHost("imap.gmail.com", "smtp.gmail.com",
                  "imap.gmail.com is Gmail's IMAP server (reading mail), not its SMTP server", SMTP_SETTINGS),
        OtherHost("pop.gmail.com", "smtp.gmail.com",
                  "pop.gmail.com is Gmail's POP server (reading mail), not its SMTP server", SMTP_SETTINGS),
        OtherHost("smtp.google.com", "smtp.gmail.com",
                  "smtp.google.com is not Gmail's submission host (a common slip)", SMTP_SETTINGS),
    ),
    domains=("gmail.com", "googlemail.com"),  # source: ISPDB googlemail.com.xml
    plans=(
        Plan("free", "Gmail free", FREE_LIMITS, recipients_per_day=500, messages_per_day=500,
             recipients_per_message=100,
             note="Google words the free limit as '500 emails sent in a day'; emaillint counts"
                  " recipients, the conservative reading; 100 per message is the SMTP-client figure"),
        Plan("workspace-trial", "Google Workspace trial", WORKSPACE_LIMITS, recipients_per_day=500,
             messages_per_day=500, recipients_per_message=100, organization=True,
             note="trial limits stay until the domain has paid USD 100 and 60 days have passed"),
        Plan("workspace", "Google Workspace", WORKSPACE_LIMITS, recipients_per_day=10_000,
             messages_per_day=2_000, recipients_per_message=100, organization=True),
    ),
    auth=(
        AuthMethod(PASSWORD, LESS_SECURE_APPS, retired_on="2022-05-30", plans=("free",),
                   note="'less secure apps' and DisplayUnlockCaptcha no longer exist: sign in with an"
                        " app password (create one after turning on 2-Step Verification) or with OAuth2"),
        AuthMethod(PASSWORD, WORKSPACE_LSA, retired_on="2024-09-30", plans=("workspace-trial", "workspace"),
                   note="Workspace accepts only OAuth2, and app passwords where the admin allows them:"
                        " sign in with OAuth2 or an app password"),
        AuthMethod(APP_PASSWORD, APP_PASSWORDS),
        AuthMethod(OAUTH2, SMTP_SETTINGS),
    ),
    sender_policy=REWRITES_SENDER,
    sender_source=SEND_AS,
    sender_note="add that address as a verified 'Send mail as' alias in Gmail's settings",
    sender_rules=(
        SenderRule("Google's sender guidelines say \"Don't impersonate Gmail From: headers\" and Gmail"
                   " quarantines such mail under DMARC, with rejections since the November 2025 ramp-up",
                   SENDER_GUIDELINES, since="2024-02-01", confidence="H"),
    ),
    explanation=(
        "Gmail accepts mail submission on smtp.gmail.com: port 587 with STARTTLS (the documented"
        " setting) or 465 with implicit TLS, signed in with the full address. Plain account"
        " passwords stopped working on 2022-05-30 (personal) and 2024-09-30 (Workspace): use an"
        " app password or OAuth2. To, CC and BCC all count toward the daily recipient limit."
        " When Google asks to confirm a sign-in with a verification code, confirm it from the"
        " same browser and network the server uses, or the code is refused."
    ),
    setup=(
        "App password: turn on 2-Step Verification, then create one at"
        " https://myaccount.google.com/apppasswords (16 characters; revoked when the account"
        f" password changes; {APP_PASSWORDS}). OAuth2: SASL XOAUTH2 with the scope"
        f" https://mail.google.com/ ({SMTP_SETTINGS})."
    ),
    sources=(SMTP_SETTINGS, CLIENT_SETTINGS, ISPDB, FREE_LIMITS, WORKSPACE_LIMITS),
)


@hookimpl
def emaillint_providers():
    return [GMAIL]
