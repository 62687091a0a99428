"""The one owner of Python's garbage collector: every switch, freeze and collection in crossfact
goes through here, so the parts that need one ask this module, not the collector's state.

Three parts need it. A matching run allocates millions of objects that live until it returns
and makes no reference cycles (a test checks), so the collector is paused for the run
(`paused`). Forked workers would copy the parent's whole heap by touching it in their
collections, so the heap is frozen around a fork (`frozen_for_fork`). The review app keeps
full collections out of key presses by freezing what lives as long as it does and settling
in the reviewer's pauses (`collect_and_freeze`, `thaw`; the policy is tui/heap.py). They
meet when the app runs the matcher in a worker thread: the app must not freeze the run's
objects, and asks `is_paused` first.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_pauses = 0  # runs in progress that paused the collector
_enabled_before = True  # whether the collector was on when the first of them began


def is_paused() -> bool:
    """Whether a run has the collector paused (in any thread)."""
    return _pauses > 0


@contextmanager
def paused() -> Iterator[None]:
    """The cycle collector off for the duration, then as it was before the first pause; what
    a run on the main thread allocated is moved to the oldest generation at the end.

    Without the pause, the collector's passes over a long story's growing heap took a large
    share of its time (benchmarks/README.md) and found nothing. Left in the youngest
    generation, the run's survivors would all be walked by the first collection after it.
    The move is a freeze and an unfreeze, which would hand back a caller's own freeze: it is
    made only when nothing is frozen, and only on the main thread (the TUI runs the matcher
    in a worker thread while its main thread freezes and thaws the heap).
    """
    global _pauses, _enabled_before
    with _lock:
        if _pauses == 0:
            _enabled_before = gc.isenabled()
            gc.disable()
        _pauses += 1
    try:
        yield
    finally:
        with _lock:
            _pauses -= 1
            if _pauses == 0:
                if (not gc.get_freeze_count()
                        and threading.current_thread() is threading.main_thread()):
                    gc.freeze()
                    gc.unfreeze()
                if _enabled_before:
                    gc.enable()


@contextmanager
def frozen_for_fork() -> Iterator[None]:
    """What exists now left out of forked workers' collections, which would otherwise write to
    (and so copy) every page of the parent's heap; a caller's own freeze is left as it was."""
    ours = gc.get_freeze_count() == 0
    if ours:
        gc.freeze()
    try:
        yield
    finally:
        if ours:
            gc.unfreeze()


def collections_due() -> bool:
    """Whether anything was allocated enough to make a young collection since the last one."""
    return any(gc.get_count()[1:])


def collect_and_freeze(*, everything: bool = False) -> None:
    """Collect, then freeze what survived, so later collections walk only newer objects.
    `everything`: first hand back what earlier calls froze, so garbage among it is freed."""
    if everything:
        gc.unfreeze()
    gc.collect()
    gc.freeze()


def thaw() -> None:
    """Hand every frozen object back to the collector."""
    gc.unfreeze()
