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
