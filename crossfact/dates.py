"""Find the dates and months a sentence names, in any of the story's languages.

Month names come from CLDR through `crossfact.locales` (with Levantine and Maghrebi Arabic
names and the inflected forms CLDR lacks). A date is reported with the parts the text gives:
"Temmuz ayında" -> month 7; "29 octobre 2024" -> 2024-10-29; "ביולי 2023" -> 2023-07.

A year inside a date is reported only here, not as a number: `find_quantities` skips every
digit inside a date's span, so "29 أكتوبر 2024" gives one DateRef and no Quantity. A year
standing alone ("2024 yılında") is a `Quantity(year=True)` from `find_quantities`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache

from crossfact.locales import (
    NBSPACES,
    WORD_CHAR,
    alternation,
    base_lang,
    fold,
    lookup_prefix,
    month_names,
    same_length_clean,
    word_regex,
)
from crossfact.memo import remember
from crossfact.models import DateRef

_SP = rf"[\s{NBSPACES}]"
_DIGIT = re.compile(r"\d")  # what every numeric date has
# what every numeric and ISO date has, its year: searched first, where most texts with
# digits have no four of them in a row (and a plain run of digits is searched for fast)
_YEAR_DIGITS = re.compile(r"\d{4}")
_APOSTROPHE_SUFFIX = rf"(?:['’]{WORD_CHAR}+)?"

# Clitics glued to a month name: Hebrew "ביולי", "מאוקטובר"; Arabic "وسبتمبر", "بأكتوبر".
_CLITICS = {"he": r"(?:[ובלמהש]{1,3}[-־]?)?", "ar": r"(?:[وبلف]{1,2})?"}
# Endings glued to a month name: Bengali case endings ("অক্টোবরের", "আগস্টে"), Turkish
# ones written without the apostrophe ("Temmuzda", "Eylülünde").
_YA = "(?:\u09af\u09bc|\u09df)"  # য় decomposed (NFC) or precomposed
_FREE_SUFFIX = {
    "bn": f"(?:(?:-?এর|ের|ে|র|{_YA}ে|{_YA}ের|{_YA}|তে)[ওই]?)?",  # "নভেম্বরেও", "জুলাইয়ে"
    "tr": f"{WORD_CHAR}*",
}
# Words that make a weak month name ("May", "mars", "Ekim", "মে") a month without day or year.
_CONTEXT_BEFORE = {
    "en": r"(?:month\s+of|early|late|mid-?|in)\s*$",
    "fr": r"(?:mois\s+d['’]?|début|fin|mi-|en|d['’]ici\s+fin)\s*$",
    "ar": r"(?:شهر|في)\s*$",
    "he": r"(?:חודש|בסוף|בתחילת|באמצע|עד)\s*$",
}
_CONTEXT_AFTER = {
    "tr": rf"{_SP}+(?:ay|baş|son|orta){WORD_CHAR}*",
    "bn": rf"{_SP}*মাস",
}
# Ordinal endings of a day: "1er octobre", "October 1st", Bengali "১লা অক্টোবর"; Bengali
# writers also set them, and the word তারিখ (date), apart: "২৯ শে মার্চ", "২৯ তারিখ মার্চ".
_ORDINAL = rf"er|st|nd|rd|th|লা|রা|ঠা|ই|শে|{_SP}(?:লা|রা|ঠা|ই|শে|তারিখ)"
# Where a year comes first, the word that makes it the year of the date after it (CLDR has
# no inflected forms): Bengali "২০২৪ সালের ১২ জুন" (of the year 2024, 12 June: the usual
# order), "১৯৭১ খ্রিস্টাব্দের মার্চ"; Turkish "2024 yılının Haziran ayında", "2024 yılı
# Haziran'ında", "2024'ün Haziran ayında". Without the word a year before a month is no part
# of it ("2023 Haziran" is rare, "in 2023 June saw" two phrases). Arabic, Hebrew, French and
# English write the year last, which `named` reads already. Written from the grammar of the
# two languages, not tuned: the dev news fixtures have সালের only before quarters, no month.
_YEAR_OF = {
    "bn": rf"{_SP}*(?:সালের|সনের|খ্রি(?:স|ষ)্টাব্দের)",
    "tr": rf"(?:{_SP}+yılı(?:nın)?|['’]n?(?:ün|in|un|ın))",  # "2024'ün", after a vowel "2022'nin"
}
# Languages whose month names are capitalised: a lower-case "ekim" is the word "sowing".
_CAPITALISED = {"en", "tr"}


@dataclass(frozen=True)
class _DateGrammar:
    named: re.Pattern[str]
    numeric: re.Pattern[str]
    iso: re.Pattern[str]
    context_before: re.Pattern[str] | None
    context_after: re.Pattern[str] | None
    # the month names alone, the part of `named` every match has: searched first where it
    # is much faster than `named` (scripts without case; with case both cost the same)
    months: re.Pattern[str] | None
    # with case, where every month name is letters only: the same names, matched at the start
    # of a text's words, one word at a time (`_may_name_month`), and what each word gave
    month_word: re.Pattern[str] | None
    month_words: dict[str, bool] = field(default_factory=dict)


@cache
def _grammar(lang: str) -> _DateGrammar:
    lang = base_lang(lang)
    names, weak = month_names(lang)
    strong = alternation(w for w in names if w not in weak)
    weak_alt = alternation(weak)
    clitic = _CLITICS.get(lang, "")
    suffix = _FREE_SUFFIX.get(lang, "") + _APOSTROPHE_SUFFIX
    any_month = f"(?:{strong}|{weak_alt})"
    year_of = _YEAR_OF.get(lang, "(?!)")  # (?!) fails: no year before the date
    cased = any(ch.lower() != ch.upper() for name in names for ch in name)
    month_pattern = re.compile(f"{strong}|{weak_alt}", re.IGNORECASE)
    named = re.compile(
        _first_character(names) * (cased and not clitic)
        + rf"(?:(?<![\d.,])(?P<year0>\d{{4}}){year_of}{_SP}+)?"
        rf"(?:(?<![\d.,])(?P<d1>\d{{1,2}})(?:{_ORDINAL}|\.)?{_SP}+(?:de{_SP}+)?)?"
        rf"(?<!{WORD_CHAR}){clitic}"
        rf"(?:(?P<strong>{strong}){suffix}|(?P<weak>{weak_alt}){_APOSTROPHE_SUFFIX})"
        rf"(?!{WORD_CHAR})(?P<dot>\.(?!\d))?"
        rf"(?:{_SP}*/{_SP}*{clitic}{any_month}{suffix}(?!{WORD_CHAR}))?"
        rf"(?:{_SP}+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?(?![\d.,]\d))?"
        rf"(?:,?{_SP}+(?:de{_SP}+)?(?P<year>\d{{4}})(?!\d))?",
        re.IGNORECASE,
    )
    before = _CONTEXT_BEFORE.get(lang)
    after = _CONTEXT_AFTER.get(lang)
    return _DateGrammar(
        named=named,
        # Spaces around the marks are bidi marks cleaned away: "09\u200f/05\u200f/2024".
        numeric=re.compile(r"(?<![\d.,/])(\d{1,2}) ?([./-])(\d{1,2}) ?\2(\d{4})(?![\d])"),
        iso=re.compile(r"(?<![\d.,/])(\d{4})-(\d{1,2})-(\d{1,2})(?![\d])"),
        context_before=re.compile(rf"(?<!{WORD_CHAR}){before}", re.IGNORECASE) if before else None,
        context_after=re.compile(after, re.IGNORECASE) if after else None,
        months=None if cased else month_pattern,
        month_word=month_pattern if cased and all(name.isalpha() for name in names) else None,
    )


def _first_character(names: Iterable[str]) -> str:
    """A lookahead for what every named date starts with, a digit or a month's first letter,
    or "" where a first letter has spellings `word_regex` merges. Tested at each position
    before the slower alternation of month names: the same matches, about twice as fast."""
    firsts = {unicodedata.normalize("NFC", name)[:1] for name in names}
    if any(word_regex(c) != re.escape(c) for c in firsts):
        return ""
    return rf"(?=[\d{''.join(re.escape(c) for c in sorted(firsts))}])"


def _day(digits: str | None) -> int | None:
    if digits is None:
        return None
    day = int(digits)
    return day if 1 <= day <= 31 else None


def _year(digits: str | None) -> int | None:
    return None if digits is None else int(digits)


def _named_dates(text: str, lang: str, grammar: _DateGrammar) -> list[DateRef]:
    if grammar.months is not None and grammar.months.search(text) is None:
        return []
    names, _ = month_names(lang)
    found = []
    for m in grammar.named.finditer(text):
        month_group = "strong" if m.group("strong") else "weak"
        month_text = m.group(month_group)
        day = _day(m.group("d1")) or _day(m.group("d2"))
        year = _year(m.group("year0") or m.group("year"))
        # a year written first dates a capitalised month only: "2023 yılı ekim sezonunda" is
        # the sowing season of 2023, read as a month where the word's context says so
        dated = day or m.group("year") or (year and not _uncased(month_text, base_lang(lang)))
        if not dated and _is_weak(m, month_group, base_lang(lang)) and not _has_context(
            text, m.start(month_group), m.end(), grammar
        ):
            continue
        # An impossible day ("50 Temmuz", "April 45") is a number next to a month, not a day.
        if m.group("d1") and not _day(m.group("d1")):
            start, year = m.start(month_group), _year(m.group("year"))  # not the year before
        else:
            start = m.start()
        # A dot the date ends on is the sentence's full stop ("le 3 mai."), or an abbreviation's
        # that ends the sentence too ("until Oct."): the span, and the reasons, end at the name.
        end = m.start("dot") if m.end("dot") == m.end() else m.end()
        if m.group("d2") and not _day(m.group("d2")):
            end, year = len(text[: m.start("d2")].rstrip()), _year(m.group("year0"))
        month = names.get(fold(month_text)) or lookup_prefix(names, month_text)
        found.append(
            DateRef(text=text[start:end], year=year, month=month, day=day, start=start, end=end)
        )
    return found


def _is_weak(m: re.Match[str], month_group: str, lang: str) -> bool:
    """Whether a month name alone is too ambiguous to be a month ("May", "ekim", "mars")."""
    word = m.group(month_group)
    if _uncased(word, lang):
        return True
    if month_group == "strong":
        return False
    # "until Oct." -- a capitalised English abbreviation with its dot is a month.
    return not (lang == "en" and m.group("dot") and word[0].isupper() and fold(word) != "may")


def _uncased(word: str, lang: str) -> bool:
    """Whether a month name is written in lower case where months are capitalised."""
    return lang in _CAPITALISED and not word[0].isupper()


def _has_context(text: str, start: int, end: int, grammar: _DateGrammar) -> bool:
    before = grammar.context_before
    after = grammar.context_after
    return bool(
        (before and before.search(text, max(0, start - 20), start))
        or (after and after.match(text, end))
    )


def _numeric_dates(text: str, lang: str, grammar: _DateGrammar) -> list[DateRef]:
    found: list[DateRef] = []
    if _YEAR_DIGITS.search(text) is None:
        return found
    for m in grammar.numeric.finditer(text):
        first, sep, second, year = int(m.group(1)), m.group(2), int(m.group(3)), int(m.group(4))
        month_first = base_lang(lang) == "en" and sep == "/"
        day, month = (second, first) if month_first else (first, second)
        if month > 12 and day <= 12:
            day, month = month, day
        if 1 <= month <= 12 and 1 <= day <= 31:
            found.append(DateRef(text=m.group(), year=year, month=month, day=day,
                                 start=m.start(), end=m.end()))
    for m in grammar.iso.finditer(text):
        year, month, day = (int(g) for g in m.groups())
        if 1 <= month <= 12 and 1 <= day <= 31:
            found.append(DateRef(text=m.group(), year=year, month=month, day=day,
                                 start=m.start(), end=m.end()))
    return found


def find_dates(text: str, lang: str, words: Sequence[str] | None = None) -> list[DateRef]:
    """The dates and months named in `text` (in language `lang`), in order of appearance.
    `words` are its words (`crossfact.names.Words.texts`) where the caller has them: a text
    with no digit and no word that opens a month name has none (`_may_name_month`), which
    settles most claims in a few lookups rather than a pass of the date patterns."""
    if words is not None and not _may_name_month(text, words, _grammar(lang)):
        return []
    return [DateRef(text=text[start:end].strip(), year=year, month=month, day=day,
                    start=start, end=end)
            for start, end, year, month, day in _find_dates(text, lang)]


def _may_name_month(text: str, words: Sequence[str], grammar: _DateGrammar) -> bool:
    """Whether `text` (whose words are `words`) may name a date: it has a digit, or the
    language has no `month_word`, or a word starts with a month name or has something
    other than letters in it (a mark, a digit). `named` finds a month where no letter
    stands before it, which is where a word begins (`crossfact.names.WORD`), or inside a
    word after a digit or a mark; month names all letters, the whole name is in that word.
    Each distinct word is read once (`month_words`)."""
    pattern, memo = grammar.month_word, grammar.month_words
    if pattern is None or _DIGIT.search(text):
        return True
    return any((may := memo.get(word)) or (may is None and remember(
        memo, word, not word.isalpha() or pattern.match(word) is not None)) for word in words)


_Found = tuple[int, int, int | None, int | None, int | None]  # start, end, year, month, day


@lru_cache(maxsize=256)
def _find_dates(text: str, lang: str) -> tuple[_Found, ...]:
    """The dates of `find_dates`, kept for the next call: a claim's figures are read right
    after its dates, and `find_quantities` asks for the same dates again."""
    grammar = _grammar(lang)
    clean = same_length_clean(text)
    numeric = _numeric_dates(clean, lang, grammar) if _DIGIT.search(clean) else []
    found = sorted(numeric + _named_dates(clean, lang, grammar), key=lambda d: (d.start, -d.end))
    kept: list[DateRef] = []
    for date in found:
        if kept and date.start < kept[-1].end:
            continue  # overlapping: the earlier, longer one wins
        kept.append(date)
    return tuple((d.start, d.end, d.year, d.month, d.day) for d in kept)
