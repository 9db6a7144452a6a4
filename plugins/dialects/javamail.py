"""JavaMail's session properties, as Spring Boot passes them on from ``spring.mail.properties``.

Source: the SMTP provider's property list, ``SOURCE`` (JavaMail 1.6; Jakarta Mail's Angus
implementation keeps the same names under ``org.eclipse.angus.mail.smtp``).
The SMTP transport reads ``mail.smtp.*``; the ``smtps`` transport (``spring.mail.protocol:
smtps``) reads ``mail.smtps.*`` instead. Unknown properties are ignored without a word,
which is why a typo here silently changes the security of the connection.
"""

from __future__ import annotations

SOURCE = "https://javaee.github.io/javamail/docs/api/com/sun/mail/smtp/package-summary.html"

TRANSPORT = (
    "user", "host", "port", "connectiontimeout", "timeout", "writetimeout", "from", "localhost",
    "localaddress", "localport", "ehlo", "auth", "auth.mechanisms", "auth.login.disable",
    "auth.plain.disable", "auth.digest-md5.disable", "auth.ntlm.disable", "auth.ntlm.domain",
    "auth.ntlm.flags", "auth.xoauth2.disable", "submitter", "dsn.notify", "dsn.ret",
    "allow8bitmime", "sendpartial", "sasl.enable", "sasl.mechanisms", "sasl.authorizationid",
    "sasl.realm", "sasl.usecanonicalhostname", "quitwait", "quitonsessionreject", "reportsuccess",
    "socketFactory", "socketFactory.class", "socketFactory.fallback", "socketFactory.port",
    "ssl.enable", "ssl.checkserveridentity", "ssl.trust", "ssl.socketFactory",
    "ssl.socketFactory.class", "ssl.socketFactory.port", "ssl.protocols", "ssl.ciphersuites",
    "starttls.enable", "starttls.required", "proxy.host", "proxy.port", "proxy.user",
    "proxy.password", "socks.host", "socks.port", "mailextension", "userset", "noop.strict",
)
"""Properties of the SMTP transport, after ``mail.smtp.`` (or ``mail.smtps.``)."""

MISPLACED = {"debug": "mail.debug"}
"""Session properties often written under ``mail.smtp.`` where JavaMail never reads them."""

SECURITY = ("starttls.", "ssl.", "socketFactory")
"""Transport properties that decide the security of the connection."""

SSL_SOCKET_FACTORIES = ("javax.net.ssl.SSLSocketFactory", "com.sun.mail.util.MailSSLSocketFactory",
                        "org.eclipse.angus.mail.util.MailSSLSocketFactory")


def transport_of(name: str) -> tuple[str, str] | None:
    """``mail.smtp.starttls.enable`` -> ``("smtp", "starttls.enable")``; None for other names."""
    for protocol in ("smtp", "smtps"):
        prefix = f"mail.{protocol}."
        if name.startswith(prefix):
            return protocol, name[len(prefix):]
    return None
