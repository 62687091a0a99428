"""A claim that states several facts is a member of several matches: its firm match and a
suggested place in another. The store, corrections, undo, rebuild, carry-over, exports,
import and replay all handle the membership as the (claim, match) pair."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from store_data import TWO_FACTS, VERSIONS, imported_and_replayed, open_test_store, shared

from crossfact.models import Event
from crossfact.store import Store, StoreError, split_match_id
from crossfact.store.exports import FORMATS
from crossfact.store.importing import import_lines
from crossfact.store.state import derive_membership, rebuild, stored_membership


@pytest.fixture
def s(tmp_path: Path):
    store = open_test_store(tmp_path / "shared.db")
    store.add_story("seed", shared(), {})
    yield store
    store.close()


def ids(s: Store) -> tuple[str, str, list[str]]:
    """The two-fact claim, and the ids of the story's matches in order."""
    rows = [row.id for row in s.matches("seed", reviewer="ann")]
    claim = next(m.claim.id for m in s.match(rows[0], reviewer="ann").members
                 if m.claim.text == TWO_FACTS)
    return claim, rows[0], rows


def members(s: Store, match: str) -> dict[str, bool]:
    """claim -> suggested, for one current match."""
    return {m.claim.id: m.suggested for m in s.match(match, reviewer="ann").members}


def current_rows(s: Store) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    story = s.story_id("seed")
    return (list(s.db["current_members"].rows_where("story = ?", [story],
                                                   order_by='"match", ord')),
            list(s.db["current_matches"].rows_where("story = ?", [story], order_by="id")))


def assert_rebuild_agrees(s: Store) -> None:
    """What each command wrote equals a rebuild from the log, row for row."""
    story = s.story_id("seed")
    incremental, rebuilt = stored_membership(s.db, story), derive_membership(s.db, story)
    assert incremental is not None and rebuilt is not None
    assert (incremental.claims, incremental.where, incremental.suggested) == (
        rebuilt.claims, rebuilt.where, rebuilt.suggested)
    before = current_rows(s), letters(s)
    with s.db.conn:
        rebuild(s.db, story)
    assert (current_rows(s), letters(s)) == before


def letters(s: Store) -> list[dict[str, Any]]:
    """The story's split-out letters as kept (split_letters)."""
    return list(s.db["split_letters"].rows_where("story = ?", [s.story_id("seed")],
                                                 order_by='position, "match"'))


def test_a_claim_of_two_facts_is_listed_in_both_matches(s: Store) -> None:
    claim, first, rows = ids(s)
    second = rows[1]
    assert members(s, first)[claim] is False and members(s, second)[claim] is True
    here = {m.claim.id: m.also_in for m in s.match(second, reviewer="ann").members}
    assert here[claim] == ["1"] and all(not v for c, v in here.items() if c != claim)
    assert {m.claim.id: m.also_in for m in s.match(first, reviewer="ann").members}[claim] == ["2"]
    # counts are of matches, never of claims listed twice
    assert s.count("seed", reviewer="ann") == 4 and s.stories()[0].matches == 4
    assert s.count("seed", reviewer="ann", search="harcadı") == 2
    assert s.matches("seed", reviewer="ann")[1].langs == ["tr", "tr", "bn", "ar", "he", "fr"]
    assert s.db["current_members"].count == sum(len(m.claims) for m in shared().matches)


def test_a_member_s_other_matches_are_looked_up_by_key(s: Store) -> None:
    """The "also in" of a match's members costs index searches, not a read of every member
    of the story (what SQLite chose without the CROSS JOIN and the covering index)."""
    from crossfact.store.reads import ALSO_IN_SQL

    plan = [row[3] for row in s.db.execute(f"EXPLAIN QUERY PLAN {ALSO_IN_SQL}",
                                           [s.story_id("seed"), "m"])]
    steps = [step for step in plan if "current_members" in step or " cm " in step
             or " other " in step]
    assert all("SEARCH" in step for step in steps)
    assert steps[0].startswith("SEARCH cm ") and "(story=? AND match=?)" in steps[0]
    assert steps[1].startswith("SEARCH other ") and "(story=? AND claim=?)" in steps[1]
    # and a number's letter is one lookup by key (split_letters), no read of the log
    letters = [step for step in plan if step.startswith(("SEARCH s ", "SCAN s "))]
    assert letters and all("(story=? AND position=? AND match=?)" in s for s in letters)
    assert not [step for step in plan if "events" in step]


def test_a_correction_acts_on_the_membership_it_names(s: Store) -> None:
    claim, first, rows = ids(s)
    second = rows[1]
    s.confirm_link("seed", second, claim, reviewer="ann", session="s")
    assert members(s, second)[claim] is False and claim in members(s, first)
    s.undo("seed", reviewer="ann", session="s")
    assert members(s, second)[claim] is True
    s.break_link("seed", second, claim, reviewer="ann", session="s")
    assert claim not in members(s, second) and claim in members(s, first)
    assert split_match_id(claim) not in {r.id for r in s.matches("seed", reviewer="ann")}
    assert_rebuild_agrees(s)
    s.undo("seed", reviewer="ann", session="s")
    assert members(s, second)[claim] is True
    with pytest.raises(StoreError, match="not a suggested link of match"):
        s.break_link("seed", first, claim, reviewer="ann", session="s")
    with pytest.raises(StoreError, match="in 2 matches .* must name the match"):
        s.split_claim("seed", claim, reviewer="ann", session="s")
    with pytest.raises(StoreError, match="in 2 matches .* must name the match"):
        s.move_claim("seed", claim, rows[3], reviewer="ann", session="s")
    with pytest.raises(StoreError, match=f"already in match {first}"):
        s.move_claim("seed", claim, first, reviewer="ann", session="s", match_id=second)
    with pytest.raises(StoreError, match=f"not in match {rows[3]} but in"):
        s.split_claim("seed", claim, reviewer="ann", session="s", match_id=rows[3])
    # split out of its firm match: it stays in the other, so it does not stand alone
    s.split_claim("seed", claim, reviewer="ann", session="s", match_id=first)
    assert claim not in members(s, first) and members(s, second)[claim] is True
    assert s.count("seed", reviewer="ann") == 4
    # broken off its last match: now it stands alone, as a split claim always did
    s.break_link("seed", second, claim, reviewer="ann", session="s")
    assert members(s, split_match_id(claim)) == {claim: False}
    assert_rebuild_agrees(s)
    assert [e.match for e in s.events("seed") if e.kind != "undo"] == [
        second, second, first, second]


def test_a_match_left_with_only_a_weak_link_of_another_match_is_gone(s: Store) -> None:
    """The two-fact claim is a weak link of the second match: once every other claim is
    split out, nothing of the match's own is left, and it is gone (the claim stays in its
    own match); undo finds those splits all the same and brings it back."""
    claim, first, rows = ids(s)
    second = rows[1]
    others = [c for c in members(s, second) if c != claim]
    for other in others:
        s.split_claim("seed", other, reviewer="ann", session="s", match_id=second)
    current = {r.id for r in s.matches("seed", reviewer="ann")}
    assert second not in current and all(split_match_id(c) in current for c in others)
    assert claim in members(s, first)
    assert {m.claim.id: m.also_in for m in s.match(first, reviewer="ann").members}[claim] == []
    assert_rebuild_agrees(s)
    for _ in others:
        assert s.undo("seed", reviewer="ann", session="s") is not None
    assert current_rows(s) == current_rows_of_a_fresh_store(s)


def test_a_claim_moved_in_keeps_the_match_when_the_rest_leave(s: Store) -> None:
    """A move is the reviewer's link: the two-fact claim moved into the lone French claim's
    match, then the French claim split out, the match stays, a match of one (its fact,
    unsourced), although the claim is in another match too."""
    claim, first, rows = ids(s)
    lone = rows[3]
    french = next(iter(members(s, lone)))
    s.move_claim("seed", claim, lone, reviewer="ann", session="s", match_id=rows[1])
    assert members(s, lone) == {french: False, claim: False}
    s.split_claim("seed", french, reviewer="ann", session="s")
    current = {r.id for r in s.matches("seed", reviewer="ann")}
    assert lone in current and split_match_id(french) in current
    assert members(s, lone) == {claim: False} and claim in members(s, first)
    assert s.match(lone, reviewer="ann").suggestion == "unsourced"
    assert_rebuild_agrees(s)
    for _ in range(2):
        s.undo("seed", reviewer="ann", session="s")
    assert current_rows(s) == current_rows_of_a_fresh_store(s)


def current_rows_of_a_fresh_store(s: Store) -> tuple[list[dict], list[dict]]:
    """The current tables of the same story with no correction at all."""
    fresh = open_test_store(s.path.parent / "fresh.db")
    try:
        fresh.add_story("seed", shared(), {})
        return current_rows(fresh)
    finally:
        fresh.close()


def test_an_event_that_names_no_match_is_refused_for_a_shared_claim(s: Store) -> None:
    claim, _, _ = ids(s)
    event = Event(id="raw", story=s.story_id("seed"), kind="split", claim=claim,
                  reviewer="ann", session="s", at="t")
    with pytest.raises(StoreError, match="must name the match it acts on"):
        s.apply(event)
    assert s.db["events"].count == 0


def review_shared(s: Store) -> None:
    """Verdicts on both matches of the two-fact claim, and corrections on its membership."""
    claim, first, rows = ids(s)
    s.decide("seed", first, "agree", reviewer="ann", session="s")
    s.confirm_link("seed", rows[1], claim, reviewer="ann", session="s")
    s.decide("seed", rows[1], "conflict", reviewer="ann", session="s", note="ar: 2023")
    s.split_claim("seed", claim, reviewer="ann", session="s", match_id=first)
    s.undo("seed", reviewer="ann", session="s")


def test_exports_list_the_claim_in_each_match(s: Store) -> None:
    review_shared(s)
    _, first, rows = ids(s)
    table = list(csv.DictReader(io.StringIO("".join(FORMATS["csv"](s, "seed")))))
    by_match = {row["match"]: row for row in table}
    assert TWO_FACTS in by_match[first]["tr"]
    assert by_match[rows[1]]["tr"] == f"{TWO_FACTS} | {VERSIONS['tr'][1]}"
    report = "".join(FORMATS["md"](s, "seed"))
    conflict = report.split("### Match 2 ")[1].split("###")[0]
    assert f"| tr | {TWO_FACTS} *(also in match 1)* |" in conflict
    reviews = json.loads("".join(FORMATS["claimreview"](s, "seed")))
    texts = {r["identifier"]: [a["text"] for a in r["itemReviewed"]["appearance"]]
             for r in reviews}
    assert TWO_FACTS in texts[first] and TWO_FACTS in texts[rows[1]]


def test_jsonl_re_imports_and_replays_the_shared_membership_exactly(s: Store,
                                                                     tmp_path: Path) -> None:
    review_shared(s)
    with imported_and_replayed(s, "seed", tmp_path) as (log, others, report):
        assert report.ok and report.applied == 5, report.problems
        for other in others:
            assert current_rows(other) == current_rows(s)
            assert "".join(FORMATS["jsonl"](other, "seed")) == log


def test_verdicts_on_a_shared_claim_s_matches_carry_without_a_second_look(
        s: Store) -> None:
    """The Hebrew version changes elsewhere: the matches holding its claims get new ids.
    The two-fact claim is found in both new matches; each verdict follows the match that
    holds all its claims, and it needs no second look for being found twice."""
    review_shared(s)
    versions = {lang: list(texts) for lang, texts in VERSIONS.items()}
    versions["he"][2] = "החברה מעסיקה 30,000 עובדים."
    s.add_story("seed", shared(versions), {})
    report = s.last_carry
    assert report is not None and report.orphaned == []
    rows = s.matches("seed", reviewer="ann")
    assert [r.verdict for r in rows[:2]] == ["agree", "conflict"]
    assert report.second_look == [] and len(report.carried) == 2
    assert s.match(rows[1].id, reviewer="ann").note == "ar: 2023"


TABLES = ("stories", "runs", "documents", "claims", "matches", "members", "origins", "events",
          "carried", "current_matches", "current_members", "current_decisions")
# derived tables are rewritten by a rebuild: compared in the order of their keys
ORDER = {"current_matches": "story, id", "current_members": 'story, "match", claim',
         "current_decisions": 'story, "match", reviewer'}


def table_rows(db: Any, table: str) -> list[dict[str, Any]]:
    return list(db[table].rows_where(order_by=ORDER.get(table, "rowid")))


def test_a_database_of_the_schema_before_keeps_every_decision(tmp_path: Path) -> None:
    """A file at the schema before m007 (current_members keyed by (story, claim)), holding a
    review with every kind of correction, opens with this crossfact: migrated, its derived
    tables the same rows, its log untouched; then a claim may join a second match."""
    import sqlite3

    from sqlite_utils import Database
    from store_data import build, review

    from crossfact.store.schema import SCHEMA_VERSION, migrations

    made = open_test_store(tmp_path / "made.db")
    made.add_story("seed", build(), {})
    review(made)
    rows = made.matches("seed", reviewer="ann")
    moved = made.match(rows[0].id, reviewer="ann").members[1].claim.id
    made.move_claim("seed", moved, rows[3].id, reviewer="bob", session="b")
    made.split_claim("seed", made.match(rows[1].id, reviewer="ann").members[0].claim.id,
                     reviewer="bob", session="b")
    expected = {t: table_rows(made.db, t) for t in TABLES}
    found = made.count("seed", reviewer="ann", search="Tesla")  # the moved টেসলা too
    made.close()

    old = Database(tmp_path / "old.db")
    migrations.apply(old, stop_before="m007_shared_members")
    names = [m.name for m in migrations._migrations]
    old.execute(f"PRAGMA user_version = {names.index('m007_shared_members')}")
    assert old["current_members"].pks == ["story", "claim"]
    old.close()
    raw = sqlite3.connect(tmp_path / "old.db")
    raw.execute("ATTACH ? AS made", [str(tmp_path / "made.db")])
    for table in TABLES:  # the columns the schema had then (later migrations add some)
        columns = ", ".join(f'"{row[1]}"' for row in raw.execute(
            f"PRAGMA main.table_info({table})"))
        raw.execute(f"INSERT OR IGNORE INTO main.{table} ({columns}) SELECT {columns} "
                    f"FROM made.{table} ORDER BY rowid")
    raw.execute("INSERT INTO main.claims_latin_fts (rowid, latin, consonants) "
                "SELECT rowid, latin, consonants FROM made.claims_latin_fts")
    raw.commit()
    raw.close()

    s = open_test_store(tmp_path / "old.db")
    try:
        assert s.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert s.db["current_members"].pks == ["story", "match", "claim"]
        for table in TABLES:
            assert table_rows(s.db, table) == expected[table], table
        assert s.progress("seed", reviewer="ann") == (4, 5)
        assert s.count("seed", reviewer="ann", search="Tesla") == found == 2
        s.add_story("two facts", shared(), {})  # the migrated file takes shared members
        first, second = (row.id for row in s.matches("two facts", reviewer="ann")[:2])
        claim = next(m.claim.id for m in s.match(first, reviewer="ann").members
                     if m.claim.text == TWO_FACTS)
        assert [m.also_in for m in s.match(second, reviewer="ann").members
                if m.claim.id == claim] == [["1"]]
    finally:
        s.close()


def test_the_replay_fixture_checks_corrections_on_a_shared_membership(
        s: Store, tmp_path: Path, replay: Any) -> None:
    """A recorded session with a confirm, splits and an undo on the two-fact claim's
    memberships replays through the plugin's `replay` fixture to the recorded state."""
    review_shared(s)
    claim, first, rows = ids(s)
    with pytest.raises(StoreError, match="not a suggested link"):  # ann confirmed it
        s.break_link("seed", rows[1], claim, reviewer="bob", session="b")
    s.split_claim("seed", claim, reviewer="bob", session="b", match_id=rows[1])
    session = tmp_path / "session.jsonl"
    session.write_text("".join(FORMATS["jsonl"](s, "seed")), encoding="utf-8")
    replayed = replay(session)
    assert current_rows(replayed) == current_rows(s)
    assert claim not in members(replayed, rows[1]) and claim in members(replayed, first)


def test_matches_that_break_the_membership_contract_are_refused(tmp_path: Path) -> None:
    """A claim firm in two matches (its extra membership not suggested), a suggested claim
    the match does not hold, a claim in no match: refused by add_story and by an import,
    each said in one line, nothing stored."""
    result = shared()
    first, second = result.matches[0], result.matches[1]
    claim = first.claims[0]
    assert result.membership_problems() == []
    firm_twice = result.model_copy(update={"matches": [
        first, second.model_copy(update={"suggested": []}), *result.matches[2:]]})
    stray = result.model_copy(update={"matches": [
        first.model_copy(update={"suggested": ["c-nowhere"]}), *result.matches[1:]]})
    alone = result.model_copy(update={"matches": result.matches[:-1]})
    assert firm_twice.membership_problems() == [
        f"claim {claim} is a firm member of 2 matches ({first.id}, {second.id}); beyond "
        "one, a membership is suggested"]
    assert stray.membership_problems() == [
        f"match {first.id} suggests c-nowhere, which it does not hold"]
    assert alone.membership_problems() == [
        f"claim {result.matches[-1].claims[0]} is in no match"]
    last = result.matches[-1]
    empty = result.model_copy(update={"matches": [
        *result.matches, last.model_copy(update={"id": "m-empty", "claims": []})]})
    assert empty.membership_problems() == ["match m-empty holds no claim"]
    weak_alone = result.model_copy(update={"matches": [
        *result.matches[:-1], last.model_copy(update={"suggested": last.claims})]})
    assert weak_alone.membership_problems() == [
        f"match {last.id} suggests a link with no claim at its other end"]
    s = open_test_store(tmp_path / "refused.db")
    try:
        for bad in (firm_twice, stray, alone, empty, weak_alone):
            with pytest.raises(StoreError, match="break their contract"):
                s.add_story("bad", bad, {})
        assert s.stories() == []
        s.add_story("seed", result, {})
        line = next(text for text in FORMATS["jsonl"](s, "seed") if '"type":"run"' in text)
        broken = line.replace('"suggested":["' + claim + '"]', '"suggested":[]')
        assert broken != line
        fresh = open_test_store(tmp_path / "fresh.db")
        story_line = next(iter(FORMATS["jsonl"](s, "seed")))
        with pytest.raises(StoreError, match="a run line that does not fit .*firm member"):
            import_lines(fresh, io.StringIO(story_line + broken), "bad.jsonl")
        assert fresh.db["runs"].count == 0
        fresh.close()
    finally:
        s.close()


# quake-turkey and Maui: a claim whose own match repeated another (`sharing.repeats`) is a
# suggested member of that one match only, in several matches no longer, as the store
# counts it (the English "34 buildings collapsed in Osmaniye": "only in en: 34")
@pytest.mark.parametrize("name", ["quake-morocco-2023", "quake-turkey-2023",
                                  "maui-wildfire-2023"])
def test_a_confirmed_link_leaves_the_machine_s_suggestion_as_it_was(tmp_path: Path,
                                                                    name: str) -> None:
    """Suggesting a corrected match again (store/state.py) is the matcher's suggestion: on a
    real story of different outlets, where claims are in several matches and figures fall
    in camps, confirming each weak link (the members stay the same) changes no suggestion,
    reason or outlier."""
    from crossfact import pipeline

    story = Path(__file__).resolve().parents[1] / "fixtures" / "news" / name
    result = pipeline.run(sorted(story.glob("*.txt")),
                          {str(p): p.stem for p in story.glob("*.txt")})
    several = {c for m in result.matches for c in m.claims
               if sum(c in n.claims for n in result.matches) > 1}
    assert several and any(d.outlets for d in result.documents)  # what this test is about
    store = open_test_store(tmp_path / "outlets.db")
    try:
        store.add_story("quake", result, {})
        confirmed = 0
        for m in result.matches:
            for claim in m.suggested:
                store.confirm_link("quake", m.id, claim, reviewer="ann", session="a")
                confirmed += 1
            view = store.match(m.id, reviewer="ann")
            assert (view.suggestion, view.reasons, view.suggested_outliers) == (
                m.suggestion, m.reasons, m.outliers), m.id
        assert confirmed
    finally:
        store.close()


def test_a_claim_moved_between_outlets_is_judged_as_the_matcher_judges(tmp_path: Path) -> None:
    """A claim of one outlet moved into a match of one claim of another: the match now
    links two outlets (the versions' `Document.outlets`, kept with the run), so it is
    suggested again with the figures compared by their fact and in camps, exactly as
    `sharing.match_verdict` judges the new membership."""
    from crossfact import pipeline
    from crossfact.matching import version_labels
    from crossfact.sharing import between_outlets, match_verdict

    story = Path(__file__).resolve().parents[1] / "fixtures" / "news" / "quake-turkey-2023"
    result = pipeline.run(sorted(story.glob("*.txt")),
                          {str(p): p.stem for p in story.glob("*.txt")})
    by_id = {c.id: c for c in result.claims}
    outlets = {d.id: d.outlets for d in result.documents}
    order = {d.id: n for n, d in enumerate(result.documents)}
    alone = next(m for m in result.matches if len(m.claims) == 1
                 and any(c.fingerprint.numbers for c in map(by_id.get, m.claims) if c))
    doc = by_id[alone.claims[0]].doc
    source = next(m for m in result.matches if len(m.claims) > 2 and m.id != alone.id
                  and all(by_id[c].doc != doc for c in m.claims))
    moved = next(c for c in source.claims if by_id[c].doc in outlets[doc]
                 and by_id[c].fingerprint.numbers)
    store = open_test_store(tmp_path / "turkey.db")
    try:
        store.add_story("quake", result, {})
        store.move_claim("quake", moved, alone.id, reviewer="ann", session="a",
                         match_id=source.id)
        view = store.match(alone.id, reviewer="ann")
        members = sorted((by_id[m.claim.id] for m in view.members),
                         key=lambda c: (order[c.doc], c.index))
        assert between_outlets(members, outlets)  # one claim alone linked no outlets
        held = Counter(c for m in result.matches for c in m.claims)
        expected = match_verdict(members, version_labels(result.documents),
                                 len(result.documents), {c for c, n in held.items() if n > 1},
                                 set(alone.claims) - set(alone.suggested),
                                 {d.id: d.lang for d in result.documents}, True)
        assert (view.suggestion, view.reasons, view.suggested_outliers) == (
            expected.suggestion, expected.reasons, expected.outliers)
    finally:
        store.close()


def test_a_number_once_shown_keeps_its_claims_or_is_retired(s: Store) -> None:
    """Split-outs were lettered by their ids (hashes) among the current matches of their
    place, and the plain number went to the first of them once the matcher's match was gone:
    a new split renamed "2b" to "2c", and after the last split dissolved match 2 a split-out
    became "#2" right after the notice "Match #2 is gone". Each number keeps its claims now;
    the matcher's, once gone, is retired and said to be dissolved."""
    claim, _, rows = ids(s)
    second = rows[1]
    plain = s.match(second, reviewer="ann").number
    seen: dict[str, str] = {}
    for other in [c for c in members(s, second) if c != claim]:
        s.split_claim("seed", other, reviewer="ann", session="s", match_id=second)
        numbers = {r.id: r.number for r in s.matches("seed", reviewer="ann")}
        seen[split_match_id(other)] = numbers[split_match_id(other)]
        assert {m: numbers[m] for m in seen} == seen  # none renamed by the later splits
    numbers = {r.id: r.number for r in s.matches("seed", reviewer="ann")}
    assert second not in numbers and plain not in numbers.values()
    assert sorted(seen.values()) == [f"{plain}{letter}" for letter in "bcdef"][:len(seen)]
    assert s.dissolved("seed", plain) is not None
    # the readable view (schema m011) numbers them as the TUI does
    for match in seen:
        s.decide("seed", match, "unsourced", reviewer="ann", session="s")
    assert dict(s.db.execute('SELECT "match", number FROM current_verdicts')) == seen


def test_a_split_out_keeps_its_letter_when_an_earlier_one_goes(s: Store,
                                                               tmp_path: Path) -> None:
    """Split-outs were lettered by counting the current ones of their place: when one went
    (an undo, a move back), those split out after it moved up a letter, and "2c" of a
    reviewer's notes became "2b", a name another match had had. A letter is the split-out's
    for good: retired when it goes, never handed on, and its own again if it comes back; a
    rebuild, an import and a replay of the log give the same letters."""
    claim, _, rows = ids(s)
    second = rows[1]
    plain = s.match(second, reviewer="ann").number
    first, middle, last, fourth = [c for c in members(s, second) if c != claim][:4]

    def numbers(store: Store = s) -> dict[str, str]:
        return {r.id: r.number for r in store.matches("seed", reviewer="ann")}

    for claim_id, by in ((first, "ann"), (middle, "bob"), (last, "ann")):
        s.split_claim("seed", claim_id, reviewer=by, session=by, match_id=second)
    shown = {c: numbers()[split_match_id(c)] for c in (first, middle, last)}
    assert list(shown.values()) == [f"{plain}{letter}" for letter in "bcd"]
    s.undo("seed", reviewer="bob", session="bob2")  # the middle one goes
    assert split_match_id(middle) not in numbers()
    assert numbers()[split_match_id(last)] == shown[last]
    s.move_claim("seed", first, second, reviewer="ann", session="ann",
                 match_id=split_match_id(first))  # and the first, by a move back
    assert numbers()[split_match_id(last)] == shown[last]
    assert_rebuild_agrees(s)
    s.split_claim("seed", fourth, reviewer="ann", session="ann", match_id=second)
    assert numbers()[split_match_id(fourth)] == f"{plain}e"  # b and c stay retired
    s.split_claim("seed", middle, reviewer="bob", session="bob2", match_id=second)
    assert numbers()[split_match_id(middle)] == shown[middle]  # back, as it was
    assert_rebuild_agrees(s)
    s.decide("seed", split_match_id(last), "unsourced", reviewer="ann", session="ann")
    assert dict(s.db.execute('SELECT "match", number FROM current_verdicts')) == {
        split_match_id(last): shown[last]}
    expected = numbers()
    with imported_and_replayed(s, "seed", tmp_path) as (_, stores, _):
        assert [numbers(other) for other in stores] == [expected, expected]


def test_a_split_out_keeps_its_letter_when_a_correction_before_it_is_undone(
        s: Store, tmp_path: Path) -> None:
    """bob moved a claim into a match, ann split it out ("b") and another claim ("c"); bob's
    undo of his move left ann's first split without its claim, and the rebuild, which
    skipped it, handed its "b" to the other split-out. An orphaned split keeps its letter,
    in the database where it was seen and in an import of its log."""
    _, _, rows = ids(s)
    source, target = rows[1], rows[2]
    plain = s.match(source, reviewer="ann").number
    moved = next(c for c, weak in members(s, target).items() if not weak)
    s.move_claim("seed", moved, source, reviewer="bob", session="bob", match_id=target)
    s.split_claim("seed", moved, reviewer="ann", session="ann", match_id=source)
    other = next(c for c, weak in members(s, source).items() if c != moved and not weak)
    s.split_claim("seed", other, reviewer="ann", session="ann", match_id=source)

    def number(store: Store = s) -> str | None:
        return {r.id: r.number for r in store.matches("seed", reviewer="ann")}.get(
            split_match_id(other))

    assert number() == f"{plain}c"
    s.undo("seed", reviewer="bob", session="bob")
    assert number() == f"{plain}c"
    with imported_and_replayed(s, "seed", tmp_path) as (_, stores, _):
        assert [number(store) for store in stores] == [f"{plain}c", f"{plain}c"]
