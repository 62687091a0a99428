"""A one-line input in a modal (a match number, a file path): Enter saves, Escape cancels."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from crossfact.tui.dialogs.frame import dialog_css

PROMPT_HINT = "Enter confirms · Esc cancels"


class TextPrompt(ModalScreen[str | None]):
    # the question wraps: a path and "(y/n)" cut at the frame's edge left the reviewer
    # guessing what was asked and what to answer
    # wide, for paths (a long one in a question wrapped to more lines than 80x24 shows)
    DEFAULT_CSS = dialog_css("TextPrompt", width="90%", max_width=110) + """
    TextPrompt Label { width: 100%; }
    TextPrompt #prompt-hint { margin: 1 0 0 0; color: $text-muted; }
    """
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="dialog-cancel")]

    def __init__(self, title: str, value: str = "", placeholder: str = "",
                 hint: str = PROMPT_HINT) -> None:
        super().__init__()
        self.title_text, self.value, self.placeholder = title, value, placeholder
        self.hint = hint

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(self.title_text, id="prompt-question", markup=False)
            yield Input(self.value, placeholder=self.placeholder, id="prompt-input")
            yield Label(self.hint, id="prompt-hint", markup=False)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)
