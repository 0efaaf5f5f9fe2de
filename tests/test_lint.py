"""The code follows the project's ruff configuration (pyproject.toml)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def test_ruff_is_clean():
    repo = Path(__file__).resolve().parents[1]
    out = subprocess.run([sys.executable, "-m", "ruff", "check", str(repo)], capture_output=True, text=True, cwd=repo)
    assert out.returncode == 0, out.stdout + out.stderr
