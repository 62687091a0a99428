"""The frame every dialog of the review shares: centred, rounded, on the surface colour."""

from __future__ import annotations


def dialog_css(name: str, width: str = "70%", max_width: int = 90) -> str:
    """CSS for the dialog screen `name`: its Vertical body framed and centred.

    Textual scopes DEFAULT_CSS by type name, so each dialog class gets its own copy; the
    pickers are wider (a claim in a column of its own), the prompts narrower.
    """
    return f"""
    {name} {{ align: center middle; }}
    {name} > Vertical {{
        width: {width}; max-width: {max_width}; height: auto; max-height: 80%; padding: 1 2;
        border: round $accent; background: $surface;
    }}
    {name} Label {{ margin-bottom: 1; }}
    """
