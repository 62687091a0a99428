"""Where the database lives: one resolution shared by the TUI and every command."""

from __future__ import annotations

from pathlib import Path

from crossfact.settings import load_settings, setting_origin, setting_variable

from .errors import StoreError

ENV_VAR = "CROSSFACT_DB"


def resolve_db_path(db: str | Path | None = None) -> Path:
    """`db` if given, else the `db` setting ($CROSSFACT_DB, or config.toml: see
    crossfact.settings), else crossfact.db in the user's data directory, which is made here
    when missing (a folder the user names must exist: store.connection says so).

    platformdirs is imported here only, so commands that never touch the store start fast.
    """
    if db is not None and str(db) != "":
        return Path(db).expanduser()
    configured = load_settings().db
    if configured is not None:
        return configured
    import platformdirs

    folder = Path(platformdirs.user_data_dir("crossfact"))
    if not folder.is_absolute():  # no HOME and no passwd entry: "~" was left as it is
        raise StoreError("no home directory to keep the database in; give --db FILE "
                         f"or set ${ENV_VAR}")
    try:  # the default folder is crossfact's own to make; a folder the user names is not
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StoreError(f"{folder}: cannot create the database folder ({error.strerror}); "
                         f"give --db FILE or set ${ENV_VAR}") from error
    return folder / "crossfact.db"


def not_a_database(path: Path) -> str | None:
    """Why a command that only reads must not open `path` ("no such database", "an empty
    file, not a crossfact database"), or None: SQLite makes a missing path, or an empty
    file such as a mistyped notes.txt, into a new database."""
    if not path.exists():
        return "no such database"
    if path.is_file() and not path.stat().st_size:
        return "an empty file, not a crossfact database"
    return None


def db_origin(db: str | Path | None = None) -> str:
    """Where the path `resolve_db_path(db)` gives came from, as every message about it says
    (" (given with --db)", " (from $CROSSFACT_DB)", " (from db in .../config.toml)"; "" for
    the default): `--db FOLDER` and `CROSSFACT_DB=FOLDER` were refused in different words,
    and neither said where the value was set."""
    given = db is not None and str(db) != ""
    if given or setting_variable("db")[1].strip() or load_settings().db is not None:
        return f" ({setting_origin('db', given)})"
    return ""
