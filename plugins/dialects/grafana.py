"""Grafana's ``[smtp]`` settings as the Helm chart takes them: ``grafana.ini.smtp`` in values.

Also found one level down (``grafana: grafana.ini: smtp:``) when Grafana is a sub-chart
(kube-prometheus-stack, umbrella charts). Grafana's rules apply: mail is off unless
``enabled: true``; ``host`` (default ``localhost:25``) is one ``host:port`` string and
Grafana cannot send without the port; port 465 means implicit TLS, otherwise ``startTLS_policy`` decides
(``OpportunisticStartTLS``, the default; ``MandatoryStartTLS``; ``NoStartTLS``);
``skip_verify: true`` turns certificate checks off. The chart's ``smtp.existingSecret``
supplies user and password from a Kubernetes Secret. Values may use Grafana's
expansion, ``$__env{NAME}``, ``$__file{PATH}``, ``$__vault{...}`` and ``${NAME}``.
Sources: https://grafana.com/docs/grafana/latest/setup-grafana/configure-grafana/#smtp,
the grafana/helm-charts ``charts/grafana/values.yaml``, and Grafana's ``createDialer``.
"""

from __future__ import annotations

from typing import Any

from emaillint.api import (NO_TLS, STARTTLS, STARTTLS_OPTIONAL, TLS, WARNING, Dialect, Key, Reader, Reading, boolean,
                           hookimpl, interpolate_grafana, mapping, spelling)

NAME = "grafana"
INI = "grafana.ini"
ACCOUNT = "grafana.ini.smtp"
IMPLICIT_TLS_PORT = 465
DEFAULT_POLICY = "OpportunisticStartTLS"
POLICY = Key("security", {DEFAULT_POLICY: STARTTLS_OPTIONAL, "MandatoryStartTLS": STARTTLS, "NoStartTLS": NO_TLS},
             otherwise=f"Grafana falls back to {DEFAULT_POLICY}")
DEFAULT_HOST, DEFAULT_PORT = "localhost", 25
KEYS = {"enabled": None, "host": None, "user": "username", "password": None, "cert_file": None, "key_file": None,
        "skip_verify": Key("verify_cert", invert=True), "from_address": "sender", "from_name": None,
        "ehlo_identity": None, "startTLS_policy": POLICY, "enable_tracing": None, "static_headers": None}
EXPANDS = "Grafana expands only ${NAME}, $__env{NAME} and $__file{PATH}"
NOT_EXPANDED = "write $__env{NAME}, or $__file{PATH} for a secret"
SPELLING = spelling("Grafana", KEYS, security={TLS: "implicit TLS (no startTLS_policy)"}, fields={
    "password": "smtp.existingSecret (a Kubernetes Secret with the user and password keys)"})


def _block(data: Any) -> tuple[tuple[Any, ...], dict[str, Any]] | None:
    """``(path of the values level, that level)`` holding ``grafana.ini.smtp``."""
    if not isinstance(data, dict):
        return None
    for base, level in (((), data), (("grafana",), data.get("grafana"))):
        if isinstance(level, dict) and isinstance(level.get(INI), dict) and isinstance(level[INI].get("smtp"), dict):
            return base, level
    return None


def detect(doc: Any) -> bool:
    return ("smtp" in doc.keys((INI,)) or "smtp" in doc.keys(("grafana", INI))) and _block(doc.data) is not None


def read(doc: Any, options: Any) -> Reading:
    reader = Reader(doc, options, NAME, interpolate_grafana, NOT_EXPANDED, outcome=EXPANDS)
    base, level = _block(doc.data)
    path = base + (INI, "smtp")
    smtp = mapping(doc, path)
    if boolean(level[INI]["smtp"].get("enabled")) is not True:
        return reader.reading()
    draft = reader.draft(ACCOUNT, path, SPELLING)
    host = smtp.get("host")
    if host is not None and host.value not in (None, ""):
        port = reader.smarthost(draft, host, "Grafana cannot send mail without it")
    else:
        draft.default("host", DEFAULT_HOST)
        port = DEFAULT_PORT
        draft.default("port", port)
    policy = smtp.get("startTLS_policy")
    written = policy is not None and policy.value not in (None, "")
    mode = reader.enum(draft, POLICY, policy, severity=WARNING) if written else None
    if port == IMPLICIT_TLS_PORT:
        draft.set("security", TLS, host.path)
        if written and policy.value != DEFAULT_POLICY:
            draft.conflict(("port 465 in host", f"startTLS_policy: {policy.value}"),
                           "Grafana ignores startTLS_policy",
                           "remove startTLS_policy, or use port 587 if you meant STARTTLS")
    elif mode is None and written:
        draft.set("security", STARTTLS_OPTIONAL, policy.path)
    elif mode is None:
        draft.default("security", STARTTLS_OPTIONAL)
    reader.fields(draft, {k: s for k, s in smtp.items() if k != "startTLS_policy"}, KEYS)
    chart = mapping(doc, base + ("smtp",)).get("existingSecret")
    secret = chart if chart is not None and chart.value not in (None, "") else None
    if not draft.has("username") and secret:
        draft.elsewhere("username", secret.path)
    password = smtp.get("password")
    # a literal password next to the Secret is still a password in the repository: read it first
    if password is not None and password.value not in (None, ""):
        draft.password(password)
    elif secret:
        draft.stored("existingSecret", secret.path)
    elif password is not None:
        draft.empty_password(password.path)
    reader.unknown([s for k, s in smtp.items() if k not in KEYS], KEYS, says="Grafana ignores it",
                   otherwise="Grafana's [smtp] section has no such key", account=ACCOUNT)
    reader.add(draft)
    return reader.reading()


DIALECT = Dialect(name=NAME, summary="Grafana Helm values: grafana.ini.smtp (also under grafana:), smtp.existingSecret",
                  detect=detect, read=read, needles=("smtp",))


@hookimpl
def emaillint_dialects():
    return [DIALECT]
