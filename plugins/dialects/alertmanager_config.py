"""The Prometheus operator's ``AlertmanagerConfig`` resource (``monitoring.coreos.com``
v1alpha1 and v1beta1): ``spec.receivers[].emailConfigs[]``, Alertmanager's ``email_configs``
in camelCase.

The operator copies each entry into the Alertmanager config it generates
(``convertEmailConfig`` in ``pkg/alertmanager/amcfg.go``): ``smarthost``, ``from``,
``requireTLS`` and the rest keep Alertmanager's meaning, so ``alertmanager``'s semantics
apply (465 is implicit TLS, ``requireTLS`` defaults to true, before Alertmanager 0.31 465
needs ``requireTLS: false``). What differs, from the CRD types
(``pkg/apis/monitoring/v1alpha1/alertmanager_config_types.go`` and ``v1beta1/``, commit
5e8d9c51) and the validation (``pkg/alertmanager/validation/v1alpha1/validation.go``,
``v1beta1/``): ``authPassword`` and ``authSecret`` are Secret key references
(``{name, key}``), read from the resource's namespace; ``headers`` is a list of
``{key, value}``, with no name twice (case-insensitive); ``to`` is required, and
``smarthost``, when given, needs its port; ``smarthost`` and ``from`` may come from the
Alertmanager's global config, which this file does not show; there is no ``*_file`` key
and no ``forceImplicitTLS``. A Secret in the same file that a reference names is read:
its ``stringData`` (or base64 ``data``, which is no encryption) holds the password in
the repository. Sources: https://github.com/prometheus-operator/prometheus-operator.
"""

from __future__ import annotations

from typing import Any

from emaillint.api import (Dialect, Draft, Reader, Reading, Setting, decoded_manifest_file, hookimpl,
                           interpolate_nothing, mapping, secret_ref)

from emaillint_plugins.dialects import alertmanager

NAME = "alertmanager-config"
KIND = "AlertmanagerConfig"
GROUP = "monitoring.coreos.com/"
CONFIGS = "emailConfigs"
NAMES = {"send_resolved": "sendResolved", "auth_username": "authUsername", "auth_password": "authPassword",
         "auth_secret": "authSecret", "auth_identity": "authIdentity", "require_tls": "requireTLS",
         "tls_config": "tlsConfig", "insecure_skip_verify": "insecureSkipVerify"}
"""Alertmanager's keys as the CRD writes them (``EmailConfig``'s json tags)."""
KNOWN = ("sendResolved", "to", "from", "hello", "smarthost", "authUsername", "authPassword", "authSecret",
         "authIdentity", "headers", "html", "text", "requireTLS", "tlsConfig")
REJECTS = "the operator rejects the AlertmanagerConfig"
# kubectl apply refuses an unknown field, other clients have the API server drop it (unverified),
# and the operator never reads it
DROPPED = "the AlertmanagerConfig CRD has no such field, so the operator never reads it"
REFERENCE = "{key}: {{name: <a Secret kept out of the repository>, key: password}}"
KEPT_OUT = ("the Secret {name} outside the repository (create it with kubectl create secret generic {name},"
            " or commit a SealedSecret or an ExternalSecret instead)")


def detect(doc: Any) -> bool:
    if doc.scalar(("kind",)) != KIND or not (doc.scalar(("apiVersion",)) or "").startswith(GROUP):
        return False
    receivers = doc.length(("spec", "receivers")) or 0
    return any(not doc.keys(("spec", "receivers", r)).isdisjoint((CONFIGS, "email_configs")) for r in range(receivers))


def read(doc: Any, options: Any) -> Reading:
    reader = Reader(doc, options, NAME, interpolate_nothing, alertmanager.NO_EXPANSION,
                    outcome=alertmanager.EXPANDS)
    receivers = doc.get(("spec", "receivers"))
    for r, receiver in enumerate(receivers if isinstance(receivers, list) else ()):
        if isinstance(receiver, dict) and "email_configs" in receiver:
            reader.ignored(("spec", "receivers", r, "email_configs"), f"email_configs: {DROPPED}",
                           help=f"write {CONFIGS} (the CRD's camelCase: requireTLS, authPassword, tlsConfig)")
        entries = receiver.get(CONFIGS) if isinstance(receiver, dict) else None
        for e in range(len(entries) if isinstance(entries, list) else 0):
            _headers(reader, mapping(doc, ("spec", "receivers", r, CONFIGS, e)).get("headers"))
    alertmanager.Config(reader, SHEET).read()
    return reader.reading()


def _headers(reader: Reader, headers: Setting | None) -> None:
    """``headers`` is a list of ``{key, value}`` in the CRD (a map in Alertmanager's own file)."""
    if headers is None or headers.value is None:
        return
    if not isinstance(headers.value, list):
        return reader.refused(headers.path, "headers is not a list, so the API server rejects the AlertmanagerConfig",
                              help="write headers as a list of {key, value}: headers: [{key: Subject, value: ...}]")
    seen: set[str] = set()
    for i, item in enumerate(headers.value):
        name = str(item.get("key", "")).lower() if isinstance(item, dict) else ""
        if name in seen:
            reader.refused(headers.path + (i,), f"header {name!r} is given twice (names ignore case): {REJECTS}",
                           help="keep one of them")
        seen.add(name)


def _secret(reader: Reader, draft: Draft, found: Setting) -> None:
    """``authPassword``/``authSecret``: a Secret key reference; the Secret's own text when
    the same file holds it."""
    if not secret_ref(found.value):
        if not isinstance(found.value, (dict, list)):  # text is a password in the file; a mapping only the wrong shape
            draft.password(found._replace(value=str(found.value)))
        else:
            draft.stored("Kubernetes Secret", found.path)
        return reader.refused(found.path, f"{found.label} is not a Secret key reference: the API server rejects it",
                              help=f"write {REFERENCE.format(key=found.label)}", account=draft.name)
    name, key = str(found.value["name"]), str(found.value["key"])
    for other in reader.doc.others():
        if other.scalar(("kind",)) != "Secret" or other.scalar(("metadata", "name")) != name or \
                not _same_namespace(reader.doc, other):
            continue
        for section, encoded in (("stringData", False), ("data", True)):  # stringData wins when both have the key
            written = mapping(other, (section,)).get(key)
            if written is not None and isinstance(written.value, str):
                text = decoded_manifest_file(written.value, encoded)
                if encoded and text is not None:
                    reader.secrets.add(written.value.strip())
                draft.respell({"password": KEPT_OUT.format(name=name)})
                return draft.password(written._replace(value=written.value if text is None else text,
                                                       label=f"Secret {name} {section}.{key}"), doc=other)
    draft.stored("Kubernetes Secret", found.path)


def _same_namespace(doc: Any, other: Any) -> bool:
    """Whether two resources land in one namespace (one that names none takes kubectl's)."""
    mine, theirs = doc.scalar(("metadata", "namespace")), other.scalar(("metadata", "namespace"))
    return mine is None or theirs is None or mine == theirs


SHEET = alertmanager.Sheet(base=("spec",), configs=CONFIGS, settings=None, names=NAMES, known=KNOWN,
                           unknown=DROPPED, refused=False, refuses=REJECTS, required={"to": "to: ops@example.com"},
                           password=REFERENCE.format(key="authPassword"), secret=_secret)


DIALECT = Dialect(name=NAME, summary="Prometheus operator AlertmanagerConfig resources: spec.receivers[].emailConfigs,"
                                     " and the Secrets in the same file they name",
                  detect=detect, read=read, needles=(CONFIGS, "email_configs"))


@hookimpl
def emaillint_dialects():
    return [DIALECT]
