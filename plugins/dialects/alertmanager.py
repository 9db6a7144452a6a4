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

from typing import Any, NamedTuple

from emaillint.api import Conflict, Dialect, Reading, Secret, hookimpl

from emaillint_plugins.dialects import embedded
from emaillint_plugins.dialects.draft import Draft
from emaillint_plugins.dialects.interpolation import PLAIN, verbatim
from emaillint_plugins.dialects.values import boolean, closest, host_port

NAME = "alertmanager"
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


def is_config(data: Any) -> bool:
    if not isinstance(data, dict):
        return False
    settings = data.get("global")
    if isinstance(settings, dict) and any(key.startswith("smtp_") for key in settings):
        return "route" in data or "receivers" in data
    receivers = data.get("receivers")
    return isinstance(receivers, list) and any(isinstance(r, dict) and "email_configs" in r for r in receivers)


def detect(doc: Any) -> bool:
    return is_config(doc.data) or any(_embedded_config(text, encoded) is not None
                                      for _, text, encoded in embedded.manifest_files(doc.data))


def _embedded_config(text: str, encoded: bool) -> str | None:
    """The text of a file a ConfigMap or Secret carries, if it looks like Alertmanager's."""
    content = embedded.decoded(text, encoded)
    return content if content is not None and any(marker in content for marker in MARKERS) else None


def read(doc: Any, options: Any) -> Reading:
    if is_config(doc.data):
        return _Config(doc).reading()
    accounts, findings, secrets = [], [], set()
    for path, text, encoded in embedded.manifest_files(doc.data):
        content = _embedded_config(text, encoded)
        if content is None:
            continue
        documents, load_findings = embedded.parse(doc, path, content, encoded)
        findings.extend(load_findings)
        for inner in documents:
            if is_config(inner.data):
                reading = _Config(inner).reading()
                accounts.extend(reading.accounts)
                findings.extend(reading.findings)
                secrets |= reading.secrets
    return Reading(accounts, findings, frozenset(secrets))


class Setting(NamedTuple):
    """A key of one receiver, or the ``global`` one it inherits; ``label`` is its name as written."""

    value: Any
    path: tuple[Any, ...]
    label: str


class _Config:
    """One Alertmanager configuration: an account per email receiver."""

    def __init__(self, doc: Any) -> None:
        self.doc = doc
        settings = doc.data.get("global")
        self.settings = settings if isinstance(settings, dict) else {}
        self.findings: list[Any] = []
        self.secrets: set[str] = set()

    def reading(self) -> Reading:
        self._unknown(self.settings, ("global",), GLOBAL_KEYS, only_prefix="smtp_")
        accounts = []
        receivers = self.doc.data.get("receivers")
        for r, receiver in enumerate(receivers if isinstance(receivers, list) else ()):
            if not isinstance(receiver, dict) or not isinstance(receiver.get("email_configs"), list):
                continue
            entries = receiver["email_configs"]
            for e, entry in enumerate(entries):
                if isinstance(entry, dict):
                    name = str(receiver.get("name") or f"receivers[{r}]")
                    name += f"[{e}]" if len(entries) > 1 else ""
                    path = ("receivers", r, "email_configs", e)
                    self._unknown(entry, path, EMAIL_KEYS)
                    accounts.append(self._account(name, entry, path))
        if not accounts and "smtp_smarthost" in self.settings:
            accounts.append(self._account("global", {}, ("global",)))
        return Reading(accounts, self.findings, frozenset(self.secrets))

    def pick(self, entry: dict[str, Any], path: tuple[Any, ...], key: str) -> Setting | None:
        """A receiver's own setting, or the global ``smtp_`` one it inherits."""
        if key in entry:
            return Setting(entry[key], path + (key,), key)
        if "smtp_" + key in self.settings:
            return Setting(self.settings["smtp_" + key], ("global", "smtp_" + key), "smtp_" + key)
        return None

    def _account(self, name: str, entry: dict[str, Any], path: tuple[Any, ...]) -> Any:
        doc = self.doc
        draft = Draft(doc, name, NAME, doc.position(path, key=True), {"program": "Alertmanager"})
        smarthost = self.pick(entry, path, "smarthost")
        host = port = None
        if smarthost is None:
            if path != ("global",):
                self._problem(path, name, "no smarthost here and no smtp_smarthost in global: Alertmanager"
                                          " refuses the file; add smarthost: smtp.example.com:587")
        else:
            value, where, label = smarthost
            parsed = verbatim(str(value))
            if parsed.kind != PLAIN:
                draft.value("host", parsed, where, label, NO_EXPANSION)
            else:
                split = host_port(parsed.text)
                draft.put("host", split.host, where)
                host, port = split.host, split.port
                if split.problem:
                    self._problem(where, name, f"{label} '{parsed.text}' {split.problem}: Alertmanager refuses"
                                               f" the file; write {label}: {split.host}:587")
                else:
                    draft.put("port", port, where)
            draft.spelling["host"] = f"{label}: '{{}}:{port or 587}'"
            draft.spelling["port"] = f"{label}: '{host or 'smtp.example.com'}:{{}}'"
        self._security(draft, entry, path, port, smarthost)
        self._credentials(draft, entry, path)
        self._addresses(draft, entry, path, name)
        self.secrets |= draft.secrets
        return draft.account()

    def _security(self, draft: Draft, entry: dict[str, Any], path: tuple[Any, ...], port: int | None,
                  smarthost: Setting | None) -> None:
        require = self.pick(entry, path, "require_tls")
        required = boolean(require.value) if require else None
        inherited = smarthost is not None and smarthost.path[0] == "global"
        require_label = require.label if require else "smtp_require_tls" if inherited else "require_tls"
        forced = self.pick(entry, path, "force_implicit_tls")
        forced_value = boolean(forced.value) if forced else None
        implicit = forced_value if forced_value is not None else port == IMPLICIT_TLS_PORT
        draft.spelling.update({
            "security=starttls": f"{require_label}: true",
            "security=none": f"{require_label}: false",
            "security=tls": f"{require_label}: false (implicit TLS)",
        })
        if implicit:
            decided_by = forced or smarthost
            draft.put("security", "tls", decided_by.path if decided_by else None)
            if required is not False and forced_value is None:
                written = f"{require_label}: true" if require else "require_tls: true (the default)"
                if require:
                    draft.at("require_tls", require.path)
                draft.conflict(Conflict(
                    ("port 465 (implicit TLS)", written),
                    "Alertmanager before 0.31 then asks for STARTTLS inside the TLS connection, which"
                    " servers do not offer, and every notification fails ('does not advertise the"
                    " STARTTLS extension')",
                    f"set {require_label}: false (0.31 and later ignore it on port 465)",
                    where="require_tls" if require else "security",
                    fails=True,
                ))
        elif required is False:
            draft.put("security", "none", require.path)
        else:
            draft.put("security", "starttls", require.path if require else None)
        tls = self.pick(entry, path, "tls_config")
        if tls is not None and isinstance(tls.value, dict) and boolean(tls.value.get("insecure_skip_verify")):
            draft.put("verify_cert", False, tls.path + ("insecure_skip_verify",))
            draft.spelling["verify_cert=False"] = f"{tls.label}.insecure_skip_verify: true"

    def _credentials(self, draft: Draft, entry: dict[str, Any], path: tuple[Any, ...]) -> None:
        username = self.pick(entry, path, "auth_username")
        if username is not None and username.value not in (None, ""):
            draft.spelling["username"] = f"{username.label}: {{}}"
            draft.value("username", verbatim(str(username.value)), username.path, username.label, NO_EXPANSION)
        prefix = "smtp_" if path == ("global",) else ""
        draft.spelling["password"] = (f"{prefix}auth_password_file: /etc/alertmanager/smtp_password"
                                      " (a file kept out of the repository)")
        for key in ("auth_password", "auth_secret"):
            found, stored = self._secret_pair(entry, path, key)
            if stored is not None:
                draft.at("password", stored.path)
                draft.secret(Secret("store", "file"))
                return
            if found is not None:
                if found.value in (None, ""):
                    draft.at("password", found.path)
                    draft.secret(Secret("empty"))
                else:
                    draft.password(verbatim(str(found.value)), found.path, found.label,
                                   PASSWORD_FILE.format(file=f"{found.label}_file"))
                return

    def _secret_pair(self, entry: dict[str, Any], path: tuple[Any, ...],
                     key: str) -> tuple[Setting | None, Setting | None]:
        """``key`` and ``key_file``: a receiver inherits both from global or neither; the file wins."""
        names = (key, key + "_file")
        if not any(name in entry for name in names):
            entry, path, names = self.settings, ("global",), tuple("smtp_" + name for name in names)
        found, stored = (Setting(entry[name], path + (name,), name) if name in entry else None for name in names)
        return found, stored

    def _addresses(self, draft: Draft, entry: dict[str, Any], path: tuple[Any, ...], name: str) -> None:
        sender = self.pick(entry, path, "from")
        if sender is None:
            if path != ("global",):
                self._problem(path, name, "no from here and no smtp_from in global: Alertmanager refuses the"
                                          " file; add from: alertmanager@example.com")
        elif sender.value not in (None, ""):
            draft.spelling["from"] = f"{sender.label}: {{}}"
            draft.value("sender", verbatim(str(sender.value)), sender.path, sender.label, NO_EXPANSION)
        to = entry.get("to")
        if path == ("global",):
            return
        if to in (None, ""):
            self._problem(path, name, "email_configs entry without to: Alertmanager refuses the file; add"
                                      " to: ops@example.com")
            return
        value = verbatim(str(to))
        if value.kind != PLAIN:
            draft.value("to", value, path + ("to",), "to", NO_EXPANSION)
            return
        draft.at("to", path + ("to",))
        addresses = tuple(part.strip() for part in value.text.split(",") if part.strip())
        draft.put("to_addresses", addresses)
        for i in range(len(addresses)):
            draft.at(f"to.{i}", path + ("to",))

    def _unknown(self, mapping: dict[str, Any], path: tuple[Any, ...], known: tuple[str, ...],
                 only_prefix: str = "") -> None:
        for key in mapping:
            if key.startswith(only_prefix) and key not in known:
                close = closest(key, known)
                hint = f"did you mean {close}?" if close else f"the keys are: {', '.join(known)}"
                self.findings.append(self.doc.finding(path + (key,), "schema", (
                    f"{key}: Alertmanager has no such email setting and refuses to load the file"
                    f" (field {key} not found); {hint}"), key=True))

    def _problem(self, path: tuple[Any, ...], name: str, message: str) -> None:
        self.findings.append(self.doc.finding(path, "schema", message, key=True, account=name))


DIALECT = Dialect(
    name=NAME,
    summary="Prometheus Alertmanager: global.smtp_* and email_configs, also inside a ConfigMap or Secret",
    detect=detect,
    read=read,
)


@hookimpl
def emaillint_dialects():
    return [DIALECT]
