"""A plugin whose providers hook and rule raise; its account key is fine."""

from emaillint.api import ERROR, Rule, hookimpl


@hookimpl
def emaillint_providers():
    raise RuntimeError("provider sheet not found")


def check(account, context):
    raise KeyError("relay_pool")


@hookimpl
def emaillint_rules():
    return [Rule("raising-pool", ERROR, "always raises", "## What it does\nRaises.", check)]


@hookimpl
def emaillint_schema_properties():
    return {"raising_pool": {"type": "string"}}
