"""Pick one claim, or several versions, from the selected match.

Options are built as Text, never markup: they show document text.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

DIALOG_CSS = """
{name} {{ align: center middle; }}
{name} > Vertical {{
    width: 80%; max-width: 110; height: auto; max-height: 80%; padding: 1 2;
    border: round $accent; background: $surface;
}}
{name} Label {{ margin-bottom: 1; }}
{name} OptionList {{ height: auto; max-height: 16; }}
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
    """Tick several items with space; Enter confirms, Escape cancels. Ticks read "[x]" and
    "[ ]" (Textual's SelectionList shows the same mark in both states, told apart by colour)."""

    DEFAULT_CSS = DIALOG_CSS.format(name="PickMany")
    BINDINGS = [
        Binding("space", "tick", "Tick", id="dialog-toggle", priority=True),
        Binding("enter", "confirm", "Confirm", id="dialog-confirm", priority=True),
        Binding("escape", "cancel", "Cancel", id="dialog-cancel"),
    ]

    def __init__(self, title: str, items: list[tuple[str, Text]], chosen: set[str]) -> None:
        super().__init__()
        self.title_text, self.items = title, items
        self.chosen = {value for value, _ in items if value in chosen}

    def _prompt(self, value: str, label: Text) -> Text:
        return Text("[x] " if value in self.chosen else "[ ] ") + label

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(self.title_text, markup=False)
            yield OptionList(*[Option(self._prompt(v, label), id=v) for v, label in self.items])

    def action_tick(self) -> None:  # not `toggle`: Textual's own action for attributes
        options = self.query_one(OptionList)
        index = options.highlighted
        if index is None:
            return
        value, label = self.items[index]
        self.chosen ^= {value}
        options.replace_option_prompt_at_index(index, self._prompt(value, label))

    def action_confirm(self) -> None:
        self.dismiss([value for value, _ in self.items if value in self.chosen])

    def action_cancel(self) -> None:
        self.dismiss(None)
