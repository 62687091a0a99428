"""tmux for the tests that drive the real app in a real terminal.

Each pane runs on a tmux server of its own (`tmux -L <unique socket>`), so parallel test
workers, and anyone else's tmux on the machine, never share a server with it.
"""

from __future__ import annotations

import os
import subprocess
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


def wait_for(condition: Callable[[], bool], what: str, limit: float = 30.0) -> None:
    """Poll until `condition` holds; the limit only turns a hang into a clear failure."""
    deadline = time.monotonic() + limit
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"gave up waiting for {what}")
        time.sleep(0.1)


class Pane:
    """One tmux session on its own server: type into it, read what it shows."""

    def __init__(self, socket: str) -> None:
        self.socket = socket
        self.target = "main"

    def tmux(self, *args: str) -> str:
        return subprocess.run(["tmux", "-L", self.socket, *args], check=True,
                              capture_output=True, text=True).stdout

    def capture(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", self.target)

    def send(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", self.target, *keys)

    def pid(self) -> int:
        return int(self.tmux("display-message", "-p", "-t", self.target, "#{pane_pid}"))

    def alive(self) -> bool:
        done = subprocess.run(["tmux", "-L", self.socket, "has-session", "-t", self.target],
                              capture_output=True)
        return done.returncode == 0


@contextmanager
def tmux_pane(command: str, cwd: Path, *, width: int = 120, height: int = 34) -> Iterator[Pane]:
    """Run `command` (a shell line) in a fresh pane, and kill its server afterwards."""
    pane = Pane(f"crossfact-test-{os.getpid()}-{uuid.uuid4().hex[:8]}")
    # a tmux server started under pytest passes COLUMNS=80 LINES=24 on, and Textual prefers
    # them to the pane's real size
    line = f"exec env -u COLUMNS -u LINES TERM=xterm-256color {command}"
    pane.tmux("new-session", "-d", "-s", pane.target, "-c", str(cwd),
              "-x", str(width), "-y", str(height), line)
    try:
        yield pane
    finally:
        subprocess.run(["tmux", "-L", pane.socket, "kill-server"], capture_output=True)
