"""Find the figures of a sentence: numbers with their scale, currency, percent, unit; and codes.

The locale's marks and words come from CLDR (see `crossfact.locales`). babel's own
`parse_decimal` is not used on news text because writers deviate from their locale (Arabic
writers use ASCII "6.6", Turkish ones copy "29,000" from English); a few rules settle marks:
- whitespace and "٬" group digits, "٫" is a decimal mark;
- with two different marks, the last one is the decimal mark ("1.234,5", "1,234.5");
- a mark used twice or more groups digits ("1.234.567"), and groups must be well formed:
  three digits, or lakh-style two-digit groups before the last three ("12,34,567");
- a lone mark that is not the locale's decimal mark groups digits when exactly three digits
  follow ("100.000" in tr) and is a decimal mark otherwise ("6.6" in tr);
- a lone locale decimal mark is a decimal mark ("1,234" in tr is 1.234), except before "000"
  which no one writes as decimals ("29,000" in a Turkish text is 29000).

Years and dates: a standalone year (1900-2100 written without marks, scale, currency, percent
or unit, not "about") is `Quantity(year=True)`; digits inside a date found by
`crossfact.dates.find_dates` ("29 Ekim 2024") are not quantities at all.

Times of day ("19:30", "7.55am", "19h30", "১৯ঃ৩০", Bengali "সাড়ে ৮টা" = half past eight) are
`Quantity(clock=True)` in minutes past 0:00 or 12:00: a translator may write "7 p.m." as
"19:00", and both must compare equal, while 18:30 against 19:30 is a slip. The half of the
day the text says, where it does ("16h17", "4:17 p.m.", "04:17"), is kept beside it
(`Quantity.day_minutes`, `crossfact.zones`): times in a zone, compared as instants between
outlets, differ when 12 hours apart ("04:17 GMT", "16h17 GMT"), and one whose half is open
("৪টা ১৭ মিনিট") may be either.

Codes: digits glued to Latin letters (H100, GPT-4, D1, Q2, and Bengali-spelled এইচ100) are
names of things, returned by `find_codes`, never as quantities.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from crossfact.dates import find_dates
from crossfact.locales import (
    NBSPACES,
    WORD_CHAR,
    alternation,
    approx_words,
    base_lang,
    currency_symbols,
    currency_words,
    fold,
    list_joiners,
    lookup_prefix,
    money_scales,
    number_marks,
    percent_words,
    same_length_clean,
    scale_words,
)
from crossfact.models import Quantity
from crossfact.names import Words
from crossfact.number_words import Fraction, Spelled, find_fractions, find_spelled, hundred_words
from crossfact.units import (
    GENERIC_POINT,
    PERCENTAGE_POINT,
    TEMPERATURE_SCALES,
    convert,
    degree_words,
    dimension,
    point_words,
    points_of_a_rate,
    unit_symbols,
    unit_words,
)
from crossfact.zones import calendar_day, read_zones

_SP = rf"[\s{NBSPACES}]"
_APOSTROPHE_SUFFIX = rf"(?:['’]{WORD_CHAR}+)?"
# Languages whose words take glued endings: "milyarlık", "dolarların", "বিলিয়নের", "מיליארדי".
_INFLECTING = {"tr", "ar", "bn", "he"}
# "And" glued before "about": Arabic "وحوالي 85000", Hebrew "ובערך 10".
_APPROX_CLITICS = {"ar": "[وف]?", "he": "ו?"}
_HYPHENS = "-\u05be\u2011"
_HEBREW_CLITICS = re.compile("[ובלמהכש]{1,3}")
_DIGIT = re.compile(r"\d")  # in any script, as in every pattern below
# Clock times, read as times of day ("07:55" = "7.55am" = "07h55"), never as plain numbers.
_TIME = r"(?<![\d.,:])\d{1,2}[:ঃ]\d{2}(?::\d{2})?(?!\d)"
_CLOCK = r"\d{1,2}(?:[.:]\d{2})?"
# The parts of the day Bengali says before an hour: morning, afternoon, night, dawn, noon ...
_BN_DAY_PARTS = "সকাল|বিকাল|বিকেল|রাত|ভোর|ভর|দুপুর|সন্ধ্যা"
_LOCAL_TIMES = {
    "en": [rf"(?<![\d.,]){_CLOCK}\s?[ap]\.?m\b\.?"],
    "fr": [r"(?<![\d.,])\d{1,2}\s?h(?:\s?\d{2})?(?![^\W\d_])"],
    # after "saat" (the hour) and its case forms ("yerel saatle 19.20'de", at 19.20 local
    # time; "saatiyle"), and an hour with its minutes and a locative ending ("19.20'de"):
    # Turkish groups digits by threes with a dot, so two digits after one are no grouping
    "tr": [rf"(?<=saat ){_CLOCK}", rf"(?<=saatle ){_CLOCK}", rf"(?<=saatiyle ){_CLOCK}",
           r"(?<![\d.,])(?:[01]?\d|2[0-3])\.[0-5]\d(?=['’][dt][ae]\b)"],
    # after "الساعة" (the hour) a comma parts hours from minutes too: "الساعة 4,17" is 04:17
    "ar": [r"(?<=الساعة )\d{1,2}(?:[.:,٫]\d{2})?", rf"{_CLOCK}\s?(?:صباح|مساء|ظهر)"],
    "he": [rf"(?<=בשעה ){_CLOCK}", rf"{_CLOCK}(?=\s?(?:בבוקר|בערב|בלילה|בצהריים))"],
    "bn": [
        r"(?<![\d.,])\d{1,2}\s?টা\s?\d{1,2}\s?মিনিট",
        rf"(?:{_BN_DAY_PARTS}|সাড়ে|সোয়া|পৌনে)\s+\d{{1,2}}\s?টা(?:\s?\d{{1,2}}\s?মিনিট)?",
        # "বিকেল 5.30" (afternoon 5.30): after a part of the day a dot parts hours and minutes
        rf"(?:{_BN_DAY_PARTS})\s+\d{{1,2}}[.:ঃ]\d{{2}}(?![\d.,])",
    ],
}
# A decimal mark said as a word: Bengali news writes a magnitude "৭ দশমিক ৮" (7.8).
_SPOKEN_DECIMALS = {"bn": re.compile(r"(?<![\d.,])(\d+)\s?দশমিক\s?(\d+)(?![\d.,])")}
# Bengali tells the quarter in words: half past, quarter past, quarter to
_QUARTERS = {"সাড়ে": 30, "সোয়া": 15, "পৌনে": -15}
# More digits than this is no figure a reader checks (a hash, a serial, a pasted digit run):
# the largest amounts news states (world GDP in dollars, 1e14) have 15 digits, and a float,
# which quantities are compared as, holds no more than 17 significant ones.
MAX_DIGITS = 18
_WINDOW = 48  # characters before a number searched for "approximately", "$", "yüzde"


@dataclass(frozen=True)
class _Grammar:
    """The compiled patterns of one language; built once, used for every sentence."""

    lang: str
    decimal: str
    number: re.Pattern[str]
    before: re.Pattern[str]
    short_scale: re.Pattern[str]
    long_scale: re.Pattern[str]
    after: re.Pattern[str]
    approx_after: re.Pattern[str]
    times: re.Pattern[str]


@cache
def _grammar(lang: str) -> _Grammar:
    lang = base_lang(lang)
    decimal, group = number_marks(lang)
    spaces = NBSPACES + (" " if group.isspace() else "")
    # "،" (the Arabic comma) groups digits only right before three digits: "30،000".
    number = re.compile(
        rf"(?<!\d)(?:\d{{1,3}}(?:[{spaces}]\d{{3}})+(?:[.,٫]\d+)?(?!\d)"
        rf"|\d+(?:(?:[.,٫٬]|،(?=\d{{3}}(?!\d)))\d+)*)"
    )
    pct_before, pct_after, sign_first = percent_words(lang)
    pct_prefix = [*pct_before, *(["%", "٪"] if sign_first else [])]
    approx_before, approx_after = approx_words(lang)
    symbols = currency_symbols(lang)
    lettered = [k for k in symbols if k[:1].isalpha()]
    signs = [k for k in symbols if not k[:1].isalpha()]
    before = re.compile(
        rf"(?:(?<!{WORD_CHAR}){_APPROX_CLITICS.get(lang, '')}"
        rf"(?P<approx>{alternation(approx_before)}){_SP}*)?"
        # a code or word ("TRY", "US$") begins a word: "country 19 minutes" is no lira
        rf"(?:(?P<cur>(?<![^\W\d_])(?:{alternation(lettered)})|{alternation(signs)}){_SP}?)?"
        rf"(?:(?P<pct>{alternation(pct_prefix)}){_SP}*)?$",
        re.IGNORECASE,
    )
    long_words, short_words = _long_scales(lang), scale_words(lang)[1]
    long_scale = re.compile(
        rf"{_SP}*{_inflected(long_words, lang, 'scale')}{_APOSTROPHE_SUFFIX}(?!{WORD_CHAR})",
        re.IGNORECASE,
    )
    # One-letter short forms ("10B", "5\u00a0M") only glued or with a no-break space:
    # "plan B" or "article 5 M" must not become billions.
    single = [w for w in short_words if len(w) == 1]
    multi = [w for w in short_words if len(w) > 1]
    short_scale = re.compile(
        rf"(?:[{NBSPACES}]?(?P<single>{alternation(single)})|{_SP}?(?P<multi>{alternation(multi)}))"
        rf"(?!{WORD_CHAR}|\d)"
    )
    after = re.compile(
        rf"{_SP}*(?:"
        rf"(?:(?:de{_SP}+|d['’]))?{_currency_article(lang)}"
        rf"{_inflected(currency_words(lang), lang, 'curword')}"
        rf"{_APOSTROPHE_SUFFIX}(?!{WORD_CHAR})"
        # A symbol followed by a number is that number's prefix: "$6.6 বিলিয়ন $157 বিলিয়ন".
        rf"|(?P<cursym>{alternation(symbols)})(?![^\W\d_])(?!{_SP}?\d)"
        # a change in points before a percent word: Bengali "শতাংশ পয়েন্ট" (percentage
        # points) begins with শতাংশ (percent), Hebrew "25 נקודות אחוז" ends with one
        rf"|(?P<pthyphen>[-\u2011])?{_inflected(point_words(lang), lang, 'points')}"
        rf"{_APOSTROPHE_SUFFIX}(?!{WORD_CHAR})"
        rf"|(?P<pct>[%٪]|{_inflected(pct_after, lang, None)}(?!{WORD_CHAR}))"
        # a degree sign set apart from its scale ("32 ° C", "32° F") or the scale in
        # brackets before "degree" ("a 90(F)-degree day")
        rf"|(?:°{_SP}?(?P<scale>[CF])"
        rf"|\((?P<bscale>[CF])\)[-\u2011]?(?:{alternation(degree_words(lang))}))(?![^\W\d_])"
        # "a 6-foot-6 forward", "a 20-degree difference": a unit joined by a hyphen
        rf"|(?P<hyphen>[-\u2011])?{_inflected(unit_words(lang), lang, 'unit')}"
        rf"{_APOSTROPHE_SUFFIX}(?!{WORD_CHAR})"
        # a one-letter symbol in its own case, after a space only ("1,98 m"; "£5m" is money)
        rf"|(?<=[\s{NBSPACES}])(?-i:(?P<symbol>{alternation(unit_symbols(lang))}))"
        rf"(?!{WORD_CHAR}|\d))",
        re.IGNORECASE,
    )
    approx_after_re = re.compile(
        rf"{_SP}*(?:{alternation(approx_after)})(?!{WORD_CHAR})", re.IGNORECASE
    )
    times = re.compile("|".join([_TIME, *_LOCAL_TIMES.get(lang, [])]), re.IGNORECASE)
    return _Grammar(
        lang, decimal, number, before, short_scale, long_scale, after, approx_after_re, times
    )


# What Arabic sets between a scale word and the currency it counts: "10 مليارات من
# الدولارات" (10 billion of the dollars), "300 مليون بالدولار" (300 million in dollars). CLDR
# names a currency without the article (babel's display names, in every plural form:
# "دولار أمريكي"), so the reader takes it: "من" (of) and the article, maybe after "ب"
# (in). Before the currency words that take endings only (`_inflected`: four letters and
# more): "بالين" is Palin (NTREX), not "in yen".
_CURRENCY_ARTICLE = {"ar": rf"(?:(?:من{_SP}+)?ب?ال)"}


def _currency_article(lang: str) -> str:
    """`_CURRENCY_ARTICLE` of `lang`, where one of its long currency words follows; else
    nothing."""
    article = _CURRENCY_ARTICLE.get(lang)
    long = [w for w in currency_words(lang) if len(w) >= 4]
    return f"(?:{article}(?={alternation(long)}))?" if article and long else ""


def _inflected(words: Iterable[str], lang: str, group: str | None) -> str:
    """A regex group for `words` that also takes glued endings in languages that glue them on.

    Only words of four letters or more take endings (Bengali ones all do): Turkish "yen"
    would otherwise read "10 yeni" ("10 new") as yen, Arabic "ين" the verb "ينتظر".
    """
    free = [w for w in words if lang in _INFLECTING and (len(w) >= 4 or lang == "bn")]
    strict = [w for w in words if w not in free]
    opening = f"(?P<{group}>" if group else "(?:"
    if group == "scale" and lang == "tr":  # "20 bini", "20 bine", "10 binde": "bin" cased
        cased = "|".join(f"{re.escape(w)}{_turkish_cases(w)}" for w in strict)
        return rf"{opening}{alternation(free)}{WORD_CHAR}*|{cased})"
    return rf"{opening}{alternation(free)}{WORD_CHAR}*|{alternation(strict)})"


# The case endings a Turkish noun ending in a consonant takes, as Turkish grammars give them
# (Göksel & Kerslake, "Turkish: A Comprehensive Grammar", ch. 14: accusative -I, dative -A,
# locative -DA, ablative -DAn, genitive -In; d or t after the stem's consonant), which a short
# scale word takes as the longer ones take any ending: "ölü sayısı 20 bini bulabilir" (may
# reach 20,000), "20 bine ulaştı". After a number, "bin" with them is a thousand
# (fixtures/news/derna-flood-2023, development: read as 20 before; precision / recall of facts
# 0.942 / 0.593 -> 0.943 / 0.595). With I and A by the stem's last vowel (vowel harmony): so
# "bina" (a building: "270 bina") is no dative of "bin" (that is "bine").
_TURKISH_CASES = ("I", "A", "DA", "DAn", "In")
_HARMONY_I = {"a": "ı", "ı": "ı", "o": "u", "u": "u", "e": "i", "i": "i", "ö": "ü", "ü": "ü"}


def _turkish_cases(word: str) -> str:
    """A regex of the case endings (`_TURKISH_CASES`) `word` takes by vowel harmony: "bin"
    bini, bine, binde, binden, binin; "yüz" yüzü, yüze, yüzde ... ("yüzde" is also the word
    for percent, which `_scale` leaves to it)."""
    last = next((c for c in reversed(word.casefold()) if c in _HARMONY_I), "e")
    vowel_i, vowel_a = _HARMONY_I[last], "a" if last in "aıou" else "e"
    forms = {e.replace("I", vowel_i).replace("A", vowel_a) for e in _TURKISH_CASES}
    forms |= {f.replace("D", "t") for f in forms}
    return f"(?:{'|'.join(sorted(f.replace('D', 'd') for f in forms))})?"


def _ascii_digits(token: str) -> str:
    """Every script's digits as ASCII ("٢٩" -> "29", "২৯" -> "29"); other characters kept."""
    return "".join(str(unicodedata.decimal(c)) if c.isdecimal() else c for c in token)


def _well_grouped(groups: list[str]) -> bool:
    """Three-digit groups, or Indian lakh groups (two digits, then the last three)."""
    head, rest = groups[0], groups[1:]
    if not rest:
        return True
    if 1 <= len(head) <= 3 and all(len(g) == 3 for g in rest):
        return True
    return 1 <= len(head) <= 2 and all(len(g) == 2 for g in rest[:-1]) and len(rest[-1]) == 3


def parse_number(token: str, decimal: str) -> Decimal | None:
    """The value of a digit token with marks ("100.000", "6,6", "১২,৩৪,৫৬৭"); None if malformed
    or absurd (more than MAX_DIGITS digits).

    `decimal` is the locale's decimal mark for Latin digits; see the module docstring.
    """
    if sum(c.isdecimal() for c in token) > MAX_DIGITS:
        return None
    token = _ascii_digits(token)
    parts = re.split(r"([^0-9])", token)
    groups, marks = parts[0::2], parts[1::2]
    if not marks:
        return Decimal(token)
    kinds = ["group" if m.isspace() or m in "٬،" else "decimal" if m == "٫" else "?" for m in marks]
    last = marks[-1]
    if len(set(marks)) > 1 or kinds[-1] == "decimal":
        if marks.count(last) > 1 or kinds[-1] == "group":
            return None
        int_groups, fraction = groups[:-1], groups[-1]
    elif kinds[-1] == "group" or len(marks) > 1:
        int_groups, fraction = groups, ""
    elif last == decimal:
        is_group = groups[1] == "000" and len(groups[0]) <= 3
        int_groups, fraction = (groups, "") if is_group else (groups[:1], groups[1])
    else:
        is_group = len(groups[1]) == 3 and len(groups[0]) <= 3
        int_groups, fraction = (groups, "") if is_group else (groups[:1], groups[1])
    if not _well_grouped(int_groups):
        return None
    return Decimal("".join(int_groups) + ("." + fraction if fraction else ""))


def _glued_letters(text: str, start: int, lang: str) -> tuple[bool, bool] | None:
    """What is glued before the number at `start`: None for a name ("H100", "GPT-4",
    "এইচ100", "كوفيد-19"), else (True, approximate) where Hebrew "כ-10" is about 10.

    Letters glued on without a hyphen in a non-Latin script are clitics ("و50000") or a
    missing space ("عام2020"); with a hyphen only Hebrew clitics ("ב-2024", "וכ-10") are.
    """
    i = start
    hyphen = bool(i) and text[i - 1] in _HYPHENS
    i -= hyphen
    j = i
    while j and (unicodedata.category(text[j - 1])[0] in "LM" or text[j - 1] == "\u0640"):
        j -= 1
    glued = text[j:i]
    if not glued:
        return True, False
    if any("a" <= c.lower() <= "z" for c in glued) or _BENGALI_LETTERS_ONLY.fullmatch(glued):
        return None
    clitic = lang == "he" and _HEBREW_CLITICS.fullmatch(glued) is not None
    if hyphen and not clitic:
        return None
    return True, clitic and glued.endswith("כ")


def find_quantities(text: str, lang: str, words: Words | None = None) -> list[Quantity]:
    """The figures of `text` in language `lang`, in order, each with its full value.

    "10 milyar dolar" -> 1e10 USD; "%5" (tr) -> 5 percent; "৫০,০০০" -> 50000;
    "yaklaşık 70 MW" -> 70 MW approx; "2024 yılında" -> 2024 year. Digits of model codes
    (H100) and of dates (29 octobre 2024) are not quantities. `words` are `text`'s words
    (`words_of`) where the caller has them already.
    """
    g = _grammar(lang)
    clean = same_length_clean(text)
    digits = _DIGIT.search(clean) is not None
    spelled = find_spelled(clean, g.lang, words)
    fractions = find_fractions(clean, g.lang)
    if not digits and not spelled and not fractions:
        return []  # most claims: no figure, and no date to read for one
    dates = find_dates(text, lang, words.texts if words else None)
    taken = [(d.start, d.end) for d in dates]
    found = _in_digits(text, clean, taken, g) if digits else []
    parts = _fractions(clean, text, taken + [(q.start, q.end) for q in found], g, fractions)
    found += parts
    # a number word inside a fraction is the fraction's, read or not: "trois quarts des
    # votants" is three quarters of them, no count of 3
    found += _spelled(clean, text, taken + [(q.start, q.end) for q in found]
                      + [(fr.start, fr.end) for fr in fractions], g, spelled)
    found.sort(key=lambda q: q.start)
    _share_ranges(clean, found, g.lang)
    if parts:
        found = _and_a_fraction(clean, text, found, {id(q) for q in parts}, spelled, g.lang)
    found = _join_compounds(clean, text, _join_scaled(clean, text, found, g))
    if any(q.clock for q in found):
        day = next((day for d in dates
                    if (day := calendar_day(d.year, d.month, d.day)) is not None), None)
        read_zones(clean, g.lang, found, day, range_gap(g.lang))
    return found


def _in_digits(text: str, clean: str, taken: list[tuple[int, int]], g: _Grammar
               ) -> list[Quantity]:
    """The figures written in digits: times of day, Bengali spoken decimals, numbers. Their
    spans are added to `taken`, where no number in words may stand."""
    spans = [t.span() for t in g.times.finditer(clean) if not _priced(clean, t.start(), g)]
    taken += spans
    found = [q for s, e in spans if (q := _clock(text, s, e)) is not None]
    if (spoken := _SPOKEN_DECIMALS.get(g.lang)) is not None:
        for m in spoken.finditer(clean):
            spoken_value = Decimal(f"{int(m.group(1))}.{int(m.group(2)):0{len(m.group(2))}d}")
            if (q := _describe(clean, m.start(), m.end(), spoken_value, g)) is not None:
                q.text = text[q.start:q.end]
                found.append(q)
                taken.append(m.span())
    for m in g.number.finditer(clean):
        s, e = m.span()
        if any(a <= s < b for a, b in taken):
            continue
        glued = _glued_letters(clean, s, g.lang)
        value = parse_number(m.group(), g.decimal) if glued else None
        if glued is None or value is None:
            continue
        quantity = _describe(clean, s, e, value, g)
        if quantity is None:
            continue
        quantity.approx = quantity.approx or glued[1]
        quantity.text = text[quantity.start : quantity.end]
        found.append(quantity)
    return found


def _priced(text: str, s: int, g: _Grammar) -> bool:
    """Whether the figure at `s` follows a percent word or sign or a currency sign or word
    ("yüzde 12.50'de", at 12.5 percent; "%8.50'de"; "Dolar 18.45'te", the dollar at 18.45):
    a rate or a price, which a time of day never is."""
    before = g.before.search(text, max(0, s - _WINDOW), s)
    if before is not None and (before.group("cur") or before.group("pct")):
        return True
    word = _LAST_WORD.search(text, max(0, s - _WINDOW), s)
    return word is not None and fold(word.group(1)) in currency_words(g.lang)


_LAST_WORD = re.compile(rf"({WORD_CHAR}+){_SP}*$")


def _spelled(clean: str, text: str, taken: list[tuple[int, int]], g: _Grammar,
             spelled: list[Spelled]) -> list[Quantity]:
    """The numbers written in words (`crossfact.number_words.find_spelled`) outside `taken`,
    with what stands around them as for digits ("two decades", "dix millions de dollars"); a
    Bengali hour ("সাতটায়") is a time of day."""
    out = []
    for sp in spelled:
        if any(a <= sp.start < b or sp.start <= a < sp.end for a, b in taken):
            continue
        if sp.clock:
            out.append(Quantity(value=float(sp.value * 60 % 720), text=text[sp.start:sp.end],
                                clock=True, start=sp.start, end=sp.end))
            continue
        quantity = _describe(clean, sp.start, sp.end, Decimal(sp.value), g)
        if quantity is None or (sp.ambiguous and not (
                quantity.unit or quantity.currency or quantity.end > sp.end)):
            continue  # French "neuf" (new), Turkish "yedi" (ate) without a unit after them
        quantity.text = text[quantity.start : quantity.end]
        out.append(quantity)
    return out


def _fractions(clean: str, text: str, taken: list[tuple[int, int]], g: _Grammar,
               fractions: list[Fraction]) -> list[Quantity]:
    """The fractions written as words (`crossfact.number_words.find_fractions`) outside
    `taken` that divide a unit or a percent ("a quarter point", "yarım saat", "نصف بالمئة"):
    alone, "half" and "ربع" are shares of anything ("half of the votes"), no figure."""
    out = []
    for fr in fractions:
        if any(a <= fr.start < b or fr.start <= a < fr.end for a, b in taken):
            continue
        if fr.start > 0 and clean[fr.start - 1] in "-‐‑":
            continue  # "first-half points", "fourth-quarter points": a part of a game
        word = _LAST_WORD.search(clean, max(0, fr.start - _WINDOW), fr.start)
        if word is not None and fold(word.group(1)) in _NOT_AMOUNTS.get(g.lang, ()):
            continue
        quantity = _describe(clean, fr.start, fr.end, fr.value, g, fraction=True)
        if quantity is not None and _a_kind_of_span(clean, fr, quantity, g.lang):
            continue
        if quantity is not None and (quantity.unit or quantity.percent):
            if quantity.unit == GENERIC_POINT:  # a fraction of a point is of a percentage
                quantity.unit = PERCENTAGE_POINT  # point: no one writes a quarter of a basis
                # point ("un quart de point", "ربع نقطة": 25 basis points)
            quantity.text = text[quantity.start : quantity.end]
            out.append(quantity)
        elif (after := _after_and(g.lang)) is not None and after.search(
                clean, max(0, fr.start - _WINDOW), fr.start) is not None:
            # "deux heures et demie", "two hours and a half": no unit after it, but maybe one
            # before; `_and_a_fraction` adds it to that figure or drops it
            out.append(Quantity(value=float(fr.value), text=text[fr.start:fr.end],
                                start=fr.start, end=fr.end))
    return out


# The languages whose compounds of a span stand before the noun they qualify ("the
# half-year report"): English. French "demi-" compounds are nouns ("depuis une demi-heure
# samedi matin", NTREX: half an hour, before the day it was spent on); the other four
# languages join no fraction to its unit by a hyphen.
_SPAN_BEFORE_NOUN = frozenset({"en"})


def _a_kind_of_span(text: str, fr: Fraction, quantity: Quantity, lang: str) -> bool:
    """Whether a fraction joined by a hyphen to a unit of time names a kind of thing by its
    span, as "a 10-year plan" does (`_describe`): "the half-year report", "a half-day strike"
    (a lower-case word after it, not a function word: `function_word`). "A quarter-century
    ago", "a half-hour later" and "a half-hour Saturday" are figures."""
    if lang not in _SPAN_BEFORE_NOUN or fr.end >= len(text) or text[fr.end] not in _HYPHENS \
            or quantity.unit is None or dimension(quantity.unit) != "duration":
        return False
    word = _WORD_NEXT.match(text, quantity.end)
    return word is not None and word.group(1)[:1].islower() \
        and not function_word(word.group(1), lang)


# Words before a fraction that make it no amount: an ordinal names a part of a game or a
# year ("the fourth quarter points", "first half"), "every" a frequency ("كل ربع سنة",
# every quarter of a year, in the seed story; "chaque quart d'heure"). The words of the
# cases seen in development (seed story, fixtures/news); en and fr ordinals up to the fourth
# (a quarter has four), the frequency words of all six languages.
_NOT_AMOUNTS = {
    "en": {"first", "second", "third", "fourth", "last", "every", "each"},
    "fr": {"premier", "première", "deuxième", "second", "seconde", "troisième", "quatrième",
           "dernier", "dernière", "chaque"},
    "ar": {"كل", "لكل"},
    "he": {"כל", "בכל"},
    "tr": {"her"},
    "bn": {"প্রতি"},
}
# What joins a fraction to the whole number before it: "two and a half hours", "ثلاث ونصف
# ساعة", "שלוש וחצי שעות", "iki ve yarım saat" (the Arabic and Hebrew "and" is glued to
# the fraction: `crossfact.number_words._CLITICS`). The languages' "and"; the cases of
# fixtures/news (development) that read "half percentage points" alone as 0.5.
_AND_A_FRACTION = {
    "en": re.compile(rf"{_SP}+and(?:{_SP}+an?)?{_SP}+", re.IGNORECASE),
    "fr": re.compile(rf"{_SP}+et{_SP}+", re.IGNORECASE),
    "tr": re.compile(rf"{_SP}+ve{_SP}+", re.IGNORECASE),
    "ar": re.compile(rf"{_SP}+و"),
    "he": re.compile(rf"{_SP}+ו"),
    "bn": re.compile(rf"{_SP}+ও{_SP}+"),
}
# "one and a half": `crossfact.number_words` reads no "one" ("one of", "un", "bir"), so the
# word for one before "and a fraction" is read here (Wiktionary's "one" in each language).
_ONE = {"en": "one", "fr": "une?", "tr": "bir", "ar": "واحدة?", "he": "אח(?:ד|ת)", "bn": "এক"}


@cache
def _after_and(lang: str) -> re.Pattern[str] | None:
    """"and" ending where a fraction starts (`_AND_A_FRACTION`)."""
    gap = _AND_A_FRACTION.get(lang)
    return None if gap is None else re.compile(rf"(?:{gap.pattern})$", gap.flags)


@cache
def _one_and(lang: str) -> re.Pattern[str] | None:
    """"one" and "and" before a fraction, ending where it starts (`_AND_A_FRACTION`)."""
    gap = _AND_A_FRACTION.get(lang)
    if gap is None or lang not in _ONE:
        return None
    return re.compile(rf"(?<!{WORD_CHAR})(?:{_ONE[lang]})(?:{gap.pattern})$", re.IGNORECASE)


def _and_a_fraction(clean: str, text: str, found: list[Quantity], parts: set[int],
                    spelled: list[Spelled], lang: str) -> list[Quantity]:
    """"two and a half hours" is 2.5 hours, not 2 and 0.5 hours: a fraction (its id in
    `parts`) after a whole number and "and" adds to it, and takes it in its span. The whole
    number may be a word read as no figure alone ("one", a common word)."""
    gap = _AND_A_FRACTION.get(lang)
    out: list[Quantity] = []
    for q in found:
        if gap is None or id(q) not in parts:
            out.append(q)
            continue
        prev = out[-1] if out else None
        if prev is not None and not prev.clock and gap.fullmatch(clean, prev.end, q.start) \
                and (prev.unit in (None, q.unit) and not prev.percent if q.unit or q.percent
                     else prev.unit is not None):  # a fraction with no unit: "deux heures
            prev.value += q.value  # et demie", "two hours and a half"
            if q.unit or q.percent:
                prev.unit, prev.percent = q.unit, q.percent
            prev.end = q.end
            prev.text = text[prev.start:prev.end]
            continue
        if not (q.unit or q.percent):
            continue  # a lone "and a half" after no figure with a unit: no figure
        whole = next(((sp.start, sp.value) for sp in spelled
                      if gap.fullmatch(clean, sp.end, q.start)), None)
        one = _one_and(lang)
        if whole is None and one is not None and (
                m := one.search(clean, max(0, q.start - _WINDOW), q.start)) is not None:
            whole = (m.start(), 1)
        if whole is not None:
            q.start, q.value = whole[0], q.value + whole[1]
            q.text = text[q.start:q.end]
        out.append(q)
    return out


# The range words that join its two ends: "to", "à", "ila", "থেকে", "إلى", "עד"; Turkish "30'dan
# 43'e" (from 30 to 43) by its suffix.
_RANGE_WORDS = "to|à|au|ila|থেকে|হতে|إلى|الى|עד"
_FROM_SUFFIX = r"['’](?:dan|den|tan|ten)"


@cache
def range_gap(lang: str) -> re.Pattern[str]:
    """What joins two figures of which the second's unit, currency or percent is the first's
    too: a dash, a range word, the "by" of dimensions ("5 x 10 cm"), or the "and" and "or" of
    the language's CLDR list patterns ("5 et 10 cm", "2 or 3 inches", "5 و10 كم"). Not any
    short word: in "৫ শতাধিক মানুষ ২১
    শতকে" (500-odd people in the 21st century) the century is not the people's."""
    words, prefixes = list_joiners(lang)
    return re.compile(
        rf"(?:{_FROM_SUFFIX})?{_SP}*(?:[-–—×]|(?:{_RANGE_WORDS}|x|by|{alternation(words)})"
        rf"(?!{WORD_CHAR})|{alternation(prefixes)}-?){_SP}*|{_FROM_SUFFIX}{_SP}+",
        re.IGNORECASE,
    )


def _share_ranges(text: str, found: list[Quantity], lang: str) -> None:
    """"2 to 4 inches", "5 et 10 cm": the unit, currency or percent said after a range's
    second figure is the first one's too, so both convert and compare. A percent or currency
    said before the first ("yüzde 30 ila 43", "শতকরা ৩০ থেকে ৪৩", "$5-10") is the second's."""
    for first, second in zip(found, found[1:], strict=False):
        if _bare(first) and (second.unit or second.currency or second.percent) and \
                range_gap(lang).fullmatch(text, first.end, second.start):
            first.unit, first.currency, first.percent = second.unit, second.currency, \
                second.percent
        elif (first.currency or first.percent) and _bare(second) and \
                _prefix_marker(lang).match(text, first.start) and \
                _RANGE_WORD_GAP.fullmatch(text, first.end, second.start) and \
                not _counts_the_next_word(text, first, second, lang):
            second.currency, second.percent = first.currency, first.percent


_WORD_NEXT = re.compile(rf"{_SP}+({WORD_CHAR}+)")


def _counts_the_next_word(text: str, first: Quantity, second: Quantity, lang: str) -> bool:
    """Whether the second of two figures joined by a range word counts the word after it,
    so that a currency is not passed on: "gave $5 to 10 people" is $5 for 10 people, not
    $5 to $10. A function word after it counts nothing ("$5 to 10 a day", "from $5 to 10 in
    March": `function_word`); after a dash ("$5-10 a share") or with a scale ("$5 to 10
    million in aid") it is the range's second end; so is a percent's ("শতকরা ৩০ থেকে ৪৩
    ভাগ", 30 to 43 percent, says its word after the figure)."""
    return bool(first.currency) and not any(d in text[first.end:second.start] for d in "-–—") \
        and not any(ch.isalpha() for ch in second.text) \
        and (word := _WORD_NEXT.match(text, second.end)) is not None \
        and not function_word(word.group(1), lang)


def function_word(word: str, lang: str) -> bool:
    """Whether `word` is one of its language's function words (an article, a preposition,
    a pronoun: "a", "in", "per", "la", "için"), as the stopwords-iso lists give them (a
    maintained list for all six languages): a word that is counted is none of them."""
    return fold(word) in _function_words(base_lang(lang))


@cache
def _function_words(lang: str) -> frozenset[str]:
    """The folded stopwords-iso list of `lang` (empty for a language it lacks)."""
    from stopwordsiso import stopwords  # read on first use: most ranges carry no currency

    return frozenset(fold(w) for w in stopwords(lang))


# What joins a range whose first figure carries its mark before it, passed on to the second:
# a dash or a range word, never an "and": "yüzde 30 ile 43 sandalye" (with 30 percent, 43
# seats) and "$5 for 10 people" are no ranges.
_RANGE_WORD_GAP = re.compile(
    rf"(?:{_FROM_SUFFIX})?{_SP}*(?:[-–—]|(?:{_RANGE_WORDS})(?!{WORD_CHAR})){_SP}*"
    rf"|{_FROM_SUFFIX}{_SP}+",
    re.IGNORECASE,
)


def _bare(q: Quantity) -> bool:
    """Whether nothing says what `q` counts: no unit, currency or percent; no year or time."""
    return not (q.unit or q.currency or q.percent or q.year or q.clock)


@cache
def _prefix_marker(lang: str) -> re.Pattern[str]:
    """The percent words and signs and currency symbols a language writes before a number."""
    before, _, sign_first = percent_words(lang)
    return re.compile(
        alternation([*before, *(["%", "٪"] if sign_first else []), *currency_symbols(lang)])
        + r"(?![^\W\d_])",  # a whole word: "USD", not the start of "usdollar"
        re.IGNORECASE,
    )


# What joins the parts of a compound measure: "6 feet 6 inches", "6-foot-6", "17 pounds and
# 1 ounce", "2 hours, 30 minutes".
_COMPOUND_GAP = re.compile(rf"{_SP}*(?:[-\u2011,]|and|et|ve|و)?{_SP}*")
# The smaller unit a bare figure after a larger one means in the customary compounds
# ("6-foot-6" and Bengali "6 ফুট 6" are 6 feet 6 inches; "17 pounds 1" is 17 lb 1 oz).
_BARE_PART = {"length-foot": "length-inch", "mass-pound": "mass-ounce"}
_HYPHENED_PART = re.compile(r"[-\u2011](\d{1,2})(?![\d.,٫]|[^\W\d_])")


def _join_compounds(clean: str, text: str, found: list[Quantity]) -> list[Quantity]:
    """One value in two units of one dimension is their sum, in the larger unit: "6 fit 6 inç"
    is 6.5 feet, which a translation writes "1,98 m"; read as two figures, each would set
    the other versions' one figure against a part. The smaller part must be less than one
    of the larger unit (else "1-2 inches" would be a sum)."""
    out: list[Quantity] = []
    for q in found:
        prev = out[-1] if out else None
        out.append(q)
        if prev is None or prev.unit is None or prev.approx or q.currency or q.percent \
                or q.year or q.clock or not _COMPOUND_GAP.fullmatch(clean, prev.end, q.start):
            continue
        part = q.unit or (_BARE_PART.get(prev.unit) if q.value == int(q.value) else None)
        if part is not None and _add_part(prev, q.value, part, q.end, text):
            out.pop()
    for q in out:  # "6-foot-6": the "6" after a hyphen is read as a code's digits, not found
        if q.unit in _BARE_PART and (m := _HYPHENED_PART.match(clean, q.end)) is not None:
            _add_part(q, float(_ascii_digits(m.group(1))), _BARE_PART[q.unit], m.end(), text)
    return out


def _join_scaled(clean: str, text: str, found: list[Quantity], g: _Grammar) -> list[Quantity]:
    """A figure written as a scaled number and the rest of it: Turkish and Bengali newsrooms
    write 11,300 as "11 bin 300", "১১ হাজার ৩০০", and 3.5 billion as "3 milyar 500 milyon".
    The rest follows after one space alone and is less than one of the scale ("5 bin kişi 3
    ilde", 5,000 people in 3 provinces, has a word between; "2 million 3 million" is no
    sum); read apart, the 300 would stand as a figure of its own against the other
    versions' 11,300. "About" after the rest is the whole's ("2 bin 200 civarında")."""
    out: list[Quantity] = []
    for q in found:
        prev = out[-1] if out else None
        out.append(q)
        if prev is None or prev.unit or prev.currency or prev.percent or prev.year \
                or prev.clock or q.unit or q.percent or q.year or q.clock \
                or not clean[prev.end:q.start].isspace() or len(clean[prev.end:q.start]) > 1 \
                or g.number.match(clean, q.start) is None:
            continue  # the rest is digits ("1.7 million four years ago" is two figures)
        digits = g.number.match(clean, prev.start)
        lead = parse_number(digits.group(), g.decimal) if digits is not None else None
        if lead is None or lead <= 0 or digits is None or digits.end() == prev.end:
            continue  # not digits then a scale word ("$11 thousand", a bare "11")
        scale = prev.value / float(lead)  # 1000 and up: a scale word was said (CLDR's
        # scale words begin at thousand); a bare number times 1 has no rest to take
        if scale >= 1000 and 1 <= q.value < scale:
            prev.value += q.value
            prev.currency = q.currency  # "3 milyar 500 milyon dolar"
            prev.approx = prev.approx or q.approx  # "2 bin 200 civarında" (about 2,200)
            prev.end = q.end
            prev.text = text[prev.start:q.end]
            out.pop()
    return out


def _add_part(whole: Quantity, value: float, part: str, end: int, text: str) -> bool:
    """Add `value` in unit `part` to `whole` when it is a smaller part of its unit."""
    one = convert(1.0, whole.unit, part) if whole.unit and part != whole.unit else None
    if one is None or not 0 < value < one:
        return False
    whole.value += value / one
    whole.end = end
    whole.text = text[whole.start:end]
    return True


def _clock(text: str, start: int, end: int) -> Quantity | None:
    """The time of day written at text[start:end] (its first digits the hour, the next ones
    the minutes), None when it is no time ("25:70")."""
    written = text[start:end]
    hour, minute, *_ = [int(d) for d in re.findall(r"\d+", written)] + [0]
    normal = unicodedata.normalize("NFC", written)
    minute += sum(delta for word, delta in _QUARTERS.items()
                  if unicodedata.normalize("NFC", word) in normal)
    if not (0 <= hour < 24 or (hour, minute) == (24, 0)) or not -15 <= minute < 60:
        return None
    return Quantity(value=float((hour * 60 + minute) % 720), text=written, clock=True,
                    start=start, end=end)


def _describe(text: str, s: int, e: int, value: Decimal, g: _Grammar, fraction: bool = False
              ) -> Quantity | None:
    """The quantity around the number at text[s:e]: its scale, currency, percent, unit; a
    `fraction` in words ("half") is joined to its unit by a hyphen as by a space ("une
    demi-heure", "a half-point cut")."""
    start, end = s, e
    multiplier = 1.0
    scaled = False
    if (scaling := _scale(text, s, end, g)) is not None:
        multiplier, end = scaling
        scaled = True
    elif (shared := _range_scale(text, end, value, g)) is not None:
        multiplier, scaled = shared, True
    currency = unit = None
    percent = False
    after = g.after.match(text, end)
    if after is not None and after.group("unit") and _year_like(text[s:e], value, scaled) \
            and dimension(lookup_prefix(unit_words(g.lang), after.group("unit")) or "") \
            == "duration":
        after = None  # "2024 yılında" is the year 2024, not 2024 years
    elif after is not None and after.group("hyphen") and not fraction and dimension(
            lookup_prefix(unit_words(g.lang), after.group("unit")) or "") == "duration":
        after = None  # "the 23-year-old", "a 10-year plan": an age or a kind, not a figure
    elif after is not None and after.group("points") and not fraction and lookup_prefix(
            point_words(g.lang), after.group("points")) == GENERIC_POINT and (
            after.group("pthyphen") or _counted_points(text, s, after.end(), value, g.lang)):
        after = None  # "a 10-point plan", "a five-point lead": a kind; "a 25-basis-point
        # cut" and "a half-point cut" are figures; "3 points de passage", a count
    if after is not None:
        end = after.end()
        if after.group("curword"):
            currency = lookup_prefix(currency_words(g.lang), after.group("curword"))
        elif after.group("cursym"):
            currency = currency_symbols(g.lang).get(after.group("cursym").upper())
        elif after.group("points"):
            unit = lookup_prefix(point_words(g.lang), after.group("points"))
        elif after.group("pct"):
            percent = True
        elif scale := after.group("scale") or after.group("bscale"):
            unit = TEMPERATURE_SCALES[scale.upper()]
        elif symbol := after.group("symbol"):
            unit = unit_symbols(g.lang)[symbol]
        elif stopped := _symbol_at_full_stop(text, after, g):
            unit, end = stopped
        else:
            unit = lookup_prefix(unit_words(g.lang), after.group("unit"))
    elif end < len(text) and "A" <= text[end] <= "Z":
        return None  # "5G", "3D": a name, not a number
    before = g.before.search(text, max(0, s - _WINDOW), s)
    approx = False
    if before is not None:
        if before.group("cur"):
            currency = currency or currency_symbols(g.lang).get(before.group("cur").upper())
            start = before.start("cur")
        if before.group("pct"):
            percent, start = True, min(start, before.start("pct"))
        approx = bool(before.group("approx"))
    approx = approx or g.approx_after.match(text, end) is not None
    if percent and unit is not None and dimension(unit) == "points":
        # "yüzde 0,25 puan", "%0.25 points": percentage points, a change, not a percent
        percent, unit = False, PERCENTAGE_POINT if unit == GENERIC_POINT else unit
    year = _year_like(text[s:e], value, scaled) and not approx and not currency \
        and not percent and not unit
    return Quantity(
        value=float(value * Decimal(int(multiplier))),
        text=text[start:end],
        percent=percent,
        currency=currency,
        unit=unit,
        approx=approx,
        year=year,
        start=start,
        end=end,
    )


def _counted_points(text: str, start: int, end: int, value: Decimal, lang: str) -> bool:
    """Whether a whole number of bare points counts things ("3 points de passage", "خطة من 5
    نقاط", "30 points" of a game) rather than a change of a rate, poll share or index
    (`crossfact.units.points_of_a_rate`). A fraction of a point ("1,25 point", "৪ দশমিক ২৫
    পয়েন্ট") counts nothing: it is always a change."""
    return value == value.to_integral_value() and not points_of_a_rate(text, start, end, lang)


def _symbol_at_full_stop(text: str, after: re.Match[str], g: _Grammar) -> tuple[str, int] | None:
    """The unit and end of "1,98 m." at a sentence's end: French and Spanish CLDR abbreviate
    the month "m." and the century "s.", which a one-letter symbol (metre, second) followed
    by the full stop also reads as. An abbreviation runs on in its sentence ("3 m. plus
    tard"); a full stop is followed by the end of the text or a capital."""
    word = after.group("unit")
    symbol = word[:-1].strip() if word and word.endswith(".") else ""
    rest = text[after.end():].lstrip()
    if symbol not in unit_symbols(g.lang) or rest[:1].islower() or rest[:1].isdigit():
        return None
    return unit_symbols(g.lang)[symbol], after.end() - 1


def _scale(text: str, s: int, end: int, g: _Grammar) -> tuple[float, int] | None:
    """(multiplier, end) of the scale word or form after the number at text[s:end]:
    "10 milyar", "4bn", "£125m"."""
    if (short := g.short_scale.match(text, end)) is not None:
        return scale_words(g.lang)[1][short.group("single") or short.group("multi")], short.end()
    if (long := g.long_scale.match(text, end)) is not None \
            and not _unit_rather(text, end, long, g) \
            and fold(long.group("scale")) not in _percent_words(g.lang):  # "3 yüzde" is no 300
        return lookup_prefix(_long_scales(g.lang), long.group("scale")) or 1.0, long.end()
    return _money_scale(text, s, end, g)


@cache
def _percent_words(lang: str) -> frozenset[str]:
    """CLDR's percent words of `lang`, folded: a scale word with a case ending may spell one
    (Turkish "yüzde", percent, is "yüz", hundred, in the locative)."""
    before, after, _ = percent_words(lang)
    return frozenset(fold(w) for w in (*before, *after))


@cache
def _long_scales(lang: str) -> dict[str, float]:
    """The scale words read after digits: CLDR's (thousand and up) and the hundreds
    (`number_words.hundred_words`: "2 hundred", "৩ শ’"), which CLDR's compact forms lack."""
    return {**hundred_words(lang), **scale_words(lang)[0]}


def _range_scale(text: str, end: int, value: Decimal, g: _Grammar) -> float | None:
    """The multiplier of a scale said after a range's second end only, which is the first
    end's too: "$3-4bn", "3 to 4 million people", "3 ila 4 milyon" (read alone, "3" would
    be $3 or 3 people, and conflict with "3 milyar" in another version)."""
    gap = range_gap(g.lang).match(text, end)
    number = g.number.match(text, gap.end()) if gap is not None and gap.end() > end else None
    if number is None:
        return None
    second = parse_number(number.group(), g.decimal)
    scale = _scale(text, number.start(), number.end(), g)
    return scale[0] if scale is not None and second is not None and value < second else None


@cache
def _money_scale_re(lang: str) -> re.Pattern[str]:
    """A short scale form (`money_scales`) after a number, glued, spaced or before a glued
    currency sign ("250 কোUS$"); not before a hyphen ("$5 T-shirt")."""
    signs = alternation(currency_symbols(lang))
    return re.compile(
        rf"{_SP}?(?P<form>{alternation(money_scales(lang))})"
        rf"(?=(?:{signs})|(?![-\u2011]|{WORD_CHAR}|\d))",
        re.IGNORECASE,
    )


def _money_scale(text: str, s: int, end: int, g: _Grammar) -> tuple[float, int] | None:
    """(multiplier, end) of a short scale form after the amount of money at text[s:end]:
    "£125m", "$3 B", "125 M $". Read only beside a currency, before the number or after the
    form: alone, "1,98 m" is metres and "plan B" a name."""
    form = _money_scale_re(g.lang).match(text, end)
    if form is None:
        return None
    after = g.after.match(text, form.end())
    if after is None or not (after.group("cursym") or after.group("curword")):
        before = g.before.search(text, max(0, s - _WINDOW), s)
        if before is None or not before.group("cur"):
            return None
    return money_scales(g.lang)[fold(form.group("form"))], form.end()


def _unit_rather(text: str, start: int, scale: re.Match[str], g: _Grammar) -> bool:
    """A unit or percent word that begins with a scale word: French "mille carré" (a square
    mile) is no thousand, Bengali "শতাংশ" (percent) and "শতক" (century) no hundreds. The
    longer reading wins; where both end with the word (Bengali words take any glued ending),
    the longer word before the ending ("শতাংশ" over "শত", "মিলিয়ন" over the metre's "মি")."""
    unit = g.after.match(text, start)
    if unit is None or not (word := unit.group("unit") or unit.group("pct")):
        return False
    if unit.end() != scale.end():
        return unit.end() > scale.end()
    words = unit_words(g.lang) if unit.group("unit") else map(fold, percent_words(g.lang)[1])
    return _stem(words, word) > _stem(scale_words(g.lang)[0], scale.group("scale"))


def _stem(words: Iterable[str], matched: str) -> int:
    """The length of the longest of `words` (folded) that `matched` begins with."""
    key = fold(matched)
    return max((len(w) for w in words if key.startswith(w)), default=0)


def _year_like(digits: str, value: Decimal, scaled: bool) -> bool:
    """Four bare digits from 1900 to 2100: a year, unless something else says otherwise."""
    return digits.isdecimal() and len(digits) == 4 and 1900 <= value <= 2100 and not scaled


# --- codes --------------------------------------------------------------------------------

_LATIN_CODE = re.compile(
    r"(?<![^\W\d_])(?<![\d-])([A-Z]{1,5})[-\u2011]?(\d{1,5})(?![\d])(?![.,]\d)"
)
# Latin letter names as Bengali writers spell them in model codes ("এইচ100" = H100).
_BENGALI_LETTER_SPELLINGS = {
    "এ": "A", "বি": "B", "সি": "C", "ডি": "D", "ই": "E", "এফ": "F", "জি": "G", "এইচ": "H",
    "আই": "I", "জে": "J", "কে": "K", "এল": "L", "এম": "M", "এন": "N", "ও": "O", "পি": "P",
    "কিউ": "Q", "আর": "R", "এস": "S", "টি": "T", "ইউ": "U", "ভি": "V", "ডব্লিউ": "W",
    "ডাব্লিউ": "W", "এক্স": "X", "ওয়াই": "Y", "জেড": "Z",
}
_BENGALI_LETTER_NAMES = {
    unicodedata.normalize("NFC", k): v for k, v in _BENGALI_LETTER_SPELLINGS.items()
}
_BENGALI_LETTER = alternation(_BENGALI_LETTER_NAMES)
_BENGALI_CODE = re.compile(
    rf"(?<!{WORD_CHAR})(?<!\d)((?:{_BENGALI_LETTER}){{1,4}})[-\u2011]?(\d{{1,5}})(?![\d])(?![.,]\d)"
)
_BENGALI_LETTER_RE = re.compile(_BENGALI_LETTER)
# what every code has: a capital (a Bengali letter's name, whose characters are all in the
# Bengali block) right before its digits, or before a hyphen and its digits. Searched first:
# the codes' patterns try their lookbehinds and letters at every character, these skip to a
# capital (or a Bengali character), and most texts with digits have no code.
_LATIN_CODE_HINT = re.compile(r"[A-Z][-\u2011]?\d")
_BENGALI_CODE_HINT = re.compile(r"[\u0980-\u09ff][-\u2011]?\d")
_BENGALI_LETTERS_ONLY = re.compile(f"(?:{_BENGALI_LETTER}){{1,4}}")


def find_codes(text: str) -> list[str]:
    """Model and product codes in `text`, upper-case without hyphens: "H100", "GPT4", "D1".

    Digits glued to Latin capitals are names, not numbers; Bengali texts spell the letters
    out ("এইচ100"), which maps to the same code.
    """
    found: list[tuple[int, str]] = []
    for m in _LATIN_CODE.finditer(text) if _LATIN_CODE_HINT.search(text) else ():
        found.append((m.start(), m.group(1) + _ascii_digits(m.group(2))))
    for m in _BENGALI_CODE.finditer(text) if _BENGALI_CODE_HINT.search(text) else ():
        letters = unicodedata.normalize("NFC", m.group(1))
        latin = "".join(
            _BENGALI_LETTER_NAMES[unicodedata.normalize("NFC", part)]
            for part in _BENGALI_LETTER_RE.findall(letters)
        )
        found.append((m.start(), latin + _ascii_digits(m.group(2))))
    return [code for _, code in sorted(found)]
