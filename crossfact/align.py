"""Align the claims of two versions: anchors first, then a dynamic programme in each gap.

The shape of hunalign, Bleualign and Bertalign (docs/architecture.md), with fingerprints for the
similarity:
1. anchors: pairs whose figures, codes and names make each the other's best partner;
2. the longest chain of anchors in document order is the backbone; each gap between two
   anchors, with those two anchors, is filled by a DP over beads 1-1, 1-2, 2-1, 2-2, 1-3
   and 3-1 (sentences a translation split or merged), 1-0 and 0-1, in a band around the
   backbone (narrower where a third version's alignments with both guide it);
3. what is left on both sides is aligned again on its own: a paragraph moved elsewhere
   leaves the backbone as a deletion here and an insertion there, and the second pass pairs
   the two, since within the leftovers their order holds again.
Whether two versions are translations of one text decides how far length and position
may go. Long versions say so by anchors in an order no chance explains; short ones by the
evidence weighed in parallel.py (or by a third version both clearly translate, matching.py).
Versions that are not (another outlet's article) are linked only by strong fingerprint
evidence, never by length and position. Layout (paragraph and line breaks, where the
headline sits) is evidence, never a constraint: outlets paragraph the same text
differently. Only where the text shows two translations paragraphed alike (same_layout) are
they aligned paragraph by paragraph first, so that a moved paragraph is found whole.
What leaving a claim unaligned is worth is derived from the pair itself: what two claims
that are not each other's translation score (Vecalign derives its skip cost the same way).
"""

from __future__ import annotations

import bisect
import math
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from itertools import pairwise

from crossfact.features import FIGURE_KEYS, PairScorer, Unit
from crossfact.parallel import TRANSLATION_PRIOR, translation_evidence

# beads a translator makes: claims of A, claims of B (1-0 and 0-1 are the skips), in the
# order the DP tries them; the widest are tried only where a narrower one they extend is the
# best so far (a sentence split in three is first a sentence split in two), which keeps the
# DP's cost near that of 1-1, 1-2 and 2-1 alone
BEADS = ((1, 1), (2, 1), (1, 2), (2, 2), (3, 1), (1, 3))
GROWN = {(2, 2): ((2, 1), (1, 2)), (3, 1): ((2, 1),), (1, 3): ((1, 2),)}  # (_fill spells it out)
CHANCE_SAMPLE = 200  # claims of A sampled for the chance similarity: 600 similarities put
# the tenth percentile within about one percentile point; sampling every claim instead moves
# part B and Text+Berg dev F1 by at most 0.002 (and costs 6,000 similarities a long pair)
# a link must beat what the lowest tenth of unrelated claims score (on NTREX layout and
# Text+Berg dev: the median kept more inserted sentences apart but left true links unmade,
# 0.25 and 0.1 within 0.01 F1 of each other). A wider bead needs no penalty of its own: it
# must beat its parts, which leave claims to skip.
CHANCE_QUANTILE = 0.1
ANCHOR_MIN = 0.42  # weakest similarity that can be an anchor
ANCHOR_MAX_DF = 4  # keys more frequent than this do not propose anchor candidates
PARALLEL_FACTOR = 3.0  # a chain this many times sqrt(anchors) long is not chance: a translation
SMALL_CHAIN = 4  # with few anchors: at least this many in order, ...
SMALL_IN_ORDER = 0.75  # ... this share of them in order, ...
SMALL_DRIFT = 0.08  # ... and how far off the diagonal they may stand on average
STRONG_EVIDENCE = 1.8  # shared weight enough on its own, without order, in rare keys' worth
POSITION_BONUS = 0.25  # a link in a balanced gap between two anchors
PASSES = 3
WIDEN_EVIDENCE = 2.0  # weight of new shared figures that makes a neighbour part of a link
WIDEN_SLACK = 0.15  # ... if the joined pair scores at most this much below the anchor
NON_PARALLEL_DICE = 0.4  # key overlap a link needs between versions that are not translations
BAND = 3  # DP cells kept either side of a gap's path (parts A, L, B and Text+Berg: 25, 6 and 3
# gave the same links; the cost grows with it)
GUIDED_BAND = 1  # ... where a third version's alignments with both sides guide that path
# (a point wherever both link a claim of it one to one, confidently: align_pair). Tuned on
# NTREX parts A, L and B and Text+Berg dev: BAND 1 for every gap scores part B as 3 does
# (edit 0.983, move 0.976 against 0.975) but Text+Berg dev, two versions with sparse
# anchors, falls from 0.752 to 0.726 strict F1 (BAND 2: 0.741); along a guide, 1 keeps
# every figure (part B move 0.974), at half the cells; 0 loses part B edit 0.0014 F1, part
# A 0.001 and part L 0.001
# Layout is used only where two translations share it (same_layout), tuned on NTREX parts
# A (shared layout) and L (each version its own):
MIN_PARAGRAPHS = 3  # fewer paragraphs, or anchors, than this say nothing about layout
CLAIMS_PER_PARAGRAPH = 1.3  # ... and nor do paragraphs of one claim (one sentence a line)
SIZE_SLACK = 2  # claims by which the paragraph sizes may differ in all: an inserted and a
# deleted sentence, or a sentence cut in two (3 let 5 of 208 part-L pairs through, 2 none)
SAME_LAYOUT = 0.6  # share of anchors whose paragraphs correspond one to one (a split claim
# or an anchor on a repeated name breaks a few): part A F1 0.958 at 0.8, 0.960 at 0.6 and
# 0.961 without the test (0), where part L loses 0.001 and an inserted sentence)
# what leaving a paragraph unaligned is worth where two translations share their layout (a
# claim inside two paired paragraphs is worth the pair's chance skip, as anywhere else).
# Tuned on part A (the only benchmark where layouts agree): 0.06 to 0.2 give the same
# links; 0 loses 0.011 F1 (paragraphs paired on length alone), and the chance skip derived
# from the paragraphs' own similarities 0.008 (a paragraph's many keys make unrelated
# paragraphs score high, so that skip is too dear).
PARAGRAPH_SKIP = 0.12
MOVED_MIN = 0.35  # weakest similarity of two leftover paragraphs paired as a moved one (part
# A: without it, mutual best alone, F1 0.959 -> 0.961 but one more inserted sentence linked)


@dataclass(slots=True)
class Link:
    """Claims of version A and of version B that say the same (1-2 for a split sentence).

    Never changed once made; not frozen for the reason `Unit` is not (tens of thousands a
    long pair, each made again as a pass maps it to the claims' positions)."""

    a: tuple[int, ...]
    b: tuple[int, ...]
    score: float

    def __reduce__(self) -> tuple[type[Link], tuple[tuple[int, ...], tuple[int, ...], float]]:
        """Pickled as its three fields: the workers send back a long pair's links by the
        ten thousand, and the default for a slots class (a dictionary of them, each) cost
        twice as much to write and to read."""
        return Link, (self.a, self.b, self.score)


def _anchors(scorer: PairScorer, a: list[Unit], b: list[Unit]) -> list[tuple[int, int, float]]:
    """Mutual-best pairs (positions in a and b) with a similarity of at least ANCHOR_MIN."""
    index: dict[str, list[int]] = defaultdict(list)
    for j, u in enumerate(b):
        for k in u.keys:
            index[k].append(j)
    best_for_a: dict[int, tuple[float, int]] = {}
    best_for_b: dict[int, tuple[float, int]] = {}
    sim, none = scorer.sim, (0.0, -1)
    for i, u in enumerate(a):
        candidates: set[int] = set()
        for k in u.keys:
            hits = index.get(k)
            if hits and len(hits) <= ANCHOR_MAX_DF:
                candidates.update(hits)
        best = none
        for j in candidates:
            s = sim(u, b[j])
            if s > best[0]:
                best = (s, j)
            if s > best_for_b.get(j, none)[0]:
                best_for_b[j] = (s, i)
        if best is not none:
            best_for_a[i] = best
    return [
        (i, j, s)
        for i, (s, j) in sorted(best_for_a.items())
        if s >= ANCHOR_MIN and best_for_b[j][1] == i
    ]


def _chain(anchors: list[tuple[int, int, float]]) -> list[tuple[int, int, float]]:
    """The longest run of anchors increasing in both versions (patience LIS, O(n log n))."""
    tails: list[int] = []  # j of the last anchor of the best chain of each length
    tail_idx: list[int] = []
    prev: list[int] = [-1] * len(anchors)
    for n, (_, j, _) in enumerate(anchors):
        pos = bisect.bisect_left(tails, j)
        if pos == len(tails):
            tails.append(j)
            tail_idx.append(n)
        else:
            tails[pos] = j
            tail_idx[pos] = n
        prev[n] = tail_idx[pos - 1] if pos else -1
    out: list[tuple[int, int, float]] = []
    n = tail_idx[-1] if tail_idx else -1
    while n >= 0:
        out.append(anchors[n])
        n = prev[n]
    return out[::-1]


def _despike(chain: list[tuple[int, int, float]]) -> list[tuple[int, int, float]]:
    """Drop an anchor off the diagonal that its two neighbours share: a name or figure that
    the next sentence repeats, not a shift (a real split shifts every anchor after it)."""
    kept = list(chain)
    for n in range(len(chain) - 2, 0, -1):
        (pi, pj, _), (i, j, _), (ni, nj, _) = chain[n - 1], chain[n], chain[n + 1]
        if pj - pi == nj - ni != j - i:
            del kept[n]
    return kept


def _pairs(units: list[Unit]) -> list[Unit | None]:
    """pairs[x] = the units at x - 1 and x joined as one (sentences a translation merged),
    None where they are not adjacent claims of the version."""
    return [None] + [units[x - 1].join(units[x])
                     if units[x].index == units[x - 1].index + 1 else None
                     for x in range(1, len(units))]


def _triple(units: list[Unit], pairs: list[Unit | None], x: int) -> Unit | None:
    """The units at x - 2, x - 1 and x joined as one, None where they are not adjacent:
    made only where the DP asks for it (a few cells in a hundred)."""
    if x < 2 or pairs[x] is None or (joined := pairs[x - 1]) is None:
        return None
    return joined.join(units[x])


def chance_skip(scorer: PairScorer, a: list[Unit], b: list[Unit]) -> float:
    """What leaving one claim unaligned is worth: half of what two claims that are not each
    other's translation score (claims a third, half and two thirds of a document apart), so
    that a 1-1 link beats a 1-0 and a 0-1 bead only when it scores above chance."""
    n, m = len(a), len(b)
    if n < 2 or m < 2:
        return 0.0
    step = max(1, n // CHANCE_SAMPLE)
    sims = sorted(scorer.sim(a[i], b[(i * m // n + shift) % m])
                  for shift in (m // 3, m // 2, 2 * m // 3) if shift for i in range(0, n, step))
    return sims[int(CHANCE_QUANTILE * (len(sims) - 1))] / 2 if sims else 0.0


def _band(k: int, m: int, through: Sequence[tuple[int, int]], width: int = BAND,
          ) -> list[tuple[int, int]]:
    """For each row of a k x m gap, the columns the DP looks at: `width` cells either side
    of the path from corner to corner through the gap's lone anchors, widened by how uneven
    each stretch of it is (beads stray from that path by its imbalance and a few merges)."""
    points = [(0, 0), *((i + 1, j + 1) for i, j in through), (k, m)]
    lo, hi = [m] * (k + 1), [0] * (k + 1)
    for (x0, y0), (x1, y1) in pairwise(points):
        band = width + abs((x1 - x0) - (y1 - y0))
        for x in range(x0, x1 + 1):
            centre = y0 + (x - x0) * (y1 - y0) / (x1 - x0) if x1 > x0 else y0
            ends = (centre, y1) if x1 == x0 else (centre, centre)
            lo[x] = max(0, min(lo[x], int(min(ends)) - band))
            hi[x] = min(m, max(hi[x], int(max(ends)) + 1 + band))
    return list(zip(lo, hi, strict=True))


def _fill(
    scorer: PairScorer, a: list[Unit], b: list[Unit], bonus: float, skip: float,
    through: Sequence[tuple[int, int]] = (), width: int = BAND,
) -> list[Link]:
    """The best bead sequence for one gap (positions local to the gap); `bonus` is what
    the gap's position adds to each link's score, `skip` what a claim left alone is worth,
    `through` the anchors inside the gap (local positions) its path follows, `width` the
    cells the DP looks at either side of that path (_band)."""
    k, m = len(a), len(b)
    if not k or not m:
        return []
    pairs_a, pairs_b = _pairs(a), _pairs(b)  # the claims a 2-1 or a 1-2 joins
    triples_b: dict[int, Unit | None] = {}  # the claims a 1-3 joins, as the DP asks
    sim = scorer.sim
    # what PairScorer.no_gain reads of each claim, read once, not per cell: the DP tests
    # it inlined, in every cell where a bead of two or three claims might be scored (on
    # part B it saves 100,000 of 560,000 similarities, at a fraction of their cost)
    ratio = scorer.ratio
    long_b = [v.length * ratio for v in b]
    figures = scorer.figure_keys
    swaps = scorer.substitutions
    figs_a = [swaps and not figures.isdisjoint(u.keys) for u in a]
    figs_b = [swaps and not figures.isdisjoint(v.keys) for v in b]
    neg = float("-inf")
    score = [[neg] * (m + 1) for _ in range(k + 1)]
    back: list[list[tuple[int, int, float]]] = [[(0, 0, 0.0)] * (m + 1) for _ in range(k + 1)]
    score[0][0] = 0.0
    blank = [neg] * (m + 1)  # the row before the first
    length, keys, marks, fig = 0, frozenset[str](), frozenset[str](), False
    prev_keys, prev_marks, prev_fig = keys, marks, fig
    for x, (lo, hi) in enumerate(_band(k, m, through, width)):
        row, up, back_row = score[x], score[x - 1] if x else blank, back[x]
        triple, tripled = None, False  # the claims a 3-1 joins, once asked for
        # the 1-1's claim of `a` on this row, and the 2-1's pair of claims ending here
        u = a[x - 1] if x else None
        pair = pairs_a[x - 1] if x >= 2 else None
        up2 = score[x - 2] if pair is not None else blank
        if u is not None:
            length, keys, marks, fig = u.length, u.keys, u.marks, figs_a[x - 1]
        if pair is not None:  # the claim a 2-1 adds to the 1-1
            prev = a[x - 2]
            prev_keys, prev_marks, prev_fig = prev.keys, prev.marks, figs_a[x - 2]
        for y in range(lo, hi + 1):
            if x == 0 and y == 0:
                continue
            best, arg = neg, (0, 0, 0.0)
            if up[y] + skip > best:
                best, arg = up[y] + skip, (1, 0, 0.0)
            if y and row[y - 1] + skip > best:
                best, arg = row[y - 1] + skip, (0, 1, 0.0)
            # what the 1-1 (0.0 when not scored), the 2-1 and the 1-2 (-1.0, below any
            # similarity, when not scored) score: the wide beads grow from them
            one, two_one, one_two = 0.0, -1.0, -1.0
            if u is not None and y:
                # 1-1, then 2-1 and 1-2. A sim is at most 1: a bead that could not win even
                # so is not scored; nor is a 2-1 or 1-2 that no_gain says scores no more
                # than the 1-1 (when that is at least 0), where the 1-1 already wins over it
                v = b[y - 1]
                before = up[y - 1]
                scored = False
                if before + 1.0 > best:
                    one, scored = sim(u, v), True
                    if before + one > best:
                        best, arg = before + one, (1, 1, one)
                if pair is not None:
                    before = up2[y - 1]
                    if before + 1.0 > best and not (
                            scored and one >= 0.0 and before + one <= best
                            and length >= long_b[y - 1]
                            and prev_keys.isdisjoint(v.keys)
                            and (not prev_marks or prev_marks.isdisjoint(v.marks))
                            and not (prev_fig and figs_b[y - 1])):
                        two_one = sim(pair, v)
                        if before + two_one > best:
                            best, arg = before + two_one, (2, 1, two_one)
                if y >= 2 and (joined := pairs_b[y - 1]) is not None:
                    before = up[y - 2]
                    if before + 1.0 > best and not (
                            scored and one >= 0.0 and before + one <= best
                            and long_b[y - 1] >= length
                            and keys.isdisjoint((added := b[y - 2]).keys)
                            and (not added.marks or marks.isdisjoint(added.marks))
                            and not (fig and figs_b[y - 2])):
                        one_two = sim(u, joined)
                        if before + one_two > best:
                            best, arg = before + one_two, (1, 2, one_two)
            # the wide beads (GROWN), only where a narrower one they grow from beat the
            # 1-1 here, in the order of BEADS: 2-2, 3-1, 1-3; none that no_gain says scores
            # no more than a narrower one it grows from that already wins over it (above)
            if two_one > one or one_two > one:
                assert u is not None
                if pair is not None and (joined := pairs_b[y - 1]) is not None:
                    before = up2[y - 2]
                    if before + 1.0 > best and not (
                            two_one >= 0.0 and before + two_one <= best  # the 2-1 and b[y-2]
                            and long_b[y - 1] >= pair.length
                            and pair.keys.isdisjoint((added := b[y - 2]).keys)
                            and (not added.marks or pair.marks.isdisjoint(added.marks))
                            and not (figs_b[y - 2] and (fig or prev_fig))
                            or one_two >= 0.0 and before + one_two <= best  # the 1-2, a[x-2]
                            and length >= joined.length * ratio
                            and prev_keys.isdisjoint(joined.keys)
                            and (not prev_marks or prev_marks.isdisjoint(joined.marks))
                            and not (prev_fig and (figs_b[y - 1] or figs_b[y - 2]))):
                        s = sim(pair, joined)
                        if before + s > best:
                            best, arg = before + s, (2, 2, s)
                # a 3-1 where a[x-3] joins the 2-1's pair (which a 2-1 scored implies)
                if two_one > one and x >= 3 and pairs_a[x - 2] is not None:
                    assert pair is not None
                    before = score[x - 3][y - 1]
                    if before + 1.0 > best and not (
                            two_one >= 0.0 and before + two_one <= best
                            and pair.length >= long_b[y - 1]
                            and (added := a[x - 3]).keys.isdisjoint(v.keys)
                            and (not added.marks or added.marks.isdisjoint(v.marks))
                            and not (figs_a[x - 3] and figs_b[y - 1])):
                        if not tripled:
                            triple, tripled = _triple(a, pairs_a, x - 1), True
                        assert triple is not None
                        s = sim(triple, v)
                        if before + s > best:
                            best, arg = before + s, (3, 1, s)
                # a 1-3 where b[y-3] joins the 1-2's pair (likewise)
                if one_two > one and y >= 3 and pairs_b[y - 2] is not None:
                    joined = pairs_b[y - 1]
                    assert joined is not None
                    before = up[y - 3]
                    if before + 1.0 > best and not (
                            one_two >= 0.0 and before + one_two <= best
                            and joined.length * ratio >= length
                            and keys.isdisjoint((added := b[y - 3]).keys)
                            and (not added.marks or marks.isdisjoint(added.marks))
                            and not (fig and figs_b[y - 3])):
                        if y not in triples_b:
                            triples_b[y] = _triple(b, pairs_b, y - 1)
                        three = triples_b[y]
                        assert three is not None
                        s = sim(u, three)
                        if before + s > best:
                            best, arg = before + s, (1, 3, s)
            row[y], back_row[y] = best, arg
    links: list[Link] = []
    x, y = k, m
    while x or y:
        dx, dy, s = back[x][y]
        if not dx and not dy:  # cannot happen: every band reaches its neighbours
            raise AssertionError(f"alignment path broken at {x}, {y}")
        if dx and dy:
            span_a, span_b = tuple(range(x - dx, x)), tuple(range(y - dy, y))
            links.append(Link(span_a, span_b, min(1.0, s + bonus)))
        x, y = x - dx, y - dy
    return links[::-1]


def _fixed(chain: list[tuple[int, int, float]]) -> list[tuple[int, int, float]]:
    """The anchors that bound the gaps: those next to another anchor on the diagonal (two
    1-1 beads in a row). A lone anchor may be one half of a 2-1 or 2-2 bead, so it stays
    inside its gap, where the DP can widen it; so does a bounding anchor, which the DP of
    its gap sees too (a sentence split in two leaves one half an anchor, the other not)."""
    on = {(i, j) for i, j, _ in chain}
    return [(i, j, s) for i, j, s in chain
            if (i - 1, j - 1) in on or (i + 1, j + 1) in on]


def _guided(k: int, m: int, through: list[tuple[int, int]], guide: list[tuple[int, int]],
            ) -> tuple[list[tuple[int, int]], int]:
    """The points a k x m gap's path follows and the band's width either side of them: its
    lone anchors and a third version's guide (the longest run of them increasing in both
    versions) and GUIDED_BAND, where the guide agrees with the gap: every point of it
    within the band the anchors alone give, and every anchor on the run. Elsewhere (one
    version reordered, which a third version's two alignments compose into points across
    the gap) the anchors alone and BAND, as without a guide."""
    band = _band(k, m, through)
    inside = [(i, j) for i, j in guide if band[i + 1][0] <= j + 1 <= band[i + 1][1]]
    if len(inside) < len(guide):
        return through, BAND
    path = increasing(sorted(set(through) | set(guide), key=lambda p: (p[0], -p[1])))
    if not set(through) <= set(path):
        return through, BAND
    return path, GUIDED_BAND


def increasing(points: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest run of positions (i, j), sorted by i, that increases in both (_chain)."""
    return [(i, j) for i, j, _ in _chain([(i, j, 0.0) for i, j in points])]


def _spans(units: list[Unit]) -> list[tuple[int, int]]:
    """Runs of adjacent claims of the version, as (start, end) positions in `units`."""
    spans: list[tuple[int, int]] = []
    for x, u in enumerate(units):
        if spans and units[x - 1].index + 1 == u.index:
            spans[-1] = (spans[-1][0], x + 1)
        else:
            spans.append((x, x + 1))
    return spans


def _moved_blocks(
    scorer: PairScorer, a: list[Unit], b: list[Unit], anchors: list[tuple[int, int, float]],
    skip: float,
) -> list[Link]:
    """What the backbone of a translation left over: a block moved elsewhere is a run of
    adjacent claims on each side, and an anchor between two runs says they are one block,
    aligned whole. Runs no anchor joins (a deletion here, an insertion there) stay apart."""
    spans_a, spans_b = _spans(a), _spans(b)
    run_a = [n for n, (lo, hi) in enumerate(spans_a) for _ in range(lo, hi)]
    run_b = [n for n, (lo, hi) in enumerate(spans_b) for _ in range(lo, hi)]
    joined = Counter((run_a[i], run_b[j]) for i, j, _ in anchors)
    used_a: set[int] = set()
    used_b: set[int] = set()
    links: list[Link] = []
    for (ra, rb), _ in sorted(joined.items(), key=lambda kv: (-kv[1], kv[0])):
        if ra in used_a or rb in used_b:
            continue
        used_a.add(ra)
        used_b.add(rb)
        (lo_a, hi_a), (lo_b, hi_b) = spans_a[ra], spans_b[rb]
        links += [Link(tuple(x + lo_a for x in lk.a), tuple(y + lo_b for y in lk.b), lk.score)
                  for lk in _fill(scorer, a[lo_a:hi_a], b[lo_b:hi_b], 0.0, skip)]
    return links


def _gap_bonus(bounded: bool, k: int, m: int) -> float:
    """A small gap between two anchors, as many claims on each side (give or take one):
    position is good evidence there."""
    return POSITION_BONUS if bounded and abs(k - m) <= 1 and max(k, m) <= 4 else 0.0


def _merged_neighbour(
    scorer: PairScorer, side: list[Unit], k: int, partner: Unit, s: float,
    score_with: Callable[[Unit], float],
) -> tuple[int, int, float] | None:
    """(lo, hi, score) when side[k]'s neighbour shares figures or names with `partner` that
    side[k] lacks, and joining the two does not weaken the link."""
    for n in (k - 1, k + 1):
        if not 0 <= n < len(side) or abs(side[n].index - side[k].index) != 1:
            continue
        new = (side[n].keys & partner.keys) - side[k].keys
        if math.fsum(scorer.weight[key] for key in new if key[0] in FIGURE_KEYS) \
                >= WIDEN_EVIDENCE:
            lo, hi = min(k, n), max(k, n)
            score = score_with(side[lo].join(side[hi]))
            if score >= s - WIDEN_SLACK:
                return lo, hi, score
    return None


def _widen(scorer: PairScorer, a: list[Unit], b: list[Unit], i: int, j: int, s: float) -> Link:
    """An anchor, or a 1-2 / 2-1 link where a rewrite merged two sentences of the original."""
    if found := _merged_neighbour(scorer, b, j, a[i], s, lambda u: scorer.sim(a[i], u)):
        return Link((i,), found[:2], found[2])
    if found := _merged_neighbour(scorer, a, i, b[j], s, lambda u: scorer.sim(u, b[j])):
        return Link(found[:2], (j,), found[2])
    return Link((i,), (j,), s)


def _significant(chain: list[tuple[int, int, float]],
                 anchors: list[tuple[int, int, float]]) -> bool:
    """Many anchors in an order no chance explains: n random points form an ordered chain of
    about 2*sqrt(n), so a chain far longer than that is a translation."""
    return len(chain) >= max(4.0, PARALLEL_FACTOR * math.sqrt(len(anchors)))


def _plausible(chain: list[tuple[int, int, float]], anchors: list[tuple[int, int, float]],
               n: int, m: int) -> bool:
    """Few anchors (a short story), nearly all in order and near the diagonal: perhaps a
    translation. Then only gaps whose two sides hold as many claims are filled by position,
    so two articles that happen to share a few facts in order are not paired by length."""
    if len(chain) < SMALL_CHAIN or len(chain) < SMALL_IN_ORDER * len(anchors):
        return False
    drift = sum(abs((i + 0.5) / n - (j + 0.5) / m) for i, j, _ in chain) / len(chain)
    return drift <= SMALL_DRIFT


def _strong(scorer: PairScorer, a: Unit, b: Unit) -> bool:
    """Evidence that links two claims without the help of order: a shared figure or code,
    enough shared weight, and most of both fingerprints in common (look-alike figures in
    otherwise different sentences fail the last test)."""
    dice, common = scorer.evidence(a, b)
    return bool(scorer.figures_shared(a, b)) and common >= STRONG_EVIDENCE * scorer.rare \
        and dice >= NON_PARALLEL_DICE


@dataclass(frozen=True, slots=True)
class PairView:
    """Two versions with their scorer and first anchors, computed once: the N-way matcher
    weighs every pair's evidence before aligning any of them."""

    a: list[Unit]
    b: list[Unit]
    scorer: PairScorer
    anchors: list[tuple[int, int, float]]
    aligned: dict[float, list[Link]] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def of(cls, a: list[Unit], b: list[Unit], scorer: PairScorer | None = None) -> PairView:
        scorer = scorer or PairScorer(a, b)
        return cls(a, b, scorer, _anchors(scorer, a, b))

    def evidence(self, low: float) -> float:
        """How strongly the two read as translations of one text: infinite when their
        anchors line up beyond chance, else the log-likelihood ratio of parallel.py, which
        may weigh the pair aligned as a translation with links down to `low`."""
        chain = _despike(_chain(self.anchors))
        if _significant(chain, self.anchors):
            return math.inf
        return translation_evidence(self.scorer, self.a, self.b, _in_order(self.anchors, chain),
                                    lambda: [(lk.a, lk.b) for lk in self.translated(low)])

    def translated(self, low: float, guide: Sequence[tuple[int, int]] = ()) -> list[Link]:
        """The pair aligned as a translation, once: the evidence may weigh it, and a pair
        it makes a translation keeps it (`guide`: align_pair's, for the first time only)."""
        if low not in self.aligned:
            view = PairView(self.a, self.b, self.scorer.substituting(), self.anchors)
            self.aligned[low] = align_pair(self.a, self.b, low, True, view, guide)
        return self.aligned[low]


def _in_order(anchors: list[tuple[int, int, float]], chain: list[tuple[int, int, float]],
              ) -> list[tuple[int, int, float]]:
    """The anchors that stand in the order of both versions: the chain, and a second chain
    of those left (a paragraph a translation moved keeps its own order) when it holds more
    than one (a single anchor off the chain is a fact two articles tell in another order)."""
    on = set(chain)
    rest = [x for x in anchors if x not in on]
    moved = _despike(_chain(rest))
    return sorted(chain + moved) if len(moved) > 1 else chain


def is_translation(evidence: float) -> bool:
    """Whether a pair's evidence (PairView.evidence) reads as a translation."""
    return evidence >= TRANSLATION_PRIOR


def _one_pass(
    scorer: PairScorer, a: list[Unit], b: list[Unit], first: bool, translation: bool,
    skip: float, anchors: list[tuple[int, int, float]] | None = None,
    guide: Sequence[tuple[int, int]] = (),
) -> list[Link]:
    """Anchors, backbone and gap filling over two (sub)sequences; positions are local.

    Only the first pass fills the open ends before the first and after the last anchor:
    later passes see leftovers, whose ends hold deletions and insertions, not translations.
    A translation's leftovers are moved blocks, deletions and insertions: they are aligned
    as runs that an anchor joins (_moved_blocks), never along a chain across them, whose
    gaps would pair the ends of two blocks, or a block with an insertion, by length (part B
    move: F1 0.967 -> 0.974, the moved stories found whole). Elsewhere each pass decides
    afresh whether its anchors line up: leftovers that are only deletions and insertions
    must not be paired by length. In leftovers, only gaps with as many claims on each side
    are filled. `guide`: where a third version puts the claims of a and b (`align_pair`).
    """
    if anchors is None:
        anchors = _anchors(scorer, a, b)
    if translation and not first:
        return _moved_blocks(scorer, a, b, anchors, skip)
    chain = _despike(_chain(anchors))
    significant = _significant(chain, anchors) or (first and translation)
    if not significant and not _plausible(chain, anchors, len(a), len(b)):
        # a rewrite, another article: evidence only, in any order
        return [_widen(scorer, a, b, i, j, s) for i, j, s in anchors if _strong(scorer, a[i], b[j])]
    links: list[Link] = []
    anchored = {(i, j) for i, j, _ in chain}
    fixed = _fixed(chain)
    chain_i = [i for i, _, _ in chain]  # increasing: a gap's anchors are a slice of the chain
    guide_i = [i for i, _ in guide]  # increasing too
    for (pi, pj, _), (i, j, _) in pairwise([(-1, -1, 0.0), *fixed, (len(a), len(b), 0.0)]):
        bounded = pi >= 0 and i < len(a)
        if (i - pi, j - pj) == (1, 1) or not (
                (bounded or first) and ((significant and first) or abs((i - pi) - (j - pj)) <= 1)):
            continue
        # the gap with the anchors either side of it: the other half of a sentence that
        # the translation split or merged may lie beside an anchor
        lo_a, lo_b = max(pi, 0), max(pj, 0)
        bonus = _gap_bonus(bounded, i - pi - 1, j - pj - 1)
        inside = chain[bisect.bisect_left(chain_i, lo_a):bisect.bisect_right(chain_i, i)]
        through = [(ci - lo_a, cj - lo_b) for ci, cj, _ in inside if lo_b <= cj <= j]
        width = BAND
        if guide:
            through, width = _guided(i + 1 - lo_a, j + 1 - lo_b, through, [
                (gi - lo_a, gj - lo_b) for gi, gj in
                guide[bisect.bisect_left(guide_i, lo_a):bisect.bisect_right(guide_i, i)]
                if lo_b <= gj <= j])
        gap = _fill(scorer, a[lo_a : i + 1], b[lo_b : j + 1], bonus, skip, through, width)
        for lk in gap:
            link_a = tuple([x + lo_a for x in lk.a])  # a list first: no generator to run
            link_b = tuple([y + lo_b for y in lk.b])
            # an anchor inside a bead: its place in the backbone is evidence too
            on_chain = any((x, y) in anchored for x in link_a for y in link_b)
            links.append(Link(link_a, link_b,
                              min(1.0, lk.score + POSITION_BONUS) if on_chain else lk.score))
    used_a = {x for lk in links for x in lk.a}
    used_b = {y for lk in links for y in lk.b}
    links += [Link((i,), (j,), min(1.0, s + POSITION_BONUS)) for i, j, s in fixed
              if i not in used_a and j not in used_b]
    return links


def align_pair(
    a: list[Unit], b: list[Unit], low: float, translation: bool | None = None,
    view: PairView | None = None, guide: Sequence[tuple[int, int]] = (),
) -> list[Link]:
    """All links between two versions scoring at least `low`, as claim indices.

    `translation` says whether the two are translations of one text (the caller may know
    from third versions); by default the pair's own evidence decides. `view` is the pair's
    PairView when the caller has it already (for a translation, its scorer may be the one
    that counts substitutions already). `guide`: positions (i, j), increasing in both, where
    a third version that translates both puts a claim of a and one of b together; the DP
    of a translation then looks only GUIDED_BAND cells either side of them (the two
    alignments through the third are a path nearly everywhere, and a claim the third
    dropped leaves a gap that the band spans, not a missing link).
    """
    view = view or PairView.of(a, b)
    if translation is None:
        translation = is_translation(view.evidence(low))
    rest_a, rest_b = list(range(len(a))), list(range(len(b)))
    links: list[Link] = []
    if translation and same_layout(a, b, view.anchors):
        links = _by_paragraph(a, b, low)
        used_a = {i for lk in links for i in lk.a}
        used_b = {j for lk in links for j in lk.b}
        rest_a = [i for i in rest_a if i not in used_a]
        rest_b = [j for j in rest_b if j not in used_b]
    if translation and not view.scorer.substitutions:
        # a figure that differs is a substitution to show, not a stranger
        view = PairView(a, b, PairScorer(a, b, substitutions=True), view.anchors)
    return links + _passes(view, rest_a, rest_b, low, translation, not links,
                           guide=guide if translation else ())


def _passes(
    view: PairView, rest_a: list[int], rest_b: list[int], low: float, translation: bool,
    first: bool = True, skip: float | None = None, guide: Sequence[tuple[int, int]] = (),
) -> list[Link]:
    """Align what is left, pass after pass: each pass sees only the claims still unlinked
    (`guide` helps the first, which sees them all)."""
    a, b, scorer = view.a, view.b, view.scorer
    if skip is None:
        skip = chance_skip(scorer, a, b)
    links: list[Link] = []
    for n in range(PASSES):
        if not rest_a or not rest_b:
            break
        sub_a, sub_b = [a[i] for i in rest_a], [b[j] for j in rest_b]
        head = first and n == 0
        found = _one_pass(scorer, sub_a, sub_b, head, translation, skip,
                          view.anchors if head else None, guide if head else ())
        # each link's claims by their index in the version (tuples of lists: no generators)
        kept = [
            Link(tuple([sub_a[x].index for x in lk.a]), tuple([sub_b[y].index for y in lk.b]),
                 lk.score)
            for lk in found
            if lk.score >= low
        ]
        if not kept:
            break
        links += kept
        used_a = {i for lk in kept for i in lk.a}
        used_b = {j for lk in kept for j in lk.b}
        rest_a = [i for i in rest_a if i not in used_a]
        rest_b = [j for j in rest_b if j not in used_b]
    return links


def _paragraph_groups(units: list[Unit]) -> list[list[int]]:
    """Positions of the units, grouped by the paragraph they stand in (in reading order)."""
    groups: list[list[int]] = []
    for i, u in enumerate(units):
        if groups and units[groups[-1][-1]].paragraph == u.paragraph:
            groups[-1].append(i)
        else:
            groups.append([i])
    return groups


def same_layout(a: list[Unit], b: list[Unit], anchors: list[tuple[int, int, float]]) -> bool:
    """Whether two versions are paragraphed alike, read from the text: as many paragraphs,
    of several claims and of nearly the same sizes, and nearly every anchor in a paragraph
    that corresponds to one paragraph only on the other side. Outlets that paragraph on
    their own agree on that only by chance (pairs aligned in NTREX part L's clean and
    perturbed runs: 37 of 2,496 pass; in part A, with its shared layout, 1,757 of 2,510),
    and then paragraphs are no evidence; where they agree, a paragraph is a block that
    moves whole."""
    if len(anchors) < MIN_PARAGRAPHS or any(not u or u[0].paragraph < 0 for u in (a, b)):
        return False
    count_a, count_b = len(_paragraph_groups(a)), len(_paragraph_groups(b))
    if (count_a != count_b or min(count_a, count_b) < MIN_PARAGRAPHS
            or min(len(a) / count_a, len(b) / count_b) < CLAIMS_PER_PARAGRAPH):
        return False
    para_a, para_b = _paragraph_of(a), _paragraph_of(b)
    sizes = zip(sorted(Counter(para_a).values()), sorted(Counter(para_b).values()), strict=True)
    if sum(abs(x - y) for x, y in sizes) > SIZE_SLACK:
        return False
    pairs = [(para_a[i], para_b[j]) for i, j, _ in anchors]
    to_b: dict[int, set[int]] = defaultdict(set)
    to_a: dict[int, set[int]] = defaultdict(set)
    for pa, pb in pairs:
        to_b[pa].add(pb)
        to_a[pb].add(pa)
    alike = sum(len(to_b[pa]) == 1 and len(to_a[pb]) == 1 for pa, pb in pairs)
    return alike >= SAME_LAYOUT * len(pairs)


def _paragraph_of(units: list[Unit]) -> list[int]:
    """The paragraph of every unit, numbered from 0 in reading order."""
    return [n for n, group in enumerate(_paragraph_groups(units)) for _ in group]


def _by_paragraph(a: list[Unit], b: list[Unit], low: float) -> list[Link]:
    """A translation aligned paragraph by paragraph, then claim by claim inside each pair of
    paragraphs: a moved paragraph is found whole (it leaves the backbone of paragraphs and
    is paired in a later pass), and an inserted or deleted sentence is confined to its
    paragraph instead of shifting the claims around it."""
    groups_a, groups_b = _paragraph_groups(a), _paragraph_groups(b)
    para_a = [_merged(a, g, n) for n, g in enumerate(groups_a)]
    para_b = [_merged(b, g, n) for n, g in enumerate(groups_b)]
    view = PairView.of(para_a, para_b, PairScorer(para_a, para_b, substitutions=True))
    found = _passes(view, list(range(len(para_a))), list(range(len(para_b))), low, True,
                    skip=PARAGRAPH_SKIP)
    inner_scorer = PairScorer(a, b, substitutions=True)
    skip = chance_skip(inner_scorer, a, b)
    links: list[Link] = []
    for pl in found + _moved(view.scorer, para_a, para_b, found):
        pos_a = [i for p in pl.a for i in groups_a[p]]
        pos_b = [j for p in pl.b for j in groups_b[p]]
        # two paragraphs of as many claims: position is good evidence (not when one side
        # has a sentence more: an insertion, a deletion or a split)
        bonus = POSITION_BONUS if len(pos_a) == len(pos_b) else 0.0
        inner = _fill(inner_scorer, [a[i] for i in pos_a], [b[j] for j in pos_b], bonus, skip)
        links += [Link(tuple(a[pos_a[x]].index for x in lk.a),
                       tuple(b[pos_b[y]].index for y in lk.b), lk.score)
                  for lk in inner if lk.score >= low]
    return links


def _moved(scorer: PairScorer, a: list[Unit], b: list[Unit], found: list[Link]) -> list[Link]:
    """Paragraphs left over on both sides that are each other's best partner: a paragraph
    moved in a translation keeps its length, figures and names."""
    used_a = {i for lk in found for i in lk.a}
    used_b = {j for lk in found for j in lk.b}
    rest_a = [u for u in a if u.index not in used_a]
    rest_b = [u for u in b if u.index not in used_b]
    if not rest_a or not rest_b:
        return []
    links = []
    for u in rest_a:
        v = max(rest_b, key=partial(scorer.sim, u))
        back = max(rest_a, key=partial(scorer.sim, b=v))
        if back is u and (score := scorer.sim(u, v)) >= MOVED_MIN:
            links.append(Link((u.index,), (v.index,), score))
    return links


def _merged(units: list[Unit], group: list[int], n: int) -> Unit:
    """One paragraph as a unit: its claims' keys and lengths, indexed by its position."""
    return Unit(n, frozenset().union(*(units[i].keys for i in group)),
                sum(units[i].length for i in group) + len(group) - 1, len(group))
