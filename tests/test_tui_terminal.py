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
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from crossfact.store import open_store

pytestmark = [
    pytest.mark.terminal,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]

DIVIDER = "▕"
BENGALI = range(0x0980, 0x0A00)


SOCKET = f"crossfact-tests-{os.getpid()}"  # a tmux server of our own, not the user's


def tmux(*args: str) -> str:
    return subprocess.run(["tmux", "-L", SOCKET, *args], check=True, capture_output=True,
                          text=True).stdout


def wait_for(condition: Callable[[], bool], what: str, limit: float = 30.0) -> None:
    """Poll until `condition` holds; the limit only turns a hang into a clear failure."""
    deadline = time.monotonic() + limit
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"gave up waiting for {what}")
        time.sleep(0.1)


def cell_columns(line: str) -> Callable[[int], int]:
    """Terminal cell column of a character index, measured the way tmux does (wcwidth)."""
    libc = ctypes.CDLL(ctypes.util.find_library("c"))
    libc.wcwidth.restype = ctypes.c_int

    def column(index: int) -> int:
        return sum(max(0, libc.wcwidth(ctypes.c_wchar(ch))) for ch in line[:index])

    return column


@pytest.fixture
def pane(tmp_path: Path):
    try:
        locale.setlocale(locale.LC_CTYPE, "C.UTF-8")
    except locale.Error:
        pytest.skip("no UTF-8 locale for wcwidth")
    name = f"crossfact-test-{os.getpid()}"
    db = tmp_path / "review.db"
    crossfact = Path(sys.executable).with_name("crossfact")
    command = (
        # a tmux server started under pytest passes COLUMNS=80 LINES=24 on, and Textual
        # prefers them to the pane's real size
        f"exec env -u COLUMNS -u LINES XDG_CONFIG_HOME={tmp_path} CROSSFACT_BIDI=1 "
        f"TERM=xterm-256color "
        f"{crossfact} review --db {db} --reviewer tester"
    )
    tmux("new-session", "-d", "-s", name, "-x", "120", "-y", "34", command)
    try:
        yield name, db
    finally:
        subprocess.run(["tmux", "-L", SOCKET, "kill-session", "-t", name],
                       capture_output=True)


def capture(name: str) -> str:
    return tmux("capture-pane", "-p", "-t", name)


def verdict_count(db: Path) -> int:
    if not db.exists():
        return 0
    store = open_store(db)
    try:
        return sum(1 for e in store.events() if e.kind == "verdict")
    finally:
        store.close()


def test_seed_story_in_a_real_terminal(pane) -> None:
    name, db = pane
    def laid_out() -> bool:  # the list, and the detail of the first match beside it
        screen = capture(name)
        return " decided " in screen and "Elon Musk" in screen and "Match 1 " in screen

    wait_for(laid_out, "the seed story on screen")
    screen = capture(name).splitlines()
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
    cut = [line for line in bengali
           if not line.split(DIVIDER)[0].endswith(("… ", "  ")) or "\ufffd" in line]
    assert not cut, f"Bengali rows overflowed their column: {cut[:3]}"

    for done, key in enumerate(["a", "c", "u"], start=1):
        tmux("send-keys", "-t", name, key)
        wait_for(lambda n=done: verdict_count(db) == n, f"verdict {done} in the database")
    wait_for(lambda: "saved" in capture(name), "the saved indicator")

    pid = int(tmux("display-message", "-p", "-t", name, "#{pane_pid}").strip())
    os.kill(pid, signal.SIGKILL)  # no clean shutdown: what was saved must already be there
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

    try:
        locale.setlocale(locale.LC_CTYPE, "C.UTF-8")
    except locale.Error:
        pytest.skip("no UTF-8 locale for wcwidth")
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
    name = f"crossfact-resume-{os.getpid()}"
    crossfact = Path(sys.executable).with_name("crossfact")
    tmux("new-session", "-d", "-s", name, "-x", "120", "-y", "34",
         f"exec env -u COLUMNS -u LINES XDG_CONFIG_HOME={tmp_path} CROSSFACT_BIDI=1 "
         f"TERM=xterm-256color {crossfact} review --db {db} --reviewer tester")
    try:
        def row_and_detail() -> bool:
            lines = capture(name).splitlines()
            listed = any(line.split(DIVIDER)[0].lstrip().startswith("41 ") for line in lines)
            return listed and any("Match 41 " in line for line in lines)

        wait_for(row_and_detail, "match 41 in the list and in the detail")
        assert "40/" in capture(name)
        tmux("resize-window", "-t", name, "-x", "80", "-y", "24")
        wait_for(lambda: len(capture(name).splitlines()[0]) <= 80, "the smaller window")
        wait_for(row_and_detail, "match 41 still in the list after a resize")
    finally:
        subprocess.run(["tmux", "-L", SOCKET, "kill-session", "-t", name],
                       capture_output=True)
