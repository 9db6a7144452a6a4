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
from emaillint.credentials import sign_in_of
from emaillint.embedded import decoded as decoded_manifest_file
from emaillint.embedded import documents as embedded_documents
from emaillint.embedded import lines as block_lines
from emaillint.embedded import manifest_files
from emaillint.hookspecs import hookimpl
from emaillint.interpolation import FALLBACK, PLAIN, UNEXPANDED, Interpolation, Value
from emaillint.interpolation import compose as interpolate_compose
from emaillint.interpolation import erb as interpolate_erb
from emaillint.interpolation import grafana as interpolate_grafana
from emaillint.interpolation import own as interpolate_own
from emaillint.interpolation import ruby as interpolate_ruby
from emaillint.interpolation import spring as interpolate_spring
from emaillint.interpolation import verbatim as interpolate_nothing
from emaillint.kit import (
    Draft,
    HostPort,
    Key,
    Keys,
    KitError,
    Reader,
    Setting,
    Url,
    boolean,
    environment,
    flatten,
    host_port,
    mapping,
    port,
    secret_ref,
    spelling,
    url,
    written,
)
from emaillint.fixing import apply_fixes, setting_fix
from emaillint.load import Document
from emaillint.ruby import EXPRESSION as RUBY_EXPRESSION
from emaillint.ruby import assignments as ruby_assignments
from emaillint.ruby import literal as ruby_literal
from emaillint.ruby import truthy as ruby_truthy
from emaillint.load import load as load_yaml
from emaillint.suggest import closest
from emaillint.model import (
    ERROR,
    INFO,
    INTERPOLATION_DEFAULT,
    WARNING,
    Account,
    Conflict,
    Context,
    DISPLAY_ONLY,
    SAFE,
    UNSAFE,
    Applicability,
    Dialect,
    Edit,
    Finding,
    Fix,
    Position,
    Problem,
    Reading,
    ReadOptions,
    Rule,
    Secret,
    Spelling,
    Unexpanded,
)
from emaillint.provider import (
    API_ENDPOINT,
    INBOUND_ENDPOINT,
    REJECTS_SENDER,
    REWRITES_SENDER,
    VERIFIES_SENDER,
    NOT_ACCEPTED,
    OFF_BY_DEFAULT,
    AuthMethod,
    Endpoint,
    FoundSecret,
    Host,
    Listing,
    OtherHost,
    Plan,
    Provider,
    SecretShape,
    SenderRule,
    Username,
    endpoints,
    graded,
    reading_hosts,
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
from emaillint.vocabulary import PLAINTEXT_PASSWORD, SCHEMA, UNKNOWN_KEY

NONE = NO_TLS
"""The name data sheets have used for ``NO_TLS`` since API version 1."""
from emaillint.rules.shared_quota import Record

API_VERSION = 2


__all__ = [
    "API_VERSION", "hookimpl",
    # providers: the data sheet
    "Provider", "Host", "Endpoint", "OtherHost", "AuthMethod", "Plan", "Username", "SecretShape",
    "SenderRule", "Listing", "REWRITES_SENDER", "REJECTS_SENDER", "VERIFIES_SENDER", "API_ENDPOINT",
    "INBOUND_ENDPOINT", "OFF_BY_DEFAULT", "NOT_ACCEPTED",
    "Confidence", "HIGH", "MEDIUM", "LOW", "graded", "endpoints", "reading_hosts",
    # the shared vocabulary
    "Security", "TLS", "STARTTLS", "STARTTLS_OPTIONAL", "NO_TLS", "NONE",
    "SignIn", "PASSWORD", "APP_PASSWORD", "OAUTH2", "API_KEY", "NO_SIGN_IN", "UNKNOWN_SIGN_IN",
    "SecretKind", "REFERENCE", "STORE", "TEMPLATE", "LOOKALIKE", "LITERAL", "PLACEHOLDER", "EMPTY",
    "Field", "SCHEMA", "UNKNOWN_KEY", "PLAINTEXT_PASSWORD",
    # rules
    "Rule", "Problem", "Finding", "Account", "Context", "Secret", "FoundSecret", "Position", "Record",
    "ERROR", "WARNING", "INFO", "address_of", "domain_of",
    # fixes
    "Fix", "Edit", "Applicability", "SAFE", "UNSAFE", "DISPLAY_ONLY", "setting_fix", "apply_fixes",
    # dialects: the kit
    "Dialect", "Document", "Reading", "ReadOptions", "Reader", "Draft", "Setting", "Key", "Keys",
    "Spelling", "spelling", "KitError", "mapping", "flatten", "environment", "boolean", "port",
    "host_port", "HostPort", "url", "Url", "secret_ref", "closest", "written",
    "Value", "Interpolation", "PLAIN", "FALLBACK", "UNEXPANDED", "interpolate_own",
    "interpolate_compose", "interpolate_spring", "interpolate_grafana", "interpolate_erb",
    "interpolate_nothing", "interpolate_ruby", "ruby_literal", "ruby_truthy", "ruby_assignments",
    "RUBY_EXPRESSION", "classify_secret", "reference_name", "sign_in_of", "load_yaml",
    "embedded_documents", "block_lines", "manifest_files", "decoded_manifest_file", "Conflict", "Unexpanded",
    "INTERPOLATION_DEFAULT",
]
