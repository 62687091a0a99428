"""Names across scripts: consonant skeletons that Tesla, টেসলা, تسلا and טסלה share.

Arabic and Hebrew drop most vowels, Bengali writes aspirates (bh, dh), Hebrew ו is a vowel or
a v: so a name is transliterated with anyascii and reduced to a skeleton of consonant classes.
A word may yield a few skeletons (variants without its clitics and case endings); two words
name the same thing when their skeleton sets meet.
"""

from __future__ import annotations

from functools import lru_cache

import regex
from anyascii import anyascii

from crossfact.language import script_of as letter_script

# A word, cut where the script changes: Arabic glues و ("and") to a Latin name (وxAI).
WORD = regex.compile(
    r"(?V1)\p{Latin}[\p{Latin}\p{M}\p{N}]*|[[\p{L}\p{M}]--\p{Latin}][[\p{L}\p{M}\p{N}]--\p{Latin}]*"
)

# Consonant classes: letters that transliterations of one name swap between scripts.
_CLASSES = str.maketrans({"p": "b", "f": "b", "v": "b", "c": "k", "q": "k", "j": "g",
                          "z": "s", "x": "s", "d": "t"})
_VOWELS = str.maketrans("", "", "aeiouyhw'")
_DIGRAPHS = {"ph": "f", "bh": "b", "dh": "d", "th": "t", "kh": "k", "gh": "g", "ch": "k",
             "jh": "j", "sh": "s", "ck": "k"}
_DIGRAPH = regex.compile("|".join(_DIGRAPHS))
_NOT_LETTER = regex.compile(r"[^a-z]+")
_DOUBLED = regex.compile(r"(.)\1+")

# Clitics and case endings glued to names, by script (what CLDR does not list): Arabic
# al-/wa-/bi-/li-, Hebrew ה/ו/ב/ל/מ/ש/כ, Bengali genitive/dative/locative endings.
_PREFIXES = {
    "Arabic": ("وال", "بال", "لل", "ال", "و", "ب", "ل", "ف", "ك"),
    "Hebrew": ("וה", "שה", "בה", "לה", "מה", "ה", "ו", "ב", "ל", "מ", "ש", "כ"),
}
_SUFFIXES = {
    "Bengali": ("-এর", "এর", "ের", "কে", "তে", "টি", "রা", "র", "য়", "ে"),
    "Latin": ("’s", "'s"),
}


@lru_cache(maxsize=200_000)
def skeleton(word: str) -> str:
    """The consonant skeleton of one word in any script: 'Memphis', 'ממפיס' -> 'mbs'."""
    s = _NOT_LETTER.sub("", anyascii(word).lower())
    s = _DIGRAPH.sub(lambda m: _DIGRAPHS[m.group()], s)
    return _DOUBLED.sub(r"\1", s.translate(_VOWELS).translate(_CLASSES))


@lru_cache(maxsize=200_000)
def script_of(word: str) -> str:
    """The script of a word's first letter (Latin, Arabic, Hebrew, Bengali, ...)."""
    return letter_script(word[:1]) or "Other" if word else "Other"


@lru_cache(maxsize=200_000)
def skeletons(word: str) -> frozenset[str]:
    """All skeletons of a word: as written, without a clitic prefix, without a case ending.

    Hebrew ו is read both as a consonant (v) and as a vowel, since both happen in names.
    """
    script = script_of(word)
    forms = {word}
    for p in _PREFIXES.get(script, ()):
        if word.startswith(p) and len(word) - len(p) >= 3:
            forms.add(word[len(p):])
    for sfx in _SUFFIXES.get(script, ()):
        if word.endswith(sfx) and len(word) - len(sfx) >= 2:
            forms.add(word[: -len(sfx)])
    if script == "Hebrew":
        forms |= {f.replace("ו", "") for f in forms}
    found = frozenset(s for f in forms if len(s := skeleton(f)) >= 2)
    if not found and script == "Latin":  # xAI, AI: too few consonants, compare as written
        found = frozenset({"=" + word.lower()})
    return found

