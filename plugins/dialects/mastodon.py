"""The Mastodon Helm chart's values: ``mastodon.smtp`` (and ``mastodon.smtp.bulk`` when enabled).

The chart (``templates/configmap-env.yaml``) passes each set key as an environment
variable (``server`` as ``SMTP_SERVER``, ``enable_starttls`` as ``SMTP_ENABLE_STARTTLS``,
quoted; a false or empty value is not passed at all), and ``login``/``password`` through a
Secret it makes from them unless ``existingSecret`` names one. Mastodon turns them into
``smtp_settings`` (``config/environments/production.rb``, ``config/email.yml``):
``enable_starttls: always`` is mandatory STARTTLS, ``never`` none, ``auto`` opportunistic;
any other word, or none, leaves it to ``enable_starttls_auto``, opportunistic unless it is
the text ``false``; ``tls`` is on only when it is ``true``; ``auth_method: none`` signs in
with nothing; a ``delivery_method`` other than ``smtp`` sends no SMTP. The chart's defaults: ``server: smtp.mailgun.org``, ``port: 587``,
``enable_starttls: auto``, ``openssl_verify_mode: peer``. Mail's semantics are ``rubymail``'s.
Sources: https://github.com/mastodon/chart (``values.yaml``, ``templates/``) and
https://github.com/mastodon/mastodon (the two files above).
"""

from __future__ import annotations

from typing import Any

from emaillint.api import (NO_SIGN_IN, NO_TLS, STARTTLS, STARTTLS_OPTIONAL, TLS, WARNING, Dialect, Reader, Reading,
                           Setting, hookimpl, interpolate_nothing, mapping, spelling, written)

from emaillint_plugins.dialects import rubymail

NAME = "mastodon"
BLOCKS = (("mastodon", "smtp"), ("mastodon", "smtp", "bulk"))
PASSED = {"server": "address", "port": "port", "login": "user_name", "password": "password", "domain": "domain",
          "openssl_verify_mode": "openssl_verify_mode"}
WORDS = {"always": ("enable_starttls", True), "never": ("enable_starttls", False), "auto": ("enable_starttls_auto", True)}
KNOWN = tuple(PASSED) + ("enable_starttls", "enable_starttls_auto", "tls", "existingSecret", "auth_method", "ca_file",
                         "delivery_method", "from_address", "reply_to", "return_path", "bulk", "enabled")
DEFAULTS = {"address": "smtp.mailgun.org", "port": 587}
DEFAULT_STARTTLS = "enable_starttls: auto (the chart's default)"
WORDS_SET = ("enable_starttls", "enable_starttls_auto")
FIX = ("set enable_starttls: never for implicit TLS on port 465 (tls: true), or tls: false for STARTTLS on port 587")
SPELLING = spelling("Mastodon", fields={"password": "existingSecret: <a Secret with the login and password keys>"},
                    security={TLS: "tls: true with enable_starttls: never", STARTTLS: "enable_starttls: always",
                              STARTTLS_OPTIONAL: "enable_starttls: auto", NO_TLS: "enable_starttls: never"})


def detect(doc: Any) -> bool:
    if "smtp" not in doc.keys(("mastodon",)):
        return False
    app = doc.data.get("mastodon") if isinstance(doc.data, dict) else None
    smtp = app.get("smtp") if isinstance(app, dict) else None
    return isinstance(smtp, dict) and any(smtp.get(key) not in (None, "") for key in ("server", "login", "password",
                                                                                         "existingSecret"))


def read(doc: Any, options: Any) -> Reading:
    reader = Reader(doc, options, NAME, interpolate_nothing)
    for path in BLOCKS:
        smtp = mapping(doc, path)
        if not smtp or (path[-1] == "bulk" and not (smtp.get("enabled") and smtp["enabled"].value is True)):
            continue
        if not rubymail.sends(reader, smtp.get("delivery_method")):
            continue  # delivery_method: sendmail, file, test...
        name = ".".join(path)
        draft = reader.draft(name, path, SPELLING)
        mail = {mail_key: smtp[key] for key, mail_key in PASSED.items() if key in smtp}
        mail.update(_starttls(reader, smtp, name))
        tls = smtp.get("tls")
        if tls is not None:
            mail["tls"] = tls._replace(value=written(tls.value) == "true")
        chosen = smtp.get("enable_starttls")
        shown = {key: f"enable_starttls: {written(chosen.value)}" if chosen else DEFAULT_STARTTLS for key in WORDS_SET}
        method, secret = smtp.get("auth_method"), smtp.get("existingSecret")
        if secret is not None and secret.value not in (None, ""):
            draft.stored("existingSecret", secret.path)  # a literal password below is still read, and reported
            draft.elsewhere("username", secret.path)
        rubymail.read(reader, draft, mail, sender=smtp.get("from_address"), defaults=DEFAULTS, shown=shown, fix=FIX)
        if method is not None and method.value == "none":
            draft.set("auth", NO_SIGN_IN, method.path)
        reader.unknown([s for key, s in smtp.items() if key not in KNOWN], KNOWN, says="the chart ignores it",
                       otherwise="the chart's smtp block has no such key", account=name)
        reader.add(draft)
    return reader.reading()


def _starttls(reader: Reader, smtp: dict[str, Setting], name: str) -> dict[str, Setting]:
    """The Mail flag Mastodon sets from ``enable_starttls`` (the chart's default ``auto``,
    positioned at the account)."""
    chosen, auto = smtp.get("enable_starttls"), smtp.get("enable_starttls_auto")
    word = written(chosen.value) if chosen is not None and chosen.value not in (None, False, "") else ""
    if word in WORDS:
        key, value = WORDS[word]
        return {key: chosen._replace(value=value)}
    if word:
        reader.refused(chosen.path, f"enable_starttls: '{word}' is no mode Mastodon knows, so enable_starttls_auto"
                                    " decides STARTTLS", help="write enable_starttls: always, auto or never",
                       account=name, severity=WARNING)
    if chosen is None or chosen.value is None:  # the chart's default, auto
        return {"enable_starttls_auto": Setting(True, None, "enable_starttls")}
    return {"enable_starttls_auto": auto._replace(value=auto.value != "false")} if auto is not None else {}


DIALECT = Dialect(name=NAME, summary="Mastodon Helm chart values: mastodon.smtp (and smtp.bulk)",
                  detect=detect, read=read, needles=("smtp",))


@hookimpl
def emaillint_dialects():
    return [DIALECT]
