"""One line above the panes: story, progress (decided / total), filter, search, and whether
the last command was saved - the reviewer sees every decision land."""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from crossfact.tui.display_text import one_line, starts_rtl, visual

BAR_CELLS = 10
MIN_LAST = 24
"""Cells the outcome of the last command keeps when the line is full ("✓ saved 21:02:01
(agree #12)" is 27): what was saved is never cut to nothing."""


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
    bidi: reactive[bool] = reactive(True)
    """Reorder a right-to-left search or story name for display, as the panes do: an
    Arabic search read backwards on the status line of a terminal without bidi."""

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
        readable at 80 columns ("conflict #3, 1 outlier" was cut), and the story's name,
        which the reviewer knows, is what gets cut. An active search or filter other than
        "all" is never cut: it follows the outcome whole, and the outcome is cut instead
        (`last_cut`: the screen says it whole in a toast then). A long outcome pushed the
        search off, and a reviewer who searched no longer saw the list was a search's."""
        room = max(1, self.size.width - 2)
        text = self._line(bar=True)
        if text.cell_len > room:
            text = self._line(bar=False)
        if text.cell_len > room and self.last:
            view = self._narrowed()
            text = self._last()
            text.truncate(self._room_for_last(room, view), overflow="ellipsis")
            if view:
                text.append("  ")
                text.append(view)
            space = room - text.cell_len - 2
            rest = self._line(bar=False, last=False, view=not view)
            if rest.cell_len > space:  # the story's name goes first, not who and how far
                rest = self._line(bar=False, last=False, view=not view, story=False)
            if space > 1:  # cut by itself: the ellipsis of a cut line fell on the search's end
                rest.truncate(space, overflow="ellipsis")
                text.append("  ")
                text.append(rest)
        text.truncate(room, overflow="ellipsis")
        return text

    def last_cut(self) -> bool:
        """Whether the outcome of the last command is cut at this width."""
        room = max(1, self.size.width - 2)
        if not self.last or self._line(bar=False).cell_len <= room:
            return False
        return self._last().cell_len > self._room_for_last(room, self._narrowed())

    def _room_for_last(self, room: int, view: Text) -> int:
        """Cells the outcome may take before an active search or filter (`view`)."""
        return max(MIN_LAST, room - view.cell_len - 2) if view else room

    def _narrowed(self) -> Text:
        """The filter and search when they narrow the list (empty for "all", no search)."""
        if not self.search and self.filter == "all":
            return Text()
        return self._view()

    def _view(self) -> Text:
        text = Text(f"[{self.filter}: {self.shown}]")
        if self.search:
            text.append(f"  /{self._shown(self.search, 20)}")
        return text

    def _shown(self, name: str, cells: int) -> str:
        """`name` on one line of at most `cells`, in display order when `bidi`."""
        line = one_line(name, cells)
        return visual(line, starts_rtl(line)) if self.bidi else line

    def _last(self) -> Text:
        style = "status-line--saved" if self.ok else "status-line--failed"
        return Text(self.last, style=self.get_component_rich_style(style))

    def _line(self, *, bar: bool, last: bool = True, view: bool = True,
              story: bool = True) -> Text:
        decided, total = self.progress
        filled = round(BAR_CELLS * decided / total) if total else 0
        text = Text()
        if story:
            text.append(self._shown(self.story, 30) or "crossfact", "bold")
            text.append("  ")
        text.append(one_line(self.reviewer, 20), "reverse")
        text.append(f" {decided}/{total}")
        if bar:
            text.append(" decided " + "█" * filled + "░" * (BAR_CELLS - filled))
        if self.others:
            text.append(f"  ({self.others})")
        if view:
            text.append("  ")
            text.append(self._view())
        if self.stage:
            text.append(f"  {self.stage}")
        if self.last and last:
            text.append("  ")
            text.append(self._last())
        return text
