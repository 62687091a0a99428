"""Text made safe to print: an article must not move the cursor, retitle the window, hide
text or reorder it with bidi overrides. Shared by the CLI's table, titles and the TUI; the
stored text is never changed (offsets point into it)."""

from __future__ import annotations

import re

_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI: colours, cursor movement
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC: window title, hyperlinks
    r"|\x1b[PX^_][^\x1b]*(?:\x1b\\)?"  # DCS, SOS, PM, APC strings
    r"|\x1b[ -/]*[0-~]?"  # other ESC sequences, or a lone ESC
    r"|\x9b[0-?]*[ -/]*[@-~]"  # 8-bit CSI
)
# C0 except \t and \n, DEL, C1; explicit bidi embeddings/overrides/isolates (spoofing)
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def strip_controls(text: str) -> str:
    """Text without escape sequences or control characters (newline and tab kept)."""
    return _CONTROLS.sub("", _ESCAPES.sub("", text))


def blank_controls(text: str) -> str:
    """The same text with escape sequences and control characters turned into spaces of the
    same length, so offsets still hold: "\x1b[31m" must not be read as the number 31."""
    blank = lambda m: " " * len(m.group())  # noqa: E731
    return _CONTROLS.sub(blank, _ESCAPES.sub(blank, text))


def one_line(text: str, limit: int = 240) -> str:
    """A safe single line of at most `limit` characters (for list rows, titles, tables)."""
    flat = " ".join(strip_controls(text[: limit * 2]).split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
