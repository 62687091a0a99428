"""The time zone a clock time is said in, read from the words beside it, as UTC offsets.

Outlets give an event's time in different zones: "9:03 a.m. local time (00:03 GMT)",
"à 02h17 heure de Paris", "TSİ 04.17'de", "الساعة 11 مساءً بتوقيت المغرب". A time's
`Quantity.zone` is the zone as written and `Quantity.offsets` the minutes east of UTC it
may be in, so that `crossfact.suggest` compares times as instants. A time with no zone, or
said in "local time", is the event's local time: its offset is unknown unless the story
says it, where one claim pairs a local time with a UTC one ("9:03 a.m. local time (00:03
GMT)": UTC+9), which `story_zones` gives every local time of the story.

Named zones are written as CLDR's region format (`Locale.zone_formats['region']`: "heure :
{0}", "{0} Saati", "توقيت {0}", "שעון {0}", "{0} সময়") filled with CLDR's exemplar cities
and the names of territories that have one zone (babel's zone data), in the forms outlets
write ("heure de Paris", "Türkiye saatiyle", "بتوقيت القاهرة"); offsets come from the
stdlib's `zoneinfo` for the date the claim gives, else each offset the zone has (standard
and daylight time) is allowed.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from babel.core import get_global
from babel.dates import get_timezone, get_timezone_location

from crossfact.locales import babel_locale, base_lang, fold, same_length_clean
from crossfact.models import Claim, Quantity
from crossfact.terminal import compared

UTC = "Etc/UTC"
LOCAL = "local"  # the zone key of "local time": the event's own, offset unknown
# The year whose standard and daylight offsets a zone has when no date is given: zone rules
# change rarely, and a fixed year keeps the output the same whatever day it is run.
REFERENCE_YEAR = 2024

# Greenwich as outlets spell it, a place name in the region format ("heure de Greenwich",
# "بتوقيت غرينتش", "שעון גריניץ'"): CLDR names only the metazone ("heure moyenne de
# Greenwich", "توقيت غرينتش", "שעון גריניץ׳", "গ্রীনিচ মিন টাইম"); Egyptian outlets write
# "جرينتش", Bengali ones "গ্রিনিচ" beside CLDR's "গ্রীনিচ".
_GREENWICH = ("Greenwich", "غرينتش", "جرينتش", "גריניץ'", "גריניץ׳", "גריניץ", "গ্রিনিচ",
              "গ্রীনিচ")
# "Local time" as outlets write it: CLDR has no such name. French drops "heure" after a
# time ("04h17 locales"), Turkish puts the case ending on "saat" ("yerel saatle").
_LOCAL_WORDS = {
    "en": ("local time",),
    "fr": ("heure locale", "heures locales", "locale", "locales"),
    "tr": ("yerel saat", "yerel saatle", "yerel saatiyle", "yerel saat ile", "yerel saati"),
    "ar": ("بالتوقيت المحلي", "التوقيت المحلي", "بتوقيت محلي", "حسب التوقيت المحلي"),
    "he": ("שעון מקומי", "לפי שעון מקומי", "בשעון מקומי"),
    "bn": ("স্থানীয় সময়", "স্থানীয় সময়ে"),
}
# Abbreviations, written in capitals (French "et" is "and"), kept only where one zone is
# meant: GMT and UTC everywhere (CLDR's own `zone_formats['gmt']` prefix); TSİ ("Türkiye
# saatiyle") only in Turkish news; CET/CEST, central Europe's, one offset each; US zones in
# English news (EST/EDT, PST/PDT one offset each, ET and PT the zone's two). BST (British
# Summer Time and Bangladesh Standard Time) and IST (India, Israel, Ireland) name several
# zones and are left out.
_ABBREVIATIONS: dict[str, tuple[str, tuple[int, ...]]] = {
    "GMT": (UTC, ()), "UTC": (UTC, ()), "TSİ": ("Europe/Istanbul", ()),
    # Arabic wire copy's "توقيت غرينتش" shortened: "الساعة 01,17 ت غ"
    "ت غ": (UTC, ()), "ت.غ": (UTC, ()),
    "CET": ("", (60,)), "CEST": ("", (120,)),
    "EST": ("", (-300,)), "EDT": ("", (-240,)), "ET": ("America/New_York", ()),
    "PST": ("", (-480,)), "PDT": ("", (-420,)), "PT": ("America/Los_Angeles", ()),
}
_ABBREVIATED_IN = {"TSİ": ("tr",), "ت غ": ("ar",), "ت.غ": ("ar",),
                   "ET": ("en",), "EST": ("en",), "EDT": ("en",),
                   "PT": ("en",), "PST": ("en",), "PDT": ("en",),
                   "CET": ("en", "fr", "tr"), "CEST": ("en", "fr", "tr")}
# ET and PT open names too ("after 10:30 PT Pertamina said": PT is an Indonesian company's
# "Perseroan Terbatas"): a two-letter abbreviation followed by a capitalised word is not
# read as a zone (at the cost of "10:30 ET Monday", which outlets write "ET on Monday").
_NO_NAME_AFTER = r"(?!\s+[A-Z])"
# A country's name that is also a US state's, in English ("3:15 p.m. Georgia time in
# Atlanta" is Eastern time, not Tbilisi's): read as no zone.
_ALSO_A_STATE = {"en": ("Georgia",)}
# The region format as outlets write it around a place name `P`, where they part from
# CLDR's own: "heure de Paris" for "heure : Paris" (and du, d', de la, des before a
# country), Turkish case endings on "saat" ("Türkiye saatiyle", "saatine"), the Arabic and
# Hebrew prepositions glued before the word for time ("بتوقيت", "בשעון"), a Bengali
# locative ("বাংলাদেশ সময়ে").
_OUTLET_FORMS = {
    "en": (r"{0} time",),
    "fr": (r"heures? (?:de la |de l'|de l’|d'|d’|du |des |de )?{0}",),
    "tr": (r"{0} saat(?:i|iyle|i ile|le|ine)?",),
    "ar": (r"(?:و?ب)?توقيت {0}",),
    "he": (r"(?:ב|ל|לפי )?שעון {0}",),
    "bn": (r"{0} সময়ে?",),
}
# Parts of the day written after a time, before its zone: "9:03 a.m. local time", "9:03
# בבוקר, שעון מקומי", "11 مساءً بتوقيت المغرب" (the rest of the word, its endings and marks,
# is part of it); CLDR's names of the parts of the day are added per language (`_day_parts`)
_DAY_PARTS = (r"(?:[ap]\.?m\b\.?|בבוקר|בערב|בלילה|בצהריים|صباح|مساء|ظهر|فجر|ليل|du matin|du soir)"
              r"\S*")
# Languages that write a zone before the time: "TSİ 04.17'de", "স্থানীয় সময় রাত ১১টা"
_ZONE_FIRST = {"tr", "bn"}
_GAP_BEFORE = r"[\s,:]*$"
# The zones furthest west and east of UTC in the zone database (Baker Island, Kiribati's
# Line Islands): a learnt or written offset beyond them is a misreading ("10:00 UTC+25").
_WEST_MOST, _EAST_MOST = -12 * 60, 14 * 60
_PM_AFTER = 8  # characters after a time searched for "p.m." or "مساءً"
# Turkish and Bengali write the part of the day before the time ("gece 11.30'da", "রাত
# ১১টা"): this many characters before it are searched too (a word and a space, "saat")
_PART_BEFORE = 12
# Parts of the day that make an hour from 1 to 11 an afternoon one ("9:03 p.m.", "11
# مساءً", "8.30'da akşam"), beside CLDR's (`_cldr_halves`), which lack these forms...
_EVENING = re.compile(r"p\.?\s?m|مساء|בערב|বিকা?েল|সন্ধ্যা|du soir|akşam", re.IGNORECASE)
# ...and "at night", which is the evening's only from 6 to 11 ("בשעה 11 בלילה", "রাত ১১টা"):
# 1 to 5 at night is before dawn ("4:17 בלילה" is 4:17, "ভোররাত ৪টা"), 12 is midnight
_NIGHT = re.compile(r"בלילה|রাত|ليل|gece|de la nuit|at night", re.IGNORECASE)
_NIGHT_FALLS = 6
_AM = re.compile(r"a\.?\s?m\b", re.IGNORECASE)  # "12:30 a.m." is half past midnight
# CLDR's names of the parts of the day shorter than this are left out: "ص" and "م" (Arabic
# a.m. and p.m.) are also letters of other words, "ÖS" and "p" abbreviations of others
_SHORTEST_PART = 3
# How far a CLDR part of the day may run past the characters searched for one (the longest,
# "de l'après-midi", "দুপুরবেলায়", is 15)
_LONGEST_PART = 20
_HALF_DAY = 12 * 3600  # seconds, as CLDR's day-period rules count
# A time written on a clock's pattern, its minutes after a sign ("9:03", "04h17", "19.20",
# "১৯ঃ৩০"), is read on the 24-hour clock, as news writes it where it says no part of the
# day; "৭টা ৩০ মিনিট" (7 o'clock 30 minutes) and a bare hour are not
_CLOCK_WRITTEN = re.compile(r"\d\s?(?:[^\w\s]|[hH])\s?\d")


# CLDR's GMT format with an offset ("GMT+3", "UTC−05:00"; `zone_formats['gmt']`)
_GMT_OFFSET = re.compile(r"(?:GMT|UTC)\s?([+\-−])(\d{1,2})(?::?(\d{2}))?")


@dataclass(frozen=True)
class Mark:
    """A zone said beside a clock time."""

    text: str  # as written: "GMT", "heure de Paris", "local time"
    zone: str  # IANA id; LOCAL for the event's local time; "" where `fixed` says
    fixed: tuple[int, ...] = ()  # the offsets an abbreviation fixes (EST: -300)


@cache
def _places(lang: str) -> dict[str, str]:
    """CLDR's exemplar cities and the names of territories with one zone, in `lang`, folded,
    each with its IANA zone (a name two zones share is left out)."""
    found: dict[str, set[str]] = {}
    for name, zone in _place_names(lang):
        found.setdefault(fold(name), set()).add(zone)
    return {name: next(iter(zones)) for name, zones in found.items() if len(zones) == 1}


@cache
def _place_names(lang: str) -> tuple[tuple[str, str], ...]:
    """(place name as CLDR writes it in `lang`, its IANA zone), Greenwich's as UTC's."""
    locale = babel_locale(lang)
    found: list[tuple[str, str]] = [(g, UTC) for g in _GREENWICH]
    # Etc/ zones have no city: babel makes one of the id, "GMT+1", whose POSIX sign is
    # the opposite of what people mean by it (Etc/GMT+1 is UTC-1)
    for zone in (z for z in get_global("zone_territories") if not z.startswith("Etc/")):
        try:
            city = get_timezone_location(get_timezone(zone), locale=locale, return_city=True)
        except LookupError:  # a CLDR zone the zone database does not hold ("Etc/Unknown")
            continue
        found.append((city, zone))
    for territory, zones in get_global("territory_zones").items():
        name = locale.territories.get(territory)
        if name and len(zones) == 1 and name not in _ALSO_A_STATE.get(base_lang(lang), ()):
            found.append((name, zones[0]))
    return tuple(found)


@cache
def _grammar(lang: str) -> tuple[re.Pattern[str], re.Pattern[str], dict[str, Mark]]:
    """(a zone right after a time, a zone right before one, the marks by folded text)."""
    lang = base_lang(lang)
    marks: dict[str, Mark] = {}
    words: list[str] = []
    for abbreviation, (zone, fixed) in _ABBREVIATIONS.items():
        if lang in _ABBREVIATED_IN.get(abbreviation, (lang,)):
            marks[abbreviation] = Mark(abbreviation, zone, fixed)
    for word in _LOCAL_WORDS.get(lang, ()):
        marks[fold(word)] = Mark(word, LOCAL)
        words.append(re.escape(word))
    written = {name for name, _ in _place_names(lang)}
    names = "|".join(re.escape(p) for p in sorted(written, key=len, reverse=True))
    named = "|".join(f"(?:{form.replace('{0}', f'(?:{names})')})" for form in _region(lang))
    abbreviations = "|".join(re.escape(a) + (_NO_NAME_AFTER if len(a) == 2 else "")
                             for a in _ABBREVIATIONS if a in marks)
    any_mark = (rf"(?P<mark>{_GMT_OFFSET.pattern}|(?i:{'|'.join([*words, named])})"
                rf"|{abbreviations})(?!\w|\s?[+\-−]\d)")
    gap_after = rf"\S*?(?:\s+{_day_parts(lang)})?[\s,]*\(?\s*"
    # a part of the day between a zone and the time after it: "স্থানীয় সময় সকাল ৯টায়"
    gap_before = rf"(?:\s+{_day_parts(lang)})?{_GAP_BEFORE}"
    return (re.compile(gap_after + any_mark), re.compile(any_mark + gap_before), marks)


@cache
def _cldr_halves(lang: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """CLDR's names of the parts of the day (babel's `Locale.day_periods`) that its
    day-period rules put in one half of the day: (the afternoon's and evening's, "ظهرًا",
    "দুপুর", "de l’après-midi", "öğleden sonra", "אחר הצהריים"; the morning's, "du matin",
    "সকাল"). The night's ("at night", "রাত্রি", "ليلاً") are left to `_NIGHT`, which knows
    that 4 at night is before dawn and 11 at night the evening."""
    locale = babel_locale(base_lang(lang))
    rules = locale.day_period_rules.get(None, {})
    pm: set[str] = set()
    am: set[str] = set()
    for widths in locale.day_periods.values():
        for names in widths.values():
            for period, name in names.items():
                if len(name) < _SHORTEST_PART or period.startswith("night") \
                        or period in ("noon", "midnight"):
                    continue  # the night's, across midnight or not ("at night" 21:00-24:00);
                    # noon and midnight are a moment, not a half ("from 9 to noon")
                spans = [(r.get("from", r.get("at")), r.get("before", r.get("at"))) for r in
                         rules.get(period, [])]
                if period == "pm" or spans and all(
                        a is not None and b is not None and _HALF_DAY <= a <= b
                        for a, b in spans):
                    pm.add(name)
                elif period == "am" or spans and all(
                        a is not None and b is not None and a <= b <= _HALF_DAY
                        for a, b in spans):
                    am.add(name)
    return tuple(sorted(pm, key=len, reverse=True)), tuple(sorted(am, key=len, reverse=True))


def _words(names: Iterable[str]) -> str:
    """An alternation of `names`, as words with their endings, either apostrophe in each."""
    return "|".join(re.escape(n.replace("’", "'")).replace("'", "['’]") for n in names)


@cache
def _day_parts(lang: str) -> str:
    """The parts of the day written after a time in `lang` (`_DAY_PARTS` and CLDR's)."""
    pm, am = _cldr_halves(lang)
    cldr = _words([*pm, *am])
    return rf"(?:{_DAY_PARTS}|(?i:{cldr})\S*)" if cldr else _DAY_PARTS


@cache
def _halves(lang: str) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    """CLDR's afternoon and morning words of `lang` (`_cldr_halves`) as patterns."""
    return tuple(re.compile(rf"(?<!\w)(?:{_words(names)})\w*", re.IGNORECASE) if names
                 else None for names in _cldr_halves(lang))  # type: ignore[return-value]


@cache
def _on_24_hours(lang: str) -> bool:
    """Whether `lang` writes the hours of the day from 0 to 23 (CLDR's short time pattern
    "HH:mm", French, Turkish, Hebrew; English, Arabic and Bengali write "h:mm a")."""
    pattern = babel_locale(base_lang(lang)).time_formats["short"].pattern
    return "H" in re.sub(r"'[^']*'", "", pattern)


def _region(lang: str) -> tuple[str, ...]:
    """The patterns of a named zone in `lang`, "{0}" standing for the place: CLDR's region
    format, and the forms outlets write (`_OUTLET_FORMS`)."""
    cldr = re.escape(babel_locale(lang).zone_formats["region"].replace("%s", "\x00"))
    return (cldr.replace(re.escape("\x00"), "{0}"), *_OUTLET_FORMS.get(lang, ()))


@cache
def _forms(lang: str) -> tuple[re.Pattern[str], ...]:
    """The region forms of `lang`, each with its place as a group, to read a named mark."""
    return tuple(re.compile(form.replace("{0}", "(?P<place>.+)"), re.IGNORECASE)
                 for form in _region(base_lang(lang)))


def _mark(written: str, lang: str) -> Mark | None:
    """The zone `written` names (a mark `_grammar` found)."""
    marks = _grammar(lang)[2]
    if (shifted := _GMT_OFFSET.fullmatch(written)) is not None:
        sign, hours, minutes = shifted.groups()
        east = (int(hours) * 60 + int(minutes or 0)) * (-1 if sign in "-−" else 1)
        return Mark(written, "", (east,)) if _possible_offset(east) else None
    if (known := marks.get(written) or marks.get(fold(written))) is not None:
        return Mark(written, known.zone, known.fixed)
    places = _places(lang)
    for form in _forms(lang):
        m = form.fullmatch(written)
        if m is not None and (zone := places.get(fold(m.group("place")))) is not None:
            return Mark(written, zone)
    return None


def zone_beside(text: str, start: int, end: int, lang: str) -> Mark | None:
    """The zone said right after the time at text[start:end] ("04h17 heure de Paris",
    "9:03 בבוקר, שעון מקומי"), or right before it in a language that writes it first
    ("TSİ 04.17'de")."""
    m = _zone_match(text, start, end, lang)
    return None if m is None else _mark(m.group("mark"), lang)


def _zone_match(text: str, start: int, end: int, lang: str, next_start: int | None = None
                ) -> re.Match[str] | None:
    """The match of the zone `zone_beside` reads: after the time, or before it. In a
    language that writes the zone first, a zone right before the next clock time (which
    starts at `next_start`) or before a time that is read as none is that one's:
    "স্থানীয় সময় রাত ৪টা ১৭ মিনিটে (GMT ১টা ১৭ মিনিট)", "দুপুর ২টায় (GMT ৮টা)"; one
    before a date is this time's ("saat 01.17 GMT 6 Şubat 2023'te")."""
    after, before, _ = _grammar(lang)
    m = after.match(text, end)
    first = base_lang(lang) in _ZONE_FIRST
    if m is not None and first and (
            _TIME_NEXT.match(text, m.end()) is not None or next_start is not None
            and m.end() <= next_start and not text[m.end():next_start].strip()):
        m = None
    if m is None and first:
        m = before.search(text, max(0, start - 60), start)
    return m


# An hour written as one right after a zone, read as a clock time or not ("GMT ৮টা", "GMT
# 01.17"): not a date's day ("GMT 6 Şubat") nor another figure
_TIME_NEXT = re.compile(r"\s*\d{1,2}\s*(?:টা|[:.ঃ]\d{2}(?!\d))")


def offsets(mark: Mark, when: date | None, times: Sequence[int] = ()) -> list[int]:
    """The minutes east of UTC the zone may be at `when`, at each of `times` (minutes past
    midnight, as `_times_of_day` reads the time said: the clocks change at night, "01h30
    heure de Paris" on 26 March 2023 is UTC+1, and in the hour they go back both offsets
    are); at noon when no time is given; both offsets of a zone with daylight time where
    no date is given; none for the event's local time."""
    if mark.fixed or mark.zone == LOCAL:
        return list(mark.fixed)
    try:
        zone = ZoneInfo(mark.zone)
    except (ZoneInfoNotFoundError, ValueError):
        return []
    if when is None:
        moments = [datetime(REFERENCE_YEAR, month, 1, 12, tzinfo=zone) for month in (1, 7)]
    else:
        moments = [datetime.combine(when, time(t // 60 % 24, t % 60), tzinfo=zone)
                   for t in (times or (12 * 60,))]
    found = {int((m.replace(fold=f).utcoffset() or timedelta()).total_seconds() // 60)
             for m in moments for f in (0, 1)}
    return sorted(found)


def _near(pattern: re.Pattern[str] | None, text: str, q: Quantity, lang: str, stop: int
          ) -> tuple[bool, bool]:
    """Whether a word of `pattern` is said (in the time `q`, or right before it in a language
    that writes the part of the day first: "দুপুর ২টা", not the দুপুর of the time before,
    "দুপুর ২টায় (GMT ৮টা)"; right after it, starting before `stop`)."""
    if pattern is None:
        return False, False
    lo = max(0, q.start - _LONGEST_PART) if base_lang(lang) in _ZONE_FIRST else q.start
    own = after = False
    for m in pattern.finditer(text, lo, stop + _LONGEST_PART):
        if q.start <= m.start() < q.end or m.end() <= q.start and not text[m.end():q.start].strip():
            own = True
        elif q.end <= m.start() <= stop:
            after = True
    return own, after


def _times_of_day(text: str, q: Quantity, lang: str, utc: bool = False, guess: bool = True
                  ) -> tuple[int, ...]:
    """The minutes past midnight the time `q` (in `text`) may be: its value (minutes past
    0:00 or 12:00, quarter words counted: "সাড়ে ৯টা" is 9:30), in the half of the day its
    hour ("19.20", "00:03"), its part of the day ("9:03 p.m.", "4:17 בלילה", "11 בלילה",
    "12:30 a.m.", "দুপুর ২টা") or the clock it is written on says: the 24-hour clock where
    the language writes it, where the time is written as on a clock ("9:03"), or in UTC
    (`utc`: wire copy restates a time in GMT as "01:17 GMT"). Else both halves ("সাতটায়",
    at seven, said alone). A part of the day in or right before the time's own text beats
    one after it, and one after another figure is that one's ("entre 9h et 14h de
    l'après-midi", "সকাল ১০টা থেকে দুপুর ১টা"). Without `guess`, the clock it is written
    on decides only where a leading zero says it ("08:30"): "8:30 GMT on Sunday evening"
    says its half past the characters searched, and may be either."""
    value = int(q.value) % 720
    digits = re.findall(r"\d+", q.text)
    hour = int(digits[0]) if digits else None
    if hour is not None and (hour == 0 or 13 <= hour <= 24):  # the 24-hour clock
        return (value + 720 * (hour < 24 and hour != 0),)
    lo = max(0, q.start - _PART_BEFORE * (base_lang(lang) in _ZONE_FIRST))
    lo = max([lo, *(m.end() for m in _DIGITS.finditer(text, lo, q.start))])
    stop = next((m.start() for m in _DIGITS.finditer(text, q.end, q.end + _PM_AFTER)),
                min(len(text), q.end + _PM_AFTER))
    own, after = text[lo:q.end], text[q.end:stop]
    twelve = value < 60  # the hour of 12:00 (midnight or noon)
    evening, morning = _halves(lang)
    (evening_own, evening_after), (morning_own, morning_after) = (
        _near(evening, text, q, lang, stop), _near(morning, text, q, lang, stop))
    am_own, am = _AM.search(q.text) is not None, _AM.search(after) is not None  # "9 a.m."
    if twelve and (_NIGHT.search(own + after) or am_own or am):
        return (value,)
    for said, pm_word, am_word, am_said in ((own, evening_own, morning_own, am_own),
                                            (after, evening_after, morning_after, am)):
        if _EVENING.search(said):
            return (value + 720,)
        if am_said:
            return (value,)
        if _NIGHT.search(said):
            return (value + 720 * (value >= _NIGHT_FALLS * 60),)
        if pm_word:
            return (value + 720,)
        if am_word:
            return (value,)
    if hour is not None and (digits[0].startswith("0") or guess and (
            utc or _on_24_hours(lang) or _CLOCK_WRITTEN.search(q.text) is not None)):
        return (value + 720 * twelve,)
    return (value, value + 720)


_DIGITS = re.compile(r"\d")


def read_zones(text: str, lang: str, found: Iterable[Quantity], when: date | None,
               ranges: re.Pattern[str] | None = None) -> None:
    """Give each clock time of `found` (in `text`) the zone said beside it and its offsets
    (at `when`, the date the sentence gives, if any, at the time said); a local time
    restated beside a UTC one is given the offset between them (each where the half of
    the day is unsaid: "সাতটায় (GMT ১টা)" is UTC+6 or UTC-6). `ranges` joins a range's two
    ends ("between 9:00 and 11:00 GMT", "de 18h00 à 20h00, heure locale"): the zone said
    after the second end is the first's too. (The languages that write the zone first,
    Turkish and Bengali, read no clock time in a range's second end, "09.00-11.00'de",
    "৯টা থেকে ১১টা".)"""
    clocks = sorted((q for q in found if q.clock), key=lambda q: q.start)
    following = [next((p.start for p in clocks if p.start >= q.end and p is not q), None)
                 for q in clocks]
    matches = [_zone_match(text, q.start, q.end, lang, n)
               for q, n in zip(clocks, following, strict=True)]
    marks = [None if m is None else _mark(m.group("mark"), lang) for m in matches]
    if ranges is not None:
        for i in range(len(clocks) - 1):
            (a, zone_a), (b, zone_b) = zip(clocks[i:i + 2], matches[i:i + 2], strict=True)
            if ranges.fullmatch(text, a.end, b.start) is None:
                continue
            if zone_a is None and zone_b is not None and zone_b.start() >= b.end:
                marks[i] = marks[i + 1]  # said after the second end
    times = [_times_of_day(text, q, lang, mark is not None and mark.zone == UTC)
             for q, mark in zip(clocks, marks, strict=True)]
    for q, mark, said in zip(clocks, marks, times, strict=True):
        # compared modulo 24 hours only where the text says the half (`guess` off): the
        # 24-hour reading of an unmarked "8:30" serves to find offsets, not to tell it apart
        q.day_minutes = list(_times_of_day(text, q, lang, guess=False))
        if mark is not None and mark.zone != LOCAL and (told := offsets(mark, when, said)):
            q.zone, q.offsets = mark.text, told  # none told: a zone the database lacks
    for i in range(len(clocks) - 1):
        a, b = clocks[i], clocks[i + 1]
        if not _restated(text, lang, a, b, matches[i], matches[i + 1]):
            continue
        for mine, utc, mark, at, at_utc in ((a, b, marks[i], times[i], times[i + 1]),
                                            (b, a, marks[i + 1], times[i + 1], times[i])):
            if mark is not None and mark.zone == LOCAL and utc.offsets == [0] \
                    and utc.zone is not None:
                gaps = {(m - u) % 1440 for m in at for u in at_utc}
                east = sorted(e for g in gaps if _possible_offset(e := g - 1440 * (g >= 720)))
                if east:
                    mine.offsets = east


@cache
def _apposition(lang: str) -> re.Pattern[str]:
    """What may stand between a time and its restatement in another zone, beside their
    zones and the first's day part and ending ("9:03 a.m. local time (00:03 GMT)", "04h17
    heure locale, 01h17 GMT", "19.20'de - 16.20 GMT"): spaces, brackets, commas, dashes, a
    colon."""
    return re.compile(r"\S*?(?:\s+" + _day_parts(lang) + r")?[\s,()\[\]\-–—:]*")


def _restated(text: str, lang: str, a: Quantity, b: Quantity, zone_a: re.Match[str] | None,
              zone_b: re.Match[str] | None) -> bool:
    """Whether time `b` restates time `a` in another zone, right beside it: nothing but
    their zones, spaces and brackets, commas or dashes between ("9:03 a.m. local time
    (00:03 GMT)", "à 04h17 heure locale, 01h17 GMT"). A conjunction or preposition between
    makes two times ("from 9:00 local time until 14:00 GMT", "ouvert à 9h00 heure locale et
    fermé à 16h30 GMT"), whose difference is no offset."""
    gap_start = zone_a.end() if zone_a is not None and zone_a.start() >= a.end else a.end
    gap_end = zone_b.start() if zone_b is not None and zone_b.end() <= b.start else b.start
    return gap_start <= gap_end and \
        _apposition(lang).fullmatch(text, gap_start, gap_end) is not None


def _possible_offset(minutes: int) -> bool:
    """Whether a zone on Earth may be `minutes` east of UTC: UTC-12 to UTC+14, in quarter
    hours (Nepal's +5:45 and the Chathams' +12:45 are the finest)."""
    return _WEST_MOST <= minutes <= _EAST_MOST and minutes % 15 == 0


def story_zones(claims: Sequence[Claim], lang_of: Mapping[str, str]) -> list[Claim]:
    """The claims with their times' offsets as the story tells them: a zone said in a
    sentence that gives no date takes its offset on the story's date (`story_date`), and
    each local time (no zone said) the story's local offset where the story tells one
    (`read_zones`) and all its tellings agree (those that leave the half of the day open
    agree with one that says it: UTC+6 or UTC-6 and UTC+6 make UTC+6); a story that tells
    two (an event in two zones, or a misreading) gives none."""
    told = [frozenset(q.offsets) for c in claims for q in c.fingerprint.numbers
            if q.clock and q.zone is None and q.offsets]
    both = frozenset.intersection(*told) if told else frozenset()
    every = frozenset().union(*told)
    learnt = sorted(both) if both else [min(every, key=abs)] \
        if len({o % 720 for o in every}) == 1 else []
    day = story_date(claims)
    out = []
    for c in claims:
        dated = any(calendar_day(d.year, d.month, d.day) for d in c.fingerprint.dates)
        lang = lang_of.get(c.doc, "en")
        numbers = [_as_told(q, c.text, lang, None if dated else day, learnt)
                   for q in c.fingerprint.numbers]
        if any(a is not b for a, b in zip(numbers, c.fingerprint.numbers, strict=True)):
            c = c.model_copy(update={"fingerprint": c.fingerprint.model_copy(
                update={"numbers": numbers})})
        out.append(c)
    return out


def _as_told(q: Quantity, text: str, lang: str, day: date | None, learnt: list[int]
             ) -> Quantity:
    """`q` (of the claim `text`) with the story's local offset (a local time) or its
    zone's offset on `day` at the time said."""
    if not q.clock:
        return q
    if q.zone is None:
        return q.model_copy(update={"offsets": learnt}) if learnt and not q.offsets else q
    if day is not None and len(q.offsets) > 1 and (mark := _mark(q.zone, lang)) is not None:
        seen = compared(text)
        said = _times_of_day(same_length_clean(seen), q, lang, mark.zone == UTC) \
            if seen[q.start:q.end] == q.text else (int(q.value) % 720, int(q.value) % 720 + 720)
        if on_the_day := offsets(mark, day, said):
            return q.model_copy(update={"offsets": on_the_day})
    return q


def story_date(claims: Sequence[Claim]) -> date | None:
    """The date the story is told on: the full date that most claims give (two at least,
    and more than any other: the versions of a story each give its day)."""
    counts = Counter((d.year, d.month, d.day) for c in claims for d in c.fingerprint.dates
                     if d.year and d.month and d.day)
    top = counts.most_common(2)
    if not top or top[0][1] < 2 or (len(top) > 1 and top[1][1] == top[0][1]):
        return None
    return calendar_day(*top[0][0])


def calendar_day(year: int | None, month: int | None, day: int | None) -> date | None:
    """The day a full date names; None for a partial date or an impossible one ("29
    February 2023", "31 juin"), which a misprint or a misreading makes."""
    if not (year and month and day):
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def utc_label(minutes: int) -> str:
    """"UTC+9", "UTC-4:30", "UTC"."""
    if not minutes:
        return "UTC"
    sign = "+" if minutes > 0 else "-"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")
