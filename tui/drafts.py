"""Note drafts: what a reviewer typed into a note and has not saved, kept on disk as it is
typed, so that a terminal closed or killed mid-note (a dropped ssh session, `tmux
kill-server`) loses none of it. The next session under the same name offers it again.

A draft is no decision: it is not an event in the log (never merged, exported or counted),
only the reviewer's typing. It lives beside the database, as SQLite's own `-wal` does, in
`<database>-drafts.json`, one entry per (reviewer, match). Several apps may be open on one
database, under one name or several, so each change reads the file, changes only the entry
of the match it keeps or drops, and replaces the whole file (written to a temporary file of
its own, then renamed): another app's entries stay, a reader never sees half a file, and a
kill mid-write leaves the old file. A file that cannot be read as drafts is never written
over: its bytes are set aside first (`<file>.damaged-<time>-<id>`), for whoever's drafts
they held. A database that is not a file (":memory:", the tests' fake store) keeps drafts
in memory.
"""

from __future__ import annotations

import contextlib
import json
import os
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError

SUFFIX = "-drafts.json"

Entries = dict[str, dict[str, dict[str, Any]]]
"""reviewer -> match -> a draft's fields, as read (fields a later release adds are kept)."""


class Draft(BaseModel):
    """One note typed and not saved. Strict: the file is written by hand or by other
    releases too, and a `number` of 3 or a `text` of null, taken as they were, failed
    later, at quit or on n."""

    model_config = ConfigDict(strict=True, frozen=True)

    story: str  # the story's id
    story_name: str  # as the status line names it, to say whose match a draft is
    number: str  # the match's number as shown ("12b")
    text: str
    # the saved note the draft was typed over: a note saved since (by another session under
    # the same name) makes the draft older than it. None: not known (the first release)
    base: str | None = None


class Unreadable(OSError):
    """The drafts file exists but cannot be opened (permissions): it is not written over."""


def drafts_path(database: Path | str) -> Path | None:
    """Where the drafts of `database` are kept; None for a database that is no file."""
    if not isinstance(database, Path) and (not database or str(database).startswith(":")):
        return None
    return Path(f"{database}{SUFFIX}")


def parse(raw: bytes) -> tuple[Entries, bool]:
    """The well-formed entries of a drafts file, and whether anything was not (a file cut
    short, not UTF-8, not JSON, a reviewer's drafts that are no table, a draft that is no
    `Draft`). An empty file (made by hand, or a disk that filled as it was first written)
    holds no drafts: nothing to set aside."""
    if not raw.strip():
        return {}, False
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):  # RecursionError: [[[[...
        return {}, True
    if not isinstance(data, dict):
        return {}, True
    good: Entries = {}
    damaged = False
    for reviewer, drafts in data.items():
        if not isinstance(drafts, dict):
            damaged = True
            continue
        for match, entry in drafts.items():
            try:
                Draft.model_validate(entry)
            except ValidationError:
                damaged = True
                continue
            good.setdefault(reviewer, {})[match] = entry
    return good, damaged


def _unique(path: Path, tag: str) -> Path:
    """A name beside `path` no other process picks: two apps saving at once wrote the same
    `.tmp`, one into the other's."""
    return path.with_name(f"{path.name}.{tag}-{uuid.uuid4().hex[:12]}")


def _write_new(path: Path, text: bytes) -> None:
    """Write a file that must not exist yet (mode as the umask gives, like any file the app
    writes), removing it if the write fails half way."""
    try:
        with path.open("xb") as out:
            out.write(text)
    except OSError:
        with contextlib.suppress(OSError):
            path.unlink()
        raise


class NoteDrafts:
    """One reviewer's unsaved notes, by match id, mirrored to `path` (None: memory only)."""

    def __init__(self, path: Path | None, reviewer: str) -> None:
        """A damaged file must not keep the review from opening: what is well-formed in it
        is offered, the rest is set aside (`set_aside` says where, for the screen to say)."""
        self.path, self.reviewer = path, reviewer
        self._mine: dict[str, Draft] = {}
        # what the file held for each match when this app last read or wrote it: an entry
        # that differs there now was written by another app under the same name
        self._seen: dict[str, Draft] = {}
        self.failed: str | None = None  # why the file could not be written, once said
        self.set_aside: Path | None = None  # where a damaged file's bytes were put
        # called when the drafts held change (kept, dropped, or taken from another app's
        # changes): the match list marks the matches that have one
        self.on_change: Callable[[], None] = lambda: None
        try:
            data = self._update(None)
        except OSError as error:
            self._failed(error)
            return
        for match, entry in data.get(reviewer, {}).items():
            self._mine[match] = self._seen[match] = Draft.model_validate(entry)

    def get(self, match: str) -> Draft | None:
        self._sync()
        return self._mine.get(match)

    def holds(self, match: str) -> bool:
        """Whether `match` has a draft, as this app last knew (no file read: the match list
        asks for every row it draws; `get`, `all` and each change read the file)."""
        return match in self._mine

    def of_story(self, story: str) -> dict[str, Draft]:
        return {match: d for match, d in self.all().items() if d.story == story}

    def all(self) -> dict[str, Draft]:
        self._sync()
        return dict(self._mine)

    def keep(self, match: str, draft: Draft) -> None:
        if self._mine.get(match) == draft:
            return
        had = match in self._mine
        self._mine[match] = draft
        if not had:
            self.on_change()

        def put(mine: dict[str, dict[str, Any]]) -> None:
            mine[match] = draft.model_dump()

        if self._change(put):
            self._seen[match] = draft

    def drop(self, *matches: str) -> None:
        """Drop the drafts of `matches` (saved, or given up at quit), but not one another app
        under this name wrote over since: that is newer typing, not this app's to drop."""
        dropped = {match: self._mine.pop(match) for match in matches if match in self._mine}
        if not dropped:
            return
        self.on_change()

        def remove(mine: dict[str, dict[str, Any]]) -> None:
            for match, draft in dropped.items():
                entry = mine.get(match)
                if entry is not None and Draft.model_validate(entry) in (
                        draft, self._seen.get(match)):
                    del mine[match]

        if self._change(remove):
            for match in dropped:
                self._seen.pop(match, None)

    def _sync(self) -> None:
        """Take what another app under this name did since to the drafts this one knows of
        (saved the note and dropped its draft, typed on): a draft loaded at start and saved
        elsewhere was offered here again, over the saved note. A draft whose last change
        this app could not write stays as typed."""
        if self.path is None:
            return
        try:
            theirs = self._read()[0].get(self.reviewer, {})
        except OSError:
            return
        gone = False
        for match, draft in list(self._mine.items()):
            if self._seen.get(match) != draft:
                continue  # not on disk as typed here (a write failed): the typing stands
            entry = theirs.get(match)
            if entry is None:
                del self._mine[match], self._seen[match]
                gone = True
            else:
                self._mine[match] = self._seen[match] = Draft.model_validate(entry)
        if gone:
            self.on_change()

    def _read(self) -> tuple[Entries, bytes | None]:
        """The file's well-formed entries, and its bytes if anything in it was not."""
        if self.path is None:
            return {}, None
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return {}, None
        except OSError as error:
            raise Unreadable(error.errno, error.strerror) from error
        good, damaged = parse(raw)
        return good, raw if damaged else None

    def _change(self, change: Callable[[dict[str, dict[str, Any]]], None]) -> bool:
        """Apply `change` to this reviewer's entries on disk; whether that was written."""
        try:
            self._update(change)
        except OSError as error:
            self._failed(error)
            return False
        self.failed = None
        return True

    def _update(self, change: Callable[[dict[str, dict[str, Any]]], None] | None) -> Entries:
        """Read the file, set its bytes aside if anything in it is damaged, apply `change`
        to this reviewer's entries, and write it back when anything changed (a damaged file
        is written back without what was damaged). Returns the entries written."""
        data, damaged = self._read()
        if self.path is None:
            return data
        if damaged is not None:
            aside = _unique(self.path, "damaged-" + time.strftime("%Y%m%dT%H%M%S"))
            _write_new(aside, damaged)  # before the file is written over, or not at all
            self.set_aside = aside
        if change is not None:
            mine = data.setdefault(self.reviewer, {})
            change(mine)
            if not mine:
                del data[self.reviewer]
        elif damaged is None:
            return data
        if not data:
            self.path.unlink(missing_ok=True)
            return data
        temporary = _unique(self.path, "tmp")
        _write_new(temporary, json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"))
        try:
            os.replace(temporary, self.path)
        except OSError:
            temporary.unlink(missing_ok=True)
            raise
        return data

    def _failed(self, error: OSError) -> None:
        self.failed = f"{self.path}: {error.strerror or error}"
