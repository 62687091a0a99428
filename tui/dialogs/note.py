"""The note editor: several lines, since a reviewer's note is often a source and a reason.

Enter starts a new line, so saving needs its own key (ctrl+s), written under the box where
the reviewer looks; Escape cancels, as in every dialog.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, TextArea

from crossfact.tui.dialogs.frame import dialog_css

SAVE_HINT = "ctrl+s save · Enter new line · Escape cancel"


class NotePrompt(ModalScreen[str | None]):
    """Dismissed with the note's text, or None when cancelled."""

    DEFAULT_CSS = dialog_css("NotePrompt") + """
    NotePrompt TextArea { height: 8; }
    NotePrompt #note-hint { margin: 1 0 0 0; color: $text-muted; }
    """
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="dialog-save", priority=True),
        Binding("escape", "cancel", "Cancel", id="dialog-cancel"),
    ]

    def __init__(self, title: str, value: str = "") -> None:
        super().__init__()
        self.title_text, self.value = title, value

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(self.title_text, markup=False)
            area = TextArea(self.value, id="note-input", soft_wrap=True, show_line_numbers=False)
            area.move_cursor(area.document.end)
            yield area
            yield Label(SAVE_HINT, id="note-hint", markup=False)

    def action_save(self) -> None:
        self.dismiss(self.query_one(TextArea).text)

    def action_cancel(self) -> None:
        self.dismiss(None)
