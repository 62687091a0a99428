"""Keeping full garbage collections out of key presses.

A collection of the oldest generation walks every live object. With Textual, the store and
an open story that is about 100k objects, and it came due on about one key press in ten:
most of the p99 of a decision (benchmarks/README.md).
What is alive once a story is shown (modules, stylesheets, widgets, the story's pages) lives
as long as the app, so it is collected once and frozen (`gc.freeze`): later collections walk
only what was allocated since.

What keys keep alive after that (pages read, undo steps, Textual's caches) is settled the
same way in the reviewer's pauses (`settle`), so that a key after a pause finds the
collector's generations nearly empty: without it, the collections of the oldest generation
that came due inside keys grew longer over 300 keys.

This is the app's policy; every call to the collector goes through crossfact/collector.py.
"""

from __future__ import annotations

from crossfact import collector


def freeze_long_lived() -> None:
    """Collect now (nothing dead gets frozen), then leave the survivors out of later passes.

    What an earlier call froze is handed back first: after a switch of story, the previous
    story's pages are garbage, and frozen they would never be collected.
    """
    collector.collect_and_freeze(everything=True)


FULL_SETTLE_EVERY = 25
"""Every so many settles, everything is thawed and collected once (`freeze_long_lived`)."""

_settles = 0


def settle() -> bool:
    """In a pause: collect what is not frozen, then freeze what survived; True if it ran.

    Skipped when nothing was collected since the last call (no young collection happened:
    little was allocated), and while a run has the collector paused: the matcher is running
    in a worker thread, and its objects are not the app's to freeze. Cheap when it runs: only
    what keys allocated since the last freeze is walked. What a settle froze and later
    became unreachable (a closed dialog's widgets, which refer to each other) only a full
    collection frees: one is made every FULL_SETTLE_EVERY settles, so such garbage stays
    bounded.
    """
    global _settles
    if collector.is_paused() or not collector.collections_due():
        return False  # paused while the matcher runs: its heap
    _settles += 1
    if _settles % FULL_SETTLE_EVERY == 0:
        freeze_long_lived()
    else:
        collector.collect_and_freeze()
    return True


def thaw() -> None:
    """Hand the frozen objects back to the collector (the app is closing; tests start more)."""
    global _settles
    _settles = 0
    collector.thaw()
