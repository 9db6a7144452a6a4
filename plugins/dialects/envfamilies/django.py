"""Django's ``EMAIL_*`` settings read from the environment (Taiga, Paperless, Healthchecks, ...).

Source: https://docs.djangoproject.com/en/stable/ref/settings/#email-use-tls and
``djangomail.SOURCE``. Without ``EMAIL_USE_TLS``/``EMAIL_USE_SSL`` the application's
``settings.py`` decides, so nothing is checked.
"""

from __future__ import annotations

from emaillint.api import NO_TLS, STARTTLS, TLS, Draft, Reader

from emaillint_plugins.dialects import djangomail
from emaillint_plugins.dialects.envfamilies.sheet import Environment, Family, flag


def _security(reader: Reader, draft: Draft, env: Environment) -> None:
    djangomail.decide(draft, flag(env, "EMAIL_USE_TLS", reader.flag), flag(env, "EMAIL_USE_SSL", reader.flag))


FAMILY = Family("django", {"EMAIL_HOST": "host", "EMAIL_PORT": "port", "EMAIL_HOST_USER": "username",
                           "EMAIL_HOST_PASSWORD": "password", "DEFAULT_FROM_EMAIL": "sender", "SERVER_EMAIL": "sender"},
                _security, {TLS: "EMAIL_USE_SSL=True", STARTTLS: "EMAIL_USE_TLS=True", NO_TLS: "EMAIL_USE_TLS=False"})
