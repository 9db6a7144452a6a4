"""Discourse's ``containers/app.yml`` (discourse_docker): the ``DISCOURSE_SMTP_*`` variables of ``env:``.

Each ``DISCOURSE_<SETTING>`` variable overrides ``config/discourse_defaults.conf``, with
``true``/``false`` and digits read as booleans and numbers; without an address Discourse
sends with sendmail. ``GlobalSetting.smtp_settings`` hands Mail (``rubymail``) the address,
the port (default 25), domain, user name, password, the authentication (default plain,
only with a user name or password), ``enable_starttls_auto`` from ``ENABLE_START_TLS``
(default true) unless ``FORCE_TLS`` asks for implicit TLS (``tls: true``), and
``openssl_verify_mode``. The From address is ``DISCOURSE_NOTIFICATION_EMAIL``. The launcher
hands each value to ``docker run -e`` as written, replacing only ``{{config}}``: no ``$``
expansion. YAML ends an unquoted value at `` #``, which cuts passwords short (the sample
app.yml warns of it). Sources: ``app/models/global_setting.rb`` and
``config/discourse_defaults.conf`` in discourse/discourse; ``launcher``
(``set_template_info``) and ``samples/standalone.yml`` in discourse/discourse_docker.
"""

from __future__ import annotations

from typing import Any

from emaillint.api import (NO_TLS, STARTTLS_OPTIONAL, TLS, Dialect, Reader, Reading, Setting, environment,
                           hookimpl, interpolate_nothing, spelling)

from emaillint_plugins.dialects import rubymail

NAME = "discourse"
PREFIX = "DISCOURSE_SMTP_"
PASSED = {"ADDRESS": "address", "PORT": "port", "DOMAIN": "domain", "USER_NAME": "user_name",
          "PASSWORD": "password", "OPENSSL_VERIFY_MODE": "openssl_verify_mode"}
KNOWN = [PREFIX + key for key in (*PASSED, "AUTHENTICATION", "ENABLE_START_TLS", "FORCE_TLS", "OPEN_TIMEOUT",
                                  "READ_TIMEOUT")]
SENDER = "DISCOURSE_NOTIFICATION_EMAIL"
EXPANDS = "Discourse's launcher expands nothing in env values"
NO_EXPANSION = "put the value itself, quoted"
SPELLING = spelling("Discourse", fields={
    "host": PREFIX + "ADDRESS: {}", "port": PREFIX + "PORT: {}", "username": PREFIX + "USER_NAME: {}",
    "sender": SENDER + ": {}", "password": PREFIX + "PASSWORD: the password, kept out of the repository"
                                                   " (containers/ is git-ignored upstream)"}, security={
    # no STARTTLS: Discourse cannot require it
    TLS: PREFIX + "FORCE_TLS: true", STARTTLS_OPTIONAL: PREFIX + "ENABLE_START_TLS: true",
    NO_TLS: PREFIX + "ENABLE_START_TLS: false without FORCE_TLS"})


def _coerced(setting: Setting) -> Setting:
    """``BaseProvider.coerce``: ``true``/``false`` and digits become booleans and numbers."""
    text = setting.value
    value = text == "true" if text in ("true", "false") else int(text) if text.strip().isdigit() else text
    return setting._replace(value=value)


def detect(doc: Any) -> bool:
    if PREFIX + "ADDRESS" not in doc.keys(("env",)):
        return False
    env = doc.data.get("env") if isinstance(doc.data, dict) else None
    return isinstance(env, dict) and PREFIX + "ADDRESS" in env and ("templates" in doc.data or "DISCOURSE_HOSTNAME" in env)


def read(doc: Any, options: Any) -> Reading:
    reader = Reader(doc, options, NAME, interpolate_nothing, NO_EXPANSION, outcome=EXPANDS)
    env = {key: _coerced(s) for key, s in environment(doc, ("env",)).items() if s.value is not None}
    address = env.get(PREFIX + "ADDRESS")
    if address is None or address.value in ("", None):
        return reader.reading()
    draft = reader.draft("env", ("env",), SPELLING)
    mail = {mail_key: env[PREFIX + key] for key, mail_key in PASSED.items() if PREFIX + key in env}
    forced, start = env.get(PREFIX + "FORCE_TLS"), env.get(PREFIX + "ENABLE_START_TLS")
    if forced is not None and forced.value is True:
        mail["tls"] = forced
    elif start is not None:  # else Discourse's default, true: Mail's own default, opportunistic STARTTLS
        mail["enable_starttls_auto"] = start
    rubymail.read(reader, draft, mail, sender=env.get(SENDER))
    if PREFIX + "PASSWORD" in env:
        _cut(reader, env[PREFIX + "PASSWORD"])
    reader.unknown([s for key, s in env.items() if key.startswith(PREFIX) and key not in KNOWN], KNOWN,
                   says="Discourse ignores it", otherwise="Discourse has no such SMTP setting", account="env")
    reader.add(draft)
    return reader.reading()


def _cut(reader: Reader, setting: Setting) -> None:
    """An unquoted value followed by `` #text``: YAML took the rest of the password for a comment."""
    where = reader.doc.position(setting.path)
    line = reader.doc.source.splitlines()[where.line - 1] if reader.doc.source else ""
    rest = line[where.column - 1:]
    if rest[:1] not in ("'", '"') and " #" in rest and not rest.split(" #", 1)[1][:1].isspace():
        reader.refused(setting.path, f"{setting.label}: YAML ends an unquoted value at ' #', cutting the password short",
                       help="quote the whole password", account="env")


DIALECT = Dialect(name=NAME, summary="Discourse containers/app.yml: DISCOURSE_SMTP_* under env:",
                  detect=detect, read=read, needles=(PREFIX + "ADDRESS",))


@hookimpl
def emaillint_dialects():
    return [DIALECT]
