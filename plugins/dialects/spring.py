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

from typing import Any, Iterator, NamedTuple

from emaillint.api import Conflict, Dialect, Reading, Secret, hookimpl

from emaillint_plugins.dialects import javamail
from emaillint_plugins.dialects.draft import Draft
from emaillint_plugins.dialects.interpolation import PLAIN
from emaillint_plugins.dialects.interpolation import spring as interpolate
from emaillint_plugins.dialects.values import boolean, closest, port

NAME = "spring"
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


class Entry(NamedTuple):
    name: str
    """The property name as written, dotted (``spring.mail.properties.mail.smtp.auth``)."""
    value: Any
    path: tuple[Any, ...]


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
    entries = [e for e in _entries(doc.data, "spring") if e.name.startswith(MAIL)]
    if not entries:
        return Reading([], [])
    fields: dict[str, Entry] = {}
    props: dict[str, Entry] = {}
    for entry in entries:
        if entry.name.startswith(PROPERTIES):
            props[entry.name[len(PROPERTIES):]] = entry
        else:
            fields[_relaxed(entry.name[len(MAIL):])] = entry
    mail_path = ("spring", "mail") if ("spring", "mail") in doc.key_positions else entries[0].path
    reader = _Reader(doc, options, fields, props, doc.position(mail_path, key=True))
    return reader.reading()


class _Reader:
    """Reads one ``spring.mail`` block: JavaMail's view of it, and Spring's."""

    def __init__(self, doc: Any, options: Any, fields: dict[str, Entry], props: dict[str, Entry],
                 position: Any) -> None:
        self.doc = doc
        self.environ = options.environ
        self.fields = fields
        self.props = props
        self.findings: list[Any] = []
        protocol = fields.get("protocol")
        self.protocol = str(protocol.value).strip().lower() if protocol and protocol.value else "smtp"
        if self.protocol not in DEFAULT_PORTS:
            self.findings.append(doc.finding(protocol.path, "schema", (
                f"spring.mail.protocol: '{protocol.value}' is not a JavaMail mail transport, so"
                " sending fails with NoSuchProviderException; write smtp (STARTTLS or none) or"
                " smtps (implicit TLS)"), account="spring.mail"))
            self.protocol = "smtp"
        self.prefix = f"mail.{self.protocol}."
        self.draft = Draft(doc, "spring.mail", NAME, position, {
            "program": "JavaMail",
            "host": "spring.mail.host: {}",
            "port": "spring.mail.port: {}",
            "username": "spring.mail.username: {}",
            "password": "spring.mail.password: {}",
            "security=tls": f"spring.mail.properties {self.prefix}ssl.enable: true",
            "security=starttls": (f"spring.mail.properties {self.prefix}starttls.enable: true and"
                                  f" {self.prefix}starttls.required: true"),
            "security=starttls-optional": f"only {self.prefix}starttls.enable",
            "security=none": f"no {self.prefix}ssl.enable, socketFactory or starttls property",
        })

    def reading(self) -> Reading:
        self._host_and_credentials()
        self._security()
        self._port()
        self._verification()
        self._unknown_keys()
        return Reading([self.draft.account()], self.findings, frozenset(self.draft.secrets))

    def prop(self, suffix: str) -> Entry | None:
        return self.props.get(self.prefix + suffix)

    def flag(self, suffix: str) -> Entry | None:
        """A boolean property that is on, or None."""
        entry = self.prop(suffix)
        return entry if entry is not None and boolean(entry.value) else None

    def _host_and_credentials(self) -> None:
        draft = self.draft
        for field in ("host", "username"):
            entry = self.fields.get(field)
            if entry is not None and entry.value not in (None, ""):
                draft.value(field, interpolate(str(entry.value), self.environ), entry.path,
                            entry.name, f"{PLACEHOLDERS}: write {entry.name}: ${{SMTP_{field.upper()}}}")
        entry = self.fields.get("password")
        if entry is None:
            return
        text = "" if entry.value is None else str(entry.value)
        if text.strip().startswith("ENC(") and text.strip().endswith(")"):
            draft.at("password", entry.path)
            draft.secret(Secret("store", "jasypt"))
            self._jasypt_key_in_file()
        elif not text.strip():
            draft.at("password", entry.path)
            draft.secret(Secret("empty"))
        else:
            draft.password(interpolate(text), entry.path, entry.name, f"{PLACEHOLDERS}: write"
                           " spring.mail.password: ${SMTP_PASSWORD}")

    def _jasypt_key_in_file(self) -> None:
        key = next((e for e in _entries(self.doc.data, "jasypt") if e.name == JASYPT_KEY), None)
        if key is not None and key.value not in (None, "") and interpolate(str(key.value)).kind == PLAIN:
            self.findings.append(self.doc.finding(key.path, "plaintext-password", (
                "spring.mail.password is jasypt-encrypted, but the key that decrypts it"
                " (jasypt.encryptor.password) is written in this file, so anyone who can read the"
                " file can read the password; pass the key at start-up instead"
                " (JASYPT_ENCRYPTOR_PASSWORD or -Djasypt.encryptor.password)"), account="spring.mail"))

    def _security(self) -> None:
        implicit = [e for e in (
            self.fields.get("protocol") if self.protocol == "smtps" else None,
            self.flag("ssl.enable"),
            self.fields.get("ssl.enabled") if boolean(getattr(self.fields.get("ssl.enabled"), "value", None)) else None,
            self._ssl_socket_factory(),
        ) if e is not None]
        starttls = [e for e in (self.flag("starttls.enable"), self.flag("starttls.required")) if e is not None]
        draft = self.draft
        if implicit:
            draft.put("security", "tls", implicit[0].path)
        elif self.flag("starttls.required"):
            draft.put("security", "starttls", self.flag("starttls.required").path)
        elif starttls:
            draft.put("security", "starttls-optional", starttls[0].path)
        else:
            draft.put("security", "none")
        if implicit and starttls:
            draft.conflict(Conflict(
                tuple(f"{_short(e.name)}: {_text(e.value)}" for e in implicit[:1] + starttls[:1]),
                "JavaMail connects with implicit TLS and skips STARTTLS ('STARTTLS requested but"
                " already using SSL'), so the starttls properties do nothing",
                "keep only the one that matches the port: implicit TLS (ssl.enable) for 465,"
                " starttls.enable and starttls.required for 587",
            ))

    def _ssl_socket_factory(self) -> Entry | None:
        entry = self.prop("socketFactory.class")
        if entry is not None and str(entry.value).strip() in javamail.SSL_SOCKET_FACTORIES:
            return entry
        return None

    def _port(self) -> None:
        draft = self.draft
        entry = self.fields.get("port") or self.prop("port")
        if entry is None and self._ssl_socket_factory() is not None:
            entry = self.prop("socketFactory.port")
        if entry is not None and entry.value is not None:
            draft.value("port", interpolate(str(entry.value), self.environ), entry.path, _short(entry.name),
                        f"{PLACEHOLDERS}: write spring.mail.port: ${{SMTP_PORT}}", convert=port)
        else:
            draft.default("port", DEFAULT_PORTS[self.protocol])

    def _verification(self) -> None:
        draft = self.draft
        trust = self.prop("ssl.trust")
        host = (draft.fields.get("host") or "").lower()
        if trust is not None and trust.value is not None:
            hosts = str(trust.value).lower().split()
            if "*" in hosts or (host and host in hosts):
                self._unverified(trust)
                return
        identity = self.prop("ssl.checkserveridentity")
        if identity is not None and boolean(identity.value) is False:
            self._unverified(identity)

    def _unverified(self, entry: Entry) -> None:
        self.draft.put("verify_cert", False, entry.path)
        self.draft.spelling["verify_cert=False"] = f"{_short(entry.name)}: {_text(entry.value)}"

    def _unknown_keys(self) -> None:
        for field, entry in self.fields.items():
            if field not in FIELDS:
                close = closest(field, FIELDS)
                hint = f"did you mean spring.mail.{FIELDS[close]}?" if close else "Spring Boot ignores it"
                self._unknown(entry, f"{entry.name}: Spring Boot has no such mail setting; {hint}")
        for name, entry in self.props.items():
            message = self._property_problem(name)
            if message:
                self._unknown(entry, message)

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
        if javamail.known(suffix):
            if protocol != self.protocol and suffix.startswith(javamail.SECURITY):
                return (f"{name} is ignored: with spring.mail.protocol: {self.protocol} JavaMail reads"
                        f" {self.prefix}{suffix}")
            return None
        if suffix in javamail.MISPLACED:
            return f"{name} is not a JavaMail property and is ignored; write {javamail.MISPLACED[suffix]}"
        close = javamail.suggestion(suffix)
        hint = f"did you mean mail.{protocol}.{close}?" if close else "check the spelling against JavaMail's list"
        return f"{name} is not a JavaMail property, so JavaMail ignores it; {hint}"

    def _unknown(self, entry: Entry, message: str) -> None:
        self.findings.append(self.doc.finding(entry.path, "unknown-key", message, key=True, account="spring.mail"))


def _entries(data: Any, root: str, path: tuple[Any, ...] = (), name: tuple[str, ...] = ()) -> Iterator[Entry]:
    """Every scalar under the top-level ``root`` with its dotted property name, however the
    keys were split (``spring: mail: host:``, ``spring.mail.host:``, ``"[mail.smtp.auth]"``)."""
    if not isinstance(data, dict):
        return
    for key, value in data.items():
        if not path and not (key == root or key.startswith(root + ".")):
            continue
        part = key[1:-1] if key.startswith("[") and key.endswith("]") else key
        full = name + (part,)
        if isinstance(value, dict):
            yield from _entries(value, root, path + (key,), full)
        else:
            yield Entry(".".join(full), value, path + (key,))


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
