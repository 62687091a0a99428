"""Each reviewer's current verdict and note per match: a table kept in step with the log.

The log is the truth and the views `current_verdicts` / `current_notes` define the
answer; this table holds the same answer so that a page of matches, a progress count or
one match costs index lookups, not a window over 100k events. `record` updates it with
each new event (inside the event's transaction); `rebuild_decisions` recomputes a story
from the views, and a test checks that both give the same rows.
"""

from __future__ import annotations

import json
from typing import Any, TypeGuard

from sqlite_utils import Database

from crossfact.models import Event

from .membership import dumps

# A note of nothing but blanks is a cleared note (the editor emptied to a space or a newline),
# in Python and in SQL alike: neither carried over, orphaned nor reported.
WRITTEN_SQL = "trim({note}, ' ' || char(9, 10, 13)) <> ''"


def written(note: str | None) -> TypeGuard[str]:
    """Whether a note says anything: one cleared to blanks is no note."""
    return bool(note and note.strip())


EMPTY = {"verdict": None, "outliers": "[]", "verdict_event": None, "verdict_at": None,
         "note": None, "note_event": None}
BATCH = 1000


def _from_views(db: Database, story: str, where: str = "",
                params: tuple = ()) -> dict[tuple[str, str], dict[str, Any]]:
    rows: dict[tuple[str, str], dict[str, Any]] = {}
    # named columns: the readable ones of current_verdicts (texts, number) are not computed
    for view in ("current_verdicts", "current_notes"):
        for r in db.query(f'SELECT "match", reviewer, verdict, outliers, note, event, at '
                          f'FROM {view} WHERE story = ? {where}', [story, *params]):
            row = rows.setdefault((r["match"], r["reviewer"]), {
                "story": story, "match": r["match"], "reviewer": r["reviewer"], **EMPTY})
            if view == "current_verdicts":
                row.update(verdict=r["verdict"], outliers=r["outliers"], verdict_event=r["event"],
                           verdict_at=r["at"])
            else:
                row.update(note=r["note"], note_event=r["event"])
    return rows


def rebuild_decisions(db: Database, story: str) -> None:
    """Recompute one story's rows from the log (after an import, a merge, a migration)."""
    db.table("current_decisions").delete_where("story = ?", [story])
    db.table("current_decisions").insert_all(_from_views(db, story).values(), batch_size=BATCH)


def refresh(db: Database, story: str, match: str, reviewer: str) -> None:
    """Recompute one (match, reviewer) from the log: after an undo."""
    db.table("current_decisions").delete_where('story = ? AND "match" = ? AND reviewer = ?',
                                               [story, match, reviewer])
    rows = _from_views(db, story, 'AND "match" = ? AND reviewer = ?', (match, reviewer))
    db.table("current_decisions").insert_all(rows.values())


def record(db: Database, event: Event, undone: Event | None = None) -> None:
    """Update the table for one newly appended event (`undone`: what an undo takes back)."""
    if event.kind == "undo":
        if undone is not None and undone.kind in ("verdict", "note") and undone.match:
            refresh(db, event.story, undone.match, undone.reviewer)
        return
    if event.kind not in ("verdict", "note") or event.match is None:
        return
    key = {"story": event.story, "match": event.match, "reviewer": event.reviewer}
    change: dict[str, Any] = {}
    if event.kind == "verdict":
        change.update(verdict=event.verdict, outliers=dumps(event.outliers),
                      verdict_event=event.id, verdict_at=event.at)
    if event.note is not None:
        change.update(note=event.note, note_event=event.id)
    table = db.table("current_decisions")
    found = list(table.rows_where('story = ? AND "match" = ? AND reviewer = ?',
                                  [event.story, event.match, event.reviewer]))
    table.upsert({**key, **EMPTY, **(found[0] if found else {}), **change},
                 pk=("story", "match", "reviewer"))


def on_current_matches(db: Database, story: str) -> dict[str, dict[str, dict[str, Any]]]:
    """match -> reviewer -> {verdict, outliers (decoded), note, at, events} on current matches.

    Rows with neither a verdict nor a note (everything undone) are left out.
    """
    out: dict[str, dict[str, dict[str, Any]]] = {}
    for row in db.query("""
        SELECT d.* FROM current_decisions d
        JOIN current_matches m ON m.story = d.story AND m.id = d."match"
        WHERE d.story = ? AND (d.verdict IS NOT NULL OR d.note IS NOT NULL)
        ORDER BY m.position, m.id, d.reviewer""", [story]):
        out.setdefault(row["match"], {})[row["reviewer"]] = {
            **row, "outliers": json.loads(row["outliers"]), "at": row["verdict_at"]}
    return out
