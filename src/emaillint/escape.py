"""User text quoted inside a message, kept on one line.

A finding is one line in text output and one message in JSON, SARIF and GitHub
annotations; a key or value that carries a line break (YAML's ``"ho\\nst"``) or another
control character would split it or hide part of it. Such text is shown escaped, the way
``repr`` writes it, without the quotes.
"""

from __future__ import annotations


def printable(text: str) -> str:
    """``text`` as is, or, when it holds a control character, with each one escaped
    (``\\n``, ``\\t``, ``\\x1b``) and backslashes doubled so the escapes stay unambiguous."""
    if text.isprintable():
        return text
    return "".join(char if char.isprintable() and char != "\\" else repr(char)[1:-1] for char in text)
