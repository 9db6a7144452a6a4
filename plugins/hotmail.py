"""Hotmail (and Live and MSN): personal Microsoft accounts, as a data sheet.

The same service as Outlook.com, so the hosts, plans and dates come from the shared
Microsoft sheet (``microsoft.py``); this plugin exists because users know it by this
name, and it owns the hotmail, live and msn username domains.
"""

from __future__ import annotations

from emaillint.api import REJECTS_SENDER, Provider, hookimpl

from emaillint_plugins import microsoft as ms

HOTMAIL = Provider(
    name="hotmail",
    title="Hotmail",
    family="microsoft",
    hosts=(ms.OUTLOOK_COM,),
    legacy_hosts=(ms.LIVE, ms.OFFICE365_FOR_PERSONAL),
    wrong_hosts=ms.PERSONAL_WRONG_HOSTS,
    # The hotmail, live and msn domains of Thunderbird's ISPDB (ms.ISPDB_HOTMAIL); the
    # outlook.* ones belong to the outlook plugin.
    domains=(
        "hotmail.com", "live.com", "msn.com", "windowslive.com", "livemail.tw",
        "hotmail.be", "hotmail.ca", "hotmail.cl", "hotmail.cz", "hotmail.de", "hotmail.dk",
        "hotmail.es", "hotmail.fi", "hotmail.fr", "hotmail.gr", "hotmail.hu", "hotmail.it",
        "hotmail.lt", "hotmail.lv", "hotmail.my", "hotmail.nl", "hotmail.no", "hotmail.ph",
        "hotmail.rs", "hotmail.se", "hotmail.sg", "hotmail.sk", "hotmail.co.id", "hotmail.co.il",
        "hotmail.co.in", "hotmail.co.jp", "hotmail.co.kr", "hotmail.co.th", "hotmail.co.uk",
        "hotmail.co.za", "hotmail.com.ar", "hotmail.com.au", "hotmail.com.br", "hotmail.com.hk",
        "hotmail.com.tr", "hotmail.com.tw", "hotmail.com.vn",
        "live.at", "live.be", "live.ca", "live.cl", "live.cn", "live.de", "live.dk", "live.fi",
        "live.fr", "live.hk", "live.ie", "live.in", "live.it", "live.jp", "live.nl", "live.no",
        "live.ru", "live.se", "live.co.jp", "live.co.kr", "live.co.uk", "live.co.za",
        "live.com.ar", "live.com.au", "live.com.mx", "live.com.my", "live.com.ph", "live.com.pt",
        "live.com.sg",
    ),
    plans=(ms.FREE, ms.SUBSCRIBER),
    auth=ms.personal_auth() + (ms.OAUTH2_SMTP,),
    sender_policy=REJECTS_SENDER,
    sender_source=ms.SEND_AS,
    sender_note=ms.SENDER_NOTE,
    explanation=ms.PERSONAL_EXPLANATION,
    setup=ms.PERSONAL_SETUP,
    sources=(ms.OUTLOOK_SETTINGS, ms.ISPDB_HOTMAIL, ms.BASIC_AUTH_END, ms.OUTLOOK_LIMITS),
)


@hookimpl
def emaillint_providers():
    return [HOTMAIL]
