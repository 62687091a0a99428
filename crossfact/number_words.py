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
from functools import cache

from crossfact.locales import NBSPACES, WORD_CHAR, babel_locale, fold, word_regex

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
# "and" glued before a number: Arabic "وثلاث", Hebrew "ושלוש"
_CLITIC = {"ar": "(?:و)?", "he": "(?:ו)?"}


@dataclass(frozen=True)
class Spelled:
    value: int
    start: int
    end: int
    clock: bool  # a Bengali hour ("সাতটায়")
    ambiguous: bool  # a word that is also a common word ("neuf"): needs a unit after it


@dataclass(frozen=True)
class _Grammar:
    pattern: re.Pattern[str]
    values: dict[str, int]  # `_key` of a spelling -> its value


def _key(text: str) -> str:
    return re.sub(rf"[\s{NBSPACES}\-]+", "", fold(text))


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
def _grammar(lang: str) -> _Grammar | None:
    lang = babel_locale(lang).language
    if lang not in LANGUAGES:
        return None
    spellings = _spellings(lang)
    atoms = sorted({w for form in spellings for w in re.split(r"[\s\-]+", form)}, key=len,
                   reverse=True) if lang != "tr" else _turkish_atoms(spellings)
    patterns = sorted({_pattern(form, lang, atoms) for form in spellings}, key=len, reverse=True)
    hour = f"(?P<hour>{_BENGALI_HOUR})?" if lang == "bn" else ""
    clitic = _CLITIC.get(lang, "")
    pattern = re.compile(rf"(?<!{WORD_CHAR}){clitic}(?P<words>{'|'.join(patterns)}){hour}"
                         rf"(?!{WORD_CHAR})", re.IGNORECASE)
    return _Grammar(pattern, {_key(form): n for form, n in spellings.items()})


def _turkish_atoms(spellings: dict[str, int]) -> list[str]:
    """The words Turkish compounds are made of: the spellings of 2-10, the tens, yüz."""
    from num2words import num2words

    words = {num2words(n, lang="tr") for n in (1, *range(2, 11), *range(20, 100, 10), 100)}
    return sorted(words, key=len, reverse=True)


def _pattern(form: str, lang: str, atoms: list[str]) -> str:
    """A regex for one spelling: its words apart by any space or hyphen ("vingt-cinq",
    "vingt cinq"), Turkish atoms apart or joined, Arabic "و" glued or not."""
    if lang == "tr":
        parts, rest = [], form
        while rest:
            atom = next((a for a in atoms if rest.startswith(a)), rest)
            parts.append(atom)
            rest = rest[len(atom):]
        # endings: "otuz ikisi" (thirty-two of them), "sekizken", "sekizdi"; never on "on"
        # alone ("onu" is "him", "onda" "in it"), and never "-nci" ("ikinci" is 2nd)
        ending = "" if parts == ["on"] else "(?:s?[iıuü]|ken|[dt][iıuü])?"
        return rf"[\s{NBSPACES}]?".join(word_regex(p) for p in parts) + ending
    words = re.split(r"[\s\-]+", form)
    joined = ""
    for i, w in enumerate(words):
        if i:
            joined += rf"[\s{NBSPACES}]*" if words[i - 1] == "و" else rf"[\s{NBSPACES}\-]+"
        joined += word_regex(w)
    return joined


def find_spelled(text: str, lang: str) -> list[Spelled]:
    """The numbers `text` spells out, in order."""
    grammar = _grammar(lang)
    if grammar is None:
        return []
    ambiguous = {fold(w) for w in _AMBIGUOUS.get(babel_locale(lang).language, ())}
    matches = list(grammar.pattern.finditer(text))
    out = []
    for i, m in enumerate(matches):
        hour = m.groupdict().get("hour")
        value = _value(m.group("words"), lang, grammar)
        if value is None or _in_compound(text, matches, i):
            continue
        out.append(Spelled(value, m.start("words"), m.end(), bool(hour) and value <= 12,
                           fold(m.group("words")) in ambiguous))
    return out


def _value(words: str, lang: str, grammar: _Grammar) -> int | None:
    """The value of the words matched, a Turkish ending cut off ("sekizken" -> sekiz)."""
    found = grammar.values.get(_key(words))
    if found is None and lang == "tr":
        bare = re.sub("(?:s?[iıuü]|ken|[dt][iıuü])$", "", words)
        found = grammar.values.get(_key(bare))
    return found


def _in_compound(text: str, matches: list[re.Match[str]], i: int) -> bool:
    """Whether match `i` is part of a longer number the table does not spell ("ثماني" and
    "عشرة" of a teen written otherwise): a number word right before or after it, with only
    a space, a hyphen or "and" between. Half a number read is worse than none."""
    def joined(a: re.Match[str], b: re.Match[str]) -> bool:
        return re.fullmatch(rf"[\s{NBSPACES}\-]*(?:و|ו|and|et|ve)?[\s{NBSPACES}\-]*",
                            text[a.end():b.start()]) is not None
    return (i > 0 and joined(matches[i - 1], matches[i])) or (
        i + 1 < len(matches) and joined(matches[i], matches[i + 1]))
