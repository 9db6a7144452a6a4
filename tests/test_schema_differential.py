"""The runtime's schema validator (jsonschema-rs, for speed) against the reference
implementation (the Python ``jsonschema``): they agree on valid/invalid for every document
of every fixture, and for documents hypothesis builds from the schema's own keys, so the
two can never drift apart unnoticed."""

from __future__ import annotations

import datetime
import json

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

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
    return RUNTIME.is_valid(data) == REFERENCE.is_valid(data)


def test_there_are_fixtures_of_both_kinds():
    verdicts = {REFERENCE.is_valid(data) for _, data in DOCUMENTS}
    assert len(DOCUMENTS) > 300 and verdicts == {True, False}


@pytest.mark.parametrize("name, data", DOCUMENTS, ids=[name for name, _ in DOCUMENTS])
def test_both_validators_agree_on_every_fixture(name, data):
    assert agree(data), (RUNTIME.is_valid(data), sorted(e.message for e in REFERENCE.iter_errors(data))[:3])


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
    assert agree(data), (RUNTIME.is_valid(data), sorted(e.message for e in REFERENCE.iter_errors(data))[:3])
