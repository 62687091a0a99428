"""Match numbers as people say them: 1-based, and a letter for a match split out of another.

A split-out (or broken-off) match keeps its source's position, so the position alone does
not name it. The plain number ("12") is the matcher's match's alone: once a fix dissolves
it, "12" is retired (store/reads.py `dissolved` says where its claims went), and no
split-out takes it over. The ones split out follow as "12b", "12c" in the order they were
split out, so a later split never renames an earlier one (their ids are hashes: in id order,
a new "12b" pushed the one a reviewer had seen to "12c"). The TUI, the
exports and the move prompt all use this one number, computed in SQL so a page of 200 rows
costs 200 index lookups.
"""

from __future__ import annotations

import re

# 1 for a match of the run itself, 0 for one a reviewer split out (not in the run's matches)
_MADE_BY_MATCHER = "EXISTS (SELECT 1 FROM matches r WHERE r.run = {a}.run AND r.id = {a}.id)"
# When a split-out was made: the first split or break (in the whole log, undone or not) of a
# claim it holds. A later split at the same position comes after it, whatever its id. From
# the split-out's members to their fixes (CROSS JOIN keeps that order) by the partial index
# idx_events_fix_claims, whose WHERE the second kind term repeats (schema m012).
_MADE_AT = """coalesce((SELECT min(e.seq) FROM current_members c
    CROSS JOIN events e ON e.story = c.story AND e.claim = c.claim
                       AND e.kind IN ('split', 'break') AND e.kind IN ('move', 'split', 'break')
    WHERE c.story = {a}.story AND c."match" = {a}.id), 0)"""
_BEFORE = f"""(SELECT count(*) FROM current_matches o
    WHERE o.story = m.story AND o.position = m.position AND o.id != m.id
      AND NOT {_MADE_BY_MATCHER.format(a="o")}
      AND ({_MADE_AT.format(a="o")} < {_MADE_AT.format(a="m")}
           OR ({_MADE_AT.format(a="o")} = {_MADE_AT.format(a="m")} AND o.id < m.id)))"""

NUMBER_SQL = f"""((m.position + 1) || CASE WHEN {_MADE_BY_MATCHER.format(a="m")} THEN ''
                                       ELSE char(98 + {_BEFORE}) END)"""
"""The number of the current_matches row aliased `m`, as a SQL expression."""

IN_NUMBER_ORDER = "position, number"
"""An ORDER BY for rows with a match's `position` and its `number` (NUMBER_SQL): 7, 7b, 7c,
8, as the numbers read. Numbers of one position differ only by their letter, so they sort
as text; a split-out's id is a hash, and ordering by id listed "7b" above "7" as often as
not."""

_NUMBER = re.compile(r"#?\s*([0-9]+)([a-z]?)", re.IGNORECASE)


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


def number_of(position: int) -> str:
    """The plain number of a position (a match nobody split)."""
    return str(position + 1)
