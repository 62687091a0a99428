"""Match numbers as people say them: 1-based, and a letter for a match split out of another.

A split-out (or broken-off) match keeps its source's position, so the position alone does
not name it. The plain number ("12") is the matcher's match's alone: once a fix dissolves
it, "12" is retired (store/reads.py `dissolved` says where its claims went), and no
split-out takes it over. The ones split out follow as "12b", "12c" in the order they were
first split out there, and a letter, once given, is that split-out's for good: a later split
renames none (their ids are hashes: in id order, a new "12b" pushed the one a reviewer had
seen to "12c"), and when one goes (an undo, a move back) its letter is retired too, not
handed to the next (counting the current ones made "12c" the "12b" of a reviewer's notes),
and is its own again if it comes back. The TUI, the exports and the move prompt all use
this one number, computed in SQL so a page of 200 rows costs 200 index lookups.
"""

from __future__ import annotations

import re

# A split-out's letter is kept in split_letters (schema m013; store/state.py hands them out
# as the log makes split-outs): one primary-key lookup; a matcher's match has none.
NUMBER_SQL = """((m.position + 1) || coalesce((SELECT s.letter FROM split_letters s
    WHERE s.story = m.story AND s.position = m.position AND s."match" = m.id), ''))"""
"""The number of the current_matches row aliased `m`, as a SQL expression."""

IN_NUMBER_ORDER = "position, number"
"""An ORDER BY for rows with a match's `position` and its `number` (NUMBER_SQL): 7, 7b, 7c,
8, as the numbers read. Numbers of one position differ only by their letter, so they sort
as text; a split-out's id is a hash, and ordering by id listed "7b" above "7" as often as
not."""

_NUMBER = re.compile(r"#?\s*([0-9]+)(z*[a-z]?)", re.IGNORECASE)


def parse_number(text: str) -> tuple[int, str] | None:
    """(position, number) for what a reviewer typed ("12", "#12", "12b"); None if it is not
    a match number."""
    found = _NUMBER.fullmatch(text.strip())
    if found is None or int(found[1]) < 1:
        return None
    suffix = found[2].lower()
    if suffix == "a":  # "12a" is what some people call the first of "12", "12b"
        suffix = ""
    return int(found[1]) - 1, f"{int(found[1])}{suffix}"


def in_number_order(number: str) -> tuple[int, str]:
    """A sort key that lists match numbers as the review does ("2b" before "10b"), where
    as text "10b" came first."""
    return parse_number(number) or (0, number)


def split_letter(earlier: int) -> str:
    """The letter of a place's split-out after `earlier` others: "b" to "z", then "zb" to
    "zz", "zzb"...: a letter past "z" still sorts after the ones before it (as text, in
    IN_NUMBER_ORDER) and reads as a letter, where "z" + 1 was "{"."""
    return "z" * (earlier // 25) + chr(ord("b") + earlier % 25)


def number_of(position: int) -> str:
    """The plain number of a position (a match nobody split)."""
    return str(position + 1)
