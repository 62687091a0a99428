"""The JSONL log: the export that re-imports byte-identically, and the recorded-session format.

One JSON object per line, keys sorted, compact, non-ASCII as is:
  {"type": "story", ...}   the story's id, name and creation time
  {"type": "run", ...}     each matching run: params, version, documents (with their text),
                           claims, matches (the MatchResult) and the carried-over verdicts
  {"type": "event", ...}   every event of the log, in order (an Event)
  {"type": "state", ...}   the state derived from all of the above (checked by replay --check)
Everything is streamed: a 100k-event log is never held in memory.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from .base import StoreBase
from .membership import dumps
from .rows import claim_from_row, document_from_row, event_from_row, match_from_rows

FORMAT_VERSION = 1


def line(obj: dict[str, Any]) -> str:
    return dumps(obj) + "\n"


def story_ids(store: StoreBase, story: str | None) -> list[str]:
    if story is not None:
        return [store._story_id(story)]
    return [row[0] for row in store.db.execute("SELECT id FROM stories ORDER BY created, name")]


def run_record(store: StoreBase, run: dict[str, Any]) -> dict[str, Any]:
    """One run as the matcher gave it: documents with text, claims, matches in order."""
    db, run_id = store.db, run["id"]
    documents = [{**document_from_row(row).model_dump(), "text": row["text"],
                  "encoding": row["encoding"]}
                 for row in db["documents"].rows_where("run = ?", [run_id], order_by="rowid")]
    claims = [claim_from_row(row).model_dump()
              for row in db["claims"].rows_where("run = ?", [run_id], order_by="rowid")]
    members: dict[str, list[dict]] = {}
    for row in db["members"].rows_where("run = ?", [run_id]):
        members.setdefault(row["match"], []).append(row)
    matches = [match_from_rows(row, members.get(row["id"], [])).model_dump()
               for row in db["matches"].rows_where("run = ?", [run_id], order_by="position")]
    carried = [{k: v for k, v in row.items() if k != "run"}
               for row in db["carried"].rows_where("run = ?", [run_id], order_by="rowid")]
    return {"type": "run", "id": run_id, "story": run["story"], "number": run["number"],
            "created": run["created"], "version": run["version"],
            "params": json.loads(run["params"]), "documents": documents, "claims": claims,
            "matches": matches, "carried": carried}


def state_record(store: StoreBase, story: str) -> dict[str, Any]:
    """The derived state: current membership and each reviewer's current verdict and note."""
    db = store.db
    members: dict[str, list[str]] = {}
    for row in db["current_members"].rows_where("story = ?", [story], order_by="ord"):
        members.setdefault(row["match"], []).append(row["claim"])
    matches = [{"id": row["id"], "claims": members.get(row["id"], []),
                "corrected": bool(row["corrected"])}
               for row in db["current_matches"].rows_where("story = ?", [story],
                                                           order_by="position, id")]
    decisions: dict[tuple[str, str], dict[str, Any]] = {}
    for view in ("current_verdicts", "current_notes"):
        for row in db.query(
            f'SELECT v.* FROM {view} v JOIN current_matches m ON m.story = v.story '
            f'AND m.id = v."match" WHERE v.story = ?', [story]
        ):
            entry = decisions.setdefault((row["match"], row["reviewer"]), {
                "match": row["match"], "reviewer": row["reviewer"], "verdict": None,
                "outliers": [], "note": None})
            if view == "current_verdicts":
                entry.update(verdict=row["verdict"], outliers=json.loads(row["outliers"]))
            else:
                entry["note"] = row["note"]
    return {"type": "state", "story": story, "matches": matches,
            "decisions": [decisions[key] for key in sorted(decisions)]}


def export_jsonl(store: StoreBase, story: str | None = None) -> Iterator[str]:
    """The whole log of one story (or all), line by line."""
    for story_id in story_ids(store, story):
        row = next(store.db["stories"].rows_where("id = ?", [story_id]))
        yield line({"type": "story", "format": FORMAT_VERSION, **row})
        for run in store.db["runs"].rows_where("story = ?", [story_id],
                                               order_by="number, created, id"):
            yield line(run_record(store, run))
        for event_row in store.db["events"].rows_where("story = ?", [story_id], order_by="seq"):
            yield line({"type": "event", **event_from_row(event_row).model_dump()})
        yield line(state_record(store, story_id))
