"""The machine's suggestion for a match, with reasons a reviewer can check.

A conflict is a substitution, not an addition: one version says x where the others say y.
A figure only one version has ("150 MW" in a rewrite) is reported but is no conflict; a
harmless rewrite (another digit script or grouping, "about", a rounded headline figure)
compares equal because values are compared after parsing, with a tolerance for approximate
figures.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache, partial

from rapidfuzz import fuzz, process

from crossfact.models import Claim, Quantity, Suggestion
from crossfact.names import WORD, script_of, skeletons

EXACT = 1e-6  # relative difference that is still the same figure (float noise only)
ROUGH = 0.1  # ... when a version says "about" or rounds in a headline
ROUNDED_DIGITS = 3  # a rounded figure has at most this many significant digits
CALENDAR = ("year", "month", "day", "time")  # figures compared exactly, never by magnitude
SAME_ROLE = 0.15  # how far apart (share of the text) two names may stand to swap roles


@dataclass(frozen=True)
class Figure:
    """A figure of one version, reduced to what must agree across versions.

    Currency and unit must agree only when both versions state them: translations often
    drop "dollars" or "GPUs" after the first mention.
    """

    kind: str  # "amount", "%", "year", "month", "day" (month * 100 + day), "time" (minutes)
    value: float
    text: str
    rough: bool
    currency: str | None = None
    unit: str | None = None


@dataclass
class Verdict:
    suggestion: Suggestion
    reasons: list[str] = field(default_factory=list)
    outliers: list[str] = field(default_factory=list)


def figure_of(q: Quantity, headline: bool = False) -> Figure:
    """One quantity as compared across versions (a headline may round)."""
    kind = "year" if q.year else "%" if q.percent else "time" if q.clock else "amount"
    return Figure(kind, q.value, q.text, q.approx or headline, q.currency, q.unit)


def figures(claims: Sequence[Claim]) -> list[Figure]:
    out: list[Figure] = []
    for c in claims:
        out += [figure_of(q, c.kind == "headline") for q in c.fingerprint.numbers]
        for d in c.fingerprint.dates:
            if d.year:
                out.append(Figure("year", d.year, d.text, False))
            if d.month:
                out.append(Figure("month", d.month, d.text, False))
            if d.month and d.day:  # "10 September" vs "20 September" is a conflict
                out.append(Figure("day", d.month * 100 + d.day, d.text, False))
    return out


def _compatible(a: Figure, b: Figure) -> bool:
    return (
        a.kind == b.kind
        and (a.currency is None or b.currency is None or a.currency == b.currency)
        and (a.unit is None or b.unit is None or a.unit == b.unit)
    )


def significant_digits(value: float) -> int:
    """How precisely a figure is written: 800 has one significant digit, 801 three."""
    digits = f"{abs(value):.12g}".split("e")[0].replace(".", "").strip("0")
    return max(1, len(digits))


def _rounds(rough: Figure, other: Figure) -> bool:
    """Whether `rough` may be `other` rounded: it is marked approximate (or in a headline),
    written less precisely, as people round (three significant digits at most), and within
    10%. "about 300" may be 301; 301 is not 300, and 26,750 is not 26,751."""
    digits = significant_digits(rough.value)
    return rough.rough and digits <= ROUNDED_DIGITS \
        and digits < significant_digits(other.value) \
        and abs(rough.value - other.value) <= ROUGH * max(abs(rough.value), abs(other.value))


def _equal(a: Figure, b: Figure) -> bool:
    return abs(a.value - b.value) <= EXACT * max(abs(a.value), abs(b.value), 1e-9)


def same(a: Figure, b: Figure) -> bool:
    """One figure, however written: the same value, or a rounding marked as such."""
    if not _compatible(a, b):
        return False
    if a.kind in CALENDAR:
        return a.value == b.value
    return _equal(a, b) or _rounds(a, b) or _rounds(b, a)


def _label_list(docs: Sequence[str], labels: Mapping[str, str]) -> str:
    return ", ".join(labels[d] for d in docs)


def _odd_ones(
    per_doc: dict[str, list[Figure]], d: str
) -> list[tuple[Figure, list[tuple[str, Figure]]]]:
    """The figures of version `d` that the others do not back, each with its rivals (the
    figures of other versions that `d` says instead).

    A figure is odd when no other version has it; when `d` says it more often than any
    other ("1-1" where the others say "1-0": the rivals are the figures `d` says less
    often); or when two other versions state a figure near it exactly and none states it
    (301 where the others say 300: only a less precise "about 300" is a rounding).
    """
    def count(x: str, f: Figure) -> int:
        return sum(same(f, g) for g in per_doc[x])

    def stated(f: Figure, versions: list[str]) -> int:
        return sum(any(_equal(f, g) for g in per_doc[e] if _compatible(f, g)) for e in versions)

    others = [e for e in per_doc if e != d]
    out = []
    seen: list[Figure] = []
    for f in per_doc[d]:
        if any(_equal(f, g) and f.kind == g.kind for g in seen):
            continue
        seen.append(f)
        near = [] if stated(f, others) else [
            (e, g) for e in others for g in per_doc[e]
            if _compatible(f, g) and not same(f, g) and _near(f, g) and stated(g, others) >= 2
        ]
        if not near and count(d, f) <= max((count(e, f) for e in others), default=0):
            continue
        rivals = near or [
            (e, g) for e in others for g in per_doc[e]
            if _compatible(f, g) and _comparable(f, g) and not _equal(f, g)
            and count(d, g) < count(e, g)
        ]
        if rivals:
            out.append((f, rivals))
    return out


def _near(a: Figure, b: Figure) -> bool:
    """Within 10%, for figures compared by magnitude (calendar ones are exact)."""
    return a.kind not in CALENDAR and \
        abs(a.value - b.value) <= ROUGH * max(abs(a.value), abs(b.value))


def _agreements(per_doc: dict[str, list[Figure]], labels: Mapping[str, str]) -> list[str]:
    """"50.000 (tr) = 50,000 (bn)": each figure two versions or more state, once."""
    lines: list[str] = []
    reported: set[tuple[str, float]] = set()
    for figs in per_doc.values():
        for f in figs:
            backers = [e for e in per_doc if any(same(f, g) for g in per_doc[e])]
            key = (f.kind, round(f.value, 6))
            if len(backers) > 1 and key not in reported:
                reported.add(key)
                shown = {e: next(g.text for g in per_doc[e] if same(f, g)) for e in backers}
                line = " = ".join(f"{t} ({labels[e]})" for e, t in shown.items())
                if line not in lines:
                    lines.append(line)
    return lines


def _figure_conflicts(
    per_doc: dict[str, list[Figure]], labels: Mapping[str, str]
) -> tuple[list[str], set[str]]:
    """(conflict reasons, outlier docs): each odd figure against its best-backed rival."""
    def backing(d: str, g: Figure) -> list[str]:
        return [e for e in per_doc if e != d and any(same(g, h) for h in per_doc[e])]

    def rank(d: str, f: Figure, rival: tuple[str, Figure]) -> tuple[int, float]:
        return -len(backing(d, rival[1])), _distance(f, rival[1])

    conflicts: list[str] = []
    outliers: set[str] = set()
    pairs: set[frozenset[tuple[str, str, float]]] = set()
    for d in per_doc:
        for f, rivals in _odd_ones(per_doc, d):
            e, g = min(rivals, key=partial(rank, d, f))
            pair = frozenset({(d, f.kind, f.value), (e, g.kind, g.value)})
            if pair not in pairs:
                pairs.add(pair)
                conflicts.append(f"{f.text} ({labels[d]}) vs {g.text} "
                                 f"({_label_list(backing(d, g), labels)})")
                outliers.add(d)
    return conflicts, outliers


def _comparable(a: Figure, b: Figure) -> bool:
    """Figures a translation could have swapped: same kind, within two orders of magnitude."""
    if a.kind in CALENDAR:
        return True
    if a.value <= 0 or b.value <= 0:  # a score's 0 ("1-0" / "1-1") against a small count
        return max(abs(a.value), abs(b.value)) <= 100
    return abs(math.log10(a.value) - math.log10(b.value)) <= 2


def _distance(a: Figure, b: Figure) -> float:
    if a.value > 0 and b.value > 0:
        return abs(math.log10(a.value) - math.log10(b.value))
    return abs(a.value - b.value)


def _is_entity(word: str) -> bool:
    """A proper name worth a conflict: not an acronym of a common noun (AI, GPU, CDU)."""
    stem = word.removesuffix("s")
    return len(word) >= 3 and not (stem.isupper() and len(stem) <= 4)


def _brand(word: str) -> bool:
    """Written like a brand or model name (xAI, OpenAI, iPhone): kept as is in translation."""
    return any(ch.isupper() for ch in word[1:]) or any(ch.isdigit() for ch in word)


def _names(claims: Sequence[Claim]) -> list[tuple[str, frozenset[str], float]]:
    """(name as written, its skeletons, relative position) in one version's claims."""
    text = " ".join(c.text for c in claims)
    out = []
    for c in claims:
        for name in c.fingerprint.names:
            pos = text.find(name.text) / max(1, len(text))
            out.append((name.text, skeletons(name.text), pos))
    return out


@lru_cache(maxsize=65_536)
def _word_skeletons(text: str) -> tuple[frozenset[str], tuple[str, ...]]:
    """Every skeleton of every word of a claim, and the long ones for fuzzy lookups."""
    found = frozenset().union(*map(skeletons, WORD.findall(text)))
    return found, tuple(sk for sk in found if len(sk) >= 4)


def _mentions(claims: Sequence[Claim], sks: frozenset[str]) -> bool:
    """Whether any word of these claims could be this name, in any script or spelling."""
    for c in claims:
        exact, long = _word_skeletons(c.text)
        if sks & exact:
            return True
        for t in sks:
            if len(t) >= 4 and long and process.extractOne(
                t, long, scorer=fuzz.ratio, score_cutoff=75
            ):
                return True
    return False


def _name_conflicts(
    per_doc: dict[str, list[Claim]], labels: Mapping[str, str]
) -> tuple[list[str], set[str]]:
    """A name only one version has, where all the others name someone it never mentions.

    Needs three versions or more: with two, a name one of them leaves out is a rewrite.
    The rival is the other versions' name nearest in position (the same role, most likely).
    """
    if len(per_doc) < 3:
        return [], set()
    names = {d: _names(cs) for d, cs in per_doc.items()}
    reasons: list[str] = []
    outliers: set[str] = set()
    for d, mine in names.items():
        others = [e for e in names if e != d]
        named_elsewhere = {sk for e in others for _, sks, _ in names[e] for sk in sks}
        unshared = [
            n for n in mine
            if n[0][:1].isupper() or any(ch.isupper() for ch in n[0][1:])
            if _is_entity(n[0]) and not n[1] & named_elsewhere  # cheap test first
            and not any(_mentions(per_doc[e], n[1]) for e in others)
        ]
        if not unshared:
            continue
        rivals: dict[str, tuple[str, list[str], list[float]]] = {}
        as_written: dict[str, set[str]] = {}  # rival -> versions writing it in Latin letters
        for e in others:
            for text, sks, pos in names[e]:
                if not _is_entity(text) or _mentions(per_doc[d], sks):
                    continue
                key = next((k for k in rivals if rivals[k][0] == text or sks & skeletons(k)), text)
                written, where, spots = rivals.setdefault(key, (text, [], []))
                if e not in where:
                    where.append(e)
                    spots.append(pos)
                if script_of(text) == "Latin":
                    as_written.setdefault(key, set()).add(e)
                if text.isascii() and not written.isascii():
                    rivals[key] = (text, where, spots)
        backed = [r for k, r in rivals.items() if len(r[1]) >= max(2, (len(others) + 1) // 2)]
        # names that survive translation as written (xAI, Tesla) make a conflict; an exonym
        # ("Allemagne" / "Germany") or a capitalised common noun ("Pazar" / "Sunday") only
        # when the rival is written the same way in two versions at least
        plain = [r for k, r in rivals.items() if len(as_written.get(k, ())) >= 2]
        for text, _, pos in unshared:
            pool = backed if _brand(text) else [r for r in backed if r in plain]
            near = [r for r in pool if abs(sum(r[2]) / len(r[2]) - pos) <= SAME_ROLE]
            if near:
                rival, where, _ = min(near, key=lambda r: abs(sum(r[2]) / len(r[2]) - pos))
                reasons.append(f"{text} ({labels[d]}) vs {rival} ({_label_list(where, labels)})")
                outliers.add(d)
                break
    return reasons, outliers


def suggest(members: Sequence[Claim], labels: Mapping[str, str], n_versions: int) -> Verdict:
    """agree / conflict / unsourced for one match, with reasons naming versions and values."""
    per_doc: dict[str, list[Claim]] = {}
    for c in members:
        per_doc.setdefault(c.doc, []).append(c)
    if len(per_doc) == 1:
        missing = n_versions - 1
        return Verdict("unsourced", [f"no counterpart in {missing} version{'s' * (missing != 1)}"])
    figs = {d: figures(cs) for d, cs in per_doc.items()}
    conflicts, outliers = _figure_conflicts(figs, labels)
    agreements = _agreements(figs, labels)
    name_reasons, name_outliers = _name_conflicts(per_doc, labels)
    conflicts += name_reasons
    outliers |= name_outliers
    absent = n_versions - len(per_doc)
    tail = [f"not in {absent} version{'s' * (absent != 1)}"] if absent else []
    only = [
        f"only in {labels[d]}: {f.text}"
        for d, fs in figs.items()
        for f in fs
        if not any(same(f, g) for e in figs if e != d for g in figs[e])
        and not any(f.text in r for r in conflicts)
    ]
    if conflicts:
        ordered = sorted(outliers, key=list(per_doc).index)
        return Verdict("conflict", conflicts + agreements + only + tail, ordered)
    return Verdict("agree", agreements + only + tail)
