"""The config formats emaillint reads besides its own, one module per program.

Each module is a plugin registered under the ``emaillint`` entry-point group, exactly as a
third-party dialect would be, and imports only ``emaillint.api``: the dialect kit there
(``Reader``, ``Key``, ``spelling``, the interpolations) does the walking, decoding,
secret handling and unknown-key reports, so a module says which keys its program reads,
what they mean, its defaults, and codes only the program's own decisions.
"""
