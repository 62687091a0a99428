"""Textual's footer, showing only the keys that fit whole.

The command palette's key is docked over the footer's right end, and the keys that do not
fit run on under it: at 80 columns the footer read "q Quit f▏^p palette", a key cut from
its description, and at 85 "f Filt▏". Here a key that would run under the palette's key is
left out (the help screen, `?`, lists every key), and shown again when the terminal widens.

Every dialog has one of its own: Textual draws a modal screen over the one below it, footer
and all, so the note editor's footer read "a Agree c Conflict ...", keys that type into the
note there. A dialog's footer lists the dialog's keys, and a footer under another screen
(the command palette, which has none) is not drawn.

A key remapped in keys.toml keeps its place: Textual's keymap re-adds a remapped binding
after all the others, so with `verdict-agree = "1"` the footer ended "... f Filter / Search
1 Agree" and at 80 columns Agree was left out of it.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer


class KeyFooter(Footer):
    """The footer of the review and of each dialog: Textual's, less the keys the palette's
    key would cover."""

    def on_mount(self) -> None:
        """(Footer's own on_mount runs too.)"""
        self.app.screen_change_signal.subscribe(self, self._screen_changed)

    def _screen_changed(self, screen: Screen[object]) -> None:
        """Drawn only while its screen is the one the keys go to."""
        self.visible = screen is self.screen

    def compose(self) -> ComposeResult:
        """Textual's keys, those the screen declares in its order (a remapped one too)."""
        widgets = list(super().compose())
        declared = {binding.action: rank for rank, binding
                    in enumerate(Binding.make_bindings(self.screen.BINDINGS))}
        ranks = {at: declared[action] for at, widget in enumerate(widgets)
                 if (action := getattr(widget, "action", None)) in declared
                 and not widget.has_class("-command-palette")}
        ordered = sorted(ranks, key=ranks.__getitem__)
        moved = {at: widgets[was] for at, was in zip(sorted(ranks), ordered, strict=True)}
        widgets = [moved.get(at, widget) for at, widget in enumerate(widgets)]
        yield from widgets

    async def recompose(self) -> None:
        """Every key shown again (the bindings changed: a dialog, a remap), then those that
        do not fit hidden."""
        await super().recompose()
        self.call_after_refresh(self._fit, 5)

    def on_resize(self) -> None:
        """A wider terminal has room for keys hidden before; a narrower one has less."""
        self.call_after_refresh(self.recompose)

    def _fit(self, tries: int) -> None:
        """Hide the keys that run under the palette's key, once the keys are laid out (new
        keys, such as those recomposed under a dialog, may not be yet: asked again)."""
        keys: list[Widget] = list(self.query("FooterKey"))
        if any(not key.region for key in keys):
            if tries:
                self.call_after_refresh(self._fit, tries - 1)
            return
        palette = [key for key in keys if key.has_class("-command-palette")]
        right = palette[0].region.x if palette else self.region.right
        for key in keys:
            if key not in palette and key.region.right > right:
                key.display = False
