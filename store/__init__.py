"""The store: crossfact's SQLite database, built on sqlite-utils (imports crossfact, never tui).

Everything a reviewer decides is an event in an append-only log; the current state is
derived from it (/work/notes/store-api.md is the contract the TUI codes against).
"""

from .carry import CARRY_SESSION, CarryReport
from .db import Store, open_store
from .errors import StoreError
from .membership import split_match_id
from .paths import resolve_db_path
from .views import MatchRow, MatchView, Member, StoryInfo

__all__ = [
    "CARRY_SESSION",
    "CarryReport",
    "MatchRow",
    "MatchView",
    "Member",
    "Store",
    "StoreError",
    "StoryInfo",
    "open_store",
    "resolve_db_path",
    "split_match_id",
]
