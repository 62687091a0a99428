"""open_store and the Store: one object for everything the TUI and the commands do."""

from __future__ import annotations

from pathlib import Path

from .base import Clock, NewId
from .commands import CommandMixin
from .connection import open_database
from .paths import db_origin, resolve_db_path
from .reads import ReadMixin
from .stories import StoryMixin


class Store(StoryMixin, ReadMixin, CommandMixin):
    """A crossfact database: stories, the event log and the state derived from it."""


def open_store(db: str | Path | None = None, *, clock: Clock | None = None,
               new_id: NewId | None = None) -> Store:
    """Open (creating and migrating if needed) the database `db` resolves to.

    `clock` and `new_id` are injectable so that a replay writes byte-identical events.
    Raises StoreError, with the file untouched, for a damaged, foreign or newer database
    or a read-only location.
    """
    path = resolve_db_path(db)
    database, renumbered = open_database(path, db_origin(db))
    store = Store(database, path, clock, new_id)
    store.renumbered = renumbered
    return store
