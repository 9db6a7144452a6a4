"""The public plugin API: everything a plugin may import from emaillint, in one place.

Every other module is private and may change in any release. ``API_VERSION`` says
which API a plugin runs against: it goes up by one when something here changes in a way
that can break a plugin (a name removed or renamed, a field removed or reordered, a hook
called differently). Additions that cannot break a plugin (a new name, a new field with a
default at the end of a type, a new hook) leave it unchanged. ``docs/plugins.md`` is the
reference for every name below; built-in plugins import nothing else from emaillint,
and a test keeps it that way.
"""

from __future__ import annotations

from emaillint.credentials import classify as classify_secret
from emaillint.credentials import reference_name
from emaillint.hookspecs import hookimpl
from emaillint.load import Document
from emaillint.load import load as load_yaml
from emaillint.model import (
    ERROR,
    INFO,
    INTERPOLATION_DEFAULT,
    WARNING,
    Account,
    Conflict,
    Context,
    Dialect,
    Finding,
    Position,
    Problem,
    Reading,
    ReadOptions,
    Rule,
    Secret,
    Unexpanded,
)
from emaillint.provider import (
    API_ENDPOINT,
    INBOUND_ENDPOINT,
    REJECTS_SENDER,
    REWRITES_SENDER,
    VERIFIES_SENDER,
    AuthMethod,
    Endpoint,
    FoundSecret,
    Host,
    OtherHost,
    Plan,
    Provider,
    SecretShape,
    Username,
    endpoints,
    graded,
)
from emaillint.resolve import address_of, domain_of
from emaillint.vocabulary import (
    API_KEY,
    APP_PASSWORD,
    EMPTY,
    HIGH,
    LITERAL,
    LOW,
    MEDIUM,
    LOOKALIKE,
    NO_SIGN_IN,
    NO_TLS,
    OAUTH2,
    PASSWORD,
    PLACEHOLDER,
    REFERENCE,
    STARTTLS,
    STARTTLS_OPTIONAL,
    STORE,
    TEMPLATE,
    TLS,
    UNKNOWN_SIGN_IN,
    Confidence,
    Field,
    Security,
    SecretKind,
    SignIn,
)

NONE = NO_TLS
"""The name data sheets have used for ``NO_TLS`` since API version 1."""
from emaillint.rules.shared_quota import Record

API_VERSION = 1

__all__ = [
    "API_VERSION", "hookimpl",
    # providers: the data sheet
    "Provider", "Host", "Endpoint", "OtherHost", "AuthMethod", "Plan", "Username", "SecretShape",
    "REWRITES_SENDER", "REJECTS_SENDER", "VERIFIES_SENDER", "API_ENDPOINT", "INBOUND_ENDPOINT",
    "Confidence", "HIGH", "MEDIUM", "LOW", "graded", "endpoints",
    # the shared vocabulary
    "Security", "TLS", "STARTTLS", "STARTTLS_OPTIONAL", "NO_TLS", "NONE",
    "SignIn", "PASSWORD", "APP_PASSWORD", "OAUTH2", "API_KEY", "NO_SIGN_IN", "UNKNOWN_SIGN_IN",
    "SecretKind", "REFERENCE", "STORE", "TEMPLATE", "LOOKALIKE", "LITERAL", "PLACEHOLDER", "EMPTY",
    "Field",
    # rules
    "Rule", "Problem", "Finding", "Account", "Context", "Secret", "FoundSecret", "Position", "Record",
    "ERROR", "WARNING", "INFO", "address_of", "domain_of",
    # dialects
    "Dialect", "Document", "Reading", "ReadOptions", "classify_secret", "reference_name", "load_yaml",
    "Conflict", "Unexpanded", "INTERPOLATION_DEFAULT",
]
