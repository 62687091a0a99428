"""Running a command the way a user does, and the promises every hostile case keeps.

`crossfact(...)` runs the real command line in a child process (so a traceback, an escape
byte or a crash cannot hide in the test's own process) and checks the promises of
issue 13: no traceback, no ESC byte on stdout or stderr, no other control or bidi
override on stderr, and on failure exactly one line
on stderr with a non-zero exit.
"""

from __future__ import annotations

import os
import subprocess
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path


def _controls(char: str) -> bool:
    """A character a message to the user must never carry raw: a control but newline and
    tab (C0, DEL, C1), or a bidi embedding, override or isolate that reorders what is shown."""
    if char in "\n\t":
        return False
    return unicodedata.category(char) == "Cc" or "\u202a" <= char <= "\u202e" \
        or "\u2066" <= char <= "\u2069"


@dataclass
class Ran:
    code: int
    out: bytes
    err: str


def crossfact(*args: str | Path, env: dict[str, str] | None = None, ok: bool | None = None,
              stdin: bytes | None = None, timeout: float = 120, cwd: Path | None = None,
              wrap: tuple[str, ...] = ()) -> Ran:
    """Run `crossfact ARGS` (through the command `wrap`, if given); `ok` True/False asserts
    success or a one-line refusal."""
    environment = {**os.environ, "PYTHONIOENCODING": "utf-8", **(env or {})}
    environment = {k: v for k, v in environment.items() if v is not None}
    proc = subprocess.run([*wrap, sys.executable, "-m", "crossfact", *map(str, args)],
                          input=stdin, capture_output=True, timeout=timeout, env=environment,
                          cwd=cwd)
    err = proc.stderr.decode("utf-8", "replace")
    ran = Ran(proc.returncode, proc.stdout, err)
    assert "Traceback" not in err, err
    assert b"\x1b" not in proc.stdout and b"\x1b" not in proc.stderr, (proc.stdout[:500], err)
    assert not [c for c in err if _controls(c)], err  # C1 (8-bit CSI), bidi overrides too
    if ok is True:
        assert proc.returncode == 0, err
    elif ok is False:
        assert proc.returncode != 0, (proc.stdout[:500], err)
        assert err.count("\n") == 1 and err.endswith("\n"), err
    return ran


def same_bytes(path: Path) -> bytes:
    """The database's bytes with its WAL checkpointed in: what "untouched" compares."""
    data = path.read_bytes()
    wal = Path(f"{path}-wal")
    return data + (wal.read_bytes() if wal.exists() else b"")
