"""Issue 13, data loss: a file from someone else takes back or overrides no one's verdicts.

Every case runs the command a user would run; a refused file leaves the target database
byte-identical and says why on one line.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from hostile import crossfact, same_bytes
from store_data import Ticker, build, open_test_store

from crossfact.store import open_store


@pytest.fixture
def leyla(tmp_path: Path) -> Path:
    """A database where leyla decided every match through its own commands."""
    db = tmp_path / "team.db"
    s = open_test_store(db)
    s.add_story("seed", build(), {})
    for row in s.matches("seed", reviewer="leyla"):
        s.decide("seed", row.id, "agree", reviewer="leyla", session="l")
    s.close()
    return db


def lines_of(db: Path, tmp_path: Path) -> list[dict]:
    out = tmp_path / "log.jsonl"
    crossfact("export", "--db", db, "--format", "jsonl", "-o", out, ok=True)
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


def write(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def event(story: str, kind: str, reviewer: str, n: int, **fields: object) -> dict:
    return {"type": "event", "id": f"x{n}", "story": story, "kind": kind, "reviewer": reviewer,
            "session": "m", "at": "2026-02-02T00:00:00.000Z", "outliers": [], **fields}


def verdicts(db: Path) -> dict[tuple[str, str], str]:
    with sqlite3.connect(db) as conn:
        return {(m, r): v for m, r, v in conn.execute(
            'SELECT "match", reviewer, verdict FROM current_verdicts')}


def test_undo_of_another_reviewers_verdicts_is_refused_and_changes_nothing(
        leyla: Path, tmp_path: Path) -> None:
    log = lines_of(leyla, tmp_path)
    story = log[0]
    mine = [r for r in log if r["type"] == "event"]
    undos = [event(story["id"], "undo", "mallory", n, supersedes=e["id"], match=e["match"])
             for n, e in enumerate(mine)]
    attack = write(tmp_path / "mallory.jsonl", [story, *undos])
    before, kept = same_bytes(leyla), verdicts(leyla)
    ran = crossfact("import", attack, "--db", leyla, ok=False)
    assert "refused, nothing imported" in ran.err and "not this reviewer's" in ran.err
    assert f"({len(undos)} lines" in ran.err
    assert same_bytes(leyla) == before and verdicts(leyla) == kept
    stats = crossfact("stats", "--db", leyla, ok=True)
    assert f"leyla: {len(mine)}/{len(mine)} decided" in stats.out.decode()


def test_the_view_honours_only_the_reviewers_own_undo(leyla: Path) -> None:
    """Another tool writing the file directly: the views still ignore a foreign undo."""
    with sqlite3.connect(leyla) as conn:
        target, story = conn.execute("SELECT id, story FROM events LIMIT 1").fetchone()
        conn.execute("INSERT INTO events (id, story, kind, supersedes, outliers, reviewer, "
                     "session, at) VALUES ('u-m', ?, 'undo', ?, '[]', 'mallory', 'm', 't')",
                     [story, target])
        assert conn.execute("SELECT count(*) FROM active_events WHERE id = ?",
                            [target]).fetchone()[0] == 1
        conn.execute("INSERT INTO events (id, story, kind, supersedes, outliers, reviewer, "
                     "session, at) VALUES ('u-l', ?, 'undo', ?, '[]', 'leyla', 'l', 't')",
                     [story, target])
        assert conn.execute("SELECT count(*) FROM active_events WHERE id = ?",
                            [target]).fetchone()[0] == 0


def test_a_verdict_forged_under_a_local_name_is_refused_unless_trusted(
        leyla: Path, tmp_path: Path) -> None:
    log = lines_of(leyla, tmp_path)
    match = next(r for r in log if r["type"] == "event")["match"]
    forged = write(tmp_path / "forged.jsonl", [log[0], event(
        log[0]["id"], "verdict", "leyla", 1, match=match, verdict="conflict")])
    before = same_bytes(leyla)
    ran = crossfact("import", forged, "--db", leyla, ok=False)
    assert "reviews in this database" in ran.err and "--trust-reviewer" in ran.err
    assert same_bytes(leyla) == before
    crossfact("import", forged, "--db", leyla, "--trust-reviewer", "leyla", ok=True)
    assert verdicts(leyla)[(match, "leyla")] == "conflict"


def test_new_names_are_accepted_and_where_they_came_from_is_recorded(
        leyla: Path, tmp_path: Path) -> None:
    log = lines_of(leyla, tmp_path)
    match = next(r for r in log if r["type"] == "event")["match"]
    bob = write(tmp_path / "bob.jsonl", [log[0], event(log[0]["id"], "verdict", "bob", 1,
                                                        match=match, verdict="agree")])
    crossfact("import", bob, "--db", leyla, ok=True)
    with sqlite3.connect(leyla) as conn:
        kind, source, digest = conn.execute(
            "SELECT o.kind, o.source, o.sha256 FROM events e JOIN origins o ON o.id = e.origin "
            "WHERE e.id = 'x1'").fetchone()
        here = conn.execute("SELECT DISTINCT o.kind FROM events e JOIN origins o "
                            "ON o.id = e.origin WHERE e.reviewer = 'leyla'").fetchall()
    assert (kind, Path(source).name, len(digest)) == ("import", "bob.jsonl", 64)
    assert here == [("here",)]
    # importing it again adds nothing, not even an origins row
    crossfact("import", bob, "--db", leyla, ok=True)
    with sqlite3.connect(leyla) as conn:
        assert conn.execute("SELECT count(*) FROM origins").fetchone()[0] == 2


def test_merge_of_a_database_with_a_foreign_undo_is_refused(leyla: Path, tmp_path: Path) -> None:
    other = tmp_path / "mallory.db"
    s = open_test_store(other, Ticker("m"))
    s.add_story("seed", build(), {})
    s.close()
    with sqlite3.connect(leyla) as conn:
        target, story = conn.execute("SELECT id, story FROM events LIMIT 1").fetchone()
    with sqlite3.connect(other) as conn:  # written by a tool that skips crossfact's checks
        conn.execute("INSERT INTO events (id, story, kind, supersedes, outliers, reviewer, "
                     "session, at) VALUES ('u-m', ?, 'undo', ?, '[]', 'mallory', 'm', 't')",
                     [story, target])
    before = same_bytes(leyla)
    ran = crossfact("merge", other, "--db", leyla, ok=False)
    assert "not this reviewer's" in ran.err
    assert same_bytes(leyla) == before


def test_a_replayed_foreign_undo_is_named_and_not_applied(leyla: Path, tmp_path: Path) -> None:
    log = lines_of(leyla, tmp_path)
    mine = next(r for r in log if r["type"] == "event")
    runs = [r for r in log if r["type"] == "run"]
    session = write(tmp_path / "s.jsonl", [log[0], *runs, event(
        log[0]["id"], "undo", "mallory", 1, supersedes=mine["id"], match=mine["match"])])
    kept = verdicts(leyla)
    ran = crossfact("replay", session, "--db", leyla)
    assert ran.code == 0 and "not this reviewer's" in ran.err
    assert verdicts(leyla) == kept
    with open_store(leyla) as s:
        assert s.progress("seed", reviewer="leyla") == (4, 4)


def test_an_event_edited_under_its_own_id_is_refused_whole(leyla: Path, tmp_path: Path) -> None:
    """A note's text edited in the file, its id kept: "imported 0 new" would hide that two
    logs disagree about saved work. Refused, the line and the field named, nothing imported."""
    with open_store(leyla) as s:
        match = s.matches("seed", reviewer="leyla")[0].id
        s.note("seed", match, "checked the figure", reviewer="leyla", session="l")
    records = lines_of(leyla, tmp_path)
    number, noted = next((n, r) for n, r in enumerate(records, 1) if r.get("kind") == "note")
    noted["note"] = "the figure is wrong"
    records.append(event("s-x", "verdict", "bob", 1))  # a new event: not imported either
    records[-1]["story"], records[-1]["match"] = noted["story"], match
    records[-1]["verdict"] = "conflict"
    before = same_bytes(leyla)
    edited = write(tmp_path / "edited.jsonl", records)
    ran = crossfact("import", edited, "--db", leyla, ok=False)
    assert f"line {number}: event {noted['id']} is already stored with another note" \
        in ran.err and "nothing imported" in ran.err, ran.err
    assert same_bytes(leyla) == before
    ran = crossfact("replay", edited, "--db", leyla, "--check")  # names it among its problems
    assert ran.code == 1 and f"line {number}: event {noted['id']} (note" in ran.err, ran.err
