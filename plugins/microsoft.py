"""Microsoft's mail services, as one data sheet shared by the hotmail and outlook plugins.

Outlook.com, Hotmail, Live and MSN are one consumer service (personal Microsoft
accounts); Microsoft 365 (Exchange Online) serves work and school mailboxes on the
customer's own domain. Users know the consumer service by both names, so hotmail and
outlook are two providers of one ``family`` over the hosts, plans and dates below.

Facts and confidence levels: PROVIDERS.md sections 1.3 and 1.4 in the project's shared
notes. Re-check the Microsoft 365 SMTP AUTH date before every release: Microsoft moved
it three times (September 2025, then March-April 2026, then the end of December 2026).
"""

from __future__ import annotations

from emaillint.api import (
    APP_PASSWORD,
    MEDIUM,
    OAUTH2,
    OFF_BY_DEFAULT,
    PASSWORD,
    STARTTLS,
    AuthMethod,
    Endpoint,
    Host,
    OtherHost,
    Plan,
)

OUTLOOK_SETTINGS = ("https://support.microsoft.com/office/"
                    "pop-imap-and-smtp-settings-for-outlook-com-d088b986-291d-42b8-9564-9c414e2aa040")
BASIC_AUTH_END = ("https://support.microsoft.com/office/modern-authentication-methods-now-needed-to-"
                  "continue-syncing-outlook-email-in-non-microsoft-email-apps-c5d65390-9676-4763-b41f-d7986499a90d")
OUTLOOK_LIMITS = ("https://support.microsoft.com/office/"
                  "sending-limits-in-outlook-com-279ee200-594c-40f0-9ec8-bb6af7735c2e")
FREE_LIMITS_REPORTS = "https://www.msoutlook.info/question/235"
ISPDB_HOTMAIL = "https://github.com/thunderbird/autoconfig/blob/master/ispdb/hotmail.com.xml"
ISPDB_OFFICE365 = "https://github.com/thunderbird/autoconfig/blob/master/ispdb/office365.com.xml"
CHATMAIL_OUTLOOK = "https://github.com/chatmail/provider-db/blob/main/_providers/outlook.com.md"
LIVE_REPORTS = "https://github.com/caronc/apprise/issues/555"
M365_SMTP = ("https://learn.microsoft.com/exchange/mail-flow-best-practices/how-to-set-up-a-"
             "multifunction-device-or-application-to-send-email-using-microsoft-365-or-office-365")
M365_LEGACY_TLS = ("https://learn.microsoft.com/exchange/clients-and-mobile-in-exchange-online/"
                   "opt-in-exchange-online-endpoint-for-legacy-tls-using-smtp-auth")
M365_SMTP_AUTH = ("https://learn.microsoft.com/exchange/clients-and-mobile-in-exchange-online/"
                  "authenticated-client-smtp-submission")
M365_OAUTH = ("https://learn.microsoft.com/exchange/client-developer/legacy-protocols/"
              "how-to-authenticate-an-imap-pop-smtp-application-by-using-oauth")
M365_LIMITS = ("https://learn.microsoft.com/office365/servicedescriptions/"
               "exchange-online-service-description/exchange-online-limits")
M365_BASIC_AUTH_TIMELINE = ("https://techcommunity.microsoft.com/blog/exchange/"
                            "updated-exchange-online-smtp-auth-basic-authentication-deprecation-timeline/4489835")
# The Message Center post: the 2026 rejection plan "has been put on hold ... In 2027,
# Microsoft will announce the final removal date" (PROVIDERS-2.md section 3.1, H).
M365_MC786329 = "https://mc.merill.net/message/MC786329"
# 2025-2026 reports that Outlook.com app passwords fail as well (PROVIDERS-2.md section 3.2
# and correction 3: field consensus, so medium confidence with several agreeing sources).
N8N_APP_PASSWORDS = "https://github.com/n8n-io/n8n-docs/issues/4373"
OMAMAIL_APP_PASSWORDS = "https://github.com/huacnlee/omamail/issues/31"
ISPDB_OAUTH_SCOPE = "https://outlook.office365.com/SMTP.Send"
"""The same resource as Microsoft's https://outlook.office.com/SMTP.Send, as ISPDB's
office365.com.xml writes it (PROVIDERS-2.md correction 1)."""
SEND_AS = "https://github.com/gophish/gophish/issues/2900"

PERSONAL = ("free", "subscriber")
ORGANIZATION = ("microsoft365",)

# Plans. Microsoft publishes no figures for free Outlook.com accounts, only that they
# are "lower for non-subscribers": 300 a day and 100 per message are field reports
# (low confidence), so the plan is an estimate.
FREE = Plan("free", "Outlook.com free", FREE_LIMITS_REPORTS, recipients_per_day=300,
            recipients_per_message=100, estimate=True,
            note="Microsoft publishes no limits for free Outlook.com accounts, only that they are"
                 " lower than subscribers' and start low on new accounts; 300 recipients/day and"
                 " 100 per message are field reports, an estimate")
SUBSCRIBER = Plan("subscriber", "Outlook.com subscriber", OUTLOOK_LIMITS, recipients_per_day=5_000,
                  recipients_per_message=500,
                  note="Microsoft 365 Personal or Family; at most 1,000 of the 5,000 daily recipients"
                       " may be people you have never written to")
MICROSOFT365 = Plan("microsoft365", "Microsoft 365", M365_LIMITS, recipients_per_day=10_000,
                    recipients_per_message=500, organization=True,
                    note="per mailbox, rolling 24 hours; also at most 30 messages a minute over SMTP;"
                         " an admin may set the per-message limit from 1 to 1,000")

# Hosts, in order of preference for the consumer service first.
OUTLOOK_COM = Host("smtp-mail.outlook.com", (
    Endpoint(587, STARTTLS, OUTLOOK_SETTINGS, recommended=True),
), source=OUTLOOK_SETTINGS, plans=PERSONAL,
    note="Outlook.com, Hotmail, Live and MSN accounts; no port 465")
OFFICE365 = Host("smtp.office365.com", (
    Endpoint(587, STARTTLS, M365_SMTP, recommended=True),
    Endpoint(25, STARTTLS, M365_SMTP),
), source=M365_SMTP, plans=ORGANIZATION,
    note="Microsoft 365 SMTP AUTH client submission; port 465 is not offered")

LIVE = OtherHost("smtp.live.com", OUTLOOK_COM.name,
                 "Hotmail's old name, which Microsoft no longer documents and which projects"
                 " dropped after connection failures", LIVE_REPORTS, plans=PERSONAL)
# Medium confidence: ISPDB sent personal accounts here until 2025-07-28, then switched
# to smtp-mail.outlook.com ("Microsoft recommends using smtp-mail.outlook.com").
OFFICE365_FOR_PERSONAL = OtherHost(
    OFFICE365.name, OUTLOOK_COM.name,
    "it still takes personal accounts, but Microsoft's settings for Outlook.com, Hotmail and"
    " Live name smtp-mail.outlook.com", ISPDB_HOTMAIL, plans=PERSONAL)
SMTP_LEGACY = OtherHost("smtp-legacy.office365.com", OFFICE365.name,
                        "Exchange Online's opt-in endpoint for clients that only speak TLS 1.0 or"
                        " 1.1 (the tenant must set AllowLegacyTLSClients)", M365_LEGACY_TLS,
                        plans=ORGANIZATION)

_READING_HOST = "{} is Microsoft's {} server (reading mail), not its SMTP server"
PERSONAL_WRONG_HOSTS = (
    OtherHost("outlook.office365.com", OUTLOOK_COM.name,
              _READING_HOST.format("outlook.office365.com", "IMAP and POP"), OUTLOOK_SETTINGS, plans=PERSONAL),
    OtherHost("imap-mail.outlook.com", OUTLOOK_COM.name,
              _READING_HOST.format("imap-mail.outlook.com", "IMAP"), OUTLOOK_SETTINGS, plans=PERSONAL),
)
MICROSOFT365_WRONG_HOSTS = (
    OtherHost("outlook.office365.com", OFFICE365.name,
              _READING_HOST.format("outlook.office365.com", "IMAP and POP"), M365_SMTP, plans=ORGANIZATION),
)

def personal_auth(plans: tuple[str, ...] = ()) -> tuple[AuthMethod, ...]:
    """Sign-in for personal accounts: OAuth2 only since 2024-09-16.

    ``plans`` scopes the retirements where a provider also has Microsoft 365 plans.
    App passwords are Basic authentication too; that they fail comes from field reports
    that agree (medium confidence with three sources, so an error: Microsoft's settings
    page still mentions them).
    """
    return (
        AuthMethod(PASSWORD, BASIC_AUTH_END, retired_on="2024-09-16", plans=plans,
                   note="personal Microsoft accounts accept only OAuth2 (Modern Auth) since then; an"
                        " app password does not help (535 5.7.139 basic authentication is disabled):"
                        " sign in with OAuth2"),
        AuthMethod(APP_PASSWORD, f"{CHATMAIL_OUTLOOK} {N8N_APP_PASSWORDS} {OMAMAIL_APP_PASSWORDS}",
                   retired_on="2024-09-16", plans=plans, confidence=MEDIUM,
                   note="app passwords are Basic authentication too and fail with 535 5.7.139 since"
                        " then, although Microsoft's settings page still mentions them: sign in with"
                        " OAuth2"),
    )


# Microsoft's date is "end of December 2026"; vendors plan for 2026-12-31 (PROVIDERS-2.md
# section 3.1 and correction 2, M). Off by default, not refused: an admin of an existing
# tenant can turn it back on until the final removal, so this stays a warning after it.
_M365_BASIC_OFF = ("from the end of December 2026 Basic SMTP AUTH works only where an admin turned it"
                   " back on for the tenant, until the final removal, which Microsoft will announce in"
                   " the second half of 2027 (then 550 5.7.30 Basic authentication is not supported for"
                   " Client Submission); tenants created after December 2026 get OAuth only: sign in"
                   " with OAuth2")
MICROSOFT365_AUTH = tuple(
    AuthMethod(method, f"{M365_BASIC_AUTH_TIMELINE} {M365_MC786329}", retired_on="2026-12-31",
               plans=ORGANIZATION, note=_M365_BASIC_OFF, confidence=MEDIUM, retirement=OFF_BY_DEFAULT)
    for method in (PASSWORD, APP_PASSWORD))
OAUTH2_SMTP = AuthMethod(OAUTH2, M365_OAUTH)

SENDER_NOTE = "make it an alias of the account, or (Microsoft 365) grant the mailbox Send As rights on it"

PERSONAL_EXPLANATION = (
    "Outlook.com, Hotmail, Live and MSN accounts submit mail on smtp-mail.outlook.com, port 587"
    " with STARTTLS only, signed in with the full address and OAuth2: Microsoft ended Basic"
    " authentication (passwords, and by field reports app passwords) on 2024-09-16. smtp.live.com"
    " is the old Hotmail name. The From must be the account or one of its aliases"
    " (554 5.2.252 SendAsDenied)."
)
MICROSOFT365_EXPLANATION = (
    "Microsoft 365 mailboxes submit mail on smtp.office365.com, port 587 (or 25) with STARTTLS,"
    " never 465, after an admin allowed SMTP AUTH for the mailbox. Passwords work until Microsoft"
    " turns Basic SMTP AUTH off by default at the end of December 2026, and after that only where"
    " an admin turns it back on, until a final removal Microsoft will announce in 2027; OAuth2 is"
    " the way forward. Limits: 10,000 recipients a day per mailbox, 500 per message, 30 messages a"
    " minute."
)
PERSONAL_SETUP = (
    "OAuth2 (XOAUTH2) is the only sign-in: register an application in Microsoft Entra"
    " (https://entra.microsoft.com) that allows personal Microsoft accounts, request the"
    " delegated scopes https://outlook.office.com/SMTP.Send and offline_access, and sign in"
    f" with the user's token ({M365_OAUTH}; {BASIC_AUTH_END})."
)
MICROSOFT365_SETUP = (
    "an admin allows SMTP AUTH for the mailbox (Microsoft 365 admin center > Users > Active"
    " users > Mail > Manage email apps > Authenticated SMTP; security defaults block it;"
    f" {M365_SMTP_AUTH}). OAuth2: register an application in Microsoft Entra with the scope"
    f" https://outlook.office.com/SMTP.Send (+ offline_access; ISPDB writes the same resource as"
    f" {ISPDB_OAUTH_SCOPE}) and sign in with XOAUTH2 ({M365_OAUTH})."
)
