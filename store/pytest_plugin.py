"""The `replay` fixture for recorded sessions, an opt-in pytest plugin: a project loads it
with `pytest_plugins = ["crossfact.store.pytest_plugin"]` in its conftest.py.

    def test_full_review(replay):
        store = replay("fixtures/seed-story/sessions/full-review.jsonl")
        decided, total = store.progress(store.story_id("seed-story"), reviewer="leyla")
        assert total > 0 and decided == total

The session is replayed through `Store.apply` into a fresh database under tmp_path; an
event that no longer applies, or a state that differs from the recording, fails the test
with the exact reasons (pass check=False to inspect them on `db.replay_report` instead).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from .db import Store


@pytest.fixture
def replay(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Callable[..., Store]]:
    """Replay a recorded session into a fresh database and return the open Store."""
    from .db import open_store  # imported when a test uses the fixture, not at pytest start
    from .replaying import replay_file

    opened: list[Store] = []

    def run(session: str | Path, *, rematch: bool = False, check: bool = True) -> Store:
        path = Path(session)
        if not path.is_absolute() and not path.exists():
            path = request.config.rootpath / path
        store = open_store(tmp_path / f"replay-{len(opened)}.db")
        opened.append(store)
        report = replay_file(store, path, rematch=rematch)
        store.replay_report = report  # type: ignore[attr-defined]
        if check and not report.ok:
            pytest.fail(f"{session}: replay differs from the recording:\n"
                        + "\n".join(report.problems), pytrace=False)
        return store

    yield run
    for store in opened:
        store.close()
