"""The classic length-only sentence aligner (Gale and Church 1993), as a baseline.

It sees nothing but the length in characters of each sentence, so beside crossfact it shows
what fingerprints (figures, names, punctuation) add over length alone. Written from the
paper: beads 1-1, 1-0, 0-1, 2-1, 1-2 and 2-2 with the paper's prior probabilities, and the
cost of a bead the log-probability that two lengths differ as much as they do when one is a
translation of the other (a normal distribution, variance 6.8 per character). The one
liberty: the expected length ratio is each pair's own (total characters of one side over
the other's), where the paper took 1; that only makes the baseline fairer across scripts.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

Bead = tuple[tuple[int, ...], tuple[int, ...]]

# the paper's priors (Gale and Church 1993, table 5), measured on the Canadian Hansards
PRIORS = {(1, 1): 0.89, (1, 0): 0.0099 / 2, (0, 1): 0.0099 / 2, (2, 1): 0.089 / 2,
          (1, 2): 0.089 / 2, (2, 2): 0.011}
VARIANCE = 6.8  # the paper's variance of target characters per source character
_LOG_PRIOR = {shape: math.log(p) for shape, p in PRIORS.items()}


def _log_match(len_a: int, len_b: int, ratio: float) -> float:
    """log P(lengths | a translation): two-tailed normal probability of their difference."""
    mean = (len_a + len_b / ratio) / 2
    if mean <= 0:
        return 0.0
    delta = (len_a * ratio - len_b) / math.sqrt(mean * VARIANCE)
    tail = math.erfc(abs(delta) / math.sqrt(2))  # 2 * (1 - Phi(|delta|))
    return math.log(tail) if tail > 0 else -1e6


def align(a: Sequence[int], b: Sequence[int]) -> list[Bead]:
    """The most probable bead sequence for two sequences of sentence lengths."""
    n, m = len(a), len(b)
    ratio = (sum(b) or 1) / (sum(a) or 1)
    cost = [[math.inf] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int]]] = [[(0, 0)] * (m + 1) for _ in range(n + 1)]
    cost[0][0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            if i == j == 0:
                continue
            best, arg = math.inf, (0, 0)
            for (di, dj), log_prior in _LOG_PRIOR.items():
                if di > i or dj > j or cost[i - di][j - dj] == math.inf:
                    continue
                la, lb = sum(a[i - di:i]), sum(b[j - dj:j])
                c = cost[i - di][j - dj] - log_prior - _log_match(la, lb, ratio)
                if c < best:
                    best, arg = c, (di, dj)
            cost[i][j], back[i][j] = best, arg
    beads: list[Bead] = []
    i, j = n, m
    while i or j:
        di, dj = back[i][j]
        beads.append((tuple(range(i - di, i)), tuple(range(j - dj, j))))
        i, j = i - di, j - dj
    return beads[::-1]
