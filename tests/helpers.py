"""Constants the test modules share (a module of its own: conftest files cannot import each other)."""

from __future__ import annotations

import os
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("EMAILLINT_SHARED", REPO.parent / "shared"))
"""The shared reference folder (SPEC, corpora, SARIF schema); CI puts it beside the clone."""
AS_OF = "2026-11-27"
"""Pinned date for tests whose outcome depends on retirement dates."""
