"""Home Assistant's ``notify`` entries with ``platform: smtp``.

The entries sit in a list under ``notify:`` in ``configuration.yaml`` or a package, or
make up a whole split file pulled in with ``!include`` (a bare list). Home Assistant's
defaults apply: ``server: localhost``, ``port: 587``, ``encryption: starttls`` (STARTTLS
required; ``tls`` is implicit TLS, ``none`` none) and ``verify_ssl: true``; ``sender``
and ``recipient`` are required. Its tags are understood: ``!secret name`` and
``!include file`` are references to values kept elsewhere, ``!env_var NAME`` reads the
environment; ``${NAME}`` is not expanded. Unknown options are ignored without a word.
Source: https://www.home-assistant.io/integrations/smtp/ and
``homeassistant/components/smtp/notify.py``.
"""

from __future__ import annotations

from typing import Any

from emaillint.api import Dialect, Reading, Secret, hookimpl

from emaillint_plugins.dialects.draft import Draft
from emaillint_plugins.dialects.interpolation import PLAIN, REFERENCE, Value, verbatim
from emaillint_plugins.dialects.values import boolean, closest, port

NAME = "homeassistant"
PLATFORM = "smtp"
OPTIONS = ("platform", "name", "sender", "recipient", "server", "port", "timeout", "sender_name",
           "encryption", "username", "password", "debug", "verify_ssl")
ENCRYPTION = {"starttls": "starttls", "tls": "tls", "none": "none"}
DEFAULTS = {"host": "localhost", "port": 587, "security": "starttls"}
RETIRED = {"starttls": "write encryption: starttls (the default) or encryption: tls instead"}
NOT_EXPANDED = "Home Assistant does not expand it: write !secret name (with the value in secrets.yaml) or !env_var NAME"
SPELLING = {
    "program": "Home Assistant",
    "host": "server: {}",
    "port": "port: {}",
    "username": "username: {}",
    "from": "sender: {}",
    "password": "password: !secret smtp_password (the value goes in secrets.yaml)",
    "security=tls": "encryption: tls",
    "security=starttls": "encryption: starttls",
    "security=none": "encryption: none",
    "verify_cert=False": "verify_ssl: false",
}


def _entries(data: Any) -> list[tuple[tuple[Any, ...], dict[str, Any]]]:
    """``(path, entry)`` for each smtp notifier, in a bare list or under ``notify:``."""
    if isinstance(data, dict):
        base, items = ("notify",), data.get("notify")
    else:
        base, items = (), data
    if not isinstance(items, list):
        return []
    return [(base + (i,), item) for i, item in enumerate(items)
            if isinstance(item, dict) and str(item.get("platform", "")).strip().lower() == PLATFORM]


def detect(doc: Any) -> bool:
    return bool(_entries(doc.data))


def read(doc: Any, options: Any) -> Reading:
    accounts, findings, secrets = [], [], set()
    for path, entry in _entries(doc.data):
        name = str(entry.get("name") or f"notify[{path[-1]}]")
        reader = _Entry(doc, options, path, entry, name)
        accounts.append(reader.account())
        findings.extend(reader.findings)
        secrets |= reader.draft.secrets
    return Reading(accounts, findings, frozenset(secrets))


class _Entry:
    def __init__(self, doc: Any, options: Any, path: tuple[Any, ...], entry: dict[str, Any], name: str) -> None:
        self.doc = doc
        self.environ = options.environ
        self.path = path
        self.entry = entry
        self.name = name
        self.findings: list[Any] = []
        self.draft = Draft(doc, name, NAME, doc.position(path), dict(SPELLING))

    def value(self, key: str) -> Value:
        """An option as Home Assistant sees it: tags are references, ``$`` is text."""
        raw = self.entry[key]
        tag = getattr(raw, "tag", "")
        if tag == "!env_var":
            variable, _, fallback = str(raw).partition(" ")
            if variable in self.environ:
                return Value(PLAIN, self.environ[variable], variable)
            return Value(PLAIN, fallback, variable) if fallback else Value(REFERENCE, "", variable)
        if tag:
            return Value(REFERENCE, "", str(raw))
        return verbatim(str(raw))

    def account(self) -> Any:
        draft, entry, path = self.draft, self.entry, self.path
        for field, key in (("host", "server"), ("username", "username"), ("sender", "sender")):
            if entry.get(key) not in (None, ""):
                draft.value(field, self.value(key), path + (key,), key, NOT_EXPANDED)
            elif field in DEFAULTS:
                draft.default(field, DEFAULTS[field])
        self._port()
        self._security()
        self._password()
        self._recipients()
        self._required()
        self._unknown()
        return draft.account()

    def _port(self) -> None:
        if self.entry.get("port") is None:
            self.draft.default("port", DEFAULTS["port"])
            return
        self.draft.value("port", self.value("port"), self.path + ("port",), "port", NOT_EXPANDED, convert=port)

    def _security(self) -> None:
        draft, entry, path = self.draft, self.entry, self.path
        if "encryption" not in entry:
            draft.default("security", DEFAULTS["security"])
        else:
            written = entry["encryption"]
            security = ENCRYPTION.get(str(written).strip().lower()) if isinstance(written, str) else None
            if security is None:
                where = path + ("encryption",)
                shown = self.doc.ambiguous.get(where)
                what = (f"unquoted '{shown}' is read as a boolean (YAML 1.1), not as text, so" if shown
                        else f"'{written}' is not one of its modes, so")
                self._error(where, (f"encryption: {what} Home Assistant refuses this notifier; write"
                                    " starttls, tls (implicit TLS, port 465) or none"))
            draft.put("security", security, path + ("encryption",))
        if "verify_ssl" in entry and boolean(entry["verify_ssl"]) is False:
            draft.put("verify_cert", False, path + ("verify_ssl",))

    def _password(self) -> None:
        raw = self.entry.get("password")
        if "password" not in self.entry:
            return
        where = self.path + ("password",)
        tag = getattr(raw, "tag", "")
        if raw in (None, ""):
            self.draft.at("password", where)
            self.draft.secret(Secret("empty"))
        elif tag == "!env_var":
            self.draft.at("password", where)
            self.draft.secret(Secret("reference", str(raw).partition(" ")[0]))
        elif tag:
            self.draft.at("password", where)
            self.draft.secret(Secret("store", tag))
        else:
            self.draft.password(verbatim(str(raw)), where, "password", NOT_EXPANDED)

    def _recipients(self) -> None:
        raw = self.entry.get("recipient")
        where = self.path + ("recipient",)
        items = raw if isinstance(raw, list) else [raw] if raw not in (None, "") else []
        addresses = []
        for i, item in enumerate(items):
            if getattr(item, "tag", "") or not isinstance(item, str):
                continue
            addresses.append(item)
            self.draft.at(f"to.{len(addresses) - 1}", where + (i,) if isinstance(raw, list) else where)
        self.draft.at("to", where)
        self.draft.put("to_addresses", addresses)

    def _required(self) -> None:
        for key, example in (("sender", "sender: home@example.com"), ("recipient", "recipient: you@example.com")):
            if self.entry.get(key) in (None, ""):
                self._error(self.path, f"{key} is required: Home Assistant refuses this notifier without it;"
                                       f" add {example}", key=True)

    def _unknown(self) -> None:
        for key in self.entry:
            if key in OPTIONS:
                continue
            if key in RETIRED:
                message = f"{key} is an old option Home Assistant no longer reads; {RETIRED[key]}"
            else:
                close = closest(key, OPTIONS)
                hint = f"did you mean {close}?" if close else "the smtp notifier has no such option"
                message = f"{key}: Home Assistant ignores it; {hint}"
            self.findings.append(self.doc.finding(self.path + (key,), "unknown-key", message, key=True,
                                                  account=self.name))

    def _error(self, path: tuple[Any, ...], message: str, key: bool = False) -> None:
        self.findings.append(self.doc.finding(path, "schema", message, key=key, account=self.name))


DIALECT = Dialect(
    name=NAME,
    summary="Home Assistant notify entries with platform: smtp (!secret and !include understood)",
    detect=detect,
    read=read,
)


@hookimpl
def emaillint_dialects():
    return [DIALECT]
