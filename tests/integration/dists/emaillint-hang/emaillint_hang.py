"""A plugin whose rules never return: one sleeps, one yields forever, one's finish sleeps."""

import time

from emaillint.api import ERROR, Problem, Rule, hookimpl


def sleeps(account, context):
    time.sleep(3600)
    return ()


def yields_forever(account, context):
    while True:
        yield Problem("host", "again")


def finish(records):
    time.sleep(3600)
    return []


@hookimpl
def emaillint_rules():
    return [Rule("hang-sleep", ERROR, "sleeps", "## What it does\nSleeps.", sleeps),
            Rule("hang-yield", ERROR, "yields forever", "## What it does\nYields.", yields_forever),
            Rule("hang-finish", ERROR, "finish sleeps", "## What it does\nSleeps.", lambda a, c: a.name,
                 scope="run", finish=finish)]
