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
from datetime import date, datetime, timedelta
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from babel.core import get_global
from babel.dates import get_timezone, get_timezone_location

from crossfact.locales import babel_locale, base_lang, fold
from crossfact.models import Claim, Quantity

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
# is part of it)
_DAY_PARTS = r"(?:[ap]\.?m\b\.?|בבוקר|בערב|בלילה|בצהריים|صباح|مساء|ظهر|فجر|du matin|du soir)\S*"
# Languages that write a zone before the time: "TSİ 04.17'de", "স্থানীয় সময় রাত ১১টা"
_ZONE_FIRST = {"tr", "bn"}
_GAP_AFTER = rf"\S*?(?:\s+{_DAY_PARTS})?[\s,]*\(?\s*"
_GAP_BEFORE = r"[\s,:]*$"
# A local time and a UTC time this close in one sentence are one instant told twice ("9:03
# a.m. local time (00:03 GMT)", "04h17 locales (01h17 GMT)"): the gap is the local time's
# zone and a parenthesis; more apart, two times ("from 9:00 local time until 14:00 GMT").
_PAIRED = 32
_PM_AFTER = 8  # characters after a time searched for "p.m." or "مساءً"
_PM = re.compile(r"p\.?\s?m|مساء|בערב|בלילה|বিকা?েল|সন্ধ্যা|রাত", re.IGNORECASE)


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
        if name and len(zones) == 1:
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
    abbreviations = "|".join(re.escape(a) for a in _ABBREVIATIONS if a in marks)
    any_mark = (rf"(?P<mark>{_GMT_OFFSET.pattern}|(?i:{'|'.join([*words, named])})"
                rf"|{abbreviations})(?!\w|\s?[+\-−]\d)")
    return (re.compile(_GAP_AFTER + any_mark), re.compile(any_mark + _GAP_BEFORE), marks)


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
        east = int(hours) * 60 + int(minutes or 0)
        return Mark(written, "", (-east if sign in "-−" else east,))
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
    after, before, _ = _grammar(lang)
    m = after.match(text, end)
    if m is None and base_lang(lang) in _ZONE_FIRST:
        m = before.search(text, max(0, start - 60), start)
    return None if m is None else _mark(m.group("mark"), lang)


def offsets(mark: Mark, when: date | None) -> list[int]:
    """The minutes east of UTC the zone may be at `when` (both offsets of a zone with
    daylight time where no date is given); none for the event's local time."""
    if mark.fixed or mark.zone == LOCAL:
        return list(mark.fixed)
    try:
        zone = ZoneInfo(mark.zone)
    except (ZoneInfoNotFoundError, ValueError):
        return []
    days = [when] if when else [date(REFERENCE_YEAR, 1, 1), date(REFERENCE_YEAR, 7, 1)]
    found = {int((datetime(d.year, d.month, d.day, 12, tzinfo=zone).utcoffset()
                  or timedelta()).total_seconds() // 60) for d in days}
    return sorted(found)


def _minutes(text: str, q: Quantity) -> int:
    """The time of day of `q` in minutes past midnight as written, afternoon hours read
    from "p.m." or an evening word in it or right after it ("9:03 p.m." is 21:03)."""
    hour, minute, *_ = [int(d) for d in re.findall(r"\d+", q.text)] + [0]
    pm = hour < 12 and _PM.search(text, q.start, q.end + _PM_AFTER) is not None
    return (hour + 12 * pm) * 60 + minute


def read_zones(text: str, lang: str, found: Iterable[Quantity], when: date | None) -> None:
    """Give each clock time of `found` (in `text`) the zone said beside it and its offsets
    (at `when`, the date the sentence gives, if any); a local time told beside a UTC one
    is given the offset between them."""
    clocks = [q for q in found if q.clock]
    local: list[Quantity] = []
    for q in clocks:
        mark = zone_beside(text, q.start, q.end, lang)
        if mark is None:
            continue
        if mark.zone == LOCAL:
            local.append(q)
            continue
        if told := offsets(mark, when):  # none: a zone the zone database does not hold
            q.zone, q.offsets = mark.text, told
    for a, b in zip(clocks, clocks[1:], strict=False):
        if b.start - a.end > _PAIRED:
            continue
        for mine, utc in ((a, b), (b, a)):
            if mine in local and utc.zone is not None and utc.offsets == [0]:
                gap = (_minutes(text, mine) - _minutes(text, utc)) % 1440
                mine.offsets = [gap - 1440 if gap >= 720 else gap]


def story_zones(claims: Sequence[Claim], lang_of: Mapping[str, str]) -> list[Claim]:
    """The claims with their times' offsets as the story tells them: a zone said in a
    sentence that gives no date takes its offset on the story's date (`story_date`), and
    each local time (no zone said) the story's local offset where the story tells one
    (`read_zones`) and all its tellings agree; a story that tells two (an event in two
    zones, or a misreading) gives none."""
    told = {o for c in claims for q in c.fingerprint.numbers
            if q.clock and q.zone is None for o in q.offsets}
    learnt = [min(told, key=abs)] if len({o % 720 for o in told}) == 1 else []
    day = story_date(claims)
    out = []
    for c in claims:
        dated = any(calendar_day(d.year, d.month, d.day) for d in c.fingerprint.dates)
        numbers = [_as_told(q, lang_of.get(c.doc, "en"), None if dated else day, learnt)
                   for q in c.fingerprint.numbers]
        if any(a is not b for a, b in zip(numbers, c.fingerprint.numbers, strict=True)):
            c = c.model_copy(update={"fingerprint": c.fingerprint.model_copy(
                update={"numbers": numbers})})
        out.append(c)
    return out


def _as_told(q: Quantity, lang: str, day: date | None, learnt: list[int]) -> Quantity:
    """`q` with the story's local offset (a local time) or its zone's offset on `day`."""
    if not q.clock:
        return q
    if q.zone is None:
        return q.model_copy(update={"offsets": learnt}) if learnt and not q.offsets else q
    if day is not None and len(q.offsets) > 1 and (mark := _mark(q.zone, lang)) is not None \
            and (on_the_day := offsets(mark, day)):
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
