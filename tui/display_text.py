"""Document text made safe and readable for display; the stored text is never changed.

- Control characters and terminal escape sequences are removed: an article must not be able
  to move the cursor, retitle the window or hide text; so are soft hyphens, zero-width spaces
  and the like (`unshown`), which a terminal draws as a stray hyphen or not at all.
- Arabic and Hebrew can be reordered and shaped for terminals without bidi support (Textual
  has none). This is display-only and switchable, since a bidi-aware terminal would reverse
  the text a second time.
"""

from __future__ import annotations

import re
from functools import lru_cache

from crossfact.terminal import one_line, strip_controls, unshown

__all__ = ["one_line", "strip_controls", "unshown", "has_rtl", "starts_rtl", "visual",
           "rtl_figures_read_rtl"]

_RTL_CHARS = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
_LETTER = re.compile(r"[^\W\d_]")
# A figure that opens with Western digits (or a currency sign) and goes on in Arabic or Hebrew
# words: "12 يونيو 2024", "10 مليارات دولار", "$10 בילי". In a left-to-right line (the why
# line: "12 يونيو 2024 (ar) = 12 June 2024 (en)") the bidi algorithm gives its leading digits
# to the Latin text before it, so the figure reads "12 2024 يونيو" and "10 دولار مليارات":
# its number at the wrong end. A right-to-left mark before it makes the digits part of it.
# The figure may open with a minus ("-5 מעלות") and a currency sign and close with a percent
# sign ("12% من الأصوات"); one mark goes before the whole of it: the lookbehind refuses a
# start just after a sign or minus, which put a second mark inside "$10" and drew it "10$".
# A range ("10-5 مليون", "10–20 מיליון") is one figure: its first number went to the Latin.
_RTL_FIGURE = re.compile(
    r"(?<![\w.,$€£¥₪\-–−])(?=[-−]?[$€£¥₪]?\d[\d.,\u00a0\u202f]*"
    r"(?:[-–−]\d[\d.,\u00a0\u202f]*)?[%٪]?\s+"
    r"[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc])")
RLM = "\u200f"
RTL_LANGS = frozenset({"ar", "he", "fa", "ur", "yi", "ps"})


def has_rtl(text: str) -> bool:
    return _RTL_CHARS.search(text) is not None


def rtl_figures_read_rtl(text: str) -> str:
    """`text` (a left-to-right line that quotes Arabic or Hebrew figures) with a right-to-left
    mark before each such figure that opens with Western digits, so that it reads as written,
    whether this app reorders it (`visual`) or a terminal that does bidi itself."""
    return _RTL_FIGURE.sub(RLM, text) if has_rtl(text) else text


def starts_rtl(text: str) -> bool:
    """Whether the first strongly directional letter is right-to-left (a note's direction)."""
    letter = _LETTER.search(text)
    return letter is not None and has_rtl(letter.group())


@lru_cache(maxsize=4096)
def visual(line: str, rtl_base: bool = False) -> str:
    """One display line in visual order, Arabic letters joined. Lines without RTL characters
    come back unchanged. Wrap first, then call this per line: reordering a whole paragraph
    would put its last words on the first screen line."""
    if not has_rtl(line):
        return line
    # python-bidi's pure-Python algorithm, not its Rust wrapper (`from bidi import`), which
    # leaves out rule L4: a bracket in right-to-left text would point the wrong way,
    # "(שנייה)" shown as ")היינש(" (python-bidi issue 25). ~0.2 ms a line, and cached.
    import arabic_reshaper
    from bidi.algorithm import get_display

    return get_display(arabic_reshaper.reshape(line), base_dir="R" if rtl_base else "L")
