"""Matrix Synapse's ``email:`` section of ``homeserver.yaml``.

Read in element-hq/synapse: ``synapse/config/emailconfig.py`` (``CONFIG``, ``read_config``)
takes each key with ``dict.get`` and Python's truth, so a quoted ``"false"`` is true: host
``localhost``, port 25 (465 with ``force_tls``), ``require_transport_security`` false,
``enable_tls`` true; ``force_tls`` or ``require_transport_security`` with ``enable_tls``
false is a ConfigError at start-up, and so is any ``email:`` section without
``notif_from``. ``synapse/handlers/send_email.py`` (``SENDER``, ``_sendmail``) hands them
to Twisted's ``ESMTPSenderFactory``: ``force_tls`` wraps the connection in TLS from the
first byte; otherwise STARTTLS is attempted when the server offers it and, only with
``require_transport_security``, required; ``enable_tls: false`` never upgrades. It signs in
whenever ``smtp_user`` is set (``require_auth``), and checks the certificate against
``smtp_host`` (``optionsForClientTLS``), with no setting to turn that off. Synapse expands
no variables in the file. ``force_tls`` came with matrix-org/synapse#13317 (2022, first named
``implicit_tls``); older releases ignore it (which release shipped it: unverified).
"""

from __future__ import annotations

from typing import Any

from emaillint.api import (NO_SIGN_IN, NO_TLS, STARTTLS, STARTTLS_OPTIONAL, TLS, WARNING, Dialect, Reader, Reading,
                           Setting, hookimpl, interpolate_nothing, mapping, spelling)

REPO = "https://github.com/element-hq/synapse/blob/"
CONFIG = REPO + "0455c40085db7356f73b12e2592e35f02321c6ef/synapse/config/emailconfig.py"
SENDER = REPO + "23740eaa3da94fbe2e25180376961979fc4e8cd3/synapse/handlers/send_email.py"

NAME = "synapse"
ACCOUNT = "email"
KEYS = {"smtp_host": "host", "smtp_port": "port", "smtp_user": "username", "smtp_pass": "password",
        "notif_from": "sender", "force_tls": None, "require_transport_security": None, "enable_tls": None}
DEFAULTS = {"smtp_host": "localhost", "smtp_port": 25, "force_tls": False, "require_transport_security": False,
            "enable_tls": True}
MARKERS = ("smtp_host", "smtp_port", "smtp_user", "smtp_pass", "notif_from", "force_tls", "require_transport_security")
SECTIONS = frozenset(("server_name", "listeners", "database", "signing_key_path", "report_stats", "media_store_path",
                      "pid_file", "registration_shared_secret", "macaroon_secret_key", "trusted_key_servers"))
EXPANDS = "Synapse expands no environment variables in homeserver.yaml"
NOT_EXPANDED = ("write the value, or render the file (envsubst, the Docker image's generate step) before Synapse"
                " reads it")
SPELLING = spelling("Synapse", KEYS, security={
    TLS: "force_tls: true", STARTTLS: "require_transport_security: true",
    STARTTLS_OPTIONAL: "require_transport_security: false", NO_TLS: "enable_tls: false"}, fields={
    "password": "the real smtp_pass only into the rendered file (envsubst or your deployment's templating fills it"
                " from a secret kept out of the repository)"})


def detect(doc: Any) -> bool:
    email = doc.keys(("email",))
    return bool(email) and ("notif_from" in email or (bool(SECTIONS & doc.keys()) and any(k in email for k in MARKERS)))


def read(doc: Any, options: Any) -> Reading:
    reader = Reader(doc, options, NAME, interpolate_nothing, NOT_EXPANDED, outcome=EXPANDS)
    email = mapping(doc, ("email",))
    draft = reader.draft(ACCOUNT, ("email",), SPELLING)
    reader.fields(draft, email, KEYS)
    force, require, enable = (_truth(reader, draft.name, email, key) for key in ("force_tls",
                                                                              "require_transport_security",
                                                                              "enable_tls"))
    if not draft.has("host"):
        draft.default("host", DEFAULTS["smtp_host"])
    if not draft.has("port"):
        draft.default("port", 465 if force[0] else DEFAULTS["smtp_port"])
    for flag in (force, require):
        if flag[0] and not enable[0]:
            reader.refused(enable[1].path, f"{flag[1].label}: true with enable_tls: false stops Synapse at start-up",
                           help=f"remove enable_tls: false (Synapse says 'email.{flag[1].label} requires"
                                " email.enable_tls to be true')", account=ACCOUNT)
    mode, decided = ((TLS, force) if force[0] else (NO_TLS, enable) if not enable[0] else
                     (STARTTLS, require) if require[0] else (STARTTLS_OPTIONAL, require))
    if decided[1] is None:
        draft.default("security", mode)
    else:
        draft.set("security", mode, decided[1].path)
    if email.get("smtp_user") is None or email["smtp_user"].value is None:
        draft.set("auth", NO_SIGN_IN)  # require_auth is smtp_user is not None
    sender = email.get("notif_from")
    if sender is None or sender.value in (None, ""):
        reader.refused(("email",), "the email section has no notif_from, so Synapse refuses to start",
                       help="write notif_from: \"Your Friendly %(app)s homeserver <noreply@example.com>\" (Synapse says"
                            " 'required keys are missing: email.notif_from')",
                       key=True, account=ACCOUNT)
    reader.add(draft)
    return reader.reading()


def _truth(reader: Reader, account: str, email: dict[str, Setting], key: str) -> tuple[bool, Setting | None]:
    """A flag as Synapse reads it (Python's truth: any non-empty text is true), and where it is written."""
    setting = email.get(key)
    if setting is None or setting.value is None:
        return DEFAULTS[key], None
    value = setting.value
    if isinstance(value, str) and value.strip().lower() in ("false", "no", "off", "0"):
        reader.refused(setting.path, f"{key}: '{value}' is text, which Synapse takes for true",
                       help=f"write {key}: false without quotes", account=account, severity=WARNING)
    return bool(value), setting


DIALECT = Dialect(name=NAME, summary="Matrix Synapse homeserver.yaml: the email: section (smtp_host, force_tls,"
                                     " require_transport_security, enable_tls, notif_from)",
                  detect=detect, read=read, needles=("email",))


@hookimpl
def emaillint_dialects():
    return [DIALECT]
