"""Installed as ``emaillint.data`` (see pyproject.toml): data files that ship under their own
licences. ``ispdb-smtp.tsv`` is derived from Thunderbird's ISPDB and is MPL-2.0 (its header
says so and names the commit); ``tools/ispdb_index.py`` regenerates it."""
