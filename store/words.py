"""The store's counts in words (`plural` and `alternatives` are the core's, in
crossfact/wording.py, for every layer)."""

from __future__ import annotations

from crossfact.wording import plural


def look_again(counts: dict[str, int]) -> str | None:
    """What `ReadMixin.second_looks` counted, in words; None when nothing wants a look."""
    if not counts["total"]:
        return None
    return (f"{plural(counts['total'], 'verdict')} to look at again "
            f"({counts['carried']} carried over from changed files, {counts['fixed']} "
            "decided before a fix changed the match's claims)")
