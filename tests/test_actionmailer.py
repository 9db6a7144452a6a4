"""The ActionMailer family beyond the data-driven cases: Mail's security decision for every
combination of its flags, positions inside GitLab's block scalar, ``--resolve-env`` through
ERB (secrets and the examples of docs/formats.md: test_dialects)."""

from __future__ import annotations

import pytest

from emaillint.api import NO_TLS, STARTTLS, STARTTLS_OPTIONAL, TLS
from emaillint.testing import lint, read_accounts

from helpers import AS_OF

FLAGS = [
    ("", STARTTLS_OPTIONAL),
    ("enable_starttls: true", STARTTLS),
    ("enable_starttls: :always", STARTTLS),
    ("enable_starttls: :auto", STARTTLS_OPTIONAL),
    ("enable_starttls: auto", STARTTLS),  # the text 'auto' is no symbol: truthy, so :always
    ("enable_starttls: false", NO_TLS),
    ("enable_starttls: false\n    enable_starttls_auto: true", STARTTLS_OPTIONAL),
    ("enable_starttls: true\n    enable_starttls_auto: false", STARTTLS),
    ("enable_starttls_auto: true", STARTTLS_OPTIONAL),
    ("enable_starttls_auto: false", NO_TLS),
    ("enable_starttls_auto: 'false'", STARTTLS_OPTIONAL),  # a string: true to Ruby
    ("tls: true", TLS),
    ("ssl: true", TLS),
    ("tls: false\n    enable_starttls_auto: false", NO_TLS),
    ("tls: 'false'", TLS),
    ("tls: ~\n    enable_starttls: true", STARTTLS),
    ("tls: <%= ENV['SMTP_TLS'] %>", None),
    ("enable_starttls_auto: <%= ENV['STARTTLS'] %>", None),
]


@pytest.mark.parametrize("flags, mode", FLAGS, ids=[f or "(none)" for f, _ in FLAGS])
def test_mail_decides_security_from_its_flags_as_mail_2_9_does(flags, mode):
    text = f"production:\n  smtp_settings:\n    address: smtp.example.com\n    port: 587\n    {flags}\n"
    (account,) = read_accounts(text, path="config/email.yml")
    assert account.security == mode
    assert ("security" in account.defaults) == (flags == "")


OMNIBUS = """\
services:
  gitlab:
    image: gitlab/gitlab-ce
    environment:
      GITLAB_OMNIBUS_CONFIG: |
        external_url 'https://gitlab.example.com'
        gitlab_rails['smtp_enable'] = true
        gitlab_rails['smtp_address'] = 'smtp.example.com'  # relay
          gitlab_rails['smtp_port'] = 2525
        gitlab_rails['smtp_user_name'] = "${SMTP_USER}"
        gitlab_rails['smtp_password'] = 'gitlab-canary-1'
        gitlab_rails['gitlab_email_from'] = 'gitlab@example.com'
"""


def test_gitlab_fields_are_positioned_at_their_line_inside_the_block():
    (account,) = read_accounts(OMNIBUS, path="docker-compose.yml")
    assert (account.host, account.port, account.sender) == ("smtp.example.com", 2525, "gitlab@example.com")
    assert account.where("host") == (8, 40)
    assert account.where("port") == (9, 39)  # a line indented further keeps its column
    assert account.where("") == (7, 9)
    assert "username" in account.references


def test_resolve_env_fills_erb_references_but_never_passwords():
    text = ("production:\n  smtp_settings:\n    address: <%= ENV['SMTP_ADDRESS'] %>\n    port: <%= ENV['SMTP_PORT'] %>\n"
            "    user_name: <%= ENV['SMTP_USER'] %>\n    password: <%= ENV['SMTP_PASSWORD'] %>\n")
    # only the STARTTLS Mail uses if offered (no flag is :auto), which opportunistic-tls reports
    assert [f.rule for f in lint(text, path="config/email.yml", as_of=AS_OF)] == ["opportunistic-tls"]
    environ = {"SMTP_ADDRESS": "smtp.gmail.com", "SMTP_PORT": "465", "SMTP_USER": "a@gmail.com", "SMTP_PASSWORD": "x"}
    findings = lint(text, path="config/email.yml", as_of=AS_OF, environ=environ)
    assert [(f.rule, f.line) for f in findings] == [("port-security-mismatch", 2)]  # the default STARTTLS: the account
    (account,) = read_accounts(text, path="config/email.yml", environ=environ)
    assert account.password.kind == "reference"
