"""Cut a sentence that states two facts into its clauses, so that each can join its own match.

Outlets bundle facts differently: one writes "632 dead and 329 injured" in one sentence,
another gives each figure a sentence of its own. A match holds one claim per version (or a
run of adjacent ones where a translation split a sentence), so a sentence stating two facts
could join the match of only one of them. A sentence is cut where two figures of different
kinds (`crossfact.facts`: a toll and the injured, a magnitude and a depth) stand on either
side of a clause boundary: a semicolon, a comma, or the language's "and" as CLDR's list
pattern writes it (through babel: "and", "et", "ve", "এবং", and the "و" and "ו" that Arabic
and Hebrew glue to the next word). A cut is kept only when each part, read alone, still
gives its figure the kind it had in the sentence. Times and dates are never cut off: "at
04:17," sets the scene of the whole sentence, it is no clause of its own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from babel import Locale, UnknownLocaleError

from crossfact.facts import Typed, figure_kinds
from crossfact.ids import stable_id
from crossfact.models import Claim, Document, Fingerprint

# kinds that place the whole sentence in time rather than state a fact of their own
_SCENE = frozenset(("clock", "date"))
_PUNCTUATION = re.compile(r"[;؛,،]\s*")
_PAIRS = ("()", "[]", "“”", "«»")  # a cut never falls inside brackets or quotation marks


@cache
def _and(lang: str) -> re.Pattern[str]:
    """Where the language's "and" begins a clause: CLDR's list pattern for two items
    ("{0} and {1}", "{0} و{1}"), a word of its own or glued to the next word as written."""
    try:
        pattern = Locale.parse(lang).list_patterns["standard"]["2"]
    except (UnknownLocaleError, ValueError, KeyError):
        pattern = "{0} and {1}"
    joiner = pattern.replace("{0}", "").replace("{1}", "")
    word = re.escape(joiner.strip())
    if not word or "," in joiner:
        return re.compile("(?!)")
    glued = not joiner.endswith(" ")
    return re.compile(rf"(?<!\w){word}(?=\w)" if glued else rf"(?<!\w){word}\s")


def _inside_pair(text: str) -> bool:
    """Whether `text` (a sentence up to a cut) leaves a bracket or quotation open."""
    return any(text.count(o) > text.count(c) for o, c in _PAIRS) or text.count('"') % 2 == 1


def _cut(claim: Claim, x: Typed, y: Typed, lang: str) -> int | None:
    """Where to cut between figure x and figure y: after the last punctuation mark between
    them, else before the last "and"; None without a boundary."""
    start, end = x.quantity.end, y.quantity.start
    if start >= end:
        return None
    marks = list(_PUNCTUATION.finditer(claim.text, start, end))
    if marks:
        at = marks[-1].end()
    elif ands := list(_and(lang).finditer(claim.text, start, end)):
        at = ands[-1].start()
    else:
        return None
    return None if _inside_pair(claim.text[:at]) else at


def _part(claim: Claim, start: int, end: int, index: int) -> Claim:
    """The claim's text[start:end] as a claim of its own, its fingerprint cut to match."""
    text = claim.text[start:end]
    fp = claim.fingerprint
    inside = [q.model_copy(update={"start": q.start - start, "end": q.end - start})
              for q in fp.numbers if start <= q.start and q.end <= end]
    dates = [d.model_copy(update={"start": d.start - start, "end": d.end - start})
             for d in fp.dates if start <= d.start and d.end <= end]
    part = Fingerprint(
        numbers=inside, dates=dates, names=[n for n in fp.names if n.text in text],
        codes=[c for c in fp.codes if c in text], quotes=[q for q in fp.quotes if q in text],
        urls=[u for u in fp.urls if u in text], handles=[h for h in fp.handles if h in text])
    at = claim.start + start
    return claim.model_copy(update={
        "id": stable_id(claim.doc, str(at), str(at + len(text)), text, prefix="c"),
        "index": index, "text": text, "start": at, "end": at + len(text), "fingerprint": part})


def _same_kind(part: Claim, figure: Typed, offset: int, lang: str) -> bool:
    """Whether `figure` keeps its kind in `part` (which begins at `offset` of its sentence)."""
    return any(t.kind == figure.kind and t.quantity.start == figure.quantity.start - offset
               for t in figure_kinds(part, lang))


def _clauses(claim: Claim, lang: str) -> list[tuple[int, int]]:
    """The (start, end) of each clause of a claim in its text: the whole text when uncut."""
    figures = [t for t in figure_kinds(claim, lang)
               if t.kind not in _SCENE and t.quantity.end > t.quantity.start]
    spans: list[tuple[int, int]] = []
    begin = 0
    for x, y in zip(figures, figures[1:], strict=False):
        if x.kind == y.kind or x.quantity.start < begin:
            continue
        at = _cut(claim, x, y, lang)
        if at is None:
            continue
        first = _part(claim, begin, len(claim.text[:at].rstrip()), 0)
        rest = _part(claim, at, len(claim.text), 0)
        if _same_kind(first, x, begin, lang) and _same_kind(rest, y, at, lang):
            spans.append((begin, len(claim.text[:at].rstrip())))
            begin = at
    return [*spans, (begin, len(claim.text))]


def split_clauses(docs: Sequence[Document], claims: Sequence[Claim]) -> list[Claim]:
    """Every claim, those stating figures of two kinds across a clause boundary cut in
    their clauses; each version's claims numbered again in reading order."""
    lang = {d.id: d.lang for d in docs}
    out: list[Claim] = []
    count: dict[str, int] = {}
    for claim in claims:
        for start, end in _clauses(claim, lang[claim.doc]):
            index = count.get(claim.doc, 0)
            count[claim.doc] = index + 1
            if (start, end) == (0, len(claim.text)):
                out.append(claim if claim.index == index
                           else claim.model_copy(update={"index": index}))
            else:
                out.append(_part(claim, start, end, index))
    return out
