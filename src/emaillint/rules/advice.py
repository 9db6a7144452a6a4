"""Advice in the account's own format, shared by the provider rules.

A Spring Boot user writes ``spring.mail.host: smtp.gmail.com``, an Alertmanager user
``smarthost: 'smtp.gmail.com:587'`` (``Account.setting``). Where a format has no setting
for what needs to change (no ``plan:`` outside emaillint's format, no ``auth:`` in most
dialects), the advice says what to do in words instead of naming a key that does not exist.
"""

from __future__ import annotations

from typing import Any, Iterable

from emaillint.model import SECURITY_WORDS, Account
from emaillint.provider import Host
from emaillint.vocabulary import STARTTLS, STARTTLS_OPTIONAL


MESSAGE_WIDTH = 100
"""The longest message a terminal line shows whole: what is wrong fits on one line, and
what to write goes on the help's."""


def fitting(*messages: str) -> str:
    """The first of ``messages`` (fullest first) that fits in ``MESSAGE_WIDTH``, else the last:
    a setting spelled over several keys, a long host, leave the room the fuller one needs."""
    return next((message for message in messages if len(message) <= MESSAGE_WIDTH), messages[-1])


def write(account: Account, field: str, value: Any, otherwise: str) -> str:
    """``write <the setting>``, or ``otherwise`` where the account's format has none."""
    spelled = account.spelled(field, value)
    return f"write {spelled}" if spelled else otherwise


def upgrade(account: Account) -> str:
    """How the account's format starts in plain text and upgrades: STARTTLS required where
    it can say so, else STARTTLS if offered (nodemailer's ``SMTP_SECURE=false``), else words."""
    return (account.spelled("security", STARTTLS) or account.spelled("security", STARTTLS_OPTIONAL)
            or SECURITY_WORDS[STARTTLS])


def write_host(account: Account, host: str) -> str:
    return write(account, "host", host, f"use {host} as the SMTP host")


def alternatives(account: Account, settings: Iterable[tuple[str, Any]]) -> str:
    """``auth: app-password, or auth: oauth2``: those of ``settings`` the format has ("" if none)."""
    spelled = [account.spelled(field, value) for field, value in settings]
    return ", or ".join(text for text in spelled if text)


def endpoints(account: Account, host: Host) -> str:
    """``port: 587 with security: starttls, or port: 465 with security: tls``, recommended first."""
    ordered = sorted(host.endpoints, key=lambda e: (not e.recommended, e.port))
    return ", or ".join(f"{account.spelled('port', e.port) or f'port {e.port}'} with"
                        f" {account.spelled('security', e.security) or SECURITY_WORDS.get(e.security, e.security)}"
                        for e in ordered)
