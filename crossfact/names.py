"""Names across scripts: consonant skeletons that Tesla, টেসলা, تسلا and טסלה share.

Arabic and Hebrew drop most vowels, Bengali writes aspirates (bh, dh), Hebrew ו is a vowel or
a v: so a name is transliterated with anyascii and reduced to a skeleton of consonant classes.
A word may yield a few skeletons (variants without its clitics and case endings); two words
name the same thing when their skeleton sets meet.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import islice
from typing import NamedTuple

import regex
from anyascii import anyascii

from crossfact.language import script_of as letter_script
from crossfact.memo import remember, remember_all
from crossfact.models import Name

# A word, cut where the script changes: Arabic glues و ("and") to a Latin name (وxAI).
_LATIN = r"\p{Latin}[\p{Latin}\p{M}\p{N}]*"
WORD = regex.compile(
    r"(?V1)" + _LATIN + r"|[[\p{L}\p{M}]--\p{Latin}][[\p{L}\p{M}\p{N}]--\p{Latin}]*"
)
# WORD's words in a Latin script, found without the others (whose branch holds no Latin letter)
LATIN_WORD = regex.compile(_LATIN)
Spans = list[tuple[int, int]]  # where each WORD of a text stands


class Words(NamedTuple):
    """A text's words (`WORD`) as written, and where each stands. Found once per claim and
    handed to each reader of words (names, numbers in words, countries): the search costs
    more than any one reading, and each word is then one string, made and hashed once, that
    every reader's per-word dictionary is looked up by."""

    texts: list[str]
    spans: Spans


def words_of(text: str) -> Words:
    """The words of `text` (`Words`)."""
    spans = [m.span() for m in WORD.finditer(text)]
    return Words([text[a:b] for a, b in spans], spans)


# An all-capital word of 2-4 letters: a name or a code (IBM, AMD, NATO), never a common word.
ACRONYM = regex.compile(r"\p{Lu}{2,4}")

# Consonant classes: letters that transliterations of one name swap between scripts.
_CLASSES = str.maketrans({"p": "b", "f": "b", "v": "b", "c": "k", "q": "k", "j": "g",
                          "z": "s", "x": "s", "d": "t"})
# No digraph step ("ph", "bh", "th", "sh", "kh", "ch", "ck" as one letter): "h" is dropped
# as a vowel and each such digraph's letter is the class of its first letter ("ch" is "k",
# as "c" is), so a digraph gives what its two letters give (for "ck", a doubled "k" that
# `_DOUBLED` makes one). A step that changed nothing cost a third of `skeleton`.
# plain `re` on the a-z skeletons: faster than `regex` for these, and the same matches
_DOUBLED = re.compile(r"(.)\1+")


# vowels dropped and consonant classes merged in one pass (no class letter is a vowel)
_VOWELS_AND_CLASSES = str.maketrans(_CLASSES | {ord(v): None for v in "aeiouyhw'"})


class _Consonants(dict[int, str]):
    """A str.translate table, filled on first sight of each character: the character's
    anyascii transliteration, lower-cased, letters a-z only, its vowels dropped and its
    consonants merged into classes (`_VOWELS_AND_CLASSES`). anyascii and both steps work
    character by character, so translating a word with this table equals transliterating
    it and then reducing the letters, in one pass, at a fraction of the cost (the same
    scripts' few hundred characters recur in every word)."""

    def __missing__(self, code: int) -> str:
        letters = "".join(c for c in anyascii(chr(code)).lower() if "a" <= c <= "z")
        self[code] = consonants = letters.translate(_VOWELS_AND_CLASSES)
        return consonants


_TO_CONSONANTS = _Consonants()

# Clitics and case endings glued to names, by script (what CLDR does not list): Arabic
# al-/wa-/bi-/li-, Hebrew ה/ו/ב/ל/מ/ש/כ, Bengali genitive/dative/locative endings.
_PREFIXES = {
    "Arabic": ("وال", "بال", "لل", "ال", "و", "ب", "ل", "ف", "ك"),
    "Hebrew": ("וה", "שה", "בה", "לה", "מה", "ה", "ו", "ב", "ל", "מ", "ש", "כ"),
}
HEBREW_PREFIXES = _PREFIXES["Hebrew"]  # also what may be glued before a Hebrew cue word
# Letters only Turkish writes among crossfact's languages, and its c/ç read as j.
_TURKISH_ONLY = frozenset("ıİşŞğĞ")
_TURKISH_C = str.maketrans("cçCÇ", "jjJJ")
_SUFFIXES = {
    "Bengali": ("-এর", "এর", "ের", "কে", "তে", "টি", "রা", "র", "য়", "ে"),
    "Latin": ("’s", "'s"),
}


Affixes = dict[str, tuple[str, ...]]


def _by_edge(affixes: Affixes, edge: int) -> dict[str, Affixes]:
    """Each script's affixes by their first (`edge` 0) or last (-1) character: a word is
    tested against the few that may fit it, not all of them (most words have none)."""
    return {script: {c: tuple(a for a in found if a[edge] == c) for c in {a[edge] for a in found}}
            for script, found in affixes.items()}


_PREFIXES_BY_FIRST = _by_edge(_PREFIXES, 0)
_SUFFIXES_BY_LAST = _by_edge(_SUFFIXES, -1)
_NONE: Affixes = {}


def skeleton(word: str) -> str:
    """The consonant skeleton of one word in any script: 'Memphis', 'ממפיס' -> 'mbs'.

    Not cached: `skeletons` caches each word's; the forms it reads are rarely another
    word's, and on 6 x 1,997 NTREX lines a cache here cost more than it saved."""
    return _DOUBLED.sub(_first_letter, word.translate(_TO_CONSONANTS))


def _first_letter(m: re.Match[str]) -> str:
    """A run of one letter as that letter (a function is faster than the template r"\\1")."""
    return m.group(1)


@lru_cache(maxsize=200_000)
def script_of(word: str) -> str:
    """The script of a word's first letter (Latin, Arabic, Hebrew, Bengali, ...)."""
    return letter_script(word[:1]) or "Other" if word else "Other"


# `skeletons` of each word seen (`memo`): a plain dictionary, so that a forked worker can send
# back what it worked out (`skeletons_since`) for the parent to keep (`learn_skeletons`)
_skeletons: dict[str, frozenset[str]] = {}
Learnt = list[tuple[str, frozenset[str]]]  # words and their skeletons


def skeletons(word: str) -> frozenset[str]:
    """All skeletons of a word: as written, without a clitic prefix, without a case ending.

    Hebrew ו is read both as a consonant (v) and as a vowel, since both happen in names.
    """
    found = _skeletons.get(word)
    return remember(_skeletons, word, _skeletons_of(word)) if found is None else found


def skeletons_mark() -> int:
    """Where `skeletons_since` starts: the skeletons worked out so far."""
    return len(_skeletons)


def skeletons_since(mark: int) -> Learnt:
    """The words whose skeletons were worked out since `mark`, in the order they were. If the
    memo was emptied since, what it holds from `mark` on (all of it, if it holds less): a
    warm-up for another process, never a wrong answer, since a skeleton depends on its word
    alone."""
    return list(islice(_skeletons.items(), mark if mark <= len(_skeletons) else 0, None))


def learn_skeletons(learnt: Learnt) -> None:
    """Keep skeletons that another process worked out (`skeletons_since`)."""
    remember_all(_skeletons, learnt)


def _skeletons_of(word: str) -> frozenset[str]:
    """`skeletons`, worked out."""
    script = script_of(word)
    forms = {word}
    if prefixes := _PREFIXES_BY_FIRST.get(script, _NONE).get(word[:1]):
        forms.update(word[len(p):] for p in prefixes
                     if word.startswith(p) and len(word) - len(p) >= 3)
    if suffixes := _SUFFIXES_BY_LAST.get(script, _NONE).get(word[-1:]):
        forms.update(word[: -len(sfx)] for sfx in suffixes
                     if word.endswith(sfx) and len(word) - len(sfx) >= 2)
    if script == "Hebrew" and "ו" in word:
        forms |= {f.replace("ו", "") for f in forms}
    if script == "Latin" and not _TURKISH_ONLY.isdisjoint(word):
        # Turkish c and ç are the sounds Arabic writes ج, Bengali জ/চ: Pazarcık = بازارجيك
        forms |= {f.translate(_TURKISH_C) for f in forms}
    found = frozenset([s for s in map(skeleton, forms) if len(s) >= 2])
    if script == "Latin":
        acronym = len(word) <= 4 and ACRONYM.fullmatch(word) is not None  # length first: cheap
        if not found or acronym:
            # xAI, AI: too few consonants, compare as written; an acronym also by its letters
            # in any order, as languages order them (AI / IA, NATO / OTAN, EU / UE)
            found |= {"=" + ("".join(sorted(word.lower())) if acronym else word.lower())}
    return found


def name_keys(name: Name) -> frozenset[str]:
    """What a name is compared by: its skeletons, and the CLDR code of a country or language
    (`crossfact.exonyms`: "=T:IN" for Hindistan, India, الهند) where it is one."""
    found = skeletons(name.text)
    return found | {name.skeleton} if name.skeleton.startswith("=") else found
