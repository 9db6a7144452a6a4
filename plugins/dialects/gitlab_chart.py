"""The GitLab Helm chart's values: ``global.smtp`` and ``global.email.from`` (also under
``gitlab:``, where an umbrella chart sets the GitLab sub-chart's globals).

The chart's ``gitlab.smtp_settings`` template (``charts/gitlab/templates/_smtp.tpl``) writes
the Rails ``smtp_settings`` only with ``global.smtp.enabled``: ``address`` and ``port``
(chart defaults ``smtp.mailgun.org`` and 2525); ``user_name`` and the password (read from
the Kubernetes Secret named by ``password.secret``, key ``password.key``) only when
``authentication`` is ``login``, ``plain`` (the default) or ``cram_md5``, and Helm then
refuses to render without ``password.secret``; ``enable_starttls_auto`` always, true only
when ``starttls_auto`` is (default false: no STARTTLS at all); ``tls`` only when it is a
boolean; ``openssl_verify_mode`` (default ``peer``) as given. Go templates take any
non-empty string for true. Mail's semantics are ``rubymail``'s, on GitLab's Mail 2.9 logic.
Sources: https://gitlab.com/gitlab-org/charts/gitlab (``values.yaml``,
``doc/installation/command-line-options.md`` "Outgoing Email configuration", ``_smtp.tpl``).
"""

from __future__ import annotations

from typing import Any

from emaillint.api import (NO_SIGN_IN, NO_TLS, STARTTLS, STARTTLS_OPTIONAL, TLS, Dialect, Reader, Reading, Setting,
                           hookimpl, interpolate_nothing, mapping, spelling)

from emaillint_plugins.dialects import gitlab_omnibus, rubymail

NAME = "gitlab-chart"
BASES = ((), ("gitlab",))
"""Where the values of the chart are: at the top, or under ``gitlab:`` when it is a sub-chart (an umbrella chart)."""
MARKERS = ("starttls_auto", "user_name", "openssl_verify_mode")
SIGN_IN = ("login", "plain", "cram_md5")
DEFAULTS = {"address": "smtp.mailgun.org", "port": 2525, "enable_starttls_auto": False}
"""The chart's defaults, as Mail gets them: the template always passes ``enable_starttls_auto``."""
DEFAULT_AUTHENTICATION = "plain"
PASSED = ("address", "port", "domain", "user_name", "openssl_verify_mode")
"""Keys the template passes to Mail under the same name."""
KNOWN = tuple(PASSED) + ("enabled", "password", "authentication", "starttls_auto", "tls", "user_name_secret",
                         "open_timeout", "read_timeout", "pool")
PASSWORD = "{}.password.secret: <a Kubernetes Secret with the password> (password.key: password)"


def _spelling(name: str) -> Any:
    """How the chart writes each setting, under ``name`` (``global.smtp``, ``gitlab.global.smtp``)."""
    on = f"{name}.starttls_auto: true and no tls: true"
    return spelling("GitLab", fields={"password": PASSWORD.format(name)}, security={
        TLS: f"{name}.tls: true with starttls_auto: false", STARTTLS_OPTIONAL: on,
        STARTTLS: f"{on} (GitLab cannot require STARTTLS)", NO_TLS: f"{name}.starttls_auto: false"})


def _go(value: Any) -> bool:
    """A Go template's ``if``: false, 0, nil and empty values are false, ``"false"`` is true."""
    return value not in (None, False, 0, "", {}, [])


def _base(data: Any) -> tuple[str, ...] | None:
    for base in BASES:
        level = data.get(base[0]) if base and isinstance(data, dict) else data
        settings = level.get("global") if isinstance(level, dict) else None
        smtp = settings.get("smtp") if isinstance(settings, dict) else None
        if isinstance(smtp, dict) and any(key in smtp for key in MARKERS):
            return base
    return None


def detect(doc: Any) -> bool:
    return any(not doc.keys(base + ("global", "smtp")).isdisjoint(MARKERS) for base in BASES) and \
        _base(doc.data) is not None


def read(doc: Any, options: Any) -> Reading:
    reader = Reader(doc, options, NAME, interpolate_nothing)
    base = _base(doc.data)
    block = base + ("global", "smtp")
    smtp = mapping(doc, block)
    enabled = smtp.get("enabled")
    if enabled is None or not _go(enabled.value):
        return reader.reading()
    name = ".".join(block)
    draft = reader.draft(name, block, _spelling(name))
    mail = {key: smtp[key]._replace(label=f"{name}.{key}") for key in PASSED if key in smtp and smtp[key].value is not None}
    auto, tls, authentication = smtp.get("starttls_auto"), smtp.get("tls"), smtp.get("authentication")
    if auto is not None:
        mail["enable_starttls_auto"] = auto._replace(value=_go(auto.value), label=f"{name}.starttls_auto")
    if tls is not None and isinstance(tls.value, bool):
        mail["tls"] = tls._replace(label=f"{name}.tls")
    signs_in = (authentication.value if authentication else DEFAULT_AUTHENTICATION) in SIGN_IN
    if not signs_in:
        mail.pop("user_name", None)
    sender = mapping(doc, base + ("global", "email")).get("from")
    rubymail.read(reader, draft, mail, sender=sender and sender._replace(label=".".join(base + ("global", "email", "from"))), defaults=DEFAULTS,
                  raises=gitlab_omnibus.RAISES,
                  shown={} if auto else {"enable_starttls_auto": f"{name}.starttls_auto: false (the chart's default)"})
    if signs_in:
        _password(reader, draft, smtp, name, block)
    else:
        draft.set("auth", NO_SIGN_IN, authentication.path)
    reader.unknown([s for key, s in smtp.items() if key not in KNOWN], KNOWN, says="the chart ignores it",
                   otherwise="the chart's global.smtp has no such key", account=name)
    reader.add(draft)
    return reader.reading()


def _password(reader: Reader, draft: Any, smtp: dict[str, Setting], name: str, block: tuple[str, ...]) -> None:
    secret, username = smtp.get("password"), smtp.get("user_name_secret")
    if username is not None and isinstance(username.value, dict) and username.value.get("secret"):
        draft.elsewhere("username", username.path)
    if secret is not None and isinstance(secret.value, str) and secret.value:
        draft.password(secret)  # a literal where the chart wants a Secret's name: in the file, and unused
        reader.refused(secret.path, f"{name}.password is text: the chart needs a Secret's name and cannot render",
                       help=f"write {PASSWORD.format(name)}", account=name)
    elif secret is not None and isinstance(secret.value, dict) and secret.value.get("secret"):
        draft.stored("Kubernetes Secret", secret.path)
    else:
        reader.refused(secret.path if secret is not None else block,
                       "sign-in is on (authentication: plain, the default) but no password Secret: Helm cannot render",
                       help=f"write {PASSWORD.format(name)}, or authentication: \"\" for a relay without sign-in",
                       key=secret is None, account=name)


DIALECT = Dialect(name=NAME, summary="GitLab Helm chart values: global.smtp and global.email.from",
                  detect=detect, read=read, needles=MARKERS)


@hookimpl
def emaillint_dialects():
    return [DIALECT]
