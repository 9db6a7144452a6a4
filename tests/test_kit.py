"""The dialect kit as a third-party dialect author meets it: one way to build an account,
a checked vocabulary, and every pain point of writing a dialect without it, each pinned
by a test that fails if it comes back."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from emaillint.api import (
    STARTTLS,
    Dialect,
    Key,
    KitError,
    Problem,
    Reader,
    Rule,
    Spelling,
    Unexpanded,
    hookimpl,
    interpolate_nothing,
    mapping,
    spelling,
)
from emaillint.testing import check_case, lint, read_accounts
from emaillint import vocabulary

from helpers import AS_OF, REPO

ACME = """\
acme:
  mail:
    server: smtp.gmail.com
    port: 587
    user: billing@gmail.com
    pass: hunter2hunter2
    sender: billing@gmail.com
"""
KEYS = {"server": "host", "port": "port", "user": "username", "pass": "password", "sender": "sender"}


def _dialect(read, name="acme"):
    """A third-party dialect plugin around ``read(reader)``, as an author writes one."""
    def detect(doc):
        return isinstance(doc.data, dict) and "acme" in doc.data

    def read_document(doc, options):
        reader = Reader(doc, options, name, interpolate_nothing, "Acme expands nothing")
        read(reader)
        return reader.reading()

    class Plugin:
        @hookimpl
        def emaillint_dialects(self):
            return [Dialect(name, "Acme's mail block", detect, read_document)]

    return Plugin()


def _acme(reader, spelled=None, **extra):
    draft = reader.draft("mail", ("acme", "mail"), spelled or spelling("Acme", KEYS))
    reader.fields(draft, mapping(reader.doc, ("acme", "mail")), KEYS)
    draft.set("security", STARTTLS, ("acme", "mail", "port"))
    for field, value in extra.items():
        draft.set(field, value)
    reader.add(draft)


def test_read_accounts_shows_what_a_dialect_produced():
    (account,) = read_accounts(ACME, plugins=[_dialect(_acme)], discover=False)
    assert (account.dialect, account.host, account.port, account.username) == ("acme", "smtp.gmail.com", 587,
                                                                               "billing@gmail.com")
    assert account.where("password") == (6, 11) and account.spelled("port", 465) == "port: 465"
    assert account.password.kind == "literal"


def test_the_kit_infers_the_sign_in_method_from_a_literal_password():
    """Formats without an auth key: a literal that is no app password is the account password,
    so legacy-auth fires for Gmail without the dialect doing anything."""
    findings = lint(ACME, plugins=[_dialect(_acme)], discover=False, as_of=AS_OF)
    assert sorted(f.rule for f in findings) == ["legacy-auth", "plaintext-password"]
    (account,) = read_accounts(ACME.replace("hunter2hunter2", "abcd efgh ijkl mnop"), plugins=[_dialect(_acme)])
    assert account.auth == "app-password"


def test_builtin_plugins_load_by_default_even_without_discovery():
    """discover=False keeps third-party plugins out, not emaillint's own providers: Gmail is known."""
    findings = lint(ACME, plugins=[_dialect(_acme)], discover=False, as_of=AS_OF)
    assert not [f for f in findings if f.rule == "unknown-provider"]
    without = lint(ACME, plugins=[_dialect(_acme)], builtins=False, discover=False, as_of=AS_OF)
    assert [f.rule for f in without if f.rule != "plaintext-password"] == ["unknown-provider"]


def test_a_misspelt_spelling_field_fails_loudly_with_the_field_meant():
    with pytest.raises(KitError, match="spelling field 'hots' is not one emaillint has; did you mean 'host'"):
        spelling("Acme", fields={"hots": "server: {}"})
    findings = lint(ACME, plugins=[_dialect(lambda r: _acme(r, Spelling("Acme", {"from": "sender: {}"})))],
                    discover=False, as_of=AS_OF)
    (error,) = [f for f in findings if f.rule == "plugin-error"]
    assert "KitError: spelling field 'from' is not one emaillint has" in error.message
    assert "(at test_kit.py:" in error.message  # the dialect's own line, not the linted file's 1:1


def test_a_misspelt_draft_field_fails_loudly():
    findings = lint(ACME, plugins=[_dialect(lambda r: _acme(r, verfy_cert=False))], discover=False, as_of=AS_OF)
    (error,) = [f for f in findings if f.rule == "plugin-error"]
    assert "account field 'verfy_cert' is not one emaillint has; did you mean 'verify_cert'?" in error.message


def test_a_problem_naming_a_setting_instead_of_a_field_is_the_rules_plugin_error():
    def check(account, context):
        yield Problem("from", "From is odd")

    class Rules:
        @hookimpl
        def emaillint_rules(self):
            return [Rule("acme-from", "warning", "odd From", "## What it does\n...", check)]

    findings = lint("accounts:\n  a:\n    host: smtp.example.com\n    port: 587\n    security: starttls\n",
                    plugins=[Rules()], discover=False, as_of=AS_OF)
    (error,) = [f for f in findings if f.rule == "plugin-error"]
    assert "Problem('from', ...), which names no account field" in error.message
    assert "plugin 'rules'" in error.message


def test_a_password_lookalike_names_its_key_never_its_value():
    def read(reader):
        draft = reader.draft("mail", ("acme", "mail"), spelling("Acme", KEYS))
        reader.fields(draft, mapping(reader.doc, ("acme", "mail")), KEYS)
        reader.add(draft)

    findings = lint(ACME.replace("hunter2hunter2", "$SMTP_PASSWORD"), plugins=[_dialect(read)], discover=False,
                    as_of=AS_OF)
    (unexpanded,) = [f for f in findings if f.rule == "unexpanded-reference"]
    # A dialect that gives no ``outcome`` (written before the message/help split) has its
    # ``expansion`` in the help, whole.
    assert (unexpanded.message, unexpanded.help) == ("pass is used as written, not expanded", "Acme expands nothing")


def test_a_third_party_unexpanded_without_text_is_refused():
    def read(reader):
        draft = reader.draft("mail", ("acme", "mail"), spelling("Acme", KEYS))
        draft.set("host", "smtp.example.com")
        account = draft.account()
        reader.accounts.append(account._replace(unexpanded={"password": Unexpanded("", "write it")}))

    findings = lint(ACME, plugins=[_dialect(read)], discover=False, as_of=AS_OF)
    assert [f.rule for f in findings] == ["plugin-error"]
    assert "Unexpanded text for 'password' is empty" in findings[0].message


def test_accounts_are_read_only_for_rules():
    seen = []

    def check(account, context):
        seen.append(account.positions)
        account.positions["host"] = (99, 1)  # what a careless rule might try
        yield from ()

    class Rules:
        @hookimpl
        def emaillint_rules(self):
            return [Rule("acme-mutate", "warning", "mutates", "## What it does\n...", check)]

    findings = lint(ACME, plugins=[_dialect(_acme), Rules()], discover=False, as_of=AS_OF)
    (error,) = [f for f in findings if f.rule == "plugin-error"]
    assert "TypeError" in error.message and "does not support item assignment" in error.message
    assert all(f.line != 99 for f in findings)


def test_unknown_keys_get_the_shared_did_you_mean():
    def read(reader):
        found = mapping(reader.doc, ("acme", "mail"))
        reader.unknown([s for key, s in found.items() if key not in KEYS], KEYS, says="Acme ignores it",
                       otherwise="Acme has no such key")
        _acme(reader)

    findings = lint(ACME.replace("    sender:", "    sendr:"), plugins=[_dialect(read)], discover=False, as_of=AS_OF)
    assert [(f.message, f.help) for f in findings if f.rule == "unknown-key"] == [
        ("sendr: Acme ignores it", "rename sendr to sender")]


def test_enumerated_security_spells_itself_and_refuses_what_the_program_does_not_know():
    keys = {**KEYS, "security": Key("security", {"starttls": STARTTLS}, otherwise="Acme refuses to start")}
    spelled = spelling("Acme", keys)
    assert spelled.security == {"starttls": "security: starttls"}

    def read(reader):
        draft = reader.draft("mail", ("acme", "mail"), spelled)
        reader.fields(draft, mapping(reader.doc, ("acme", "mail")), keys)
        reader.add(draft)

    findings = lint(ACME + "    security: tls\n", plugins=[_dialect(read)], discover=False, as_of=AS_OF)
    assert (("security: 'tls' is not one of its modes, so Acme refuses to start", "write one of starttls")
            in [(f.message, f.help) for f in findings if f.rule == "schema"])


def test_unknown_case_keys_are_refused():
    with pytest.raises(AssertionError, match=r"unknown keys \['expects'\]"):
        check_case({"name": "typo", "config": "a: 1\n", "expects": ["schema@1"]})


def test_a_case_can_disable_plugins():
    case = {"name": "no gmail", "config": "accounts:\n  a:\n    host: smtp.gmail.com\n    port: 587\n"
                                          "    security: starttls\n",
            "disabled": ["gmail"], "expect": ["unknown-provider@3"]}
    check_case(case, as_of=AS_OF)


def test_context_is_typed():
    from emaillint.model import Context

    assert "Provider" in str(Context.__annotations__["provider"]) and "Plan" in str(Context.__annotations__["plan"])


SOURCES = sorted((REPO / "src" / "emaillint").rglob("*.py")) + sorted((REPO / "plugins").rglob("*.py"))
RULE_IDS = {value for name, value in vars(vocabulary).items()
            if name.isupper() and isinstance(value, str) and "-" in value and value not in vocabulary.SECURITY_MODES
            and value not in vocabulary.SIGN_IN_METHODS}


def _strings(path: Path):
    """String constants outside docstrings (f-string parts included)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef)) and node.body
                  and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
    return [node.value for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings]


@pytest.mark.parametrize("path", [p for p in SOURCES if p.name != "vocabulary.py"], ids=lambda p: p.name)
def test_rule_ids_are_written_once(path):
    assert not RULE_IDS.intersection(_strings(path))


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.name)
def test_one_did_you_mean(path):
    """Every suggestion goes through emaillint.suggest.closest, with its one cut-off (``--diff``'s
    unified diff is difflib's too, but suggests nothing)."""
    if path.name != "suggest.py":
        text = path.read_text(encoding="utf-8")
        assert not any(name in text for name in ("get_close_matches", "SequenceMatcher"))


@pytest.mark.parametrize("path", [p for p in SOURCES if p.name not in ("kit.py", "model.py")], ids=lambda p: p.name)
def test_one_way_to_build_an_account(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    calls = [node for node in ast.walk(tree) if isinstance(node, ast.Call)
             and getattr(node.func, "id", getattr(node.func, "attr", "")) == "Account"]
    assert not calls


def test_the_vocabularys_fields_are_the_accounts():
    from emaillint.api import Account

    assert set(vocabulary.FIELDS) <= set(Account._fields)
