"""The README's example: a recorded review session as a test of one's own workflow.

The `replay` fixture comes from crossfact's opt-in pytest plugin (loaded by
`pytest_plugins = ["crossfact.store.pytest_plugin"]` in conftest.py): it replays the
session into a fresh database through the same commands the TUI uses, fails the test if any
event no longer applies or the state differs from the recording, and returns the open store.
"""

SESSION = "fixtures/seed-story/sessions/full-review.jsonl"


def test_every_match_has_a_verdict(replay):
    store = replay(SESSION)
    story = store.story_id("seed-story")
    decided, total = store.progress(story, reviewer="leyla")
    assert total > 0 and decided == total


def test_the_colossus_conflict_blames_the_turkish_version(replay):
    store = replay(SESSION)
    story = store.story_id("seed-story")
    turkish = next(d.id for d in store.documents(story) if d.lang == "tr")
    colossus = next(row for row in store.matches(story, reviewer="leyla", search="Colossus")
                    if row.verdict == "conflict")
    decision = store.match(colossus.id, reviewer="leyla")
    assert decision.outliers == [turkish]
    assert "xAI" in decision.note
