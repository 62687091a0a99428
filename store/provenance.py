"""Where events came from, and whose log a file may add to.

Every event records its origin (`events.origin` -> `origins`): this database's own
commands (`HERE`), or the file an import, merge or replay read, with its SHA-256 and when.

A reviewer's name is a string anyone can type, so a file cannot prove who wrote it. What
can be checked is the database's own history: a reviewer who has decided in this database
(events recorded HERE, not carried over) writes to it through it. A file that brings new
events under such a name is refused unless the user names the reviewer as trusted
(`--trust-reviewer`), e.g. their own work from another machine. Names never seen here
are accepted, and their origin says which file vouched for them.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from sqlite_utils import Database

from crossfact.models import Event

from .base import HERE, utc_now
from .carry import CARRY_SESSION
from .errors import StoreError

__all__ = ["HERE", "Origin", "file_sha256"]


def file_sha256(path: Path) -> str:
    with path.open("rb") as stream:
        return hashlib.file_digest(stream, "sha256").hexdigest()


class Origin:
    """One file's events on their way in: its origins row is written with the first new
    event only, so a file that adds nothing leaves the database as it was."""

    def __init__(self, db: Database, kind: str, source: Path,
                 trusted: frozenset[str] = frozenset(), *, name: str | None = None) -> None:
        """`name`: what `origins.source` says instead of the file's path (standard input,
        spooled to a temporary file that is gone once read)."""
        self.db, self.kind, self.source, self.trusted = db, kind, source, trusted
        self.name = name
        self._id: int | None = None
        self.local = {row[0] for row in db.execute(
            "SELECT DISTINCT reviewer FROM events WHERE origin = ? AND session != ?",
            [HERE, CARRY_SESSION])}

    @property
    def id(self) -> int:
        """The origins row, written now if it is not yet (or was rolled back with a failed
        event)."""
        if self._id is None or not self.db["origins"].count_where("id = ?", [self._id]):
            table = self.db.table("origins").insert({
                "kind": self.kind, "source": self.name or str(self.source.resolve()),
                "sha256": file_sha256(self.source), "at": utc_now()})
            assert table.last_pk is not None
            self._id = int(table.last_pk)
        return self._id

    def check(self, event: Event) -> None:
        """StoreError if the file may not add `event` (another reviewer's log here)."""
        if event.reviewer in self.local and event.reviewer not in self.trusted:
            raise StoreError(
                f"event {event.id} is under the name {event.reviewer!r}, who reviews in "
                f"this database; a file cannot add to that log (--trust-reviewer "
                f"{event.reviewer!r} if the file is theirs)")
