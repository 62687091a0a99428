"""Store commands on a wrong path or an empty file: one line, exit 1, nothing created."""

from pathlib import Path

from click.testing import CliRunner

from crossfact.cli import main
from crossfact.store import open_store


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_reading_a_missing_database_creates_nothing(tmp_path: Path):
    db = tmp_path / "typo" / "x.db"
    for args in (["stats"], ["export", "--format", "md"]):
        out = run(*args, "--db", str(db))
        assert out.exit_code == 1 and "no such database" in out.stderr
    assert not db.parent.exists()


def test_an_empty_database_says_so(tmp_path: Path):
    db = tmp_path / "x.db"
    open_store(db).close()
    out = run("stats", "--db", str(db))
    assert out.exit_code == 1 and "no stories" in out.stderr


def test_an_empty_log_is_refused(tmp_path: Path):
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n")
    for command in ("replay", "import"):
        out = run(command, str(empty), "--db", str(tmp_path / "x.db"))
        assert out.exit_code == 1 and "empty" in out.stderr
