"""Pick one claim, or several versions, from the selected match; or read a list.

Options are built from Text and ClaimText, never markup: they show document text. A claim
wraps in its own column and each wrapped line is put in reading order after (ClaimText), so
an Arabic or Hebrew sentence starts at the right of its first line, not on its second.
The list keys work here as in the match list: j/k as well as the arrows.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeVar

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from crossfact.tui.dialogs.frame import BREAKPOINTS, dialog_css
from crossfact.tui.display_text import RTL_LANGS
from crossfact.tui.widgets.claim_text import ClaimText, display_form
from crossfact.tui.widgets.key_footer import KeyFooter


def picker_css(name: str) -> str:
    """A picker is wider than a prompt: each claim wraps in a column beside its language.
    In a short terminal (80x24: a body of 19 rows, 8 of them frame, title and hint) the
    list is shorter, so the hint under it stays in the frame."""
    return dialog_css(name, "80%", 110) + (
        f"{name} OptionList {{ height: auto; max-height: 16; }}\n"
        f"{name}.-short OptionList {{ max-height: 10; }}\n")

# j/k move in every list of the review, dialogs too: a key that did nothing here left the
# highlight where it was, and the next Space ticked the wrong version.
LIST_KEYS = [
    Binding("j", "list('cursor_down')", "Down", id="dialog-down", show=False),
    Binding("k", "list('cursor_up')", "Up", id="dialog-up", show=False),
]


# ... and they scroll what is only read (the help, the orphaned verdicts): at 80x24 the help
# runs to three screens, and j, which moves everywhere else, did nothing there. Same ids as
# the lists' (a remapped j is remapped here too).
READ_KEYS = [
    Binding("j", "read('down')", "Down", id="dialog-down", show=False),
    Binding("k", "read('up')", "Up", id="dialog-up", show=False),
]


class ScrollsToRead(ModalScreen[None]):
    """A screen of text to read, in one VerticalScroll, that j and k scroll."""

    def action_read(self, way: str) -> None:
        scroll = self.query_one(VerticalScroll)
        if way == "down":
            scroll.scroll_down()
        else:
            scroll.scroll_up()


@dataclass(frozen=True)
class Item:
    """One option: its value, and the claims (language, text) it stands for."""

    value: str
    lang: str
    texts: tuple[str, ...]


def item_label(item: Item, bidi: bool, tick: bool | None = None) -> RenderableType:
    """The language in a column of its own, the claim(s) wrapped beside it."""
    grid = Table.grid(padding=(0, 1))
    if tick is not None:
        grid.add_column(no_wrap=True)
    grid.add_column(no_wrap=True)
    grid.add_column(ratio=1)
    shown, _ = display_form(" / ".join(item.texts))
    cells: list[RenderableType] = [Text(item.lang),
                                   ClaimText(shown, rtl=item.lang in RTL_LANGS, bidi=bidi)]
    if tick is not None:
        cells.insert(0, Text("[x]" if tick else "[ ]"))
    grid.add_row(*cells)
    return grid


ResultT = TypeVar("ResultT")


class PickList(OptionList):
    """A picker's list, its Enter shown in the dialog's footer (OptionList's own is hidden,
    and the focused widget's binding of a key is the one the footer looks at)."""

    BINDINGS = [Binding("enter", "select", "Pick")]


class TickList(PickList):
    """PickMany's list: Enter saves the versions ticked."""

    BINDINGS = [Binding("enter", "select", "Save")]


class _ListDialog(ModalScreen[ResultT]):
    """A dialog around an OptionList that j/k move too."""

    VERTICAL_BREAKPOINTS = BREAKPOINTS

    def action_list(self, action: str) -> None:
        getattr(self.query_one(OptionList), f"action_{action}")()


PICK_HINT = "Enter picks · j/k or arrows move · Esc cancels"
TICK_HINT = "Space ticks · Enter saves · j/k move · Esc cancels"  # fits at 80 columns
READ_HINT = "j/k or arrows scroll · Esc or q closes"


class PickOne(_ListDialog[str | None]):
    """Choose one item; Enter picks, Escape cancels (said under the list: the question
    alone, "Which claim moves?", left a newcomer to guess)."""

    DEFAULT_CSS = picker_css("PickOne")
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="dialog-cancel"), *LIST_KEYS]

    def __init__(self, title: str, items: list[Item], *, bidi: bool = True) -> None:
        super().__init__()
        self.title_text, self.items, self.bidi = title, items, bidi

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(self.title_text, markup=False)
            yield PickList(*[Option(item_label(item, self.bidi), id=item.value)
                             for item in self.items])
            yield Label(PICK_HINT, id="pick-hint", classes="dialog-hint", markup=False)
        yield KeyFooter(compact=True)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)


class PickMany(_ListDialog[list[str] | None]):
    """Tick several items with space; Enter confirms, Escape cancels (said under the list, as
    in the other dialogs: the title gave space and Enter, not Esc). Ticks read "[x]" and
    "[ ]" (Textual's SelectionList shows the same mark in both states, told apart by colour)."""

    DEFAULT_CSS = picker_css("PickMany")
    BINDINGS = [
        # not priority bindings: those run as the key arrives, before the list has taken the
        # keys typed ahead of it (j, space, Enter typed fast ticked the wrong version); the
        # list's own Enter (select) confirms, below
        Binding("space", "tick", "Tick", id="dialog-toggle"),
        Binding("enter", "confirm", "Confirm", id="dialog-confirm"),
        Binding("escape", "cancel", "Cancel", id="dialog-cancel"),
        *LIST_KEYS,
    ]

    def __init__(self, title: str, items: list[Item], chosen: set[str], *,
                 bidi: bool = True) -> None:
        super().__init__()
        self.title_text, self.items, self.bidi = title, items, bidi
        self.chosen = {item.value for item in items if item.value in chosen}

    def _prompt(self, item: Item) -> RenderableType:
        return item_label(item, self.bidi, tick=item.value in self.chosen)

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(self.title_text, markup=False)
            yield TickList(*[Option(self._prompt(item), id=item.value) for item in self.items])
            yield Label(TICK_HINT, id="tick-hint", classes="dialog-hint", markup=False)
        yield KeyFooter(compact=True)

    def action_tick(self) -> None:  # not `toggle`: Textual's own action for attributes
        options = self.query_one(OptionList)
        index = options.highlighted
        if index is None:
            return
        item = self.items[index]
        self.chosen ^= {item.value}
        options.replace_option_prompt_at_index(index, self._prompt(item))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_confirm()

    def action_confirm(self) -> None:
        self.dismiss([item.value for item in self.items if item.value in self.chosen])

    def action_cancel(self) -> None:
        self.dismiss(None)


class ReadOnly(ScrollsToRead):
    """Lines to read (the orphaned verdicts); Escape or q closes."""

    DEFAULT_CSS = picker_css("ReadOnly") + """
    ReadOnly VerticalScroll { height: auto; max-height: 20; }
    ReadOnly.-short VerticalScroll { max-height: 10; }
    """
    VERTICAL_BREAKPOINTS = BREAKPOINTS
    BINDINGS = [Binding("escape,q", "close", "Close", id="dialog-close"), *READ_KEYS]

    def __init__(self, title: str, lines: list[RenderableType]) -> None:
        super().__init__()
        self.title_text, self.lines = title, lines

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(self.title_text, markup=False)
            with VerticalScroll():
                yield Static(Group(*self.lines))
            yield Label(READ_HINT, id="read-hint", classes="dialog-hint", markup=False)
        yield KeyFooter(compact=True)

    def action_close(self) -> None:
        self.dismiss(None)
