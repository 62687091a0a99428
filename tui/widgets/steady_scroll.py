"""A ScrollView that leaves its scrollbar alone when a layout changes nothing it shows.

Textual's ScrollView compares the compositor's sizes with its own on every layout of the
screen, finds them different (the compositor passes the visible size, not the scrollable
one), and updates and repaints its scrollbar: a frame of its own after the layout's. Here the
scrollbar is updated only when the widget's size or scrollable size differ from the last
update's.
"""

from __future__ import annotations

from textual.geometry import Size
from textual.scroll_view import ScrollView


class SteadyScrollView(ScrollView):
    _scrollbar_for: tuple[Size, Size] | None = None
    """(widget size, scrollable size) at the last scrollbar update."""

    def _size_updated(
        self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
    ) -> bool:
        if (size, self.virtual_size) == self._scrollbar_for:
            return False
        return super()._size_updated(size, virtual_size, container_size, layout)

    def _scroll_update(self, virtual_size: Size) -> None:
        super()._scroll_update(virtual_size)
        self._scrollbar_for = (self.outer_size, virtual_size)
