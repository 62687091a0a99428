"""Issue 13, merge: the other file is read read-only and defensively; a crafted one is
refused on one line and the target stays byte-identical."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from hostile import crossfact, same_bytes
from store_data import Ticker, build, open_test_store

from crossfact.store import open_store


def other_db(tmp_path: Path, craft: str) -> Path:
    path = tmp_path / "other.db"
    s = open_test_store(path, Ticker("o"))
    s.add_story("seed", build(), {})
    for row in s.matches("seed", reviewer="bob"):
        s.decide("seed", row.id, "agree", reviewer="bob", session="b", note="n")
    s.close()
    conn = sqlite3.connect(path)
    conn.executescript(craft)
    conn.close()
    return path


CRAFTS = {
    "an endless view as the events table": """
        DROP TRIGGER events_no_update; DROP TRIGGER events_no_delete;
        ALTER TABLE events RENAME TO old_events;
        CREATE VIEW events AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n)
          SELECT i AS seq, 'e' || i AS id, (SELECT id FROM stories) AS story, 'note' AS kind,
                 NULL AS "match", NULL AS verdict, '[]' AS outliers, 'x' AS note, NULL AS claim,
                 NULL AS target, NULL AS supersedes, 'bob' AS reviewer, 's' AS session,
                 't' AS at, NULL AS origin FROM n;""",
    "a missing column": """
        DROP TRIGGER events_no_update; DROP TRIGGER events_no_delete;
        DROP VIEW current_verdicts; DROP VIEW current_notes; DROP VIEW active_events;
        ALTER TABLE events DROP COLUMN note;""",
    "an unknown schema change": """
        INSERT INTO _sqlite_migrations (migration_set, name, applied_at)
        VALUES ('crossfact', 'm099_future', 'now');""",
}


@pytest.mark.parametrize("craft", list(CRAFTS))
def test_a_crafted_database_is_refused_and_the_target_untouched(tmp_path: Path,
                                                                craft: str) -> None:
    other = other_db(tmp_path, CRAFTS[craft])
    target = tmp_path / "team.db"
    s = open_test_store(target)
    s.add_story("seed", build(), {})
    s.close()
    before = same_bytes(target)
    ran = crossfact("merge", other, "--db", target, ok=False, timeout=60)
    assert "crossfact" in ran.err
    assert same_bytes(target) == before


def test_the_wording_for_a_newer_schema_change(tmp_path: Path) -> None:
    other = other_db(tmp_path, CRAFTS["an unknown schema change"])
    ran = crossfact("stats", "--db", other, ok=False)
    assert "m099_future is unknown" in ran.err and "this one knows" not in ran.err


def test_a_merge_reads_the_other_file_without_writing_it(tmp_path: Path) -> None:
    other = other_db(tmp_path, "")
    before = other.read_bytes()
    target = tmp_path / "team.db"
    crossfact("merge", other, "--db", target, ok=True)
    assert other.read_bytes() == before
    with open_store(target) as s:
        assert s.progress("seed", reviewer="bob") == (4, 4)


def test_a_trigger_someone_added_to_the_target_is_named_not_run(tmp_path: Path) -> None:
    other = other_db(tmp_path, "")
    target = tmp_path / "team.db"
    s = open_test_store(target)
    s.add_story("seed", build(), {})
    s.close()
    conn = sqlite3.connect(target)
    conn.execute("CREATE TABLE seen (n)")
    conn.execute("CREATE TRIGGER spy AFTER INSERT ON events "
                 "BEGIN INSERT INTO seen VALUES (new.note); END")
    conn.close()
    before = same_bytes(target)
    ran = crossfact("merge", other, "--db", target, ok=False)
    assert "spy" in ran.err and same_bytes(target) == before
