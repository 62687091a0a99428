"""Where the database lives: one resolution shared by the TUI and every command."""

from __future__ import annotations

import os
from pathlib import Path

from .errors import StoreError

ENV_VAR = "CROSSFACT_DB"


def resolve_db_path(db: str | Path | None = None) -> Path:
    """`db` if given, else $CROSSFACT_DB, else crossfact.db in the user's data directory.

    platformdirs is imported here only, so commands that never touch the store start fast.
    """
    if db is not None and str(db) != "":
        return Path(db).expanduser()
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env).expanduser()
    import platformdirs

    folder = Path(platformdirs.user_data_dir("crossfact"))
    if not folder.is_absolute():  # no HOME and no passwd entry: "~" was left as it is
        raise StoreError("no home directory to keep the database in; give --db FILE "
                         f"or set ${ENV_VAR}")
    return folder / "crossfact.db"
