"""Which of the fact linker's rules carry over between events: a leave-one-story-out audit.

Development data only (the stories from different outlets of fixtures/news/; never the
held-out folder). Each rule or constant of crossfact.facts and crossfact.sharing is set, in
this process, to an alternative (off, or a neighbouring value) and every story is run again:

- per story, whether the rule as it is helps (+: more facts linked or fewer wrong links, and
  neither worse), costs (-), trades one for the other (±), or changes only right claim pairs
  ((+), (-)) or nothing (0). A rule that helps most stories a little is likely general; one
  that helps one story and costs others was likely fitted to it;
- per rule, in how many of the folds (one story left out) the rule as it is scores the
  higher F1 (link precision, link recall of facts) on the other stories;
- for the thresholds that decide which weak links are kept (a floor under the fact linker's
  links for the matcher, one under its best partners for further memberships, and
  crossfact.sharing.HALF, jointly), and for NAME_DICE and NEAR_SHARE alone: the value picked
  on all stories but one, measured on that one, for each story, pooled (the LOSO figure),
  beside the figure on all of them (in sample).

- with --one-story, only that last setting (each story without the rules only it needs) as
  eval_comparable's table, confident and weak links' precision apart, as is and with the
  guard on weak links (crossfact.sharing.unsupported) off; and that guard's effect under
  every other rule's alternative (each a story set the rules fit less well).

    python benchmarks/loso_audit.py [--one-story]
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from itertools import product
from pathlib import Path
from types import ModuleType
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import eval_comparable as ev  # noqa: E402

Counts = tuple[int, int, int, int]  # right links, wrong links, facts linked, facts labelled
Patch = tuple[str, str, Any]  # module ("facts", "sharing", "matching"), attribute, value


def modules() -> dict[str, ModuleType]:
    from crossfact import facts, matching, sharing
    return {"facts": facts, "sharing": sharing, "matching": matching}


@contextmanager
def patched(patches: Sequence[Patch]) -> Iterator[None]:
    """The attributes set for the duration, then restored."""
    mods = modules()
    with ExitStack() as stack:
        for name, attr, value in patches:
            mod = mods[name]
            old = getattr(mod, attr)
            setattr(mod, attr, value)
            stack.callback(setattr, mod, attr, old)
        yield


def floored(links: float, best: float) -> Callable[..., Any]:
    """crossfact.facts.fact_evidence keeping only links (for the matcher) scored `links` or
    more and best partners (for further memberships) scored `best` or more: a floor under
    weak fact links (the engine keeps all, WEAK = 0.3 being above matching.LOW)."""
    from crossfact.facts import fact_evidence

    def evidence(*args: Any) -> Any:
        found = fact_evidence(*args)
        found.links = [link for link in found.links if link[0] >= links]
        found.best = [b for b in found.best if b[0] >= best]
        return found
    return evidence


def cue_reach(reach: int) -> list[Patch]:
    return [("facts", "CUE_REACH", reach), ("facts", "COMMA_COST", reach),
            ("facts", "NOUN_COST", reach + 1)]


# the guard on weak links (crossfact.sharing.unsupported), which --one-story measures too
UNSUPPORTED = "unsupported (suggested members without fact evidence) off"

# the rule or constant as it is, against this alternative: off, a neighbouring value, or the
# value it had before (`git log -G "^NAME = "` on its module; the others never changed)
RULES: dict[str, list[Patch]] = {
    "WEAK 0.3 -> 0.35": [("facts", "WEAK", 0.35)],
    "AGREE 0.3 -> 0.2": [("facts", "AGREE", 0.2)],
    "NEAR 0.15 -> 0 (a near figure no evidence)": [("facts", "NEAR", 0.0)],
    "NEAR_SHARE 0.1 -> 0.05": [("facts", "NEAR_SHARE", 0.05)],
    "NEAR_SHARE 0.1 -> 0.2": [("facts", "NEAR_SHARE", 0.2)],
    "NEAR_SHARE 0.1 -> 0.25 (previous)": [("facts", "NEAR_SHARE", 0.25)],
    "NAME 0.15 -> 0.1": [("facts", "NAME", 0.1)],
    "MAX_NAMES 2 -> 1": [("facts", "MAX_NAMES", 1)],
    "NAME_DICE 0.2 -> 0 (any shared name picks)": [("facts", "NAME_DICE", 0.0)],
    "NAME_DICE 0.2 -> 0.4": [("facts", "NAME_DICE", 0.4)],
    "OTHER_KIND 0.1 -> 0": [("facts", "OTHER_KIND", 0.0)],
    "SPREAD 0.01 -> 0": [("facts", "SPREAD", 0.0)],
    "FIRST 0.0005 -> 0 (an equal step's ties not broken)": [("facts", "FIRST", 0.0)],
    "QUOTED 0.35 -> 0": [("facts", "QUOTED", 0.0)],
    "QUOTED 0.35 -> 0.05 (previous)": [("facts", "QUOTED", 0.05)],
    "TITLE 0.4 -> 0": [("facts", "TITLE", 0.0)],
    "TITLE 0.4 -> 0.2 (previous)": [("facts", "TITLE", 0.2)],
    "MAX_RATIO 20 -> off": [("facts", "MAX_RATIO", 1e9)],
    "MAX_RATIO 20 -> 10": [("facts", "MAX_RATIO", 10)],
    "COMMON 0.3 -> 0.2": [("facts", "COMMON", 0.2)],
    "COMMON 0.3 -> off (no topic)": [("facts", "COMMON", 1.0)],
    "MANY 2 -> off": [("facts", "MANY", 99)],
    "ONCE 2 -> 1": [("facts", "ONCE", 1)],
    "ONCE 2 -> off": [("facts", "ONCE", 0)],
    "LONG_NAME 4 -> 5": [("facts", "LONG_NAME", 5)],
    "CUE_REACH 60 -> 35 (previous)": cue_reach(35),
    "CUE_REACH 60 -> 90": cue_reach(90),
    "NOUN_WORDS 2 -> 0": [("facts", "NOUN_WORDS", 0), ("facts", "_NEAR_NOUN", re.compile(r"\W*"))],
    "_leads off": [("facts", "_leads", lambda sides: {})],
    "_of_another_year off": [("facts", "_of_another_year", lambda claim, t, year: False)],
    "HALF 0.5 -> 0.34": [("sharing", "HALF", 0.34)],
    "HALF 0.5 -> 0.6": [("sharing", "HALF", 0.6)],
    "HALF 0.5 -> 1.0": [("sharing", "HALF", 1.0)],
    "further memberships off (shared_members)": [
        ("matching", "shared_members", lambda groups, evidence, doc_of: [{} for _ in groups])],
    "fact_groups off": [("matching", "fact_groups", lambda *args: [])],
    "rising (the toll expected to rise) off": [("facts", "rising", lambda *args: [])],
    "vague (indefinite numbers typed by their cue) off": [("facts", "vague", lambda *args: [])],
    "CARRYING (people carried) off": [("facts", "_carries_people", lambda *args: False)],
    "lend_kinds (kinds lent across versions) off": [
        ("facts", "lend_kinds", lambda *args: {})],
    "_small_kinds (small counts as kinds of their value) off": [
        ("facts", "_small_kinds", lambda claims, typed: {})],
    "_by_entities (best partners by MANY names) off": [
        ("facts", "_by_entities", lambda x, y, common: None)],
    UNSUPPORTED: [("matching", "unsupported", lambda *args: set())],
    "KIND_ALONE 0.45 -> 0 (evidence with one version always enough)": [
        ("sharing", "KIND_ALONE", 0.0)],
}


def cue_rules() -> dict[str, list[Patch]]:
    """Each kind of cue word (`crossfact.facts.CUES`) taken out in turn."""
    from crossfact.facts import CUES
    return {f"cue kind {kind!r} off": [("facts", "CUES", {k: {} if k == kind else v
                                                           for k, v in CUES.items()})]
            for kind in CUES}

# the thresholds that decide which weak links are kept, tried jointly: a floor under the
# links for the matcher (0.32: none resting on a kind alone, WEAK + SPREAD; 0.42: nor with
# one further kind; 0.47: no weak link, WEAK + NAME or NEAR being 0.45 to 0.46), one under
# the best partners for further memberships, and HALF
FLOORS = (0.0, 0.32, 0.42, 0.47)
BEST_FLOORS = (0.0, 0.32, 0.47)
HALVES = (0.34, 0.5, 0.6, 0.75, 1.0)
AS_IS = (0.0, 0.0, 0.5)
SINGLE = {"NAME_DICE": (0.0, 0.1, 0.2, 0.3, 0.4), "NEAR_SHARE": (0.05, 0.1, 0.15, 0.2, 0.3)}


def measure(stories: Sequence[Path], patches: Sequence[Patch] = ()) -> dict[str, Counts]:
    """Each story's counts with `patches` applied."""
    out = {}
    with patched(patches):
        for folder in stories:
            s = ev.score(ev.run_story(folder))
            out[folder.name] = (s.links.tp, s.links.fp, s.facts.hit, s.facts.tries)
    return out


def pooled(counts: dict[str, Counts], stories: Sequence[str]) -> Counts:
    tp, fp, hit, tries = (sum(counts[s][i] for s in stories) for i in range(4))
    return tp, fp, hit, tries


def f1(c: Counts) -> float:
    """F1 of link precision and link recall of facts."""
    tp, fp, hit, tries = c
    p, r = tp / max(1, tp + fp), hit / max(1, tries)
    return 2 * p * r / (p + r) if p + r else 0.0


def mark(rule: Counts, other: Counts) -> str:
    """The rule as it is against an alternative, on one story (module docstring)."""
    facts, wrong, right = rule[2] - other[2], other[1] - rule[1], rule[0] - other[0]
    moved = [d for d in (facts, wrong) if d]
    if not moved:
        return "0" if not right else "(+)" if right > 0 else "(-)"
    if all(d > 0 for d in moved):
        return "+"
    return "-" if all(d < 0 for d in moved) else "±"


def loso(runs: dict[Any, dict[str, Counts]], stories: Sequence[str], as_is: Any,
         ) -> tuple[Counts, dict[str, Any]]:
    """Pooled counts of each story at the setting with the best F1 on the other stories (the
    setting as it is first among equals), and the setting each story got."""
    total = [0, 0, 0, 0]
    picks = {}
    for story in stories:
        rest = [s for s in stories if s != story]
        picks[story] = max(runs, key=lambda k: (round(f1(pooled(runs[k], rest)), 9), k == as_is))
        for i, v in enumerate(runs[picks[story]][story]):
            total[i] += v
    tp, fp, hit, tries = total
    return (tp, fp, hit, tries), picks


def figures(c: Counts) -> str:
    tp, fp, hit, tries = c
    return (f"{tp / max(1, tp + fp):.3f} ({tp}/{tp + fp}) / "
            f"{hit / max(1, tries):.3f} ({hit}/{tries})")


def switch_off(label: str) -> bool:
    """Whether an alternative takes a rule out (not only moves a value)."""
    return " off" in label or "-> 0" in label and "-> 0." not in label


Only = dict[str, dict[str, list[Patch]]]  # story -> the rules only it needs -> their patches


def rule_table(stories: Sequence[Path]) -> tuple[str, Only]:
    """The per-rule table, and for each story the rules that only it needs: taken out, they
    change no other story's figures and cost it (its one-story rules)."""
    names = [f.name for f in stories]
    base = measure(stories)
    only: Only = {n: {} for n in names}
    lines = ["| as is, against | " + " | ".join(n.rsplit("-", 1)[0] for n in names)
             + f" | helps / costs | all {len(names)}, alternative: precision / recall (facts) "
             "| folds keeping as is |", "|---|" + "---|" * (len(names) + 3)]
    for rule, patches in {**RULES, **cue_rules()}.items():
        other = measure(stories, patches)
        marks = [mark(base[n], other[n]) for n in names]
        kept = sum(f1(pooled(base, rest)) >= f1(pooled(other, rest))
                   for rest in ([s for s in names if s != n] for n in names))
        lines.append(f"| {rule} | " + " | ".join(marks) + f" | {marks.count('+')} / "
                     f"{marks.count('-')} | {figures(pooled(other, names))} | "
                     f"{kept}/{len(names)} |")
        moved = [(n, m) for n, m in zip(names, marks, strict=True) if m != "0"]
        if switch_off(rule) and len(moved) == 1 and moved[0][1] in ("+", "(+)"):
            only[moved[0][0]][rule] = patches
    return f"As is, all {len(names)}: {figures(pooled(base, names))}\n\n" + "\n".join(lines), only


def one_story_rules(stories: Sequence[Path], only: Only) -> str:
    """Each story with the rules only it needs taken out together: how it would score had
    nobody read it when writing them (the rules it shares with other stories stay)."""
    total = [0, 0, 0, 0]
    lines = []
    for folder in stories:
        rules = only[folder.name]
        counts = measure([folder], [p for patches in rules.values() for p in patches])
        for i, v in enumerate(counts[folder.name]):
            total[i] += v
        lines.append(f"  - {folder.name}: {figures(counts[folder.name])} without "
                     + (", ".join(rules) or "none"))
    tp, fp, hit, tries = total
    return "\n".join([f"- each story without the rules only it needs (taken out together): "
                      f"{figures((tp, fp, hit, tries))}", *lines])


def one_story_table(stories: Sequence[Path], only: Only, also: Sequence[Patch] = ()) -> str:
    """`one_story_rules`' setting (each story without the rules only it needs) as
    eval_comparable's table, with confident and weak links' precision apart; `also`
    applied to every story besides (a rule's alternative, to compare)."""
    rows = []
    for folder in stories:
        rules = [p for patches in only[folder.name].values() for p in patches]
        with patched([*rules, *also]):
            rows.append((folder.name, "comparable", ev.score(ev.run_story(folder))))
    return ev.render(rows).split("\n\n")[0]


def guard_table(stories: Sequence[Path]) -> str:
    """The guard on weak links (UNSUPPORTED) under every other rule's alternative: each is
    a development story set the rules fit less well, as a new event's would be. Pooled
    precision / recall (facts) without the guard and with it, and how often it helps."""
    names = [f.name for f in stories]
    off = RULES[UNSUPPORTED]
    lines = ["| alternative | without the guard | with it | precision | recall (facts) |",
             "|---|---|---|---|---|"]
    moved = []
    for rule, patches in {**RULES, **cue_rules()}.items():
        if rule == UNSUPPORTED or any(p in off or p[1] == "KIND_ALONE" for p in patches):
            continue
        mine, other = (pooled(measure(stories, p), names) for p in (patches, [*patches, *off]))
        d_p = mine[0] / max(1, mine[0] + mine[1]) - other[0] / max(1, other[0] + other[1])
        d_r = (mine[2] - other[2]) / max(1, mine[3])
        moved.append((d_p, d_r))
        lines.append(f"| {rule} | {figures(other)} | {figures(mine)} | {d_p:+.3f} | {d_r:+.3f} |")
    up = sum(d_p > 0 for d_p, _ in moved)
    return "\n".join([*lines, "", f"The guard raises precision under {up} of {len(moved)} "
                       f"alternatives (mean {sum(d for d, _ in moved) / len(moved):+.4f}, "
                       f"least {min(d for d, _ in moved):+.4f}); recall (facts) moves "
                       f"{sum(r for _, r in moved) / len(moved):+.4f} on average, "
                       f"{min(r for _, r in moved):+.4f} at most."])


def loso_table(stories: Sequence[Path]) -> str:
    names = [f.name for f in stories]
    lines = []
    grid = {(fl, fb, half): measure(stories, [("matching", "fact_evidence", floored(fl, fb)),
                                              ("sharing", "HALF", half)])
            for fl, fb, half in product(FLOORS, BEST_FLOORS, HALVES)}
    trials: list[tuple[str, dict[Any, dict[str, Counts]], Any]] = [
        ("weak-link floors and HALF, jointly", grid, AS_IS)]
    from crossfact import facts
    trials += [(name, {v: measure(stories, [("facts", name, v)]) for v in values},
                getattr(facts, name)) for name, values in SINGLE.items()]
    for label, runs, as_is in trials:
        total, picks = loso(runs, names, as_is)
        best = max(runs, key=lambda k: (round(f1(pooled(runs[k], names)), 9), k == as_is))
        lines.append(f"- {label}: LOSO {figures(total)}; in sample, as is "
                     f"{figures(pooled(runs[as_is], names))}, best on all {len(names)} "
                     f"{best}; picks: "
                     + ", ".join(f"{n.rsplit('-', 1)[0]} {v}" for n, v in picks.items()))
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--one-story", action="store_true",
                        help="only the setting without each story's one-story rules, as "
                             "eval_comparable's table (confident and weak links apart), as "
                             f"is and with {UNSUPPORTED!r}")
    args = parser.parse_args(argv)
    stories = [f for f in ev.story_folders() if ev.story_kind(f) == "comparable"]
    if not stories:
        print("error: no development story from different outlets", file=sys.stderr)
        return 2
    table, only = rule_table(stories)
    if args.one_story:
        print(f"Each story without the rules only it needs, as is:\n\n"
              f"{one_story_table(stories, only)}\n\nThe same with {UNSUPPORTED}:\n\n"
              f"{one_story_table(stories, only, RULES[UNSUPPORTED])}\n\nThe guard under "
              f"every other rule's alternative:\n\n{guard_table(stories)}")
        return 0
    print(table)
    print()
    print(loso_table(stories))
    print(one_story_rules(stories, only))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
