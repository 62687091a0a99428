"""The layers of architecture.md: the core imports neither Textual nor sqlite."""

import subprocess
import sys


def test_core_and_cli_import_neither_textual_nor_sqlite():
    code = (
        "import sys, crossfact, crossfact.cli, crossfact.pipeline, crossfact.match_cmd\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('textual', 'sqlite_utils', 'sqlite3') "
        "or m.startswith(('crossfact.store', 'crossfact.tui')))\n"
        "print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_store_does_not_import_tui():
    code = (
        "import sys, crossfact.store\n"
        "print(','.join(sorted(m for m in sys.modules "
        "if m.split('.')[0] == 'textual' or m.startswith('crossfact.tui'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
