"""emaillint: a linter for YAML email (SMTP) configs.

This module stays import-free on purpose: ``emaillint --version`` reads ``__version__``
and nothing else, so start-up costs nothing it does not need.
"""

__version__ = "0.2.0"
