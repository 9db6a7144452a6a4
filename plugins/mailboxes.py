"""The regional and independent mailbox providers, listed so each sheet loads on first use.

Sixteen sheets imported and registered on every run would cost sixteen imports and sixteen
plugin registrations (pluggy's is the dearer part) before the first file is read; this one
plugin lists what each claims (hosts and username domains), and the engine imports a sheet
only when an account's host, username or From domain, or ``provider`` key points at it. The domain lists live here and the sheets read them, so each is written
once; the engine checks on load that a listing covers everything its sheet claims (a
sheet's own host pattern, written out the same).
Sources: each sheet's (the domains are Thunderbird's ISPDB lists unless a sheet says
otherwise).
"""

from __future__ import annotations

from emaillint.api import Listing, hookimpl


def _listed(name: str, load: str, patterns: tuple[str, ...], domains: tuple[str, ...] = ()) -> Listing:
    return Listing(name, f"emaillint_plugins.{load}", patterns=patterns, domains=domains)


qq = _listed("qq", "qq:QQ", (r"(?:smtp|imap|pop)\.qq\.com",), ("qq.com",))
exmail = _listed("exmail", "qq:EXMAIL", (r"smtp\.exmail\.qq\.com",))
netease = _listed("netease", "netease:NETEASE", (r"(?:smtp|imap)\.(?:163\.com|126\.com|yeah\.net)",),
                  ("163.com", "126.com", "yeah.net"))
aliyun_directmail = _listed("aliyun-directmail", "aliyun:DIRECTMAIL",
                            (r"smtpdm\.aliyun\.com", r"smtpdm-[a-z]+-[a-z]+-\d\.aliyun\.com"))
aliyun_mail = _listed("aliyun-mail", "aliyun:ALIYUN_MAIL", (r"smtp\.(?:qiye\.)?aliyun\.com|smtp\.mxhichina\.com",),
                      ("aliyun.com",))
yandex = _listed("yandex", "yandex:YANDEX", (r"smtp\.yandex\.(?:ru|com)|(?:imap|pop)\.yandex\.com",),
                 ("yandex.ru", "yandex.com", "yandex.net", "yandex.by", "yandex.kz", "yandex.ua", "ya.ru", "narod.ru"))
mailru = _listed("mailru", "mailru:MAILRU", (r"(?:smtp|imap|pop)\.mail\.ru",),
                 ("mail.ru", "inbox.ru", "list.ru", "bk.ru", "corp.mail.ru"))
zoho = _listed("zoho", "zoho:ZOHO", (r"(?:smtp|smtppro|imap|pop)\.(?:zoho\.(?:com|eu|in|com\.au|jp)|zohocloud\.ca)",),
               ("zoho.com", "zohomail.com", "zoho.eu", "zohomail.eu", "zoho.in", "zohomail.in", "zoho.com.au",
                "zohomail.com.au", "zoho.jp", "zohomail.jp", "zohocloud.ca", "zohomailcloud.ca"))
fastmail = _listed("fastmail", "fastmail:FASTMAIL", (r"(?:smtp|imap|pop)\.fastmail\.com|mail\.messagingengine\.com",),
                   ("fastmail.com", "messagingengine.com"))
aol = _listed("aol", "aol:AOL", (r"(?:smtp|imap|pop)\.aol\.com",),
              # ISPDB aol.com.xml, without its yahoodns.net server name
              ("aol.com", "aim.com", "netscape.net", "netscape.com", "compuserve.com", "cs.com", "wmconnect.com",
               "aol.de", "aol.it", "aol.fr", "aol.es", "aol.se", "aol.co.uk", "aol.co.nz", "aol.com.au",
               "aol.com.ar", "aol.com.br", "aol.com.mx"))
gmx = _listed("gmx", "gmx:GMX", (r"(?:mail|imap|pop)\.gmx\.(?:net|com)",),
              ("gmx.net", "gmx.de", "gmx.at", "gmx.ch", "gmx.eu", "gmx.biz", "gmx.org", "gmx.info",  # gmx.net.xml
               "gmx.com", "gmx.us", "gmx.co.uk", "gmx.es", "gmx.fr", "gmx.ca", "gmx.it", "gmx.pt", "gmx.se"))
webde = _listed("webde", "gmx:WEBDE", (r"(?:smtp|imap|pop3)\.web\.de",), ("web.de",))
mailcom = _listed("mailcom", "gmx:MAILCOM", (r"smtp\.mail\.com",),
                  # the first of the 191 domains of ISPDB mail.com.xml
                  ("mail.com", "mail.org", "email.com", "post.com", "usa.com", "accountant.com", "consultant.com",
                   "dr.com", "engineer.com", "cheerful.com", "techie.com", "linuxmail.org", "europe.com",
                   "london.com", "myself.com", "iname.com", "writeme.com"))
naver = _listed("naver", "korea:NAVER", (r"(?:smtp|imap|pop)\.naver\.com",), ("naver.com",))
daum = _listed("daum", "korea:DAUM", (r"(?:smtp|imap)\.daum\.net",), ("daum.net",))
proton = _listed("proton", "proton:PROTON", (r"smtp\.protonmail\.ch",),
                 ("proton.me", "protonmail.com", "protonmail.ch", "pm.me"))

LISTINGS = (qq, exmail, netease, aliyun_directmail, aliyun_mail, yandex, mailru, zoho, fastmail, aol, gmx, webde,
            mailcom, naver, daum, proton)


@hookimpl
def emaillint_providers():
    return LISTINGS
