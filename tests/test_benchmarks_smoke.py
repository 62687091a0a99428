"""The evaluation harness itself: offsets of constructed stories, the pairwise scorer, the
figure perturbations, and (when ../shared is present) a 2-document run end to end.

A wrong harness would report wrong figures for the engine, so it is tested like code.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import random  # noqa: E402
from types import SimpleNamespace  # noqa: E402

from bench_match import baseline_match  # noqa: E402
from common import (  # noqa: E402
    Gold,
    Piece,
    Version,
    gold_of,
    lay_out,
    missing_corpora,
    pairwise,
    write_section,
)
from eval_ntrex import (  # noqa: E402
    PartA,
    build_case,
    change_figure,
    corpus_versions,
    harmless_rewrite,
    run_story,
    score_case,
)

NO_CORPORA = missing_corpora()
needs_corpora = pytest.mark.skipif(NO_CORPORA is not None, reason=NO_CORPORA or "")


@pytest.mark.parametrize("segmented", [False, True])
def test_render_spans_point_at_each_piece(segmented: bool) -> None:
    v = Version("eng", [[Piece("Head", 0)], [Piece("One.", 1), Piece("Two.", 2)],
                        [Piece("Three.", 3)]])
    text, spans = v.render(segmented)
    assert [text[s:e] for s, e, _ in spans] == ["Head", "One.", "Two.", "Three."]
    assert ("\n\n" in text) is not segmented


def test_gold_maps_claim_offsets_in_the_written_files(tmp_path: Path) -> None:
    versions = [Version("eng", [[Piece("Prices rose 5%.", 7), Piece("Rain fell.", 8)]]),
                Version("tur", [[Piece("Fiyatlar %5 arttı.", 7)], [Piece("Yağmur yağdı.", 8)]])]
    laid = lay_out(tmp_path, versions)
    docs, claims = [], []
    for path in laid.paths:
        text = Path(path).read_text("utf-8")
        spans = laid.spans[str(Path(path).resolve())]
        assert [text[s:e] for s, e, _ in spans] == [p.text for _, _, p in spans]
        docs.append(SimpleNamespace(id=path, path=path))
        # one claim per sentence, plus one claim that runs over both sentences
        claims += [SimpleNamespace(id=f"{path}#{n}", doc=path, start=s, end=e, text="")
                   for n, (s, e, _) in enumerate(spans)]
        claims.append(SimpleNamespace(id=f"{path}#all", doc=path, start=0, end=len(text),
                                      text=""))
    gold = gold_of(SimpleNamespace(documents=docs, claims=claims), laid)
    eng, tur = laid.paths
    assert gold.labels[f"{eng}#0"] == {7} and gold.labels[f"{tur}#1"] == {8}
    assert gold.labels[f"{eng}#all"] == {7, 8} and gold.version[f"{tur}#0"] == "tur"
    kept = {k: v for k, v in gold.labels.items() if not k.endswith("#all")}
    perfect = pairwise([[f"{eng}#0", f"{tur}#0"], [f"{eng}#1", f"{tur}#1"]],
                       Gold(version=gold.version, labels=kept))
    assert perfect.total().f1 == 1.0


def test_pairwise_counts_links_between_versions_only() -> None:
    gold = Gold(version={"a1": "eng", "a2": "eng", "b1": "tur", "c1": "fra"},
                labels={"a1": frozenset({1}), "a2": frozenset({2}), "b1": frozenset({1}),
                        "c1": frozenset({2})})
    result = pairwise([["a1", "b1"], ["a2", "b1"], ["c1"]], gold)
    total = result.total()
    assert (total.tp, total.fp, total.fn) == (1, 1, 1)  # a1-b1 right, a2-b1 wrong, a2-c1 missed
    assert result.wrong == [("a2", "b1")] and result.missed == [("a2", "c1")]


@pytest.mark.parametrize(
    ("text", "lang", "want"),
    [
        ("29000 kişi", "tur", "29.000 kişi"),
        ("29000 personnes", "fra", "29\u202f000 personnes"),
        ("29000 people in 2019", "eng", "29,000 people in 2019"),
        ("٢٩٠٠٠ شخص", "arb", "٢٩٬٠٠٠ شخص"),
        ("10,000 شخص", "arb", "١٠٬٠٠٠ شخص"),
        ("৩.৫ শতাংশ", "ben", "3.5 শতাংশ"),
    ],
)
def test_harmless_rewrite_keeps_the_value(text: str, lang: str, want: str) -> None:
    assert harmless_rewrite(text, lang, random.Random(0)) == want


def test_no_harmless_rewrite_of_a_year_in_latin_script() -> None:
    assert harmless_rewrite("in 2019 and 1999", "eng", random.Random(0)) is None


def test_changed_figure_differs_in_the_same_script_and_spares_model_codes() -> None:
    assert change_figure("H100 ২০১৯ সালে", 2019, random.Random(0)) == "H100 ২০২০ সালে"
    assert change_figure("H100 chips", 100, random.Random(0)) is None


def test_write_section_replaces_in_place(tmp_path: Path) -> None:
    notes = tmp_path / "notes.md"
    write_section("a", "first", notes)
    write_section("b", "second", notes)
    write_section("a", "third", notes)
    text = notes.read_text("utf-8")
    assert "first" not in text and text.index("third") < text.index("second")


def test_baseline_pairs_identical_lines() -> None:
    pytest.importorskip("numpy", reason="the baseline's score matrix is a numpy array")
    lines = {"a": ["the cat sat on the mat", "stocks fell 3% today"],
             "b": ["stocks fell 3% today", "the cat sat on the mat"]}
    got = sorted(sorted(m) for m in baseline_match(lines))
    assert got == [["a#0", "b#1"], ["a#1", "b#0"]]


@needs_corpora
def test_corpus_versions_delete_and_insert_three_percent() -> None:
    versions, moved = corpus_versions("edit", 100)
    inserted = [{p.label for p in v.pieces() if p.mark == "inserted"} for v in versions]
    assert moved is None and all(len(s) == 3 for s in inserted)
    assert len(set().union(*inserted)) == 3 * len(versions)  # disjoint FLORES lines
    assert all(len(v.pieces()) == 100 for v in versions)


@needs_corpora
def test_two_documents_end_to_end() -> None:
    report = PartA()
    for index in (0, 1):
        case = build_case(index)
        assert {"inserted", "deleted"} <= case.done.keys()
        clean, perturbed = run_story(case.clean), run_story(case.perturbed)
        assert all(perturbed.gold.labels.values())  # every claim's offsets land on a sentence
        score_case(case, clean, perturbed, report)
    assert report.cases == 2 and report.inserted.tries == 2
    assert report.perturbed[0].total().tp + report.perturbed[0].total().fn > 0


@needs_corpora
def test_corpus_versions_move_a_fifth_of_the_stories_in_one_version() -> None:
    versions, moved = corpus_versions("move", 300)
    orders = {v.lang: [p.label for p in v.pieces()] for v in versions}
    assert moved is not None
    assert all(order == list(range(300)) for lang, order in orders.items() if lang != moved)
    assert sorted(orders[moved]) == list(range(300)) and orders[moved] != list(range(300))


def test_vecalign_scoring_strict_lax_and_null_beads() -> None:
    """Strict: a bead equal to a gold bead; lax: overlapping one on both sides. Null test
    beads count in precision only; recall leaves out beads with an empty side."""
    from eval_textberg import score

    gold = [((0,), (0,)), ((1, 2), (1,)), ((), (2,)), ((3,), (3,))]
    test = [((0,), (0,)), ((1,), (1,)), ((2,), ()), ((), (2,)), ((3,), (4,))]
    s = score(gold, test)
    # precision: 5 test beads; strict hits (0:0) and ([]:2); lax adds 1:1 (inside 1,2:1)
    assert (s["P_strict"], s["P_lax"]) == (2 / 5, 3 / 5)
    # recall: the 3 gold beads with two sides against the 3 test beads with two sides
    assert (s["R_strict"], s["R_lax"]) == (1 / 3, 2 / 3)


def test_gale_church_finds_a_split_by_length() -> None:
    from gale_church import align

    beads = align([40, 80, 30, 50], [42, 38, 41, 31, 52])
    assert ((1,), (1, 2)) in beads and ((0,), (0,)) in beads and ((3,), (4,)) in beads


def test_the_hand_labelled_real_differences_are_lines_with_a_reason():
    """false_conflicts.py subtracts these from the flagged conflicts: each must name a line
    of its corpus, the translations that differ there and what differs."""
    from false_conflicts import real_differences

    for corpus, lines in (("ntrex128", 1997), ("flores200_dev", 997)):
        labelled = real_differences(corpus)
        assert labelled and all(0 <= line < lines for line in labelled)
        assert all(d.what.strip() and d.versions <= {"tr", "bn", "ar", "fr", "he"}
                   and d.versions for d in labelled.values())
    assert real_differences("udhr") == {}


def test_hunalign_ladder_rungs_make_beads() -> None:
    """Consecutive rungs (i1, j1), (i2, j2) make the bead of lines i1..i2-1 and j1..j2-1
    (hunalign's README); a repeated rung makes no bead, a rung going back is refused."""
    from hunalign import HunalignError, ladder_beads

    ladder = "0\t0\t1.5\n1\t1\t0.2\n3\t2\t0.4\n3\t3\t0.1\n3\t3\t0\n4\t5\t0.3\n"
    assert ladder_beads(ladder) == [((0,), (0,)), ((1, 2), (1,)), ((), (2,)), ((3,), (3, 4))]
    for bad in ("0\t0\n2\t1\n1\t2\n", "0\t0\nrung\n"):
        with pytest.raises(HunalignError):
            ladder_beads(bad)


def test_hunalign_runs_a_binary_per_pair_and_checks_its_ladder(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """align() runs the given program once per pair with an empty dictionary, away from the
    caller's folder, and refuses a ladder that does not cover both files, or a failed run."""
    from hunalign import HunalignError, align

    src, tgt = tmp_path / "a.txt", tmp_path / "b.txt"
    src.write_text("Eins.\nZwei drei.\n", "utf-8")
    tgt.write_text("Un.\nDeux.\nTrois.\n", "utf-8")
    fake = tmp_path / "fake-hunalign"
    # a stand-in for hunalign: wants an empty dictionary, leaves a file where it runs
    fake.write_text('#!/bin/sh\ntest ! -s "$1" || exit 3\ntouch translate.txt\n'
                    "printf '0\\t0\\t1\\n1\\t1\\t1\\n2\\t%s\\t1\\n' \"$LAST\"\n")
    fake.chmod(0o755)
    caller = tmp_path / "caller"
    caller.mkdir()
    monkeypatch.chdir(caller)
    monkeypatch.setenv("LAST", "3")
    timed = align(fake, [(src, tgt), (src, tgt)])
    assert timed.beads == [[((0,), (0,)), ((1,), (1, 2))]] * 2
    assert not list(caller.iterdir())
    monkeypatch.setenv("LAST", "2")
    with pytest.raises(HunalignError, match="covers"):
        align(fake, [(src, tgt)])
    with pytest.raises(HunalignError, match="exit 3"):
        align(fake, [(src, tgt)], dictionary=src)
    with pytest.raises(HunalignError, match="not an executable"):
        align(src, [(src, tgt)])


def test_hunalign_links_score_like_the_engine() -> None:
    """hunalign's beads on part B's laid-out story become links between the lines of a bead
    (line k of a version is its kth piece), scored against the pieces' labels."""
    from eval_ntrex import hunalign_links

    versions = [Version("eng", [[Piece("A.", 0), Piece("B.", 1)]]),
                Version("tur", [[Piece("A.", 0), Piece("X.", ("flores", 5), "inserted"),
                                 Piece("B.", 1)]])]
    s = hunalign_links(versions, [[((0,), (0,)), ((1,), (1, 2))]], [(0, 1)])
    assert (s.tp, s.fp, s.fn) == (2, 1, 0)
    s = hunalign_links(versions, [[((0,), (0,)), ((), (1,)), ((1,), (2,))]], [(0, 1)])
    assert (s.tp, s.fp, s.fn) == (2, 0, 0)


def test_the_invisible_characters_put_in_are_only_those_no_reader_sees() -> None:
    """benchmarks/invisible_chars.py: each kind adds characters to the development stories,
    and nothing else (the text without them is the stored text)."""
    import invisible_chars as ic

    added = dict.fromkeys(ic.KINDS, 0)
    for name, folder, files in ic.stories():
        langs = ic._seed_langs() if folder == ic.SEED else {f.name: f.stem for f in files}
        for kind, injects in ic.KINDS.items():
            for f in files:
                text = stored = f.read_text("utf-8")
                for inject in injects:
                    text = inject(text, langs[f.name], random.Random(0))
                assert ic._clean(text) == ic._clean(stored), (name, kind, f.name)
                added[kind] += len(text) - len(stored)
    assert all(added.values()), added
