"""The note editor: several lines, since a reviewer's note is often a source and a reason.

Enter starts a new line, so saving needs its own key (ctrl+s), written under the box where
the reviewer looks; Escape closes, as in every dialog, but the text typed is handed back as a
draft (`keep_draft`), so a stray Escape loses no typing: the review screen offers it again.
A text box edits in stored (logical) order, so Arabic or Hebrew typed into it shows unjoined
and mirrored in a terminal without bidi; while the note holds such text, a preview under the
box shows it as the review will.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, Static, TextArea

from crossfact.tui.dialogs.frame import BREAKPOINTS, dialog_css
from crossfact.tui.display_text import has_rtl, starts_rtl
from crossfact.tui.widgets.claim_text import ClaimText, display_form
from crossfact.tui.widgets.key_footer import KeyFooter

SAVE_HINT = "ctrl+s save · Enter new line · Esc keeps a draft"


class NotePrompt(ModalScreen[str | None]):
    """Dismissed with the note's text, or None when closed with Escape (after handing the
    text to `keep_draft`)."""

    # in a terminal under 30 rows (80x24) the box, a right-to-left preview and the hint took
    # more than the dialog's 80 %, and the hint, the one place that says ctrl+s saves, was cut
    # off: there the box and the preview are shorter
    VERTICAL_BREAKPOINTS = BREAKPOINTS
    DEFAULT_CSS = dialog_css("NotePrompt") + """
    NotePrompt TextArea { height: 8; }
    NotePrompt #note-preview { margin: 1 0 0 0; max-height: 6; border-left: thick $accent; }
    NotePrompt.-short TextArea { height: 5; }
    NotePrompt.-short #note-preview { max-height: 3; }
    """
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="dialog-save"),
        Binding("escape", "cancel", "Close, keep the draft", id="dialog-cancel"),
    ]

    def __init__(self, title: str, value: str = "", *, bidi: bool = True,
                 keep_draft: Callable[[str], None] | None = None,
                 changed: Callable[[str], None] | None = None) -> None:
        """`changed` is told the text at every change (the review keeps it on disk, so a
        terminal killed mid-note loses none of it)."""
        super().__init__()
        self.title_text, self.value, self.bidi = title, value, bidi
        self.keep_draft, self.changed = keep_draft, changed

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(self.title_text, markup=False)
            area = TextArea(self.value, id="note-input", soft_wrap=True, show_line_numbers=False)
            area.move_cursor(area.document.end)
            yield area
            yield Static(id="note-preview")
            yield Label(SAVE_HINT, id="note-hint", classes="dialog-hint", markup=False)
        yield KeyFooter(compact=True)

    def on_mount(self) -> None:
        self._preview(self.value)

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        self._preview(event.text_area.text)
        if self.changed is not None:
            self.changed(event.text_area.text)

    def _preview(self, text: str) -> None:
        """Shown only where it differs from the box: right-to-left text, reordered."""
        preview = self.query_one("#note-preview", Static)
        preview.display = self.bidi and has_rtl(text)
        if preview.display:
            preview.update(ClaimText(display_form(text)[0], rtl=starts_rtl(text)))

    def action_save(self) -> None:
        self.dismiss(self.query_one(TextArea).text)

    def action_cancel(self) -> None:
        if self.keep_draft is not None:
            self.keep_draft(self.query_one(TextArea).text)
        self.dismiss(None)
