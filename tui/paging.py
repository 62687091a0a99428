"""The match list as the store pages it: a window of rows cached by page, never the whole list.

A story can hold 20,000 matches; loading them all into a widget takes seconds
(docs/architecture.md).
The list widget asks for the rows it draws; this class fetches the page holding a row with
`store.matches(offset, limit)` and keeps a few pages. Filter and search run in SQL.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Literal

from crossfact.store import MatchRow
from crossfact.tui.store_api import ReviewStore

FilterName = Literal["all", "todo", "conflicts", "unsourced", "decided", "carried",
                     "second_look"]
FILTERS: tuple[FilterName, ...] = ("all", "todo", "conflicts", "unsourced", "decided",
                                   "carried", "second_look")
CARRY_FILTERS: frozenset[FilterName] = frozenset({"carried", "second_look"})
"""Only offered by `f` when a re-match carried some of the reviewer's verdicts."""
FILTER_LABELS: dict[str, str] = {
    "all": "all",
    "todo": "to review",
    "conflicts": "suggested conflicts",
    "unsourced": "unsourced",
    "decided": "decided",
    "carried": "carried over",
    "second_look": "second look",
}


class MatchPager:
    """Rows of one story for one reviewer under the current filter and search."""

    PAGE = 100  # ~3 screens: one SQL read and 100 small models per page
    KEEP_PAGES = 8

    def __init__(self, store: ReviewStore, story: str, reviewer: str) -> None:
        self.store = store
        self.story = story
        self.reviewer = reviewer
        self.filter: FilterName = "all"
        self.search: str | None = None
        self._pages: OrderedDict[int, list[MatchRow]] = OrderedDict()
        self._count: int | None = None

    def set_view(self, filter: FilterName, search: str | None) -> None:
        self.filter, self.search = filter, (search or None)
        self.invalidate()

    def invalidate(self) -> None:
        """Forget cached rows: a decision can change verdicts and filter membership."""
        self._pages.clear()
        self._count = None

    @property
    def count(self) -> int:
        if self._count is None:
            self._count = self.store.count(
                self.story, reviewer=self.reviewer, filter=self.filter, search=self.search
            )
        return self._count

    def row(self, index: int) -> MatchRow | None:
        """The row at `index` in the filtered list, or None past the end."""
        if index < 0 or index >= self.count:
            return None
        page_no, offset = divmod(index, self.PAGE)
        page = self._pages.get(page_no)
        if page is None:
            page = self.store.matches(
                self.story, reviewer=self.reviewer, filter=self.filter, search=self.search,
                offset=page_no * self.PAGE, limit=self.PAGE,
            )
            self._pages[page_no] = page
            while len(self._pages) > self.KEEP_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(page_no)
        return page[offset] if offset < len(page) else None

    def lower_bound(self, position: int) -> int:
        """Index of the first row at or after `position`: a binary search (rows are ordered
        by position), so a jump costs a few page reads, not a scan."""
        lo, hi = 0, self.count
        while lo < hi:
            mid = (lo + hi) // 2
            row = self.row(mid)
            if row is None or row.position >= position:
                hi = mid
            else:
                lo = mid + 1
        return lo

    def index_of(self, match_id: str, position: int, near: int | None = None) -> int | None:
        """Where a match sits in the filtered list: first around `near` (the next match to
        review is almost always a row or two below the cursor), else by its position."""
        if near is not None:
            for index in range(max(0, near - 5), min(near + 20, self.count)):
                row = self.row(index)
                if row is not None and row.id == match_id:
                    return index
        index = self.lower_bound(position)
        while (row := self.row(index)) is not None and row.position == position:
            if row.id == match_id:
                return index
            index += 1
        return None
