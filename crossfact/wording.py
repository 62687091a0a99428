"""Counts and choices in words people write: `1 new run`, `2 new runs`, `csv, md or jsonl`.

In the core so that every layer's messages use it: `crossfact match` printed "1 matches"
because the helper lived in the store, which the core may not import."""

from __future__ import annotations


def plural(count: int, one: str, many: str | None = None) -> str:
    """`count` with the noun in agreement (`many`: the plural where adding -s is wrong)."""
    return f"{count} {one if count == 1 else many or one + 's'}"


def alternatives(items: list[str]) -> str:
    """'a, b or c': the choices a message offers."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} or {items[-1]}"
