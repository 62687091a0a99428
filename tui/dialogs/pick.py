"""Pick one claim, or several versions, from the selected match.

Options are built as Text, never markup: they show document text.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList, SelectionList
from textual.widgets.option_list import Option
from textual.widgets.selection_list import Selection

DIALOG_CSS = """
{name} {{ align: center middle; }}
{name} > Vertical {{
    width: 80%; max-width: 110; height: auto; max-height: 80%; padding: 1 2;
    border: round $accent; background: $surface;
}}
{name} Label {{ margin-bottom: 1; }}
{name} OptionList, {name} SelectionList {{ height: auto; max-height: 16; }}
"""


class PickOne(ModalScreen[str | None]):
    """Choose one item (value, label); Enter picks, Escape cancels."""

    DEFAULT_CSS = DIALOG_CSS.format(name="PickOne")
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="dialog-cancel")]

    def __init__(self, title: str, items: list[tuple[str, Text]]) -> None:
        super().__init__()
        self.title_text, self.items = title, items

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(self.title_text, markup=False)
            yield OptionList(*[Option(label, id=value) for value, label in self.items])

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)


class PickMany(ModalScreen[list[str] | None]):
    """Tick several items with space; Enter confirms, Escape cancels."""

    DEFAULT_CSS = DIALOG_CSS.format(name="PickMany")
    BINDINGS = [
        Binding("enter", "confirm", "Confirm", id="dialog-confirm", priority=True),
        Binding("escape", "cancel", "Cancel", id="dialog-cancel"),
    ]

    def __init__(self, title: str, items: list[tuple[str, Text]], chosen: set[str]) -> None:
        super().__init__()
        self.title_text, self.items, self.chosen = title, items, chosen

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(self.title_text, markup=False)
            yield SelectionList[str](
                *[Selection(label, value, value in self.chosen) for value, label in self.items]
            )

    def action_confirm(self) -> None:
        self.dismiss(list(self.query_one(SelectionList).selected))

    def action_cancel(self) -> None:
        self.dismiss(None)
