"""The store's commands: export, import, merge, stats, replay (loaded lazily by crossfact.cli).

Every command takes --db with the same resolution as the TUI (store.paths), and turns a
StoreError or CrossfactError into one line on stderr and exit code 1.
"""

from __future__ import annotations

import contextlib
import functools
import os
import sqlite3
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import click

from crossfact.errors import CrossfactError

from .paths import ENV_VAR


def db_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--db", type=click.Path(dir_okay=False, path_type=Path), default=None,
        help=f"The database file (default: ${ENV_VAR} or db in config.toml, else crossfact.db "
             "in the user's data directory).",
    )(func)


def story_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--story", default=None, help="Only this story (name or id).")(func)


def one_line_errors(func: Callable[..., Any]) -> Callable[..., Any]:
    """A CrossfactError (StoreError included) or an sqlite error becomes one line, exit 1."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except CrossfactError as error:
            raise click.ClickException(" ".join(str(error).split())) from error
        except OSError as error:  # e.g. -o into a directory that is not writable
            where = f"{error.filename}: " if error.filename else ""
            raise click.ClickException(f"{where}{error.strerror or error}") from error
        except sqlite3.Error as error:  # damage found past the checks at open
            raise click.ClickException(f"database error: {' '.join(str(error).split())}") \
                from error

    return wrapper


@contextlib.contextmanager
def output(path: Path | None) -> Iterator[Callable[[str], None]]:
    """Write chunks to stdout, or to a file that appears only once complete."""
    if path is None:
        stream = sys.stdout.buffer
        yield lambda chunk: stream.write(chunk.encode("utf-8", "surrogatepass"))
        stream.flush()
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(handle, "wb") as stream:
            yield lambda chunk: stream.write(chunk.encode("utf-8", "surrogatepass"))
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def existing_store(db: Path | None):  # type: ignore[no-untyped-def]
    """The store at `db` for a command that only reads it: a mistyped path must not leave an
    empty database behind, and an empty one has nothing to show."""
    from .db import open_store
    from .paths import resolve_db_path

    path = resolve_db_path(db)
    if not path.exists():
        raise CrossfactError(f"{path}: no such database (review a story first, or give --db)")
    store = open_store(path)
    if not store.stories():
        store.close()
        raise CrossfactError(f"{path}: no stories in this database yet")
    return store


def has_records(file: Path) -> None:
    """Refuse a file with nothing in it, rather than report a successful no-op."""
    with file.open("rb") as stream:
        if not any(line.strip() for line in stream):
            raise CrossfactError(f"{file}: empty, not a crossfact JSONL log")


@click.command()
@db_option
@story_option
@click.option("--format", "format_", required=True,
              type=click.Choice(["jsonl", "csv", "md", "claimreview"]),
              help="jsonl: the full log (re-importable); csv: one row per match; md: a "
                   "report; claimreview: schema.org ClaimReview JSON-LD.")
@click.option("-o", "--output", "out", type=click.Path(dir_okay=False, path_type=Path),
              default=None, help="Write to this file instead of stdout.")
@one_line_errors
def export(db: Path | None, story: str | None, format_: str, out: Path | None) -> None:
    """Export stories and verdicts, streamed (a 100k-event log never sits in memory)."""
    from .exports import FORMATS

    with existing_store(db) as store, output(out) as write:
        for chunk in FORMATS[format_](store, story):
            write(chunk)


@click.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@db_option
@one_line_errors
def import_(file: Path, db: Path | None) -> None:
    """Import a JSONL export or recorded session; importing it twice changes nothing."""
    from .db import open_store
    from .importing import import_lines

    has_records(file)
    try:
        with file.open(encoding="utf-8") as lines, open_store(db) as store:
            report = import_lines(store, lines, str(file))
    except UnicodeDecodeError as error:
        raise CrossfactError(f"{file}: not UTF-8 text, not a crossfact JSONL log") from error
    click.echo(f"imported {report.events} new of {report.seen} events, {report.runs} new runs, "
               f"{len(report.stories)} stories into {store.path}", err=True)


@click.command()
@click.argument("others", nargs=-1, required=True,
                type=click.Path(exists=True, dir_okay=False, path_type=Path))
@db_option
@one_line_errors
def merge(others: tuple[Path, ...], db: Path | None) -> None:
    """Merge other reviewers' databases into this one (events keep their ids)."""
    from .db import open_store
    from .merging import merge_database

    with open_store(db) as store:
        for other in others:
            report = merge_database(store, other)
            click.echo(f"{other}: {report.events} new of {report.seen} events, "
                       f"{report.runs} new runs", err=True)


@click.command()
@db_option
@story_option
@one_line_errors
def stats(db: Path | None, story: str | None) -> None:
    """Progress per story and reviewer, verdict counts, and agreement between reviewers."""
    from .stats import compute, render

    with existing_store(db) as store:
        click.echo(render(compute(store, story)), nl=False)


@click.command()
@click.argument("session", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@db_option
@click.option("--check", is_flag=True,
              help="Verify that the replayed state equals the recorded one; exit 1 if not.")
@click.option("--rematch/--recorded", default=False,
              help="Re-run today's matcher on the recorded documents (shows which events no "
                   "longer apply) instead of using the recorded matches.")
@one_line_errors
def replay(session: Path, db: Path | None, check: bool, rematch: bool) -> None:
    """Replay a recorded session through the same command layer the TUI uses."""
    from .db import open_store
    from .replaying import replay_file

    has_records(session)
    with open_store(db) as store:
        report = replay_file(store, session, rematch=rematch)
    for problem in report.problems:
        click.echo(problem, err=True)
    click.echo(report.summary(), err=True)
    if check and not report.ok:
        raise click.ClickException(f"{session}: the replayed state differs from the recording")
