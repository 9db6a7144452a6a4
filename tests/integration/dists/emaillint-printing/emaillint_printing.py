"""A plugin that prints to standard output when imported, called and run."""

from emaillint.api import ERROR, Problem, Rule, hookimpl

print("printing: imported")


def check(account, context):
    print(f"printing: checking {account.name}")
    yield Problem("host", "printed and reported")


def finish(records):
    print("printing: finishing")
    return []


@hookimpl
def emaillint_rules():
    print("printing: rules")
    return [Rule("printing-rule", ERROR, "prints", "## What it does\nPrints.", check),
            Rule("printing-run", ERROR, "prints in finish", "## What it does\nPrints.", lambda a, c: a.name,
                 scope="run", finish=finish)]
