"""Regenerate the parts of README.md and docs/ that are generated: ``python tools/gendocs.py``.

``python tools/gendocs.py --check`` changes nothing and exits 1 naming each page that is out
of date (tests/test_docs.py runs the same check). What is generated, so that it cannot drift
from what emaillint does:

- every example's output: a ```` ```text ```` block that follows a ```` ```yaml ```` block whose
  first line is ``# FILENAME`` is what emaillint prints for that file, linted on its own with
  the pinned date ``AS_OF`` (in README.md and docs/formats.md);
- the regions between ``<!-- gendocs NAME -->`` and ``<!-- /gendocs NAME -->``, each rendered
  by ``REGIONS[NAME]``: the run on the bundled examples, the rules page from the rules' own
  explanations (what ``emaillint explain RULE`` prints), the provider reference from the data
  sheets (what ``emaillint providers`` prints).

Everything outside those blocks and regions is written by hand and kept as it is. Only
emaillint's own plugins are read, whatever else is installed. Run it after adding or changing
a rule, a provider, a dialect or an example, and commit what it changed.
"""

from __future__ import annotations

import argparse
import inspect
import re
import subprocess
import sys
from pathlib import Path
from typing import Callable

from emaillint import datasheet, testing
from emaillint.plugins import OWN_DIST, Registry
from emaillint.provider import Provider

REPO = Path(__file__).resolve().parent.parent
COMMAND = "python tools/gendocs.py"
AS_OF = "2026-11-27"
"""The date the examples are linted on, so retirement rules give the same output every day (the
date tests/helpers.py pins)."""
PAGES = ("README.md", "docs/formats.md", "docs/rules.md", "docs/providers.md")
"""The pages with generated parts."""
EXAMPLE_PAGES = ("README.md", "docs/formats.md")
"""The pages whose ```yaml``` + ```text``` example pairs are lint output."""
EXAMPLE = re.compile(r"(^```yaml\n# (\S+)[^\n]*\n((?:(?!```).)*)```\n```text\n)((?:(?!```).)*)(```$)", re.S | re.M)
"""An example: the YAML (its first line names the file) and the output block right after it,
as the tests that check the examples read them."""
REGION = re.compile(r"(<!-- gendocs ([\w-]+) -->\n)(.*?)(<!-- /gendocs \2 -->)", re.S)


def example_output(name: str, config: str) -> str:
    findings = testing.lint(config, path=name, as_of=AS_OF, discover=False)
    return "".join(f"{f.path}:{f.line}:{f.column}: {f.severity} {f.rule} {f.message}\n"
                   + (f"    help: {f.help}\n" if f.help else "") for f in findings)


def examples(text: str) -> str:
    return EXAMPLE.sub(lambda m: m[1] + example_output(m[2], m[3]) + m[5], text)


# --- regions ------------------------------------------------------------------------------------

def examples_run(registry: Registry, old: str) -> str:
    """The start and the summary of ``emaillint examples/``, the quick start's first command."""
    result = subprocess.run([sys.executable, "-m", "emaillint", "examples/", "--as-of", AS_OF, "--color", "never"],
                            cwd=REPO, capture_output=True, text=True, check=False)
    if result.returncode not in (0, 1):
        raise SystemExit(f"gendocs: emaillint examples/ exited {result.returncode}: {result.stderr.strip()}")
    lines = result.stdout.splitlines()
    shown = lines[:6] + ["..."] + lines[-1:]  # three findings, each with its help
    return "```text\n$ emaillint examples/\n" + "".join(line + "\n" for line in shown) + "```\n"


def _rules(registry: Registry) -> list:
    return [rule for rule in registry.rules.values() if _own(registry, rule.plugin)]


def rules_table(registry: Registry, old: str) -> str:
    rows = ["| rule | default | reports |", "| --- | --- | --- |"]
    rows += [f"| [`{r.id}`](#{r.id}) | {r.severity} | {_cell(r.summary)} |" for r in _rules(registry)]
    return "\n".join(rows) + "\n"


def rules_reference(registry: Registry, old: str) -> str:
    """Each rule's explanation, its ``## Section`` headings one level down, under its id."""
    parts = []
    for rule in _rules(registry):
        body = re.sub(r"^## ", "### ", inspect.cleandoc(rule.explanation).rstrip(), flags=re.M)
        notes = datasheet.guidance(rule.id, _providers(registry))
        more = (f"\n\n`emaillint explain {rule.id}` also prints what each provider's data sheet says for"
                " this rule ([providers.md](providers.md)).") if notes else ""
        parts.append(f"## {rule.id}\n\n{rule.severity} by default.\n\n{body}{more}\n")
    return "\n".join(parts)


def _providers(registry: Registry) -> list[Provider]:
    names = [n for n in registry.providers.names() if _own(registry, registry.providers.plugin_of[n])]
    return [p for p in (registry.providers.provider(name) for name in names) if p is not None]


def _own(registry: Registry, plugin: str) -> bool:
    """The engine's own (its core rules say plugin 'emaillint'), or a plugin its distribution ships."""
    return plugin == OWN_DIST or any(info.name == plugin and info.dist == OWN_DIST for info in registry.plugins)


def providers_overview(registry: Registry, old: str) -> str:
    """The first table of ``emaillint providers``, one row per provider and plan."""
    head, *rows = datasheet.overview_rows(_providers(registry))
    lines = ["| " + " | ".join(cell.lower() for cell in head) + " |", "|" + " --- |" * len(head)]
    lines += ["| " + " | ".join(_cell(f"`{cell}`" if column == 2 else cell) for column, cell in enumerate(row)) + " |"
              for row in rows]
    return "\n".join(lines) + "\n\n" + _cell(" ".join(datasheet.legend())) + "\n"


def _mailboxes(provider: Provider) -> bool:
    """Mailbox providers own address domains, or host company mailboxes (Tencent Exmail)."""
    return bool(provider.domains) or any(plan.organization for plan in provider.plans)


def mailbox_providers(registry: Registry, old: str) -> str:
    return _sheets([p for p in _providers(registry) if _mailboxes(p)], registry, old)


def sending_services(registry: Registry, old: str) -> str:
    return _sheets([p for p in _providers(registry) if not _mailboxes(p)], registry, old)


FACTS = "| fact | value | conf. | source |\n| --- | --- | --- | --- |\n"


def _sheets(providers: list[Provider], registry: Registry, old: str) -> str:
    """A section per provider: its heading, the notes written under it by hand (kept), the
    sheet's own explanation, its facts with confidence and sources, and its setup steps."""
    sections = []
    for provider in providers:
        heading = f"### {provider.title} (`{provider.name}`)\n"
        notes = ""
        if heading in old:
            notes = old.split(heading, 1)[1].split("\n### ", 1)[0]
            notes = notes.split(FACTS, 1)[0].split("\n**From the data sheet", 1)[0].strip()
        sections.append(heading + "\n" + (notes + "\n\n" if notes else "")
                        + f"**From the data sheet** (plugin `{registry.providers.plugin_of[provider.name]}`):"
                        f" {_prose(datasheet.blanks(provider.explanation))}\n\n"
                        + FACTS + "".join(_facts(provider))
                        + (f"\nSetting up: {_prose(provider.setup)}\n" if provider.setup else ""))
    return "\n".join(sections)


def _facts(provider: Provider):
    def row(fact: str, value: str, confidence: str, source: str) -> str:
        cited = " ".join(f"<{url}>" for url in source.split())
        return f"| {fact} | {_cell(value)} | {confidence or '-'} | {cited} |\n"

    for host in provider.hosts:
        yield row(f"host{_plans(host.plans)}", f"`{datasheet.blanks(host.name)}`: {datasheet.ports(host)}"
                  + (f"; {host.note}" if host.note else ""), host.confidence, host.source)
        groups: dict[tuple[str, str], list[str]] = {}
        for e in host.endpoints:
            groups.setdefault((e.source, e.confidence), []).append(f"{e.port} {e.security}")
        for (source, confidence), ports in groups.items():
            if (source, confidence) != (host.source, host.confidence):
                yield row(f"ports of `{datasheet.blanks(host.name)}`", ", ".join(ports), confidence, source)
    for label, entries in (("legacy host", provider.legacy_hosts), ("not for submission", provider.wrong_hosts)):
        for entry in entries:
            yield row(label, f"{datasheet.other(entry, cited=False)}: {datasheet.blanks(entry.reason)}", entry.confidence,
                      entry.source)
    if provider.domains:
        yield row("address domains", ", ".join(provider.domains), "", "")
    for entry in provider.usernames:
        yield row("username", datasheet.username(entry, cited=False), entry.confidence, entry.source)
    for entry in provider.auth:
        state = f", {datasheet.retirement(entry)}: {entry.note}" if entry.refused else ""
        yield row(f"sign-in{_plans(entry.plans)}", f"{entry.method}{state}", entry.confidence, entry.source)
    for shape in provider.secrets:
        yield row("secret shape", datasheet.secret(shape, cited=False), shape.confidence, shape.source)
    for plan in provider.plans:
        extra = "".join(f"; {part}" for part in (f"sandbox: {plan.sandbox}" if plan.sandbox else "", plan.note) if part)
        yield row(f"plan `{plan.name}`", f"{plan.title}: {datasheet.limits(plan)}{extra}", plan.confidence, plan.source)
    if provider.sender_policy:
        yield row("sender", datasheet.sender(provider), provider.sender_confidence, provider.sender_source)
    for rule in provider.sender_rules:
        yield row("sender rule", datasheet.sender_rule(provider, rule), rule.confidence, rule.source)
    yield row("all sources", "every source the sheet was written from", "", " ".join(provider.sources))


def _plans(plans: tuple[str, ...]) -> str:
    return f" ({', '.join(plans)})" if plans else ""


def _cell(text: str) -> str:
    """Text for a Markdown table cell: ``|`` escaped, ``<`` as ``_prose`` writes it."""
    return _prose(text.replace("|", "\\|"))


def _prose(text: str) -> str:
    """Text for Markdown: ``<region>`` outside code spans shown, not taken for an HTML tag."""
    parts = text.split("`")
    return "`".join(part if odd % 2 else part.replace("<", "&lt;") for odd, part in enumerate(parts))


REGIONS: dict[str, Callable[[Registry, str], str]] = {
    "examples-run": examples_run, "rules-table": rules_table, "rules": rules_reference,
    "providers-overview": providers_overview, "mailbox-providers": mailbox_providers,
    "sending-services": sending_services,
}


def render(page: str, text: str, registry: Registry) -> str:
    """The page as the generator writes it: its regions and examples regenerated."""
    def region(match: re.Match) -> str:
        if match[2] not in REGIONS:
            raise SystemExit(f"gendocs: {page}: unknown region '{match[2]}'; known: {', '.join(REGIONS)}")
        return match[1] + REGIONS[match[2]](registry, match[3]) + match[4]

    text = REGION.sub(region, text)
    return examples(text) if page in EXAMPLE_PAGES else text


def stale(registry: Registry | None = None) -> dict[str, str]:
    """The pages that differ from what the generator writes, with their new text."""
    registry = registry or testing.registry(discover=False)
    pages = {}
    for page in PAGES:
        text = (REPO / page).read_text(encoding="utf-8")
        new = render(page, text, registry)
        if new != text:
            pages[page] = new
    return pages


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog=COMMAND, description=__doc__.split("\n", 1)[0])
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if a page is out of date")
    args = parser.parse_args(argv)
    pages = stale()
    for page, text in pages.items():
        if args.check:
            print(f"{page} is out of date: run {COMMAND}")
        else:
            (REPO / page).write_text(text, encoding="utf-8")
            print(f"{page} regenerated")
    return 1 if args.check and pages else 0


if __name__ == "__main__":
    sys.exit(main())
