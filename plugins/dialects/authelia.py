"""Authelia's SMTP notifier: ``notifier.smtp`` in ``configuration.yml``.

Read in authelia/authelia: ``internal/notification/smtp_notifier.go`` (``NEW_NOTIFIER``) picks
the connection in this order: the ``submissions`` scheme is implicit TLS, else
``disable_starttls`` is no TLS at all, else ``disable_require_tls`` is STARTTLS only if
offered, else STARTTLS is required; it signs in when a username or a password is set
(``GetClient``). ``schema/types_address.go`` (``ADDRESS``): a scheme without a port means
25 (``smtp``), 587 (``submission``) or 465 (``submissions``), so the scheme, not the port,
decides TLS, and ``smtp://host:465`` asks for STARTTLS on the implicit-TLS port; the
deprecated ``host``/``port`` become ``submissions`` on 465, ``submission`` on 587, ``smtp``
otherwise (``NewSMTPAddress``, 25 when no port). ``configuration/decode_hooks.go`` (its
``StringToAddressHookFunc``; commit unverified): an address without a scheme is ``smtp://``. ``validator/notifier.go``
(``VALIDATOR``): ``sender`` is required, ``address`` beside ``host``/``port`` is refused,
``tls.server_name`` defaults to the address's host name. ``validator/keys.go``: an unknown
key stops Authelia ("configuration key not expected"). The password may come from
``AUTHELIA_NOTIFIER_SMTP_PASSWORD_FILE``; with ``X_AUTHELIA_CONFIG_FILTERS`` the file is
expanded first (``expand-env``: ``os.ExpandEnv``, ``$NAME``/``${NAME}``; ``template``:
``{{ env "NAME" }}``, ``{{ secret "/path" }}``), so both are references here.
"""

from __future__ import annotations

import re
from typing import Any, Mapping

from emaillint.api import (NO_SIGN_IN, NO_TLS, PLAIN, REFERENCE, STARTTLS, STARTTLS_OPTIONAL, TLS, Dialect, Draft,
                           Reader, Reading, Setting, Value, hookimpl, interpolate_compose, mapping, port, spelling, url)

REPO = "https://github.com/authelia/authelia/blob/"
NEW_NOTIFIER = REPO + "481455d25d4eff32e4a50b5c535830657f257289/internal/notification/smtp_notifier.go"
ADDRESS = REPO + "ec1025e8ee45f227eec3a867f82d4ed658cbfa27/internal/configuration/schema/types_address.go"
VALIDATOR = REPO + "5e2d00dfdf61c6b4106f5fbb42a4fe2474db6112/internal/configuration/validator/notifier.go"

NAME = "authelia"
ACCOUNT = "notifier.smtp"
PATH = ("notifier", "smtp")
SCHEME_PORTS = {"smtp": 25, "submission": 587, "submissions": 465}
LEGACY_SCHEMES = {465: "submissions", 587: "submission"}
KEYS = {"address": None, "host": None, "port": None, "username": "username", "password": "password",
        "sender": "sender", "identifier": None, "subject": None, "startup_check_address": None, "timeout": None,
        "disable_require_tls": None, "disable_starttls": None, "disable_html_emails": None, "tls": None}
TLS_KEYS = ("server_name", "skip_verify", "minimum_version", "maximum_version", "certificate_chain", "private_key")
SECTIONS = frozenset(("authentication_backend", "access_control", "session", "storage", "totp", "webauthn",
                      "identity_validation", "identity_providers", "regulation", "jwt_secret", "theme",
                      "default_redirection_url", "duo_api", "ntp", "password_policy"))
"""Authelia's other top-level sections: a notifier.smtp beside one is Authelia's."""
MARKERS = frozenset(("address", "sender", "disable_require_tls", "disable_starttls", "startup_check_address"))
"""Keys of notifier.smtp that make a split-off notifier file Authelia's."""
PASSWORD = ("AUTHELIA_NOTIFIER_SMTP_PASSWORD_FILE=/run/secrets/smtp_password (an environment variable naming the"
            " file that holds it) instead of password:")
_EXPAND_ENV = re.compile(r"\$(\{[A-Za-z_][A-Za-z0-9_]*\}|[A-Za-z_][A-Za-z0-9_]*)")


def interpolate(text: str, environ: Mapping[str, str] = {}) -> Value:
    """The ``template`` filter's ``{{ ... }}`` is rendered before Authelia reads the file;
    the ``expand-env`` filter's ``$NAME`` and ``${NAME}`` are the environment."""
    if "{{" in text:
        return Value(REFERENCE)
    if _EXPAND_ENV.search(text):
        return interpolate_compose(text, environ)
    return Value(PLAIN, text)


def detect(doc: Any) -> bool:
    return "smtp" in doc.keys(("notifier",)) and bool(SECTIONS & doc.keys() or MARKERS & doc.keys(PATH))


def read(doc: Any, options: Any) -> Reading:
    reader = Reader(doc, options, NAME, interpolate)
    smtp = mapping(doc, PATH)
    if not smtp and doc.get(PATH) is None:
        return reader.reading()  # notifier: {smtp: null}: Authelia has no SMTP notifier then
    draft = reader.draft(ACCOUNT, PATH, spelling("Authelia", KEYS, fields={"password": PASSWORD}))
    # an empty password may be AUTHELIA_NOTIFIER_SMTP_PASSWORD_FILE's to fill (how the two meet: unverified)
    reader.fields(draft, {k: s for k, s in smtp.items() if k != "password" or s.value not in (None, "")}, KEYS)
    scheme, host = _address(reader, draft, smtp)
    tls = mapping(doc, PATH + ("tls",))
    server_name = reader.text(tls.get("server_name"))
    if server_name and host and _is_ip(host):
        draft.set("host", server_name, smtp["address" if "address" in smtp else "host"].path)  # checked against it
    if reader.flag(tls.get("skip_verify")):
        draft.unverified(tls["skip_verify"].path, "tls.skip_verify: true")
    _security(reader, draft, smtp, scheme, host or "smtp.example.com")
    if not any(smtp.get(key) is not None and smtp[key].value not in (None, "") for key in ("username", "password")):
        draft.set("auth", NO_SIGN_IN)  # GetClient signs in only when a username or a password is set
    if smtp.get("sender") is None or smtp["sender"].value in (None, ""):
        reader.refused(PATH, "notifier.smtp has no sender, so Authelia refuses to start (option 'sender' is required)",
                       help="write sender: 'Authelia <authelia@example.com>'", key=True, account=ACCOUNT)
    for found, known, where in ((smtp, KEYS, ACCOUNT), (tls, TLS_KEYS, ACCOUNT + ".tls")):
        reader.unknown([s for k, s in found.items() if k not in known], known, refused=True, account=ACCOUNT,
                       says="Authelia refuses to start (configuration key not expected)",
                       otherwise=f"{where} has no such key")
    reader.add(draft)
    return reader.reading()


def _security(reader: Reader, draft: Draft, smtp: Mapping[str, Setting], scheme: str, host: str) -> None:
    """``NEW_NOTIFIER``'s order: ``submissions``, then ``disable_starttls``, then
    ``disable_require_tls``, else STARTTLS required; each mode spelled as this file would ask."""
    disable, optional = (smtp.get(key) for key in ("disable_starttls", "disable_require_tls"))
    at = draft.places.get("port", (None,))[0]
    flag = disable if reader.flag(disable) else optional if reader.flag(optional) else None  # lowers TLS
    if scheme == "submissions":
        draft.set("security", TLS, at)
        if flag is not None:
            draft.conflict((f"{scheme}://", f"{flag.label}: true"), f"Authelia uses implicit TLS and ignores"
                           f" {flag.label}", f"remove {flag.label}", at=flag.path)
    elif scheme:
        mode = STARTTLS if flag is None else NO_TLS if flag is disable else STARTTLS_OPTIONAL
        draft.set("security", mode, at if flag is None else flag.path)
    required = (f"{flag.label}: false" if flag is not None else f"the {scheme}:// scheme, STARTTLS required"
                if scheme in ("smtp", "submission") else f"address: submission://{host}:587")
    draft.respell(security={TLS: f"address: submissions://{host}:465", STARTTLS: required,
                            STARTTLS_OPTIONAL: "disable_require_tls: true", NO_TLS: "disable_starttls: true"})


def _address(reader: Reader, draft: Draft, smtp: Mapping[str, Setting]) -> tuple[str, str]:
    """``(scheme, host)`` from ``address`` or the legacy ``host``/``port`` (empty when unknown
    at lint time); sets host and port and spells both in the form the file uses."""
    address, host, legacy = smtp.get("address"), smtp.get("host"), smtp.get("port")
    if address is not None and (host is not None or legacy is not None):
        reader.refused((host or legacy).path, "notifier.smtp has both address and the deprecated host/port, so"
                                              " Authelia refuses to start", help="keep only address", key=True,
                       account=ACCOUNT)
    if address is not None and address.value not in (None, ""):
        text = reader.text(address)
        if text is None:
            draft.read("host", address)
            return "", ""
        parsed = url(text if "://" in text else "smtp://" + text)  # decode_hooks.go: no scheme is smtp://
        if parsed is None or parsed.scheme not in SCHEME_PORTS:
            reader.refused(address.path, f"address: {text} has no scheme Authelia knows, so it refuses to start",
                           help="write address: submissions://smtp.example.com:465 (the schemes are smtp,"
                                " submission and submissions)", account=ACCOUNT)
            return "", ""
        draft.set("host", parsed.host, address.path)
        number = parsed.port or SCHEME_PORTS[parsed.scheme]
        if parsed.port:
            draft.set("port", number, address.path)
        else:
            draft.default("port", number)
        draft.respell({"host": f"address: {parsed.scheme}://{{}}:{number}",
                       "port": f"address: {parsed.scheme}://{parsed.host}:{{}}"})
        return parsed.scheme, parsed.host
    if host is None or host.value in (None, ""):
        return "", ""
    draft.read("host", host)
    draft.respell({"host": "host: {}", "port": "port: {}"})
    number = port(legacy.value) if legacy is not None else None
    if number is None and reader.text(legacy) is None and legacy is not None:
        return "", draft.fields.get("host", "")  # a port known only at run time
    if number:
        draft.set("port", number, legacy.path)
    else:
        draft.default("port", 25)  # NewSMTPAddress: no port is 25
    return LEGACY_SCHEMES.get(number, "smtp"), draft.fields.get("host", "")


def _is_ip(host: str) -> bool:
    return ":" in host or (host.count(".") == 3 and host.replace(".", "").isdigit())  # IPv6, or dotted IPv4


DIALECT = Dialect(name=NAME, summary="Authelia configuration.yml: notifier.smtp (address: smtp://, submission://,"
                                     " submissions://, or the legacy host/port)",
                  detect=detect, read=read, needles=("notifier",))


@hookimpl
def emaillint_dialects():
    return [DIALECT]
