"""A match's suggestion is decided from its own claims and the matcher's memberships, by one
rule (`crossfact.sharing.match_verdict`) for the matcher and for the store: suggested again
from the stored memberships, a match gets the matcher's own suggestion, and a fix to other
matches leaves it as it was."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest
from store_data import open_test_store

from crossfact import pipeline
from crossfact.models import MatchResult
from crossfact.store import Store, StoreError
from crossfact.store.state import rebuild, recompute, stored_membership

ROOT = Path(__file__).resolve().parents[1]
# the seed story and the development stories (never fixtures/news-heldout)
STORIES = [ROOT / "crossfact" / "seed-story",
           *sorted(p for p in (ROOT / "fixtures" / "news").iterdir() if p.is_dir())]


def _suggested_again_as_matched(store: Store, result: MatchResult) -> str:
    """Add `result` as a story, suggest every match again from its stored memberships, and
    check that each gets the matcher's suggestion, reasons and outliers; the story's id."""
    machine = {m.id: (m.suggestion, m.reasons, m.outliers) for m in result.matches}
    store.add_story("story", result, {})
    story = store.story_id("story")
    assert story is not None
    membership = stored_membership(store.db, story)
    assert membership is not None
    for meta in membership.meta.values():
        meta.corrected = True  # suggest every match again
    recompute(store.db, membership, list(membership.claims))
    assert {m: (meta.suggestion, meta.reasons, meta.outliers)
            for m, meta in membership.meta.items()} == machine
    return story


def test_a_hard_wrapped_story_is_suggested_again_as_the_matcher_read_it(tmp_path: Path) -> None:
    """The matcher reads a hard-wrapped claim unwrapped (`segment.as_unwrapped`: "29\n000"
    one number): the store, suggesting a fixed match again, reads it so too."""
    folder = tmp_path / "wrapped"
    folder.mkdir()
    for version in sorted((ROOT / "crossfact" / "seed-story").glob("*.txt")):
        paragraphs = version.read_text(encoding="utf-8").split("\n")
        (folder / version.name).write_text("\n\n".join(
            textwrap.fill(p, 60) for p in paragraphs if p.strip()) + "\n", encoding="utf-8")
    store = open_test_store(tmp_path / "story.db")
    try:
        _suggested_again_as_matched(store, pipeline.run([folder]))
    finally:
        store.close()


@pytest.mark.parametrize("folder", STORIES, ids=lambda p: p.name)
def test_suggesting_again_from_the_memberships_gives_the_matchers_suggestion(
        tmp_path: Path, folder: Path) -> None:
    """Right after matching, every match suggested again by the store from its stored
    memberships gets the matcher's suggestion, reasons and outliers. Then every weak link
    of the story is broken, one after another: each match no fix changed (not `corrected`)
    keeps the matcher's suggestion, written and rebuilt from the log alike. The seed's
    lede (tr "xBuster ve Tesla'nın ...") was suggested agree, its ar and fr claims, weak
    links of the headlines' matches, compared there by their figures only; breaking those
    links turned it to conflict (xBuster against xAI) without a fix to it."""
    result = pipeline.run([folder])
    machine = {m.id: (m.suggestion, m.reasons, m.outliers) for m in result.matches}
    store = open_test_store(tmp_path / "story.db")
    try:
        story = _suggested_again_as_matched(store, result)

        broken = 0
        for m in result.matches:
            for claim in m.suggested:
                try:
                    store.break_link("story", m.id, claim, reviewer="ann", session="s")
                    broken += 1
                except StoreError:
                    pass  # an earlier break dissolved the match or took the claim
        query = ("SELECT id, suggestion, reasons, outliers FROM current_matches "
                 "WHERE story = ? AND corrected = 0")
        written = {row[0]: tuple(row[1:]) for row in store.db.execute(query, [story])}
        assert written  # the matches no fix changed
        for match, (suggestion, reasons, outliers) in written.items():
            assert (suggestion, json.loads(reasons), json.loads(outliers)) == machine[match], match
        with store.db.conn:
            rebuild(store.db, story)
        assert {row[0]: tuple(row[1:]) for row in store.db.execute(query, [story])} == written
        assert broken or not any(m.suggested for m in result.matches)
    finally:
        store.close()

