"""The selected match: every version's claim with its language and document, figures and
names marked shared or differing, the machine's reasons, optional context, the note.

Pure display: the screen hands over the MatchView (and context sentences when shown); this
widget never calls the store.

Drawn with the line API at the pane's fixed size, as the match list is: `show` renders the
match into lines at once and sets the scrollable height itself. A widget sized to its content
inside a scroll container made Textual lay the screen out a second time for every new match
(its height changed) and draw the scrollbar a frame after that: half the CPU of a key
(benchmarks/README.md).
"""

from __future__ import annotations

from pathlib import PurePath
from typing import ClassVar

from rich.console import Group, RenderableType
from rich.style import Style
from rich.text import Text
from textual import events
from textual.geometry import Size
from textual.reactive import reactive
from textual.strip import Strip
from textual.style import Style as VisualStyle
from textual.visual import Visual, visualize

from crossfact.models import Claim
from crossfact.store import MatchView, Member
from crossfact.tui.display_text import (
    RTL_LANGS,
    one_line,
    rtl_figures_read_rtl,
    starts_rtl,
    visual,
)
from crossfact.tui.highlights import claim_marks
from crossfact.tui.widgets.claim_text import ClaimText, display_form
from crossfact.tui.widgets.steady_scroll import SteadyScrollView

Context = dict[str, tuple[str | None, str | None]]


class MatchDetail(SteadyScrollView, can_focus=False):
    """Scrolls by itself (keys belong to the screen: `scroll_relative` from its action)."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "match-detail--shared",
        "match-detail--differs",
        "match-detail--plain",
        "match-detail--lang",
        "match-detail--muted",
        "match-detail--flag",
    }
    DEFAULT_CSS = """
    MatchDetail { overflow-x: hidden; overflow-y: scroll; }
    MatchDetail > .match-detail--shared { text-style: underline; color: $success; }
    MatchDetail > .match-detail--differs { text-style: bold reverse; color: $error; }
    MatchDetail > .match-detail--plain { text-style: bold; }
    MatchDetail > .match-detail--lang { text-style: bold reverse; color: $accent; }
    MatchDetail > .match-detail--muted { color: $text-muted; }
    MatchDetail > .match-detail--flag { text-style: bold; color: $warning; }
    """
    MARGIN: ClassVar[int] = 1
    """Blank cells left and right of the text. Drawn here, not as CSS padding: a ScrollView
    puts its scrollbar inside its padding, and it belongs at the pane's edge."""

    bidi: reactive[bool] = reactive(True)
    """Reorder and shape right-to-left claims for display."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.view: MatchView | None = None
        self.context: Context = {}
        self.empty_message = "Opening the story…"
        self._strips: list[Strip] = []
        self._drawn_for: Size | None = None  # the pane size the strips were rendered for
        self._restyle = False  # the theme changed: render again at the same size
        self._styles: dict[str, Style] = {}

    def show(self, view: MatchView | None, context: Context | None = None, empty: str = "") -> None:
        """Render the match now, so its lines and scroll height are ready for the next frame."""
        self.view, self.context = view, context or {}
        if empty:
            self.empty_message = empty
        self.scroll_to(y=0, animate=False)
        self._draw()

    def watch_bidi(self) -> None:
        self._draw()

    def on_resize(self, event: events.Resize) -> None:
        """A new terminal size: the lines wrap at the new width."""
        if self._drawn_for != self.size:
            self._draw()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles.clear()
        self._restyle = True
        self.refresh()

    def _draw(self) -> None:
        """Render every line at the pane's width less the scrollbar, and set the scrollable
        height without a layout.

        The scrollbar is always shown (`overflow-y: scroll`): one that came and went with
        the match's length made Textual lay the screen out again whenever it did, and its
        first appearance cost a key two frames (benchmarks/tui_bench.py)."""
        size = self.size
        self._drawn_for, self._restyle = size, False
        if not size:
            self._strips = []
            return
        width = max(1, size.width - self.styles.scrollbar_size_vertical)
        self._strips = self._render_strips(width)
        virtual = Size(width, len(self._strips))
        if virtual != self.virtual_size:
            # Not `self.virtual_size = ...`: that asks for a layout of the whole screen
            self.set_reactive(MatchDetail.virtual_size, virtual)
            self._scroll_update(virtual)
        self.refresh()

    def _render_strips(self, width: int) -> list[Strip]:
        """The lines of the match `width` cells wide, the text between MARGIN blank cells."""
        inner = max(1, width - 2 * self.MARGIN)
        style = self.visual_style
        lines = Visual.to_strips(self, visualize(self, self._renderable()), inner, None, style,
                                 pad=True)
        margin = Strip.blank(self.MARGIN, (style + VisualStyle(reverse=False)).rich_style)
        return [Strip.join([margin, line, margin]) for line in lines]

    def render_line(self, y: int) -> Strip:
        """A line of the rendered match, from the scroll offset down."""
        if self._restyle and self._strips:  # a new theme: same size and height, new colours
            self._restyle = False
            self._strips = self._render_strips(self.virtual_size.width)
        index = self.scroll_offset.y + y
        if index < len(self._strips):
            return self._strips[index]
        return Strip.blank(self.scrollable_content_region.width, self.visual_style.rich_style)

    def _style(self, name: str) -> Style:
        """A component style, looked up once per theme (CSS lookups are not free)."""
        if name not in self._styles:
            self._styles[name] = self.get_component_rich_style(f"match-detail--{name}")
        return self._styles[name]

    def _renderable(self) -> RenderableType:
        view = self.view
        if view is None:
            return Text(self.empty_message, style=self._style("muted"))
        parts: list[RenderableType] = [self._heading(view)]
        why, _ = display_form("why: " + "; ".join(why_reasons(view)))  # names Arabic, Hebrew
        why = rtl_figures_read_rtl(why)
        parts.append(ClaimText(why, bidi=self.bidi, style=self._style("muted")))
        outliers = set(view.outliers if view.verdict == "conflict" else view.suggested_outliers)
        claims = [m.claim for m in view.members]
        for member in view.members:
            parts.append(Text(""))
            parts.append(self._member_heading(member, member.claim.doc in outliers, view))
            before, after = self.context.get(member.claim.id, (None, None))
            if before:
                parts.append(Text("  ↑ sentence before", style=self._style("muted")))
                parts.append(self._context_line(before, member.lang))
            others = [c for c in claims if c.id != member.claim.id]
            parts.append(self._claim(member, others))
            if after:
                parts.append(Text("  ↓ sentence after", style=self._style("muted")))
                parts.append(self._context_line(after, member.lang))
        if view.note:  # the reviewer's words: Arabic and Hebrew shaped and ordered too
            note, _ = display_form(view.note)
            parts += [Text(""), Text("note:", style=self._style("flag"))]
            # a line each, as typed, each in its own direction (a Hebrew line under a French one)
            parts += [ClaimText(line, rtl=starts_rtl(line), bidi=self.bidi)
                      for line in note.splitlines()]
        return Group(*parts)

    def _heading(self, view: MatchView) -> Text:
        verdict = view.verdict or "not decided"
        # a fixed match is suggested again from the claims it holds now (store/state.py)
        machine = ("machine, recomputed after a fix" if view.corrected
                   else "machine, recomputed after a fix to another match" if view.restated
                   else "machine")
        score = f" ({view.link_score:.2f})" if view.link_score is not None else ""
        text = Text.assemble(
            (f"Match {view.number}", "bold"),
            f"  {machine}: {view.suggestion}{score}  verdict: ",
            (verdict.upper() if view.verdict else verdict, "bold" if view.verdict else ""),
        )
        if view.second_look:
            why = ("decided before a fix changed its claims" if view.claims_changed
                   else "carried over from changed text")
            text.append(f"  second look: {why}", style=self._style("flag"))
        if view.outliers_gone:
            text.append("  given before a fix: its outliers are gone, look again",
                        style=self._style("flag"))
        return text

    def _member_heading(self, member: Member, outlier: bool, view: MatchView) -> Text:
        """Language and labels first, then the version's title ("from ...", muted: it is not
        the claim) and file name: on a narrow pane the file name is what gets cut, never
        OUTLIER or weak link."""
        text = Text.assemble((f" {one_line(member.lang, 12)} ", self._style("lang")), no_wrap=True,
                             overflow="ellipsis")
        if outlier:
            text.append("  OUTLIER" if view.verdict == "conflict" else "  outlier?",
                        style=self._style("flag"))
        if member.suggested:
            text.append("  weak link (y confirm, b break)", style=self._style("flag"))
        if member.also_in:  # a claim that states several facts is in each fact's match
            which = "match" if len(member.also_in) == 1 else "matches"
            text.append(f"  also in {which} {', '.join(member.also_in)}", self._style("muted"))
        title = one_line(member.doc_title, 36)
        # "from": the version's title is not the claim below it (it read as one, in bold)
        text.append("  from ", self._style("muted"))
        text.append(visual(title, member.lang in RTL_LANGS) if self.bidi else title,
                    self._style("muted") + Style(italic=True))
        text.append(f"  {one_line(PurePath(member.doc_path).name, 30)}", self._style("muted"))
        return text

    def _claim(self, member: Member, others: list[Claim]) -> ClaimText:
        shown, cut = display_form(member.claim.text)
        marks = claim_marks(member.claim, others, shown)
        spans = [(start, end, self._style(mark)) for start, end, mark in marks]
        if cut:
            shown += f" … ({cut:,} more characters)"
        return ClaimText(shown, spans, rtl=member.lang in RTL_LANGS, bidi=self.bidi)

    def _context_line(self, sentence: str, lang: str) -> ClaimText:
        shown, _ = display_form(sentence)
        return ClaimText(shown, rtl=lang in RTL_LANGS, bidi=self.bidi, style=self._style("muted"))


LINKING = (" = ", " ≈ ", " vs ")
"""How the engine's reasons (crossfact/suggest.py) join what versions share or disagree on:
`50.000 (tr) = 50,000 (bn)`, `12 °C ≈ 54 °F`, `xAI (tr) vs Tesla (bn)`. The others,
`only in tr: 2024` and `missing in he`, say what one version has or lacks, not why two pair."""

BY_POSITION = ("no figure or date in common: paired by shared names or by their place in "
               "the documents; read them before deciding")
NO_COUNTERPART = "no counterpart found in the other versions"


def why_reasons(view: MatchView) -> list[str]:
    """The machine's reasons, and what they leave unsaid: the reasons name figures and dates
    only, so a match of several claims with none of them rests on names or on position
    alone (two unrelated sentences in the same place pass for a pair), and a lone claim has
    no counterpart. Never empty, so the detail always has a why line."""
    reasons = list(view.reasons)
    linked = any(joiner in reason for reason in reasons for joiner in LINKING)
    if len({m.claim.doc for m in view.members}) > 1 and not linked:
        reasons.append(BY_POSITION)
    elif not reasons:
        reasons.append(NO_COUNTERPART)
    return reasons
