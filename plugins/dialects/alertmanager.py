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

from typing import Any

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
NO_EXPANSION = ("Alertmanager does not expand environment variables: write the value, or render"
                " this file (envsubst) before Alertmanager reads it")
PASSWORD_FILE = ("Alertmanager does not expand environment variables: put the password in a file"
                 " and point {file} at it")
REFUSED = "Alertmanager has no such email setting and refuses to load the file (field {key} not found)"
KEYS = {"from": "sender", "auth_username": "username", "to": Key("to", split=",")}
REQUIRED = {"smarthost": "smarthost: smtp.example.com:587", "from": "from: alertmanager@example.com",
            "to": "to: ops@example.com"}
REQUIRED_WHERE = {"to": "email_configs entry without to"}
SECRETS = ("auth_password", "auth_password_file", "auth_secret", "auth_secret_file")


def is_config(data: Any) -> bool:
    if not isinstance(data, dict):
        return False
    settings = data.get("global")
    if isinstance(settings, dict) and any(key.startswith("smtp_") for key in settings):
        return "route" in data or "receivers" in data
    receivers = data.get("receivers")
    return isinstance(receivers, list) and any(isinstance(r, dict) and "email_configs" in r for r in receivers)


def _embedded(data: Any) -> list[tuple[tuple[Any, ...], str, bool]]:
    """The files a ConfigMap or Secret carries that look like Alertmanager's."""
    return [(path, text, encoded) for path, text, encoded in manifest_files(data)
            if any(marker in (decoded(text, encoded) or "") for marker in MARKERS)]


def detect(doc: Any) -> bool:
    keys = doc.keys()
    if "global" in keys or "receivers" in keys:
        return is_config(doc.data)
    return doc.scalar(("kind",)) in MANIFEST_KINDS and bool(_embedded(doc.data))


def read(doc: Any, options: Any) -> Reading:
    reader = Reader(doc, options, NAME, interpolate_nothing, NO_EXPANSION)
    if is_config(doc.data):
        _Config(reader).read()
    else:
        reader.embedded(_embedded(doc.data), lambda inner: is_config(inner.doc.data) and _Config(inner).read())
    return reader.reading()


class _Config:
    """One Alertmanager configuration: an account per email receiver."""

    def __init__(self, reader: Reader) -> None:
        self.reader = reader
        self.settings = mapping(reader.doc, ("global",))

    def read(self) -> None:
        reader = self.reader
        reader.unknown([s for k, s in self.settings.items() if k.startswith("smtp_") and k not in GLOBAL_KEYS],
                       GLOBAL_KEYS, says=REFUSED, otherwise=f"the keys are: {', '.join(GLOBAL_KEYS)}", refused=True)
        receivers = reader.doc.get(("receivers",))
        found = False
        for r, receiver in enumerate(receivers if isinstance(receivers, list) else ()):
            if not isinstance(receiver, dict) or not isinstance(receiver.get("email_configs"), list):
                continue
            entries = receiver["email_configs"]
            for e, entry in enumerate(entries):
                if isinstance(entry, dict):
                    name = str(receiver.get("name") or f"receivers[{r}]") + (f"[{e}]" if len(entries) > 1 else "")
                    path = ("receivers", r, "email_configs", e)
                    keys = mapping(reader.doc, path)
                    reader.unknown([s for k, s in keys.items() if k not in EMAIL_KEYS], EMAIL_KEYS, says=REFUSED,
                                   otherwise=f"the keys are: {', '.join(EMAIL_KEYS)}", refused=True)
                    self._account(name, keys, path)
                    found = True
        if not found and "smtp_smarthost" in self.settings:
            self._account("global", {}, ("global",))

    def _account(self, name: str, entry: dict[str, Setting], path: tuple[Any, ...]) -> None:
        reader, receiver = self.reader, path != ("global",)
        # a receiver's own setting, or the global smtp_ one it inherits
        inherited = {**{k[len("smtp_"):]: s for k, s in self.settings.items() if k.startswith("smtp_")}, **entry}
        merged = {key: setting for key, setting in inherited.items() if setting.value not in (None, "")}
        draft = reader.draft(name, path, spelling("Alertmanager"))
        for key, example in REQUIRED.items():
            if receiver and merged.get(key) is None:
                reader.refused(path, f"{REQUIRED_WHERE.get(key, f'no {key} here and no smtp_{key} in global')}:"
                                     f" Alertmanager refuses the file; add {example}", key=True, account=name)
        smarthost = merged.get("smarthost")
        port = smarthost and reader.smarthost(draft, smarthost, "Alertmanager refuses the file", quote="'", key=True)
        self._security(draft, merged, port, smarthost)
        reader.fields(draft, {k: s for k, s in merged.items() if receiver or k != "to"}, KEYS)
        self._password(draft, entry if any(k in entry for k in SECRETS) else inherited, receiver)
        reader.add(draft)

    def _security(self, draft: Draft, merged: dict[str, Setting], port: int | None, smarthost: Setting | None) -> None:
        require, forced = merged.get("require_tls"), merged.get("force_implicit_tls")
        required = boolean(require.value) if require else None
        inherited = smarthost is not None and smarthost.path[0] == "global"
        label = require.label if require else "smtp_require_tls" if inherited else "require_tls"
        draft.respell(security={STARTTLS: f"{label}: true", NO_TLS: f"{label}: false",
                                TLS: f"{label}: false (implicit TLS)"})
        forced_value = boolean(forced.value) if forced else None
        if forced_value if forced_value is not None else port == IMPLICIT_TLS_PORT:
            decided_by = forced or smarthost
            draft.set("security", TLS, decided_by.path if decided_by else None)
            if required is not False and forced_value is None:
                written = f"{label}: true" if require else "require_tls: true (the default)"
                draft.conflict(
                    ("port 465 (implicit TLS)", written),
                    "Alertmanager before 0.31 then asks for STARTTLS inside the TLS connection, which"
                    " servers do not offer, and every notification fails ('does not advertise the"
                    " STARTTLS extension')",
                    f"set {label}: false (0.31 and later ignore it on port 465)",
                    at=require.path if require else None, fails=True)
        elif required is False:
            draft.set("security", NO_TLS, require.path)
        else:
            draft.set("security", STARTTLS, require.path if require else None)
        tls = merged.get("tls_config")
        if tls is not None and isinstance(tls.value, dict) and boolean(tls.value.get("insecure_skip_verify")):
            draft.unverified(tls.path + ("insecure_skip_verify",), f"{tls.label}.insecure_skip_verify: true")

    def _password(self, draft: Draft, secrets: dict[str, Setting], receiver: bool) -> None:
        """``auth_password`` or ``auth_secret``, each with its ``_file``: a receiver inherits
        them from global or none of them; a file wins."""
        draft.respell({"password": f"{'' if receiver else 'smtp_'}auth_password_file:"
                                   " /etc/alertmanager/smtp_password (a file kept out of the repository)"})
        for key in ("auth_password", "auth_secret"):
            found, stored = secrets.get(key), secrets.get(key + "_file")
            if stored is not None:
                return draft.stored("file", stored.path)
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
