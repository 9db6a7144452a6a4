"""authentik's ``AUTHENTIK_EMAIL__*`` (the global email settings its email stages use).

Sources: ``authentik/lib/default.yml`` (``DEFAULTS``: host localhost, port 25, ``use_tls``
and ``use_ssl`` false) and ``authentik/lib/config.py`` (``CONFIG``): a variable's value is
JSON-decoded when it can be, ``get_bool`` is ``str(value).lower() == "true"`` (so ``1``,
``yes`` and ``on`` are false), and ``env://NAME`` and ``file:///path`` values are read from
the environment or a file at start-up. The email stage hands the settings to Django's
``EmailBackend`` (``djangomail``).
"""

from __future__ import annotations

from emaillint.api import NO_TLS, REFERENCE, STARTTLS, TLS, WARNING, Draft, Reader, Secret, Setting

from emaillint_plugins.dialects import djangomail
from emaillint_plugins.dialects.envfamilies.sheet import Environment, Family, flag

DEFAULTS = "https://github.com/goauthentik/authentik/blob/001bae2d05638af42c33a0c4db228cf5a4b3039d/authentik/lib/default.yml"
CONFIG = "https://github.com/goauthentik/authentik/blob/037bd1f06adbc8fdf44c9053173d0c0ca81c420d/authentik/lib/config.py"
PREFIX = "AUTHENTIK_EMAIL__"
DEFAULT_PORT = 25
TRUE_LOOKING = ("1", "yes", "on", "y")


def _security(reader: Reader, draft: Draft, env: Environment) -> None:
    def parse(setting: Setting) -> bool | None:
        text = reader.text(setting)
        if text is None:
            return None
        if text.strip().lower() in TRUE_LOOKING:
            reader.refused(setting.path, f"{setting.label}={text.strip()} is false to authentik, which takes only"
                                         " 'true' as true", help=f"write {setting.label}=true", account=draft.name,
                           severity=WARNING)
        return text.strip().lower() == "true"

    flags = (PREFIX + "USE_TLS", PREFIX + "USE_SSL")
    djangomail.decide(draft, *(flag(env, name, parse) for name in flags), true="true",
                      default=not any(name in env for name in flags))  # a run-time flag decides nothing now
    if not draft.has("port"):
        draft.default("port", DEFAULT_PORT)
    password = env.get(PREFIX + "PASSWORD")
    text = (reader.text(password) or "").strip() if password is not None else ""
    if text.startswith("env://"):
        draft.secret(Secret(REFERENCE, text[len("env://"):].split("?")[0]), at=password.path)
    elif text.startswith("file://"):
        draft.stored("file", password.path)


FAMILY = Family("authentik", {PREFIX + "HOST": "host", PREFIX + "PORT": "port", PREFIX + "USERNAME": "username",
                              PREFIX + "PASSWORD": "password", PREFIX + "FROM": "sender"},
                _security, {TLS: PREFIX + "USE_SSL=true", STARTTLS: PREFIX + "USE_TLS=true",
                            NO_TLS: PREFIX + "USE_TLS=false"},
                program="authentik (Django)", images=("goauthentik", "authentik-server"), prefix=PREFIX,
                known=(PREFIX + "USE_TLS", PREFIX + "USE_SSL", PREFIX + "TIMEOUT"),
                renames={PREFIX + "USER": PREFIX + "USERNAME", PREFIX + "SENDER": PREFIX + "FROM",
                         PREFIX + "USE_STARTTLS": PREFIX + "USE_TLS", PREFIX + "TLS": PREFIX + "USE_TLS",
                         PREFIX + "SSL": PREFIX + "USE_SSL"})
