"""Store commands on a wrong path or an empty file: one line, exit 1, nothing created."""

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from crossfact.cli import main
from crossfact.store import open_store, resolve_db_path


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_reading_a_missing_database_creates_nothing(tmp_path: Path):
    db = tmp_path / "typo" / "x.db"
    for args in (["stats"], ["export", "--format", "md"]):
        out = run(*args, "--db", str(db))
        assert out.exit_code == 1 and "no such database" in out.stderr
    assert not db.parent.exists()


def test_reading_an_empty_file_leaves_it_empty(tmp_path: Path):
    """SQLite takes a file of no bytes for a new database: `stats --db notes.txt` made an
    empty notes.txt a 200 KB database, for a command that only reads."""
    db = tmp_path / "notes.txt"
    db.touch()
    for args in (["stats"], ["export", "--format", "md"]):
        out = run(*args, "--db", str(db))
        assert out.exit_code == 1, out.output
        assert out.stderr == (f"Error: {db}: an empty file, not a crossfact database (given "
                              "with --db); review a story first, or check the path\n")
    assert db.stat().st_size == 0


def test_review_of_a_named_story_leaves_an_empty_file_empty(tmp_path: Path):
    """review --story without files only reads its database: it made an empty file a
    database, then said the story was not there."""
    db = tmp_path / "notes.txt"
    db.touch()
    out = run("review", "--db", str(db), "--story", "mystory")
    assert out.exit_code == 1, out.output
    assert out.stderr == (f"Error: {db}: an empty file, not a crossfact database (given with "
                          "--db), so no story named 'mystory'; give its files to match it\n")
    assert db.stat().st_size == 0


def test_writing_commands_make_an_empty_file_a_database_as_the_readme_says(tmp_path: Path):
    """`import`, `merge`, `replay` and `review` with files take an empty file for a database
    not yet made (what a first open killed before it wrote leaves), where `stats` refuses it
    (above): the README did not say so (nor, later, of `replay`), and an empty notes.txt
    given by mistake became a database."""
    readme = " ".join((Path(__file__).resolve().parents[1] / "README.md").read_text().split())
    assert ("An empty file given as the database (`--db`) to `review`, `import`, `merge` or "
            "`replay` becomes a new database") in readme
    log = Path(__file__).resolve().parents[1] / "fixtures/arabic-indic-digits/sessions/amal.jsonl"
    (tmp_path / "a.db").touch()
    assert run("import", str(log), "--db", str(tmp_path / "a.db")).exit_code == 0
    (tmp_path / "b.db").touch()
    assert run("merge", str(tmp_path / "a.db"), "--db", str(tmp_path / "b.db")).exit_code == 0
    (tmp_path / "c.db").touch()
    assert run("replay", str(log), "--db", str(tmp_path / "c.db")).exit_code == 0
    for db in ("b.db", "c.db"):
        with open_store(tmp_path / db) as store:
            assert store.stories()


def test_an_empty_database_says_so(tmp_path: Path):
    db = tmp_path / "x.db"
    open_store(db).close()
    out = run("stats", "--db", str(db))
    assert out.exit_code == 1 and "no stories" in out.stderr


@pytest.mark.parametrize("fmt, name, what", [("csv", "r.csv", "CSV"), ("md", "r.md", "Markdown"),
                                             ("claimreview", "r.json", "ClaimReview")])
def test_another_export_given_to_import_is_named(tmp_path: Path, fmt: str, name: str,
                                                 what: str):
    """A newcomer re-imported the CSV export and was told "r.csv:1: not a JSON line": true,
    but not what would do. The export is named, and the one that re-imports."""
    log = Path(__file__).resolve().parents[1] / "fixtures/arabic-indic-digits/sessions/amal.jsonl"
    db = tmp_path / "x.db"
    assert run("import", str(log), "--db", str(db)).exit_code == 0
    assert run("export", "--db", str(db), "-o", str(tmp_path / name)).exit_code == 0
    for command in ("import", "replay"):
        out = run(command, str(tmp_path / name), "--db", str(tmp_path / "y.db"))
        assert out.exit_code == 1 and out.stderr == (
            f"Error: {tmp_path / name}: a {what} export by its ending, not a JSONL log; only "
            "the JSONL export re-imports (crossfact export --format jsonl)\n"), out.stderr
    assert not (tmp_path / "y.db").exists()


def test_an_empty_log_is_refused(tmp_path: Path):
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n")
    for command in ("replay", "import"):
        out = run(command, str(empty), "--db", str(tmp_path / "x.db"))
        assert out.exit_code == 1 and "empty" in out.stderr


def test_import_and_merge_count_in_words_people_write(tmp_path: Path):
    """`1 new run, 1 story`, not `1 new runs, 1 stories`."""
    session = Path(__file__).resolve().parents[1] / "fixtures/arabic-indic-digits/sessions"
    first, second = tmp_path / "a.db", tmp_path / "b.db"
    out = run("import", str(session / "amal.jsonl"), "--db", str(first))
    assert out.exit_code == 0 and "1 new run, 1 story into" in out.output, out.output
    out = run("import", str(session / "noor.jsonl"), "--db", str(first))  # the same run
    assert out.exit_code == 0 and "0 new runs, 1 story into" in out.output, out.output
    out = run("merge", str(first), "--db", str(second))
    assert out.exit_code == 0 and out.output.endswith("1 new run\n"), out.output


def test_a_file_that_is_not_there_is_one_line(tmp_path: Path):
    """A wrong value is one line (the usage text is for a wrong call, such as no file)."""
    missing = str(tmp_path / "nothere.jsonl")
    for args in (["import", missing], ["merge", missing], ["replay", missing],
                 ["review", missing], ["export", "--format", "xx"]):
        out = run(*args, "--db", str(tmp_path / "x.db"))
        assert out.exit_code in (1, 2) and len(out.stderr.splitlines()) == 1, out.stderr
        assert "nothere.jsonl" in out.stderr or "'xx'" in out.stderr
    assert "Usage:" in run("import").stderr  # no file at all: how to call it
    assert not (tmp_path / "x.db").exists()


def test_a_database_in_a_folder_that_is_not_there_is_refused(tmp_path: Path):
    """A typo in --db must not start an empty database in a new folder: writing commands
    (import, review) say so in one line and create nothing; the default folder is made."""
    session = Path(__file__).resolve().parents[1] / "fixtures/arabic-indic-digits/sessions"
    db = tmp_path / "typo" / "x.db"
    for args in (["import", str(session / "amal.jsonl")],
                 ["review", str(Path(__file__).resolve().parents[1] / "fixtures/seed-story")]):
        out = run(*args, "--db", str(db))
        assert out.exit_code == 1, out.output
        assert out.stderr.splitlines() == [f"Error: {db.parent}: no such folder for the "
                                           "database x.db (given with --db); create it "
                                           "first, or check the path"], out.stderr
    assert not db.parent.exists()


def test_the_default_folder_is_made(tmp_path: Path, monkeypatch):
    monkeypatch.delenv("CROSSFACT_DB", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    path = resolve_db_path()
    assert path == tmp_path / "data" / "crossfact" / "crossfact.db" and path.parent.is_dir()
    open_store(path).close()


def test_a_refused_import_or_merge_leaves_no_new_database(tmp_path: Path):
    """A broken log (or a file that is not a database) refused: the --db it would have
    created is not there afterwards, not even empty; an existing one stays."""
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"type": "story", "id": "s"}\n{not json\n', encoding="utf-8")
    not_a_db = tmp_path / "other.db"
    not_a_db.write_text("not a database", encoding="utf-8")
    for args in (["import", str(broken)], ["merge", str(not_a_db)]):
        db = tmp_path / "new.db"
        out = run(*args, "--db", str(db))
        assert out.exit_code == 1 and len(out.stderr.splitlines()) == 1, out.output
        assert sorted(p.name for p in tmp_path.iterdir()) == ["broken.jsonl", "other.db"]
    kept = tmp_path / "kept.db"
    open_store(kept).close()
    assert run("import", str(broken), "--db", str(kept)).exit_code == 1 and kept.exists()


def test_a_log_that_is_not_utf8_is_one_line_and_leaves_no_new_database(tmp_path: Path):
    """`replay doc.pdf` said "unexpected error (UnicodeDecodeError ...); this is a bug" and
    left the --db it had created; `import` already said what the file is not."""
    pdf = tmp_path / "doc.pdf"
    pdf.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>\n")
    for command in ("replay", "import"):
        out = run(command, str(pdf), "--db", str(tmp_path / "new.db"))
        assert out.exit_code == 1 and len(out.stderr.splitlines()) == 1, out.output
        assert "not UTF-8 text, not a crossfact JSONL log" in out.stderr
        assert sorted(p.name for p in tmp_path.iterdir()) == ["doc.pdf"]


def test_merging_the_database_into_itself_says_so(tmp_path: Path):
    """`merge team.db --db team.db` said "0 new of 0 events" of a database full of them."""
    session = Path(__file__).resolve().parents[1] / "fixtures/arabic-indic-digits/sessions"
    db = tmp_path / "team.db"
    assert run("import", str(session / "amal.jsonl"), "--db", str(db)).exit_code == 0
    (tmp_path / "link.db").symlink_to(db)
    for name in (db, tmp_path / "link.db"):
        out = run("merge", str(name), "--db", str(db))
        assert out.exit_code == 0
        assert out.stderr == f"{name}: is the database merged into (--db); skipped\n"


def test_a_blank_trusted_reviewer_is_refused(tmp_path: Path):
    """`--trust-reviewer ""` (an unset shell variable) trusted no one and said nothing."""
    session = Path(__file__).resolve().parents[1] / "fixtures/arabic-indic-digits/sessions"
    out = run("import", str(session / "amal.jsonl"), "--db", str(tmp_path / "x.db"),
              "--trust-reviewer", "")
    assert out.exit_code == 2 and "--trust-reviewer" in out.stderr
    assert not (tmp_path / "x.db").exists()


def test_a_report_among_a_storys_versions_is_refused(tmp_path: Path):
    """`export --format md -o story/report.md` put a report where the next `review story/`
    reads it as one more version; the review app offers .markdown there, the command line
    said nothing. Known by the versions' texts, wherever the story was reviewed from."""
    import shutil

    fixture = Path(__file__).resolve().parents[1] / "fixtures/arabic-indic-digits"
    db = tmp_path / "x.db"
    assert run("import", str(fixture / "sessions/amal.jsonl"), "--db", str(db)).exit_code == 0
    folder = tmp_path / "copied"
    folder.mkdir()
    for version in fixture.glob("*.txt"):
        shutil.copy(version, folder)
    out = run("export", "--db", str(db), "--format", "md", "-o", str(folder / "report.md"))
    assert out.exit_code == 1 and "among the versions of a story" in out.stderr, out.output
    assert not (folder / "report.md").exists()
    for fine in (folder / "report.markdown", tmp_path / "report.md"):
        assert run("export", "--db", str(db), "--format", "md", "-o", str(fine)).exit_code == 0


def test_a_file_too_large_for_a_version_is_not_read_when_exporting(tmp_path: Path,
                                                                   monkeypatch):
    """Every .md export read and decoded every .txt/.md beside it, whatever its size, to
    know whether it was a version; one larger than any version can be (reading.MAX_BYTES)
    is now passed over unread."""
    from crossfact.reading import MAX_BYTES

    fixture = Path(__file__).resolve().parents[1] / "fixtures/arabic-indic-digits"
    db = tmp_path / "x.db"
    assert run("import", str(fixture / "sessions/amal.jsonl"), "--db", str(db)).exit_code == 0
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "big.txt").write_bytes(b"x" * (MAX_BYTES + 1))
    read: list[str] = []
    real_read = Path.read_bytes

    def spy(self: Path) -> bytes:
        read.append(self.name)
        return real_read(self)

    monkeypatch.setattr(Path, "read_bytes", spy)
    out = run("export", "--db", str(db), "--format", "md", "-o", str(folder / "report.md"))
    assert out.exit_code == 0, out.output
    assert "big.txt" not in read, read


def test_a_story_not_in_the_database_lists_the_ones_there(tmp_path: Path):
    """`export --story seedstory` said only "no story 'seedstory' in x.db": the reviewer had
    to open the file with another tool to learn what it holds."""
    session = Path(__file__).resolve().parents[1] / "fixtures/arabic-indic-digits/sessions"
    db = tmp_path / "x.db"
    assert run("import", str(session / "amal.jsonl"), "--db", str(db)).exit_code == 0
    for args in (["export", "--format", "md", "--story", "arabic"], ["stats", "--story", "x"]):
        out = run(*args, "--db", str(db))
        assert out.exit_code == 1, out.output
        assert "no story 'arabic" in out.stderr or "no story 'x'" in out.stderr, out.stderr
        assert "stories there: arabic-indic-digits" in out.stderr, out.stderr


def test_export_without_a_format_names_them_in_one_line_or_reads_the_files_ending(
        tmp_path: Path):
    """`crossfact export` with no --format printed click's ten-line usage screen; it says
    in one line which formats there are, and `-o report.csv` is taken to mean csv."""
    session = Path(__file__).resolve().parents[1] / "fixtures/arabic-indic-digits/sessions"
    db = tmp_path / "x.db"
    assert run("import", str(session / "amal.jsonl"), "--db", str(db)).exit_code == 0
    for args in ([], ["-o", str(tmp_path / "report.txt")]):
        out = run("export", "--db", str(db), *args)
        assert out.exit_code == 2 and len(out.stderr.splitlines()) == 1, out.stderr
        assert "Usage" not in out.stderr and "jsonl, csv, md or claimreview" in out.stderr
    assert "report.txt: its ending names no format" in out.stderr
    assert not (tmp_path / "report.txt").exists()
    for name, fmt in (("a.CSV", "csv"), ("a.markdown", "md"), ("a.jsonl", "jsonl"),
                      ("a.json", "claimreview")):
        out = run("export", "--db", str(db), "-o", str(tmp_path / name))
        assert out.exit_code == 0, out.stderr
        expected = run("export", "--db", str(db), "--format", fmt).stdout_bytes
        assert (tmp_path / name).read_bytes() == expected, name


def test_export_to_a_file_whose_ending_names_another_format_is_refused(tmp_path: Path):
    """`--format csv -o x.md` wrote CSV into a file every tool opens as Markdown, without a
    word: refused in one line, nothing written; an ending that names no format, or the
    same one, is written as asked."""
    session = Path(__file__).resolve().parents[1] / "fixtures/arabic-indic-digits/sessions"
    db = tmp_path / "x.db"
    assert run("import", str(session / "amal.jsonl"), "--db", str(db)).exit_code == 0
    out = run("export", "--db", str(db), "--format", "csv", "-o", str(tmp_path / "x.md"))
    assert out.exit_code == 2 and len(out.stderr.splitlines()) == 1, out.stderr
    assert "x.md: its ending says md, not csv: nothing written (end the name in .csv, or " \
           "leave out --format to write md)" in out.stderr
    assert not (tmp_path / "x.md").exists()
    for name in ("x.csv", "x.txt", "x.CSV"):
        out = run("export", "--db", str(db), "--format", "csv", "-o", str(tmp_path / name))
        assert out.exit_code == 0 and (tmp_path / name).exists(), (name, out.stderr)


def through_a_pipe(content: bytes, *args: str):
    """The command `args` with `{}` as a pipe holding `content`, as `<(...)` gives one."""
    read_end, write_end = os.pipe()
    try:
        os.write(write_end, content)  # smaller than a pipe's buffer: no writer process needed
        os.close(write_end)
        return run(*(a.replace("{}", f"/dev/fd/{read_end}") for a in args))
    finally:
        os.close(read_end)


@pytest.mark.parametrize("command", ["import", "replay"])
def test_a_log_from_a_pipe_by_name_is_read_once(tmp_path: Path, command: str):
    """`crossfact import <(crossfact export --format jsonl)` names a pipe (/dev/fd/63): the
    log was read once to see it was not empty, then found nothing more, and was refused as
    "not UTF-8 text, not a crossfact JSONL log". It is spooled, as standard input is. Its
    origin was recorded as /dev/fd/63, a name that means nothing once the command is done:
    it is "a pipe", there and in messages, as `-` is "standard input"."""
    log = (Path(__file__).resolve().parents[1]
           / "fixtures/arabic-indic-digits/sessions/amal.jsonl").read_bytes()
    out = through_a_pipe(log, command, "{}", "--db", str(tmp_path / "x.db"))
    assert out.exit_code == 0, out.stderr
    with open_store(tmp_path / "x.db") as store:
        assert store.stories() and store.db.table("events").count > 0
        sources = [row["source"] for row in store.db.table("origins").rows_where("id > 1")]
    assert sources == ["a pipe"]
    for content, said in ((b"", "a pipe: empty"), (b"x\n", "a pipe:1: not a JSON line")):
        out = through_a_pipe(content, command, "{}", "--db", str(tmp_path / "y.db"))
        assert out.exit_code == 1 and out.stderr.startswith(f"Error: {said}"), out.stderr


def test_a_pipe_is_no_story_version_nor_database(tmp_path: Path):
    """A version or a database given as `<(...)` was "/dev/fd/63: not a regular file or
    folder" or "no such database file": it is a pipe, and saved to a file it is read."""
    version = b"Tesla spent $10 billion on AI in 2024.\n"
    for args in (["match", "{}"], ["review", "{}", "--db", str(tmp_path / "r.db")],
                 ["merge", "{}", "--db", str(tmp_path / "m.db")]):
        out = through_a_pipe(version, *args)
        assert out.exit_code == 1 and len(out.stderr.splitlines()) == 1, out.stderr
        assert ": a pipe, not a " in out.stderr and "save " in out.stderr, out.stderr
        # why, for the command told: match reopens nothing
        assert ("reopened" in out.stderr) == (args[0] == "review"), out.stderr
    assert not list(tmp_path.iterdir())


def test_a_descriptor_of_a_named_pipe_is_a_pipe(tmp_path: Path):
    """/dev/fd/N on macOS links to nothing that says "pipe:": a descriptor given by number
    is "a pipe" whatever it is a descriptor of. A pipe made with mkfifo, named, is "the
    pipe" and its real path (through a link to it, too)."""
    from crossfact.reading import pipe_name

    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    (tmp_path / "link").symlink_to(fifo)
    fd = os.open(fifo, os.O_RDWR | os.O_NONBLOCK)  # a reader and writer: opening waits not
    try:
        assert pipe_name(Path(f"/dev/fd/{fd}")) == "a pipe"
    finally:
        os.close(fd)
    real = os.path.realpath(fifo)
    assert pipe_name(fifo) == pipe_name(tmp_path / "link") == f"the pipe {real}"


def test_import_reads_a_log_from_standard_input(tmp_path: Path):
    """`export -o -` writes to standard output, yet `import -` was refused ("File '-' does
    not exist"), so `crossfact export ... | crossfact import -` could not be written. The log
    is spooled to a temporary file; its origin says standard input, with the SHA-256 of what
    was read. An empty one is refused, and leaves no database behind."""
    import hashlib

    log = (Path(__file__).resolve().parents[1]
           / "fixtures/arabic-indic-digits/sessions/amal.jsonl").read_bytes()
    db = tmp_path / "x.db"
    out = CliRunner().invoke(main, ["import", "-", "--db", str(db)], input=log)
    assert out.exit_code == 0 and "1 new run, 1 story into" in out.output, out.output
    with open_store(db) as store:
        origins = [(row["kind"], row["source"], row["sha256"])
                   for row in store.db.table("origins").rows_where("kind = 'import'")]
        assert store.db.table("events").count_where("origin IS NOT NULL") > 0
    assert origins == [("import", "standard input", hashlib.sha256(log).hexdigest())]
    empty = CliRunner().invoke(main, ["import", "-", "--db", str(tmp_path / "y.db")], input="")
    assert empty.exit_code == 1 and "standard input: empty" in empty.stderr, empty.stderr
    assert not (tmp_path / "y.db").exists()


def test_replay_reads_a_log_from_standard_input(tmp_path: Path):
    """`import -` read a piped log while `replay -` said "File '-' does not exist": the two
    commands that read a log read it the same way, and `--check` holds on what was piped."""
    log = (Path(__file__).resolve().parents[1]
           / "fixtures/arabic-indic-digits/sessions/amal.jsonl").read_bytes()
    db = tmp_path / "x.db"
    out = CliRunner().invoke(main, ["replay", "-", "--db", str(db), "--check"], input=log)
    assert out.exit_code == 0 and "matches the recording" in out.output, out.output
    with open_store(db) as store:
        origins = [(row["kind"], row["source"])
                   for row in store.db.table("origins").rows_where("kind = 'replay'")]
    assert origins == [("replay", "standard input")]
    broken = CliRunner().invoke(main, ["replay", "-", "--db", str(tmp_path / "y.db")],
                                input=b'{"type": "story"\n')
    assert broken.exit_code == 1 and broken.stderr.startswith(
        "Error: standard input:1: not a JSON line"), broken.stderr


@pytest.mark.parametrize("command", ["import", "replay"])
@pytest.mark.parametrize("stdin, said", [
    ("closed", "-: standard input is closed; pipe a log in "),
    ("terminal", "-: standard input is a terminal, not a log; pipe one in ")])
def test_standard_input_that_holds_no_log_is_refused_in_the_same_words(
        tmp_path: Path, command: str, stdin: str, said: str) -> None:
    """Closed (`crossfact import - <&-`) it was said to be a terminal; a terminal would wait
    for a log typed by hand. `import -` and `replay -` refuse both alike, in one line,
    each naming itself in the pipe it suggests; no database is left behind."""
    import os
    import pty
    import subprocess
    import sys

    terminal = pty.openpty() if stdin == "terminal" else None
    proc = subprocess.run(
        [sys.executable, "-m", "crossfact", command, "-", "--db", str(tmp_path / "x.db")],
        stdin=terminal[1] if terminal else None, capture_output=True, timeout=60,
        preexec_fn=None if terminal else (lambda: os.close(0)))
    if terminal:
        for end in terminal:
            os.close(end)
    err = proc.stderr.decode()
    assert proc.returncode == 1 and err == (
        f"Error: {said}(crossfact export --format jsonl | crossfact {command} -)\n"), err
    assert not (tmp_path / "x.db").exists()


def test_a_lower_case_variable_is_named_as_written(tmp_path: Path, monkeypatch):
    """pydantic-settings reads crossfact_db as it reads CROSSFACT_DB; the message looked for
    the upper-case name only and blamed a config.toml that did not exist."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.delenv("CROSSFACT_DB", raising=False)
    monkeypatch.setenv("crossfact_db", str(tmp_path))
    out = run("stats")
    assert out.exit_code == 1
    assert out.stderr == (f"Error: {tmp_path}: is a folder, not a database file (from "
                          f"$crossfact_db); name a file in it, such as "
                          f"{tmp_path / 'crossfact.db'}\n")


@pytest.mark.parametrize("command", ["import", "replay", "merge", "review"])
def test_a_folder_or_a_missing_path_is_refused_in_the_words_match_uses(
        tmp_path: Path, command: str) -> None:
    """`import`, `replay` and `merge` answered in click's words ("Invalid value for 'FILE':
    File 'x' is a directory.", exit 2) where `match` says "x: no such file or folder" (exit
    1): every command that reads a file now refuses a missing one alike, and a folder (a
    story for `review` and `match`, never a log or a database) in the same form."""
    (tmp_path / "story").mkdir()
    missing, dangling = tmp_path / "typo.jsonl", tmp_path / "link.jsonl"
    dangling.symlink_to(tmp_path / "gone")
    db = tmp_path / "x.db"
    for path in (missing, dangling):
        out = run(command, str(path), "--db", str(db))
        assert (out.exit_code, out.stderr) == (1, f"Error: {path}: no such file or folder\n")
    if command != "review":
        out = run(command, str(tmp_path / "story"), "--db", str(db))
        assert (out.exit_code, out.stderr) == (
            1, f"Error: {tmp_path / 'story'}: is a folder; give a file name\n")
    assert not db.exists()
