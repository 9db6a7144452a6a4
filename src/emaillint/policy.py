"""Which rules a run reports, at what severity, and which findings fail it.

Selection is layered as in ruff: every rule, then the project configuration, then the
command line. A layer's ``select`` starts over from its own list and its ``ignore``
removes from what is left, so ``--select cc-quota`` brings back a rule the project file
ignores, and ``--ignore`` adds to the project's ignores.

``plugin-error`` is always reported: a plugin that fails means rules silently did not
run, so it cannot be ignored, re-graded or suppressed; the plugin can be disabled.
"""

from __future__ import annotations

from typing import Collection, Iterable, Mapping, NamedTuple

from emaillint.model import ERROR, WARNING, Finding
from emaillint.vocabulary import PLUGIN_ERROR

ALWAYS_REPORTED = PLUGIN_ERROR
CANNOT_SILENCE = (f"{ALWAYS_REPORTED} cannot be ignored, re-graded or suppressed: a failing plugin means"
                  " rules did not run; disable the plugin with disable_plugins or --disable-plugin NAME")


class PolicyError(Exception):
    """A rule id that names no rule, or an attempt to silence plugin-error (exit 2)."""


class Layer(NamedTuple):
    """One source of settings; ``where`` labels its keys in error messages."""

    select: tuple[str, ...] | None
    ignore: tuple[str, ...]
    where: Mapping[str, str]


class Policy(NamedTuple):
    disabled: frozenset[str] = frozenset()
    severity: Mapping[str, str] = {}
    strict: bool = False
    """Warnings fail the run too."""

    def reports(self, rule: str) -> bool:
        return rule not in self.disabled

    def select(self, findings: Iterable[Finding]) -> list[Finding]:
        return [f for f in findings if f.rule not in self.disabled]

    def grade(self, findings: Iterable[Finding]) -> list[Finding]:
        """Findings at their configured severity (``severity = {cc-quota = "error"}``)."""
        return [f._replace(severity=self.severity[f.rule]) if f.rule in self.severity else f for f in findings]

    def fails(self, finding: Finding) -> bool:
        return finding.severity == ERROR or (self.strict and finding.severity == WARNING)


def build(rules: Collection[str], layers: Iterable[Layer], severity: Mapping[str, str] = {},
          severity_where: str = "severity", strict: bool = False) -> Policy:
    """The policy for a run; ``rules`` are the ids the installed plugins define."""
    enabled = set(rules)
    for layer in layers:
        if layer.select is not None:
            for rule in layer.select:
                check_rule(rule, rules, layer.where["select"])
            enabled = set(layer.select)
        for rule in layer.ignore:
            check_rule(rule, rules, layer.where["ignore"])
            if rule == ALWAYS_REPORTED:
                raise PolicyError(f"{layer.where['ignore']}: {CANNOT_SILENCE}")
            enabled.discard(rule)
    for rule in severity:
        check_rule(rule, rules, severity_where)
        if rule == ALWAYS_REPORTED:
            raise PolicyError(f"{severity_where}: {CANNOT_SILENCE}")
    enabled.add(ALWAYS_REPORTED)
    return Policy(frozenset(rules) - enabled, dict(severity), strict)


def check_rule(rule: str, rules: Collection[str], where: str) -> None:
    if rule not in rules:
        raise PolicyError(f"{where}: {'; '.join(unknown_rule(rule, rules))}")


def unknown_rule(rule: str, rules: Collection[str]) -> tuple[str, str]:
    """'no rule X', and the closest id to write, or where to look when nothing is close."""
    from emaillint.suggest import closest

    close = closest(rule, rules)
    if close:
        return f"no rule '{rule}'", f"write '{close}'"
    return f"no rule '{rule}'", ("write an id 'emaillint rules' lists (a plugin's rules need the plugin"
                                 " installed and enabled)")
