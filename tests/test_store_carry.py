"""Carry-over: re-adding a story with changed documents keeps every verdict somewhere."""

from __future__ import annotations

from pathlib import Path

import pytest
from store_data import VERSIONS, build, changed, open_test_store

from crossfact.models import MatchResult, Suggestion
from crossfact.store import CARRY_SESSION, Store
from crossfact.store.exports import export_md


def decide_all(s: Store, reviewer: str) -> list[str]:
    rows = s.matches("seed", reviewer=reviewer)
    for row in rows:
        s.decide("seed", row.id, "conflict" if row.suggestion == "conflict" else "agree",
                 reviewer=reviewer, session="s", note=f"note {row.position}")
    return [row.id for row in rows]


def test_same_text_carried_near_identical_marked_gone_orphaned(tmp_path: Path) -> None:
    s = open_test_store(tmp_path / "x.db")
    s.add_story("seed", build(), {})
    decide_all(s, "ann")
    events_before = s.db["events"].count
    s.add_story("seed", changed(), {})
    report = s.last_carry
    assert report is not None and s.db["runs"].count == 2
    rows = s.matches("seed", reviewer="ann")
    views = [s.match(row.id, reviewer="ann") for row in rows]
    # match 0: Turkish claim reworded slightly -> carried, second look
    assert views[0].verdict == "agree" and views[0].second_look
    # match 1: all texts the same (the Arabic document changed elsewhere) -> carried as is
    assert views[1].verdict == "conflict" and not views[1].second_look
    assert views[1].outliers == views[1].suggested_outliers  # outlier doc id re-mapped
    # match 2: its Arabic claim is gone -> carried, second look
    assert views[2].verdict == "agree" and views[2].second_look
    assert [v.note for v in views] == ["note 0", "note 1", "note 2", "note 3"]
    assert len(report.carried) == 3 and len(report.second_look) == 2
    assert report.orphaned == [] and s.orphans("seed") == []
    # nothing dropped: the original events are all still in the log
    assert s.db["events"].count == events_before + len(report.carried)
    carried = [e for e in s.events("seed") if e.session == CARRY_SESSION]
    assert all(e.supersedes for e in carried)


def test_a_removed_version_orphans_its_lone_claims(tmp_path: Path) -> None:
    s = open_test_store(tmp_path / "x.db")
    s.add_story("seed", build(), {})
    decide_all(s, "ann")
    lone = s.matches("seed", reviewer="ann", filter="unsourced")[0].id
    without_french = {lang: texts for lang, texts in VERSIONS.items() if lang != "fr"}
    s.add_story("seed", build(without_french), {})
    report = s.last_carry
    orphan_events = [e for e in s.events("seed") if e.id in report.orphaned]
    assert [e.match for e in orphan_events] == [lone]
    assert s.orphans("seed") == orphan_events  # still listed after the re-match
    assert s.progress("seed", reviewer="ann") == (3, 3)


def test_carried_verdicts_are_not_the_reviewers_last_action(tmp_path: Path) -> None:
    s = open_test_store(tmp_path / "x.db")
    s.add_story("seed", build(), {})
    decide_all(s, "ann")
    s.add_story("seed", changed(), {})
    undone = s.undo("seed", reviewer="ann", session="s2")
    assert undone is not None
    taken_back = next(e for e in s.events() if e.id == undone.supersedes)
    assert taken_back.session == "s"


def test_counts_of_one_are_written_in_the_singular(tmp_path: Path) -> None:
    """`1 verdicts carried over`: one carried and one orphaned after a re-match, in stats
    and the Markdown report (the app's orphan list: tests/test_tui_app.py)."""
    from crossfact.store.exports import export_md
    from crossfact.store.stats import compute, render

    s = open_test_store(tmp_path / "x.db")
    s.add_story("seed", build(), {})
    lone = s.matches("seed", reviewer="ann", filter="unsourced")[0].id
    s.decide("seed", lone, "unsourced", reviewer="ann", session="s")
    first = s.matches("seed", reviewer="ann")[0].id
    s.decide("seed", first, "agree", reviewer="ann", session="s")
    reworded = {**VERSIONS, "tr": ["Tesla bu yıl 10 milyar dolar harcamıştı.",
                                   *VERSIONS["tr"][1:]]}
    s.add_story("seed", build({k: v for k, v in reworded.items() if k != "fr"}), {})
    assert s.last_carry is not None and len(s.last_carry.orphaned) == 1
    assert len(s.last_carry.carried) == 1
    assert "1 verdict or note carried over" in render(compute(s, "seed"))
    assert "1 verdict or note carried over" in "".join(export_md(s, "seed"))
    s.close()


def test_the_markdown_report_gives_an_orphan_s_note(tmp_path: Path) -> None:
    """The report listed an orphaned note as "note by ann: (fr) ..." without its text, and
    an orphaned verdict's note not at all: what the reviewer wrote is said, every line."""
    from crossfact.store.exports import export_md

    s = open_test_store(tmp_path / "x.db")
    s.add_story("seed", build(), {})
    lone = s.matches("seed", reviewer="ann", filter="unsourced")[0].id
    s.decide("seed", lone, "unsourced", reviewer="ann", session="s",
             note="no other outlet\n- says it")
    s.note("seed", lone, "the toll <b>is</b> [x](y)", reviewer="bob", session="s")
    s.add_story("seed", build({k: v for k, v in VERSIONS.items() if k != "fr"}), {})
    report = "".join(export_md(s, "seed"))
    assert "\\\n  note: no other outlet\\\n  \\- says it\n" in report, report
    assert "\\\n  note: the toll &lt;b&gt;is&lt;/b&gt; \\[x\\](y)\n" in report, report
    s.close()


def two_decided_become_one(tmp_path: Path, *verdicts: Suggestion) -> tuple[Store, str]:
    """ann decides the first two matches; the story is re-added with their claims in one
    match (whose id comes back)."""
    from crossfact.ids import stable_id
    from crossfact.models import Match

    s = open_test_store(tmp_path / "x.db")
    s.add_story("seed", build(), {})
    for match, verdict in zip(s.matches("seed", reviewer="ann")[:2], verdicts, strict=True):
        s.decide("seed", match.id, verdict, reviewer="ann", session="s")
    new = changed()
    joined = new.matches[0].claims + new.matches[1].claims
    new.matches[:2] = [Match(id=stable_id(*joined, prefix="m"), claims=joined, score=0.9,
                             suggestion="agree")]
    s.add_story("seed", new, {})
    return s, new.matches[0].id


def test_two_decided_matches_that_become_one_leave_no_verdict_out_of_sight(
        tmp_path: Path) -> None:
    """Two matches a reviewer decided differently (agree, conflict) whose claims the new run
    holds in one match: both verdicts were "carried over" onto it, the second replaced the
    first, and neither the notice, the orphan list nor stats showed the one replaced. One is
    carried; the other, differing, stays in the log as orphaned, listed for the reviewer."""
    s, joined = two_decided_become_one(tmp_path, "agree", "conflict")
    report = s.last_carry
    assert report is not None
    assert len(report.carried) == 1 and len(report.orphaned) == 1, report
    merged = s.match(joined, reviewer="ann")
    assert merged.verdict == "agree"
    assert [e.verdict for e in s.orphans("seed", reviewer="ann")] == ["conflict"]


def test_two_matches_decided_alike_that_become_one_are_counted_once(tmp_path: Path) -> None:
    """Two matches both decided agree whose claims the new run holds in one match (another
    --lang or --segmented): the app's notice said "2 carried over" where stats, the carried
    filter and the exports count the one verdict that stands. They agree now, and the
    notice says where the other went; neither is orphaned."""
    from crossfact.store.stats import compute, render

    s, _ = two_decided_become_one(tmp_path, "agree", "agree")
    report = s.last_carry
    assert report is not None
    counts = s.carry_counts("seed")
    assert (len(report.carried), len(report.second_look), len(report.orphaned)) == (
        counts["carried"], counts["second_look"], counts["orphaned"]) == (1, 1, 0)
    assert s.count("seed", reviewer="ann", filter="carried") == 1
    assert len(report.alike) == 1
    assert report.summary().startswith("0 kept, 1 carried over (1 to look at again)")
    assert "1 joined the same decision" in report.summary()
    assert "1 verdict or note carried over" in render(compute(s, "seed"))
    s.close()


def test_two_matches_decided_alike_that_become_one_are_carried_by_one_event(
        tmp_path: Path) -> None:
    """Two agree verdicts carried onto one match wrote two carried events: the log, which
    other tools read, held one decision twice. One event carries both (a `carried` row per
    source), counted once, re-imported exactly, and neither source is orphaned."""
    from crossfact.store.carry import CARRY_SESSION
    from crossfact.store.importing import import_lines
    from crossfact.store.jsonl import export_jsonl

    s, joined = two_decided_become_one(tmp_path, "agree", "agree")
    carried = [e for e in s.events("seed") if e.session == CARRY_SESSION]
    assert len(carried) == 1, carried
    rows = list(s.db.query("SELECT event, match_from FROM carried"))
    assert len(rows) == 2 and {r["event"] for r in rows} == {carried[0].id}
    assert s.carry_counts("seed")["carried"] == 1
    exported = "".join(export_jsonl(s, "seed"))
    copy = open_test_store(tmp_path / "copy.db")
    import_lines(copy, exported.splitlines(), "export.jsonl")
    assert "".join(export_jsonl(copy, "seed")) == exported  # re-imports exactly
    copy.close()
    assert s.match(joined, reviewer="ann").verdict == "agree"
    assert s.orphans("seed") == []
    s.close()


def test_a_carried_copy_is_no_orphan_when_its_source_applies_again(tmp_path: Path) -> None:
    """Reopened with --segmented, then without: the files are read as at first, so the
    first verdicts apply again, and the copies carried onto the --segmented matches were
    listed as orphaned (stats: "2 orphaned", the notice "0 orphaned"): their decision
    stands, on the match it was made on."""
    s = open_test_store(tmp_path / "x.db")
    s.add_story("seed", build(), {})
    decide_all(s, "ann")
    s.add_story("seed", changed(), {})
    assert s.last_carry is not None and s.last_carry.carried
    s.add_story("seed", build(), {})
    report = s.last_carry
    assert report is not None and report.orphaned == []
    assert s.orphans("seed") == [] and s.carry_counts("seed")["orphaned"] == 0
    assert s.progress("seed", reviewer="ann") == (4, 4)
    s.close()


def edited_again() -> MatchResult:
    """`changed()` after a second edit: a French claim gets an exclamation mark."""
    versions = {lang: list(texts) for lang, texts in VERSIONS.items()}
    versions["tr"][0] = "Tesla bu yıl 10 milyar dolar harcamıştı."
    versions["ar"][2] = "كلام مختلف تماما لا علاقة له بالأصل"
    versions["fr"][0] += "!"
    return build(versions)


def test_verdicts_carried_at_an_earlier_re_match_are_no_orphans(tmp_path: Path) -> None:
    """Two edits: the second re-match carried the first one's copies, and the verdicts
    given before both were listed as orphaned ("3 orphaned" in stats, the Markdown and the
    palette, "their claims are gone") while the notice said 0 and they stood, carried."""
    s = open_test_store(tmp_path / "x.db")
    s.add_story("seed", build(), {})
    decide_all(s, "ann")
    s.add_story("seed", changed(), {})
    s.add_story("seed", edited_again(), {})
    assert s.last_carry is not None and s.last_carry.orphaned == []
    assert s.orphans("seed") == [] and s.carry_counts("seed")["orphaned"] == 0
    assert s.progress("seed", reviewer="ann") == (4, 4)
    s.add_story("seed", build(), {})  # and back as at first: the first verdicts apply again
    assert s.orphans("seed") == [] and s.progress("seed", reviewer="ann") == (4, 4)
    s.close()


def test_an_orphan_stays_listed_through_later_re_matches(tmp_path: Path) -> None:
    s = open_test_store(tmp_path / "x.db")
    s.add_story("seed", build(), {})
    decide_all(s, "ann")
    lone = s.matches("seed", reviewer="ann", filter="unsourced")[0].id
    without_french = {lang: list(texts) for lang, texts in VERSIONS.items() if lang != "fr"}
    s.add_story("seed", build(without_french), {})
    without_french["tr"][0] = "Tesla bu yıl 10 milyar dolar harcamıştı."
    s.add_story("seed", build(without_french), {})
    assert [e.match for e in s.orphans("seed")] == [lone]
    s.close()


def test_an_orphan_s_claims_are_listed_once(tmp_path: Path) -> None:
    """A match's id comes from its text: the claims of an orphan were read from every run
    that had its match, so a claim still there at one re-match, and again in another story
    sharing the version, was listed three times (the app's orphan list, the Markdown)."""
    s = open_test_store(tmp_path / "x.db")
    s.add_story("seed", build(), {})
    s.add_story("copy", build(), {})
    decide_all(s, "ann")
    lone = s.matches("seed", reviewer="ann", filter="unsourced")[0].id
    versions = {lang: list(texts) for lang, texts in VERSIONS.items()}
    versions["tr"][0] = "Tesla bu yıl 10 milyar dolar harcamıştı."
    s.add_story("seed", build(versions), {})  # re-matched, the lone French claim kept
    del versions["fr"]
    s.add_story("seed", build(versions), {})
    [orphan] = s.orphans("seed")
    assert orphan.match == lone
    assert s.orphan_claims(orphan) == [("fr", VERSIONS["fr"][-1])]
    s.close()


@pytest.mark.parametrize("cleared", ["", " \n"])
def test_a_cleared_note_is_neither_carried_nor_orphaned(tmp_path: Path, cleared: str) -> None:
    """A note written and then cleared (the app saves the empty note; an editor emptied to
    blanks, or an imported log, leaves a space or a newline) says nothing: after the files
    changed it was "1 orphaned", listed as an empty NOTE in the app and as "note by ann" in
    the Markdown report."""
    s = open_test_store(tmp_path / "x.db")
    s.add_story("seed", build(), {})
    lone = s.matches("seed", reviewer="ann", filter="unsourced")[0].id
    first = s.matches("seed", reviewer="ann")[0].id
    for match in (lone, first):
        s.note("seed", match, "check this", reviewer="ann", session="s")
        s.note("seed", match, cleared, reviewer="ann", session="s")
    versions = {lang: list(texts) for lang, texts in VERSIONS.items() if lang != "fr"}
    versions["tr"][0] = "Tesla bu yıl 10 milyar dolar harcamıştı."
    s.add_story("seed", build(versions), {})
    report = s.last_carry
    assert report is not None and report.summary() == (
        "0 kept, 0 carried over (0 to look at again), 0 orphaned")
    assert s.orphans("seed") == [] and s.carry_counts("seed")["orphaned"] == 0
    assert "note" not in "".join(export_md(s, "seed")).split("## Notes")[1]
    s.close()


def test_the_summary_of_one_reviewer_counts_what_their_filter_lists(tmp_path: Path) -> None:
    """The review app said what became of every reviewer's verdicts ("6 carried over")
    where its carried-over filter lists its reviewer's own (3), as stats per reviewer."""
    s = open_test_store(tmp_path / "x.db")
    s.add_story("seed", build(), {})
    decide_all(s, "ann")
    decide_all(s, "bob")
    s.add_story("seed", changed(), {})
    report = s.last_carry
    assert report is not None and len(report.carried) == 6
    for reviewer in ("ann", "bob"):
        counts = s.carry_counts("seed", reviewer=reviewer)
        assert report.summary(reviewer) == (
            f"1 kept, {counts['carried']} carried over ({counts['second_look']} to look at "
            f"again), {counts['orphaned']} orphaned")
        assert counts["carried"] == s.count("seed", reviewer=reviewer, filter="carried") == 3
    assert report.summary().startswith("2 kept, 6 carried over")
    s.close()


def test_a_differing_verdict_landing_on_a_match_decided_as_it_is_is_orphaned(
        tmp_path: Path) -> None:
    """ann decided the first match agree and the second conflict; after an edit the second
    match (unchanged, decided as it is) also holds the first one's claims. The agree was
    reported "kept" although the match reads conflict; it is orphaned, listed for her."""
    from crossfact.models import Match

    s = open_test_store(tmp_path / "x.db")
    s.add_story("seed", build(), {})
    first, second = s.matches("seed", reviewer="ann")[:2]
    s.decide("seed", first.id, "agree", reviewer="ann", session="s")
    s.decide("seed", second.id, "conflict", reviewer="ann", session="s")
    new = changed()
    joined = new.matches[1].claims + new.matches[0].claims
    new.matches[:2] = [Match(id=second.id, claims=joined, score=0.9, suggestion="conflict")]
    s.add_story("seed", new, {})
    report = s.last_carry
    assert report is not None
    assert s.match(second.id, reviewer="ann").verdict == "conflict"
    assert len(report.orphaned) == 1, report
    assert [e.verdict for e in s.orphans("seed", reviewer="ann")] == ["agree"]
    s.close()
