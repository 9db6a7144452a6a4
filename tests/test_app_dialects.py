"""Authelia, Synapse and Sentry beyond the rule cases (tests/cases/authelia.yaml, synapse.yaml,
sentry.yaml): the accounts as rules see them, and files of these programs without mail settings."""

from __future__ import annotations

import pytest

from emaillint.load import _UNREAD, load
from emaillint.plugins import load_registry
from emaillint.testing import lint, read_accounts

from helpers import AS_OF

def test_the_scheme_not_the_port_decides_authelias_security():
    text = "notifier:\n  smtp:\n    address: {}\n    sender: a@example.com\n"
    seen = {}
    for address in ("smtp://mx.example.com:465", "submission://mx.example.com", "submissions://mx.example.com:587",
                    "mx.example.com", "'[2001:db8::1]:2525'"):
        (account,) = read_accounts(text.format(address), path="configuration.yml")
        seen[address] = (account.host, account.port, account.security, "port" in account.defaults)
    assert seen == {"smtp://mx.example.com:465": ("mx.example.com", 465, "starttls", False),
                    "submission://mx.example.com": ("mx.example.com", 587, "starttls", True),
                    "submissions://mx.example.com:587": ("mx.example.com", 587, "tls", False),
                    "mx.example.com": ("mx.example.com", 25, "starttls", True),
                    "'[2001:db8::1]:2525'": ("2001:db8::1", 2525, "starttls", False)}


def test_synapse_defaults_and_sign_in_follow_read_config():
    (account,) = read_accounts("email:\n  notif_from: m@example.com\n  force_tls: true\n", path="homeserver.yaml")
    assert (account.host, account.port, account.security, account.auth) == ("localhost", 465, "tls", "none")
    assert {"host", "port"} <= account.defaults


def test_sentry_accounts_sign_in_only_with_a_username():
    (account,) = read_accounts("mail.host: relay\nmail.password: x-y-z-w\nmail.use-ssl: true\nmail.port: 465\n",
                               path="sentry/config.yml")
    assert (account.host, account.port, account.security, account.auth) == ("relay", 465, "tls", "none")
    assert account.where("security") == (3, 15)


@pytest.mark.parametrize("name, text", [
    ("configuration.yml", "access_control:\n  default_policy: deny\nnotifier:\n  filesystem:\n    filename: /n.txt\n"),
    ("homeserver.yaml", "server_name: matrix.example.com\nlisteners:\n  - port: 8008\n    type: http\n"),
    ("config.yml", "system.secret-key: x\nfilestore.backend: filesystem\nsymbolicator.enabled: true\n"),
    ("values.yaml", "notifier:\n  slack:\n    url: https://hooks.example.com\nemail:\n  enabled: true\n"),
    ("app.yaml", "mail.host: smtp.example.com\nmail.port: 25\n"),
], ids=["authelia-filesystem", "synapse-without-email", "sentry-without-mail", "other-notifier", "bare-mail-keys"])
def test_these_programs_files_without_mail_settings_are_claimed_by_no_dialect_and_never_converted(name, text):
    registry = load_registry()
    for doc in load(text, name).documents:
        assert [d.name for d in registry.dialects if d.detect(doc)] == []
        assert doc._data is _UNREAD
    assert lint(text, path=name, as_of=AS_OF) == []


def test_a_dummy_sentry_backend_is_claimed_but_sends_nothing():
    text = "mail.backend: dummy\nmail.host: smtp.gmail.com\nmail.port: 25\nmail.password: hunter2\n"
    assert read_accounts(text, path="sentry/config.yml") == []
