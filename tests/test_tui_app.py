"""The review app driven by Pilot: keys in, events in the database out."""

from __future__ import annotations

import asyncio
import gc
import json
import shutil
import threading
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from tui_fakes import SEED_DIR, FakeStore, make_result, screen_text, seed_files, seed_result

from crossfact.errors import InputError
from crossfact.models import Claim
from crossfact.store import MatchRow, MatchView, open_store, split_match_id
from crossfact.store.base import DEFERRED_CHECKPOINT_PAGES
from crossfact.tui.app import ReviewApp
from crossfact.tui.display_text import visual
from crossfact.tui.messages import Saved, StoreFailed
from crossfact.tui.screens.help import HelpScreen
from crossfact.tui.screens.review import DRAFT_RULE, ReviewScreen
from crossfact.tui.story_urls import version_urls
from crossfact.tui.widgets.match_detail import MatchDetail

Steps = Callable[[Pilot], Awaitable[None]]


async def run_in_palette(pilot: Pilot, command: str) -> None:
    """Open the command palette, type `command` and run the first hit."""
    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press(*command)
    await pilot.pause(0.3)  # the palette searches asynchronously
    await pilot.press("enter")
    await pilot.pause()


def drive(app: ReviewApp, steps: Steps, size: tuple[int, int] = (120, 34)) -> list:
    """Run the app headless, wait until the story is open, play `steps`; return messages."""
    seen: list = []

    async def main() -> None:
        async with app.run_test(size=size, message_hook=seen.append) as pilot:
            for _ in range(50):
                if app.review.story is not None:
                    break
                await pilot.pause()
            await steps(pilot)
            await pilot.pause()

    asyncio.run(main())
    return seen


@pytest.fixture
def store(tmp_path: Path):
    opened = open_store(tmp_path / "review.db")
    yield opened
    opened.close()


@pytest.fixture
def seed(store):
    return store.add_story("seed-story", seed_result(), {})


def app_for(store, **kw) -> ReviewApp:
    kw.setdefault("story", "seed-story")
    return ReviewApp(store, reviewer="ana", session="s1", bidi=True, **kw)


def verdicts(store, story: str) -> list[tuple[str | None, str | None]]:
    return [(e.match, e.verdict) for e in store.events(story) if e.kind == "verdict"]


def test_one_key_decides_saves_and_moves_on(store, seed):
    first = store.resume(seed, reviewer="ana")
    app = app_for(store)

    async def steps(pilot: Pilot) -> None:
        await pilot.press("a")
        await pilot.pause()
        assert "✓ saved" in screen_text(pilot.app)
        assert pilot.app.review.status.progress == store.progress(seed, reviewer="ana")
        assert f"1/{len(seed_result().matches)} decided" in screen_text(pilot.app)

    seen = drive(app, steps)
    assert verdicts(store, seed) == [(first, "agree")]
    assert store.progress(seed, reviewer="ana")[0] == 1
    assert any(isinstance(m, Saved) and m.event.verdict == "agree" for m in seen)
    assert app.review.view.id == store.next_todo(seed, store.match(first, reviewer="ana").position,
                                                 reviewer="ana")


def test_no_key_decides_while_the_terminal_is_too_small_to_show_the_match(store, seed):
    """At 50x14 the panes are hidden ("Terminal too small"), yet `a` saved "agree" on a
    match the reviewer could not see, and `x`, `n`, `j` acted too."""
    first = store.resume(seed, reviewer="ana")
    app = app_for(store)
    seen: dict[str, object] = {}

    async def steps(pilot: Pilot) -> None:
        await pilot.resize_terminal(50, 14)
        await pilot.pause()
        await pilot.press("a", "c", "u", "s", "x", "j", "n")
        await pilot.pause(0.2)  # and the footer recomposed
        seen["small"] = screen_text(pilot.app)
        seen["screen"] = pilot.app.screen
        await pilot.resize_terminal(120, 34)
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()

    drive(app, steps)
    assert "Terminal too small (50x14)" in str(seen["small"])
    assert "Agree" not in str(seen["small"])  # the footer offers no key that is refused
    assert isinstance(seen["screen"], ReviewScreen)  # no note editor, no picker
    assert [e.kind for e in store.events(seed)] == ["verdict"]
    assert verdicts(store, seed) == [(first, "agree")]


def test_ctrl_c_leaves_as_q_does_but_copies_in_the_note_editor(store, seed):
    """Every decision is saved at once, so ctrl+c, what a terminal's user presses to leave,
    leaves (Textual's own only said "Do you want to quit? Press q"); in the note editor it
    is the editor's copy, and the note is saved after it."""
    first = store.resume(seed, reviewer="ana")
    still: list[bool] = []

    async def steps(pilot: Pilot) -> None:
        await pilot.press("n", *"kept", "ctrl+c")
        await pilot.pause()
        still.append(pilot.app.return_code is None)
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("ctrl+c")
        await pilot.pause()

    app = app_for(store)
    drive(app, steps)
    assert still == [True] and app.return_code == 0
    assert store.match(first, reviewer="ana").note == "kept"


def test_a_note_typed_fast_is_saved_whole(store, seed):
    """Keys typed faster than the editor takes them (a quick typist, a slow machine, tmux
    sending a burst) and then ctrl+s: the note was saved without its last letters
    ("fr has no such line" saved as "fr ha"): ctrl+s jumped the queue of keys the editor had
    not handled yet. It is handled after them."""
    from textual import events

    first = store.resume(seed, reviewer="ana")

    async def steps(pilot: Pilot) -> None:
        await pilot.press("n")
        await pilot.pause()
        for key in [*"typed fast", "ctrl+s"]:  # all queued before any is handled
            pilot.app.post_message(events.Key(key, key if len(key) == 1 else None))
        await pilot.pause(0.3)

    drive(app_for(store), steps)
    assert store.match(first, reviewer="ana").note == "typed fast"


def test_outliers_ticked_fast_are_the_ones_the_keys_point_at(store, seed):
    """`o` on match 23 (tr ticked as the suggested outlier), then j, space, Enter faster
    than the list takes them: space and Enter jumped the queue, so space untoggled tr
    before j moved, and the conflict was saved with other outliers than the keys said."""
    from textual import events

    async def steps(pilot: Pilot) -> None:
        pilot.app.review.goto_number("23")
        await pilot.pause()
        await pilot.press("o")
        await pilot.pause()
        for key in ["j", "space", "enter"]:  # all queued before any is handled
            pilot.app.post_message(events.Key(key, {"j": "j", "space": " "}.get(key)))
        await pilot.pause(0.3)

    drive(app_for(store), steps)
    lang = {doc.id: doc.lang for doc in store.documents(seed)}
    saved = [(e.verdict, sorted(lang[d] for d in e.outliers))
             for e in store.events(seed) if e.kind == "verdict"]
    assert saved == [("conflict", ["bn", "tr"])]


async def dissolve_match_2(pilot: Pilot) -> None:
    """`b` on the French weak link of the seed story's match 2, which dissolves it."""
    pilot.app.review.goto_number("2")
    await pilot.pause()
    langs = [m.lang for m in pilot.app.review.current_view().members if m.suggested]
    await pilot.press("b", *["j"] * langs.index("fr"), "enter")
    await pilot.pause()


def test_a_match_a_fix_dissolves_says_where_the_rest_went(store, seed):
    """Match 2 holds two weak links, tr (also in 33) and fr (also in 1): `b` on fr leaves
    tr, which is in 33, so match 2 is gone from the list; it went without a word and the
    reviewer looked for it. A notice says so, and where the rest is."""
    said: list[str] = []

    async def steps(pilot: Pilot) -> None:
        await dissolve_match_2(pilot)
        said.extend(n.message for n in pilot.app._notifications)

    drive(app_for(store), steps)
    assert said == ["Match #2 is gone: what was left of it is in #33."]


def test_a_move_that_dissolves_a_decided_match_says_so_and_where_its_verdict_is(store, seed):
    """Match 2 agreed, then its French claim moved to match 3: match 2 left the list without
    a word, the decided count went down by one, and the agree turned up only in `crossfact
    stats`, under "files changed or read otherwise" (they had not). The move says match 2
    is gone, where the rest went, and that the verdict is kept as an orphan; stats and the
    report say an orphan may come from a fix."""
    from crossfact.store.exports import export_md
    from crossfact.store.stats import compute, render

    two = next(r for r in store.matches(seed, reviewer="ana") if r.number == "2")
    store.decide(seed, two.id, "agree", reviewer="ana", session="s0")
    said: list[str] = []

    async def steps(pilot: Pilot) -> None:
        pilot.app.review.goto_number("2")
        await pilot.pause()
        langs = [m.lang for m in pilot.app.review.current_view().members]
        await pilot.press("m", *["j"] * langs.index("fr"), "enter")
        await pilot.pause()
        await pilot.press("3", "enter")
        await pilot.pause()
        said.extend(n.message for n in pilot.app._notifications)

    drive(app_for(store), steps)
    assert said == ["Match #2 is gone: what was left of it is in #33; your agree on it is "
                    "kept as an orphaned verdict (ctrl+p, Orphaned verdicts)."]
    assert [e.verdict for e in store.orphans(seed)] == ["agree"]
    for report in (render(compute(store, seed)), "".join(export_md(store, seed))):
        assert "1 orphaned verdict or note: the match it was given on is gone (its files " \
               "changed or were read otherwise, or a fix dissolved it)" in report.replace(
                   "\n", " "), report
        assert "files changed or read otherwise since reviewed" not in report.lower()


def test_the_footer_shows_whole_keys_and_how_to_quit_at_80_columns(store, seed):
    """At 80x24 the footer ended "f Filter▏^p palette": "q Quit" was cut off, and a newcomer
    looking for how to leave found nothing there; Quit comes before Filter and Search now.
    And no key is cut from its description under the palette's key ("q Quit f▏", at 85
    columns "f Filt▏"): a key that does not fit is left out."""
    footers: dict[int, str] = {}

    async def steps(pilot: Pilot) -> None:
        for width in (140, 80, 85, 93):
            await pilot.resize_terminal(width, 24)
            await pilot.pause(0.2)
            footers[width] = screen_text(pilot.app).splitlines()[-1].split("▏")[0].rstrip()

    drive(app_for(store), steps, size=(140, 24))
    whole = footers.pop(140)
    assert whole.endswith("/ Search") and "q Quit" in footers[80], footers
    for width, shown in footers.items():
        cut_at = whole[len(shown):len(shown) + 1]
        assert whole.startswith(shown) and cut_at == " " and shown.split()[-1].istitle(), (
            width, shown)


def test_a_remapped_key_keeps_its_place_in_the_footer(store, seed):
    """Textual's keymap re-adds a remapped binding last: with `verdict-agree = "1"` the
    footer ended "f Filter / Search 1 Agree", and at 80 columns Agree was left out."""
    footers: dict[int, str] = {}

    async def steps(pilot: Pilot) -> None:
        for width in (140, 80):
            await pilot.resize_terminal(width, 24)
            await pilot.pause(0.2)
            footers[width] = screen_text(pilot.app).splitlines()[-1].split("▏")[0].rstrip()

    drive(app_for(store, keymap={"verdict-agree": "1", "undo": "U"}), steps, size=(140, 24))
    assert footers[140].startswith("1 Agree c Conflict"), footers
    assert " U Undo ? Help" in footers[140] and footers[140].endswith("/ Search"), footers
    assert footers[80].startswith("1 Agree") and "q Quit" in footers[80], footers


DIALOG_KEYS = [  # what opens it, and what its footer says (the review's keys: none)
    (("n",), "^s Save esc Close, keep the draft"),
    (("o",), "⏎ Save space Tick esc Cancel"),
    (("m",), "⏎ Pick esc Cancel"),
    (("m", "enter"), "⏎ Confirm esc Cancel"),
    (("ctrl+p", *"jump", "enter"), "⏎ Confirm esc Cancel"),
    (("ctrl+p", *"export jsonl", "enter"), "⏎ Confirm esc Cancel"),
    (("question_mark",), "esc Close"),
    (("slash",), "⏎ Search esc Clear search ^z Undo typing"),  # the box's, not the log's
    (("ctrl+p",), ""),  # the palette has no footer: the one under it is not drawn
]


def test_a_dialog_s_footer_shows_the_dialog_s_keys(store, seed):
    """With the note editor open, the footer under it still read "a Agree c Conflict ...":
    the review screen's keys, which type into the note there; so in every picker and
    prompt, and in the search box ("/ Search" typed a "/"). Each shows its own keys, at 80
    columns too."""
    footers: dict[tuple[str, ...], str] = {}

    async def steps(pilot: Pilot) -> None:
        for keys, _ in DIALOG_KEYS:
            pilot.app.review.goto_number("23")  # a conflict: o, m and x have a choice
            await pilot.pause()
            for key in keys:
                await pilot.press(key)
                await pilot.pause(0.3 if key == "enter" else 0)  # the palette searches
            await pilot.pause(0.2)  # and the footer is fitted
            footers[keys] = screen_text(pilot.app).splitlines()[-1].split("▏")[0].strip()
            await pilot.press("escape", "escape")
            await pilot.pause()

    drive(app_for(store), steps, size=(80, 24))
    assert footers == dict(DIALOG_KEYS)


async def opened_note(pilot: Pilot) -> str:
    """Press n: what the note editor opened with."""
    await pilot.press("n")
    await pilot.pause()
    return pilot.app.screen.query_one("#note-input").text


def splittable(store, seed) -> tuple[MatchRow, str]:
    """A match of three versions or more and its first claim, which no other match holds:
    split out, it stands alone in match Nb."""
    rows = store.matches(seed, reviewer="ana")
    members = {r.id: [m.claim.id for m in store.match(r.id, reviewer="ana").members]
               for r in rows}
    held = [claim for claims in members.values() for claim in claims]
    return next((r, members[r.id][0]) for r in rows
                if len(r.langs) > 2 and held.count(members[r.id][0]) == 1)


async def split_and_draft(pilot: Pilot, row: MatchRow, claim: str, text: str) -> None:
    """Split `claim` out of `row`, type `text` as a draft on the split-out, undo the split."""
    pilot.app.review.goto(row.id)
    for key in ("x", "enter"):
        await pilot.pause()
        await pilot.press(key)
    await pilot.pause()
    assert pilot.app.review.goto(split_match_id(claim))
    await pilot.press("n", *text, "escape", "ctrl+z")
    await pilot.pause()


def test_after_a_split_the_match_split_out_is_the_next_to_review(store, seed):
    """x takes a claim out of match N, a decides N: the next is Nb, just below it, not N+1
    (Nb was left for the wrap-around). The claim is in no other match, so that split out it
    stands alone in Nb (one also in another match stays there, and no Nb is made)."""
    row, claim = splittable(store, seed)

    async def steps(pilot: Pilot) -> None:
        pilot.app.review.goto(row.id)
        for key in ("x", "enter", "a"):  # split out the first claim, decide the match
            await pilot.pause()
            await pilot.press(key)
        await pilot.pause()

    app = app_for(store)
    drive(app, steps)
    assert verdicts(store, seed) == [(row.id, "agree")]
    assert app.review.view.id == split_match_id(claim)
    assert app.review.view.number == f"{row.number}b"


def test_conflict_takes_the_suggested_outliers(store, seed):
    conflict = store.matches(seed, reviewer="ana", filter="conflicts", limit=1)[0]
    view = store.match(conflict.id, reviewer="ana")

    async def steps(pilot: Pilot) -> None:
        pilot.app.review.goto(conflict.id)
        await pilot.press("c")

    drive(app_for(store), steps)
    event = next(e for e in store.events(seed) if e.kind == "verdict")
    assert (event.match, event.verdict) == (conflict.id, "conflict")
    assert store.match(conflict.id, reviewer="ana").outliers == view.suggested_outliers


def test_each_verdict_key_and_skip(store, seed):
    drive(app_for(store), lambda pilot: pilot.press("a", "c", "u", "s", "space"))
    kinds = [(e.kind, e.verdict) for e in store.events(seed)]
    assert kinds == [("verdict", "agree"), ("verdict", "conflict"), ("verdict", "unsourced"),
                     ("skip", None), ("skip", None)]
    assert len({e.match for e in store.events(seed)}) == 5  # each key moved on


def test_undo_works_after_a_restart(store, seed):
    drive(app_for(store), lambda pilot: pilot.press("a", "a"))
    assert store.progress(seed, reviewer="ana")[0] == 2
    seen = drive(app_for(store), lambda pilot: pilot.press("ctrl+z", "backspace", "ctrl+z"))
    assert store.progress(seed, reviewer="ana")[0] == 0
    assert [e.kind for e in store.events(seed)].count("undo") == 2
    saved = {m.event.id for m in seen if isinstance(m, Saved)}  # a message is seen per hop
    assert len(saved) == 2  # the third press had nothing to undo


def test_note_is_saved_from_the_dialog(store, seed):
    first = store.resume(seed, reviewer="ana")

    async def steps(pilot: Pilot) -> None:
        await pilot.press("n")
        await pilot.press(*"checked [b]", "ctrl+s")

    drive(app_for(store), steps)
    assert store.match(first, reviewer="ana").note == "checked [b]"


def test_at_80x24_a_long_right_to_left_note_still_says_how_to_save(store, seed):
    """At 80x24 the box, the preview of an Arabic note of several lines and the hint took more
    than the dialog's height: the hint, the one place that says ctrl+s saves, was cut off."""
    shown: list[str] = []

    async def steps(pilot: Pilot) -> None:
        await pilot.press("n")
        await pilot.pause()
        for line in ["المصدر الثاني يقول 7.8", "وليس 7.4", *"abcdefg"]:
            await pilot.press(*line, "enter")
        await pilot.pause()
        shown.append(screen_text(pilot.app))

    drive(app_for(store), steps, size=(80, 24))
    assert "ctrl+s save" in shown[0] and "ﺎﺜﻟﺍ" in shown[0], shown[0]


def test_a_note_spans_lines_and_shows_hebrew_shaped(store, seed):
    """Enter starts a new line, ctrl+s (written under the box) saves; each line of the note
    is drawn in its own direction, the Hebrew one in visual order. While typing, the box holds
    the stored order and a preview under it the visual one (only once there is Hebrew)."""
    first = store.resume(seed, reviewer="ana")
    hebrew = "מקור שני"
    shown: dict[str, str] = {}

    async def steps(pilot: Pilot) -> None:
        await pilot.press("n")
        await pilot.pause()
        shown["dialog"] = screen_text(pilot.app)
        await pilot.press(*"source: AP", "enter", *hebrew)
        await pilot.pause()
        shown["typing"] = screen_text(pilot.app)
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.pause()
        shown["detail"] = screen_text(pilot.app)

    drive(app_for(store), steps)
    assert "ctrl+s save" in shown["dialog"]
    assert shown["dialog"].count("source: AP") == 0
    assert shown["typing"].count("source: AP") == 2  # the box and the preview
    assert visual(hebrew, True) in shown["typing"]  # the preview, in visual order
    assert store.match(first, reviewer="ana").note == f"source: AP\n{hebrew}"
    lines = shown["detail"].splitlines()
    at = next(i for i, line in enumerate(lines) if "source: AP" in line)
    assert visual(hebrew, True) in lines[at + 1] and hebrew not in lines[at + 1]
    # right-to-left: set against the pane's right edge, not under the Latin line's start
    assert lines[at + 1].index(visual(hebrew, True)) > lines[at].index("source: AP") + 20


def test_escape_keeps_the_note_as_a_draft_for_that_match(store, seed):
    """Escape saves nothing, but the typing is not thrown away: n on the same match opens
    the draft again (the help says so); closing it unchanged from the stored note drops it."""
    first = store.resume(seed, reviewer="ana")

    async def steps(pilot: Pilot) -> None:
        await pilot.press("n", *"half a thought", "escape")
        await pilot.pause()
        assert list(store.events(seed)) == []  # nothing saved
        assert any("Note draft on match" in n.message for n in pilot.app._notifications)
        await pilot.press("n")
        await pilot.pause()
        assert pilot.app.screen.query_one("#note-input").text == "half a thought"
        await pilot.press(*", done", "ctrl+s")
        await pilot.pause()
        pilot.app.review.goto(first)
        await pilot.press("n")
        await pilot.pause()
        assert pilot.app.screen.query_one("#note-input").text == "half a thought, done"
        await pilot.press("escape")  # unchanged: no draft left behind

    drive(app_for(store), steps)
    assert store.match(first, reviewer="ana").note == "half a thought, done"
    assert [e.kind for e in store.events(seed)] == ["note"]


def test_quitting_with_a_note_draft_asks_once_before_dropping_it(store, seed):
    """A draft kept with Escape was lost without a word on q ("until the app quits"): the
    first q (or ctrl+c) says which match's note is not saved and stays; the next one
    leaves. With no draft, q leaves at once."""
    still: list[bool] = []
    said: list[str] = []

    async def steps(pilot: Pilot) -> None:
        await pilot.press("n", *"half a thought", "escape")
        await pilot.pause()
        for key in ("q", "ctrl+c"):
            await pilot.press(key)
            await pilot.pause()
            still.append(pilot.app.return_code is None)
            if key == "q":
                said.extend(n.message for n in pilot.app._notifications)

    app = app_for(store)
    drive(app, steps)
    assert still == [True, False], still
    assert any("not saved" in m and "match 1" in m and "q again" in m for m in said), said
    assert list(store.events(seed)) == []  # nothing saved behind the reviewer's back

    async def quit_at_once(pilot: Pilot) -> None:
        await pilot.press("q")
        await pilot.pause()
        still.append(pilot.app.return_code is None)

    drive(app_for(store), quit_at_once)
    assert still[-1] is False


def test_a_note_typed_survives_a_terminal_killed_mid_note(store, seed, tmp_path):
    """A note being typed was only in memory: a terminal closed or killed mid-note (`tmux
    kill-server`, a dropped ssh session) lost it without a word. It is kept on disk as it
    is typed, beside the database; the next session says so, and n opens it."""
    first = store.resume(seed, reviewer="ana")

    async def type_and_die(pilot: Pilot) -> None:
        await pilot.press("n", *"half a thought")
        await pilot.pause()  # no Escape, no ctrl+s: the run ends as a killed terminal's does

    drive(app_for(store), type_and_die)
    assert list(store.events(seed)) == []  # a draft is no decision
    said: list[str] = []

    async def reopen(pilot: Pilot) -> None:
        said.extend(n.message for n in pilot.app._notifications)
        assert pilot.app.review.view.id == first
        await pilot.press("n")
        await pilot.pause()
        assert pilot.app.screen.query_one("#note-input").text == "half a thought"
        await pilot.press(*", done", "ctrl+s")
        await pilot.pause()

    drive(app_for(store), reopen)
    assert any("not saved when an earlier session ended: the note on match 1." in m
               for m in said), said
    assert store.match(first, reviewer="ana").note == "half a thought, done"
    assert not (tmp_path / "review.db-drafts.json").exists()  # saved: no draft left


def test_a_draft_of_another_story_is_named_with_its_story(store, seed):
    """After the palette switched stories, "the note on match 1 is not saved" sent the
    reviewer to this story's match 1, which had none: the warning names the story."""
    store.add_story("other", make_result(3), {})
    said: list[str] = []

    async def steps(pilot: Pilot) -> None:
        await pilot.press("n", *"seed draft", "escape")
        await pilot.pause()
        pilot.app.review.open_story(store.story_id("other"))
        await pilot.pause()
        await pilot.press("q")
        await pilot.pause()
        said.extend(n.message for n in pilot.app._notifications)

    drive(app_for(store), steps)
    assert any("match 1 of seed-story is not saved" in m for m in said), said


def test_a_draft_stays_in_its_story_when_another_shares_its_match_ids(store, seed):
    """Stories that share versions share match ids (a folder and a copy of it; a 4- and a
    5-version story of the seed share 42 of 48): a draft typed in one opened in the other,
    and ctrl+s there saved it in the other story and dropped it from its own."""
    copy = store.add_story("seed-copy", seed_result(), {})
    seen: dict[str, str] = {}

    async def steps(pilot: Pilot) -> None:
        await pilot.press("n", *"typed in seed-story", "escape")
        await pilot.pause()
        for name, story, key in (("copy", copy, "escape"), ("seed", seed, "ctrl+s")):
            pilot.app.review.open_story(story)
            await pilot.pause()
            seen[name] = await opened_note(pilot)
            await pilot.press(key)
        await pilot.pause()

    drive(app_for(store), steps)
    assert seen == {"copy": "", "seed": "typed in seed-story"}
    assert [e.story for e in store.events()] == [seed]


def edit_every_version(folder: Path, old: str | None = None, new: str = "") -> None:
    """Change the story's files as a writer would: `old` replaced once in the Turkish
    version, or (no `old`) a sentence added at the end of every version."""
    for path in sorted(folder.iterdir()):
        text = path.read_text(encoding="utf-8")
        if old is None:
            path.write_text(text + "\n\nOne more sentence here.\n", encoding="utf-8")
        elif path.name.startswith("000_"):
            path.write_text(text.replace(old, new, 1), encoding="utf-8")


def type_and_die(store, story: str) -> None:
    async def steps(pilot: Pilot) -> None:
        await pilot.press("n", *"half a thought")
        await pilot.pause()  # no Escape, no ctrl+s: the run ends as a killed terminal's does

    drive(app_for(store, story=story), steps)


def drafted_then_rematched(store, tmp_path: Path) -> tuple[str, MatchView, tuple[str, str] | None]:
    """The seed story "s", a draft typed on its first match and the app killed, then a typo
    fixed in every version and the story matched again: the story, its first match as it
    was, and where `placed` finds that match's claims now."""
    from crossfact import pipeline
    from crossfact.reading import collect_paths

    folder = tmp_path / "story"
    shutil.copytree(SEED_DIR, folder, ignore=shutil.ignore_patterns("sessions"))
    story = store.add_story("s", pipeline.run(collect_paths([folder])), {})
    first = store.match(store.resume(story, reviewer="ana"), reviewer="ana")
    type_and_die(store, "s")
    edit_every_version(folder, "yaklaşık", "yaklasık")
    store.add_story("s", pipeline.run(collect_paths([folder])), {})
    return story, first, store.placed(story, first.id, [m.claim.id for m in first.members])


def open_note_on(store, match: str, *keys: str) -> tuple[list[str], list[str]]:
    """Open story "s", press n on `match`, then `keys`: the toasts said on opening, and
    what the note editor held."""
    said: list[str] = []
    seen: list[str] = []

    async def reopen(pilot: Pilot) -> None:
        said.extend(n.message for n in pilot.app._notifications)
        pilot.app.review.goto(match)
        seen.append(await opened_note(pilot))
        await pilot.press(*keys)
        await pilot.pause()

    drive(app_for(store, story="s"), reopen)
    return said, seen


def test_a_draft_follows_its_claims_when_the_files_change(store, tmp_path):
    """A typo fixed in one version gives every match of the story a new id (and match 1's
    claims are match 3's now): the next session said "the note on match 1 ... n on the
    match opens it", n opened an empty editor, and q, q erased the draft. It is now on the
    match that holds its claims, and the toast says which."""
    _, first, now = drafted_then_rematched(store, tmp_path)
    assert now is not None and now[0] != first.id  # the match is gone, its claims are not
    said, seen = open_note_on(store, now[0], *", done", "ctrl+s")
    assert seen == ["half a thought"]
    assert any(f"match {first.number} is now on match {now[1]}" in m for m in said), said
    assert any(f"the note on match {now[1]}." in m for m in said), said
    assert store.match(now[0], reviewer="ana").note == "half a thought, done"
    assert not (tmp_path / "review.db-drafts.json").exists()


def test_a_draft_is_not_put_after_a_rematch_on_a_match_with_another_note(store, tmp_path):
    """After a re-match, the match holding a draft's claims has a note the draft was not typed
    over (saved there since, or carried there from another match): n there erased the draft
    as "older than the note". It is kept without a match, and said so with why."""
    story, first, now = drafted_then_rematched(store, tmp_path)
    assert now is not None and now[0] != first.id
    store.note(story, now[0], "another thought", reviewer="ana", session="s1")
    said, seen = open_note_on(store, now[0], "escape")
    assert seen == ["another thought"]
    assert any(f"match {first.number} (match {now[1]}, which holds its claims now, has a note"
               in m and "half a thought" in m for m in said), said
    assert "half a thought" in (tmp_path / "review.db-drafts.json").read_text(encoding="utf-8")


def test_a_draft_no_match_holds_the_claims_of_is_kept_until_discarded(store, tmp_path):
    """Every version changed: no current match holds a claim of the draft's match. It was
    erased at q, q; it is quoted, kept at q, shown whole in the palette's "Note drafts
    without a match", and goes only when the reviewer says so there."""
    from crossfact import pipeline
    from crossfact.reading import collect_paths

    folder = tmp_path / "story"
    shutil.copytree(SEED_DIR, folder, ignore=shutil.ignore_patterns("sessions"))
    store.add_story("s", pipeline.run(collect_paths([folder])), {})
    type_and_die(store, "s")
    edit_every_version(folder)
    store.add_story("s", pipeline.run(collect_paths([folder])), {})
    drafts = tmp_path / "review.db-drafts.json"
    said: list[str] = []
    seen: list[str] = []

    async def reopen(pilot: Pilot) -> None:
        said.extend(n.message for n in pilot.app._notifications)
        seen.append(await opened_note(pilot))
        await pilot.press("escape", "q")
        await pilot.pause()
        await pilot.press("q")
        await pilot.pause()

    drive(app_for(store, story="s"), reopen)
    assert seen == [""]  # no match of its own now
    assert any("No match to open the note" in m and "half a thought" in m for m in said), said
    assert "half a thought" in drafts.read_text(encoding="utf-8")  # q, q kept it

    async def discard(pilot: Pilot) -> None:
        await run_in_palette(pilot, "Note drafts without a match")
        seen.append(screen_text(pilot.app))
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("y", "enter")
        await pilot.pause()

    drive(app_for(store, story="s"), discard)
    assert "half a thought" in seen[-1]
    assert not drafts.exists()


def test_a_draft_on_a_split_out_follows_its_claim_back_when_the_split_is_undone(store, seed):
    """An undo took the split-out a draft was typed on: n on the match its claim went back
    to opened nothing, and q, q erased the draft."""
    row, claim = splittable(store, seed)
    said: list[str] = []
    seen: list[str] = []

    async def steps(pilot: Pilot) -> None:
        await split_and_draft(pilot, row, claim, "on the split-out")
        said.extend(n.message for n in pilot.app._notifications)
        pilot.app.review.goto(row.id)
        seen.append(await opened_note(pilot))

    drive(app_for(store), steps)
    assert seen == ["on the split-out"]
    assert any(f"match {row.number}b is now on match {row.number}" in m for m in said), said


def test_a_draft_is_not_put_on_a_match_with_a_note_it_was_not_typed_over(store, seed, tmp_path):
    """The undone split-out's draft (typed over no note) followed its claim back onto a match
    with a saved note: n there took the draft for older than the note, said "another session
    saved or undid a note", quoted it cut to one line, and erased it from disk. It is not
    put there: kept without a match (said so), shown whole by the palette, kept at q, q."""
    row, claim = splittable(store, seed)
    store.note(seed, row.id, "saved on the whole match", reviewer="ana", session="s0")
    drafts = tmp_path / "review.db-drafts.json"
    said: list[str] = []
    seen: list[str] = []

    async def steps(pilot: Pilot) -> None:
        await split_and_draft(pilot, row, claim, "typed on the split-out")
        pilot.app.review.goto(row.id)
        seen.append(await opened_note(pilot))
        said.extend(n.message for n in pilot.app._notifications)
        await pilot.press("escape")
        await pilot.pause()
        await run_in_palette(pilot, "Note drafts without a match")
        seen.append(screen_text(pilot.app))
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("n", "enter")  # not discarded
        await pilot.pause()
        await pilot.press("q")
        await pilot.pause()
        await pilot.press("q")
        await pilot.pause()

    drive(app_for(store), steps)
    assert seen[0] == "saved on the whole match"  # the saved note, not the draft over it
    assert "typed on the split-out" in seen[1]
    assert not any("changed after this draft" in m for m in said), said
    assert any(f"match {row.number}b (match {row.number}, which holds its claims now, has a "
               "note saved" in m and "typed on the split-out" in m for m in said), said
    assert "typed on the split-out" in drafts.read_text(encoding="utf-8")
    assert store.match(row.id, reviewer="ana").note == "saved on the whole match"


def test_quitting_leaves_a_draft_another_app_under_the_name_is_typing(store, seed, tmp_path):
    """Two apps under one name: B loaded A's draft, warned of it at q and dropped it at the
    second q, while A was still typing it. B drops only drafts it showed or typed."""
    from crossfact.tui.drafts import Draft, NoteDrafts

    first = store.resume(seed, reviewer="ana")
    a = NoteDrafts(tmp_path / "review.db-drafts.json", "ana")
    typing = Draft(story=seed, story_name="seed-story", number="1", text="half", base="")
    a.keep((seed, first), typing)  # A: typing on match 1
    still: list[bool] = []

    async def b_quits(pilot: Pilot) -> None:
        await pilot.press("q")
        await pilot.pause()
        still.append(pilot.app.return_code is None)

    drive(app_for(store), b_quits)
    assert still == [False]  # B quits at once: nothing of its own is lost
    assert a.all() == {(seed, first): typing}  # A's q still has it to warn of

def test_filter_and_search_page_in_sql(store, seed):
    async def steps(pilot: Pilot) -> None:
        review = pilot.app.review
        await pilot.press("f")
        assert review.pager.filter == "todo"
        await pilot.press("f")
        assert review.pager.filter == "conflicts"
        assert review.matches.count == store.count(seed, reviewer="ana", filter="conflicts")
        await pilot.press("slash", *"Tesla", "enter")
        assert review.pager.search == "Tesla"
        assert review.matches.count == store.count(seed, reviewer="ana", filter="conflicts",
                                                   search="Tesla")
        assert review.matches.count > 0
        await pilot.press("escape")
        assert review.pager.search is None

    drive(app_for(store), steps)


def test_ctrl_z_in_the_search_box_takes_back_typing_not_a_verdict(store, seed):
    """ctrl+z while typing a search took back the reviewer's last verdict (the box has no
    undo of its own, so the key reached the screen's), and there is no redo: in the box it
    takes back typing, as in any text box; the verdict stays."""
    typed: list[str] = []

    async def steps(pilot: Pilot) -> None:
        await pilot.press("a", "slash", *"Tesla", "backspace", "ctrl+z")
        await pilot.pause()
        typed.append(pilot.app.screen.query_one("#search").value)
        await pilot.press("ctrl+z", "ctrl+z")
        await pilot.pause()
        typed.append(pilot.app.screen.query_one("#search").value)

    drive(app_for(store), steps)
    assert typed == ["Tesla", "Tes"], typed
    assert [e.kind for e in store.events(seed)] == ["verdict"]  # no undo saved


def test_ctrl_z_pressed_fast_in_the_search_box_never_gives_typing_back(store, seed):
    """Four ctrl+z in one burst after "Musk" emptied the box, and then each further ctrl+z
    gave "M", "Mu", "Mus": the values undo set came back, late, as typing."""
    from textual import events

    typed: list[str] = []

    async def steps(pilot: Pilot) -> None:
        await pilot.press("slash", *"Musk")
        await pilot.pause()
        for _ in range(4):  # all queued before any is handled, as tmux sends them
            pilot.app.post_message(events.Key("ctrl+z", None))
        await pilot.pause(0.3)
        typed.append(pilot.app.screen.query_one("#search").value)
        for _ in range(3):
            await pilot.press("ctrl+z")
            await pilot.pause()
            typed.append(pilot.app.screen.query_one("#search").value)

    drive(app_for(store), steps)
    assert typed == ["", "", "", ""], typed


def test_a_damaged_drafts_file_is_set_aside_and_the_review_opens(store, seed, tmp_path):
    """`{"ana": []}` in the drafts file stopped the review from opening ("unexpected error
    (AttributeError ...)"). What is well-formed is still offered, the file as it was is
    set aside (another reviewer's drafts in it are not erased), and the screen says so once."""
    first = store.resume(seed, reviewer="ana")
    path = tmp_path / "review.db-drafts.json"
    damaged = json.dumps({"ana": [], "bob": {seed: {first: {
        "story": seed, "story_name": "s", "number": 1, "text": None}}}})
    path.write_text(damaged, encoding="utf-8")
    said: list[str] = []

    async def steps(pilot: Pilot) -> None:
        assert pilot.app.review.story is not None
        await pilot.press("n", *"half")  # a draft written: the file is not said damaged again
        await pilot.pause()
        said.extend(n.message for n in pilot.app._notifications)

    drive(app_for(store), steps)
    assert len([m for m in said if "drafts file was damaged" in m]) == 1, said
    [aside] = tmp_path.glob("review.db-drafts.json.damaged-*")
    assert aside.read_text(encoding="utf-8") == damaged
    assert json.loads(path.read_text(encoding="utf-8"))["ana"][seed][first]["text"] == "half"


def list_row(app: ReviewApp, match_id: str) -> str:
    """A match's row in the list as the screen shows it (a dialog leaves the top rows)."""
    number = app.review.store.match(match_id, reviewer=app.reviewer).number
    [row] = [line for line in screen_text(app).splitlines() if line.startswith(f"{number:>5} ")]
    return row


def test_the_list_marks_a_draft_a_saved_note_and_a_skip(store, seed):
    """After 200 matches a reviewer could not see where they left notes or what they skipped
    without opening each. The mark column shows it the moment it changes, the reviewer's
    own only (bob's note and skip mark nothing in ana's list), a draft above the rest."""
    first, second = [row.id for row in store.matches(seed, reviewer="ana", limit=2)]
    store.note(seed, second, "bob's doubt", reviewer="bob", session="b")
    store.skip(seed, second, reviewer="bob", session="b")
    seen: dict[str, str] = {}

    async def steps(pilot: Pilot) -> None:
        def mark(match: str) -> str:
            return list_row(pilot.app, match)[10]  # "    1 a · " and the mark

        assert " s v m " in str(pilot.app.screen.query_one("#list-header").render())
        seen["start"] = mark(first) + mark(second)
        await pilot.press("n", *"ask AP")
        await pilot.pause()
        seen["typing"] = mark(first)  # the draft is written as it is typed
        await pilot.press("ctrl+s")
        await pilot.pause()
        seen["saved"] = mark(first)
        await pilot.press("ctrl+z")
        await pilot.pause()
        seen["note undone"] = mark(first)
        await pilot.press("s")  # on `first`, where the undo went
        await pilot.pause()
        seen["skipped"] = mark(first)
        await pilot.press("k", "a")
        await pilot.pause()
        seen["decided"] = mark(first)
        await pilot.press("ctrl+z")
        await pilot.pause()
        seen["verdict undone"] = mark(first)
        await pilot.press("n", *"later", "escape")
        await pilot.pause()
        seen["draft kept"] = mark(first)

    drive(app_for(store), steps)
    assert seen == {"start": "  ", "typing": "!", "saved": "*", "note undone": " ",
                    "skipped": "-", "decided": " ", "verdict undone": "-", "draft kept": "!"}

    async def reopen(pilot: Pilot) -> None:
        seen["next session"] = list_row(pilot.app, first)[10]

    drive(app_for(store), reopen)
    assert seen["next session"] == "!"  # a draft an earlier session left is marked at once


def test_a_draft_another_app_saved_loses_its_mark_when_the_reviewer_pauses(
        store, seed, tmp_path):
    """Two apps under one name: the other saved the note of a draft this one had loaded, and
    this list kept the draft's `!` until n on it (a row's mark reads no file). The idle
    timer takes the change (called here, not waited for)."""
    from crossfact.tui.drafts import Draft, NoteDrafts

    first = store.resume(seed, reviewer="ana")
    other = NoteDrafts(tmp_path / "review.db-drafts.json", "ana")
    other.keep((seed, first), Draft(story=seed, story_name="seed-story", number="1",
                                    text="half", base=""))
    seen: list[str] = []

    async def steps(pilot: Pilot) -> None:
        seen.append(list_row(pilot.app, first)[10])
        other.drop((seed, first))  # the other app saved the note
        pilot.app.review._active_at = 0.0  # the reviewer paused
        pilot.app.review._checkpoint_when_idle()
        await pilot.pause()
        seen.append(list_row(pilot.app, first)[10])

    drive(app_for(store), steps)
    assert seen == ["!", " "]


def test_a_draft_older_than_the_note_saved_since_opens_below_that_note(store, seed, tmp_path):
    """Two sessions under one name: the second loaded a draft the first then finished and
    saved; n in the second opened the stale draft over the saved note (and ctrl+s saved it
    back), then (the fix) opened the saved note and erased the draft from disk. It opens
    both, the saved note above the draft, and Escape keeps them as the draft."""
    first = store.resume(seed, reviewer="ana")

    async def type_and_die(pilot: Pilot) -> None:
        await pilot.press("n", *"half a thought")
        await pilot.pause()

    drive(app_for(store), type_and_die)
    said: list[str] = []
    seen: list[str] = []

    async def second_session(pilot: Pilot) -> None:
        # meanwhile the first session finishes the note and saves it
        store.note(seed, first, "half a thought, done", reviewer="ana", session="s0")
        seen.append(await opened_note(pilot))
        said.extend(n.message for n in pilot.app._notifications)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("n")  # kept as opened, now typed over the note as saved
        await pilot.pause()
        seen.append(pilot.app.screen.query_one("#note-input").text)
        await pilot.press("escape")
        await pilot.pause()

    drive(app_for(store), second_session)
    both = f"half a thought, done\n\n{DRAFT_RULE}\nhalf a thought"
    assert seen == [both, both]
    assert any("saved or undone after this draft" in m for m in said), said
    assert store.match(first, reviewer="ana").note == "half a thought, done"
    assert DRAFT_RULE in (tmp_path / "review.db-drafts.json").read_text(encoding="utf-8")


def test_a_draft_over_a_note_the_reviewer_then_undid_is_not_erased(store, seed, tmp_path):
    """A note saved, typed on and closed with Escape, then the save undone with ctrl+z: n
    erased the draft, saying "another session saved or undid a note". The note is empty
    now: n opens the draft, and says why."""
    said: list[str] = []
    seen: list[str] = []

    async def steps(pilot: Pilot) -> None:
        await pilot.press("n", *"first", "ctrl+s")
        await pilot.pause()
        await pilot.press("n", *" and more", "escape")
        await pilot.pause()
        await pilot.press("ctrl+z")
        await pilot.pause()
        seen.append(await opened_note(pilot))
        said.extend(n.message for n in pilot.app._notifications)
        await pilot.press("escape")
        await pilot.pause()

    drive(app_for(store), steps)
    assert seen == ["first and more"]
    assert any("saved or undone after this draft" in m for m in said), said
    assert not any("another session saved" in m for m in said), said
    assert "first and more" in (tmp_path / "review.db-drafts.json").read_text(encoding="utf-8")


def test_an_arabic_search_reads_right_to_left_on_the_status_line(store, seed):
    """The panes reorder Arabic for a terminal without bidi; the status line showed the
    active search as stored, its letters unjoined and read backwards."""
    lines: list[str] = []

    async def steps(pilot: Pilot) -> None:
        await pilot.press("slash", *"تسلا", "enter")
        await pilot.pause()
        lines.append(screen_text(pilot.app).splitlines()[0])

    drive(app_for(store), steps)
    assert f"/{visual('تسلا', True)}" in lines[0] and "تسلا" not in lines[0], lines


def test_decided_filter_lists_what_was_decided(store, seed):
    async def steps(pilot: Pilot) -> None:
        await pilot.press("a", "u")
        for _ in range(4):
            await pilot.press("f")
        assert pilot.app.review.pager.filter == "decided"
        assert pilot.app.review.matches.count == 2

    drive(app_for(store), steps)


def test_outliers_are_chosen_in_a_dialog(store, seed):
    row = next(r for r in store.matches(seed, reviewer="ana", limit=100) if len(r.langs) >= 3)
    view = store.match(row.id, reviewer="ana")

    async def steps(pilot: Pilot) -> None:
        pilot.app.review.goto(row.id)
        await pilot.press("o")
        await pilot.pause()
        dialog = pilot.app.screen
        assert "[ ]" in screen_text(pilot.app)  # ticks read without colour
        for index, member in enumerate(view.members):  # tick the first version only
            if (member.claim.doc in dialog.chosen) != (index == 0):
                dialog.query_one("OptionList").highlighted = index
                await pilot.press("space")
        assert "[x]" in screen_text(pilot.app)
        await pilot.press("enter")

    drive(app_for(store), steps)
    after = store.match(row.id, reviewer="ana")
    assert (after.verdict, after.outliers) == ("conflict", [view.members[0].claim.doc])


def test_split_move_confirm_break_are_events(tmp_path):
    store = open_store(tmp_path / "fix.db")
    story = store.add_story("synthetic", make_result(12), {})
    weak = store.match("m0", reviewer="ana")
    assert any(m.suggested for m in weak.members)

    async def steps(pilot: Pilot) -> None:
        review = pilot.app.review
        review.goto("m0")
        await pilot.press("y")  # the only weak link: no picker
        review.goto("m4")
        await pilot.press("b")
        review.goto("m1")
        await pilot.press("x")
        await pilot.pause()
        # the picker says how to choose: the question alone left it to guess
        assert "Enter picks · j/k or arrows move · Esc cancels" in screen_text(pilot.app)
        await pilot.press("enter")  # the first claim of the picker
        review.goto("m3")
        await pilot.press("m")
        await pilot.pause()
        await pilot.press("enter")  # first claim
        await pilot.pause()
        target = store.match("m7", reviewer="ana").number  # as the list shows it: 1-based
        await pilot.press(*target, "enter")

    try:
        drive(ReviewApp(store, reviewer="ana", story="synthetic", session="s1"), steps)
        kinds = [(e.kind, e.match, e.claim, e.target) for e in store.events(story)]
        assert [k[0] for k in kinds] == ["confirm", "break", "split", "move"]
        assert kinds[3][3] == "m7"
        assert store.match("m1", reviewer="ana").corrected
    finally:
        store.close()


async def move_first_claim(pilot: Pilot, match: str, number: str) -> None:
    """`m` on `match`, its first claim, then `number` typed as the target."""
    pilot.app.review.goto(match)
    await pilot.press("m")
    await pilot.pause()
    await pilot.press("enter")  # first claim
    await pilot.pause()
    await pilot.press(*number, "enter")
    await pilot.pause()


def test_the_prompts_say_what_they_act_on_and_an_empty_list_how_to_leave_it(store, seed):
    """Met in a newcomer's half hour: the move prompt said "Move the claim" once the picked
    claim was off screen, the export prompt "Export the md file" (the palette says
    "Markdown report"), and a search that found nothing "No matches under this filter or
    search." with no word of how to get the list back."""
    from crossfact.tui.dialogs.prompt import TextPrompt

    seen: list[str] = []
    first = store.match(store.matches("seed-story", reviewer="ana")[0].id, reviewer="ana")

    async def steps(pilot: Pilot) -> None:
        await pilot.press("m")
        await pilot.pause()
        await pilot.press("enter")  # the picker's first claim
        await pilot.pause()
        for then in ("escape", None):
            screen = pilot.app.screen
            seen.append(screen.title_text if isinstance(screen, TextPrompt) else "no prompt")
            if then:
                await pilot.press(then)
                await pilot.pause()
                pilot.app.review.action_export("md")
                await pilot.pause()
        await pilot.press("escape", "slash", *"zqxwv", "enter")
        await pilot.pause()
        detail = [line.split("▕", 1)[1] for line in screen_text(pilot.app).splitlines()
                  if "▕" in line]  # the right pane, beside the list
        seen.append(" ".join(" ".join(detail).split()))

    drive(app_for(store), steps)
    assert seen[:2] == [f"Move the {first.members[0].lang} claim to match number:",
                        "Export as Markdown report, to:"]
    assert "No matches under this filter or search; Escape drops the search, f shows " \
           "another filter." in seen[2]


def test_the_move_prompt_names_which_of_two_claims_of_one_version_moves(store, seed):
    """A match holding two Turkish claims (a split sentence, or one moved in) asked "Move
    the tr claim to match number:", which named either of them: the prompt quotes the start
    of the claim picked."""
    from crossfact.tui.dialogs.prompt import TextPrompt

    rows = store.matches("seed-story", reviewer="ana")
    first = store.match(rows[0].id, reviewer="ana")
    lang = first.members[0].lang
    donor = next(store.match(row.id, reviewer="ana") for row in rows[1:])
    moved = next(m.claim for m in donor.members if m.lang == lang)
    store.move_claim("seed-story", moved.id, first.id, reviewer="ana", session="s0",
                     match_id=donor.id)
    members = store.match(first.id, reviewer="ana").members
    at = next(i for i, m in enumerate(members) if m.claim.id == moved.id)
    seen: list[str] = []

    async def steps(pilot: Pilot) -> None:
        pilot.app.review.goto(first.id)
        await pilot.pause()
        await pilot.press("m", *["down"] * at, "enter")
        await pilot.pause()
        screen = pilot.app.screen
        seen.append(screen.title_text if isinstance(screen, TextPrompt) else "no prompt")

    drive(app_for(store), steps)
    start = " ".join(moved.text.split())[:39]
    assert seen == [f'Move the {lang} claim "{start}…" to match number:']


def test_dropping_a_search_that_found_nothing_goes_back_to_the_match(store, seed):
    """On match 4, a search that found nothing, then Escape: the list opened on match 1,
    and the reviewer had to find their place again."""
    at: list[str] = []

    async def steps(pilot: Pilot) -> None:
        review = pilot.app.review
        review.goto(store.matches("seed-story", reviewer="ana")[3].id)
        await pilot.pause()
        await pilot.press("slash", *"zqxwv", "enter")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        at.append(review.matches.current().number)

    drive(app_for(store), steps)
    assert at == [store.matches("seed-story", reviewer="ana")[3].number]


def test_moving_a_claim_to_its_own_match_names_the_match_by_number(tmp_path):
    """`m`, a claim, then the number of the match it is in: said with that number, as a
    warning, not an internal id in a "Not saved" error."""
    store = open_store(tmp_path / "fix.db")
    story = store.add_story("synthetic", make_result(12), {})
    number = store.match("m3", reviewer="ana").number

    async def steps(pilot: Pilot) -> None:
        await move_first_claim(pilot, "m3", number)
        said = [(n.title, n.message) for n in pilot.app._notifications]
        assert said == [("", f"The claim is already in match {number}: nothing moved.")], said

    try:
        drive(ReviewApp(store, reviewer="ana", story="synthetic", session="s1"), steps)
        assert list(store.events(story)) == []
    finally:
        store.close()


def test_a_mistyped_match_number_is_asked_again_not_dropped(tmp_path):
    """`m`, a claim, then "999": "No match #999" and the prompt was gone, so the reviewer
    started over (m, the claim again). The prompt comes back with what was typed, to
    correct; the claim moves when the number is right."""
    from crossfact.tui.dialogs.prompt import TextPrompt

    store = open_store(tmp_path / "fix.db")
    story = store.add_story("synthetic", make_result(12), {})
    target = store.match("m7", reviewer="ana").number
    asked: list[str] = []

    async def steps(pilot: Pilot) -> None:
        await move_first_claim(pilot, "m3", "999")
        screen = pilot.app.screen
        asked.append(screen.query_one("#prompt-input").value
                     if isinstance(screen, TextPrompt) else "no prompt")
        asked.append("No match #999: the matches are numbered 1 to 12"
                     in " ".join(screen_text(pilot.app).split()))
        if isinstance(screen, TextPrompt):
            screen.query_one("#prompt-input").value = ""
            await pilot.press(*target, "enter")
            await pilot.pause()

    try:
        drive(ReviewApp(store, reviewer="ana", story="synthetic", session="s1"), steps)
        assert asked == ["999", True]  # what was typed, and why it is wrong, in the prompt
        assert [(e.kind, e.target) for e in store.events(story)] == [("move", "m7")]
    finally:
        store.close()


def test_jump_to_a_wrong_number_keeps_the_prompt_open_and_says_why(tmp_path):
    """ctrl+p "Jump to match", then "999" or "abc": the prompt closed on it (a toast at
    most), so the reviewer had to open the palette again. It stays open with what was
    typed and says which numbers there are, as the move prompt does; a right number goes."""
    from crossfact.tui.dialogs.prompt import TextPrompt

    store = open_store(tmp_path / "jump.db")
    store.add_story("synthetic", make_result(12), {})
    said: list[tuple[str, str]] = []

    async def typed(pilot: Pilot, answer: str) -> None:
        field = pilot.app.screen.query_one("#prompt-input")
        field.value = ""
        await pilot.press(*answer, "enter")
        await pilot.pause()
        screen = pilot.app.screen
        said.append((field.value, " ".join(screen_text(pilot.app).split()))
                    if isinstance(screen, TextPrompt) else ("closed", ""))

    async def steps(pilot: Pilot) -> None:
        await run_in_palette(pilot, "Jump to match")
        assert isinstance(pilot.app.screen, TextPrompt)
        for answer in ("999", "abc", "7"):
            await typed(pilot, answer)
        said.append(("at", pilot.app.review.matches.current().number))

    try:
        drive(ReviewApp(store, reviewer="ana", story="synthetic", session="s1"), steps)
        (kept, wrong), (kept_word, word), closed, at = said
        assert kept == "999" and "No match #999: the matches are numbered 1 to 12" in wrong
        assert kept_word == "abc" and "'abc' is not a match number" in word
        assert (closed, at) == (("closed", ""), ("at", "7"))
    finally:
        store.close()


def test_the_read_only_list_says_how_to_close_it(store, seed):
    """The orphaned verdicts' list had no word on how to leave it (the footer is hidden
    under a dialog): it says so, as the pickers do."""
    from rich.text import Text

    from crossfact.tui.dialogs.pick import ReadOnly

    shown: list[str] = []

    async def steps(pilot: Pilot) -> None:
        await pilot.app.push_screen(ReadOnly("1 orphaned verdict", [Text("AGREE")]))
        await pilot.pause()
        shown.append(screen_text(pilot.app))
        await pilot.press("escape")
        await pilot.pause()
        shown.append(type(pilot.app.screen).__name__)

    drive(app_for(store), steps)
    assert "Esc or q closes" in shown[0] and shown[1] == "ReviewScreen"


def test_j_and_k_scroll_the_help_and_the_orphaned_verdicts(store, seed):
    """At 80x24 the help runs to three screens: the arrows scrolled it, j and k (which move
    in every list and picker) did nothing, and nothing said how to scroll. The same in the
    orphaned verdicts' list."""
    from rich.text import Text

    from crossfact.tui.dialogs.pick import ReadOnly

    tops: list[tuple[str, float, float]] = []

    async def read(pilot: Pilot, name: str) -> None:
        scroll = pilot.app.screen.query_one("VerticalScroll")
        assert scroll.max_scroll_y > 0, name  # more than one screen to read
        await pilot.press("j", "j", "j")
        await pilot.pause()
        down = scroll.scroll_y
        await pilot.press("k")
        await pilot.pause()
        tops.append((name, down, scroll.scroll_y))
        await pilot.press("escape")
        await pilot.pause()

    async def steps(pilot: Pilot) -> None:
        await pilot.press("question_mark")
        await pilot.pause()
        assert "j/k or arrows scroll" in screen_text(pilot.app)
        await read(pilot, "help")
        await pilot.app.push_screen(ReadOnly("40 orphaned verdicts",
                                             [Text(f"AGREE {n}") for n in range(40)]))
        await pilot.pause()
        assert "j/k or arrows scroll" in screen_text(pilot.app)
        await read(pilot, "orphans")

    drive(app_for(store), steps, size=(80, 24))
    assert [(name, down > 0, 0 < after < down) for name, down, after in tops] == [
        ("help", True, True), ("orphans", True, True)]


def test_store_errors_are_shown_not_swallowed():
    fake = FakeStore()
    fake.add_story("seed-story", make_result(6), {})
    fake.fail_next = "database is locked"
    app = app_for(fake)

    async def steps(pilot: Pilot) -> None:
        await pilot.press("a")
        await pilot.pause()
        assert "NOT SAVED: database is locked" in screen_text(pilot.app)
        assert [n.severity for n in pilot.app._notifications] == ["error"]

    seen = drive(app, steps)
    assert any(isinstance(m, StoreFailed) for m in seen)
    assert not any(isinstance(m, Saved) for m in seen)
    assert list(fake.events()) == []


def test_keys_are_remappable_and_the_help_follows(store, seed):
    app = app_for(store, keymap={"verdict-agree": "1"})

    async def steps(pilot: Pilot) -> None:
        await pilot.press("a")  # no longer bound
        await pilot.press("1")
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(pilot.app.screen, HelpScreen)
        text = screen_text(pilot.app)
        assert "verdict-agree" in text and "undo" in text
        await pilot.press("escape")

    drive(app, steps)
    assert [v for _, v in verdicts(store, seed)] == ["agree"]


def test_palette_jumps_to_a_match(store, seed):
    target = store.matches(seed, reviewer="ana", offset=20, limit=1)[0]

    async def steps(pilot: Pilot) -> None:
        await run_in_palette(pilot, target.number)

    app = app_for(store)
    drive(app, steps)
    assert app.review.view.id == target.id


def test_matching_runs_in_a_worker_then_opens(store):
    urls = version_urls([SEED_DIR])  # what `crossfact review` reads from story.toml
    assert len(urls) == len(seed_files())
    app = app_for(store, paths=seed_files(), urls=urls)

    async def steps(pilot: Pilot) -> None:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("a")

    drive(app, steps)
    story = store.story_id("seed-story")
    assert story is not None
    decided, total = store.progress(story, reviewer="ana")
    assert decided == 1 and total == len(seed_result().matches)
    # each version keeps its published URL for ClaimReview
    stored = [row["url"] for row in store.db.query(
        "SELECT d.url FROM documents d JOIN current_runs r ON r.id = d.run")]
    assert sorted(stored) == sorted(urls.values())


def test_a_version_whose_encoding_was_guessed_is_named_when_matched(store, tmp_path):
    """Greek saved as ISO-8859-7 has the bytes of Windows-1251 Russian: the app showed the
    garbled claims as if they were the text, without a word. The reviewer is told which
    file's encoding was a guess, which one, and what to do; a UTF-8 story says nothing."""
    greek = "Ο πρωθυπουργός είπε ότι 10 άνθρωποι σκοτώθηκαν στην Αθήνα τη Δευτέρα.\n"
    files = [tmp_path / "el.txt", tmp_path / "en.txt"]
    files[0].write_bytes(greek.encode("iso-8859-7"))
    files[1].write_text("The prime minister said 10 people died in Athens on Monday.\n",
                        encoding="utf-8")
    said: list[tuple[str, str]] = []

    async def steps(pilot: Pilot) -> None:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        said.extend((n.title, n.message) for n in pilot.app._notifications)

    drive(app_for(store, story="s", paths=files), steps)
    guessed = [message for title, message in said if title == "Encoding guessed"]
    assert len(guessed) == 1, said
    assert "el.txt" in guessed[0] and "Windows-1251" in guessed[0], guessed
    assert "en.txt" not in guessed[0] and "save it as UTF-8" in guessed[0]
    said.clear()
    files[0].write_text(greek, encoding="utf-8")  # saved as UTF-8: matched again, no word
    drive(app_for(store, story="s", paths=files), steps)
    assert not [title for title, _ in said if title == "Encoding guessed"], said


def test_the_review_app_says_which_match_numbers_an_upgrade_changed(tmp_path):
    """Opening a file the release before m013 wrote, the review app is the one told that
    the split-out "1b" is "1c" again: a note that cites "1b" means it (once: the file is
    upgraded by then)."""
    from store_data import file_before_split_letters

    path = tmp_path / "old.db"
    file_before_split_letters(path)
    said: list[tuple[str | None, str]] = []

    async def steps(pilot: Pilot) -> None:
        await pilot.pause()
        said.extend((n.title, n.message) for n in pilot.app._notifications)

    for _ in range(2):
        with open_store(path) as upgraded:
            drive(app_for(upgraded, story="seed"), steps)
    told = [message for title, message in said if title == "Match numbers changed"]
    assert len(told) == 1 and "(seed: 1b is now 1c)" in told[0], said


def test_a_guessed_encoding_is_said_once_and_stats_keeps_it(store, tmp_path):
    """The notice came back whenever the story was matched again, also when only another
    version had changed: said when a version is first read so, and `crossfact stats` names
    it for good."""
    from crossfact.store.stats import compute, render

    greek = "Ο πρωθυπουργός είπε ότι 10 άνθρωποι σκοτώθηκαν στην Αθήνα τη Δευτέρα.\n"
    files = [tmp_path / "el.txt", tmp_path / "en.txt"]
    files[0].write_bytes(greek.encode("iso-8859-7"))
    files[1].write_text("The prime minister said 10 people died in Athens on Monday.\n",
                        encoding="utf-8")
    said: list[str | None] = []

    async def steps(pilot: Pilot) -> None:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        said.extend(n.title for n in pilot.app._notifications)

    drive(app_for(store, story="s", paths=files), steps)
    assert said.count("Encoding guessed") == 1, said
    said.clear()
    files[1].write_text("The prime minister said 12 people died in Athens on Monday.\n",
                        encoding="utf-8")  # another version changed: matched again
    drive(app_for(store, story="s", paths=files), steps)
    assert "Encoding guessed" not in said, said
    assert store.db.table("runs").count == 2  # it was matched again
    shown = render(compute(store, "s"))
    assert f"encoding of {files[0]} (Windows-1251) guessed: no byte-order mark" in shown, shown
    assert "en.txt (" not in shown


def test_the_re_match_notice_says_how_to_list_what_was_carried(store, tmp_path):
    """"f shows what was carried over" - but f goes to "to review" first, then conflicts,
    unsourced and decided: the reviewer pressing f once saw no carried verdict. The notice
    names the palette's filter, which lists them at once."""
    text = "Tesla spent 10 billion dollars on chips in 2024, the company said on Monday. "
    files = [tmp_path / "a.txt", tmp_path / "b.txt"]
    files[0].write_text(text + "It was a record.\n", encoding="utf-8")
    files[1].write_text(text.replace("Monday", "Tuesday") + "It was a record.\n",
                        encoding="utf-8")
    said: list[str] = []
    listed: list[str] = []

    async def decide(pilot: Pilot) -> None:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("a")

    async def reopen(pilot: Pilot) -> None:
        await pilot.app.workers.wait_for_complete()
        for _ in range(40):
            await pilot.pause(0.05)
            said[:] = [n.message for n in pilot.app._notifications if n.title ==
                       "Story re-matched"]
            if said:
                break
        await run_in_palette(pilot, "carried over")
        pager = pilot.app.review.pager
        listed.append(pager.filter if pager else "no story open")

    drive(app_for(store, story="s", paths=files), decide)
    files[0].write_text(text + "It was a record high.\n", encoding="utf-8")  # a little
    drive(app_for(store, story="s", paths=files), reopen)
    assert said and "ctrl+p" in said[0] and "carried over" in said[0], said
    assert "f shows what was carried" not in said[0]
    assert listed == ["carried"]


def test_the_same_files_reopened_read_otherwise_are_matched_again(store, tmp_path):
    """Reopening a story's unchanged files with --segmented, another --lang or without the
    --lang given before opened the stored reading, the option unsaid (the store would have
    matched them again: the app never asked). Now they are matched again, the verdicts
    carried; read as stored, not."""
    text = "Tesla spent 10 billion dollars on chips in 2024, the company said on Monday. "
    files = [tmp_path / "a.txt", tmp_path / "b.txt"]
    files[0].write_text(text + "It was a record.\n", encoding="utf-8")
    files[1].write_text(text.replace("Monday", "Tuesday") + "It was a record.\n",
                        encoding="utf-8")

    async def steps(pilot: Pilot) -> None:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        if not verdicts(store, store.story_id("s") or ""):
            await pilot.press("a")

    runs: list[int] = []
    for options in ({}, {"segmented": True}, {"segmented": True},
                    {"segmented": True, "langs": {str(files[0]): "it"}},
                    {"segmented": True, "langs": {str(files[0]): "it"}}, {"segmented": True},
                    {"segmented": True}):
        drive(app_for(store, story="s", paths=files, **options), steps)
        runs.append(store.db["runs"].count)
        if len(runs) == 5:
            story = store.story_id("s")
            assert story is not None
            assert sorted(d.lang for d in store.documents(story)) == ["en", "it"]
    # dropping the --lang (detected again) is read otherwise too
    assert runs == [1, 2, 2, 3, 3, 4, 4]
    story = store.story_id("s")
    assert story is not None and sorted(d.lang for d in store.documents(story)) == ["en", "en"]
    assert store.progress(story, reviewer="ana")[0] == 1  # the verdict followed its claims


def test_a_story_with_a_word_document_reopened_unchanged_is_not_matched_again(
        store, tmp_path, monkeypatch):
    """The app compared each file decoded with its stored encoding, which for a .docx is
    "docx": every reopen matched the story again, and the cursor went back to where the
    story began when that ended."""
    import docx

    text = "Tesla spent 10 billion dollars on chips in 2024, the company said on Monday."
    (tmp_path / "a.txt").write_text(text + " It was a record.\n", encoding="utf-8")
    document = docx.Document()
    document.add_paragraph(text.replace("Monday", "Tuesday"))
    document.add_paragraph("It was a record.")
    document.save(str(tmp_path / "b.docx"))
    files = [tmp_path / "a.txt", tmp_path / "b.docx"]

    async def steps(pilot: Pilot) -> None:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    from crossfact import pipeline

    drive(app_for(store, story="s", paths=files), steps)
    matched: list[object] = []
    monkeypatch.setattr(pipeline, "run", lambda *args, **kw: matched.append(args))
    app = app_for(store, story="s", paths=files)
    drive(app, steps)
    assert not matched and app.review.pager is not None


def test_story_file_urls_are_read_and_a_bad_one_is_one_line(tmp_path):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("Claim.", encoding="utf-8")
    (tmp_path / "story.toml").write_text('[versions."a.txt"]\nurl = "https://x.test/a"\n'
                                         '[versions."b.txt"]\nlang = "tr"\n', encoding="utf-8")
    assert version_urls([tmp_path, tmp_path / "absent"]) == {
        str(tmp_path / "a.txt"): "https://x.test/a"}
    (tmp_path / "story.toml").write_text("versions = [", encoding="utf-8")
    with pytest.raises(InputError, match="story.toml"):
        version_urls([tmp_path])


def test_resume_puts_the_reviewer_where_they_stopped(store, seed):
    drive(app_for(store), lambda pilot: pilot.press("a", "a", "a"))
    app = app_for(store)
    drive(app, lambda pilot: pilot.pause())
    assert app.review.view.id == store.resume(seed, reviewer="ana")
    assert app.review.view.verdict is None


def test_hostile_text_is_shown_as_text():
    fake = FakeStore()
    fake.add_story("seed-story", make_result(10, hostile=True), {})
    app = app_for(fake)

    async def steps(pilot: Pilot) -> None:
        texts = []
        for match in ("m0", "m1", "m3", "m4", "m7"):  # the ones with a French version
            pilot.app.review.goto(match)
            await pilot.pause()
            texts.append(screen_text(pilot.app))
            pilot.app.review.query_one("#detail-pane").scroll_end(animate=False)
            await pilot.pause()
            texts.append(screen_text(pilot.app))
        joined = "\n".join(texts)
        assert "[bold]here[/] or [link=file:///etc/passwd]click[/link]" in joined
        assert "\x1b" not in joined and "\x07" not in joined
        assert "Colours red and a title  with a bell and ." in joined
        assert "pwned" not in joined  # an OSC window title goes with its escape
        assert "🚀" in joined
        assert "more characters)" in joined  # the 50 kB sentence is cut for display

    drive(app, steps)


def test_palette_export_asks_where_and_never_overwrites_silently(store, seed, tmp_path):
    target = tmp_path / "out" / "report.jsonl"
    target.parent.mkdir()
    target.write_text("keep me", encoding="utf-8")

    async def type_path(pilot: Pilot, path: str) -> None:
        box = pilot.app.screen.query_one("#prompt-input")
        box.value = ""
        await pilot.press(*path, "enter")
        await pilot.pause()

    async def steps(pilot: Pilot) -> None:
        await pilot.press("a")
        await run_in_palette(pilot, "export jsonl")
        prompt = pilot.app.screen.query_one("#prompt-input")
        assert prompt.value.endswith("seed-story.jsonl")  # offered in the working directory
        await type_path(pilot, str(target))
        await pilot.press("n", "enter")  # it exists: not replaced
        await pilot.pause()
        assert target.read_text(encoding="utf-8") == "keep me"
        await run_in_palette(pilot, "export jsonl")
        await type_path(pilot, str(target))
        await pilot.press("y", "enter")
        await pilot.pause()

    drive(app_for(store), steps)
    lines = target.read_text(encoding="utf-8").splitlines()
    assert any('"verdict"' in line and '"agree"' in line for line in lines)



async def export_to_typed(pilot: Pilot, path: str, fmt: str = "jsonl") -> None:
    """Export from the palette to `path` as typed."""
    await run_in_palette(pilot, f"export {fmt}")
    box = pilot.app.screen.query_one("#prompt-input")
    box.value = ""
    await pilot.press(*path, "enter")
    await pilot.pause()


def link_to_a_kept_file(tmp_path: Path) -> tuple[Path, Path]:
    """(link.jsonl, the file it names in another folder, holding "keep me")."""
    real = tmp_path / "elsewhere" / "kept.jsonl"
    real.parent.mkdir()
    real.write_text("keep me", encoding="utf-8")
    link = tmp_path / "link.jsonl"
    link.symlink_to(real)
    return link, real


def test_palette_export_says_what_a_symbolic_link_replaces(store, seed, tmp_path):
    """"link.csv exists. Replace it?" hid that the file replaced is the one the link names,
    maybe in another folder: the question names it, and the link stays a link."""
    link, real = link_to_a_kept_file(tmp_path)
    asked: list[str] = []

    async def steps(pilot: Pilot) -> None:
        await export_to_typed(pilot, str(link))
        asked.append(pilot.app.screen.title_text)  # the question (a TextPrompt)
        await pilot.press("y", "enter")
        await pilot.pause()

    drive(app_for(store), steps)
    assert f"{link} is a symbolic link to {real}, which exists" in asked[0]
    assert link.is_symlink() and '"type":"story"' in real.read_text(encoding="utf-8")


def test_the_replace_question_is_read_whole_in_a_narrow_terminal(store, seed, tmp_path):
    """In 80 columns the question was cut at the dialog's edge ("..., which exists. Repl"):
    the reviewer saw neither what would be replaced nor what to answer. It wraps, and the
    prompt says which keys do what, with paths as long as a newsroom's."""
    deep = tmp_path / ("newsroom-archive-2024-" * 3)
    deep.mkdir()
    link, real = link_to_a_kept_file(deep)
    shown: list[str] = []

    async def steps(pilot: Pilot) -> None:
        pilot.app.review.action_export("jsonl")  # (the palette's export: timing-free)
        await pilot.pause()
        pilot.app.screen.query_one("#prompt-input").value = ""
        await pilot.press(*str(link), "enter")
        for _ in range(40):  # until the question is drawn (a loaded machine draws late)
            await pilot.pause(0.05)
            framed = [line.split("│")[1] for line in screen_text(pilot.app).splitlines()
                      if line.count("│") >= 2]  # the dialog's lines, inside its frame
            shown[:] = [" ".join(" ".join(framed).split())]
            if "(y/n)" in shown[0] and "Esc keeps it" in shown[0]:
                break
        await pilot.press("escape")
        await pilot.pause()

    drive(app_for(store), steps, size=(80, 24))
    assert "(the link stays) (y/n)" in shown[0], shown[0]
    assert "anything else or Esc keeps it" in shown[0]
    assert real.read_text(encoding="utf-8") == "keep me"


def test_palette_export_to_dash_is_not_a_file_named_dash(store, seed, tmp_path, monkeypatch):
    """`-o -` is stdout on the command line; the app has none, and wrote a file called '-'
    in the working folder. It says so instead; ./- is a file of that name. Nor does a
    refusal speak of -o, which the app does not have."""
    monkeypatch.chdir(tmp_path)
    messages: list[str] = []
    made: list[bool] = []

    async def steps(pilot: Pilot) -> None:
        await export_to_typed(pilot, "-")
        made.append((tmp_path / "-").exists())
        await export_to_typed(pilot, "/dev/null")
        messages.extend(n.message for n in pilot.app._notifications)
        await export_to_typed(pilot, "./-")

    drive(app_for(store), steps)
    assert made == [False]
    assert any("standard output" in m and "./-" in m for m in messages), messages
    assert any("not a regular file" in m for m in messages), messages
    assert not any("-o it goes" in m or "without -o" in m for m in messages), messages
    assert '"type":"story"' in (tmp_path / "-").read_text(encoding="utf-8")


def test_palette_export_of_a_report_typed_among_the_versions_is_refused(store, seed, tmp_path):
    """The app offers .markdown beside the versions; a .md typed there instead would be read
    as one more version next time: refused, in the app's words, the folder left as it was."""
    import shutil

    for version in seed_files():
        shutil.copy(version, tmp_path)

    seen: list[str] = []

    async def steps(pilot: Pilot) -> None:
        await export_to_typed(pilot, str(tmp_path / "report.md"), fmt="markdown")
        seen.extend(n.message for n in pilot.app._notifications)

    drive(app_for(store), steps)
    assert any("among the versions of a story" in m for m in seen), seen
    assert not (tmp_path / "report.md").exists()


def test_palette_export_onto_the_open_database_is_refused(store, seed):
    """Typing the open database's path (and saying yes, were it asked) would replace the
    reviewer's work with the export while the app kept saying "saved": refused at once,
    with a toast that says the export failed, not that decisions were not saved."""

    async def steps(pilot: Pilot) -> None:
        await run_in_palette(pilot, "export jsonl")
        box = pilot.app.screen.query_one("#prompt-input")
        box.value = ""
        await pilot.press(*str(store.path), "enter")
        await pilot.pause()
        if "Replace it?" in screen_text(pilot.app):  # what it asked before the fix
            await pilot.press("y", "enter")
            await pilot.pause()
        titles = [n.title for n in pilot.app._notifications]
        assert "Not exported" in titles and "Not saved" not in titles, titles
        assert any("is the database" in n.message for n in pilot.app._notifications)
        await pilot.press("a")  # a decision afterwards is saved in a database still there

    drive(app_for(store), steps)
    with open_store(store.path) as reopened:
        assert [v for _, v in verdicts(reopened, seed)] == ["agree"]


def test_a_report_offered_beside_the_versions_is_not_one_more_version(
        store, seed, monkeypatch: pytest.MonkeyPatch) -> None:
    """Reviewing from inside the story's folder, the palette offers `.markdown`: a `.md`
    there would be read as a sixth version of the story the next time it is opened."""
    offered: list[str] = []

    async def steps(pilot: Pilot) -> None:
        for folder in (SEED_DIR, SEED_DIR.parent):
            monkeypatch.chdir(folder)
            await run_in_palette(pilot, "export markdown")
            offered.append(pilot.app.screen.query_one("#prompt-input").value)
            await pilot.press("escape")
            await pilot.pause()

    drive(app_for(store), steps)
    assert offered == [str(SEED_DIR.resolve() / "seed-story.markdown"),
                       str(SEED_DIR.parent.resolve() / "seed-story.md")]


def test_the_report_offered_beside_versions_opened_from_elsewhere_is_one_the_export_takes(
        store, seed, tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Opened as `review story` from its parent and later from inside it (`cd story; review
    .`), the stored paths name the versions from the parent: the palette offered story.md
    beside them, and Enter on it said "Not exported ... name it .markdown"."""
    import shutil

    for version in seed_files():
        shutil.copy(version, tmp_path)
    monkeypatch.chdir(tmp_path)
    offered: list[str] = []

    async def steps(pilot: Pilot) -> None:
        await run_in_palette(pilot, "export markdown")
        offered.append(pilot.app.screen.query_one("#prompt-input").value)
        await pilot.press("enter")
        await pilot.pause()

    drive(app_for(store), steps)
    assert offered == [str(tmp_path.resolve() / "seed-story.markdown")]
    assert (tmp_path / "seed-story.markdown").read_text(encoding="utf-8").startswith("# ")

def test_cli_is_documented_and_fails_in_one_line(tmp_path):
    from click.testing import CliRunner

    from crossfact.tui.cli import review

    runner = CliRunner()
    shown = runner.invoke(review, ["--help"])
    assert shown.exit_code == 0 and "seed story" in shown.output and "--reviewer" in shown.output
    missing = runner.invoke(review, [str(tmp_path / "absent.txt")])
    assert missing.exit_code != 0 and "Traceback" not in missing.output
    (tmp_path / "not.db").write_text("not sqlite at all")
    broken = runner.invoke(review, ["--db", str(tmp_path / "not.db")])
    assert broken.exit_code == 1 and broken.output.startswith("Error: ")
    assert len(broken.output.strip().splitlines()) == 1
    typo = runner.invoke(review, ["--db", str(tmp_path / "x.db"), "--lang", "nowhere.txt=fr"])
    assert typo.exit_code == 1 and "--lang nowhere.txt=fr: nowhere.txt is not among" in typo.output


def test_undo_goes_back_to_the_match_it_undid(store, seed):
    first = store.resume(seed, reviewer="ana")

    async def steps(pilot: Pilot) -> None:
        await pilot.press("a")
        assert pilot.app.review.view.id != first
        await pilot.press("ctrl+z")
        assert pilot.app.review.view.id == first
        assert pilot.app.review.view.verdict is None

    drive(app_for(store), steps)


def test_nothing_to_undo_shows_what_the_log_holds(store, seed):
    """Two apps under one name on one database: the other one undid the verdict this one
    still showed; ctrl+z here found nothing to undo and went on showing 1 decided."""

    async def steps(pilot: Pilot) -> None:
        await pilot.press("a")
        await pilot.pause()
        assert pilot.app.review.status.progress[0] == 1
        with open_store(store.path) as other:
            assert other.undo(seed, reviewer="ana", session="s2") is not None
        await pilot.press("ctrl+z")
        await pilot.pause()
        said = [n.message for n in pilot.app._notifications]
        assert "Nothing to undo." in said
        assert pilot.app.review.status.progress[0] == 0

    drive(app_for(store), steps)


def test_what_an_undo_took_back_is_readable_at_80_columns(store, seed):
    """At 80x24 the status line's end was cut ("✓ saved 21:02:01 (undi…"): the undo says
    what it took back in a toast, and the status line leaves out its bar to show it whole."""
    first = store.resume(seed, reviewer="ana")
    number = store.match(first, reviewer="ana").number

    async def steps(pilot: Pilot) -> None:
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("ctrl+z")
        await pilot.pause()
        await pilot.pause()
        said = [(n.title, n.message) for n in pilot.app._notifications]
        assert ("Undo", f"Undid agree on #{number}.") in said, said
        status = screen_text(pilot.app).splitlines()[0]  # without the bar, it fits whole
        assert f"(undid agree on #{number})" in status and "░" not in status, status

    drive(app_for(store), steps, size=(80, 24))


def test_rtl_display_switches_and_context_shows(tmp_path):
    store = open_store(tmp_path / "rtl.db")
    store.add_story("synthetic", make_result(6), {})
    hebrew = "Tesla 10 מיליארד דולר הוצאו #0."

    async def steps(pilot: Pilot) -> None:
        pilot.app.review.goto("m0")
        await pilot.pause()
        assert "ואצוה רלוד דראילימ" in screen_text(pilot.app)  # reordered for display
        await pilot.press("r")
        await pilot.pause()
        assert hebrew in screen_text(pilot.app)  # as stored, for bidi terminals
        await pilot.press("e")
        await pilot.pause()
        assert "sentence after" in screen_text(pilot.app)

    try:
        drive(ReviewApp(store, reviewer="ana", story="synthetic", session="s1", bidi=True), steps)
    finally:
        store.close()


def test_palette_switches_story(store, seed):
    other = store.add_story("synthetic", make_result(6), {})

    async def steps(pilot: Pilot) -> None:
        await run_in_palette(pilot, "switch story synthetic")
        assert pilot.app.review.story == other
        assert pilot.app.review.matches.count == 6
        await pilot.press("a")

    drive(app_for(store), steps)
    assert [e.story for e in store.events()] == [other]


def test_palette_switch_story_with_no_other_story_says_how_to_add_one(store, seed):
    """The README's "ctrl+p ... switch story" typed in a database of one story found "No
    matches found": the reviewer could not tell a missing command from a missing story."""
    said: list[str] = []

    async def steps(pilot: Pilot) -> None:
        await run_in_palette(pilot, "switch story")
        said.extend(n.message for n in pilot.app._notifications)

    drive(app_for(store), steps)
    assert any("no other story" in m and "crossfact review" in m for m in said), said


def test_matching_failure_with_nothing_to_show_leaves_with_exit_1(store, monkeypatch):
    """A failure the command line's checks could not foresee (a language no letter shows):
    the app leaves, and `crossfact review` prints the one line and exits 1, as `match` does."""
    from crossfact import pipeline
    from crossfact.errors import InputError

    def fail(*args, **kwargs):
        raise InputError("b.txt: cannot tell the language (no letters)")

    monkeypatch.setattr(pipeline, "run", fail)
    app = app_for(store, paths=seed_files()[:1])

    async def steps(pilot: Pilot) -> None:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    drive(app, steps)
    assert app.return_code == 1
    assert app.failure == "b.txt: cannot tell the language (no letters)"
    assert store.story_id("seed-story") is None


def test_markup_in_store_errors_and_story_names_stays_text():
    fake = FakeStore()
    fake.add_story("seed-story", make_result(4), {})
    fake.add_story("[bold]odd[/] [link=file:///etc/passwd]name", make_result(2), {})
    fake.fail_next = "no story '[/]' in [link=x]db"

    async def steps(pilot: Pilot) -> None:
        await pilot.press("a")
        await pilot.pause()
        assert "no story '[/]' in [link=x]db" in screen_text(pilot.app)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"switch")
        await pilot.pause(0.3)
        assert "[bold]odd[/] [link=file:///etc/passwd]name" in screen_text(pilot.app)

    drive(app_for(fake), steps)


def test_outliers_offer_one_option_per_version(store, seed):
    """A match holding two claims of one version (a split sentence) used to crash the dialog
    with DuplicateID: outliers are versions, so each version is offered once."""
    row = next(r for r in store.matches(seed, reviewer="ana", limit=500)
               if len(r.langs) > len(set(r.langs)))
    docs = list(dict.fromkeys(m.claim.doc for m in store.match(row.id, reviewer="ana").members))

    async def steps(pilot: Pilot) -> None:
        pilot.app.review.goto(row.id)
        await pilot.press("o")
        await pilot.pause()
        dialog = pilot.app.screen
        assert [item.value for item in dialog.items] == docs
        assert dialog.query_one("OptionList").option_count == len(docs)
        await pilot.press("escape")

    drive(app_for(store), steps)


def test_undo_after_a_restart_goes_back_to_the_match_it_undid(store, seed):
    """The undone decision was made in an earlier session: the undo event names its match,
    and the cursor goes there."""
    first = store.resume(seed, reviewer="ana")
    drive(app_for(store), lambda pilot: pilot.press("a"))
    later = store.matches(seed, reviewer="ana", offset=15, limit=1)[0]

    async def steps(pilot: Pilot) -> None:
        pilot.app.review.goto(later.id)
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert pilot.app.review.view.id == first

    drive(ReviewApp(store, reviewer="ana", session="s2", bidi=True, story="seed-story"), steps)
    undo = [e for e in store.events(seed) if e.kind == "undo"]
    assert [e.match for e in undo] == [first]


def test_match_numbers_are_one_based_and_a_split_out_has_its_own(tmp_path):
    """The list, the detail header, the palette and the move prompt all use the number the
    Markdown report uses: 1-based, "2b" for a claim split out of match 2."""
    from crossfact.tui.widgets.match_list import row_prefix

    store = open_store(tmp_path / "numbers.db")
    story = store.add_story("synthetic", make_result(12), {})
    claim = store.match("m1", reviewer="ana").members[0].claim.id
    store.split_claim(story, claim, reviewer="ana", session="s0")
    alone = split_match_id(claim)
    first = store.matches(story, reviewer="ana", limit=1)[0]
    assert row_prefix(first, ["tr"]).split()[0] == "1"

    async def steps(pilot: Pilot) -> None:
        review = pilot.app.review
        review.goto("m0")
        await pilot.pause()
        assert "Match 1 " in screen_text(pilot.app)
        await run_in_palette(pilot, "2b")
        assert review.view.id == alone
        assert "Match 2b " in screen_text(pilot.app)
        review.goto("m3")
        await pilot.press("m")
        await pilot.pause()
        await pilot.press("enter")  # first claim
        await pilot.pause()
        await pilot.press(*"2b", "enter")

    try:
        drive(ReviewApp(store, reviewer="ana", story="synthetic", session="s1"), steps)
        move = next(e for e in store.events(story) if e.kind == "move")
        assert move.target == alone
    finally:
        store.close()


def test_what_lives_with_the_open_story_is_frozen_until_the_app_closes(store, seed):
    """Full collections must not walk Textual and the story on every tenth key (tui/heap.py)."""
    app = app_for(store)
    frozen: list[int] = []

    async def steps(pilot: Pilot) -> None:
        await pilot.pause()
        frozen.append(gc.get_freeze_count())
        await pilot.press("a")
        await pilot.pause()
        frozen.append(gc.get_freeze_count())

    drive(app, steps)
    assert min(frozen) > 10_000  # Textual alone is ~40k objects
    assert gc.get_freeze_count() == 0  # handed back on exit: no test leaks into the next
    assert verdicts(store, seed)  # and the key still decided


def test_the_heap_is_settled_in_the_reviewers_pauses_only(store, seed, monkeypatch):
    """What keys kept alive is collected and frozen in a pause, not inside a key."""
    from crossfact.tui.heap import settle as real_settle
    from crossfact.tui.screens import review as review_module

    monkeypatch.setattr(ReviewScreen, "CHECKPOINT_IDLE", 3600.0)  # only the calls below
    settled: list[bool] = []
    monkeypatch.setattr(review_module, "settle",
                        lambda: settled.append(real_settle()) or True)
    app = app_for(store)

    async def steps(pilot: Pilot) -> None:
        review = pilot.app.review
        for key in "jjaj":
            await pilot.press(key)
            await pilot.pause()
        review._checkpoint_when_idle()
        assert settled == []  # the reviewer is still at it
        review._active_at -= ReviewScreen.CHECKPOINT_IDLE
        review._checkpoint_when_idle()
        assert settled == [True]  # the keys allocated: a collection ran, then a freeze
        assert gc.get_count()[1:] == (0, 0)
        review._checkpoint_when_idle()  # a second tick of the same pause: nothing to do
        assert settled == [True]

    drive(app, steps)
    assert gc.get_freeze_count() == 0  # handed back on exit


def test_checkpoints_run_in_a_worker_when_the_reviewer_pauses(store, seed, monkeypatch):
    """A commit would checkpoint now and then (holding up that key); a thread does it."""
    monkeypatch.setattr(ReviewScreen, "CHECKPOINT_IDLE", 3600.0)  # only the calls below
    threads: list[str] = []
    real = store.checkpoint
    monkeypatch.setattr(store, "checkpoint",
                        lambda: threads.append(threading.current_thread().name) or real())
    app = app_for(store)

    async def steps(pilot: Pilot) -> None:
        review = pilot.app.review
        review._checkpoint_when_idle()
        await pilot.app.workers.wait_for_complete()
        assert threads == []  # nothing saved yet: nothing to do
        for key in "acu":
            await pilot.press(key)
            await pilot.pause()
        review._checkpoint_when_idle()
        assert threads == []  # the reviewer is still at it
        review._active_at -= ReviewScreen.CHECKPOINT_IDLE  # as if they paused since ...
        await pilot.press("right_square_bracket")  # ... but any key (a scroll) is work too
        await pilot.pause()
        review._checkpoint_when_idle()
        assert threads == []
        review._active_at -= ReviewScreen.CHECKPOINT_IDLE  # now a real pause
        review._checkpoint_when_idle()
        review._checkpoint_when_idle()  # once per pause, not once per tick
        await pilot.app.workers.wait_for_complete()

    drive(app, steps)
    assert len(threads) == 1 and threads[0] != threading.main_thread().name
    assert [v for _, v in verdicts(store, seed)] == ["agree", "conflict", "unsourced"]
    # and commits leave checkpoints to these pauses, up to a bounded WAL
    (pages,) = store.db.execute("PRAGMA wal_autocheckpoint").fetchone()
    assert pages == DEFERRED_CHECKPOINT_PAGES


def test_a_long_match_scrolls_with_the_keyboard_and_the_next_starts_at_its_top(store, seed):
    longest = max(store.matches(seed, reviewer="ana"), key=lambda row: len(row.langs))
    last_file = None

    async def steps(pilot: Pilot) -> None:
        nonlocal last_file
        pilot.app.review.goto(longest.id)
        await pilot.pause()
        detail = pilot.app.review.query_one(MatchDetail)
        last_file = Path(pilot.app.review.view.members[-1].doc_path).name
        assert detail.virtual_size.height > detail.size.height  # 12 rows at 80x24
        assert last_file not in screen_text(pilot.app)
        for _ in range(detail.virtual_size.height):
            await pilot.press("right_square_bracket")
        assert detail.scroll_offset.y == detail.max_scroll_y > 0
        assert last_file in screen_text(pilot.app)
        await pilot.press("left_square_bracket")
        assert 0 < detail.scroll_offset.y < detail.max_scroll_y
        await pilot.press("j")
        await pilot.pause()
        assert detail.scroll_offset.y == 0

    drive(app_for(store), steps, size=(80, 24))
    assert last_file is not None


def test_a_new_match_needs_no_layout(store, seed, monkeypatch):
    """The detail is drawn at the pane's fixed size, its scrollbar always shown: a layout of
    the whole screen per key (its height, or its scrollbar, changed with the match) cost a
    second layout and more frames."""
    layouts: list[int] = []
    real = ReviewScreen._refresh_layout

    def counted(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        layouts.append(1)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(ReviewScreen, "_refresh_layout", counted)
    per_key: list[int] = []

    async def steps(pilot: Pilot) -> None:
        detail = pilot.app.review.query_one(MatchDetail)
        await pilot.pause()
        assert detail.show_vertical_scrollbar
        for key in ["j"] * 10 + ["a", "c", "ctrl+z", "u"]:
            before = len(layouts)
            await pilot.press(key)
            await pilot.pause()
            per_key.append(len(layouts) - before)
            assert detail.show_vertical_scrollbar

    drive(app_for(store), steps)
    assert per_key == [0] * 14


def test_the_detail_is_drawn_again_at_a_new_terminal_size(store, seed):
    async def steps(pilot: Pilot) -> None:
        detail = pilot.app.review.query_one(MatchDetail)
        heading = f"Match {pilot.app.review.view.number}"
        for size in [(80, 24), (140, 40)]:
            await pilot.resize_terminal(*size)
            await pilot.pause()
            await pilot.pause()
            width = detail.scrollable_content_region.width
            assert detail.virtual_size.width == width
            assert {strip.cell_length for strip in detail._strips} == {width}
            assert heading in screen_text(pilot.app)

    drive(app_for(store), steps)


def young_collection() -> None:
    """Allocate until a young collection has happened since the last full one (a fixed
    amount could end exactly on a full collection, which zeroes every count, depending on
    what earlier tests left in the collector's counters)."""
    import gc

    kept = []
    while not any(gc.get_count()[1:]):
        kept.append([[] for _ in range(100)])


def test_settling_lets_garbage_it_froze_go_at_the_next_full_settle(monkeypatch):
    """A settle freezes what is alive; what dies afterwards in a cycle is freed by the full
    collection that every FULL_SETTLE_EVERY-th settle makes."""
    import weakref

    from crossfact.tui import heap

    class Widgetish:
        pass

    monkeypatch.setattr(heap, "_settles", 0)
    dialog = Widgetish()
    dialog.parent = dialog  # widgets refer to each other: only the collector frees them
    gone = weakref.ref(dialog)
    try:
        young_collection()  # settling is due
        assert heap.settle()
        del dialog
        for _ in range(heap.FULL_SETTLE_EVERY - 2):
            young_collection()
            assert heap.settle()
        assert gone() is not None  # frozen while alive: plain settles do not see it
        young_collection()
        assert heap.settle()  # the full one
        assert gone() is None
    finally:
        heap.thaw()


def test_opening_another_story_lets_the_previous_ones_garbage_go():
    """A story's pages frozen at its first paint are collected once another story is shown."""
    import weakref

    from crossfact.tui.heap import freeze_long_lived, thaw

    class Page:
        pass

    page = Page()
    page.cycle = page  # only a full collection frees it
    gone = weakref.ref(page)
    try:
        freeze_long_lived()
        del page
        gc.collect()
        assert gone() is not None  # frozen: the collector does not see it
        freeze_long_lived()  # the next story shown
        assert gone() is None
    finally:
        thaw()


def test_a_member_of_two_matches_says_so_and_fixes_act_on_the_match_shown(tmp_path):
    """Match 2 holds Turkish claim c0-tr of match 1 as a weak link (a sentence stating both
    facts): each detail says where else it is; x in match 1 splits it out of match 1 only,
    and b in match 2 then breaks its last link, so it stands alone."""
    from store_data import share

    store = open_store(tmp_path / "shared.db")
    story = store.add_story("synthetic", share(make_result(12), "c0-tr", 1), {})

    async def steps(pilot: Pilot) -> None:
        review = pilot.app.review
        review.goto("m1")
        await pilot.pause()
        text = screen_text(pilot.app)
        assert "also in match 1" in text and "weak link (y confirm, b break)" in text
        review.goto("m0")
        await pilot.pause()
        assert "also in match 2" in screen_text(pilot.app)
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("enter")  # the first claim of the picker: c0-tr
        await pilot.pause()
        review.goto("m1")
        await pilot.pause()
        assert "also in match" not in screen_text(pilot.app)
        await pilot.press("b")  # the only weak link of match 2: no picker

    try:
        drive(ReviewApp(store, reviewer="ana", story="synthetic", session="s1"), steps)
        events = [(e.kind, e.match, e.claim) for e in store.events(story)]
        assert events == [("split", "m0", "c0-tr"), ("break", "m1", "c0-tr")]
        for match in ("m0", "m1"):
            assert "c0-tr" not in [m.claim.id for m in store.match(match, reviewer="ana").members]
        alone = store.match(split_match_id("c0-tr"), reviewer="ana")
        assert [m.claim.id for m in alone.members] == ["c0-tr"]
    finally:
        store.close()


def test_a_split_that_dissolves_the_match_shows_the_match_under_the_cursor(tmp_path):
    """Match 3 holds its own Turkish claim and, as a weak link, c0-tr of match 1. Splitting
    its own claim out leaves only a claim of another match: match 3 is gone, and the detail
    shows a current match instead of the one that no longer exists."""
    from store_data import share

    store = open_store(tmp_path / "dissolved.db")
    story = store.add_story("synthetic", share(make_result(12), "c0-tr", 2), {})
    assert [m.claim.id for m in store.match("m2", reviewer="ana").members] == ["c0-tr", "c2-tr"]

    async def steps(pilot: Pilot) -> None:
        review = pilot.app.review
        review.goto("m2")
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("j", "enter")  # the second claim of the picker: c2-tr
        await pilot.pause()
        current = {row.id for row in store.matches(story, reviewer="ana")}
        assert "m2" not in current and split_match_id("c2-tr") in current
        assert review.view is not None and review.view.id in current
        shown = pilot.app.screen.query_one(MatchDetail).view
        assert shown is not None and shown.id == review.view.id
        # the split was saved: no error says otherwise (the gone match is not asked for)
        assert "error" not in [n.severity for n in pilot.app._notifications]

    try:
        drive(ReviewApp(store, reviewer="ana", story="synthetic", session="s1"), steps)
        assert [(e.kind, e.match) for e in store.events(story)] == [("split", "m2")]
    finally:
        store.close()


def test_one_orphaned_verdict_is_said_in_the_singular(tmp_path):
    from store_data import VERSIONS, build

    store = open_store(tmp_path / "orphan.db")
    store.add_story("seed", build(), {})
    lone = store.matches("seed", reviewer="ana", filter="unsourced")[0].id
    store.decide("seed", lone, "unsourced", reviewer="ana", session="s0")
    store.add_story("seed", build({k: v for k, v in VERSIONS.items() if k != "fr"}), {})

    async def steps(pilot: Pilot) -> None:
        pilot.app.review.action_orphans()
        await pilot.pause()
        await pilot.pause()
        assert "1 orphaned verdict or note (kept in the log)" in screen_text(pilot.app)

    try:
        drive(ReviewApp(store, reviewer="ana", story="seed", session="s1"), steps)
    finally:
        store.close()


def test_an_orphaned_arabic_claim_starts_on_the_first_line_it_wraps_to(tmp_path):
    """The orphan list reordered a claim for display and then let it wrap: at 80 columns
    an Arabic claim's first words came out on its second line. It wraps as the pickers do,
    each line reordered after."""
    from store_data import build

    from crossfact.tui.display_text import visual

    first = "أولا"
    lede = (f"{first} قال المسؤولون إن الزلزال ضرب المنطقة بقوة كبيرة ليلة السبت وأدى إلى "
            "أضرار واسعة")
    store = open_store(tmp_path / "orphan.db")
    store.add_story("quake", build({"ar": [lede], "he": ["רעידת אדמה חזקה פגעה באזור."]}),
                    {})
    match = store.matches("quake", reviewer="ana")[0].id
    store.decide("quake", match, "agree", reviewer="ana", session="s0")
    store.add_story("quake", build({"ar": ["افتتح المصنع في عام 2023."],
                                    "he": ["המפעל נפתח ב-2024."]}), {})
    shown: list[str] = []

    async def steps(pilot: Pilot) -> None:
        pilot.app.review.action_orphans()
        await pilot.pause()
        await pilot.pause()
        shown.extend(screen_text(pilot.app).splitlines())

    try:
        assert [e.match for e in store.orphans("quake")] == [match]
        drive(ReviewApp(store, reviewer="ana", story="quake", session="s1"), steps,
              size=(80, 24))
    finally:
        store.close()
    heading = next(i for i, line in enumerate(shown) if "AGREE" in line)
    assert " ar " in shown[heading + 1] and visual(first, True) in shown[heading + 1], shown


def test_a_match_paired_by_position_alone_says_so(tmp_path):
    """fixtures/markup-ansi match 3: two unrelated sentences paired by their place, agree
    suggested at 0.37, and no reasons: the detail had no why line at all. It says the
    pairing rests on names or position; a match the figures link does not."""
    from crossfact.store.importing import import_lines

    store = open_store(tmp_path / "markup.db")
    session = SEED_DIR.parent / "markup-ansi" / "sessions" / "review.jsonl"
    with session.open(encoding="utf-8") as lines:
        import_lines(store, lines, str(session))
    shown: dict[str, str] = {}

    async def steps(pilot: Pilot) -> None:
        for number in ("1", "3"):
            pilot.app.review.goto_number(number)
            await pilot.pause()
            shown[number] = " ".join(screen_text(pilot.app).split())

    try:
        third = store.matches(store.story_id("markup-ansi"), reviewer="ana")[2]
        assert (third.number, store.match(third.id, reviewer="ana").reasons) == ("3", [])
        drive(ReviewApp(store, reviewer="ana", story="markup-ansi", session="s1"), steps)
    finally:
        store.close()
    assert "why: no figure or date in common: paired by shared names" in shown["3"]
    assert "why: $10 billion (en) = 10 milliards" in shown["1"]
    assert "by their place" not in shown["1"]


def test_an_arabic_or_hebrew_figure_in_the_why_line_reads_as_written():
    """The why line is left-to-right Latin text quoting each version's figure. An Arabic
    figure that opens with Western digits lost them to the Latin before it: "12 يونيو 2024"
    was drawn "12 2024 يونيو" and "10 مليارات دولار" "10 دولار مليارات", the number at the
    wrong end. Each such figure reads as it does in its claim."""
    from crossfact.models import Document, Match, MatchResult

    # A currency sign took a second mark ("$10" drawn "10$"), a percentage none, a minus
    # was cut off its figure and drawn at the far end of it, and so was a range's first number.
    figures = [("ar", "12 يونيو 2024", "12 June 2024"),
               ("he", "45 מיליון שקל", "45 million shekels"),
               ("he", "$10 בילי", "$10 billion"), ("he", "€5 מיליון", "€5 million"),
               ("he", "5% מהקולות", "5% of the votes"), ("ar", "12% من الأصوات", "12% of votes"),
               ("he", "-5 מעלות", "-5 degrees"),
               # a range: its first number was left out of the mark and went to the Latin
               ("ar", "10-5 مليون", "5-10 million"), ("he", "10–20 מיליון", "10-20 million")]
    docs = [Document(id=f"d{lang}", path=f"/tmp/{lang}.txt", lang=lang, title=lang, text="")
            for lang in ("ar", "he", "en")]
    texts = {"ar": "فيضانات في 12 يونيو 2024.", "he": "עלות של 45 מיליון שקל.",
             "en": "Floods on 12 June 2024 cost 45 million shekels."}
    claims = [Claim(id=f"c-{lang}", doc=f"d{lang}", index=0, text=text, start=0, end=len(text))
              for lang, text in texts.items()]
    reasons = [f"{figure} ({lang}) = {english} (en)" for lang, figure, english in figures]
    match = Match(id="m0", claims=[c.id for c in claims], score=0.9, suggestion="agree",
                  reasons=reasons)
    fake = FakeStore()
    fake.add_story("flood", MatchResult(documents=docs, claims=claims, matches=[match]), {})
    shown: list[str] = []

    async def steps(pilot: Pilot) -> None:
        shown.extend(line for line in screen_text(pilot.app).splitlines() if "(en)" in line)

    drive(app_for(fake, story="flood"), steps, size=(150, 40))
    why = " ".join(shown)
    for lang, figure, _ in figures:
        assert f"{visual(figure, True)}\u200f ({lang})" in why, why


def test_palette_export_over_a_report_among_the_versions_is_refused_before_asking(
        store, seed, tmp_path):
    """A report.md already beside the versions: the app asked "Replace it?" and refused only
    after the reviewer said yes. It refuses first, and the file is left as it was."""
    import shutil

    for version in seed_files():
        shutil.copy(version, tmp_path)
    (tmp_path / "report.md").write_text("keep me", encoding="utf-8")
    seen: list[str] = []

    async def steps(pilot: Pilot) -> None:
        await export_to_typed(pilot, str(tmp_path / "report.md"), fmt="markdown")
        seen.append(pilot.app.screen.title_text if hasattr(pilot.app.screen, "title_text")
                    else "")
        seen.extend(n.message for n in pilot.app._notifications)

    drive(app_for(store), steps)
    assert not any("Replace it?" in m for m in seen), seen
    assert any("among the versions of a story" in m for m in seen), seen
    assert (tmp_path / "report.md").read_text(encoding="utf-8") == "keep me"


def test_palette_export_to_a_file_named_for_another_format_is_refused(store, seed, tmp_path):
    """The csv export typed as `report.md` wrote CSV into a file opened as Markdown."""
    seen: list[str] = []

    async def steps(pilot: Pilot) -> None:
        await export_to_typed(pilot, str(tmp_path / "report.md"), fmt="csv")
        seen.extend(n.message for n in pilot.app._notifications)

    drive(app_for(store), steps)
    assert any("report.md: its ending says md, not csv: nothing written" in m
               for m in seen), seen
    assert not (tmp_path / "report.md").exists()


def one_claim_match_and_another(store, story: str) -> tuple[MatchView, MatchView]:
    """A match of one claim (moving it needs no pick) and a later match without that claim."""
    views = [store.match(row.id, reviewer="ana")
             for row in store.matches(story, reviewer="ana", limit=30)]
    source = next(v for v in views if len(v.members) == 1 and not v.members[0].also_in)
    target = next(v for v in views if v.position > source.position)
    return source, target


def test_a_claim_moved_into_a_decided_match_is_sent_for_a_second_look(store, seed):
    """#8 stayed "Unsourced" after gaining a claim, its verdict given on other claims, and
    nothing said so: the status line says it at 80 columns, and the detail flags it."""
    source, target = one_claim_match_and_another(store, seed)
    store.decide(seed, target.id, "unsourced", reviewer="ana", session="s0")
    seen: dict[str, str] = {}

    async def steps(pilot: Pilot) -> None:
        pilot.app.review.goto(source.id)
        await pilot.pause()
        await pilot.press("m")
        await pilot.pause()
        await pilot.press(*target.number, "enter")
        await pilot.pause()
        seen["status"] = pilot.app.review.status.last
        seen["screen"] = screen_text(pilot.app)

    drive(app_for(store), steps, size=(80, 24))
    assert seen["status"].endswith(
        f"(claim moved to #{target.number}; #{target.number} decided before it: second look)")
    assert seen["status"] in seen["screen"].splitlines()[0], seen["screen"]
    heading = " ".join(seen["screen"].split())
    assert "verdict: UNSOURCED second look: decided before a fix changed its claims" in heading
    assert store.match(target.id, reviewer="ana").second_look


def test_jumping_to_a_match_a_fix_dissolved_says_where_its_claims_went(store, seed):
    """After `b` dissolved match 2 (as above), `#2` said only "No match #2: the matches are
    numbered 1 to 72"; it says a fix dissolved it, and where its claims are."""
    said: list[str | None] = []

    async def steps(pilot: Pilot) -> None:
        await dissolve_match_2(pilot)
        said.append(pilot.app.review.number_problem("2"))
        said.append(pilot.app.review.number_problem("#2"))
        said.append(pilot.app.review.number_problem("2b"))
        pilot.app.review.goto_number("2")
        await pilot.pause()
        said.append(list(pilot.app._notifications)[-1].message)

    drive(app_for(store), steps)
    gone = "No match #2: a fix dissolved it; its claims are in #1, #33."
    assert said[:2] == [gone, gone] and said[3] == gone, said
    assert said[2] is not None and said[2].startswith("No match #2b: the matches are numbered")


def test_what_was_saved_leads_the_status_line_when_it_does_not_fit(store, seed):
    """At 80 columns "✓ saved 13:19:16 (conflict #3, 1 outlier(s…" lost its end: what was
    saved comes first when the line does not fit, and the story's name is what is cut."""
    first = store.resume(seed, reviewer="ana")
    lines: list[str] = []

    async def steps(pilot: Pilot) -> None:
        pilot.app.review.status.story = "a story named as long as a newsroom names its stories"
        await pilot.press("o", "space", "enter")
        await pilot.pause()
        lines.append(screen_text(pilot.app).splitlines()[0])

    drive(app_for(store), steps, size=(80, 24))
    number = store.match(first, reviewer="ana").number
    assert lines[0].lstrip().startswith("✓ saved"), lines
    assert f"(conflict #{number}, 1 outlier)" in lines[0], lines


@pytest.mark.parametrize("size", [(80, 24), (120, 34)])
def test_a_long_saved_message_leaves_the_search_on_the_status_line(store, seed, size):
    """A fix's "claim split out of #3; #3 decided before it: second look" pushed the active
    search and filter off the status line: the reviewer no longer saw the list was a
    search's. They stay whole; the message is cut, and said whole in a toast."""
    lines: list[str] = []
    said: list[str] = []
    label = "claim split out of #12; #12 decided before it: second look"

    async def steps(pilot: Pilot) -> None:
        review = pilot.app.review
        review.status.story = "a story named as long as a newsroom names its stories"
        await pilot.press("slash", *"Tesla", "enter")
        await pilot.press("a")
        await pilot.pause()
        event = list(store.events(seed))[-1]
        review.after_change(event, label)
        await pilot.pause()
        lines.append(screen_text(pilot.app).splitlines()[0])
        said.extend(n.message for n in pilot.app._notifications)

    drive(app_for(store), steps, size=size)
    assert "/Tesla" in lines[0] and "[all: " in lines[0], lines
    assert lines[0].lstrip().startswith("✓ saved"), lines
    toast = f"{label[0].upper()}{label[1:]}."
    if size[0] < 100:  # cut on the line: said whole in a toast
        assert label not in lines[0] and toast in said, (lines, said)
    else:  # whole on the line, and who and how far (the story's name left out): no toast
        assert label in lines[0] and "ana 1/72" in lines[0] and toast not in said, (lines, said)


def test_c_says_which_outliers_it_saved_and_when_it_named_none(store, seed):
    """`c` takes the machine's outliers; on a match it suggested agree for there are none,
    and "conflict #1" did not say the conflict named no version that differs (the report
    then had a conflict with no outlier). It says so, and what names them."""
    rows = {r.number: r for r in store.matches(seed, reviewer="ana")}
    assert (rows["1"].suggestion, rows["23"].suggestion) == ("agree", "conflict")
    said: list[str] = []

    async def steps(pilot: Pilot) -> None:
        for number in ("1", "23"):
            pilot.app.review.goto_number(number)
            await pilot.pause()
            await pilot.press("c")
            await pilot.pause()
            said.append(pilot.app.review.status.last.split("(", 1)[1])

    drive(app_for(store), steps)
    assert said == ["conflict #1, no outlier named: o names them)", "conflict #23, 1 outlier)"]
    assert [store.match(rows[n].id, reviewer="ana").outliers != [] for n in ("1", "23")] == [
        False, True]


@pytest.mark.parametrize("key", ["o", "m"])
def test_the_pickers_say_their_keys_at_80x24(store, seed, key):
    """The outlier picker had no hint line (its title gave space and Enter, not Esc), and at
    80x24 a list of long claims pushed the move picker's hint out of its frame."""
    shown: list[str] = []

    async def steps(pilot: Pilot) -> None:
        pilot.app.review.goto_number("3")  # four long claims, one of them Bengali
        await pilot.pause()
        await pilot.press(key)
        await pilot.pause()
        shown.append(screen_text(pilot.app))

    drive(app_for(store), steps, size=(80, 24))
    framed = [line for line in shown[0].splitlines() if line.count("│") >= 2]
    assert any("Esc cancels" in line for line in framed), shown[0]


def test_palette_export_into_a_folder_named_with_an_ending_is_written(store, seed, tmp_path):
    """A folder typed as the place to export (`notes.md/`) gets the offered file name inside
    it; the ending check read the folder's name and refused the CSV export as Markdown."""
    folder = tmp_path / "notes.md"
    folder.mkdir()
    seen: list[str] = []

    async def steps(pilot: Pilot) -> None:
        await export_to_typed(pilot, str(folder), fmt="csv")
        seen.extend(n.message for n in pilot.app._notifications)

    drive(app_for(store), steps)
    assert not any("its ending says" in m for m in seen), seen
    assert [p.suffix for p in folder.iterdir()] == [".csv"], seen


def test_confirming_a_link_sends_no_verdict_for_a_second_look(store, seed):
    """A confirmed link leaves the match's claims as they were (store/reads.py, REFIXED), but
    its status said "#1 decided before it: second look" whenever an earlier fix had flagged
    the match, as if the confirm had sent it there."""
    first = store.matches(seed, reviewer="ana", limit=1)[0]
    view = store.match(first.id, reviewer="ana")
    store.decide(seed, first.id, "agree", reviewer="ana", session="s0")
    firm = next(m for m in view.members if not m.suggested and m.also_in)
    store.split_claim(seed, firm.claim.id, reviewer="ana", session="s0", match_id=first.id)
    assert store.match(first.id, reviewer="ana").claims_changed  # by the split, before
    weak = [m for m in store.match(first.id, reviewer="ana").members if m.suggested]
    assert len(weak) == 1  # confirmed without a picker
    said: list[str] = []

    async def steps(pilot: Pilot) -> None:
        pilot.app.review.goto(first.id)
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        said.append(pilot.app.review.status.last)

    drive(app_for(store), steps)
    assert said[0].endswith(f"(link confirmed in #{first.number})"), said
