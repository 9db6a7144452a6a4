"""Sentry self-hosted's ``config.yml``: the flat, dotted ``mail.*`` options at the top level.

Read in getsentry/sentry: ``src/sentry/options/defaults.py`` (``OPTIONS``) registers
``mail.backend`` (``smtp``), ``mail.host`` (127.0.0.1), ``mail.port`` (25), ``mail.username``,
``mail.password``, ``mail.use-tls`` and ``mail.use-ssl`` (both false), ``mail.from``
(``root@localhost``), ``mail.timeout`` and the others in ``KNOWN``;
``src/sentry/utils/email/send.py`` (``SEND``, ``get_connection``) hands them to Django's
``EmailBackend`` (``djangomail``: ``use-tls`` is required STARTTLS, ``use-ssl`` implicit
TLS, both refuse to send; it signs in only with a username and a password);
``src/sentry/conf/server.py`` (``ALIASES``, ``SENTRY_EMAIL_BACKEND_ALIASES``): ``smtp`` is
Django's SMTP backend, ``dummy``, ``console`` and ``preview`` send nothing.
``src/sentry/runner/initializer.py`` (``BOOTSTRAP``) loads the file with ``safe_load``,
expanding nothing, and its options win over ``SENTRY_OPTIONS`` in ``sentry.conf.py``.
How a quoted ``"true"`` is converted is unverified here; it is read as true.
"""

from __future__ import annotations

from typing import Any

from emaillint.api import (NO_SIGN_IN, NO_TLS, STARTTLS, TLS, Dialect, Reader, Reading, hookimpl, interpolate_nothing,
                           mapping, spelling)

from emaillint_plugins.dialects import djangomail

REPO = "https://github.com/getsentry/sentry/blob/"
OPTIONS = "https://github.com/getsentry/sentry/blob/master/src/sentry/options/defaults.py (the # Mail block)"
SEND = REPO + "a7444103195ec8c623cf748a392025d8f3264257/src/sentry/utils/email/send.py"
ALIASES = "https://github.com/getsentry/sentry/blob/master/src/sentry/conf/server.py"
BOOTSTRAP = REPO + "dac654fab757c2373d9bc748e4b482b1f49568e6/src/sentry/runner/initializer.py"

NAME = "sentry"
ACCOUNT = "mail"
KEYS = {"mail.host": "host", "mail.port": "port", "mail.username": "username", "mail.password": "password",
        "mail.from": "sender"}
KNOWN = tuple(KEYS) + ("mail.backend", "mail.use-tls", "mail.use-ssl", "mail.subject-prefix", "mail.list-namespace",
                       "mail.enable-replies", "mail.reply-hostname", "mail.mailgun-api-key", "mail.timeout")
SMTP_BACKENDS = ("smtp", "django.core.mail.backends.smtp.EmailBackend")
DEFAULTS = {"host": "127.0.0.1", "port": 25}
SENTRY_ONLY = frozenset(KNOWN) - frozenset(("mail.host", "mail.port", "mail.username", "mail.password", "mail.from"))
EXPANDS = "Sentry reads config.yml as plain YAML and expands nothing"
NOT_EXPANDED = "remove the key from config.yml and set SENTRY_OPTIONS in sentry.conf.py from the environment"
SPELLING = spelling("Sentry (Django)", KEYS, security={TLS: "mail.use-ssl: true", STARTTLS: "mail.use-tls: true",
                                                       NO_TLS: "mail.use-tls: false"}, fields={
    "password": "SENTRY_OPTIONS['mail.password'] = os.environ['SENTRY_MAIL_PASSWORD'] in sentry.conf.py (and no"
                " mail.password in config.yml)"})


def detect(doc: Any) -> bool:
    keys = doc.keys()
    mail = [key for key in keys if key.startswith("mail.")]
    return bool(mail) and (bool(SENTRY_ONLY.intersection(mail)) or any(key.startswith("system.") for key in keys))


def read(doc: Any, options: Any) -> Reading:
    reader = Reader(doc, options, NAME, interpolate_nothing, NOT_EXPANDED, outcome=EXPANDS)
    mail = {key: setting for key, setting in mapping(doc, ()).items() if key.startswith("mail.")}
    backend = reader.text(mail.get("mail.backend"))
    if backend is not None and backend.strip() not in SMTP_BACKENDS:
        return reader.reading()  # dummy, console, preview or another backend: no SMTP
    host = mail.get("mail.host")
    if host is not None and host.value in (None, ""):
        return reader.reading()  # smtplib gets no host to connect to: Sentry sends nothing
    draft = reader.draft(ACCOUNT, (), SPELLING, key=False)
    reader.fields(draft, mail, KEYS)
    for field, value in DEFAULTS.items():
        if not draft.has(field):
            draft.default(field, value)
    flags = [mail.get(key) for key in ("mail.use-tls", "mail.use-ssl")]
    parsed = [None if s is None or reader.flag(s) is None else (reader.flag(s), s) for s in flags]
    djangomail.decide(draft, *parsed, true="true", default=all(s is None for s in flags), form="{key}: {value}")
    user = mail.get("mail.username")
    if user is None or user.value in (None, ""):
        draft.set("auth", NO_SIGN_IN)  # Django signs in only with a username and a password
    reader.unknown([s for key, s in mail.items() if key not in KNOWN], KNOWN, says="Sentry ignores it",
                   otherwise="Sentry has no such mail option", account=ACCOUNT)
    reader.add(draft)
    return reader.reading()


DIALECT = Dialect(name=NAME, summary="Sentry self-hosted config.yml: the flat mail.* options (mail.host, mail.use-tls,"
                                     " mail.use-ssl, ...)",
                  detect=detect, read=read, needles=("mail.",))


@hookimpl
def emaillint_dialects():
    return [DIALECT]
