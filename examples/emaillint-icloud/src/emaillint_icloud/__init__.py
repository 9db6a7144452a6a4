"""emaillint plugin for iCloud Mail: a provider data sheet and one rule that needs code.

emaillint finds this module through the ``emaillint`` entry point in pyproject.toml and
calls the functions marked ``@hookimpl``.
"""

from __future__ import annotations

from emaillint.api import hookimpl

from emaillint_icloud import username
from emaillint_icloud.provider import ICLOUD


@hookimpl
def emaillint_providers():
    return [ICLOUD]


@hookimpl
def emaillint_rules():
    return [username.RULE]
