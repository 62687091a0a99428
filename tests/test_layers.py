"""The layers of docs/architecture.md, held by import-linter's contracts in pyproject.toml:
the command line on top, then the TUI, the store, and the core at the bottom."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    """Check the contracts on the `crossfact` package found first from `root`."""
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", "--no-logo", str(root / "pyproject.toml")],
        cwd=root, env={"PYTHONPATH": str(root), "PATH": ""}, capture_output=True, text=True)


def test_the_layers_hold() -> None:
    done = lint_imports(ROOT)
    assert done.returncode == 0, done.stdout + done.stderr


def test_an_import_inside_a_function_breaks_them(tmp_path: Path) -> None:
    """The check reads imports everywhere, not only at the top of a module."""
    shutil.copytree(ROOT / "crossfact", tmp_path / "crossfact",
                    ignore=shutil.ignore_patterns("__pycache__", "seed-story"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    exports = tmp_path / "crossfact" / "store" / "exports.py"
    exports.write_text(exports.read_text(encoding="utf-8")
                       + "\n\ndef drawn() -> None:\n    import crossfact.tui.app\n",
                       encoding="utf-8")
    done = lint_imports(tmp_path)
    assert done.returncode == 1, done.stdout
    assert "crossfact.store is not allowed to import crossfact.tui" in done.stdout
    assert "crossfact.store.exports -> crossfact.tui.app" in done.stdout


def test_crossfact_match_loads_neither_the_store_nor_the_tui() -> None:
    """The command line imports each command's module when it runs, so matching starts fast."""
    code = (
        "import sys\nfrom crossfact.cli import main\n"
        "main.get_command(None, 'match')\n"
        "print(','.join(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('textual', 'rich', 'sqlite_utils', 'sqlite3') "
        "or m.startswith(('crossfact.store', 'crossfact.tui')))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
