"""Rules, a dialect and a ``finish`` whose findings are sound but whose fixes are not: edits
outside the file, backwards, overlapping, writing a number, a title that is no text, an
applicability nobody knows. Each finding must still be reported, without its fix."""

from emaillint.api import ERROR, Dialect, Edit, Finding, Fix, Problem, Reading, Rule, hookimpl

BAD_FIXES = {
    "negative": Fix("write x", (Edit(-5, 2, "x"),)),
    "past-end": Fix("write x", (Edit(0, 10 ** 9, "x"),)),
    "backwards": Fix("write x", (Edit(10, 5, "x"),)),
    "overlap": Fix("write a and b", (Edit(0, 10, "a"), Edit(5, 15, "b"))),
    "number-text": Fix("write 42", (Edit(0, 1, 42),)),
    "text-offsets": Fix("write x", (Edit("0", "1", "x"),)),
    "applicability": Fix("write #", (Edit(0, 0, "#"),), "always"),
    "title": Fix(None, (Edit(0, 0, "#"),)),
    "no-edits": Fix("write nothing", ()),
    "not-a-fix": "write security: tls",
}


def rule(name, fix):
    def check(account, context):
        yield Problem("host", f"a finding whose fix is {name}", fix=fix)

    return Rule(f"badfix-{name}", ERROR, f"offers a fix that is {name}", "## What it does\nOffers.", check)


def read(doc, options):
    bad = Fix("write x", (Edit(len(doc.source) - 1, len(doc.source) + 100, "x"),))
    return Reading([], [Finding(doc.path, 1, 1, "badfix-dialect", ERROR, "the dialect's finding", fix=bad)])


@hookimpl
def emaillint_rules():
    return [*(rule(name, fix) for name, fix in BAD_FIXES.items()),
            Rule("badfix-dialect", ERROR, "what the dialect reports", "## What it does\nReports.", scope="engine"),
            Rule("badfix-finish", ERROR, "a run-scope finding", "## What it does\nAdds up.",
                 lambda account, context: account.name, scope="run",
                 finish=lambda records: [Finding(records[0].path, records[0].line, records[0].column, "badfix-finish",
                                                 ERROR, "the run's finding", fix=Fix("write x", (Edit(3, 1, "x"),)))])]


@hookimpl
def emaillint_dialects():
    return [Dialect("badfix", "documents with a badfix key", lambda doc: "badfix" in (doc.keys(()) or ()), read)]
