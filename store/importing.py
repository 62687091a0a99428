"""Importing a JSONL log (an export, another reviewer's database, a recorded session).

Idempotent by construction: stories and runs are keyed by their ids and events by theirs,
so importing the same file twice, or merging the same database twice, changes nothing.
The events are the log as recorded (orphans included), appended in file order; the
derived state is then rebuilt from it. One transaction: a bad line leaves nothing behind.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from crossfact.models import Claim, Document, Event, Match, MatchResult

from .base import StoreBase
from .decisions import rebuild_decisions
from .errors import StoreError
from .membership import dumps
from .rows import event_to_row
from .state import rebuild
from .stories import insert_run

BATCH = 1000


@dataclass
class ImportReport:
    stories: set[str] = field(default_factory=set)
    runs: int = 0
    events: int = 0  # newly added
    seen: int = 0  # events in the input


def result_of(record: dict[str, Any]) -> MatchResult:
    """A run line's MatchResult (document texts included)."""
    return MatchResult(
        documents=[Document(**{k: v for k, v in doc.items() if k != "url"})
                   for doc in record["documents"]],
        claims=[Claim.model_validate(claim) for claim in record["claims"]],
        matches=[Match.model_validate(match) for match in record["matches"]],
    )


def urls_of(record: dict[str, Any]) -> dict[str, str]:
    """A run line's document URLs by document id and recorded path (a re-match may give
    new ids); documents without one are left out."""
    return {key: doc["url"] for doc in record["documents"] if doc.get("url")
            for key in (doc["id"], doc["path"])}


def parse(lines: Iterable[str], source: str) -> Iterable[tuple[int, dict[str, Any]]]:
    for number, text in enumerate(lines, 1):
        if not text.strip():
            continue
        try:
            record = json.loads(text)
        except json.JSONDecodeError as error:
            raise StoreError(f"{source}:{number}: not a JSON line ({error.msg})") from error
        if not isinstance(record, dict) or "type" not in record:
            raise StoreError(f"{source}:{number}: not a crossfact log line (no \"type\")")
        yield number, record


def import_lines(store: StoreBase, lines: Iterable[str], source: str) -> ImportReport:
    """Add everything in a JSONL log that the database does not have yet."""
    report = ImportReport()
    pending: list[dict[str, Any]] = []
    db = store.db

    def flush() -> None:
        if pending:
            before = db.conn.total_changes  # rows really inserted: ignored duplicates are not
            db.table("events").insert_all(pending, ignore=True, batch_size=BATCH)
            report.events += db.conn.total_changes - before
            pending.clear()

    with store._write(f"importing {source}"):
        for number, record in parse(lines, source):
            kind = record["type"]
            try:
                if kind == "story":
                    flush()
                    if db.table("stories").count_where("id = ?", [record["id"]]) == 0:
                        db.table("stories").insert(
                            {k: record[k] for k in ("id", "name", "created")})
                    report.stories.add(record["id"])
                elif kind == "run":
                    flush()
                    if db.table("runs").count_where("id = ?", [record["id"]]) == 0:
                        _insert_run_record(store, record)
                        report.runs += 1
                elif kind == "event":
                    event = Event.model_validate({k: v for k, v in record.items() if k != "type"})
                    report.seen += 1
                    report.stories.add(event.story)
                    pending.append(event_to_row(event))
                    if len(pending) >= BATCH:
                        flush()
                elif kind != "state":
                    raise StoreError(f"{source}:{number}: unknown line type {kind!r}")
            except (KeyError, TypeError, ValidationError) as error:
                raise StoreError(f"{source}:{number}: a {kind} line that does not fit "
                                 f"({_short(error)})") from error
        flush()
        for story in sorted(report.stories):
            rebuild(db, story)
            rebuild_decisions(db, story)
    return report


def _insert_run_record(store: StoreBase, record: dict[str, Any]) -> None:
    run = {"id": record["id"], "story": record["story"], "number": record["number"],
           "created": record["created"], "version": record["version"],
           "params": dumps(record["params"])}
    insert_run(store.db, run, result_of(record), urls_of(record))
    store.db.table("carried").insert_all(
        ({"run": record["id"], **row} for row in record.get("carried", [])), batch_size=BATCH)


def _short(error: Exception) -> str:
    return str(error).splitlines()[0] if str(error) else type(error).__name__
