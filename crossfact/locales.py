"""CLDR data (through babel) that the number and date finders need, read once per language.

Everything CLDR has comes from babel: separators, scale words ("milyar", "milliards",
"مليار", "কোটি"), percent and unit patterns, currency names and symbols, month names.
News text also uses forms CLDR does not list (plurals, inflections, regional spellings,
"approximately" words); those are added in small tables below, each saying why.

All word lists are keyed by `fold(word)`, so a finder can map what it matched back to a value
whatever the case, Unicode normalisation or Arabic alef spelling of the text.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from functools import cache, lru_cache
from typing import TypeVar

from babel import Locale, UnknownLocaleError
from babel.numbers import format_decimal, get_currency_name
from babel.units import format_unit

# Invisible direction marks that CLDR patterns and RTL text carry around numbers ("\u200f0 אלף").
BIDI_MARKS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_BIDI_TO_SPACE = str.maketrans(BIDI_MARKS, " " * len(BIDI_MARKS))
_BIDI_MARK = re.compile(f"[{BIDI_MARKS}]")

# Spaces that separate digit groups or a number from its word ("29 000", "10\u00a0Md").
NBSPACES = "\u00a0\u202f\u2009"
# runs of spaces of any kind, one space in `fold`
_SPACES = re.compile(rf"[\s{NBSPACES}]+")

# A letter or a combining mark (Bengali vowel signs, Arabic harakat, Hebrew points are marks,
# and `\w` does not match them).
WORD_CHAR = (
    r"(?:[^\W\d_]|[\u0300-\u036f\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670"
    r"\u0981-\u0983\u09bc-\u09cd\u09d7\u09e2\u09e3])"
)

T = TypeVar("T")

# Values among which every plural category of the six languages has one (Arabic has six:
# zero, one, two, few 3-10, many 11-99, other 100+; a fraction is "one" in French).
_PLURAL_CANDIDATES = (0, 1, 2, 3, 11, 100, 1.5, 1_000_000)


@cache
def plural_samples(lang: str) -> tuple[float, ...]:
    """One number per CLDR plural category of `lang` (en: 1 and 0; ar: six): formatting
    each gives every plural form of a unit or currency name, and no form twice."""
    rule = babel_locale(lang).plural_form
    seen: dict[str, float] = {}
    for n in _PLURAL_CANDIDATES:
        seen.setdefault(rule(n), n)
    return tuple(seen.values())

_ALEFS = "اأإآ"
_FOLD_ARABIC = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ى": "ي", "ة": "ه", "\u0640": None})
# Hebrew abbreviations carry gershayim (ק״מ, ש״ח), which keyboards and CLDR write as U+05F4
# and newsrooms as a straight or curly double quote (ק"מ, ק“מ): one spelling for lookups.
GERSHAYIM = "״\"“”"
_FOLD_GERSHAYIM = str.maketrans(dict.fromkeys(GERSHAYIM, "״"))
_FOLD = _FOLD_ARABIC | _FOLD_GERSHAYIM  # one pass: neither table maps to the other's keys


def same_length_clean(text: str) -> str:
    """Bidi marks turned into spaces: offsets into the result are offsets into `text`.

    Searched for first: translating with a table costs a dictionary lookup per character,
    and most text has no marks.
    """
    return text.translate(_BIDI_TO_SPACE) if _BIDI_MARK.search(text) else text


# what `fold` must clean before it normalises: spaces of any kind and bidi marks (no word of
# a text has any, as `crossfact.names.WORD` cuts words at both)
_SPACE_OR_MARK = re.compile(rf"[\s{BIDI_MARKS}]")


@lru_cache(maxsize=200_000)
def fold(word: str) -> str:
    """The lookup key of a word: NFC, casefolded, one alef, one ya and one gershayim, no bidi
    marks, runs of spaces as one space.

    Cached: each distinct word of a story is folded by several readers (numbers in words,
    exonyms, dates, units). Most words are ASCII letters and digits, which NFC leaves alone
    and whose casefold is `lower`; without a space or a bidi mark, the cleaning steps are
    no-ops and are skipped."""
    if word.isascii() and word.isalnum():
        return word.lower()
    if _SPACE_OR_MARK.search(word) is not None:
        word = _SPACES.sub(" ", unicodedata.normalize("NFC", same_length_clean(word)).strip())
    else:
        word = unicodedata.normalize("NFC", word)
    return word.casefold().replace("\u0307", "").translate(_FOLD)


def word_regex(word: str) -> str:
    """A regex for `word` that also accepts the spellings `fold` merges.

    Bengali nukta letters come precomposed (U+09DF) or decomposed (U+09AF U+09BC); Arabic
    writers vary the hamza on alef and the final ya/ta marbuta; a space may be any space.
    """
    out = []
    for ch in unicodedata.normalize("NFC", word):
        if ch in _ALEFS:
            out.append(f"[{_ALEFS}]")
        elif ch in "يى":
            out.append("[يى]")
        elif ch in "ةه":
            out.append("[ةه]")
        elif ch in GERSHAYIM:
            out.append(f"[{GERSHAYIM}]")
        elif ch.isspace():
            out.append(rf"[\s{NBSPACES}]+")
        else:
            out.append(re.escape(ch))
    pattern = "".join(out)
    for pair, composed in BENGALI_NUKTA.items():
        pattern = pattern.replace(pair, f"(?:{pair}|{composed})")
    return pattern


# The Bengali letters with a nukta (ড়, ঢ়, য়) that Unicode also encodes as one letter
# (U+09DC, U+09DD, U+09DF); NFC leaves them decomposed (composition exclusions), and news
# text holds either: each decomposed pair and its one letter.
BENGALI_NUKTA = {"\u09a1\u09bc": "\u09dc", "\u09a2\u09bc": "\u09dd", "\u09af\u09bc": "\u09df"}


def bengali_spellings(word: str) -> tuple[str, ...]:
    """`word` as written (decomposed), and with its nukta letters precomposed if it has any."""
    composed = word
    for pair, letter in BENGALI_NUKTA.items():
        composed = composed.replace(pair, letter)
    return (word,) if composed == word else (word, composed)


def alternation(words: Iterable[str]) -> str:
    """One regex group matching any of `words`, longest first so "milliards" beats "milliard"."""
    unique = sorted({w for w in words if w}, key=lambda w: (-len(w), w))
    return "(?:" + "|".join(word_regex(w) for w in unique) + ")" if unique else "(?!)"


def lookup_prefix(table: Mapping[str, T], matched: str) -> T | None:
    """The value of the longest key that `matched` starts with (the rest being a suffix)."""
    key = fold(matched)
    for word in sorted(table, key=len, reverse=True):
        if key.startswith(word):
            return table[word]
    return None


@cache
def babel_locale(lang: str) -> Locale:
    """The CLDR locale for a language code; English for codes CLDR does not know."""
    try:
        return Locale.parse(lang.replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        return Locale.parse("en")


def base_lang(lang: str) -> str:
    """"tr-TR" -> "tr"; the tables below are keyed by the bare language."""
    return babel_locale(lang).language


# --- numbers -------------------------------------------------------------------------------


@cache
def number_marks(lang: str) -> tuple[str, str]:
    """The (decimal, group) marks of the locale's Latin-digit numbers: ("," , ".") for tr."""
    symbols = babel_locale(lang).number_symbols["latn"]
    return symbols["decimal"], symbols["group"]


def _unquote(pattern: str) -> str:
    return pattern.replace("'", "")


def _compact_words(lang: str, kind: str) -> dict[str, float]:
    """Scale words from CLDR compact patterns: "00 milyar" under 10^10 means milyar = 10^9;
    `kind` "currency" reads the compact money patterns ("¤0 Mn", "0 א׳ ¤").

    A word's multiplier is the magnitude over 10^(zeros-1). Where CLDR's own entries
    disagree (bn short "000কো" under 10^11), the multiplier most entries give wins.
    """
    votes: dict[str, Counter[float]] = {}
    loc = babel_locale(lang)
    formats = (loc.compact_currency_formats["short"] if kind == "currency"
               else loc.compact_decimal_formats[kind])
    for plural in formats:
        for magnitude, pattern in formats[plural].items():
            text = same_length_clean(_unquote(getattr(pattern, "pattern", str(pattern))))
            zeros = text.count("0")
            if not zeros:
                continue  # fr "mille" for exactly 1000: a number word, not a scale
            word = text[text.rfind("0") + 1 :].replace("¤", "").strip(" " + NBSPACES)
            if word:
                multiplier = int(magnitude) / 10 ** (zeros - 1)
                votes.setdefault(word, Counter())[multiplier] += 1
    return {w: c.most_common(1)[0][0] for w, c in votes.items()}


# Scale words CLDR's compact patterns lack, in the forms news writers use:
# - plurals and spellings CLDR has no slot for (ar "مليارات", fr "milliers"/"Mds", bn "লক্ষ");
# - the English-style words Bengali translators use instead of লাখ/কোটি ("বিলিয়ন"),
# - the financial shorthand every newsroom uses whatever the language ("10bn", "5 mn", "Mrd").
_EXTRA_LONG_SCALES: dict[str, dict[str, float]] = {
    "ar": {"مليارات": 1e9, "تريليون": 1e12, "تريليونات": 1e12, "بليون": 1e9, "آلاف": 1e3},
    "fr": {"milliers": 1e3, "millier": 1e3},
    # and the hundred Bengali news writes after digits ("৫ শতাধিক", five hundred and more);
    # the longer percent or unit reading of a word it begins (শতাংশ, শতক) wins
    "bn": {"লক্ষ": 1e5, "মিলিয়ন": 1e6, "বিলিয়ন": 1e9, "ট্রিলিয়ন": 1e12, "শত": 1e2},
    "he": {"אלפים": 1e3, "מיליונים": 1e6, "מיליארדים": 1e9},
}
# "Two dozen" (24), "deux douzaines", "iki düzine", "দুই ডজন": a count of twelves, which
# neither CLDR nor num2words names; read as a scale word after a number.
_DOZENS: dict[str, tuple[str, ...]] = {
    "en": ("dozen",), "fr": ("douzaine", "douzaines"), "tr": ("düzine",), "bn": ("ডজন",),
    "ar": ("دزينة", "دستة"), "he": ("תריסר", "תריסרים", "תריסרי"),
}
_EXTRA_SHORT_SCALES: dict[str, float] = {
    "k": 1e3, "mn": 1e6, "mln": 1e6, "bn": 1e9, "Mrd": 1e9, "Mrd.": 1e9, "Mds": 1e9, "tn": 1e12,
}
_EXTRA_SHORT_BY_LANG: dict[str, dict[str, float]] = {"fr": {"Md": 1e9, "Mds": 1e9}}


@cache
def scale_words(lang: str) -> tuple[dict[str, float], dict[str, float]]:
    """(long words keyed by `fold`, case-sensitive short forms) with their multipliers."""
    lang = base_lang(lang)
    long_words = {fold(w): m for w, m in _compact_words(lang, "long").items()}
    long_words.update({fold(w): m for w, m in _EXTRA_LONG_SCALES.get(lang, {}).items()})
    long_words.update({fold(w): 12.0 for w in _DOZENS.get(lang, ())})
    short = dict(_EXTRA_SHORT_SCALES)
    short.update(_compact_words(lang, "short"))
    short.update(_EXTRA_SHORT_BY_LANG.get(lang, {}))
    # A short form that is also a long word ("ألف") is matched as a long word. Only Latin
    # short forms are kept: bn "লা" is also the ordinal ending of "১লা" (1st).
    short = {w: m for w, m in short.items() if fold(w) not in long_words and w.isascii()}
    return long_words, short


# The English newsroom's "£125m", "$5m" (CLDR's en "M" in lower case, which `money_scales`
# reads anyway) copied into other languages' texts beside the "bn" and "k" of
# _EXTRA_SHORT_SCALES; read only after an amount of money, where "m" is never metres.
_MONEY_ONLY_SCALES: dict[str, float] = {"m": 1e6}


@cache
def money_scales(lang: str) -> dict[str, float]:
    """The short scale forms read after an amount of money, keyed by `fold`: "£125m", "$3 B",
    "125 M €", Bengali "২৫০ কো$", and CLDR's compact money forms (he "1 א׳ $"). Beside a
    currency they cannot be a unit symbol ("1,98 m"), a name ("plan B") or an ordinal (bn
    "১লা"), so every case and the non-Latin CLDR forms `scale_words` leaves out are read.
    Where two forms fold alike, the newsroom shorthand wins over CLDR (fr "bn" is 1e9,
    CLDR's "Bn" a French billion, 1e12): English usage is what a glued "bn" copies."""
    lang = base_lang(lang)
    table: dict[str, float] = {}
    for forms in (_MONEY_ONLY_SCALES, _EXTRA_SHORT_SCALES, _EXTRA_SHORT_BY_LANG.get(lang, {}),
                  _compact_words(lang, "short"), _compact_words(lang, "currency")):
        for word, multiplier in forms.items():
            table.setdefault(fold(word), multiplier)
    long_words = scale_words(lang)[0]
    return {w: m for w, m in table.items() if w not in long_words}


# "Percent" words CLDR's unit patterns lack: the other common spellings of the same phrase.
_EXTRA_PERCENT_WORDS: dict[str, list[str]] = {
    "en": ["per cent", "percent"],
    "fr": ["pour cent", "pourcent"],
    "ar": ["في المائة", "في المئة", "بالمئة", "بالمائة"],
    "he": ["אחוזים", "אחוז"],
    "bn": ["শতাংশ", "শতকরা"],
    "tr": [],
}
# Words written before the number ("yüzde 5", "শতকরা ৫").
_EXTRA_PERCENT_PREFIX: dict[str, list[str]] = {"bn": ["শতকরা"]}


@cache
def percent_words(lang: str) -> tuple[frozenset[str], frozenset[str], bool]:
    """(words before the number, words after it, whether the % sign goes first as in tr)."""
    lang = base_lang(lang)
    loc = babel_locale(lang)
    before: set[str] = set(_EXTRA_PERCENT_PREFIX.get(lang, []))
    after: set[str] = set(_EXTRA_PERCENT_WORDS.get(lang, []))
    for n in plural_samples(lang):  # the long pattern in each plural form ("5 pour cent")
        number = format_decimal(n, locale=loc)
        written = same_length_clean(format_unit(n, "concentr-percent", length="long", locale=loc))
        head, _, tail = written.partition(number)
        for part, side in ((head, before), (tail, after)):
            word = part.strip(" " + NBSPACES)
            if word and word not in "%٪":
                side.add(word)
    sign_first = loc.percent_formats[None].pattern.lstrip("\u200e\u200f").startswith("%")
    return frozenset(before), frozenset(after - before), sign_first


# --- currencies ---------------------------------------------------------------------------

CURRENCIES = ("USD", "EUR", "GBP", "JPY", "CNY", "INR", "TRY", "ILS", "BDT", "RUB", "CHF")

# Symbols every locale's readers understand, whatever the locale's own display symbol.
_UNIVERSAL_SYMBOLS = {
    "$": "USD", "US$": "USD", "USD": "USD", "€": "EUR", "EUR": "EUR", "£": "GBP", "GBP": "GBP",
    "¥": "JPY", "₹": "INR", "₺": "TRY", "TL": "TRY", "₪": "ILS", "NIS": "ILS", "৳": "BDT",
    "₽": "RUB", "CHF": "CHF",
}

# CLDR names a currency officially ("ABD doları", "dollar des États-Unis"); news writes the
# bare word and its plural or inflected forms, which CLDR does not list.
_CURRENCY_WORDS: dict[str, dict[str, str]] = {
    "en": {"dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR", "yen": "JPY",
           "yuan": "CNY", "rupee": "INR", "rupees": "INR", "lira": "TRY", "shekel": "ILS",
           "shekels": "ILS", "taka": "BDT", "pounds sterling": "GBP", "sterling": "GBP"},
    "tr": {"dolar": "USD", "avro": "EUR", "euro": "EUR", "sterlin": "GBP", "yen": "JPY",
           "yuan": "CNY", "rupi": "INR", "lira": "TRY", "şekel": "ILS", "taka": "BDT"},
    "fr": {"dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR",
           "livres sterling": "GBP", "livre sterling": "GBP", "yens": "JPY", "yen": "JPY",
           "yuans": "CNY", "yuan": "CNY", "roupies": "INR", "roupie": "INR",
           "shekels": "ILS", "shekel": "ILS", "takas": "BDT", "taka": "BDT"},
    "ar": {"دولار": "USD", "دولارات": "USD", "يورو": "EUR", "جنيه إسترليني": "GBP",
           "ين": "JPY", "يوان": "CNY", "روبية": "INR", "ليرة تركية": "TRY", "شيكل": "ILS",
           "شيقل": "ILS", "تاكا": "BDT"},
    "he": {"דולר": "USD", "דולרים": "USD", "אירו": "EUR", "יורו": "EUR", "ליש\"ט": "GBP",
           "ין": "JPY", "יואן": "CNY", "רופי": "INR", "שקל": "ILS", "שקלים": "ILS",
           "ש\"ח": "ILS", "טאקה": "BDT"},
    "bn": {"ডলার": "USD", "ইউরো": "EUR", "পাউন্ড": "GBP", "ইয়েন": "JPY", "ইউয়ান": "CNY",
           "রুপি": "INR", "লিরা": "TRY", "শেকেল": "ILS", "টাকা": "BDT"},
}


@cache
def currency_symbols(lang: str) -> dict[str, str]:
    """Currency symbols (as written, case-sensitive) -> ISO code: universal ones and CLDR's."""
    table = dict(_UNIVERSAL_SYMBOLS)
    loc = babel_locale(lang)
    for code in CURRENCIES:
        symbol = loc.currency_symbols.get(code)
        if symbol and symbol != code and len(symbol) <= 4:
            table.setdefault(symbol, code)
        table.setdefault(code, code)
    return table


@cache
def currency_words(lang: str) -> dict[str, str]:
    """Currency words keyed by `fold` -> ISO code: CLDR display names plus the bare words."""
    lang = base_lang(lang)
    loc = babel_locale(lang)
    table = {fold(w): c for w, c in _CURRENCY_WORDS.get(lang, _CURRENCY_WORDS["en"]).items()}
    for code in CURRENCIES:
        names = {loc.currencies.get(code)} | {
            get_currency_name(code, count=n, locale=loc) for n in plural_samples(lang)}
        table.update({fold(n): code for n in names if n})
    return table


# --- approximate markers ---------------------------------------------------------------------

# CLDR has only the "≈"-style sign (number_symbols approximatelySign); words are ours.
_APPROX_BEFORE: dict[str, list[str]] = {
    "en": ["about", "around", "approximately", "roughly", "nearly", "almost", "some", "circa",
           "close to", "an estimated", "estimated"],
    "tr": ["yaklaşık olarak", "yaklaşık", "aşağı yukarı", "tahminen", "kabaca", "neredeyse"],
    "fr": ["environ", "près de", "quelque", "approximativement", "autour de", "presque",
           "quasiment", "plus ou moins", "aux alentours de"],
    "ar": ["حوالي", "حوالى", "نحو", "ما يقرب من", "قرابة", "زهاء", "ما يناهز", "تقريبا", "تقريبًا"],
    "he": ["בערך", "קרוב ל", "קרוב ל-", "כמעט", "בסביבות", "כ-", "כ־"],
    "bn": ["প্রায়", "আনুমানিক", "মোটামুটি", "প্রায়"],
}
_APPROX_AFTER: dict[str, list[str]] = {
    "tr": ["civarında", "civarı", "dolayında"],
    "ar": ["تقريبا", "تقريبًا"],
    "bn": ["এর কাছাকাছি", "কাছাকাছি"],
    "fr": ["environ"],
    "en": ["or so"],
    "he": ["בערך"],
}


@cache
def approx_words(lang: str) -> tuple[frozenset[str], frozenset[str]]:
    """(markers before a number, markers after it) that make it approximate."""
    lang = base_lang(lang)
    signs = {"~", "≈", "≃", babel_locale(lang).number_symbols["latn"].get("approximatelySign", "~")}
    before = set(_APPROX_BEFORE.get(lang, _APPROX_BEFORE["en"])) | signs
    after = set(_APPROX_AFTER.get(lang, []))
    return frozenset(before), frozenset(after)


@cache
def list_joiners(lang: str) -> tuple[frozenset[str], frozenset[str]]:
    """(joining words, joining prefixes) of two items in CLDR's "and" and "or" list patterns:
    "et", "ou", "ve", "veya", "এবং", "বা", "או"; Arabic و and Hebrew ו are glued to the
    second item ("{0} و{1}")."""
    patterns = babel_locale(lang).list_patterns
    words: set[str] = set()
    prefixes: set[str] = set()
    for style in ("standard", "or"):
        two = patterns.get(style, {}).get("2", "")
        if "{0}" not in two or "{1}" not in two:
            continue
        joiner = two.split("{0}", 1)[1].split("{1}", 1)[0]
        if joiner.strip():
            (words if joiner.endswith(" ") else prefixes).add(joiner.strip())
    return frozenset(words), frozenset(prefixes)


# --- months -------------------------------------------------------------------------------

# Regional CLDR locales whose month names Arabic news also uses: Levantine/Iraqi (تموز,
# أيلول) and Maghrebi (جويلية, غشت). CLDR "ar" has only the Egyptian-style names.
_REGIONAL_LOCALES = {"ar": ("ar_SY", "ar_IQ", "ar_MA", "ar_TN", "ar_DZ")}
# Spellings CLDR does not list but writers use.
_EXTRA_MONTHS: dict[str, dict[str, int]] = {
    "bn": {"জানুয়ারি": 1, "ফেব্রুয়ারি": 2, "আগষ্ট": 8, "সেপ্টেম্বার": 9, "অক্টোবার": 10},
    "he": {"מרס": 3, "אוגוסט": 8},
    "en": {"Sept": 9},
}
# Month names that are also common words ("May", "ekim", "آب", "mars"): only taken as months
# with a day, a year or a "month" word next to them.
_WEAK_MONTHS: dict[str, set[str]] = {
    "en": {"may", "march"},
    "tr": {"ocak", "mart", "ekim", "kasım", "mayıs"},
    "fr": {"mars", "mai"},
    "ar": {"اب", "ماي", "مارس", "جوان"},
    "he": {"מאי", "מרץ"},
    "bn": {"মে"},
}


@cache
def month_names(lang: str) -> tuple[dict[str, int], frozenset[str]]:
    """(month names keyed by `fold` -> 1..12, the folded names that need context).

    Wide names stand alone; abbreviations ("Eyl", "oct.") and weak names need context.
    """
    lang = base_lang(lang)
    names: dict[str, int] = {}
    weak = {fold(w) for w in _WEAK_MONTHS.get(lang, set())}
    abbreviations: dict[str, int] = {}
    for code in (lang, *_REGIONAL_LOCALES.get(lang, ())):
        months = babel_locale(code).months
        for context in ("format", "stand-alone"):
            for number, name in months[context]["wide"].items():
                names[fold(name)] = number
            for number, name in months[context]["abbreviated"].items():
                abbreviations[fold(name.rstrip("."))] = number
    names.update({fold(w): n for w, n in _EXTRA_MONTHS.get(lang, {}).items()})
    for word, number in abbreviations.items():
        if word not in names:
            names[word] = number
            weak.add(word)
    return names, frozenset(weak)
