"""Constants the test modules share (a module of its own: conftest files cannot import each other)."""

from __future__ import annotations

import os
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("EMAILLINT_SHARED", REPO.parent / "shared"))
"""The shared reference folder (SPEC, corpora, SARIF schema); CI puts it beside the clone."""
AS_OF = "2026-11-27"
"""Pinned date for tests whose outcome depends on retirement dates."""
def _builtin_plugins() -> tuple[str, ...]:
    """The plugin names pyproject.toml registers under ``[project.entry-points.emaillint]``."""
    text = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    section = text.split("[project.entry-points.emaillint]", 1)[1].split("\n[", 1)[0]
    return tuple(line.split("=", 1)[0].strip() for line in section.splitlines()
                 if "=" in line and not line.lstrip().startswith("#"))


BUILTIN_PLUGINS = _builtin_plugins()
"""emaillint's own plugins (providers and dialects), as its distribution registers them."""
SENDERS = ("amazon-ses", "brevo", "mailgun", "mailjet", "mailtrap", "postmark", "resend", "sendgrid", "sparkpost")
"""The built-in transactional senders: plugin and provider names alike."""
MAILBOXES = ("qq", "exmail", "netease", "aliyun-directmail", "aliyun-mail", "yandex", "mailru", "zoho", "fastmail",
             "aol", "gmx", "webde", "mailcom", "naver", "daum", "proton")
"""The built-in regional and independent mailbox providers (PROVIDERS-2.md sections 1.10-2.9)."""


def readme_blocks(section: str, language: str, document: str = "README.md") -> list[str]:
    """The fenced ``language`` code blocks of ``## section`` in README.md (or another page of the
    repository, such as ``docs/ci.md``), so tests keep it true."""
    import re

    text = (REPO / document).read_text(encoding="utf-8")
    start = text.index(f"\n## {section}\n")
    end = text.find("\n## ", start + 1)
    body = text[start:end if end >= 0 else None]
    return re.findall(rf"^```{language}\n(.*?)^```$", body, flags=re.M | re.S)

GMAIL_465_STARTTLS = """\
accounts:
  invoices:
    host: smtp.gmail.com
    port: 465
    security: starttls
    auth: app-password
    username: billing@gmail.com
    password: ${SMTP_PASSWORD}
"""
"""A Gmail account with exactly one finding: port-security-mismatch at 5:15 (STARTTLS on 465).
Tests append accounts or keys to it; the findings of these lines stay where they are."""


EXAMPLE = r"```yaml\n# (\S+)[^\n]*\n(.*?)```\n```text\n(.*?)```"
"""An example in the documentation: a YAML block whose first line names the file, then the
text block of what emaillint prints for it."""


def examples(text: str) -> list[tuple[str, str, str]]:
    """``(file name, YAML, printed output)`` for each example in ``text``."""
    import re

    return re.compile(EXAMPLE, re.S).findall(text)


def printed(findings) -> str:
    """Findings as the text report prints them (each with its help line), without the summary
    line and the ``[*]`` marks."""
    return "".join(f"{f.path}:{f.line}:{f.column}: {f.severity} {f.rule} {f.message}\n"
                   + (f"    help: {f.help}\n" if f.help else "") for f in findings)


def finding_lines(out: str) -> list[str]:
    """The finding lines of a text report: not the summary, not the indented help lines."""
    return [line for line in out.splitlines()[:-1] if not line.startswith("    help: ")]
