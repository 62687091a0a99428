"""Text+Berg de-fr (Bleualign's development set): the field's standard sentence-alignment test.

Literary, OCR-ish yearbook text with many 2-1, 1-2, 2-2 and 3-1 beads, one sentence a line,
the two sides not line-parallel; the gold lists the true beads. crossfact reads the two files
as a story (--segmented, languages given) and its matches are turned into beads: the German
and French lines of each match, and every line left alone as a bead with one empty side.
The Gale-Church length baseline runs on the same lines in the same command. Scored with
Vecalign's strict and lax precision and recall (score.py, reimplemented below); hunalign's
published figure on this file is shown beside them, and with --hunalign a hunalign binary built
from its source (benchmarks/README.md) aligns the same lines in the same command, with no
dictionary unless one is given, plainly and with -realign. Development data: tuning on it is
allowed.

    python benchmarks/eval_textberg.py [--hunalign BIN [--hunalign-dict FILE]] [--readme]
"""

from __future__ import annotations

import argparse
import ast
import os
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import gale_church  # noqa: E402  (the benchmarks are scripts, not a package)
import hunalign  # noqa: E402
from common import NOTES, corpora_dir, engine_version, log_history, publish  # noqa: E402

Bead = tuple[tuple[int, ...], tuple[int, ...]]

HUNALIGN = {"strict": 0.66, "lax": 0.88}  # F1 on this file, as the corpus README reports it
# hunalign's runs: its default (lengths and shared tokens, one pass; what the published figure
# above reproduces), and -realign (a second pass with a dictionary learnt from the first)
HUNALIGN_RUNS = {"hunalign": (), "hunalign -realign": ("-realign",)}


def read_gold(path: Path) -> list[Bead]:
    """`[8, 9]:[10, 11, 12]` per line: German lines, French lines (0-based)."""
    beads = []
    for line in path.read_text("utf-8").splitlines():
        if line.strip():
            src, tgt = line.split(":")
            beads.append((tuple(ast.literal_eval(src)), tuple(ast.literal_eval(tgt))))
    return beads


def _precision(gold: Iterable[Bead], test: Iterable[Bead]) -> tuple[int, int, int, int]:
    """(strict hits, strict misses, lax hits, lax misses) of `test` against `gold`: a bead is
    a strict hit when it is a gold bead, a lax hit when some line of its first side is in a
    gold bead with some line of its second side (Vecalign's score.py, after Sennrich and
    Volk 2011)."""
    test_set = {b for b in test if b[0] or b[1]}
    gold_set = {b for b in gold if b[0] or b[1]}
    partners: dict[int, set[int]] = defaultdict(set)
    for src, tgt in gold_set:
        for s in src:
            partners[s].update(tgt)
    tp_strict = fp_strict = tp_lax = fp_lax = 0
    for src, tgt in test_set:
        if (src, tgt) in gold_set:
            tp_strict += 1
            tp_lax += 1
            continue
        fp_strict += 1
        if set(tgt) & {t for s in src for t in partners[s]}:
            tp_lax += 1
        else:
            fp_lax += 1
    return tp_strict, fp_strict, tp_lax, fp_lax


def score(gold: Sequence[Bead], test: Sequence[Bead]) -> dict[str, float]:
    """Strict and lax precision, recall and F1. Precision counts every test bead, null ones
    too; recall is precision with the roles swapped and beads with an empty side left out."""
    p = _precision(gold, test)
    r = _precision([b for b in test if b[0] and b[1]], [b for b in gold if b[0] and b[1]])
    out: dict[str, float] = {}
    for kind, hit, miss in (("strict", 0, 1), ("lax", 2, 3)):
        prec = p[hit] / (p[hit] + p[miss]) if p[hit] + p[miss] else 0.0
        rec = r[hit] / (r[hit] + r[miss]) if r[hit] + r[miss] else 0.0
        out[f"P_{kind}"], out[f"R_{kind}"] = prec, rec
        out[f"F1_{kind}"] = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return out


def crossfact_beads(de: Path, fr: Path) -> tuple[list[Bead], float]:
    """crossfact's matches of the two files as beads (line numbers), and its seconds."""
    from crossfact.pipeline import run

    with tempfile.TemporaryDirectory(prefix="crossfact-textberg-") as tmp:
        paths = []
        for src in (de, fr):  # one folder, so the story is exactly these two versions
            dst = Path(tmp) / src.name
            dst.write_bytes(src.read_bytes())
            paths.append(str(dst))
        t0 = time.perf_counter()
        result = run(paths, langs={paths[0]: "de", paths[1]: "fr"}, segmented=True)
        seconds = time.perf_counter() - t0
        texts = [Path(p).read_text("utf-8") for p in paths]
    side = {d.id: n for n, d in enumerate(result.documents)}
    starts = [_line_starts(t) for t in texts]
    line_of = {c.id: (side[c.doc], _line(starts[side[c.doc]], c.start)) for c in result.claims}
    beads: list[Bead] = []
    for m in result.matches:
        lines: tuple[list[int], list[int]] = ([], [])
        for cid in m.claims:
            s, n = line_of[cid]
            lines[s].append(n)
        beads.append((tuple(sorted(set(lines[0]))), tuple(sorted(set(lines[1])))))
    return beads, seconds


def _line_starts(text: str) -> list[int]:
    return [0] + [n + 1 for n, ch in enumerate(text) if ch == "\n"]


def _line(starts: list[int], offset: int) -> int:
    from bisect import bisect_right

    return bisect_right(starts, offset) - 1


def baseline_beads(de: Path, fr: Path) -> tuple[list[Bead], float]:
    """Gale-Church on the lines' lengths (the text as written, its trailing space dropped)."""
    t0 = time.perf_counter()
    lengths = [[len(line.strip()) for line in p.read_text("utf-8").splitlines()]
               for p in (de, fr)]
    beads = gale_church.align(lengths[0], lengths[1])
    return beads, time.perf_counter() - t0


def _hunalign_run(binary: Path, dictionary: Path | None, de: Path, fr: Path,
                  flags: Sequence[str]) -> Callable[[], tuple[list[Bead], float]]:
    """hunalign on the two files (German as its source), as a deferred run: beads, seconds."""
    def run() -> tuple[list[Bead], float]:
        timed = hunalign.align(binary, [(de, fr)], dictionary, flags)
        return timed.beads[0], timed.wall
    return run


def _shapes(beads: Sequence[Bead]) -> str:
    from collections import Counter

    shapes = Counter(f"{len(a)}-{len(b)}" for a, b in beads)
    return ", ".join(f"{k}: {v}" for k, v in shapes.most_common())


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--readme", action="store_true",
                        help="also put the table in benchmarks/README.md")
    parser.add_argument("--notes", type=Path, default=NOTES)
    parser.add_argument("--hunalign", type=Path, metavar="BIN",
                        help="also run this hunalign binary (built from its source) on the file")
    parser.add_argument("--hunalign-dict", type=Path, metavar="FILE",
                        help="hunalign's bilingual dictionary (default: none, an empty file)")
    args = parser.parse_args(argv)
    if args.hunalign_dict and not args.hunalign:
        parser.error("--hunalign-dict needs --hunalign")
    folder = corpora_dir() / "textberg_dev"
    de, fr, gold_path = folder / "de.txt", folder / "fr.txt", folder / "gold.txt"
    if not all(p.is_file() for p in (de, fr, gold_path)):
        print(f"error: Text+Berg dev not found in {folder}", file=sys.stderr)
        return 2
    try:  # a wrong path is refused before anything runs
        if args.hunalign:
            hunalign.check_binary(args.hunalign)
        if args.hunalign_dict and not args.hunalign_dict.is_file():
            raise hunalign.HunalignError(f"no dictionary file {args.hunalign_dict}")
    except hunalign.HunalignError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    gold = read_gold(gold_path)
    aligners = [("crossfact", "cf", lambda: crossfact_beads(de, fr)),
                ("Gale-Church (length only, benchmarks/gale_church.py)", "gc",
                 lambda: baseline_beads(de, fr))]
    if args.hunalign:
        what = f"dictionary {args.hunalign_dict.name}" if args.hunalign_dict else "no dictionary"
        aligners += [(f"{name}, {what} (built from source, run here)", tag,
                      _hunalign_run(args.hunalign, args.hunalign_dict, de, fr, flags))
                     for (name, flags), tag in zip(HUNALIGN_RUNS.items(), ("hun", "hun_re"),
                                                   strict=True)]
    rows = ["| aligner | strict P / R / **F1** | lax P / R / **F1** | time | beads by shape |",
            "|---|---|---|---|---|"]
    key: dict[str, float] = {}
    for name, tag, aligner in aligners:
        try:
            beads, secs = aligner()
        except hunalign.HunalignError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        s = score(gold, beads)
        rows.append(f"| {name} | {s['P_strict']:.3f} / {s['R_strict']:.3f} / "
                    f"**{s['F1_strict']:.3f}** | {s['P_lax']:.3f} / {s['R_lax']:.3f} / "
                    f"**{s['F1_lax']:.3f}** | {secs:.2f} s | {_shapes(beads)} |")
        key |= {f"{tag}_strict": s["F1_strict"], f"{tag}_lax": s["F1_lax"]}
    rows.append(f"| hunalign, no dictionary (published on this file) | - / - / "
                f"**{HUNALIGN['strict']:.2f}** | - / - / **{HUNALIGN['lax']:.2f}** | | |")
    rows.append(f"| gold | | | | {_shapes(gold)} |")
    stamp = f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC, load average " + " ".join(
        f"{x:.2f}" for x in os.getloadavg())
    command = "python benchmarks/eval_textberg.py" + (
        " --hunalign HUNALIGN" if args.hunalign else "") + (
        f" --hunalign-dict {args.hunalign_dict.name}" if args.hunalign_dict else "")
    body = "\n".join([
        f"## eval_textberg ({stamp}, engine sources {engine_version()})", "",
        f"`{command}` (Text+Berg de-fr dev, 468 / 554 lines; development data"
        + ("; HUNALIGN: a hunalign binary built from its source" if args.hunalign else "")
        + ")", "", *rows])
    print(body)
    log_history(command, key, args.notes / "eval-history.tsv")
    publish("eval_textberg", body, args.notes, args.readme)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
