"""Laravel's ``MAIL_*`` (BookStack, Firefly III, Pterodactyl, Monica, Snipe-IT, ...), as
Laravel 9 and later read them: Symfony Mailer decides TLS, not ``MAIL_ENCRYPTION``.

Sources: ``Illuminate/Mail/MailManager::createSmtpTransport`` (``MAIL_MANAGER``): the scheme
is ``MAIL_SCHEME`` (Laravel 11's ``config/mail.php``), else ``smtps`` only for
``encryption: tls`` on port 465, else empty; Symfony's ``EsmtpTransportFactory`` and
``EsmtpTransport`` (``SYMFONY``): ``smtps`` is implicit TLS, any other scheme is implicit
TLS on port 465 and otherwise STARTTLS if the server's EHLO offers it, and nothing in
``MAIL_*`` can require it. So ``MAIL_ENCRYPTION=tls`` enforces nothing, ``null`` does not
turn TLS off and ``ssl`` on 587 still upgrades. ``Illuminate/Support/Env`` (``ENV``) reads
``null`` and ``(null)`` as unset, ``empty`` and ``(empty)`` as ''. ``MAIL_MAILER`` (Laravel
7+) or ``MAIL_DRIVER`` other than ``smtp`` sends without these settings. The port
defaults to the application's ``config/mail.php`` (587 or 2525), so a missing port is
left unknown. Laravel 8 and older (SwiftMailer) read ``MAIL_ENCRYPTION`` and are not
modelled.
"""

from __future__ import annotations

from emaillint.api import STARTTLS_OPTIONAL, TLS, Draft, Reader

from emaillint_plugins.dialects.envfamilies.sheet import Environment, Family

MAIL_MANAGER = ("https://github.com/laravel/framework/blob/2904b54540cb376517f0bb792f1a9110f4140e12"
                "/src/Illuminate/Mail/MailManager.php")
SYMFONY = ("https://github.com/symfony/mailer/blob/eb0c3187c7ddfde12d8aa0e1fa5fb29e730a41e0"
           "/Transport/Smtp/EsmtpTransport.php")
ENV = "https://github.com/laravel/framework/blob/04b73e33d2e903868e4ffda4b4c44e5c13446815/src/Illuminate/Support/Env.php"
IMPLICIT_TLS_PORT = 465


def _security(reader: Reader, draft: Draft, env: Environment) -> None:
    scheme, encryption = env.get("MAIL_SCHEME"), env.get("MAIL_ENCRYPTION")
    port, port_setting = draft.fields.get("port"), env.get("MAIL_PORT")
    if (reader.text(scheme) or "").strip().lower() == "smtps":
        draft.set("security", TLS, scheme.path)
    elif port == IMPLICIT_TLS_PORT:
        draft.set("security", TLS, port_setting.path)
    elif port is None and port_setting is not None:
        return  # a run-time port: 465 or not decides
    else:
        written = reader.text(encryption)
        draft.respell(security={STARTTLS_OPTIONAL: f"MAIL_ENCRYPTION={written}" if written
                                else f"MAIL_PORT={port or 'unset'}"})
        decided_by = encryption if written else port_setting
        if decided_by is not None:
            draft.set("security", STARTTLS_OPTIONAL, decided_by.path)
        else:
            draft.default("security", STARTTLS_OPTIONAL)


FAMILY = Family("laravel", {"MAIL_HOST": "host", "MAIL_PORT": "port", "MAIL_USERNAME": "username",
                            "MAIL_PASSWORD": "password", "MAIL_FROM_ADDRESS": "sender"},
                _security, {TLS: "MAIL_SCHEME=smtps", STARTTLS_OPTIONAL: "MAIL_SCHEME=smtp"},
                program="Laravel (Symfony Mailer)", switch=("MAIL_MAILER", "MAIL_DRIVER"),
                rewrites={"null": None, "(null)": None, "empty": "", "(empty)": ""})
