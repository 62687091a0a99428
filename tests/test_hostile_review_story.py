"""Issue 13, data loss 2: `crossfact review --story NAME --db D` without files opens NAME
with its own documents; it never matches the bundled seed story into NAME."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from click.testing import CliRunner
from store_data import build, open_test_store

from crossfact.cli import main
from crossfact.store import open_store
from crossfact.tui.app import ReviewApp


def test_a_named_story_opens_with_its_own_documents(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "d.db"
    s = open_test_store(db)
    s.add_story("mine", build(), {})
    for row in s.matches("mine", reviewer="leyla"):
        s.decide("mine", row.id, "agree", reviewer="leyla", session="l")
    documents = [d.id for d in s.documents(s.story_id("mine") or "")]
    s.close()
    opened: list[ReviewApp] = []

    def run_headless(app: ReviewApp) -> None:  # the real app, without a terminal
        async def main() -> None:
            async with app.run_test() as pilot:
                await pilot.pause(0.5)
        opened.append(app)
        asyncio.run(main())

    monkeypatch.setattr(ReviewApp, "run", run_headless)
    result = CliRunner().invoke(main, ["review", "--story", "mine", "--db", str(db),
                                       "--reviewer", "leyla"])
    assert result.exit_code == 0, result.output
    assert opened and opened[0].paths == [] and opened[0].story_name == "mine"
    with open_store(db) as s:
        story = s.story_id("mine") or ""
        assert [d.id for d in s.documents(story)] == documents
        assert s.db["runs"].count == 1
        assert s.progress("mine", reviewer="leyla") == (4, 4)


def test_an_unknown_named_story_without_files_is_one_line(tmp_path: Path) -> None:
    db = tmp_path / "d.db"
    result = CliRunner().invoke(main, ["review", "--story", "README", "--db", str(db)])
    assert result.exit_code == 1
    assert "no story named 'README'" in result.output and result.output.count("\n") == 1
