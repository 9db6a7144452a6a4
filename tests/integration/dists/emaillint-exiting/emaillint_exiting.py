"""A plugin whose hook and rules raise what is not an Exception: SystemExit, GeneratorExit,
KeyboardInterrupt."""

from emaillint.api import ERROR, Rule, hookimpl


def exits(account, context):
    raise SystemExit(3)


def generator_exit(account, context):
    raise GeneratorExit


def interrupts(account, context):
    raise KeyboardInterrupt


@hookimpl
def emaillint_providers():
    raise SystemExit("no providers today")


@hookimpl
def emaillint_rules():
    return [Rule("exiting-exit", ERROR, "exits", "## What it does\nExits.", exits),
            Rule("exiting-generator", ERROR, "generator exit", "## What it does\nRaises.", generator_exit),
            Rule("exiting-interrupt", ERROR, "interrupts", "## What it does\nRaises.", interrupts)]
