"""NetEase Mail (163.com, 126.com, yeah.net), as a data sheet.

Facts and confidence levels: PROVIDERS-2.md section 2.2 in the project's shared notes.
One service under three domains, each with its own host. Only implicit TLS is documented:
465 (Thunderbird's ISPDB) and 994 (guides, medium confidence); no STARTTLS port.
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

ISPDB = "https://github.com/thunderbird/autoconfig/blob/master/ispdb/{}.xml"
PORT_994 = "https://blog.csdn.net/weixin_43118617/article/details/119816154"
# The client authorization code (客户端授权密码): medium confidence, and PROVIDERS-2 advises
# a warning: the shape of NetEase's codes is not verified, so a literal may be a code.
AUTH_CODE = "https://github.com/chatmail/provider-db/blob/main/_providers/163.md"
NO_PERMISSION = "https://github.com/open-falcon/mail-provider/issues/6"
DOMAINS = listed.netease.domains


def _host(domain: str) -> Host:
    return Host(f"smtp.{domain}", (
        endpoints(ISPDB.format(domain), tls=(465,), confidence=HIGH)
        + endpoints(PORT_994, tls=(994,), recommended=0, confidence=MEDIUM)
    ), ISPDB.format(domain), confidence=MEDIUM,
        note="implicit TLS on 465 or 994; no STARTTLS port is documented; 25 is plaintext")


NETEASE = Provider(
    name="netease",
    title="NetEase Mail",
    hosts=tuple(_host(domain) for domain in DOMAINS),
    wrong_hosts=tuple(entry for domain in DOMAINS for entry in reading_hosts(
        "NetEase Mail", f"smtp.{domain}", ISPDB.format(domain), f"imap.{domain}", confidence=HIGH)),
    domains=DOMAINS,
    plans=(Plan("free", "NetEase free mail", AUTH_CODE, confidence=MEDIUM,
                note="NetEase publishes no sending limits here; a free account holds at most two"
                     " authorization codes at a time"),),
    auth=(
        AuthMethod(PASSWORD, AUTH_CODE, retirement=NOT_ACCEPTED, confidence=MEDIUM,
                   note="NetEase signs SMTP clients in with a client authorization code (客户端授权密码),"
                        " never the mailbox password; turn POP3/SMTP/IMAP on in the web mail's settings"
                        " and create a code there"),
        AuthMethod(APP_PASSWORD, AUTH_CODE, confidence=MEDIUM,
                   note="the client authorization code is NetEase's app password"),
    ),
    explanation=(
        "NetEase Mail (163.com, 126.com, yeah.net) accepts mail submission on smtp.163.com,"
        " smtp.126.com and smtp.yeah.net with implicit TLS on port 465 or 994; port 25 is plaintext"
        " (and blocked on Aliyun ECS). The username is the full address, the password a client"
        " authorization code (客户端授权密码); 550 User has no permission means the SMTP service is"
        " not turned on, 535 Error: authentication failed a wrong code."
    ),
    setup=("In the web mail: Settings > POP3/SMTP/IMAP, turn the SMTP service on, then add an"
           f" authorization code (an SMS check) and use it as the SMTP password ({AUTH_CODE};"
           f" {NO_PERMISSION})."),
    sources=tuple(ISPDB.format(domain) for domain in DOMAINS) + (PORT_994, AUTH_CODE),
)

