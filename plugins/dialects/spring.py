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

from emaillint.api import (PLAIN, PLAINTEXT_PASSWORD, Dialect, Reader, Reading, Setting, boolean, closest, flatten,
                           hookimpl, interpolate_spring, spelling)

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
PLACEHOLDERS = "Spring resolves only ${NAME}, with braces"
JASYPT_KEY = "jasypt.encryptor.password"


def detect(doc: Any) -> bool:
    return any(key.startswith("spring.mail") for key in doc.keys()) or any(
        sub == "mail" or sub.startswith("mail.") for sub in doc.keys(("spring",)))


def read(doc: Any, options: Any) -> Reading:
    reader = Reader(doc, options, NAME, interpolate_spring, outcome=PLACEHOLDERS)
    entries = {name: s for name, s in flatten(doc, "spring").items() if name.startswith(MAIL)}
    if entries:
        _Mail(reader, entries).read()
    return reader.reading()


class _Mail:
    """One ``spring.mail`` block: Spring's settings, and the JavaMail session they configure."""

    def __init__(self, reader: Reader, entries: dict[str, Setting]) -> None:
        self.reader = reader
        self.fields = {_relaxed(n[len(MAIL):]): s for n, s in entries.items() if not n.startswith(PROPERTIES)}
        protocol = self.fields.get("protocol")
        self.protocol = str(protocol.value).strip().lower() if protocol and protocol.value else "smtp"
        if self.protocol not in javamail.DEFAULT_PORTS:
            reader.refused(protocol.path, (
                f"spring.mail.protocol: '{protocol.value}' is not a JavaMail mail transport, so sending fails"
                " with NoSuchProviderException"), help="write smtp (STARTTLS or none) or smtps (implicit TLS)",
                account=ACCOUNT)
            self.protocol = "smtp"
        self.session = javamail.Session({n[len(PROPERTIES):]: s._replace(label=n[len(PROPERTIES):])
                                         for n, s in entries.items() if n.startswith(PROPERTIES)}, self.protocol)
        at = ("spring", "mail") if reader.doc.has(("spring", "mail")) else next(iter(entries.values())).path
        self.draft = reader.draft(ACCOUNT, at, spelling(
            "JavaMail", fields={field: f"spring.mail.{field}: {{}}" for field in ("host", "port", "username", "password")},
            security=javamail.security_spelling(self.protocol, "spring.mail.properties")))

    def read(self) -> None:
        draft = self.draft
        for field in ("host", "username"):
            setting = self.fields.get(field)
            if setting is not None and setting.value not in (None, ""):
                draft.read(field, setting, fix=_placeholder(field))
        self._password()
        enabled = self.fields.get("ssl.enabled")
        implicit = [self.fields.get("protocol") if self.protocol == "smtps" else None,
                    enabled if enabled is not None and boolean(enabled.value) else None]
        self.session.read(draft, implicit, self.fields.get("port"), _placeholder("port"))
        for field, setting in self.fields.items():
            if field not in FIELDS:
                close = closest(field, FIELDS)
                self.reader.ignored(setting.path, f"{setting.label}: Spring Boot has no such mail setting and ignores it",
                                    help=f"remove {setting.label}", account=ACCOUNT,
                                    rename=(setting.label, f"spring.mail.{FIELDS[close]}") if close else None)
        self.session.unknown(self.reader, ACCOUNT, {key: f"spring.mail.{name}" for key, name in FIELDS.items()})
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
                    "jasypt.encryptor.password, the key that decrypts spring.mail.password, is written in this file"),
                    account=ACCOUNT, help=("pass the key at start-up instead (JASYPT_ENCRYPTOR_PASSWORD or"
                                           " -Djasypt.encryptor.password)"))
        elif not text:
            self.draft.empty_password(setting.path)
        else:
            self.draft.password(setting._replace(value=str(setting.value)), fix=_placeholder("password"))


def _placeholder(field: str) -> str:
    return f"write spring.mail.{field}: ${{SMTP_{field.upper()}}}"


def _relaxed(name: str) -> str:
    """Spring's relaxed binding: ``default-encoding``, ``defaultEncoding`` and ``default_encoding`` agree."""
    return name.lower().replace("-", "").replace("_", "")


DIALECT = Dialect(name=NAME, summary="Spring Boot application.yml: spring.mail.* and JavaMail properties",
                  detect=detect, read=read, needles=("mail",))


@hookimpl
def emaillint_dialects():
    return [DIALECT]
