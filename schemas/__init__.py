"""Installed as ``emaillint.schemas`` (see pyproject.toml) so the schema ships in the
wheel and is found the same way from an editable checkout."""
