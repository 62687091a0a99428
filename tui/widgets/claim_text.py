"""A claim as a Rich renderable: safe text, highlighted figures, right-to-left lines in visual
order when asked. Wrapping happens on the logical text first and each line is reordered
after, which is what makes a reordered paragraph read top to bottom."""

from __future__ import annotations

from collections.abc import Iterable

from rich.console import Console, ConsoleOptions, RenderResult
from rich.style import Style
from rich.text import Span, Text

from crossfact.tui.display_text import has_rtl, unshown, visual

SHOWN_CHARS = 3000  # a 50 kB "sentence" would bury the other versions


def display_form(text: str) -> tuple[str, int]:
    """The text to draw (controls and the format characters a terminal has no use for
    stripped, `unshown`; cut to SHOWN_CHARS) and how many chars were cut."""
    safe = unshown(text)
    if len(safe) <= SHOWN_CHARS:
        return safe, 0
    return safe[:SHOWN_CHARS], len(safe) - SHOWN_CHARS


class ClaimText:
    """`text` must already be in display form; `spans` are offsets into it."""

    def __init__(
        self,
        text: str,
        spans: Iterable[tuple[int, int, Style]] = (),
        *,
        rtl: bool = False,
        bidi: bool = True,
        style: Style | None = None,
    ) -> None:
        self.text = Text(text, style=style or Style(), spans=[Span(s, e, st) for s, e, st in spans])
        self.rtl = rtl
        self.bidi = bidi

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        if not (self.bidi and has_rtl(self.text.plain)):
            yield self.text
            return
        for line in self.text.wrap(console, options.max_width):
            line.rstrip()
            shown = Text(
                visual(line.plain, self.rtl),
                style=line.style,
                justify="right" if self.rtl else "left",
                no_wrap=True,
                overflow="crop",
            )
            for span in line.spans:
                part = visual(line.plain[span.start : span.end], self.rtl)
                at = shown.plain.find(part) if part else -1
                if at != -1:
                    shown.stylize(span.style, at, at + len(part))
            yield shown
