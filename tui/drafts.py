"""Note drafts: what a reviewer typed into a note and has not saved, kept on disk as it is
typed, so that a terminal closed or killed mid-note (a dropped ssh session, `tmux
kill-server`) loses none of it. The next session under the same name offers it again.

A draft is no decision: it is not an event in the log (never merged, exported or counted),
only the reviewer's typing. It lives beside the database, as SQLite's own `-wal` does, in
`<database>-drafts.json`, one entry per (reviewer, story, match): stories that share
versions share match ids (a folder and a copy of it, a story with one version more), and a
draft keyed by match alone opened in the other story, whose ctrl+s saved it there. Several
apps may be open on one database, under one name or several, so each change reads the file,
changes only the entry it keeps or drops, and replaces the whole file (written to a
temporary file of its own, then renamed): another app's entries stay, a reader never sees
half a file, and a kill mid-write leaves the old file. A file that cannot be read as
drafts is never written over: its bytes are set aside first (`<file>.damaged-<time>-<id>`),
for whoever's drafts they held. A database that is not a file (":memory:", the tests' fake
store) keeps drafts in memory.
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

from pydantic import BaseModel, ConfigDict, Field, ValidationError

SUFFIX = "-drafts.json"

Key = tuple[str, str]
"""(story, match): a draft's place."""

Entries = dict[str, dict[str, dict[str, dict[str, Any]]]]
"""reviewer -> story -> match -> a draft's fields, as read (fields a later release adds are
kept)."""

Table = dict[str, dict[str, dict[str, Any]]]
"""One reviewer's entries: story -> match -> fields."""


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
    # the claims of the match it was typed on: where they are now is where the draft goes
    # when its match is gone (a re-match gave new match ids, a fix dissolved it, an undo
    # took a split-out back)
    claims: list[str] = Field(default_factory=list)


class Unreadable(OSError):
    """The drafts file exists but cannot be opened (permissions): it is not written over."""


def drafts_path(database: Path | str) -> Path | None:
    """Where the drafts of `database` are kept; None for a database that is no file."""
    if not isinstance(database, Path) and (not database or str(database).startswith(":")):
        return None
    return Path(f"{database}{SUFFIX}")


def parse(raw: bytes) -> tuple[Entries, bool]:
    """The well-formed entries of a drafts file, and whether anything was not (a file cut
    short, not UTF-8, not JSON, a reviewer's or a story's drafts that are no table, a draft
    that is no `Draft` or is filed under another story than its own). An empty file (made
    by hand, or a disk that filled as it was first written) holds no drafts: nothing to set
    aside."""
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
    for reviewer, stories in data.items():
        if not isinstance(stories, dict):
            damaged = True
            continue
        for story, drafts in stories.items():
            if not isinstance(drafts, dict):
                damaged = True
                continue
            for match, entry in drafts.items():
                try:
                    if Draft.model_validate(entry).story != story:
                        raise ValueError(story)
                except (ValidationError, ValueError):
                    damaged = True
                    continue
                good.setdefault(reviewer, {}).setdefault(story, {})[match] = entry
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


def _stamp(path: Path) -> tuple[int, ...] | None:
    """What tells a file replaced or changed (each write renames a new file in: a new
    inode); () for none, None when it cannot be looked at (read again each time)."""
    try:
        found = path.stat()
    except FileNotFoundError:
        return ()
    except OSError:
        return None
    return (found.st_ino, found.st_mtime_ns, found.st_size)


def _entry(mine: Table, key: Key) -> Draft | None:
    entry = mine.get(key[0], {}).get(key[1])
    return None if entry is None else Draft.model_validate(entry)


class NoteDrafts:
    """One reviewer's unsaved notes, by (story, match), mirrored to `path` (None: memory
    only)."""

    def __init__(self, path: Path | None, reviewer: str) -> None:
        """A damaged file must not keep the review from opening: what is well-formed in it
        is offered, the rest is set aside (`set_aside` says where, for the screen to say)."""
        self.path, self.reviewer = path, reviewer
        self._mine: dict[Key, Draft] = {}
        # what the file held for each draft when this app last read or wrote it: an entry
        # that differs there now was written by another app under the same name
        self._seen: dict[Key, Draft] = {}
        # the file (inode, mtime, size) as this app last read it: `refresh` reads it again
        # only when it changed
        self._stamp: tuple[int, ...] | None = None
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
        for story, drafts in data.get(reviewer, {}).items():
            for match, entry in drafts.items():
                self._mine[story, match] = self._seen[story, match] = Draft.model_validate(entry)

    def get(self, key: Key) -> Draft | None:
        self._sync()
        return self._mine.get(key)

    def holds(self, key: Key) -> bool:
        """Whether `key` has a draft, as this app last knew (no file read: the match list
        asks for every row it draws; `get`, `all` and each change read the file)."""
        return key in self._mine

    def of_story(self, story: str) -> dict[Key, Draft]:
        return {key: d for key, d in self.all().items() if key[0] == story}

    def all(self) -> dict[Key, Draft]:
        self._sync()
        return dict(self._mine)

    def keep(self, key: Key, draft: Draft) -> None:
        """Keep `draft` as typed. Written unless the file has it so already, not merely
        this app's copy: another app under this name may have dropped it meanwhile (quit
        without it after warning of it), and an Escape on the same text then wrote nothing,
        and this app's own q found it gone and quit without a word."""
        had = key in self._mine
        self._mine[key] = draft
        if not had:
            self.on_change()

        def put(mine: Table) -> bool:
            if _entry(mine, key) == draft:
                return False
            mine.setdefault(key[0], {})[key[1]] = draft.model_dump()
            return True

        if self._change(put):
            self._seen[key] = draft

    def move(self, key: Key, to: Key, draft: Draft) -> None:
        """Put the draft of `key` at `to` as `draft` (its match is gone, its claims are in
        `to`'s), in one write: a kill between the two left it twice, or nowhere."""
        old, seen = self._mine.pop(key, None), self._seen.pop(key, None)
        self._mine[to] = draft
        self.on_change()

        def put(mine: Table) -> bool:
            found = _entry(mine, key)
            if found is not None and found in (old, seen):  # not newer typing elsewhere
                del mine[key[0]][key[1]]
            mine.setdefault(to[0], {})[to[1]] = draft.model_dump()
            return True

        if self._change(put):
            self._seen[to] = draft

    def drop(self, *keys: Key) -> None:
        """Drop the drafts of `keys` (saved, or given up at quit), but not one another app
        under this name wrote over since: that is newer typing, not this app's to drop."""
        dropped = {key: self._mine.pop(key) for key in keys if key in self._mine}
        if not dropped:
            return
        self.on_change()

        def remove(mine: Table) -> bool:
            changed = False
            for key, draft in dropped.items():
                found = _entry(mine, key)
                if found is not None and found in (draft, self._seen.get(key)):
                    del mine[key[0]][key[1]]
                    changed = True
            return changed

        if self._change(remove):
            for key in dropped:
                self._seen.pop(key, None)

    def refresh(self) -> None:
        """Take what another app under this name did to the drafts this one holds, if the
        file changed since this app last read it (one stat otherwise): a draft saved there
        kept its `!` in this app's list (`holds` reads no file) until n on it. For a timer
        of the screen's, not for each row drawn."""
        if self.path is None or not self._mine:
            return
        stamp = _stamp(self.path)
        if stamp is None or stamp != self._stamp:
            self._sync()

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
        for key, draft in list(self._mine.items()):
            if self._seen.get(key) != draft:
                continue  # not on disk as typed here (a write failed): the typing stands
            entry = _entry(theirs, key)
            if entry is None:
                del self._mine[key], self._seen[key]
                gone = True
            else:
                self._mine[key] = self._seen[key] = entry
        if gone:
            self.on_change()

    def _read(self) -> tuple[Entries, bytes | None]:
        """The file's well-formed entries, and its bytes if anything in it was not."""
        if self.path is None:
            return {}, None
        stamp = _stamp(self.path)  # before the read: a change after it is seen next time
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            self._stamp = stamp
            return {}, None
        except OSError as error:
            raise Unreadable(error.errno, error.strerror) from error
        self._stamp = stamp
        good, damaged = parse(raw)
        return good, raw if damaged else None

    def _change(self, change: Callable[[Table], bool]) -> bool:
        """Apply `change` to this reviewer's entries on disk (it says whether it changed
        any); whether the file holds them so now."""
        try:
            self._update(change)
        except OSError as error:
            self._failed(error)
            return False
        self.failed = None
        return True

    def _update(self, change: Callable[[Table], bool] | None) -> Entries:
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
        changed = False
        if change is not None:
            mine = data.setdefault(self.reviewer, {})
            changed = change(mine)
            for story in [story for story, drafts in mine.items() if not drafts]:
                del mine[story]
            if not mine:
                del data[self.reviewer]
        if not changed and damaged is None:
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
