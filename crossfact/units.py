"""Units of measurement: their words in each language (CLDR through babel's public API) and
conversions between units of one dimension (pint).

A unit is named by its CLDR id ("length-mile", "power-megawatt"); the part before the first
hyphen is its dimension. "5 miles" (en) and "8 km" (fr) are one figure because 5 miles is
8.05 km, which written to one significant digit is 8; "50 km" and "50 miles" are two.

CLDR's conversion data (units.xml) is not exposed by babel, so the factors come from pint,
which keeps the same definitions (NIST/BIPM), computed once into unit_conversions.json:
matching never loads pint, which with numpy costs about 0.5 s a process.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from itertools import product
from pathlib import Path
from typing import Any, cast

import regex
from babel import Locale, UnknownLocaleError
from babel.numbers import format_decimal
from babel.units import UnknownUnitError, format_unit

from crossfact.locales import (
    NBSPACES,
    WORD_CHAR,
    alternation,
    babel_locale,
    fold,
    percent_words,
    plural_samples,
    same_length_clean,
    scale_words,
)

# The CLDR units news reports figures in, each with its pint name (CLDR's own ids, read as
# pint expressions, except where pint spells a unit otherwise).
UNITS: dict[str, str] = {
    "length-kilometer": "kilometer", "length-meter": "meter", "length-centimeter": "centimeter",
    "length-millimeter": "millimeter", "length-mile": "mile", "length-yard": "yard",
    "length-foot": "foot", "length-inch": "inch", "length-nautical-mile": "nautical_mile",
    "mass-tonne": "metric_ton", "mass-ton": "short_ton", "mass-kilogram": "kilogram",
    "mass-gram": "gram", "mass-pound": "pound", "mass-ounce": "ounce",
    "area-square-kilometer": "kilometer**2", "area-square-meter": "meter**2",
    "area-square-mile": "mile**2", "area-hectare": "hectare", "area-acre": "acre",
    "area-dunam": "meter**2",
    "volume-liter": "liter", "volume-milliliter": "milliliter", "volume-cubic-meter": "meter**3",
    "volume-gallon": "gallon", "volume-barrel": "oil_barrel",
    "speed-kilometer-per-hour": "kilometer/hour", "speed-mile-per-hour": "mile/hour",
    "speed-meter-per-second": "meter/second", "speed-knot": "knot",
    "temperature-celsius": "degC", "temperature-fahrenheit": "degF",
    "power-gigawatt": "gigawatt", "power-megawatt": "megawatt", "power-kilowatt": "kilowatt",
    "power-watt": "watt", "power-horsepower": "horsepower",
    "energy-kilowatt-hour": "kilowatt_hour", "energy-kilocalorie": "kilocalorie",
    "energy-joule": "joule",
    "duration-century": "century", "duration-decade": "year", "duration-year": "year",
    "duration-month": "month", "duration-week": "week", "duration-day": "day",
    "duration-hour": "hour", "duration-minute": "minute", "duration-second": "second",
}
# A temperature that does not say its scale ("80 degrees" in a US report, "26 degrés" in its
# French translation): suggest reads it as either scale (crossfact.suggest.converts).
GENERIC_DEGREE = "temperature-generic"
# The two scales by the letter after a degree sign ("32 °C", "90(F)-degree")
TEMPERATURE_SCALES = {"C": "temperature-celsius", "F": "temperature-fahrenheit"}
# Not CLDR units, but what this beat counts: "100.000 GPU", "50 000 GPU" (a dimension alone).
_COUNTED = {"GPU": "count-gpu", "GPUs": "count-gpu"}
# Short forms that are also everyday words in running text: English "in" (inch) would read
# "5 in the morning" as five inches. One-letter forms ("m", "t", "l") are not unit words:
# folded, they collide with scale letters ("5M" = 5 million); `unit_symbols` reads them.
_AMBIGUOUS = {"en": {"in"}}  # keyed by `fold`
# Spellings CLDR lacks that news writes: Turkish "fut", the Turkish Language Association's
# (TDK) dictionary form of "foot", beside CLDR's "fit" ("6 fut 6 inç boyunda", NTREX);
# Bengali "শতাব্দী", the other word for century beside CLDR's শতক ("২১ শতাব্দীতে").
_EXTRA_WORDS = {"tr": {"fut": "length-foot"}, "bn": {"শতাব্দী": "duration-century"}}
_NUMBER = regex.compile(rf"[\p{{N}}.,٫٬\-−+\s{NBSPACES}]+")

# Changes of a rate, a poll share or an index in points: not CLDR units (CLDR has neither
# the percentage point nor the basis point), one dimension of their own, "points", apart from
# "percent": "4.25%" is a level, "a quarter point" a change. A basis point is a hundredth of
# a percentage point by definition (25 bp = 0.25 pp = a quarter point), so `convert` needs
# no pint for them. A bare "point" ("un quart de point", "25 পয়েন্ট", "260 points" of the
# Dow) does not say which: `point_readings` reads it as either, as a degree of no scale is
# read as either temperature.
PERCENTAGE_POINT = "points-percentage-point"
BASIS_POINT = "points-basis-point"
GENERIC_POINT = "points-generic"
# each point unit in percentage points
_IN_POINTS = {PERCENTAGE_POINT: 1.0, BASIS_POINT: 0.01}
# How a reason names them ("25 basis points = 0.25 percentage points").
_POINT_NAMES = {PERCENTAGE_POINT: "percentage points", BASIS_POINT: "basis points",
                GENERIC_POINT: "points"}
# Their words, folded, by language: the terms of Wiktionary's translation tables of
# "percentage point" and "basis point" as economic news writes them, with their plurals
# (Arabic's plural نقاط and dual نقطتين, Hebrew's construct נקודת before its noun), and the
# bare word for a point (Wiktionary's "point" in its sense of a unit of a score or an index).
# Read in fixtures/news/fed-rate-cut-2025 (development): "25 baz puan", "25 نقطة أساس",
# "ربع نقطة مئوية", "רבע נקודת אחוז", "un quart de point", "a quarter of a percentage point",
# "২৫ পয়েন্ট". A hyphen joins English compounds before a noun ("a 25-basis-point cut").
_POINT_WORDS: dict[str, dict[str, str]] = {
    "en": {"percentage point": PERCENTAGE_POINT, "percentage points": PERCENTAGE_POINT,
           "percentage-point": PERCENTAGE_POINT, "basis point": BASIS_POINT,
           "basis points": BASIS_POINT, "basis-point": BASIS_POINT, "bp": BASIS_POINT,
           "bps": BASIS_POINT, "point": GENERIC_POINT, "points": GENERIC_POINT},
    "fr": {"point de pourcentage": PERCENTAGE_POINT, "points de pourcentage": PERCENTAGE_POINT,
           "point de base": BASIS_POINT, "points de base": BASIS_POINT, "pb": BASIS_POINT,
           "point": GENERIC_POINT, "points": GENERIC_POINT},
    "tr": {"yüzde puan": PERCENTAGE_POINT, "baz puan": BASIS_POINT, "puan": GENERIC_POINT},
    "ar": {"نقطة مئوية": PERCENTAGE_POINT, "نقاط مئوية": PERCENTAGE_POINT,
           "نقطتين مئويتين": PERCENTAGE_POINT, "نقطة أساس": BASIS_POINT,
           "نقاط أساس": BASIS_POINT, "نقطة أساسية": BASIS_POINT, "نقاط أساسية": BASIS_POINT,
           "نقطتي أساس": BASIS_POINT, "نقطة": GENERIC_POINT, "نقاط": GENERIC_POINT,
           "نقطتين": GENERIC_POINT, "نقطتان": GENERIC_POINT},
    "he": {"נקודת אחוז": PERCENTAGE_POINT, "נקודות אחוז": PERCENTAGE_POINT,
           "נקודות האחוז": PERCENTAGE_POINT, "נקודת בסיס": BASIS_POINT,
           "נקודות בסיס": BASIS_POINT, "נקודה": GENERIC_POINT, "נקודות": GENERIC_POINT},
    "bn": {"শতাংশ পয়েন্ট": PERCENTAGE_POINT, "পার্সেন্টেজ পয়েন্ট": PERCENTAGE_POINT,
           "বেসিস পয়েন্ট": BASIS_POINT, "ভিত্তি পয়েন্ট": BASIS_POINT,
           "পয়েন্ট": GENERIC_POINT},
}


# What says that a bare point is a change of a rate, a poll share, an index or a percentage,
# said within POINT_REACH of it: without it, "3 points de passage" (crossing points), "خطة من
# 5 نقاط" (a 5-point plan), "5 نقاط تفتيش" (checkpoints) and a game's "30 points" count
# things, and read as points they stood as rate changes against other versions' figures.
# Word starts (endings and, in Arabic and Hebrew, proclitics allowed): the words of
# Wiktionary's translation tables of "interest rate", "rate", "opinion poll", "survey",
# "stock market index", "stock exchange", "share" (of stock), "inflation", "yield",
# "percentage" and "approval rating", as economic and election news writes them; beside them
# CLDR's percent words (`percent_words`) and signs. Read in fixtures/news/fed-rate-cut-2025
# (development): "নীতি সুদ হার ২৫ পয়েন্ট", "The Dow Jones Industrial Average rose 260 points".
_POINT_CONTEXT: dict[str, tuple[str, ...]] = {
    "en": ("rate", "interest", "poll", "survey", "index", "indexes", "indices", "stock",
           "shares", "yield", "inflation", "percentage", "rating"),
    "fr": ("taux", "intérêt", "sondage", "enquête", "indice", "bourse", "rendement",
           "inflation", "pourcentage", "popularité"),
    "tr": ("faiz", "oran", "anket", "endeks", "borsa", "hisse", "enflasyon", "getiri"),
    "ar": ("فائدة", "سعر", "أسعار", "معدل", "نسبة", "استطلاع", "مؤشر", "بورصة", "أسهم",
           "تضخم"),
    "he": ("ריבית", "סקר", "מדד", "בורסה", "מניות", "אינפלציה", "שיעור", "תשואה"),
    "bn": ("সুদ", "রেট", "জরিপ", "সমীক্ষা", "সূচক", "শেয়ার", "পুঁজিবাজার", "মূল্যস্ফীতি"),
}
# ... and the names of the indexes news quotes in points, as whole words (a word start,
# "dow", would take "down": "went down 30 points" in a game): the benchmark index of each
# market these languages' news reports from (BIST Istanbul, DSEX Dhaka, TASE's "ת"א 35" Tel
# Aviv, CAC Paris, and Sensex and Nifty, India's, which Bengali news quotes) and those of the
# largest markets world news quotes (Dow, Nasdaq, S&P, Nikkei, FTSE, DAX, Hang Seng), from
# Wikipedia's "List of stock market indices"; Latin names in every language, as news in any
# script writes them ("ডিএসইএক্স" too); "The Nikkei fell 300 points" says no "index".
_LATIN_INDEX_NAMES = ("Dow", "Nasdaq", "S&P", "Nikkei", "FTSE", "DAX", "Hang Seng", "CAC",
                      "BIST", "DSEX", "Sensex", "Nifty", "TASE")
_INDEX_NAMES: dict[str, tuple[str, ...]] = {
    "en": _LATIN_INDEX_NAMES, "fr": _LATIN_INDEX_NAMES, "tr": _LATIN_INDEX_NAMES,
    "ar": (*_LATIN_INDEX_NAMES, "داو", "ناسداك", "نيكاي", "نيكي", "فوتسي", "داكس", "هانغ سنغ"),
    "he": (*_LATIN_INDEX_NAMES, "דאו", "נאסד״ק", 'נאסד"ק', "ניקיי", "פוטסי", "דאקס",
           'ת"א', "ת״א"),
    "bn": (*_LATIN_INDEX_NAMES, "ডাও", "নাসডাক", "ডিএসইএক্স", "সেনসেক্স", "নিফটি", "নিক্কেই"),
}
# A poll's (or a race's) margin right before or after the figure: "leads Biden by 5 points",
# "devance Le Pen de 4 points", "4 points d'avance", "5 puan önde", "بفارق 5 نقاط", "ביתרון של
# 5 נקודות", "৫ পয়েন্টে এগিয়ে" (Bengali "ahead"): a gap between shares, points though no
# rate or poll word is near. A game's margin reads so too; its score ("scored 30 points")
# does not. The words election news writes for "leads", "ahead" and "margin", listed by
# hand (no corpus here has a poll margin to tune on); up to 40 characters (a name) between
# the verb and "by" or "de".
_MARGIN_BEFORE: dict[str, str] = {
    "en": r"\b(?:leads?|leading|led|ahead|trails?|trailing|trailed|behind)\b[^.;:!?]{0,40}?"
          r"\bby\s+$",
    "fr": r"\b(?:devance|devancent|devançait|devancerait|avance)\b[^.;:!?]{0,40}?"
          r"\bde\s+$",
    "ar": r"(?:بفارق|بتقدم)\s+$",
    "he": r"(?:ביתרון|בפער|יתרון|פער)\s+של\s+$",
}
_MARGIN_AFTER: dict[str, str] = {
    "fr": r"\s+d['’]avance", "tr": r"\s+(?:önde|farkla)",
    "bn": r"\s*(?:ব্যবধানে\s*)?এগি(?:\u09df|\u09af\u09bc)ে",  # "এগিয়ে", য় either way
}
# What Arabic and Hebrew glue before a word: "and", "so", "by", "to", "as", the article
_POINT_CLITICS = {"ar": "(?:[وف]?(?:[بلك]|لل)?(?:ال)?)", "he": "[ובלמהכש]{0,3}"}


@cache
def _point_context(lang: str) -> regex.Pattern[str]:
    """`_POINT_CONTEXT`'s and `_INDEX_NAMES`' words of `lang` and its percent words and
    signs, as one pattern."""
    lang = babel_locale(lang).language
    before, after, _ = percent_words(lang)
    clitics = _POINT_CLITICS.get(lang, "")
    # Latin index names capitalised as written, or all in capitals (a headline, "NIFTY 50"):
    # "a nifty 30 points" is a game's score
    latin = [v for n in _INDEX_NAMES.get(lang, ()) if n in _LATIN_INDEX_NAMES
             for v in (n, n.upper())]
    others = [n for n in _INDEX_NAMES.get(lang, ()) if n not in _LATIN_INDEX_NAMES]
    return regex.compile(
        rf"[%٪]|(?<!{WORD_CHAR}){clitics}(?:"
        rf"{alternation([*_POINT_CONTEXT.get(lang, ()), *before, *after])}"
        rf"|(?:(?-i:{alternation(latin)})|{alternation(others)})(?!{WORD_CHAR}))",
        regex.IGNORECASE)


POINT_REACH = 60  # characters either side of a bare point searched for `_POINT_CONTEXT`'s
# words: a clause, as facts.CUE_REACH ("The Dow Jones Industrial Average rose 260 points",
# "নীতি সুদ হার ২৫ পয়েন্ট", fixtures/news/fed-rate-cut-2025, development, are within it);
# a sentence's other clause ("5 checkpoints ..., and the Fed cut its rate") is not


@cache
def _margin(lang: str) -> tuple[regex.Pattern[str] | None, regex.Pattern[str] | None]:
    """`_MARGIN_BEFORE`'s and `_MARGIN_AFTER`'s patterns of `lang`."""
    lang = babel_locale(lang).language
    before, after = _MARGIN_BEFORE.get(lang), _MARGIN_AFTER.get(lang)
    return (regex.compile(before, regex.IGNORECASE) if before else None,
            regex.compile(after, regex.IGNORECASE) if after else None)


def points_of_a_rate(text: str, start: int, end: int, lang: str) -> bool:
    """Whether the words around the bare points (GENERIC_POINT) at text[start:end] say they
    are points of a rate, a poll share, an index or a percentage (`_POINT_CONTEXT`) or a
    margin (`_MARGIN_BEFORE`), not things counted."""
    before, after = _margin(lang)
    return _point_context(lang).search(text, max(0, start - POINT_REACH),
                                       end + POINT_REACH) is not None \
        or (before is not None and before.search(text[max(0, start - POINT_REACH):start])
            is not None) \
        or (after is not None and after.match(text, end) is not None)


def point_words(lang: str) -> dict[str, str]:
    """The words of a change in points (`_POINT_WORDS`) of `lang`, keyed by `fold`."""
    return {fold(w): u for w, u in _POINT_WORDS.get(babel_locale(lang).language, {}).items()}


def point_readings(unit: str) -> tuple[str, ...]:
    """The units a figure in `unit` may be in: a bare point either of the two, any other
    unit itself."""
    return (PERCENTAGE_POINT, BASIS_POINT) if unit == GENERIC_POINT else (unit,)


def dimension(unit: str) -> str:
    """"length" for "length-mile": units of one dimension convert into each other."""
    return unit.partition("-")[0]


def _spellings(locale: Locale) -> list[Locale]:
    """The locale and, where CLDR has one, its language's world variant: CLDR's "en" is US
    English ("kilometers"), its "en_001" the spelling of every other English-language outlet
    ("72 kilometres west of Marrakesh", fixtures/news, development)."""
    try:
        world = Locale.parse(f"{locale.language}_001")
    except (UnknownLocaleError, ValueError):
        return [locale]
    return [locale] if world == locale else [locale, world]


# What `unit_words`, `unit_symbols` and `degree_words` give for the six languages of
# `crossfact.number_words.LANGUAGES`, generated by `python -m crossfact.units`
# (tests/test_numbers.py checks it against babel): reading it costs about a millisecond,
# where formatting every unit in every plural form (about 3,500 calls to babel) took about
# 0.04 s in every process that reads figures in the six languages. Other languages are
# worked out from babel as they come.
UNIT_WORDS = Path(__file__).with_name("unit_words.json")


@cache
def _stored() -> dict[str, dict[str, Any]]:
    """UNIT_WORDS, read on first use: language -> "words", "symbols", "degrees"."""
    found: dict[str, dict[str, Any]] = json.loads(UNIT_WORDS.read_text(encoding="utf-8"))
    return found


def _stored_or(lang: str, part: str, work_out: Callable[[str], Any]) -> Any:
    """One of UNIT_WORDS' tables of `lang` ("words", "symbols", "degrees"), or, for a
    language it does not hold, the table worked out from babel."""
    stored = _stored().get(lang)
    return stored[part] if stored else work_out(lang)


@cache
def unit_words(lang: str) -> dict[str, str]:
    """Unit words and abbreviations keyed by `fold` -> CLDR unit id, from CLDR's unit patterns
    in every plural form ("mile", "miles"; "ميل", "ميلان", "أميال"), long and short."""
    return cast(dict[str, str], _stored_or(lang, "words", _unit_words))


def _unit_words(lang: str) -> dict[str, str]:
    """`unit_words`, worked out from babel."""
    locale = babel_locale(lang)
    table = {fold(w): u for w, u in _COUNTED.items()}
    # a scale's abbreviation wins: "tn" is a trillion in news far more often than a US ton
    skip = _AMBIGUOUS.get(locale.language, set()) | {fold(w) for w in scale_words(lang)[1]}
    numbers = {n: format_decimal(n, locale=locale) for n in plural_samples(lang)}
    for unit in UNITS:
        for length in ("long", "short"):
            for (n, number), spelling in product(numbers.items(), _spellings(locale)):
                try:
                    written = format_unit(n, unit, length=length, locale=spelling)
                except UnknownUnitError:  # a unit an older CLDR lacks
                    continue
                word = same_length_clean(written.replace(number, " ", 1))
                word = _NUMBER.sub(" ", word).strip() if number not in written else word.strip()
                if len(word) > 1 and fold(word) not in skip:
                    table[fold(word)] = unit
    table.update(_EXTRA_WORDS.get(locale.language, {}))
    table.update(point_words(lang))
    for word in _degree_words(lang):
        table.setdefault(word, GENERIC_DEGREE)
    return table


@cache
def unit_symbols(lang: str) -> dict[str, str]:
    """CLDR's one-letter Latin short forms -> unit id, as written ("m", "t", "L", "W"; fr
    "j", "h"): the French "1,98 m pour 98 kg". Matched in their own case only, so a scale
    letter ("5 M" = 5 million in fr, "5 K" in en) never reads as one; other scripts' single
    letters (Arabic "د" for minutes) are clitics and abbreviations of too many words."""
    return cast(dict[str, str], _stored_or(lang, "symbols", _unit_symbols))


def _unit_symbols(lang: str) -> dict[str, str]:
    """`unit_symbols`, worked out from babel."""
    locale = babel_locale(lang)
    scales = scale_words(lang)[1]
    table: dict[str, str] = {}
    # a century's one letter (English "c") is an abbreviation no report writes after a
    # figure, and the cent's letter ("50 c" is money, not 50 centuries)
    for unit in (u for u in UNITS if u != "duration-century"):
        for n in plural_samples(lang):
            try:
                written = format_unit(n, unit, length="short", locale=locale)
            except UnknownUnitError:
                continue
            symbol = same_length_clean(written.replace(format_decimal(n, locale=locale), " ",
                                                      1)).strip()
            if len(symbol) == 1 and "a" <= symbol.lower() <= "z" and symbol not in scales:
                table.setdefault(symbol, unit)
    return table


@cache
def degree_words(lang: str) -> frozenset[str]:
    """A bare "degrees" ("80 degrees", "26 degrés", "80 derece"): the words CLDR's Celsius and
    Fahrenheit names share (CLDR's own generic degree is only "°" in most languages)."""
    return frozenset(_stored_or(lang, "degrees", _degree_words))


def _degree_words(lang: str) -> frozenset[str]:
    """`degree_words`, worked out from babel."""
    locale = babel_locale(lang)
    found: set[str] = set()
    for n in plural_samples(lang):
        celsius, fahrenheit = (
            set(format_unit(n, u, length="long", locale=locale).split())
            for u in TEMPERATURE_SCALES.values())
        found |= {fold(w) for w in celsius & fahrenheit if not _NUMBER.fullmatch(w)}
    return frozenset(found)


# Every factor `convert` multiplies by, as pint computes it: generated by `conversion_table`
# (`python -m crossfact.units` rewrites it; tests/test_numbers.py checks it against pint).
# Matching reads this file instead of loading pint, which with numpy takes about 0.5 s in
# every process that meets two units of one dimension (a long story always does).
CONVERSIONS = Path(__file__).with_name("unit_conversions.json")


@dataclass(frozen=True)
class Conversions:
    """pint's arithmetic for the units of UNITS: a factor for every two units of one
    dimension (by CLDR id), and the scale and offset to kelvin of a temperature scale."""

    factors: dict[tuple[str, str], float]
    offsets: dict[str, tuple[float, float]]


@cache
def _conversions() -> Conversions:
    """CONVERSIONS, read on first use ("<unit> <to>": factor, in the file)."""
    data = json.loads(CONVERSIONS.read_text(encoding="utf-8"))
    return Conversions(
        {tuple(pair.split(" ")): f for pair, f in data["factors"].items()},
        {unit: (scale, offset) for unit, (scale, offset) in data["offsets"].items()})


@cache
def convert(value: float, unit: str, to: str) -> float | None:
    """`value` in `unit` expressed in `to`, or None when the two are of different dimensions
    or either is not a CLDR unit this module knows. The same arithmetic, to the last bit,
    as pint's `Quantity(value, unit).to(to)`: a factor, or for temperatures pint's affine
    steps through kelvin (whose factor between the two is 1); for points, their definition
    (`_IN_POINTS`; a bare point, GENERIC_POINT, converts to neither: `point_readings`)."""
    if unit == to:
        return value
    if unit in _IN_POINTS and to in _IN_POINTS:
        return value * _IN_POINTS[unit] / _IN_POINTS[to]
    if dimension(unit) != dimension(to) or unit not in UNITS or to not in UNITS:
        return None
    table = _conversions()
    (scale_from, _), (scale_to, _) = _pint(unit), _pint(to)
    magnitude = value * scale_from
    if unit in table.offsets:
        scale, offset = table.offsets[unit]
        magnitude = magnitude * scale + offset
        scale, offset = table.offsets[to]
        magnitude = (magnitude - offset) / scale
    else:
        magnitude = magnitude * table.factors[unit, to]
    return float(magnitude) / scale_to


def conversion_table() -> dict[str, dict[str, float] | dict[str, list[float]]]:
    """CONVERSIONS' content, computed by pint (NIST/BIPM definitions, the same as CLDR's
    units.xml, which babel does not expose)."""
    from pint import UnitRegistry

    ureg: UnitRegistry[float] = UnitRegistry()
    factors: dict[str, float] = {}
    offsets: dict[str, list[float]] = {}
    for unit, (_, name) in ((u, _pint(u)) for u in UNITS):
        scale, base = ureg.get_base_units(name)
        offset = ureg.Quantity(0.0, name).to_base_units().magnitude  # 0 but on an affine scale
        if offset:
            # an affine scale (a temperature): `convert` does pint's to_reference (to
            # kelvin, value * scale + offset) and from_reference with these
            assert base == ureg.kelvin, name
            offsets[unit] = [cast(float, scale), float(offset)]  # pint's Number: int or float
            continue
        for to, (_, target) in ((u, _pint(u)) for u in UNITS):
            if to != unit and dimension(to) == dimension(unit):
                factors[f"{unit} {to}"] = float(ureg.Quantity(1.0, name).to(target).magnitude)
    return {"factors": factors, "offsets": offsets}


# Units pint lacks or reads otherwise, as multiples of one it has: pint reads "decade" as a
# logarithmic ratio; it has no dunam, the 1,000 m² in which Hebrew, Arabic and Turkish news
# state land ("760,000 דונם" for "76,000 hectares").
_SCALED = {"duration-decade": (10.0, "year"), "area-dunam": (1000.0, "meter**2")}


def _pint(unit: str) -> tuple[float, str]:
    """(multiplier, pint unit) of a CLDR unit."""
    return _SCALED.get(unit, (1.0, UNITS[unit]))


def short_name(unit: str) -> str:
    """How a reason writes a unit: CLDR's English short form ("km", "mi", "°C")."""
    if unit == GENERIC_DEGREE:
        return "°"
    if unit in _POINT_NAMES:
        return _POINT_NAMES[unit]
    if unit not in UNITS:
        return unit.partition("-")[2].upper()
    return format_unit(1, unit, length="short", locale="en").replace("1", "", 1).strip()


def word_tables() -> dict[str, dict[str, Any]]:
    """UNIT_WORDS' content, worked out from babel (in each table's own order)."""
    from crossfact.number_words import LANGUAGES

    return {lang: {"words": _unit_words(lang), "symbols": _unit_symbols(lang),
                   "degrees": sorted(_degree_words(lang))} for lang in LANGUAGES}


if __name__ == "__main__":  # rewrite CONVERSIONS from pint and UNIT_WORDS from babel (after a
    # change of UNITS, of the tables above, of pint or of babel)
    CONVERSIONS.write_text(json.dumps(conversion_table(), indent=1, sort_keys=True) + "\n",
                           encoding="utf-8")
    UNIT_WORDS.write_text(json.dumps(word_tables(), ensure_ascii=False, indent=0) + "\n",
                          encoding="utf-8")
