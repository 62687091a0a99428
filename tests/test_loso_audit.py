"""The leave-one-story-out audit's harness (benchmarks/loso_audit.py): a wrong pick or a
patch left in place would report wrong figures for the engine."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from loso_audit import loso, mark, patched  # noqa: E402

from crossfact import facts  # noqa: E402


def test_mark_tells_help_cost_and_trade() -> None:
    # (right links, wrong links, facts linked, facts labelled): the rule as is, the alternative
    assert mark((10, 1, 5, 9), (10, 3, 5, 9)) == "+"  # fewer wrong links with the rule
    assert mark((10, 1, 5, 9), (10, 1, 6, 9)) == "-"  # a fact fewer with the rule
    assert mark((10, 1, 6, 9), (12, 3, 7, 9)) == "±"  # fewer wrong links, a fact fewer
    assert mark((10, 1, 5, 9), (8, 1, 5, 9)) == "(+)"  # right claim pairs only
    assert mark((10, 1, 5, 9), (10, 1, 5, 9)) == "0"


def test_loso_picks_each_story_by_the_others() -> None:
    # "fitted" wins on all three by c's gain alone: c's fold (a and b) does not pick it,
    # the other folds (with c) do, and each story counts at its fold's pick
    runs = {
        "as is": {"a": (9, 1, 9, 10), "b": (9, 1, 9, 10), "c": (5, 5, 5, 10)},
        "fitted": {"a": (5, 5, 5, 10), "b": (9, 1, 9, 10), "c": (10, 0, 10, 10)},
    }
    total, picks = loso(runs, ["a", "b", "c"], "as is")
    assert picks == {"a": "fitted", "b": "fitted", "c": "as is"}
    assert total == (19, 11, 19, 30)


def test_patched_restores_the_constant() -> None:
    before = facts.NAME_DICE
    with patched([("facts", "NAME_DICE", before + 1)]):
        assert before + 1 == facts.NAME_DICE
    assert before == facts.NAME_DICE


def test_switching_the_weak_link_guard_off_reaches_the_engine() -> None:
    """The audit's switch for the guard (`UNSUPPORTED`) patches what the matcher calls:
    without it, development figures move as the guard's removal does (the runoff's
    weekday-only link is back), and nothing is left patched after."""
    import eval_comparable as ev
    from loso_audit import RULES, UNSUPPORTED, measure

    from crossfact import matching

    (runoff,) = [f for f in ev.story_folders() if f.name == "turkey-runoff-2023"]
    guard = matching.unsupported
    as_is, off = (measure([runoff], p)[runoff.name] for p in ((), RULES[UNSUPPORTED]))
    assert off[1] == as_is[1] + 1 and off[0] == as_is[0]  # one wrong link more, no right one
    assert matching.unsupported is guard
