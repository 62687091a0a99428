"""Match numbers as people say them: 1-based, and a letter for a match split out of another.

A split-out (or broken-off) match keeps its source's position, so the position alone does
not name it. The match the matcher made keeps the plain number ("12"); the ones split out of
it follow as "12b", "12c" (in id order), and are listed in that order. The TUI, the
exports and the move prompt all use this one number, computed in SQL so a page of 200 rows
costs 200 index lookups.
"""

from __future__ import annotations

import re

# 1 for a match of the run itself, 0 for one a reviewer split out (not in the run's matches)
_MADE_BY_MATCHER = "EXISTS (SELECT 1 FROM matches r WHERE r.run = {a}.run AND r.id = {a}.id)"
_BEFORE = f"""(SELECT count(*) FROM current_matches o
    WHERE o.story = m.story AND o.position = m.position AND o.id != m.id
      AND ({_MADE_BY_MATCHER.format(a="o")} > {_MADE_BY_MATCHER.format(a="m")}
           OR ({_MADE_BY_MATCHER.format(a="o")} = {_MADE_BY_MATCHER.format(a="m")}
               AND o.id < m.id)))"""

NUMBER_SQL = f"""((m.position + 1) || (SELECT CASE WHEN n = 0 THEN '' ELSE char(97 + n) END
                                      FROM (SELECT {_BEFORE} AS n)))"""
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
