"""A plugin whose import fails, as one does when a dependency is missing."""

import emaillint_missing_dependency  # noqa: F401
