"""The public plugin API: everything a plugin may import from emaillint, in one place.

Other modules are private and may change in any release; names here change only with
``API_VERSION``. A plugin can check ``emaillint.api.API_VERSION`` to know which API it
runs against.
"""

from __future__ import annotations

from emaillint.credentials import classify as classify_secret
from emaillint.hookspecs import hookimpl
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
    APP_PASSWORD,
    NONE,
    OAUTH2,
    PASSWORD,
    REJECTS_SENDER,
    REWRITES_SENDER,
    STARTTLS,
    TLS,
    AuthMethod,
    Endpoint,
    Host,
    OtherHost,
    Plan,
    Provider,
)

API_VERSION = 1

__all__ = [
    "API_VERSION", "hookimpl",
    "ERROR", "WARNING", "INFO", "INTERPOLATION_DEFAULT",
    "Account", "Conflict", "Context", "Dialect", "Finding", "Position", "Problem", "Reading",
    "ReadOptions", "Rule", "Secret", "Unexpanded",
    "classify_secret", "load_yaml",
    "STARTTLS", "TLS", "NONE", "PASSWORD", "APP_PASSWORD", "OAUTH2", "REWRITES_SENDER",
    "REJECTS_SENDER",
    "AuthMethod", "Endpoint", "Host", "OtherHost", "Plan", "Provider",
]
