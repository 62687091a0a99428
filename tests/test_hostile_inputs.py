"""Issue 13, crashes: each hostile input or unlucky moment through the command a user runs.

Every case: a clear exit status, one line on stderr when refused, no traceback, no ESC byte
on stdout or stderr (tests/hostile.py checks these on every run), and never the last-resort
"unexpected error" line, which would mean a bug was caught rather than the input handled.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hostile import crossfact, same_bytes
from store_data import build, open_test_store

from crossfact.store import open_store
from crossfact.store.jsonl import export_jsonl

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "fixtures" / "seed-story"
ARTICLE = "Tesla spent 10 billion dollars on chips in 2024, the company said on Monday.\n"
ESC_NAME = "\x1b]52;c;cHduZWQ=\x07\x1b]0;pwned\x07"


def handled(ran) -> None:  # type: ignore[no-untyped-def]
    assert "unexpected error" not in ran.err, ran.err


def story(tmp_path: Path, files: dict[str, bytes], toml: str | None = None) -> Path:
    folder = tmp_path / "story"
    folder.mkdir(exist_ok=True)
    for name, data in files.items():
        (Path(os.fsdecode(bytes(folder) + b"/" + name.encode("utf-8", "surrogateescape"))
         ).write_bytes(data))
    if toml is not None:
        (folder / "story.toml").write_text(toml, encoding="utf-8")
    return folder


def test_a_file_name_that_is_not_utf8(tmp_path: Path) -> None:
    folder = story(tmp_path, {"a\udcff\udcfe.txt": ARTICLE.encode(),
                              "b.txt": ARTICLE.replace("Monday", "Tuesday").encode()})
    langs = [f"--lang={folder / name}=en" for name in ("a\udcff\udcfe.txt", "b.txt")]
    ran = crossfact("match", folder, *langs, "--format", "json", ok=True)
    paths = [d["path"] for d in json.loads(ran.out)["documents"]]
    assert any(p.endswith("a\\xff\\xfe.txt") for p in paths)
    handled(crossfact("match", folder, *langs, ok=True))


def test_escapes_in_a_file_name_are_shown_not_obeyed(tmp_path: Path) -> None:
    ran = crossfact("match", tmp_path / f"{ESC_NAME}.txt", ok=False)
    assert "\\x1b]52" in ran.err


@pytest.mark.skipif(os.geteuid() == 0, reason="root searches any folder")
def test_a_folder_without_search_permission(tmp_path: Path) -> None:
    folder = story(tmp_path, {"a.txt": ARTICLE.encode()})
    folder.chmod(0o600)
    try:
        handled(crossfact("match", folder, ok=False))
    finally:
        folder.chmod(0o700)


def test_a_deeply_nested_story_file(tmp_path: Path) -> None:
    folder = story(tmp_path, {"a.txt": ARTICLE.encode()}, "x = " + "[" * 5000 + "]" * 5000)
    handled(crossfact("match", folder, ok=False))


@pytest.mark.parametrize("keys", ["keys = 5", 'verdict-agree = 5',
                                  f'"{ESC_NAME.encode("unicode_escape").decode()}" = "a"'])
def test_a_broken_keys_file_is_one_line(tmp_path: Path, keys: str) -> None:
    config = tmp_path / "config"
    (config / "crossfact").mkdir(parents=True)
    (config / "crossfact" / "keys.toml").write_text(keys, encoding="utf-8")
    ran = crossfact("review", SEED, "--db", tmp_path / "d.db",
                    env={"XDG_CONFIG_HOME": str(config)}, ok=False)
    handled(ran)
    assert "keys.toml" in ran.err


def test_review_without_a_terminal_says_so_instead_of_drawing_into_a_file(
        tmp_path: Path) -> None:
    """`crossfact review 2> log` or a review started from a script drew its screen into the
    file and waited for keys that could never come. It needs a terminal, and says so."""
    ran = crossfact("review", SEED, "--db", tmp_path / "d.db", stdin=b"", ok=False,
                    timeout=60)
    assert "needs a terminal" in ran.err and "crossfact replay" in ran.err, ran.err


def test_an_output_encoding_that_cannot_hold_the_text() -> None:
    ran = crossfact("match", SEED, env={"PYTHONIOENCODING": "latin-1"}, ok=True)
    assert b"\\u09" in ran.out  # Bengali written as escapes, not a crash


def test_koi8_r_russian_is_read_as_russian(tmp_path: Path) -> None:
    text = ("Президент России заявил, что экономика выросла на 3 процента. "
            "Правительство одобрило новый бюджет на 2025 год.\n")
    folder = story(tmp_path, {"ru.txt": text.encode("koi8_r"), "en.txt": ARTICLE.encode()})
    ran = crossfact("match", folder, f"--lang={folder / 'en.txt'}=en", "--format", "json",
                    ok=True)
    langs = {Path(d["path"]).name: d["lang"] for d in json.loads(ran.out)["documents"]}
    assert langs["ru.txt"] == "ru"


GREEK = "Ο πρωθυπουργός είπε ότι 10 άνθρωποι σκοτώθηκαν στην Αθήνα."  # read as Kazakh


def test_a_guessed_encoding_is_named_and_the_library_says_nothing(tmp_path: Path) -> None:
    """Greek in ISO-8859-7 has the bytes of Windows-1251 Russian: it was read as Russian
    without a word, and wordfreq wrote "You asked for word frequencies in language 'kk'..."
    on stderr. Every encoding that is a guess (no byte-order mark, not UTF-8) is named with
    the file, with what to do if the text reads wrong, and a library's chatter is not the
    user's business."""
    folder = story(tmp_path, {"el.txt": GREEK.encode("iso-8859-7"),
                              "en.txt": ARTICLE.encode()})
    ran = crossfact("match", folder, ok=True)
    head = ran.out.decode().split("\n\n", 1)[0]
    assert "el.txt (guessed windows-1251" in head.lower(), head
    assert "save it as UTF-8" in head
    assert "en.txt (guessed" not in head  # UTF-8 is read, not guessed
    assert ran.err == "", ran.err


def test_a_five_megabyte_line_is_refused_at_once_with_the_limit(tmp_path: Path) -> None:
    folder = story(tmp_path, {"big.txt": (ARTICLE.strip() + " ").encode() * 70_000,
                              "b.txt": ARTICLE.encode()})
    ran = crossfact("match", folder, ok=False, timeout=30)
    assert "too large" in ran.err and "2,000,000 bytes" in ran.err


def test_a_folder_of_thousands_of_files_is_refused_at_once(tmp_path: Path) -> None:
    folder = story(tmp_path, {f"{n:04d}.txt": ARTICLE.encode() for n in range(3000)})
    ran = crossfact("match", folder, ok=False, timeout=30)
    assert "more than 50 versions" in ran.err


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "d.db"
    s = open_test_store(path)
    s.add_story("seed", build(), {})
    for row in s.matches("seed", reviewer=ESC_NAME):
        s.decide("seed", row.id, "agree", reviewer=ESC_NAME, session="e", note=ESC_NAME)
    s.close()
    return path


def test_stats_and_csv_show_hostile_names_without_obeying_them(db: Path) -> None:
    assert "\\x1b]52" in crossfact("stats", "--db", db, ok=True).out.decode()
    crossfact("export", "--db", db, "--format", "csv", ok=True)
    crossfact("export", "--db", db, "--format", "md", ok=True)


def log_of(db: Path, tmp_path: Path) -> list[dict]:
    with open_store(db) as s:
        return [json.loads(line) for line in export_jsonl(s)]


def test_a_jsonl_with_a_byte_order_mark_imports(db: Path, tmp_path: Path) -> None:
    log = tmp_path / "bom.jsonl"
    log.write_bytes(b"\xef\xbb\xbf" + "".join(json.dumps(r) + "\n" for r in log_of(
        db, tmp_path)).encode())
    crossfact("import", log, "--db", tmp_path / "new.db", ok=True)


CRAFTED: dict[str, object] = {
    "a newer format": lambda lines: [{**lines[0], "format": 99}, *lines[1:]],
    "a format that is not a number": lambda lines: [{**lines[0], "format": "1"}, *lines[1:]],
    "a story id that is a number": lambda lines: [{**lines[0], "id": 5}, *lines[1:]],
    "a run number that is text": lambda lines: [lines[0], {**lines[1], "number": "one"},
                                                *lines[2:]],
    "documents that are not a list": lambda lines: [lines[0], {**lines[1], "documents": 7},
                                                    *lines[2:]],
    "a document that is not an object": lambda lines: [lines[0], {**lines[1],
                                                       "documents": ["x"]}, *lines[2:]],
    "a score past float range": lambda lines: [lines[0], {**lines[1], "matches": [
        {**lines[1]["matches"][0], "score": "1e400"}]}, *lines[2:]],
    "an event of an unknown story": lambda lines: [*lines[:-1], {
        **next(r for r in lines if r["type"] == "event"), "story": "s-nope", "id": "new"}],
    "an event with outliers as text": lambda lines: [*lines[:-1], {
        **next(r for r in lines if r["type"] == "event"), "outliers": "ar", "id": "new"}],
    "a language that is an escape sequence": lambda lines: [lines[0], {**lines[1], "documents": [
        {**lines[1]["documents"][0], "lang": ESC_NAME}, *lines[1]["documents"][1:]]},
        *lines[2:]],
    # an agree naming versions that differ was exported as "Consistent across versions (tr
    # differ)"; the keys cannot make one, nor a note event with no note
    "an agree that names outlier versions": lambda lines: [*lines[:-1], {
        **next(r for r in lines if r.get("kind") == "verdict"), "verdict": "agree",
        "outliers": [lines[1]["documents"][0]["id"]], "id": "new"}],
    "a note event without a note": lambda lines: [*lines[:-1], {
        **next(r for r in lines if r.get("kind") == "verdict"), "kind": "note",
        "verdict": None, "note": None, "id": "new"}],
    "a line that is a list": lambda lines: [*lines, [1, 2]],
    "a type that is a number": lambda lines: [*lines, {"type": 5}],
    "deeply nested JSON": lambda lines: [*lines, "DEEP"],
}


@pytest.mark.parametrize("case", list(CRAFTED))
def test_crafted_imports_are_refused_cleanly(db: Path, tmp_path: Path, case: str) -> None:
    records = CRAFTED[case](log_of(db, tmp_path))  # type: ignore[operator]
    text = "".join((("[" * 100_000 + "]" * 100_000) if r == "DEEP" else json.dumps(r)) + "\n"
                   for r in records)
    crafted = tmp_path / "crafted.jsonl"
    crafted.write_text(text, encoding="utf-8")
    target = tmp_path / "target.db"
    open_test_store(target).close()
    before = same_bytes(target)
    handled(crossfact("import", crafted, "--db", target, ok=False))
    assert same_bytes(target) == before
    handled(crossfact("replay", crafted, "--db", tmp_path / "replayed.db"))


def test_a_read_only_database_can_still_be_read(db: Path) -> None:
    db.chmod(0o444)
    try:
        crossfact("stats", "--db", db, ok=True)
        crossfact("export", "--db", db, "--format", "md", ok=True)
    finally:
        db.chmod(0o644)


def read_only_folder(folder: Path) -> tuple[str, ...]:
    """A command prefix under which `folder` cannot be written: a read-only bind mount in a
    mount namespace of its own for root (whom permissions do not stop), its permissions
    for anyone else."""
    if os.geteuid() != 0:
        folder.chmod(0o555)
        return ()
    import shutil
    import subprocess

    mount = ('mount --bind "$0" "$0" && mount -o remount,bind,ro "$0" && exec "$@"',
             str(folder))
    wrap = ("unshare", "-m", "sh", "-c", *mount)
    if shutil.which("unshare") is None or subprocess.run(
            [*wrap, "true"], capture_output=True).returncode != 0:
        pytest.skip("root, and no mount namespace for a read-only folder")
    return wrap


def test_a_database_in_a_read_only_folder_can_still_be_read(db: Path, tmp_path: Path) -> None:
    """A colleague's database on a read-only share or stick: SQLite reads a WAL database
    through a -shm file it creates beside it, so stats, export and merge said "cannot open
    the database file" where a read-only file in a writable folder was read."""
    share = tmp_path / "share"
    share.mkdir()
    theirs = db.rename(share / "theirs.db")
    wrap = read_only_folder(share)
    try:
        assert "4/4 decided" in crossfact("stats", "--db", theirs, ok=True, wrap=wrap).out.decode()
        crossfact("export", "--db", theirs, "--format", "md", ok=True, wrap=wrap)
        crossfact("merge", theirs, "--db", tmp_path / "mine.db", ok=True, wrap=wrap)
    finally:
        share.chmod(0o755)
    assert crossfact("stats", "--db", tmp_path / "mine.db", ok=True).out.count(b"4/4") == 1


def test_a_read_only_folder_is_read_as_it_is_only_with_nothing_beside_the_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Immutable (read as it is on disk) is only safe where no -wal, -shm or -journal holds
    what a reader must see: a hot journal of a database in rollback mode is one."""
    from crossfact.store import connection

    monkeypatch.setattr(connection.os, "access", lambda *args, **kwargs: False)
    path = tmp_path / "theirs.db"
    path.write_bytes(b"")
    assert connection._readonly_uri(path).endswith("?mode=ro&immutable=1")
    for suffix in ("-wal", "-shm", "-journal"):
        beside = tmp_path / f"theirs.db{suffix}"
        beside.write_bytes(b"pages")
        assert connection._readonly_uri(path).endswith("?mode=ro"), suffix
        beside.unlink()


def test_a_broken_pipe_is_not_a_traceback(db: Path, tmp_path: Path) -> None:
    import subprocess
    import sys

    proc = subprocess.Popen([sys.executable, "-m", "crossfact", "export", "--db", str(db),
                             "--format", "jsonl"], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.read(10)
    proc.stdout.close()
    err = proc.stderr.read().decode()
    proc.wait(timeout=60)
    assert err == ""  # `| head` has had enough: nothing to report (it said "Broken pipe")
