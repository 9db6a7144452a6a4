"""Reading is read-only: linting leaves configs and their folders exactly as they were."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

from emaillint.cli import main

from helpers import AS_OF, REPO


def snapshot(root: Path) -> dict[str, tuple]:
    """Every entry under ``root``: kind, mode, size, mtime and content hash or link target."""
    entries = {}
    for folder, dirs, names in os.walk(root):
        for name in dirs + names:
            path = os.path.join(folder, name)
            info = os.lstat(path)
            if os.path.islink(path):
                detail = os.readlink(path)
            elif os.path.isfile(path):
                detail = hashlib.sha256(Path(path).read_bytes()).hexdigest()
            else:
                detail = ""
            entries[os.path.relpath(path, root)] = (info.st_mode, info.st_size, info.st_mtime_ns, detail)
        entries[os.path.relpath(folder, root)] = (os.lstat(folder).st_mode, os.lstat(folder).st_mtime_ns)
    return entries


def test_linting_writes_nothing_to_the_configs_or_beside_them(tmp_path, capsys):
    configs = tmp_path / "configs"
    (configs / "team").mkdir(parents=True)
    for example in (REPO / "examples").glob("*.yaml"):
        (configs / example.name).write_bytes(example.read_bytes())
    (configs / "team" / "broken.yaml").write_text('accounts:\n  a:\n    password: "unclosed\n')
    (configs / "team" / "binary.yml").write_bytes(b"\x89PNG\r\n\x1a\n\x00")
    (configs / "team" / "plugin.py").write_text("raise SystemExit('a config folder is not code')\n")
    os.symlink("../legacy-guide.yaml", configs / "team" / "link.yaml")
    before = snapshot(tmp_path)

    for fmt in ("text", "json"):
        result = subprocess.run([sys.executable, "-m", "emaillint", "configs", "--format", fmt, "--as-of", AS_OF],
                                cwd=tmp_path, capture_output=True, text=True, timeout=120)
        assert result.returncode == 1 and "legacy-guide.yaml" in result.stdout, result.stderr
    stdin = subprocess.run([sys.executable, "-m", "emaillint", "-", "--as-of", AS_OF], cwd=configs,
                           input=(configs / "legacy-guide.yaml").read_text(), capture_output=True, text=True,
                           timeout=120)
    assert stdin.returncode == 1
    assert main([str(configs), "--as-of", AS_OF]) == 1
    assert "binary.yml:1:1: error io-error" in capsys.readouterr().out

    assert snapshot(tmp_path) == before
