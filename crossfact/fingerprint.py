"""Fingerprints: what survives translation in each claim (figures, dates, names, codes, links).

Names need the whole story: a Bengali or Arabic word counts as a name when its consonant
skeleton is one that some version writes in Latin script (টেসলা is a name because "Tesla"
appears somewhere). Without that lexicon every native word would be a candidate name, and
common words would pull unrelated claims together.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from functools import cache, lru_cache, partial

import regex
from pydantic import TypeAdapter

from crossfact.dates import find_dates
from crossfact.exonyms import find_exonyms
from crossfact.language import writes_latin
from crossfact.memo import remember
from crossfact.models import Claim, DateRef, Document, Fingerprint, Name, Quantity
from crossfact.names import (
    LATIN_WORD,
    WORD,
    Learnt,
    Words,
    learn_skeletons,
    script_of,
    skeletons,
    skeletons_mark,
    skeletons_since,
    words_of,
)
from crossfact.numbers import find_codes, find_quantities, function_word
from crossfact.segment import as_unwrapped
from crossfact.terminal import compared
from crossfact.workers import PARALLEL_FROM, Crossing, parallel_map
from crossfact.zones import story_zones

URL = regex.compile(r"(?:https?://|www\.)\S+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|io|ly)(?:/\S*)?")
# what every URL match contains: searched first, since URL itself is slow (it backtracks at
# every word) and few claims have a link
_URL_HINT = regex.compile(r"://|www\.|\.(?:com|org|net|io|ly)")
HANDLE = regex.compile(r"(?<![\p{L}\p{N}_])@[\p{L}\p{N}_]+")
QUOTE = regex.compile(r"[“«„\"]([^“”«»„\"]{12,}?)[”»“\"]")
# what every quote and handle starts with: looked for first, as few claims have any
_QUOTE_OR_HANDLE = regex.compile(r"[“«„\"@]")


_has_digit = regex.compile(r"\p{N}").search


def _digitless(word: str) -> bool:
    """Whether a word has no digit of any script (`_has_digit`). Asked once for each distinct
    word: letters only (`isalpha`, a C loop) have none, which settles most words without
    calling the regex (Bengali words, which carry vowel signs, still go to it)."""
    return word.isalpha() or _has_digit(word) is None
# what stands before a word that opens a sentence: a full stop (and closing quotes, French
# ones after a space), or a quotation opened after a colon (dedi: "Şu an...", dit : « Nous);
# after a word of two lower-case letters or more, a full stop with no space too: sources
# glue sentences so ("bilgisini paylaştı.Ölü sayısının", "turc.Selon"), and the segmenter
# keeps them as one claim (README: cutting there was tried and dropped), so the capital of
# "Ölü" (the dead) says no more than at any sentence start. An abbreviation ("U.S.Army")
# has one letter before its stop; a domain ("aljazeera.net") a lower-case word after it.
_SENTENCE_END = regex.compile(
    r"(?:(?:(?<=\p{Ll}\p{Ll})[.!?…।؟](?:\s?[\"'”’»)\]])*\s*|[.!?…।؟](?:\s?[\"'”’»)\]])*\s+)"
    r"|(?:^|:)\s*[“«„‚\"]\s*)$")

# consonants in the skeleton of a name that one script writes as one word and another as two
# (Kahramanmaraş, كهرمان مرعش): shorter joined skeletons met unrelated Latin names by chance
JOINED_SKELETON = 6
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
    return len(word) >= 2 and script_of(word) == "Latin" and _digitless(word)


def _native_word(word: str) -> bool:
    """A word that may be a name in another script than Latin: not Latin, no digit (the
    script first: it is cached, and most words of a Latin-script text stop there)."""
    return script_of(word) != "Latin" and _digitless(word)


# `_latin_word` of each word seen, looked up inline for every word of every claim (`memo`)
_latin_words: dict[str, bool] = {}


def _quoted_latin(text: str) -> set[str]:
    """The Latin-script names of a text in another script: any Latin word in it."""
    known = _latin_words
    return {word for word in LATIN_WORD.findall(text)
            if (latin := known.get(word)) or (
                latin is None and remember(known, word, _latin_word(word)))}


def _latin_names(words: Tokens, capitalised: set[str], embedded: frozenset[str],
                 judged: dict[str, tuple[bool, bool]]) -> set[str]:
    """The names of a Latin-script text written in Latin letters: a capitalised word
    (sentence-initial only when a version also writes it capitalised mid-sentence), or
    any word that a non-Latin version quotes in Latin letters (`embedded`: "twp" is glossed
    as "Twp" in the Bengali version). `judged` holds each word of the document seen so far,
    judged once (`_latin_name`): its words recur in claim after claim."""
    return {word for word, initial in words
            if (judged.get(word) or remember(judged, word, _latin_name(word, capitalised,
                                                                       embedded)))[initial]}


def _latin_name(word: str, capitalised: set[str], embedded: frozenset[str]) -> tuple[bool, bool]:
    """Whether a word of a Latin-script text is a name (`_latin_names`) inside a sentence,
    and at its start."""
    known = _latin_words
    if not ((latin := known.get(word)) or (
            latin is None and remember(known, word, _latin_word(word)))):
        return False, False
    if word[1:] != word[1:].lower() or word.lower() in embedded:
        return True, True
    upper = word[0].isupper()
    return upper, upper and word in capitalised


def capitalised_words(words_of_claims: Iterable[Tokens]) -> set[str]:
    """Words the claims write capitalised inside a sentence (one document's, or a story's)."""
    seen: set[str] = set()
    for words in words_of_claims:
        seen.update(w for w, initial in words if not initial and w[:1].isupper())
    return seen


class NameFinder:
    """Finds the names of claims against one story's lexicon, reading each distinct word once
    (the same words recur thousands of times in a long story). A word's `Name` is made once
    too and shared by the claims that name it (nothing changes a `Name` once made; an exonym
    gets a copy, `with_exonyms`): 45,502 names on 6 x 1,997 NTREX lines, of 12,325 distinct
    words."""

    def __init__(self, lexicon: set[str]) -> None:
        self.lexicon = lexicon
        # the beginnings of long Latin names, for names one script writes as two words:
        # "Kahramanmaraş" (krmnmrs) is كهرمان مرعش (krmn + mrs)
        self._starts = frozenset(sk[:k] for sk in lexicon if len(sk) >= JOINED_SKELETON
                                 for k in range(3, len(sk)))
        self._words: dict[str, tuple[Name | None, bool]] = {}
        self._latin: dict[str, Name] = {}
        self._pairs: dict[tuple[str, str], str | None] = {}

    def read(self, word: str) -> tuple[Name | None, bool]:
        """(the name a word alone is by its skeleton in the lexicon, or None; whether it may
        then begin a name of two words, `native_pair`), worked out once per word."""
        found = self._words.get(word)
        if found is None:
            native = _native_word(word)
            skeleton = self._lexicon_skeleton(word) if native else None
            opens = native and skeleton is None and bool(self._starts) \
                and not skeletons(word).isdisjoint(self._starts)
            name = Name(text=word, skeleton=skeleton, latin=False) if skeleton is not None else None
            found = self._words[word] = (name, opens)
        return found

    def latin_name(self, word: str) -> Name:
        """A name written in Latin letters, made once per word."""
        name = self._latin.get(word)
        if name is None:
            name = self._latin[word] = Name(text=word, skeleton=_latin_skeleton(word),
                                            latin=True)
        return name

    def native_pair(self, first: str, second: str) -> str | None:
        """The skeleton by which two adjacent non-Latin words are one name of the lexicon,
        or None. Only long skeletons (JOINED_SKELETON consonants) count: two short words
        joined would meet some Latin name by chance."""
        key = (first, second)
        if key in self._pairs:
            return self._pairs[key]
        found = None
        if (script_of(second) not in ("Latin", "Other") and _digitless(first + second)
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

    def __call__(self, words: list[str], latin: set[str], skip: frozenset[str] = frozenset()
                 ) -> list[Name]:
        """The `latin` names as written (never with digits), plus native-script words whose
        skeleton is in the lexicon, among a claim's `words` (`Words.texts`: whether a word
        opens a sentence is in `latin` already); `skip` holds words already read as
        something else."""
        names: list[Name] = []
        seen: set[str] = set(skip)
        known = self._words
        for i, word in enumerate(words):
            if word in seen:
                continue
            if word in latin:
                names.append(self.latin_name(word))
            else:
                name, opens = known.get(word) or self.read(word)
                if name is None:
                    if opens and i + 1 < len(words) \
                            and (pair := self.native_pair(word, words[i + 1])):
                        names.append(Name(text=f"{word} {words[i + 1]}", skeleton=pair,
                                          latin=False))
                    continue
                names.append(name)
            seen.add(word)
        return names


@lru_cache(maxsize=200_000)
def _latin_skeleton(word: str) -> str:
    """The shortest skeleton of a Latin name, its `Name.skeleton`."""
    return min(skeletons(word), key=lambda s: (len(s), s), default="")  # ties: not by set order


def fingerprint(text: str, lang: str, found: Words, latin: set[str], names: NameFinder
                ) -> Fingerprint:
    """Everything in one claim that a reviewer can check against the other versions.

    `text` is the claim's text as compared (`compared`: controls blanked, invisible characters
    removed), which the offsets found index; `found` are its words (`words_of`),
    `latin` its names in Latin letters. Codes are digits, so a claim without any skips their search
    (most claims have none); figures may be words.
    """
    dates = find_dates(text, lang, found.texts)
    digits = _has_digit(text) is not None
    marked = _QUOTE_OR_HANDLE.search(text) is not None
    numbers = find_quantities(text, lang, found)  # digits, or numbers in words
    # "Dolar", "Ağustos": words already read as part of a figure or a date are not names
    parts: list[DateRef | Quantity] = [*dates, *numbers]
    taken = frozenset(w for part in parts for w in WORD.findall(part.text))
    return Fingerprint(
        numbers=numbers,
        dates=dates,
        names=with_exonyms(names(found.texts, latin, taken), text, lang, found),
        codes=find_codes(text) if digits else [],
        quotes=[q.strip() for q in QUOTE.findall(text)] if marked else [],
        urls=URL.findall(text) if _URL_HINT.search(text) else [],
        handles=[h.lower() for h in HANDLE.findall(text)] if marked else [],
    )


def with_exonyms(names: list[Name], text: str, lang: str, words: Words) -> list[Name]:
    """The names, those that are countries or languages keyed by their CLDR code, and the
    countries and languages written in words no other rule reads as names ("الهند", "ভারত",
    "Amerika Birleşik Devletleri" as one name)."""
    found = find_exonyms(text, lang, words)
    if not found:
        return names
    key = dict(found)
    out = [n.model_copy(update={"skeleton": key[n.text]}) if n.text in key else n for n in names]
    have = {n.text for n in out}
    out += [Name(text=t, skeleton=k, latin=script_of(t) == "Latin")
            for t, k in found if t not in have]
    return out


@cache
def _fingerprints() -> TypeAdapter[list[Fingerprint]]:
    """pydantic's reader and writer of a list of fingerprints, built once."""
    return TypeAdapter(list[Fingerprint])


# the worker's fingerprints come back as JSON: pickling half of a long story's (6 x 1,997
# NTREX lines) as models took about 0.1 s to write and 0.08 s to read, the JSON 0.02 s and
# 0.07 s, and reads back as the same models (floats included: pydantic writes each float's
# shortest exact form)
_READ_CROSSING: Crossing[tuple[list[Fingerprint], Learnt]] = Crossing(
    lambda read: (_fingerprints().dump_json(read[0]), read[1]),
    lambda sent: (_fingerprints().validate_json(sent[0]), sent[1]))


def fingerprint_story(docs: Sequence[Document], claims: list[Claim]) -> list[Claim]:
    """Claims with their fingerprints filled in, names checked against the story's lexicon
    (the skeletons of every Latin-script name in any version)."""
    lang = {d.id: d.lang for d in docs}
    in_latin = {d.id for d in docs if writes_latin(d.lang)}
    # a hard-wrapped claim read as if unwrapped: "20\n000" one number, "gouverne-\nment" one
    # word; then without the characters no reader sees (`compared`)
    texts = {c.id: compared(as_unwrapped(c.text, lang[c.doc])) for c in claims}
    # the words of a version in a Latin script are read now, for its names; those of
    # another version only as it is fingerprinted (`read`), in the process that reads it
    found = {c.id: words_of(texts[c.id]) for c in claims if c.doc in in_latin}
    words = {c.id: tokens(texts[c.id], found[c.id]) for c in claims if c.doc in in_latin}
    # a word opening a sentence is a name where a version in a Latin script (itself or
    # another outlet's) writes it capitalised inside one: "Stephen Miran, one of ..." (en)
    # beside "Le seul opposant, Stephen Miran" (fr); "Shalimar", "Messi", "Kylian", "Libya"
    # likewise, and no common word on development. On fixtures/news (development), link
    # precision / recall of facts without it 0.954 (521/546) / 0.583 (539/925), with it
    # 0.951 (525/552) / 0.591 (547/925): Miran's dissent, the Coromandel's route, Mbappe's
    # hat-trick, beside wrong links by the Shalimar-Chennai Express named in a witness's
    # account (Odisha); benchmarks/loso_audit.py --one-story 0.932 (478/513) / 0.543 ->
    # 0.923 (477/517) / 0.543, or with Hathras's crowd cue off in both (a one-story rule
    # with it only) 0.933 (471/505) / 0.534 -> 0.923 / 0.543. NTREX part A F1 0.959 ->
    # 0.960, part L 0.953 as before. (A Turkish word with an apostrophe and a case ending,
    # "Hathras'ın", read as a name at a sentence start too: beside this, nothing more)
    # ... but not a function word of the version read (stopwords-iso's): "According to Le
    # Monde" (en) makes no name of the French "Le bilan est de 12 morts"
    caps = capitalised_words(words[c.id] for c in claims if c.doc in in_latin)
    caps_of = {doc: {w for w in caps if not function_word(w, lang[doc])} for doc in in_latin}
    # in a non-Latin text every Latin word is a name, whatever `embedded` holds
    latin = {c.id: _quoted_latin(texts[c.id]) for c in claims if c.doc not in in_latin}
    embedded = frozenset(w.lower() for names in latin.values() for w in names if len(w) > 2)
    judged: dict[str, dict[str, tuple[bool, bool]]] = {doc: {} for doc in in_latin}
    latin |= {c.id: _latin_names(words[c.id], caps_of[c.doc], embedded, judged[c.doc])
              for c in claims if c.doc in in_latin}
    lexicon: set[str] = set()
    for names in latin.values():
        for word in names:
            lexicon |= skeletons(word)
    find_names = NameFinder(lexicon)
    by_doc: dict[str, list[Claim]] = {d.id: [] for d in docs}
    for c in claims:
        by_doc[c.doc].append(c)

    home = os.getpid()

    def read(docs_read: Sequence[str]) -> tuple[list[Fingerprint], Learnt]:
        """The fingerprints of these versions' claims, and, in a worker, the word skeletons
        that reading them worked out, for this process to keep (see below); read here, they
        are kept already."""
        mark = skeletons_mark()
        fingerprints = []
        for c in (c for doc in docs_read for c in by_doc[doc]):
            text = texts[c.id]
            words_c = found[c.id] if c.id in found else words_of(text)
            fingerprints.append(fingerprint(text, lang[c.doc], words_c, latin[c.id],
                                            find_names))
        return fingerprints, skeletons_since(mark) if os.getpid() != home else []

    # A long story's versions are read in two halves at once, one here and one in a forked
    # worker: the words of a version and the tables of its language (CLDR data, number and
    # date grammars) are then built in one process only, and only half the fingerprints
    # cross between processes. Matching looks up the skeletons of the same words again: the
    # worker sends back those it worked out, so this process keeps them as if it had read
    # them. The halves cost about as much: a version costs about its words, twice as much
    # in a script other than Latin, where every word is read for a name (6 x 1,997 NTREX
    # lines: 5-8 us a word in English, French, Turkish, 10-16 in Bengali, Arabic, Hebrew).
    # (words counted by their spaces: splitting every claim only to count its words cost
    # about 0.02 s on those 6 x 1,997 lines)
    cost = {doc: sum(c.text.count(" ") + 1 for c in by_doc[doc]) * (1 if doc in in_latin else 2)
            for doc in by_doc}
    there: list[str] = []  # the worker's half, the costliest version first
    here: list[str] = []
    for doc in sorted(by_doc, key=lambda doc: -cost[doc]):
        min(there, here, key=lambda half: sum(map(cost.__getitem__, half))).append(doc)
    mine = cache(partial(read, here))
    (theirs,) = parallel_map(read, [there], worth_it=len(claims) >= PARALLEL_FROM,
                             meanwhile=mine, crossing=_READ_CROSSING)
    fingerprints: dict[str, Fingerprint] = {}
    for docs_read, (found_in_docs, learnt) in ((here, mine()), (there, theirs)):
        learn_skeletons(learnt)
        ids = (c.id for doc in docs_read for c in by_doc[doc])
        fingerprints.update(zip(ids, found_in_docs, strict=True))
    # a time takes the offset the story tells: its zone's on the story's date, or the
    # local offset a version tells beside a UTC time (crossfact.zones)
    return story_zones([c.model_copy(update={"fingerprint": fingerprints[c.id]})
                        for c in claims], lang)
