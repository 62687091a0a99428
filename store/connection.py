"""Opening the database file safely: refuse what is not ours before writing a single byte.

Durability: WAL with `synchronous=FULL`, so every commit is fsynced to the WAL before the
TUI shows it as saved (NORMAL would survive a killed process but could lose the last
commits on a power cut). Writers take the lock up front (BEGIN IMMEDIATE) and wait on
`busy_timeout`, so two processes recording at once queue instead of failing.
"""

from __future__ import annotations

import contextlib
import functools
import os
import shlex
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from sqlite_utils import Database

from crossfact.reading import pipe_name

from . import schema
from .errors import StoreError
from .numbering import in_number_order

BUSY_TIMEOUT_MS = 15_000
# Whole-file check at open, up to this size (its cost: benchmarks/README.md): damage found before
# anything is written is damage not made worse. Larger files skip it to keep opening fast.
QUICK_CHECK_MAX_BYTES = 64 * 1024 * 1024
SQLITE_HEADER = b"SQLite format 3\x00"


@contextlib.contextmanager
def sql_errors(path: Path, doing: str) -> Iterator[None]:
    """Turn sqlite3's exceptions into one line that says what failed and what to do."""
    try:
        yield
    except sqlite3.Error as error:
        raise StoreError(describe(error, path, doing)) from error


def describe(error: sqlite3.Error, path: Path, doing: str) -> str:
    message = str(error).lower()
    if "locked" in message or "busy" in message:
        return (f"{path}: another program is writing to the database (an import or a "
                f"merge?): {doing} failed, nothing was written; retry when it is done")
    if "full" in message:
        return f"{path}: the disk is full: {doing} failed, nothing was written"
    if "readonly" in message or "read-only" in message:
        return f"{path}: the database is read-only; {doing} needs write access"
    if "unable to open" in message:
        return f"{path}: cannot open the database file (missing directory or no permission)"
    if "not a database" in message or "malformed" in message or "corrupt" in message:
        return f"{path}: the database file is damaged ({error}); restore it from a backup"
    return f"{path}: {doing} failed: {error}"


Renumbered = tuple[str, str, str]
"""(story name, the number before an upgrade, the number after) of a split-out whose
number an upgrade changed."""


def open_database(path: Path, origin: str = "") -> tuple[Database, list[Renumbered]]:
    """Check, open and migrate the file at `path`; StoreError (file untouched) if it is not ours.
    With it, the split-outs whose numbers the upgrade changed (`_migrate`), to be told.

    Creating or upgrading the schema is one transaction that holds the write lock: a first
    open that is killed leaves an empty file (opened as new next time), never half a schema,
    and of several processes opening one new file at once the first creates it and the
    others, waiting on the lock, find it done (each re-reads the schema inside the lock).
    `origin` says where the path came from (paths.db_origin), in a refusal of its place.
    """
    _check_location(path, origin)
    conn = _connect(path)
    try:
        with sql_errors(path, "opening the database"):
            version = _check_readable(conn, path)
            db = Database(conn)
            db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            db.execute("PRAGMA foreign_keys = ON")
            if db.journal_mode != "wal":
                db.enable_wal()
            renumbered = (_migrate(db, path)
                          if version < schema.SCHEMA_VERSION or schema.migrations.pending(db)
                          else [])
            db.execute("PRAGMA synchronous = FULL")
    except BaseException:
        conn.close()
        raise
    return db, renumbered


def _migrate(db: Database, path: Path) -> list[Renumbered]:
    """Apply the pending migrations and refill the derived tables, all or nothing; the
    split-outs whose numbers this changed (m013 gave back letters that m011's counting had
    moved up: a note citing "1b" then meant another match, and nobody was told)."""
    from .search_text import index_claims  # so are the search index's rows
    from .state import rebuild_story  # the derived tables are today's code's to fill

    db.execute("BEGIN IMMEDIATE")
    try:
        _check_readable(db.conn, path)  # another process may have migrated meanwhile
        pending = {m.name for m in schema.migrations.pending(db)}
        numbered = [sql for name, sql in schema.NUMBERED_BY.items() if name not in pending]
        before = _split_out_numbers(db, numbered[-1]) \
            if numbered and pending & set(schema.NUMBERED_BY) else {}
        schema.migrations.apply(db)  # each migration a savepoint inside this transaction
        if pending & schema.REFILLED:
            for (story,) in db.execute("SELECT id FROM stories").fetchall():
                rebuild_story(db, story)
        if pending & schema.REINDEXED:
            index_claims(db)
        after = _split_out_numbers(db, list(schema.NUMBERED_BY.values())[-1]) if before else {}
        db.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION}")
        db.execute("COMMIT")
    except BaseException:
        db.rollback()
        raise
    changed = [(before[key][0], before[key][1], after[key][1]) for key in before
               if key in after and after[key][1] != before[key][1]]
    # in the numbers' order (2b before 10b), as the review lists them, not as text
    return sorted(changed, key=lambda c: (c[0], in_number_order(c[1])))


def _split_out_numbers(db: Database, number_sql: str) -> dict[tuple[str, str],
                                                                  tuple[str, str]]:
    """(story, match) -> (story name, number) of every current split-out, numbered by
    `number_sql` (a schema's frozen numbering, schema.NUMBERED_BY)."""
    return {(story, match): (name, number) for story, match, name, number in db.execute(
        f"""SELECT m.story, m.id, s.name, {number_sql} FROM current_matches m
            JOIN stories s ON s.id = m.story WHERE {schema.SPLIT_OUT}""")}


def checkpoint_wal(path: Path) -> tuple[int, int, int]:
    """Copy committed pages from the WAL into the database file, on a connection of the
    calling thread (so a worker thread may call it); (busy, WAL pages, pages copied).

    Otherwise the commit that takes the WAL past 1000 pages does it, on the committing
    thread, once every ~150 decisions (benchmarks/README.md). The TUI calls this
    when the reviewer pauses, so that commit rarely comes.

    PASSIVE: it neither waits for nor blocks the writer. Durability does not depend on it:
    each commit was fsynced to the WAL before it returned; a checkpoint only moves pages,
    and with synchronous=FULL it syncs the database before the WAL may be reused.
    """
    with sql_errors(path, "checkpointing the database"):
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=rw", uri=True,
                               timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            conn.execute("PRAGMA synchronous = FULL")
            busy, pages, copied = conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
        finally:
            conn.close()
    return busy, pages, copied


def _check_location(path: Path, origin: str = "") -> None:
    if path.exists():
        if path.is_dir():
            raise StoreError(f"{path}: is a folder, not a database file{origin}; name a file "
                             f"in it, such as {path / 'crossfact.db'}")
        if not path.is_file():
            raise StoreError(f"{path}: is not a file{origin}")
        if path.stat().st_size and not _has_sqlite_header(path):
            raise StoreError(f"{path}: is not a crossfact database (not an SQLite file)")
        if not os.access(path, os.R_OK | os.W_OK):
            raise StoreError(f"{path}: the database is read-only; crossfact needs write access")
        return
    parent = path.parent
    if not parent.is_dir():  # a typo in --db must not start an empty database somewhere new
        raise StoreError(f"{parent}: no such folder for the database {path.name}{origin}; "
                         "create it first, or check the path")
    if not os.access(parent, os.W_OK):
        raise StoreError(f"{parent}: is read-only; choose another place with --db")


def _has_sqlite_header(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError as error:
        raise StoreError(f"{path}: cannot read the database ({error.strerror})") from error


def _connect(path: Path) -> sqlite3.Connection:
    try:
        return sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000)
    except sqlite3.Error as error:
        raise StoreError(describe(error, path, "opening the database")) from error


def _check_readable(conn: sqlite3.Connection, path: Path, *,
                    check_any_size: bool = False) -> int:
    """Read the schema (this is where a damaged file shows) and refuse a newer one."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
    applied: set[str] = set()
    if "_sqlite_migrations" in names:
        applied = {
            row[0] for row in conn.execute(
                "SELECT name FROM _sqlite_migrations WHERE migration_set = ?",
                [schema.MIGRATION_SET],
            )
        }
    if version > schema.SCHEMA_VERSION:
        raise StoreError(
            f"{path}: written by a newer crossfact (its schema is {version}, this crossfact "
            f"reads up to {schema.SCHEMA_VERSION}); upgrade crossfact to open it"
        )
    unknown = sorted(applied - schema.KNOWN)
    if unknown:
        raise StoreError(f"{path}: changed by a newer crossfact (schema change "
                         f"{unknown[0]} is unknown to this one); upgrade crossfact to open it")
    if names - {"sqlite_sequence"} and "events" not in names:
        raise StoreError(f"{path}: is an SQLite file but not a crossfact database")
    if path.exists() and (check_any_size or path.stat().st_size <= QUICK_CHECK_MAX_BYTES):
        problem = conn.execute("PRAGMA quick_check(1)").fetchone()[0]
        if problem != "ok":
            raise StoreError(f"{path}: the database file is damaged ({problem}); "
                             "restore it from a backup")
    return version


def open_database_readonly(path: Path) -> Database:
    """Open another reviewer's database to read it (merge), trusting nothing in it.

    Read-only (`mode=ro`, `query_only`), with `trusted_schema=OFF` so its views and
    triggers cannot call functions with side effects. SQLite's defensive mode
    (SQLITE_DBCONFIG_DEFENSIVE) needs Connection.setconfig, Python 3.12+: it is set there;
    on 3.11 read-only and query_only are what keep the file from being changed. Every
    table merge reads must be a real table (not a view, which could be endless) with the
    columns this crossfact gives it (a missing column would read as a string literal),
    and the whole file is checked for damage whatever its size.
    """
    if not path.is_file():
        if pipe := pipe_name(path):  # `merge <(ssh host cat ann.db)`: SQLite reads no pipe
            raise StoreError(f"{path}: {pipe}, not a database file; save it to a file and "
                             "name that")
        raise StoreError(f"{path}: no such database file")
    if not _has_sqlite_header(path):
        raise StoreError(f"{path}: is not a crossfact database (not an SQLite file)")
    try:
        conn = sqlite3.connect(_readonly_uri(path), uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    except sqlite3.Error as error:
        raise StoreError(describe(error, path, "opening the database")) from error
    try:
        with sql_errors(path, "opening the database"):
            _defensive(conn)
            version = _check_readable(conn, path, check_any_size=True)
            if version < schema.SCHEMA_VERSION:
                # read-only here, so not upgraded: said for merge and for a read-only file
                # `stats` or `export` reads; "open it once" did not say how
                raise StoreError(f"{path}: an older crossfact database, only read here; "
                                 f"upgrade it first (crossfact stats --db {shlex.quote(str(path))} "
                                 "upgrades it, "
                                 "or a copy of it), then try again")
            _check_tables(conn, path)
    except BaseException:
        conn.close()
        raise
    return Database(conn)


def _readonly_uri(path: Path) -> str:
    """The URI that opens `path` read-only. SQLite reads a WAL database through a -shm file
    it creates beside it, which a read-only folder (a colleague's share, a mounted stick)
    does not allow: there, when no -wal file holds pages a reader must see, the file is
    opened as immutable, read as it is on disk. A non-empty -journal (a database in rollback
    mode, in the middle of a write or left by a crash) rules that out too: SQLite must read
    it to see the file as committed."""
    uri = f"{path.resolve().as_uri()}?mode=ro"
    beside = [Path(f"{path}{suffix}") for suffix in ("-wal", "-shm", "-journal")]
    if not os.access(path.parent, os.W_OK) and not any(
            file.exists() and file.stat().st_size for file in beside):
        uri += "&immutable=1"
    return uri


def _defensive(conn: sqlite3.Connection) -> None:
    conn.execute("PRAGMA trusted_schema = OFF")
    conn.execute("PRAGMA query_only = ON")
    setconfig = getattr(conn, "setconfig", None)  # Python 3.12+
    if setconfig is not None:
        setconfig(sqlite3.SQLITE_DBCONFIG_DEFENSIVE, True)  # type: ignore[attr-defined]


def _check_tables(conn: sqlite3.Connection, path: Path) -> None:
    """Each of our tables is a real table with at least our columns."""
    kinds = dict(conn.execute("SELECT name, type FROM sqlite_master"))
    for table, columns in expected_columns().items():
        if kinds.get(table) != "table":
            raise StoreError(f"{path}: not a crossfact database ({table} is "
                             f"{'missing' if table not in kinds else 'a ' + kinds[table]})")
        found = {row[1] for row in conn.execute(f'PRAGMA table_info("{table}")')}
        missing = sorted(columns - found)
        if missing:
            raise StoreError(f"{path}: not a crossfact database ({table} lacks "
                             f"{', '.join(missing)})")


@functools.cache
def _reference() -> Database:
    """The schema as this crossfact's migrations create it, in a database in memory."""
    db = Database(memory=True)
    schema.migrations.apply(db)
    return db


def expected_columns() -> dict[str, frozenset[str]]:
    """Table -> columns, as the migrations create them."""
    db = _reference()
    names = [row[0] for row in db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND name NOT LIKE '%_fts%' AND name != '_sqlite_migrations'")]
    return {name: frozenset(row[1] for row in db.execute(f'PRAGMA table_info("{name}")'))
            for name in names}


def foreign_triggers(db: Database) -> list[str]:
    """Triggers in `db` that crossfact did not create: an import or merge would run them
    on every row it writes, so they are named and the import refused instead."""
    ours = {row[0] for row in _reference().execute(
        "SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    return sorted(row[0] for row in db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'trigger'") if row[0] not in ours)
