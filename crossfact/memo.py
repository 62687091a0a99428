"""A plain dictionary as a cache, for what is worked out once per distinct word of a story.

Such lookups run for every word of every claim, and calling an `lru_cache`-wrapped function
costs more than the dictionary lookup itself; the callers look their dictionary up inline
and call `remember` only on a miss.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import TypeVar

K = TypeVar("K")
V = TypeVar("V")

# distinct entries one dictionary keeps, as an lru_cache of this size would (6 x 1,997 NTREX
# lines hold about 64,000 distinct words): emptied when full, so memory stays bounded
KEPT = 200_000


def remember(memo: dict[K, V], key: K, value: V) -> V:
    """`value`, stored in `memo` under `key` (emptied first when it holds KEPT entries)."""
    if len(memo) >= KEPT:
        memo.clear()
    memo[key] = value
    return value


def remember_all(memo: dict[K, V], items: Collection[tuple[K, V]]) -> None:
    """Each (key, value) stored in `memo` (emptied first when the keys it does not hold yet
    would take it past KEPT)."""
    if len(memo) + sum(1 for key, _ in items if key not in memo) > KEPT:
        memo.clear()
    memo.update(items)
