"""emaillint's built-in plugins. Each registers through the ``emaillint`` entry-point
group in pyproject.toml, exactly as a third-party plugin does, and uses only
``emaillint.api``."""
