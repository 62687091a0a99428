"""The help screen, generated from the bindings themselves (after the user's remapping), so it
can never disagree with what the keys do."""

from __future__ import annotations

from collections.abc import Callable

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from crossfact.tui.dialogs.pick import READ_KEYS, ScrollsToRead
from crossfact.tui.keys import REVIEW_BINDINGS
from crossfact.tui.widgets.key_footer import KeyFooter
from crossfact.tui.widgets.match_list import MARKS

LEGEND = (
    "List columns: # = match number (12b: split out of 12) · "
    "s = machine suggestion (a agree, c conflict, u unsourced) · "
    "v = your verdict (A, C, U; · not yet) · "
    f"m = your mark (\"{MARKS['draft']}\" a note typed, not saved; \"{MARKS['note']}\" a note "
    f"saved; \"{MARKS['skip']}\" skipped, not decided since) · "
    "languages present (·· none) · claim.\n"
    "Detail: underlined figures/names are shared by every version; reversed ones differ."
)


def key_table(app_keys: dict[str, str], display: Callable[[Binding], str]) -> Table:
    """One row per binding: its keys (as remapped), what it does, why."""
    table = Table(box=None, show_header=True, header_style="bold", expand=True, pad_edge=False)
    table.add_column("keys", no_wrap=True)
    table.add_column("id (keys.toml)", no_wrap=True, style="dim")
    table.add_column("does")
    rows = REVIEW_BINDINGS + [
        Binding("ctrl+p", "command_palette", "Commands",
                tooltip="Export, switch story, jump to a match, RTL display"),
    ]
    for binding in rows:
        keys = app_keys.get(binding.id or "", binding.key)
        shown = ", ".join(display(Binding(k.strip(), "")) for k in keys.split(","))
        does = Text(binding.description, style="bold")
        if binding.tooltip:
            does.append(f": {binding.tooltip}", style="not bold")
        table.add_row(Text(shown), Text(binding.id or ""), does)
    return table


class HelpScreen(ScrollsToRead):
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll {
        width: 100%; max-width: 110; height: 100%; max-height: 40;
        padding: 0 1; border: round $accent; background: $surface;
    }
    """
    BINDINGS = [Binding("escape,q,question_mark", "close", "Close", id="help-close"),
                *READ_KEYS]

    def compose(self) -> ComposeResult:
        keymap = getattr(self.app, "keymap", {})
        with VerticalScroll():
            yield Static(Text("Keys. Remap them in keys.toml by id (j/k or arrows scroll, "
                              "Escape closes)", style="bold"))
            yield Static(key_table(keymap, self.app.get_key_display))
            yield Static(Text("\n" + LEGEND))
        yield KeyFooter(compact=True)

    def action_close(self) -> None:
        self.dismiss(None)
