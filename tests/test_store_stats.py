"""Progress and agreement figures, checked against values worked out by hand."""

from __future__ import annotations

from pathlib import Path

import pytest
from store_data import build, open_test_store

from crossfact.store.stats import agreement, compute, render


def test_progress_counts_and_agreement(tmp_path: Path) -> None:
    s = open_test_store(tmp_path / "x.db")
    s.add_story("seed", build(), {})
    rows = s.matches("seed", reviewer="ann")
    for reviewer, verdicts in (("ann", ["agree", "conflict", "agree", "unsourced"]),
                               ("bob", ["agree", "agree", "agree", "unsourced"])):
        for row, verdict in zip(rows, verdicts, strict=True):
            s.decide("seed", row.id, verdict, reviewer=reviewer, session=reviewer)
    s.decide("seed", rows[0].id, "agree", reviewer="cy", session="cy")
    [stats] = compute(s)
    assert stats["reviewers"]["ann"] == {"decided": 4, "total": 4, "agree": 2, "conflict": 1,
                                         "unsourced": 1}
    assert stats["reviewers"]["cy"]["decided"] == 1
    assert stats["verdicts"] == {"agree": 6, "conflict": 1, "unsourced": 2}
    # pairs: match 0 has 3 reviewers (3 agreeing pairs), matches 1-3 one pair each (2 agree)
    assert stats["agreement"]["pairs"] == 6
    assert stats["agreement"]["percent"] == pytest.approx(100 * 5 / 6)
    assert "Krippendorff" in render([stats])


def test_alpha_matches_the_hand_computed_value() -> None:
    table = {"m1": {"a": "agree", "b": "agree"}, "m2": {"a": "conflict", "b": "agree"},
             "m3": {"a": "agree", "b": "agree"}, "m4": {"a": "unsourced", "b": "unsourced"}}
    result = agreement(table)
    # coincidences: o(a,c) = o(c,a) = 1; n_a = 5, n_c = 1, n_u = 2, n = 8
    # alpha = 1 - (n - 1) * sum o_ck / sum n_c n_k = 1 - 7 * 2 / 34
    assert result["alpha"] == pytest.approx(1 - 14 / 34)
    assert result["percent"] == pytest.approx(75.0)


def test_alpha_is_undefined_without_variation_or_overlap() -> None:
    assert agreement({"m1": {"a": "agree", "b": "agree"}})["alpha"] is None
    assert agreement({"m1": {"a": "agree"}}) == {"shared_matches": 0, "pairs": 0,
                                                 "percent": None, "alpha": None}


def test_one_shared_match_is_said_in_the_singular(tmp_path: Path) -> None:
    """`crossfact stats` said "agreement on 1 shared matches" and "(only 1 shared matches:
    too few for a stable alpha)"."""
    s = open_test_store(tmp_path / "x.db")
    s.add_story("seed", build(), {})
    first = s.matches("seed", reviewer="ann")[0]
    for reviewer, verdict in (("ann", "agree"), ("bob", "conflict")):
        s.decide("seed", first.id, verdict, reviewer=reviewer, session=reviewer)
    text = render(compute(s))
    assert "agreement on 1 shared match: 0.0%" in text
    assert "only 1 shared match: too few" in text and "1 shared matches" not in text
