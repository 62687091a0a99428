"""pipeline.run pauses Python's cycle collector: safe only while a run makes no cycles."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from crossfact.collector import paused as collector_paused
from crossfact.pipeline import run

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
        # an unfreeze would empty the permanent generation, a freeze add to it; a frozen
        # object that another thread frees meanwhile (pytest-xdist's) takes one off the count
        assert frozen * 0.99 < gc.get_freeze_count() <= frozen
    finally:
        gc.unfreeze()


def test_nothing_is_frozen_after_a_run_on_the_main_thread():
    with collector_paused():
        kept = [object() for _ in range(1000)]  # noqa: F841  (alive past the block)
    assert gc.get_freeze_count() == 0


def test_progress_is_reported_pair_by_pair():
    """The TUI's bar and the CLI's move as each pair of versions is weighed or aligned."""
    seen: list[tuple[str, int, int]] = []
    run([FIXTURES / "seed-story"], progress=lambda stage, done, total: seen.append(
        (stage, done, total)))
    pairs = [(stage, done, total) for stage, done, total in seen
             if stage.startswith(("weighed ", "aligned "))]
    assert [done for _, done, _ in pairs] == list(range(1, 11))  # 5 versions: 10 pairs
    assert {total for _, _, total in pairs} == {10}
    assert any(stage.startswith("aligned ") for stage, _, _ in pairs)


def test_progress_is_not_full_while_work_goes_on():
    """After the last pair of versions is aligned, linking facts and suggesting still take
    their time (minutes on a huge one-line version): the bar showed 100% all through them.
    Each is reported as a step begun."""
    seen: list[tuple[str, int, int]] = []
    run([FIXTURES / "seed-story"], progress=lambda stage, done, total: seen.append(
        (stage, done, total)))
    last = max(n for n, (stage, _, _) in enumerate(seen)
               if stage.startswith(("weighed ", "aligned ", "third versions ")))
    assert [stage for stage, _, _ in seen[last + 1:]] == ["linking facts", "suggesting"]
    assert all(done < total for _, done, total in seen[last + 1:])


def test_progress_names_a_file_with_its_controls_shown(tmp_path: Path) -> None:
    """A file name is data: its escape sequence is written out in the progress line (the CLI
    wrote it raw to the terminal), never sent."""
    (tmp_path / "b\x1b[31mRED\x1b[0m.txt").write_text("The quake killed 80 people.\n",
                                                       encoding="utf-8")
    (tmp_path / "a.txt").write_text("Le séisme a fait 80 morts.\n", encoding="utf-8")
    seen: list[str] = []
    run([tmp_path], progress=lambda stage, done, total: seen.append(stage))
    read = [stage for stage in seen if stage.startswith("reading ")]
    assert "reading b\\x1b[31mRED\\x1b[0m.txt" in read
    assert not any("\x1b" in stage for stage in seen)
