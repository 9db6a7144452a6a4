"""QQ Mail and Tencent Exmail (Tencent), as data sheets.

Facts and confidence levels: PROVIDERS-2.md section 2.1 in the project's shared notes.
QQ Mail signs third-party clients in with an authorization code (授权码), never the QQ
password: that is the mistake most public configs make, with 465 and STARTTLS together
and 587 with SSL. Tencent publishes no sending limits, so there are no quota figures.
"""

from __future__ import annotations

from emaillint.api import (
    APP_PASSWORD,
    HIGH,
    LOW,
    MEDIUM,
    NOT_ACCEPTED,
    PASSWORD,
    REJECTS_SENDER,
    AuthMethod,
    Host,
    Plan,
    Provider,
    endpoints,
    reading_hosts,
)

from emaillint_plugins import mailboxes as listed

ISPDB = "https://github.com/thunderbird/autoconfig/blob/master/ispdb/qq.com.xml"
WELL_KNOWN = "https://github.com/nodemailer/nodemailer/blob/master/lib/well-known/services.json"
# 587 with STARTTLS: QQ's help as guides report it (M); SSL on 587 cannot connect (M).
PORT_587 = "https://cloud.kd.cn/ask/9658"
SSL_ON_587 = "https://blog.csdn.net/weixin_43118617/article/details/119816154"
# QQ's own help text on the authorization code, quoted word for word (M: a copy).
AUTH_CODE = "https://www.cnblogs.com/jvStarBlog/p/12501883.html"
AUTH_CODE_HELP = "https://service.mail.qq.com/cgi-bin/help?subtype=1&&id=28&&no=1001256"
# The server's own refusal of the QQ password, in several projects' issues (H).
LOGIN_FAIL = "https://github.com/louislam/uptime-kuma/issues/3434 https://github.com/YMFE/yapi/issues/2219"
SENDER = "https://github.com/gshang2017/docker/issues/18"

QQ = Provider(
    name="qq",
    title="QQ Mail",
    hosts=(
        Host("smtp.qq.com", (
            endpoints(f"{ISPDB} {WELL_KNOWN}", tls=(465,), confidence=HIGH)
            + endpoints(f"{PORT_587} {SSL_ON_587}", starttls=(587,), recommended=0, confidence=MEDIUM)
        ), ISPDB, confidence=MEDIUM,
            note="port 25 is plaintext and blocked by many clouds and ISPs; 587 with SSL cannot connect"),
    ),
    wrong_hosts=reading_hosts("QQ Mail", "smtp.qq.com", ISPDB, "imap.qq.com", "pop.qq.com", confidence=HIGH),
    domains=listed.qq.domains,
    plans=(Plan("free", "QQ Mail", ISPDB, confidence=HIGH, note="Tencent publishes no sending limits"),),
    auth=(
        AuthMethod(PASSWORD, LOGIN_FAIL, retirement=NOT_ACCEPTED, confidence=HIGH,
                   note="QQ Mail refuses the QQ password over SMTP (535 Login Fail. Please enter your"
                        " authorization code to login): sign in with an authorization code (授权码), created"
                        " in QQ Mail under Settings > Account > POP3/IMAP/SMTP/Exchange/CardDAV/CalDAV"
                        " service after an SMS check; changing the QQ password voids it"),
        AuthMethod(APP_PASSWORD, AUTH_CODE, confidence=MEDIUM,
                   note="the 16-character authorization code (授权码) is QQ Mail's app password"),
    ),
    sender_policy=REJECTS_SENDER,
    sender_source=SENDER,
    sender_confidence=MEDIUM,
    sender_note="send from the QQ address you sign in with",
    explanation=(
        "QQ Mail accepts mail submission on smtp.qq.com: port 465 with implicit TLS (what Thunderbird"
        " and nodemailer use) or 587 with STARTTLS; 587 with SSL does not connect, and port 25 is"
        " plaintext and blocked on most clouds. The username is the full QQ address and the password an"
        " authorization code (授权码), never the QQ password, which fails with 535 Login Fail. Please"
        " enter your authorization code to login."
    ),
    setup=(
        "Authorization code: in QQ Mail's web settings, Account > POP3/IMAP/SMTP/Exchange/CardDAV/CalDAV"
        " service, turn the SMTP service on and generate an authorization code (an SMS check; 16"
        f" characters; it expires when the QQ password changes; {AUTH_CODE_HELP})."
    ),
    sources=(ISPDB, WELL_KNOWN, AUTH_CODE, AUTH_CODE_HELP),
)

# Tencent Exmail: company mailboxes on the customer's own domain. Medium confidence at
# best: nodemailer's preset and guides, no Tencent page read.
EXMAIL = Provider(
    name="exmail",
    title="Tencent Exmail",
    hosts=(
        Host("smtp.exmail.qq.com", endpoints(WELL_KNOWN, tls=(465,), confidence=MEDIUM), WELL_KNOWN,
             confidence=LOW, note="587 with STARTTLS is reported too (not verified)"),
    ),
    domains=(),
    plans=(Plan("business", "Tencent Exmail", WELL_KNOWN, organization=True, confidence=MEDIUM,
                note="Tencent publishes no sending limits here"),),
    auth=(
        AuthMethod(PASSWORD, WELL_KNOWN, confidence=MEDIUM),
        AuthMethod(APP_PASSWORD, WELL_KNOWN, confidence=MEDIUM,
                   note="a client-specific password, once secure login (安全登录) is on"),
    ),
    explanation=(
        "Tencent Exmail (企业邮箱) accepts mail submission on smtp.exmail.qq.com, port 465 with implicit"
        " TLS, signed in with the full address and the mailbox password, or a client-specific password"
        " once secure login (安全登录) is turned on."
    ),
    setup=("With secure login on, create a client-specific password in Exmail's settings and use it as"
           f" the SMTP password (nodemailer's QQex preset: {WELL_KNOWN})."),
    sources=(WELL_KNOWN,),
)

