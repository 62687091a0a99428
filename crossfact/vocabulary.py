"""A language's ordinary vocabulary: the capitalised words that make no name conflict.

Turkish and French capitalise the common nouns of a multi-word name ("Kızıl Haç", "Sokağı",
"Cumhuriyeti", "Ligue"), and a translation has them where English has "Red Cross",
"Street", "Republic": read as names, each one was a false name conflict. A word is ordinary
vocabulary of its language when the language uses it often and English, where names of
every language turn up (Trump, Tesla, Ankara, Memphis), never does. Word frequencies come
from wordfreq. Asked only of a name no other version mentions (`suggest`): a Turkish-only
place name ("Kahramanmaraş", common in Turkish, unseen in English) stays a name and a key.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache, lru_cache

from crossfact.language import lowered, writes_latin

# Zipf frequencies (log10 of uses per billion words). 3.0 is about once per million words:
# every inflected common noun of NTREX's Turkish names passed it (Sokağı 4.2, Kupası 4.6),
# as did Turkish spellings of places (Hindistan 4.5, which exonyms key anyway). Below 1.0
# in English is "never seen": Tesla 3.8, Musk 3.5, Memphis 3.9, Ankara 3.4 all stand above.
# Tuned on NTREX (development).
COMMON_IN_LANGUAGE = 3.0
UNUSED_IN_ENGLISH = 1.0


@lru_cache(maxsize=200_000)
def is_ordinary_word(word: str, lang: str) -> bool:
    """Whether `word` (as written in a `lang` text) is a common word of `lang` that English
    never uses, and so no name; False for English itself, for languages wordfreq lacks, and
    for languages not written in Latin script (there no capital makes a word a name, and
    every word is unseen in English: টেসলা is Tesla)."""
    if lang == "en" or not writes_latin(lang) or lang not in _languages():
        return False
    from wordfreq import zipf_frequency

    return zipf_frequency(word, lang, wordlist="small") >= COMMON_IN_LANGUAGE and \
        zipf_frequency(word, "en", wordlist="small") < UNUSED_IN_ENGLISH


@lru_cache(maxsize=200_000)
def is_common_word(word: str, lang: str) -> bool:
    """Whether `word` in lower case is a common word of `lang` (`COMMON_IN_LANGUAGE`):
    "Police" opening a sentence may be the word police; "Zelensky" there is a name. False
    for a language wordfreq lacks (`_listed`)."""
    if not _listed(lang):
        return False
    from wordfreq import zipf_frequency

    return zipf_frequency(lowered(word, lang), lang, wordlist="small") >= COMMON_IN_LANGUAGE


def load(langs: Iterable[str]) -> None:
    """Import wordfreq and read the word lists `is_ordinary_word` will ask of these
    languages' versions, ahead of forking workers: each would otherwise import and read them
    for itself (about 0.3 s a process on 6 x 1,997 NTREX lines)."""
    needed = {lang for lang in langs
              if lang != "en" and writes_latin(lang) and lang in _languages()}
    if needed:
        from wordfreq import zipf_frequency

        for lang in (*sorted(needed), "en"):
            zipf_frequency("a", lang, wordlist="small")


@cache
def _languages() -> frozenset[str]:
    """The languages wordfreq has word lists for (imported on first use: it is only needed
    for Latin-script versions other than English)."""
    from wordfreq import available_languages

    return frozenset(available_languages(wordlist="small"))


@cache
def _listed(lang: str) -> bool:
    """Whether wordfreq can look words of `lang` up: it has their list, and the tokenizer
    it splits the language's text with loads. Japanese and Korean need MeCab, Chinese jieba,
    which wordfreq leaves optional: without them a look-up raises ImportError, and the
    language is one wordfreq lacks (a version of it crashed the command when a hyphen
    ended one of its lines)."""
    if lang not in _languages():
        return False
    from wordfreq.tokens import tokenize  # wordfreq.tokenize, where it is defined

    try:
        tokenize("a", lang)
    except ImportError:
        return False
    return True


@lru_cache(maxsize=50_000)
def is_word(word: str, lang: str) -> bool | None:
    """Whether `word` (lowered) is in wordfreq's list of `lang` at all; None for a language
    wordfreq lacks (`_listed`). Used for words a line end broke with a hyphen
    (`segment.as_unwrapped`)."""
    if not _listed(lang):
        return None
    from wordfreq import zipf_frequency

    return zipf_frequency(lowered(word, lang), lang, wordlist="small") > 0

