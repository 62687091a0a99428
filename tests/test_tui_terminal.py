"""The real app in a real terminal (tmux): what snapshots cannot see.

Snapshots measure text with Rich's widths; tmux measures with wcwidth, like the terminals
reviewers use. This test reads the pane as tmux drew it: the seed claims are there, the
list/detail divider stays in one column on Bengali rows, and decisions survive a SIGKILL.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import locale
import os
import shutil
import signal
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from terminal import Pane, tmux_pane, wait_for

from crossfact.store import open_store

pytestmark = [
    pytest.mark.terminal,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]

DIVIDER = "▕"
BENGALI = range(0x0980, 0x0A00)


def cell_columns(line: str) -> Callable[[int], int]:
    """Terminal cell column of a character index, measured the way tmux does (wcwidth)."""
    libc = ctypes.CDLL(ctypes.util.find_library("c"))
    libc.wcwidth.restype = ctypes.c_int

    def column(index: int) -> int:
        return sum(max(0, libc.wcwidth(ctypes.c_wchar(ch))) for ch in line[:index])

    return column


def utf8_locale() -> None:
    """wcwidth, which the column checks ask, measures only under a UTF-8 locale."""
    try:
        locale.setlocale(locale.LC_CTYPE, "C.UTF-8")
    except locale.Error:
        pytest.skip("no UTF-8 locale for wcwidth")


def review_command(tmp_path: Path, db: Path) -> str:
    crossfact = Path(sys.executable).with_name("crossfact")
    return (f"env XDG_CONFIG_HOME={tmp_path} CROSSFACT_BIDI=1 "
            f"{crossfact} review --db {db} --reviewer tester")


@pytest.fixture
def pane(tmp_path: Path) -> Iterator[tuple[Pane, Path]]:
    utf8_locale()
    db = tmp_path / "review.db"
    with tmux_pane(review_command(tmp_path, db), tmp_path) as opened:
        yield opened, db


def verdict_count(db: Path) -> int:
    if not db.exists():
        return 0
    store = open_store(db)
    try:
        return sum(1 for e in store.events() if e.kind == "verdict")
    finally:
        store.close()


def test_seed_story_in_a_real_terminal(pane) -> None:
    term, db = pane

    def laid_out() -> bool:  # the list, and the detail of the first match beside it
        screen = term.capture()
        return " decided " in screen and "Elon Musk" in screen and "Match 1 " in screen

    wait_for(laid_out, "the seed story on screen")
    screen = term.capture().splitlines()
    assert any("claim" in line and "tr bn ar fr he" in line for line in screen)

    rows = screen[1:-1]  # between the status line and the footer: list | detail
    bengali = [line for line in rows if any(ord(ch) in BENGALI for ch in line.split(DIVIDER)[0])]
    assert bengali, "the list shows Bengali claims"
    missing = [line for line in rows if line.count(DIVIDER) != 1]
    assert not missing, f"Bengali text overwrote the divider: {missing[:3]}"
    columns = {cell_columns(line)(line.index(DIVIDER)) for line in rows}
    assert len(columns) == 1, f"the divider moved on some rows: {sorted(columns)}"
    # a repaint puts the divider back in place, so also check nothing ran under it: every
    # list row ends in its ellipsis or in padding, never in a character cut by the divider
    # (the list's scrollbar, once the story has more matches than rows, is its last column:
    # its thumb's block glyphs are read as the blank they stand on)
    scrollbar = str.maketrans(dict.fromkeys("▁▂▃▄▅▆▇█", " "))
    cut = [line for line in bengali
           if not line.split(DIVIDER)[0].translate(scrollbar).endswith(("… ", "  "))
           or "\ufffd" in line]
    assert not cut, f"Bengali rows overflowed their column: {cut[:3]}"

    # a dialog's frame on Bengali lines: match 3's claims in the move picker (with Rich 14.2,
    # whose width table cell_width.py cannot patch, they ran 10 columns through the frame)
    term.send("j", "j", "m")
    wait_for(lambda: "Which claim moves?" in term.capture(), "the move picker")
    framed = [line for line in term.capture().splitlines() if line.count("│") >= 2]
    assert any(ord(ch) in BENGALI for line in framed for ch in line)
    edges = {(cell_columns(line)(line.index("│")), cell_columns(line)(line.rindex("│")))
             for line in framed}
    assert len(edges) == 1, f"the picker's frame moved on some rows: {sorted(edges)}"
    term.send("Escape")
    wait_for(lambda: "Which claim moves?" not in term.capture(), "the picker closed")

    for done, key in enumerate(["a", "c", "u"], start=1):
        term.send(key)
        wait_for(lambda n=done: verdict_count(db) == n, f"verdict {done} in the database")
    wait_for(lambda: "saved" in term.capture(), "the saved indicator")

    os.kill(term.pid(), signal.SIGKILL)  # no clean shutdown: what was saved must already be there
    store = open_store(db)
    try:
        kinds = [(e.kind, e.verdict, e.reviewer) for e in store.events()]
    finally:
        store.close()
    assert kinds == [("verdict", "agree", "tester"), ("verdict", "conflict", "tester"),
                     ("verdict", "unsourced", "tester")]


def test_resumed_far_down_the_list_the_match_is_on_screen(tmp_path: Path) -> None:
    """A reviewer who decided the first 40 matches comes back: the app resumes at match 41,
    and the list shows its row beside the detail, at the start and after a resize."""
    from crossfact import pipeline
    from crossfact.reading import collect_paths
    from crossfact.tui.cli import seed_story_dir
    from crossfact.tui.story_urls import version_urls

    utf8_locale()
    db = tmp_path / "review.db"
    store = open_store(db)
    try:
        story = store.add_story("seed-story", pipeline.run(collect_paths([seed_story_dir()])),
                                {"langs": {}, "segmented": False},
                                urls=version_urls([seed_story_dir()]))
        for row in store.matches(story, reviewer="tester", limit=40):
            store.decide(story, row.id, "agree", reviewer="tester", session="earlier")
        wanted = store.match(store.resume(story, reviewer="tester"), reviewer="tester")
    finally:
        store.close()
    assert wanted.number == "41"
    with tmux_pane(review_command(tmp_path, db), tmp_path) as term:
        def row_and_detail() -> bool:
            lines = term.capture().splitlines()
            listed = any(line.split(DIVIDER)[0].lstrip().startswith("41 ") for line in lines)
            return listed and any("Match 41 " in line for line in lines)

        wait_for(row_and_detail, "match 41 in the list and in the detail")
        assert "40/" in term.capture()
        term.tmux("resize-window", "-t", term.target, "-x", "80", "-y", "24")
        wait_for(lambda: len(term.capture().splitlines()[0]) <= 80, "the smaller window")
        wait_for(row_and_detail, "match 41 still in the list after a resize")


def test_a_story_that_cannot_be_matched_ends_in_one_line(tmp_path: Path) -> None:
    """Files the command line's quick checks pass but matching refuses (no letter to tell a
    language by): the app leaves, and the shell sees the reason in one line and exit 1."""
    (tmp_path / "a.txt").write_text("123 456.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("789 012.\n", encoding="utf-8")
    db = tmp_path / "review.db"
    shell = (f"sh -c '{review_command(tmp_path, db)} a.txt b.txt; "
             "echo exit=$?; sleep 30'")
    with tmux_pane(shell, tmp_path) as term:
        wait_for(lambda: "exit=" in term.capture(), "the review to end")
        shown = [line for line in term.capture().splitlines() if line.strip()]
    assert shown[-2:] == ["Error: a.txt: cannot tell the language (no letters); give it with "
                          "--lang PATH=CODE", "exit=1"], shown
