"""The one secret classifier: placeholders against real-looking passwords, both sides.

A placeholder is reported as a warning and is not treated as a leaked secret, so the
classifier must never take a real password for one: the negative side is the larger list.
"""

from __future__ import annotations

import random
import string

import pytest

from emaillint.credentials import classify, find_secrets, sign_in_of
from emaillint.model import INTERPOLATION_DEFAULT
from emaillint.testing import read_accounts
from emaillint.vocabulary import APP_PASSWORD, EMPTY, LITERAL, PASSWORD, PLACEHOLDER, UNKNOWN_SIGN_IN

PLACEHOLDERS = [
    "your-app-password", "your_app_password", "YOUR_APP_PASSWORD", "YourAppPassword", "yourpassword",
    "your-password-here", "your password here", "put your password here", "enter password", "<password>",
    "<your-app-password>", "<YOUR_SMTP_PASSWORD>", "[env]", "[password]", "{password}", "%SMTP_PASSWORD%",
    "xxxx xxxx xxxx xxxx", "xxxxxxxxxxxxxxxx", "XXXXXXXX", "xxxx-xxxx-xxxx-xxxx", "********", "...", "???",
    "CHANGE_ME", "change-me", "changeme", "CHANGEME", "changeit", "REPLACE_ME", "replace_with_your_password",
    "TODO", "FIXME", "placeholder", "example", "examplepassword", "dummy", "password", "PASSWORD", "pass",
    "secret", "my-secret-password", "YOUR_SMTP_PASSWORD", "SMTP_PASSWORD", "smtp-password", "gmail-app-password",
    "your_gmail_app_password", "app_password", "16-character-app-password", "your-sendgrid-api-key", "api_key",
    "your.password", "mypassword", "my_email_password", "none", "null", "REDACTED", "authorization-code",
    "not-a-real-password", "this is not a password",
]
REAL_LOOKING = [
    "MyPassword2024!", "passw0rd", "P@ssw0rd", "Password1", "password123", "secretpassword1", "mypass99",
    "hunter2", "correct horse battery staple", "Tr0ub4dor&3", "qwhd kxmz rtpa vbne", "qwhdkxmzrtpavbne",
    "abcd efgh ijkl mnop", "bxqzmnvrplwtkfhd", "ZAQ12wsx", "changeme123", "changeme!", "xxxx1234", "xyzzy",
    "yourface", "passport", "passage-of-time", "compass42", "bypass", "secretary", "token-ring-9",
    "keyboard", "mailman", "postmaster", "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",
    "key-3ax6xnjp29jd6fds4gc373sgvjxteol0", "re_123456789", "a", "xX", "Zq7vKp2xLm9w", "1234567890",
    "<>", "[]", "x", "example.com!", "gmail2024", "app-pass-7f3a", "pass:word", "a-not-is", "notapassword",
    "no-no", "an",
]


@pytest.mark.parametrize("text", PLACEHOLDERS)
def test_text_written_to_be_replaced_is_a_placeholder(text):
    assert classify(text).kind == PLACEHOLDER


@pytest.mark.parametrize("text", REAL_LOOKING)
def test_real_looking_passwords_stay_literals(text):
    assert classify(text).kind == LITERAL


def test_random_app_passwords_are_never_placeholders():
    """Google's and Yahoo's app passwords are 16 random lower-case letters: 20,000 of them, in
    both shapes, are all literals and all read as app passwords."""
    rng = random.Random(20261201)
    for _ in range(10_000):
        letters = "".join(rng.choice(string.ascii_lowercase) for _ in range(16))
        for text in (letters, " ".join(letters[i:i + 4] for i in range(0, 16, 4))):
            secret = classify(text)
            assert secret.kind == LITERAL, text
            assert sign_in_of(secret, text) == APP_PASSWORD


def test_a_placeholder_says_nothing_about_how_the_account_signs_in():
    assert sign_in_of(classify("your-app-password"), "your-app-password") == UNKNOWN_SIGN_IN
    assert sign_in_of(classify("MyPassword2024!"), "MyPassword2024!") == PASSWORD


def test_a_placeholder_is_no_secret_so_its_words_stay_in_every_message(tmp_path, capsys):
    """``placeholder`` never takes a real password for one; redacting ``password: password``
    across a run cut "password" out of every other file's messages ("the *** is a ***")."""
    from emaillint.cli import main

    assert find_secrets({"smtp_password": "password", "user": "your-app-password"}) == frozenset()
    (tmp_path / "grafana.yaml").write_text("security:\n  admin_user: user\n  admin_password: password\n")
    (tmp_path / "mail.yaml").write_text("accounts:\n  a:\n    host: smtp.gmail.com\n    port: 587\n"
                                        "    security: starttls\n    username: a@gmail.com\n    password: password\n")
    main(["check", str(tmp_path), "--as-of", "2026-12-01"])
    out = capsys.readouterr().out
    assert "the password is a placeholder" in out and "***" not in out


def test_an_empty_interpolation_default_is_an_empty_password_and_a_placeholder_default_is_a_placeholder():
    compose = """\
        services:
          a:
            image: example/app
            environment:
              SMTP_HOST: smtp.example.com
              SMTP_PASS: ${SMTP_PASS:-}
          b:
            image: example/app
            environment:
              SMTP_HOST: smtp.example.com
              SMTP_PASS: ${SMTP_PASS:-changeme}
        """
    a, b = read_accounts(compose, path="docker-compose.yml")
    assert (a.password.kind, a.password.detail) == (EMPTY, INTERPOLATION_DEFAULT)
    assert not a.has_credentials
    assert (b.password.kind, b.password.detail) == (PLACEHOLDER, INTERPOLATION_DEFAULT)
