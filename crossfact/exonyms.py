"""Countries and languages by their names in each language, from CLDR (babel's
`Locale.territories` and `Locale.languages`): Hindistan = India = الهند = ভারত = הודו.

An exonym shares no letters across languages, so its consonant skeleton cannot link it; its
CLDR code can. A name found here gets the key "=T:IN" (territory) or "=L:hi" (language),
the same in every version.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from crossfact.locales import babel_locale, fold
from crossfact.memo import remember
from crossfact.names import Spans, Words, words_of

# What a language glues to a name (CLDR lists the bare name): Arabic "و/ف/ب/ل/ك" before its
# "ال" ("والهند", "بالهند", and "للهند" for ل + الهند), Hebrew "ו/ב/ל/מ/ה/ש/כ" ("בהודו");
# Bengali case endings after it ("ভারতের", locative "সিরিয়ায়"), Turkish ones without an apostrophe
# ("Hindistanlı"; with one, "Hindistan'da" is cut at the apostrophe anyway).
_PREFIXES = {"ar": ("و", "ف", "ب", "ل", "ك"),
             "he": ("וב", "ול", "ומ", "וה", "שב", "ו", "ב", "ל", "מ", "ה", "ש", "כ")}
_SUFFIXES = {"bn": ("ের", "এর", "-এর", "কে", "তে", "ে", "র", "ও", "য়", "য়"),
             "tr": ("lı", "li", "lu", "lü", "da", "de", "ta", "te", "a", "e", "ı", "i")}
# Codes that name no place a story means: unknown region, pseudo-locales.
_NOT_PLACES = {"ZZ", "XA", "XB"}


def _key(words: str) -> str:
    """How names and the words of a text are compared: folded, hyphens as spaces
    ("États-Unis" is the two words États, Unis). `fold` is cached: no cache of its own."""
    return fold(words.replace("-", " ").replace("־", " "))


@dataclass(frozen=True)
class _Table:
    names: dict[str, tuple[str, bool]]  # `_key` of a name -> (its key, capitalised in CLDR)
    starts: dict[str, int]  # `_key` of a name's first word -> most words of such a name
    # each word of a text seen so far -> whether its `_key` is in `starts`: a plain
    # dictionary, looked up inline for every word of every claim, where calling the
    # cached `_key` cost more than the rest of the search on 6 x 1,997 NTREX lines
    opens: dict[str, bool] = field(default_factory=dict)


@cache
def _table(lang: str) -> _Table:
    """Every country's and language's CLDR name in `lang`.

    CLDR writes names as they stand in running text ("Turkey" the country, "turkey" the bird;
    French writes the language "hindi"), so a capitalised name matches only with its capital.
    """
    locale = babel_locale(lang)
    table: dict[str, tuple[str, bool]] = {}
    names = [(f"=T:{code}", name) for code, name in locale.territories.items()
             if code.isalpha() and code not in _NOT_PLACES]
    names += [(f"=L:{code}", name) for code, name in locale.languages.items() if len(code) == 2]
    for key, name in names:
        table.setdefault(_key(name), (key, name[:1].isupper()))
    if locale.language == "ar":  # ل + ال is written لل: "للهند"
        table.update({"لل" + n[2:]: v for n, v in list(table.items()) if n.startswith("ال")})
    # every name also with a clitic before it and a case ending after it, so that a text's
    # words are looked up as they stand, one dictionary lookup each
    prefixes = ("", *_PREFIXES.get(locale.language, ()))
    suffixes = ("", *_SUFFIXES.get(locale.language, ()))
    table = {p + n + x: v for n, v in table.items() for p in prefixes for x in suffixes}
    starts: dict[str, int] = {}
    for name in table:
        first, *rest = name.split(" ")
        starts[first] = max(starts.get(first, 0), 1 + len(rest))
    return _Table(table, starts)


def find_exonyms(text: str, lang: str, words: Words | None = None) -> list[tuple[str, str]]:
    """(the words as written, their CLDR key) for each country or language `text` names,
    the longest name where names overlap ("Amerika Birleşik Devletleri", not "Amerika");
    `words` are its words (`words_of`) where the caller has them."""
    table = _table(lang)
    texts, spans = words_of(text) if words is None else words
    # most words start no name: one lookup each, inline, before any closer look
    opens, starts = table.opens, table.starts
    candidates = [i for i, word in enumerate(texts)
                  if (o := opens.get(word))
                  or (o is None and remember(opens, word, _key(word) in starts))]
    found: list[tuple[str, str]] = []
    i = 0
    for k in candidates:
        if k < i:
            continue  # inside the name read before
        i = k
        hit = _longest_at(text, texts, spans, i, table)
        if hit is None:
            continue
        n, key = hit
        found.append((text[spans[i][0]:spans[i + n - 1][1]], key))
        i += n
    return found


def _longest_at(text: str, texts: list[str], spans: Spans, i: int, table: _Table
                ) -> tuple[int, str] | None:
    """(how many words, key) of the longest name starting at word `i`, or None."""
    word = texts[i]
    most = table.starts.get(_key(word))
    if most is None:
        return None
    for n in range(min(most, len(spans) - i), 0, -1):
        gaps = (text[spans[j][1]:spans[j + 1][0]] for j in range(i, i + n - 1))
        if any(gap.strip(" -\u05be") for gap in gaps):
            continue  # a name's words stand next to each other
        found = table.names.get(" ".join(map(_key, texts[i:i + n])))
        if found is not None and (not found[1] or word[:1].isupper() or not word[:1].islower()):
            return n, found[0]
    return None
