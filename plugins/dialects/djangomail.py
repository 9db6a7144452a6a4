"""Django's SMTP ``EmailBackend``: how ``use_tls`` and ``use_ssl`` decide the connection, for
every program that hands Django its email settings (``EMAIL_*`` environments, authentik's
``AUTHENTIK_EMAIL__*``).

Source: ``django/core/mail/backends/smtp.py`` (``SOURCE``). ``use_ssl`` is implicit TLS
(``smtplib.SMTP_SSL``); ``use_tls`` calls ``starttls()``, which raises when the server does
not offer it, so STARTTLS is required; neither is plain text. Both refuse to send
("EMAIL_USE_TLS/EMAIL_USE_SSL are mutually exclusive"). The backend signs in only when
both a username and a password are set.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from emaillint.api import NO_TLS, STARTTLS, TLS, Draft, Setting

SOURCE = "https://github.com/django/django/blob/main/django/core/mail/backends/smtp.py"

if TYPE_CHECKING:
    from typing import Optional, Tuple

    Flag = Optional[Tuple[bool, Setting]]
    """A boolean setting as the program parsed it, and where it is written (None: not set)."""


def decide(draft: Draft, use_tls: Flag, use_ssl: Flag, *, true: str = "True", default: bool = False,
           form: str = "{key}={value}") -> None:
    """Security from the two flags (``true``: how the program's settings spell it, ``form``:
    how a setting is written); ``default`` records plain text as the program's default when
    neither flag is set (authentik's ``use_tls: false``) rather than leaving the mode to the
    application's own settings."""
    tls, ssl = (flag is not None and flag[0] for flag in (use_tls, use_ssl))
    if use_tls is None and use_ssl is None:
        if default:
            draft.default("security", NO_TLS)
        return
    if tls and ssl:
        both = tuple(form.format(key=flag[1].label, value=true) for flag in (use_tls, use_ssl))
        draft.conflict(both, "Django refuses to send",
                       f"keep {both[0]} for port 587 or {both[1]} for port 465, not both"
                       " (Django: 'EMAIL_USE_TLS/EMAIL_USE_SSL are mutually exclusive')", fails=True)
    mode = TLS if ssl else STARTTLS if tls else NO_TLS
    decided_by = use_ssl if ssl else use_tls if tls else (use_tls or use_ssl)
    draft.set("security", mode, decided_by[1].path)
