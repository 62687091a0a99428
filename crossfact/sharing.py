"""Further memberships: a sentence that states several facts joins the match of each.

The matcher's matches partition the claims: each holds one claim per version (or a run of
adjacent ones), so an outlet's sentence that gives the magnitude and the toll sits in the
magnitude's match or the toll's, never both, and the other fact is lost between versions
that are not translations (on fixtures/news, development, a partition of the engine's
claims reaches at most 68% of the labelled facts, however right). Here a match may also
list claims of other matches that state its fact, each as a suggested (weak) link for the
reviewer to confirm or break: the claim's best partner of a kind of figure
(`crossfact.facts.FactEvidence.best`) pulls it into that partner's match, when the match
is about that kind and the claim may state one fact with enough of its claims. A claim
joins only a match that holds no claim of its version: a version states a fact once in a
match, and a second claim of it beside the first was, on fixtures/news, a look-alike (a
past earthquake's magnitude beside this one's: precision 0.903 with runs, 0.935 without, at
equal recall of facts).

Two claims that are each other's best partner of a kind but sit in matches that each hold a
claim of the other's version (each outlet's sentence states the fact beside another, firm in
that other's match) can join neither: they make a match of their own (`fact_groups`), every
member suggested, about that kind.

Then a suggested member of a match between outlets that the fact linker gives no score
with any claim of another version there is taken out (`unsupported`): nothing but the
match's structure says it states that fact. A score of a kind its versions state so often that
it cannot pick one statement (`blurred`) counts for nothing there.

Last, a match whose claims another match holds all of is one fact shown twice, and goes
(`repeats`): each claim joins by its own best partner, so two best partners alone in their
matches each join the other's and make two matches of the same two claims, and a match
whose only other members `unsupported` took out may be left with another's claims.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Mapping, Sequence, Set
from itertools import combinations

from crossfact.facts import (
    AGREE,
    DATING,
    NAME,
    NEAR,
    WEAK,
    FactEvidence,
    amount,
    figure_focus,
    member_kinds,
)
from crossfact.models import Claim
from crossfact.suggest import Verdict, suggest

# The share of a match's claims that a claim must have a fact score with (of any kind: a
# magnitude and a depth, or names) to join it by a kind the match is about. Claims of
# one match state its fact, but each outlet's sentence states it beside others of its own
# (a toll beside the injured in one, beside the magnitude in another), so a score with
# every one is too much to ask. On fixtures/news (development), precision / recall of
# facts: 1.0 0.934 / 0.565; 0.75 0.935 / 0.577; 0.6 0.939 / 0.594; 0.5 0.935 / 0.603; 0.4
# as 0.5. A new story should confirm it: the set is small (345 labelled pairs of facts).
# Since a match of unknown kind asks it too (`_needed`): 0.67 0.931 / 0.577; 0.6 0.935 /
# 0.606; 0.5 0.932 / 0.620; 0.4 and 0.34 as 0.5.
# On six stories (Derna and Odisha added): 0.6 0.925 / 0.573; 0.5 0.924 / 0.587; 0.4 as 0.5.
# On eight, left out one story at a time with floors under weak fact links (benchmarks/
# loso_audit.py): 7 of 8 folds pick 0.5 and no floor; pooled 0.948 / 0.617 (0.949 / 0.620 as is).
HALF = 0.5


def shared_members(groups: Sequence[Collection[str]], evidence: FactEvidence,
                   doc_of: Mapping[str, str]) -> list[dict[str, float]]:
    """For each match (its own claims), the claims of other matches that join it, with the
    score of the link that brought each.

    Strongest first: the claims with a fact score with the largest share of a match's
    claims. A match is about the kinds of figure most pairs of its claims share
    (`_about`), and a claim joins it as `_needed` says.
    """
    holder = {c: n for n, group in enumerate(groups) for c in group}
    # what a match is about, worked out for the matches a claim may join only (between
    # translations alone, none: a long story's thousands of matches need not be asked)
    about: dict[int, frozenset[str] | None] = {}
    proposals = []
    for score, x, y, kind in evidence.best:
        for claim, partner in ((x, y), (y, x)):
            n = holder[partner]
            if any(doc_of[m] == doc_of[claim] for m in groups[n]):
                continue
            ok = _scored(claim, groups[n], evidence.scores)
            proposals.append((-ok / len(groups[n]), -ok, -score, claim, n, kind))
    added: list[dict[str, float]] = [{} for _ in groups]
    for _, _, negated, claim, n, kind in sorted(proposals):
        if claim in added[n] or any(doc_of[m] == doc_of[claim] for m in added[n]):
            continue
        members = [*groups[n], *added[n]]
        if n not in about:
            about[n] = _about(groups[n], evidence.scores, doc_of)
        share = _needed(about[n], kind)
        if share is not None and _scored(claim, members, evidence.scores) >= share * len(
                members):
            added[n][claim] = -negated
    return added


# Below this a fact score rests on kinds of figure alone (WEAK, with SPREAD and OTHER_KIND):
# no agreeing or near figure, no shared name, each of which adds NEAR or NAME at least. Not
# tuned: derived from the fact linker's scores (crossfact.facts), whose values were tuned on
# fixtures/news (development). There (`unsupported`), at 0 (evidence with one version always
# enough) 0.952 / 0.617; asking two versions of a score of a kind with one name or a near
# figure too (up to HIGH, 0.5), 0.956 / 0.608: those are right with one version's evidence.
KIND_ALONE = WEAK + min(NAME, NEAR)


def unsupported(members: Collection[str], weak: Collection[str],
                scores: Mapping[frozenset[str], Mapping[str, float]],
                doc_of: Mapping[str, str], translated: Set[frozenset[str]],
                unpicked: Set[frozenset[str]] = frozenset()) -> set[str]:
    """The claims to take out of a match (its `members`): each of its suggested ones
    (`weak`: held by links below matching.HIGH only, a further membership, a member of a
    `fact_groups` match) that has no fact score (`scores`, of any kind, names too) with any
    claim of another version of the match, where every such version is another outlet's
    (`translated`: the pairs of versions that are translations, whose alignment is evidence
    of its own). Between outlets only the fact linker's evidence says that two claims state
    one fact ("another outlet's article is linked only where evidence is strong",
    `matching.match_claims`): a claim held by a day of the week alone, or by a chain through
    claims it has no evidence with, is the match's structure, not evidence. Asked again
    after each removal (a claim whose only evidence was with one taken out is next), and a
    match left with one version is undone whole.

    A member whose best evidence there rests on kinds of figure alone (below KIND_ALONE)
    needs it with claims of two versions where the match has two to ask: a fact most
    outlets state is stated by several, and a shared kind is what one fact has in common
    with another of the story (Maui's Arabic lede, "53 dead ... the toll may rise", with
    the French police chief's "the toll may rise" only, in the match of the sentences on
    the 3% of the area searched).

    Structural: no word list, no tuned constant. On fixtures/news (development), link
    precision / recall of facts 0.949 / 0.620 -> 0.956 / 0.617 (weak links right 232/241
    -> 230/235; with evidence with one version always enough, 0.952 / 0.617); with the
    rules that help one story only taken out (`benchmarks/loso_audit.py --one-story`: a
    story of a kind the rules were not written for), 0.916 / 0.570 -> 0.923 / 0.566 (weak
    links 221/235 -> 218/228). With kinds lent across versions (`facts.lend_kinds`), 0.949
    / 0.630 -> 0.957 / 0.627, and 0.915 / 0.581 -> 0.922 / 0.577. Asking two versions of
    every weak member, not only those on kinds alone, 0.956 / 0.607: right multi-fact
    memberships with one version's evidence are common.

    A pair in `unpicked` (`blurred`: a kind that cannot pick one statement) is no evidence
    here."""
    left = set(members)
    apart: set[str] = set()
    changed = True
    while changed:
        changed = False
        for claim in sorted(left & set(weak)):
            others = [m for m in left if doc_of[m] != doc_of[claim]]
            if not others or any(frozenset((doc_of[claim], doc_of[m])) in translated
                                 for m in others):
                continue  # a translation's alignment placed it: not this guard's to judge
            held = [m for m in others if (pair := frozenset((claim, m))) in scores
                    and pair not in unpicked]
            found = [scores[frozenset((claim, m))] for m in held]
            versions = {doc_of[m] for m in held}
            alone = max((max(kinds.values()) for kinds in found), default=0.0) < KIND_ALONE
            if len(versions) < (min(2, len({doc_of[m] for m in others})) if alone else 1):
                left.discard(claim)
                apart.add(claim)
                changed = True
    if apart and len({doc_of[c] for c in left}) < 2:
        apart |= left
    return apart


# How many claims of the other version a claim must have a score of one kind with (or the
# other claim with its own version's) for that kind to be unable to pick one of them
# (`blurred`). Tuned on fixtures/news (development, 10 stories), link precision / recall of
# facts (the old 8 stories' precision in brackets), as is 0.896 / 0.570 (0.956): 1 (any
# rival) 0.914 / 0.569 (0.955: 8 right claim pairs of the old 8 lost, tolls a few hours
# apart); 2 0.915 / 0.570 (0.955, 6 lost); 3 0.915 / 0.570 (0.956, 1 lost: Odisha's
# Turkish "toll passed 200" headline beside a later Bengali 288); 4 0.901 / 0.570 (none
# lost, Hathras' wrong weak links 11 of 16 kept)
RIVALS = 3


def blurred(evidence: FactEvidence, doc_of: Mapping[str, str]) -> set[frozenset[str]]:
    """The scored pairs of claims whose every score is a kind of amount that cannot pick
    one statement of several: a score below an agreeing figure's (WEAK + AGREE: a name or a
    near figure picked it among repeated statements), where one claim states its version's
    largest figure of the kind and the other does not (a toll beside a breakdown of
    another's: Hathras' English "116 killed" and the Arabic district magistrate's "between
    50 and 60 dead"; a rate beside another rate), and one of the two has scores of that
    kind with RIVALS claims or more of the other's version. Tolls rise and rates move
    between outlets' hours, so a largest figure beside a smaller one is often one fact: only
    where the kind is stated so often that the name or near figure still leaves many
    candidates is the pair no evidence for `unsupported`. Structural: no word list.

    On fixtures/news (development, 10 stories), link precision / recall of facts 0.896 /
    0.570 -> 0.915 / 0.570; weak links right 256/292 -> 255/279 (Hathras 5/19 -> 5/10, the
    Fed's 5/21 -> 5/18); the old 8 stories 0.956 (476/498) -> 0.956 (475/497), recall of
    facts equal."""
    rivals: Counter[tuple[str, str, str]] = Counter()
    for pair, kinds in evidence.scores.items():
        x, y = sorted(pair)
        for kind in kinds:
            rivals[x, kind, doc_of[y]] += 1
            rivals[y, kind, doc_of[x]] += 1
    largest = evidence.largest
    out = set()
    for pair, kinds in evidence.scores.items():
        x, y = sorted(pair)
        if all(amount(kind) and score < WEAK + AGREE
               and (kind in largest.get(x, ())) != (kind in largest.get(y, ()))
               and max(rivals[x, kind, doc_of[y]], rivals[y, kind, doc_of[x]]) >= RIVALS
               for kind, score in kinds.items()):
            out.add(pair)
    return out


def fact_groups(groups: Sequence[Collection[str]], added: Sequence[Mapping[str, float]],
                evidence: FactEvidence, doc_of: Mapping[str, str]) -> list[dict[str, float]]:
    """Matches of their own for the best partners of a kind that no match holds together
    (after `shared_members` added its members), each claim with the score of its best link
    there: per kind, pairs joined strongest first into groups of one claim per version,
    where every pair of a group has a score of that kind. A sentence that states several
    facts is then the partner of each fact's statement elsewhere, whatever match it is firm
    in. Only the kinds `_grouped` names. On fixtures/news, development, link
    precision / recall of facts 0.940 / 0.609 -> 0.942 / 0.613 (claim pairs 424 -> 454 right,
    27 -> 28 wrong), differing figures linked 219 -> 232 of 339, suggested conflict 211 of 214
    -> 226 of 227; with clock times and dates too 0.942 / 0.615; asking a score of the kind
    with half of a group's pairs, not all, as with all."""
    candidates = [(score, x, y, kind) for score, x, y, kind in evidence.best
                  if kind and _grouped(kind)]
    if not candidates:  # between translations alone, always
        return []
    together = {frozenset(p) for n, group in enumerate(groups)
                for p in combinations(sorted({*group, *added[n]}), 2)}
    by_kind: dict[str, list[tuple[float, str, str]]] = {}
    for score, x, y, kind in candidates:
        if frozenset((x, y)) not in together:
            by_kind.setdefault(kind, []).append((score, x, y))
    out: list[dict[str, float]] = []
    for kind, pairs in sorted(by_kind.items()):
        member: dict[str, dict[str, float]] = {}
        for score, x, y in sorted(pairs, key=lambda t: (-t[0], t[1], t[2])):
            gx, gy = member.get(x), member.get(y)
            if gx is not None and gx is gy or frozenset((x, y)) in together:
                continue
            merged = {**(gx or {x: score}), **(gy or {y: score})}
            if len({doc_of[c] for c in merged}) < len(merged) or not all(
                    kind in evidence.scores.get(frozenset(p), {})
                    for p in combinations(merged, 2)):
                continue
            for c in (x, y):
                merged[c] = max(merged[c], score)
            for c in merged:
                member[c] = merged
        made = list({id(g): g for g in member.values()}.values())
        together |= {frozenset(p) for g in made for p in combinations(sorted(g), 2)}
        out += made
    return out


def _grouped(kind: str) -> bool:
    """Whether best partners of `kind` may make a match of their own: kinds of amounts
    (`facts.amount`), and a DATING kind by its value ("minute=23": every claim of such a
    group states that very minute or date, so it hides no conflict). Not a score, nor a
    DATING kind by kind, nor a clock time or a day: a claim in several matches is compared
    by the values its match states (`facts.figure_focus`), so a goal's score in a group of
    its own set aside its own match's differing minute (on fixtures/news, development, with
    minutes and scores by kind: the World Cup's differing minutes suggested conflict 13 of
    13 -> 0 of 13; with scores beside the DATING kinds by value, 0.943 / 0.620 -> 0.941 / 0.624
    and 226 -> 213 of 227), and a clock time between outlets is often another time zone's.
    The DATING kinds by value, on fixtures/news (development): 0.942 / 0.616 -> 0.943 /
    0.620 (claim pairs 458 -> 461 right, 28 wrong as before: the World Cup's 23rd, 36th and
    118th minutes, each stated beside another goal's), differing figures suggested conflict
    226 of 227 as before; by minutes alone the same."""
    base, _, value = kind.partition("=")
    return amount(kind) or base in DATING and bool(value)


def _needed(about: frozenset[str] | None, kind: str) -> float | None:
    """The share of a match's claims a claim joining it by `kind` must be scored with, or
    None when it may not join: HALF by a kind the match is about, HALF by a figure's kind
    where the match's kind is unknown (its claims were put together by the alignment or
    third versions, with no fact score between them: the claim's score with half of them
    is the evidence it has; asking all of them, on fixtures/news, development, 0.931 / 0.603
    -> 0.932 / 0.620, as a sentence giving three goal minutes joins a match of two
    sentences giving two of them), and never by another kind, nor by names alone into a
    match of unknown kind (on fixtures/news, development, such joins were all wrong: a toll
    of one province beside buildings collapsed in another; precision 0.920 -> 0.935 at
    equal recall)."""
    if about is None:
        return HALF if kind else None
    return HALF if kind in about else None


def _scored(claim: str, members: Collection[str],
            scores: Mapping[frozenset[str], Mapping[str, float]]) -> int:
    """How many of `members` the claim may state one fact with."""
    return sum(frozenset((claim, m)) in scores for m in members)


def _about(group: Collection[str], scores: Mapping[frozenset[str], Mapping[str, float]],
           doc_of: Mapping[str, str]) -> frozenset[str] | None:
    """The kinds of figure (or "" for names) most pairs of a match's claims share a score
    of, or None when no pair has one: a match of one claim, or one the alignment or third
    versions made (on fixtures/news, development, taking those as about no kind at all
    loses 5 of 208 facts found, at equal precision)."""
    seen: Counter[str] = Counter()
    for a, b in combinations(sorted(group), 2):
        if doc_of[a] != doc_of[b]:
            seen.update(scores.get(frozenset((a, b)), {}).keys())
    if not seen:
        return None
    top = max(seen.values())
    return frozenset(k for k, n in seen.items() if n == top)


def between_outlets(members: Sequence[Claim], outlets: Mapping[str, Collection[str]]) -> bool:
    """Whether a match's claims come from two versions that are different outlets' articles
    (`outlets`: each version's `Document.outlets`)."""
    docs = {c.doc for c in members}
    return any(not docs.isdisjoint(outlets.get(d, ())) for d in docs)


def match_verdict(members: Sequence[Claim], labels: Mapping[str, str], n_versions: int,
                  several: Set[str], firm: Set[str], lang_of: Mapping[str, str],
                  outlets: bool = False) -> Verdict:
    """A match's suggestion, the one rule for the matcher and for the store's suggesting a
    corrected match again: a claim the matcher put in several matches (`several`, a
    sentence that states several facts) is compared by the figures of this match's fact
    alone (`facts.figure_focus`), not by its names, wherever the matcher did not link it
    firmly (`firm`: a further member, in `fact_groups`' matches, or moved in by a reviewer);
    in the match it is firm in, all its figures and names count, as any claim's. With
    `outlets` (it links versions that are not translations) camps of figures too, and each
    figure only with those of its fact (`facts.figure_kinds`: an outlet's sentence states a
    toll beside a magnitude, another's a depth).

    Both sets are the matcher's, fixed for its run: a fix to another match (a weak link of
    a shared claim broken there) changes neither, so a match's suggestion changes only with
    its own claims. With the names of a shared claim ignored in its firm match too (as
    before), the seed's lede (tr "xBuster ve Tesla'nın ...") was suggested agree, its ar
    and fr claims being weak links of the headlines' matches, and flipped to conflict
    (xBuster against xAI) when the store suggested it again after one of those links was
    broken. On fixtures/news (development) the suggestions are the same, and 29 of 432
    matches' reasons differ: a firm member's other figures compared too (Jeju's "179 (tr)
    vs 181 (ar, bn, en, fr, he)", Derna's "10 bin 100 (tr) vs 10 آلاف (ar, bn, fr)"), or
    listed as "only in". Counting a shared claim's names and figures in every match that
    holds it instead made 3 more conflicts there, 2 of them false (Jeju's "Güney Kore
    (tr) vs Boeing (ar, en)", the final's "Mac (en) vs Messi (fr, tr)"; Hathras' crowd,
    250 000 against ৫০,০০০, right), agreeing claim pairs in a conflict match 213 -> 218 of
    314."""
    mine = {c.id for c in members if c.id in several and c.id not in firm}
    focused = bool(mine) and (outlets or len(mine) < len(members))
    kinds = member_kinds(members, lang_of) if focused or outlets else None  # once, for both
    # a match of claims that are all in other matches too is about what most of them state
    focus = figure_focus(members, mine, lang_of, kinds) if focused else None
    facts = {c: {(t.quantity.start, t.quantity.end): t.kind for t in typed}
             for c, typed in kinds.items()} if outlets and kinds is not None else None
    return suggest(members, labels, n_versions, focus, outlets, facts)


def repeats(firm: Sequence[Collection[str]], added: Sequence[Mapping[str, float]],
            doc_of: Mapping[str, str]) -> dict[int, int]:
    """The matches (by index; each its own claims, `firm`, and its further members with the
    scores that brought them, `added`) that show nothing another does not, each with the
    match kept that holds all its claims (of two versions or more). A reviewer sees one
    match per fact: a claim that states two facts is in two matches, each with claims of
    its own, but two matches of the same claims are one, and a link in both would be judged
    twice (on fixtures/news, development: the Arabic "dozens of buildings in
    Kahramanmaraş" and the English "34 buildings collapsed in Osmaniye", each alone in its
    match and the other's best partner, each joined the other's: two matches of those two
    claims, a wrong link shown twice).

    Of matches of the same claims, the one kept has the most claims of its own (the links
    among them stay firm), then the strongest further links; a claim of its own of the one
    that goes stays a member of the one kept that holds it whole, the first kept (the
    matcher's `_fold` keeps its links there as they were: a firm pair stays firm in one
    match, where two larger ones held it). No tuned constant.
    """
    members = [frozenset({*mine, *more}) for mine, more in zip(firm, added, strict=True)]
    order = sorted(range(len(members)), key=lambda n: (
        -len(members[n]), -len(firm[n]), -sum(added[n].values()), sorted(firm[n])))
    kept: dict[str, list[int]] = {}  # claim -> the kept matches that hold it
    out: dict[int, int] = {}
    for n in order:
        claims = members[n]
        keeper = next((k for k in kept.get(min(claims), ()) if claims <= members[k]), None) \
            if len({doc_of[c] for c in claims}) >= 2 else None
        if keeper is not None:
            out[n] = keeper
            continue
        for c in claims:
            kept.setdefault(c, []).append(n)
    return out
