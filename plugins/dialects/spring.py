"""Spring Boot's ``spring.mail.*`` (``application.yml``, ``application-<profile>.yml``).

Spring Boot hands ``spring.mail.host/port/username/password/protocol`` to JavaMail and
passes ``spring.mail.properties.*`` through as JavaMail session properties, whether they
are written nested (``mail: smtp: auth: true``), as dotted keys (``mail.smtp.auth: true``)
or bracketed (``"[mail.smtp.auth]"``); all three are read alike. JavaMail's defaults
apply: no port means 25 (465 with ``protocol: smtps``), and without ``ssl.enable``,
``socketFactory.class`` or ``starttls.*`` the connection is never encrypted.
Sources: Spring Boot's ``MailProperties``
(https://docs.spring.io/spring-boot/appendix/application-properties/index.html#application-properties.mail)
and ``javamail.SOURCE``.
"""

from __future__ import annotations

from typing import Any

from emaillint.api import (
    NO_TLS,
    PLAIN,
    PLAINTEXT_PASSWORD,
    STARTTLS,
    STARTTLS_OPTIONAL,
    TLS,
    Dialect,
    Reader,
    Reading,
    Setting,
    boolean,
    closest,
    flatten,
    hookimpl,
    interpolate_spring,
    port,
    spelling,
)

from emaillint_plugins.dialects import javamail

NAME = "spring"
ACCOUNT = "spring.mail"
MAIL = "spring.mail."
PROPERTIES = "spring.mail.properties."
FIELDS = {"host": "host", "port": "port", "username": "username", "password": "password",
          "protocol": "protocol", "defaultencoding": "default-encoding", "jndiname": "jndi-name",
          "testconnection": "test-connection", "ssl.enabled": "ssl.enabled", "ssl.bundle": "ssl.bundle",
          "properties": "properties"}
"""``spring.mail.*``: relaxed form (lower case, no ``-`` or ``_``, as Spring binds them) -> as documented."""
DEFAULT_PORTS = {"smtp": 25, "smtps": 465}
PLACEHOLDERS = "Spring resolves only ${NAME} placeholders, with braces"
JASYPT_KEY = "jasypt.encryptor.password"


def detect(doc: Any) -> bool:
    data = doc.data
    if not isinstance(data, dict):
        return False
    for key, value in data.items():
        if key.startswith("spring.mail"):
            return True
        if key == "spring" and isinstance(value, dict):
            if any(sub == "mail" or sub.startswith("mail.") for sub in value):
                return True
    return False


def read(doc: Any, options: Any) -> Reading:
    reader = Reader(doc, options, NAME, interpolate_spring)
    entries = {name: s for name, s in flatten(doc, "spring").items() if name.startswith(MAIL)}
    if entries:
        _Mail(reader, entries).read()
    return reader.reading()


class _Mail:
    """One ``spring.mail`` block: JavaMail's view of it, and Spring's."""

    def __init__(self, reader: Reader, entries: dict[str, Setting]) -> None:
        self.reader = reader
        self.fields = {_relaxed(n[len(MAIL):]): s for n, s in entries.items() if not n.startswith(PROPERTIES)}
        self.props = {n[len(PROPERTIES):]: s._replace(label=n[len(PROPERTIES):])
                      for n, s in entries.items() if n.startswith(PROPERTIES)}
        protocol = self.fields.get("protocol")
        self.protocol = str(protocol.value).strip().lower() if protocol and protocol.value else "smtp"
        if self.protocol not in DEFAULT_PORTS:
            reader.refused(protocol.path, (
                f"spring.mail.protocol: '{protocol.value}' is not a JavaMail mail transport, so sending fails"
                " with NoSuchProviderException; write smtp (STARTTLS or none) or smtps (implicit TLS)"),
                account=ACCOUNT)
            self.protocol = "smtp"
        self.prefix = f"mail.{self.protocol}."
        at = ("spring", "mail") if reader.doc.has(("spring", "mail")) else next(iter(entries.values())).path
        self.draft = reader.draft(ACCOUNT, at, spelling("JavaMail", fields={
            field: f"spring.mail.{field}: {{}}" for field in ("host", "port", "username", "password")}, security={
            TLS: f"spring.mail.properties {self.prefix}ssl.enable: true",
            STARTTLS: (f"spring.mail.properties {self.prefix}starttls.enable: true and"
                       f" {self.prefix}starttls.required: true"),
            STARTTLS_OPTIONAL: f"only {self.prefix}starttls.enable",
            NO_TLS: f"no {self.prefix}ssl.enable, socketFactory or starttls property",
        }))

    def prop(self, suffix: str) -> Setting | None:
        return self.props.get(self.prefix + suffix)

    def flag(self, suffix: str) -> Setting | None:
        """A boolean property that is on, or None."""
        setting = self.prop(suffix)
        return setting if setting is not None and boolean(setting.value) else None

    def read(self) -> None:
        draft = self.draft
        for field in ("host", "username"):
            setting = self.fields.get(field)
            if setting is not None and setting.value not in (None, ""):
                draft.read(field, setting, fix=_placeholder(field))
        self._password()
        self._security()
        factory = self._ssl_socket_factory()
        setting = self.fields.get("port") or self.prop("port") or (factory and self.prop("socketFactory.port"))
        if setting and setting.value is not None:
            draft.read("port", setting._replace(label=_short(setting.label)), convert=port, fix=_placeholder("port"))
        else:
            draft.default("port", DEFAULT_PORTS[self.protocol])
        self._verification()
        self._unknown_keys()
        self.reader.add(draft)

    def _password(self) -> None:
        setting = self.fields.get("password")
        text = "" if setting is None or setting.value is None else str(setting.value).strip()
        if setting is None:
            return
        if text.startswith("ENC(") and text.endswith(")"):
            self.draft.stored("jasypt", setting.path)
            key = flatten(self.reader.doc, "jasypt").get(JASYPT_KEY)
            if key is not None and key.value not in (None, "") and interpolate_spring(str(key.value)).kind == PLAIN:
                self.reader.finding(key.path, PLAINTEXT_PASSWORD, (
                    "spring.mail.password is jasypt-encrypted, but the key that decrypts it"
                    " (jasypt.encryptor.password) is written in this file, so anyone who can read the"
                    " file can read the password; pass the key at start-up instead"
                    " (JASYPT_ENCRYPTOR_PASSWORD or -Djasypt.encryptor.password)"), account=ACCOUNT)
        elif not text:
            self.draft.empty_password(setting.path)
        else:
            self.draft.password(setting._replace(value=str(setting.value)), fix=_placeholder("password"))

    def _security(self) -> None:
        enabled = self.fields.get("ssl.enabled")
        implicit = [s for s in (
            self.fields.get("protocol") if self.protocol == "smtps" else None,
            self.flag("ssl.enable"),
            enabled if enabled is not None and boolean(enabled.value) else None,
            self._ssl_socket_factory(),
        ) if s is not None]
        starttls = [s for s in (self.flag("starttls.enable"), self.flag("starttls.required")) if s is not None]
        required = self.flag("starttls.required")
        mode, why = ((TLS, implicit[0]) if implicit else (STARTTLS, required) if required else
                     (STARTTLS_OPTIONAL, starttls[0]) if starttls else (NO_TLS, None))
        self.draft.set("security", mode, why.path if why else None)
        if implicit and starttls:
            self.draft.conflict(
                tuple(f"{_short(s.label)}: {_text(s.value)}" for s in implicit[:1] + starttls[:1]),
                "JavaMail connects with implicit TLS and skips STARTTLS ('STARTTLS requested but"
                " already using SSL'), so the starttls properties do nothing",
                "keep only the one that matches the port: implicit TLS (ssl.enable) for 465,"
                " starttls.enable and starttls.required for 587")

    def _ssl_socket_factory(self) -> Setting | None:
        setting = self.prop("socketFactory.class")
        return setting if setting is not None and str(setting.value).strip() in javamail.SSL_SOCKET_FACTORIES else None

    def _verification(self) -> None:
        trust = self.prop("ssl.trust")
        host = str(self.draft.fields.get("host") or "").lower()
        identity = self.prop("ssl.checkserveridentity")
        if trust is not None and trust.value is not None and ("*" in str(trust.value).lower().split()
                                                              or (host and host in str(trust.value).lower().split())):
            self.draft.unverified(trust.path, f"{trust.label}: {_text(trust.value)}")
        elif identity is not None and boolean(identity.value) is False:
            self.draft.unverified(identity.path, f"{identity.label}: {_text(identity.value)}")

    def _unknown_keys(self) -> None:
        for field, setting in self.fields.items():
            if field not in FIELDS:
                close = closest(field, FIELDS)
                hint = f"did you mean spring.mail.{FIELDS[close]}?" if close else "Spring Boot ignores it"
                self.reader.ignored(setting.path, f"{setting.label}: Spring Boot has no such mail setting; {hint}",
                                    account=ACCOUNT)
        for name, setting in self.props.items():
            message = self._property_problem(name)
            if message:
                self.reader.ignored(setting.path, message, account=ACCOUNT)

    def _property_problem(self, name: str) -> str | None:
        transport = javamail.transport_of(name)
        if transport is None:
            if name.startswith("mail."):
                return None
            if _relaxed(name) in FIELDS:
                return (f"{name} is not a JavaMail property and is ignored here; did you mean"
                        f" spring.mail.{FIELDS[_relaxed(name)]}, one level up?")
            return f"{name} is not a JavaMail property (those start with mail.) and is ignored"
        protocol, suffix = transport
        if suffix in javamail.TRANSPORT:
            if protocol != self.protocol and suffix.startswith(javamail.SECURITY):
                return (f"{name} is ignored: with spring.mail.protocol: {self.protocol} JavaMail reads"
                        f" {self.prefix}{suffix}")
            return None
        if suffix in javamail.MISPLACED:
            return f"{name} is not a JavaMail property and is ignored; write {javamail.MISPLACED[suffix]}"
        close = closest(suffix, javamail.TRANSPORT)
        hint = f"did you mean mail.{protocol}.{close}?" if close else "check the spelling against JavaMail's list"
        return f"{name} is not a JavaMail property, so JavaMail ignores it; {hint}"


def _placeholder(field: str) -> str:
    return f"{PLACEHOLDERS}: write spring.mail.{field}: ${{SMTP_{field.upper()}}}"


def _relaxed(name: str) -> str:
    """Spring's relaxed binding: ``default-encoding``, ``defaultEncoding`` and ``default_encoding`` agree."""
    return name.lower().replace("-", "").replace("_", "")


def _short(name: str) -> str:
    return name[len(PROPERTIES):] if name.startswith(PROPERTIES) else name


def _text(value: Any) -> str:
    return str(value).lower() if isinstance(value, bool) else str(value)


DIALECT = Dialect(
    name=NAME,
    summary="Spring Boot application.yml: spring.mail.* and JavaMail properties",
    detect=detect,
    read=read,
)


@hookimpl
def emaillint_dialects():
    return [DIALECT]
