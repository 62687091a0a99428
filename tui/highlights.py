"""Which figures and names in a claim to highlight, and whether the other versions share them.

A figure or name is "shared" when every other version in the match has it too (numbers and
dates by value, names by consonant skeleton, codes case-blind), otherwise it "differs" - the
spot a reviewer should read first. Positions come from searching the fingerprint's own text in
the claim, so they are character offsets into the claim text.
"""

from __future__ import annotations

from typing import Literal

from crossfact.models import Claim, Fingerprint

Mark = Literal["shared", "differs", "plain"]


def _keys(fp: Fingerprint) -> dict[str, set]:
    return {
        "numbers": {q.key() for q in fp.numbers},
        "dates": {d.key() for d in fp.dates},
        "names": {n.skeleton for n in fp.names},
        "codes": {c.casefold() for c in fp.codes},
    }


def _items(fp: Fingerprint) -> list[tuple[str, str, object]]:
    """(kind, text as written, comparison key) for each highlighted part."""
    return (
        [("numbers", q.text, q.key()) for q in fp.numbers]
        + [("dates", d.text, d.key()) for d in fp.dates]
        + [("names", n.text, n.skeleton) for n in fp.names]
        + [("codes", c, c.casefold()) for c in fp.codes]
    )


def claim_marks(
    claim: Claim, others: list[Claim], text: str | None = None
) -> list[tuple[int, int, Mark]]:
    """Non-overlapping (start, end, mark) spans of `text` (default: the claim's text, or its
    display form with control characters stripped), in order."""
    other_keys = [_keys(o.fingerprint) for o in others]
    spans: list[tuple[int, int, Mark]] = []
    taken: list[tuple[int, int]] = []
    text = claim.text if text is None else text
    for kind, written, key in _items(claim.fingerprint):
        if not written:
            continue
        start = text.find(written)
        while start != -1 and any(s < start + len(written) and start < e for s, e in taken):
            start = text.find(written, start + 1)
        if start == -1:
            continue
        end = start + len(written)
        if not other_keys:
            mark: Mark = "plain"
        else:
            mark = "shared" if all(key in keys[kind] for keys in other_keys) else "differs"
        spans.append((start, end, mark))
        taken.append((start, end))
    return sorted(spans)
