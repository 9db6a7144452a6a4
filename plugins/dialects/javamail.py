"""JavaMail (Jakarta Mail): how an SMTP session reads its properties, for every format that
hands them over (Spring Boot's ``spring.mail.properties``, and any Java program's
``mail.smtp.*`` settings).

Source: the SMTP provider's property list, ``SOURCE`` (JavaMail 1.6; Jakarta Mail's Angus
implementation keeps the same names under ``org.eclipse.angus.mail.smtp``).
The SMTP transport reads ``mail.smtp.*``; the ``smtps`` transport reads ``mail.smtps.*``
instead. Without ``ssl.enable``, an SSL ``socketFactory.class`` or ``starttls.*`` the
connection is never encrypted, and no port means 25 (465 for smtps). Unknown properties
are ignored without a word, which is why a typo here silently changes the security of
the connection.
"""

from __future__ import annotations

from typing import Mapping

from emaillint.api import (NO_TLS, STARTTLS, STARTTLS_OPTIONAL, TLS, Draft, Reader, Setting, boolean, closest, port,
                           spelling, written)

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
DEFAULT_PORTS = {"smtp": 25, "smtps": 465}


def security_spelling(protocol: str, where: str) -> dict[str, str]:
    """How each security mode is asked for, with properties written under ``where``."""
    prefix = f"mail.{protocol}."
    return {TLS: f"{where} {prefix}ssl.enable: true",
            STARTTLS: f"{where} {prefix}starttls.enable: true and {prefix}starttls.required: true",
            STARTTLS_OPTIONAL: f"only {prefix}starttls.enable",
            NO_TLS: f"no {prefix}ssl.enable, socketFactory or starttls property"}


class Session:
    """The properties of one session (name -> setting, names as written: ``mail.smtp.auth``)."""

    def __init__(self, props: Mapping[str, Setting], protocol: str) -> None:
        self.props = props
        self.protocol = protocol
        self.prefix = f"mail.{protocol}."

    def prop(self, suffix: str) -> Setting | None:
        return self.props.get(self.prefix + suffix)

    def flag(self, suffix: str) -> Setting | None:
        """A boolean property that is on, or None."""
        setting = self.prop(suffix)
        return setting if setting is not None and boolean(setting.value) else None

    def ssl_socket_factory(self) -> Setting | None:
        setting = self.prop("socketFactory.class")
        return setting if setting is not None and str(setting.value).strip() in SSL_SOCKET_FACTORIES else None

    def read(self, draft: Draft, implicit: list[Setting], port_setting: Setting | None, fix: str) -> None:
        """Security, port and certificate checks as the session decides them; ``implicit``
        are the host program's own settings that ask for implicit TLS (``protocol: smtps``)."""
        implicit = [s for s in implicit + [self.flag("ssl.enable"), self.ssl_socket_factory()] if s is not None]
        starttls = [s for s in (self.flag("starttls.enable"), self.flag("starttls.required")) if s is not None]
        required = self.flag("starttls.required")
        mode, why = ((TLS, implicit[0]) if implicit else (STARTTLS, required) if required else
                     (STARTTLS_OPTIONAL, starttls[0]) if starttls else (NO_TLS, None))
        draft.set("security", mode, why.path if why else None)
        if implicit and starttls:
            draft.conflict(
                tuple(f"{s.label}: {written(s.value)}" for s in implicit[:1] + starttls[:1]),
                "JavaMail connects with implicit TLS and skips STARTTLS ('STARTTLS requested but"
                " already using SSL'), so the starttls properties do nothing",
                "keep only the one that matches the port: implicit TLS (ssl.enable) for 465,"
                " starttls.enable and starttls.required for 587")
        setting = port_setting or self.prop("port") or (self.ssl_socket_factory() and self.prop("socketFactory.port"))
        if setting and setting.value is not None:
            draft.read("port", setting, convert=port, fix=fix)
        else:
            draft.default("port", DEFAULT_PORTS[self.protocol])
        trust, identity = self.prop("ssl.trust"), self.prop("ssl.checkserveridentity")
        trusted = str(trust.value).lower().split() if trust is not None and trust.value is not None else []
        if "*" in trusted or str(draft.fields.get("host") or "").lower() in trusted:
            draft.unverified(trust.path, f"{trust.label}: {written(trust.value)}")
        elif identity is not None and boolean(identity.value) is False:
            draft.unverified(identity.path, f"{identity.label}: {written(identity.value)}")

    def unknown(self, reader: Reader, account: str, up_level: Mapping[str, str] = {}) -> None:
        """Report properties JavaMail ignores; ``up_level`` maps names that belong to the
        host program's own settings (``host`` -> ``spring.mail.host``)."""
        for name, setting in self.props.items():
            problem = self.problem(name, up_level.get(name.lower().replace("-", "").replace("_", ""), ""))
            if problem:
                reader.ignored(setting.path, problem[0], help=problem[1], account=account, rename=self.meant(name))

    def meant(self, name: str) -> tuple[str, str] | None:
        """(``name``, the transport property it is one typo away from), for the fix."""
        protocol = next((p for p in DEFAULT_PORTS if name.startswith(f"mail.{p}.")), None)
        suffix = name[len(f"mail.{protocol}."):] if protocol else ""
        close = closest(suffix, TRANSPORT) if suffix and suffix not in TRANSPORT and suffix not in MISPLACED else None
        return (name, f"mail.{protocol}.{close}") if close else None

    def problem(self, name: str, up_level: str) -> tuple[str, str] | None:
        """What is wrong with a property JavaMail ignores, and what to write."""
        transport = next(((p, name[len(f"mail.{p}."):]) for p in DEFAULT_PORTS if name.startswith(f"mail.{p}.")),
                         None)
        if transport is None:
            if name.startswith("mail."):
                return None
            if up_level:
                return f"{name} is not a JavaMail property and is ignored here", f"write {up_level}, one level up"
            return (f"{name} is not a JavaMail property (those start with mail.) and is ignored",
                    f"remove {name}, or write the JavaMail property meant (mail.{self.protocol}.*)")
        protocol, suffix = transport
        if suffix in TRANSPORT:
            if protocol != self.protocol and suffix.startswith(SECURITY):
                return (f"{name} is ignored with spring.mail.protocol: {self.protocol}", f"write {self.prefix}{suffix}")
            return None
        if suffix in MISPLACED:
            return f"{name} is not a JavaMail property and is ignored", f"write {MISPLACED[suffix]}"
        close = closest(suffix, TRANSPORT)
        hint = f"write mail.{protocol}.{close}" if close else "check the spelling against JavaMail's list"
        return f"{name} is not a JavaMail property, so JavaMail ignores it", hint
