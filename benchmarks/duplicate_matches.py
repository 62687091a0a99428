"""Count matches that repeat another: the same claims of two or more versions, shown twice.

A reviewer sees one match per fact: a claim that states two facts may sit in two matches,
but two matches whose claims of two or more versions are the same set are one match shown
twice (a wrong link judged twice, a right one counted twice). Over every development
story: fixtures/news/*, the seed story, and NTREX part A's cases (clean and perturbed).

- same: matches whose claims (from two versions or more) are those of another match;
- within: matches whose claims (from two versions or more) all sit in one other match,
  which holds more (the smaller one adds no link the larger does not show).

    python benchmarks/duplicate_matches.py [--quick] [--list]

Development data only: no held-out story is read.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import ntrex_documents  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def repeated(matches: Iterable[Sequence[str]], doc_of: dict[str, str]
             ) -> tuple[list[frozenset[str]], list[frozenset[str]]]:
    """The claim sets (of two versions or more) that another match holds whole: the same
    set (`same`, once per match that has it) and a smaller set (`within`)."""
    sets = [frozenset(m) for m in matches]
    multi = [s for s in sets if len({doc_of[c] for c in s}) >= 2]
    same = [s for s in multi if sets.count(s) > 1]
    within = [s for s in multi if any(s < t for t in sets)]
    return same, within


def stories() -> Iterable[tuple[str, list[str], dict[str, str] | None]]:
    """(name, paths, languages) of fixtures/news/* (languages by file name, as
    eval_comparable.py gives them) and the seed story (its story file's); part A's cases
    are built and laid out by eval_ntrex.py's own code."""
    for folder in sorted((ROOT / "fixtures" / "news").iterdir()):
        files = sorted(folder.glob("*.txt"))
        if files:
            yield folder.name, [str(f) for f in files], {str(f): f.stem for f in files}
    yield "seed-story", [str(ROOT / "fixtures" / "seed-story")], None


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true",
                        help="part A: every 6th document, as eval_ntrex.py --quick")
    parser.add_argument("--list", action="store_true", help="print each repeated match")
    args = parser.parse_args(argv)
    import eval_ntrex

    from crossfact.models import MatchResult
    from crossfact.pipeline import run

    totals = {"same": 0, "within": 0, "matches": 0}

    def tally(name: str, result: MatchResult) -> None:
        doc_of = {c.id: c.doc for c in result.claims}
        text = {c.id: c.text for c in result.claims}
        same, within = repeated((m.claims for m in result.matches), doc_of)
        totals["same"] += len(same)
        totals["within"] += len(within)
        totals["matches"] += len(result.matches)
        if same or within:
            print(f"{name}: same {len(same)}, within {len(within)} "
                  f"(of {len(result.matches)} matches)")
        if args.list:
            for label, found in (("same", same), ("within", within)):
                for s in found:
                    print(f"  {label}: " + " | ".join(text[c][:70] for c in sorted(s)))

    for name, paths, langs in stories():
        tally(name, run(paths, langs=langs))
    indices = range(0, len(ntrex_documents()), 6 if args.quick else 1)
    for index in indices:
        case = eval_ntrex.build_case(index)
        for kind, versions in (("clean", case.clean), ("perturbed", case.perturbed)):
            tally(f"NTREX A {case.doc} {kind}", eval_ntrex.run_story(versions).result)
    print(f"total: {totals['same']} matches the same as another, {totals['within']} within "
          f"another, of {totals['matches']} matches")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
