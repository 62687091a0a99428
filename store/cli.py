"""The store's commands: export, import, merge, stats, replay (loaded lazily by crossfact.cli).

Every command takes --db with the same resolution as the TUI (store.paths), and turns a
StoreError or CrossfactError into one line on stderr and exit code 1.
"""

from __future__ import annotations

import contextlib
import functools
import os
import shutil
import sqlite3
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from crossfact.cli_options import FileArgument
from crossfact.errors import CrossfactError
from crossfact.reading import STDIN, pipe_name
from crossfact.terminal import for_stream, message, show_controls
from crossfact.wording import alternatives, plural

from .output_file import DATABASE_FILES
from .paths import ENV_VAR

if TYPE_CHECKING:
    from .db import Store


def db_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        # a folder is refused by open_store in the words $CROSSFACT_DB's is (paths.db_origin)
        "--db", type=click.Path(path_type=Path), default=None,
        help=f"The database file (default: ${ENV_VAR} or db in config.toml, else crossfact.db "
             "in the user's data directory).",
    )(func)


def _named(ctx: click.Context, param: click.Parameter,
           names: tuple[str, ...]) -> tuple[str, ...]:
    """A blank --trust-reviewer names no one (no reviewer is called ""): a slip, refused."""
    if any(not name.strip() for name in names):
        raise click.BadParameter("a reviewer's name, not an empty one")
    return names


def trust_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--trust-reviewer", "trusted", multiple=True, metavar="NAME", callback=_named,
        help="Accept new events under NAME although NAME reviews in this database (their "
             "own work from elsewhere). Without it such a file is refused (repeatable).",
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
            raise click.ClickException(message(error)) from error
        except BrokenPipeError:  # `| head` has had enough: crossfact.cli ends quietly
            raise
        except OSError as error:  # e.g. -o into a directory that is not writable
            where = f"{error.filename}: " if error.filename else ""
            raise click.ClickException(f"{where}{error.strerror or error}") from error
        except sqlite3.Error as error:  # damage found past the checks at open
            raise click.ClickException(f"database error: {' '.join(str(error).split())}") \
                from error

    return wrapper


def say(text: str) -> None:
    """One line on stderr, through the sanitiser (it names files and reviewers)."""
    click.echo(message(text), err=True)


def tell_renumbered(store: Store) -> None:
    """Say which match numbers the upgrade at this open changed (once: the next open finds
    the database upgraded)."""
    from .words import renumbering_notice

    if notice := renumbering_notice(store.renumbered):
        say(notice)


def existing_store(db: Path | None) -> Store:
    """The store at `db` for a command that only reads it: a mistyped path must not leave an
    empty database behind, nor turn an empty file (notes.txt) into one, and an empty
    database has nothing to show."""
    from .db import open_store
    from .paths import db_origin, not_a_database, resolve_db_path

    path = resolve_db_path(db)
    if why := not_a_database(path):
        raise CrossfactError(f"{path}: {why}{db_origin(db)}; review a story first, "
                             "or check the path")
    if path.is_dir() or os.access(path, os.W_OK) and os.access(path.parent, os.W_OK):
        store = open_store(db)  # `db`, not `path`: a refusal says where the path was set
        tell_renumbered(store)
    else:  # reading needs no write access: a shared, read-only copy is opened as it is
        from .connection import open_database_readonly
        from .db import Store

        store = Store(open_database_readonly(path), path)
    if not store.stories():
        store.close()
        raise CrossfactError(f"{path}: no stories in this database yet")
    return store


@contextlib.contextmanager
def store_to_write(db: Path | None) -> Iterator[Store]:
    """The store an import or merge writes into. A database this command created is removed
    again when the command fails, so that a refused file leaves nothing behind, not even an
    empty database (a first open makes the file before the log is read)."""
    from .db import open_store
    from .paths import resolve_db_path

    path = resolve_db_path(db)
    created = not path.exists()
    try:
        with open_store(db) as store:  # `db`: a refusal says where the path was set
            tell_renumbered(store)
            yield store
    except BaseException:
        if created:
            for suffix in DATABASE_FILES:
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(f"{path}{suffix}")
        raise


@contextlib.contextmanager
def reading_a_log(file: Path, name: str | None = None) -> Iterator[None]:
    """Read the log `file` (called `name` in messages) in the block: a file with nothing in
    it is refused rather than reported as a successful no-op, another export (CSV,
    Markdown, ClaimReview) is said to be one, and one that is not UTF-8 (a PDF, a
    Windows-1256 text) is no crossfact log, said in one line."""
    from .exports import format_of

    name = name or str(file)
    with file.open("rb") as stream:
        first = next((line for line in stream if line.strip()), None)
    if first is None:
        raise CrossfactError(f"{name}: empty, not a crossfact JSONL log")
    exported = format_of(name)
    if exported not in (None, "jsonl") and not first.lstrip().startswith(b"{"):
        # the CSV or Markdown export re-imported: "x.csv:1: not a JSON line" said why not,
        # but not what would do
        what = {"md": "Markdown", "claimreview": "ClaimReview"}.get(exported, "CSV")
        raise CrossfactError(f"{name}: a {what} export by its ending, not a JSONL log; only "
                             "the JSONL export re-imports (crossfact export --format jsonl)")
    try:
        yield
    except UnicodeDecodeError as error:
        raise CrossfactError(f"{name}: not UTF-8 text, not a crossfact JSONL log") from error


@contextlib.contextmanager
def spooled(file: Path, command: str = "import") -> Iterator[tuple[Path, str | None]]:
    """The log to read, and its name when it is not its path: `-` is standard input (as
    `export -o -` is standard output), and a pipe named by a path (`crossfact import
    <(crossfact export ...)`, /dev/fd/63) is one too, so both are copied to a temporary file
    first, since the file is read more than once (for its SHA-256, recorded in `origins`,
    and its lines): a pipe's second reading found nothing. Such a pipe is called what a
    person knows it by (`reading.pipe_name`: "a pipe", not /dev/fd/63), in messages and in
    `origins`. A file called `-` is `./-`. `command` (import, replay) is the one the advice
    pipes into."""
    name = STDIN if str(file) == "-" else pipe_name(file)
    if name is None:
        yield file, None
        return
    if str(file) == "-":
        how = f"(crossfact export --format jsonl | crossfact {command} -)"
        if sys.stdin is None:
            raise CrossfactError(f"-: {STDIN} is closed; pipe a log in {how}")
        if sys.stdin.isatty():  # it would wait for a log typed by hand
            raise CrossfactError(f"-: {STDIN} is a terminal, not a log; pipe one in {how}")
    with tempfile.TemporaryDirectory(prefix="crossfact-stdin-") as folder:
        path = Path(folder) / "stdin.jsonl"
        with path.open("wb") as spool:
            if str(file) == "-":
                shutil.copyfileobj(sys.stdin.buffer, spool)
            else:
                with file.open("rb") as pipe_end:
                    shutil.copyfileobj(pipe_end, spool)
        yield path, name


class UsageLine(click.ClickException):
    """A wrong call said in one line, with the exit status of click's usage errors."""

    exit_code = 2


@click.command()
@db_option
@story_option
@click.option("--format", "format_", default=None,
              type=click.Choice(["jsonl", "csv", "md", "claimreview"]),
              help="jsonl: the full log (re-importable); csv: one row per match; md: a "
                   "report; claimreview: schema.org ClaimReview JSON-LD. Without it, the -o "
                   "file's ending says (.jsonl .csv .md .markdown .json).")
@click.option("-o", "--output", "out", default=None, metavar="FILE",
              help="Write to this file (through a symbolic link to the file it names) "
                   "instead of stdout; - is stdout. Never the database itself.")
@click.option("--overwrite", is_flag=True,
              help="Replace the -o file if it exists (otherwise an existing file is refused).")
@one_line_errors
def export(db: Path | None, story: str | None, format_: str | None, out: str | None,
           overwrite: bool) -> None:
    """Export stories and verdicts, streamed (a 100k-event log never sits in memory)."""
    from .exports import FORMATS, SUFFIX_FORMATS, ending_problem, format_of, write_export
    from .output_file import output_path
    from .paths import resolve_db_path

    to_file = out is not None and out != "-"
    if format_ is None:  # click's "Missing option" was a usage screen of ten lines
        format_ = format_of(str(out)) if to_file else None
        if format_ is None:
            why = f"{out}: its ending names no format" if to_file else "no format given"
            raise UsageLine(f"{why}; add --format {alternatives(list(FORMATS))}, or write to "
                            f"a file ending in {alternatives(list(SUFFIX_FORMATS))} (-o)")
    mismatch = ending_problem(format_, str(out), f", or leave out --format to write "
                              f"{format_of(str(out))}") if to_file else None
    if mismatch:  # a .md file holding CSV is opened as Markdown
        raise UsageLine(mismatch)
    # refused before any work, in the command line's words (write_export's own checks
    # still guard a file created meanwhile)
    real = output_path(str(out), resolve_db_path(db)) if to_file else None
    if real is not None and real.exists() and not overwrite:
        link = f" (a symbolic link to {real})" if Path(str(out)).is_symlink() else ""
        raise CrossfactError(f"{out}: already exists{link}; not overwritten (choose another "
                             "name, or add --overwrite to replace it)")
    with existing_store(db) as store:
        if to_file:
            write_export(store, format_, story, Path(str(out)), overwrite=overwrite)
            return
        stream = sys.stdout.buffer
        for chunk in FORMATS[format_](store, story):
            stream.write(for_stream(chunk, sys.stdout).encode("utf-8", "surrogatepass"))
        stream.flush()


@click.command("import")
@click.argument("file", type=FileArgument(dash=True))
@db_option
@trust_option
@one_line_errors
def import_(file: Path, db: Path | None, trusted: tuple[str, ...]) -> None:
    """Import a JSONL export or recorded session; importing it twice changes nothing.

    A file with an event that breaks the log's rules (an undo of another reviewer's event,
    new events under the name of someone who reviews in this database) is refused whole:
    nothing is imported and the refused lines are named. FILE - reads standard input.
    """
    from .importing import import_lines
    from .provenance import Origin

    with spooled(file) as (path, name), reading_a_log(path, name), \
            path.open(encoding="utf-8") as lines, store_to_write(db) as store:
        report = import_lines(store, lines, name or str(file),
                              origin=Origin(store.db, "import", path, frozenset(trusted),
                                            name=name))
    say(f"imported {report.events} new of {plural(report.seen, 'event')}, "
        f"{plural(report.runs, 'new run')}, {plural(len(report.stories), 'story', 'stories')} "
        f"into {store.path}")


@click.command()
@click.argument("others", nargs=-1, required=True,
                type=FileArgument())
@db_option
@trust_option
@one_line_errors
def merge(others: tuple[Path, ...], db: Path | None, trusted: tuple[str, ...]) -> None:
    """Merge other reviewers' databases into this one (events keep their ids); the rules of
    `import` hold."""
    from .merging import merge_database

    with store_to_write(db) as store:
        for other in others:
            if other.samefile(store.path):  # by any name: "0 new of 0 events" said nothing
                say(f"{other}: is the database merged into (--db); skipped")
                continue
            report = merge_database(store, other, frozenset(trusted))
            say(f"{other}: {report.events} new of {plural(report.seen, 'event')}, "
                f"{plural(report.runs, 'new run')}")


@click.command()
@db_option
@story_option
@one_line_errors
def stats(db: Path | None, story: str | None) -> None:
    """Progress per story and reviewer, verdict counts, and agreement between reviewers."""
    from .stats import compute, render

    with existing_store(db) as store:
        click.echo(show_controls(render(compute(store, story))), nl=False)


@click.command()
@click.argument("session", type=FileArgument(dash=True))
@db_option
@click.option("--check", is_flag=True,
              help="Verify that the replayed state equals the recorded one; exit 1 if not.")
@click.option("--rematch/--recorded", default=False,
              help="Re-run today's matcher on the recorded documents (shows which events no "
                   "longer apply) instead of using the recorded matches.")
@trust_option
@one_line_errors
def replay(session: Path, db: Path | None, check: bool, rematch: bool,
           trusted: tuple[str, ...]) -> None:
    """Replay a recorded session through the same command layer the TUI uses.

    SESSION - reads standard input, as `import -` does."""
    from .replaying import replay_file

    with spooled(session, "replay") as (path, name), reading_a_log(path, name), \
            store_to_write(db) as store:
        report = replay_file(store, path, rematch=rematch, trusted=frozenset(trusted),
                             name=name)
    for problem in report.problems:
        say(problem)
    say(report.summary())
    if check and not report.ok:
        raise click.ClickException(f"{name or session}: the replayed state differs from the "
                                   "recording")
