"""A plugin each of whose hooks, rules and finish functions returns the wrong thing."""

from emaillint.api import ERROR, Finding, Rule, hookimpl


def yields_a_dict(account, context):
    yield {"where": "host", "message": "a dict"}


def run_rule(finish):
    return lambda account, context: account.name


@hookimpl
def emaillint_rules():
    return [
        Rule("malformed-problem", ERROR, "yields a dict", "## What it does\nYields.", yields_a_dict),
        Rule("malformed-none-path", ERROR, "no path", "## What it does\nReturns.", run_rule(None), scope="run",
             finish=lambda records: [Finding(None, 1, 1, "malformed-none-path", ERROR, "no path")]),
        Rule("malformed-dict", ERROR, "a dict", "## What it does\nReturns.", run_rule(None), scope="run",
             finish=lambda records: [{"path": "config.yaml", "line": 1}]),
        Rule("malformed-text-line", ERROR, "a text line", "## What it does\nReturns.", run_rule(None), scope="run",
             finish=lambda records: [Finding(records[0].path, "3", 1, "malformed-text-line", ERROR, "line '3'")]),
        "not a rule",
    ]


@hookimpl
def emaillint_providers():
    return [{"name": "malformed"}]


@hookimpl
def emaillint_dialects():
    return "not a list of dialects"


@hookimpl
def emaillint_schema_properties():
    return ["malformed_key"]
