"""Where an export may be written, and writing it so that it appears only once complete.

An export is a new regular file or, when the user said so, a replacement of one. Never the
database it is read from (or its -wal, -shm or -journal: replacing any of them loses the
reviewers' work), never a device, pipe or folder (replacing a device node with a file, as
root, breaks the system), and through a symbolic link to the file it names (the link stays
a link). Every message names the path as the user gave it, not a temporary file's name.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from .errors import StoreError

DATABASE_FILES = ("", "-wal", "-shm", "-journal")
"""The database file and the files SQLite keeps beside it (WAL, shared memory, rollback)."""


STDOUT_HINT = "without -o the export goes to stdout"
"""What the command line adds to a refusal; the review app, which has no stdout, does not."""


def output_path(given: str | Path, database: Path | str | None, *,
                stdout_hint: bool = True) -> Path:
    """The regular file an export named `given` writes: symbolic links followed. StoreError,
    naming `given`, for no name, the database (`database`) or a file SQLite keeps beside it,
    a folder, or anything that is not a regular file (with `stdout_hint`, saying where
    `crossfact export` writes without -o)."""
    hint = f" ({STDOUT_HINT})" if stdout_hint else ""
    if not str(given).strip():
        raise StoreError(f"no output file named; give a file name{hint}")
    if os.path.basename(str(given)) in ("", ".", ".."):  # "out.md/": Path() drops the slash
        raise StoreError(f"{given}: names a folder; give a file name{hint}")
    path = Path(given).expanduser()
    real = Path(os.path.realpath(path))  # through every link, even to a file not there yet
    if database is not None and str(database) not in ("", ":memory:"):
        _not_the_database(path, real, Path(database))
    try:
        mode = real.stat().st_mode
    except FileNotFoundError:
        mode = None
    except NotADirectoryError:  # q.csv/x.csv where q.csv is a file
        raise StoreError(f"{given}: {path.parent} is a file, not a folder") from None
    except OSError as error:
        raise StoreError(f"{given}: cannot write there ({error.strerror})") from None
    if mode is not None and stat.S_ISDIR(mode):
        raise StoreError(f"{given}: is a folder; give a file name")
    if mode is not None and not stat.S_ISREG(mode):
        raise StoreError(f"{given}: not a regular file (a device, pipe or socket); an export "
                         f"is written to a regular file{hint}")
    return real


def _not_the_database(path: Path, real: Path, database: Path) -> None:
    """Refuse the database file and the files beside it, by name (links resolved) and, for
    files that exist, by identity (a hard link has another name)."""
    base = os.path.realpath(database.expanduser())
    for suffix in DATABASE_FILES:
        kept = Path(base + suffix)
        same = real == kept
        if not same and real.exists() and kept.exists():
            with contextlib.suppress(OSError):
                same = os.path.samefile(real, kept)
        if same:
            what = "the database" if not suffix else f"the database's {suffix[1:]} file"
            raise StoreError(f"{path}: is {what} ({database}); an export never replaces it "
                             "(choose another file name)")


@contextlib.contextmanager
def atomic_file(target: Path, *, overwrite: bool = False,
                shown: str | Path | None = None) -> Iterator[Callable[[str], object]]:
    """Chunks of text written to a temporary file beside `target` (a path output_path
    gave), then moved into place: with `overwrite` over what was there, otherwise only if
    nothing is (a hard link, which fails if the name exists, so a file created meanwhile is
    not lost either). Errors name `shown`, the path as the user gave it."""
    name = shown if shown is not None else target
    if target.exists() and not overwrite:
        raise StoreError(f"{name}: already exists; not overwritten (choose another name, "
                         "or ask to overwrite)")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    except FileExistsError:  # a file where a folder of the path should be
        raise StoreError(f"{name}: a part of the path is a file, not a folder") from None
    except OSError as error:
        raise StoreError(f"{name}: cannot write there ({error.strerror})") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            yield lambda chunk: stream.write(chunk.encode("utf-8", "surrogatepass"))
        os.chmod(tmp, _mode_for(target))
        if overwrite:
            os.replace(tmp, target)
        else:
            _move_without_replacing(tmp, target, name)
    except OSError as error:
        raise StoreError(f"{name}: not written ({error.strerror or error})") from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)


def _move_without_replacing(tmp: str, target: Path, name: str | Path) -> None:
    try:
        os.link(tmp, target)
    except FileExistsError:
        raise StoreError(f"{name}: already exists; not overwritten") from None
    except OSError:  # a file system without hard links: check, then rename
        if target.exists():
            raise StoreError(f"{name}: already exists; not overwritten") from None
        os.replace(tmp, target)


NEW_FILE_MODE = 0o666  # what open() asks for a new file; the umask takes away from it


def _mode_for(target: Path) -> int:
    """The permissions the export gets: those of the file it replaces (a reviewer's private
    0600 log stays private), else what a new file gets under the process's umask."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        return NEW_FILE_MODE & ~current_umask()


def current_umask() -> int:
    """The process's umask: from /proc where there is one, as setting it to read it would
    leave, for an instant, files that other threads create (the database's WAL, in the TUI)
    open to all; elsewhere set and put back at once."""
    with contextlib.suppress(OSError, ValueError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    mask = os.umask(0)
    os.umask(mask)
    return mask
