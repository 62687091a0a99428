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


def carried_and_orphaned(counts: dict[str, int]) -> list[str]:
    """What `ReadMixin.carry_counts` counted, in words, one sentence for each that is there.
    A verdict is orphaned by a re-match of changed files and also by a fix that dissolved its
    match (a claim moved out of a match of two): the one line, "files changed or read
    otherwise since reviewed: 0 verdicts carried over, 1 orphaned", sent a reviewer whose
    files never changed looking for the change."""
    said = []
    if counts["carried"]:
        said.append("files changed or read otherwise since reviewed: "
                    f"{plural(counts['carried'], 'verdict or note', 'verdicts or notes')} "
                    "carried over to the new matches")
    if counts["orphaned"]:
        said.append(f"{counts['orphaned']} orphaned "
                    f"{'verdict or note' if counts['orphaned'] == 1 else 'verdicts or notes'}"
                    ": the match it was given on is gone (its files changed or were read "
                    "otherwise, or a fix dissolved it); kept in the log")
    return said


SHOWN_RENUMBERED = 8
"""How many changed numbers the upgrade notice lists before "and N more": one line."""


def renumbering_notice(changes: list[tuple[str, str, str]]) -> str | None:
    """The upgrade's changed match numbers, in words; None when it changed none. Said
    once, by the command or the review app that upgraded the database."""
    if not changes:
        return None
    listed = "; ".join(f"{story}: {old} is now {new}"
                       for story, old, new in changes[:SHOWN_RENUMBERED])
    more = len(changes) - SHOWN_RENUMBERED
    return (f"Database upgraded: a split-out now keeps the letter it was first given, so "
            f"{plural(len(changes), 'match number')} changed ({listed}"
            f"{f'; and {more} more' if more > 0 else ''}); a note or report that cites the "
            "old number means the new one")
