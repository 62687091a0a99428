"""The terminal sanitiser's first home: its names, kept for the modules that import them here.
Everything lives in `crossfact.terminal`."""

from crossfact.terminal import blank_controls, one_line, strip_controls

__all__ = ["blank_controls", "one_line", "strip_controls"]
