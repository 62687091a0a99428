"""Fingerprints flattened into comparable keys, and the similarity of two claims.

The similarity is what every sentence aligner has at its core (docs/architecture.md), with
fingerprints instead of embeddings: a weighted overlap of figures, codes and name skeletons,
plus a length term. Weights are inverse document frequencies within the pair of versions, so
a figure repeated everywhere ("$10 billion", "2024") cannot pull claims together on its own.
"""

from __future__ import annotations

import copy
import math
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from itertools import chain
from math import fsum, log2

from crossfact.memo import remember
from crossfact.models import Claim, Fingerprint, Name
from crossfact.names import name_keys
from crossfact.terminal import compared

SHORT_SKELETON = 2  # consonants of the shortest name skeleton that is a key
LENGTH_WEIGHT = 0.4  # what equal lengths alone are worth in a similarity
SHARED_WEIGHT = 0.6  # what shared keys can add, at most ...
SHARED_HALF = 3.0  # ... half of it for this much shared weight
MISSING_PENALTY = 0.15  # what figures without a counterpart take away, at most ...
MISSING_FULL = 4.0  # ... all of it for this much weight of them
SUBSTITUTION_CREDIT = 0.5  # a figure that differs, in a translation: half a shared one
FIGURE_KEYS = "npcymt"  # first letters of the keys of figures, codes, dates, times (not names)
MARK_WEIGHT = 0.06  # what a question mark, quotes, parentheses... found in both are worth
# punctuation a translation keeps, in every script's spelling
MARKS = {"?": "?", "؟": "?", "？": "?", "!": "!", ";": ";", "؛": ";", "(": "(",
         "\"": "\"", "“": "\"", "”": "\"", "«": "\"", "»": "\"", "„": "\""}
_MARK = re.compile("[" + re.escape("".join(MARKS)) + "]")
_NO_MARKS: frozenset[str] = frozenset()  # most claims': one set, not one each


_has_digit = re.compile(r"\d").search


def value_key(value: float) -> str:
    """Four significant digits: 6.6e9 and 6.60e9 are one key, 6e9 and 6.6e9 are not;
    years (four digits) stay exact."""
    return f"{value:.4g}"


def keys_of(fp: Fingerprint) -> frozenset[str]:
    """The comparable keys of a fingerprint: n:/y:/p:/m:/t: figures, months and times, c: codes,
    s: name skeletons, u: links, h: handles."""
    keys: set[str] = set()
    for q in fp.numbers:
        if not _has_digit(q.text):
            # a number in words ("two", "iki") keys nothing: prose spells small counts that
            # are no figures, and on NTREX part B (development) their keys cost 0.003 F1
            continue
        kind = "y" if q.year else "p" if q.percent else "t" if q.clock else "n"
        keys.add(f"{kind}:{value_key(q.value)}")
    for d in fp.dates:
        if d.year:
            keys.add(f"y:{value_key(d.year)}")
        if d.month:
            keys.add(f"m:{d.month}")
    keys.update(f"c:{c}" for c in fp.codes)
    for name in fp.names:
        keys |= _name_keys.get((name.text, name.skeleton)) or keys_of_name(name)
    keys.update(f"u:{u}" for u in fp.urls)
    keys.update(f"h:{h}" for h in fp.handles)
    return frozenset(keys)


# the s: keys of each name seen, by (text, skeleton), which are all `name_keys` reads: a
# long story names the same people and places in claim after claim
_name_keys: dict[tuple[str, str], frozenset[str]] = {}


def keys_of_name(name: Name) -> frozenset[str]:
    """The s: keys of one name, remembered in `_name_keys`."""
    found = _name_keys.get((name.text, name.skeleton))
    if found is not None:
        return found
    sks = name_keys(name)
    # a two-consonant variant (a clitic cut off) collides too often when the word has
    # a longer reading: Arabic براون "Browne" would also be "rn", as Rihanna is
    shortest = SHORT_SKELETON + any(len(s) > SHORT_SKELETON for s in sks)
    return remember(_name_keys, (name.text, name.skeleton),
                    frozenset(f"s:{s}" for s in sks if len(s) >= shortest))


@dataclass(slots=True)
class Unit:
    """One claim (or adjacent ones joined, for a split sentence) as the aligner sees it.

    Never changed once made, but not a frozen dataclass: the DP joins a hundred thousand
    units on a long story, and a frozen one's constructor (a setattr call per field) cost
    five times as much."""

    index: int  # position of the (first) claim in its version
    keys: frozenset[str]
    length: int
    span: int = 1  # how many adjacent claims are joined in it
    paragraph: int = -1  # the paragraph it stands in, -1 when unknown
    marks: frozenset[str] = frozenset()  # punctuation kept in translation (MARKS)

    def join(self, other: Unit) -> Unit:
        """The two as one unit. A side without keys or marks lends the other's set as it is:
        no new set to make, and PairScorer's memo finds it by identity (the DP joins
        100,000 pairs of claims on a long story, and most of their marks are empty)."""
        keys_a, keys_b, marks_a, marks_b = self.keys, other.keys, self.marks, other.marks
        return Unit(self.index,
                    keys_a | keys_b if keys_a and keys_b else keys_a or keys_b,
                    self.length + other.length + 1, self.span + other.span, self.paragraph,
                    marks_a | marks_b if marks_a and marks_b else marks_a or marks_b)


def marks_of(text: str) -> frozenset[str]:
    """Questions, exclamations, quotations, asides: they survive translation, and they tell
    apart two sentences of the same length that have no figure or name."""
    found = _MARK.findall(text)
    return frozenset(map(MARKS.__getitem__, found)) if found else _NO_MARKS


def units_of(claims: list[Claim], keys: Mapping[str, frozenset[str]] | None = None) -> list[Unit]:
    """The claims of one version as units; `keys` (by claim id) when the caller has
    computed every claim's keys already (keys_of is the costlier part)."""
    return [Unit(i, keys[c.id] if keys is not None else keys_of(c.fingerprint),
                 len(compared(c.text)), paragraph=c.paragraph, marks=marks_of(compared(c.text)))
            for i, c in enumerate(claims)]


# a key set's (weight of all keys, of its figures, what `_substituted` finds missing against
# a set without figures, its figures' weight by kind): `PairScorer.totals`
_Totals = tuple[float, float, float, dict[str, float]]


def _by_kinds(a: dict[str, float], b: dict[str, float]) -> tuple[float, float]:
    """`PairScorer._substituted` of two key sets that share no figure, from their figures'
    weight by kind (`PairScorer.totals`): most of the DP's cells in a known translation that
    have figures on both sides share none. The same floats as `_substituted`'s exact sums
    (fsum), in any order of the kinds: one or two terms are added as they are (a single
    addition is rounded once, as fsum rounds), more are summed with fsum."""
    kinds = a.keys() | b.keys()
    if len(kinds) <= 2:
        missing = swapped = 0.0
        for kind in kinds:
            x, y = a.get(kind, 0.0), b.get(kind, 0.0)
            missing += x - y if x > y else y - x
            swapped += x if x < y else y
        return missing, swapped
    diffs: list[float] = []
    swaps: list[float] = []
    for kind in kinds:
        x, y = a.get(kind, 0.0), b.get(kind, 0.0)
        diffs.append(x - y if x > y else y - x)
        swaps.append(x if x < y else y)
    return fsum(diffs), fsum(swaps)


class PairScorer:
    """Similarity of claims across one pair of versions, with idf weights for that pair.

    The DP asks for hundreds of thousands of similarities: each key set's total weight and
    figure weight are computed once, so a comparison only walks the (few) shared keys.
    """

    def __init__(self, a: list[Unit], b: list[Unit], substitutions: bool = False) -> None:
        df = Counter(chain.from_iterable(u.keys for u in chain(a, b)))
        total = len(a) + len(b)
        self.weight = {k: math.log(1 + total / n) for k, n in df.items()}
        # the figure keys among them, a set whose methods pick a key set's figures in C
        # (in the key set's own order, which the sums over them must keep)
        self.figure_keys = frozenset(k for k in df if k[0] in FIGURE_KEYS)
        self.rare = math.log(1 + total / 2)  # the weight of a key found once in each version
        chars_a = sum(u.length for u in a) or 1
        chars_b = sum(u.length for u in b) or 1
        self.ratio = chars_a / chars_b  # how much longer this language writes the same thing
        self._totals: dict[frozenset[str], _Totals] = {}
        self._marks: dict[tuple[frozenset[str], frozenset[str]], float] = {}
        # within a known translation a figure that differs is a substitution (a conflict to
        # show), not evidence against the pair: only figures without a counterpart count
        self.substitutions = substitutions

    def substituting(self) -> PairScorer:
        """The same pair's scorer that counts a differing figure as a substitution (for a
        known translation), sharing this one's weights and memos, which do not depend on it."""
        other = copy.copy(self)
        other.substitutions = True
        return other

    def totals(self, keys: frozenset[str]) -> _Totals:
        """(weight of all keys, weight of the figure keys, what `_substituted` finds missing
        against a key set without figures, the figures' weight by kind) of one key set,
        memoised: in a translation most pairs share no key, and their penalty is then known
        without walking the keys. Every sum is exact (fsum), so equal sets give the same
        floats whatever order they iterate in, as `_substituted`'s sums do."""
        found = self._totals.get(keys)
        if found is None:
            weight = self.weight.__getitem__
            if self.figure_keys.isdisjoint(keys):  # most claims: names only, or nothing
                found = self._totals[keys] = (fsum(map(weight, keys)), 0, 0, {})
                return found
            by_kind: dict[str, list[float]] = {}
            for k in filter(self.figure_keys.__contains__, keys):
                by_kind.setdefault(k[0], []).append(weight(k))
            kinds = {kind: fsum(ws) for kind, ws in by_kind.items()}
            found = (fsum(map(weight, keys)), fsum(chain.from_iterable(by_kind.values())),
                     fsum(kinds.values()), kinds)
            self._totals[keys] = found
        return found

    def figures_shared(self, a: Unit, b: Unit) -> int:
        """How many figure or code keys the two share (names excluded)."""
        return sum(1 for k in a.keys & b.keys if k[0] in FIGURE_KEYS)

    def evidence(self, a: Unit, b: Unit) -> tuple[float, float]:
        """(weighted Dice of the keys, weight of the shared keys)."""
        shared = a.keys & b.keys
        if not shared:
            return 0.0, 0.0
        common = fsum(self.weight[k] for k in shared)
        return 2 * common / (self.totals(a.keys)[0] + self.totals(b.keys)[0]), common

    def _substituted(
        self, a: frozenset[str], b: frozenset[str], shared: frozenset[str]
    ) -> tuple[float, float]:
        """(weight of figures without a counterpart, weight of figures that differ), kind
        by kind: a number against a number is a substitution, a number against a year
        is not."""
        by_kind: dict[str, tuple[list[float], list[float]]] = {}
        for side, keys in enumerate((a, b)):
            for k in filter(self.figure_keys.__contains__, keys - shared):
                by_kind.setdefault(k[0], ([], []))[side].append(self.weight[k])
        sums = [(fsum(x), fsum(y)) for x, y in by_kind.values()]
        return fsum(abs(x - y) for x, y in sums), fsum(min(x, y) for x, y in sums)

    def length(self, a: Unit, b: Unit) -> float:
        """log2(1 + min/max) of the lengths, the second scaled to the first language."""
        la, lb = a.length, b.length * self.ratio
        if la <= 0 or lb <= 0:
            return 0.0
        return math.log2(1 + la / lb) if la < lb else math.log2(1 + lb / la)

    def no_gain(self, part: Unit, added: Unit, other: Unit, part_in_a: bool) -> bool:
        """Whether `part` joined with its neighbour `added` is sure to score no more against
        `other` than `part` alone does, when that score is at least 0 (`sim` is clamped
        there, except for two units without keys): `part` is already at least as long as
        `other`, and `added` shares with it no key and no mark, nor, for a translation, a
        figure that might be a substitution. Then every term of `sim` is no better (length,
        marks, shared weight, Dice, missing figures), and the DP need not score the wider
        bead: it can only lose to the narrow one."""
        if part_in_a:
            if part.length < other.length * self.ratio:
                return False
        elif part.length * self.ratio < other.length:
            return False
        keys = other.keys
        if not added.keys.isdisjoint(keys) or (added.marks and not added.marks.isdisjoint(
                other.marks)):
            return False
        return not (self.substitutions and not self.figure_keys.isdisjoint(keys)
                    and not self.figure_keys.isdisjoint(added.keys))

    def sim(self, a: Unit, b: Unit) -> float:
        """At most 1: a length baseline, raised by shared figures and names, lowered by figures
        that one claim has and the other lacks (numbers survive translation; a name the
        other version spells unrecognisably is no evidence against), and by punctuation one
        has and the other lacks, which may take it a little below 0 (the DP then skips)."""
        # self.length and the marks' worth, inlined and memoised: the DP calls this a
        # million times, and the marks of a pair are one of a few dozen combinations
        la, lb = a.length, b.length * self.ratio
        try:  # an empty claim against a longer one gives log2(1) = 0, as both empty do
            base = LENGTH_WEIGHT * (log2(1 + la / lb) if la < lb else log2(1 + lb / la))
        except ZeroDivisionError:
            base = 0.0
        marks_a, marks_b = a.marks, b.marks
        if marks_a or marks_b:
            pair = marks_a, marks_b
            worth = self._marks.get(pair)
            if worth is None:
                worth = MARK_WEIGHT * (len(marks_a & marks_b) - len(marks_a ^ marks_b) / 2)
                self._marks[pair] = worth
            base += worth
        keys_a, keys_b, substitutions = a.keys, b.keys, self.substitutions
        if not (keys_a and keys_b) and not (substitutions and (keys_a or keys_b)):
            return base
        memo = self._totals
        total_a, figures_a, solo_a, kinds_a = memo.get(keys_a) or self.totals(keys_a)
        total_b, figures_b, solo_b, kinds_b = memo.get(keys_b) or self.totals(keys_b)
        # below: max(0.0, x) and min(1.0, x) written as comparisons, which give the same
        # floats without a builtin call (a million a long pair)
        if keys_a.isdisjoint(keys_b):  # most cells of the DP
            if not substitutions:
                absent = (figures_a + figures_b) / MISSING_FULL
                value = base - MISSING_PENALTY * (absent if absent < 1.0 else 1.0)
                return value if value > 0.0 else 0.0
            # nothing shared and one side without figures: nothing substituted, and what is
            # missing is the other side's figures, as `_substituted` would sum them
            if not (figures_a and figures_b):
                missing = solo_a or solo_b
                if not missing:  # no figures at all: base - 0.0
                    return base if base > 0.0 else 0.0
                share = missing / MISSING_FULL
                value = base - MISSING_PENALTY * (share if share < 1.0 else 1.0)
                return value if value > 0.0 else 0.0
            # figures on both sides, nothing shared: what is substituted, from each side's
            # figures by kind (0.0 shared weight plus the credit is the credit itself)
            missing, swapped = _by_kinds(kinds_a, kinds_b)
            common = SUBSTITUTION_CREDIT * swapped
        else:
            shared = keys_a & keys_b
            w = self.weight
            common = fsum(map(w.__getitem__, shared))
            if not substitutions:
                shared_figures = fsum(map(w.__getitem__,
                                          filter(self.figure_keys.__contains__, shared)))
                missing = (figures_a - shared_figures) + (figures_b - shared_figures)
            elif figures_a or figures_b:
                # figures, none shared (names are): each side's figures by kind are
                # memoised, and most such pairs need no walk of their keys
                missing, swapped = _by_kinds(kinds_a, kinds_b) \
                    if self.figure_keys.isdisjoint(shared) \
                    else self._substituted(keys_a, keys_b, shared)
                common += SUBSTITUTION_CREDIT * swapped
            else:  # names only: nothing missing, nothing substituted
                missing = 0
        share = missing / MISSING_FULL
        penalty = MISSING_PENALTY * (share if share < 1.0 else 1.0)
        if not common:
            value = base - penalty
            return value if value > 0.0 else 0.0
        dice = 2 * common / (total_a + total_b)
        bonus = SHARED_WEIGHT * common / (common + SHARED_HALF) * (0.5 + 0.5 * dice)
        value = base + bonus - penalty
        value = value if value < 1.0 else 1.0
        return value if value > 0.0 else 0.0
