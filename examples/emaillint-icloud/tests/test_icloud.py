"""The plugin's tests, written with emaillint's test helper: lint a YAML string with this
plugin, compare the findings. ``discover=False`` keeps other installed plugins out, so
the results do not depend on the machine the tests run on."""

from __future__ import annotations

import pytest

from emaillint.testing import check_case, check_plugin, lint

import emaillint_icloud

AS_OF = "2026-11-27"
"""Pinned, so a retirement date passing does not change the results."""


def test_the_plugin_is_well_formed():
    # Clashes with the installed plugins, malformed data, rules without explanations,
    # provider facts without a source URL.
    assert check_plugin(emaillint_icloud) == []


def test_the_documented_settings_pass():
    config = """
        accounts:
          alerts:
            host: smtp.mail.me.com
            port: 587
            security: starttls
            auth: app-password
            username: jane@icloud.com
            password: ${ICLOUD_APP_PASSWORD}
            from: jane@icloud.com
    """
    assert lint(config, plugins=[emaillint_icloud], discover=False, as_of=AS_OF) == []


# Each case: a config and the complete list of rule@line it must produce.
CASES = [
    {
        "name": "the IMAP-style username is refused, with the address to write",
        "config": """
            accounts:
              alerts:
                host: smtp.mail.me.com
                port: 587
                security: starttls
                auth: app-password
                username: jane
        """,
        "expect": ["icloud-username@7"],
        "messages": ["write username: jane@icloud.com"],
    },
    {
        "name": "the suggested address takes the From address's domain",
        "config": """
            accounts:
              alerts:
                host: smtp.mail.me.com
                port: 587
                security: starttls
                auth: app-password
                username: jane
                from: jane@me.com
        """,
        "expect": ["icloud-username@7"],
        "messages": ["write username: jane@me.com"],
    },
    {
        "name": "a ${NAME} username is not checked: its value is unknown",
        "config": """
            accounts:
              alerts:
                host: smtp.mail.me.com
                port: 587
                security: starttls
                auth: app-password
                username: ${ICLOUD_USER}
        """,
        "expect": [],
    },
    {
        "name": "the Apple Account password is refused since 2017-06-15",
        "config": """
            accounts:
              alerts:
                host: smtp.mail.me.com
                port: 587
                security: starttls
                username: jane@icloud.com
                password: ${ICLOUD_PASSWORD}
        """,
        "expect": ["legacy-auth@7"],
        "messages": ["stopped accepting plain account passwords on 2017-06-15", "write auth: app-password"],
    },
    {
        "name": "Apple documents port 587 only",
        "config": """
            accounts:
              alerts:
                host: smtp.mail.me.com
                port: 465
                security: tls
                auth: app-password
                username: jane@icloud.com
        """,
        "expect": ["provider-port@4"],
    },
    {
        "name": "the IMAP host is not the SMTP host",
        "config": """
            accounts:
              alerts:
                host: imap.mail.me.com
                port: 587
                security: starttls
                auth: app-password
                username: jane@icloud.com
        """,
        "expect": ["provider-host@3"],
        "messages": ["write host: smtp.mail.me.com"],
    },
    {
        "name": "a CC on every message counts against the 1,000 recipients a day",
        "config": """
            accounts:
              alerts:
                host: smtp.mail.me.com
                port: 587
                security: starttls
                auth: app-password
                username: jane@icloud.com
                message: {to: 1, cc: [archive@example.com]}
                volume: {messages_per_day: 600}
        """,
        "expect": ["daily-recipient-quota@9"],
        "messages": ["600 messages/day x (1 To + 1 CC) = 1,200 recipients/day > iCloud Mail limit 1,000"],
    },
    {
        "name": "the rule leaves other providers' accounts alone",
        "config": """
            accounts:
              relay:
                host: mail.example.com
                port: 587
                security: starttls
                username: jane
        """,
        "expect": ["unknown-provider@3"],
    },
]


@pytest.mark.parametrize("case", CASES, ids=lambda case: case["name"])
def test_case(case):
    check_case(case, plugins=[emaillint_icloud], discover=False, as_of=AS_OF)
