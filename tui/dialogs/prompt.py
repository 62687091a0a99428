"""A one-line input in a modal (a match number, a file path): Enter saves, Escape cancels."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from crossfact.tui.dialogs.frame import dialog_css
from crossfact.tui.widgets.key_footer import KeyFooter

PROMPT_HINT = "Enter confirms · Esc cancels"


class Answer(Input):
    """The prompt's input, its Enter shown in the dialog's footer (Input's own is hidden,
    and the focused widget's binding of a key is the one the footer looks at)."""

    BINDINGS = [Binding("enter", "submit", "Confirm")]


class TextPrompt(ModalScreen[str | None]):
    # the question wraps: a path and "(y/n)" cut at the frame's edge left the reviewer
    # guessing what was asked and what to answer
    # wide, for paths (a long one in a question wrapped to more lines than 80x24 shows)
    DEFAULT_CSS = dialog_css("TextPrompt", width="90%", max_width=110) + """
    TextPrompt Label { width: 100%; }
    TextPrompt #prompt-problem { margin: 1 0 0 0; color: $warning; }
    """
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="dialog-cancel")]

    def __init__(self, title: str, value: str = "", placeholder: str = "",
                 hint: str = PROMPT_HINT, check: Callable[[str], str | None] | None = None) -> None:
        """`check` says what is wrong with an answer (None: nothing): the dialog then stays
        open with the answer and the message, to correct, instead of closing on it."""
        super().__init__()
        self.title_text, self.value, self.placeholder = title, value, placeholder
        self.hint, self.check = hint, check

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(self.title_text, id="prompt-question", markup=False)
            yield Answer(self.value, placeholder=self.placeholder, id="prompt-input")
            problem = Label("", id="prompt-problem", markup=False)
            problem.display = False
            yield problem
            yield Label(self.hint, id="prompt-hint", classes="dialog-hint", markup=False)
        yield KeyFooter(compact=True)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        problem = self.check(event.value) if self.check is not None else None
        if problem is None:
            self.dismiss(event.value)
            return
        shown = self.query_one("#prompt-problem", Label)
        shown.update(problem)
        shown.display = True
        self.query_one("#prompt-input", Input).select_all()

    def on_input_changed(self, event: Input.Changed) -> None:
        """A message about the last answer is gone once the answer is being corrected."""
        self.query_one("#prompt-problem", Label).display = False

    def action_cancel(self) -> None:
        self.dismiss(None)
