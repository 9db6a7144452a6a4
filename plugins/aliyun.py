"""Aliyun DirectMail (邮件推送) and Alibaba Mail (阿里邮箱, enterprise and personal), as data sheets.

Facts and confidence levels: PROVIDERS-2.md section 2.3 in the project's shared notes.
Both offer plaintext ports (25, 80) beside implicit TLS on 465, and no STARTTLS port;
``cleartext-auth`` reports a password over the plaintext ones.
"""

from __future__ import annotations

from emaillint.api import (
    APP_PASSWORD,
    HIGH,
    LOW,
    MEDIUM,
    NONE,
    PASSWORD,
    REJECTS_SENDER,
    AuthMethod,
    Endpoint,
    Host,
    OtherHost,
    Plan,
    Provider,
    Username,
    endpoints,
)

from emaillint_plugins import mailboxes as listed

DIRECTMAIL_SMTP = "https://help.aliyun.com/en/direct-mail/user-guide/send-emails-using-smtp"
DIRECTMAIL_PORT_80 = "https://www.alibabacloud.com/help/doc-detail/51622.htm"
ENTERPRISE = "https://help.aliyun.com/en/document_detail/36687.html"
WELL_KNOWN = "https://github.com/nodemailer/nodemailer/blob/master/lib/well-known/services.json"

DIRECTMAIL = Provider(
    name="aliyun-directmail",
    title="Aliyun DirectMail",
    hosts=(
        Host("smtpdm.aliyun.com", (
            endpoints(DIRECTMAIL_SMTP, tls=(465,), confidence=HIGH)
            + (Endpoint(80, NONE, f"{DIRECTMAIL_SMTP} {DIRECTMAIL_PORT_80}", confidence=HIGH),
               Endpoint(25, NONE, DIRECTMAIL_PORT_80, confidence=MEDIUM))
        ), DIRECTMAIL_SMTP, confidence=HIGH, note="80 and 25 are unencrypted; 25 is blocked on ECS"),
        # Other regions' hosts are known only from announcement titles (L).
        Host("smtpdm-<region>.aliyun.com", endpoints(DIRECTMAIL_SMTP, tls=(465,), confidence=LOW),
             DIRECTMAIL_SMTP, pattern=r"smtpdm-[a-z]+-[a-z]+-\d\.aliyun\.com", confidence=LOW),
    ),
    domains=(),
    plans=(Plan("account", "Aliyun DirectMail", DIRECTMAIL_SMTP, confidence=HIGH,
                note="the console sets the daily quota per account"),),
    auth=(AuthMethod(PASSWORD, DIRECTMAIL_SMTP, confidence=HIGH,
                     note="the SMTP password set for that sender address in the console"),),
    usernames=(Username("the sender address itself, as set up in the DirectMail console", DIRECTMAIL_SMTP,
                        pattern=r"[^@\s]+@[^@\s]+", confidence=HIGH),),
    sender_policy=REJECTS_SENDER,
    sender_source=DIRECTMAIL_SMTP,
    sender_confidence=HIGH,
    sender_note="sign in as the sender address you send from (each has its own SMTP password)",
    explanation=(
        "Aliyun DirectMail accepts mail submission on smtpdm.aliyun.com: implicit TLS on 465, or"
        " unencrypted on 80 (and 25, blocked on ECS). The username must be exactly the sender address"
        " and the password the SMTP password set for it in the console."
    ),
    setup=f"DirectMail console > Sender addresses > Set SMTP password ({DIRECTMAIL_SMTP}).",
    sources=(DIRECTMAIL_SMTP, DIRECTMAIL_PORT_80),
)

ALIYUN_MAIL = Provider(
    name="aliyun-mail",
    title="Alibaba Mail",
    hosts=(
        Host("smtp.qiye.aliyun.com", (
            endpoints(ENTERPRISE, tls=(465,), confidence=HIGH)
            + (Endpoint(80, NONE, ENTERPRISE, confidence=HIGH), Endpoint(25, NONE, ENTERPRISE, confidence=HIGH))
        ), ENTERPRISE, plans=("business",), confidence=HIGH,
            note="enterprise mail; also smtp.<your domain> with a CNAME; 25 is blocked on ECS"),
        Host("smtp.aliyun.com", endpoints(WELL_KNOWN, tls=(465,), confidence=MEDIUM), WELL_KNOWN,
             plans=("personal",), confidence=LOW, note="personal aliyun.com mailboxes"),
    ),
    legacy_hosts=(
        OtherHost("smtp.mxhichina.com", "smtp.qiye.aliyun.com",
                  "smtp.mxhichina.com is Alibaba Mail's older host name", WELL_KNOWN, confidence=MEDIUM),
    ),
    domains=listed.aliyun_mail.domains,
    plans=(
        Plan("personal", "Aliyun personal mail", WELL_KNOWN, confidence=MEDIUM, note="no published limits"),
        Plan("business", "Alibaba Mail (enterprise)", ENTERPRISE, organization=True, confidence=HIGH,
             note="no published limits here"),
    ),
    auth=(
        AuthMethod(PASSWORD, ENTERPRISE, confidence=HIGH),
        AuthMethod(APP_PASSWORD, ENTERPRISE, confidence=HIGH,
                   note="the third-party-client security password, where the admin turned it on"),
    ),
    explanation=(
        "Alibaba Mail (阿里邮箱) accepts mail submission on smtp.qiye.aliyun.com (enterprise; or"
        " smtp.<your domain> with a CNAME): implicit TLS on 465, or unencrypted on 25 and 80."
        " Third-party clients are blocked by default for new purchases until an admin allows them;"
        " with the third-party-client security password on, sign in with that password."
    ),
    setup=("An admin allows third-party clients (and SMTP) in the Alibaba Mail admin console; users"
           f" then sign in with the mailbox or client security password ({ENTERPRISE})."),
    sources=(ENTERPRISE, WELL_KNOWN),
)

