"""The words the engine, the rules and every plugin share, each written once.

Security modes, sign-in methods, secret kinds, account fields and rule ids are plain
strings on the wire (JSON output, data sheets, plugin code), so they are ``Literal``
types for the type checker and named constants for people: a misspelt constant is a
NameError at import, a misspelt string a rule that silently never fires. The sets at the
end are what the engine checks plugin values against.
"""

from __future__ import annotations

from typing import Literal

# --- severities and exit codes --------------------------------------------------------
ERROR = "error"
WARNING = "warning"
INFO = "info"
SEVERITIES = (ERROR, WARNING, INFO)

EXIT_CLEAN = 0
"""No findings, or only warnings and infos without ``--strict``."""
EXIT_FINDINGS = 1
"""At least one finding fails the run."""
EXIT_ERROR = 2
"""Usage error, bad configuration, or an internal or plugin error."""

# --- security: how the connection is protected --------------------------------------
Security = Literal["tls", "starttls", "starttls-optional", "none"]
TLS: Security = "tls"
"""Implicit TLS ("SSL", SMTPS): TLS from the first byte, usually port 465."""
STARTTLS: Security = "starttls"
"""Plain text first, then STARTTLS, and the client refuses to go on without it."""
STARTTLS_OPTIONAL: Security = "starttls-optional"
"""STARTTLS only if the server offers it: whoever strips the offer reads everything."""
NO_TLS: Security = "none"
SECURITY_MODES: tuple[Security, ...] = (TLS, STARTTLS, STARTTLS_OPTIONAL, NO_TLS)

# --- sign-in: how the account authenticates ------------------------------------------
SignIn = Literal["password", "app-password", "oauth2", "api-key", "none", "unknown"]
PASSWORD: SignIn = "password"
"""The mailbox's own account password."""
APP_PASSWORD: SignIn = "app-password"
"""A password made for one app (Google, Yahoo, iCloud), or an authorization code (QQ, 163)."""
OAUTH2: SignIn = "oauth2"
API_KEY: SignIn = "api-key"
"""A key issued by a sending service (SendGrid, Resend, Postmark) in the password field."""
NO_SIGN_IN: SignIn = "none"
UNKNOWN_SIGN_IN: SignIn = "unknown"
"""The format cannot say how the account signs in, and nothing in the file tells."""
SIGN_IN_METHODS: tuple[SignIn, ...] = (PASSWORD, APP_PASSWORD, OAUTH2, API_KEY, NO_SIGN_IN, UNKNOWN_SIGN_IN)

# --- secret kinds: what a password-like value is, never what it says -----------------
SecretKind = Literal["reference", "store", "template", "lookalike", "literal", "placeholder", "empty"]
REFERENCE: SecretKind = "reference"
"""Expanded by the program at run time (``${NAME}``, ``<%= ENV['NAME'] %>``)."""
STORE: SecretKind = "store"
"""Kept in a secret store or file the program reads (``!secret``, a Kubernetes Secret, ``*_file``)."""
TEMPLATE: SecretKind = "template"
"""Rendered before the program reads the file (``{{ smtp_password }}``)."""
LOOKALIKE: SecretKind = "lookalike"
"""Looks like a reference, but this program uses it as written (``$NAME`` in Spring)."""
LITERAL: SecretKind = "literal"
"""The secret itself is written in the file."""
PLACEHOLDER: SecretKind = "placeholder"
"""Text meant to be replaced (``your-app-password``, ``CHANGE_ME``): no secret, and no sign-in."""
EMPTY: SecretKind = "empty"
SECRET_KINDS: tuple[SecretKind, ...] = (REFERENCE, STORE, TEMPLATE, LOOKALIKE, LITERAL, PLACEHOLDER, EMPTY)

# --- confidence: how sure a data sheet is of a fact (PROVIDERS-2.md's scale) -------
Confidence = Literal["", "H", "M", "L"]
HIGH: Confidence = "H"
"""The provider's own documentation (or the IETF text) was read, directly or word for word."""
MEDIUM: Confidence = "M"
"""A paraphrase or secondary copy of the official text, or several independent reports."""
LOW: Confidence = "L"
"""One third-party report, or an inference."""
UNSTATED: Confidence = ""
"""The sheet does not say; taken as ``HIGH`` (the sheets written before confidence existed)."""
CONFIDENCES: tuple[Confidence, ...] = (UNSTATED, HIGH, MEDIUM, LOW)

# --- account fields: what Problem.where and the spelling may name --------------------
Field = Literal["provider", "plan", "host", "port", "security", "verify_cert", "auth", "username",
                "password", "sender", "to", "cc", "bcc", "messages_per_day", "conflicts"]
FIELDS: tuple[Field, ...] = ("provider", "plan", "host", "port", "security", "verify_cert", "auth",
                             "username", "password", "sender", "to", "cc", "bcc", "messages_per_day",
                             "conflicts")
ADDRESS_FIELDS: tuple[Field, ...] = ("to", "cc", "bcc")
"""Fields that hold addresses: ``cc.1`` names the second CC address."""
LIST_FIELDS: tuple[Field, ...] = ADDRESS_FIELDS + ("conflicts",)
"""Fields whose items have places of their own (``cc.1``, ``conflicts.0``)."""
ACCOUNT = ""
"""``Problem.where`` for the account as a whole (its name's line)."""

# --- rule ids ------------------------------------------------------------------------
YAML_SYNTAX = "yaml-syntax"
DUPLICATE_KEY = "duplicate-key"
YAML_AMBIGUOUS = "yaml-ambiguous"
SCHEMA = "schema"
IO_ERROR = "io-error"
PORT_SECURITY_MISMATCH = "port-security-mismatch"
CLEARTEXT_AUTH = "cleartext-auth"
PLAINTEXT_PASSWORD = "plaintext-password"
ADDRESS_SYNTAX = "address-syntax"
UNKNOWN_PROVIDER = "unknown-provider"
PROVIDER_HOST = "provider-host"
LEGACY_HOST = "legacy-host"
PROVIDER_PORT = "provider-port"
PROVIDER_SECURITY = "provider-security"
PROVIDER_MISMATCH = "provider-mismatch"
LEGACY_AUTH = "legacy-auth"
SENDER_MISMATCH = "sender-mismatch"
DAILY_RECIPIENT_QUOTA = "daily-recipient-quota"
CC_QUOTA = "cc-quota"
MESSAGE_RECIPIENT_LIMIT = "message-recipient-limit"
SHARED_QUOTA = "shared-quota"
PLUGIN_ERROR = "plugin-error"
UNUSED_SUPPRESSION = "unused-suppression"
CERT_VERIFICATION_OFF = "cert-verification-off"
CONTRADICTORY_SECURITY = "contradictory-security"
UNEXPANDED_REFERENCE = "unexpanded-reference"
DEFAULT_PORT = "default-port"
TLS_IP_HOST = "tls-ip-host"
UNKNOWN_KEY = "unknown-key"
OPPORTUNISTIC_TLS = "opportunistic-tls"
EMPTY_PASSWORD = "empty-password"
PROBE_CONNECT = "probe-connect"
PROBE_TLS = "probe-tls"
PROBE_CERTIFICATE = "probe-certificate"
PROBE_AUTH = "probe-auth"
PROBE_RULES = frozenset((PROBE_CONNECT, PROBE_TLS, PROBE_CERTIFICATE, PROBE_AUTH))
"""What ``emaillint probe`` learns from the server; ``check`` never connects, so never reports them."""
PROVIDER_USERNAME = "provider-username"
PROVIDER_PASSWORD = "provider-password"
