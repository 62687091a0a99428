"""The event log and the state derived from it: commands, undo, corrections, reads."""

from __future__ import annotations

import csv
import io
import sqlite3
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from store_data import HOSTILE, build, imported_and_replayed, open_test_store, review

from crossfact.models import Event
from crossfact.store import Store, StoreError, open_store, split_match_id
from crossfact.store.exports import FORMATS
from crossfact.store.numbering import parse_number, split_letter
from crossfact.store.state import derive_membership, stored_membership


@pytest.fixture
def s(tmp_path: Path):
    store = open_test_store(tmp_path / "x.db")
    store.add_story("seed", build(), {"threshold": 0.5})
    yield store
    store.close()


def test_add_story_twice_is_a_no_op(s: Store) -> None:
    before = s.db["runs"].count
    assert s.add_story("seed", build(), {"threshold": 0.5}) == s.story_id("seed")
    assert s.db["runs"].count == before
    [info] = s.stories()
    assert (info.name, info.documents, info.matches) == ("seed", 5, 4)
    assert [d.lang for d in s.documents("seed")] == ["tr", "bn", "ar", "he", "fr"]
    assert s.documents("seed")[4].text.endswith(HOSTILE)


def test_verdict_undo_and_restart(tmp_path: Path, s: Store) -> None:
    first = s.matches("seed", reviewer="ann")[0].id
    s.decide("seed", first, "agree", reviewer="ann", session="s1")
    assert s.progress("seed", reviewer="ann") == (1, 4)
    assert s.progress("seed", reviewer="bob") == (0, 4)
    s.close()
    again = open_store(tmp_path / "x.db")  # undo works across restarts
    undo = again.undo("seed", reviewer="ann", session="s2")
    assert undo is not None and undo.kind == "undo"
    assert again.match(first, reviewer="ann").verdict is None
    assert again.undo("seed", reviewer="ann", session="s2") is None  # nothing left
    assert [e.kind for e in again.events("seed")] == ["verdict", "undo"]  # never deleted


def test_conflict_without_outliers_takes_the_suggested_ones(s: Store) -> None:
    conflict = s.matches("seed", reviewer="ann", filter="conflicts")[0]
    event = s.decide("seed", conflict.id, "conflict", reviewer="ann", session="s")
    view = s.match(conflict.id, reviewer="ann")
    assert event.outliers == view.suggested_outliers == view.outliers
    assert len(view.outliers) == 1


def test_filters_paging_and_resume(s: Store) -> None:
    rows = s.matches("seed", reviewer="ann")
    assert [r.position for r in rows] == [0, 1, 2, 3]
    assert [r.id for r in s.matches("seed", reviewer="ann", offset=1, limit=2)] == [
        rows[1].id, rows[2].id]
    assert s.resume("seed", reviewer="ann") == rows[0].id
    s.decide("seed", rows[1].id, "agree", reviewer="ann", session="s")
    assert s.resume("seed", reviewer="ann") == rows[2].id
    assert s.next_todo("seed", 3, reviewer="ann") == rows[0].id  # wraps around
    s.note("seed", rows[2].id, "source?", reviewer="ann", session="s")
    assert s.resume("seed", reviewer="ann") == rows[2].id  # noted, not decided: still there
    s.skip("seed", rows[2].id, reviewer="ann", session="s")
    assert s.resume("seed", reviewer="ann") == rows[3].id  # a skip moves on
    assert s.count("seed", reviewer="ann", filter="decided") == 1
    assert s.count("seed", reviewer="ann", filter="todo") == 3
    assert s.count("seed", reviewer="ann", filter="unsourced") == 1
    assert s.matches("seed", reviewer="ann", filter="decided")[0].verdict == "agree"
    with pytest.raises(StoreError, match="unknown filter"):
        s.matches("seed", reviewer="ann", filter="everything")



def test_a_claim_split_out_resumes_at_its_match(s: Store) -> None:
    """The reviewer who split a claim out (the TUI stays on the match) and quit finds that
    match again, not the one after it."""
    rows = s.matches("seed", reviewer="ann")
    s.decide("seed", rows[0].id, "agree", reviewer="ann", session="s")
    fixed = next(r for r in rows[1:] if len(s.match(r.id, reviewer="ann").members) > 1)
    claim = s.match(fixed.id, reviewer="ann").members[-1].claim.id
    s.split_claim("seed", claim, reviewer="ann", session="s")
    at = s.resume("seed", reviewer="ann")
    assert at is not None and s.match(at, reviewer="ann").position == fixed.position

def test_hostile_text_and_megabyte_note_stored_faithfully(s: Store) -> None:
    match = s.matches("seed", reviewer="ann")[3].id
    big = ("\x00'\";DROP TABLE events;--[bold]" + "ক" * 100) * 8000  # > 1 MB
    s.note("seed", match, big, reviewer="ann", session="s")
    assert s.match(match, reviewer="ann").note == big
    assert s.match(match, reviewer="ann").members[0].claim.text == HOSTILE
    assert s.count("seed", reviewer="ann", search='"; DROP TABLE events --') == 1


def test_events_that_do_not_apply_are_refused(s: Store) -> None:
    good = s.matches("seed", reviewer="ann")[0].id
    with pytest.raises(StoreError, match="not in the current matches"):
        s.decide("seed", "m-nope", "agree", reviewer="ann", session="s")
    with pytest.raises(StoreError, match="only a conflict"):
        s.decide("seed", good, "agree", reviewer="ann", session="s", outliers=["d-x"])
    with pytest.raises(StoreError, match="not versions in"):
        s.decide("seed", good, "conflict", reviewer="ann", session="s", outliers=["d-x"])
    with pytest.raises(StoreError, match="no story"):
        s.decide("nope", good, "agree", reviewer="ann", session="s")
    event = s.decide("seed", good, "agree", reviewer="ann", session="s")
    with pytest.raises(StoreError, match="already recorded"):
        s.apply(event)
    foreign = Event(id="u1", story=event.story, kind="undo", supersedes=event.id,
                    reviewer="bob", session="s", at="t")
    with pytest.raises(StoreError, match="not this reviewer"):
        s.apply(foreign)
    assert s.db["events"].count == 1


def test_corrections_change_membership_and_undo_restores_it(s: Store) -> None:
    rows = s.matches("seed", reviewer="ann")
    view = s.match(rows[2].id, reviewer="ann")
    weak = next(m for m in view.members if m.suggested)
    s.confirm_link("seed", rows[2].id, weak.claim.id, reviewer="ann", session="s")
    assert not any(m.suggested for m in s.match(rows[2].id, reviewer="ann").members)
    moved = view.members[0].claim.id
    s.move_claim("seed", moved, rows[3].id, reviewer="ann", session="s")
    assert moved in [m.claim.id for m in s.match(rows[3].id, reviewer="ann").members]
    assert s.match(rows[3].id, reviewer="ann").corrected
    s.split_claim("seed", moved, reviewer="ann", session="s")
    alone = s.match(split_match_id(moved), reviewer="ann")
    assert [m.claim.id for m in alone.members] == [moved]
    assert alone.suggestion == "unsourced" and s.count("seed", reviewer="ann") == 5
    with pytest.raises(StoreError, match="already stands alone"):
        s.split_claim("seed", moved, reviewer="ann", session="s")
    s.undo("seed", reviewer="ann", session="s")  # takes back the split
    assert s.count("seed", reviewer="ann") == 4
    with pytest.raises(StoreError, match="not a suggested link"):
        s.break_link("seed", rows[3].id, moved, reviewer="ann", session="s")
    # the derived tables equal a rebuild from the log
    incremental = stored_membership(s.db, s.story_id("seed"))
    rebuilt = derive_membership(s.db, s.story_id("seed"))
    assert incremental.claims == rebuilt.claims and incremental.suggested == rebuilt.suggested


def test_context_gives_neighbouring_sentences(s: Store) -> None:
    view = s.match(s.matches("seed", reviewer="ann")[1].id, reviewer="ann")
    before, after = s.context(view.members[0].claim.id)
    assert before == "Tesla bu yıl 10 milyar dolar harcadı."
    assert after == "Şirket 29.000 çalışan istihdam ediyor."


def test_a_full_review_derives_the_expected_state(s: Store) -> None:
    review(s)
    assert s.progress("seed", reviewer="ann") == (4, 4)
    rows = s.matches("seed", reviewer="ann")
    assert [r.verdict for r in rows] == ["agree", "conflict", "agree", "unsourced"]
    assert s.match(rows[2].id, reviewer="ann").note == HOSTILE
    assert s.match(rows[1].id, reviewer="ann").note == "Arabic says 2023"
    assert [e.kind for e in s.events()][-2:] == ["skip", "undo"]


def test_decisions_table_equals_a_rebuild_from_the_log(s: Store) -> None:
    from crossfact.store.decisions import rebuild_decisions

    review(s)
    for row in s.matches("seed", reviewer="bob"):
        s.decide("seed", row.id, "agree", reviewer="bob", session="s2", note=f"b{row.position}")
        s.note("seed", row.id, "second thoughts", reviewer="bob", session="s2")
    s.undo("seed", reviewer="bob", session="s2")  # the last note
    s.undo("seed", reviewer="bob", session="s2")  # the last verdict and its note
    story = s.story_id("seed")

    def rows() -> list[dict]:
        return list(s.db["current_decisions"].rows_where(
            "story = ? AND (verdict IS NOT NULL OR note IS NOT NULL)", [story],
            order_by='"match", reviewer'))

    incremental = rows()
    rebuild_decisions(s.db, story)
    assert rows() == incremental
    assert len(incremental) == 7  # bob took back his last verdict and both its notes


@pytest.mark.parametrize("query", ['"', "'", "*", "NOT", "AND OR", "(", "-", "  "])
def test_search_with_fts_syntax_is_safe(s: Store, query: str) -> None:
    assert s.count("seed", reviewer="ann", search=query) >= 0


def test_undo_names_the_match_it_takes_back(tmp_path: Path) -> None:
    """After a restart the undoing session did not see the decision: the match is on the
    undo event itself."""
    s = open_test_store(tmp_path / "undo.db")
    story = s.add_story("seed", build(), {})
    match = s.matches(story, reviewer="ana", limit=1)[0].id
    s.decide(story, match, "agree", reviewer="ana", session="one")
    undo = s.undo(story, reviewer="ana", session="two")
    assert undo is not None and undo.match == match
    assert s.match(match, reviewer="ana").verdict is None
    s.close()


def test_a_split_out_match_is_numbered_after_its_source(tmp_path: Path) -> None:
    """Numbers are 1-based; a split-out shares its source's position, so it reads "1b"
    (the source keeps "1") in the list, the match view and the Markdown report."""
    from crossfact.store.exports import FORMATS

    s = open_test_store(tmp_path / "numbers.db")
    story = s.add_story("seed", build(), {})
    first = s.matches(story, reviewer="ana")[0]
    claims = [m.claim.id for m in s.match(first.id, reviewer="ana").members]
    for claim in claims[:2]:  # two split-outs, whatever their ids sort like
        s.split_claim(story, claim, reviewer="ana", session="one")
    numbers = {row.id: row.number for row in s.matches(story, reviewer="ana")}
    alone = [split_match_id(claim) for claim in claims[:2]]
    assert numbers[first.id] == "1"
    assert sorted(numbers[m] for m in alone) == ["1b", "1c"]
    assert sorted(numbers.values()) == ["1", "1b", "1c", "2", "3", "4"]
    assert s.match(alone[0], reviewer="ana").number == numbers[alone[0]]
    s.note(story, alone[0], "split off", reviewer="ana", session="one")
    report = "".join(FORMATS["md"](s, story))
    assert f"- Match {numbers[alone[0]]}, ana: split off" in report
    assert parse_number("#1B") == (0, "1b") and parse_number(" 12 ") == (11, "12")
    assert parse_number("0") is None and parse_number("twelve") is None
    s.close()


def test_letters_past_z_still_read_and_sort_as_letters() -> None:
    """The 26th split-out of one place was "1{" (char(98 + 25)), which the jump prompt
    could not take and which sorted nowhere in particular."""
    letters = [split_letter(n) for n in range(60)]
    assert letters[:2] == ["b", "c"] and letters[24:27] == ["z", "zb", "zc"]
    assert letters[49:51] == ["zz", "zzb"]
    assert all(letter.isalpha() for letter in letters)
    numbers = [f"7{letter}" for letter in letters]
    assert sorted(numbers) == numbers and len(set(numbers)) == len(numbers)
    assert parse_number("7zb") == (6, "7zb")


def test_a_split_out_match_is_listed_after_its_source(tmp_path: Path) -> None:
    """7, 7b, 8 in the list, the next match to review and the exports, whatever the
    split-out's id sorts like (the second match's first claim splits out to an id that sorts
    before its source's: it was listed as "2b" above "2")."""
    from crossfact.store.exports import FORMATS

    s = open_test_store(tmp_path / "order.db")
    story = s.add_story("seed", build(), {})
    second = s.matches(story, reviewer="ana")[1]
    claim = s.match(second.id, reviewer="ana").members[0].claim.id
    assert split_match_id(claim) < second.id  # the case that went wrong
    s.split_claim(story, claim, reviewer="ana", session="one")
    assert [r.number for r in s.matches(story, reviewer="ana")] == ["1", "2", "2b", "3", "4"]
    csv_numbers = [line.split(",")[1] for line in "".join(FORMATS["csv"](s, story)).splitlines()]
    assert csv_numbers[1:] == ["1", "2", "2b", "3", "4"]
    # deciding "2", the next to review is "2b", not "3"
    s.decide(story, second.id, "agree", reviewer="ana", session="one")
    assert s.next_todo(story, 1, reviewer="ana", after_number="2") == split_match_id(claim)
    assert s.next_todo(story, 1, reviewer="ana", after_number="2b") == s.matches(
        story, reviewer="ana")[3].id
    for match in (split_match_id(claim), second.id):
        s.note(story, match, "look", reviewer="ana", session="one")
    report = "".join(FORMATS["md"](s, story))
    assert report.index("- Match 2, ana") < report.index("- Match 2b, ana")
    s.close()


def test_counts_equal_the_rows_listed(s: Store) -> None:
    """count/progress take a shortcut through current_decisions; it must agree with the rows
    the filters list, whatever the log holds: notes without verdicts, undone verdicts, other
    reviewers, and a verdict left on a match that a move emptied."""
    rows = s.matches("seed", reviewer="ann")
    alone = next(r for r in rows if len(r.langs) == 1)
    s.decide("seed", alone.id, "unsourced", reviewer="ann", session="s")
    claim = s.match(alone.id, reviewer="ann").members[0].claim.id
    other = next(r for r in rows if r.id != alone.id)
    s.move_claim("seed", claim, other.id, reviewer="ann", session="s")  # `alone` is gone
    s.decide("seed", rows[0].id, "agree", reviewer="ann", session="s")
    s.note("seed", rows[1].id, "look again", reviewer="ann", session="s")
    s.decide("seed", rows[2].id, "conflict", reviewer="ann", session="s")
    s.undo("seed", reviewer="ann", session="s")
    s.decide("seed", rows[1].id, "agree", reviewer="bob", session="s")
    for reviewer in ("ann", "bob", "cem"):
        listed = s.matches("seed", reviewer=reviewer, limit=1000)
        decided = sum(r.verdict is not None for r in listed)
        assert s.progress("seed", reviewer=reviewer) == (decided, len(listed))
        assert s.count("seed", reviewer=reviewer) == len(listed)
        assert s.count("seed", reviewer=reviewer, filter="decided") == decided
        assert s.count("seed", reviewer=reviewer, filter="todo") == len(listed) - decided
    assert s.progress("seed", reviewer="ann") == (1, 3)


def test_checkpoint_moves_commits_from_the_wal_into_the_file(tmp_path: Path,
                                                                      s: Store) -> None:
    """A decision is committed to the WAL; `checkpoint`, on a connection of its own thread as
    the TUI's worker calls it, moves it into the database file."""

    def events_in_the_file_alone() -> int:
        copy = tmp_path / "file-alone.db"  # the database file without its WAL
        copy.write_bytes(s.path.read_bytes())
        with sqlite3.connect(copy) as conn:
            count = conn.execute("SELECT count(*) FROM events").fetchone()[0]
        conn.close()
        copy.unlink()
        return count

    s.checkpoint()
    for row in s.matches("seed", reviewer="ann"):
        s.decide("seed", row.id, "agree", reviewer="ann", session="s")
    assert events_in_the_file_alone() == 0
    assert s.db["events"].count == 4  # committed: in the WAL
    busy, pages, copied = threading_result(s.checkpoint)
    assert busy == 0 and pages == copied > 0
    assert events_in_the_file_alone() == 4


def threading_result(call: Callable[[], tuple[int, int, int]]) -> tuple[int, int, int]:
    """Run `call` on another thread, as the TUI's worker does, and return its result."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(call).result()


def test_a_conflict_whose_outlier_was_split_out_asks_for_another_look(tmp_path: Path) -> None:
    """ann decided match 1 a conflict (Arabic the outlier), then split the Arabic claim out:
    the match still read CONFLICT with no outlier left. The view says the verdict predates
    the fix (the detail shows it); a conflict whose outlier is still there does not."""
    s = open_test_store(tmp_path / "x.db")
    s.add_story("seed", build(), {})
    conflict = s.matches("seed", reviewer="ann")[1]
    s.decide("seed", conflict.id, "conflict", reviewer="ann", session="s")
    view = s.match(conflict.id, reviewer="ann")
    assert view.outliers and not view.outliers_gone
    arabic = next(m.claim.id for m in view.members if m.claim.doc in view.outliers)
    s.split_claim("seed", arabic, reviewer="ann", session="s")
    after = s.match(conflict.id, reviewer="ann")
    assert after.verdict == "conflict" and after.outliers_gone
    s.close()

# -- a verdict given before a fix changed its match's claims: sent for a second look, as
# one carried over from changed text is (the same flag, filter and export column), derived
# from the log, so an import or a replay flags the same matches


def flagged(s: Store, reviewer: str = "ann") -> list[str]:
    """The matches the second-look filter lists for `reviewer`."""
    return [row.id for row in s.matches("seed", reviewer=reviewer, filter="second_look")]


def csv_second_look(s: Store) -> set[str]:
    rows = csv.DictReader(io.StringIO("".join(FORMATS["csv"](s, "seed")).lstrip("\ufeff")))
    return {row["match"] for row in rows if row["carried:ann"] == "second look"}


def moved_into_decided(s: Store) -> tuple[str, str]:
    """ann decides match 3 and then moves a claim of match 0 into it: (from, to)."""
    rows = s.matches("seed", reviewer="ann")
    source, target = rows[0].id, rows[3].id
    s.decide("seed", target, "unsourced", reviewer="ann", session="s")
    claim = s.match(source, reviewer="ann").members[0].claim.id
    s.move_claim("seed", claim, target, reviewer="ann", session="s", match_id=source)
    return source, target


def test_a_claim_moved_into_a_decided_match_sends_it_for_a_second_look(s: Store) -> None:
    """Match 3 stayed "unsourced" after gaining a claim, with no word that the verdict was
    given on other claims."""
    _, target = moved_into_decided(s)
    view = s.match(target, reviewer="ann")
    assert view.verdict == "unsourced" and view.second_look and view.claims_changed
    assert flagged(s) == [target] and csv_second_look(s) == {target}
    assert flagged(s, "bob") == [] and not s.match(target, reviewer="bob").second_look
    assert s.carry_counts("seed")["second_look"] == 0  # no re-match carried anything


def test_a_new_verdict_or_an_undo_of_the_fix_clears_the_second_look(s: Store) -> None:
    _, target = moved_into_decided(s)
    s.undo("seed", reviewer="ann", session="s")  # the move: the verdict's claims again
    assert not s.match(target, reviewer="ann").second_look and flagged(s) == []
    s.undo("seed", reviewer="ann", session="s")  # the verdict
    s.decide("seed", target, "agree", reviewer="ann", session="s")
    assert flagged(s) == []
    moved_into_decided(s)  # decided again, then a claim in: flagged; decided after: not
    assert flagged(s) == [target]
    s.decide("seed", target, "unsourced", reviewer="ann", session="s")
    assert flagged(s) == [] and not s.match(target, reviewer="ann").second_look


def test_fixes_that_take_each_other_back_send_no_verdict_for_a_second_look(s: Store) -> None:
    """A claim moved into a decided match and split out of it again (the move was a
    mistake, and `x` its quickest mend): the match held the claims its verdict was given on,
    yet stayed flagged "second look" in the detail, the filter, the CSV and stats. A claim
    moved out and back is the same. One that stays moved still flags it."""
    _, target = moved_into_decided(s)
    claim = next(e.claim for e in s.events("seed") if e.kind == "move")
    assert claim is not None
    s.split_claim("seed", claim, reviewer="ann", session="s", match_id=target)
    assert flagged(s) == [] and csv_second_look(s) == set()
    assert not s.match(target, reviewer="ann").second_look
    assert s.second_looks("seed") == {"total": 0, "carried": 0, "fixed": 0}
    rows = s.matches("seed", reviewer="ann")
    decided, other = rows[1].id, rows[0].id
    s.decide("seed", decided, "conflict", reviewer="ann", session="s")
    leaving = s.match(decided, reviewer="ann").members[0].claim.id
    s.move_claim("seed", leaving, other, reviewer="ann", session="s", match_id=decided)
    assert flagged(s) == [decided]  # a claim of its verdict is gone
    s.move_claim("seed", leaving, decided, reviewer="ann", session="s", match_id=other)
    assert flagged(s) == [] and not s.match(decided, reviewer="ann").claims_changed


def test_a_claim_leaving_a_decided_match_flags_it_a_confirmed_link_does_not(s: Store) -> None:
    rows = s.matches("seed", reviewer="ann")
    view = s.match(rows[2].id, reviewer="ann")
    weak = next(m for m in view.members if m.suggested)
    s.decide("seed", rows[2].id, "agree", reviewer="ann", session="s")
    s.confirm_link("seed", rows[2].id, weak.claim.id, reviewer="ann", session="s")
    assert flagged(s) == []  # the same claims, one of them firm now
    firm = next(m for m in view.members if m.claim.id != weak.claim.id)
    s.split_claim("seed", firm.claim.id, reviewer="ann", session="s", match_id=rows[2].id)
    assert flagged(s) == [rows[2].id]


def test_an_imported_or_replayed_log_flags_the_same_matches(s: Store, tmp_path: Path) -> None:
    _, target = moved_into_decided(s)
    with imported_and_replayed(s, "seed", tmp_path) as (log, others, report):
        assert report.ok, report.problems
        for other in others:
            assert flagged(other) == [target] and csv_second_look(other) == {target}
            assert "".join(FORMATS["jsonl"](other, "seed")) == log


def test_the_second_look_reads_the_fixes_not_the_whole_log(s: Store) -> None:
    """Each decided match looked through the story's whole log for a later fix: 3 s to
    count the second-look filter, 9 s for the CSV's column, at 100k events (benchmarks'
    synthetic log). The fixes have a partial index of their own, and the query uses it."""
    from crossfact.store.reads import REFIXED

    moved_into_decided(s)
    for more in ("", 'AND d."match" = :match AND d.reviewer = :reviewer'):
        plan = " ".join(row[3] for row in s.db.execute(
            f"EXPLAIN QUERY PLAN {REFIXED.format(more=more)}",
            {"story": s.story_id("seed"), "match": "m", "reviewer": "ann"}))
        assert "USING INDEX idx_events_fixes (story=? AND seq>?)" in plan, plan


def test_a_fix_that_no_longer_applies_sends_no_verdict_for_a_second_look(
        s: Store, tmp_path: Path) -> None:
    """ann split a claim out of match 1 and then decided it; bob, in his copy, split the
    same claim out later. Merged, bob's split stays in the log but finds the claim gone and
    changes nothing, yet ann's verdict was flagged "decided before a fix changed its claims"
    for it. Only a fix that applied flags a verdict, after a rebuild (the merge's) too."""
    from crossfact.store.merging import merge_database

    with sqlite3.connect(tmp_path / "bob.db") as copy:
        s.db.conn.backup(copy)
    copy.close()
    bob = open_test_store(tmp_path / "bob.db")
    match = s.matches("seed", reviewer="ann")[0].id
    claim = s.match(match, reviewer="ann").members[0].claim.id
    s.split_claim("seed", claim, reviewer="ann", session="s", match_id=match)
    s.decide("seed", match, "unsourced", reviewer="ann", session="s")
    bob.split_claim("seed", claim, reviewer="bob", session="b", match_id=match)
    bob.close()
    merge_database(s, tmp_path / "bob.db")
    assert [e.reviewer for e in s.events("seed") if e.kind == "split"] == ["ann", "bob"]
    assert flagged(s) == [] and not s.match(match, reviewer="ann").second_look
    assert csv_second_look(s) == set()


def test_stats_and_the_report_count_the_second_looks_the_csv_marks(s: Store) -> None:
    """The CSV marked a verdict given before a fix "second look", but `crossfact stats` and
    the Markdown report counted only those a re-match carried ("0 to look at again", and
    nothing at all without a re-match): all three count the same verdicts now."""
    from crossfact.store.stats import compute, render

    moved_into_decided(s)
    assert s.second_looks("seed") == {"total": 1, "carried": 0, "fixed": 1}
    assert s.second_looks("seed", reviewer="bob")["total"] == 0
    assert len(csv_second_look(s)) == 1
    said = ("1 verdict to look at again (0 carried over from changed files, 1 decided "
            "before a fix changed the match's claims)")
    assert f"  {said}\n" in render(compute(s, "seed"))
    assert f"\n{said[0].upper()}{said[1:]}.\n" in "".join(FORMATS["md"](s, "seed"))


def marks(s: Store, reviewer: str, **kw: object) -> dict[str, tuple[bool, bool]]:
    """match -> (noted, skipped) as the list's rows carry them for `reviewer`."""
    return {r.id: (r.noted, r.skipped) for r in s.matches("seed", reviewer=reviewer, **kw)}


def test_the_list_rows_mark_the_reviewer_s_own_notes_and_skips(s: Store) -> None:
    """The match list marks where a reviewer left a note or skipped (tui/widgets/match_list.py):
    theirs only (another reviewer's note is not in their detail either), a note saved with a
    verdict too, a skip only while the match is undecided, and an undo takes each back."""
    first, second, third, fourth = marks(s, "ann")
    s.note("seed", first, "ask AP", reviewer="ann", session="s1")
    s.skip("seed", second, reviewer="ann", session="s1")
    s.decide("seed", third, "agree", reviewer="ann", session="s1", note="checked")
    s.note("seed", fourth, "bob's doubt", reviewer="bob", session="s2")
    s.skip("seed", fourth, reviewer="bob", session="s2")
    s.skip("seed", first, reviewer="bob", session="s2")
    assert marks(s, "ann") == {first: (True, False), second: (False, True),
                               third: (True, False), fourth: (False, False)}
    assert marks(s, "bob") == {first: (False, True), second: (False, False),
                               third: (False, False), fourth: (True, True)}
    assert marks(s, "cy") == dict.fromkeys((first, second, third, fourth), (False, False))

    s.decide("seed", second, "conflict", reviewer="ann", session="s1")
    assert marks(s, "ann")[second] == (False, False)  # decided since: the verdict says it
    s.undo("seed", reviewer="ann", session="s1")  # the conflict: skipped again
    assert marks(s, "ann")[second] == (False, True)
    s.undo("seed", reviewer="ann", session="s1")  # the verdict and its note on `third`
    assert marks(s, "ann")[third] == (False, False)
    s.undo("seed", reviewer="ann", session="s1")  # the skip
    assert marks(s, "ann")[second] == (False, False)
    s.note("seed", first, " \n", reviewer="ann", session="s1")  # cleared: no note
    assert marks(s, "ann")[first] == (False, False)
    assert marks(s, "bob")[fourth] == (True, True)  # ann's undos took back nothing of bob's


def test_a_page_of_marked_rows_is_one_query(s: Store) -> None:
    """The marks come with the page (one query, whatever its size), the same under a
    filter and at an offset: the list asks per page, never per row nor for all notes."""
    ids = list(marks(s, "ann"))
    s.note("seed", ids[3], "n", reviewer="ann", session="s1")
    s.skip("seed", ids[2], reviewer="ann", session="s1")
    statements: list[str] = []
    s.db.conn.set_trace_callback(statements.append)
    try:
        page = s.matches("seed", reviewer="ann", offset=2, limit=2)
    finally:
        s.db.conn.set_trace_callback(None)
    # besides the story's id and sqlite-utils' savepoint around it
    assert len([sql for sql in statements if "current_matches" in sql]) == 1, statements
    assert [(r.id, r.noted, r.skipped) for r in page] == [(ids[2], False, True),
                                                          (ids[3], True, False)]
    todo = s.matches("seed", reviewer="ann", filter="todo")
    assert {r.id: (r.noted, r.skipped) for r in todo} == {
        ids[0]: (False, False), ids[1]: (False, False), ids[2]: (False, True),
        ids[3]: (True, False)}
