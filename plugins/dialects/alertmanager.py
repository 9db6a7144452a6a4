"""Prometheus Alertmanager (``alertmanager.yml``), also embedded in a Kubernetes ConfigMap or Secret.

Each ``receivers[].email_configs[]`` entry is one account; what it leaves out comes from
``global.smtp_*``. Alertmanager's own rules apply: ``smarthost`` is one ``host:port``
string and the port is mandatory; port 465 means implicit TLS (``force_implicit_tls``
overrides that from 0.31 on); elsewhere ``require_tls`` (default true) means mandatory
STARTTLS and false means no TLS at all. Before 0.31, ``require_tls: true`` on port 465
asks for STARTTLS inside the TLS connection and fails, so 465 needs ``require_tls:
false``. Alertmanager expands no environment variables, and refuses a file with an
unknown key. Sources: https://prometheus.io/docs/alerting/latest/configuration/#email_config
and ``notify/email/email.go`` in prometheus/alertmanager.
"""

from __future__ import annotations

import os

from typing import Any, Callable, Mapping, NamedTuple

from emaillint.api import (NO_TLS, STARTTLS, TLS, Dialect, Draft, Key, Reader, Reading, Setting, boolean, hookimpl,
                           interpolate_nothing, manifest_files, mapping, spelling)
from emaillint.api import decoded_manifest_file as decoded

NAME = "alertmanager"
MANIFEST_KINDS = ("ConfigMap", "Secret")
IMPLICIT_TLS_PORT = 465
EMAIL_KEYS = ("send_resolved", "to", "from", "hello", "smarthost", "auth_username", "auth_password",
              "auth_password_file", "auth_secret", "auth_secret_file", "auth_identity", "headers",
              "html", "text", "require_tls", "tls_config", "force_implicit_tls", "threading")
GLOBAL_KEYS = tuple("smtp_" + key for key in (
    "from", "hello", "smarthost", "auth_username", "auth_password", "auth_password_file",
    "auth_secret", "auth_secret_file", "auth_identity", "require_tls", "tls_config",
    "force_implicit_tls"))
MARKERS = ("email_configs", "smtp_smarthost")
"""Text that makes an embedded file worth parsing."""
EXPANDS = "Alertmanager expands no environment variables"
NO_EXPANSION = "write the value, or render this file (envsubst) before Alertmanager reads it"
PASSWORD_FILE = "put the password in a file and point {file} at it"
# Alertmanager says "field {key} not found" (config.go, yaml.UnmarshalStrict)
REFUSED = "Alertmanager has no such setting and refuses to load the file"
KEYS = {"from": "sender", "auth_username": "username", "to": Key("to", split=",")}
REQUIRED = {"smarthost": "smarthost: smtp.example.com:587", "from": "from: alertmanager@example.com",
            "to": "to: ops@example.com"}
REQUIRED_WHERE = {"to": "email_configs entry without to"}
SECRETS = ("auth_password", "auth_password_file", "auth_secret", "auth_secret_file")
PASSWORD = "auth_password_file: /etc/alertmanager/smtp_password (a file kept out of the repository)"


class Sheet(NamedTuple):
    """Where a format keeps Alertmanager's settings and what it calls them: the semantics
    below are Alertmanager's for every format that hands it these settings."""

    base: tuple[Any, ...] = ()
    """Where the config is (``alertmanager.config`` in kube-prometheus-stack values)."""
    configs: str = "email_configs"
    settings: str | None = "global"
    names: Mapping[str, str] = {}
    """Alertmanager's key -> the format's, where they differ (the CRD's camelCase)."""
    known: tuple[str, ...] = EMAIL_KEYS
    unknown: str = REFUSED
    refused: bool = True
    refuses: str = "Alertmanager refuses the file"
    required: Mapping[str, str] = REQUIRED
    password: str = PASSWORD
    """What to write instead of a literal password (the receiver's own key; ``smtp_`` in global)."""
    secret: Callable[[Reader, Draft, Setting], None] | None = None
    """Reads ``auth_password``/``auth_secret`` where the format keeps a reference there."""

    def name(self, key: str) -> str:
        return self.names.get(key, key)


ALERTMANAGER = Sheet()


def is_config(doc: Any, base: tuple[Any, ...] = (), alone: bool = False) -> bool:
    """Whether ``doc`` holds an Alertmanager config with email settings at ``base``, probed
    without converting it; ``alone``: a file of a ConfigMap or Secret, where a ``global:``
    block alone is one (the file is Alertmanager's)."""
    if any(str(key).startswith("smtp_") for key in doc.keys(base + ("global",))):
        return alone or not doc.keys(base).isdisjoint(("route", "receivers"))
    receivers = base + ("receivers",)
    return any("email_configs" in doc.keys(receivers + (r,)) for r in range(doc.length(receivers) or 0))


def _embedded(data: Any) -> list[tuple[tuple[Any, ...], str, bool]]:
    """The files a ConfigMap or Secret carries that look like Alertmanager's."""
    return [(path, text, encoded) for path, text, encoded in manifest_files(data)
            if any(marker in (decoded(text, encoded) or "") for marker in MARKERS)]


def detect(doc: Any) -> bool:
    keys = doc.keys()
    if "global" in keys or "receivers" in keys:
        return is_config(doc, alone=_named_for_it(doc))
    return doc.scalar(("kind",)) in MANIFEST_KINDS and bool(_embedded(doc.data))


def _named_for_it(doc: Any) -> bool:
    """A file named ``alertmanager*.yml`` is Alertmanager's even with its ``global:`` block
    alone, as READMEs show it (3 of 5 real public ones had no route or receivers)."""
    return os.path.basename(doc.path).lower().startswith("alertmanager")


def read(doc: Any, options: Any) -> Reading:
    reader = Reader(doc, options, NAME, interpolate_nothing, NO_EXPANSION, outcome=EXPANDS)
    if is_config(doc, alone=_named_for_it(doc)):
        Config(reader).read()
    else:
        reader.embedded(_embedded(doc.data),
                        lambda inner: is_config(inner.doc, alone=True) and Config(inner).read())
    return reader.reading()


class Config:
    """One Alertmanager configuration, as ``sheet`` writes it: an account per email receiver."""

    def __init__(self, reader: Reader, sheet: Sheet = ALERTMANAGER) -> None:
        self.reader, self.sheet = reader, sheet
        self.at = sheet.base + (sheet.settings,) if sheet.settings else None
        self.settings = mapping(reader.doc, self.at) if self.at else {}

    def read(self) -> None:
        reader, sheet = self.reader, self.sheet
        reader.unknown([s for k, s in self.settings.items() if k.startswith("smtp_") and k not in GLOBAL_KEYS],
                       GLOBAL_KEYS, says=REFUSED, otherwise=f"the keys are: {', '.join(GLOBAL_KEYS)}", refused=True)
        receivers = reader.doc.get(sheet.base + ("receivers",))
        canonical = {written: key for key, written in sheet.names.items()}
        found = False
        for r, receiver in enumerate(receivers if isinstance(receivers, list) else ()):
            if not isinstance(receiver, dict) or not isinstance(receiver.get(sheet.configs), list):
                continue
            entries = receiver[sheet.configs]
            for e, entry in enumerate(entries):
                if isinstance(entry, dict):
                    name = str(receiver.get("name") or f"receivers[{r}]") + (f"[{e}]" if len(entries) > 1 else "")
                    path = sheet.base + ("receivers", r, sheet.configs, e)
                    keys = mapping(reader.doc, path)
                    reader.unknown([s for k, s in keys.items() if k not in sheet.known], sheet.known,
                                   says=sheet.unknown, otherwise=f"the keys are: {', '.join(sheet.known)}",
                                   refused=sheet.refused, account=name)
                    self._account(name, {canonical.get(k, k): s for k, s in keys.items() if k in sheet.known}, path)
                    found = True
        if not found and "smtp_smarthost" in self.settings:
            self._account("global", {}, self.at)

    def _account(self, name: str, entry: dict[str, Setting], path: tuple[Any, ...]) -> None:
        reader, sheet, receiver = self.reader, self.sheet, path != self.at
        # a receiver's own setting, or the global smtp_ one it inherits
        inherited = {**{k[len("smtp_"):]: s for k, s in self.settings.items() if k.startswith("smtp_")}, **entry}
        merged = {key: setting for key, setting in inherited.items() if setting.value not in (None, "")}
        draft = reader.draft(name, path, spelling("Alertmanager"))
        for key, example in sheet.required.items():
            if receiver and merged.get(key) is None:
                where = REQUIRED_WHERE.get(key, f"no {key} here and no smtp_{key} in global")
                reader.refused(path, f"{where.replace('email_configs', sheet.configs)}: {sheet.refuses}",
                               help=f"add {example}", key=True, account=name)
        smarthost = merged.get("smarthost")
        port = smarthost and reader.smarthost(draft, smarthost, sheet.refuses, quote="'", key=True)
        self._security(draft, merged, port, smarthost)
        reader.fields(draft, {k: s for k, s in merged.items() if receiver or k != "to"}, KEYS)
        self._password(draft, entry if any(k in entry for k in SECRETS) else inherited, receiver)
        reader.add(draft)

    def _security(self, draft: Draft, merged: dict[str, Setting], port: int | None, smarthost: Setting | None) -> None:
        require, forced = merged.get("require_tls"), merged.get("force_implicit_tls")
        required = boolean(require.value) if require else None
        inherited = smarthost is not None and self.at is not None and smarthost.path[:len(self.at)] == self.at
        label = require.label if require else "smtp_require_tls" if inherited else self.sheet.name("require_tls")
        draft.respell(security={STARTTLS: f"{label}: true", NO_TLS: f"{label}: false",
                                TLS: f"{label}: false (implicit TLS)"})
        forced_value = boolean(forced.value) if forced else None
        if forced_value if forced_value is not None else port == IMPLICIT_TLS_PORT:
            decided_by = forced or smarthost
            draft.set("security", TLS, decided_by.path if decided_by else None)
            if required is not False and forced_value is None:
                written = f"{label}: true" if require else f"{self.sheet.name('require_tls')}: true (the default)"
                draft.conflict(
                    ("port 465 (implicit TLS)", written),
                    "Alertmanager before 0.31 fails",
                    f"set {label}: false (0.31 and later ignore it on port 465; earlier ones ask for STARTTLS"
                    " inside the TLS connection: 'does not advertise the STARTTLS extension')",
                    at=require.path if require else None, fails=True)
        elif required is False:
            draft.set("security", NO_TLS, require.path)
        else:
            draft.set("security", STARTTLS, require.path if require else None)
        tls, skip = merged.get("tls_config"), self.sheet.name("insecure_skip_verify")
        if tls is not None and isinstance(tls.value, dict) and boolean(tls.value.get(skip)):
            draft.unverified(tls.path + (skip,), f"{tls.label}.{skip}: true")

    def _password(self, draft: Draft, secrets: dict[str, Setting], receiver: bool) -> None:
        """``auth_password`` or ``auth_secret``, each with its ``_file``: a receiver inherits
        them from global or none of them; a file wins."""
        draft.respell({"password": ("" if receiver else "smtp_") + self.sheet.password})
        for key in ("auth_password", "auth_secret"):
            found, stored = secrets.get(key), secrets.get(key + "_file")
            if stored is not None:
                return draft.stored("file", stored.path)
            if found is not None and self.sheet.secret is not None:
                return self.sheet.secret(self.reader, draft, found)
            if found is not None and found.value in (None, ""):
                return draft.empty_password(found.path)
            if found is not None:
                return draft.password(found._replace(value=str(found.value)),
                                      fix=PASSWORD_FILE.format(file=f"{found.label}_file"))


DIALECT = Dialect(name=NAME, summary="Prometheus Alertmanager: global.smtp_* and email_configs, also inside a ConfigMap or Secret",
                  detect=detect, read=read)


@hookimpl
def emaillint_dialects():
    return [DIALECT]
