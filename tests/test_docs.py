"""The documentation: generated pages are up to date, and every relative link lands."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

from helpers import AS_OF, REPO, readme_blocks

@pytest.fixture(scope="module")
def registry():
    from emaillint import testing

    return testing.registry(discover=False)


PAGES = sorted([REPO / "README.md", *(REPO / "docs").glob("*.md")])


def _gendocs():
    spec = importlib.util.spec_from_file_location("gendocs", REPO / "tools" / "gendocs.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_generated_pages_are_up_to_date():
    stale = _gendocs().stale()
    assert not stale, f"{', '.join(stale)} out of date: run python tools/gendocs.py, and commit what it changed"


def test_the_generator_reports_a_stale_page_and_names_the_command(tmp_path, monkeypatch, capsys):
    """A page whose generated region or example output no longer matches is reported by
    ``--check`` (exit 1) and rewritten, its hand-written text kept, by a plain run."""
    gendocs = _gendocs()
    for page in gendocs.PAGES:
        (tmp_path / page).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / page).write_text((REPO / page).read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "examples").symlink_to(REPO / "examples")
    monkeypatch.setattr(gendocs, "REPO", tmp_path)
    rules = tmp_path / "docs" / "rules.md"
    good = rules.read_text(encoding="utf-8")
    rules.write_text(good.replace("\n## cc-quota\n", "\n## cc-quotas\n"), encoding="utf-8")
    readme = tmp_path / "README.md"
    fresh = readme.read_text(encoding="utf-8")
    readme.write_text(fresh.replace(" error port-security-mismatch ", " warning port-security-mismatch ", 1),
                      encoding="utf-8")
    assert gendocs.main(["--check"]) == 1
    assert capsys.readouterr().out.splitlines() == ["README.md is out of date: run python tools/gendocs.py",
                                                    "docs/rules.md is out of date: run python tools/gendocs.py"]
    assert gendocs.main([]) == 0
    assert (rules.read_text(encoding="utf-8"), readme.read_text(encoding="utf-8")) == (good, fresh)
    assert gendocs.main(["--check"]) == 0


def test_the_generator_pins_the_date_the_tests_pin():
    assert _gendocs().AS_OF == AS_OF


def test_the_rules_page_has_every_rule_and_its_whole_explanation(registry):
    import inspect

    page = (REPO / "docs" / "rules.md").read_text(encoding="utf-8")
    for rule in [rule for rule in registry.rules.values() if rule.plugin == "emaillint"]:
        section = page.split(f"\n## {rule.id}\n", 1)[1].split("\n## ", 1)[0]
        explanation = re.sub(r"^## ", "### ", inspect.cleandoc(rule.explanation), flags=re.M)
        assert explanation.strip() in section, rule.id


def _slug(heading: str) -> str:
    """GitHub's anchor for a heading: its text without markup, lower-case, punctuation dropped,
    spaces as hyphens."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", heading)
    text = re.sub(r"[^\w\- ]", "", text.replace("`", "").lower())
    return text.replace(" ", "-")


def _anchors(page: Path) -> set[str]:
    seen: dict[str, int] = {}
    anchors = set()
    for heading in re.findall(r"^#{1,6} (.+)$", _prose(page), flags=re.M):
        slug = _slug(heading.strip())
        anchors.add(f"{slug}-{seen[slug]}" if slug in seen else slug)
        seen[slug] = seen.get(slug, 0) + 1
    return anchors


def _prose(page: Path) -> str:
    """The page without its fenced code blocks (a ``# comment`` there is no heading)."""
    return re.sub(r"^```.*?^```$", "", page.read_text(encoding="utf-8"), flags=re.M | re.S)


def _links():
    for page in PAGES:
        for target in sorted(set(re.findall(r"\]\(([^)\s]+)\)", re.sub(r"`[^`\n]*`", "", _prose(page))))):
            if not re.match(r"[a-z]+:", target):
                yield pytest.param(page, target, id=f"{page.relative_to(REPO)}->{target}")


@pytest.mark.parametrize("page, target", list(_links()))
def test_every_relative_link_points_at_a_file_and_heading_that_exist(page, target):
    path, _, anchor = target.partition("#")
    linked = (page.parent / path).resolve() if path else page
    assert linked.exists(), f"{page.name}: {target}: no such file"
    if anchor:
        assert linked.suffix == ".md", target
        assert anchor in _anchors(linked), f"{page.name}: {target}: no such heading in {linked.name}"


def test_the_readme_pre_commit_snippet_is_the_one_docs_ci_tests():
    """tests/integration/test_precommit.py runs docs/ci.md's snippets; the README shows the first."""
    assert readme_blocks("pre-commit", "yaml") == readme_blocks("pre-commit", "yaml", "docs/ci.md")[:1]


def test_the_link_check_reads_headings_as_github_does():
    assert _slug("Gmail (`gmail`)") == "gmail-gmail"
    assert _slug("pre-commit and very large commits") == "pre-commit-and-very-large-commits"
    assert _slug("`emaillint_providers()`") == "emaillint_providers"
    assert _slug("Walking and decoding: `mapping`, `flatten`") == "walking-and-decoding-mapping-flatten"
