"""The shipped JSON Schema, and schema messages that quote what the user wrote."""

from __future__ import annotations

import json

import pytest

from emaillint import testing
from emaillint.api import hookimpl
from emaillint.cli import main
from emaillint.escape import printable
from emaillint.plugins import OWN_DIST, load_registry
from emaillint.schema import base_schema

from helpers import AS_OF, MAILBOXES, SENDERS


def test_the_shipped_schema_is_valid_json_schema():
    import jsonschema
    import jsonschema_rs

    schema = base_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema_rs.meta.validate(schema)


def test_the_plan_description_names_the_plans_of_every_built_in_provider():
    registry = load_registry()
    own = {info.name for info in registry.plugins if info.dist == OWN_DIST}
    description = base_schema()["$defs"]["account"]["properties"]["plan"]["description"]
    built_in = [registry.providers.provider(name) for name, plugin in list(registry.providers.plugin_of.items())
                if plugin in own]
    assert {provider.name for provider in built_in} == {"gmail", "yahoo", "hotmail", "outlook", *SENDERS, *MAILBOXES}
    for provider in built_in:
        assert f"{provider.name}: {' | '.join(plan.name for plan in provider.plans)}" in description
    assert "emaillint providers" in description


@pytest.mark.parametrize("text, shown", [
    ("smtp.gmail.com", "smtp.gmail.com"),
    ("C:\\mail", "C:\\mail"),  # nothing to escape: shown as written
    ("ho\nst", "ho\\nst"),
    ("a\tb\r\n", "a\\tb\\r\\n"),
    ("\x1b[31mred", "\\x1b[31mred"),
    ("line\u2028break", "line\\u2028break"),
    ("back\\slash\n", "back\\\\slash\\n"),  # escaped text doubles its backslashes, as repr does
    ("it's \"quoted\"\n", "it's \"quoted\"\\n"),  # no quote escapes
])
def test_printable_escapes_control_characters_as_repr_does(text, shown):
    assert printable(text) == shown


CONTROL = (
    'accounts:\n'
    '  "in\\nvoices":\n'
    '    host: smtp.gmail.com\n'
    '    port: "58\\x07"\n'
    '    security: "start\\ntls"\n'
    '    "ho\\rst": x\n'
    '    auth: "app\\npassword"\n'
    '    provider: "gm\\nail"\n'
    '    username: billing@gmail.com\n'
    '    password: ${SMTP_PASSWORD}\n'
)


def test_keys_and_values_with_control_characters_are_shown_escaped():
    findings = testing.lint(CONTROL, as_of=AS_OF)
    assert [(f.line, f.rule, f.message, f.help) for f in findings] == [
        (4, "schema", "accounts.in\\nvoices.port: text '58\\x07' is not valid here",
         "write a whole number from 1 to 65535 or a ${NAME} reference"),
        (5, "schema", "accounts.in\\nvoices.security: text 'start\\ntls' is not valid here",
         "write one of starttls, tls, none or a ${NAME} reference"),
        (6, "schema", "accounts.in\\nvoices.ho\\rst: unknown key", "write host instead of ho\\rst"),
        (7, "schema", "accounts.in\\nvoices.auth: text 'app\\npassword' is not valid here",
         "write one of password, app-password, oauth2, api-key, none"),
        (8, "schema", "provider: 'gm\\nail' is not an installed provider", "write provider: gmail"),
    ]


@pytest.mark.parametrize("output", ["text", "json", "sarif", "github"])
def test_every_output_format_keeps_one_finding_on_one_line(capsys, tmp_path, output):
    (tmp_path / "control.yaml").write_text(CONTROL)
    code = main(["check", str(tmp_path / "control.yaml"), "--format", output, "--as-of", AS_OF])
    out, err = capsys.readouterr()
    assert (code, err) == (1, "")
    if output == "text":
        lines = out.splitlines()  # each finding, then its help indented on the next line
        assert len(lines) == 11 and all(line.startswith(str(tmp_path)) for line in lines[:-1:2])
        assert all(line.startswith("    help: ") for line in lines[1:-1:2])
        assert "text 'start\\ntls' is not valid here" in out
        return
    if output == "github":
        lines = out.splitlines()
        assert len(lines) == 6 and all(line.startswith("::error ") for line in lines[:-1])
        # the one line break is the one between message and help
        assert all(line.count("%0A") == 1 and "%0D" not in line for line in lines[:-1])
        return
    document = json.loads(out)
    messages = ([f["message"] for f in document["findings"]] if output == "json"
                else [r["message"]["text"] for r in document["runs"][0]["results"]])
    assert len(messages) == 5
    if output == "sarif":  # SARIF's message is the message and, on a second line, the help
        messages = [part for message in messages for part in message.split("\n", 1)]
    assert all(message.isprintable() for message in messages)
    assert "accounts.in\\nvoices.ho\\rst: unknown key" in messages


class Token:
    """Declares a secret account key whose value has a shape, so a wrong value is a schema error."""

    name = "token"

    @hookimpl
    def emaillint_schema_properties(self):
        return {"token_key": {"type": "string", "pattern": "^tok-", "writeOnly": True}}


def test_a_secret_with_control_characters_is_still_never_shown():
    config = CONTROL.replace('    provider: "gm\\nail"\n', '    token_key: "Zq9sec\\nKv9pX2Lm\\t7W4"\n')
    findings = testing.lint(config, plugins=[Token()], as_of=AS_OF)
    message = next(f.message for f in findings if f.line == 8)
    assert message == "accounts.in\\nvoices.token_key: text is not valid here"
    for finding in findings:
        for part in ("Zq9sec", "Kv9pX2Lm", "7W4"):
            assert part not in finding.message + finding.help


def _fixture_documents() -> list[object]:
    """Every YAML document the tests lint (cases, fixtures, examples) that plain YAML can load,
    as JSON data: the documents the two forms of the schema must agree on."""
    import yaml

    from helpers import REPO

    texts = []
    for case in testing.cases(REPO / "tests" / "cases"):
        texts += [case.spec["config"]] if "config" in case.spec else list(case.spec.get("files", {}).values())
    for folder in ("tests/fixtures", "examples"):
        texts += [path.read_text(encoding="utf-8") for path in sorted((REPO / folder).rglob("*.y*ml"))]
    documents = []
    for text in texts:
        try:
            documents += [json.loads(json.dumps(d, default=str)) for d in yaml.safe_load_all(text)]
        except yaml.YAMLError:  # a syntax error, or a tag (!secret) plain YAML cannot load
            continue
    return documents


def test_the_draft_07_schema_is_the_shipped_schema_in_draft_07_terms():
    import jsonschema

    from emaillint.schema import DRAFT_07_FILE, draft07, schema_path

    with open(schema_path().replace("emaillint.schema.json", DRAFT_07_FILE), encoding="utf-8") as handle:
        shipped = json.load(handle)
    assert shipped == draft07(base_schema()), "regenerate it: emaillint schema --draft 7 > schemas/" + DRAFT_07_FILE
    jsonschema.Draft7Validator.check_schema(shipped)
    assert "$defs" not in json.dumps(shipped)


def test_the_draft_07_schema_accepts_and_rejects_what_the_2020_12_one_does_on_every_fixture():
    import jsonschema
    import jsonschema_rs

    from emaillint.schema import draft07

    documents = _fixture_documents()
    accounts = [d for d in documents if isinstance(d, dict) and isinstance(d.get("accounts"), dict)]
    for document in accounts:  # each account alone, and with a key it must not have, too
        for name, account in document["accounts"].items():
            documents.append({"accounts": {name: account}})
            if isinstance(account, dict):
                documents.append({"accounts": {name: {**account, "hots": "x"}}})
    current, editors = jsonschema_rs.validator_for(base_schema()), jsonschema.Draft7Validator(draft07(base_schema()))
    verdicts = [(current.is_valid(d), editors.is_valid(d)) for d in documents]
    assert [now for now, then in verdicts] == [then for now, then in verdicts]
    assert sum(now for now, _ in verdicts) >= 50 and sum(not now for now, _ in verdicts) >= 50


@pytest.mark.parametrize("schema, documents", [
    ({"$defs": {"n": {"type": "integer"}}, "properties": {"a": {"$ref": "#/$defs/n", "minimum": 3}}},
     [{"a": 4}, {"a": 2}, {"a": "x"}]),  # draft-07 ignores a $ref's siblings: they move into allOf
    ({"prefixItems": [{"type": "string"}], "items": {"type": "integer"}},
     [["a", 1], ["a", "b"], [1], []]),
    ({"dependentRequired": {"a": ["b"]}, "dependentSchemas": {"c": {"required": ["d"]}}},
     [{"a": 1}, {"a": 1, "b": 2}, {"c": 1}, {"c": 1, "d": 2}]),
])
def test_draft07_keeps_the_verdicts_of_the_2020_12_keywords_it_rewrites(schema, documents):
    import jsonschema

    from emaillint.schema import draft07

    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}
    current, editors = jsonschema.Draft202012Validator(schema), jsonschema.Draft7Validator(draft07(schema))
    jsonschema.Draft7Validator.check_schema(draft07(schema))
    assert [current.is_valid(d) for d in documents] == [editors.is_valid(d) for d in documents]
    assert len({current.is_valid(d) for d in documents}) == 2


def test_a_keyword_draft_07_cannot_say_is_refused_by_name():
    from emaillint.schema import DraftError, draft07

    with pytest.raises(DraftError, match="'unevaluatedProperties' has no draft-07 form"):
        draft07({"properties": {"relay": {"type": "object", "unevaluatedProperties": False}}})


@pytest.mark.parametrize("port", [2**63, -(2**64), 10**30])
def test_an_integer_wider_than_64_bits_is_a_schema_finding_with_its_own_digits(port):
    findings = testing.lint(f"accounts:\n  a:\n    host: smtp.gmail.com\n    port: {port}\n    security: tls\n", as_of=AS_OF)
    assert [(f.rule, f.line) for f in findings if f.rule in ("schema", "plugin-error")] == [("schema", 4)]
    assert str(port) in next(f.message for f in findings if f.rule == "schema")
