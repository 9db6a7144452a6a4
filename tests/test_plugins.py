"""Plugin isolation and clashes, in-process: the real registry and engine, with small plugins
defined here next to the installed ones (gmail). The same behaviour through installed
distributions and the command line is in integration/test_plugin_distributions.py."""

from __future__ import annotations

import pytest

from emaillint.api import (
    ERROR,
    STARTTLS,
    Dialect,
    Endpoint,
    Host,
    OtherHost,
    Plan,
    Problem,
    Provider,
    Reading,
    Rule,
    SecretShape,
    Username,
    hookimpl,
)
from emaillint.plugins import HOOKS, PLUGIN_PATH
from emaillint.run import exit_code
from emaillint.testing import check_plugin, labels, lint, registry

from helpers import AS_OF, BUILTIN_PLUGINS, GMAIL_465_STARTTLS

RELAY_DOCS = "https://intranet.acme.example/mail/relay"
RELAY = Provider(
    name="acme-relay",
    title="ACME relay",
    hosts=(Host("relay.acme.example", (Endpoint(587, STARTTLS, RELAY_DOCS, recommended=True),), RELAY_DOCS),),
    domains=("acme.example",),
    plans=(Plan("standard", "ACME relay", RELAY_DOCS, recipients_per_day=20_000),),
)


def _pool(account, context):
    if context.provider is RELAY and "acme_pool" not in account.extra:
        yield Problem("host", "the ACME relay needs a sending pool; add acme_pool: eu (or us)")


POOL_RULE = Rule("acme-pool", ERROR, "an ACME relay account names no sending pool",
                 "## What it does\n...\n## Why is this bad\n...\n## Example\n...\n## Use instead\n...", _pool)


class Relay:
    """A well-behaved plugin: a company relay, its own account key, and a rule reading it."""

    name = "acme"

    @hookimpl
    def emaillint_providers(self):
        return [RELAY]

    @hookimpl
    def emaillint_rules(self):
        return [POOL_RULE]

    @hookimpl
    def emaillint_schema_properties(self):
        return {"acme_pool": {"type": "string", "enum": ["eu", "us"]},
                "acme_token": {"type": "string", "writeOnly": True}}


CONFIG = GMAIL_465_STARTTLS + """\
  relay:
    host: relay.acme.example
    port: 587
    security: starttls
"""
BASELINE = ["acme-pool@10", "port-security-mismatch@5"]
"""gmail's finding and the well-behaved plugin's: both must survive any other plugin's failure."""


def plugin(name: str = "bad", **hooks) -> object:
    """A plugin object named ``name`` whose hooks are the given functions."""
    return type(name.title(), (), {"name": name, **{hook: hookimpl(f) for hook, f in hooks.items()}})()


def run(*plugins, config: str = CONFIG, **options):
    findings = lint(config, plugins=[Relay(), *plugins], as_of=AS_OF, **options)
    errors = [f.message for f in findings if f.rule == "plugin-error"]
    return findings, errors


def others(findings) -> list[str]:
    return [label for label in labels(findings) if not label.startswith("plugin-error")]


def test_the_well_behaved_plugin_and_gmail_give_the_baseline():
    findings, errors = run()
    assert errors == [] and labels(findings) == BASELINE
    assert exit_code(findings) == 1


def _boom(self):
    raise RuntimeError("sheet not found")


@pytest.mark.parametrize("hook", HOOKS)
def test_a_raising_hook_is_a_plugin_error_and_everything_else_still_counts(hook):
    findings, errors = run(plugin(**{hook: _boom}))
    assert errors == [f"plugin 'bad': {hook}() raised RuntimeError: sheet not found; what it returns is"
                      " not used: fix or upgrade the plugin, or turn it off with --disable-plugin bad"]
    assert [f.path for f in findings if f.rule == "plugin-error"] == [PLUGIN_PATH]
    assert others(findings) == BASELINE
    assert exit_code(findings) == 2


def test_a_generator_that_raises_halfway_counts_as_raising():
    def rules(self):
        yield POOL_RULE._replace(id="bad-one")
        raise KeyError("second")

    findings, errors = run(plugin(emaillint_rules=rules))
    assert errors[0].startswith("plugin 'bad': emaillint_rules() raised KeyError: 'second'")
    assert others(findings) == BASELINE


def test_a_hook_calling_sys_exit_does_not_end_the_run():
    def providers(self):
        raise SystemExit(3)

    findings, errors = run(plugin(emaillint_providers=providers))
    assert errors[0].startswith("plugin 'bad': emaillint_providers() raised SystemExit: 3")
    assert others(findings) == BASELINE


@pytest.mark.parametrize("hook, value, expected", [
    ("emaillint_rules", lambda self: ["acme-pool"], "emaillint_rules() returned a str where emaillint expects Rule objects"),
    ("emaillint_providers", lambda self: [{"name": "x"}], "returned a dict where emaillint expects Provider objects"),
    ("emaillint_dialects", lambda self: [RELAY], "returned a Provider where emaillint expects Dialect objects"),
    ("emaillint_schema_properties", lambda self: ["acme_x"], "returned a list where emaillint expects a dict"),
    ("emaillint_providers", lambda self: 42, "raised TypeError: 'int' object is not iterable"),
])
def test_a_hook_returning_the_wrong_type_is_a_plugin_error(hook, value, expected):
    findings, errors = run(plugin(**{hook: value}))
    assert len(errors) == 1 and expected in errors[0]
    assert others(findings) == BASELINE


@pytest.mark.parametrize("rule, expected", [
    (POOL_RULE._replace(id="Bad Id"), "rule id 'Bad Id' is not a lower-case slug; write one like 'acme-relay-pool'"),
    (POOL_RULE._replace(id="bad-severity", severity="fatal"), "has severity 'fatal'; write one of error, warning, info"),
    (POOL_RULE._replace(id="bad-scope", scope="file"), "has scope 'file'; write one of account, run, engine"),
    (POOL_RULE._replace(id="no-check", check=None), "has scope 'account' but no check function"),
    (POOL_RULE._replace(id="no-finish", scope="run"), "has scope 'run' but no finish function"),
    (POOL_RULE._replace(id="no-docs", explanation=""), "has no summary or explanation"),
])
def test_malformed_rules_are_refused_by_name(rule, expected):
    reg = registry([Relay(), plugin(emaillint_rules=lambda self: [rule])])
    assert len(reg.problems["bad"]) == 1 and expected in reg.problems["bad"][0]
    assert rule.id not in reg.rules and "acme-pool" in reg.rules


@pytest.mark.parametrize("provider, expected", [
    (RELAY._replace(name="ACME"), "provider name 'ACME' is not a lower-case slug"),
    (RELAY._replace(hosts=("relay.acme.example",)), "provider 'acme-relay': hosts must be a tuple of Host"),
    (RELAY._replace(plans=[RELAY.plans[0]]), "provider 'acme-relay': plans must be a tuple of Plan"),
    (RELAY._replace(hosts=(RELAY.hosts[0]._replace(name="Relay.ACME.example"),)), "must be written in lower case"),
    (RELAY._replace(hosts=(RELAY.hosts[0]._replace(endpoints=(587,)),)), "endpoints must be a tuple of Endpoint"),
    # the fields that came with the sending services
    (RELAY._replace(hosts=(RELAY.hosts[0]._replace(confidence="high"),)),
     "Host 'relay.acme.example': confidence 'high' is not one of HIGH, MEDIUM, LOW"),
    (RELAY._replace(hosts=(RELAY.hosts[0]._replace(endpoints=(Endpoint(587, STARTTLS, RELAY_DOCS, confidence=3),)),)),
     "Endpoint 587: confidence must be a string, not an int"),
    (RELAY._replace(hosts=(RELAY.hosts[0]._replace(pattern="relay[.acme"),)),
     "Host 'relay.acme.example': pattern 'relay[.acme' is not a regular expression"),
    (RELAY._replace(wrong_hosts=(OtherHost("api.acme.example", "x", "y", RELAY_DOCS, kind="https"),)),
     "host api.acme.example has kind 'https'; write API_ENDPOINT, INBOUND_ENDPOINT or leave it out"),
    (RELAY._replace(wrong_hosts=(OtherHost("api.<region>.acme.example", "smtp.{zone}.acme.example", "y", RELAY_DOCS,
                                           pattern=r"api\.(?P<region>\w+)\.acme\.example"),)),
     "use_instead and reason may name only the pattern's groups and {host} in braces (KeyError: 'zone')"),
    (RELAY._replace(plans=(RELAY.plans[0]._replace(domain_patterns="sandbox.acme.example"),)),
     "Plan 'standard': domain_patterns must be a tuple, not a str ('sandbox.acme.example')"),
    (RELAY._replace(plans=(RELAY.plans[0]._replace(sandbox=True),)), "Plan 'standard': sandbox must be a string"),
    (RELAY._replace(usernames=(Username("the word relay", RELAY_DOCS, fixed=7),)),
     "Username 7: fixed must be a string, not an int"),
    (RELAY._replace(usernames=(Username("anything", RELAY_DOCS),)),
     "Username 'anything' needs a meaning, a fixed username or a pattern"),
    (RELAY._replace(usernames=["relay"]), "provider 'acme-relay': usernames must be a tuple of Username"),
    (RELAY._replace(secrets=(SecretShape("ACME key", r"acme_\w+", "an ACME key", RELAY_DOCS),)),
     "SecretShape 'ACME key' needs a slug name, a pattern, and distinctive as True or False"),
    (RELAY._replace(secrets=(SecretShape("acme-key", r"acme_([a-z]+", "an ACME key", RELAY_DOCS),)),
     "pattern 'acme_([a-z]+' is not a regular expression"),
    (RELAY._replace(sender_confidence="sure"), "sender_confidence must be one of HIGH, MEDIUM, LOW"),
])
def test_malformed_providers_are_refused_by_name(provider, expected):
    reg = registry([plugin(emaillint_providers=lambda self: [provider])])
    assert len(reg.problems["bad"]) == 1 and expected in reg.problems["bad"][0]
    assert "gmail" in reg.providers.by_name and provider.name not in reg.providers.by_name


def test_a_rule_that_raises_at_lint_time_fails_on_that_account_only():
    def check(account, context):
        return {"relay": None}[account.name].items()  # AttributeError on relay, KeyError on invoices

    findings, errors = run(plugin(emaillint_rules=lambda self: [POOL_RULE._replace(id="bad-rule", check=check)]))
    broken = [f for f in findings if f.rule == "plugin-error"]
    assert [(f.path, f.line, f.account) for f in broken] == [("config.yaml", 2, "invoices"),
                                                             ("config.yaml", 9, "relay")]
    # the message ends with the plugin's own line, where its code went wrong
    line = check.__code__.co_firstlineno + 1
    assert errors[0] == (f"plugin 'bad': rule 'bad-rule' raised on account 'invoices': KeyError: 'invoices'"
                         f" (at test_plugins.py:{line})")
    assert others(findings) == BASELINE
    assert exit_code(findings) == 2


@pytest.mark.parametrize("yielded", ["a string", Problem("host", 42), Problem("host", "text", "fatal")])
def test_a_rule_yielding_something_else_than_a_problem_is_a_plugin_error(yielded):
    rule = POOL_RULE._replace(id="bad-rule", check=lambda account, context: [yielded])
    findings, errors = run(plugin(emaillint_rules=lambda self: [rule]))
    assert len(errors) == 2 and "yield Problem(field, message)" in errors[0]
    assert others(findings) == BASELINE


def test_a_run_rule_whose_finish_raises_is_a_plugin_error():
    def finish(records):
        raise ValueError("no records")

    rule = POOL_RULE._replace(id="bad-run", scope="run", check=lambda account, context: account.name,
                              finish=finish)
    findings, errors = run(plugin(emaillint_rules=lambda self: [rule]))
    assert errors == ["plugin 'bad': rule 'bad-run' raised in finish(): ValueError: no records; fix or upgrade the"
                      " plugin, or turn it off with --disable-plugin bad"]
    assert others(findings) == BASELINE


def test_a_plugin_error_never_shows_a_secret_from_the_file():
    def check(account, context):
        if "acme_token" in account.extra:
            raise ValueError(f"token {account.extra['acme_token']} rejected")
        return ()

    config = CONFIG + "    acme_pool: eu\n    acme_token: s3cr3t-t0ken-value\n"
    findings, errors = run(plugin(emaillint_rules=lambda self: [POOL_RULE._replace(id="bad-rule", check=check)]),
                           config=config)
    line = check.__code__.co_firstlineno + 2
    assert errors == [f"plugin 'bad': rule 'bad-rule' raised on account 'relay': ValueError: token *** rejected"
                      f" (at test_plugins.py:{line})"]
    assert all("s3cr3t" not in f.message for f in findings)
    assert labels(findings) == ["plugin-error@9", "port-security-mismatch@5"]


def _dialect(detect, read):
    return plugin(emaillint_dialects=lambda self: [Dialect("odd", "a test format", detect, read)])


@pytest.mark.parametrize("bad, expected", [
    (_dialect(lambda doc: 1 / 0, None), "dialect 'odd' raised in detect: ZeroDivisionError"),
    (_dialect(lambda doc: "odd" in doc.data, lambda doc, options: 1 / 0),
     "dialect 'odd' raised reading this file: ZeroDivisionError"),
    (_dialect(lambda doc: "odd" in doc.data, lambda doc, options: Reading([{"host": "x"}], [])),
     "dialect 'odd' raised reading this file: TypeError: read() returned a malformed Reading"),
])
def test_a_failing_dialect_fails_for_its_file_only(bad, expected):
    findings = lint(CONFIG, plugins=[Relay(), bad], as_of=AS_OF) + \
        lint("odd: true\n", path="odd.yaml", plugins=[bad], as_of=AS_OF)
    errors = [f for f in findings if f.rule == "plugin-error"]
    assert errors and all(expected in f.message for f in errors)
    assert others(findings) == BASELINE


def test_a_provider_name_clash_names_both_plugins_and_keeps_the_first():
    impostor = RELAY._replace(name="gmail", hosts=(), domains=())
    findings, errors = run(plugin(emaillint_providers=lambda self: [impostor]))
    assert errors == ["plugin 'bad': provider 'gmail' is already defined by plugin 'gmail', so this one is not"
                      " used; turn one of the two plugins off with --disable-plugin NAME"]
    assert others(findings) == BASELINE
    assert {f.provider for f in findings if f.account == "invoices"} == {"gmail"}


@pytest.mark.parametrize("provider, claim", [
    (RELAY._replace(name="google-relay", hosts=(RELAY.hosts[0]._replace(name="smtp.gmail.com"),)),
     "claims host smtp.gmail.com, which provider 'gmail' (plugin 'gmail') already claims"),
    (RELAY._replace(name="google-imap", hosts=(RELAY.hosts[0]._replace(name="imap.gmail.com"),)),
     "claims host imap.gmail.com, which provider 'gmail' (plugin 'gmail') already claims"),
    (RELAY._replace(name="google-legacy", legacy_hosts=(OtherHost("smtp.gmail.com", "x", "y", RELAY_DOCS),)),
     "claims host smtp.gmail.com, which provider 'gmail' (plugin 'gmail') already claims"),
    (RELAY._replace(name="google-users", hosts=(), domains=("googlemail.com",)),
     "claims username domain googlemail.com, which provider 'gmail' (plugin 'gmail') already claims"),
])
def test_a_host_or_domain_clash_is_an_error_not_a_silent_override(provider, claim):
    reg = registry([plugin(emaillint_providers=lambda self: [provider])])
    assert len(reg.problems["bad"]) == 1 and claim in reg.problems["bad"][0]
    assert provider.name not in reg.providers.by_name
    assert reg.providers.for_host("smtp.gmail.com").provider.name == "gmail"


def test_a_host_that_a_built_in_pattern_matches_is_a_clash_too():
    """SES's hosts are one pattern; a third-party sheet naming one of them must not silently win."""
    ses = RELAY._replace(name="my-ses", hosts=(RELAY.hosts[0]._replace(name="email-smtp.eu-west-1.amazonaws.com"),),
                         domains=())
    reg = registry([plugin(emaillint_providers=lambda self: [ses])])
    assert reg.problems["bad"] == [
        "provider 'my-ses' claims host email-smtp.eu-west-1.amazonaws.com, which provider 'amazon-ses' (plugin"
        " 'amazon-ses') already claims, so 'my-ses' is not used; give both the same family if they are one"
        " service, or turn one of the two plugins off with --disable-plugin NAME"]
    assert reg.providers.for_host("email-smtp.eu-west-1.amazonaws.com").provider.name == "amazon-ses"


def test_host_patterns_answer_only_for_hosts_no_provider_writes_out():
    index = registry().providers
    claim = index.for_host("Email-SMTP.ap-southeast-2.amazonaws.com")
    assert (claim.provider.name, claim.kind) == ("amazon-ses", "submission")
    assert index.for_host("email.ap-southeast-2.amazonaws.com").kind == "wrong"
    assert index.for_host("email-smtp.amazonaws.com") is None  # no Region
    assert index.for_host("smtp.gmail.com").provider.name == "gmail"
    assert index.by_name["amazon-ses"].host("email-smtp.ap-southeast-2.amazonaws.com").name == (
        "email-smtp.ap-southeast-2.amazonaws.com")


def test_a_third_party_sheet_with_a_host_pattern_works_like_a_built_in_one():
    regional = RELAY._replace(hosts=(Host("smtp.<zone>.acme.example", RELAY.hosts[0].endpoints, RELAY_DOCS,
                                          pattern=r"smtp\.(?P<zone>eu|us)\.acme\.example"),), domains=())
    config = """
        accounts:
          a:
            host: smtp.eu.acme.example
            port: 465
            security: tls
          b:
            host: smtp.us.acme.example
            port: 587
            security: starttls
    """
    findings = lint(config, plugins=[plugin(emaillint_providers=lambda self: [regional])], as_of=AS_OF)
    assert [(f.rule, f.line, f.provider) for f in findings] == [("provider-port", 4, "acme-relay")]
    assert "smtp.eu.acme.example does not accept mail submission on port 465" in findings[0].message


def test_listing_another_providers_wrong_host_as_wrong_too_is_no_clash():
    cautious = RELAY._replace(wrong_hosts=(OtherHost("imap.gmail.com", "relay.acme.example", "not ours", RELAY_DOCS),))
    reg = registry([plugin(emaillint_providers=lambda self: [cautious])])
    assert reg.problems == {} and "acme-relay" in reg.providers.by_name


def test_providers_of_one_family_may_share_hosts_and_domains():
    eu = RELAY._replace(name="acme-eu", family="acme")
    us = RELAY._replace(name="acme-us", family="acme")
    reg = registry([plugin(emaillint_providers=lambda self: [eu, us])])
    assert reg.problems == {} and {"acme-eu", "acme-us"} <= set(reg.providers.by_name)


def test_a_rule_id_clash_keeps_the_builtin_rule():
    mine = POOL_RULE._replace(id="cc-quota")
    reg = registry([plugin(emaillint_rules=lambda self: [mine])])
    assert reg.problems["bad"] == ["rule 'cc-quota' is already defined by plugin 'emaillint' (emaillint 0.2.0),"
                                   " so this one is not used; give yours an id prefixed with your plugin's name"]
    assert reg.rules["cc-quota"].plugin == "emaillint"


def test_a_dialect_name_clash_keeps_the_first():
    reg = registry([plugin(emaillint_dialects=lambda self: [Dialect("emaillint", "mine", bool, bool)])])
    assert reg.problems["bad"][0].startswith("dialect 'emaillint' is already defined by plugin 'emaillint'")
    assert [d.plugin for d in reg.dialects if d.name == "emaillint"] == ["emaillint"]


def test_a_plugins_account_key_reaches_its_rule_and_the_schema():
    config = CONFIG + "    acme_pool: eu\n"
    findings, errors = run(config=config)
    assert errors == [] and labels(findings) == ["port-security-mismatch@5"]
    findings, _ = run(config=CONFIG + "    acme_pool: asia\n")
    assert labels(findings) == ["port-security-mismatch@5", "schema@13"]


@pytest.mark.parametrize("properties, expected", [
    ({"host": {"type": "string"}}, "account key 'host' is one of emaillint's own keys; name yours like 'bad_host'"),
    ({"acme_pool": {"type": "integer"}}, "account key 'acme_pool' is already added by plugin 'acme'"),
    ({"bad_port": 587}, "account key 'bad_port' has a int where a JSON Schema fragment"),
    ({"bad_port": {"type": "whole number"}}, "account key 'bad_port' is not valid JSON Schema"),
])
def test_account_key_clashes_and_invalid_schemas_are_refused(properties, expected):
    findings, errors = run(plugin(emaillint_schema_properties=lambda self: properties),
                           config=CONFIG + "    acme_pool: eu\n")
    assert len(errors) == 1 and expected in errors[0]
    assert labels(findings) == ["plugin-error@1", "port-security-mismatch@5"]


def test_a_misspelt_hook_is_reported_with_the_right_name():
    findings, errors = run(plugin(emaillint_provider=lambda self: [RELAY._replace(name="x")]))
    assert errors == ["plugin 'bad': emaillint_provider() is not an emaillint hook; did you mean"
                      " emaillint_providers?"]
    assert others(findings) == BASELINE


def test_a_hook_without_the_marker_is_reported_instead_of_ignored():
    unmarked = type("Unmarked", (), {"name": "bad", "emaillint_rules": lambda self: [POOL_RULE]})()
    findings, errors = run(unmarked)
    assert errors == ["plugin 'bad': emaillint_rules() is not marked as a hook, so emaillint never calls it;"
                      " decorate it with @hookimpl (from emaillint.api import hookimpl)"]


def test_a_hook_taking_arguments_cannot_register_and_is_named():
    def emaillint_providers(self, config):
        return [RELAY._replace(name="x")]

    findings, errors = run(plugin(emaillint_providers=emaillint_providers))
    assert errors == ["plugin 'bad': could not be registered: hookimpl definition: emaillint_providers(config);"
                      " Argument(s) {'config'} are declared in the hookimpl but can not be found in the hookspec;"
                      " emaillint calls every hook without arguments; fix or upgrade it, or turn it off with"
                      " --disable-plugin bad"]
    assert others(findings) == BASELINE


def test_hook_wrappers_are_refused():
    def wrapper(self):
        yield

    wrapping = type("Wrapping", (), {"name": "bad", "emaillint_rules": hookimpl(wrapper=True)(wrapper)})()
    findings, errors = run(wrapping)
    assert errors == ["plugin 'bad': emaillint_rules() is a hook wrapper, which emaillint does not support;"
                      " return your data from a plain @hookimpl instead"]
    assert others(findings) == BASELINE


def test_a_disabled_plugin_is_not_loaded_and_listed_as_disabled():
    bad = plugin(emaillint_providers=_boom)
    findings, errors = run(bad, disabled=["bad"])
    assert errors == [] and labels(findings) == BASELINE
    reg = registry([bad], disabled=["bad", "gmail"])
    assert {info.name: reg.status(info) for info in reg.plugins} == {
        "emaillint": "ok", **dict.fromkeys(BUILTIN_PLUGINS, "ok"), "gmail": "disabled", "bad": "disabled"}
    assert "gmail" not in reg.providers.by_name


def test_the_plugins_listing_counts_a_loaded_plugins_errors():
    reg = registry([plugin(emaillint_providers=_boom, emaillint_rules=_boom)])
    assert [reg.status(info) for info in reg.plugins if info.name == "bad"] == ["2 errors (listed below)"]


def test_check_plugin_reports_what_a_plugin_author_should_fix():
    unsourced = RELAY._replace(name="bare", hosts=(Host("smtp.bare.example", (Endpoint(587, STARTTLS, ""),), ""),),
                               domains=())
    undocumented = POOL_RULE._replace(id="bare-rule", explanation="Checks things.")
    bare = plugin("bare", emaillint_providers=lambda self: [unsourced, RELAY._replace(name="gmail")],
                  emaillint_rules=lambda self: [undocumented])
    problems = check_plugin(bare)
    assert problems[0].startswith("provider 'gmail' is already defined by plugin 'gmail'")
    assert problems[1:] == [
        "rule 'bare-rule': explanation has no '## What it does' section",
        "rule 'bare-rule': explanation has no '## Why is this bad' section",
        "rule 'bare-rule': explanation has no '## Example' section",
        "rule 'bare-rule': explanation has no '## Use instead' section",
        "provider 'bare': host smtp.bare.example has no source URL",
        "provider 'bare': host smtp.bare.example port 587 has no source URL",
    ]
    assert check_plugin(Relay()) == []


def test_a_dialect_with_needles_is_offered_only_the_files_that_hold_one():
    offered: list[str] = []

    def detect(doc):
        offered.append(doc.path)
        return False

    needled = plugin(emaillint_dialects=lambda self: [Dialect("odd", "a test format", detect, bool,
                                                              needles=("odd_mail", "legacy_mail"))])
    for path, text in [("plain.yaml", "name: x\n"), ("odd.yaml", "odd_mail: true\n"),
                       ("legacy.yaml", "settings:\n  legacy_mail: {}\n"), ("prose.yaml", "note: odd mail\n")]:
        lint(text, path=path, plugins=[needled], as_of=AS_OF)
    assert offered == ["odd.yaml", "legacy.yaml"]


@pytest.mark.parametrize("needles", ["smtp", ("smtp", 3), ("",)])
def test_malformed_needles_name_the_dialect_and_it_is_not_used(needles):
    reg = registry([plugin(emaillint_dialects=lambda self: [Dialect("odd", "mine", bool, bool, needles=needles)])])
    assert reg.problems["bad"] == [f"dialect 'odd' has needles={needles!r}, so it is not used;"
                                   " give a tuple of non-empty strings, or leave needles out"]
    assert "odd" not in [d.name for d in reg.dialects]
