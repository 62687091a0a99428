"""Measure matching on NTREX-128: real news translated by people, with known sentence alignment.

Part A builds one "same story in 4-6 languages" case per NTREX document, perturbs it the way
outlets and translators do (a changed figure, a harmless rewrite of a figure, an inserted
sentence, a deleted one, a moved paragraph) and scores link F1 and the suggestions on exactly
those perturbations. Part B matches the whole corpus as six 1,997-line versions (--segmented)
with lines deleted and inserted, and with a fifth of the stories moved in one version. The
layout scenario (part L) is part A with every version paragraphed on its own, as outlets do.
Beside crossfact, the Gale-Church length baseline (gale_church.py) aligns the same claims.

    python benchmarks/eval_ntrex.py [--part A|L|B|all] [--quick] [--seed N]

Everything is seeded, so the same command gives the same cases and figures.
"""

from __future__ import annotations

import argparse
import copy
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
import traceback
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from itertools import combinations
from pathlib import Path
from typing import Any

from babel.numbers import format_decimal

sys.path.insert(0, str(Path(__file__).resolve().parent))
import gale_church  # noqa: E402
import hunalign  # noqa: E402
from common import (  # noqa: E402  (the benchmarks are scripts, not a package)
    CORPUS_DOCUMENTS,
    ISO1,
    LANGS,
    NOTES,
    Gold,
    PairwiseResult,
    Piece,
    Scores,
    Tally,
    Version,
    engine_version,
    gold_of,
    lay_out,
    log_history,
    merge_pairwise,
    missing_corpora,
    ntrex_documents,
    pair_table,
    pairwise,
    publish,
    read_lines,
    sort_pairs,
)

SEED = 2026
NATIVE = {"ben": "০", "arb": "٠"}  # the zero of each language's own digit script
RUN = re.compile(r"\d+")  # any digit script: Python's \d and int() accept them all
# a digit run that is a figure, not part of a model code like H100 or a "1960s"
FIGURE = re.compile(r"(?<![A-Za-z\d])\d+(?![A-Za-z\d])")
# a bare run that may take a grouping mark: not already inside a grouped or decimal number
BARE = re.compile(r"(?<![\d.,٫٬\u00a0\u202f])\d{4,}(?![\d]|[.,٫٬\u00a0\u202f]\d)")
TOKEN = re.compile(r"(?<![A-Za-z])\d+(?:[.,٫٬]\d+)*(?![A-Za-z])")  # a number with its marks
TO_NATIVE_MARKS = {"arb": str.maketrans({",": "٬", ".": "٫"})}
TO_ASCII_MARKS = {"arb": str.maketrans({"٬": ",", "٫": "."})}


# ---------------------------------------------------------------- figures in any digit script


def value_of(run: str) -> int:
    """The integer a digit run of any script writes (unicodedata.digit knows them all)."""
    return int("".join(str(unicodedata.digit(ch)) for ch in run))


def zero_of(run: str) -> str:
    """The zero of the digit script `run` is written in."""
    return chr(ord(run[0]) - unicodedata.digit(run[0]))


def in_script(digits: str, zero: str) -> str:
    """ASCII digits (other characters kept) rewritten in the script whose zero is given."""
    return "".join(chr(ord(zero) + int(ch)) if ch.isascii() and ch.isdigit() else ch
                   for ch in digits)


def figures(text: str) -> Counter[int]:
    """The multiset of digit-run values: what must agree across faithful translations."""
    return Counter(value_of(r) for r in RUN.findall(text))


def change_figure(text: str, value: int, rng: random.Random) -> str | None:
    """`text` with one figure of `value` made different (+1, x2 or -1; a year +1), in the same
    digit script and with as many digits."""
    for m in FIGURE.finditer(text):
        run = m.group()
        if value_of(run) == value:
            year = len(run) == 4 and 1000 <= value <= 2100
            # as many digits as before, so a grouped "820,000" stays well formed
            options = [v for v in ((value + 1,) if year else (value + 1, value * 2, value - 1))
                       if v >= 0 and v != value and len(str(v)) <= len(run)]
            if not options:
                continue
            new = options[0] if rng.random() < 0.5 else rng.choice(options)
            digits = in_script(str(new).zfill(len(run)), zero_of(run))
            return text[: m.start()] + digits + text[m.end():]
    return None


def harmless_rewrite(text: str, lang: str, rng: random.Random) -> str | None:
    """`text` with one figure written differently but meaning the same, or None if none can be.

    A locale grouping mark on a 4+ digit number (not a year: 29000 -> 29.000 tr, 29 000 fr,
    29,000 en, ٢٩٬٠٠٠ ar) is preferred; else, for Bengali and Arabic, the other digit script.
    """
    for m in BARE.finditer(text):
        run = m.group()
        value = value_of(run)
        if len(run) == 4 and 1000 <= value <= 2100:
            continue  # a year keeps no grouping mark
        zero = zero_of(run)
        system = "arab" if zero == "٠" else "latn"
        grouped = in_script(format_decimal(value, locale=ISO1[lang], numbering_system=system), zero)
        return text[: m.start()] + grouped + text[m.end():]
    if lang not in NATIVE:
        return None
    tokens = list(TOKEN.finditer(text))
    if not tokens:
        return None
    m = rng.choice(tokens)
    tok = m.group()
    if tok[0].isascii():
        new = in_script(tok, NATIVE[lang]).translate(TO_NATIVE_MARKS.get(lang, {}))
    else:
        ascii_ = "".join(str(unicodedata.digit(ch)) if ch.isdigit() else ch for ch in tok)
        new = ascii_.translate(TO_ASCII_MARKS.get(lang, {}))
    return text[: m.start()] + new + text[m.end():]


# ---------------------------------------------------------------- part A: the cases


@dataclass
class Case:
    """One NTREX document as a story: the faithful versions and the perturbed ones."""

    doc: str
    clean: list[Version]
    perturbed: list[Version]
    done: dict[str, str] = field(default_factory=dict)  # perturbation -> where, for reports


def _piece(version: Version, label: object) -> Piece:
    """The piece of `version` with this gold label."""
    return next(p for p in version.pieces() if p.label == label)


def _layout(lines: Sequence[int], rng: random.Random) -> list[list[int]]:
    """The headline alone, then paragraphs of 2-4 sentences, as a news page has them."""
    paras, rest = [[lines[0]]], list(lines[1:])
    while rest:
        size = rng.randint(2, 4)
        paras.append(rest[:size])
        rest = rest[size:]
    return paras


@dataclass
class _Building:
    """What the perturbation steps of one case share."""

    case: Case
    lines: Sequence[int]
    rng: random.Random
    order: list[str]  # the case's languages in the order perturbations pick them
    text: dict[tuple[str, int], str]  # (lang, line) -> the faithful sentence
    used: set[int] = field(default_factory=set)  # lines already perturbed

    def version(self, nth: int) -> Version:
        """The version that takes the nth perturbation (they wrap around with 4-5 versions)."""
        lang = self.order[nth % len(self.order)]
        return next(v for v in self.case.perturbed if v.lang == lang)

    def agreeing(self) -> list[int]:
        """Lines with figures, written with the same digit-run values in every version."""
        return [i for i in self.lines
                if figures(self.text[self.order[0], i])
                and len({frozenset(figures(self.text[lang, i]).items())
                         for lang in self.order}) == 1]


def _change_a_figure(b: _Building) -> None:
    """A value every version writes in one line, changed in one version."""
    v = b.version(0)
    shared = [(i, val) for i in b.lines
              for val in sorted({value_of(r) for r in FIGURE.findall(b.text[v.lang, i])})
              if all(val in figures(b.text[lang, i]) for lang in b.order)]
    agreeing = set(b.agreeing())
    strong = [(i, val) for i, val in shared if i in agreeing]
    if not shared:
        return
    line, val = b.rng.choice(strong or shared)
    piece = _piece(v, line)
    new = change_figure(piece.text, val, b.rng)
    if new:
        piece.text, piece.mark = new, "changed"
        b.used.add(line)
        b.case.done["changed"] = f"{ISO1[v.lang]} line {line}: {val}"


def _rewrite_a_figure(b: _Building) -> None:
    """A harmless rewrite of a figure, in a line whose figures agree in every version."""
    agreeing = b.agreeing()
    for nth in range(1, len(b.order) + 1):
        v = b.version(nth)
        for line in b.rng.sample(agreeing, len(agreeing)):
            piece = _piece(v, line)
            new = None if line in b.used else harmless_rewrite(piece.text, v.lang, b.rng)
            if new and new != piece.text:
                piece.text, piece.mark = new, "rewritten"
                b.used.add(line)
                b.case.done["rewritten"] = f"{ISO1[v.lang]} line {line}"
                return


def _insert_a_sentence(b: _Building) -> None:
    """A sentence of another story (not its headline), somewhere in a body paragraph."""
    v = b.version(2)
    other = b.rng.choice([lines for doc, lines in ntrex_documents() if doc != b.case.doc])
    source = b.rng.choice(other[1:])
    para = v.paragraphs[b.rng.randrange(1, len(v.paragraphs))]
    piece = Piece(read_lines("ntrex128", v.lang)[source], ("inserted", source), "inserted")
    para.insert(b.rng.randint(0, len(para)), piece)
    b.case.done["inserted"] = f"{ISO1[v.lang]} line {source}"


def _delete_a_sentence(b: _Building) -> None:
    v = b.version(3)
    gone = b.rng.choice([i for i in b.lines[1:] if i not in b.used])
    v.paragraphs = [[p for p in para if p.label != gone] for para in v.paragraphs]
    v.paragraphs = [para for para in v.paragraphs if para]
    b.case.done["deleted"] = f"{ISO1[v.lang]} line {gone}"


def _move_a_paragraph(b: _Building) -> None:
    """A body paragraph moved elsewhere (the headline stays on top)."""
    v = b.version(4)
    count = len(v.paragraphs)
    if count >= 3:
        i = b.rng.randrange(1, count)
        para = v.paragraphs.pop(i)
        j = b.rng.choice([x for x in range(1, count) if x != i])
        v.paragraphs.insert(j, para)
        b.case.done["moved"] = f"{ISO1[v.lang]} paragraph {i} -> {j}"


STEPS = {
    "changed figure": _change_a_figure,
    "rewritten figure": _rewrite_a_figure,
    "inserted sentence": _insert_a_sentence,
    "deleted sentence": _delete_a_sentence,
    "moved paragraph": _move_a_paragraph,
}
# the layout scenario: every perturbation but the moved paragraph (paragraphs differ anyway)
LAYOUT_STEPS = tuple(s for s in STEPS if s != "moved paragraph")
ONE_PER_LINE = 0.25  # share of versions written one sentence per line (the Bengali seed is)
RUN_IN_HEADLINE = 0.5  # share of the others whose headline runs into the first paragraph


def relayout(v: Version, rng: random.Random) -> None:
    """One version paragraphed on its own, as one outlet does it: one sentence per line, or
    paragraphs of 1-5 sentences, the headline on its own line or run into the first
    paragraph, paragraphs ended by a blank line or a single line break."""
    pieces = v.pieces()
    if rng.random() < ONE_PER_LINE:
        v.paragraphs, v.breaks = [[p] for p in pieces], "\n"
        return
    run_in = rng.random() < RUN_IN_HEADLINE
    paras: list[list[Piece]] = [] if run_in else [pieces[:1]]
    rest = pieces if run_in else pieces[1:]
    while rest:
        size = rng.randint(1, 5)
        paras.append(rest[:size])
        rest = rest[size:]
    v.paragraphs, v.breaks = paras, rng.choice(["\n\n", "\n"])


def build_case(index: int, seed: int = SEED, steps: Sequence[str] = tuple(STEPS),
               layout: bool = False) -> Case:
    """The story of NTREX document `index`, perturbed by `steps` (all by default), and with
    `layout` every version paragraphed on its own (the same way clean and perturbed);
    deterministic for a (seed, document, steps, layout)."""
    doc, lines = ntrex_documents()[index]
    rng = random.Random(f"{seed}:{doc}")
    langs = sorted(rng.sample(LANGS, rng.randint(4, 6)), key=LANGS.index)
    paras = _layout(lines, rng)
    clean = [
        Version(lang, [[Piece(read_lines("ntrex128", lang)[i], i) for i in p] for p in paras])
        for lang in langs
    ]
    case = Case(doc, clean, copy.deepcopy(clean))
    text = {(lang, i): read_lines("ntrex128", lang)[i] for lang in langs for i in lines}
    b = _Building(case, lines, rng, rng.sample(langs, len(langs)), text)
    for name in steps:
        STEPS[name](b)
    if layout:
        for v in case.clean + case.perturbed:
            relayout(v, random.Random(f"{seed}:{doc}:layout:{v.lang}"))
    return case


# ---------------------------------------------------------------- running the engine


@dataclass
class Run:
    """One story through crossfact.pipeline.run, with the gold of every claim."""

    result: object  # crossfact.models.MatchResult
    gold: Gold
    seconds: float

    def match_of(self) -> dict[str, object]:
        return {cid: m for m in self.result.matches for cid in m.claims}

    def claims_of(self, piece: Piece) -> list[str]:
        return [cid for cid, ps in self.gold.pieces.items() if any(p is piece for p in ps)]

    def claims_with(self, lang: str, label: object) -> list[str]:
        return [cid for cid, labels in self.gold.labels.items()
                if label in labels and self.gold.version[cid] == lang]


def run_story(versions: Sequence[Version], segmented: bool = False) -> Run:
    """Write the versions to a temporary folder and match them end to end."""
    from crossfact.pipeline import run

    with tempfile.TemporaryDirectory(prefix="crossfact-eval-") as tmp:
        laid = lay_out(Path(tmp) / "story", versions, segmented)
        t0 = time.perf_counter()
        result = run(laid.paths, langs=laid.langs, segmented=segmented)
        seconds = time.perf_counter() - t0
        return Run(result, gold_of(result, laid), seconds)


def safe_run(versions: Sequence[Version], errors: dict[str, list[str]], where: str,
             segmented: bool = False) -> Run | None:
    """run_story, but an engine crash is recorded as a finding instead of ending the run."""
    try:
        return run_story(versions, segmented)
    except Exception as exc:
        where_in_engine = traceback.extract_tb(exc.__traceback__)[-1]
        errors.setdefault("engine error", []).append(
            f"{where}: {type(exc).__name__}: {exc} (at {Path(where_in_engine.filename).name}:"
            f"{where_in_engine.lineno})")
        return None


@dataclass
class PartA:
    """Every figure part A reports, and the errors worth a look."""

    clean: list[PairwiseResult] = field(default_factory=list)
    perturbed: list[PairwiseResult] = field(default_factory=list)
    sure: list[PairwiseResult] = field(default_factory=list)  # perturbed, confident links only
    changed: Tally = field(default_factory=Tally)  # changed figure -> conflict
    changed_fresh: Tally = field(default_factory=Tally)  # ... where the clean line was no conflict
    changed_named: Tally = field(default_factory=Tally)  # ... naming the changed version
    rewritten: Tally = field(default_factory=Tally)  # harmless rewrite -> conflict (want 0)
    rewritten_raw: Tally = field(default_factory=Tally)  # same, before excluding
    # unperturbed lines suggested conflict, by what their figures do across the versions
    natural: dict[str, Tally] = field(default_factory=lambda: {
        k: Tally() for k in ("figures agree", "no figures", "figures differ")})
    inserted: Tally = field(default_factory=Tally)  # inserted -> a match of one, unsourced
    inserted_weak: Tally = field(default_factory=Tally)  # ... or linked only weakly
    baseline: list[PairwiseResult] = field(default_factory=list)  # Gale-Church, perturbed
    missed_alone: Tally = field(default_factory=Tally)  # missed links with a claim left alone
    wrong_kinds: Counter[str] = field(default_factory=Counter)  # wrong links by what they join
    seconds: float = 0.0
    cases: int = 0
    failed: int = 0  # cases where the engine raised
    errors: dict[str, list[str]] = field(default_factory=dict)
    # per language: [claims, claims over 2+ sentences, sentences, sentences cut in 2+ claims]
    segmentation: dict[str, list[int]] = field(default_factory=dict)

    def note(self, kind: str, text: str) -> None:
        self.errors.setdefault(kind, []).append(text)


def _show(run: Run, cid: str) -> str:
    labels = ",".join(str(x) for x in sorted(run.gold.labels[cid], key=str))
    return f"    {ISO1[run.gold.version[cid]]} [{labels}] {run.gold.text[cid][:200]}"


def _show_match(run: Run, match) -> str:
    lines = [f"  match {match.id} suggestion={match.suggestion} score={match.score}"]
    lines += [_show(run, cid) for cid in match.claims]
    lines += [f"    reason: {r}" for r in match.reasons]
    return "\n".join(lines)


def _suggestion_in(run: Run, lang: str, label: object) -> str | None:
    matches = run.match_of()
    found = [matches[c].suggestion for c in run.claims_with(lang, label)]
    return "conflict" if "conflict" in found else (found[0] if found else None)


def count_segmentation(run: Run, into: dict[str, list[int]]) -> None:
    """How often the segmenter merged two sentences into one claim, or cut one in two: each
    caps link recall, whatever the matcher does."""
    claims_per_piece: Counter[int] = Counter()
    lang_of_piece: dict[int, str] = {}
    for cid, pieces in run.gold.pieces.items():
        row = into.setdefault(run.gold.version[cid], [0, 0, 0, 0])
        row[0] += 1
        row[1] += len(pieces) > 1
        for p in pieces:
            claims_per_piece[id(p)] += 1
            lang_of_piece[id(p)] = run.gold.version[cid]
    for key, n in claims_per_piece.items():
        row = into[lang_of_piece[key]]
        row[2] += 1
        row[3] += n > 1


def segmentation_table(seg: dict[str, list[int]]) -> str:
    rows = ["| lang | claims | claims over 2+ sentences | sentences | sentences cut in 2+ claims |",
            "|---|---|---|---|---|"]
    for lang in LANGS:
        if lang in seg:
            c, merged, p, cut = seg[lang]
            rows.append(f"| {ISO1[lang]} | {c} | {merged} ({100 * merged / max(1, c):.1f}%) "
                        f"| {p} | {cut} ({100 * cut / max(1, p):.1f}%) |")
    return "\n".join(rows)


def count_natural_conflicts(case: Case, clean: Run, report: PartA) -> None:
    """Conflicts suggested on the faithful translations. Where every version writes the same
    figures, a conflict is most likely a false alarm (or a name/date reading)."""
    texts: dict[object, list[str]] = {}
    for v in case.clean:
        for p in v.pieces():
            texts.setdefault(p.label, []).append(p.text)
    matches = clean.match_of()
    flagged = {label for cid, labels in clean.gold.labels.items()
               if matches[cid].suggestion == "conflict" for label in labels}
    for label, versions in texts.items():
        figs = [figures(t) for t in versions]
        kind = ("no figures" if not any(figs) else
                "figures agree" if all(f == figs[0] for f in figs) else "figures differ")
        report.natural[kind].add(label in flagged)
        if kind == "figures agree" and label in flagged:
            cids = [c for c, labels in clean.gold.labels.items() if label in labels]
            ms = {matches[c].id: matches[c] for c in cids}.values()
            report.note("conflict on agreeing figures, unperturbed",
                        f"{case.doc} line {label}\n"
                        + "\n".join(_show_match(clean, m) for m in ms))


def _wrong_kind(a: frozenset, b: frozenset) -> str:
    """What a wrong link joins: a neighbour (a bead too wide), an inserted sentence, or else."""
    if any(isinstance(x, tuple) for x in a | b):
        return "an inserted sentence"
    gap = min((abs(x - y) for x in a for y in b), default=0)
    return "the next line (1 apart)" if gap == 1 else "lines 2+ apart"


def score_case(case: Case, clean: Run, pert: Run, report: PartA) -> None:
    """Add one case's links and perturbation outcomes to the report."""
    report.cases += 1
    count_natural_conflicts(case, clean, report)
    report.seconds += clean.seconds + pert.seconds
    report.clean.append(pairwise((m.claims for m in clean.result.matches), clean.gold))
    links = pairwise((m.claims for m in pert.result.matches), pert.gold)
    report.perturbed.append(links)
    report.sure.append(pairwise(confident(pert.result.matches), pert.gold))
    report.baseline.append(pairwise(baseline_beads(pert.result), pert.gold))
    count_segmentation(clean, report.segmentation)
    for kind, found in (("wrong link", links.wrong), ("missed link", links.missed)):
        for a, b in found:
            report.note(kind, f"{case.doc}\n{_show(pert, a)}\n{_show(pert, b)}")
    matches = pert.match_of()
    doc_of = {c.id: c.doc for c in pert.result.claims}
    for a, b in links.missed:
        report.missed_alone.add(len(matches[a].claims) == 1 or len(matches[b].claims) == 1)
    for a, b in links.wrong:
        report.wrong_kinds[_wrong_kind(pert.gold.labels[a], pert.gold.labels[b])] += 1
    for version in case.perturbed:
        for piece in version.pieces():
            if not piece.mark:
                continue
            cids = pert.claims_of(piece)
            ms = {matches[c].id: matches[c] for c in cids}.values()
            where = f"{case.doc} {piece.mark} {ISO1[version.lang]} line {piece.label}"
            shown = "\n".join(_show_match(pert, m) for m in ms)
            if piece.mark == "changed":
                ok = any(m.suggestion == "conflict" for m in ms)
                report.changed.add(ok)
                doc = doc_of[cids[0]] if cids else None
                report.changed_named.add(any(m.suggestion == "conflict" and doc in m.outliers
                                             for m in ms))
                before = _suggestion_in(clean, version.lang, piece.label)
                if before != "conflict":
                    report.changed_fresh.add(ok)
                if not ok:
                    report.note("missed conflict", f"{where}\n{shown}")
            elif piece.mark == "rewritten":
                raw = any(m.suggestion == "conflict" for m in ms)
                report.rewritten_raw.add(raw)
                # a conflict the rewrite caused names the rewritten version among its outliers
                # (with two versions both are); one that does not is another version's figure
                # that shares the match, such as a natural mismatch run in with this line
                doc = doc_of[cids[0]] if cids else None
                bad = any(m.suggestion == "conflict" and doc in m.outliers for m in ms)
                if _suggestion_in(clean, version.lang, piece.label) != "conflict":
                    report.rewritten.add(bad)
                    if bad:
                        report.note("false conflict", f"{where}\n{shown}")
            elif piece.mark == "inserted":
                ok = bool(ms) and all(len(m.claims) == 1 and m.suggestion == "unsourced"
                                      for m in ms)
                report.inserted.add(ok)
                report.inserted_weak.add(ok or all(
                    len(matches[c].claims) == 1 or c in matches[c].suggested for c in cids))
                if not ok:
                    report.note("inserted not unsourced", f"{where}\n{shown}")


def baseline_beads(result) -> list[list[str]]:
    """Gale-Church between every pair of versions over crossfact's own claims (the same
    segmentation, so only the aligning differs): each bead with two sides as a group of
    claims, which pairwise() turns into that pair's links."""
    by_doc: dict[str, list] = {d.id: [] for d in result.documents}
    for c in result.claims:
        by_doc[c.doc].append(c)
    out = []
    for da, db in combinations(result.documents, 2):
        ca = sorted(by_doc[da.id], key=lambda c: c.index)
        cb = sorted(by_doc[db.id], key=lambda c: c.index)
        for xa, xb in gale_church.align([len(c.text) for c in ca], [len(c.text) for c in cb]):
            if xa and xb:
                out.append([ca[i].id for i in xa] + [cb[j].id for j in xb])
    return out


def part_a(seed: int, quick: bool, progress: Callable[[str], None],
           layout: bool = False) -> PartA:
    """Build, run and score every case (every 6th document with --quick); with `layout`
    the layout scenario's cases."""
    report = PartA()
    indices = range(0, len(ntrex_documents()), 6 if quick else 1)
    steps = LAYOUT_STEPS if layout else tuple(STEPS)
    for n, index in enumerate(indices):
        case = build_case(index, seed, steps, layout)
        clean = safe_run(case.clean, report.errors, f"{case.doc} unperturbed")
        perturbed = safe_run(case.perturbed, report.errors, f"{case.doc} perturbed")
        if clean is None or perturbed is None:
            report.failed += 1
            continue
        score_case(case, clean, perturbed, report)
        if n % 10 == 0:
            progress(f"part {'L' if layout else 'A'}: {n + 1}/{len(indices)} cases")
    return report


def ablation(seed: int, quick: bool, progress: Callable[[str], None],
             errors: dict[str, list[str]]) -> str:
    """Link F1 with one perturbation at a time: which one costs the matcher most."""
    indices = range(0, len(ntrex_documents()), 6 if quick else 1)
    rows = ["| only this perturbation | P | R | F1 | engine raised |", "|---|---|---|---|---|"]
    for name in STEPS:
        progress(f"ablation: {name}")
        results, failed = [], 0
        for index in indices:
            case = build_case(index, seed, (name,))
            run = safe_run(case.perturbed, errors, f"{case.doc} with only {name}")
            if run is None:
                failed += 1
                continue
            results.append(pairwise((m.claims for m in run.result.matches), run.gold))
        s = _total(results)
        rows.append(f"| {name} | {s.precision:.3f} | {s.recall:.3f} | {s.f1:.3f} | {failed} |")
    return "### Part A, one perturbation at a time\n\n" + "\n".join(rows)


def confident(matches) -> list[list[str]]:
    """The matches with their weakly linked (only suggested) members left out."""
    return [[c for c in m.claims if c not in set(m.suggested)] for m in matches]


def _rate(t: Tally) -> float:
    return t.hit / t.tries if t.tries else float("nan")


def _total(results: list[PairwiseResult]) -> Scores:
    total = Scores()
    for s in merge_pairwise(results).values():
        total.add(s)
    return total


def render_a(r: PartA, layout: bool = False) -> str:
    clean, pert, sure = _total(r.clean), _total(r.perturbed), _total(r.sure)
    base = _total(r.baseline)
    title = (f"### Part L (layout): {r.cases} NTREX stories in 4-6 languages, each version "
             "paragraphed on its own" if layout else
             f"### Part A: {r.cases} NTREX stories in 4-6 languages (prose, paragraphs)")
    return "\n".join([
        title,
        "",
        "| measure | figure | target |",
        "|---|---|---|",
        f"| pairwise link F1, perturbed (P / R) | **{pert.f1:.3f}** "
        f"({pert.precision:.3f} / {pert.recall:.3f}) | >= 0.95 |",
        f"| ... confident links only (P / R) | {sure.f1:.3f} "
        f"({sure.precision:.3f} / {sure.recall:.3f}) | |",
        f"| ... missed links where a claim was left alone (unsourced) | {r.missed_alone} | |",
        "| ... wrong links joining " + ", ".join(
            f"{kind}: {n}" for kind, n in r.wrong_kinds.most_common()) + " | | |",
        f"| Gale-Church length baseline on the same claims, perturbed (P / R) | {base.f1:.3f} "
        f"({base.precision:.3f} / {base.recall:.3f}) | |",
        f"| pairwise link F1, unperturbed (P / R) | {clean.f1:.3f} "
        f"({clean.precision:.3f} / {clean.recall:.3f}) | |",
        f"| changed figure -> conflict | **{r.changed}** | >= 90% |",
        f"| ... where the unperturbed line was not already a conflict | {r.changed_fresh} | |",
        f"| ... with the changed version among the outliers | {r.changed_named} | |",
        f"| harmless rewrite -> conflict naming the rewritten version (line not a conflict "
        f"unperturbed) | **{r.rewritten}** "
        "| 0% |",
        f"| ... counting every rewrite | {r.rewritten_raw} | |",
        *(f"| unperturbed lines suggested conflict: {kind} | {tally} | |"
          for kind, tally in r.natural.items()),
        f"| inserted sentence -> a match of one, unsourced | **{r.inserted}** | >= 90% |",
        f"| ... or linked only weakly (a suggested link) | {r.inserted_weak} | |",
        f"| engine time, {2 * r.cases} runs (clean + perturbed) | {r.seconds:.1f} s | |",
        f"| cases where the engine raised (see eval-errors.txt) | {r.failed} | 0 |",
        "",
        "Per language pair (perturbed):",
        "",
        pair_table(merge_pairwise(r.perturbed)),
        "",
        "Segmentation of the unperturbed prose (NTREX sentences vs claims):",
        "",
        segmentation_table(r.segmentation),
    ])


# ---------------------------------------------------------------- part B: the whole corpus


def corpus_versions(
    scenario: str, n_lines: int | None = None, seed: int = SEED, corpus: str = "ntrex128",
) -> tuple[list[Version], str | None]:
    """Six versions of the first `n_lines` lines of `corpus` (all by default), one document
    per paragraph, and the version that was reordered (or None).

    scenario "clean": as released; "edit": 3% of lines deleted and 3% inserted from the other
    corpus (a disjoint set of lines per version, so no two inserted lines are translations of
    each other); "move": a fifth of the stories moved elsewhere in one version. NTREX is the
    corpus the engine was tuned on; FLORES dev (Wikinews, Wikivoyage) is held out.
    """
    other = "flores200_dev" if corpus == "ntrex128" else "ntrex128"
    documents = CORPUS_DOCUMENTS[corpus]()
    n_lines = n_lines or len(read_lines(corpus, "eng"))
    docs = [[i for i in lines if i < n_lines] for _, lines in documents]
    docs = [d for d in docs if d]
    rng = random.Random(f"{seed}:{scenario}:{n_lines}" + (f":{corpus}" if corpus != "ntrex128"
                                                          else ""))
    versions = [
        Version(lang, [[Piece(read_lines(corpus, lang)[i], i) for i in d] for d in docs])
        for lang in LANGS
    ]
    moved = None
    if scenario == "edit":
        pool = list(range(len(read_lines(other, "eng"))))
        rng.shuffle(pool)
        k = round(0.03 * n_lines)
        for n, v in enumerate(versions):
            flat = v.pieces()
            for i in sorted(rng.sample(range(len(flat)), k), reverse=True):
                del flat[i]
            for f in pool[n * k:(n + 1) * k]:
                flat.insert(rng.randint(0, len(flat)),
                            Piece(read_lines(other, v.lang)[f], (other, f), "inserted"))
            v.paragraphs = [flat]
    elif scenario == "move":
        v = versions[rng.randrange(len(versions))]
        moved = v.lang
        chosen = rng.sample(range(len(v.paragraphs)), round(len(v.paragraphs) / 5))
        taken = [v.paragraphs[i] for i in chosen]
        v.paragraphs = [p for i, p in enumerate(v.paragraphs) if i not in set(chosen)]
        for para in taken:
            v.paragraphs.insert(rng.randint(0, len(v.paragraphs)), para)
    return versions, moved


@dataclass
class PartB:
    """Part B's rows (scenario, pairs counted, scores, seconds) and its errors."""

    rows: list[tuple[str, Scores, float, str]] = field(default_factory=list)
    by_pair: dict[str, dict[tuple[str, str], Scores]] = field(default_factory=dict)
    f1: dict[str, float] = field(default_factory=dict)  # scenario -> F1 over all pairs
    errors: dict[str, list[str]] = field(default_factory=dict)
    # the move story's matches against the same story matched in a process with another
    # PYTHONHASHSEED: (hash seed there, matches that differ, matches here)
    hash_seeds: tuple[str, int, int] | None = None


# what a child process runs: one scenario of part B under the PYTHONHASHSEED it was given, its
# matches on stdout as JSON, one a line, sorted (a str set's order changes with that seed, and
# the matches must not)
_MATCHES = """
import sys
sys.path.insert(0, sys.argv[1])
import eval_ntrex
versions, _ = eval_ntrex.corpus_versions(sys.argv[2], int(sys.argv[3]) or None, int(sys.argv[4]))
run = eval_ntrex.run_story(versions, segmented=True)
print("\\n".join(eval_ntrex.dumped(run.result.matches)))
"""


def dumped(matches: Sequence[Any]) -> list[str]:
    """Every match (claims, verdict, reasons, score) as JSON, sorted: what a reviewer sees."""
    return sorted(m.model_dump_json() for m in matches)


def hash_seed_check(scenario: str, n_lines: int | None, seed: int, here: Run
                    ) -> tuple[str, int, int]:
    """(the other PYTHONHASHSEED, how many of this run's matches the same story matched in
    a process with that seed lacks, how many matches this run has)."""
    other = "2" if os.environ.get("PYTHONHASHSEED") == "1" else "1"
    done = subprocess.run(
        [sys.executable, "-c", _MATCHES, str(Path(__file__).resolve().parent), scenario,
         str(n_lines or 0), str(seed)],
        env={**os.environ, "PYTHONHASHSEED": other}, capture_output=True, text=True, check=True)
    mine = dumped(here.result.matches)
    theirs = set(done.stdout.splitlines())
    return other, sum(m not in theirs for m in mine), len(mine)


def part_b(seed: int, quick: bool, progress: Callable[[str], None]) -> PartB:
    """Both scenarios of part B through pipeline.run(segmented=True) (a quarter with --quick)."""
    report = PartB()
    n_lines = 500 if quick else None
    for scenario, corpus in (("edit", "ntrex128"), ("move", "ntrex128"),
                             ("held-out edit", "flores200_dev")):
        progress(f"part B: {scenario}")
        versions, moved = corpus_versions(scenario.removeprefix("held-out "), n_lines, seed,
                                          corpus)
        run = safe_run(versions, report.errors, f"part B {scenario}", segmented=True)
        if run is None:
            report.rows.append((f"{scenario}: the engine raised", Scores(), 0.0, "-"))
            continue
        links = pairwise((m.claims for m in run.result.matches), run.gold)
        report.by_pair[scenario] = links.by_pair
        for kind, found in (("wrong link", links.wrong), ("missed link", links.missed)):
            report.errors[f"part B {scenario}: {kind}"] = [
                f"{_show(run, a)}\n{_show(run, b)}" for a, b in found]
        label = (f"a fifth of the stories moved in {ISO1[moved]}" if moved
                 else "3% deleted + 3% inserted per version" + (
                     ", FLORES dev (held out, not tuned on)" if corpus != "ntrex128" else ""))
        report.rows.append((label, links.total(), run.seconds, "all 15 pairs"))
        report.f1[scenario] = links.total().f1
        sure = pairwise(confident(run.result.matches), run.gold).total()
        report.rows.append((label, sure, run.seconds, "all 15, confident links only"))
        if moved:
            involved = Scores()
            for pair, s in links.by_pair.items():
                if moved in pair:
                    involved.add(s)
            report.rows.append((label, involved, run.seconds, f"the 5 pairs with {ISO1[moved]}"))
            progress(f"part B: {scenario} again, under another PYTHONHASHSEED")
            report.hash_seeds = hash_seed_check(scenario, n_lines, seed, run)
    return report


def render_b(r: PartB, quick: bool) -> str:
    size = "the first 500 lines" if quick else "all 1,997 lines"
    rows = [f"### Part B: NTREX as six versions of {size} (--segmented), and FLORES dev held out",
            "",
            "| scenario | pairs | P | R | F1 | engine time | target |",
            "|---|---|---|---|---|---|---|"]
    for label, s, secs, pairs in r.rows:
        target = ("-" if "held out" in label else ">= 0.98" if label.startswith("3%")
                  else ">= 0.95")
        rows.append(f"| {label} | {pairs} | {s.precision:.3f} | {s.recall:.3f} | **{s.f1:.3f}** "
                    f"| {secs:.1f} s | {target} |")
    if r.hash_seeds is not None:
        other, moved, total = r.hash_seeds
        rows += ["", f"The move story matched again in a process with PYTHONHASHSEED={other}: "
                 + (f"the same {total:,} matches" if not moved
                    else f"**{moved:,} of {total:,} matches differ** (the engine's output "
                    "depends on the order str sets iterate in)")]
    for scenario, by_pair in r.by_pair.items():
        rows += ["", f"Per language pair ({scenario}):", "", pair_table(sort_pairs(by_pair))]
    return "\n".join(rows)


# ---------------------------------------------------------------- speed against an older engine

# what a child process runs: the engine of one source tree on the laid-out story, timed (wall,
# and CPU of the process and of the workers it forked, which have ended when run() returns)
_TIMED = """
import json, resource, sys, time
sys.path.insert(0, sys.argv[1])
import crossfact
assert crossfact.__file__.startswith(sys.argv[1]), crossfact.__file__
from crossfact.pipeline import run
spec = json.loads(sys.argv[2])
def cpu():
    return sum(u.ru_utime + u.ru_stime for u in (resource.getrusage(resource.RUSAGE_SELF),
                                                 resource.getrusage(resource.RUSAGE_CHILDREN)))
c0, t0 = cpu(), time.perf_counter()
run(spec["paths"], langs=spec["langs"], segmented=True)
print(time.perf_counter() - t0, cpu() - c0)
"""
THIS = "this engine"
HUNALIGN = "hunalign, 15 pairs"


@dataclass
class Speed:
    """Part B's edit story timed per engine: wall and CPU seconds of each run."""

    wall: dict[str, list[float]] = field(default_factory=dict)
    cpu: dict[str, list[float]] = field(default_factory=dict)
    hunalign_f1: Scores | None = None  # hunalign's pairwise links on the same story

    def add(self, name: str, wall: float, cpu: float) -> None:
        self.wall.setdefault(name, []).append(wall)
        self.cpu.setdefault(name, []).append(cpu)

    def median(self, name: str) -> float:
        return statistics.median(self.wall[name])


def hunalign_links(versions: Sequence[Version], beads: Sequence[Sequence[hunalign.Bead]],
                   pairs: Sequence[tuple[int, int]]) -> Scores:
    """hunalign's pairwise links on the laid-out story (line k of a version is its kth piece),
    scored like crossfact's: a link is two lines of one bead, gold links share a label."""
    gold = Gold()
    for v in versions:
        for k, piece in enumerate(v.pieces()):
            gold.version[f"{v.lang}:{k}"] = v.lang
            gold.labels[f"{v.lang}:{k}"] = frozenset({piece.label})
    matches = [[f"{versions[a].lang}:{i}" for i in src] + [f"{versions[b].lang}:{j}" for j in tgt]
               for (a, b), found in zip(pairs, beads, strict=True) for src, tgt in found
               if src and tgt]
    return pairwise(matches, gold).total()


def speed(rev: str | None, repeat: int, progress: Callable[[str], None],
          hunalign_bin: Path | None = None, hunalign_dict: Path | None = None) -> str:
    """Part B's edit story (6 x 1,997 lines) matched by this engine, by the one at `rev`
    (checked out in a temporary git worktree) and aligned by hunalign pair by pair, each run
    in a fresh process, alternating, so all see the same machine: only the ratios mean
    anything on a shared machine."""
    import json

    root = Path(__file__).resolve().parents[1]
    versions, _ = corpus_versions("edit")
    report = Speed()
    with tempfile.TemporaryDirectory(prefix="crossfact-speed-") as tmp:
        laid = lay_out(Path(tmp) / "story", versions, segmented=True)
        spec = json.dumps({"paths": laid.paths, "langs": laid.langs})
        pairs = list(combinations(range(len(laid.paths)), 2))
        files = [(Path(laid.paths[a]), Path(laid.paths[b])) for a, b in pairs]
        trees = [(THIS, root)]
        if rev:
            trees.append((rev, Path(tmp) / "old"))
            subprocess.run(["git", "-C", str(root), "worktree", "add", "--detach", "-q",
                            str(trees[-1][1]), rev], check=True)
        try:
            for n in range(repeat):
                for name, tree in trees:
                    progress(f"speed: {name}, run {n + 1}/{repeat}")
                    out = subprocess.run([sys.executable, "-c", _TIMED, str(tree), spec],
                                         check=True, capture_output=True, text=True)
                    wall, cpu = out.stdout.split()[-2:]
                    report.add(name, float(wall), float(cpu))
                if hunalign_bin:
                    progress(f"speed: {HUNALIGN}, run {n + 1}/{repeat}")
                    timed = hunalign.align(hunalign_bin, files, hunalign_dict)
                    report.add(HUNALIGN, timed.wall, timed.cpu)
                    report.hunalign_f1 = hunalign_links(versions, timed.beads, pairs)
        finally:
            if rev:
                subprocess.run(["git", "-C", str(root), "worktree", "remove", "--force",
                                str(trees[-1][1])], check=True)
    return render_speed(report, rev, repeat)


def render_speed(r: Speed, rev: str | None, repeat: int) -> str:
    against = " and ".join(([rev] if rev else []) + (["hunalign"] if r.hunalign_f1 else []))
    rows = [f"### Speed: part B's edit story (6 x 1,997 lines), this engine against {against}",
            "", f"Median of {repeat} runs each, alternating, each in a fresh process; wall "
            "seconds of the run (after imports) and CPU seconds of every process it used.",
            "", "| engine | what one run does | median wall | runs (wall) | median CPU |",
            "|---|---|---|---|---|"]
    does = {THIS: "matches all 6 versions at once (N-way), with suggestions; forks workers "
                  "on the machine's cores",
            HUNALIGN: "aligns each of the 15 language pairs alone (one process per pair, one "
                      "after the other), no dictionary: pairs only, no N-way matching, no "
                      "figures or suggestions"}
    for name, ts in r.wall.items():
        rows.append(f"| {name} | {does.get(name, does[THIS])} | {statistics.median(ts):.2f} s "
                    f"| " + ", ".join(f"{t:.2f}" for t in ts)
                    + f" | {statistics.median(r.cpu[name]):.2f} s |")
    mine = r.median(THIS)
    ratios = [f"this / {rev}: **{mine / r.median(rev):.2f}** (target <= 1.0)"] if rev else []
    if r.hunalign_f1:
        cpu = statistics.median(r.cpu[THIS]) / statistics.median(r.cpu[HUNALIGN])
        ratios.append(f"this / hunalign: **{mine / r.median(HUNALIGN):.2f}** in wall seconds "
                      f"(this engine on {os.cpu_count()} cores, hunalign on one), {cpu:.2f} in "
                      "CPU seconds")
    rows += ["", "Ratio " + "; ".join(ratios) + "."]
    if r.hunalign_f1:
        s = r.hunalign_f1
        rows += ["", f"hunalign's pairwise link F1 on the same story, scored like part B's rows: "
                 f"**{s.f1:.3f}** (P {s.precision:.3f} / R {s.recall:.3f})."]
    return "\n".join(rows)


# ---------------------------------------------------------------- the command


def write_errors(errors: dict[str, list[str]], path: Path, per_kind: int = 25) -> None:
    """A deterministic sample of each kind of error, for whoever tunes the engine."""
    rng = random.Random(0)
    out = [f"# crossfact eval errors, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC "
           f"(benchmarks/eval_ntrex.py)\n"]
    for kind, items in sorted(errors.items()):
        sample = items if len(items) <= per_kind else rng.sample(items, per_kind)
        out.append(f"\n## {kind}: {len(items)} in all, {len(sample)} shown\n")
        out += [f"{item}\n" for item in sample]
    path.write_text("\n".join(out), encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--part", choices=["A", "L", "B", "all"], default="all",
                        help="A: same layout in every version; L: each its own layout; B: "
                        "the whole corpus")
    parser.add_argument("--quick", action="store_true", help="a subset, for fast iteration")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--ablation", action="store_true",
                        help="also part A's link F1 with one perturbation at a time")
    parser.add_argument("--against", metavar="REV",
                        help="also time part B's edit story against the engine at git REV")
    parser.add_argument("--hunalign", type=Path, metavar="BIN",
                        help="also time this hunalign binary (built from its source) aligning "
                        "part B's edit story pair by pair")
    parser.add_argument("--hunalign-dict", type=Path, metavar="FILE",
                        help="hunalign's bilingual dictionary (default: none, an empty file)")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per engine")
    parser.add_argument("--readme", action="store_true",
                        help="also put the tables in benchmarks/README.md")
    parser.add_argument("--notes", type=Path, default=NOTES,
                        help="where eval-latest.md and eval-errors.txt go")
    args = parser.parse_args(argv)
    if args.hunalign_dict and not args.hunalign:
        parser.error("--hunalign-dict needs --hunalign")
    why = missing_corpora()
    try:  # a wrong path is refused before anything runs
        if args.hunalign:
            hunalign.check_binary(args.hunalign)
        if args.hunalign_dict and not args.hunalign_dict.is_file():
            why = why or f"no dictionary file {args.hunalign_dict}"
    except hunalign.HunalignError as exc:
        why = why or str(exc)
    if why:
        print(f"error: {why}", file=sys.stderr)
        return 2

    def progress(msg: str) -> None:
        print(msg, file=sys.stderr, flush=True)

    command = (f"python benchmarks/eval_ntrex.py --part {args.part}"
               + " --quick" * args.quick + " --ablation" * args.ablation
               + (f" --against {args.against}" if args.against else "")
               + (" --hunalign HUNALIGN" if args.hunalign else "")
               + (f" --hunalign-dict {args.hunalign_dict.name}" if args.hunalign_dict else "")
               + (f" --repeat {args.repeat}" if args.against or args.hunalign else "")
               + (f" --seed {args.seed}" if args.seed != SEED else ""))
    stamp = f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC, load average " + " ".join(
        f"{x:.2f}" for x in os.getloadavg())
    parts: list[str] = []
    errors: dict[str, list[str]] = {}
    key: dict[str, float] = {}
    for part in ("A", "L"):
        if args.part not in (part, "all"):
            continue
        a = part_a(args.seed, args.quick, progress, layout=part == "L")
        parts.append(render_a(a, layout=part == "L"))
        for kind, items in a.errors.items():
            errors.setdefault(f"part {part}: {kind}", []).extend(items)
        key |= {f"{part}_F1": _total(a.perturbed).f1, f"{part}_changed": _rate(a.changed),
                f"{part}_rewritten": _rate(a.rewritten), f"{part}_inserted": _rate(a.inserted),
                f"{part}_baseline_F1": _total(a.baseline).f1}
    if args.ablation:
        parts.append(ablation(args.seed, args.quick, progress, errors))
    if args.part in ("B", "all"):
        b = part_b(args.seed, args.quick, progress)
        parts.append(render_b(b, args.quick))
        for kind, items in b.errors.items():
            errors.setdefault(kind, []).extend(items)
        key |= {f"B_{scenario}_F1": f1 for scenario, f1 in b.f1.items()}
        if b.hash_seeds is not None:
            key["B_move_hash_seed_differences"] = b.hash_seeds[1]
    if args.against or args.hunalign:
        try:
            parts.append(speed(args.against, args.repeat, progress, args.hunalign,
                               args.hunalign_dict))
        except hunalign.HunalignError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
    head = f"## eval_ntrex ({stamp}, engine sources {engine_version()})"
    hun = " (HUNALIGN: a hunalign binary built from its source)" if args.hunalign else ""
    body = f"{head}\n\n`{command.strip()}`{hun}\n\n" + "\n\n".join(parts)
    print(body)
    args.notes.mkdir(parents=True, exist_ok=True)
    write_errors(errors, args.notes / "eval-errors.txt")
    log_history(command, key, args.notes / "eval-history.tsv")
    section = f"eval_ntrex-{args.part}" + ("-quick" if args.quick else "")
    publish(section, body, args.notes, args.readme)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
