"""Counts in words people write: `1 new run`, `2 new runs`, `1 orphaned verdict or note`."""

from __future__ import annotations


def plural(count: int, one: str, many: str | None = None) -> str:
    """`count` with the noun in agreement (`many`: the plural where adding -s is wrong)."""
    return f"{count} {one if count == 1 else many or one + 's'}"
