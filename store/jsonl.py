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

from crossfact.models import Event

from .base import StoreBase
from .decisions import on_current_matches
from .membership import dumps
from .rows import claim_from_row, document_from_row, match_from_rows

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
                  "encoding": row["encoding"], **({"url": row["url"]} if row["url"] else {})}
                 for row in db.table("documents").rows_where("run = ?", [run_id], order_by="rowid")]
    claims = [claim_from_row(row).model_dump()
              for row in db.table("claims").rows_where("run = ?", [run_id], order_by="rowid")]
    members: dict[str, list[dict]] = {}
    for row in db.table("members").rows_where("run = ?", [run_id]):
        members.setdefault(row["match"], []).append(row)
    matches = [match_from_rows(row, members.get(row["id"], [])).model_dump()
               for row in db.table("matches").rows_where("run = ?", [run_id], order_by="position")]
    carried = [{k: v for k, v in row.items() if k != "run"}
               for row in db.table("carried").rows_where("run = ?", [run_id], order_by="rowid")]
    return {"type": "run", "id": run_id, "story": run["story"], "number": run["number"],
            "created": run["created"], "version": run["version"],
            "params": json.loads(run["params"]), "documents": documents, "claims": claims,
            "matches": matches, "carried": carried}


def state_record(store: StoreBase, story: str) -> dict[str, Any]:
    """The derived state: current membership and each reviewer's current verdict and note."""
    db = store.db
    members: dict[str, list[str]] = {}
    for row in db.table("current_members").rows_where("story = ?", [story], order_by="ord"):
        members.setdefault(row["match"], []).append(row["claim"])
    matches = [{"id": row["id"], "claims": members.get(row["id"], []),
                "corrected": bool(row["corrected"])}
               for row in db.table("current_matches").rows_where("story = ?", [story],
                                                                 order_by="position, id")]
    decisions = [{"match": match, "reviewer": reviewer, "verdict": d["verdict"],
                  "outliers": d["outliers"] if d["verdict"] else [], "note": d["note"]}
                 for match, by in on_current_matches(db, story).items()
                 for reviewer, d in by.items()]
    decisions.sort(key=lambda d: (d["match"], d["reviewer"]))
    return {"type": "state", "story": story, "matches": matches,
            "decisions": decisions}


EVENT_FIELDS = tuple(Event.model_fields)


def event_lines(store: StoreBase, story: str) -> Iterator[str]:
    """The story's events as log lines, straight from the rows: they were validated as
    Events on the way in, and skipping pydantic here is what makes 100k events fast."""
    columns = ", ".join(f'"{name}"' for name in EVENT_FIELDS)
    for values in store.db.execute(
        f"SELECT {columns} FROM events WHERE story = ? ORDER BY seq", [story]
    ):
        record = dict(zip(EVENT_FIELDS, values, strict=True))
        record["outliers"] = json.loads(record["outliers"])
        record["type"] = "event"
        yield line(record)


def export_jsonl(store: StoreBase, story: str | None = None) -> Iterator[str]:
    """The whole log of one story (or all), line by line."""
    for story_id in story_ids(store, story):
        row = next(store.db.table("stories").rows_where("id = ?", [story_id]))
        yield line({"type": "story", "format": FORMAT_VERSION, **row})
        for run in store.db.table("runs").rows_where("story = ?", [story_id],
                                                     order_by="number, created, id"):
            yield line(run_record(store, run))
        yield from event_lines(store, story_id)
        yield line(state_record(store, story_id))
