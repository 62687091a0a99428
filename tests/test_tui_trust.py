"""Nothing surprising happens to a reviewer's work (issue 12, "Trust"): keys pressed in the
real app, on a real store and the real matcher, and the database checked after."""

from __future__ import annotations

import asyncio
import shutil
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from tui_fakes import make_result, screen_text

from crossfact.matching import version_labels
from crossfact.reading import collect_paths
from crossfact.store import Store, open_store, split_match_id
from crossfact.store.exports import FORMATS
from crossfact.store.state import rebuild
from crossfact.store.stats import compute, render
from crossfact.suggest import suggest
from crossfact.tui.app import ReviewApp
from crossfact.tui.dialogs.pick import ReadOnly
from crossfact.tui.widgets.match_list import MatchList

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
Steps = Callable[[Pilot], Awaitable[None]]


def copy_story(source: str, folder: Path) -> Path:
    folder.mkdir(parents=True)
    for path in (FIXTURES / source).glob("*.txt"):
        shutil.copy(path, folder / path.name)
    return folder


def review(store: Store, folder: Path, steps: Steps, *, story: str = "versions",
           reviewer: str = "ana", size: tuple[int, int] = (120, 34)) -> ReviewApp:
    """Open `folder` as `crossfact review FOLDER` does (matching in the worker), play
    `steps` once the story is open, and quit."""
    app = ReviewApp(store, reviewer=reviewer, story=story, paths=collect_paths([folder]),
                    session=f"{reviewer}-session", bidi=True)

    async def main() -> None:
        async with app.run_test(size=size) as pilot:
            for _ in range(400):
                await app.workers.wait_for_complete()
                await pilot.pause()
                if app.review.view is not None and not app.review.status.stage:
                    break
            await steps(pilot)
            await pilot.pause()

    asyncio.run(main())
    return app


@pytest.fixture
def store(tmp_path: Path):
    opened = open_store(tmp_path / "review.db")
    yield opened
    opened.close()


def test_two_folders_of_one_name_never_merge(store: Store, tmp_path: Path) -> None:
    case_a = copy_story("hebrew", tmp_path / "caseA" / "versions")
    case_b = copy_story("emoji", tmp_path / "caseB" / "versions")

    async def decide_three(pilot: Pilot) -> None:
        await pilot.press("a", "a", "c")

    review(store, case_a, decide_three)
    first = store.story_id("versions")
    assert first is not None and store.progress(first, reviewer="ana")[0] == 3

    async def look(pilot: Pilot) -> None:
        assert pilot.app.review.story_name == "caseB/versions"
        assert "caseB/versions" in screen_text(pilot.app)

    app = review(store, case_b, look)
    assert app.story_name == "caseB/versions"
    second = store.story_id("caseB/versions")
    assert second is not None and second != first
    # the first story's verdicts are where they were, on its own versions
    assert store.progress(first, reviewer="ana")[0] == 3
    assert {Path(d.path).parent.parent.name for d in store.documents(first)} == {"caseA"}
    assert {Path(d.path).parent.parent.name for d in store.documents(second)} == {"caseB"}
    assert [s["story"] for s in compute(store)] == ["versions", "caseB/versions"]
    # reopened: found again under its own name, not matched a second time
    runs = store.db["runs"].count
    review(store, case_b, lambda pilot: pilot.press("a"))
    assert store.db["runs"].count == runs
    assert store.progress(second, reviewer="ana")[0] == 1


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_changed_files_show_what_was_carried_and_orphaned(store: Store,
                                                          tmp_path: Path) -> None:
    folder = copy_story("hebrew", tmp_path / "shark")

    async def decide_all(pilot: Pilot) -> None:
        await pilot.press("c", "a", "a", "u")

    review(store, folder, decide_all, story="shark")
    story = store.story_id("shark")
    assert store.progress(story, reviewer="ana") == (4, 4)
    # the Hebrew lede reworded a little (a second look), its last line replaced (orphaned)
    edit(folder / "he.txt", "גייסה 6 מיליארד", "גייסה כ-6 מיליארד")
    edit(folder / "he.txt", "לפי הדיווח, הַשָׁקַת הצ'טבוט נדחתה בחודש.",
         "מזג האוויר בתל אביב היה נאה ושמשי במיוחד ביום שלישי.")
    seen: dict[str, object] = {}

    async def look(pilot: Pilot) -> None:
        screen = pilot.app.review
        notes = [n.message for n in pilot.app._notifications]
        seen["told"] = [m for m in notes if "since the last review" in m]
        for _ in range(8):
            if screen.pager.filter == "second_look":
                break
            await pilot.press("f")
        seen["second_look"] = (screen.pager.filter, screen.matches.count)
        seen["flag"] = "second look" in screen_text(pilot.app)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Orphaned")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        seen["dialog"] = isinstance(pilot.app.screen, ReadOnly)
        seen["orphans"] = screen_text(pilot.app)

    review(store, folder, look, story="shark")
    counts = store.carry_counts(story, reviewer="ana")
    # three matches hold a changed Hebrew claim: their verdicts follow (new match ids)
    assert counts == {"carried": 3, "second_look": 1, "orphaned": 1}
    assert seen["told"] and "1 orphaned" in seen["told"][0]
    assert seen["second_look"] == ("second_look", 1) and seen["flag"]
    assert seen["dialog"] and "UNSOURCED" in seen["orphans"]
    [stats] = compute(store, "shark")
    assert stats["carry_over"] == counts
    assert "1 orphaned" in render([stats])
    # the carried conflict is a verdict to look at again, not the machine's agreement
    [row] = store.matches(story, reviewer="ana", filter="second_look")
    assert row.verdict == "conflict"
    assert store.match(row.id, reviewer="ana").second_look


# -- fixes recompute the machine's view; the pickers move with j/k ------------------------


@pytest.fixture
def synthetic(store: Store) -> str:
    """make_result: m1 and m4 are conflicts only because of their Hebrew claim (m4's a weak
    link); m2 is a Turkish claim alone; all say "Tesla" and one figure."""
    return store.add_story("synthetic", make_result(12), {})


def run_keys(store: Store, steps: Steps, story: str = "synthetic") -> None:
    app = ReviewApp(store, reviewer="ana", story=story, session="s1", bidi=True)

    async def main() -> None:
        async with app.run_test(size=(120, 34)) as pilot:
            await pilot.pause()
            await steps(pilot)
            await pilot.pause()

    asyncio.run(main())


def core_view(store: Store, story: str, match: str) -> tuple[str, list[str], list[str]]:
    """What crossfact.suggest says of the match's current claims, computed here directly."""
    docs = store.documents(story)
    view = store.match(match, reviewer="ana")
    order = [d.id for d in docs]
    claims = sorted((m.claim for m in view.members), key=lambda c: (order.index(c.doc), c.index))
    verdict = suggest(claims, version_labels(docs), len(docs))
    return verdict.suggestion, verdict.reasons, verdict.outliers


def machine(store: Store, match: str) -> tuple[str, list[str], list[str]]:
    view = store.match(match, reviewer="ana")
    return view.suggestion, view.reasons, view.suggested_outliers


def test_a_split_recomputes_both_matches(store: Store, synthetic: str) -> None:
    shown: list[str] = []

    async def steps(pilot: Pilot) -> None:
        pilot.app.review.goto("m1")
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("j", "j", "j", "j", "enter")  # the fifth claim: Hebrew
        await pilot.pause()
        shown.append(screen_text(pilot.app))

    run_keys(store, steps)
    [split] = [e for e in store.events(synthetic) if e.kind == "split"]
    assert split.claim == "c1-he"
    # the conflict was the Hebrew figure: without it the match agrees, and says so
    assert machine(store, "m1") == core_view(store, synthetic, "m1")
    assert machine(store, "m1")[0] == "agree"
    assert not any("(he)" in reason for reason in machine(store, "m1")[1])
    alone = store.match(split_match_id("c1-he"), reviewer="ana")
    assert (alone.suggestion, alone.reasons, alone.score) == (
        "unsourced", ["only in he"], 0.0)
    assert "machine, recomputed after a fix: agree" in shown[0]


def test_breaking_a_weak_link_recomputes_and_leaves_no_weak_link(store: Store,
                                                                synthetic: str) -> None:
    assert machine(store, "m4")[0] == "conflict"

    async def steps(pilot: Pilot) -> None:
        pilot.app.review.goto("m4")
        await pilot.press("b")  # the only weak link: no picker

    run_keys(store, steps)
    assert machine(store, "m4") == core_view(store, synthetic, "m4")
    assert machine(store, "m4")[0] == "agree"
    alone = store.match(split_match_id("c4-he"), reviewer="ana")
    assert (alone.suggestion, alone.score) == ("unsourced", 0.0)
    assert not any(m.suggested for m in alone.members)


def test_a_move_recomputes_the_match_it_joins(store: Store, synthetic: str) -> None:
    assert machine(store, "m2")[0] == "unsourced"

    async def steps(pilot: Pilot) -> None:
        pilot.app.review.goto("m1")
        await pilot.press("m")
        await pilot.pause()
        await pilot.press("j", "j", "j", "k", "j", "j", "enter")  # the fifth claim: Hebrew
        await pilot.pause()
        await pilot.press(*store.match("m2", reviewer="ana").number, "enter")
        await pilot.pause()
        pilot.app.review.goto("m2")
        await pilot.pause()
        shown.append(screen_text(pilot.app))

    shown: list[str] = []
    run_keys(store, steps)
    [move] = [e for e in store.events(synthetic) if e.kind == "move"]
    assert (move.claim, move.target) == ("c1-he", "m2")
    assert machine(store, "m2") == core_view(store, synthetic, "m2")
    assert machine(store, "m2")[0] == "agree"  # tr and he both say 12 now
    # not the lone Turkish claim's score beside it, "agree (0.00)": the matcher scored no
    # link between these two claims
    assert "machine, recomputed after a fix: agree  verdict" in shown[0]
    assert "(0.00)" not in shown[0]
    assert machine(store, "m1")[0] == "agree"
    # the incremental tables equal a rebuild from the log
    rows = list(store.db["current_matches"].rows_where(order_by="id"))
    with store._write("rebuild"):
        rebuild(store.db, synthetic)
    assert list(store.db["current_matches"].rows_where(order_by="id")) == rows


def test_the_outliers_picker_moves_with_j_and_k(store: Store, synthetic: str) -> None:
    async def steps(pilot: Pilot) -> None:
        pilot.app.review.goto("m1")
        await pilot.press("o")
        await pilot.pause()
        await pilot.press("j", "space", "j", "k", "enter")  # tick bn (he is suggested)

    run_keys(store, steps)
    assert store.match("m1", reviewer="ana").outliers == ["dbn", "dhe"]


def test_the_report_says_who_decided_and_how_much(store: Store, synthetic: str) -> None:
    async def steps(pilot: Pilot) -> None:
        await pilot.press("a", "c", "s", "u")  # m0 agree, m1 conflict, m2 skipped, m3 u

    run_keys(store, steps)
    report = "".join(FORMATS["md"](store, synthetic))
    assert "2 of 12 matches decided by a person" not in report  # three were decided
    assert "3 of 12 matches decided by a person (25%)" in report
    assert "### Match 2 (decided by ana)" in report
    assert "### Match 5 (suggested by crossfact, not decided)" in report
    decided, suggested = report.split("### Suggested unsourced by crossfact, not decided")
    assert "Match 4 (tr, decided by ana)" in decided.split("## Unsourced claims")[1]
    assert "Match 3 (tr, suggested by crossfact, not decided; skipped by ana)" in suggested


def test_one_current_match_a_stale_message_cannot_reset_the_detail(store: Store,
                                                                  synthetic: str) -> None:
    """The list cursor is the one source of truth: a selection message still queued from an
    earlier cursor position left the detail on another match than the verdict keys used,
    and the next fix key acted on it (issue 14, the flaky re-driven seed review)."""
    async def steps(pilot: Pilot) -> None:
        screen = pilot.app.review
        screen.goto("m0")
        await pilot.press("j")
        assert screen.view.id == "m1"
        screen.matches.post_message(MatchList.Selected("m0", 0))  # stale: the cursor moved on
        await pilot.pause()
        assert screen.view.id == screen.matches.current().id == "m1"
        await pilot.press("x", "enter")  # split the first claim of the match under the cursor

    run_keys(store, steps)
    [split] = [e for e in store.events(synthetic) if e.kind == "split"]
    assert split.match == "m1"


def test_labels_come_before_long_titles_and_file_names(store: Store) -> None:
    """At 120 columns a version's heading used to be filled with its title and file name,
    and OUTLIER was cut off: language and labels first, the file name is what is cut."""
    result = make_result(6)
    for doc in result.documents:
        doc.title = f"The first line of the {doc.lang} version, which is a long headline " * 2
        doc.path = f"/tmp/newsroom/exports/{doc.lang}-" + "a-very-long-file-name-" * 3 + ".txt"
    store.add_story("long", result, {})
    seen: list[str] = []

    async def steps(pilot: Pilot) -> None:
        pilot.app.review.goto("m1")
        await pilot.press("c")  # the suggested outlier (Hebrew) becomes the verdict's
        pilot.app.review.goto("m1")
        await pilot.pause()
        seen.append(screen_text(pilot.app))

    run_keys(store, steps, story="long")
    assert store.match("m1", reviewer="ana").outliers == ["dhe"]
    heading = next(line for line in seen[0].splitlines() if " he " in line.split("▕")[-1])
    assert "OUTLIER" in heading and "…" in heading


# -- a day at the keyboard ---------------------------------------------------------------


def test_keyboard_day_small_frictions(store: Store, synthetic: str) -> None:
    """o then Enter moves on like c; the undo says what it undid; an empty note is no event;
    a word prefix finds its word; below the layout's size the screen says so."""
    seen: dict[str, object] = {}

    async def steps(pilot: Pilot) -> None:
        screen = pilot.app.review
        screen.goto("m1")
        await pilot.press("o")
        await pilot.pause()
        await pilot.press("enter")  # the suggested outlier, saved as conflict
        await pilot.pause()
        seen["after_o"] = screen.view.id
        await pilot.press("ctrl+z")
        await pilot.pause()
        seen["undo"] = screen.status.last
        await pilot.press("n", "ctrl+s")  # an empty note where there is none
        await pilot.pause()
        await pilot.press("slash", *"milya", "enter")  # a prefix of "milyar"
        await pilot.pause()
        seen["prefix"] = screen.matches.count
        await pilot.resize_terminal(50, 12)
        await pilot.pause()
        seen["small"] = screen_text(pilot.app)

    run_keys(store, steps)
    kinds = [e.kind for e in store.events(synthetic)]
    assert kinds == ["verdict", "undo"]  # no note event
    assert seen["after_o"] != "m1"
    assert "undid conflict on #2" in str(seen["undo"])
    assert seen["prefix"] == 12
    assert "Terminal too small (50x12)" in str(seen["small"])


def test_stats_say_why_alpha_is_zero_beside_agreement(store: Store, synthetic: str) -> None:
    for reviewer, verdicts in (("ann", ["agree", "agree", "agree"]),
                               ("bob", ["agree", "agree", "conflict"])):
        for match, verdict in zip(("m0", "m1", "m3"), verdicts, strict=True):
            store.decide(synthetic, match, verdict, reviewer=reviewer, session=reviewer)
    text = render(compute(store, "synthetic"))
    assert "66.7%" in text and "alpha (nominal) 0.000" in text
    assert "no more often than chance" in text and "too few for a stable alpha" in text
