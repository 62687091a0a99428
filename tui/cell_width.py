"""Make Rich measure text the way terminals draw it.

Rich's width tables give spacing combining marks (Unicode category Mc, e.g. the Bengali vowel
sign U+09BE) zero cells; glibc `wcwidth`, tmux and the common terminals give them one. A
Bengali line then takes more cells on screen than Textual laid out, and every border or column
to its right is pushed out of line. Rich routes every measurement through one table per
Unicode version, so giving Mc characters one cell there fixes widgets, borders and cropping
at once, for the TUI process only (display, never data).

Neither Rich nor Textual has a public way to change a character's width, so this is the one
place that reaches into their internals, and exactly these:
- `rich._unicode_data.load` (private): the per-version width table, edited in place;
- `rich.cells.get_character_cell_size` and `rich.cells.cached_cell_len`: their caches cleared;
- `textual._cells.cell_len` (private), when loaded: its cache cleared.
What guards it: `rich>=14.3,<16` in pyproject.toml, the Rich versions that have the table
(`FIRST_RICH_WITH_TABLE`; Textual itself accepts Rich 14.2, where it was absent, the patch did
nothing and, under tmux, every Bengali line ran a few columns through the border to its right:
one column per spacing mark; the test extra pins the exact Rich and Textual the snapshots were
drawn with); a Rich that moved the table leaves Rich's own widths (the ImportError below)
rather than failing; and tests/test_tui_display.py
(`test_rich_counts_bengali_like_the_terminal`) and the tmux test fail when the widths no
longer match the terminal's, which is the moment to look here again.
"""

from __future__ import annotations

import sys
import unicodedata

from rich import cells

try:  # a private table of Rich's (tested with rich 14-15): without it, Rich's own widths
    from rich._unicode_data import load as load_cell_table
except ImportError:  # pragma: no cover - a Rich that moved it
    load_cell_table = None  # type: ignore[assignment]  # then the widths stay Rich's own

FIRST_RICH_WITH_TABLE = "14.3.0"  # rich._unicode_data appeared in 14.3.0 (14.2.0 has none)

_done = False


def _spacing_marks(start: int, end: int) -> set[int]:
    return {cp for cp in range(start, end + 1) if unicodedata.category(chr(cp)) == "Mc"}


def _without_spacing_marks(widths: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """The table with every Mc codepoint cut out of its zero-width range (absent means 1 cell)."""
    out: list[tuple[int, int, int]] = []
    for start, end, width in widths:
        marks = _spacing_marks(start, end) if width == 0 else set()
        if not marks:
            out.append((start, end, width))
            continue
        run_start: int | None = None
        for cp in range(start, end + 2):
            inside = cp <= end and cp not in marks
            if inside and run_start is None:
                run_start = cp
            elif not inside and run_start is not None:
                out.append((run_start, cp - 1, width))
                run_start = None
    return out


def match_terminal_widths() -> None:
    """Patch Rich's cell table in place (idempotent); call before anything is rendered."""
    global _done
    if _done or load_cell_table is None:
        return
    table = load_cell_table("auto")
    widths = table.widths
    if isinstance(widths, list):
        widths[:] = _without_spacing_marks(widths)
    cells.get_character_cell_size.cache_clear()
    cells.cached_cell_len.cache_clear()
    textual_cells = sys.modules.get("textual._cells")
    clear = getattr(getattr(textual_cells, "cell_len", None), "cache_clear", None)
    if clear is not None:
        clear()
    _done = True
