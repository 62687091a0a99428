"""Replaying recorded sessions: byte-identical, idempotent, and precise when things changed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from store_data import Ticker, build, changed, imported_and_replayed, open_test_store, review

from crossfact.cli import main
from crossfact.store import Store
from crossfact.store.exports import FORMATS
from crossfact.store.merging import merge_database
from crossfact.store.replaying import replay_file


def export(s: Store) -> str:
    return "".join(FORMATS["jsonl"](s, None))


@pytest.fixture
def recording(tmp_path: Path) -> Path:
    s = open_test_store(tmp_path / "recorded.db")
    s.add_story("seed", build(), {"threshold": 0.5})
    review(s)
    path = tmp_path / "session.jsonl"
    path.write_text(export(s), encoding="utf-8")
    s.close()
    return path


def test_replay_gives_a_byte_identical_export_twice(tmp_path: Path, recording: Path) -> None:
    for name in ("one.db", "two.db"):
        s = open_test_store(tmp_path / name)
        report = replay_file(s, recording)
        assert report.ok, report.problems
        assert export(s) == recording.read_text(encoding="utf-8")
        again = replay_file(s, recording)  # into the same database: nothing new
        assert (again.applied, again.ok) == (0, True)
        assert export(s) == recording.read_text(encoding="utf-8")


def test_a_story_re_matched_after_a_review_replays_as_it_was_recorded(tmp_path: Path) -> None:
    """A story reviewed, then re-matched after its files changed (its verdicts carried), and
    decided further: its JSONL export replayed with --check named every verdict of the first
    run "no longer applies" and failed, because every run was added before any event. Each
    run is added when the recording's time reaches it, so the verdicts are carried again."""
    s = open_test_store(tmp_path / "recorded.db")
    s.add_story("seed", build(), {})
    review(s)
    s.add_story("seed", changed(), {})
    assert s.last_carry is not None and s.last_carry.carried
    s.decide("seed", s.matches("seed", reviewer="bob")[0].id, "unsourced", reviewer="bob",
             session="b")
    session = tmp_path / "session.jsonl"
    session.write_text(export(s), encoding="utf-8")
    s.close()
    # carrying again makes new events: ids of its own, as uuid4 ones are
    replayed = open_test_store(tmp_path / "replayed.db", Ticker("r"))
    report = replay_file(replayed, session)
    assert report.ok, report.problems
    replayed.close()
    done = CliRunner().invoke(main, ["replay", str(session), "--db",
                                     str(tmp_path / "cli.db"), "--check"])
    assert done.exit_code == 0, done.output


class SkewedTicker(Ticker):
    """A reviewer's machine whose clock is a year off (`year`), ids of its own."""

    def __init__(self, prefix: str, year: int) -> None:
        super().__init__(prefix)
        self.year = year

    def clock(self) -> str:
        return str(self.year) + super().clock()[4:]


@pytest.mark.parametrize("year", [2027, 2025], ids=["ahead", "behind"])
def test_a_merged_log_replays_in_saved_order_whatever_the_clocks_say(tmp_path: Path,
                                                                     year: int) -> None:
    """Replay added a later run when the recording's times reached it, but a merged log is in
    saved order and bob's clock was off. Ahead: his verdicts, saved (and carried over)
    before the team's re-match, were applied after it and "no longer apply"; behind: his
    verdict on a match of the re-match, saved after it, was applied before it. A run is
    added where the log shows it: before the verdicts it carried over, or else before the
    first event that names one of its new matches."""
    team = open_test_store(tmp_path / "team.db", Ticker("t"))  # replays make e... ids
    team.add_story("seed", build(), {})
    before = {row.id for row in team.matches("seed", reviewer="ann")}
    bob = open_test_store(tmp_path / "bob.db", SkewedTicker("b", year))
    if year > 2026:  # bob reviews, the team merges his work and then re-matches (a carry)
        bob.add_story("seed", build(), {})
        review(bob, "bob", "b")
        bob.close()
        merge_database(team, tmp_path / "bob.db")
        team.add_story("seed", changed(), {})
        assert team.last_carry is not None and team.last_carry.carried
    else:  # the team re-matches (nothing to carry), bob decides on the re-match's matches
        team.add_story("seed", changed(), {})
        merge_database(bob, tmp_path / "team.db")
        new = next(r.id for r in bob.matches("seed", reviewer="bob") if r.id not in before)
        bob.decide("seed", new, "unsourced", reviewer="bob", session="b")
        bob.close()
        merge_database(team, tmp_path / "bob.db")
    with imported_and_replayed(team, "seed", tmp_path) as (log, others, report):
        assert report.ok, report.problems
        assert "".join(FORMATS["jsonl"](others[0], "seed")) == log  # imported
    team.close()
    done = CliRunner().invoke(main, ["replay", str(tmp_path / "exported.jsonl"), "--db",
                                     str(tmp_path / "cli.db"), "--check"])
    assert done.exit_code == 0, done.output


def test_changed_matches_name_the_events_that_no_longer_apply(tmp_path: Path,
                                                              recording: Path) -> None:
    lines = [json.loads(line) for line in recording.read_text(encoding="utf-8").splitlines()]
    run = lines[1]
    dropped = run["matches"].pop(1)  # today's matcher no longer finds the conflict match
    for claim in dropped["claims"]:
        run["matches"].append({**dropped, "id": f"m-{claim}", "claims": [claim], "suggested": [],
                               "suggestion": "unsourced", "outliers": []})
    changed = tmp_path / "changed.jsonl"
    changed.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    s = open_test_store(tmp_path / "x.db")
    report = replay_file(s, changed)
    assert not report.ok
    failing = [p for p in report.problems if "no longer applies" in p]
    assert len(failing) == 1
    assert f"verdict conflict on match {dropped['id']}" in failing[0]
    assert "not in the current matches" in failing[0]
    assert any(f"match {dropped['id']} of the recording is gone" in p for p in report.problems)


def test_cli_replay_check(tmp_path: Path, recording: Path) -> None:
    runner = CliRunner()
    ok = runner.invoke(main, ["replay", str(recording), "--db", str(tmp_path / "r.db"),
                              "--check"])
    assert ok.exit_code == 0, ok.output
    assert "matches the recording" in ok.output
    text = recording.read_text(encoding="utf-8").replace(  # the event, not the state line
        '"verdict":"unsourced"', '"verdict":"agree"', 1)
    tampered = tmp_path / "tampered.jsonl"
    tampered.write_text(text, encoding="utf-8")
    bad = runner.invoke(main, ["replay", str(tampered), "--db", str(tmp_path / "t.db"),
                               "--check"])
    assert bad.exit_code == 1
    assert "in the recording" in bad.output and "differs from the recording" in bad.output


def test_a_decision_made_after_the_recording_is_not_said_to_be_replayed(
        tmp_path: Path, recording: Path) -> None:
    """Replaying an export into the database it came from, after one more decision there,
    said "recorded nothing, replayed {conflict}": nothing was replayed, the database holds
    a decision the recording does not."""
    runner = CliRunner()
    db = tmp_path / "r.db"
    assert runner.invoke(main, ["replay", str(recording), "--db", str(db)]).exit_code == 0
    with open_test_store(db) as s:
        later = s.matches("seed", reviewer="bob")[0]
        s.decide("seed", later.id, "agree", reviewer="bob", session="s2")
    again = runner.invoke(main, ["replay", str(recording), "--db", str(db), "--check"])
    assert again.exit_code == 1 and "replayed {" not in again.output, again.output
    assert (f"match {later.number}, reviewer bob: nothing in the recording, "
            '{"note": null, "outliers": [], "verdict": "agree"} in the database after the '
            "replay") in again.output, again.output


def test_check_names_matches_versions_and_claims_as_the_review_shows_them(
        tmp_path: Path, recording: Path) -> None:
    """`replay --check` named matches by internal id and outliers by document id
    ("d-3415..."): a reviewer knows a match by its number, a version by its language, a
    claim by its version and its words."""
    runner = CliRunner()
    db = tmp_path / "r.db"
    assert runner.invoke(main, ["replay", str(recording), "--db", str(db)]).exit_code == 0
    with open_test_store(db, Ticker("b")) as s:
        rows = s.matches("seed", reviewer="bob")
        source = s.match(rows[2].id, reviewer="bob")
        arabic = next(m.claim.doc for m in source.members if m.lang == "ar")
        s.decide("seed", rows[1].id, "conflict", outliers=[arabic], reviewer="bob",
                 session="s2")
        moved = next(m.claim for m in source.members if m.lang == "tr")
        s.move_claim("seed", moved.id, rows[0].id, match_id=rows[2].id, reviewer="bob",
                     session="s2")
    again = runner.invoke(main, ["replay", str(recording), "--db", str(db), "--check"])
    problems = again.output.splitlines()[:-2]  # then the summary and the error
    words = f'the tr claim "{moved.text}"'
    assert problems == [
        f"match {rows[0].number}: {words} in it since the recording",
        f"match {rows[2].number}: {words} no longer in it",
        f"match {rows[1].number}, reviewer bob: nothing in the recording, "
        '{"note": null, "outliers": ["ar"], "verdict": "conflict"} in the database after the '
        "replay",
    ], again.output


def test_replay_fixture(replay, recording: Path) -> None:  # noqa: F811
    db = replay(recording)
    assert db.progress("seed", reviewer="ann") == (4, 4)
    assert db.replay_report.applied == db.db["events"].count


FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SESSIONS = sorted(FIXTURES.glob("*/sessions/*.jsonl"))


def test_the_fixtures_hold_recorded_sessions() -> None:
    assert len(SESSIONS) >= 8


@pytest.mark.parametrize("session", SESSIONS, ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_every_recorded_fixture_replays_byte_identically(tmp_path: Path, session: Path) -> None:
    recorded = session.read_text(encoding="utf-8")
    for attempt in ("first", "second"):
        s = open_test_store(tmp_path / f"{attempt}.db")
        report = replay_file(s, session)
        assert report.ok, "\n".join(report.problems)
        assert export(s) == recorded
        s.close()


@pytest.mark.parametrize("session", SESSIONS, ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_every_recorded_fixture_still_applies_with_todays_matcher(tmp_path: Path,
                                                                  session: Path) -> None:
    s = open_test_store(tmp_path / "x.db")
    report = replay_file(s, session, rematch=True)
    assert report.ok, "the matcher changed since the recording:\n" + "\n".join(report.problems)


def test_replay_keeps_the_recorded_version_after_an_upgrade(tmp_path: Path, recording: Path,
                                                            monkeypatch) -> None:
    """The run records the crossfact version that matched it; a replay on a newer crossfact
    must keep it (and the params), or the replayed export is no longer byte-identical."""
    import crossfact

    monkeypatch.setattr(crossfact, "__version__", "99.0.0-upgraded")
    s = open_test_store(tmp_path / "upgraded.db")
    assert replay_file(s, recording).ok
    run = next(s.db["runs"].rows)
    assert run["version"] != "99.0.0-upgraded"
    assert json.loads(run["params"]) == {"threshold": 0.5}
    assert export(s) == recording.read_text(encoding="utf-8")
    s.close()


def test_an_event_that_never_applied_does_not_pull_a_later_run_in(tmp_path: Path) -> None:
    """A merged log may hold an event that never applied (two reviewers confirmed the same
    weak link; the merged copy found it confirmed). Replay placed a run that carried nothing
    before the first event that failed, so ann's skip, made on the first run's matches and
    applied there, was replayed after the re-match, on a match it had dropped, and
    reported as no longer applying. Only bob's confirm may be reported."""
    team = open_test_store(tmp_path / "team.db", Ticker("t"))
    team.add_story("seed", build(), {})
    rows = team.matches("seed", reviewer="ann")
    bob = open_test_store(tmp_path / "bob.db", Ticker("b"))
    bob.add_story("seed", build(), {})
    for store, who in ((team, "ann"), (bob, "bob")):
        match = store.matches("seed", reviewer=who)[2]
        weak = next(m for m in store.match(match.id, reviewer=who).members if m.suggested)
        store.confirm_link("seed", match.id, weak.claim.id, reviewer=who, session="x")
    bob.close()
    merge_database(team, tmp_path / "bob.db")
    probe = open_test_store(tmp_path / "probe.db", Ticker("p"))
    probe.add_story("seed", changed(), {})
    kept = {row.id for row in probe.matches("seed", reviewer="ann")}
    probe.close()
    dropped = next(row.id for row in rows if row.id not in kept)
    team.skip("seed", dropped, reviewer="ann", session="x")
    team.add_story("seed", changed(), {})
    assert team.last_carry is not None and not team.last_carry.carried
    with imported_and_replayed(team, "seed", tmp_path) as (_, _, report):
        assert len(report.problems) == 1, report.problems
        assert "(confirm on match" in report.problems[0] and "by bob" in report.problems[0]
        assert '(confirm on match 3 (the he claim "' in report.problems[0]  # not c-, m- ids
    team.close()


def test_the_summary_counts_in_words() -> None:
    """"replayed 1 events": every count the command line prints agrees with its noun."""
    from crossfact.store.replaying import ReplayReport

    assert ReplayReport(applied=1).summary() == \
        "replayed 1 event (0 already present): matches the recording"
    assert ReplayReport(applied=2, problems=["x"]).summary() == \
        "replayed 2 events (0 already present): 1 problem"
