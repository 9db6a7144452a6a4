"""The kit's Ruby reader (literals and ``target = value`` lines inside YAML) and the ERB and
Ruby environment forms of the interpolations."""

from __future__ import annotations

import pytest

from emaillint.api import (FALLBACK, PLAIN, REFERENCE, RUBY_EXPRESSION, UNEXPANDED, Position, Value, interpolate_erb,
                           interpolate_ruby, load_yaml, mapping, ruby_assignments, ruby_literal, ruby_truthy)


@pytest.mark.parametrize("text, value", [
    ("true", True), ("false", False), ("nil", None), ("587", 587), ("1_000", 1000), ("-1", -1),
    ("'false'", "false"), ('"a\\"b"', 'a"b'), ("'it\\'s'", "it's"), (":login", ":login"),
    ('"p#ss"', "p#ss"), ("  465  ", 465),
])
def test_literals_decode_as_ruby_reads_them(text, value):
    assert ruby_literal(text) == value
    assert type(ruby_literal(text)) is type(value)


@pytest.mark.parametrize("text", ["File.read('/run/secrets/smtp').strip", "ENV['SMTP_PASSWORD']", "'a' + 'b'",
                                  "${SMTP_PORT}", "'unterminated"])
def test_code_that_is_no_literal_is_kept_as_an_expression(text):
    value = ruby_literal(text)
    assert value == text.strip() and value.tag == RUBY_EXPRESSION


def test_ruby_truth_is_not_yaml_truth():
    assert [ruby_truthy(v) for v in (None, False, "false", "", 0, True, ":auto")] == [
        False, False, True, True, True, True, True]


OMNIBUS = """\
services:
  gitlab:
    image: gitlab/gitlab-ce:17.5.1-ce.0
    environment:
      GITLAB_OMNIBUS_CONFIG: |
        external_url 'https://gitlab.example.com'
        gitlab_rails['smtp_enable'] = true
        gitlab_rails["smtp_port"] = 465 # SMTPS
        gitlab_rails['smtp_password'] = "p#ss;w"; gitlab_rails['smtp_tls'] = 'false'
        gitlab_rails['omniauth_providers'] = [
          { 'name' => 'saml', 'args' => { 'x' => 1 } },
          gitlab_rails['inside_a_value'] = 1
        ]
        # gitlab_rails['smtp_user_name'] = 'commented@example.com'
        gitlab_rails['smtp_port'] = 587
"""
PATH = ("services", "gitlab", "environment", "GITLAB_OMNIBUS_CONFIG")


def test_assignments_in_a_block_scalar_are_a_document_positioned_on_the_file():
    outer = load_yaml(OMNIBUS, "docker-compose.yml").documents[0]
    inner = ruby_assignments(outer, PATH)
    assert inner.data == {"gitlab_rails['smtp_enable']": True, "gitlab_rails['smtp_port']": 587,
                          "gitlab_rails['smtp_password']": "p#ss;w", "gitlab_rails['smtp_tls']": "false",
                          "gitlab_rails['omniauth_providers']": "["}
    assert inner.position(("gitlab_rails['smtp_port']",)) == Position(15, 37)  # the last one wins
    assert inner.position(("gitlab_rails['smtp_tls']",), key=True) == Position(9, 51)
    assert inner.position(("gitlab_rails['smtp_tls']",)) == Position(9, 78)
    assert mapping(inner, ())["gitlab_rails['smtp_enable']"].value is True


def test_assignments_in_one_line_share_the_value_position():
    text = "services:\n  gitlab:\n    environment:\n      - \"GITLAB_OMNIBUS_CONFIG=gitlab_rails['smtp_port'] = 25\"\n"
    outer = load_yaml(text, "docker-compose.yml").documents[0]
    inner = ruby_assignments(outer, ("services", "gitlab", "environment", 0), prefix="GITLAB_OMNIBUS_CONFIG=")
    assert inner.data == {"gitlab_rails['smtp_port']": 25}
    assert inner.position(("gitlab_rails['smtp_port']",)) == Position(4, 9)


def test_assignments_need_text():
    outer = load_yaml("a: 1\n", "x.yml").documents[0]
    assert ruby_assignments(outer, ("a",)) is None and ruby_assignments(outer, ("b",)) is None


@pytest.mark.parametrize("text, value", [
    ("<%= ENV['SMTP_PORT'] %>", Value(REFERENCE, "", "SMTP_PORT")),
    ("<%= ENV.fetch('SMTP_PORT', 587) %>", Value(FALLBACK, "587", "SMTP_PORT")),
    ("<%= ENV.fetch(\"SMTP_TLS\", false) %>", Value(FALLBACK, "false", "SMTP_TLS")),
    ("<%= ENV.fetch('SMTP_PORT') { 2525 } %>", Value(FALLBACK, "2525", "SMTP_PORT")),
    ("<%= ENV['SMTP_USER'].presence || 'app@example.com' %>", Value(FALLBACK, "app@example.com", "SMTP_USER")),
    ("<%= ENV.fetch('SMTP_PORT', 25).to_i %>", Value(FALLBACK, "25", "SMTP_PORT")),
    ("<%= ENV.fetch('SMTP_PASSWORD', nil) %>", Value(REFERENCE, "", "SMTP_PASSWORD")),
    ("<%= ENV.fetch('SMTP_TLS', false) == 'true' %>", Value(REFERENCE, "", "")),
    ("<% ENV['X'] %>", Value(REFERENCE, "", "")),
    ("smtp.example.com", Value(PLAIN, "smtp.example.com")),
    ("${SMTP_PASSWORD}", Value(UNEXPANDED, "${SMTP_PASSWORD}")),
    ('ENV["SMTP_ADDRESS"],', Value(UNEXPANDED, 'ENV["SMTP_ADDRESS"],')),
])
def test_erb_reads_the_environment_forms_rails_files_use(text, value):
    assert interpolate_erb(text) == value


def test_ruby_code_reads_the_environment_and_resolves_it():
    assert interpolate_ruby("ENV.fetch('SMTP_HOST', 'localhost')", {"SMTP_HOST": "smtp.example.com"}) == Value(
        PLAIN, "smtp.example.com", "SMTP_HOST")
    assert interpolate_ruby("File.read('/run/secrets/smtp_password').strip") == Value(REFERENCE, "", "")
