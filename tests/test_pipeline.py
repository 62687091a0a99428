"""pipeline.run pauses Python's cycle collector: safe only while a run makes no cycles."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from crossfact.pipeline import collector_paused, run

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.mark.parametrize("story", ["seed-story", "mixed-direction", "markup-ansi"])
def test_a_run_leaves_no_reference_cycles(story):
    run([FIXTURES / story])  # first run: imports and caches
    gc.collect()
    run([FIXTURES / story])
    run([FIXTURES / story], segmented=True)
    assert gc.collect() == 0  # nothing the paused collector would have had to free


def test_the_collector_is_back_as_it_was():
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_the_collector_comes_back_after_an_error():
    with pytest.raises(ValueError), collector_paused():
        raise ValueError
    assert gc.isenabled()


def test_a_callers_freeze_is_left_as_it_was():
    """The run's objects are moved to the oldest generation by a freeze and an unfreeze,
    which must not hand back what the caller froze (the TUI's heap, tui/heap.py)."""
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with collector_paused():
            pass
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()


def test_nothing_is_frozen_after_a_run_on_the_main_thread():
    with collector_paused():
        kept = [object() for _ in range(1000)]  # noqa: F841  (alive past the block)
    assert gc.get_freeze_count() == 0
