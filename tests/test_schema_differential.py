"""The runtime's schema validator (jsonschema-rs, for speed) against the reference
implementation (the Python ``jsonschema``): they agree on valid/invalid for every document
of every fixture, and for documents hypothesis builds from the schema's own keys, so the
two can never drift apart unnoticed. ``cleared`` (which spares a valid file the import of
jsonschema-rs) never vouches for a document the reference rejects."""

from __future__ import annotations

import datetime
import json

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from emaillint.cleared import cleared
from emaillint.load import load
from emaillint.schema import SchemaChecker
from emaillint.testing import registry as make_registry

from helpers import REPO

SCHEMA = make_registry().schema()
RUNTIME = SchemaChecker(SCHEMA)
REFERENCE = Draft202012Validator(SCHEMA)
ACCOUNT_KEYS = sorted(SCHEMA["$defs"]["account"]["properties"])


def json_data(value):
    """YAML data as JSON has it: what both validators are given (dates and tags as text)."""
    return json.loads(json.dumps(value, default=lambda item: item.isoformat()
                                 if isinstance(item, (datetime.date, datetime.time)) else str(item)))


def fixture_documents():
    texts = [(path.name, path.read_text()) for path in sorted((REPO / "examples").glob("*.yaml"))]
    for path in sorted((REPO / "tests" / "cases").glob("*.yaml")):
        texts += [(f"{path.name}: {case['name']}", case["config"])
                  for case in yaml.safe_load(path.read_text())["cases"] if isinstance(case.get("config"), str)]
    texts += [(path.name, path.read_text(encoding="utf-8", errors="replace"))
              for path in sorted((REPO / "tests" / "fixtures").rglob("*.y*ml"))]
    for name, text in texts:
        for index, document in enumerate(load(text, name).documents):
            data = document.data
            if data is not None:
                yield f"{name} #{index}", json_data(data)


DOCUMENTS = list(fixture_documents())


def agree(data) -> bool:
    """jsonschema-rs and the reference agree, and ``cleared`` vouches for no document they reject."""
    valid = RUNTIME.validated(data)
    return valid == REFERENCE.is_valid(data) and (valid or not cleared(SCHEMA, data))


def test_there_are_fixtures_of_both_kinds():
    verdicts = {REFERENCE.is_valid(data) for _, data in DOCUMENTS}
    assert len(DOCUMENTS) > 300 and verdicts == {True, False}


def test_cleared_vouches_for_the_valid_examples():
    """The fast path is taken where it matters: a valid config in the own format."""
    examples = [data for name, data in DOCUMENTS if name.startswith("gmail-invoices") or name.startswith("workspace")]
    valid = [data for _, data in DOCUMENTS if REFERENCE.is_valid(data)]
    assert examples and all(cleared(SCHEMA, data) for data in examples)
    assert sum(cleared(SCHEMA, data) for data in valid) > 0.9 * len(valid)


@pytest.mark.parametrize("name, data", DOCUMENTS, ids=[name for name, _ in DOCUMENTS])
def test_both_validators_agree_on_every_fixture(name, data):
    assert agree(data), (RUNTIME.validated(data), sorted(e.message for e in REFERENCE.iter_errors(data))[:3])


SCALARS = (st.none() | st.booleans() | st.integers(-2, 70_000) | st.integers() | st.floats(allow_nan=False)
           | st.text(max_size=12) | st.sampled_from(["tls", "starttls", "none", "app-password", "oauth2", "587",
                                                      "a@example.com", "smtp.gmail.com", "${X}", ""]))
VALUES = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=3)
                      | st.dictionaries(st.sampled_from(["to", "cc", "bcc", "messages_per_day", "x"]), inner,
                                        max_size=3), max_leaves=6)
ACCOUNTS = st.dictionaries(st.sampled_from(ACCOUNT_KEYS) | st.text(max_size=6), VALUES, max_size=6)
DOCUMENT = st.fixed_dictionaries({"accounts": st.dictionaries(st.text(min_size=1, max_size=8), ACCOUNTS,
                                                              max_size=3)}) | VALUES


@settings(max_examples=400, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(DOCUMENT)
def test_both_validators_agree_on_generated_documents(data):
    assert agree(data), (RUNTIME.validated(data), sorted(e.message for e in REFERENCE.iter_errors(data))[:3])


@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(st.sampled_from(ACCOUNT_KEYS), st.sampled_from(["${X}", "${SMTP_PORT}", "x", "", "587"]),
       st.sampled_from(["", "\n", "\r", "\r\n", " ", "\u2028", "\xe9"]), st.booleans())
def test_cleared_reads_patterns_as_jsonschema_rs_does(key, text, extra, before):
    """Python's ``$`` matches before a final newline, ECMA-262's does not (and the reference
    ``jsonschema`` reads patterns with Python's ``re``): ``cleared`` must side with jsonschema-rs."""
    account = {"host": "smtp.example.com", "port": 587, "security": "starttls"}
    data = {"accounts": {"a": {**account, key: extra + text if before else text + extra}}}
    assert RUNTIME.validated(data) or not cleared(SCHEMA, data)
