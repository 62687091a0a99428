"""Countries and languages by their names in each language, from CLDR (babel's
`Locale.territories` and `Locale.languages`): Hindistan = India = الهند = ভারত = הודו.

An exonym shares no letters across languages, so its consonant skeleton cannot link it; its
CLDR code can. A name found here gets the key "=T:IN" (territory) or "=L:hi" (language),
the same in every version.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from crossfact.locales import babel_locale, fold, word_regex

# What a language glues to a name (CLDR lists the bare name): Arabic "و/ف/ب/ل/ك" before its
# "ال" ("والهند", "بالهند", and "للهند" for ل + الهند), Hebrew "ו/ב/ל/מ/ה/ש/כ" ("בהודו"),
# Bengali and Turkish case endings after it ("ভারতের", "Hindistanlı"; Turkish with an
# apostrophe "Hindistan'da" is cut at the apostrophe anyway).
_PREFIX = {"ar": "(?:[وفبلك]{1,2})?", "he": "(?:[ובלמהכש]{1,3}[-־]?)?"}
_SUFFIX = {"bn": r"[\p{Bengali}]*", "tr": r"\p{Ll}*"}
# Codes that name no place a story means: unknown region, pseudo-locales.
_NOT_PLACES = {"ZZ", "XA", "XB"}


@dataclass(frozen=True)
class _Table:
    pattern: regex.Pattern[str]
    keys: dict[str, str]  # fold(name) -> "=T:IN" / "=L:hi"


@cache
def _table(lang: str) -> _Table:
    """Every country's and language's CLDR name in `lang`, one pattern for all of them.

    Case-sensitive: CLDR writes names as they stand in running text ("Turkey" the country,
    "turkey" the bird; French "hindi" the language is lower-case, as French writes it).
    """
    locale = babel_locale(lang)
    keys: dict[str, str] = {}
    for code, name in locale.territories.items():
        if code.isalpha() and code not in _NOT_PLACES:
            keys.setdefault(fold(name), f"=T:{code}")
    for code, name in locale.languages.items():
        if len(code) == 2:
            keys.setdefault(fold(name), f"=L:{code}")
    names = sorted({n for n in (*locale.territories.values(), *(
        name for code, name in locale.languages.items() if len(code) == 2))
        if fold(n) in keys}, key=len, reverse=True)
    prefix = _PREFIX.get(locale.language, "")
    suffix = _SUFFIX.get(locale.language, "")
    if locale.language == "ar":  # ل + ال is written لل: "للهند"
        names += [f"ل{n[2:]}" for n in names if n.startswith("ال")]
        keys.update({fold(f"ل{n[2:]}"): keys[fold(n)] for n in names if n.startswith("ال")})
    alternatives = "|".join(word_regex(n) for n in names)
    pattern = regex.compile(rf"(?<![\p{{L}}\p{{M}}]){prefix}(?P<name>{alternatives}){suffix}"
                            rf"(?![\p{{L}}\p{{M}}])")
    return _Table(pattern, keys)


def find_exonyms(text: str, lang: str) -> list[tuple[str, str]]:
    """(the name as written, its CLDR key) for each country or language `text` names."""
    table = _table(lang)
    return [(m.group("name"), table.keys[fold(m.group("name"))])
            for m in table.pattern.finditer(text)]
