"""Outlook: Outlook.com personal accounts and Microsoft 365 work and school mailboxes.

Both sell under the Outlook name, so one provider holds both, with plan-scoped hosts:
``free`` and ``subscriber`` (personal accounts) submit on smtp-mail.outlook.com,
``microsoft365`` (a company's own domain) on smtp.office365.com. The data is the shared
Microsoft sheet (``microsoft.py``), also used by the hotmail plugin.
"""

from __future__ import annotations

from emaillint.api import REJECTS_SENDER, Provider, hookimpl

from emaillint_plugins import microsoft as ms

OUTLOOK = Provider(
    name="outlook",
    title="Outlook",
    family="microsoft",
    hosts=(ms.OUTLOOK_COM, ms.OFFICE365),
    legacy_hosts=(ms.LIVE, ms.OFFICE365_FOR_PERSONAL, ms.SMTP_LEGACY),
    wrong_hosts=ms.PERSONAL_WRONG_HOSTS + ms.MICROSOFT365_WRONG_HOSTS,
    # The outlook domains of Thunderbird's ISPDB (ms.ISPDB_HOTMAIL); a company domain on
    # smtp.office365.com is Microsoft 365.
    domains=(
        "outlook.com", "outlook.at", "outlook.be", "outlook.cl", "outlook.cz", "outlook.de",
        "outlook.dk", "outlook.es", "outlook.fr", "outlook.hu", "outlook.ie", "outlook.in",
        "outlook.it", "outlook.jp", "outlook.kr", "outlook.lv", "outlook.my", "outlook.ph",
        "outlook.pt", "outlook.sa", "outlook.sg", "outlook.sk", "outlook.co.id", "outlook.co.il",
        "outlook.co.th", "outlook.com.ar", "outlook.com.au", "outlook.com.br", "outlook.com.gr",
        "outlook.com.tr", "outlook.com.vn",
    ),
    plans=(ms.FREE, ms.SUBSCRIBER, ms.MICROSOFT365),
    auth=ms.personal_auth(ms.PERSONAL) + ms.MICROSOFT365_AUTH + (ms.OAUTH2_SMTP,),
    sender_policy=REJECTS_SENDER,
    sender_source=ms.SEND_AS,
    sender_note=ms.SENDER_NOTE,
    explanation=f"{ms.PERSONAL_EXPLANATION} {ms.MICROSOFT365_EXPLANATION}",
    setup=f"Outlook.com: {ms.PERSONAL_SETUP} Microsoft 365: {ms.MICROSOFT365_SETUP}",
    sources=(ms.OUTLOOK_SETTINGS, ms.ISPDB_HOTMAIL, ms.ISPDB_OFFICE365, ms.OUTLOOK_LIMITS, ms.M365_SMTP,
             ms.M365_LIMITS, ms.M365_BASIC_AUTH_TIMELINE),
)


@hookimpl
def emaillint_providers():
    return [OUTLOOK]
