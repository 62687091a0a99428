"""The store with the real matcher on the seed story: add, review, re-match, replay."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from store_data import Ticker, open_test_store

from crossfact import pipeline
from crossfact.store.exports import FORMATS
from crossfact.store.replaying import replay_file
from crossfact.store.state import rebuild

SEED = Path(__file__).resolve().parents[1] / "fixtures" / "seed-story"


@pytest.fixture(scope="module")
def seed_result():
    return pipeline.run(sorted(SEED.glob("*.txt")))


def test_seed_story_review_and_rematched_replay(tmp_path: Path, seed_result,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    workdir = tmp_path / "work"
    shutil.copytree(SEED, workdir / "seed-story")
    monkeypatch.chdir(workdir)
    paths = sorted(str(p.relative_to(workdir)) for p in (workdir / "seed-story").glob("*.txt"))
    result = pipeline.run(paths)
    s = open_test_store(tmp_path / "x.db")
    s.add_story("seed", result, {"langs": {}, "segmented": False})
    rows = s.matches("seed", reviewer="ann", limit=1000)
    assert len(rows) == len(result.matches) > 10
    for row in rows[:10]:
        s.decide("seed", row.id, row.suggestion, reviewer="ann", session="s")
    s.undo("seed", reviewer="ann", session="s")
    recording = tmp_path / "session.jsonl"
    recording.write_text("".join(FORMATS["jsonl"](s, None)), encoding="utf-8")
    fresh = open_test_store(tmp_path / "y.db", Ticker("r"))
    report = replay_file(fresh, recording, rematch=True)
    assert report.ok, report.problems
    assert "".join(FORMATS["jsonl"](fresh, None)) == recording.read_text(encoding="utf-8")


def test_editing_one_version_carries_the_verdicts(tmp_path: Path, seed_result) -> None:
    s = open_test_store(tmp_path / "x.db")
    s.add_story("seed", seed_result, {})
    rows = s.matches("seed", reviewer="ann", limit=1000)
    for row in rows:
        s.decide("seed", row.id, row.suggestion, reviewer="ann", session="s")
    edited = tmp_path / "edited"
    shutil.copytree(SEED, edited)
    first = sorted(edited.glob("*.txt"))[0]
    text = first.read_text(encoding="utf-8")
    first.write_text(text.replace(".", " .", 1), encoding="utf-8")  # a tiny edit
    s.add_story("seed", pipeline.run(sorted(edited.glob("*.txt"))), {})
    report = s.last_carry
    assert report is not None and report.carried
    decided, total = s.progress("seed", reviewer="ann")
    assert report.orphaned == []  # a one-character edit leaves no verdict homeless
    assert decided >= 0.9 * total  # only matches the edit made new are left to decide
    assert s.db["events"].count == len(rows) + len(report.carried)  # nothing dropped


def test_the_same_files_read_otherwise_are_matched_again(tmp_path: Path) -> None:
    """Reopening a story with another --lang (a misdetected version corrected) or with
    --segmented used to change nothing: the texts were the same, so the stored run, read
    the old way, stayed. The languages and claims are how the files were read: a change
    of them is a new run, and the verdicts follow their claims."""
    text = "Tesla spent 10 billion dollars on chips in 2024, the company said on Monday. "
    files = [tmp_path / "a.txt", tmp_path / "b.txt"]
    files[0].write_text(text + "It was a record.\n", encoding="utf-8")  # two sentences, one line
    files[1].write_text(text.replace("Monday", "Tuesday") + "It was a record.\n",
                        encoding="utf-8")
    s = open_test_store(tmp_path / "x.db")
    story = s.add_story("s", pipeline.run(files), {})
    for row in s.matches(story, reviewer="ann"):
        s.decide(story, row.id, "agree", reviewer="ann", session="s")
    s.add_story("s", pipeline.run(files), {})
    assert s.last_carry is None  # read the same way: nothing happens
    s.add_story("s", pipeline.run(files, langs={str(files[0]): "it"}), {})
    assert sorted(d.lang for d in s.documents(story)) == ["en", "it"]
    assert s.last_carry is not None and not s.last_carry.orphaned
    assert s.progress(story, reviewer="ann")[0] > 0
    s.add_story("s", pipeline.run(files, langs={str(files[0]): "it"}, segmented=True), {})
    assert s.last_carry is not None


QUERY = ("SELECT id, suggestion, reasons, outliers, score, corrected FROM current_matches "
         "ORDER BY id")


def test_a_fix_elsewhere_leaves_the_ledes_suggestion_as_the_matcher_made_it(
        tmp_path: Path, seed_result) -> None:
    """The lede (tr "xBuster ve Tesla'nın ...") is in a match whose ar claim is also a weak
    link of the headlines' match. Its names were ignored in the lede's match too, where it
    is firm, so the matcher suggested agree; breaking that weak link left the ar claim in
    the lede's match alone, and the store suggested the lede again: conflict (xBuster
    against xAI), for a fix to another match. The matcher now compares a claim by all its
    names where it is firm, so the lede is a conflict from the start, and the fix elsewhere,
    a rebuild and an undo leave it so."""
    store = open_test_store(tmp_path / "x.db")
    store.add_story("seed", seed_result, {})
    rows = store.matches("seed", reviewer="ann")
    views = [store.match(r.id, reviewer="ann") for r in rows]
    lede = next(v for v in views if any(m.claim.text.startswith("xBuster ve Tesla")
                                         for m in v.members))
    headline, ar_claim = next((v.id, m.claim.id) for v in views for m in v.members
                              if m.suggested and any(m.claim.id == o.claim.id
                                                     for o in lede.members))
    assert (lede.suggestion, lede.corrected) == ("conflict", False)
    assert lede.reasons[0] == "xBuster (tr) vs xAI (bn, ar, fr)"
    before = list(store.db.query(QUERY))
    store.break_link("seed", headline, ar_claim, reviewer="ann", session="s")
    after = store.match(lede.id, reviewer="ann")
    assert (after.suggestion, after.reasons, after.corrected, after.restated) == (
        lede.suggestion, lede.reasons, False, False)
    incremental = list(store.db.query(QUERY))
    rebuild(store.db, store.story_id("seed"))
    assert list(store.db.query(QUERY)) == incremental  # a rebuild from the log agrees
    store.undo("seed", reviewer="ann", session="s")
    assert list(store.db.query(QUERY)) == before
    store.close()
