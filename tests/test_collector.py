"""crossfact/collector.py owns the garbage collector: runs that overlap (the app's matcher in a
worker thread, another on the main thread) keep it paused until the last one ends."""

from __future__ import annotations

import gc

from crossfact import collector


def test_the_collector_stays_paused_until_the_last_run_ends() -> None:
    first, second = collector.paused(), collector.paused()
    first.__enter__()
    second.__enter__()
    first.__exit__(None, None, None)  # overlapping, not nested: as two threads would
    assert not gc.isenabled() and collector.is_paused()
    second.__exit__(None, None, None)
    assert gc.isenabled() and not collector.is_paused()


def _as_it_was(frozen: int) -> bool:
    """The caller's freeze stands as it was: a second freeze would add what was made since,
    an unfreeze would empty it, while a frozen object another thread frees meanwhile
    (pytest-xdist's) only takes one off the count (CI saw 111,568 against 111,570)."""
    return frozen * 0.99 < gc.get_freeze_count() <= frozen


def test_a_fork_leaves_a_callers_freeze_as_it_was() -> None:
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with collector.frozen_for_fork():
            assert _as_it_was(frozen)
        assert _as_it_was(frozen)
    finally:
        gc.unfreeze()
    with collector.frozen_for_fork():
        assert gc.get_freeze_count() > 0
    assert gc.get_freeze_count() == 0
