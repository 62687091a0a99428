"""The database file: schema from migrations, pragmas, FTS, refusing files that are not ours."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from store_data import VERSIONS, build, file_before_split_letters, open_test_store

from crossfact import store
from crossfact.store import StoreError, open_store, resolve_db_path
from crossfact.store.numbering import in_number_order
from crossfact.store.schema import SCHEMA_VERSION


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_blank_database_gets_the_public_schema(tmp_path: Path) -> None:
    s = open_store(tmp_path / "x.db")
    tables = set(s.db.table_names())
    assert {"stories", "documents", "claims", "runs", "matches", "members", "events",
            "carried", "current_matches", "current_members", "current_decisions",
            "claims_fts"} <= tables
    assert {"current_verdicts", "current_notes", "active_events", "current_runs"} <= set(
        s.db.view_names())
    assert all(s.db[t].strict for t in ("stories", "events", "claims", "members"))
    assert s.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert s.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert s.db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert s.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    fks = {(fk.table, fk.other_table) for fk in s.db["members"].foreign_keys}
    assert fks == {("members", "matches"), ("members", "claims")}


def test_reopening_is_idempotent_and_keeps_data(tmp_path: Path) -> None:
    path = tmp_path / "x.db"
    s = open_test_store(path)
    s.add_story("seed", build(), {})
    s.close()
    again = open_store(path)
    assert [info.name for info in again.stories()] == ["seed"]
    assert again.db["_sqlite_migrations"].count == SCHEMA_VERSION


def test_events_are_append_only_in_the_file(tmp_path: Path) -> None:
    s = open_test_store(tmp_path / "x.db")
    s.add_story("seed", build(), {})
    match = s.matches("seed", reviewer="ann")[0].id
    s.decide("seed", match, "agree", reviewer="ann", session="s")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        s.db.execute("UPDATE events SET verdict = 'conflict'")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        s.db.execute("DELETE FROM events")


@pytest.mark.parametrize("word", ["বিলিয়ন", "কারখানাটি", "מיליארד", "مليارات", "milyar"])
def test_search_keeps_bengali_hebrew_arabic_words_whole(tmp_path: Path, word: str) -> None:
    s = open_test_store(tmp_path / "x.db")
    s.add_story("seed", build(), {})
    hits = s.matches("seed", reviewer="ann", search=word)
    assert len(hits) == 1
    assert s.count("seed", reviewer="ann", search=word[:-1] + "x") == 0


def test_search_finds_the_story_s_current_matches_only(tmp_path: Path) -> None:
    """The index holds every story's claims, and earlier runs' too: a search reads from the
    claims that match to the story's current members."""
    s = open_test_store(tmp_path / "x.db")
    s.add_story("seed", build(), {})
    s.add_story("other", build(), {})
    assert s.count("seed", reviewer="ann", search="Tesla") == 1
    changed = {**VERSIONS, "fr": ["Tesla a dépensé 11 milliards de dollars.", *VERSIONS["fr"][1:]]}
    s.add_story("seed", build(changed), {})  # a new run of the same story
    assert len(s.db.execute("SELECT * FROM runs").fetchall()) == 3
    assert [m.id for m in s.matches("seed", reviewer="ann", search="Tesla")] == [
        m.id for m in s.matches("seed", reviewer="ann")[:1]]
    assert s.count("seed", reviewer="ann", search="11") == 1  # the current run's text
    # from the index's hits to the members by key, not from every member of the story
    sql, params = s._matches_sql("seed", "ann", "all", "Tesla")
    plan = [row[3] for row in s.db.execute(f"EXPLAIN QUERY PLAN {sql}", params).fetchall()]
    fts = next(n for n, step in enumerate(plan) if "claims_fts" in step)
    members = next(n for n, step in enumerate(plan) if " cm " in step)
    assert fts < members and "(story=? AND claim=?)" in plan[members]


def test_control_characters_in_a_search_are_ignored(tmp_path: Path) -> None:
    s = open_test_store(tmp_path / "x.db")
    s.add_story("seed", build(), {})
    assert s.count("seed", reviewer="ann", search="Tes\x00la\x1b") == 1
    everything = s.count("seed", reviewer="ann")
    assert s.count("seed", reviewer="ann", search="\x00") == everything  # no search left


def test_pointed_hebrew_is_one_token(tmp_path: Path) -> None:
    pointed = "שָׁלוֹם"
    versions = {"he": [f"{pointed} עולם."], "fr": ["Bonjour le monde."]}
    s = open_test_store(tmp_path / "x.db")
    s.add_story("pointed", build(versions), {})
    assert s.count("pointed", reviewer="ann", search=pointed) == 1
    # no split at the vowel point: the word's tail is no token of its own (a search is a
    # word prefix, so the tail would be found only if the tokenizer had split there)
    assert s.count("pointed", reviewer="ann", search="לוֹם") == 0


def test_not_sqlite_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("my notes, not a database\n" * 50)
    before = digest(path)
    with pytest.raises(StoreError, match="not an SQLite file"):
        open_store(path)
    assert digest(path) == before


def test_corrupt_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "x.db"
    s = open_test_store(path)
    s.add_story("seed", build(), {})
    s.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    s.close()
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # page 1's b-tree: the schema is unreadable
    path.write_bytes(bytes(data))
    before = digest(path)
    with pytest.raises(StoreError, match="damaged") as error:
        open_store(path)
    assert "\n" not in str(error.value)
    assert digest(path) == before


def test_damage_deep_in_the_log_is_found_at_open(tmp_path: Path) -> None:
    path = tmp_path / "x.db"
    s = open_test_store(path)
    s.add_story("seed", build(), {})
    match = s.matches("seed", reviewer="ann")[0].id
    for n in range(300):
        s.note("seed", match, f"note {n} " + "x" * 200, reviewer="ann", session="s")
    s.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page = s.db.execute("PRAGMA page_size").fetchone()[0]
    s.close()
    data = bytearray(path.read_bytes())
    middle = len(data) // page // 2 * page
    data[middle:middle + page] = b"\x00\x17" * (page // 2)
    path.write_bytes(bytes(data))
    before = digest(path)
    with pytest.raises(StoreError, match="damaged"):
        open_store(path)
    assert digest(path) == before


def test_newer_schema_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "x.db"
    open_store(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    before = digest(path)
    with pytest.raises(StoreError, match="newer crossfact"):
        open_store(path)
    assert digest(path) == before


def test_unknown_migration_counts_as_newer(tmp_path: Path) -> None:
    path = tmp_path / "x.db"
    s = open_store(path)
    s.db["_sqlite_migrations"].insert({"migration_set": "crossfact", "name": "m999_future",
                                        "applied_at": "2030"})
    s.close()
    with pytest.raises(StoreError, match="newer crossfact"):
        open_store(path)


def test_foreign_sqlite_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE songs (title TEXT)")
    conn.commit()
    conn.close()
    before = digest(path)
    with pytest.raises(StoreError, match="not a crossfact database"):
        open_store(path)
    assert digest(path) == before


def test_read_only_location_is_one_line_error() -> None:
    with pytest.raises(StoreError) as error:
        open_store(Path("/proc/crossfact-test/x.db"))
    assert "\n" not in str(error.value)


def test_db_path_resolution(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CROSSFACT_DB", str(tmp_path / "env.db"))
    assert resolve_db_path(tmp_path / "arg.db") == tmp_path / "arg.db"
    assert resolve_db_path(None) == tmp_path / "env.db"
    monkeypatch.delenv("CROSSFACT_DB")
    default = resolve_db_path(None)
    assert default.name == "crossfact.db" and "crossfact" in default.parent.as_posix()


def test_api_names_are_exported() -> None:
    for name in ("open_store", "Store", "StoreError", "StoryInfo", "MatchRow", "MatchView",
                 "Member", "resolve_db_path"):
        assert hasattr(store, name)


def test_upgrade_from_the_first_schema_keeps_and_derives_the_data(tmp_path: Path) -> None:
    from sqlite_utils import Database

    from crossfact.store.schema import migrations

    path = tmp_path / "old.db"
    old = Database(path)
    migrations.apply(old, stop_before="m002_current_decisions")
    old.execute("PRAGMA user_version = 1")
    old["stories"].insert({"id": "s-1", "name": "old", "created": "2025"})
    event = {"story": "s-1", "outliers": "[]", "session": "s", "at": "2025"}
    old["events"].insert_all([
        {**event, "id": "e1", "kind": "verdict", "match": "m-1", "verdict": "agree",
         "reviewer": "ann"},
        {**event, "id": "e2", "kind": "note", "match": "m-1", "note": "check", "reviewer": "ann"},
        {**event, "id": "e3", "kind": "note", "match": "m-2", "note": "only", "reviewer": "bob"},
        {**event, "id": "e4", "kind": "verdict", "match": "m-2", "verdict": "conflict",
         "outliers": '["d-1"]', "reviewer": "bob"},
        {**event, "id": "e5", "kind": "undo", "supersedes": "e4", "reviewer": "bob"},
    ])
    old.close()
    s = open_store(path)
    assert s.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    migrated = sorted(s.db["current_decisions"].rows, key=lambda r: r["match"])
    assert [(r["match"], r["reviewer"], r["verdict"], r["note"]) for r in migrated] == [
        ("m-1", "ann", "agree", "check"), ("m-2", "bob", None, "only")]
    from crossfact.store.decisions import rebuild_decisions

    rebuild_decisions(s.db, "s-1")  # today's code derives the same rows from the log
    assert sorted(s.db["current_decisions"].rows, key=lambda r: r["match"]) == migrated


def test_document_urls_migration_on_blank_and_old_databases(tmp_path: Path) -> None:
    """m003 adds documents.url: a blank file gets it; a file made before it keeps its rows
    (url NULL, so ClaimReview leaves it out) and takes new URLs afterwards."""
    from sqlite_utils import Database

    from crossfact.store.schema import migrations

    blank = open_store(tmp_path / "blank.db")
    assert blank.db["documents"].columns_dict["url"] is str
    blank.close()

    path = tmp_path / "old.db"
    old = open_test_store(path)
    old.add_story("seed", build(), {})
    old.close()
    raw = Database(path)  # back to the schema before m003, data kept
    raw.execute("ALTER TABLE documents DROP COLUMN url")
    raw.execute("DELETE FROM _sqlite_migrations WHERE name = 'm003_document_urls'")
    raw.execute("PRAGMA user_version = 2")
    raw.close()
    assert "m003_document_urls" in {m.name for m in migrations._migrations}
    s = open_store(path)
    assert s.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert {row["url"] for row in s.db["documents"].rows} == {None}
    assert s.db["documents"].count == len(build().documents)
    s.close()


def test_fixes_index_migration_on_a_database_with_decisions(tmp_path: Path) -> None:
    """m010 on a file the previous release wrote (verdicts, a note, a move after a verdict):
    the log and the decisions are kept as they were, the index is made, and the verdict
    given before the move is flagged for a second look from the log that was already there."""
    from sqlite_utils import Database

    path = tmp_path / "old.db"
    old = open_test_store(path)
    old.add_story("seed", build(), {})
    rows = old.matches("seed", reviewer="ann")
    old.decide("seed", rows[3].id, "unsourced", reviewer="ann", session="s")
    old.note("seed", rows[1].id, "look [bold]again\x1b[31m", reviewer="bob", session="s")
    claim = old.match(rows[0].id, reviewer="ann").members[0].claim.id
    old.move_claim("seed", claim, rows[3].id, reviewer="ann", session="s", match_id=rows[0].id)
    events = list(old.db["events"].rows)
    decisions = sorted(old.db["current_decisions"].rows, key=lambda r: r["match"])
    old.close()
    raw = Database(path)  # back to the schema before m010, data kept
    raw.execute("DROP INDEX idx_events_fixes")
    raw.execute("DELETE FROM _sqlite_migrations WHERE name = 'm010_fixes_index'")
    raw.execute("PRAGMA user_version = 9")
    raw.close()
    s = open_store(path)
    assert s.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert "idx_events_fixes" in {index.name for index in s.db["events"].indexes}
    assert list(s.db["events"].rows) == events
    assert sorted(s.db["current_decisions"].rows, key=lambda r: r["match"]) == decisions
    assert [r.id for r in s.matches("seed", reviewer="ann", filter="second_look")] == [
        rows[3].id]
    s.close()


def test_changed_numbers_are_told_in_the_review_order() -> None:
    """The upgrade notice listed "10b is now 10c" before "2b is now 2c" (sorted as text)."""
    assert sorted(["10b", "2c", "2b", "1"], key=in_number_order) == ["1", "2b", "2c", "10b"]


def test_split_letters_migration_keeps_the_letters_the_log_gave(tmp_path: Path) -> None:
    """m013 on a file the previous release wrote: each split-out has the letter it was
    given, from the log that was already there (the rows are derived), in the TUI's numbers
    and in `current_verdicts` alike, the log untouched and the index only m011's letters
    read gone; and the store knows which numbers that changed, to tell the reviewer."""
    path = tmp_path / "old.db"
    later_id, events = file_before_split_letters(path)
    s = open_store(path)
    assert s.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert list(s.db["events"].rows) == events
    assert {r.id: r.number for r in s.matches("seed", reviewer="ann")}[later_id] == "1c"
    assert s.renumbered == [("seed", "1b", "1c")]
    assert list(s.db.execute('SELECT number FROM current_verdicts')) == [("1c",)]
    assert "idx_events_fix_claims" not in {index.name for index in s.db["events"].indexes}
    s.close()


def test_an_upgrade_that_changed_match_numbers_says_which_once(tmp_path: Path) -> None:
    """m013 re-lettered a split-out that m011's counting had moved up ("1b" back to "1c"),
    silently: a reviewer's note citing "1b" then pointed at another match. The command that
    upgrades the file says which numbers changed; the next one has nothing to say."""
    from click.testing import CliRunner

    from crossfact.cli import main

    path = tmp_path / "old.db"
    file_before_split_letters(path)
    first = CliRunner().invoke(main, ["stats", "--db", str(path)])
    assert first.exit_code == 0, first.output
    assert first.stderr == ("Database upgraded: a split-out now keeps the letter it was "
                            "first given, so 1 match number changed (seed: 1b is now 1c); a "
                            "note or report that cites the old number means the new one\n")
    again = CliRunner().invoke(main, ["stats", "--db", str(path)])
    assert again.exit_code == 0 and again.stderr == "", again.stderr


def test_merging_an_older_database_says_how_to_upgrade_it(tmp_path: Path) -> None:
    """Merge reads the other file read-only, so it does not upgrade it: "open it once with
    this crossfact to upgrade it" did not say how. It names the command, which works."""
    from click.testing import CliRunner

    from crossfact.cli import main

    (tmp_path / "old files").mkdir()
    old = tmp_path / "old files" / "old.db"  # the command said is copied as it is
    file_before_split_letters(old)
    team = ["merge", str(old), "--db", str(tmp_path / "team.db")]
    refused = CliRunner().invoke(main, team)
    assert refused.exit_code == 1 and refused.stderr == (
        f"Error: {old}: an older crossfact database, only read here; upgrade it first "
        f"(crossfact stats --db '{old}' upgrades it, or a copy of it), then try again\n")
    assert CliRunner().invoke(main, ["stats", "--db", str(old)]).exit_code == 0
    merged = CliRunner().invoke(main, team)
    assert merged.exit_code == 0 and "new of" in merged.stderr, merged.stderr


def test_a_review_that_cannot_start_still_says_which_numbers_the_upgrade_changed(
        tmp_path: Path) -> None:
    """`crossfact review` upgrades the file before it finds it has no terminal: the app that
    would have said which numbers changed never starts, so the command says it."""
    from click.testing import CliRunner

    from crossfact.cli import main

    path = tmp_path / "old.db"
    file_before_split_letters(path)
    done = CliRunner().invoke(main, ["review", "--db", str(path), "--story", "seed"])
    assert done.exit_code == 1, done.output
    told, refused = done.stderr.splitlines()
    assert "1 match number changed (seed: 1b is now 1c)" in told
    assert "needs a terminal" in refused
