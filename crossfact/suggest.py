"""The machine's suggestion for a match, with reasons a reviewer can check.

A conflict is a substitution, not an addition: one version says x where the others say y.
A figure only one version has ("150 MW" in a rewrite) is reported but is no conflict; a
harmless rewrite (another digit script or grouping, "about", a rounded headline figure)
compares equal because values are compared after parsing, with a tolerance for approximate
figures.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache, lru_cache, partial

from babel.dates import get_day_names, get_month_names
from rapidfuzz import fuzz, process

from crossfact import vocabulary
from crossfact.language import writes_latin
from crossfact.locales import babel_locale, fold
from crossfact.models import Claim, Quantity, Suggestion
from crossfact.names import ACRONYM, WORD, name_keys, script_of, skeletons
from crossfact.terminal import compared
from crossfact.units import (
    GENERIC_DEGREE,
    GENERIC_POINT,
    TEMPERATURE_SCALES,
    convert,
    dimension,
    point_readings,
    short_name,
)
from crossfact.vocabulary import is_ordinary_word
from crossfact.zones import utc_label

EXACT = 1e-6  # relative difference that is still the same figure (float noise only)
ROUGH = 0.1  # ... when a version says "about" or rounds in a headline
# A converted figure rounded more coarsely than its own digits say: 85 mph (136.8 km/h) is
# "135 km/h" in NTREX's French and Hebrew (1.3%), 10 inches (25.4 cm) "25 cm" (1.6%); 50 km
# for 50 miles is 38% off. Set on NTREX (development), the smallest that passed its
# conversions.
CONVERTED = 0.03
# A temperature converted between scales is written in whole degrees, rounded or cut: 80 °F
# (26.7 °C) is "26" in NTREX's French and "27" in its Hebrew, a difference of 10 °F (5.6 °C)
# "5" (NTREX, development). Closer than a degree, since "10" would otherwise pass for
# anything from 5 to 15 by its one significant digit.
DEGREE_SLACK = 1.0
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
    # a bare count in words ("two", "dört"): it backs a figure it equals, but prose spells
    # small counts that are no figures ("two of them"), so it never makes a conflict
    worded: bool = False
    # what it counts or measures, where the words around it say so ("killed", "magnitude",
    # `crossfact.facts.figure_kinds`), "" where they do not: given between outlets, whose
    # sentences each state several facts, so that a toll is never set against a magnitude;
    # None between translations, where the alignment says which figures are one
    fact: str | None = None
    # a time's possible minutes east of UTC (`crossfact.zones`); none: the event's local
    # time, its offset unknown. Times are compared as instants: two with offsets when one
    # instant may be both, a time with none never with one that has some. Between outlets
    # only: a translator copies a time as written, and on NTREX (development) mistranslates
    # its zone as often as not (a British "19:30 BST" as Bangladesh time, "বাংলাদেশ সময়";
    # as "heure locale"), so translations compare times as written (`figures`)
    offsets: tuple[int, ...] = ()
    zone: str | None = None  # as written ("GMT"); None: local time
    # a time's minutes past midnight, in the half of the day its text says ("16h17", "4:17
    # p.m.") or in both (`crossfact.zones`); none: both halves of `value`
    day_minutes: tuple[int, ...] = ()


@dataclass
class Verdict:
    suggestion: Suggestion
    reasons: list[str] = field(default_factory=list)
    outliers: list[str] = field(default_factory=list)


def figure_of(q: Quantity, headline: bool = False) -> Figure:
    """One quantity as compared across versions (a headline may round)."""
    kind = "year" if q.year else "%" if q.percent else "time" if q.clock else "amount"
    worded = kind == "amount" and not (q.currency or q.unit or any(c.isdigit() for c in q.text))
    if q.clock:  # said with its zone: "00:03 GMT", "02h17 heure de Paris"
        return Figure(kind, q.value, f"{q.text} {q.zone}" if q.zone else q.text,
                      q.approx or headline, offsets=tuple(q.offsets), zone=q.zone,
                      day_minutes=tuple(q.day_minutes))
    return Figure(kind, q.value, q.text, q.approx or headline, q.currency, q.unit, worded)


Focus = Mapping[str, Collection[tuple[int, int]]]  # claim id -> spans of the figures compared
Facts = Mapping[str, Mapping[tuple[int, int], str]]  # claim id -> figure span -> its fact


def _holder(spans: Iterable[tuple[int, int]], start: int, end: int) -> tuple[int, int] | None:
    """The first of `spans` that holds start:end (a score's span holds both its numbers)."""
    return next(((s, e) for s, e in spans if s <= start and end <= e), None)


def figures(claims: Sequence[Claim], focus: Focus | None = None, facts: Facts | None = None,
            ) -> list[Figure]:
    """The figures of one version's claims; of a claim in `focus`, only those within its
    spans (a claim shared by the matches of several facts is compared by the match's);
    each with what it states where `facts` says (`Figure.fact`)."""
    unsaid = None if facts is None else ""  # between outlets: a figure nothing types
    out: list[Figure] = []
    for c in claims:
        spans = (focus or {}).get(c.id)
        stated = (facts or {}).get(c.id, {})
        for q in c.fingerprint.numbers:
            if spans is None or _holder(spans, q.start, q.end):
                typed = _holder(stated, q.start, q.end)
                f = figure_of(q, c.kind == "headline")
                if facts is None and f.offsets:  # between translations: a time as written
                    f = replace(f, text=q.text, offsets=(), zone=None)
                # a count in words that a cue types ("ছয়জন নিহত", six killed) is a figure
                out.append(replace(f, fact=stated[typed] if typed else unsaid,
                                   worded=f.worded and not (typed and stated[typed])))
        for d in c.fingerprint.dates:
            if spans is not None and not _holder(spans, d.start, d.end):
                continue
            if d.year:
                out.append(Figure("year", d.year, d.text, False))
            if d.month:
                out.append(Figure("month", d.month, d.text, False))
            if d.month and d.day:  # "10 September" vs "20 September" is a conflict
                out.append(Figure("day", d.month * 100 + d.day, d.text, False))
    return out


def _units_from_others(per_doc: dict[str, list[Figure]]) -> dict[str, list[Figure]]:
    """A bare figure takes the unit another version states with the same value: the English
    "widespread 80s" (degrees, unsaid) is the Turkish "80 degrees", so it is a temperature a
    Celsius version converts ("27 מעלות"), not a plain 80 the conversion leaves unbacked.
    Only when the other versions give that value one unit: "50" beside "50 km" and "50
    miles" says neither. And a bare whole number another version states as a year is that
    year: years are read as such from 1900 to 2100 only, so NTREX's Arabic "عام 1882" is a
    number where the others date "September 30, 1882". A number written with a separator
    between its digits is a count, as a year never is: the Arabic "2012 شخصا" beside "2,012
    people" is that count, and "2,012" did not become a year, leaving a Turkish "2.102"
    (2102 killed) compared with nothing and suggested agree."""
    out: dict[str, list[Figure]] = {}
    for d, figs in per_doc.items():
        out[d] = []
        others = [g for e, gs in per_doc.items() if e != d for g in gs]
        for f in figs:
            if f.kind == "amount" and f.unit is None and f.currency is None and not f.worded:
                units = {g.unit for g in others if g.unit and g.kind == "amount" and _equal(f, g)}
                if len(units) == 1:
                    f = replace(f, unit=units.pop())
                elif not _grouped(f) and any(g.kind == "year" and g.value == f.value
                                             for g in others):
                    f = replace(f, kind="year")
            elif f.kind == "year" and f.text.isdigit() and any(
                    g.kind == "amount" and g.value == f.value and g.unit is None
                    and g.currency is None and _grouped(g) for g in others):
                f = replace(f, kind="amount")
            out[d].append(f)
    return out


def _grouped(f: Figure) -> bool:
    """Written with a separator between its digits: "2,012", "2 012", "2.012", "٢٬٠١٢"."""
    return any(a.isdigit() and not b.isdigit() and c.isdigit()
               for a, b, c in zip(f.text, f.text[1:], f.text[2:], strict=False))


def _compatible(a: Figure, b: Figure) -> bool:
    """Figures that may state one thing: the same kind, currency and dimension where both
    say them ("50 km" and "50 miles" are compatible, and differ; "50 km" and "50 MW" are not
    comparable at all)."""
    return (
        a.kind == b.kind
        and (a.currency is None or b.currency is None or a.currency == b.currency)
        and (a.unit is None or b.unit is None or dimension(a.unit) == dimension(b.unit))
        and not (a.currency and b.unit) and not (a.unit and b.currency)  # money is no length
        and bool(a.offsets) == bool(b.offsets)  # a time in a known zone, and one in none
    )


def _instants(f: Figure) -> frozenset[float]:
    """The instants a time with offsets may be, in minutes past 0:00 UTC: in the half of the
    day its text says ("04:17 GMT" is not "16h17 GMT"), in either where it says none ("4:17
    GMT" in English, which may be either)."""
    said = f.day_minutes or (f.value % 720, f.value % 720 + 720)
    return frozenset((t - o) % 1440 for t in said for o in f.offsets)


def in_unit_of(a: Figure, b: Figure) -> float:
    """`b`'s value in `a`'s unit (as written when either states none or they are one unit);
    of a bare point's readings (`point_readings`), the nearest to `a`'s value: "25 points"
    beside "a quarter point" is 0.25, beside "a half point" 0.25 too (their conflict)."""
    if a.unit is None or b.unit is None or a.unit == b.unit:
        return b.value
    found = [v for source in point_readings(b.unit) for target in point_readings(a.unit)
             if (v := convert(b.value, source, target)) is not None]
    return min(found, key=lambda v: _gap(a.value, v), default=b.value)


def _gap(x: float, y: float) -> float:
    """How far apart two values are in orders of magnitude (by difference where one is not
    positive)."""
    return abs(math.log10(x) - math.log10(y)) if x > 0 and y > 0 else abs(x - y)


def converts(a: Figure, b: Figure) -> bool:
    """Whether `a` is `b` converted to another unit and written as precisely as `a` is:
    5 miles is 8.05 km, "8 km" to one significant digit; 10 inches is 25.4 cm, "25 cm" to
    two. A converted figure is rounded by whoever converts it, so `a`'s own precision is the
    tolerance (and "about" allows the 10% any rounding may take)."""
    if a.unit is None or b.unit is None or a.kind != b.kind:
        return False
    if GENERIC_DEGREE in (a.unit, b.unit):
        return dimension(a.unit) == dimension(b.unit) and (_one_rendering(a, b) or any(
            abs(exact - a.value) < DEGREE_SLACK for exact in _other_scale(b.value, b.unit, a.unit)))
    if GENERIC_POINT in (a.unit, b.unit):
        return _point_reading(a, b) is not None
    if a.unit == b.unit:
        return False
    exact = convert(b.value, b.unit, a.unit)
    return exact is not None and _written_as(a, exact)


def _point_reading(a: Figure, b: Figure) -> tuple[str, str, float] | None:
    """(a's unit, b's unit, b's value in a's unit) read so that `a` is `b` converted, where
    one is a bare point (`crossfact.units.point_readings`: a percentage or a basis point):
    "25 পয়েন্ট" is "a quarter of a percentage point" read in basis points. Two bare points
    are one figure only where they are `_equal` (nothing says which of them converts); None
    when no reading makes them one figure."""
    if a.unit == b.unit:
        return None
    for source in point_readings(b.unit or ""):
        for target in point_readings(a.unit or ""):
            exact = convert(b.value, source, target)
            if exact is not None and _written_as(a, exact):
                return target, source, exact
    return None


def _one_rendering(a: Figure, b: Figure) -> bool:
    """Two temperatures of no scale that may be one conversion written two ways: each is
    within DEGREE_SLACK of the exact value, so they are less than twice that apart (80 °F,
    26.7 °C, is "26" in NTREX's French and "27" in its Hebrew)."""
    return a.unit == b.unit == GENERIC_DEGREE and abs(a.value - b.value) < 2 * DEGREE_SLACK


def _other_scale(value: float, unit: str, to: str) -> list[float]:
    """`value` degrees in the other scale, where either side does not say its scale ("80
    degrees" in a US report is "26 degrés" in its French translation): as a temperature, and
    as a difference of temperatures ("10 degrees above average" is "5 מעלות": 10 °F is a
    difference of 5.6 °C)."""
    out = []
    for source in TEMPERATURE_SCALES.values() if unit == GENERIC_DEGREE else (unit,):
        for target in TEMPERATURE_SCALES.values() if to == GENERIC_DEGREE else (to,):
            level, zero = convert(value, source, target), convert(0.0, source, target)
            if source != target and level is not None and zero is not None:
                out += [level, level - zero]
    return out


def _written_as(a: Figure, exact: float) -> bool:
    """Whether `a` is `exact` written to `a`'s own precision (or within ROUGH when `a` says
    "about")."""
    digits = significant_digits(a.value)
    rounded = float(f"{exact:.{digits}g}")
    tolerance = ROUGH if a.rough else CONVERTED
    return abs(rounded - a.value) <= EXACT * max(abs(a.value), 1e-9) or \
        abs(exact - a.value) <= tolerance * max(abs(exact), abs(a.value))


def significant_digits(value: float) -> int:
    """How precisely a figure is written: 800 has one significant digit, 801 three."""
    digits = f"{abs(value):.12g}".split("e")[0].replace(".", "").strip("0")
    return max(1, len(digits))


def _rounds(rough: Figure, other: Figure) -> bool:
    """Whether `rough` may be `other` rounded: it is marked approximate (or in a headline),
    written less precisely, as people round (three significant digits at most), and within
    10%. "about 300" may be 301; 301 is not 300, and 26,750 is not 26,751."""
    if not rough.rough:
        return False
    digits = significant_digits(rough.value)
    return digits <= ROUNDED_DIGITS \
        and digits < significant_digits(other.value) \
        and abs(rough.value - other.value) <= ROUGH * max(abs(rough.value), abs(other.value))


def _equal(a: Figure, b: Figure) -> bool:
    """The same value in the same unit (a converted figure is `same`, never equal); times
    with offsets: one instant."""
    if a.offsets or b.offsets:
        return not _instants(a).isdisjoint(_instants(b))
    if a.unit and b.unit and a.unit != b.unit:
        return False
    return abs(a.value - b.value) <= EXACT * max(abs(a.value), abs(b.value), 1e-9)


def same(a: Figure, b: Figure) -> bool:
    """One figure, however written: the same value, a rounding marked as such, or a
    conversion to another unit written to its own precision."""
    if not _compatible(a, b):
        return False
    if a.kind in CALENDAR:
        return _equal(a, b) if a.offsets else a.value == b.value
    return _equal(a, b) or _rounds(a, b) or _rounds(b, a) or converts(a, b) or converts(b, a)


def _label_list(docs: Sequence[str], labels: Mapping[str, str]) -> str:
    return ", ".join(labels[d] for d in docs)


def _missing(per_doc: Mapping[str, object], labels: Mapping[str, str], n_versions: int
             ) -> list[str]:
    """"missing in bn, he": the versions without a claim in this match, by label (a count
    for versions `labels` does not name, as when a caller labels only the members)."""
    absent = [label for d, label in labels.items() if d not in per_doc]
    unnamed = n_versions - len(per_doc) - len(absent)
    if unnamed > 0:
        absent.append(f"{unnamed} other version{'s' * (unnamed != 1)}")
    return [f"missing in {', '.join(absent)}"] if absent else []


Backers = Callable[[Figure], frozenset[str]]  # the versions that state a figure


def _odd_ones(
    per_doc: dict[str, list[Figure]], d: str, camps: Backers | None = None
) -> list[tuple[Figure, list[tuple[str, Figure]], bool]]:
    """The figures of version `d` that the others do not back, each with its rivals (the
    figures of other versions that `d` says instead) and whether it is a camp's.

    A figure is odd when no other version has it; when `d` says it more often than any
    other ("1-1" where the others say "1-0": the rivals are the figures `d` says less
    often); when two other versions state a figure near it exactly and none states it
    (301 where the others say 300: only a less precise "about 300" is a rounding); or,
    with `camps` (the backers of each figure, between outlets), when its versions are the
    smaller camp (`_other_camp`).
    """
    def count(x: str, f: Figure) -> int:
        """How often version `x` states `f`; a time it tells in two zones once ("04h17
        locales (01h17 GMT)" is one time, not twice the time of a version giving 04:17)."""
        n = sum(same(f, g) and not (f.offsets and g.zone) for g in per_doc[x])
        return n or int(bool(f.offsets) and any(same(f, g) for g in per_doc[x]))

    def stated(f: Figure, versions: list[str], enough: int) -> int:
        """How many of `versions` state `f` exactly, counted up to `enough` only: each use
        asks whether there are that many, and most figures are stated by the first version
        looked at (part B's edit story: 27,743 exact comparisons here -> 6,762)."""
        n = 0
        for e in versions:
            if any(_equal(f, g) for g in per_doc[e] if _compatible(f, g)):
                n += 1
                if n >= enough:
                    break
        return n

    def outnumbered(f: Figure) -> bool:
        """Whether some other version says `f` as often as `d` does (no other version:
        whether `d` never does), stopping at the first that does: `count(d, f)` against the
        most of any other, without counting every other (part B's edit story: 56,463 calls
        of `same` in counts -> 21,583)."""
        mine = count(d, f)
        return mine <= 0 or any(count(e, f) >= mine for e in others)

    others = [e for e in per_doc if e != d]
    out = []
    seen: list[Figure] = []
    for f in per_doc[d]:
        if f.worded or any(_equal(f, g) and f.kind == g.kind for g in seen):
            continue
        seen.append(f)
        near = [] if stated(f, others, 1) else [
            (e, g) for e in others for g in per_doc[e]
            if _compatible(f, g) and not same(f, g) and _near(f, g)
            and stated(g, others, 2) >= 2 and not g.worded
        ]
        if not near and outnumbered(f):
            if camps and (camp := _other_camp(per_doc, f, camps)):
                out.append((f, camp, True))
            continue
        rivals = near or [
            (e, g) for e in others for g in per_doc[e]
            if _compatible(f, g) and _comparable(f, g) and not _equal(f, g)
            and count(d, g) < count(e, g) and not g.worded
        ]
        if rivals:
            out.append((f, rivals, False))
    return out


def backers_of(per_doc: dict[str, list[Figure]]) -> Backers:
    """The versions that state a figure, worked out once per figure (camps weigh every
    figure against every other: a table of results would otherwise cost the cube)."""
    @cache
    def backers(f: Figure) -> frozenset[str]:
        return frozenset(e for e, figs in per_doc.items() if any(same(f, h) for h in figs))
    return backers


def _states_both(figs: Sequence[Figure], f: Figure, g: Figure) -> bool:
    """Whether a version's figures give `f` and `g` as two figures (AFAD's 7.4 and USGS's
    7.8), not one rounded figure that may be either ("quelque 10.000" beside "more than 10
    thousand" and 10,100): such a version backs neither camp against the other."""
    return any(same(f, h) and not same(g, h) for h in figs) and \
        any(same(g, h) and not same(f, h) for h in figs)


def _other_camp(per_doc: dict[str, list[Figure]], f: Figure, backers: Backers,
                ) -> list[tuple[str, Figure]]:
    """The figures that more versions (two at least) state instead of `f`, not counting
    versions that state both: 296 dead in three outlets, 632 in three others (a fact told
    at two hours) are two camps, neither odd by the count of versions, and a conflict all
    the same; the smaller camp differs (when even, the first version's camp: the reason
    names both, "296 (en, fr, he) vs 632 (ar, bn, tr)"). An outlet that gives both (AFAD's
    7.4 and USGS's 7.8) is in both camps and sets neither apart: "7,4 (ar, tr) vs 7.8 (ar,
    bn, en, fr, he)" differs in tr; but where as many versions give both as give only the
    smaller camp's, the two are two facts, not two reports of one (a final's 3-3 at full
    time and 4-2 on penalties, both in two outlets). Only between outlets: translations
    share one source, and two of them that misread one number alike (a compound number
    word) are no camp."""
    mine = backers(f)
    first = next(iter(per_doc))
    out = []
    for e, figs in per_doc.items():
        if e in mine:
            continue
        for g in figs:
            if g.worded or not (_compatible(f, g) and _comparable(f, g)) or same(f, g):
                continue
            theirs = backers(g)
            own, other = len(mine - theirs), len(theirs - mine)
            both = sum(_states_both(per_doc[x], f, g) for x in mine & theirs)
            if own and both <= own and other >= 2 and (
                    other > own or other == own and first in mine):
                out.append((e, g))
    return out


def _near(a: Figure, b: Figure) -> bool:
    """Within 10%, for figures compared by magnitude (calendar ones are exact)."""
    other = in_unit_of(a, b)
    return a.kind not in CALENDAR and abs(a.value - other) <= ROUGH * max(abs(a.value), abs(other))


def _agreements(per_doc: dict[str, list[Figure]], labels: Mapping[str, str]) -> list[str]:
    """"50.000 (tr) = 50,000 (bn)": each figure two versions or more state, once; a time
    with offsets once per instant, said in two zones where a line does ("00:03 GMT (en) =
    9:03 (he), the same instant at UTC+9", not that and "9:03 (en) = 9:03 (he)" too)."""
    lines: list[str] = []
    reported: set[tuple[str, float, tuple[int, ...], tuple[int, ...]]] = set()
    instants: list[tuple[str, frozenset[float], int, int]] = []  # kind, them, line, zones
    for d, figs in per_doc.items():
        for f in figs:
            key = (f.kind, round(f.value, 6), f.offsets, f.day_minutes)
            # told once: its backers need no second look (part B's edit story: 45,817 calls
            # of `same` for backers -> 9,712)
            if key in reported:
                continue
            backers = [e for e in per_doc if any(same(f, g) for g in per_doc[e])]
            if len(backers) > 1:
                reported.add(key)
                shown = _as_said(per_doc, f, d, backers)
                if f.kind == "month" and any(_day_of(g, per_doc[e]) for e, g in shown.items()):
                    continue  # a full date's month: its day says it ("6 Kasım (tr) = 5
                    # בנובמבר (he)" read as agreeing where the days conflict)
                line = _agreement(shown, labels)
                if line in lines:
                    continue
                if not f.offsets:
                    lines.append(line)
                    continue
                # one said in two zones or more tells more than one said in one ("9:03 (en)
                # = 9:03 (he)"), and the first of those is kept
                zones = min(2, len({(g.value, g.offsets) for g in shown.values()}))
                mine = _instants(f)  # one instant: a time whose half of the day is open
                # ("সাতটায়") may be it too
                at = next((i for i, (kind, them, _, _) in enumerate(instants)
                           if kind == f.kind and not them.isdisjoint(mine)), None)
                if at is None:
                    instants.append((f.kind, mine, len(lines), zones))
                    lines.append(line)
                elif zones > instants[at][3]:
                    lines[instants[at][2]] = line
                    instants[at] = (f.kind, instants[at][1], instants[at][2], zones)
    return lines


def _as_said(per_doc: Mapping[str, Sequence[Figure]], f: Figure, owner: str,
             docs: Iterable[str]) -> dict[str, Figure]:
    """Each of `docs` with its own figure that is `f` (`owner`'s): a time as its version
    says it in its zone ("00:03 GMT (en) = 9:03 (he)"), where the version's first figure of
    that instant may be its local time."""
    return {e: f if e == owner and f.offsets else next(
        (g for g in per_doc[e] if same(f, g)), f) for e in docs}


def _camp(per_doc: Mapping[str, Sequence[Figure]], f: Figure, owner: str,
          docs: Sequence[str], labels: Mapping[str, str]) -> str:
    """A side of a conflict: "20:00 (en, he)"; a time its versions say in different zones,
    each as its version writes it, as in agreements: "11:00 GMT (en) = 20h00 (fr, he)"."""
    if not f.offsets:
        return f"{f.text} ({_label_list(docs, labels)})"
    said: dict[str, list[str]] = {}
    for e, g in _as_said(per_doc, f, owner, docs).items():
        said.setdefault(g.text, []).append(e)
    return " = ".join(f"{text} ({_label_list(xs, labels)})" for text, xs in said.items())


def _day_of(month: Figure, figs: Sequence[Figure]) -> bool:
    """Whether the date this month figure comes from has a day too (`figures`)."""
    return any(g.kind == "day" and g.text == month.text for g in figs)


def _agreement(shown: Mapping[str, Figure], labels: Mapping[str, str]) -> str:
    """"50.000 (tr) = 50,000 (bn)"; where units differ, "≈" and the conversion that makes
    them one figure: "5 miles (en) ≈ 8 km (fr): 5 mi = 8.05 km"."""
    figs = list(shown.values())
    said = [f"{g.text} ({labels[e]})" for e, g in shown.items()]
    equal, approx = " = ".join(said), " ≈ ".join(said)
    first = figs[0]
    if first.offsets and len({(g.value, g.zone) for g in figs}) > 1:
        # times said in two zones: "00:03 GMT (en) = 9:03 (he), the same instant at UTC+9"
        local = next((g.offsets[0] for g in figs if g.zone is None and len(g.offsets) == 1),
                     None)
        return f"{equal}, the same instant" + (f" at {utc_label(local)}" if local else "")
    if first.unit == GENERIC_DEGREE and (
            other := next((g for g in figs if not _equal(first, g)), None)) is not None:
        return f"{approx}: {_degrees(first, other)}"
    named = [g for g in figs if g.unit not in (None, GENERIC_POINT)]
    # two units that convert: a bare figure is backed by figures of two dimensions ("800"
    # beside "800 km/sa" and "৮০০ কিলোমিটার", NTREX), which no conversion joins
    pair = next(((a, b) for a in named for b in named if a.unit != b.unit
                 and convert(a.value, a.unit or "", b.unit or "") is not None), None)
    if pair is not None:  # two units that say their kind: their conversion, not a bare
        first, other = pair  # point's reading ("25 basis points = 25 basis points")
    else:
        other = next((g for g in figs if g.unit and first.unit and g.unit != first.unit), None)
    if other is None or first.unit is None or other.unit is None:
        # one figure by a rounding only ("killed 76" beside a headline's "80"): said so
        return f"{approx}, rounded" if any(not _equal(first, g) for g in figs) else equal
    if pair is None and GENERIC_POINT in (first.unit, other.unit):
        # the reading that makes them one: "25 পয়েন্ট (bn) ≈ un quart de point (fr): 25
        # basis points = 0.25 percentage points"
        for x, y in ((other, first), (first, other)):
            if (read := _point_reading(x, y)) is None:
                continue
            target, source, value = read
            if source == target:  # the bare point read in the other's unit: say so
                bare = x if x.unit == GENERIC_POINT else y
                return f"{approx}: {bare.text} read as {value:.3g} {short_name(target)}"
            return f"{approx}: {y.value:g} {short_name(source)} = {value:.3g} {short_name(target)}"
        return equal  # a rounding
    exact = convert(first.value, first.unit, other.unit)
    if exact is None:  # of two dimensions, each beside a bare figure: said, not converted
        return equal
    return (f"{approx}: {first.value:g} {short_name(first.unit)} = "
            f"{exact:.3g} {short_name(other.unit)}")


def _degrees(a: Figure, b: Figure) -> str:
    """How two temperatures that do not say their scale are one: "80 °F = 26.7 °C", or a
    difference, "10 °F = a difference of 5.56 °C"."""
    high, low = max(a.value, b.value), min(a.value, b.value)
    if _one_rendering(a, b):
        return f"{low:g}° and {high:g}°: one conversion, rounded and cut"
    fahrenheit, celsius = TEMPERATURE_SCALES["F"], TEMPERATURE_SCALES["C"]
    level = convert(high, fahrenheit, celsius) or 0.0
    if abs(level - low) < DEGREE_SLACK:
        return f"{high:g} °F = {level:.3g} °C"
    step = level - (convert(0.0, fahrenheit, celsius) or 0.0)
    return f"{high:g} °F = a difference of {step:.3g} °C"


def _figure_conflicts(
    per_doc: dict[str, list[Figure]], labels: Mapping[str, str], camps: bool = False
) -> tuple[list[str], set[str]]:
    """(conflict reasons, outlier docs): each odd figure against its best-backed rival; a
    camp's figure once, with all its versions ("296 (en, fr, he) vs 632 (ar, bn, tr)")."""
    def backing(d: str, g: Figure) -> list[str]:
        return [e for e in per_doc if e != d and any(same(g, h) for h in per_doc[e])]

    def rank(d: str, f: Figure, rival: tuple[str, Figure]) -> tuple[int, float]:
        return -len(backing(d, rival[1])), _distance(f, rival[1])

    conflicts: list[str] = []
    outliers: set[str] = set()
    pairs: set[frozenset[object]] = set()
    backers = backers_of(per_doc) if camps else None
    for d in per_doc:
        for f, rivals, camp in _odd_ones(per_doc, d, backers):
            e, g = min(rivals, key=partial(rank, d, f))
            if camp and backers:  # every version of each camp, one stating both in both
                mine, theirs = ([x for x in per_doc if x in backers(a) and (
                    x not in backers(b) or _states_both(per_doc[x], f, g))]
                    for a, b in ((f, g), (g, f)))
                # once per pair of camps: "300" and "296" of one camp are one reason
                pair: frozenset[object] = frozenset((frozenset(mine), frozenset(theirs)))
            else:
                mine, theirs = [d], backing(d, g)
                pair = frozenset({(d, f.kind, f.value), (e, g.kind, g.value)})
            if pair not in pairs:
                pairs.add(pair)
                conflicts.append(f"{_camp(per_doc, f, d, mine, labels)} vs "
                                 f"{_camp(per_doc, g, e, theirs, labels)}")
                outliers.update(x for x in mine if x not in theirs)
    return conflicts, outliers


def _comparable(a: Figure, b: Figure) -> bool:
    """Figures a translation could have swapped, or two outlets may state of one fact: same
    kind, within two orders of magnitude (in one unit), or the same number in two units of
    one dimension ("50 km", "50 miles"); and between outlets of one fact, or both of none
    said (a toll is no magnitude's rival, nor a figure nothing types: on fixtures/news,
    development, that took 3 agreeing pairs out of conflicts and lost none of the 112
    differing ones; equal figures back each other whatever the words around them)."""
    if a.fact is not None and b.fact is not None and a.fact != b.fact:
        return False
    if a.kind in CALENDAR:
        return True
    other = in_unit_of(a, b)
    if a.value <= 0 or other <= 0:  # a score's 0 ("1-0" / "1-1") against a small count
        return max(abs(a.value), abs(other)) <= 100
    return abs(math.log10(a.value) - math.log10(other)) <= 2 or a.value == b.value


def _distance(a: Figure, b: Figure) -> float:
    return _gap(a.value, in_unit_of(a, b))


def _is_entity(word: str) -> bool:
    """A proper name worth a conflict: three letters or more, or an acronym (IBM against AMD
    is a conflict; AI against IA is one name, as `skeletons` keys acronyms by their letters)."""
    return len(word) >= 3 or _acronym(word)


def _acronym(word: str) -> bool:
    return ACRONYM.fullmatch(word) is not None


def _brand(word: str) -> bool:
    """Written like a brand or model name (xAI, OpenAI, iPhone): kept as is in translation."""
    return any(ch.isupper() for ch in word[1:]) or any(ch.isdigit() for ch in word)


def _names(claims: Sequence[Claim]) -> list[tuple[str, frozenset[str], float]]:
    """(name as written, its skeletons, relative position) in one version's claims."""
    text = " ".join(compared(c.text) for c in claims)
    out = []
    for c in claims:
        # the words of a country's or language's name of several ("Royaume-Uni", "Amerika
        # Birleşik Devletleri") are that name, not names of their own ("Uni" against "Ukip")
        parts = {w for n in c.fingerprint.names if n.skeleton.startswith(("=T:", "=L:"))
                 for w in WORD.findall(n.text) if w != n.text}
        for name in c.fingerprint.names:
            if name.text in parts:
                continue
            pos = text.find(name.text) / max(1, len(text))
            out.append((name.text, name_keys(name), pos))
    return out


@lru_cache(maxsize=65_536)
def _word_skeletons(text: str) -> tuple[frozenset[str], tuple[str, ...]]:
    """Every skeleton of every word of a claim, and the long ones for fuzzy lookups."""
    found = frozenset().union(*map(skeletons, WORD.findall(text)))
    return found, tuple(sk for sk in found if len(sk) >= 4)


# every skeleton the words and names of one version's claims could be, and the words' long
# ones for fuzzy lookups (`_spoken`)
Spoken = tuple[frozenset[str], tuple[str, ...]]


def _spoken(claims: Sequence[Claim]) -> Spoken:
    """What `_mentions` and `_mentions_stem` look names up in, for one version's claims:
    gathered once per match, where each of the other versions' names would walk the claims
    again."""
    exact: list[frozenset[str]] = []
    long: list[str] = []
    for c in claims:
        words, longer = _word_skeletons(compared(c.text))
        exact += [words, *map(name_keys, c.fingerprint.names)]
        long += longer
    return frozenset().union(*exact), tuple(long)


def _mentions(spoken: Spoken, sks: frozenset[str]) -> bool:
    """Whether any word of these claims could be this name, in any script or spelling."""
    exact, long = spoken
    return bool(sks & exact) or bool(long) and any(
        len(t) >= 4 and process.extractOne(t, long, scorer=fuzz.ratio, score_cutoff=75)
        for t in sks)


# Languages that glue case endings onto a word, with the consonant a stem's last one turns
# into before them: Turkish "Almanak" is "Almanağımızdan" (from our almanac), "kitap"
# "kitabı"; a name's own endings follow an apostrophe ("Geiger'in"), but a capitalised common
# noun of a title takes them glued.
_SUFFIXING = {"tr"}
_SOFTENED = {"k": "g", "p": "b", "t": "d"}  # ç to c: one consonant in a skeleton
_STEM = 4  # consonants of the shortest stem trusted (shorter ones begin too many words)


def _mentions_stem(spoken: Spoken, sks: frozenset[str]) -> bool:
    """Whether a word of these claims is the stem of this inflected name: its skeleton begins
    the name's, the last consonant perhaps softened ("lmnk" Almanac, "lmngmstn")."""
    stems = {t[:n] for t in sks for n in range(_STEM, len(t))}
    # a word ending in a hard consonant whose softened form is such a stem
    stems |= {s[:-1] + hard for s in stems for hard, soft in _SOFTENED.items() if s[-1] == soft}
    return not stems.isdisjoint(spoken[1])


def _common_word(text: str, keys: frozenset[str], lang: str) -> bool:
    """A capitalised common word of `lang`, unless CLDR names a country or language so; or
    a day or month name, which every translation writes in its own words ("Sunday" /
    "Pazar", "September" / "Eylül") and dates already compare."""
    return not any(k.startswith(("=T:", "=L:")) for k in keys) and (
        fold(text) in calendar_words(lang) or is_ordinary_word(text, lang))


@cache
def calendar_words(lang: str) -> frozenset[str]:
    """CLDR's day and month names in `lang`, folded; written out only ("Sun" is also a
    newspaper)."""
    locale = babel_locale(lang)
    names = [*get_day_names("wide", locale=locale).values(),
             *get_month_names("wide", locale=locale).values(),
             *get_month_names("wide", context="stand-alone", locale=locale).values()]
    return frozenset(fold(n) for n in names)


def prepare(langs: Iterable[str]) -> None:
    """Read what name conflicts look up for versions in these languages (wordfreq's word
    lists, `vocabulary.load`, and CLDR's day and month names) in this process, ahead of
    forking the workers that suggest: each would otherwise read them for itself (CLDR's
    names of 6 languages took about 0.05 s a worker on 6 x 1,997 NTREX lines)."""
    langs = sorted(set(langs))
    vocabulary.load(langs)
    for lang in langs:
        calendar_words(lang)


def _name_conflicts(
    per_doc: dict[str, list[Claim]], labels: Mapping[str, str]
) -> tuple[list[str], set[str]]:
    """A name only one version has, where all the others name someone it never mentions.

    A capitalised common word of its language (`is_ordinary_word`: Turkish "Sokağı" in a
    street's name, where English has "Street"; "Pekin" for Beijing) is no such name, on
    either side.
    Needs three versions or more: with two, a name one of them leaves out is a rewrite.
    The rival is the other versions' name nearest in position (the same role, most likely).
    """
    if len(per_doc) < 3:
        return [], set()
    names = {d: _names(cs) for d, cs in per_doc.items()}
    named = {d: frozenset().union(*(sks for _, sks, _ in mine)) for d, mine in names.items()}
    spoken: dict[str, Spoken] = {}  # each version's, gathered when first asked

    def heard(e: str) -> Spoken:
        found = spoken.get(e)
        if found is None:
            found = spoken[e] = _spoken(per_doc[e])
        return found

    # a label is the version's language, numbered when two versions share one ("tr2")
    lang_of = {d: labels[d].rstrip("0123456789") for d in per_doc}
    rivalling: dict[str, list[tuple[str, frozenset[str], float]]] = {}

    def may_rival(e: str) -> list[tuple[str, frozenset[str], float]]:
        """The names of version `e` that may be a rival: entities and no common words of its
        language, which holds whichever version they are set against, so it is worked out
        once per match, not once per version with an unshared name (part B's edit story:
        20,541 tests of a common word here -> 16,965)."""
        found = rivalling.get(e)
        if found is None:
            found = rivalling[e] = [
                (text, sks, pos) for text, sks, pos in names[e]
                if _is_entity(text) and not _common_word(text, sks, lang_of[e])]
        return found

    reasons: list[str] = []
    outliers: set[str] = set()
    for d, mine in names.items():
        others = [e for e in names if e != d]
        named_elsewhere = frozenset().union(*(named[e] for e in others))
        unshared = [
            n for n in mine
            if not n[1] & named_elsewhere  # cheap test first
            if n[0][:1].isupper() or any(map(str.isupper, n[0][1:]))
            # a common word before the others' words, which it needs none of gathered (part
            # B's edit story: 7,419 versions' words gathered -> 5,647)
            if _is_entity(n[0]) and not _common_word(n[0], n[1], lang_of[d])
            and not any(_mentions(heard(e), n[1]) for e in others)
            and not (lang_of[d] in _SUFFIXING and any(
                _mentions_stem(heard(e), n[1]) for e in others))
        ]
        if not unshared:
            continue
        rivals: dict[str, tuple[str, list[str], list[float]]] = {}
        as_written: dict[str, set[str]] = {}  # rival -> versions writing it in Latin letters
        for e in others:
            for text, sks, pos in may_rival(e):
                if _mentions(heard(d), sks):
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
            # an acronym is set against an acronym only (IBM against AMD): against a name
            # written out it may be that name's initials in the version's own language
            # (Turkish "AB", Avrupa Birliği, where the others write the name)
            near = [r for r in pool if abs(sum(r[2]) / len(r[2]) - pos) <= SAME_ROLE
                    and _acronym(r[0]) == _acronym(text)
                    and not (_acronym(text) and _own_initials(lang_of[d], r[1], lang_of))]
            if near:
                rival, where, _ = min(near, key=lambda r: abs(sum(r[2]) / len(r[2]) - pos))
                reasons.append(f"{text} ({labels[d]}) vs {rival} ({_label_list(where, labels)})")
                outliers.add(d)
                break
    return reasons, outliers


def _own_initials(lang: str, rival_versions: list[str], lang_of: Mapping[str, str]) -> bool:
    """Whether an acronym in a `lang` version may be its own initials for the rival one: a
    language in Latin script writes its own ("HE", heure de l'Est, for "ET"; "RCTP" for
    "PSTN"), unless two other Latin-script versions keep the rival as written (IBM against
    AMD). Versions in other scripts copy a Latin acronym whatever it stands for, so they do
    not count."""
    return writes_latin(lang) and sum(writes_latin(lang_of[e]) for e in rival_versions) < 2


def suggest(members: Sequence[Claim], labels: Mapping[str, str], n_versions: int,
            focus: Focus | None = None, outlets: bool = False, facts: Facts | None = None,
            ) -> Verdict:
    """agree / conflict / unsourced for one match, with reasons naming versions and values.

    A member in `focus` (a claim the match shares with the match of another fact it states)
    is compared by the figures within its spans only, and not by its names: its other
    figures and names belong to its other facts. `outlets`: the match links versions that
    are not translations of each other, whose figures may split into camps; `facts`: what
    their figures state, compared only with figures of the same fact."""
    per_doc: dict[str, list[Claim]] = {}
    for c in members:
        per_doc.setdefault(c.doc, []).append(c)
    if len(per_doc) == 1:
        return Verdict("unsourced", [f"only in {_label_list(list(per_doc), labels)}"])
    figs = _units_from_others({d: figures(cs, focus, facts) for d, cs in per_doc.items()})
    figs, zoned_dates = _dates_of_one_instant(figs, labels)
    conflicts, outliers = _figure_conflicts(figs, labels, outlets)
    conflicts = list(dict.fromkeys(conflicts))  # a date's month and day differ: said once
    agreements = _agreements(figs, labels)
    own = {d: kept for d, cs in per_doc.items() if (kept := [c for c in cs
                                                             if c.id not in (focus or {})])}
    name_reasons, name_outliers = _name_conflicts(own, labels)
    conflicts += name_reasons
    outliers |= name_outliers
    tail = _missing(per_doc, labels, n_versions)
    only = list(dict.fromkeys(  # once: a date is a year, a month and a day figure
        f"only in {labels[d]}: {f.text}"
        for d, fs in figs.items()
        for f in fs
        if not any(same(f, g) for e in figs if e != d for g in figs[e])
        and not any(f.text in r for r in conflicts)
    ))
    if conflicts:
        ordered = sorted(outliers, key=list(per_doc).index)
        return Verdict("conflict", conflicts + agreements + zoned_dates + only + tail, ordered)
    return Verdict("agree", agreements + zoned_dates + only + tail)


def _dates_of_one_instant(per_doc: dict[str, list[Figure]], labels: Mapping[str, str]
                          ) -> tuple[dict[str, list[Figure]], list[str]]:
    """The figures without the full dates that versions give beside one instant said in
    different zones, where those dates differ by a day, and a reason that says so: "23:30
    GMT on 5 March" is "00h30 heure de Paris le 6 mars", and the two dates, each its own
    zone's, are no conflict. Which date is whose time's is not read (a sentence may give
    several), so they are left for a person to check, not compared in one zone. A version
    outside the instant's that gives a date is one more zone's: its dates that are one of
    their days are left with them, its others compared ("2 Mart" before the quake); where
    none is, every date is compared ("9 Mart 2023" beside them)."""
    timed = {d: [f for f in figs if f.kind == "time" and f.offsets] for d, figs in per_doc.items()}
    group = {d for d, fs in timed.items() for e, gs in timed.items() if e != d
             for f in fs for g in gs if set(f.offsets) != set(g.offsets) and same(f, g)}
    if len(group) < 2:
        return per_doc, []
    days = {d: _full_dates(per_doc[d]) for d in per_doc}
    said = {d: ds for d, ds in days.items() if ds and d in group}
    every = [day for ds in said.values() for day in ds.values()]
    if len(said) < 2 or all(_days_apart(a, b) == 0 for a in every for b in every) \
            or any(_days_apart(a, b) > 1 for a in every for b in every) \
            or any(all(any(_days_apart(a, b) == 0 for b in ds.values()) for ds in said.values())
                   for a in every):
        return per_doc, []
    outside = {d: {text: day for text, day in ds.items()
                   if any(_days_apart(day, a) == 0 for a in every)}
               for d, ds in days.items() if ds and d not in group}
    if not all(outside.values()):
        return per_doc, []
    said |= outside
    dated = ("year", "month", "day")
    out = {d: [f for f in figs if not (d in said and f.kind in dated and f.text in said[d])]
           for d, figs in per_doc.items()}
    shown = " and ".join(f"{text} ({labels[d]})" for d, ds in said.items() for text in ds)
    return out, [f"{shown}: the dates of one instant said in different zones, not compared"]


Day = tuple[int | None, int, int]  # a date's year (None: not said), month, day


def _full_dates(figs: Sequence[Figure]) -> dict[str, Day]:
    """The dates with a day that a version's figures give, by their text (`figures` makes a
    year, a month and a day figure of each), with their year where said ("le 6 mars" has
    none); an impossible one ("31 juin") left out."""
    parts: dict[str, dict[str, int]] = {}
    for f in figs:
        if f.kind in ("year", "month", "day"):
            parts.setdefault(f.text, {})[f.kind] = int(f.value)
    out: dict[str, Day] = {}
    for text, p in parts.items():
        if {"month", "day"} <= p.keys() and _day(p.get("year") or LEAP, p["month"], p["day"] % 100):
            out[text] = (p.get("year"), p["month"], p["day"] % 100)
    return out


# The leap year a date without one is counted in, so that "29 February" is a day
LEAP = 2024
_FAR = 10**6  # days apart of two dates that no year makes near


def _day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _days_apart(a: Day, b: Day) -> int:
    """How many days apart two dates are; where one has no year, the nearest its day may be
    in the year before, of or after the other's ("31 December" and "1 January 2024" are a
    day apart)."""
    fixed, free = (a, b) if a[0] else (b, a)
    year = fixed[0] or LEAP
    anchor = _day(year, fixed[1], fixed[2])
    if anchor is None:
        return _FAR
    if free[0] and fixed[0]:
        other = _day(free[0], free[1], free[2])
        return _FAR if other is None else abs((other - anchor).days)
    return min((abs((d - anchor).days) for k in (-1, 0, 1)
                if (d := _day(year + k, free[1], free[2])) is not None), default=_FAR)
