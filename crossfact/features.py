"""Fingerprints flattened into comparable keys, and the similarity of two claims.

The similarity is what every sentence aligner has at its core (practices.md), with
fingerprints instead of embeddings: a weighted overlap of figures, codes and name skeletons,
plus a length term. Weights are inverse document frequencies within the pair of versions, so
a figure repeated everywhere ("$10 billion", "2024") cannot pull claims together on its own.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from crossfact.models import Claim, Fingerprint
from crossfact.names import skeletons

FIGURE_KEYS = "npcym"  # first letters of the keys of figures, codes and dates (not names)


def value_key(value: float) -> str:
    """Four significant digits: 6.6e9 and 6.60e9 are one key, 6e9 and 6.6e9 are not;
    years (four digits) stay exact."""
    return f"{value:.4g}"


def keys_of(fp: Fingerprint) -> frozenset[str]:
    """The comparable keys of a fingerprint: n:/y:/p:/m: figures and months, c: codes,
    s: name skeletons, u: links, h: handles."""
    keys: set[str] = set()
    for q in fp.numbers:
        kind = "y" if q.year else "p" if q.percent else "n"
        keys.add(f"{kind}:{value_key(q.value)}")
    for d in fp.dates:
        if d.year:
            keys.add(f"y:{value_key(d.year)}")
        if d.month:
            keys.add(f"m:{d.month}")
    keys.update(f"c:{c}" for c in fp.codes)
    for name in fp.names:
        keys.update(f"s:{s}" for s in skeletons(name.text) if len(s) >= 2)
    keys.update(f"u:{u}" for u in fp.urls)
    keys.update(f"h:{h}" for h in fp.handles)
    return frozenset(keys)


@dataclass(frozen=True, slots=True)
class Unit:
    """One claim (or two adjacent ones joined, for a split sentence) as the aligner sees it."""

    index: int  # position of the (first) claim in its version
    keys: frozenset[str]
    length: int
    span: int = 1  # 2 for two joined claims

    def join(self, other: Unit) -> Unit:
        return Unit(self.index, self.keys | other.keys, self.length + other.length + 1, 2)


def units_of(claims: list[Claim]) -> list[Unit]:
    return [Unit(i, keys_of(c.fingerprint), len(c.text)) for i, c in enumerate(claims)]


class PairScorer:
    """Similarity of claims across one pair of versions, with idf weights for that pair."""

    def __init__(self, a: list[Unit], b: list[Unit]) -> None:
        df: Counter[str] = Counter()
        for u in a:
            df.update(u.keys)
        for u in b:
            df.update(u.keys)
        total = len(a) + len(b)
        self.weight = {k: math.log(1 + total / n) for k, n in df.items()}
        chars_a = sum(u.length for u in a) or 1
        chars_b = sum(u.length for u in b) or 1
        self.ratio = chars_a / chars_b  # how much longer this language writes the same thing

    def figures_shared(self, a: Unit, b: Unit) -> int:
        """How many figure or code keys the two share (names excluded)."""
        return sum(1 for k in a.keys & b.keys if k[0] in FIGURE_KEYS)

    def evidence(self, a: Unit, b: Unit) -> tuple[float, float]:
        """(weighted Dice of the keys, weight of the shared keys)."""
        if not a.keys or not b.keys:
            return 0.0, 0.0
        shared = a.keys & b.keys
        if not shared:
            return 0.0, 0.0
        w = self.weight
        common = sum(w[k] for k in shared)
        total = sum(w[k] for k in a.keys) + sum(w[k] for k in b.keys)
        return 2 * common / total, common

    def length(self, a: Unit, b: Unit) -> float:
        """log2(1 + min/max) of the lengths, the second scaled to the first language."""
        la, lb = a.length, b.length * self.ratio
        if la <= 0 or lb <= 0:
            return 0.0
        return math.log2(1 + min(la, lb) / max(la, lb))

    def sim(self, a: Unit, b: Unit) -> float:
        """0..1: figures and names when there are some, length always."""
        length = self.length(a, b)
        if not a.keys and not b.keys:
            return 0.45 * length
        dice, common = self.evidence(a, b)
        if common == 0:
            return 0.2 * length
        strength = min(1.0, common / 4.0)  # one rare shared key is not yet a match
        return 0.6 * dice * (0.5 + 0.5 * strength) + 0.2 * strength + 0.2 * length
