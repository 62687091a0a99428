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


@pytest.fixture
def review(tmp_path: Path) -> Iterator[tuple[Pane, Path]]:
    try:
        locale.setlocale(locale.LC_CTYPE, "C.UTF-8")
    except locale.Error:
        pytest.skip("no UTF-8 locale for wcwidth")
    db = tmp_path / "review.db"
    crossfact = Path(sys.executable).with_name("crossfact")
    command = (f"env XDG_CONFIG_HOME={tmp_path} CROSSFACT_BIDI=1 "
               f"{crossfact} review --db {db} --reviewer tester")
    with tmux_pane(command, tmp_path) as pane:
        yield pane, db


def verdict_count(db: Path) -> int:
    if not db.exists():
        return 0
    store = open_store(db)
    try:
        return sum(1 for e in store.events() if e.kind == "verdict")
    finally:
        store.close()


def test_seed_story_in_a_real_terminal(review: tuple[Pane, Path]) -> None:
    pane, db = review
    def laid_out() -> bool:  # the list, and the detail of the first match beside it
        screen = pane.capture()
        listed = any("claim" in line and "tr bn ar fr he" in line
                     for line in screen.splitlines())  # the list paints after the detail
        return listed and " decided " in screen and "Elon Musk" in screen and "Match 1 " in screen

    wait_for(laid_out, "the seed story on screen")
    screen = pane.capture().splitlines()

    rows = screen[1:-1]  # between the status line and the footer: list | detail
    bengali = [line for line in rows if any(ord(ch) in BENGALI for ch in line.split(DIVIDER)[0])]
    assert bengali, "the list shows Bengali claims"
    missing = [line for line in rows if line.count(DIVIDER) != 1]
    assert not missing, f"Bengali text overwrote the divider: {missing[:3]}"
    columns = {cell_columns(line)(line.index(DIVIDER)) for line in rows}
    assert len(columns) == 1, f"the divider moved on some rows: {sorted(columns)}"
    # a repaint puts the divider back in place, so also check nothing ran under it: every
    # list row ends in its ellipsis or in padding, never in a character cut by the divider
    cut = [line for line in bengali
           if not line.split(DIVIDER)[0].endswith(("… ", "  ")) or "\ufffd" in line]
    assert not cut, f"Bengali rows overflowed their column: {cut[:3]}"

    for done, key in enumerate(["a", "c", "u"], start=1):
        pane.send(key)
        wait_for(lambda n=done: verdict_count(db) == n, f"verdict {done} in the database")
    wait_for(lambda: "saved" in pane.capture(), "the saved indicator")

    os.kill(pane.pid(), signal.SIGKILL)  # no clean shutdown: what was saved must already be there
    store = open_store(db)
    try:
        kinds = [(e.kind, e.verdict, e.reviewer) for e in store.events()]
    finally:
        store.close()
    assert kinds == [("verdict", "agree", "tester"), ("verdict", "conflict", "tester"),
                     ("verdict", "unsourced", "tester")]
