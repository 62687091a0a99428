"""Snapshots of the review screen's main states at 80x24 and 120x34 (pytest-textual-snapshot).

Regenerate with `pytest tests/test_tui_snapshots.py --snapshot-update` and look at the SVGs
in tests/snapshots/ before committing them. Content is the synthetic story of tui_fakes (five
languages, Bengali and right-to-left included), not the seed: a better matcher must not
break these. Clock and ids are fixed, the user's key config is not read.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
import pytest_textual_snapshot
from textual.pilot import Pilot
from tui_fakes import FakeStore, make_result

from crossfact.models import Claim, Document, Match, MatchResult
from crossfact.store import open_store
from crossfact.tui.app import ReviewApp

SIZES = [(80, 24), (120, 34)]


class _InTestsSnapshots(pytest_textual_snapshot.SVGImageExtension):
    @classmethod
    def dirname(cls, *, test_location) -> str:  # type: ignore[no-untyped-def]
        return str(Path(test_location.filepath).parent / "snapshots")


@pytest.fixture(autouse=True)
def _snapshots_in_tests_snapshots(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pytest_textual_snapshot, "SVGImageExtension", _InTestsSnapshots)


@pytest.fixture
def app(tmp_path: Path):
    ids = (f"id{n:04d}" for n in itertools.count())
    store = open_store(tmp_path / "snap.db", clock=lambda: "2026-01-02T03:04:05Z",
                       new_id=lambda: next(ids))
    store.add_story("synthetic", make_result(30), {})
    yield ReviewApp(store, reviewer="ana", story="synthetic", session="snap", bidi=True)
    store.close()


async def opened(pilot: Pilot) -> None:
    for _ in range(50):
        if pilot.app.review.story is not None:
            break
        await pilot.pause()
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_first_screen(snap_compare, app, size) -> None:
    assert snap_compare(app, terminal_size=size, run_before=opened)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_after_decisions_saved(snap_compare, app, size) -> None:
    assert snap_compare(app, press=["a", "c", "u", "_"], terminal_size=size, run_before=opened)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_help(snap_compare, app, size) -> None:
    assert snap_compare(app, press=["question_mark", "_"], terminal_size=size, run_before=opened)


def test_note_dialog(snap_compare, app) -> None:
    assert snap_compare(app, press=["n", *"second source needed", "_"], run_before=opened)


def test_outliers_dialog(snap_compare, app) -> None:
    assert snap_compare(app, press=["j", "o", "down", "space", "_"], run_before=opened)


def test_conflict_filter_and_rtl_as_stored(snap_compare, app) -> None:
    assert snap_compare(app, press=["f", "f", "r", "_"], terminal_size=(120, 34),
                        run_before=opened)


def test_hostile_text(snap_compare) -> None:
    store = FakeStore()
    store.add_story("hostile", make_result(10, hostile=True), {})
    app = ReviewApp(store, reviewer="ana", story="hostile", session="snap", bidi=True)

    async def on_markup_claim(pilot: Pilot) -> None:
        await opened(pilot)
        pilot.app.review.goto("m3")  # mixed Arabic/Hebrew inside a French claim
        await pilot.pause()

    assert snap_compare(app, terminal_size=(120, 34), run_before=on_markup_claim)


# Two long right-to-left claims and their English source, one match: long enough to wrap in
# the picker, so the snapshot shows each one starting at the right of its first line.
RTL_CLAIMS = {
    "ar": "وأضاف أن نموذج Grok 3 سيُدرَّب في Memphis, Tennessee، على «the most powerful AI "
          "training cluster» الذي سيضم 100000 وحدة معالجة رسوميات من طراز H100 بحلول نهاية العام.",
    "he": "הוא הוסיף ש-Grok 3 יאומן ב-Memphis, Tennessee, על \"the most powerful AI training "
          "cluster\" שיכלול 100,000 מעבדים גרפיים מדגם H100 עד סוף השנה, לפי הדיווח החדש.",
    "en": "He added that Grok 3 will be trained in Memphis, Tennessee, on \"the most powerful AI "
          "training cluster\", which will hold 100,000 H100 GPUs by the end of the year.",
}


def rtl_story() -> MatchResult:
    docs = [Document(id=f"d{lang}", path=f"/tmp/story/{lang}.txt", lang=lang,
                     title=f"{lang} version", text=text) for lang, text in RTL_CLAIMS.items()]
    claims = [Claim(id=f"c-{lang}", doc=f"d{lang}", index=0, text=text, start=0,
                    end=len(text)) for lang, text in RTL_CLAIMS.items()]
    return MatchResult(documents=docs, claims=claims, matches=[Match(
        id="m-rtl", claims=[c.id for c in claims], score=0.9, suggestion="agree",
        reasons=["100000 (ar) = 100,000 (he) = 100,000 (en)"])])


def test_rtl_claims_in_the_picker_read_from_the_right(snap_compare, tmp_path: Path) -> None:
    store = open_store(tmp_path / "rtl.db", clock=lambda: "2026-01-02T03:04:05Z")
    store.add_story("rtl", rtl_story(), {})
    app = ReviewApp(store, reviewer="ana", story="rtl", session="snap", bidi=True)
    try:
        assert snap_compare(app, press=["x", "j", "_"], terminal_size=(120, 34),
                            run_before=opened)
    finally:
        store.close()


def test_header_names_the_reviewer_and_the_others_work(snap_compare, app) -> None:
    """Opened as ana on a story that bob decided: "12 decided by bob", not a bare 0."""
    story = app.store.story_id("synthetic")
    for row in app.store.matches(story, reviewer="bob", limit=12):
        app.store.decide(story, row.id, "agree", reviewer="bob", session="bob")
    assert snap_compare(app, terminal_size=(120, 34), run_before=opened)
