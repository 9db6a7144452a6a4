"""Rules that try to change the account they are given, and one after them that says whether
it sees the account as the dialect read it."""

from emaillint.api import ERROR, INFO, Position, Problem, Rule, Unexpanded, hookimpl


def mutator(change):
    def check(account, context):
        change(account)
        return ()
    return check


MUTATIONS = {
    "extra": lambda a: a.extra.__setitem__("mutating_tags", []),
    "extra-list": lambda a: a.extra["mutating_tags"].append("changed"),
    "positions": lambda a: a.positions.__setitem__("host", Position(1, 1)),
    "unexpanded": lambda a: a.unexpanded.__setitem__("host", Unexpanded("x", "y")),
    "spelling": lambda a: a.spelling.fields.__setitem__("port", "changed: {}"),
}


def observe(account, context):
    seen = (tuple(account.extra.get("mutating_tags", ())), account.where("host"), dict(account.unexpanded),
            account.spelled("port", 1))
    yield Problem("", f"sees {seen!r}")


@hookimpl
def emaillint_rules():
    return [Rule(f"mutating-{name}", ERROR, f"changes {name}", "## What it does\nChanges.", mutator(change))
            for name, change in MUTATIONS.items()] + [
        Rule("mutating-observer", INFO, "sees the account", "## What it does\nReports.", observe)]


@hookimpl
def emaillint_schema_properties():
    return {"mutating_tags": {"type": "array", "items": {"type": "string"}}}
