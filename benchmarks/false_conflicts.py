"""False conflicts: how often faithful translations are suggested `conflict`.

Six versions (en tr bn ar fr he) of a corpus as released, one article per paragraph,
`--segmented`. A match whose claims all come from one corpus line is a correct match; a
`conflict` suggested on it is counted as false (professional translations of one sentence
state the same figures and names). Reported per 100 matches, with every false conflict's
reasons written to `false-conflicts.txt` in the notes folder, so a change to the
fingerprint rules can be checked reason by reason.

    python benchmarks/false_conflicts.py --corpus ntrex128       # development (tuned on)
    python benchmarks/false_conflicts.py --corpus udhr           # development: names, few figures
    python benchmarks/false_conflicts.py --corpus flores200_dev  # held out: never tuned on
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import NOTES, missing_corpora  # noqa: E402  (the benchmarks are scripts)
from eval_ntrex import corpus_versions, run_story  # noqa: E402


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
    correct = conflicts = 0
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
        vs = [r for r in m.reasons if " vs " in r]
        kinds.update("figure" if any(ch.isdigit() for ch in r) else "name" for r in vs)
        lines = [f"{gold.version[c]}  {gold.text[c]}" for c in m.claims]
        shown.append("\n".join([*vs, *lines, ""]))
    total = len(run.result.matches)
    print(f"{args.corpus}: {total} matches, {correct} correct (2+ versions, one line), "
          f"{conflicts} suggested conflict on them: "
          f"{100 * conflicts / max(1, total):.2f} per 100 matches "
          f"(reasons: {dict(kinds)}), {run.seconds:.1f} s")
    args.notes.mkdir(parents=True, exist_ok=True)
    out = args.notes / f"false-conflicts-{args.corpus}.txt"
    out.write_text("\n".join(shown), encoding="utf-8")
    print(f"details: {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
