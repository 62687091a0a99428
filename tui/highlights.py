"""Which figures and names in a claim to highlight, and whether the other versions share them.

A figure or name is "shared" when every other version in the match has it too (compared as
the suggestions compare them), otherwise it "differs" - the
spot a reviewer should read first. Positions come from searching the fingerprint's own text in
the claim, so they are character offsets into the claim text. The fingerprint quotes the claim
as the engine read it (`crossfact.terminal.compared`: "12 ألف" where the claim writes the
tatweel of "12 ألـف", "Zelensky" for "Zelen\u00adsky"), so it is searched in the text without
those characters, and its place mapped back.
"""

from __future__ import annotations

from typing import Literal

from crossfact.models import Claim, Fingerprint
from crossfact.names import skeletons
from crossfact.suggest import figure_of, same
from crossfact.terminal import without_invisible

Mark = Literal["shared", "differs", "plain"]


def _shared(kind: str, item: object, other: Claim) -> bool:
    """Whether `other` has this figure, date, name or code: compared as the suggestions compare
    them (suggest.same for figures, consonant skeletons for names), so a highlight never says
    "differs" where the reasons say "=" ."""
    fp = other.fingerprint
    if kind == "numbers":
        mine = figure_of(item, False)  # type: ignore[arg-type]
        return any(same(mine, figure_of(q, other.kind == "headline")) for q in fp.numbers)
    if kind == "dates":
        return any(d.key() == item.key() for d in fp.dates)  # type: ignore[attr-defined]
    if kind == "names":
        sks = skeletons(item.text)  # type: ignore[attr-defined]
        return any(sks & skeletons(n.text) for n in fp.names)
    return any(c.casefold() == str(item).casefold() for c in fp.codes)


def _items(fp: Fingerprint) -> list[tuple[str, str, object]]:
    """(kind, text as written, the part itself) for each highlighted part."""
    return (
        [("numbers", q.text, q) for q in fp.numbers]
        + [("dates", d.text, d) for d in fp.dates]
        + [("names", n.text, n) for n in fp.names]
        + [("codes", c, c) for c in fp.codes]
    )


def claim_marks(
    claim: Claim, others: list[Claim], text: str | None = None
) -> list[tuple[int, int, Mark]]:
    """Non-overlapping (start, end, mark) spans of `text` (default: the claim's text, or its
    display form with control characters stripped), in order."""
    spans: list[tuple[int, int, Mark]] = []
    taken: list[tuple[int, int]] = []
    read, at = without_invisible(claim.text if text is None else text)
    for kind, written, item in _items(claim.fingerprint):
        if not written:
            continue
        start = read.find(written)
        while start != -1 and any(s < start + len(written) and start < e for s, e in taken):
            start = read.find(written, start + 1)
        if start == -1:
            continue
        end = start + len(written)
        if not others:
            mark: Mark = "plain"
        else:
            mark = "shared" if all(_shared(kind, item, o) for o in others) else "differs"
        taken.append((start, end))
        # the characters left out of `read` that stand inside the figure are in its span
        spans.append((start, end, mark) if at is None else (at[start], at[end - 1] + 1, mark))
    return sorted(spans)
