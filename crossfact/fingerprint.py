"""Fingerprints: what survives translation in each claim (figures, dates, names, codes, links).

Names need the whole story: a Bengali or Arabic word counts as a name when its consonant
skeleton is one that some version writes in Latin script (টেসলা is a name because "Tesla"
appears somewhere). Without that lexicon every native word would be a candidate name, and
common words would pull unrelated claims together.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cache, lru_cache, partial
from itertools import chain
from typing import NamedTuple

import regex

from crossfact.dates import find_dates
from crossfact.exonyms import find_exonyms
from crossfact.language import writes_latin
from crossfact.memo import remember
from crossfact.models import Claim, DateRef, Document, Fingerprint, Name, Quantity
from crossfact.names import WORD, Words, script_of, skeletons, words_of
from crossfact.numbers import find_codes, find_quantities
from crossfact.terminal import blank_controls
from crossfact.workers import PARALLEL_FROM, parallel_map

URL = regex.compile(r"(?:https?://|www\.)\S+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|io|ly)(?:/\S*)?")
# what every URL match contains: searched first, since URL itself is slow (it backtracks at
# every word) and few claims have a link
_URL_HINT = regex.compile(r"://|www\.|\.(?:com|org|net|io|ly)")
HANDLE = regex.compile(r"(?<![\p{L}\p{N}_])@[\p{L}\p{N}_]+")
QUOTE = regex.compile(r"[“«„\"]([^“”«»„\"]{12,}?)[”»“\"]")
# what every quote and handle starts with: looked for first, as few claims have any
_QUOTE_OR_HANDLE = regex.compile(r"[“«„\"@]")


_has_digit = regex.compile(r"\p{N}").search
# what stands before a word that opens a sentence: a full stop (and closing quotes, French
# ones after a space), or a quotation opened after a colon (dedi: "Şu an...", dit : « Nous)
_SENTENCE_END = regex.compile(
    r"(?:[.!?…।؟](?:\s?[\"'”’»)\]])*\s+|(?:^|:)\s*[“«„‚\"]\s*)$")

# consonants in the skeleton of a name that one script writes as one word and another as two
# (Kahramanmaraş, كهرمان مرعش): shorter joined skeletons met unrelated Latin names by chance
JOINED_SKELETON = 6
# a long story's claims (`fingerprint_story`): read before the workers fork, in each version,
# which builds each language's tables once (6 x 1,997 NTREX lines: the first 30 claims of
# each version took 0.33 s cold, the next 30 0.07 s); and read in one task of the workers
# (about 0.2 ms each without names: small tasks let two workers end together)
WARM_CLAIMS = 30
CHUNK_CLAIMS = 250
Tokens = list[tuple[str, bool]]  # each word, and whether it starts a sentence


def tokens(text: str, words: Words | None = None) -> Tokens:
    """The words of a claim, each marked when it opens a sentence (a claim may hold several
    in pre-segmented files), since a capital there says nothing about being a name;
    `words` are its words (`words_of`) where the caller has them."""
    out: Tokens = []
    last = 0
    texts, spans = words_of(text) if words is None else words
    for word, (start, end) in zip(texts, spans, strict=True):
        # only a capital needs to know (lower-case words are never names by position), and
        # only after something other than spaces: every sentence end has a mark
        initial = not out or (
            word[0].isupper() and not text[last:start].isspace()
            and bool(_SENTENCE_END.search(text, last, start))
        )
        out.append((word, initial))
        last = end
    return out


def _latin_word(word: str) -> bool:
    """A word that may be a Latin-script name: two letters or more, Latin, no digit."""
    return len(word) >= 2 and script_of(word) == "Latin" and not _has_digit(word)


def _native_word(word: str) -> bool:
    """A word that may be a name in another script than Latin: not Latin, no digit (the
    script first: it is cached, and most words of a Latin-script text stop there)."""
    return script_of(word) != "Latin" and not _has_digit(word)


# `_latin_word` of each word seen, looked up inline for every word of every claim (`memo`)
_latin_words: dict[str, bool] = {}


def _latin_names(
    words: Tokens, lang: str, capitalised: set[str], embedded: frozenset[str]
) -> set[str]:
    """Latin-script words that are names: any Latin word inside a non-Latin text; in a
    Latin-script text a capitalised word (sentence-initial only when the document also
    writes it capitalised mid-sentence), or any word that a non-Latin version quotes in
    Latin letters (`embedded`: "twp" is glossed as "Twp" in the Bengali version)."""
    known = _latin_words
    if not writes_latin(lang):
        return {word for word, _ in words
                if (latin := known.get(word)) or (
                    latin is None and remember(known, word, _latin_word(word)))}
    found: set[str] = set()
    for word, initial in words:
        if not ((latin := known.get(word)) or (
                latin is None and remember(known, word, _latin_word(word)))):
            continue
        if word[1:] != word[1:].lower() or (
            word[0].isupper() and (not initial or word in capitalised)
        ) or word.lower() in embedded:
            found.add(word)
    return found


def capitalised_words(words_of_claims: Iterable[Tokens]) -> set[str]:
    """Words a document writes capitalised inside a sentence."""
    seen: set[str] = set()
    for words in words_of_claims:
        seen.update(w for w, initial in words if not initial and w[:1].isupper())
    return seen


class NameFinder:
    """Finds the names of claims against one story's lexicon, reading each distinct word once
    (the same words recur thousands of times in a long story)."""

    def __init__(self, lexicon: set[str]) -> None:
        self.lexicon = lexicon
        # the beginnings of long Latin names, for names one script writes as two words:
        # "Kahramanmaraş" (krmnmrs) is كهرمان مرعش (krmn + mrs)
        self._starts = frozenset(sk[:k] for sk in lexicon if len(sk) >= JOINED_SKELETON
                                 for k in range(3, len(sk)))
        self._words: dict[str, tuple[str | None, bool]] = {}
        self._pairs: dict[tuple[str, str], str | None] = {}

    def read(self, word: str) -> tuple[str | None, bool]:
        """(the skeleton by which a word alone is a name of the lexicon, or None; whether it
        may then begin a name of two words, `native_pair`), worked out once per word."""
        found = self._words.get(word)
        if found is None:
            native = _native_word(word)
            skeleton = self._lexicon_skeleton(word) if native else None
            opens = native and skeleton is None and bool(self._starts) \
                and not skeletons(word).isdisjoint(self._starts)
            found = self._words[word] = (skeleton, opens)
        return found

    def native_pair(self, first: str, second: str) -> str | None:
        """The skeleton by which two adjacent non-Latin words are one name of the lexicon,
        or None. Only long skeletons (JOINED_SKELETON consonants) count: two short words
        joined would meet some Latin name by chance."""
        key = (first, second)
        if key in self._pairs:
            return self._pairs[key]
        found = None
        if (script_of(second) not in ("Latin", "Other") and not _has_digit(first + second)
                and skeletons(first) & self._starts):
            hit = {sk for sk in skeletons(first + second) & self.lexicon
                   if len(sk) >= JOINED_SKELETON}
            found = min(hit) if hit else None
        self._pairs[key] = found
        return found

    def native_skeleton(self, word: str) -> str | None:
        """The skeleton by which a non-Latin word is a name of the lexicon, or None."""
        return self._lexicon_skeleton(word) if _native_word(word) else None

    def _lexicon_skeleton(self, word: str) -> str | None:
        """`native_skeleton` of a word known to be `_native_word`."""
        # three consonants collide often in Arabic and Hebrew: only short words then
        if ((hit := skeletons(word) & self.lexicon)
                and max(len(s) for s in hit) >= (3 if len(word) <= 5 else 4)):
            return min(hit)
        return None

    def __call__(self, words: Tokens, latin: set[str], skip: frozenset[str] = frozenset()
                 ) -> list[Name]:
        """The `latin` names as written (never with digits), plus native-script words whose
        skeleton is in the lexicon; `skip` holds words already read as something else."""
        names: list[Name] = []
        seen: set[str] = set(skip)
        known = self._words
        for i, (word, _) in enumerate(words):
            if word in seen:
                continue
            if word in latin:
                names.append(Name(text=word, skeleton=_latin_skeleton(word), latin=True))
            else:
                skeleton, opens = known.get(word) or self.read(word)
                if skeleton is None:
                    if opens and i + 1 < len(words) \
                            and (pair := self.native_pair(word, words[i + 1][0])):
                        names.append(Name(text=f"{word} {words[i + 1][0]}", skeleton=pair,
                                          latin=False))
                    continue
                names.append(Name(text=word, skeleton=skeleton, latin=False))
            seen.add(word)
        return names


@lru_cache(maxsize=200_000)
def _latin_skeleton(word: str) -> str:
    """The shortest skeleton of a Latin name, its `Name.skeleton`."""
    return min(skeletons(word), key=lambda s: (len(s), s), default="")  # ties: not by set order


class Readings(NamedTuple):
    """What a claim's fingerprint holds but its names, read from its text alone: a long
    story's workers read these while this process reads the names, which need the whole
    story's lexicon (and fill the word caches that matching uses later)."""

    dates: list[DateRef]
    numbers: list[Quantity]
    exonyms: list[tuple[str, str]]  # `find_exonyms`
    codes: list[str]
    quotes: list[str]
    urls: list[str]
    handles: list[str]


def read_text(text: str, lang: str) -> Readings:
    """Everything but names in one claim (`text` with its controls blanked, `blank_controls`).
    Codes are digits, so a claim without any skips their search (most claims have none);
    figures may be words."""
    found = words_of(text)
    marked = _QUOTE_OR_HANDLE.search(text) is not None
    return Readings(
        dates=find_dates(text, lang),
        numbers=find_quantities(text, lang, found),  # digits, or numbers in words
        exonyms=find_exonyms(text, lang, found),
        codes=find_codes(text) if _has_digit(text) else [],
        quotes=[q.strip() for q in QUOTE.findall(text)] if marked else [],
        urls=URL.findall(text) if _URL_HINT.search(text) else [],
        handles=[h.lower() for h in HANDLE.findall(text)] if marked else [],
    )


def fingerprint(read: Readings, words: Tokens, latin: set[str], names: NameFinder
                ) -> Fingerprint:
    """Everything in one claim that a reviewer can check against the other versions: what
    `read_text` read, and its names (`words` are its words, `tokens`)."""
    # "Dolar", "Ağustos": words already read as part of a figure or a date are not names
    parts: list[DateRef | Quantity] = [*read.dates, *read.numbers]
    taken = frozenset(w for part in parts for w in WORD.findall(part.text))
    return Fingerprint(
        numbers=read.numbers,
        dates=read.dates,
        names=with_exonyms(names(words, latin, taken), read.exonyms),
        codes=read.codes,
        quotes=read.quotes,
        urls=read.urls,
        handles=read.handles,
    )


def with_exonyms(names: list[Name], found: list[tuple[str, str]]) -> list[Name]:
    """The names, those that are countries or languages keyed by their CLDR code, and the
    countries and languages written in words no other rule reads as names ("الهند", "ভারত",
    "Amerika Birleşik Devletleri" as one name): `found` by `find_exonyms`."""
    if not found:
        return names
    key = dict(found)
    out = [n.model_copy(update={"skeleton": key[n.text]}) if n.text in key else n for n in names]
    have = {n.text for n in out}
    out += [Name(text=t, skeleton=k, latin=script_of(t) == "Latin")
            for t, k in found if t not in have]
    return out


class _StoryNames(NamedTuple):
    """What reading each claim's names needs from the whole story, by claim position."""

    words: list[Tokens]
    latin: list[set[str]]
    finder: NameFinder


def _story_names(docs: Sequence[Document], claims: Sequence[Claim], texts: Sequence[str]
                 ) -> _StoryNames:
    """Each claim's words and Latin-script names, and the story's lexicon: the skeletons of
    every Latin-script name in any version."""
    lang = {d.id: d.lang for d in docs}
    words = [tokens(text) for text in texts]
    caps: dict[str, set[str]] = {d.id: set() for d in docs}
    for c, tokens_of_claim in zip(claims, words, strict=True):
        caps[c.doc] |= capitalised_words([tokens_of_claim])
    latin: list[set[str]] = [set() for _ in claims]
    # in a non-Latin text every Latin word is a name, whatever `embedded` holds
    for n, c in enumerate(claims):
        if not writes_latin(lang[c.doc]):
            latin[n] = _latin_names(words[n], lang[c.doc], caps[c.doc], frozenset())
    embedded = frozenset(w.lower() for n, c in enumerate(claims) if not writes_latin(lang[c.doc])
                         for w in latin[n] if len(w) > 2)
    for n, c in enumerate(claims):
        if writes_latin(lang[c.doc]):
            latin[n] = _latin_names(words[n], lang[c.doc], caps[c.doc], embedded)
    lexicon: set[str] = set()
    for names in latin:
        for word in names:
            lexicon |= skeletons(word)
    return _StoryNames(words, latin, NameFinder(lexicon))


def fingerprint_story(docs: Sequence[Document], claims: list[Claim]) -> list[Claim]:
    """Claims with their fingerprints filled in, names checked against the story's lexicon."""
    lang = {d.id: d.lang for d in docs}
    texts = [blank_controls(c.text) for c in claims]

    def read(part: list[int]) -> list[Readings]:
        """`read_text` of the claims at these positions."""
        return [read_text(texts[n], lang[claims[n].doc]) for n in part]

    # A long story's claims are read in forked workers, a chunk at a time, but for names:
    # this process reads those, which need the whole story and fill the word caches that
    # matching then finds warm (forked workers reading everything, a version or a chunk
    # each, cost more CPU than they saved: cold caches later). Each version's first claims
    # are read here first: they build what every claim of their language needs (CLDR
    # data, the number and date grammars), which the workers then inherit.
    long = len(claims) >= PARALLEL_FROM
    first = [n for n, c in enumerate(claims) if not long or c.index < WARM_CLAIMS]
    later = [n for n, c in enumerate(claims) if long and c.index >= WARM_CLAIMS]
    chunks = [later[n:n + CHUNK_CLAIMS] for n in range(0, len(later), CHUNK_CLAIMS)]
    names = cache(partial(_story_names, docs, claims, texts))
    here = read(first)  # before the workers fork
    there = parallel_map(read, chunks, worth_it=long, meanwhile=names)
    out = claims.copy()
    for part, readings in chain(zip(chunks, there, strict=True), [(first, here)]):
        words, latin, finder = names()  # read while the workers read their chunks
        for n, read_n in zip(part, readings, strict=True):
            out[n] = claims[n].model_copy(update={"fingerprint": fingerprint(
                read_n, words[n], latin[n], finder)})
    return out
