"""Split a Document into Claims: paragraphs first, then sentences, every claim with offsets.

No sentence splitter handles all six newsroom languages (docs/architecture.md), so this one is
small and explicit:

- A paragraph is a non-empty line, or several lines joined when line breaks are only
  soft wraps (see `find_paragraphs`). News copy puts one paragraph per line, and
  headlines, captions and tweet embeds on lines of their own, so line breaks are the
  strongest boundary there is.
- Inside a paragraph a sentence ends at . ! ? … (and the Bengali dari । ॥, its look-alike
  ৷ U+09F7, the Arabic ؟ and the Urdu ۔), together with any closing quotes or brackets
  right after it, *and* only when whitespace follows. So decimals (6.6, ৩.৫), URLs
  (pic.twitter.com/…) and dotted acronyms never split; Arabic ، and ؛ are not sentence ends.
- A full stop after an abbreviation (Mr., Mme., Doç., vb., e.g.), an initial (J. R. R.,
  M. Macron, ড.), a dotted acronym (U.S., A.Ş.) or a list number at the start of a
  paragraph does not end a sentence.
- A mark followed by a lower-case word does not end a sentence: an ellipsis inside a
  sentence, "Yahoo! said", or a quote and its attribution ("…décembre." a noté Merritt).
  Nor does a double dot with spaces on both sides, which Arabic headlines use as a dash.
  Words like xAI or iPhone (lower-case first, upper-case later) count as capitalised.
  Scripts without case (Arabic, Hebrew, Bengali) split at every mark followed by a space.

Each claim's span is trimmed of surrounding whitespace, so `doc.text[start:end] ==
claim.text`. Claims keep their paragraph's kind (headline, caption, byline, embed,
boilerplate): they are marked, never dropped, so a reviewer sees the whole article.
"""

from __future__ import annotations

import math
import re
import statistics
import unicodedata
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from crossfact.ids import stable_id
from crossfact.models import Claim, ClaimKind, Document
from crossfact.numbers import function_word
from crossfact.vocabulary import is_word

_LINE_BREAK = re.compile(r"\r\n|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]")

STRONG_MARKS = "।॥৷؟۔"  # marks that only ever end sentences
_TERMINATOR = re.compile(
    r"[.!?…" + STRONG_MARKS + r"]+"  # the marks themselves (?!, ..., ।)
    r"(?:[\"'”’»›)\]」』]|[ \u00a0\u202f]+(?:[»›]|[\"'”’]+(?!\S)))*"  # closers, maybe spaced
)
_OPENERS = "\"'“‘«‹„(¿¡[—–-‚"
_CLOSERS = "\"'”’»›)]」』"
_LINE_END_MARKS = ".!?…:;" + STRONG_MARKS
TOKEN_WINDOW = 80  # how far back a token is looked for: keeps a 1 MB line linear
_DIGITS = re.compile(r"\d+")
_LETTERS = re.compile(r"[^\W\d_]+")
_SHORT_DOTTED = re.compile(r"[^\W\d_]{1,3}\.[^\w\s]*")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Abbreviations (lower-case, without the final dot) after which "." never ends a sentence,
# because a name or a noun always follows. Grouped by language; matched in every language
# since stories quote each other.
NEVER_ENDS = _words(
    # en (not "me", "est", "vol", "sept": French words that do end sentences)
    "mr mrs ms messrs dr drs prof st sen sens rep reps gov gen col lt sgt capt cmdr adm "
    "det insp supt rev hon pres jr sr inc ltd corp co bros vs approx dept fig mt ft ave "
    "blvd e.g i.e cf viz v a.m p.m c "
    # fr
    "mme mmes mlle mlles mm pr ste env boul "
    # tr
    "vb doç yrd av sn bkz örn yy alb org sok cad mah şti hz"
)
# Abbreviations that may also end a sentence: it ends only if a capital follows, so
# "Oct. 8" and "No. 10" stay whole but "etc. The" splits.
ENDS_BEFORE_CAPITAL = _words("etc no nos nr pp ca jan feb apr jun jul aug sep sept oct nov dec")
# languages that write ordinals as "3." ("125. Cadde", "3. Oktober"): a number of up to
# three digits before a full stop is then an ordinal (in NTREX Turkish it always was)
ORDINAL_DOT_LANGUAGES = frozenset({"tr", "de", "da", "nb", "no", "fi", "cs", "sk", "hu"})


@dataclass(frozen=True)
class Paragraph:
    """A block of text between line breaks (soft wraps joined), trimmed of whitespace."""

    start: int
    end: int
    blank_before: bool  # a blank line (or the start of the text) precedes it
    blank_after: bool  # a blank line (or the end of the text) follows it


def segment(doc: Document, segmented: bool = False) -> list[Claim]:
    """The claims of `doc` in document order.

    `segmented=True` is for files already split one claim per line (aligned corpora,
    earlier exports): every non-empty line is one claim, never split further.
    """
    text = doc.text
    paragraphs = find_paragraphs(text, join_soft_wraps=not segmented)
    kinds = classify_paragraphs(text, paragraphs)
    every = [
        [(paragraph.start, paragraph.end)]
        if segmented
        else split_sentences(text, paragraph.start, paragraph.end, doc.lang)
        for paragraph in paragraphs
    ]
    if every and kinds[0] == "body" and not segmented:
        every[0] = _split_run_in_headline(text, every)
    spans = [(start, end, kind, number)
             for number, (found, kind) in enumerate(zip(every, kinds, strict=True))
             for start, end in found]
    return [_claim(doc, *span, index) for index, span in enumerate(spans)]


def claim_id(doc: str, start: int, end: int, text: str) -> str:
    """A claim's id: its version's id, its place in the version and its text, hashed."""
    return stable_id(doc, str(start), str(end), text, prefix="c")


def _claim(doc: Document, start: int, end: int, kind: ClaimKind, paragraph: int,
           index: int) -> Claim:
    sentence = doc.text[start:end]
    return Claim(id=claim_id(doc.id, start, end, sentence), doc=doc.id,
                 index=index, text=sentence, start=start, end=end, kind=kind,
                 paragraph=paragraph)


# --- paragraphs ---------------------------------------------------------------------------


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """(start, end) moved inwards past whitespace; start == end if only whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _lines(text: str) -> list[tuple[int, int]]:
    """Trimmed (start, end) of every line, blank lines as empty spans."""
    lines = []
    position = 0
    for match in _LINE_BREAK.finditer(text):
        lines.append(_trimmed(text, position, match.start()))
        position = match.end()
    lines.append(_trimmed(text, position, len(text)))
    return lines


def find_paragraphs(text: str, join_soft_wraps: bool = True) -> list[Paragraph]:
    """Non-empty lines as paragraphs, except where line breaks are only soft wraps.

    Lines are first grouped into blocks between blank lines. Where the text was
    hard-wrapped at a width (`wrap_width`: a PDF, an email, a terminal, OCR), a line break
    is a soft wrap when the line before has no sentence-final mark and the next line's
    first word would not have fitted on it, whatever the script's case (`_soft_wrap`).
    Elsewhere a block most of whose lines (but the last) are long and end without sentence
    punctuation was hard-wrapped by a mail client or an editor: it is one paragraph; and a
    long unpunctuated line followed by a lower-case one is joined to it; but not where the
    lines start with capitals far more often than words do inside them: verse, a list,
    headlines (`_reads_as_verse`). Every other line stands alone.
    """
    paragraphs: list[Paragraph] = []
    blocks = _blocks(_lines(text))
    wrap = wrap_width(text, blocks) if join_soft_wraps else None
    for block in blocks:
        if (join_soft_wraps and wrap is None and _is_hard_wrapped(text, block)
                and not _reads_as_verse(text, [block])):
            groups = [block]
        else:
            groups = [[block[0]]]
            for line in block[1:]:
                previous = groups[-1][-1]
                if join_soft_wraps and (_soft_wrap(text, previous, line, wrap)
                                        or _continues(text, previous, line)):
                    groups[-1].append(line)
                else:
                    groups.append([line])
        for number, group in enumerate(groups):
            paragraphs.append(
                Paragraph(group[0][0], group[-1][1], number == 0, number == len(groups) - 1)
            )
    return paragraphs


def _blocks(lines: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """Runs of non-empty lines between blank lines."""
    blocks: list[list[tuple[int, int]]] = [[]]
    for start, end in lines:
        if start == end:
            if blocks[-1]:
                blocks.append([])
        else:
            blocks[-1].append((start, end))
    return [block for block in blocks if block]


SOFT_WRAP_MIN_CHARS = 40  # a wrapped line is long; a short one is a headline or a credit


def _is_wrapped_line(line: str) -> bool:
    """Long and without final punctuation: a line that a wrap cut short."""
    return len(line) >= SOFT_WRAP_MIN_CHARS and line[-1] not in _LINE_END_MARKS + _CLOSERS


def _is_hard_wrapped(text: str, block: list[tuple[int, int]]) -> bool:
    inner = block[:-1]
    wrapped = sum(_is_wrapped_line(text[start:end]) for start, end in inner)
    return len(block) >= 3 and 2 * wrapped > len(inner)


def _continues(text: str, line: tuple[int, int], following: tuple[int, int]) -> bool:
    """A long unpunctuated line whose sentence goes on, lower-case, on the next line."""
    first = text[following[0]]
    return (
        _is_wrapped_line(text[line[0] : line[1]])
        and first.isalpha()
        and first.islower()
        and not _looks_capitalised(text[following[0] : following[1]])
    )


# --- hard wraps at a width ------------------------------------------------------------------

_SENTENCE_END = re.compile(r"[.!?…" + STRONG_MARKS + r"][" + re.escape(_CLOSERS) + r"]*\Z")
_NO_BREAK = "\u00a0\u2007\u202f"
_INNER_SPACE = re.compile(r"\s")

# A text is hard-wrapped when at least WRAP_MIN_BREAKS line breaks are soft wraps at one
# width, and, with the fill (`Wrap`), WRAP_MIN_SHARE of the line breaks after a line without
# a sentence-final mark. On benchmarks/wrap_eval.py (development texts: the seed story,
# fixtures/news, NTREX, Text+Berg; widths 40 to 100) a width is found in all but a few short
# texts; in none of the 2,415 unwrapped layouts of the same texts.
WRAP_MIN_BREAKS = 2  # one soft wrap is no evidence: a headline may be as long as its body
WRAP_MIN_SHARE = 0.5
WRAP_MIN_WIDTH = 20  # narrower lines are a list or verse, not a text wrapped to a column
# A proportional font's line falls short of the width by up to a fifth (a sixth in the
# benchmark's "ragged" layout); wider than that, an unwrapped text's long lines would pass.
FILL_MAX_SLACK = 5
# A monospace wrap ends this share of the lines without a mark where the next word would
# have passed the width itself (98% of the benchmark's monospace texts, 10% of its ragged
# ones): there the fill is the width, and a headline a little shorter stays apart (with the
# fill lowered there too, claims joined in error rose from 2-4 to 4-10 per 1,000).
MONOSPACE_SHARE = 0.8


# Verse and lists: at least VERSE_MIN_LINES line breaks after a line without a mark, of which
# VERSE_MIN_SHARE start the next line with a capital, VERSE_INNER_RATIO times the share of
# capitals inside lines (after a word or a comma). In benchmarks/wrap_eval.py's wrapped texts
# (widths 40 to 100, all layouts and styles; 19,269 in which a width is found) the share is
# at most 0.67 (0.5 or more in 44, with names or a headline at a line start): none is read
# as verse, and its figures are unchanged. In its verse controls (Verlaine, Baudelaire,
# Shakespeare, Blake, Dickinson, Goethe...) and lists of headlines the share is 1.
VERSE_MIN_LINES = 3  # two capitals in a row are names as often as verse
VERSE_MIN_SHARE = 0.7
VERSE_INNER_RATIO = 2  # German capitalises its nouns: verse doubles its share at line starts
_LETTER = re.compile(r"[^\W\d_]")
_INNER_WORD = re.compile(r"(?<=[\w,;]) ([^\W\d_])")


@dataclass(frozen=True)
class Wrap:
    """How a text was hard-wrapped: no line (of several words) longer than `width`, and a
    line ended where the next word would have made it longer than `fill` (`width` when
    every line was filled to the width, as a monospace wrap does; less in a proportional
    font, whose lines hold fewer wide letters)."""

    width: int
    fill: int


def _reach(text: str, line: tuple[int, int], following: tuple[int, int],
           after_mark: bool = False) -> int | None:
    """How long `line` would have been with the next line's first word on it; None after a
    sentence-final mark (unless `after_mark`), where a line may end whatever the width."""
    start, end = line
    if not after_mark and _SENTENCE_END.search(text, start, end):
        return None
    word = following[0]
    while word < following[1] and (not text[word].isspace() or text[word] in _NO_BREAK):
        word += 1  # "«\u00a0cloches": a no-break space holds the word to what follows
    # one space between them, even after a hyphen ("avait-" / "il"), where a wrap may have
    # broken the word without one: a width one more than the true one is no worse
    return end - start + 1 + word - following[0]


def _soft_wrap(text: str, line: tuple[int, int], following: tuple[int, int],
               wrap: Wrap | None) -> bool:
    """A line of a hard-wrapped text that ends where the next word would not fit. A line
    ending in a full stop is one too ("the deadliest U.S." / "wildfire", "…" / "pic.twitter
    .com/…"): the sentence splitter then tells an abbreviation from a sentence's end."""
    if wrap is None:
        return False
    reach = _reach(text, line, following, after_mark=True)
    # a word longer than the width has a line of its own
    return reach is not None and wrap.fill < reach and (
        line[1] - line[0] <= wrap.width or not _INNER_SPACE.search(text, *line))


def wrap_width(text: str, blocks: list[list[tuple[int, int]]]) -> Wrap | None:
    """How `text` was hard-wrapped, or None if it reads as unwrapped.

    A hard wrap fills each line up to the width: between two lines of a paragraph, the
    first ends without a sentence mark and is at most the width long, and with the next
    line's first word it would have been longer. The width is the one at which most such
    line breaks are soft wraps, less the lines longer than it (which a wrap at that width
    cannot have made); a text of unwrapped paragraphs has no width at which many are.
    """
    # a line longer than the width is one word too long for it, or was not wrapped at it
    lengths = sorted(end - start for block in blocks for start, end in block
                     if _INNER_SPACE.search(text, start, end))
    pairs = [(line[1] - line[0], reach) for block in blocks
             for line, following in pairwise(block)
             if (reach := _reach(text, line, following)) is not None]
    width = _width(pairs, lengths)
    if width is None or _reads_as_verse(text, blocks):
        return None
    slack = _slack(pairs, width)
    soft = sum(start <= width < reach + slack for start, reach in pairs)
    longer = len(lengths) - bisect_right(lengths, width)
    if soft - longer < WRAP_MIN_SHARE * len(pairs):
        return None
    return Wrap(width, width - slack)


def _reads_as_verse(text: str, blocks: list[list[tuple[int, int]]]) -> bool:
    """Whether the lines after lines without a sentence-final mark start with a capital far
    more often than words inside the lines do: verse, a list, headlines, each line its own,
    whose ragged short lines would pass for a wrap at some width. A wrap cuts before any word,
    so its next lines start with a capital as often as words do inside a line (more in
    German, whose nouns have one: hence the comparison with the text's own share)."""
    starts = capitals = 0
    for block in blocks:
        for line, following in pairwise(block):
            if _reach(text, line, following) is not None:
                starts += 1
                # a list item's first word, after its bullet: "• Erdogan wins"
                first = _LETTER.search(text, *following)
                capitals += first is not None and first.group().isupper()
    if capitals < VERSE_MIN_LINES or capitals < VERSE_MIN_SHARE * starts:
        return False
    inner = [word for block in blocks for start, end in block
             for word in _INNER_WORD.findall(text, start, end) if word.isupper() or word.islower()]
    return capitals / starts > VERSE_INNER_RATIO * sum(map(str.isupper, inner)) / max(1, len(inner))


def _width(pairs: list[tuple[int, int]], lengths: list[int]) -> int | None:
    """The width at which most line breaks are soft wraps (`pairs`: each line's length and
    `_reach`), less the lines longer than it (`lengths`, sorted); then, as the longest lines
    of a proportional font pass the width found by as much as their fill falls short of it,
    the longest line within FILL_MAX_SLACK of it."""
    starts = sorted(start for start, _ in pairs)
    reaches = sorted(reach for _, reach in pairs)
    best, width = WRAP_MIN_BREAKS - 1, None
    for candidate in sorted({*starts, *(reach - 1 for reach in reaches)}):
        if candidate < WRAP_MIN_WIDTH:
            continue
        soft = bisect_right(starts, candidate) - bisect_right(reaches, candidate)
        longer = len(lengths) - bisect_right(lengths, candidate)
        if soft - longer > best:
            best, width = soft - longer, candidate
    if width is None:
        return None
    within = bisect_right(lengths, width + width // FILL_MAX_SLACK)
    return max(width, lengths[within - 1]) if within else width


def _slack(pairs: list[tuple[int, int]], width: int) -> int:
    """How far short of `width` a wrapped line may fall (`Wrap.fill`): 0 where most lines
    were filled to the width (MONOSPACE_SHARE). Elsewhere the lines a wrap did not end (a
    headline, a paragraph's last line) fall short by any length, so as many again as fall
    short by more than the most slack (FILL_MAX_SLACK) fall short by less, in the share
    that slack is of the width; the others are wraps, and the slack is the most they fall
    short by."""
    short = sorted(max(0, width + 1 - reach) for start, reach in pairs if start <= width)
    if short.count(0) >= MONOSPACE_SHARE * len(pairs):
        return 0
    most = width // FILL_MAX_SLACK
    wraps = len(short) - math.ceil(sum(gap > most for gap in short) * width / (width - most))
    return min(short[wraps - 1], most) if wraps > 0 else 0


# a word broken at a line end after a hyphen: "gouverne-\nment", "avait-\nil"; or after a
# soft hyphen (U+00AD), which only hyphenation puts there: "Zelen\u00ad\nsky"
_SOFT_HYPHEN = "\u00ad"
_BROKEN_WORD = re.compile(r"([^\W\d_]+)([-" + _SOFT_HYPHEN + r"])[ \t]*(?:"
                          + _LINE_BREAK.pattern + r")[ \t]*([^\W\d_]+)")


def as_unwrapped(text: str, lang: str) -> str:
    """`text` (a claim) as the matcher should read it had it not been hard-wrapped, of the
    same length so that places in it are places in `text`: every line break a space (the
    number reader takes "20\n000" for 20 and 0), and a word that a line end broke after a
    hyphen read whole. Whole is without the hyphen ("gouverne-\nment", "hükü-\nmet") where
    the joined word is a word of the language in wordfreq, or the part after the hyphen is
    not one ("donanımla-\nrına"), or a capitalised part before it is not one and the part
    after it is lower-case ("Zelen-\nsky", "Laha-\nina": a name cut, not a compound); with
    it otherwise ("avait-\nil", "self-\ndriving", "Post-\nmonétaire"), and in a language
    wordfreq lacks. A soft hyphen is always dropped. The characters a join removes are put
    back as spaces after the word."""
    if _LINE_BREAK.search(text) is None:
        return text

    def whole(match: re.Match[str]) -> str:
        head, hyphen, tail = match.groups()
        joined = head + tail
        if hyphen == _SOFT_HYPHEN or _hyphenated_whole(head, tail, lang):
            return joined.ljust(len(match.group()))
        return (head + "-" + tail).ljust(len(match.group()))

    return _LINE_BREAK.sub(lambda m: " " * len(m.group()), _BROKEN_WORD.sub(whole, text))


def _hyphenated_whole(head: str, tail: str, lang: str) -> bool:
    """Whether `head`-`tail`, broken at a line end after the hyphen, is one word that
    hyphenation cut (see `as_unwrapped`). Measured on the Latin-script names of fixtures/news
    (276, capitalised inside a sentence) each cut at a random place: 258 joined right with
    the joined word or the tail alone, 269 with the capitalised head too; of its 39 compounds
    with a lower-case tail, 34 kept their hyphen, 33 now ("Howrah-\nbound" is joined)."""
    word = is_word(head + tail, lang)
    if word or word is None:
        return bool(word)
    return is_word(tail, lang) is False or (
        head[0].isupper() and tail.islower() and is_word(head, lang) is False)


def as_unwrapped_claims(docs: Sequence[Document], claims: Sequence[Claim]) -> list[Claim]:
    """`claims` with their text `as_unwrapped` (copies only of those with a line break), for
    the matcher's readers of words and figures (crossfact.facts, crossfact.suggest): on
    fixtures/news quake-turkey-2023 wrapped at 60 columns, a line break inside a claim
    changed 2 of 55 matches where the claims were the same."""
    lang = {d.id: d.lang for d in docs}
    return [c if _LINE_BREAK.search(c.text) is None
            else c.model_copy(update={"text": as_unwrapped(c.text, lang[c.doc])})
            for c in claims]


# --- sentences ----------------------------------------------------------------------------


def split_sentences(text: str, start: int, end: int, lang: str = "") -> list[tuple[int, int]]:
    """Trimmed (start, end) spans of the sentences of text[start:end] in language `lang`."""
    spans = []
    current = start
    for match in _TERMINATOR.finditer(text, start, end):
        after = match.end()
        if after >= end:
            break
        if _ends_sentence(text, start, end, match, lang):
            span = _trimmed(text, current, after)
            if span[0] < span[1]:
                spans.append(span)
            current = after
    span = _trimmed(text, current, end)
    if span[0] < span[1]:
        spans.append(span)
    return spans


def _ends_sentence(text: str, start: int, end: int, match: re.Match[str], lang: str) -> bool:
    marks = match.group().rstrip(_CLOSERS + " \u00a0\u202f")
    strong = any(mark in STRONG_MARKS for mark in marks)
    after = match.end()
    if marks == ".." and text[match.start() - 1:match.start()].isspace():
        return False  # a double dot set apart is a dash: "مجدداً .. أردوغان رئيساً لتركيا"
    if not text[after].isspace():
        # "6.6", "pic.twitter.com", "U.S.": only a dari or ؟ may touch the next word
        return strong and text[after].isalpha()
    if strong:
        return True
    following = _next_word(text, after, end)
    if marks == ".":
        token = _token_before(text, start, match.start())
        if token and not _full_stop_ends(token, following, text, start, match.start(), lang):
            return False
    if not following:
        return True
    first = following[0]
    return not (first.isalpha() and first.islower() and not _looks_capitalised(following))


def _next_word(text: str, position: int, end: int) -> str:
    """The next word after whitespace and opening quotes, dashes or brackets."""
    while position < end and (text[position].isspace() or text[position] in _OPENERS):
        position += 1
    stop = position
    while stop < end and not text[stop].isspace():
        stop += 1
    return text[position:stop]


def _token_before(text: str, start: int, position: int) -> str:
    """The word right before a full stop (empty after a space, as in 'Grok 3 .')."""
    begin, limit = position, max(start, position - TOKEN_WINDOW)
    while begin > limit and not text[begin - 1].isspace():
        begin -= 1
    return text[begin:position].lstrip(_OPENERS)


def _full_stop_ends(
    token: str, following: str, text: str, start: int, position: int, lang: str
) -> bool:
    """Whether a full stop right after `token` ends the sentence (abbreviations do not)."""
    lowered = token.casefold()
    if lowered in ENDS_BEFORE_CAPITAL:
        return _starts_with_capital(following)  # "etc. The", but "no. 10" and "Oct. 8"
    if lowered in NEVER_ENDS or _is_dotted_acronym(token) or _is_initial(token):
        return False
    if _is_small_letter(token):
        return _starts_with_capital(following)
    if _is_uncased(token) and len(token) <= 3 and _SHORT_DOTTED.fullmatch(following):
        return False  # spelt-out letters: "בי. בי. סי." (BBC), "دي. آر."
    if _DIGITS.fullmatch(token):
        before = position - len(token)
        if before - start <= 2 and not text[start:before].strip(_OPENERS):
            return False  # a list number: "1. Introduction"
        return not (lang in ORDINAL_DOT_LANGUAGES and len(token) <= 3)  # tr "125. Cadde"
    return True


def _without_marks(token: str) -> str:
    return "".join(char for char in token if not unicodedata.category(char).startswith("M"))


def _is_dotted_acronym(token: str) -> bool:
    """U.S, e.g, A.Ş, ইউ.এন (U.N.): one or two letters (marks aside) between dots.

    The token's own final dot is the one being judged, so it is not part of `token`.
    """
    parts = token.split(".")
    return len(parts) > 1 and all(
        0 < len(base := _without_marks(part)) <= 2 and base.isalpha() for part in parts
    )


def _is_initial(token: str) -> bool:
    """One capital or uncased letter (marks aside): J. R. R., M. Macron, ড. ইউনূস, د. محمد."""
    base = _without_marks(token)
    return len(base) == 1 and base.isalpha() and not base.islower()


def _is_small_letter(token: str) -> bool:
    """A lone lower-case Latin letter: "p." (page), "h." (heure), "s." (sayfa)."""
    return len(token) == 1 and token.islower()


def _is_uncased(token: str) -> bool:
    return bool(token) and token[0].isalpha() and token[0].lower() == token[0].upper()


def _is_cased(text: str) -> bool:
    """Most of the letters are of a script with case (Latin, Greek, Cyrillic)."""
    letters = [ch for ch in text if ch.isalpha()]
    return 2 * sum(ch.lower() != ch.upper() for ch in letters) > len(letters)


def _may_start_sentence(text: str, gap: re.Match[str], lang: str) -> bool:
    """In a script with case, a sentence starts at `gap` only with a capital, and the word
    before it ends a headline only if it is no function word and no comma follows it ("...
    sacudió el sur de | Turquía el lunes" is one sentence; "Kuzeyde nehir taştı | Ankara'dan
    gelen" two)."""
    before = text[: gap.start()].split()
    after = text[gap.end():].lstrip(_OPENERS)
    return (bool(before) and after[:1].isupper() and before[-1][-1] not in ",;:"
            and not function_word(before[-1].strip(_CLOSERS), lang))


def _starts_with_capital(word: str) -> bool:
    return bool(word) and (word[0].isupper() or _is_uncased(word))


def _looks_capitalised(word: str) -> bool:
    """xAI, iPhone, eBay: lower-case first letter but a capital inside, as names have.

    Only the first run of letters counts: "pic.twitter.com/UgvmsBLuQp" is not a name.
    """
    letters = _LETTERS.match(word)
    return letters is not None and any(char.isupper() for char in letters.group()[1:])


# --- a headline run into the first paragraph --------------------------------------------


def _split_run_in_headline(text: str, every: list[list[tuple[int, int]]]) -> list[tuple[int, int]]:
    """The first paragraph's spans (`every` holds every paragraph's), the first one cut where
    a headline without a final stop, run into the paragraph ("... heading into Sunday singles
    After three one-sided sessions, ..."), gives way to the first sentence.

    No mark shows that boundary, so the document itself is asked (Mikheev's
    document-centred approach to capitals): a capitalised word that this document writes
    in lower case mid-sentence, and that also begins one of its other sentences, is a
    common word capitalised because a sentence begins with it (not the "Nord" of "Corée du
    Nord" or the "World" of "the World Wide Web"). The cut is taken at the first such word
    within a headline's length (HEADLINE_MAX_WORDS, HEADLINE_MAX_CHARS), and only after a
    lower-case word or a figure: after a capital the headline is in title case ("Death Toll
    From ..."), where capitals tell nothing. Scripts without case (Arabic, Hebrew, Bengali)
    give no such evidence and are left whole.
    """
    spans = every[0]
    start, end = spans[0]
    sentences = [span for paragraph in every for span in paragraph][1:]
    lower = _lower_case_words(text)
    starters = frozenset(_first_word(text, s, e) for s, e in sentences) & lower
    words = list(re.finditer(r"\S+", text[start:end]))
    for previous, word in pairwise(words[: HEADLINE_MAX_WORDS + 1]):
        if previous.end() > HEADLINE_MAX_CHARS:
            break
        if not _is_common_capitalised(word.group(), lower):
            continue
        if _ends_with_mark(previous.group()):
            continue  # "John Edward: Dil becerileri": a capital after a colon is no cue
        if not _lower_or_figure(previous.group()):
            return spans  # a common word capitalised after another capital: title case
        if _first_word(word.group(), 0, len(word.group())) in starters:
            return [(start, start + previous.end()), (start + word.start(), end), *spans[1:]]
    return spans


# A headline run into the first paragraph where capitals gave no cue near its length (a script
# without case, a title-case headline, a Turkish name first): the versions that set their
# headline apart tell its length. (In a script with case the cut still falls only before a
# capital, after a word that can end a headline, `_may_start_sentence`: a cut at a length alone
# split "... matando al menos a | 1.500 personas." in a Spanish lede; NTREX part L F1 0.953
# either way.) Tuned on NTREX part L (development): a cut at the predicted length itself
# falls on the true boundary in about a sixth of the run-in headlines and a few words off
# otherwise (benchmarks/README.md, part L).
RUN_IN_WINDOW = 0.4  # how far (a share of the prediction) a capital may move the cut
# without a capital to go by, the cut errs early: a few words of headline left on the
# sentence cost less than the sentence's first words on the headline, which tie the sentence
# (an inserted one too) to the headline's match
RUN_IN_EARLY = 0.85
# the most claims one version may have to another's: in 90% of part L's stories the versions
# are within 1.5x of each other (a deleted and an inserted sentence, Turkish translators'
# split sentences); the comparable news of fixtures/news are 2.1x to 4.3x apart
RUN_IN_COUNTS = 1.5


def cut_run_in_headlines(docs: Sequence[Document], claims: list[Claim]) -> list[Claim]:
    """`claims` (every version's, in order) with the first claim of a version cut in two where
    it is a headline run into the first paragraph that `_split_run_in_headline` could not
    see (no capitals to read), while most versions put their headline on a line of its own.

    The versions that set their headline apart give two lengths, as shares of their
    characters (medians): the headline's, and their first sentence's. A version's first
    claim is a run-in headline only where its share is nearer the two together than the
    sentence alone (its share of a text without a headline): a version that has none (an
    outlet dropped it) keeps its lede whole. The cut is where a capitalised word near the
    headline's length starts a sentence (`_sentence_start`), else at a word boundary a little
    before it (RUN_IN_EARLY).
    """
    by_doc: dict[str, list[Claim]] = {doc.id: [] for doc in docs}
    for claim in claims:
        by_doc[claim.doc].append(claim)
    apart = [own for own in by_doc.values() if own and _is_set_apart(own[0])]
    if 2 * len(apart) <= len(docs) - 1:
        # most of the other versions must set a headline apart: where few do, one that does not
        # most likely has none (the seed story's Arabic, Bengali and Hebrew open with prose)
        return claims
    ledes = [_share(own, body) for own in apart
             if (body := next((c for c in own[1:] if c.kind == "body"), None))]
    if not ledes:
        return claims
    head = statistics.median(_share(own, own[0]) for own in apart)
    lede = statistics.median(ledes)
    counts = [len(own) for own in by_doc.values()]
    return [c for doc in docs for c in (
        _headline_cut(doc, by_doc[doc.id], head, lede)
        # translations say about as much in each version: where a version has many more
        # or fewer claims than another, the story is one event in different outlets' words,
        # whose lengths tell nothing of each other (the comparable news of fixtures/news)
        if all(max(n, len(by_doc[doc.id])) <= RUN_IN_COUNTS * min(n, len(by_doc[doc.id]))
               for n in counts)
        else by_doc[doc.id])]


def _share(own: list[Claim], claim: Claim) -> float:
    """What share of its version's characters `claim` takes (lengths compare across scripts
    only so: a Bengali sentence is longer than its English one, and so is the whole)."""
    return len(claim.text) / sum(len(c.text) for c in own)


def _is_set_apart(first: Claim) -> bool:
    """A version's first claim is its headline alone: so classified, or without a final mark
    (where more follows in its paragraph, only a cut makes that)."""
    return first.kind == "headline" or not _ends_with_mark(first.text)


def _headline_cut(doc: Document, own: list[Claim], head: float, lede: float) -> list[Claim]:
    """One version's claims, its first cut where `cut_run_in_headlines` says."""
    first = own[0] if own else None
    if first is None or first.kind != "body" or first.paragraph != 0 or _is_set_apart(first):
        return own
    share = _share(own, first)
    # without a headline the lede's share is the others' over the rest of their text
    if abs(math.log(share / (head + lede))) >= abs(math.log(share * (1 - head) / lede)):
        return own  # as long as the others' first sentence: a lede, with no headline run in
    predicted = head * sum(len(c.text) for c in own)
    gaps = list(re.finditer(r"\s+", first.text))
    cased = _is_cased(first.text)
    gap = _sentence_start(first.text, gaps, predicted) or next(
        (g for g in reversed(gaps) if g.start() <= RUN_IN_EARLY * predicted
         and (not cased or _may_start_sentence(first.text, g, doc.lang))), None)
    if gap is None:
        return own
    head_claim = _claim(doc, first.start, first.start + gap.start(), first.kind, 0, 0)
    rest = _claim(doc, first.start + gap.end(), first.end, first.kind, 0, 1)
    return [head_claim, rest, *(c.model_copy(update={"index": c.index + 1}) for c in own[1:])]


def _sentence_start(text: str, gaps: list[re.Match[str]], predicted: float) -> re.Match[str] | None:
    """The gap nearest `predicted` (within RUN_IN_WINDOW of it) before a capitalised word
    that follows, or is followed by, a lower-case word or a figure: where a sentence begins
    after a headline in sentence case ("... rises to 832 The quake") or in title case ("...
    Rises To 832 The quake"); None in a script without case, where no word is capitalised."""
    words = re.split(r"\s+", text)  # words[n] and words[n + 1] stand either side of gaps[n]
    found = [g for n, g in enumerate(gaps)
             if abs(g.start() - predicted) <= RUN_IN_WINDOW * predicted
             and words[n + 1].lstrip(_OPENERS)[:1].isupper()
             and (_lower_or_figure(words[n]) or n + 2 < len(words)
                  and _lower_or_figure(words[n + 2]))]
    return min(found, key=lambda g: abs(g.start() - predicted), default=None)


def _first_word(text: str, start: int, end: int) -> str:
    """The first run of letters of text[start:end], case-folded ("" if none)."""
    letters = _LETTERS.search(text, start, end)
    return _folded(letters.group()) if letters else ""


def _folded(word: str) -> str:
    """`word` case-folded so that Turkish İlk and ılık meet ilk and ilik as other words do
    (Python folds İ to i plus a combining dot, and I to i, not ı)."""
    return word.casefold().replace("\u0307", "").replace("ı", "i")


def _is_common_capitalised(word: str, lower: frozenset[str]) -> bool:
    """A capitalised word (not a name like iPhone) that the document writes lower-case."""
    head = word.lstrip(_OPENERS)
    letters = _LETTERS.match(head)
    return (
        letters is not None
        and head[0].isupper()
        and not _looks_capitalised(head)
        and _folded(letters.group()) in lower
    )


def _lower_or_figure(word: str) -> bool:
    first = word.lstrip(_OPENERS)[:1]
    return first.isdigit() or (first.isalpha() and first.islower())


def _lower_case_words(text: str) -> frozenset[str]:
    """Runs of letters written lower-case anywhere in `text`: its common words."""
    return frozenset(
        _folded(word.group()) for word in _LETTERS.finditer(text) if word.group()[0].islower()
    )


# --- kinds --------------------------------------------------------------------------------

HEADLINE_MAX_WORDS = 15
HEADLINE_MAX_CHARS = 120
FIRST_LINE_HEADLINE_WORDS = 20  # a short first line is the headline even with a full stop
FIRST_LINE_HEADLINE_CHARS = 200
CAPTION_MAX_WORDS = 15
CREDIT_MAX_WORDS = 4
BOILERPLATE_MAX_WORDS = 12

# site furniture: words that are boilerplate only as a whole line ("Print" is, "Print
# newspapers are dying." is not), and openings that make the rest of a short line so
_BOILERPLATE_LINE = re.compile(
    r"\W*(exit mobile version|advertisement|advertising|sponsored( content)?|print|e-?mail|"
    r"cookies|share|publicité|partager|reklam|paylaş|إعلان|شارك|פרסומת|שתפו|বিজ্ঞাপন)\W*",
    re.IGNORECASE,
)
_BOILERPLATE_START = re.compile(
    r"\W*(share this|share on|read more|read also|related( articles| stories)?:|see also|"
    r"subscribe to|sign up for|follow us|click here|all rights reserved|skip to (main )?content|"
    r"(we use|this (web)?site uses|accept( all)?) cookies|copyright\b|©|"
    r"lire aussi|lire la suite|à lire aussi|abonnez-vous|devamını oku|ilgili haberler|abone ol|"
    r"اقرأ أيضا|اقرأ أيضًا|قد يهمك|קראו עוד|קרא עוד|আরও পড়ুন|আরো পড়ুন|শেয়ার করুন)",
    re.IGNORECASE,
)
# plain substrings are checked first: cheaper than one regex with many alternatives
_EMBED_MARKERS = ("pic.twitter.com/", "://t.co/", "instagram.com/p/")
_TWEET_SIGNATURE = re.compile(r"[—–-]\s*[^()]{1,80}\(\s*@\s*[^)]{1,60}\)")  # "— Name (@handle)"
_CAPTION_LABEL = re.compile(
    r"\(?\s*(photo|photograph|image|picture|credit|fotoğraf|foto|görsel|crédit photo|"
    r"crédits?|illustration|صورة|الصورة|ছবি|תמונה|צילום)\s*:",
    re.IGNORECASE,
)
_AGENCY_CREDITS = ("getty images", "afp photo", "ap photo", "reuters/", "shutterstock")
_BYLINE = re.compile(
    r"^(by|par|por|von|yazan|haber|written by|reporting by|editing by|muhabir)\s+\S"
    r"|^(بقلم|كتب|מאת|লিখেছেন)\s",
    re.IGNORECASE,
)


def classify_paragraphs(text: str, paragraphs: list[Paragraph]) -> list[ClaimKind]:
    """The kind of every paragraph, from its wording and its place among its neighbours.

    In order: boilerplate (site furniture like "Exit mobile version", or no letters at
    all), embed (tweets: pic.twitter.com, t.co, "— Name (@handle) date"), caption ("Photo:"
    or agency credits, or `_is_caption_block`), byline ("By …", "Par …", or the credit
    line right under a caption), headline (a short first line, or a short line without
    final punctuation that more text follows), else body.
    """
    kinds: list[ClaimKind] = []
    for index, paragraph in enumerate(paragraphs):
        line = text[paragraph.start : paragraph.end]
        kind: ClaimKind
        if kinds and kinds[-1] == "caption" and not paragraph.blank_before and _is_credit(line):
            kind = "byline"
        elif _is_boilerplate(line):
            kind = "boilerplate"
        elif any(marker in line for marker in _EMBED_MARKERS) or _TWEET_SIGNATURE.match(line):
            kind = "embed"
        elif _is_labelled_caption(line) or _is_caption_block(text, paragraphs, index):
            kind = "caption"
        elif _BYLINE.match(line):
            kind = "byline"
        elif _is_headline(line, index == 0, index + 1 < len(paragraphs)):
            kind = "headline"
        else:
            kind = "body"
        kinds.append(kind)
    return kinds


def _is_labelled_caption(line: str) -> bool:
    """A caption label (Photo:, Fotoğraf:, ছবি:) or an agency credit anywhere in the line."""
    if _CAPTION_LABEL.match(line):
        return True
    lowered = line.casefold()
    return any(credit in lowered for credit in _AGENCY_CREDITS)


def _is_caption_block(text: str, paragraphs: list[Paragraph], index: int) -> bool:
    """A photo block inside the article: exactly two lines between blank lines, a short
    sentence and a short unpunctuated credit ("Elon Musk au Tesla Cyber Rodéo." /
    "Tendances numériques")."""
    paragraph = paragraphs[index]
    if index == 0 or index + 1 >= len(paragraphs) or not paragraph.blank_before:
        return False
    credit = paragraphs[index + 1]
    return (
        not credit.blank_before
        and credit.blank_after
        and _is_photo_caption(text[paragraph.start : paragraph.end])
        and _is_credit(text[credit.start : credit.end])
    )


def _is_boilerplate(line: str) -> bool:
    if not any(char.isalnum() for char in line):
        return True  # separators: "***", "—", "• • •"
    if _BOILERPLATE_LINE.fullmatch(line):
        return True
    return len(line.split()) <= BOILERPLATE_MAX_WORDS and bool(_BOILERPLATE_START.match(line))


def _ends_with_mark(line: str) -> bool:
    """Ends with punctuation (closing quotes aside): not a headline or a credit."""
    last = line.rstrip(_CLOSERS + " ")[-1:]
    return bool(last) and last in _LINE_END_MARKS + ","


def _is_photo_caption(line: str) -> bool:
    """A short single sentence with a full stop, as "Elon Musk au Tesla Cyber Rodéo."."""
    return (
        len(line.split()) <= CAPTION_MAX_WORDS
        and _ends_with_mark(line)
        and len(split_sentences(line, 0, len(line))) == 1
    )


def _is_credit(line: str) -> bool:
    """A photo credit or source name: a few words, no final punctuation."""
    return 0 < len(line.split()) <= CREDIT_MAX_WORDS and not _ends_with_mark(line)


def _is_headline(line: str, first: bool, more_follows: bool) -> bool:
    words = len(line.split())
    if first and words <= FIRST_LINE_HEADLINE_WORDS and len(line) <= FIRST_LINE_HEADLINE_CHARS:
        return len(split_sentences(line, 0, len(line))) == 1
    return (
        more_follows
        and words <= HEADLINE_MAX_WORDS
        and len(line) <= HEADLINE_MAX_CHARS
        and not _ends_with_mark(line)
    )
