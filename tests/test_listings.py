"""Listed data sheets and the ISPDB index: read only when an account points at them.

The mailbox providers are listed (``plugins/mailboxes.py``); a third-party plugin may list
its sheets the same way. The sheets below are this module's, loaded by the real engine
through ``Listing.load``.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from emaillint.api import STARTTLS, Endpoint, Host, Listing, Plan, Provider, SecretShape, hookimpl
from emaillint.testing import labels, lint

from helpers import AS_OF

DOCS = "https://intranet.acme.example/mail"
ACME = Provider("acme", "ACME mail", (Host("smtp.acme.example", (Endpoint(587, STARTTLS, DOCS, recommended=True),),
                                          DOCS),), ("acme.example",), (Plan("standard", "ACME", DOCS),))
ACME_WITH_A_SECRET = ACME._replace(secrets=(SecretShape("acme-key", r"acme_[0-9a-f]{32}", "an ACME key", DOCS),))


def listed(listing: Listing) -> object:
    """A third-party plugin whose hook lists one sheet."""
    return type("Acme", (), {"emaillint_providers": hookimpl(lambda self: [listing])})()


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
    listed_plugin = listed(Listing("acme", f"{__name__}:ACME", hosts=("smtp.acme.example",), domains=("acme.example",)))
    findings = lint(CONFIG, plugins=[listed_plugin], as_of=AS_OF)
    assert [(f.rule, f.line, f.provider) for f in findings] == [("provider-port", 4, "acme")]


def test_a_listed_sheet_that_claims_more_than_its_listing_is_a_plugin_error_and_unused():
    listed_plugin = listed(Listing("acme", f"{__name__}:ACME", hosts=("smtp.acme.example",)))
    findings = lint(CONFIG, plugins=[listed_plugin], as_of=AS_OF)
    assert labels(findings) == ["plugin-error@1", "unknown-provider@3"]
    assert "provider 'acme' (test_listings:ACME): the listing does not claim acme.example; it is not used" in (
        findings[0].message)


def test_a_listed_sheet_that_fails_to_import_or_has_secret_shapes_is_a_plugin_error():
    for load, why in (("no_such_module:ACME", "failed to load: ModuleNotFoundError"),
                      (f"{__name__}:ACME_WITH_A_SECRET", "defines secret shapes")):
        listed_plugin = listed(Listing("acme", load, hosts=("smtp.acme.example",), domains=("acme.example",)))
        findings = lint(CONFIG, plugins=[listed_plugin], as_of=AS_OF)
        assert labels(findings) == ["plugin-error@1", "unknown-provider@3"], load
        assert why in findings[0].message


def test_a_malformed_listing_is_refused_at_start_up():
    listed_plugin = listed(Listing("acme", "not a module path", hosts=("SMTP.ACME.EXAMPLE",)))
    findings = lint(CONFIG, plugins=[listed_plugin], as_of=AS_OF)
    assert "load must be 'module:attribute'" in findings[0].message


def test_the_shipped_ispdb_index_is_what_the_generator_makes_of_the_snapshot(tmp_path):
    """data/ispdb-smtp.tsv is generated, never edited: tools/ispdb_index.py remakes it."""
    from helpers import REPO, SHARED

    snapshot = SHARED / "ispdb" / "xml"
    if not snapshot.is_dir():
        pytest.skip(f"no ISPDB snapshot at {snapshot}")
    import importlib.util

    spec = importlib.util.spec_from_file_location("ispdb_index", REPO / "tools" / "ispdb_index.py")
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    tool.OUTPUT = tmp_path / "ispdb-smtp.tsv"
    commit = (SHARED / "ispdb" / "SOURCE.md").read_text(encoding="utf-8").split("commit\n`", 1)[1].split("`", 1)[0]
    assert tool.main([str(snapshot), commit, "2026-03-12"]) == 0
    shipped = (REPO / "data" / "ispdb-smtp.tsv").read_text(encoding="utf-8")
    assert tool.OUTPUT.read_text(encoding="utf-8") == shipped
    assert "Mozilla Public License, v. 2.0" in shipped and f"# commit\t{commit}" in shipped
    rows = [line.split("\t") for line in shipped.splitlines() if not line.startswith("#")]
    assert rows and all(security in ("tls", "starttls") for _, _, security, _ in rows)  # no plain entry


def test_ispdb_is_read_only_for_a_host_no_sheet_knows(tmp_path):
    known, unknown = tmp_path / "known.yaml", tmp_path / "unknown.yaml"
    known.write_text("accounts:\n  a:\n    host: smtp.gmail.com\n    port: 587\n    security: starttls\n",
                     encoding="utf-8")
    unknown.write_text("accounts:\n  a:\n    host: posteo.de\n    port: 587\n    security: starttls\n",
                       encoding="utf-8")
    script = ("import sys\nfrom emaillint.cli import main\nfrom emaillint import ispdb\n"
              "main(['check', sys.argv[1]])\nprint('read' if ispdb._INDEX is not None else 'not read')\n")
    for path, expected in ((known, "not read"), (unknown, "read")):
        out = subprocess.run([sys.executable, "-c", script, str(path)], capture_output=True, text=True,
                             check=True).stdout
        assert out.splitlines()[-1] == expected, path.name


def test_providers_all_shows_where_each_fact_came_from():
    from emaillint.cli import main
    import contextlib
    import io

    stream = io.StringIO()
    with contextlib.redirect_stdout(stream):
        assert main(["providers", "--all"]) == 0
    text = " ".join(stream.getvalue().split())
    assert "- smtp.qq.com port 587 starttls (M): https://cloud.kd.cn/ask/9658" in text
    assert "- AuthMethod password: https://github.com/louislam/uptime-kuma/issues/3434" in text
    assert "Thunderbird's ISPDB (https://github.com/thunderbird/autoconfig at c6ad79659b5fc321d1593ec4c277815b83e5dec5" in text
    assert "posteo.de 587 starttls posteo.de.xml" in text
    assert "mail.gmx.net 587 starttls gmx.net.xml (the gmx sheet wins)" in text
