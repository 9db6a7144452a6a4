"""Generate data/ispdb-smtp.tsv, emaillint's host -> (port, security) index of Thunderbird's ISPDB.

    python tools/ispdb_index.py ISPDB_FOLDER COMMIT [DATE]

ISPDB_FOLDER is the ``ispdb/`` folder of https://github.com/thunderbird/autoconfig (one
Mozilla autoconfig XML file per mailbox domain), COMMIT the commit it was read at. The
output is a Modification of that Covered Software, so it ships as a file of its own under
the Mozilla Public License 2.0, with the attribution and commit in its header.

What is kept, and why (PROVIDERS-2.md section 4): only outgoing servers, keyed by host,
since ISPDB's domain lists are not ownership lists; only SSL and STARTTLS entries, since a
``plain`` one is never a recommendation; not the pairs that go against RFC 8314's
convention (SSL on 587, STARTTLS on 465), which are ISPDB's anomalies; not templated hosts
(``%EMAILDOMAIN%``); and not a (host, port) that files give different security, which
says nothing reliable. Standard library only, like the reader in ``emaillint.ispdb``.
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

SECURITY = {"SSL": "tls", "STARTTLS": "starttls"}
"""ISPDB's socketType -> emaillint's security words; ``plain`` is left out."""
ANOMALIES = {(587, "tls"), (465, "starttls")}
OUTPUT = Path(__file__).resolve().parent.parent / "data" / "ispdb-smtp.tsv"
HEADER = """\
# Outgoing (SMTP) servers of Thunderbird's ISPDB, by host: host, port, security, the ISPDB file.
# This Source Code Form is subject to the terms of the Mozilla Public License, v. 2.0. If a copy
# of the MPL was not distributed with this file, You can obtain one at https://mozilla.org/MPL/2.0/.
# Derived from https://github.com/thunderbird/autoconfig (ispdb/, created by Ben Bucksch and
# contributors) at commit {commit}{date}
# by emaillint's tools/ispdb_index.py: outgoing servers only, SSL and STARTTLS entries only
# (no plain ones), without templated hosts, SSL on 587, STARTTLS on 465, or a host and port
# that files give different security.
# commit\t{commit}
"""


def entries(folder: Path) -> dict[tuple[str, int], tuple[str, str]]:
    """(host, port) -> (security, first file naming it), with the drops the docstring lists."""
    found: dict[tuple[str, int], set[str]] = {}
    files: dict[tuple[str, int], str] = {}
    for path in sorted(folder.glob("*.xml")):
        for server in ET.parse(path).getroot().iter("outgoingServer"):
            host = (server.findtext("hostname") or "").strip().lower()
            port = (server.findtext("port") or "").strip()
            security = SECURITY.get((server.findtext("socketType") or "").strip())
            if not host or "%" in host or not port.isdigit() or security is None:
                continue
            key = (host, int(port))
            found.setdefault(key, set()).add(security)
            files.setdefault(key, path.name)
    return {key: (next(iter(kinds)), files[key]) for key, kinds in sorted(found.items())
            if len(kinds) == 1 and (key[1], next(iter(kinds))) not in ANOMALIES}


def main(argv: list[str]) -> int:
    if len(argv) not in (2, 3):
        sys.stderr.write(__doc__.split("\n\n")[1] + "\n")
        return 2
    folder, commit = Path(argv[0]), argv[1]
    date = f" ({argv[2]})" if len(argv) == 3 else ""
    rows = [f"{host}\t{port}\t{security}\t{name}\n" for (host, port), (security, name) in entries(folder).items()]
    OUTPUT.parent.mkdir(exist_ok=True)
    OUTPUT.write_text(HEADER.format(commit=commit, date=date) + "".join(rows), encoding="utf-8")
    print(f"{OUTPUT}: {len(rows)} host and port pairs")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
