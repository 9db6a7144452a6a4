"""The generic ``SMTP_*`` variables of nodemailer-based and many other images.

``SMTP_SECURE`` is nodemailer's boolean ``secure`` (https://nodemailer.com/smtp/): true is
implicit TLS, false still upgrades with STARTTLS when the server offers it, and no common
variable requires STARTTLS. The words ``ssl`` and ``tls`` are Nextcloud's image's
(unverified here).
"""

from __future__ import annotations

from emaillint.api import STARTTLS, STARTTLS_OPTIONAL, TLS, Draft, Key, Reader

from emaillint_plugins.dialects.envfamilies.sheet import Environment, Family

SECURE = Key("security", {"true": TLS, "ssl": TLS, "1": TLS, "false": STARTTLS_OPTIONAL, "0": STARTTLS_OPTIONAL,
                          "tls": STARTTLS_OPTIONAL, "starttls": STARTTLS})


def _security(reader: Reader, draft: Draft, env: Environment) -> None:
    secure = env.get("SMTP_SECURE")
    mode = SECURE.values.get((reader.text(secure) or "").strip().lower())
    if mode is not None:
        draft.set("security", mode, secure.path)


FAMILY = Family("generic", {"SMTP_HOST": "host", "SMTP_SERVER": "host", "SMTP_PORT": "port", "SMTP_USER": "username",
                            "SMTP_USERNAME": "username", "SMTP_LOGIN": "username", "SMTP_NAME": "username",
                            "SMTP_PASS": "password", "SMTP_PASSWORD": "password", "SMTP_FROM": "sender",
                            "SMTP_FROM_ADDRESS": "sender", "MAIL_FROM": "sender", "EMAIL_FROM": "sender",
                            "MAIL_FROM_ADDRESS": "sender"},
                _security, {TLS: "SMTP_SECURE=true", STARTTLS_OPTIONAL: "SMTP_SECURE=false"})
