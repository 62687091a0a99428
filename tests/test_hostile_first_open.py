"""Issue 13, data loss 4: the first open of a new database is all or nothing, and several
first opens at once agree."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
from pathlib import Path

from crossfact.store import open_store

OPEN = "import sys; from crossfact.store import open_store; open_store(sys.argv[1]).close()"
# The same open, killed (SIGKILL) just before its Nth SQL statement; N = 0 prints how many
# statements a whole first open runs.
KILLED_AT = """
import os, signal, sqlite3, sys
stop, count, real = int(sys.argv[2]), [0], sqlite3.connect
def connect(*args, **kwargs):
    conn = real(*args, **kwargs)
    def trace(sql):
        count[0] += 1
        if count[0] == stop:
            os.kill(os.getpid(), signal.SIGKILL)
    conn.set_trace_callback(trace)
    return conn
sqlite3.connect = connect
from crossfact.store import open_store
open_store(sys.argv[1]).close()
print(count[0])
"""
KILLS = 10


def opener(db: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", OPEN, str(db)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def killed_at(db: Path, statement: int) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", KILLED_AT, str(db), str(statement)],
                          capture_output=True, text=True)


def test_a_first_open_killed_at_random_points_never_bricks_the_file(tmp_path: Path) -> None:
    whole = killed_at(tmp_path / "probe.db", 0)
    assert whole.returncode == 0, whole.stderr
    statements = int(whole.stdout)
    for attempt, stop in enumerate(sorted(random.Random(13).sample(range(1, statements),
                                                                   KILLS))):
        db = tmp_path / f"k{attempt}.db"
        assert killed_at(db, stop).returncode == -signal.SIGKILL
        with open_store(db) as s:  # opens (creating what is missing), never "not ours"
            assert s.db["events"].exists(), stop
            assert s.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_three_first_opens_at_once_agree(tmp_path: Path) -> None:
    for attempt in range(3):
        db = tmp_path / f"c{attempt}.db"
        procs = [opener(db) for _ in range(3)]
        results = [(proc.wait(), proc.stderr.read().decode() if proc.stderr else "")
                   for proc in procs]
        assert all(code == 0 for code, _ in results), results
        with open_store(db) as s:
            applied = s.db.execute("SELECT count(*) FROM _sqlite_migrations").fetchone()[0]
            assert applied == len(s.db.execute(
                "SELECT DISTINCT name FROM _sqlite_migrations").fetchall())
