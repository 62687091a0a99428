"""Exports, imports and merges: byte-identical round trips, idempotence, the CLI."""

from __future__ import annotations

import codecs
import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from store_data import HOSTILE, Ticker, build, open_test_store, review

from crossfact.cli import main
from crossfact.store import Store, split_match_id
from crossfact.store.exports import FORMATS, write_export
from crossfact.store.importing import import_lines
from crossfact.store.merging import merge_database
from crossfact.terminal import show_controls

MEGABYTE = ("\x00'\";DROP TABLE events;--[bold]\u202e" + "ক" * 60) * 16_000


def export(s: Store, fmt: str = "jsonl", story: str | None = None) -> str:
    return "".join(FORMATS[fmt](s, story))


@pytest.fixture
def reviewed(tmp_path: Path):
    s = open_test_store(tmp_path / "a.db")
    s.add_story("seed", build(), {"threshold": 0.5})
    review(s)
    s.note("seed", s.matches("seed", reviewer="bob")[0].id, MEGABYTE, reviewer="bob",
           session="b")
    yield s
    s.close()


def test_jsonl_reimports_byte_identically_and_twice_changes_nothing(
        tmp_path: Path, reviewed: Store) -> None:
    text = export(reviewed)
    fresh = open_test_store(tmp_path / "b.db")
    report = import_lines(fresh, io.StringIO(text), "x.jsonl")
    assert report.events == reviewed.db["events"].count
    assert export(fresh) == text
    again = import_lines(fresh, io.StringIO(text), "x.jsonl")
    assert (again.events, again.runs) == (0, 0)
    assert export(fresh) == text
    lines = [json.loads(line) for line in text.splitlines()]
    assert [line["type"] for line in lines][:2] == ["story", "run"]
    assert lines[-1]["type"] == "state"
    assert lines[1]["documents"][4]["text"].endswith(HOSTILE)  # NUL, quotes, escapes intact
    assert any(line.get("note") == MEGABYTE for line in lines)


def test_import_rejects_a_bad_line_and_keeps_nothing(tmp_path: Path, reviewed: Store) -> None:
    lines = export(reviewed).splitlines(keepends=True)
    broken = "".join(lines[:3]) + "{not json\n"
    fresh = open_test_store(tmp_path / "b.db")
    with pytest.raises(Exception, match=r"x.jsonl:4: not a JSON line"):
        import_lines(fresh, io.StringIO(broken), "x.jsonl")
    assert fresh.db["events"].count == 0 and fresh.db["stories"].count == 0


@pytest.mark.parametrize("line, said", [
    ('{"type": "event", "note": "cut off\n', "(Invalid control character at column 35)"),
    ('{"type": "event", "note": "cut off', "(Unterminated string starting at column 27)"),
    ("{not json\n", "(Expecting property name enclosed in double quotes at column 2)"),
])
def test_a_broken_line_is_named_with_its_column(tmp_path: Path, reviewed: Store, line: str,
                                                said: str) -> None:
    """A line cut short said "not a JSON line (Invalid control character at)": JSON's message
    without the position it ends on."""
    text = "".join(export(reviewed).splitlines(keepends=True)[:3]) + line
    with pytest.raises(Exception) as refused:
        import_lines(open_test_store(tmp_path / "b.db"), io.StringIO(text), "x.jsonl")
    assert str(refused.value) == f"x.jsonl:4: not a JSON line {said}"


def test_one_refused_line_is_counted_in_the_singular(tmp_path: Path, reviewed: Store) -> None:
    """"(1 lines break the log's rules)"."""
    lines = [json.loads(line) for line in export(reviewed).splitlines()]
    verdict = next(r for r in lines if r.get("kind") == "verdict")
    forged = {**verdict, "id": "forged", "verdict": "agree",
              "outliers": [lines[1]["documents"][0]["id"]]}
    text = "".join(json.dumps(r) + "\n" for r in [*lines, forged])
    with pytest.raises(Exception) as refused:
        import_lines(open_test_store(tmp_path / "b.db"), io.StringIO(text), "x.jsonl")
    assert f"(1 line breaks the log's rules): line {len(lines) + 1}: event forged: only a " \
           "conflict names outlier versions" in str(refused.value)


def test_merge_keeps_event_ids_and_twice_changes_nothing(tmp_path: Path) -> None:
    ann = open_test_store(tmp_path / "ann.db")
    ann.add_story("seed", build(), {})
    review(ann, reviewer="ann")
    bob = open_test_store(tmp_path / "bob.db", Ticker("b"))
    bob.add_story("seed", build(), {})
    for row in bob.matches("seed", reviewer="bob"):
        bob.decide("seed", row.id, "agree", reviewer="bob", session="b")
    bob_ids = [e.id for e in bob.events()]
    bob.close()
    first = merge_database(ann, tmp_path / "bob.db")
    assert first.events == len(bob_ids)
    assert [e.id for e in ann.events() if e.reviewer == "bob"] == bob_ids
    text = export(ann)
    assert merge_database(ann, tmp_path / "bob.db").events == 0
    assert export(ann) == text
    assert ann.progress("seed", reviewer="bob") == (4, 4)


def test_csv_has_one_row_per_match_with_languages_and_verdicts(reviewed: Store) -> None:
    limit = csv.field_size_limit(1 << 24)  # the megabyte note is one cell
    try:
        rows = list(csv.DictReader(io.StringIO(export(reviewed, "csv").removeprefix("\ufeff"))))
    finally:
        csv.field_size_limit(limit)
    assert len(rows) == 4
    assert rows[0]["note:bob"] == show_controls(MEGABYTE)  # controls shown, not obeyed
    assert rows[1]["verdict:ann"] == "conflict" and rows[1]["note:ann"] == "Arabic says 2023"
    assert rows[0]["bn"].startswith("টেসলা") and rows[0]["he"].startswith("טסלה")
    assert rows[3]["fr"] == show_controls(HOSTILE)


def test_the_csv_file_opens_in_a_spreadsheet_as_utf8(reviewed: Store, tmp_path: Path) -> None:
    """A byte-order mark first, once (Excel on Windows read Bengali, Arabic and Hebrew
    without it in the legacy code page, as mojibake); read back with utf-8-sig, the header
    and the claims are as they were."""
    out = write_export(reviewed, "csv", None, tmp_path / "verdicts.csv")
    data = out.read_bytes()
    assert data.startswith(codecs.BOM_UTF8 + b"story,number,match,")
    assert data.count(codecs.BOM_UTF8) == 1
    limit = csv.field_size_limit(1 << 24)  # the megabyte note is one cell
    try:
        rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    finally:
        csv.field_size_limit(limit)
    assert rows[0]["story"] == "seed" and rows[0]["ar"].startswith("أنفقت تسلا")


def test_the_csv_gives_a_score_only_where_the_matcher_scored_a_link(tmp_path: Path) -> None:
    """A claim moved into a lone claim's match: the row said "agree" with the lone claim's
    0.0; a lone claim has no link, and a fixed match no score of the matcher (the review
    app's detail leaves it out the same way)."""
    s = open_test_store(tmp_path / "s.db")
    s.add_story("seed", build(), {})
    first, _, _, lone = s.matches("seed", reviewer="ann")
    claims = [m.claim.id for m in s.match(first.id, reviewer="ann").members]
    s.split_claim("seed", claims[0], reviewer="ann", session="a")
    untouched = {r["match"]: r for r in csv.DictReader(io.StringIO(export(s, "csv")[1:]))}
    s.move_claim("seed", claims[1], split_match_id(claims[0]), reviewer="ann", session="a")
    rows = {r["match"]: r for r in csv.DictReader(io.StringIO(export(s, "csv")[1:]))}
    joined = rows[split_match_id(claims[0])]
    assert (joined["suggestion"], joined["score"], joined["corrected"]) == ("agree", "", "1")
    assert rows[first.id]["score"] == "" and rows[lone.id]["score"] == ""
    assert untouched[split_match_id(claims[0])]["score"] == ""  # alone: no link
    assert [rows[m.id]["score"] for m in s.matches("seed", reviewer="ann")[2:4]] == ["0.8", "0.7"]
    s.close()


def test_outliers_are_languages_still_in_the_match_in_every_export(tmp_path: Path) -> None:
    """A conflict decided with outliers ar and tr, then ar split out of the match: every
    export names tr only, by its language code (CSV gave document ids, ar's among them)."""
    s = open_test_store(tmp_path / "o.db")
    s.add_story("seed", build(), {})
    docs = {d.lang: d.id for d in s.documents(s.story_id("seed"))}
    match = s.matches("seed", reviewer="ann")[1]
    s.decide("seed", match.id, "conflict", reviewer="ann", session="a",
             outliers=[docs["ar"], docs["tr"]])
    arabic = next(m.claim.id for m in s.match(match.id, reviewer="ann").members
                  if m.lang == "ar")
    s.split_claim("seed", arabic, reviewer="ann", session="a", match_id=match.id)
    rows = list(csv.DictReader(io.StringIO(export(s, "csv"))))
    assert [r["outliers:ann"] for r in rows if r["verdict:ann"] == "conflict"] == ["tr"]
    review = next(r for r in json.loads(export(s, "claimreview"))
                  if r["identifier"] == match.id)
    assert review["reviewRating"]["alternateName"].endswith("(tr differ)")
    md = export(s, "md")
    conflict = md[md.index("## Conflicts"):md.index("## Unsourced")]
    assert "| tr |" in conflict and "| ar |" not in conflict
    s.close()


def test_a_conflict_decided_without_outliers_leaves_the_machines_as_suggested(
        tmp_path: Path) -> None:
    """A reviewer's conflict that names no outlier (`c` on a match the machine suggested
    agree for, recomputed after a fix to a conflict): the Markdown report marked the
    machine's outlier "yes", under "decided by ann", while the CSV and the log named none.
    It is crossfact's suggestion, and says so."""
    s = open_test_store(tmp_path / "o.db")
    s.add_story("seed", build(), {})
    match = s.matches("seed", reviewer="ann")[1]  # the machine: conflict, ar the outlier
    s.decide("seed", match.id, "conflict", reviewer="ann", session="a", outliers=[])
    rows = list(csv.DictReader(io.StringIO(export(s, "csv"))))
    assert [r["outliers:ann"] for r in rows if r["verdict:ann"] == "conflict"] == [""]
    md = export(s, "md")
    conflict = md[md.index("## Conflicts"):md.index("## Unsourced")]
    assert "(decided by ann)" in conflict
    arabic = next(line for line in conflict.splitlines() if line.startswith("| ar |"))
    assert arabic.endswith("| suggested |") and "| yes |" not in conflict, conflict
    s.close()


def test_markdown_says_who_decided_otherwise_beside_who_decided(tmp_path: Path) -> None:
    """Merged from two reviewers, ann's conflict on a match bob agreed on was listed as
    "Match 2 (decided by ann)", read as settled; and so was an unsourced one. The report
    says who decided otherwise, and what."""
    s = open_test_store(tmp_path / "o.db")
    s.add_story("seed", build(), {})
    disputed, lone = s.matches("seed", reviewer="ann")[1], s.matches("seed", reviewer="ann")[-1]
    s.decide("seed", disputed.id, "conflict", reviewer="ann", session="a")
    s.decide("seed", disputed.id, "agree", reviewer="bob", session="b")
    s.decide("seed", lone.id, "unsourced", reviewer="ann", session="a")
    s.decide("seed", lone.id, "conflict", reviewer="bob", session="b")
    md = export(s, "md")
    conflicts = md[md.index("## Conflicts"):md.index("## Unsourced")]
    unsourced = md[md.index("## Unsourced"):md.index("## Notes")]
    assert f"### Match {disputed.number} (decided by ann; bob decided agree)" in conflicts
    assert f"### Match {lone.number} (decided by bob; ann decided unsourced)" in conflicts
    assert "decided by ann; bob decided conflict)" in unsourced, unsourced
    s.close()


def test_markdown_puts_conflicts_first_and_neutralises_control_characters(
        reviewed: Store) -> None:
    md = export(reviewed, "md")
    assert md.index("## Conflicts") < md.index("## Unsourced") < md.index("## Notes")
    assert "افتتح المصنع في عام 2023." in md and "| yes |" in md
    assert "\x1b" not in md and "\x00" not in md and "\\x1b" in md


def test_a_note_of_several_lines_keeps_its_lines_in_markdown(tmp_path: Path) -> None:
    """The review app's note editor writes several lines; the Markdown report ran them
    into one ("...the AP wire second line"), a checklist read as one sentence. Each line
    stays a line of the note's list item (a hard break), a blank one is left out, and a
    line that looks like Markdown stays text."""
    from markdown_it import MarkdownIt  # Textual's Markdown parser, CommonMark

    s = open_test_store(tmp_path / "n.db")
    s.add_story("seed", build(), {})
    match = s.matches("seed", reviewer="ann")[0].id
    s.note("seed", match, "checked with the AP wire\n\n- [x] figures\n---\n# not a heading\\",
           reviewer="ann", session="a")
    md = export(s, "md")
    html = MarkdownIt("commonmark").render(md[md.index("## Notes"):])
    s.close()
    assert ("checked with the AP wire<br />\n- [x] figures<br />\n---<br />\n"
            "# not a heading\\</li>") in html, html


def test_claimreview_is_json_ld_without_a_truth_scale(reviewed: Store) -> None:
    reviews = json.loads(export(reviewed, "claimreview"))
    assert len(reviews) == 4
    conflict = next(r for r in reviews if r["reviewRating"]["alternateName"].startswith(
        "Versions conflict"))
    assert conflict["@type"] == "ClaimReview" and conflict["@context"] == "https://schema.org"
    assert conflict["reviewRating"]["ratingExplanation"] == "Arabic says 2023"
    assert "ratingValue" not in conflict["reviewRating"]
    langs = [a["inLanguage"] for a in conflict["itemReviewed"]["appearance"]]
    assert langs == ["tr", "bn", "ar", "he", "fr"]
    assert "(ar differ)" in conflict["reviewRating"]["alternateName"]


def test_cli_round_trip_and_one_line_errors(tmp_path: Path, reviewed: Store) -> None:
    runner = CliRunner()
    db = str(reviewed.path)
    out = tmp_path / "out.jsonl"
    result = runner.invoke(main, ["export", "--db", db, "--format", "jsonl", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8") == export(reviewed)
    other = str(tmp_path / "other.db")
    assert runner.invoke(main, ["import", str(out), "--db", other]).exit_code == 0
    again = runner.invoke(main, ["export", "--db", other, "--format", "jsonl"])
    assert again.stdout_bytes == out.read_bytes()
    for fmt in ("csv", "md", "claimreview"):
        assert runner.invoke(main, ["export", "--db", db, "--story", "seed",
                                    "--format", fmt]).exit_code == 0
    stats = runner.invoke(main, ["stats", "--db", db])
    assert stats.exit_code == 0 and "ann: 4/4 decided" in stats.output
    assert runner.invoke(main, ["merge", other, "--db", db]).exit_code == 0
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"\x00garbage" * 100)
    for args in (["stats", "--db", str(bad)], ["export", "--db", db, "--story", "nope",
                                                "--format", "md"]):
        result = runner.invoke(main, args)
        assert result.exit_code == 1
        assert result.output.count("\n") == 1 and result.output.startswith("Error: ")
    readonly = runner.invoke(main, ["export", "--db", db, "--format", "md", "-o",
                                    "/proc/crossfact-test/out.md"])
    assert readonly.exit_code == 1 and readonly.output.count("\n") == 1


def test_every_store_command_has_help() -> None:
    from crossfact.store import cli

    for command in (cli.export, cli.import_, cli.merge, cli.stats, cli.replay):
        assert command.help and len(command.help) > 20
        assert all(p.help for p in command.params if hasattr(p, "help") and p.name != "file"
                   and p.param_type_name == "option")


def test_claimreview_uses_the_recorded_urls_never_a_local_path(tmp_path: Path) -> None:
    """A version's URL comes from the story file (by path as given, or document id); a
    version without one has no `url`, rather than a path on the reviewer's disk."""
    s = open_test_store(tmp_path / "urls.db")
    result = build()
    by_lang = {doc.lang: doc for doc in result.documents}
    urls = {by_lang["tr"].path: "https://example.com/tr",
            by_lang["fr"].id: "https://example.com/fr"}
    s.add_story("seed", result, {"threshold": 0.5}, urls=urls)
    review(s)
    reviews = json.loads(export(s, "claimreview"))
    appearances = [a for r in reviews for a in r["itemReviewed"]["appearance"]]
    found = {a["inLanguage"]: a.get("url") for a in appearances}
    assert found["tr"] == "https://example.com/tr" and found["fr"] == "https://example.com/fr"
    assert found["bn"] is None and "url" not in next(a for a in appearances
                                                     if a["inLanguage"] == "bn")
    assert not any(doc.path in export(s, "claimreview") for doc in result.documents)
    text = export(s)  # the URLs travel in the log and come back on import
    fresh = open_test_store(tmp_path / "again.db")
    import_lines(fresh, io.StringIO(text), "x.jsonl")
    assert export(fresh) == text
    assert export(fresh, "claimreview") == export(s, "claimreview")
    s.close()
    fresh.close()
