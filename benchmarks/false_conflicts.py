"""False conflicts: how often faithful translations are suggested `conflict`.

Six versions (en tr bn ar fr he) of a corpus as released, one article per paragraph,
`--segmented`. A match whose claims all come from one corpus line is a correct match; a
`conflict` suggested on it is false unless the translations really differ there: each line
where one does (a translation slip: French "17 km" for seventy kilometres, "2019" for 2009)
is listed, with what differs, in `real_differences.toml`, labelled by hand against the
English source after the run (never a rule changed to fit it). Reported per 100 matches,
false and all flagged, with every flagged conflict's reasons written to
`false-conflicts-<corpus>.txt` in the notes folder, so a change to the fingerprint rules
can be checked reason by reason.

    python benchmarks/false_conflicts.py --corpus ntrex128       # development (tuned on)
    python benchmarks/false_conflicts.py --corpus udhr           # development: names, few figures
    python benchmarks/false_conflicts.py --corpus flores200_dev  # held out: never tuned on
"""

from __future__ import annotations

import argparse
import sys
import tomllib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import ISO1, NOTES, missing_corpora  # noqa: E402  (the benchmarks are scripts)
from eval_ntrex import corpus_versions, run_story  # noqa: E402

REAL = Path(__file__).with_name("real_differences.toml")


@dataclass(frozen=True)
class Difference:
    """A corpus line where these versions (ISO 639-1 codes) differ from the English: what."""

    versions: frozenset[str]
    what: str


def real_differences(corpus: str) -> dict[int, Difference]:
    """The corpus lines (0-based) where a translation really differs from the English."""
    table = tomllib.loads(REAL.read_text("utf-8")).get(corpus, {})
    return {int(line): Difference(frozenset(entry["in"]), entry["what"])
            for line, entry in table.items()}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", choices=["ntrex128", "udhr", "flores200_dev"],
                        default="ntrex128")
    parser.add_argument("--lines", type=int, default=None, help="only the first N lines")
    parser.add_argument("--notes", type=Path, default=NOTES)
    args = parser.parse_args(argv)
    why = missing_corpora()
    if why:
        print(f"error: {why}", file=sys.stderr)
        return 2
    versions, _ = corpus_versions("clean", args.lines, corpus=args.corpus)
    run = run_story(versions, segmented=True)
    gold = run.gold
    real = real_differences(args.corpus)
    doc_of = {c.id: c.doc for c in run.result.claims}
    correct = conflicts = slips = 0
    kinds: Counter[str] = Counter()
    shown: list[str] = []
    for m in run.result.matches:
        labels = {frozenset(gold.labels[c]) for c in m.claims}
        if len(m.claims) < 2 or len(labels) != 1:
            continue
        correct += 1
        if m.suggestion != "conflict":
            continue
        conflicts += 1
        spanned = sorted(labels.pop())
        line = spanned[0] if len(spanned) == 1 else -1  # -1: a claim across lines, unlabelled
        difference = real.get(line)
        # a true conflict only where it sets a version that differs apart from the others
        apart = {ISO1[gold.version[c]] for c in m.claims if doc_of[c] in m.outliers}
        slip = difference.what if difference and difference.versions & apart else None
        slips += slip is not None
        vs = [r for r in m.reasons if " vs " in r]
        if slip is None:
            kinds.update("figure" if any(ch.isdigit() for ch in r) else "name" for r in vs)
        lines = [f"{gold.version[c]}  {gold.text[c]}" for c in m.claims]
        verdict = f"line {line}: " + (f"real difference ({slip})" if slip else "FALSE")
        shown.append("\n".join([verdict, *vs, *lines, ""]))
    total = len(run.result.matches)
    false = conflicts - slips
    print(f"{args.corpus}: {total} matches, {correct} correct (2+ versions, one line), "
          f"{conflicts} suggested conflict on them, {slips} of which real differences "
          f"between the translations ({REAL.name}): {100 * false / max(1, total):.2f} false "
          f"conflicts per 100 matches ({100 * conflicts / max(1, total):.2f} flagged; "
          f"reasons of the false: {dict(kinds)}), {run.seconds:.1f} s")
    args.notes.mkdir(parents=True, exist_ok=True)
    out = args.notes / f"false-conflicts-{args.corpus}.txt"
    out.write_text("\n".join(shown), encoding="utf-8")
    print(f"details: {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
