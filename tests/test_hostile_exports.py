"""Issue 13, exports: nothing overwritten without asking, and nothing in a published export
(CSV, Markdown, ClaimReview) that a spreadsheet, a browser or a terminal would run."""

from __future__ import annotations

import codecs
import csv
import io
import json
import os
import pty
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hostile import crossfact, same_bytes
from store_data import build, open_test_store

from crossfact.store import StoreError
from crossfact.store.exports import write_export

EVIL = ("=HYPERLINK(\"http://x\") </script><!-- <img src=x onerror=alert(1)> "
        "[click](javascript:alert(1)) a|b \x1b]52;c;cHduZWQ=\x07 &amp;")
NOTE = "-1+1 first line\rsecond line"


@pytest.fixture
def db(tmp_path: Path) -> Path:
    versions = {"en": [EVIL, "Second claim."], "fr": ["=1+1 premier", "Deuxième."]}
    path = tmp_path / "d.db"
    s = open_test_store(path)
    s.add_story("evil", build(versions), {})
    for row in s.matches("evil", reviewer="ann"):
        s.decide("evil", row.id, "conflict", reviewer="ann", session="a", note=NOTE,
                 outliers=[])
    s.close()
    return path


def test_an_existing_file_is_never_overwritten_without_asking(db: Path, tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    readme.write_text("mine\n", encoding="utf-8")
    ran = crossfact("export", "--db", db, "--format", "md", "-o", readme, ok=False)
    assert "already exists" in ran.err and "add --overwrite" in ran.err  # says how to
    assert readme.read_text(encoding="utf-8") == "mine\n"
    with open_test_store(db) as s, pytest.raises(StoreError, match="already exists"):
        write_export(s, "md", None, readme)  # the API the TUI's palette uses
    assert readme.read_text(encoding="utf-8") == "mine\n"
    crossfact("export", "--db", db, "--format", "md", "-o", readme, "--overwrite", ok=True)
    assert readme.read_text(encoding="utf-8").startswith("# evil")


def test_exports_get_the_umasks_permissions(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "x.csv"
    mask = os.umask(0o022)
    try:
        crossfact("export", "--db", db, "--format", "csv", "-o", out, ok=True)
    finally:
        os.umask(mask)
    assert out.stat().st_mode & 0o777 == 0o644


def test_a_replaced_export_keeps_its_files_permissions(db: Path, tmp_path: Path) -> None:
    """A reviewer's log kept private (0600) stays private when an export replaces it."""
    out = tmp_path / "private.jsonl"
    out.write_text("old\n", encoding="utf-8")
    out.chmod(0o600)
    crossfact("export", "--db", db, "--format", "jsonl", "-o", out, "--overwrite", ok=True)
    assert out.read_text(encoding="utf-8") != "old\n"
    assert out.stat().st_mode & 0o777 == 0o600


def test_the_umask_is_read_without_changing_it() -> None:
    from crossfact.store.output_file import current_umask

    mask = os.umask(0o027)
    try:
        assert current_umask() == 0o027
    finally:
        os.umask(mask)


def test_csv_cells_cannot_run_as_formulas_or_split_rows(db: Path) -> None:
    text = crossfact("export", "--db", db, "--format", "csv", ok=True).out.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == 2  # the bare \r in the note did not make a row
    for row in rows:
        for cell in row.values():
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell
    assert rows[0]["en"].startswith("'=HYPERLINK") and rows[0]["note:ann"].startswith("'-1+1")
    assert "\\x1b]52" in rows[0]["en"]  # shown, not obeyed


def test_markdown_keeps_html_links_and_tables_as_text(db: Path) -> None:
    md = crossfact("export", "--db", db, "--format", "md", ok=True).out.decode()
    for raw in ("<script", "</script", "<!--", "<img", "\x1b"):
        assert raw not in md, raw
    assert not re.search(r"(?<!\\)\]\(", md)  # no link or image syntax left working
    assert "&lt;img src=x onerror=alert(1)&gt;" in md and "a\\|b" in md
    assert "&amp;amp;" in md


def test_claimreview_embeds_safely_and_keeps_only_web_urls(db: Path, tmp_path: Path) -> None:
    text = crossfact("export", "--db", db, "--format", "claimreview", ok=True).out.decode()
    for raw in ("<", ">", "&"):
        assert raw not in text
    assert json.loads(text)[0]["claimReviewed"] == EVIL
    story = tmp_path / "story"
    story.mkdir()
    (story / "a.txt").write_text("Tesla spent 10 billion dollars in 2024.", encoding="utf-8")
    (story / "story.toml").write_text(
        '[versions."a.txt"]\nurl = "javascript:alert(1)"\n', encoding="utf-8")
    ran = crossfact("match", story, ok=False)
    assert "http(s)" in ran.err


def test_an_import_with_a_javascript_url_is_refused(db: Path, tmp_path: Path) -> None:
    log = tmp_path / "log.jsonl"
    crossfact("export", "--db", db, "--format", "jsonl", "-o", log, ok=True)
    records = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    run = next(r for r in records if r["type"] == "run")
    run["documents"][0]["url"] = "javascript:alert(document.cookie)"
    log.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    target = tmp_path / "t.db"
    open_test_store(target).close()
    before = same_bytes(target)
    ran = crossfact("import", log, "--db", target, ok=False)
    assert "http(s)" in ran.err and same_bytes(target) == before


def test_csv_to_a_terminal_carries_no_escape(db: Path) -> None:
    """The markup-ansi case: stdout is a terminal (a pty), and no ESC reaches it."""
    leader, follower = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "crossfact", "export", "--db", str(db),
                             "--format", "jsonl"], stdout=follower, stderr=subprocess.PIPE)
    os.close(follower)
    seen = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    proc.wait(timeout=60)
    os.close(leader)
    assert proc.returncode == 0 and seen
    assert b"\x1b" not in seen and b"\x07" not in seen


def _is_database(path: Path) -> bool:
    return path.read_bytes()[:16] == b"SQLite format 3\x00"


def test_the_database_itself_is_never_an_export_target(db: Path, tmp_path: Path) -> None:
    """`-o` naming the database (or its -wal/-shm/-journal, by another name, a link or a
    hard link) would replace the reviewers' work with the export: refused, even with
    --overwrite, and the database still opens."""
    before = same_bytes(db)
    (tmp_path / "link.db").symlink_to(db)
    os.link(db, tmp_path / "hard.db")
    for given in (db, Path(f"{db}-wal"), Path(f"{db}-shm"), Path(f"{db}-journal"),
                  tmp_path / "sub" / ".." / "d.db", tmp_path / "link.db", tmp_path / "hard.db"):
        (tmp_path / "sub").mkdir(exist_ok=True)
        ran = crossfact("export", "--db", db, "--format", "jsonl", "-o", given, "--overwrite",
                        ok=False)
        assert "is the database" in ran.err and str(given) in ran.err, ran.err
    assert _is_database(db) and same_bytes(db) == before
    ran = crossfact("export", "--db", tmp_path / "link.db", "--format", "csv", "-o", db,
                    "--overwrite", ok=False)  # the database opened through a link
    assert "is the database" in ran.err and _is_database(db)
    with open_test_store(db) as s, pytest.raises(StoreError, match="is the database"):
        write_export(s, "jsonl", None, db, overwrite=True)  # the palette's way in
    assert _is_database(db)


def test_overwrite_writes_through_a_link_and_only_onto_a_regular_file(
        db: Path, tmp_path: Path) -> None:
    """--overwrite replaces the file a symbolic link names (the link stays a link); a fifo,
    a folder, a device or a link to one is refused and left as it was; `-` is stdout."""
    target = tmp_path / "target.csv"
    target.write_text("old\n", encoding="utf-8")
    link = tmp_path / "link.csv"
    link.symlink_to(target)
    ran = crossfact("export", "--db", db, "--format", "csv", "-o", link, ok=False)
    assert "already exists" in ran.err  # a link to a file is an existing file
    assert f"(a symbolic link to {target})" in ran.err  # what --overwrite would replace
    crossfact("export", "--db", db, "--format", "csv", "-o", link, "--overwrite", ok=True)
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_text(encoding="utf-8-sig").startswith("story,")
    dangling = tmp_path / "dangling.csv"
    dangling.symlink_to(tmp_path / "new.csv")
    crossfact("export", "--db", db, "--format", "csv", "-o", dangling, ok=True)
    assert dangling.is_symlink() and (tmp_path / "new.csv").read_text("utf-8-sig").startswith(
        "story,")
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    (tmp_path / "to-fifo").symlink_to(fifo)
    for given in (fifo, tmp_path / "to-fifo"):
        ran = crossfact("export", "--db", db, "--format", "csv", "-o", given, "--overwrite",
                        ok=False, timeout=20)
        assert "not a regular file" in ran.err and str(given) in ran.err
    assert fifo.exists() and not fifo.is_file() and (tmp_path / "to-fifo").is_symlink()
    ran = crossfact("export", "--db", db, "--format", "csv", "-o", tmp_path, "--overwrite",
                    ok=False)
    assert "is a folder" in ran.err
    ran = crossfact("export", "--db", db, "--format", "csv", "-o", "-", cwd=tmp_path, ok=True)
    assert ran.out.startswith(codecs.BOM_UTF8 + b"story,") and not (tmp_path / "-").exists()


def test_a_path_that_cannot_be_written_is_named_as_given(db: Path, tmp_path: Path) -> None:
    """Errors name the path the user typed, not a temporary file (`/proc/.x.csv.qobq6y9t`),
    a part of it (`q.csv: File exists`) or `.` for an empty name."""
    (tmp_path / "q.csv").write_text("a file\n", encoding="utf-8")
    cases = {"q.csv/x.csv": "q.csv/x.csv: q.csv is a file, not a folder",
             "": "no output file named"}
    if Path("/proc/self").exists():  # a folder nobody may create files in, even root
        cases["/proc/x.csv"] = "/proc/x.csv: cannot write there"
    for given, said in cases.items():
        ran = crossfact("export", "--db", db, "--format", "csv", "-o", given, "--overwrite",
                        cwd=tmp_path, ok=False)
        assert ran.err.startswith(f"Error: {said}"), ran.err
        assert ".x.csv." not in ran.err


def test_a_name_ending_in_a_slash_is_a_folder_not_a_file(db: Path, tmp_path: Path) -> None:
    """`-o ./dir.md/` (no such folder) wrote a file called `dir.md`: the slash, which says
    "a folder", was dropped. It is refused in one line, and nothing is written."""
    for given in ("./dir.md/", "dir.md/."):
        ran = crossfact("export", "--db", db, "-o", given, cwd=tmp_path, ok=False)
        assert ran.err.strip() == (f"Error: {given}: names a folder; give a file "
                                            "name (without -o the export goes to stdout)")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["d.db"]
