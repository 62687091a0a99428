"""Importing a JSONL log (an export, another reviewer's database, a recorded session).

Idempotent by construction: stories and runs are keyed by their ids and events by theirs,
so importing the same file twice, or merging the same database twice, changes nothing. An
event whose id is stored with other content (a note edited in the file, its id kept) is
refused with the file: quietly keeping either copy would hide that two logs disagree.
The events are the log as recorded (orphans included), appended in file order; the
derived state is then rebuilt from it. One transaction: a bad line, or an event that breaks
the log's rules, leaves nothing behind (the whole file is refused, every refused line named).
"""

from __future__ import annotations

import json
import math
import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError
from sqlite_utils import Database

from crossfact.models import Claim, Document, Event, Match, MatchResult
from crossfact.story_file import is_web_url
from crossfact.wording import plural

from .base import StoreBase
from .commands import already_undone, check_contents, check_undo, stored_event
from .connection import foreign_triggers
from .errors import StoreError
from .jsonl import FORMAT_VERSION
from .membership import dumps
from .provenance import Origin
from .rows import event_to_row
from .state import rebuild_story
from .stories import insert_run

BATCH = 1000
LANG_CODE = re.compile(r"[A-Za-z]{2,8}(?:[-_][A-Za-z0-9]{1,8})*")  # BCP 47-like, as CLDR names


@dataclass
class ImportReport:
    stories: set[str] = field(default_factory=set)
    runs: int = 0
    events: int = 0  # newly added
    seen: int = 0  # events in the input


def result_of(record: dict[str, Any]) -> MatchResult:
    """A run line's MatchResult (document texts included)."""
    result = MatchResult(
        documents=[Document(**{k: v for k, v in doc.items() if k != "url"})
                   for doc in record["documents"]],
        claims=[Claim.model_validate(claim) for claim in record["claims"]],
        matches=[Match.model_validate(match) for match in record["matches"]],
    )
    for document in result.documents:
        if not LANG_CODE.fullmatch(document.lang):
            raise ValueError(f"document {document.id} has the language {document.lang[:20]!r}")
    for match in result.matches:
        if not math.isfinite(match.score):
            raise ValueError(f"match {match.id} has the score {match.score}")
    problems = result.membership_problems()
    if problems:
        raise ValueError(problems[0])
    return result


def urls_of(record: dict[str, Any]) -> dict[str, str]:
    """A run line's document URLs by document id and recorded path (a re-match may give
    new ids); documents without one are left out."""
    urls = {key: doc["url"] for doc in record["documents"] if doc.get("url")
            for key in (doc["id"], doc["path"])}
    for url in urls.values():
        if not isinstance(url, str) or not is_web_url(url):
            raise ValueError(f"a document's url must be an http(s) address, not {url!r:.80}")
    return urls


def _where(error: json.JSONDecodeError) -> str:
    """JSON's complaint with its column: its `msg` alone is cut where the position went
    ("Unterminated string starting at", "Invalid control character at")."""
    return f"{error.msg.removesuffix(' at')} at column {error.colno}"


def parse(lines: Iterable[str], source: str) -> Iterable[tuple[int, dict[str, Any]]]:
    """Each non-blank line as a JSON object with a "type" (a leading byte-order mark, as
    Windows editors save UTF-8, is dropped); StoreError naming the line otherwise."""
    for number, text in enumerate(lines, 1):
        if number == 1:
            text = text.removeprefix("\ufeff")
        if not text.strip():
            continue
        try:
            record = json.loads(text, parse_constant=_no_constant, parse_float=_finite)
        except (json.JSONDecodeError, RecursionError, ValueError) as error:
            why = (_where(error) if isinstance(error, json.JSONDecodeError) else
                   "nested too deeply" if isinstance(error, RecursionError) else str(error))
            raise StoreError(f"{source}:{number}: not a JSON line ({why})") from None
        if not isinstance(record, dict) or not isinstance(record.get("type"), str):
            raise StoreError(f"{source}:{number}: not a crossfact log line (no \"type\")")
        if record["type"] == "story":
            check_format(record, f"{source}:{number}")
        yield number, record


def _no_constant(name: str) -> float:
    raise ValueError(f"{name} is not a number JSON allows")


def _finite(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"{text[:20]} is past the range of a number")
    return value


def check_format(record: dict[str, Any], where: str) -> None:
    """A story line's `format` is one this crossfact reads (absent: the first format)."""
    found = record.get("format", FORMAT_VERSION)
    if type(found) is not int or found < 1:
        raise StoreError(f"{where}: format {found!r} is not a crossfact log format")
    if found > FORMAT_VERSION:
        raise StoreError(f"{where}: written in log format {found} by a newer crossfact "
                         f"(this one reads format {FORMAT_VERSION}); upgrade crossfact")


class Refusals:
    """The lines a file may not add, reported together: the whole file is then refused."""

    SHOWN = 3

    def __init__(self, source: str) -> None:
        self.source = source
        self.lines: list[str] = []

    def add(self, number: int, error: StoreError) -> None:
        self.lines.append(f"line {number}: {error}")

    def raise_any(self) -> None:
        if self.lines:
            more = len(self.lines) - self.SHOWN
            shown = "; ".join(self.lines[:self.SHOWN]) + (f"; and {more} more" if more > 0
                                                           else "")
            raise StoreError(f"{self.source}: refused, nothing imported "
                             f"({plural(len(self.lines), 'line breaks', 'lines break')} the "
                             f"log's rules): {shown}")


def import_lines(store: StoreBase, lines: Iterable[str], source: str, *,
                 origin: Origin | None = None) -> ImportReport:
    """Add everything in a JSONL log that the database does not have yet, or nothing.

    Each new event must keep the log's rules (an undo takes back only its own reviewer's
    event; a file does not write under the name of someone who reviews here, see
    provenance.py); if any line breaks one, the whole file is refused (one transaction)
    and the error names the lines. `origin` records where the events came from.
    """
    report = ImportReport()
    pending: list[tuple[int, Event]] = []
    db = store.db
    refusals = Refusals(source)

    def flush() -> None:
        """Check the pending events in file order and insert the new ones (an undo's
        target may be earlier in the same batch, so the batch is looked in first)."""
        if not pending:
            return
        known = stored_rows(db, [event.id for _, event in pending])
        batch: dict[str, Event] = {}
        undone: set[str] = set()
        rows = []
        for number, event in pending:
            row = event_to_row(event)
            if event.id in known:  # already recorded: a copy, or an edit of a saved event
                changed = changed_fields(known[event.id], row)
                if changed:
                    refusals.add(number, StoreError(f"event {event.id} {changed}"))
                continue
            known[event.id] = row  # a second copy in the same file is a duplicate too
            try:
                check_contents(event)
                if origin is not None:
                    origin.check(event)
                if event.kind == "undo" and event.supersedes is not None:
                    target = batch.get(event.supersedes) or stored_event(db, event.supersedes)
                    if target is not None:  # an orphan undo stays inert (the view's rule)
                        check_undo(event, target, event.supersedes in undone
                                   or already_undone(db, event.supersedes))
                    undone.add(event.supersedes)
            except StoreError as error:
                refusals.add(number, error)
                continue
            batch[event.id] = event
            rows.append(row)
        if rows and origin is not None:
            origin_id = origin.id  # written with the first new event, looked up once a batch
            for row in rows:
                row["origin"] = origin_id
        db.table("events").insert_all(rows, batch_size=BATCH)
        report.events += len(rows)
        pending.clear()

    foreign = foreign_triggers(db)
    if foreign:
        raise StoreError(f"{store.path}: has a trigger crossfact did not make ({foreign[0]}), "
                         "which an import would run on every row; drop it first")
    with store._write(f"importing {source}"):
        for number, record in parse(lines, source):
            kind = record["type"]
            try:
                if kind == "story":
                    flush()
                    if db.table("stories").count_where("id = ?", [record["id"]]) == 0:
                        db.table("stories").insert({k: _text(record, k) for k in ("id", "name",
                                                                             "created")})
                    report.stories.add(record["id"])
                elif kind == "run":
                    flush()
                    if db.table("runs").count_where("id = ?", [record["id"]]) == 0:
                        _insert_run_record(store, record)
                        report.runs += 1
                elif kind == "event":
                    event = Event.model_validate({k: v for k, v in record.items() if k != "type"})
                    if event.story not in report.stories:
                        if db["stories"].count_where("id = ?", [event.story]) == 0:
                            raise StoreError(f"{source}:{number}: an event of story "
                                             f"{event.story!r}, which no story line names")
                        report.stories.add(event.story)
                    report.seen += 1
                    pending.append((number, event))
                    if len(pending) >= BATCH:
                        flush()
                elif kind != "state":
                    raise StoreError(f"{source}:{number}: unknown line type {kind!r}")
            except (KeyError, TypeError, ValueError, AttributeError, ValidationError,
                    OverflowError, RecursionError, sqlite3.IntegrityError,
                    sqlite3.InterfaceError) as error:
                raise StoreError(f"{source}:{number}: a {kind} line that does not fit "
                                 f"({short(error)})") from None
        flush()
        refusals.raise_any()
        for story in sorted(report.stories):
            rebuild_story(db, story)
    return report


def changed_fields(stored: dict[str, Any], row: dict[str, Any]) -> str:
    """How an event's row differs from the stored one of its id ("" if it does not)."""
    changed = [key for key, value in row.items() if stored[key] != value]
    return (f"is already stored with another {'/'.join(changed)} (a recorded event is never "
            "changed; undo it and record a new one)") if changed else ""


def stored_rows(db: Database, ids: list[str]) -> dict[str, dict[str, Any]]:
    """id -> the stored event's row, for those of `ids` the log already holds."""
    columns = ", ".join(f'"{name}"' for name in Event.model_fields)
    known: dict[str, dict[str, Any]] = {}
    for start in range(0, len(ids), BATCH):
        chunk = ids[start:start + BATCH]
        marks = ", ".join("?" for _ in chunk)
        known.update((row["id"], row) for row in db.query(
            f"SELECT {columns} FROM events WHERE id IN ({marks})", chunk))
    return known


def _text(record: dict[str, Any], key: str) -> str:
    value = record[key]
    if not isinstance(value, str):
        raise TypeError(f"{key} must be a string")
    return value


def _insert_run_record(store: StoreBase, record: dict[str, Any]) -> None:
    run = {"id": record["id"], "story": record["story"], "number": record["number"],
           "created": record["created"], "version": record["version"],
           "params": dumps(record["params"])}
    insert_run(store.db, run, result_of(record), urls_of(record))
    store.db.table("carried").insert_all(
        ({"run": record["id"], **row} for row in record.get("carried", [])), batch_size=BATCH)


def short(error: Exception) -> str:
    """The first line of an error, for a one-line message."""
    return str(error).splitlines()[0] if str(error) else type(error).__name__
