"""Listed data sheets: imported only when an account points at them, and checked then.

The mailbox providers are listed (``plugins/mailboxes.py``); a third-party plugin may list
its sheets the same way. The sheets below are this module's, loaded by the real engine
through ``Listing.load``.
"""

from __future__ import annotations

import subprocess
import sys

from emaillint.api import STARTTLS, Endpoint, Host, Listed, Listing, Plan, Provider, SecretShape
from emaillint.testing import labels, lint

from helpers import AS_OF

DOCS = "https://intranet.acme.example/mail"
ACME = Provider("acme", "ACME mail", (Host("smtp.acme.example", (Endpoint(587, STARTTLS, DOCS, recommended=True),),
                                          DOCS),), ("acme.example",), (Plan("standard", "ACME", DOCS),))
ACME_WITH_A_SECRET = ACME._replace(secrets=(SecretShape("acme-key", r"acme_[0-9a-f]{32}", "an ACME key", DOCS),))
CONFIG = """
    accounts:
      a:
        host: smtp.acme.example
        port: 465
        security: tls
"""


def test_start_up_imports_no_mailbox_sheet_and_a_qq_config_imports_only_qq(tmp_path):
    config = tmp_path / "qq.yaml"
    config.write_text("accounts:\n  a:\n    host: smtp.qq.com\n    port: 465\n    security: tls\n", encoding="utf-8")
    script = (
        "import sys\n"
        "from emaillint.cli import main\n"
        "sheets = lambda: sorted(m for m in sys.modules if m.split('.')[-1] in SHEETS)\n"
        "SHEETS = {'qq', 'netease', 'aliyun', 'yandex', 'mailru', 'zoho', 'fastmail', 'aol', 'gmx', 'korea', 'proton'}\n"
        "from emaillint.plugins import load_registry\n"
        "load_registry()\n"
        "print(sheets())\n"
        f"main(['check', {str(config)!r}])\n"
        "print(sheets())\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    lines = out.splitlines()
    assert lines[0] == "[]"
    assert lines[-1] == "['emaillint_plugins.qq']"
    assert "no findings" in out


def test_a_listed_sheet_is_checked_like_a_registered_one():
    listed = Listed(Listing("acme", f"{__name__}:ACME", hosts=("smtp.acme.example",), domains=("acme.example",)))
    findings = lint(CONFIG, plugins=[listed], as_of=AS_OF)
    assert [(f.rule, f.line, f.provider) for f in findings] == [("provider-port", 4, "acme")]


def test_a_listed_sheet_that_claims_more_than_its_listing_is_a_plugin_error_and_unused():
    listed = Listed(Listing("acme", f"{__name__}:ACME", hosts=("smtp.acme.example",)))
    findings = lint(CONFIG, plugins=[listed], as_of=AS_OF)
    assert labels(findings) == ["plugin-error@1", "unknown-provider@3"]
    assert "provider 'acme' (test_listings:ACME): the listing does not claim acme.example; it is not used" in (
        findings[0].message)


def test_a_listed_sheet_that_fails_to_import_or_has_secret_shapes_is_a_plugin_error():
    for load, why in (("no_such_module:ACME", "failed to load: ModuleNotFoundError"),
                      (f"{__name__}:ACME_WITH_A_SECRET", "defines secret shapes")):
        listed = Listed(Listing("acme", load, hosts=("smtp.acme.example",), domains=("acme.example",)))
        findings = lint(CONFIG, plugins=[listed], as_of=AS_OF)
        assert labels(findings) == ["plugin-error@1", "unknown-provider@3"], load
        assert why in findings[0].message


def test_a_malformed_listing_is_refused_at_start_up():
    listed = Listed(Listing("acme", "not a module path", hosts=("SMTP.ACME.EXAMPLE",)))
    findings = lint(CONFIG, plugins=[listed], as_of=AS_OF)
    assert "load must be 'module:attribute'" in findings[0].message
