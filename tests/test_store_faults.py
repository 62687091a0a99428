"""Faults: a killed writer, two writers at once, a full disk. No acknowledged event is lost."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from store_data import build, open_test_store

from crossfact.store import StoreError, open_store

WRITER = Path(__file__).with_name("store_writer.py")


def seeded(path: Path) -> None:
    s = open_test_store(path)
    s.add_story("seed", build(), {})
    s.close()


def writer(db: Path, reviewer: str, total: int) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, str(WRITER), str(db), reviewer, str(total)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_sigkill_loses_no_acknowledged_event(tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    seeded(db)
    proc = writer(db, "ann", 0)
    acknowledged = []
    assert proc.stdout is not None
    while len(acknowledged) < 40:
        line = proc.stdout.readline()
        assert line, proc.stderr.read() if proc.stderr else "writer ended early"
        acknowledged.append(line.strip())
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    acknowledged += [line.strip() for line in proc.stdout.read().splitlines() if line.strip()]
    s = open_store(db)  # opens, and every printed id is there
    stored = {e.id for e in s.events()}
    assert set(acknowledged) <= stored
    assert s.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_two_writers_at_once_lose_nothing(tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    seeded(db)
    procs = [writer(db, name, 60) for name in ("ann", "bob")]
    outputs = [proc.communicate() for proc in procs]
    for proc, (_out, err) in zip(procs, outputs, strict=True):
        assert proc.returncode == 0, err
        assert "locked" not in err
    printed = {line for out, _ in outputs for line in out.split()}
    s = open_store(db)
    assert {e.id for e in s.events()} == printed
    assert len(printed) == 120


def test_full_disk_is_one_line_and_loses_only_the_failed_event(tmp_path: Path) -> None:
    s = open_test_store(tmp_path / "x.db")
    s.add_story("seed", build(), {})
    match = s.matches("seed", reviewer="ann")[0].id
    kept = s.decide("seed", match, "agree", reviewer="ann", session="s")
    pages = s.db.execute("PRAGMA page_count").fetchone()[0]
    s.db.execute(f"PRAGMA max_page_count = {pages + 1}")  # the disk is (nearly) full
    with pytest.raises(StoreError, match="disk is full") as error:
        s.note("seed", match, "x" * 2_000_000, reviewer="ann", session="s")
    assert "\n" not in str(error.value)
    # it said "saving the note event was not saved"
    assert str(error.value).endswith(
        "the disk is full: saving the note event failed, nothing was written"), error.value
    assert [e.id for e in s.events()] == [kept.id]
    s.db.execute("PRAGMA max_page_count = 1073741823")
    s.note("seed", match, "after the disk was freed", reviewer="ann", session="s")
    assert s.match(match, reviewer="ann").note == "after the disk was freed"
