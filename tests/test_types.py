"""Types are checked: mypy with the settings in pyproject.toml (strict on the core, ordinary on
the store and the TUI, and the tests' fake store held to the TUI's store Protocol)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_mypy_finds_no_errors() -> None:
    done = subprocess.run([sys.executable, "-m", "mypy"], cwd=ROOT, capture_output=True,
                          text=True)
    assert done.returncode == 0, done.stdout + done.stderr
