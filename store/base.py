"""The Store's shared core: the connection, the injectable clock and ids, and write transactions."""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Self

from sqlite_utils import Database

from crossfact.ids import stable_id

from .connection import checkpoint_wal, sql_errors
from .errors import StoreError

if TYPE_CHECKING:
    from .provenance import Origin

DEFERRED_CHECKPOINT_PAGES = 20_000  # ~80 MB of WAL at most between checkpoints
HERE = 1  # the origins row of this database itself (migration m004): events its commands record

Clock = Callable[[], str]
NewId = Callable[[], str]


def utc_now() -> str:
    """ISO-8601 UTC with milliseconds and a Z, the format of Event.at."""
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def random_id() -> str:
    return uuid.uuid4().hex


def story_key(name: str) -> str:
    """A story's id derives from its name, so two reviewers' databases agree on it (merge)."""
    return stable_id(name, prefix="s")


class StoreBase:
    """Holds one connection; not shared across threads (sqlite binds it to its thread)."""

    def __init__(self, db: Database, path: Path, clock: Clock | None = None,
                 new_id: NewId | None = None) -> None:
        self.db = db
        self.path = path
        self.clock: Clock = clock or utc_now
        self.new_id: NewId = new_id or random_id
        # the file whose events `apply` is recording now (a replay); None: the reviewer's own
        self.incoming: Origin | None = None
        # split-outs whose numbers the upgrade at this open changed, to be told once
        # (connection._migrate): (story name, number before, number now)
        self.renumbered: list[tuple[str, str, str]] = []

    def close(self) -> None:
        self.db.close()

    def checkpoint(self) -> tuple[int, int, int]:
        """Copy the WAL into the database file; callable from any thread (its own connection)."""
        return checkpoint_wal(self.path)

    def wait_for_writers(self, milliseconds: int) -> None:
        """How long a write waits for another process's write before it is refused (StoreError,
        nothing saved). Commands wait long (BUSY_TIMEOUT_MS) to queue behind each other; the
        review app waits briefly, so a key during someone's long import is refused in a
        second with that said, instead of freezing the screen."""
        self.db.execute(f"PRAGMA busy_timeout = {int(milliseconds)}")

    def defer_checkpoints(self, pages: int = DEFERRED_CHECKPOINT_PAGES) -> None:
        """Let the WAL grow to `pages` before a commit checkpoints it, for a caller that
        checkpoints in its own pauses (the TUI): SQLite's default, 1000 pages, made one
        decision in ~150 wait for the checkpoint (benchmarks/README.md). Durability is the same:
        each commit is fsynced to the WAL either way."""
        self.db.execute(f"PRAGMA wal_autocheckpoint = {int(pages)}")

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextlib.contextmanager
    def _write(self, doing: str) -> Iterator[Database]:
        """One transaction that holds the write lock from its start, committed on exit.

        sqlite-utils' `atomic()` begins DEFERRED, and a deferred reader that later writes
        gets "database is locked" at once when another process wrote meanwhile; BEGIN
        IMMEDIATE waits on busy_timeout instead. Nested calls become savepoints.
        """
        if self.db.conn.in_transaction:
            with self.db.atomic():
                yield self.db
            return
        with sql_errors(self.path, doing):
            self.db.execute("BEGIN IMMEDIATE")
            try:
                yield self.db
                self.db.execute("COMMIT")
            except BaseException:
                self.db.rollback()
                raise

    def _story_id(self, story: str) -> str:
        """Accept a story's id or its name; StoreError if neither is known."""
        row = self.db.execute(
            "SELECT id FROM stories WHERE id = ? OR name = ? ORDER BY id = ? DESC LIMIT 1",
            [story, story, story],
        ).fetchone()
        if row is None:
            raise StoreError(f"no story {story!r} in {self.path}; {self.stories_there()}")
        return row[0]

    def stories_there(self, shown: int = 10) -> str:
        """The stories a mistyped name could have meant, so the reviewer need not open the
        file with another tool to learn them."""
        names = [r[0] for r in self.db.execute("SELECT name FROM stories ORDER BY name")]
        if not names:
            return "it holds no story yet"
        more = f", and {len(names) - shown} more" if len(names) > shown else ""
        return "stories there: " + ", ".join(names[:shown]) + more
