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


def test_a_fork_leaves_a_callers_freeze_as_it_was() -> None:
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with collector.frozen_for_fork():
            assert gc.get_freeze_count() == frozen
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()
    with collector.frozen_for_fork():
        assert gc.get_freeze_count() > 0
    assert gc.get_freeze_count() == 0
