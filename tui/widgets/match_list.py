"""The match list: one line per match, drawn with the line API from a paged source.

Only the visible lines are rendered, each from `MatchPager.row`, so 20,000 matches cost no
more than 30 (a DataTable loads every row up front: seconds at that size).

Each row reads without colour: the match number (1-based, "12b" for a split-out), the
machine's suggestion as a lower-case letter, the reviewer's verdict as a capital letter (or
"·" when undecided), the reviewer's mark (`MARKS`: a note draft not saved, a note saved, a
skip), the story's languages in fixed columns ("··" where a version has no claim), then the
gist. After 200 matches the marks are how a reviewer finds their notes and skips again
without opening each match. A narrow list cuts the gist before these columns.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from typing import ClassVar

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual import events
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.strip import Strip

from crossfact.store import MatchRow
from crossfact.tui.display_text import RTL_LANGS, one_line, visual
from crossfact.tui.paging import MatchPager
from crossfact.tui.widgets.steady_scroll import SteadyScrollView

LANG_CHARS = 12  # a language code from an imported file is shown, cut, never obeyed
SUGGESTION_MARK = {"agree": "a", "conflict": "c", "unsourced": "u"}
VERDICT_MARK = {"agree": "A", "conflict": "C", "unsourced": "U", None: "·"}

# The reviewer's own mark on a row, one per row, the first that applies: a note typed and
# not saved (lost at quit unless saved, so it outranks the rest), a note saved, a skip.
# ASCII punctuation: one cell in every terminal and font (a pencil "✎" is one cell or two
# depending on the terminal's width table, an emoji always two), no letter to be read as
# the suggestion's or the verdict's, none that right-to-left text mirrors (">", "(") or a
# list reads as its cursor (">"), and three shapes apart at a glance (a "~" beside a "-" is
# not): "!" a note that wants saving, "*" the footnote mark of print, "-" passed over.
MARKS = {"draft": "!", "note": "*", "skip": "-", None: " "}


def row_mark(row: MatchRow, drafted: bool) -> str:
    """The mark column's cell for `row`; `drafted`: the reviewer has a note draft on it."""
    kind = "draft" if drafted else "note" if row.noted else "skip" if row.skipped else None
    return MARKS[kind]


def row_prefix(row: MatchRow, langs: list[str], drafted: bool = False) -> str:
    """The fixed-width columns of a row (everything before the gist)."""
    present = set(row.langs)
    columns = " ".join(one_line(lang, LANG_CHARS) if lang in present else "··" for lang in langs)
    return (
        f"{row.number:>5} {SUGGESTION_MARK.get(row.suggestion, '?')} "
        f"{VERDICT_MARK.get(row.verdict, '?')} {row_mark(row, drafted)} {columns}  "
    )


def header_line(langs: list[str]) -> str:
    """Column names over `row_prefix`: m is the marks' column."""
    return f"{'#':>5} s v m {' '.join(one_line(lang, LANG_CHARS) for lang in langs)}  claim"


class MatchList(SteadyScrollView, can_focus=False):
    """Scrolls by itself; keys belong to the screen so they can be remapped in one place."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "match-list--cursor",
        "match-list--decided",
        "match-list--conflict",
        "match-list--unsourced",
    }
    DEFAULT_CSS = """
    MatchList { background: $surface; }
    MatchList > .match-list--cursor { background: $accent 40%; text-style: bold; }
    MatchList > .match-list--decided { color: $text-muted; }
    MatchList > .match-list--conflict { color: $error; }
    MatchList > .match-list--unsourced { color: $warning; }
    """

    # A few screens of rendered rows. Every cached Strip is a dozen objects the garbage
    # collector walks on each full pass (tui/heap.py): a larger cache makes every key slower.
    CACHED_LINES: ClassVar[int] = 200

    cursor: reactive[int] = reactive(0, always_update=True)
    """Index of the selected row in the filtered list."""
    bidi: reactive[bool] = reactive(True)
    """Reorder right-to-left gists for display."""

    class Selected(Message):
        """The cursor moved onto another match (None: the list is empty)."""

        def __init__(self, match_id: str | None, index: int) -> None:
            super().__init__()
            self.match_id = match_id
            self.index = index

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.pager: MatchPager | None = None
        self.langs: list[str] = []
        self._lines: OrderedDict[tuple, Strip] = OrderedDict()
        self._styles: dict[str, Style] = {}
        # whether a match has a note draft (kept in a file beside the database, not in the
        # store): asked per row drawn, so it must not read the file (NoteDrafts.holds)
        self.drafted: Callable[[str], bool] = lambda match: False

    def attach(self, pager: MatchPager, langs: list[str]) -> None:
        """Show another story, filter or search."""
        self.pager, self.langs = pager, langs
        self._lines.clear()  # the language columns may differ
        self.reload()

    def reload(self) -> None:
        """Re-read the rows after a change in the store."""
        if self.pager is not None:
            self.pager.invalidate()
        count = self.pager.count if self.pager else 0
        self.virtual_size = Size(self.size.width, count)
        self.refresh()

    @property
    def count(self) -> int:
        return self.pager.count if self.pager else 0

    def current(self) -> MatchRow | None:
        return self.pager.row(self.cursor) if self.pager else None

    def validate_cursor(self, value: int) -> int:
        return max(0, min(value, self.count - 1)) if self.count else 0

    def watch_cursor(self, old: int, new: int) -> None:
        self._show_cursor()
        if not self._cursor_shown():  # the new height not laid out yet (a reload, a resume)
            self.call_after_refresh(self._show_cursor)
        self.refresh()
        row = self.current()
        self.post_message(self.Selected(row.id if row else None, new))

    def watch_bidi(self) -> None:
        self._lines.clear()
        self.refresh()

    def _cursor_shown(self) -> bool:
        top = self.scroll_offset.y
        return top <= self.cursor < top + max(1, self.scrollable_content_region.height)

    def _show_cursor(self) -> None:
        """Scroll so the cursor's row is on screen (nothing happens if it already is)."""
        height = max(1, self.scrollable_content_region.height)
        if self.cursor < self.scroll_offset.y:
            self.scroll_to(y=self.cursor, animate=False, immediate=True)
        elif self.cursor >= self.scroll_offset.y + height:
            self.scroll_to(y=self.cursor - height + 1, animate=False, immediate=True)

    def on_resize(self) -> None:
        """A new size (the first layout included, which comes after a resume has put the
        cursor far down): the scrollable height, then the cursor back in view. Before, the
        list showed rows 1-31 while the detail showed match 37."""
        self.virtual_size = Size(self.size.width, self.count)
        self.call_after_refresh(self._show_cursor)

    def on_click(self, event: events.Click) -> None:
        self.cursor = self.scroll_offset.y + event.y

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles.clear()
        self._lines.clear()

    def _style(self, name: str) -> Style:
        """A component style, looked up once per reload (CSS lookups are not free)."""
        if name not in self._styles:
            self._styles[name] = self.get_component_rich_style(f"match-list--{name}")
        return self._styles[name]

    def render_line(self, y: int) -> Strip:
        """Rows are cached by what they show, so a decision re-renders only its own row."""
        index = self.scroll_offset.y + y
        width = self.scrollable_content_region.width
        row = self.pager.row(index) if self.pager else None
        if row is None:
            return Strip.blank(width, self.rich_style)
        drafted = self.drafted(row.id)
        key = (row.id, row.number, row.verdict, row.suggestion, tuple(row.langs), row.gist,
               row_mark(row, drafted), width, index == self.cursor)
        strip = self._lines.get(key)
        if strip is None:
            strip = self._lines[key] = self._render_row(row, width, index == self.cursor,
                                                        drafted)
            if len(self._lines) > self.CACHED_LINES:
                self._lines.popitem(last=False)
        return strip

    def _render_row(self, row: MatchRow, width: int, selected: bool, drafted: bool) -> Strip:
        base = self.rich_style
        prefix = row_prefix(row, self.langs, drafted)
        # cut in logical order first, then reorder: an RTL gist keeps its beginning
        gist = Text(one_line(row.gist, limit=width + 20))
        gist.truncate(max(1, width - cell_len(prefix)), overflow="ellipsis")
        shown = gist.plain
        if self.bidi:
            shown = visual(shown, bool(row.langs) and row.langs[0] in RTL_LANGS)
        text = Text(prefix, no_wrap=True, overflow="ellipsis", end="")
        text.append(shown)  # document text: a plain Text, never markup
        style = Style()
        if row.verdict is not None:
            style += self._style("decided")
        elif row.suggestion == "conflict":
            style += self._style("conflict")
        elif row.suggestion == "unsourced":
            style += self._style("unsourced")
        if selected:
            style += self._style("cursor")
        text.stylize(style)
        text.truncate(width, overflow="ellipsis", pad=True)
        return Strip(text.render(self.app.console), width).simplify().apply_style(base)
