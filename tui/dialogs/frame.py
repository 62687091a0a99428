"""The frame every dialog of the review shares: centred, rounded, on the surface colour."""

from __future__ import annotations


def dialog_css(name: str, width: str = "70%", max_width: int = 90) -> str:
    """CSS for the dialog screen `name`: its Vertical body framed and centred.

    Textual scopes DEFAULT_CSS by type name, so each dialog class gets its own copy; the
    pickers are wider (a claim in a column of its own), the prompts narrower. A Label of
    class `dialog-hint` under the body says the dialog's keys, muted.
    """
    return f"""
    {name} {{ align: center middle; }}
    {name} > Vertical {{
        width: {width}; max-width: {max_width}; height: auto; max-height: 80%; padding: 1 2;
        border: round $accent; background: $surface;
    }}
    {name} Label {{ margin-bottom: 1; }}
    {name} .dialog-hint {{ margin: 1 0 0 0; color: $text-muted; }}
    """


SHORT_ROWS = 30
"""Under this many terminal rows (80x24) a dialog's screen gets the class `-short`: a
dialog's body is at most 80 % of the rows, and a list or box of its tall height pushed the
hint line, the one place that says the keys, out of the frame."""
BREAKPOINTS = [(0, "-short"), (SHORT_ROWS, "-tall")]
