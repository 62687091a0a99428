"""The store: crossfact's SQLite database, built on sqlite-utils (imports crossfact, never tui).

Everything a reviewer decides is an event in an append-only log; the current state is
derived from it. The names below are the API the TUI codes against: open_store gives a
Store whose commands (decide, note, skip, undo, move_claim, split_claim, confirm_link,
break_link) all go through Store.apply, one committed transaction per event.
"""

from .carry import CARRY_SESSION, CarryReport
from .db import Store, open_store
from .errors import StoreError
from .membership import split_match_id
from .numbering import parse_number
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
    "parse_number",
    "resolve_db_path",
    "split_match_id",
]
