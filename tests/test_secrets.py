"""Secrets audit: canary secrets planted wherever a config can hold one never reach any output.

Every output format in ``emaillint.report.FORMATS`` (so formats added later are audited
too), stdout and stderr of the real CLI, the messages of every finding, and the text of
exceptions a careless plugin raises. A canary counts as leaked if any 8 characters of it
appear, so a secret cut short (``'smtp://user:hunter2...'``) is a leak as well.
"""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path
from typing import Any, Iterator

import pytest

from emaillint import credentials, report, testing
from emaillint.api import ERROR, Account, Dialect, Problem, Reading, Rule, hookimpl
from emaillint.cli import main
from emaillint.report import Report, Summary

from helpers import AS_OF

ACCOUNT = """\
accounts:
  billing:
    host: smtp.gmail.com
    port: 587
    security: starttls
    username: billing@gmail.com
"""
"""A clean account; cases add the lines that hold a secret (marked <S>, <S2>, ...)."""


def canary(case: int, slot: int) -> str:
    return f"Zq{case:02d}{slot}Kv9pX2Lm7W4"


def sendgrid_canary(case: int, slot: int) -> str:
    """A key in SendGrid's shape (``SG.``, 22, ``.``, 43): a secret known only by its shape,
    so it must be cut out wherever it is written, under any key or none."""
    return f"SG.Zq{case:02d}{slot}Kv9pX2Lm7W4abcdef.Zq{case:02d}{slot}Kv9pX2Lm7W4abcdefghijklmnopqrstuvwxyz0"


SENDGRID = ACCOUNT.replace("smtp.gmail.com", "smtp.sendgrid.net").replace("billing@gmail.com", "apikey")
"""A clean SendGrid account, for the cases that plant a SendGrid key."""


LEAKY = {
    # emaillint's own format: the password, in every shape YAML allows
    "password literal": ACCOUNT + "    password: <S>\n",
    "password quoted, with YAML indicators": ACCOUNT + '    password: "p@ss: #w/rd, [<S>]"\n',
    "password single-quoted": ACCOUNT + "    password: 'it''s <S>'\n",
    "password as a block scalar": ACCOUNT + "    password: |\n      <S>\n",
    "password that YAML 1.1 reads as octal": ACCOUNT + "    password: 0123456701234567\n",
    "password that YAML 1.1 reads as base 60": ACCOUNT + "    password: 12:34:56:17:45\n",
    "password that YAML 1.1 reads as 1_000": ACCOUNT + "    password: 7_654_321_987_654\n",
    "password of the wrong type: list": ACCOUNT + "    password: [<S>, other]\n",
    "password of the wrong type: mapping": ACCOUNT + "    password: {value: <S>}\n",
    "password of the wrong type: integer": ACCOUNT + "    password: 98765432109876\n",
    "password starting with $, not a variable name": ACCOUNT + "    password: $ecret<S>\n",
    "password twice (duplicate key)": ACCOUNT + "    password: <S>\n    password: <S2>\n",
    # secrets under keys emaillint's format does not know (schema: unknown key)
    "unknown secret keys": ACCOUNT + "    api_key: <S>\n    token: <S2>\n    smtp_auth_password: <S3>\nsecret: <S4>\n",
    "unknown secret key, YAML 1.1 number": ACCOUNT + "    api_key: 0777123456701234\n",
    "secret in a plugin's declared keys": ACCOUNT + "    echo_api_key: [<S>]\n    echo_pool: smtp://averyveryverylonguser:<S2>@h\n",
    # userinfo in URLs, in every field that echoes its value
    "URL userinfo in host": ACCOUNT.replace("smtp.gmail.com", "smtp://billing:<S>@smtp.gmail.com"),
    "URL userinfo with @ and / in both parts": ACCOUNT.replace(
        "smtp.gmail.com", "smtp://billing@gmail.com:p@ss/<S>@smtp.gmail.com:587"),
    "URL userinfo in port, cut short in the message": ACCOUNT.replace(
        "587", "smtp://averyveryverylongusername:<S>@smtp.gmail.com"),
    "URL userinfo in security": ACCOUNT.replace("starttls", "smtps://u:<S>@smtp.gmail.com"),
    "URL userinfo in username and from": ACCOUNT.replace("billing@gmail.com", "smtp://u:<S>@smtp.gmail.com")
    + "    from: smtp://u:<S2>@smtp.gmail.com\n",
    "URL userinfo in provider and plan": ACCOUNT + "    provider: smtp://u:<S>@x\n    plan: smtp://u:<S2>@x\n",
    "URL userinfo in an account name": ACCOUNT.replace("billing:", '"smtp://u:<S>@smtp.gmail.com":'),
    "URL userinfo in an unknown key": ACCOUNT + "    relay: smtp://u:<S>@relay.example.com\n",
    "userinfo without a scheme in host": ACCOUNT.replace("smtp.gmail.com", "billing:<S>@smtp.gmail.com"),
    "userinfo without a scheme in an Alertmanager smarthost": (
        "global:\n  smtp_smarthost: 'alerts:<S>@smtp.gmail.com:587'\n  smtp_from: a@gmail.com\n"
        "route: {receiver: x}\nreceivers: [{name: x, email_configs: [{to: b@example.com}]}]\n"),
    "URL password with a space": ACCOUNT.replace("smtp.gmail.com", "smtp://u:pass <S>@smtp.gmail.com"),
    "URL password with a tab": ACCOUNT.replace("smtp.gmail.com", '"smtp://u:pass\\t<S>@smtp.gmail.com"'),
    "URL password with a non-breaking space": ACCOUNT.replace("smtp.gmail.com", "smtp://u:<S>\u00a0x@smtp.gmail.com"),
    "URL password percent-encoded": ACCOUNT.replace("smtp.gmail.com", "smtp://u:<S>%40%20x@smtp.gmail.com"),
    "a password of document 1 repeated in document 2": ACCOUNT + "    password: <S>\n---\n"
    + ACCOUNT.replace("smtp.gmail.com", "<S>"),
    "a writeOnly plugin key, whatever its name": ACCOUNT + "    echo_pin: <S>\n",
    "URL userinfo and NAME=value in recipients": ACCOUNT
    + "    message:\n      to: [SMTP_PASSWORD=<S>]\n      cc: ['smtp://u:<S2>@h']\n",
    # passwords that break the YAML itself
    "unclosed quote": ACCOUNT + '    password: "<S>\n',
    "colon in a plain password": ACCOUNT + "    password: <S>: x\n",
    "reserved indicator": ACCOUNT + "    password: @<S>\n",
    "comment glued to a quoted password": ACCOUNT + '    password: "<S>"#x\n',
    "unknown escape in a password": ACCOUNT + '    password: "<S>\\q"\n',
    "control character in a password": ACCOUNT + "    password: <S>\x07\n",
    "password as an undefined alias": ACCOUNT + "    password: *<S>\n",
    "password as an undefined tag handle": ACCOUNT + "    password: !<S>! x\n",
    "password continued too shallow": ACCOUNT + '    password: "<S>\n<S2>"\n',
    # other dialects: audited as soon as a dialect plugin reads them
    "Spring Boot": "spring:\n  mail:\n    host: smtp.gmail.com\n    port: 465\n    username: a@gmail.com\n"
                   "    password: <S>\n    properties:\n      mail.smtp.starttls.enable: true\n",
    "Alertmanager": "global:\n  smtp_smarthost: smtp.gmail.com:465\n  smtp_auth_username: a@gmail.com\n"
                    "  smtp_auth_password: <S>\n  smtp_require_tls: true\nreceivers:\n- name: mail\n"
                    "  email_configs:\n  - to: ops@example.com\n    auth_password: <S2>\n    auth_secret: <S3>\n",
    "Home Assistant": "notify:\n  - platform: smtp\n    server: smtp.gmail.com\n    port: 465\n"
                      "    encryption: starttls\n    username: a@gmail.com\n    password: <S>\n"
                      "    sender: a@gmail.com\n    recipient: b@example.com\n",
    "Grafana": "grafana.ini:\n  smtp:\n    enabled: true\n    host: smtp.gmail.com:465\n    user: a@gmail.com\n"
               "    password: <S>\n",
    "docker-compose list": "services:\n  app:\n    environment:\n      - SMTP_HOST=smtp.gmail.com\n"
                           "      - SMTP_PASSWORD=<S>\n      - SMTP_URL=smtp://u:<S2>@smtp.gmail.com\n",
    "docker-compose mapping": "services:\n  app:\n    environment:\n      SMTP_HOST: smtp.gmail.com\n"
                              "      SMTP_PASS: <S>\n      EMAIL_HOST_PASSWORD: <S2>\n",
    "GitLab omnibus Ruby in a block scalar": "services:\n  gitlab:\n    environment:\n"
                                             "      GITLAB_OMNIBUS_CONFIG: |\n"
                                             "        gitlab_rails['smtp_address'] = \"smtp.gmail.com\"\n"
                                             "        gitlab_rails['smtp_password'] = \"<S>\"\n",
    "Gitea": "gitea:\n  config:\n    mailer:\n      SMTP_ADDR: smtp.gmail.com\n      PASSWD: <S>\n",
    "alertmanager.yml inside a ConfigMap": "kind: ConfigMap\ndata:\n  alertmanager.yml: |\n    global:\n"
                                           "      smtp_auth_password: <S>\n",
    # provider secrets known by their shape, in fields and keys that hold no secret
    "SendGrid key as the username": SENDGRID.replace("username: apikey", "username: <SG>"),
    "SendGrid key as the password": SENDGRID + "    password: <SG>\n",
    "SendGrid key in from, cc and an unknown key": SENDGRID + "    from: <SG>\n    note: <SG2>\n"
                                                   "    message:\n      cc: [<SG3>]\n",
    "SendGrid key in host, provider and plan": SENDGRID.replace("smtp.sendgrid.net", "<SG>")
    + "    provider: <SG2>\n    plan: <SG3>\n",
    "SendGrid key as an account name": SENDGRID.replace("billing:", "<SG>:"),
    "SendGrid key in a Gmail account": ACCOUNT.replace("billing@gmail.com", "<SG>"),
    "SendGrid key in Spring Boot": "spring:\n  mail:\n    host: smtp.sendgrid.net\n    port: 587\n"
                                   "    username: <SG>\n    password: <SG2>\n    properties:\n"
                                   "      mail.smtp.starttls.enable: true\n",
    "SendGrid key in Alertmanager": "global:\n  smtp_smarthost: smtp.sendgrid.net:587\n  smtp_auth_username: <SG>\n"
                                    "  smtp_from: <SG2>\n  smtp_auth_password: <SG3>\nreceivers:\n- name: mail\n"
                                    "  email_configs:\n  - to: <SG4>\n",
    "SendGrid key under a key no dialect reads": "services:\n  app:\n    environment:\n"
                                                 "      SMTP_HOST: smtp.sendgrid.net\n      MAIL_USER: <SG>\n",
}


def planted(number: int, template: str) -> tuple[str, list[str]]:
    """The case's YAML with fresh canaries, and every text that must never be printed."""
    secrets = []

    def plant(match: re.Match[str]) -> str:
        make = sendgrid_canary if match.group(1) else canary
        secrets.append(make(number, int(match.group(2) or 1)))
        return secrets[-1]

    text = re.sub(r"<S(G?)(\d?)>", plant, template)
    secrets += re.findall(r"0123456701234567|12:34:56:17:45|7_654_321_987_654|98765432109876|0777123456701234", text)
    return text, secrets


def leaks(output: str, secrets: list[str]) -> list[str]:
    """The secrets of which any 8 characters appear in ``output``, in any letter case."""
    output = output.lower()
    return [secret for secret in secrets
            if any(secret[i:i + 8].lower() in output for i in range(len(secret) - 7))]


def values(data: Any) -> Iterator[str]:
    """Every key and scalar in a document, as text: what a careless plugin would print."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield str(key)
            yield from values(value)
    elif isinstance(data, list):
        for item in data:
            yield from values(item)
    elif data is not None:
        yield str(data)


class Echo:
    """A careless plugin: its dialect, rules and exceptions print everything they see."""

    name = "echo"

    @hookimpl
    def emaillint_schema_properties(self):
        return {"echo_api_key": {"type": "string", "writeOnly": True}, "echo_pool": {"type": "integer"},
                "echo_pin": {"type": "string", "writeOnly": True}}

    @hookimpl
    def emaillint_dialects(self):
        return [Dialect("echo", "every document nobody else reads", lambda doc: True, self.read)]

    @hookimpl
    def emaillint_rules(self):
        return [Rule("echo-values", ERROR, "echoes an account", "Echoes.", self.echo),
                Rule("echo-raise", ERROR, "raises with an account", "Raises.", self.explode)]

    def read(self, doc, options):
        everything = " ".join(values(doc.data))
        account = Account("echoed", "echo", doc.position(()), extra={"everything": everything})
        return Reading([account], [doc.finding((), "echo-values", f"read: {everything}")])

    def echo(self, account: Account, context):
        yield Problem("", f"saw {account!r} {' '.join(values(dict(account.extra)))}")

    def explode(self, account: Account, context):
        raise RuntimeError(" ".join(values(dict(account.extra))) or repr(account))


CASES = [(name, *planted(number, template)) for number, (name, template) in enumerate(LEAKY.items())]


@pytest.mark.parametrize("fmt", sorted(report.FORMATS))
@pytest.mark.parametrize("name, text, secrets", CASES, ids=[case[0] for case in CASES])
def test_no_secret_reaches_the_cli_output(tmp_path, fmt, name, text, secrets):
    path = tmp_path / "config.yaml"
    path.write_text(text)
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main([str(path), "--format", fmt, "--as-of", AS_OF])
    assert code in (0, 1)
    assert leaks(out.getvalue() + err.getvalue(), secrets) == []
    if name in ("password literal", "URL userinfo in host", "unclosed quote", "SendGrid key as the username"):
        assert "config.yaml" in out.getvalue()  # there were findings to leak through


def test_redaction_removes_what_the_loaded_providers_secret_patterns_find():
    """The accessor redaction uses: a SendGrid key in a From is cut out because the sendgrid
    sheet declares its shape; without the sheet nothing knows it is a secret."""
    key = sendgrid_canary(96, 1)
    text = SENDGRID + f"    from: {key}\n"
    patterns = testing.registry().providers.secret_patterns()
    assert any(pattern.search(key) for pattern in patterns)
    shown = [(f.message, f.help) for f in testing.lint(text, as_of=AS_OF) if f.rule == "address-syntax"]
    # the key's 69 characters leave no room for email-validator's reason in a short message
    assert shown == [("from address '***' is not valid", "write a full address such as billing@example.com")]
    unknown = testing.lint(text, as_of=AS_OF, disabled=["sendgrid"])
    assert any(key in f.message for f in unknown if f.rule == "address-syntax")


@pytest.mark.parametrize("fmt", sorted(report.FORMATS))
def test_no_secret_reaches_a_finding_about_several_files(tmp_path, fmt):
    """shared-quota is written after every file is read, from what the files left behind."""
    secret = canary(98, 1)
    shared = ACCOUNT.replace("billing@gmail.com", f"smtp://u:{secret}@gmail.com") + (
        "    auth: app-password\n    password: ${X}\n    volume:\n      messages_per_day: 300\n")
    (tmp_path / "a.yaml").write_text(shared)
    (tmp_path / "b.yaml").write_text(shared.replace("billing:", "reminders:"))
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        main([str(tmp_path), "--format", fmt, "--as-of", AS_OF])
    assert "shared-quota" in out.getvalue() or fmt not in ("text", "json")
    assert leaks(out.getvalue() + err.getvalue(), [secret]) == []


def test_no_secret_from_the_environment_reaches_the_output(tmp_path, monkeypatch, capsys):
    """--resolve-env puts environment values into the account, and so into messages."""
    secret = canary(97, 1)
    monkeypatch.setenv("SMTP_HOST", f"smtp://u:{secret}@mail.example.com")
    monkeypatch.setenv("SMTP_PASSWORD", canary(97, 2))
    (tmp_path / "config.yaml").write_text(ACCOUNT.replace("smtp.gmail.com", "${SMTP_HOST}"))
    main([str(tmp_path / "config.yaml"), "--resolve-env", "--as-of", AS_OF])
    out, err = capsys.readouterr()
    assert "smtp://u:***@mail.example.com" in out
    assert leaks(out + err, [secret, canary(97, 2)]) == []


BUILT_IN_DIALECTS = ("alertmanager", "compose", "discourse", "gitlab-chart", "gitlab-omnibus", "grafana", "homeassistant",
                     "mastodon", "rails", "redmine", "spring")


@pytest.mark.parametrize("name, text, secrets", CASES, ids=[case[0] for case in CASES])
@pytest.mark.parametrize("disabled", [(), BUILT_IN_DIALECTS], ids=["built-in dialects", "echo reads all"])
def test_no_secret_survives_a_plugin_that_prints_everything(name, text, secrets, disabled):
    findings = testing.lint(text, plugins=[Echo()], as_of=AS_OF, disabled=disabled)
    rules = tuple(testing.registry([Echo()], disabled=disabled).rules.values())
    for fmt in sorted(report.FORMATS):
        stream = io.StringIO()
        report.render(fmt, Report(findings, Summary.of(findings, 1), rules), stream)
        assert leaks(stream.getvalue(), secrets) == [], fmt
    if disabled and not text.startswith("accounts:"):  # the echo dialect read it: it saw every secret
        [read] = [f for f in findings if f.message.startswith("read: ")]
        assert read.message.count("***") >= len(secrets)  # printed, with the secrets cut out


@pytest.mark.parametrize("value, kind, detail", [
    ("${SMTP_PASSWORD}", "reference", "SMTP_PASSWORD"),
    ("$SMTP_PASSWORD", "lookalike", "SMTP_PASSWORD"),
    ("$ecretP4ss", "literal", ""),
    ("$smtp_password", "literal", ""),
    ("{{ smtp_password }}", "template", ""),
    ("{% raw %}x{% endraw %}", "template", ""),
    ("<%= ENV['SMTP_PASSWORD'] %>", "template", ""),
    ("correct-horse-battery", "literal", ""),
    ("", "empty", ""),
])
def test_references_lookalikes_and_templates_are_told_apart(value, kind, detail):
    assert credentials.classify(value) == (kind, detail)


def test_a_lookalike_is_named_and_a_template_is_trusted():
    findings = testing.lint(ACCOUNT + "    password: $SMTP_PASSWORD\n  other:\n    host: smtp.gmail.com\n"
                            "    port: 587\n    security: starttls\n    username: billing@gmail.com\n"
                            "    password: '{{ smtp_password }}'\n", as_of=AS_OF)
    assert [(f.rule, f.account, f.message, f.help) for f in findings if f.rule in ("plaintext-password",
                                                                                     "unexpanded-reference")] == [(
        "unexpanded-reference", "billing", "password is used as written: only ${NAME} with braces is a reference",
        "write password: ${SMTP_PASSWORD}",
    )]


def test_the_audit_detects_a_leak():
    """The leak check itself: a message that prints a canary, even cut short, is caught."""
    secret = canary(99, 1)
    assert leaks(f"got text 'smtp://u:{secret[:9]}...'", [secret]) == [secret]
    assert leaks("got text 'smtp://u:***'", [secret]) == []


def test_the_security_page_documents_the_policy():
    page = (Path(__file__).resolve().parent.parent / "docs" / "security.md").read_text(encoding="utf-8")
    section = " ".join(page.split())
    for words in ("${SMTP_PASSWORD}", "lookalike", "template", "!secret", "never printed",
                  "private security advisory"):
        assert words in section, words


def test_a_password_too_short_to_redact_does_not_garble_messages():
    """Redaction skips values under four characters: '3' would cut every 3 out of the text."""
    findings = testing.lint("accounts:\n  relay:\n    host: mail.example.com\n    port: 70000\n"
                            "    security: starttls\n    password: '3'\n", as_of=AS_OF)
    assert any("from 1 to 65535" in f.help for f in findings if f.rule == "schema")


def test_details_are_redacted_like_messages():
    """``Finding.details`` (what ``probe`` reports in JSON) holds text too: every string in it,
    however nested, loses the secrets a message would lose."""
    from emaillint.engine import redact
    from emaillint.model import Finding

    secret = canary(98, 1)
    details = {"host": f"u:{secret}@relay", "extensions": {"X-ECHO": secret}, "auth": [secret, "PLAIN"], "size": 5}
    [finding] = redact([Finding("a.yaml", 1, 1, "probe-auth", "info", "ok", details=details)], frozenset([secret]))
    assert finding.details == {"host": "u:***@relay", "extensions": {"X-ECHO": "***"}, "auth": ["***", "PLAIN"],
                               "size": 5}
    assert redact([Finding("a.yaml", 1, 1, "probe-auth", "info", "ok")], frozenset([secret]))[0].details is None


HOSTS = {
    "own format": ("config.yaml", ACCOUNT.replace("smtp.gmail.com", "<H>")),
    "Spring Boot": ("application.yml", "spring:\n  mail:\n    host: <H>\n    port: 587\n    username: a@gmail.com\n"),
    "Alertmanager": ("alertmanager.yml", "global:\n  smtp_smarthost: '<H>:587'\n  smtp_from: a@gmail.com\n"
                                         "route: {receiver: x}\n"
                                         "receivers: [{name: x, email_configs: [{to: b@example.com}]}]\n"),
    "compose": ("docker-compose.yml", "services:\n  app:\n    environment:\n      - SMTP_HOST=<H>\n"
                                      "      - SMTP_PORT=587\n"),
    "Grafana": ("values.yaml", "grafana.ini:\n  smtp:\n    enabled: true\n    host: '<H>:587'\n"),
    "Home Assistant": ("notify.yaml", "- platform: smtp\n  sender: a@gmail.com\n  recipient: b@example.com\n"
                                      "  server: '<H>'\n  port: 587\n"),
    "Rails": ("config/email.yml", "production:\n  smtp_settings:\n    address: '<H>'\n    port: 587\n"),
    "Redmine": ("config/configuration.yml", "default:\n  email_delivery:\n    smtp_settings:\n      address: '<H>'\n"),
    "GitLab chart": ("gitlab-values.yaml", "global:\n  smtp:\n    enabled: true\n    address: '<H>'\n"
                                           "    port: 587\n    user_name: a@example.com\n"),
    "Mastodon": ("mastodon-values.yaml", "mastodon:\n  smtp:\n    server: '<H>'\n    port: 587\n"),
    "Discourse": ("containers/app.yml", "templates: []\nenv:\n  DISCOURSE_SMTP_ADDRESS: '<H>'\n"),
}
"""A host setting in every dialect: each credential shape below is written into it."""
SHAPES = {
    "userinfo without a scheme": "billing:<S>@smtp.gmail.com",
    "URL userinfo": "smtp://billing:<S>@smtp.gmail.com",
    "URL password with a space": "smtp://billing:pass <S>@smtp.gmail.com",
    "URL password with a non-breaking space": "smtp://billing:<S>\u00a0x@smtp.gmail.com",
    "URL password with @ and / in it": "smtp://me@gmail.com:p@ss/<S>@smtp.gmail.com",
}
PRODUCT = [(f"{dialect}, {shape}", path, template.replace("<H>", value))
           for dialect, (path, template) in HOSTS.items() for shape, value in SHAPES.items()]


@pytest.mark.parametrize("name, path, template", PRODUCT, ids=[case[0] for case in PRODUCT])
def test_no_credential_shape_in_a_host_reaches_any_format_in_any_dialect(name, path, template):
    text, secrets = planted(PRODUCT.index((name, path, template)) + 50, template)
    findings = testing.lint(text, path=path, as_of=AS_OF)
    assert findings, "nothing was reported, so nothing could leak"
    rules = tuple(testing.registry().rules.values())
    for fmt in sorted(report.FORMATS):
        stream = io.StringIO()
        report.render(fmt, Report(findings, Summary.of(findings, 1), rules), stream)
        assert leaks(stream.getvalue(), secrets) == [], fmt


def test_a_secret_is_redacted_percent_encoded_and_decoded():
    """A dialect that decodes a URL (or a rule that quotes one) shows the password in the other form."""
    from emaillint.engine import redact
    from emaillint.model import Finding

    secret = "Zq991Kv9p%40X2Lm 7W4"
    shown = [Finding("a.yaml", 1, 1, "schema", "error", f"host {text} is wrong")
             for text in ("Zq991Kv9p@X2Lm 7W4", "Zq991Kv9p%2540X2Lm%207W4")]
    assert [f.message for f in redact(shown, frozenset([secret]))] == ["host *** is wrong"] * 2


ECHOING = """\
accounts:
  <S>:
    host: mail.<S>.example.com
    port: 587
    security: starttls
    username: billing@gmail.com
    from: <S>
"""
"""A file that writes another file's secret where messages echo it: as an account name
(every finding about the account, and a baseline entry, names it), in a host
(provider-host) and as an address (address-syntax)."""
ELSEWHERE = {
    "a password in another file": ("a.yaml", ACCOUNT + "    password: <S>\n"),
    "URL userinfo in another file": ("a.yaml", ACCOUNT.replace("smtp.gmail.com", "smtp://u:<S>@smtp.gmail.com")),
    "a password in document 2 of another file": ("a.yaml", ACCOUNT + "---\n" + ACCOUNT + "    password: <S>\n"),
    "a Kubernetes Secret no dialect reads": ("secret.yaml", "apiVersion: v1\nkind: Secret\nstringData:\n"
                                                            "  smtp-password: <S>\n"),
    "a docker-compose environment": ("docker-compose.yml", "services:\n  app:\n    environment:\n"
                                                           "      - SMTP_PASSWORD=<S>\n"),
    "an .env file named on the command line": (".env", "SMTP_HOST=smtp.gmail.com\nexport SMTP_PASSWORD=<S>\n"
                                                       "SMTP_PORT=587\n"),
}
RUN_CASES = [(name, *planted(90 + number, template)[::-1], path)
             for number, (name, (path, template)) in enumerate(ELSEWHERE.items())]


def written_elsewhere(tmp_path: Path, path: str, text: str, secrets: list[str], fillers: int = 0) -> list[str]:
    """The secret's file and the file that echoes it (with ``fillers`` clean files, to reach
    the worker processes): the paths to lint."""
    (tmp_path / path).write_text(text)
    (tmp_path / "b.yaml").write_text(ECHOING.replace("<S>", secrets[0]))
    for number in range(fillers):
        (tmp_path / f"clean{number:03d}.yaml").write_text(ACCOUNT + "    password: ${X}\n")
    return [str(tmp_path / path), str(tmp_path)]


@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize("name, secrets, text, path", RUN_CASES, ids=[case[0] for case in RUN_CASES])
def test_a_secret_of_one_file_is_cut_out_of_every_other_files_findings(tmp_path, capsys, name, secrets, text,
                                                                        path, jobs):
    """Redaction spans the run: each file's secrets leave the file's worker in its result (in
    memory), and every finding of the run is redacted with all of them, in every format."""
    from emaillint import parallel

    paths = written_elsewhere(tmp_path, path, text, secrets, parallel.THRESHOLD if jobs == "2" else 0)
    for fmt in sorted(report.FORMATS):
        code = main([*paths, "--format", fmt, "--as-of", AS_OF, "-j", jobs])
        out, err = capsys.readouterr()
        assert code == 1, err
        assert "b.yaml" in out and "provider-host" in out  # the findings that would echo it are there
        assert leaks(out + err, secrets) == [], fmt
    assert not list(tmp_path.rglob("*cache*"))  # the secrets went back in memory, nowhere on disk


def test_a_baseline_never_records_another_files_secret(tmp_path, capsys):
    """A baseline entry names the account: an account named by another file's password is
    recorded, like every message, with the secret cut out."""
    [(_, secrets, text, path)] = [case for case in RUN_CASES if case[0] == "a password in another file"]
    paths = written_elsewhere(tmp_path, path, text, secrets)
    assert main([*paths, "--as-of", AS_OF, "--write-baseline", str(tmp_path / "baseline.json")]) == 0
    out, err = capsys.readouterr()
    written = (tmp_path / "baseline.json").read_text()
    assert '"b.yaml"' in written and '"account": "***"' in written
    assert leaks(written + out + err, secrets) == []
    assert main([*paths, "--as-of", AS_OF, "--baseline", str(tmp_path / "baseline.json")]) == 0  # and it matches


def test_a_runs_redaction_cuts_what_redaction_cuts_with_thousands_of_secrets():
    """``redact_run`` tries each finding with only the secrets whose ends it holds: the same
    cuts as ``redact`` with all of them, a secret cut short at either end included."""
    from emaillint.engine import redact, redact_run
    from emaillint.model import Edit, Finding, Fix

    secret, spaced = canary(95, 1), "Zq952Kv9p@X2Lm 7W4"
    others = frozenset(canary(95, 3)[:-4] + f"{n:04d}" for n in range(3000))
    texts = [f"host {secret} is wrong", f"got 'smtp://u:{secret[:9]}...'", f"got '...{secret[-6:]}'",
             f"cut \u2026{secret[5:]}", "Zq952Kv9p%40X2Lm%207W4 quoted", f"{secret.lower()} lower", "no secret here",
             f"{canary(95, 3)[:-4]}0042 and {canary(95, 3)[:-4]}2999"]
    findings = [Finding("a.yaml", 1, 1, "schema", "error", text, account=text, help=text, details={"x": [text]},
                        fix=Fix(f"write {text}", (Edit(0, 1, text),))) for text in texts]
    secrets = others | {secret, spaced}
    assert redact_run(findings, secrets) == redact(findings, secrets)
    assert [f.message for f in redact_run(findings, secrets)] == [
        "host *** is wrong", "got 'smtp://u:***'", "got '***'", "cut ***", "*** quoted", "*** lower",
        "no secret here", "*** and ***"]
    assert [f.fix for f in redact_run(findings, secrets)][-2] == findings[-2].fix  # a fix that writes no secret stays


def _texts_to_read():
    """Every case's config, every fixture, and the YAML test suite: all shapes of YAML."""
    from helpers import REPO, SHARED

    for case in testing.cases(REPO / "tests" / "cases"):
        configs = case.spec.get("files") or {"config.yaml": case.spec["config"]}
        yield from (text for text in configs.values() if isinstance(text, str))
    for path in sorted((REPO / "tests" / "fixtures").rglob("*.y*ml")) + sorted(
            (SHARED / "corpora" / "yaml-test-suite").rglob("in.yaml")):
        yield path.read_text(encoding="utf-8", errors="replace")


def test_a_documents_secrets_read_from_its_nodes_are_those_of_its_data():
    """The engine looks for secrets in every document, most of which no dialect converts:
    ``Document.items`` reads them from the nodes instead, and must find what the data holds
    (more only where a duplicate key's first value is dropped from the data)."""
    from emaillint.load import load

    compared = holding = 0
    for text in _texts_to_read():
        for document in load(text, "x.yaml").documents:
            if document.root is None:
                continue
            from_nodes = credentials.secrets_in(document.items())  # before anything converts it
            if not document._walked:  # an alias or a merge key: items() converted the document instead
                continue
            from_data = credentials.find_secrets(document.data)
            assert from_data <= from_nodes
            if not document.findings:  # no duplicate key
                assert from_nodes == from_data
            compared, holding = compared + 1, holding + bool(from_data)
    assert compared > 500 and holding > 50
