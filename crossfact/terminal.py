r"""The one sanitiser for text that reaches a terminal: an article, a file name, a reviewer's
name or note from someone else's file must not move the cursor, retitle the window, write
the clipboard (OSC 52), hide text or reorder it with bidi overrides.

Every layer prints through it: the CLI's errors, tables and reports, the exports meant for
people (CSV, Markdown), the TUI's list, detail, status line and notices. The stored text is
never changed (offsets point into it); only what is shown is.

- `strip_controls` / `one_line`: for display, escapes and controls removed;
- `show_controls`: for messages and reports, each control shown as visible text (`\x1b`),
  so a user can still tell which file or name it was; also lone surrogates (a file name
  that is not UTF-8) become `\xNN` for the byte they stand for, never an encoding crash;
- `for_stream`: text bound for a stream, sanitised only when the stream is a terminal
  (a file or pipe gets the bytes as exported);
- `compared`: the copy of a claim's text that the engine reads its figures, dates and names
  in (controls blanked, as `blank_controls`, and the characters no reader sees removed:
  soft hyphens, zero-width spaces and joiners, bidi marks, tatweel); `unshown` the text to
  draw, without those that say nothing on a terminal's grid either.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TextIO

import regex

_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI: colours, cursor movement
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC: window title, hyperlinks
    r"|\x1b[PX^_][^\x1b]*(?:\x1b\\)?"  # DCS, SOS, PM, APC strings
    r"|\x1b[ -/]*[0-~]?"  # other ESC sequences, or a lone ESC
    r"|\x9b[0-?]*[ -/]*[@-~]"  # 8-bit CSI
)
# C0 except \t and \n, DEL, C1; explicit bidi embeddings/overrides/isolates (spoofing)
# and lone surrogates (a non-UTF-8 file name), which no terminal encoding can write
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def strip_controls(text: str) -> str:
    """Text without escape sequences or control characters (newline and tab kept)."""
    return _CONTROLS.sub("", _ESCAPES.sub("", text))


def blank_controls(text: str) -> str:
    """The same text with escape sequences and control characters turned into spaces of the
    same length, so offsets still hold: "\x1b[31m" must not be read as the number 31."""
    # every escape sequence opens with a control (ESC or 8-bit CSI): text without one, as
    # nearly every claim is, needs neither substitution (one search for 11,982 claims on part
    # B's edit story, where each substitution scanned each claim)
    if _CONTROLS.search(text) is None:
        return text
    blank = lambda m: " " * len(m.group())  # noqa: E731
    return _CONTROLS.sub(blank, _ESCAPES.sub(blank, text))


# What text copied from web pages and newsrooms carries that no reader sees, and that the
# engine must not read either: every format character (Unicode category Cf: soft hyphens a
# CMS's hyphenation puts inside long words, "Zelen\u00adsky"; zero-width spaces, "12,\u200b000";
# the zero-width (non-)joiners of Bengali, "র\u200d্যাব", and of Persian; word joiners; a BOM
# inside text; the bidi marks, embeddings and isolates that Arabic and Hebrew put around
# numbers, "\u200e12\u200e ألف"), and the Arabic tatweel (kashida, U+0640), added by hand: its
# category is Lm, a "modifier letter", but it is no letter of the word, only a stretch of its
# joining stroke ("مـليار" is "مليار", "ألـف" is "ألف"). Removed, not blanked: a blank would
# cut the word or the number in two.
INVISIBLE = regex.compile(r"[\p{Cf}\u0640]")
# Of those, what a terminal's grid has no use for either, and `unshown` takes out of the text
# drawn: the default-ignorable format characters (a soft hyphen, which terminals draw as a
# hyphen or as a blank cell, "Zelen-sky"; zero-width spaces, word joiners, a BOM), but the
# joiners, which choose a letter's shape where the terminal shapes (Bengali conjuncts, Persian),
# and the bidi controls: the marks order a right-to-left line (`tui.display_text.visual`, or a
# terminal that does bidi itself), and the embeddings and isolates go with the controls
# already (`strip_controls`). Tatweel is drawn: it is a visible stroke.
_UNSHOWN = regex.compile(
    r"(?V1)[\p{Cf}&&\p{Default_Ignorable_Code_Point}--\p{Join_Control}--\p{Bidi_Control}]")


@lru_cache(maxsize=1 << 16)  # the fact readers ask for each claim's text many times
def compared(text: str) -> str:
    """The copy of a claim's text that its figures, dates and names are read in, and which
    the offsets of its fingerprint (`Quantity.start`) index: `INVISIBLE` characters removed,
    then controls blanked (`blank_controls`), so that a reason quotes "12 ألف" and "Zelensky"
    as a reader reads them. The stored text is never changed."""
    return blank_controls(INVISIBLE.sub("", text) if INVISIBLE.search(text) else text)


def without_invisible(text: str) -> tuple[str, list[int] | None]:
    """`text` without its `INVISIBLE` characters, and where each character left stands in
    `text` (None: nowhere else, `text` has none), to find what `compared` text quotes in the
    text as drawn."""
    if INVISIBLE.search(text) is None:
        return text, None
    kept = [i for i, ch in enumerate(text) if INVISIBLE.fullmatch(ch) is None]
    return "".join(text[i] for i in kept), kept


def unshown(text: str) -> str:
    """`text` as drawn: controls stripped (`strip_controls`), and the format characters a
    terminal has no use for (`_UNSHOWN`)."""
    safe = strip_controls(text)
    return _UNSHOWN.sub("", safe) if _UNSHOWN.search(safe) else safe


def one_line(text: str, limit: int = 240) -> str:
    """A safe single line of at most `limit` characters (for list rows, titles, tables)."""
    flat = " ".join(unshown(text[: limit * 2]).split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


# Characters of a claim's text that name it where its language alone would not (two claims
# of one version in a match): in a fix's prompt (tui/screens/fixing.py) and in a replay's
# problem (store/replaying.py), the same start in both. 40 is a sentence's first words, and
# a prompt that still fits on one line of an 80-column dialog with the rest of its question.
NAMED_CLAIM = 40


def claim_start(text: str) -> str:
    """The start of a claim's text that names it, as one safe line (`NAMED_CLAIM`)."""
    return one_line(text, NAMED_CLAIM)




def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def show_controls(text: str) -> str:
    r"""Text with every control character, bidi override and lone surrogate written out
    visibly (`\x1b`, `\u202e`); tab and newline kept."""
    return _CONTROLS.sub(_visible, text)


def message(text: object) -> str:
    """One line for an error or notice: controls shown, whitespace runs collapsed."""
    return " ".join(show_controls(str(text).replace("\t", " ")).split())


def for_stream(text: str, stream: TextIO | None) -> str:
    """`text` as it may be written to `stream`: escapes and controls removed when the stream
    is a terminal, unchanged for a file or a pipe."""
    isatty = getattr(stream, "isatty", None)
    try:
        tty = bool(isatty and isatty())
    except ValueError:  # a closed stream
        tty = False
    return strip_controls(text) if tty else text
