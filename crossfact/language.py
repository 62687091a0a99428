"""Which language a document is in, as an ISO 639-1 code (tr, bn, ar, fr, he, en, ...).

Script first, statistics second. Counting letters per script settles most cases outright
(Bengali script is bn, Hebrew script is he) and is robust to the many Latin names and
model codes in non-Latin news (the Bengali seed has ~130 Latin letters to ~2,900 Bengali
ones): we count letters, never words. Only where one script serves several languages
(Latin, Arabic, Cyrillic, Devanagari) do we ask lingua, restricted to that script's
languages so it loads fast (all languages are much heavier). Detectors are built lazily and
cached. lingua runs in its low-accuracy (trigram-only) mode: it loads many times faster and
smaller (benchmarks/README.md), and on NTREX lines of 120+ letters
it was right 99-100% of the time for en/fr/tr/ar; shorter texts add word frequencies
(`_short_text_language`).
"""

from __future__ import annotations

import functools
import unicodedata
from collections import Counter
from typing import TYPE_CHECKING

import regex
from babel import Locale, UnknownLocaleError
from babel.core import get_global, parse_locale

from crossfact.errors import InputError

if TYPE_CHECKING:  # lingua loads a native extension: keep `import crossfact.language` cheap
    from lingua import LanguageDetector

# The scripts a newsroom meets, by Unicode's Script_Extensions (so Arabic vowel marks count as
# Arabic); "Kana" joins Hiragana and Katakana, which one language writes together.
_SCRIPT_CLASSES: dict[str, str] = {
    name: rf"\p{{scx={name}}}"
    for name in ("Latin", "Greek", "Cyrillic", "Armenian", "Hebrew", "Arabic", "Devanagari",
                 "Bengali", "Gurmukhi", "Gujarati", "Tamil", "Telugu", "Kannada", "Malayalam",
                 "Sinhala", "Thai", "Georgian", "Hangul", "Han")
} | {"Kana": r"[\p{scx=Hiragana}\p{scx=Katakana}]"}
_SCRIPT = regex.compile("|".join(f"(?P<{n}>{c})" for n, c in _SCRIPT_CLASSES.items()))

# scripts that (for a news desk) mean one language: no statistics needed
_SINGLE_LANGUAGE = {
    "Bengali": "bn",
    "Hebrew": "he",
    "Greek": "el",
    "Armenian": "hy",
    "Georgian": "ka",
    "Gurmukhi": "pa",
    "Gujarati": "gu",
    "Tamil": "ta",
    "Telugu": "te",
    "Kannada": "kn",
    "Malayalam": "ml",
    "Sinhala": "si",
    "Thai": "th",
    "Hangul": "ko",
    "Kana": "ja",
    "Han": "zh",
}

# Latin-script languages lingua chooses among: the newsroom's (en, fr, tr) and their
# neighbours most likely to turn up in a wire story. Fewer languages = faster and fewer
# confusions (e.g. ms vs id), so the list stays short on purpose.
LATIN_LANGUAGES = ("en", "fr", "tr", "de", "es", "it", "pt", "nl", "id", "pl", "sv", "ro")

LONG_TEXT_LETTERS = 120  # from here on the trigram-only mode is reliable (measured, above)
SHORT_CANDIDATES = 3  # lingua's best guesses that word frequencies choose among (NTREX, dev)
SAMPLE_CHARS = 20_000  # language is settled long before this; keeps huge files fast


@functools.lru_cache(maxsize=8192)
def script_of(char: str) -> str | None:
    """The script of a letter or combining mark, or None for anything else."""
    if unicodedata.category(char)[0] not in "LM":
        return None
    found = _SCRIPT.match(char)
    return found.lastgroup if found else None


def script_counts(text: str) -> Counter[str]:
    """Letters (and marks) per script: the evidence language ID starts from."""
    return Counter(script for char in text if (script := script_of(char)) is not None)


def detect_language(text: str) -> str:
    """The ISO 639-1 code of `text`'s language; InputError when it has no letters to go on."""
    sample = text[:SAMPLE_CHARS]
    counts = script_counts(sample)
    if not counts:
        raise InputError("cannot tell the language (no letters); give it with --lang PATH=CODE")
    script, letters = counts.most_common(1)[0]
    if script == "Han" and counts["Kana"]:
        return "ja"  # Japanese mixes kanji with kana; Chinese has no kana
    if script in _SINGLE_LANGUAGE:
        return _SINGLE_LANGUAGE[script]
    if script not in _LINGUA_SCRIPTS:
        raise InputError(f"cannot tell the language of {script} text; give it with --lang")
    detector = _detector(script)
    if letters < LONG_TEXT_LETTERS:
        return _short_text_language(sample, script, detector)
    found = detector.detect_language_of(sample)
    if found is None:  # lingua abstains only on tiny or ambiguous input
        return _LINGUA_SCRIPTS[script][0]
    return found.iso_code_639_1.name.lower()


def _short_text_language(text: str, script: str, detector: LanguageDetector) -> str:
    """A short text's language: lingua's trigram models name SHORT_CANDIDATES candidates,
    and the one whose words are most frequent in it (wordfreq) wins.

    lingua's full models (1- to 5-grams) are right more often on short text than its
    trigrams alone, but take seconds and 370 MB to load; on NTREX lines under 40 letters
    trigrams alone were right 85-87% of the time for en and fr, the full models 96-97%,
    and trigrams plus word frequencies 96-100% for en, fr, tr, ar, in 0.1 s and ~50 MB.
    """
    from wordfreq import zipf_frequency
    from wordfreq.tokens import tokenize  # wordfreq.tokenize, where it is defined

    ranked = detector.compute_language_confidence_values(text)[:SHORT_CANDIDATES]
    codes = [c.language.iso_code_639_1.name.lower() for c in ranked if c.value > 0]
    if not codes:
        return _LINGUA_SCRIPTS[script][0]

    def frequency(lang: str) -> float:
        words = tokenize(text, lang)
        return sum(zipf_frequency(w, lang, wordlist="small") for w in words) / max(1, len(words))

    return max(codes, key=frequency)


# script -> candidate ISO 639-1 codes, the first being the fallback when lingua abstains
_LINGUA_SCRIPTS: dict[str, tuple[str, ...]] = {
    "Latin": LATIN_LANGUAGES,
    "Arabic": ("ar", "fa", "ur"),
    "Cyrillic": ("ru", "uk", "bg", "sr", "mk", "be", "kk"),
    "Devanagari": ("hi", "mr"),
}


@functools.cache
def _detector(script: str) -> LanguageDetector:
    """A lingua detector for one script's languages (trigram models only: see
    `_short_text_language`), built on first use and then kept."""
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

    languages = [
        Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper()))
        for code in _LINGUA_SCRIPTS[script]
    ]
    # not preloaded: that reads the models faster (on all cores) but leaves lingua's thread
    # pool running, and the matcher then forks its workers from a multi-threaded process
    return LanguageDetectorBuilder.from_languages(*languages).with_low_accuracy_mode().build()


@functools.lru_cache(maxsize=256)
def script_of_language(lang: str) -> str:
    """The script a language is written in ("Latn" for sv, "Hebr" for he), from CLDR's likely
    subtags: the one table of which language writes which script, for every language CLDR
    knows (a Swedish or Catalan version is Latin-script like English)."""
    try:
        locale = Locale.parse(lang.replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        return "Zyyy"  # unknown: no script to rely on
    if locale.script:
        return locale.script
    likely = get_global("likely_subtags").get(locale.language)  # "sv" -> "sv_Latn_SE"
    return (parse_locale(likely)[2] or "Zyyy") if likely else "Zyyy"


def writes_latin(lang: str) -> bool:
    """Whether `lang` is written in Latin script, where capitals tell names apart."""
    return script_of_language(lang) == "Latn"


def validate_language(code: str) -> str:
    """`code` as a plain ISO 639 language code ("pt-BR" -> "pt", "iw" -> "he").

    CLDR (babel) decides what a language code is, so users may write any form it knows;
    anything else is an InputError naming the code.
    """
    cleaned = code.strip().replace("-", "_")
    try:
        return Locale.parse(cleaned).language
    except (UnknownLocaleError, ValueError, TypeError):
        raise InputError(
            f"unknown language code {code!r} (use an ISO 639-1 code like tr, fr, ar)"
        ) from None


def lowered(text: str, lang: str = "") -> str:
    """`text` lowered letter for letter, so that a place in it is a place in `text`: Python
    lowers the Turkish "İ" (U+0130, the one letter Unicode lowers to two) to "i" and a
    combining dot, which moved every cue after it one place on ("179 KİŞİNİN ÖLDÜĞÜ" in a
    Turkish headline: its cue found at "ÜĞÜ ", the count after it typed by the wrong cue);
    Turkish lowers it to a plain "i". On fixtures/news (development) three counts of Jeju
    Air's Turkish version change kind (179 dead, not survivors; 6 crew, not dead), no link.
    In Turkish the dotless capital "I" lowers to "ı", not "i" ("HAYATINI KAYBETTİ" is
    "hayatını kaybetti"), one letter for one."""
    if lang == "tr":
        text = text.replace("I", "ı")
    return text.replace("İ", "i").lower()
