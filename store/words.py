"""Counts and choices in words people write: `1 new run`, `2 new runs`, `csv, md or jsonl`."""

from __future__ import annotations


def plural(count: int, one: str, many: str | None = None) -> str:
    """`count` with the noun in agreement (`many`: the plural where adding -s is wrong)."""
    return f"{count} {one if count == 1 else many or one + 's'}"


def alternatives(items: list[str]) -> str:
    """'a, b or c': the choices a message offers."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} or {items[-1]}"


def look_again(counts: dict[str, int]) -> str | None:
    """What `ReadMixin.second_looks` counted, in words; None when nothing wants a look."""
    if not counts["total"]:
        return None
    return (f"{plural(counts['total'], 'verdict')} to look at again "
            f"({counts['carried']} carried over from changed files, {counts['fixed']} "
            "decided before a fix changed the match's claims)")
