"""Replaying a recorded session (a JSONL log) through the command layer, and checking it.

The story is added with `add_story` and every recorded event goes through `Store.apply`,
exactly the path the TUI's keys take; nothing is inserted raw. The recorded ids and times
are reused (the clock is scripted for the story and run rows), so replaying a session
into an empty database gives a byte-identical JSONL export. With `rematch`, today's matcher
re-reads the recorded documents, and each event that no longer applies is named with why.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import Any

from pydantic import ValidationError

from crossfact.models import Event, MatchResult
from crossfact.terminal import claim_start
from crossfact.wording import plural

from .base import StoreBase
from .carry import CARRY_SESSION
from .errors import StoreError
from .importing import changed_fields, parse, result_of, short, stored_rows, urls_of
from .jsonl import state_record
from .numbering import NUMBER_SQL
from .provenance import Origin
from .rows import event_to_row


@dataclass
class ReplayReport:
    applied: int = 0
    already: int = 0  # events the database had already (a second replay)
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        verdict = "matches the recording" if self.ok else plural(len(self.problems), "problem")
        return (f"replayed {plural(self.applied, 'event')} ({self.already} already present): "
                f"{verdict}")


@dataclass
class Recording:
    story: dict[str, Any]
    runs: list[dict[str, Any]] = field(default_factory=list)
    events: list[tuple[int, Event]] = field(default_factory=list)
    state: dict[str, Any] | None = None


def read_recording(path: Path, name: str | None = None) -> list[Recording]:
    """The file's stories, each line checked as it is read (StoreError naming the line, in
    the file called `name` in messages: standard input, spooled to `path`)."""
    recordings: list[Recording] = []
    name = name or str(path)
    with path.open(encoding="utf-8") as lines:
        for number, record in parse(lines, name):
            kind = record.pop("type")
            try:
                _read_line(recordings, kind, record, f"{name}:{number}", number)
            except (KeyError, TypeError, ValueError, AttributeError, ValidationError,
                    OverflowError, RecursionError) as error:
                raise StoreError(f"{name}:{number}: a {kind} line that does not fit "
                                 f"({short(error)})") from None
    return recordings


def _read_line(recordings: list[Recording], kind: str, record: dict[str, Any], where: str,
               number: int) -> None:
    if kind == "story":
        if not all(isinstance(record.get(key), str) for key in ("name", "created")):
            raise TypeError("a story needs a name and a creation time")
        recordings.append(Recording(record))
    elif not recordings:
        raise StoreError(f"{where}: a {kind} line before any story line")
    elif kind == "run":
        result_of(record), urls_of(record)  # checked now, where the line is known
        if not isinstance(record.get("created"), str):
            raise TypeError("a run needs a creation time")
        recordings[-1].runs.append(record)
    elif kind == "event":
        recordings[-1].events.append((number, Event.model_validate(record)))
    elif kind == "state":
        recordings[-1].state = record
    else:
        raise StoreError(f"{where}: unknown line type {kind!r}")


@contextlib.contextmanager
def scripted_clock(store: StoreBase, times: list[str]) -> Iterator[None]:
    """The recorded creation times first, then the real clock again."""
    real = store.clock
    queue = list(times)
    store.clock = lambda: queue.pop(0) if queue else real()
    try:
        yield
    finally:
        store.clock = real


def rematch_result(run: dict[str, Any]) -> MatchResult:
    """Today's matcher on the recorded documents, written out under their recorded paths."""
    from crossfact import pipeline  # the core; imported only when asked to re-match

    params = run.get("params", {})
    given_langs = params.get("langs") or {}
    with tempfile.TemporaryDirectory(prefix="crossfact-replay-") as tmp:
        paths, langs = [], {}
        for doc in run["documents"]:
            relative = Path(doc["path"])
            if relative.is_absolute() or ".." in relative.parts:
                relative = Path(relative.name)  # recreated inside the temporary directory
            target = Path(tmp) / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(doc["text"], encoding="utf-8")
            paths.append(str(relative))
            if doc["path"] in given_langs:
                langs[str(relative)] = given_langs[doc["path"]]
        cwd = os.getcwd()
        os.chdir(tmp)  # the paths stay as recorded, so the documents keep their paths
        try:
            # the recorded texts are what was extracted: a page's is text under its name
            return pipeline.run(paths, langs=langs or None,
                                segmented=bool(params.get("segmented", False)), plain=True)
        finally:
            os.chdir(cwd)


class Names:
    """What a problem calls things, as the review shows them: a current match by its number
    ("12", "12b"), a version by its language (and file name where two share one), a claim by
    its version and the start of its text. Ids stay where they are the only handle: a match
    the database no longer holds, an event, a claim or version it never held."""

    def __init__(self, store: StoreBase, story: str) -> None:
        self.db, self.story = store.db, story

    def match(self, match_id: str) -> str:
        row = self.db.execute(f"SELECT {NUMBER_SQL} FROM current_matches m WHERE m.story = ? "
                              "AND m.id = ?", [self.story, match_id]).fetchone()
        return f"match {row[0] if row else match_id}"

    def version(self, doc_id: str) -> str:
        row = self.db.execute(
            """SELECT d.lang, d.path, (SELECT count(*) FROM documents o
                                      WHERE o.run = d.run AND o.lang = d.lang)
               FROM documents d JOIN runs r ON r.id = d.run
               WHERE r.story = ? AND d.id = ? ORDER BY r.number DESC, r.created DESC""",
            [self.story, doc_id]).fetchone()
        if row is None:
            return doc_id
        lang, path, alike = row
        return f"{lang} ({PurePath(path).name})" if alike > 1 else lang

    def claim(self, claim_id: str) -> str:
        row = self.db.execute(
            """SELECT c.doc, c.text FROM claims c JOIN runs r ON r.id = c.run
               WHERE r.story = ? AND c.id = ? ORDER BY r.number DESC, r.created DESC""",
            [self.story, claim_id]).fetchone()
        if row is None:
            return f"claim {claim_id}"
        return f'the {self.version(row[0])} claim "{claim_start(row[1])}"'

    def claims(self, claim_ids: list[str]) -> str:
        return "; ".join(self.claim(c) for c in claim_ids) or "no claim"


def describe_event(number: int, event: Event, names: Names) -> str:
    what = event.kind + (f" {event.verdict}" if event.verdict else "")
    target = f" on {names.match(event.match)}" if event.match else ""
    claim = f" ({names.claim(event.claim)})" if event.claim else ""
    return f"line {number}: event {event.id} ({what}{target}{claim} by {event.reviewer})"


def replay_recording(store: Any, recording: Recording, *, rematch: bool = False) -> ReplayReport:
    """Replay one story's recording into `store` (a Store).

    A later run is added where the log shows it was: a run that carried verdicts over is
    added just before the first of the events its carry-over wrote (its run line names
    them), in saved order whatever the times say (each reviewer's clock: a merged log holds
    several, and an event saved after a run may carry an earlier time). A run that carried
    nothing leaves no mark in the log: it is added before the first event that names one of
    its new matches (which no earlier run had), or else before the first event not older
    than it. (Adding it before the first event that failed without it pulled it in early
    wherever a merged log holds an event that never applied.)"""
    report = ReplayReport()
    if not recording.runs:
        raise StoreError(f"story {recording.story.get('name')!r}: the recording has no run line")
    name = recording.story["name"]
    runs = list(enumerate(recording.runs))

    def add_run() -> None:
        index, run = runs.pop(0)
        result = rematch_result(run) if rematch else result_of(run)
        times = ([recording.story["created"]] if index == 0 else []) + [run["created"]]
        with scripted_clock(store, times):
            # a re-match is today's matcher's work; otherwise the recorded run's version
            store.add_story(name, result, run.get("params", {}),
                            version=None if rematch else run.get("version"),
                            urls=urls_of(run))

    recorded = {event.id for _, event in recording.events}

    def due(event: Event) -> bool:
        """Whether the next run comes before `event` in the log."""
        run = runs[0][1]
        carried = _carried_by(run)
        if carried & recorded:
            return event.id in carried
        named = {event.match, event.target} & {m["id"] for m in run["matches"]}
        if not event.at < run["created"]:
            return True
        return bool(named) and bool(named - _current_matches(store, name))

    add_run()
    names = Names(store, store._story_id(name))
    for number, event in recording.events:
        while runs and due(event):
            add_run()
        _replay_event(store, recording, report, number, event, names)
    while runs:
        add_run()
    if recording.state is not None:
        report.problems.extend(state_differences(recording.state,
                                                 state_record(store, names.story), names))
    return report


def _current_matches(store: Any, name: str) -> set[str]:
    """The ids of the story's current matches."""
    return {row[0] for row in store.db.execute(
        "SELECT id FROM current_matches WHERE story = ?", [store._story_id(name)])}


def _carried_by(run: dict[str, Any]) -> set[str]:
    """The ids of the events a run's carry-over wrote (its `carried` rows)."""
    return {row["event"] for row in run.get("carried", [])}


def _replay_event(store: Any, recording: Recording, report: ReplayReport, number: int,
                  event: Event, names: Names) -> None:
    """Apply one recorded event, or say why it does not apply; a carried one is not applied
    where the recording has several runs (adding them carried the verdicts over again)."""
    if event.session == CARRY_SESSION and len(recording.runs) > 1:
        return
    stored = stored_rows(store.db, [event.id]).get(event.id)
    if stored is not None:
        report.already += 1
        changed = changed_fields(stored, event_to_row(event))
        if changed:  # an edited copy of a saved event: the recording and the log differ
            report.problems.append(f"{describe_event(number, event, names)} {changed}")
        return
    try:
        store.apply(event)
        report.applied += 1
    except StoreError as error:
        report.problems.append(
            f"{describe_event(number, event, names)} no longer applies: {error}")


def state_differences(recorded: dict[str, Any], now: dict[str, Any], names: Names) -> list[str]:
    """Each match and decision whose replayed state is not the recorded one, in words: the
    claims that left a match or joined it, each decision as the recording and the database
    have it."""
    problems = []
    before = {m["id"]: m for m in recorded.get("matches", [])}
    after = {m["id"]: m for m in now["matches"]}
    for match in sorted(before.keys() - after.keys()):
        problems.append(f"match {match} of the recording is gone")
    for match in sorted(after.keys() - before.keys()):
        problems.append(f"{names.match(match)} is new since the recording")
    for match in sorted(before.keys() & after.keys()):
        was, is_ = before[match]["claims"], after[match]["claims"]
        if was != is_:
            left = [c for c in was if c not in is_]
            joined = [c for c in is_ if c not in was]
            change = "; ".join(
                [f"{names.claims(left)} no longer in it"] * bool(left)
                + [f"{names.claims(joined)} in it since the recording"] * bool(joined)
            ) or "its claims are in another order"
            problems.append(f"{names.match(match)}: {change}")
    key = lambda d: (d["match"], d["reviewer"])  # noqa: E731
    was_decided = {key(d): d for d in recorded.get("decisions", [])}
    is_decided = {key(d): d for d in now["decisions"]}
    for match, reviewer in sorted(was_decided.keys() | is_decided.keys()):
        a, b = was_decided.get((match, reviewer)), is_decided.get((match, reviewer))
        if a != b:
            # "the database", not "replayed": it also holds what was decided after the
            # recording was made (replaying an export into the database it came from)
            problems.append(f"{names.match(match)}, reviewer {reviewer}: {_said(a, names)} in "
                            f"the recording, {_said(b, names)} in the database after the replay")
    return problems


def _said(decision: dict[str, Any] | None, names: Names) -> str:
    """A decision as JSON, its outliers named by their versions' languages."""
    if decision is None:
        return "nothing"
    said = {k: decision[k] for k in ("verdict", "outliers", "note")}
    said["outliers"] = [names.version(doc) for doc in said["outliers"]]
    return json.dumps(said, ensure_ascii=False, sort_keys=True)


def replay_file(store: Any, path: Path, *, rematch: bool = False,
                trusted: frozenset[str] = frozenset(), name: str | None = None) -> ReplayReport:
    """Replay every story of a recorded session file into `store`; its events are recorded
    as coming from `path` (or `name`: standard input spooled to `path`) and keep the rules
    of any file (provenance.py)."""
    total = ReplayReport()
    store.incoming = Origin(store.db, "replay", path, trusted, name=name)
    try:
        for recording in read_recording(path, name):
            report = replay_recording(store, recording, rematch=rematch)
            total.applied += report.applied
            total.already += report.already
            total.problems += report.problems
    finally:
        store.incoming = None
    return total
