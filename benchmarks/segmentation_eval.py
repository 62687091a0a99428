"""How well crossfact's sentence splitter recovers NTREX's sentence boundaries, per language.

NTREX-128 gives one sentence per line and the news document of every line. Each
document's lines are joined with single spaces into one paragraph, segmented, and every
gap between two claims is compared with the places where the lines were joined:

- precision: share of the splitter's boundaries that are real line boundaries;
- recall: share of line boundaries the splitter found;
- recall (marked): the same, counting only lines that end in a sentence mark. A line with
  none (a headline, a dateline) cannot be found in running text by any splitter, so this
  is the figure to push up.

It also times segmentation of each language's whole file as one document of 1,997 lines.

    python benchmarks/segmentation_eval.py [--show N]

The corpora are found as in common.py (../shared/corpora, or $CROSSFACT_CORPORA).
"""

from __future__ import annotations

import argparse
import sys
import time
from itertools import pairwise
from pathlib import Path

from crossfact.ids import stable_id
from crossfact.models import Document
from crossfact.segment import STRONG_MARKS, segment

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import ISO1, missing_corpora, ntrex_documents, read_lines  # noqa: E402  (scripts)

SENTENCE_MARKS = tuple(".!?…" + STRONG_MARKS)
CLOSERS = "\"'”’»›)]"


def documents(code: str) -> list[list[str]]:
    """The lines of every NTREX document of one language, in corpus order."""
    lines = read_lines("ntrex128", code)
    return [[lines[n].strip() for n in numbers] for _, numbers in ntrex_documents()]


def ends_with_mark(line: str) -> bool:
    return line.rstrip(CLOSERS + " ").endswith(SENTENCE_MARKS)


class Score:
    """Boundary counts for one language, and examples of each kind of error."""

    def __init__(self) -> None:
        self.true = self.predicted = self.hits = 0
        self.marked = self.marked_hits = 0
        self.false_splits: list[str] = []
        self.misses: list[str] = []

    def add(self, lang: str, lines: list[str]) -> None:
        text = " ".join(lines)
        doc = Document(id=stable_id(text, prefix="d"), path="ntrex", lang=lang, title="", text=text)
        claims = segment(doc)
        gaps = [(a.end, b.start) for a, b in pairwise(claims)]
        joins, position = [], 0
        for line in lines[:-1]:
            position += len(line)
            joins.append((position, ends_with_mark(line)))
            position += 1  # the joining space
        join_positions = {join for join, _ in joins}
        self.true += len(joins)
        self.predicted += len(gaps)
        for end, start in gaps:
            if not any(end <= join < start for join in join_positions):
                self.false_splits.append(_context(text, end))
        for join, marked in joins:
            found = any(end <= join < start for end, start in gaps)
            self.hits += found
            self.marked += marked
            self.marked_hits += found and marked
            if marked and not found:
                self.misses.append(_context(text, join))

    def row(self) -> str:
        precision = (self.predicted - len(self.false_splits)) / max(self.predicted, 1)
        recall = self.hits / max(self.true, 1)
        marked = self.marked_hits / max(self.marked, 1)
        return (
            f"{precision:9.3f} {recall:7.3f} {marked:8.3f} {self.true:6d} {self.predicted:9d}"
            f" {len(self.false_splits):6d}"
        )


def _context(text: str, position: int, width: int = 45) -> str:
    return f"…{text[max(0, position - width) : position]}‖{text[position : position + width]}…"


def time_whole_files() -> float:
    """Seconds to segment the six languages, each as one document of 1,997 lines."""
    total = 0.0
    for code, lang in ISO1.items():
        text = "\n".join(read_lines("ntrex128", code))
        doc = Document(id=stable_id(text, prefix="d"), path=code, lang=lang, title="", text=text)
        started = time.perf_counter()
        segment(doc)
        total += time.perf_counter() - started
    return total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", type=int, default=0, help="print N errors of each kind")
    args = parser.parse_args(argv)
    missing = missing_corpora()
    if missing:
        print(missing, file=sys.stderr)
        return 2
    print("lang precision  recall  r.marked   true predicted  false")
    for code, lang in ISO1.items():
        score = Score()
        for lines in documents(code):
            score.add(lang, lines)
        print(f"{lang:4} {score.row()}")
        for label, examples in (("false split", score.false_splits), ("miss", score.misses)):
            for example in examples[: args.show]:
                print(f"     {label}: {example}")
    print(f"segmenting 6 x 1,997-line documents: {time_whole_files():.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
