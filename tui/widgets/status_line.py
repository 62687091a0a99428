"""One line above the panes: story, progress (decided / total), filter, search, and whether
the last command was saved - the reviewer sees every decision land."""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from crossfact.tui.display_text import one_line

BAR_CELLS = 10


class StatusLine(Widget, can_focus=False):
    COMPONENT_CLASSES: ClassVar[set[str]] = {"status-line--saved", "status-line--failed"}
    DEFAULT_CSS = """
    StatusLine { height: 1; background: $panel; padding: 0 1; }
    StatusLine > .status-line--saved { color: $success; text-style: bold; }
    StatusLine > .status-line--failed { color: $error; text-style: bold reverse; }
    """

    story: reactive[str] = reactive("")
    """Name of the open story."""
    reviewer: reactive[str] = reactive("")
    """Who is reviewing: the name the decisions are saved under."""
    others: reactive[str] = reactive("")
    """Other reviewers' work on the story ("12 decided by ann"), when there is some."""
    progress: reactive[tuple[int, int]] = reactive((0, 0))
    """(decided, total) for this reviewer."""
    filter: reactive[str] = reactive("all")
    """Label of the active filter."""
    search: reactive[str] = reactive("")
    """Active full-text search, if any."""
    shown: reactive[int] = reactive(0)
    """Matches under the filter and search."""
    stage: reactive[str] = reactive("")
    """What the matching worker is doing, while it runs."""
    last: reactive[str] = reactive("")
    """Outcome of the latest command: saved or failed."""
    ok: reactive[bool] = reactive(True)
    """Whether that command was saved."""

    def saved(self, label: str, at: str = "") -> None:
        """`at`: the event's ISO time (the store's clock, so replays and snapshots agree)."""
        clock = at[11:19] if len(at) >= 19 else f"{datetime.now():%H:%M:%S}"
        self.ok, self.last = True, f"✓ saved {clock} ({label})"

    def failed(self, message: str, *, saving: bool = True) -> None:
        label = "NOT SAVED" if saving else "store error"
        self.ok, self.last = False, f"✗ {label}: {one_line(message, 80)}"

    def render(self) -> Text:
        """Everything if it fits; else without the progress bar and its word (the figures
        say it); else the outcome of the last command first, so what was saved stays
        readable at 80 columns ("conflict #3, 1 outlier" was cut) and the story's name,
        which the reviewer knows, is what gets cut."""
        room = max(1, self.size.width - 2)
        text = self._line(bar=True)
        if text.cell_len > room:
            text = self._line(bar=False)
        if text.cell_len > room and self.last:
            text = self._last()
            text.append("  ")
            text.append(self._line(bar=False, last=False))
        text.truncate(room, overflow="ellipsis")
        return text

    def _last(self) -> Text:
        style = "status-line--saved" if self.ok else "status-line--failed"
        return Text(self.last, style=self.get_component_rich_style(style))

    def _line(self, *, bar: bool, last: bool = True) -> Text:
        decided, total = self.progress
        filled = round(BAR_CELLS * decided / total) if total else 0
        text = Text.assemble(
            (one_line(self.story, 30) or "crossfact", "bold"),
            "  ",
            (one_line(self.reviewer, 20), "reverse"),
            f" {decided}/{total}",
        )
        if bar:
            text.append(" decided " + "█" * filled + "░" * (BAR_CELLS - filled))
        if self.others:
            text.append(f"  ({self.others})")
        text.append(f"  [{self.filter}: {self.shown}]")
        if self.search:
            text.append(f"  /{one_line(self.search, 20)}")
        if self.stage:
            text.append(f"  {self.stage}")
        if self.last and last:
            text.append("  ")
            text.append(self._last())
        return text
