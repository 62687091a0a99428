"""Fingerprints: what survives translation in each claim (figures, dates, names, codes, links).

Names need the whole story: a Bengali or Arabic word counts as a name when its consonant
skeleton is one that some version writes in Latin script (টেসলা is a name because "Tesla"
appears somewhere). Without that lexicon every native word would be a candidate name, and
common words would pull unrelated claims together.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import regex

from crossfact.dates import find_dates
from crossfact.models import Claim, Document, Fingerprint, Name
from crossfact.names import WORD, script_of, skeletons
from crossfact.numbers import find_codes, find_quantities

URL = regex.compile(r"(?:https?://|www\.)\S+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|io|ly)(?:/\S*)?")
HANDLE = regex.compile(r"(?<![\p{L}\p{N}_])@[\p{L}\p{N}_]+")
QUOTE = regex.compile(r"[“«„\"]([^“”«»„\"]{12,}?)[”»“\"]")
LATIN_SCRIPT_LANGS = frozenset({"en", "fr", "tr", "de", "es", "it", "pt", "nl", "id", "pl", "ro"})


def _is_code(word: str) -> bool:
    return any(ch.isdigit() for ch in word)


def _latin_names(text: str, lang: str, capitalised: set[str]) -> Iterable[str]:
    """Latin-script words that are names: any Latin word inside a non-Latin text; in a
    Latin-script text a capitalised word, sentence-initial only when the document also
    writes it capitalised mid-sentence."""
    latin_text = lang in LATIN_SCRIPT_LANGS
    for i, m in enumerate(WORD.finditer(text)):
        word = m.group()
        if _is_code(word) or script_of(word) != "Latin" or len(word) < 2:
            continue
        if not latin_text or any(ch.isupper() for ch in word[1:]) or (
            word[0].isupper() and (i > 0 or word in capitalised)
        ):
            yield word


def capitalised_words(claims: Iterable[Claim]) -> set[str]:
    """Words a document writes capitalised after the first word of a sentence."""
    seen: set[str] = set()
    for claim in claims:
        words = [m.group() for m in WORD.finditer(claim.text)]
        seen.update(w for w in words[1:] if w[:1].isupper())
    return seen


def name_lexicon(docs: Sequence[Document], claims_by_doc: dict[str, list[Claim]]) -> set[str]:
    """Skeletons of every Latin-script name in the story, to check native spellings against."""
    lexicon: set[str] = set()
    for doc in docs:
        claims = claims_by_doc.get(doc.id, [])
        caps = capitalised_words(claims)
        for claim in claims:
            for word in _latin_names(claim.text, doc.lang, caps):
                lexicon |= skeletons(word)
    return lexicon


def find_names(
    text: str, lang: str, lexicon: set[str], capitalised: set[str], skip: frozenset[str]
) -> list[Name]:
    """Latin-script names as written, plus native-script words whose skeleton is in the
    lexicon; `skip` holds words already read as something else (month names)."""
    names: list[Name] = []
    seen: set[str] = set(skip)
    latin = set(_latin_names(text, lang, capitalised))
    for m in WORD.finditer(text):
        word = m.group()
        if word in seen or _is_code(word):
            continue
        sks = skeletons(word)
        if word in latin:
            names.append(Name(text=word, skeleton=min(sks, key=len, default=""), latin=True))
        elif script_of(word) != "Latin" and (hit := sks & lexicon):
            if max(len(s) for s in hit) >= 3:
                names.append(Name(text=word, skeleton=min(hit), latin=False))
        else:
            continue
        seen.add(word)
    return names


def fingerprint(text: str, lang: str, lexicon: set[str], capitalised: set[str]) -> Fingerprint:
    """Everything in one claim that a reviewer can check against the other versions."""
    dates = find_dates(text, lang)
    date_words = frozenset(w for d in dates for w in WORD.findall(d.text))
    return Fingerprint(
        numbers=find_quantities(text, lang),
        dates=dates,
        names=find_names(text, lang, lexicon, capitalised, date_words),
        codes=find_codes(text),
        quotes=[q.strip() for q in QUOTE.findall(text)],
        urls=URL.findall(text),
        handles=[h.lower() for h in HANDLE.findall(text)],
    )


def fingerprint_story(docs: Sequence[Document], claims: list[Claim]) -> list[Claim]:
    """Claims with their fingerprints filled in, names checked against the story's lexicon."""
    by_doc: dict[str, list[Claim]] = {}
    for claim in claims:
        by_doc.setdefault(claim.doc, []).append(claim)
    lexicon = name_lexicon(docs, by_doc)
    out: list[Claim] = []
    for doc in docs:
        caps = capitalised_words(by_doc.get(doc.id, []))
        for claim in by_doc.get(doc.id, []):
            fp = fingerprint(claim.text, doc.lang, lexicon, caps)
            out.append(claim.model_copy(update={"fingerprint": fp}))
    return out
