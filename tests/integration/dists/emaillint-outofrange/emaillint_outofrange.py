"""A dialect whose accounts and findings point outside the file, at files never linted, with
severities and rules that do not exist; which one, each document's ``outofrange`` says."""

from emaillint.api import ERROR, Account, Dialect, Finding, Position, Reading, Rule, hookimpl

BAD = {
    "negative line": lambda doc: ([Account("a", "outofrange", Position(-3, 1))], []),
    "line zero": lambda doc: ([Account("a", "outofrange", Position(1, 1), positions={"host": Position(0, 5)})], []),
    "line past the end": lambda doc: ([], [Finding(doc.path, 10 ** 9, 1, "outofrange-rule", ERROR, "far")]),
    "path never linted": lambda doc: ([], [Finding("/etc/passwd", 1, 1, "outofrange-rule", ERROR, "elsewhere")]),
    "severity fatal": lambda doc: ([], [Finding(doc.path, 1, 1, "outofrange-rule", "fatal", "fatal")]),
    "unknown rule": lambda doc: ([], [Finding(doc.path, 1, 1, "nosuch-rule", ERROR, "whose?")]),
}


def detect(doc):
    return doc.keys(()) is not None and "outofrange" in doc.keys(())


def read(doc, options):
    accounts, findings = BAD[doc.data["outofrange"]](doc)
    return Reading(accounts, findings)


@hookimpl
def emaillint_dialects():
    return [Dialect("outofrange", "points outside the file", detect, read)]


@hookimpl
def emaillint_rules():
    return [Rule("outofrange-rule", ERROR, "what the dialect reports", "## What it does\nReports.", scope="engine")]
