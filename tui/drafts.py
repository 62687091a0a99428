"""Note drafts: what a reviewer typed into a note and has not saved, kept on disk as it is
typed, so that a terminal closed or killed mid-note (a dropped ssh session, `tmux
kill-server`) loses none of it. The next session under the same name offers it again.

A draft is no decision: it is not an event in the log (never merged, exported or counted),
only the reviewer's typing. It lives beside the database, as SQLite's own `-wal` does, in
`<database>-drafts.json`, one entry per (reviewer, match). Each change reads, changes and
replaces the whole file (written to a temporary file, then renamed), so another app open
on the same database keeps its own entries, and a kill mid-write leaves the old file.
A database that is not a file (":memory:", the tests' fake store) keeps drafts in memory.
"""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

SUFFIX = "-drafts.json"


@dataclass(frozen=True)
class Draft:
    story: str  # the story's id
    story_name: str  # as the status line names it, to say whose match a draft is
    number: str  # the match's number as shown ("12b")
    text: str


def drafts_path(database: Path | str) -> Path | None:
    """Where the drafts of `database` are kept; None for a database that is no file."""
    if not isinstance(database, Path) and (not database or str(database).startswith(":")):
        return None
    return Path(f"{database}{SUFFIX}")


class NoteDrafts:
    """One reviewer's unsaved notes, by match id, mirrored to `path` (None: memory only)."""

    def __init__(self, path: Path | None, reviewer: str) -> None:
        self.path, self.reviewer = path, reviewer
        self._mine: dict[str, Draft] = {}
        self.failed: str | None = None  # why the file could not be written, once said
        for match, draft in self._read().get(reviewer, {}).items():
            with contextlib.suppress(TypeError, KeyError):
                self._mine[match] = Draft(**draft)

    def get(self, match: str) -> Draft | None:
        return self._mine.get(match)

    def of_story(self, story: str) -> dict[str, Draft]:
        return {match: d for match, d in self._mine.items() if d.story == story}

    def all(self) -> dict[str, Draft]:
        return dict(self._mine)

    def keep(self, match: str, draft: Draft) -> None:
        if self._mine.get(match) != draft:
            self._mine[match] = draft
            self._write()

    def drop(self, *matches: str) -> None:
        removed = [match for match in matches if self._mine.pop(match, None) is not None]
        if removed:
            self._write()

    def _read(self) -> dict[str, dict[str, dict[str, str]]]:
        """reviewer -> match -> draft fields; {} for a missing or unreadable file (a draft
        is a convenience: a damaged file must not keep the review from opening)."""
        if self.path is None:
            return {}
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def _write(self) -> None:
        if self.path is None:
            return
        data = self._read()
        mine = {match: asdict(draft) for match, draft in self._mine.items()}
        if mine:
            data[self.reviewer] = mine
        else:
            data.pop(self.reviewer, None)
        temporary = self.path.with_name(self.path.name + ".tmp")
        try:
            if not data:
                self.path.unlink(missing_ok=True)
                return
            temporary.write_text(json.dumps(data, ensure_ascii=False, indent=1),
                                 encoding="utf-8")
            os.replace(temporary, self.path)
            self.failed = None
        except OSError as error:
            self.failed = f"{self.path}: {error.strerror or error}"
