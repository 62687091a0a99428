"""Is one version a translation of the other, or another article on the same story?

Long versions answer by themselves: dozens of anchors in an order no chance explains. Short
ones (a news story of 10-20 sentences) have a handful of anchors, and another outlet's
article can share three facts in the same order. So the short case weighs three pieces of
evidence, each as a log-likelihood ratio of "translation" against "another article":
- figures survive translation: nearly every claim with a figure finds its partner as an
  anchor, while another article shares a few of its figures at most;
- names survive less reliably (transliterations differ), so they weigh less;
- sentence lengths correspond in order: the alignment of the two length sequences is
  compared with alignments of the same sentences shuffled (a permutation test), so what
  counts is order, not how many lengths happen to be alike.
"""

from __future__ import annotations

import math
import random
import statistics

from crossfact.features import FIGURE_KEYS, LENGTH_WEIGHT, PairScorer, Unit

Anchor = tuple[int, int, float]

FIGURE_KEPT = 0.85  # share of claims with figures that anchor in a translation ...
FIGURE_SHARED = 0.2  # ... and in another article on the same story
NAME_KEPT = 0.6  # the same for claims whose only keys are names
NAME_SHARED = 0.15
SHUFFLES = 16  # permutations in the length-order test
ORDER_SKIP = 0.12  # what leaving a claim unpaired is worth in the length-order DP
TRANSLATION_PRIOR = -1.5  # evidence below this: not a translation (the inputs are one story)
ORDER_CAP = 4.0  # the length-order z-score counts up to this much either way
DECISIVE = 3.0  # evidence of two pairs that makes their third a translation (matching.py)


def _llr(kept: int, total: int, p_translation: float, p_other: float) -> float:
    """Binomial log-likelihood ratio of `kept` anchored claims out of `total`."""
    kept = min(kept, total)
    return kept * math.log(p_translation / p_other) + (total - kept) * math.log(
        (1 - p_translation) / (1 - p_other)
    )


def _has_figure(u: Unit) -> bool:
    return any(k[0] in FIGURE_KEYS for k in u.keys)


def key_evidence(a: list[Unit], b: list[Unit], anchors: list[Anchor]) -> float:
    """How well claims with figures, and claims with only names, found their anchors."""
    figures = min(sum(map(_has_figure, a)), sum(map(_has_figure, b)))
    named = min(
        sum(1 for u in a if u.keys and not _has_figure(u)),
        sum(1 for u in b if u.keys and not _has_figure(u)),
    )
    by_figure = sum(1 for i, j, _ in anchors if _has_figure(a[i]) or _has_figure(b[j]))
    return _llr(by_figure, figures, FIGURE_KEPT, FIGURE_SHARED) + _llr(
        len(anchors) - by_figure, named, NAME_KEPT, NAME_SHARED
    )


def _monotone_score(gain: list[list[float]]) -> float:
    """Best 1-1 / skip alignment of the rows with the columns, both in the order given
    (written out by hand: it runs for every shuffle of every short pair)."""
    skip = ORDER_SKIP
    prev = [k * skip for k in range(len(gain[0]) + 1)]
    for x, row in enumerate(gain, 1):
        left = x * skip
        cur = [left]
        diag = prev[0]
        for g, up in zip(row, prev[1:], strict=True):
            best = diag + g
            if up + skip > best:
                best = up + skip
            if left + skip > best:
                best = left + skip
            cur.append(best)
            left, diag = best, up
        prev = cur
    return prev[-1]


def order_evidence(scorer: PairScorer, a: list[Unit], b: list[Unit]) -> float:
    """z-score of the in-order length alignment among shuffled ones (seeded: deterministic),
    clipped to +-ORDER_CAP: beyond that, order is as certain as it gets."""
    if len(a) < 2 or len(b) < 2:
        return 0.0
    gain = [[LENGTH_WEIGHT * scorer.length(u, v) for v in b] for u in a]
    actual = _monotone_score(gain)
    rng = random.Random(len(a) * 1_000_003 + len(b))
    cols = list(range(len(b)))
    shuffled = []
    for _ in range(SHUFFLES):
        rng.shuffle(cols)
        shuffled.append(_monotone_score([[row[c] for c in cols] for row in gain]))
    spread = statistics.pstdev(shuffled)
    z = (actual - statistics.fmean(shuffled)) / spread if spread > 0 else 0.0
    return max(-ORDER_CAP, min(ORDER_CAP, z))


def translation_evidence(
    scorer: PairScorer, a: list[Unit], b: list[Unit], anchors: list[Anchor]
) -> float:
    """Log-likelihood ratio of translation against another article; at least
    TRANSLATION_PRIOR means the pair is read as a translation. The length order is only
    weighed when it could change that verdict or a third version's (`DECISIVE` apart)."""
    keys = key_evidence(a, b, anchors)
    if keys >= DECISIVE + ORDER_CAP or keys <= TRANSLATION_PRIOR - ORDER_CAP:
        return keys
    return keys + order_evidence(scorer, a, b)
