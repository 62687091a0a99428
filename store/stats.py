"""Progress and agreement: how far each reviewer got, and how often reviewers agree.

Agreement is measured on the matches that several reviewers decided: percent agreement
over pairs of reviewers, and Krippendorff's alpha (nominal) from the `krippendorff`
package, which accounts for agreement expected by chance.
"""

from __future__ import annotations

from collections import Counter
from itertools import combinations
from typing import Any

from crossfact.reading import GUESS_ADVICE, guessed_encoding
from crossfact.wording import plural

from .decisions import on_current_matches
from .jsonl import story_ids
from .reads import ReadMixin
from .words import carried_and_orphaned, look_again

VERDICTS = ("agree", "conflict", "unsourced")


def agreement(table: dict[str, dict[str, str]]) -> dict[str, Any]:
    """match -> reviewer -> verdict, to percent agreement and alpha on shared matches."""
    shared = {m: v for m, v in table.items() if len(v) >= 2}
    pairs = [(a, b) for verdicts in shared.values() for a, b in combinations(verdicts.values(), 2)]
    percent = 100.0 * sum(a == b for a, b in pairs) / len(pairs) if pairs else None
    alpha = None
    reviewers = sorted({r for verdicts in shared.values() for r in verdicts})
    if len(reviewers) >= 2 and len({v for vs in shared.values() for v in vs.values()}) >= 2:
        import krippendorff
        import numpy as np

        data = np.array([[VERDICTS.index(shared[m][r]) if r in shared[m] else np.nan
                          for m in sorted(shared)] for r in reviewers], dtype=float)
        alpha = float(krippendorff.alpha(reliability_data=data,
                                         level_of_measurement="nominal"))
    # With one verdict value everywhere alpha is undefined (0/0): reported as None, not 1.
    return {"shared_matches": len(shared), "pairs": len(pairs), "percent": percent,
            "alpha": alpha}


FEW_SHARED = 10
"""Below this many matches decided by two reviewers, alpha swings with a single verdict."""


def alpha_note(a: dict[str, Any]) -> str:
    """Why alpha reads as it does beside the percent agreement, when it needs saying: it
    discounts the agreement chance alone would give, which is high when one verdict is
    nearly all of them, and it is shaky on few shared matches."""
    notes = []
    if a["alpha"] is None:
        notes.append("alpha is undefined: every shared verdict is the same, so there is no "
                     "variation to agree on")
    elif a["alpha"] <= 0.0 and (a["percent"] or 0) > 0:
        notes.append("alpha at or below 0: the reviewers agree no more often than chance "
                     "would, given how often each verdict is used")
    if a["shared_matches"] < FEW_SHARED:
        notes.append(f"only {plural(a['shared_matches'], 'shared match', 'shared matches')}: "
                     "too few for a stable alpha")
    return "; ".join(notes)


def story_stats(store: ReadMixin, story: str) -> dict[str, Any]:
    db = store.db
    name = db.execute("SELECT name FROM stories WHERE id = ?", [story]).fetchone()[0]
    total = db.table("current_matches").count_where("story = ?", [story])
    table = {match: {r: d["verdict"] for r, d in by.items() if d["verdict"]}
             for match, by in on_current_matches(db, story).items()}
    per_reviewer: dict[str, Counter[str]] = {}
    for verdicts in table.values():
        for reviewer, verdict in verdicts.items():
            per_reviewer.setdefault(reviewer, Counter())[verdict] += 1
    reviewers = {
        reviewer: {"decided": sum(counts.values()), "total": total,
                   **{v: counts.get(v, 0) for v in VERDICTS}}
        for reviewer, counts in sorted(per_reviewer.items())
    }
    overall = Counter(v for verdicts in table.values() for v in verdicts.values())
    guessed = {document.path: encoding for document in store.documents(story)
               if (encoding := guessed_encoding(document.encoding))}
    return {"story": name, "id": story, "matches": total, "reviewers": reviewers,
            "guessed_encodings": guessed,
            "verdicts": {v: overall.get(v, 0) for v in VERDICTS},
            "carry_over": store.carry_counts(story),
            "second_look": store.second_looks(story),
            "agreement": agreement(table)}


def compute(store: ReadMixin, story: str | None = None) -> list[dict[str, Any]]:
    return [story_stats(store, s) for s in story_ids(store, story)]


def render(stats: list[dict[str, Any]]) -> str:
    """Plain text for the terminal."""
    out: list[str] = []
    for s in stats:
        out.append(f"{s['story']}  ({plural(s['matches'], 'match', 'matches')})")
        if s["guessed_encodings"]:  # the review app says so once, when they are first read
            out.append(f"  encoding{'s' if len(s['guessed_encodings']) > 1 else ''} of "
                       + ", ".join(f"{path} ({encoding})"
                                   for path, encoding in s["guessed_encodings"].items())
                       + f" {GUESS_ADVICE}")
        verdicts = ", ".join(f"{v} {n}" for v, n in s["verdicts"].items())
        out.append(f"  verdicts: {verdicts}")
        out += [f"  {said}" for said in carried_and_orphaned(s["carry_over"])]
        again = look_again(s["second_look"])
        if again:
            out.append(f"  {again}")
        for reviewer, r in s["reviewers"].items():
            pct = 100.0 * r["decided"] / r["total"] if r["total"] else 0.0
            out.append(f"  {reviewer}: {r['decided']}/{r['total']} decided ({pct:.0f}%); "
                       + ", ".join(f"{v} {r[v]}" for v in VERDICTS))
        a = s["agreement"]
        if a["shared_matches"]:
            pct = "n/a" if a["percent"] is None else f"{a['percent']:.1f}%"
            alpha = "n/a" if a["alpha"] is None else f"{a['alpha']:.3f}"
            shared = plural(a["shared_matches"], "shared match", "shared matches")
            out.append(f"  agreement on {shared}: {pct}, "
                       f"Krippendorff's alpha (nominal) {alpha}")
            why = alpha_note(a)
            if why:
                out.append(f"    ({why})")
        else:
            out.append("  agreement: no match decided by two reviewers yet")
    return "\n".join(out) + "\n"
