"""Document text made safe and readable for display; the stored text is never changed.

- Control characters and terminal escape sequences are removed: an article must not be able
  to move the cursor, retitle the window or hide text.
- Arabic and Hebrew can be reordered and shaped for terminals without bidi support (Textual
  has none). This is display-only and switchable, since a bidi-aware terminal would reverse
  the text a second time.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache

_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI: colours, cursor movement
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC: window title, hyperlinks
    r"|\x1b[PX^_][^\x1b]*(?:\x1b\\)?"  # DCS, SOS, PM, APC strings
    r"|\x1b[ -/]*[0-~]?"  # other ESC sequences, or a lone ESC
    r"|\x9b[0-?]*[ -/]*[@-~]"  # 8-bit CSI
)
# C0 except \t and \n, DEL, C1; explicit bidi embeddings/overrides/isolates (spoofing)
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_RTL_CHARS = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
RTL_LANGS = frozenset({"ar", "he", "fa", "ur", "yi", "ps"})


def strip_controls(text: str) -> str:
    """Text without escape sequences or control characters (newline and tab kept)."""
    return _CONTROLS.sub("", _ESCAPES.sub("", text))


def one_line(text: str, limit: int = 240) -> str:
    """A safe single line of at most `limit` characters (for list rows and pickers)."""
    flat = " ".join(strip_controls(text[: limit * 2]).split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def bidi_default() -> bool:
    """Reordering is on unless $CROSSFACT_BIDI=0 (for terminals that do bidi themselves)."""
    return os.environ.get("CROSSFACT_BIDI", "1").strip().lower() not in {"0", "no", "off", "false"}


def has_rtl(text: str) -> bool:
    return _RTL_CHARS.search(text) is not None


@lru_cache(maxsize=4096)
def visual(line: str, rtl_base: bool = False) -> str:
    """One display line in visual order, Arabic letters joined. Lines without RTL characters
    come back unchanged. Wrap first, then call this per line: reordering a whole paragraph
    would put its last words on the first screen line."""
    if not has_rtl(line):
        return line
    import arabic_reshaper
    from bidi import get_display

    return get_display(arabic_reshaper.reshape(line), base_dir="R" if rtl_base else "L")
