"""PeerTube's ``smtp:`` block (``config/production.yaml``), as an emaillint dialect.

PeerTube hands the block to nodemailer (``server/lib/emailer.ts``, ``initSMTPTransport``):
``secure: smtp.tls`` (implicit TLS), ``ignoreTLS: smtp.disable_starttls`` (no STARTTLS),
and otherwise nodemailer upgrades with STARTTLS only if the server offers it (PeerTube
has no ``requireTLS`` setting). It signs in only when both ``username`` and ``password``
are set; ``ca_file`` adds a trusted CA, it never turns checks off. Defaults
(``config/default.yaml``): ``port: 465``, ``tls: true``, ``disable_starttls: false``.
``transport: sendmail`` sends through a local program instead. PeerTube reads
environment variables only through ``custom-environment-variables.yaml``, never inline.
Sources: https://github.com/Chocobozzz/PeerTube/blob/develop/server/lib/emailer.ts and
https://github.com/Chocobozzz/PeerTube/blob/develop/config/default.yaml
"""

from __future__ import annotations

from typing import Any

from emaillint.api import (NO_SIGN_IN, NO_TLS, STARTTLS_OPTIONAL, TLS, Dialect, Reader, Reading, hookimpl, interpolate_nothing,
                           mapping, spelling)

NAME = "peertube"
KEYS = {"hostname": "host", "port": "port", "username": "username", "password": "password",
        "from_address": "sender", "tls": None, "disable_starttls": None, "ca_file": None, "transport": None,
        "sendmail": None}
DEFAULTS = {"port": 465, "tls": True, "disable_starttls": False}
SPELLING = spelling("PeerTube", KEYS, security={
    TLS: "tls: true", STARTTLS_OPTIONAL: "tls: false", NO_TLS: "tls: false and disable_starttls: true"},
    fields={"password": "the password in custom-environment-variables.yaml (as PEERTUBE_SMTP_PASSWORD) instead"})
NOT_EXPANDED = ("PeerTube does not expand variables in production.yaml: map PEERTUBE_SMTP_PASSWORD"
                " in custom-environment-variables.yaml instead")


def detect(doc: Any) -> bool:
    """A PeerTube config: an ``smtp:`` mapping with PeerTube's ``hostname`` key next to
    PeerTube's own sections (``webserver``, ``listen``)."""
    keys = doc.keys()
    return "hostname" in doc.keys(("smtp",)) and ("webserver" in keys or "listen" in keys)


def read(doc: Any, options: Any) -> Reading:
    reader = Reader(doc, options, NAME, interpolate_nothing, NOT_EXPANDED)
    smtp = mapping(doc, ("smtp",))
    if reader.text(smtp.get("transport")) == "sendmail" or not reader.text(smtp.get("hostname")):
        return reader.reading()  # no SMTP: sendmail, or PeerTube sends no mail at all
    draft = reader.draft("smtp", ("smtp",), SPELLING)
    reader.fields(draft, smtp, KEYS)
    if not (reader.text(smtp.get("username")) and smtp.get("password") and smtp["password"].value):
        draft.set("auth", NO_SIGN_IN)  # PeerTube signs in only with both
    if not draft.has("port"):
        draft.default("port", DEFAULTS["port"])
    tls, disable = smtp.get("tls"), smtp.get("disable_starttls")
    secure = reader.flag(tls) if tls is not None else DEFAULTS["tls"]
    if secure:
        draft.set("security", TLS, tls.path if tls else None)
    elif reader.flag(disable):
        draft.set("security", NO_TLS, disable.path)
    else:
        draft.set("security", STARTTLS_OPTIONAL, tls.path)
    if secure and reader.flag(disable):
        draft.conflict(("tls: true", "disable_starttls: true"),
                       "nodemailer uses implicit TLS and disable_starttls does nothing",
                       "remove disable_starttls", at=disable.path)
    reader.unknown([s for key, s in smtp.items() if key not in KEYS], KEYS, says="PeerTube ignores it",
                   otherwise="PeerTube's smtp section has no such key", account="smtp")
    reader.add(draft)
    return reader.reading()


DIALECT = Dialect(name=NAME, summary="PeerTube config/production.yaml: the smtp: block", detect=detect, read=read,
                  needles=("smtp",))


@hookimpl
def emaillint_dialects():
    return [DIALECT]
