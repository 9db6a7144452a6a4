"""nodemailer's SMTP transport: how ``secure``, ``requireTLS``, ``ignoreTLS``, the port and a
``service`` preset decide the connection, for every program that hands nodemailer its
options (Ghost's ``mail__options__*``, n8n's ``N8N_SMTP_*``).

Source: nodemailer ``lib/smtp-connection/index.js`` and ``lib/smtp-transport/index.js`` at
2f667f4 (``SOURCE``). A truthy ``secure`` is implicit TLS; with ``secure`` unset, port 465
is implicit TLS too; no port means 465 with ``secure``, else 587. Otherwise the client
sends STARTTLS if the server's EHLO offers it, or always with ``requireTLS`` (failing if
the upgrade fails), and never with ``ignoreTLS``, which wins over ``requireTLS``
(``!this.secure && !this.options.ignoreTLS && (/STARTTLS/.test(str) ||
this.options.requireTLS)``). A ``service`` name looks up ``lib/well-known/services.json``,
whose host, port and ``secure`` are assigned over the options written
(``shared.assign(false, options, urlData, wellKnown(service))``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from emaillint.api import NO_TLS, STARTTLS, STARTTLS_OPTIONAL, TLS, Draft, Setting

SOURCE = "https://github.com/nodemailer/nodemailer/blob/2f667f4272cb2d7cb479b2e3903ab10600fc0eae/lib/smtp-connection/index.js"
SERVICES_SOURCE = ("https://github.com/nodemailer/nodemailer/blob/2f667f4272cb2d7cb479b2e3903ab10600fc0eae"
                   "/lib/well-known/services.json")
IMPLICIT_TLS_PORT = 465


GMAIL = ("smtp.gmail.com", 465, True)
HOTMAIL = ("smtp-mail.outlook.com", 587, False)
ICLOUD = ("smtp.mail.me.com", 587, False)
BREVO = ("smtp-relay.brevo.com", 587, False)
YAHOO = ("smtp.mail.yahoo.com", 465, True)
QQ = ("smtp.qq.com", 465, True)
POSTMARK = ("smtp.postmarkapp.com", 2525, False)
SERVICES = {
    "gmail": GMAIL, "googlemail": GMAIL, "gmail.com": GMAIL, "googlemail.com": GMAIL,
    "hotmail": HOTMAIL, "outlook": HOTMAIL, "outlook.com": HOTMAIL, "hotmail.com": HOTMAIL,
    "outlook365": ("smtp.office365.com", 587, False), "yahoo": YAHOO, "yahoo.com": YAHOO,
    "mailgun": ("smtp.mailgun.org", 465, True), "sendgrid": ("smtp.sendgrid.net", 587, False),
    "postmark": POSTMARK, "postmarkapp": POSTMARK, "ses": ("email-smtp.us-east-1.amazonaws.com", 465, True),
    "zoho": ("smtp.zoho.com", 465, True), "mailjet": ("in.mailjet.com", 587, False),
    "sendinblue": BREVO, "brevo": BREVO, "qq": QQ, "qq.com": QQ,
    "icloud": ICLOUD, "me": ICLOUD, "mac": ICLOUD, "me.com": ICLOUD, "mac.com": ICLOUD,
}
"""``(host, port, secure)`` of the presets users name most, keyed as nodemailer normalises
names (lower case, only letters, digits, '.' and '-'); ``SERVICES_SOURCE`` has the rest."""


def preset(name: str) -> tuple[str, int, bool] | None:
    return SERVICES.get(re.sub(r"[^a-zA-Z0-9.-]", "", name.split("@")[-1]).lower())


if TYPE_CHECKING:
    from typing import Optional, Tuple

    Flag = Optional[Tuple[bool, Setting]]
    """A boolean option as the program parsed it, and where it is written (None: not set)."""


def decide(draft: Draft, secure: Flag, require_tls: Flag, ignore_tls: Flag, *, port_known: bool = True,
           secure_default: bool | None = None) -> None:
    """Security and the default port, as ``SMTPConnection`` decides them. ``secure_default``
    is the program's own ``secure`` when the file sets none (n8n passes true); ``port_known``
    is false when the port is a run-time reference, so an unset ``secure`` decides nothing."""
    if secure is not None:
        implicit = secure[0]
    elif secure_default is not None:
        implicit = secure_default
    elif port_known:
        implicit = draft.fields.get("port") == IMPLICIT_TLS_PORT
    else:
        return
    if "port" not in draft.fields:
        draft.default("port", IMPLICIT_TLS_PORT if implicit else 587)
    if implicit:
        mode, why = TLS, secure
    elif ignore_tls is not None and ignore_tls[0]:
        mode, why = NO_TLS, ignore_tls
        if require_tls is not None and require_tls[0]:
            draft.conflict((f"{require_tls[1].label}=true", f"{ignore_tls[1].label}=true"),
                           f"nodemailer ignores {require_tls[1].label}",
                           f"remove {ignore_tls[1].label}")
    elif require_tls is not None and require_tls[0]:
        mode, why = STARTTLS, require_tls
    else:
        mode, why = STARTTLS_OPTIONAL, secure
    if why is not None:
        draft.set("security", mode, why[1].path)
    else:
        draft.default("security", mode)
