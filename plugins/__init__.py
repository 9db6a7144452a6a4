"""emaillint's built-in plugins. Each provider module registers through the ``emaillint``
entry-point group in pyproject.toml, exactly as a third-party plugin does, and uses only
``emaillint.api``; ``microsoft`` is the data sheet that ``hotmail`` and ``outlook`` share."""
