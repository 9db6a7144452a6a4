"""The one "did you mean": every typo emaillint answers is answered the same way.

Keys, rule ids, provider and plan names, hook names, dialect settings and hosts all go
through ``closest``, so a suggestion never depends on which part of emaillint noticed
the typo. A candidate must be similar (difflib's ratio of at least 0.6, its default)
and start with the same letter: typos rarely change the first one, and without that
``nickname`` would suggest ``jndiname``. A match that differs only in case
always wins (``mail.smtp.starttls.Enable``).
"""

from __future__ import annotations

from typing import Iterable

CUTOFF = 0.6


def closest(word: str, candidates: Iterable[str]) -> str | None:
    text = str(word)
    pool = [str(c) for c in candidates]
    folded = {c.lower(): c for c in pool}
    if text.lower() in folded and folded[text.lower()] != text:
        return folded[text.lower()]
    first = text[:1].lower()
    pool = [c for c in pool if c[:1].lower() == first and c != text]
    if not pool:
        return None
    import difflib  # only on a typo: off the start-up path

    close = difflib.get_close_matches(text, pool, n=1, cutoff=CUTOFF)
    return close[0] if close else None
