"""Dialects beyond the data-driven cases: files that are no mail config, secrets, the
plugin surface (listing, forcing, entry points), references resolved from the environment,
and provider rules applied through the account model."""

from __future__ import annotations

import base64
import re
from pathlib import Path

import pytest

from emaillint.api import (
    STARTTLS,
    TLS,
    Account,
    Dialect,
    Endpoint,
    Host,
    Plan,
    Provider,
    Reading,
    Secret,
    hookimpl,
)
from emaillint.cli import main
from emaillint.load import load
from emaillint.plugins import load_registry
from emaillint.testing import cases, check_case, lint, lint_files, read_accounts

from helpers import AS_OF, examples, printed

NOT_MAIL = Path(__file__).parent / "fixtures" / "not-mail"
CASES = Path(__file__).parent / "cases"
DIALECTS = ("alertmanager", "alertmanager-config", "authelia", "compose", "discourse", "gitlab-chart",
            "gitlab-omnibus", "grafana", "homeassistant", "kube-prometheus-stack", "mastodon", "rails", "redmine",
            "sentry", "spring", "synapse")


@pytest.fixture(scope="module")
def registry():
    return load_registry()


def test_builtin_dialects_come_in_through_entry_points(registry):
    by_name = {d.name: d for d in registry.dialects}
    assert set(DIALECTS) | {"emaillint"} == set(by_name)
    assert {by_name[name].plugin for name in DIALECTS} == set(DIALECTS)


@pytest.mark.parametrize("path", sorted(NOT_MAIL.iterdir()), ids=lambda p: p.name)
def test_a_yaml_file_that_is_no_mail_config_is_recognised_by_no_dialect(registry, path):
    text = path.read_text(encoding="utf-8")
    for document in load(text, str(path)).documents:
        assert [d.name for d in registry.dialects if d.detect(document)] == []
    assert lint(text, path=path.name, as_of=AS_OF) == []


def test_literal_and_fallback_passwords_never_reach_the_output():
    files = {
        "application.yml": "spring:\n  mail:\n    host: smtp.example.com\n    port: 25\n"
                           "    username: a@example.com\n    password: canary-spring-1\n",
        "alertmanager.yml": "global:\n  smtp_smarthost: smtp.example.com:25\n  smtp_from: a@example.com\n"
                            "  smtp_auth_username: a@example.com\n  smtp_auth_password: canary-am-2\n"
                            "  smtp_require_tls: false\nroute: {receiver: x}\n"
                            "receivers: [{name: x, email_configs: [{to: b@example.com}]}]\n",
        "docker-compose.yml": "services:\n  app:\n    environment:\n      - SMTP_HOST=smtp.example.com\n"
                              "      - SMTP_PASS=${SMTP_PASS:-canary-compose-3}\n      - SMTP_SECURE=true\n",
        "values.yaml": "grafana.ini:\n  smtp:\n    enabled: true\n    host: smtp.example.com:587\n"
                       "    password: canary-grafana-4\n",
        "notify.yaml": "- platform: smtp\n  sender: a@example.com\n  recipient: b@example.com\n"
                       "  server: smtp.example.com\n  username: a@example.com\n  password: canary-ha-5\n",
        "config/email.yml": "production:\n  smtp_settings:\n    address: smtp.example.com\n    port: 25\n"
                            "    user_name: a@example.com\n    password: canary-rails-6\n    enable_starttls_auto: false\n",
        "config/configuration.yml": "default:\n  email_delivery:\n    smtp_settings:\n      address: smtp.example.com\n"
                                    "      user_name: a@example.com\n      password: canary-redmine-7\n",
        "gitlab/docker-compose.yml": "services:\n  gitlab:\n    environment:\n      GITLAB_OMNIBUS_CONFIG: |\n"
                                     "        gitlab_rails['smtp_enable'] = true\n"
                                     "        gitlab_rails['smtp_user_name'] = 'a@example.com'\n"
                                     "        gitlab_rails['smtp_password'] = 'canary-gitlab-8'\n",
        "gitlab-values.yaml": "global:\n  smtp:\n    enabled: true\n    address: smtp.example.com\n"
                              "    user_name: a@example.com\n    password: canary-chart-9\n",
        "mastodon-values.yaml": "mastodon:\n  smtp:\n    server: smtp.example.com\n    login: a@example.com\n"
                                "    password: canary-mastodon-10\n    enable_starttls: never\n",
        "containers/app.yml": "templates: []\nenv:\n  DISCOURSE_SMTP_ADDRESS: smtp.example.com\n"
                              "  DISCOURSE_SMTP_USER_NAME: a@example.com\n  DISCOURSE_SMTP_PASSWORD: canary-discourse-11\n",
        "authelia/configuration.yml": "notifier:\n  smtp:\n    address: submissions://smtp.example.com\n"
                                      "    username: a@example.com\n    password: canary-authelia-12\n"
                                      "    sender: a@example.com\n",
        "homeserver.yaml": "email:\n  smtp_host: smtp.example.com\n  smtp_user: a@example.com\n"
                           "  smtp_pass: canary-synapse-13\n  notif_from: a@example.com\n",
        "sentry/config.yml": "mail.backend: smtp\nmail.host: smtp.example.com\nmail.username: a@example.com\n"
                             "mail.password: canary-sentry-14\n",
        "kps-values.yaml": "alertmanager:\n  config:\n    global:\n      smtp_smarthost: smtp.example.com:587\n"
                           "      smtp_from: a@example.com\n      smtp_auth_username: a@example.com\n"
                           "      smtp_auth_password: canary-kps-12\n    receivers: [{name: x, email_configs: [{to: b@example.com}]}]\n",
        **{name: "kind: AlertmanagerConfig\napiVersion: monitoring.coreos.com/v1beta1\nspec:\n  receivers:\n"
                 "    - name: x\n      emailConfigs:\n        - {to: b@example.com, smarthost: 'smtp.example.com:587',"
                 " authUsername: a@example.com, authPassword: {name: smtp, key: pw}}\n---\nkind: Secret\n"
                 f"metadata: {{name: smtp}}\n{section}:\n  pw: {value}\n"
           for name, section, value in (("amcfg.yaml", "stringData", "canary-amcfg-13"),
                                        ("amcfg-data.yaml", "data", base64.b64encode(b"canary-amcfg-14").decode()))},
    }
    findings = lint_files(files, as_of=AS_OF)
    assert {f.path for f in findings if f.rule == "plaintext-password"} == set(files)
    assert not [f for f in findings if "canary" in f.message or base64.b64encode(b"canary-amcfg-14").decode() in f.message]


def test_resolve_env_fills_compose_references_but_never_passwords():
    text = ("services:\n  app:\n    environment:\n      - SMTP_HOST=${SMTP_HOST}\n      - SMTP_PORT\n"
            "      - SMTP_SECURE=true\n      - SMTP_PASS=${SMTP_PASS}\n")
    environ = {"SMTP_HOST": "smtp.example.com", "SMTP_PORT": "587", "SMTP_PASS": "hunter2"}
    assert lint(text, path="docker-compose.yml", as_of=AS_OF) == []
    resolved = lint(text, path="docker-compose.yml", as_of=AS_OF, environ=environ)
    assert [(f.rule, f.line) for f in resolved] == [("unknown-provider", 4), ("port-security-mismatch", 6)]


class _Yahoo:
    """A stand-in Yahoo data sheet, so the account mapping is tested before the yahoo plugin lands."""

    name = "test-yahoo"
    SOURCE = "https://help.yahoo.com/kb/SLN4075.html"

    @hookimpl
    def emaillint_providers(self):
        return [Provider(
            name="yahoo", title="Yahoo Mail", domains=("yahoo.com",),
            hosts=(Host("smtp.mail.yahoo.com", (Endpoint(587, STARTTLS, self.SOURCE, True),
                                                 Endpoint(465, TLS, self.SOURCE)), self.SOURCE),),
            plans=(Plan("free", "Yahoo Mail", self.SOURCE),),
        )]


def test_a_yahoo_from_through_gmail_is_sender_mismatch_at_the_alertmanager_line():
    from emaillint_plugins import gmail
    from emaillint_plugins.dialects import alertmanager

    text = """\
        global:
          smtp_smarthost: 'smtp.gmail.com:587'
          smtp_from: 'Alertmanager <abc@yahoo.com>'
          smtp_auth_username: 'alerts@gmail.com'
          smtp_auth_password_file: /etc/alertmanager/smtp_password
        route:
          receiver: team
        receivers:
        - name: team
          email_configs:
          - to: 'team@example.com'
        """
    findings = lint(text, path="alertmanager.yml", plugins=[alertmanager, gmail, _Yahoo()], builtins=False,
                    as_of=AS_OF)
    assert [(f.rule, f.line, f.column) for f in findings] == [("sender-mismatch", 3, 14)]
    assert "receivers reject it under yahoo.com's DMARC policy" in findings[0].message


OWN_KEYS = re.compile(r"(?<![\w.])(auth: (password|app-password|oauth2|none)|plan:|provider: |"
                      r"security: (starttls|tls|none))")
"""Settings only emaillint's format has; ``mail.smtp.auth: true`` (a JavaMail property) is not one."""


@pytest.mark.parametrize("case", [c for c in cases(CASES) if c.id.split(":")[0] in DIALECTS], ids=lambda c: c.id)
def test_advice_to_dialect_users_names_no_key_of_emaillints_format(case):
    findings = check_case(case, as_of=AS_OF)
    assert [f.message for f in findings if OWN_KEYS.search(f.message)] == []


class _Ini:
    """A third-party dialect that spells nothing: advice falls back to words, never to
    emaillint's keys, which its users cannot write."""

    name = "test-ini"

    @hookimpl
    def emaillint_dialects(self):
        return [Dialect("ini", "mail.ini as YAML", lambda doc: "mail_ini" in doc.data, self.read)]

    def read(self, doc, options):
        data = doc.data["mail_ini"]
        fields = ("host", "port", "security", "username", "password")
        return Reading([Account(
            "mail_ini", "ini", doc.position(("mail_ini",), key=True), host=data["host"], port=data["port"],
            security=data["security"], username=data["username"], password=Secret("literal"),
            auth="password", positions={field: doc.position(("mail_ini", field)) for field in fields},
        )], [], frozenset([data["password"]]))


def test_a_dialect_without_spellings_gets_advice_in_words():
    text = """\
        mail_ini:
          host: imap.gmail.com
          port: 2525
          security: none
          username: ops@gmail.com
          password: Winter2024!
        """
    findings = lint(text, path="mail.yaml", plugins=[_Ini()], as_of=AS_OF)
    provider_rules = ("provider-host", "provider-port", "legacy-auth")
    assert [(f.rule, f.line, f.message, f.help) for f in findings if f.rule in provider_rules] == [
        ("provider-host", 2, "imap.gmail.com is Gmail's IMAP server (reading mail), not its SMTP server",
         "use smtp.gmail.com as the SMTP host"),
        ("provider-port", 3, "smtp.gmail.com does not accept mail submission on port 2525",
         "use port 587 with STARTTLS, or port 465 with implicit TLS"),
        ("legacy-auth", 6, "Gmail free stopped accepting plain account passwords on 2022-05-30",
         "'less secure apps' and DisplayUnlockCaptcha no longer exist: sign in with an app password (create one"
         " after turning on 2-Step Verification) or with OAuth2"),
    ]


def test_dialects_are_listed_and_a_forced_dialect_reads_only_its_own_format(capsys, tmp_path):
    assert main(["dialects"]) == 0
    listed = [line.split()[0] for line in capsys.readouterr().out.splitlines()[1:]]
    assert sorted(listed) == sorted(DIALECTS + ("emaillint",))
    config = tmp_path / "mail.yml"
    config.write_text("spring:\n  mail:\n    host: smtp.example.com\n    port: 587\n"
                      "    username: a@example.com\n    password: ${P}\n")
    assert main([str(config), "--dialect", "spring", "--as-of", AS_OF]) == 1
    assert "cleartext-auth" in capsys.readouterr().out
    assert main([str(config), "--dialect", "alertmanager", "--as-of", AS_OF]) == 0
    assert capsys.readouterr().out == "1 file checked: no findings\n"


def test_every_rule_explains_itself_in_the_four_sections(registry):
    for rule in registry.rules.values():
        for section in ("## What it does", "## Why is this bad", "## Example", "## Use instead"):
            assert section in rule.explanation, (rule.id, section)


def _readme_examples():
    """``(file name, YAML, expected output)`` for each example in the README's Dialects section."""
    text = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    section = text.split("## Dialects", 1)[1].split("\n## ", 1)[0]
    return [pytest.param(name, config, output, id=name) for name, config, output in examples(section)]


@pytest.mark.parametrize("name, config, output", _readme_examples())
def test_the_readme_dialect_examples_print_what_the_readme_shows(name, config, output):
    assert printed(lint(config, path=name, as_of=AS_OF)) == output


def test_every_dialect_has_an_example_in_the_readme_or_the_formats_page():
    """The README shows one example per format, one of the ActionMailer family among them;
    docs/formats.md has one for each dialect of that family (test_actionmailer runs those)."""
    pattern = re.compile(r"```yaml\n# (\S+)[^\n]*\n(.*?)```\n```text\n", re.S)
    formats = (Path(__file__).resolve().parent.parent / "docs" / "formats.md").read_text(encoding="utf-8")

    def dialect(name, config):
        [read_by] = {account.dialect for account in read_accounts(config, path=name, as_of=AS_OF)}
        return read_by

    in_readme = [dialect(*example.values[:2]) for example in _readme_examples()]
    assert len(in_readme) == len(set(in_readme))
    assert set(in_readme) | {dialect(*found) for found in pattern.findall(formats)} == set(DIALECTS)


def _formats_examples():
    """``(file name, YAML, expected output)`` for the example of each docs/formats.md section
    that names a dialect in its heading (``## Rails ... (`rails`)``)."""
    text = (Path(__file__).resolve().parent.parent / "docs" / "formats.md").read_text(encoding="utf-8")
    pattern = re.compile(r"```yaml\n# (\S+)[^\n]*\n(.*?)```\n```text\n(.*?)```", re.S)
    sections = [s for s in text.split("\n## ")[1:] if re.search(r"\(`[a-z-]+`\)$", s.split("\n")[0])]
    return [pytest.param(*found, id=found[0]) for section in sections for found in pattern.findall(section)]


def test_every_dialect_section_of_docs_formats_has_one_example():
    text = (Path(__file__).resolve().parent.parent / "docs" / "formats.md").read_text(encoding="utf-8")
    named = [line for line in text.splitlines() if line.startswith("## ") and re.search(r"\(`[a-z-]+`\)$", line)]
    assert len(_formats_examples()) == len(named)


@pytest.mark.parametrize("name, config, output", _formats_examples())
def test_the_formats_page_examples_print_what_the_page_shows(name, config, output):
    assert printed(lint(config, path=name, as_of=AS_OF)) == output


def _shapes(node, path=()):
    """Every key and list item of a parsed YAML document, as a path."""
    items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
    for key, value in items:
        yield path + (key,)
        yield from _shapes(value, path + (key,))


def test_any_value_of_the_wrong_shape_is_a_finding_or_nothing_never_a_plugin_error(registry):
    """Each value of every dialect case, replaced in turn by a value of another type."""
    import copy
    import textwrap

    import yaml

    from emaillint.engine import Linter, Options

    class Loader(yaml.SafeLoader):
        """Reads Home Assistant's tags (``!secret name``) as plain text."""

    Loader.add_multi_constructor("!", lambda loader, tag, node: loader.construct_scalar(node))
    linter = Linter(registry, Options(AS_OF))
    cases = Path(__file__).parent / "cases"
    swaps = (None, 7, True, [], {"k": "v"}, "${X:-y}", "[::1]:x")
    linted = 0
    for name in DIALECTS:
        specs = yaml.safe_load((cases / f"{name}.yaml").read_text(encoding="utf-8"))["cases"]
        for text in [t for case in specs for t in (case["files"].values() if "files" in case else [case["config"]])]:
            documents = list(yaml.load_all(textwrap.dedent(text), Loader=Loader))
            for index, document in enumerate(documents):
                for path in list(_shapes(document)):
                    for swap in swaps:
                        changed = copy.deepcopy(documents)
                        node = changed[index]
                        for part in path[:-1]:
                            node = node[part]
                        node[path[-1]] = swap
                        result = linter.lint_text(yaml.safe_dump_all(changed), f"{name}.yaml")
                        linted += 1
                        assert not [f for f in result.findings if f.rule == "plugin-error"], (name, path, swap)
    assert linted > 1000


ORDINARY_YAML = sorted((Path(__file__).parent / "fixtures" / "not-mail").glob("*.y*ml"))


@pytest.mark.parametrize("path", ORDINARY_YAML, ids=lambda p: p.name)
def test_a_document_no_dialect_claims_is_decided_from_its_keys(registry, path):
    """Most YAML in a repository holds no mail settings: detection reads the composed nodes'
    keys, and converts a document only where its keys say a dialect may claim it (a
    ConfigMap, Home Assistant's notify: list), never a workflow, a chart or a manifest."""
    from emaillint import load

    claimable = {"deployment.yaml": {1}, "ha-configuration.yaml": {0}}.get(path.name, set())
    for doc in load.load(path.read_text(encoding="utf-8"), path.name).documents:
        assert not [d.name for d in registry.dialects if d.detect(doc)]
        assert (doc._data is not load._UNREAD) == (doc.index in claimable), doc.index


def test_the_benchmarks_ordinary_files_are_never_converted(registry):
    import importlib.util

    from emaillint import load

    spec = importlib.util.spec_from_file_location("bench", Path(__file__).parent.parent / "benchmarks" / "run.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    for template in bench.ORDINARY.values():
        for doc in load.load(template.format(name="svc0001", n=2), "x.yaml").documents:
            assert not [d.name for d in registry.dialects if d.detect(doc)]
            assert doc._data is load._UNREAD
