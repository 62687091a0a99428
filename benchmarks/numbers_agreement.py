"""How often a sentence and its translation give the same figures (NTREX-128, line by line).

Not a test: a measurement. For each language, the share of NTREX lines whose multiset of
quantity values (find_quantities, plus the day/month/year of find_dates) equals the English
line's. Translators legitimately convert units or spell numbers as words, so 100% is not the
goal; the figure shows how far the number fingerprint can be trusted for alignment.

    python benchmarks/numbers_agreement.py [--show N] [--corpus flores200_dev]
"""

from __future__ import annotations

import argparse
import gzip
import sys
import time
from collections import Counter
from pathlib import Path

from crossfact.dates import find_dates
from crossfact.numbers import find_quantities

CORPORA = Path(__file__).resolve().parents[2] / "shared" / "corpora"
LANGS = {"tur": "tr", "ben": "bn", "arb": "ar", "fra": "fr", "heb": "he", "eng": "en"}


def figures(line: str, lang: str) -> Counter[float]:
    """The values a line states: quantities, and the parts of its dates."""
    values: Counter[float] = Counter(round(q.value, 6) for q in find_quantities(line, lang))
    for date in find_dates(line, lang):
        values.update(float(p) for p in (date.year, date.day) if p is not None)
    return values


def read(corpus: Path, code: str) -> list[str]:
    with gzip.open(corpus / f"{code}.txt.gz", "rt", encoding="utf-8") as f:
        return [line.rstrip("\n") for line in f]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", type=int, default=0, help="print N disagreeing lines each")
    parser.add_argument("--corpus", default="ntrex128", help="ntrex128 (default), flores200_dev")
    args = parser.parse_args()
    corpus = CORPORA / args.corpus
    if not corpus.is_dir():
        print(f"corpus not found: {corpus}", file=sys.stderr)
        return 1
    started = time.perf_counter()
    english = [figures(line, "en") for line in read(corpus, "eng")]
    sentences = len(english)
    print(f"{'lang':5} {'all lines':>10} {'lines with figures':>19}")
    for code, lang in LANGS.items():
        if lang == "en":
            continue
        lines = read(corpus, code)
        agree = agree_with = with_figures = shown = 0
        for i, line in enumerate(lines):
            theirs = figures(line, lang)
            same = theirs == english[i]
            agree += same
            if english[i] or theirs:
                with_figures += 1
                agree_with += same
                if not same and shown < args.show:
                    shown += 1
                    print(f"  [{code} {i}] en={dict(english[i])} {lang}={dict(theirs)}\n    {line}")
        sentences += len(lines)
        print(f"{code:5} {100 * agree / len(lines):9.1f}% {100 * agree_with / with_figures:18.1f}%"
              f"  (of {with_figures})")
    elapsed = time.perf_counter() - started
    print(f"{sentences} sentences in {elapsed:.2f} s ({1000 * elapsed / sentences:.3f} ms each)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
