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

from emaillint.api import WARNING, Conflict, Dialect, Reading, Secret, hookimpl

from emaillint_plugins.dialects.draft import Draft
from emaillint_plugins.dialects.interpolation import PLAIN
from emaillint_plugins.dialects.interpolation import grafana as interpolate
from emaillint_plugins.dialects.values import boolean, closest, host_port

NAME = "grafana"
INI = "grafana.ini"
IMPLICIT_TLS_PORT = 465
POLICIES = {"OpportunisticStartTLS": "starttls-optional", "MandatoryStartTLS": "starttls", "NoStartTLS": "none"}
DEFAULT_POLICY = "OpportunisticStartTLS"
DEFAULT_HOST, DEFAULT_PORT = "localhost", 25
OPTIONS = ("enabled", "host", "user", "password", "cert_file", "key_file", "skip_verify", "from_address",
           "from_name", "ehlo_identity", "startTLS_policy", "enable_tracing", "static_headers")
NOT_EXPANDED = "Grafana expands only ${NAME}, $__env{NAME} and $__file{PATH}: write $__env{SMTP_PASSWORD}"


def _block(data: Any) -> tuple[tuple[Any, ...], dict[str, Any]] | None:
    """``(path of the values level, that level)`` holding ``grafana.ini.smtp``."""
    if not isinstance(data, dict):
        return None
    for base, level in (((), data), (("grafana",), data.get("grafana"))):
        if isinstance(level, dict) and isinstance(level.get(INI), dict) and isinstance(level[INI].get("smtp"), dict):
            return base, level
    return None


def detect(doc: Any) -> bool:
    return _block(doc.data) is not None


def read(doc: Any, options: Any) -> Reading:
    base, level = _block(doc.data)
    smtp = level[INI]["smtp"]
    path = base + (INI, "smtp")
    if boolean(smtp.get("enabled")) is not True:
        return Reading([], [])
    reader = _Smtp(doc, options, path, smtp, level, base)
    account = reader.account()
    return Reading([account], reader.findings, frozenset(reader.draft.secrets))


class _Smtp:
    def __init__(self, doc: Any, options: Any, path: tuple[Any, ...], smtp: dict[str, Any],
                 level: dict[str, Any], base: tuple[Any, ...]) -> None:
        self.doc = doc
        self.environ = options.environ
        self.path = path
        self.smtp = smtp
        self.chart = level.get("smtp") if isinstance(level.get("smtp"), dict) else {}
        self.chart_path = base + ("smtp",)
        self.findings: list[Any] = []
        self.draft = Draft(doc, "grafana.ini.smtp", NAME, doc.position(path, key=True), {
            "program": "Grafana",
            "username": "user: {}",
            "from": "from_address: {}",
            "password": "smtp.existingSecret (a Kubernetes Secret with the user and password keys)",
            "security=tls": "implicit TLS (no startTLS_policy)",
            "security=starttls": "startTLS_policy: MandatoryStartTLS",
            "security=none": "startTLS_policy: NoStartTLS",
            "security=starttls-optional": "startTLS_policy: OpportunisticStartTLS",
            "verify_cert=False": "skip_verify: true",
        })

    def account(self) -> Any:
        draft, smtp, path = self.draft, self.smtp, self.path
        port = None
        if smtp.get("host") not in (None, ""):
            value = interpolate(str(smtp["host"]), self.environ)
            if value.kind != PLAIN:
                draft.value("host", value, path + ("host",), "host", NOT_EXPANDED)
            else:
                split = host_port(value.text)
                draft.put("host", split.host, path + ("host",))
                draft.spelling["host"] = f"host: {{}}:{split.port or 587}"
                draft.spelling["port"] = f"host: {split.host}:{{}}"
                if split.problem:
                    self._error(path + ("host",), f"host '{value.text}' {split.problem}: Grafana cannot send"
                                                  f" mail without it; write host: {split.host}:587")
                else:
                    port = split.port
                    draft.put("port", port, path + ("host",))
        else:
            draft.default("host", DEFAULT_HOST)
            port = DEFAULT_PORT
            draft.default("port", port)
        self._security(port)
        self._credentials()
        if smtp.get("from_address") not in (None, ""):
            draft.value("sender", interpolate(str(smtp["from_address"]), self.environ), path + ("from_address",),
                        "from_address", NOT_EXPANDED)
        self._unknown()
        return draft.account()

    def _security(self, port: int | None) -> None:
        draft, smtp, path = self.draft, self.smtp, self.path
        written = smtp.get("startTLS_policy")
        policy = str(written).strip() if written not in (None, "") else DEFAULT_POLICY
        if policy not in POLICIES:
            self._error(path + ("startTLS_policy",), (
                f"startTLS_policy '{written}' is not a policy Grafana knows, so it falls back to"
                f" {DEFAULT_POLICY}; write one of {', '.join(POLICIES)}"), severity=WARNING)
            policy = DEFAULT_POLICY
        if port == IMPLICIT_TLS_PORT:
            draft.put("security", "tls", path + ("host",))
            if written not in (None, "") and policy != DEFAULT_POLICY:
                draft.conflict(Conflict(
                    ("port 465 in host", f"startTLS_policy: {written}"),
                    "Grafana uses implicit TLS on 465 and ignores startTLS_policy",
                    "remove startTLS_policy, or use port 587 if you meant STARTTLS"))
        elif written in (None, ""):
            draft.default("security", POLICIES[policy])
        else:
            draft.put("security", POLICIES[policy], path + ("startTLS_policy",))
        if boolean(smtp.get("skip_verify")):
            draft.put("verify_cert", False, path + ("skip_verify",))

    def _credentials(self) -> None:
        """``user`` and ``password``, else the chart's ``existingSecret`` (a literal password
        next to the secret is still a password in the repository, so it is read first)."""
        draft, smtp, path = self.draft, self.smtp, self.path
        secret = self.chart.get("existingSecret")
        from_secret = self.chart_path + ("existingSecret",) if secret not in (None, "") else None
        if smtp.get("user") not in (None, ""):
            draft.value("username", interpolate(str(smtp["user"]), self.environ), path + ("user",), "user",
                        NOT_EXPANDED)
        elif from_secret:
            draft.reference("username", from_secret)
        if smtp.get("password") not in (None, ""):
            draft.password(interpolate(str(smtp["password"])), path + ("password",), "password", NOT_EXPANDED)
        elif from_secret:
            draft.at("password", from_secret)
            draft.secret(Secret("store", "existingSecret"))
        elif "password" in smtp:
            draft.at("password", path + ("password",))
            draft.secret(Secret("empty"))

    def _unknown(self) -> None:
        for key in self.smtp:
            if key not in OPTIONS:
                close = closest(key, OPTIONS)
                hint = f"did you mean {close}?" if close else "Grafana's [smtp] section has no such key"
                self.findings.append(self.doc.finding(self.path + (key,), "unknown-key",
                                                      f"{key}: Grafana ignores it; {hint}", key=True,
                                                      account="grafana.ini.smtp"))

    def _error(self, path: tuple[Any, ...], message: str, key: bool = False, severity: str | None = None) -> None:
        self.findings.append(self.doc.finding(path, "schema", message, key=key, account="grafana.ini.smtp",
                                              severity=severity))


DIALECT = Dialect(
    name=NAME,
    summary="Grafana Helm values: grafana.ini.smtp (also under grafana:), smtp.existingSecret",
    detect=detect,
    read=read,
)


@hookimpl
def emaillint_dialects():
    return [DIALECT]
