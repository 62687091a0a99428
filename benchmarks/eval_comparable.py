"""Measure fact-level links on real comparable news: one event as different outlets report it.

Each story is a folder under fixtures/news/ with one file per version (named by its ISO 639-1
code) and a `facts.toml` of hand labels (how they were made: fixtures/news/README.md). The
engine matches the versions end to end (crossfact.pipeline.run, languages given by the file
names, as eval_ntrex.py does); every labelled statement is mapped to the claims its text lies
in, and:

- link precision: of the pairs of claims from different versions that share a match, the
  share that the labels say report one fact (a claim in several matches, as a sentence that
  states several facts may be, makes a pair with the claims of each); shown too for the
  confident links alone (pairs of claims no match holds only as a suggestion) and for the
  weak ones (the other linked pairs: through a member a match only suggests);
- link recall: of the (fact, pair of versions) that the labels give, the share where a claim
  stating the fact in one version shares a match with one stating it in the other (a version
  that states a fact twice needs only one of its claims linked); the claim-pair recall is
  shown beside it;
- conflicts: of the pairs of statements of one fact whose figures differ, how many sit in
  one match, and how many of those the engine suggests as `conflict`.

- with --ceiling, the link recall a linker that knew the labels would reach (greedily, no
  wrong link) with one claim per version in a match: over the engine's claims, and over
  claims cut at the labels (what splitting sentences into clauses could add).

    python benchmarks/eval_comparable.py [STORY_DIR ... | --heldout] [--readme] [--errors]
                                          [--causes] [--ceiling]

Development data, labelled by reading the stories by the rules in fixtures/news/README.md: steer
the engine with it, but do not tune constants until they fit its few hundred pairs. With
--heldout, the stories of fixtures/news-heldout/ instead, in their own table named "held out":
labelled by the same rules before the engine was first run on them, and never tuned on
(fixtures/news-heldout/README.md).
"""

from __future__ import annotations

import argparse
import sys
import tomllib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from itertools import combinations
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import common  # noqa: E402
from common import NOTES, Scores, engine_version, log_history, publish  # noqa: E402

# apart from fixtures/*/: those are the recorded review stories, each with its sessions
NEWS = Path(__file__).resolve().parents[1] / "fixtures" / "news"
# stories labelled before the engine was run on them, never tuned on: how much carries over
HELDOUT = NEWS.with_name("news-heldout")
FACTS = "facts.toml"

Value = float | str


class LabelError(Exception):
    """A facts.toml that cannot be read, or a statement whose text does not resolve."""


@dataclass(frozen=True)
class Statement:
    """One version's statement of a fact: where it is (`text`) and the figure it gives."""

    fact: str
    version: str  # the version's file stem, its language code
    text: str
    figure: str | None = None
    values: frozenset[Value] = frozenset()  # empty: no figure to compare
    # a rounded figure: True for "nearly 300", "about 150" (agrees within ROUNDED of it), or
    # the absolute half-step of its last digit (0.05 for "52,1%": it agrees with 52.14)
    approx: bool | float = False

    def differs(self, other: Statement) -> bool:
        """Both give a figure and no figure of one agrees with one of the other: 7.4 vs 7.8
        differ; 7.4 vs "7.4 and 7.8" do not; "nearly 300" agrees with 296, not with 632."""
        return bool(self.values and other.values) and not any(
            _agree(a, b, self.approx, other.approx) for a in self.values for b in other.values)


# How far a figure given as rounded ("nearly 300", "about 150") may be from another and still
# agree with it: "nearly 300" against 296 is 1.3% off, "about 150" against 153 2%; the tolls
# and counts that differ in this set differ by 5% or more (75 vs 76 is exact against exact).
ROUNDED = 0.05


def _agree(a: Value, b: Value, approx_a: bool | float, approx_b: bool | float) -> bool:
    if not (isinstance(a, float) and isinstance(b, float)):
        return a == b
    allowed = 0.0
    for approx in (approx_a, approx_b):
        if approx is True:
            allowed = max(allowed, ROUNDED * max(abs(a), abs(b)))
        elif approx:
            allowed = max(allowed, float(approx))
    return abs(a - b) <= allowed + 1e-9


@dataclass(frozen=True)
class Fact:
    """One fact of the story and every version's statement of it."""

    id: str
    what: str
    statements: tuple[Statement, ...]


# a story's kind (facts.toml `kind`): the targets are set on stories from different outlets
KINDS = {"comparable": "different outlets", "translation": "one newsroom's own translations"}


def _values(entry: dict[str, object]) -> frozenset[Value]:
    """A statement's `value` (one, or a list when its sentence gives two) as a set."""
    raw = entry.get("value")
    items = raw if isinstance(raw, list) else [] if raw is None else [raw]
    return frozenset(float(v) if isinstance(v, int | float) else str(v) for v in items)


def _approx(raw: object) -> bool | float:
    """A statement's `approx`: true, false, or a positive tolerance."""
    if isinstance(raw, bool):
        return raw
    if isinstance(raw, int | float) and raw > 0:
        return float(raw)
    raise ValueError(f"approx must be true, false or a tolerance, not {raw!r}")


def story_kind(folder: Path) -> str:
    """"comparable" (different outlets) or "translation" (one newsroom's versions)."""
    try:
        kind = tomllib.loads((folder / FACTS).read_text("utf-8")).get("kind", "comparable")
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise LabelError(f"{folder / FACTS}: not a usable facts file ({error!r})") from None
    if kind not in KINDS:
        raise LabelError(f"{folder / FACTS}: kind must be one of {sorted(KINDS)}")
    return str(kind)


def read_facts(folder: Path) -> list[Fact]:
    """The labelled facts of a story folder; a broken file is a LabelError naming it."""
    path = folder / FACTS
    try:
        data = tomllib.loads(path.read_text("utf-8"))
        facts = []
        for raw in data["fact"]:
            statements = []
            for version, entries in raw.items():
                if version in ("id", "what"):
                    continue
                for entry in entries if isinstance(entries, list) else [entries]:
                    statements.append(Statement(
                        raw["id"], version, entry["text"], entry.get("figure"), _values(entry),
                        _approx(entry.get("approx", False))))
            facts.append(Fact(raw["id"], raw["what"], tuple(statements)))
    except (OSError, tomllib.TOMLDecodeError, KeyError, TypeError, ValueError) as error:
        raise LabelError(f"{path}: not a usable facts file ({error!r})") from None
    ids = [f.id for f in facts]
    if len(set(ids)) != len(ids):
        raise LabelError(f"{path}: a fact id is used twice")
    return facts


def story_folders(root: Path = NEWS) -> list[Path]:
    """Every story folder with labels."""
    return sorted(p.parent for p in root.glob(f"*/{FACTS}"))


# ---------------------------------------------------------------- running and resolving


@dataclass
class Resolved:
    """A story run through the engine, with every labelled statement mapped to its claims."""

    folder: Path
    facts: list[Fact]
    result: object  # crossfact.models.MatchResult
    version_of: dict[str, str]  # claim id -> version (file stem)
    claims_of: dict[Statement, tuple[str, ...]]  # statement -> the claims its text lies in
    text_of: dict[str, str]  # claim id -> claim text, for the error listing

    def facts_of(self) -> dict[str, set[str]]:
        """Claim id -> the facts it states."""
        out: dict[str, set[str]] = {}
        for st, claims in self.claims_of.items():
            for c in claims:
                out.setdefault(c, set()).add(st.fact)
        return out


def run_story(folder: Path) -> Resolved:
    """Match the story's versions and resolve its labels; a label whose text is not found
    exactly once in its version, or lies in no claim, is a LabelError."""
    from crossfact.pipeline import run

    facts = read_facts(folder)
    files = sorted(folder.glob("*.txt"))
    result = run([str(f) for f in files], langs={str(f): f.stem for f in files})
    stem = {d.id: Path(d.path).stem for d in result.documents}
    text = {stem[d.id]: d.text for d in result.documents}
    version_of = {c.id: stem[c.doc] for c in result.claims}
    claims_of: dict[Statement, tuple[str, ...]] = {}
    for fact in facts:
        for st in fact.statements:
            if st.version not in text:
                raise LabelError(f"{folder.name}/{FACTS}: {fact.id}: no version {st.version!r}")
            body = text[st.version]
            at, count = body.find(st.text), body.count(st.text)
            if count != 1:
                raise LabelError(f"{folder.name}/{FACTS}: {fact.id}: {st.version} text found "
                                 f"{count} times (want once): {st.text!r}")
            end = at + len(st.text)
            hit = tuple(c.id for c in result.claims
                        if version_of[c.id] == st.version and c.start < end and at < c.end)
            if not hit:
                raise LabelError(f"{folder.name}/{FACTS}: {fact.id}: {st.version} text lies "
                                 f"in no claim: {st.text!r}")
            claims_of[st] = hit
    return Resolved(folder, facts, result, version_of, claims_of,
                    {c.id: c.text for c in result.claims})


# ---------------------------------------------------------------- scoring


Pair = frozenset[str]


def linked_pairs(matches: Iterable[Sequence[str]], version_of: dict[str, str]) -> set[Pair]:
    """Every pair of claims from different versions that share a match."""
    return {frozenset((a, b)) for claims in matches for a, b in combinations(claims, 2)
            if version_of[a] != version_of[b]}


class Tally(common.Tally):
    """Hits out of tries, counted first."""

    __str__ = common.Tally.counted


@dataclass
class StoryScore:
    """Every figure of one story (or of all, summed)."""

    links: Scores = field(default_factory=Scores)  # claim pairs: tp, fp (predicted), fn (gold)
    sure: Scores = field(default_factory=Scores)  # the same, confident links only
    facts: Tally = field(default_factory=Tally)  # (fact, version pair) linked
    differing: Tally = field(default_factory=Tally)  # differing statement pairs in one match
    conflict: Tally = field(default_factory=Tally)  # ... of those, suggested conflict
    agreeing_conflict: Tally = field(default_factory=Tally)  # equal figures linked -> conflict
    wrong_unlabelled: int = 0  # predicted pairs with a claim the labels give no fact
    errors: list[str] = field(default_factory=list)

    def add(self, other: StoryScore) -> None:
        for name in ("links", "sure"):
            getattr(self, name).add(getattr(other, name))
        for name in ("facts", "differing", "conflict", "agreeing_conflict"):
            mine, theirs = getattr(self, name), getattr(other, name)
            mine.hit += theirs.hit
            mine.tries += theirs.tries
        self.wrong_unlabelled += other.wrong_unlabelled
        self.errors += other.errors


def _scores(predicted: set[Pair], gold: set[Pair]) -> Scores:
    return Scores(tp=len(predicted & gold), fp=len(predicted - gold), fn=len(gold - predicted))


def score(r: Resolved) -> StoryScore:
    """Link precision and recall, and conflicts, for one resolved story."""
    s = StoryScore()
    matches = r.result.matches
    facts_of = r.facts_of()
    gold = {frozenset((a, b)) for a, b in combinations(facts_of, 2)
            if r.version_of[a] != r.version_of[b] and facts_of[a] & facts_of[b]}
    predicted = linked_pairs((m.claims for m in matches), r.version_of)
    sure = linked_pairs(([c for c in m.claims if c not in set(m.suggested)] for m in matches),
                        r.version_of)
    s.links, s.sure = _scores(predicted, gold), _scores(sure, gold)
    s.wrong_unlabelled = sum(1 for p in predicted - gold if any(c not in facts_of for c in p))
    holding = holders(matches)
    name = r.folder.name
    for pair in sorted(predicted - gold, key=sorted):
        a, b = sorted(pair)
        s.errors.append(f"{name}: wrong link ({holding[pair][0].suggestion})\n"
                        f"  {r.version_of[a]}: {r.text_of[a]}\n  {r.version_of[b]}: {r.text_of[b]}")
    for fact in r.facts:
        for sa, sb, found in fact_pairs(fact, r.claims_of, predicted):
            s.facts.add(found)
            if not found:
                s.errors.append(f"{name}: missed {fact.id} {sa.version}-{sb.version}: "
                                f"{sa.text!r} / {sb.text!r}")
        _conflicts(r, fact, predicted, holding, s)
    return s


def holders(matches: Iterable[Any]) -> dict[Pair, list[Any]]:
    """The matches that hold each linked pair of claims: one, or more where a claim that
    states several facts is also a (suggested) member of another fact's match."""
    out: dict[Pair, list[Any]] = {}
    for m in matches:
        for a, b in combinations(m.claims, 2):
            out.setdefault(frozenset((a, b)), []).append(m)
    return out


def fact_pairs(fact: Fact, units_of: dict[Statement, tuple[str, ...]], predicted: set[Pair],
               ) -> Iterable[tuple[Statement, Statement, bool]]:
    """For each pair of versions stating `fact`: a statement of each, and whether a unit
    (claim) of one of its statements there shares a match with one of the other's."""
    by_version: dict[str, list[Statement]] = {}
    for st in fact.statements:
        by_version.setdefault(st.version, []).append(st)
    for va, vb in combinations(sorted(by_version), 2):
        yield by_version[va][0], by_version[vb][0], any(
            frozenset((a, b)) in predicted for sa in by_version[va] for sb in by_version[vb]
            for a in units_of[sa] for b in units_of[sb])


# ---------------------------------------------------------------- causes

CAUSES = {
    "linked": "linked by the fact linker, in no match together (a match holds one run of "
              "claims per version, and a claim joins another's match only with enough of it)",
    "outscored": "scored, but another claim was the better candidate of one of them",
    "refused": "a kind of figure shared, refused (other places, far apart, or several "
               "statements of the kind and no name or equal or near figure to pick one)",
    "kinds": "figures on both sides, of different kinds",
    "one side": "a typed figure on one side only",
    "no figure": "no typed figure on either side, too few names shared",
}


def causes(r: Resolved) -> Counter[tuple[str, bool]]:
    """Each missed (fact, pair of versions) by what the fact linker made of its claims
    (crossfact.facts, as if no pair of versions were a translation: none of the stories
    from different outlets is), and whether one of its claims states several facts."""
    from crossfact.facts import candidates, fact_links, story_sides
    from crossfact.features import keys_of

    docs = r.result.documents
    by_doc = {d.id: [c for c in r.result.claims if c.doc == d.id] for d in docs}
    keys = {c.id: keys_of(c.fingerprint) for c in r.result.claims}
    edges = {frozenset((x, y)) for _, x, y, _ in fact_links(docs, by_doc, keys, set())}
    story = story_sides(docs, by_doc, keys)
    place = {side.claim.id: (d, n) for d, sides in story.sides.items()
             for n, side in enumerate(sides)}
    scores = {}
    for da, db in combinations([d.id for d in docs], 2):
        for (i, j), _ in candidates(story.sides[da], story.sides[db], story.common,
                                    story.spread).items():
            scores[frozenset((story.sides[da][i].claim.id, story.sides[db][j].claim.id))] = 1
    predicted = linked_pairs((m.claims for m in r.result.matches), r.version_of)
    facts_of = r.facts_of()
    out: Counter[tuple[str, bool]] = Counter()
    for fact in r.facts:
        for sa, sb, found in fact_pairs(fact, r.claims_of, predicted):
            if found:
                continue
            pairs = [frozenset((a, b)) for x in fact.statements if x.version == sa.version
                     for y in fact.statements if y.version == sb.version
                     for a in r.claims_of[x] for b in r.claims_of[y]]
            several = any(len(facts_of[c]) > 1 for p in pairs for c in p)
            if any(p in edges for p in pairs):
                cause = "linked"
            elif any(p in scores for p in pairs):
                cause = "outscored"
            else:
                kinds = [[story.sides[place[c][0]][place[c][1]].kinds for c in sorted(
                    p, key=lambda c: r.version_of[c])] for p in pairs]
                cause = ("refused" if any(x & y for x, y in kinds) else
                         "kinds" if any(x and y for x, y in kinds) else
                         "one side" if any(x or y for x, y in kinds) else "no figure")
            out[cause, several] += 1
    return out


def render_causes(missed: Counter[tuple[str, bool]]) -> str:
    """A table of the missed facts of the stories from different outlets, by cause."""
    lines = ["| missed (fact, pair of versions), stories from different outlets | count | "
             "... a claim states several facts |", "|---|---|---|"]
    for key, what in CAUSES.items():
        lines.append(f"| {what} | {missed[key, True] + missed[key, False]} | "
                     f"{missed[key, True]} |")
    total = sum(missed.values())
    return "\n".join([*lines, f"| **all** | {total} | "
                       f"{sum(n for (_, s), n in missed.items() if s)} |"])


# ---------------------------------------------------------------- ceilings


def _perfect_matches(facts_of: dict[str, set[str]], version_of: dict[str, str],
                     ) -> list[list[str]]:
    """Matches a linker that knew the labels would make under the engine's rule of one unit
    per version in a match, without a wrong link: unit pairs joined greedily, those sharing
    most facts first, where every pair across the two sides shares a fact."""
    gold = sorted(((len(facts_of[a] & facts_of[b]), a, b) for a, b in combinations(
        sorted(facts_of), 2) if version_of[a] != version_of[b] and facts_of[a] & facts_of[b]),
                  reverse=True)
    cluster = {u: [u] for u in facts_of}
    for _, a, b in gold:
        x, y = cluster[a], cluster[b]
        if x is y or {version_of[u] for u in x} & {version_of[u] for u in y} or not all(
                facts_of[p] & facts_of[q] for p in x for q in y):
            continue
        x += y
        for u in y:
            cluster[u] = x
    return list({id(c): c for c in cluster.values()}.values())


def ceilings(r: Resolved) -> tuple[Tally, Tally]:
    """Link recall (facts) of `_perfect_matches` over the engine's claims, and over claims
    cut at the labels (each labelled statement, with those its text overlaps, one unit): how
    much of the recall one claim per version in a match leaves reachable, and how much
    splitting sentences into clauses would add."""
    text = {Path(d.path).stem: d.text for d in r.result.documents}
    spans = sorted(((st.version, text[st.version].find(st.text), st)
                    for f in r.facts for st in f.statements), key=lambda t: t[:2])
    units_of: dict[Statement, tuple[str, ...]] = {}
    unit, reach = "", ("", -1)
    for version, at, st in spans:
        if (version, at) >= reach:  # not overlapping the unit before: a new one
            unit = f"{version}:{at}"
        reach = max(reach, (version, at + len(st.text)))
        units_of[st] = (unit,)
    out = []
    for units in (r.claims_of, units_of):
        facts_of: dict[str, set[str]] = {}
        version_of = {}
        for st, ids in units.items():
            for u in ids:
                facts_of.setdefault(u, set()).add(st.fact)
                version_of[u] = st.version
        predicted = linked_pairs(_perfect_matches(facts_of, version_of), version_of)
        tally = Tally()
        for fact in r.facts:
            for _, _, found in fact_pairs(fact, units, predicted):
                tally.add(found)
        out.append(tally)
    return out[0], out[1]


def evidence_ceiling(r: Resolved) -> Tally:
    """Link recall (facts) of the engine's matches with every labelled pair of claims the
    fact linker scores at all added (crossfact.facts, as if no pair of versions were a
    translation): what a perfect choice among the links it can weigh would reach, a claim
    in as many matches as it states facts (crossfact.sharing), so no partition bounds it."""
    from crossfact.facts import fact_evidence
    from crossfact.features import keys_of

    docs = r.result.documents
    by_doc = {d.id: [c for c in r.result.claims if c.doc == d.id] for d in docs}
    keys = {c.id: keys_of(c.fingerprint) for c in r.result.claims}
    facts_of = r.facts_of()
    scored = {p for p in fact_evidence(docs, by_doc, keys, set()).scores
              if set.intersection(*(facts_of.get(c, set()) for c in p))}
    predicted = linked_pairs((m.claims for m in r.result.matches), r.version_of)
    tally = Tally()
    for fact in r.facts:
        for _, _, found in fact_pairs(fact, r.claims_of, predicted | scored):
            tally.add(found)
    return tally


def _conflicts(r: Resolved, fact: Fact, predicted: set[Pair], holding: dict[Pair, list[Any]],
               s: StoryScore) -> None:
    """Each pair of statements of `fact` in different versions, by their claims: a differing
    pair should be suggested conflict where it is compared on this fact: in the match that
    holds both claims firmly, or, where a claim of it is only a suggested member (a
    sentence of several facts joining another fact's match, compared there by that
    match's fact: `crossfact.sharing`), in one of the matches holding it. An agreeing one
    is counted when a match holding it suggests conflict."""
    seen: set[Pair] = set()
    for sa, sb in combinations(fact.statements, 2):
        if sa.version == sb.version or not (sa.values and sb.values):
            continue
        pairs = [frozenset((a, b)) for a in r.claims_of[sa] for b in r.claims_of[sb]]
        linked = [p for p in pairs if p in predicted and p not in seen]
        seen.update(pairs)
        if sa.differs(sb):
            for p in pairs:
                s.differing.add(p in predicted)
            for p in linked:
                firm = [m for m in holding[p] if not p & set(m.suggested)]
                judged = firm or holding[p]
                missed = [m for m in judged if m.suggestion != "conflict"]
                s.conflict.add(not missed if firm else len(missed) < len(judged))
                for m in missed[:1]:
                    s.errors.append(f"{r.folder.name}: {fact.id}: {sa.figure} ({sa.version}) vs "
                                    f"{sb.figure} ({sb.version}) linked but {m.suggestion}: "
                                    f"{m.reasons[:3]}")
        else:
            for p in linked:
                s.agreeing_conflict.add(any(m.suggestion == "conflict" for m in holding[p]))


# ---------------------------------------------------------------- report


def _ratio(n: int, d: int) -> str:
    return f"{n / d:.3f} ({n}/{d})" if d else "- (0/0)"


def weak_links(s: StoryScore) -> tuple[int, int]:
    """Right and linked pairs held only through a suggested member (a weak link: the linked
    pairs that are not confident ones)."""
    return s.links.tp - s.sure.tp, s.links.tp + s.links.fp - s.sure.tp - s.sure.fp


def row(name: str, s: StoryScore) -> str:
    p = s.links
    return (f"| {name} | {_ratio(p.tp, p.tp + p.fp)} | {_ratio(s.facts.hit, s.facts.tries)} | "
            f"{_ratio(p.tp, p.tp + p.fn)} | {_ratio(s.sure.tp, s.sure.tp + s.sure.fp)} | "
            f"{_ratio(*weak_links(s))} | {s.differing} | {s.conflict} | {s.agreeing_conflict} |")


def render(rows: list[tuple[str, str, StoryScore]], heldout: bool = False) -> str:
    """One table row per story, and a total per kind of story (named held out when the
    stories are)."""
    lines = ["| story | link precision | link recall (facts) | claim-pair recall | "
             "precision, confident links | precision, weak links | differing claim pairs "
             "linked | ... suggested conflict | agreeing claim pairs linked, match suggested "
             "conflict |", "|---|---|---|---|---|---|---|---|---|"]
    notes = []
    for kind, label in KINDS.items():
        mine = [(name, s) for name, k, s in rows if k == kind]
        if not mine:
            continue
        total = StoryScore()
        for _, s in mine:
            total.add(s)
        lines += [row(name, s) for name, s in mine]
        label = f"held out, {label}" if heldout else label
        lines.append(row(f"**all: {label}**", total))
        notes.append(f"{total.wrong_unlabelled} of {total.links.fp} ({label})")
    return "\n".join([*lines, "", "Targets (issue 11), on different outlets: link precision "
                      ">= 0.90, link recall (facts) >= 0.60, every differing figure of a fact "
                      "in two linked versions suggested conflict. Wrong links with a claim the "
                      "labels give no fact: " + "; ".join(notes) + "."])


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("stories", nargs="*", type=Path,
                        help="story folders (default: every fixtures/news/*/facts.toml)")
    parser.add_argument("--heldout", action="store_true",
                        help="measure the held-out stories (every fixtures/news-heldout/*/"
                             "facts.toml, never tuned on) in their own table")
    parser.add_argument("--readme", action="store_true",
                        help="also put the table in benchmarks/README.md")
    parser.add_argument("--errors", action="store_true",
                        help="print every wrong link, missed fact and missed conflict")
    parser.add_argument("--causes", action="store_true",
                        help="also count the missed facts by what the fact linker made of them")
    parser.add_argument("--ceiling", action="store_true",
                        help="also the link recall a linker that knew the labels would reach")
    parser.add_argument("--notes", type=Path, default=NOTES,
                        help="where eval-latest.md and eval-history.tsv go")
    args = parser.parse_args(argv)
    if args.heldout and args.stories:
        parser.error("give story folders or --heldout, not both")
    where = HELDOUT if args.heldout else NEWS
    folders = args.stories or story_folders(where)
    if not folders:
        print(f"error: no story folder with a facts.toml"
              f"{'' if args.stories else f' in {where}'}", file=sys.stderr)
        return 2
    rows, total = [], StoryScore()
    reachable = [Tally(), Tally(), Tally()]
    missed: Counter[tuple[str, bool]] = Counter()
    try:
        for folder in folders:
            resolved = run_story(folder)
            s = score(resolved)
            kind = story_kind(folder)
            rows.append((folder.name, kind, s))
            if kind == "comparable":
                total.add(s)
                missed += causes(resolved) if args.causes else Counter()
                for mine, story in zip(reachable, (*ceilings(resolved), evidence_ceiling(
                        resolved)) if args.ceiling else (), strict=False):
                    mine.hit, mine.tries = mine.hit + story.hit, mine.tries + story.tries
    except LabelError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    name = "eval_comparable" + ("_heldout" if args.heldout else "")
    command = "python benchmarks/eval_comparable.py" + "".join(
        f" {f}" for f in args.stories) + (" --heldout" if args.heldout else "")
    head = (f"## {name} ({datetime.now(UTC):%Y-%m-%d %H:%M} UTC, engine sources "
            f"{engine_version()})")
    if args.heldout:
        head += ("\n\nHeld out: fixtures/news-heldout/, labelled before the engine was run "
                 "on it and never tuned on.")
    body = f"{head}\n\n`{command}`\n\n{render(rows, args.heldout)}"
    if args.ceiling:
        body += ("\n\nCeiling of link recall (facts) on different outlets, for a linker that "
                 "knew the labels and joined claims greedily, one per version in a match, no wrong "
                 "link: "
                 f"{reachable[0]} with the engine's claims; {reachable[1]} with each "
                 "labelled statement a claim of its own (sentences cut into clauses). A claim "
                 "in several matches (as a sentence of several facts may be) lifts that bound "
                 "(every labelled pair is reachable); what bounds it is evidence: the engine's "
                 "links with every labelled pair of claims the fact linker scores at all "
                 f"added reach {reachable[2]}.")
    if args.causes:
        body += "\n\n" + render_causes(missed)
    print(body)
    if args.errors:
        print("\n" + "\n".join(e for _, _, s in rows for e in s.errors))
    # the key figures of the stories from different outlets, which the targets are set on
    log_history(command, {
        "precision": total.links.precision if total.links.tp + total.links.fp else "-",
        "fact_recall": total.facts.hit / total.facts.tries if total.facts.tries else "-",
        "conflict": str(total.conflict)}, args.notes / "eval-history.tsv")
    publish(name, body, args.notes, args.readme)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
