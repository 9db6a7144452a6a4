"""The config formats emaillint reads besides its own, one module per program.

Each module is a plugin registered under the ``emaillint`` entry-point group, exactly as a
third-party dialect would be, and imports only ``emaillint.api``. A dialect recognises its
documents by content, maps each mail setting onto the engine's ``Account`` with the
program's own defaults, and keeps the position of every key it read, so the core and
provider rules report on the user's own lines. What the formats share (interpolation,
``host:port``, booleans written as text, telling an app password from an account
password) lives in ``values`` and ``interpolation``; ``draft`` builds the account.
"""
