"""The GitLab Helm chart's values: ``global.smtp`` and ``global.email.from``.

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
BLOCK = ("global", "smtp")
MARKERS = ("starttls_auto", "user_name", "openssl_verify_mode")
SIGN_IN = ("login", "plain", "cram_md5")
DEFAULTS = {"address": "smtp.mailgun.org", "port": 2525, "enable_starttls_auto": False}
"""The chart's defaults, as Mail gets them: the template always passes ``enable_starttls_auto``."""
DEFAULT_AUTHENTICATION = "plain"
PASSED = ("address", "port", "domain", "user_name", "openssl_verify_mode")
"""Keys the template passes to Mail under the same name."""
KNOWN = tuple(PASSED) + ("enabled", "password", "authentication", "starttls_auto", "tls", "user_name_secret",
                         "open_timeout", "read_timeout", "pool")
PASSWORD = "global.smtp.password.secret: <a Kubernetes Secret with the password> (password.key: password)"
STARTTLS_ON = "global.smtp.starttls_auto: true and no tls: true"
SPELLING = spelling("GitLab", fields={"host": "global.smtp.address: {}", "port": "global.smtp.port: {}",
                                      "username": "global.smtp.user_name: {}", "password": PASSWORD,
                                      "sender": "global.email.from: {}"}, security={
    TLS: "global.smtp.tls: true with starttls_auto: false", STARTTLS_OPTIONAL: STARTTLS_ON,
    STARTTLS: f"{STARTTLS_ON} (GitLab cannot require STARTTLS)",
    NO_TLS: "global.smtp.starttls_auto: false"})


def _go(value: Any) -> bool:
    """A Go template's ``if``: false, 0, nil and empty values are false, ``"false"`` is true."""
    return value not in (None, False, 0, "", {}, [])


def detect(doc: Any) -> bool:
    settings = doc.data.get("global") if isinstance(doc.data, dict) else None
    smtp = settings.get("smtp") if isinstance(settings, dict) else None
    return isinstance(smtp, dict) and any(key in smtp for key in MARKERS)


def read(doc: Any, options: Any) -> Reading:
    reader = Reader(doc, options, NAME, interpolate_nothing)
    smtp = mapping(doc, BLOCK)
    enabled = smtp.get("enabled")
    if enabled is None or not _go(enabled.value):
        return reader.reading()
    name = "global.smtp"
    draft = reader.draft(name, BLOCK, SPELLING)
    mail = {key: smtp[key]._replace(label=f"{name}.{key}") for key in PASSED if key in smtp and smtp[key].value is not None}
    auto, tls, authentication = smtp.get("starttls_auto"), smtp.get("tls"), smtp.get("authentication")
    if auto is not None:
        mail["enable_starttls_auto"] = auto._replace(value=_go(auto.value), label=f"{name}.starttls_auto")
    if tls is not None and isinstance(tls.value, bool):
        mail["tls"] = tls._replace(label=f"{name}.tls")
    signs_in = (authentication.value if authentication else DEFAULT_AUTHENTICATION) in SIGN_IN
    if not signs_in:
        mail.pop("user_name", None)
    sender = mapping(doc, ("global", "email")).get("from")
    rubymail.read(reader, draft, mail, sender=sender and sender._replace(label="global.email.from"), defaults=DEFAULTS,
                  raises=gitlab_omnibus.RAISES,
                  shown={} if auto else {"enable_starttls_auto": f"{name}.starttls_auto: false (the chart's default)"})
    if signs_in:
        _password(reader, draft, smtp, name)
    else:
        draft.set("auth", NO_SIGN_IN, authentication.path)
    reader.unknown([s for key, s in smtp.items() if key not in KNOWN], KNOWN, says="the chart ignores it",
                   otherwise="the chart's global.smtp has no such key", account=name)
    reader.add(draft)
    return reader.reading()


def _password(reader: Reader, draft: Any, smtp: dict[str, Setting], name: str) -> None:
    secret, username = smtp.get("password"), smtp.get("user_name_secret")
    if username is not None and isinstance(username.value, dict) and username.value.get("secret"):
        draft.elsewhere("username", username.path)
    if secret is not None and isinstance(secret.value, str) and secret.value:
        draft.password(secret)  # a literal where the chart wants a Secret's name: in the file, and unused
        reader.refused(secret.path, f"{name}.password is text, but the chart reads password.secret, the name of"
                                    f" a Kubernetes Secret, and cannot render without it; write {PASSWORD}",
                       account=name)
    elif secret is not None and isinstance(secret.value, dict) and secret.value.get("secret"):
        draft.stored("Kubernetes Secret", secret.path)
    else:
        reader.refused(secret.path if secret is not None else BLOCK, (
            "Helm refuses to render the chart ('Missing required secret containing the SMTP password'): sign-in is"
            f" on (authentication: plain is the default); write {PASSWORD}, or authentication: \"\" for a relay"
            " without sign-in"), key=secret is None, account=name)


DIALECT = Dialect(name=NAME, summary="GitLab Helm chart values: global.smtp and global.email.from",
                  detect=detect, read=read)


@hookimpl
def emaillint_dialects():
    return [DIALECT]
