"""The selected match: every version's claim with its language and document, figures and
names marked shared or differing, the machine's reasons, optional context, the note.

Pure display: the screen hands over the MatchView (and context sentences when shown); this
widget never calls the store.
"""

from __future__ import annotations

from pathlib import PurePath
from typing import ClassVar

from rich.console import Group, RenderableType
from rich.style import Style
from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from crossfact.models import Claim
from store import MatchView, Member
from tui.display_text import RTL_LANGS, one_line, visual
from tui.highlights import claim_marks
from tui.widgets.claim_text import ClaimText, display_form

Context = dict[str, tuple[str | None, str | None]]


class MatchDetail(Widget, can_focus=False):
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "match-detail--shared",
        "match-detail--differs",
        "match-detail--plain",
        "match-detail--lang",
        "match-detail--muted",
        "match-detail--flag",
    }
    DEFAULT_CSS = """
    MatchDetail { height: auto; padding: 0 1; }
    MatchDetail > .match-detail--shared { text-style: underline; color: $success; }
    MatchDetail > .match-detail--differs { text-style: bold reverse; color: $error; }
    MatchDetail > .match-detail--plain { text-style: bold; }
    MatchDetail > .match-detail--lang { text-style: bold reverse; color: $accent; }
    MatchDetail > .match-detail--muted { color: $text-muted; }
    MatchDetail > .match-detail--flag { text-style: bold; color: $warning; }
    """

    bidi: reactive[bool] = reactive(True, layout=True)
    """Reorder and shape right-to-left claims for display."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.view: MatchView | None = None
        self.context: Context = {}
        self.empty_message = "No match selected."

    def show(self, view: MatchView | None, context: Context | None = None, empty: str = "") -> None:
        self.view, self.context = view, context or {}
        if empty:
            self.empty_message = empty
        self.refresh(layout=True)

    def _style(self, name: str) -> Style:
        return self.get_component_rich_style(f"match-detail--{name}")

    def render(self) -> RenderableType:
        view = self.view
        if view is None:
            return Text(self.empty_message, style=self._style("muted"))
        parts: list[RenderableType] = [self._heading(view)]
        if view.reasons:
            why, _ = display_form("why: " + "; ".join(view.reasons))  # names Arabic, Hebrew
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
        if view.note:
            note, _ = display_form(view.note)
            parts += [Text(""), Text.assemble(("note: ", self._style("flag")), note)]
        return Group(*parts)

    def _heading(self, view: MatchView) -> Text:
        verdict = view.verdict or "not decided"
        text = Text.assemble(
            (f"Match {view.number}", "bold"),
            f"  machine: {view.suggestion} ({view.score:.2f})  verdict: ",
            (verdict.upper() if view.verdict else verdict, "bold" if view.verdict else ""),
        )
        if view.corrected:
            text.append("  corrected", style=self._style("flag"))
        return text

    def _member_heading(self, member: Member, outlier: bool, view: MatchView) -> Text:
        text = Text.assemble(
            (f" {member.lang} ", self._style("lang")),
            " ",
            visual(one_line(member.doc_title, 36), member.lang in RTL_LANGS)
            if self.bidi else one_line(member.doc_title, 36),
            (f"  {one_line(PurePath(member.doc_path).name, 30)}", self._style("muted")),
            no_wrap=True,
            overflow="ellipsis",
        )
        if outlier:
            text.append("  OUTLIER" if view.verdict == "conflict" else "  outlier?",
                        style=self._style("flag"))
        if member.suggested:
            text.append("  weak link (y confirm, b break)", style=self._style("flag"))
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
