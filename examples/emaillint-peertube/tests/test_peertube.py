"""The dialect's tests, written with emaillint's test helpers, as a dialect author would:
``read_accounts`` shows what the dialect made of a file, ``check_case`` what emaillint
reports on it, ``check_plugin`` whether the plugin is well formed."""

from __future__ import annotations

import pytest

from emaillint.testing import check_case, check_plugin, read_accounts

import emaillint_peertube

AS_OF = "2026-11-27"
PRODUCTION = """
    listen:
      hostname: 'localhost'
      port: 9000
    webserver:
      https: true
      hostname: 'videos.example.org'
    smtp:
      transport: smtp
      hostname: smtp.gmail.com
      port: 465
      username: videos@example.org
      password: null
      tls: true
      disable_starttls: false
      from_address: 'videos@example.org'
"""


def test_the_plugin_is_well_formed():
    assert check_plugin(emaillint_peertube) == []


def test_the_accounts_it_reads():
    (account,) = read_accounts(PRODUCTION, plugins=[emaillint_peertube], path="config/production.yaml")
    assert (account.dialect, account.host, account.port, account.security) == ("peertube", "smtp.gmail.com", 465, "tls")
    assert account.where("port") == (10, 9) and account.where("security") == (13, 8)
    assert account.spelled("security", "tls") == "tls: true" and account.spelled("port", 587) == "port: 587"


def test_defaults_are_peertubes():
    config = PRODUCTION.replace("      port: 465\n", "").replace("      tls: true\n", "")
    (account,) = read_accounts(config, plugins=[emaillint_peertube])
    assert (account.port, account.security, sorted(account.defaults)) == (465, "tls", ["port"])


CASES = [
    {"name": "the documented 465 setup stays silent", "config": PRODUCTION, "expect": []},
    {"name": "tls: false on 465 starts in plain text and hangs",
     "config": PRODUCTION.replace("tls: true", "tls: false"),
     "expect": ["port-security-mismatch@13"], "messages": ["write tls: true, or use port: 587 with tls: false"]},
    {"name": "a password written in the file",
     "config": PRODUCTION.replace("password: null", "password: hunter2-hunter2"),
     "expect": ["plaintext-password@12", "legacy-auth@12"],
     "messages": ["write the password in custom-environment-variables.yaml"]},
    {"name": "a misspelt key is ignored by PeerTube", "config": PRODUCTION.replace("from_address", "from_adress"),
     "expect": ["unknown-key@15"], "helps": ["rename from_adress to from_address"]},
    {"name": "sendmail sends no SMTP", "config": PRODUCTION.replace("transport: smtp", "transport: sendmail"),
     "expect": []},
]


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_case(case):
    check_case(case, plugins=[emaillint_peertube], as_of=AS_OF)
