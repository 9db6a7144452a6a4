"""SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.

Every rule the run reported on is described under ``tool.driver.rules``, with its
summary, its full ``explain`` text as help and, when the plugin's distribution declares
a documentation or home page URL, that URL as ``helpUri``. Columns are counted in code
points (``columnKind``), as the YAML loader counts them. Findings without a file (a
plugin that failed to load) are tool execution notifications, not results, and mark the
invocation as unsuccessful, as the exit code 2 does. A finding's ``details`` (what ``probe``
saw) go into the result's property bag, beside its account and provider. With a baseline,
results are the new findings (``baselineState: new``) and the invocation's properties count
the baselined findings and the stale entries, as the other formats' summaries do.
"""

from __future__ import annotations

import inspect
import json
import os
import urllib.parse
from functools import lru_cache
from pathlib import Path, PurePath
from typing import IO, Any

from emaillint import __version__
from emaillint.model import ERROR, WARNING, Finding, Rule
from emaillint.plugins import PLUGIN_PATH
from emaillint.report import Report

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {ERROR: "error", WARNING: "warning"}
"""Finding severity -> SARIF level; anything else is a ``note``."""
SRCROOT = "%SRCROOT%"


def render(report: Report, stream: IO[str]) -> None:
    json.dump(document(report), stream, indent=2)
    stream.write("\n")


def document(report: Report) -> dict[str, Any]:
    index = {rule.id: i for i, rule in enumerate(report.rules)}
    results = [_result(f, index) for f in report.findings if f.path != PLUGIN_PATH]
    notifications = [_notification(f) for f in report.findings if f.path == PLUGIN_PATH]
    invocation: dict[str, Any] = {"executionSuccessful": not notifications}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    if report.summary.baselined is not None:
        invocation["properties"] = {"baselined": report.summary.baselined, "stale": report.summary.stale}
        for result in results:  # what a baseline leaves is new by definition
            result["baselineState"] = "new"
    driver: dict[str, Any] = {
        "name": "emaillint",
        "version": __version__,
        "rules": [_rule(rule, report.distributions.get(rule.plugin, "")) for rule in report.rules],
    }
    home = home_page(report.distributions.get("emaillint", ""))
    if home:
        driver["informationUri"] = home
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": driver},
            "invocations": [invocation],
            "originalUriBaseIds": {SRCROOT: {"uri": Path.cwd().as_uri().rstrip("/") + "/"}},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }


def _rule(rule: Rule, distribution: str) -> dict[str, Any]:
    text = inspect.cleandoc(rule.explanation).strip() if rule.explanation else rule.summary
    descriptor: dict[str, Any] = {
        "id": rule.id,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": text.split("\n\n", 1)[0].replace("\n", " ")},
        "help": {"text": text, "markdown": text},
        "defaultConfiguration": {"level": LEVELS.get(rule.severity, "note")},
        "properties": {"plugin": rule.plugin},
    }
    home = home_page(distribution)
    if home:
        descriptor["helpUri"] = home
    return descriptor


def _result(finding: Finding, index: dict[str, int]) -> dict[str, Any]:
    location = {"physicalLocation": {
        "artifactLocation": _artifact(finding.path),
        "region": {"startLine": finding.line, "startColumn": finding.column},
    }}
    result: dict[str, Any] = {
        "ruleId": finding.rule,
        "level": LEVELS.get(finding.severity, "note"),
        "message": {"text": f"{finding.message}\n{finding.help}" if finding.help else finding.message},
        "locations": [location],
    }
    if finding.fix is not None and finding.fix.edits:
        result["fixes"] = [_fix(finding)]
    if finding.rule in index:
        result["ruleIndex"] = index[finding.rule]
    properties = {key: value for key, value in (("account", finding.account), ("provider", finding.provider),
                                                ("details", finding.details), ("help", finding.help)) if value}
    if properties:
        result["properties"] = properties
    return result


def _fix(finding: Finding) -> dict[str, Any]:
    """A SARIF fix: character ranges of the file's text (after any byte-order mark) and what
    replaces them; ``applicability`` says whether ``--fix`` applies it."""
    fix = finding.fix
    assert fix is not None
    replacements = [{"deletedRegion": {"charOffset": edit.start, "charLength": edit.end - edit.start},
                     "insertedContent": {"text": edit.text}} for edit in fix.edits]
    return {"description": {"text": fix.title},
            "artifactChanges": [{"artifactLocation": _artifact(finding.path), "replacements": replacements}],
            "properties": {"applicability": fix.applicability}}


def _notification(finding: Finding) -> dict[str, Any]:
    return {"level": "error", "message": {"text": finding.message}, "descriptor": {"id": finding.rule}}


def _artifact(path: str) -> dict[str, str]:
    """Relative paths stay relative to the checkout (``%SRCROOT%``), as code scanning wants."""
    if os.path.isabs(path):
        return {"uri": Path(path).as_uri()}
    return {"uri": urllib.parse.quote(PurePath(os.path.normpath(path)).as_posix()), "uriBaseId": SRCROOT}


@lru_cache(maxsize=None)
def home_page(distribution: str) -> str:
    """The documentation (else home) page a distribution declares, or empty."""
    if not distribution:
        return ""
    from importlib import metadata

    try:
        meta = metadata.metadata(distribution)
    except metadata.PackageNotFoundError:
        return ""
    urls = {}
    for entry in meta.get_all("Project-URL") or []:
        label, _, url = entry.partition(",")
        urls[label.strip().lower()] = url.strip()
    for label in ("documentation", "docs", "homepage", "home", "source", "repository"):
        if urls.get(label):
            return urls[label]
    return meta.get("Home-page") or ""
