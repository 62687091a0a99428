"""Numbers written in words ("two decades", "trois", "dix millions", Bengali "সাতটার" = at
seven), read back to their values.

The words come from num2words, which spells cardinals out in all six languages (en tr fr ar
he bn) and is maintained; CLDR's own spell-out rules (RBNF) are not exposed by babel. Every
number from 2 to 99 and the hundreds to 900 is spelled once per language and read back by
the same table. Newsrooms spell out small numbers and round ones; larger figures come in
digits. "One" is left out: "one of", "un", "bir", "এক" are articles or pronouns far more
often than figures.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from crossfact.locales import NBSPACES, babel_locale, fold
from crossfact.names import Spans, word_spans

# the numbers spelled: small counts and round hundreds (a newsroom's "two", "fifty",
# "three hundred"); "one" is left out (see above)
SPELLED = (*range(2, 100), *range(100, 1000, 100))
LANGUAGES = ("en", "tr", "fr", "ar", "he", "bn")
# Forms num2words writes one way and news another:
# - Turkish joins compounds ("yirmibeş"); news writes "yirmi beş": atoms may stand apart.
# - Arabic and Hebrew numbers take the gender of the noun (ثلاثة / ثلاث, שלוש / שלושה) and
#   Arabic tens their case (عشرون / عشرين); "و" (and) is glued to the next word.
# - French "neuf" is also "new", Turkish "yedi" also "ate" and "yüz" also "face", Bengali
#   "নয়" also "is not":
#   these are read only before a word that counts (a unit, a scale or a currency).
_AMBIGUOUS = {"fr": {"neuf"}, "tr": {"yedi", "yüz"}, "bn": {"নয়"}}
# Bengali tells the hour with the classifier টা: "সাতটা" (seven o'clock), "সাতটায়" (at
# seven), "সাতটার" (of seven).
_BENGALI_HOUR = "টা(?:র|য়|য়)?"


@dataclass(frozen=True)
class Spelled:
    value: int
    start: int
    end: int
    clock: bool  # a Bengali hour ("সাতটায়")
    ambiguous: bool  # a word that is also a common word ("neuf"): needs a unit after it


# dropped from a number word's key: "yirmi beş" = "yirmibeş", "vingt-cinq" = "vingt cinq"
_SPACES_HYPHENS = re.compile(rf"[\s{NBSPACES}\-]+")


@lru_cache(maxsize=100_000)
def _key(text: str) -> str:
    return _SPACES_HYPHENS.sub("", fold(text))


@cache  # num2words over every spelled number: once per language
def _spellings(lang: str) -> dict[str, int]:
    """Every spelling num2words gives for the numbers of SPELLED, with the variants above."""
    from num2words import num2words

    out: dict[str, int] = {}
    for n in SPELLED:
        forms = {num2words(n, lang=lang)}
        if lang == "he":
            forms.add(num2words(n, lang=lang, gender="m"))
        if lang == "ar":
            forms |= {f.replace("ثلاثة", "ثلاث").replace("ة", "") if n <= 10 else f
                      for f in forms}
            if 13 <= n <= 19:  # the feminine teens: أربع عشرة, ثماني عشرة
                unit = forms.copy().pop().split(" ")[0].removesuffix("ة")
                forms.add(("ثماني" if unit == "ثماني" or unit == "ثمان" else unit) + " عشرة")
            forms |= {re.sub(r"ون\b", "ين", f) for f in forms}
            forms |= {f.replace("اثنان", "اثنين") for f in forms}
        for form in forms:
            out.setdefault(form, n)
    return out


@cache
def _table(lang: str) -> dict[str, int] | None:
    """`_key` of every spelling -> its value: spaces and hyphens dropped, so "yirmi beş" and
    num2words' "yirmibeş", "vingt-cinq" and "vingt cinq", "و عشرون" and "وعشرون" are one."""
    lang = babel_locale(lang).language
    if lang not in LANGUAGES:
        return None
    return {_key(form): n for form, n in _spellings(lang).items()}


@cache
def _first_words(lang: str) -> frozenset[str]:
    """`_key` of the first word of every spelling ("واحد" of "واحد و عشرون"), and of every
    one-word spelling."""
    return frozenset(_key(re.split(r"[\s\-]+", form)[0]) for form in _spellings(lang)) | \
        frozenset(_table(lang) or ())


_LONGEST = 5  # words in the longest spelling ("quatre-vingt-dix-neuf", "خمسة و عشرون")
# "and" glued before a number: Arabic "وثلاث", Hebrew "ושלוש"
_CLITICS = {"ar": ("و",), "he": ("ו",)}
# endings of a Turkish count: "otuz ikisi" (thirty-two of them), "sekizken", "sekizdi";
# never on "on" alone ("onu" is "him", "onda" "in it"), never "-nci" ("ikinci" is 2nd)
_TURKISH_ENDING = re.compile("(?:s?[iıuü]|ken|[dt][iıuü])$")
_BENGALI_HOUR_ENDING = re.compile(f"{_BENGALI_HOUR}$")
_ENDINGS = ("tr", "bn")  # the languages whose last number word may carry an ending
_GAP = re.compile(rf"[\s{NBSPACES}\-]*")
# what may stand between two number words of one number: a space, a hyphen, "and"
_AND = re.compile(rf"[\s{NBSPACES}\-]*(?:and|et|ve)?[\s{NBSPACES}\-]*")


def find_spelled(text: str, lang: str, spans: Spans | None = None) -> list[Spelled]:
    """The numbers `text` spells out, in order, the longest reading at each word; `spans`
    are its words' (`word_spans`) where the caller has them."""
    table = _table(lang)
    if table is None:
        return []
    lang = babel_locale(lang).language
    spans = word_spans(text) if spans is None else spans
    # most claims spell no number: one cached lookup per word says where one may start
    may_start = _starts_memo(lang)
    starts = [i for i, (a, b) in enumerate(spans)
              if (may := may_start.get(word := text[a:b])) or
              (may is None and _remember_start(may_start, word, lang))]
    if not starts:
        return []
    ambiguous = _ambiguous(lang)
    found: list[tuple[int, int, Spelled]] = []  # first word, after the last word, the number
    i = 0
    for k in starts:
        if k < i:
            continue  # inside the number read before
        i = k
        hit = _longest_at(text, spans, i, table, lang)
        if hit is None:
            continue
        n, value, start, hour = hit
        words = text[start:spans[i + n - 1][1]]
        # an ambiguous word with an ending is as ambiguous ("yüzdü": swam, or was a face)
        unsure = any(fold(w) in ambiguous for w, _, _ in _readings(words, lang, True, True)) \
            if n == 1 else fold(words) in ambiguous
        found.append((i, i + n, Spelled(value, start, spans[i + n - 1][1], hour and value <= 12,
                                        unsure)))
        i += n
    return [sp for first, after, sp in found
            if not _in_compound(text, spans, first, after, table, lang)]


@cache
def _ambiguous(lang: str) -> frozenset[str]:
    """The folded words of `_AMBIGUOUS` for `lang`, built once."""
    return frozenset(fold(w) for w in _AMBIGUOUS.get(lang, ()))


@cache
def _starts_memo(lang: str) -> dict[str, bool]:
    """`_may_start` of each word of `lang` seen so far: a plain dictionary, looked up inline
    for every word of every claim (an `lru_cache` call costs more than the lookup)."""
    return {}


def _remember_start(memo: dict[str, bool], word: str, lang: str) -> bool:
    """`_may_start`, stored in `memo` (kept to the size an `lru_cache` would keep)."""
    if len(memo) >= _STARTS_KEPT:
        memo.clear()
    found = memo[word] = _may_start(word, lang)
    return found


_STARTS_KEPT = 200_000  # distinct words remembered per language (6 x 1,997 lines: 64,000)


def _may_start(word: str, lang: str) -> bool:
    """Whether a number word may start at `word`: some reading of it starts a spelling."""
    starts = _first_words(lang)
    if lang not in _CLITICS and lang not in _ENDINGS:  # the word as written: its only reading
        return _key(word) in starts
    return any(_key(w) in starts for w, _, _ in _readings(word, lang, True, True))


def _readings(word: str, lang: str, first: bool, last: bool) -> list[tuple[str, int, bool]]:
    """(the word as a number word would be written, characters cut from its start, a Bengali
    hour) for one word: as written, without a clitic, without an ending."""
    out = [(word, 0, False)]
    if first:
        out += [(word[len(c):], len(c), False) for c in _CLITICS.get(lang, ())
                if word.startswith(c) and len(word) > len(c) + 1]
    if last and lang == "tr" and (bare := _TURKISH_ENDING.sub("", word)) != word \
            and fold(bare) != "on":  # "Onu" (him) opening a sentence too
        out.append((bare, 0, False))
    if last and lang == "bn" and (bare := _BENGALI_HOUR_ENDING.sub("", word)) != word:
        out.append((bare, 0, True))
    return out


def _longest_at(text: str, spans: list[tuple[int, int]], i: int, table: dict[str, int],
                lang: str) -> tuple[int, int, int, bool] | None:
    """(words, value, start, a Bengali hour) of the longest spelling from word `i`.

    The caller has checked that word `i` may start one (`_may_start`)."""
    for n in range(min(_LONGEST, len(spans) - i), 0, -1):
        if any(not _GAP.fullmatch(text, spans[j][1], spans[j + 1][0]) for j in range(i, i + n - 1)):
            continue
        words = [text[a:b] for a, b in spans[i:i + n]]
        if n == 1:
            for word, cut, hour in _readings(words[0], lang, True, True):
                if (value := table.get(_key(word))) is not None:
                    return 1, value, spans[i][0] + cut, hour
            continue
        for head, cut, _ in _readings(words[0], lang, True, False):
            for tail, _, hour in _readings(words[-1], lang, False, True):
                if (value := table.get(_key("".join([head, *words[1:-1], tail])))) is not None:
                    return n, value, spans[i][0] + cut, hour
    return None


def _in_compound(text: str, spans: list[tuple[int, int]], first: int, after: int,
                 table: dict[str, int], lang: str) -> bool:
    """Whether the number in words first..after is part of a longer number the table does
    not spell ("ثماني" and "عشرة" of a teen written otherwise): a number word right before
    or after it, with only a space, a hyphen or "and" between. Half a number read is worse
    than none."""
    def number_word(j: int) -> bool:
        word = text[spans[j][0]:spans[j][1]]
        return any(_key(w) in table for w, _, _ in _readings(word, lang, True, True))

    def joined(a: int, b: int) -> bool:
        gap = text[spans[a][1]:spans[b][0]]
        return _AND.fullmatch(gap) is not None

    return (first > 0 and joined(first - 1, first) and number_word(first - 1)) or (
        after < len(spans) and joined(after - 1, after) and number_word(after))
