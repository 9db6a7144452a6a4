"""Fixtures for every test module."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def outside_github_actions(monkeypatch):
    """``--format auto`` means workflow annotations inside GitHub Actions; tests read text.

    Tests that are about GitHub Actions set the variables themselves.
    """
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.delenv("GITHUB_WORKFLOW", raising=False)
