"""Reading the scalar forms the formats share: booleans written as text, ports, ``host:port``,
and what a literal password reveals about how the account signs in."""

from __future__ import annotations

import re
from typing import Any, Iterable, NamedTuple

from emaillint.api import APP_PASSWORD, PASSWORD, Secret

UNKNOWN_AUTH = "unknown"
"""``Account.auth`` when the format cannot say how the account signs in."""

_TRUE = frozenset(("true", "yes", "on", "1", "y"))
_FALSE = frozenset(("false", "no", "off", "0", "n"))
_APP_PASSWORD = re.compile(r"[a-z]{4}(?: ?[a-z]{4}){3}")
"""Google's and Yahoo's app passwords: 16 lower-case letters, shown in groups of four."""
_PLACEHOLDER = re.compile(
    r"^<.*>$|^\[.*\]$|your|pass(?:word|wd)|change.?me|x{4}|\*{3}|example|^todo|^secret$|^\.\.\.$",
    re.IGNORECASE,
)


def boolean(value: Any) -> bool | None:
    """A YAML boolean, or the text forms programs accept (``"true"``, ``"1"``); None otherwise."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return {1: True, 0: False}.get(value)
    if isinstance(value, str):
        text = value.strip().lower()
        return True if text in _TRUE else False if text in _FALSE else None
    return None


def port(value: Any) -> int | None:
    """A TCP port from an integer or its digits; None for anything else."""
    if isinstance(value, bool):
        return None
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    return value if isinstance(value, int) and 0 < value < 65536 else None


class HostPort(NamedTuple):
    host: str
    port: int | None
    problem: str = ""
    """Why the port part is missing or unusable ("" when it is fine)."""


def host_port(text: str) -> HostPort:
    """``smtp.example.com:587``, ``[2001:db8::1]:25``; the port part is mandatory."""
    text = text.strip()
    if text.startswith("["):
        host, _, rest = text[1:].partition("]")
        if not rest.startswith(":"):
            return HostPort(host, None, "has no port")
        number = rest[1:]
    else:
        host, colon, number = text.rpartition(":")
        if not colon:
            return HostPort(text, None, "has no port")
    parsed = port(number)
    if parsed is None:
        return HostPort(host, None, f"has no valid port ('{number}')" if number else "has an empty port")
    return HostPort(host, parsed)


def auth_of(secret: Secret | None, text: str = "") -> str | None:
    """How the account signs in, as far as the password itself tells.

    Formats have no key for it, and an app password and an account password are both
    "the password". A literal in the shape of Google's and Yahoo's app passwords is one; a
    placeholder (``your-app-password``) tells nothing; any other literal is taken for an
    account password. A reference tells nothing either.
    """
    if secret is None:
        return None
    if secret.kind != "literal":
        return UNKNOWN_AUTH
    if _APP_PASSWORD.fullmatch(text.strip()):
        return APP_PASSWORD
    if _PLACEHOLDER.search(text):
        return UNKNOWN_AUTH
    return PASSWORD


def closest(key: str, known: Iterable[str]) -> str | None:
    """The known key a typo most likely meant: similar, and starting with the same letter
    (typos rarely change the first one; without it ``nickname`` would suggest ``jndiname``)."""
    candidates = [k for k in known if k[:1].lower() == key[:1].lower()]
    import difflib  # only on a typo: off the start-up path

    close = difflib.get_close_matches(key, candidates, n=1, cutoff=0.75)
    return close[0] if close else None
