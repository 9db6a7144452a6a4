"""kube-prometheus-stack Helm values: ``alertmanager.config``, an Alertmanager config the
chart writes out as ``alertmanager.yaml`` unchanged (``templates/alertmanager/secret.yaml``
at commit 248d9f65: ``toYaml .Values.alertmanager.config``, through Helm's ``tpl`` with
``alertmanager.tplConfig``; nothing at all without ``alertmanager.enabled`` or with
``alertmanagerSpec.useExistingSecret``), so ``alertmanager``'s semantics and refusals apply
as they are; a ``global:`` block alone is one, since Helm merges the chart's own ``route`` and
``receivers`` in. A password belongs in a Secret listed in ``alertmanager.alertmanagerSpec.secrets``,
which the operator mounts at ``/etc/alertmanager/secrets/<secret-name>/`` (the chart's
values.yaml and the operator's ``AlertmanagerSpec.secrets``), read with ``auth_password_file``.
Sources: https://github.com/prometheus-community/helm-charts (charts/kube-prometheus-stack).
"""

from __future__ import annotations

from typing import Any

from emaillint.api import Dialect, Reader, Reading, boolean, hookimpl, interpolate_nothing

from emaillint_plugins.dialects import alertmanager

NAME = "kube-prometheus-stack"
BASE = ("alertmanager", "config")
ENABLED = ("alertmanager", "enabled")
EXISTING_SECRET = ("alertmanager", "alertmanagerSpec", "useExistingSecret")
"""The chart then renders no config from these values: the Secret it names holds the one in use."""
MISPLACED = ("alertmanager", "alertmanagerSpec", "config")
"""A config written here is never used: ``templates/alertmanager/alertmanager.yaml`` (commit
006497b3) copies named ``alertmanagerSpec`` keys into the Alertmanager resource, not this one."""
UNUSED = "alertmanager.alertmanagerSpec.config: the chart never reads it, so Alertmanager sends no mail"
MOVE = "move these settings to alertmanager.config"
SHEET = alertmanager.Sheet(base=BASE, password=(
    "auth_password_file: /etc/alertmanager/secrets/<secret>/password (the Secret listed in"
    " alertmanager.alertmanagerSpec.secrets, kept out of the repository)"))


def detect(doc: Any) -> bool:
    return alertmanager.is_config(doc, BASE, alone=True) or alertmanager.is_config(doc, MISPLACED)


def read(doc: Any, options: Any) -> Reading:
    reader = Reader(doc, options, NAME, interpolate_nothing, alertmanager.NO_EXPANSION, outcome=alertmanager.EXPANDS)
    if alertmanager.is_config(doc, MISPLACED):
        reader.ignored(MISPLACED, UNUSED, help=MOVE)
    if boolean(doc.get(ENABLED, True)) is not False and not boolean(doc.get(EXISTING_SECRET)):
        alertmanager.Config(reader, SHEET).read()
    return reader.reading()


DIALECT = Dialect(name=NAME, summary="kube-prometheus-stack Helm values: alertmanager.config (Alertmanager's own keys)",
                  detect=detect, read=read, needles=("smtp_", "email_configs"))


@hookimpl
def emaillint_dialects():
    return [DIALECT]
