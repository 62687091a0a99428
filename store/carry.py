"""Carry-over: when a story's documents change, the reviewers' verdicts follow their claims.

For each match with a current verdict or note, its claims are looked up in the same
document of the new run (paired by text, path, file name or language): same text ->
carried; near-identical text (rapidfuzz ratio >= SIMILAR) -> carried and marked for a
second look; not found -> left in the log as an orphan. Two matches decided otherwise
whose claims are now one match: the first is carried, the other left as an orphan (a
verdict never replaces another out of sight).
A carried verdict is a new event (session "carry-over", superseding the original), so the
log stays the only source of truth and the carry is visible; `carried` says which ones
need a second look. Two matches decided alike that became one get one carried event, with
a `carried` row for each source: the log holds the one decision once.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rapidfuzz import fuzz, process
from sqlite_utils import Database

from crossfact.models import Event

from .decisions import on_current_matches, written
from .membership import Membership
from .state import rebuild, stored_membership

if TYPE_CHECKING:
    from .stories import StoryMixin

SIMILAR = 90.0
# A claim's vote for a match it is only suggested for (a weak link): less than a firm one,
# so its firm match wins a tie, more than none, so two claims found together win.
WEAK_VOTE = 0.5
CARRY_SESSION = "carry-over"


@dataclass
class CarryReport:
    """What happened to the verdicts when a story was re-matched."""

    kept: list[str] = field(default_factory=list)  # event ids that apply as they are
    carried: list[str] = field(default_factory=list)  # new event ids
    second_look: list[str] = field(default_factory=list)  # new event ids to look at again
    orphaned: list[str] = field(default_factory=list)  # original event ids left behind
    # original event ids carried onto a match where the same decision was carried already:
    # one decision stands there (the latest carried event), as stats and the filters count
    alike: list[str] = field(default_factory=list)
    reviewer_of: dict[str, str] = field(default_factory=dict)  # every event id above -> whose

    def summary(self, reviewer: str | None = None) -> str:
        """One line: what became of the verdicts and notes, of every reviewer or of one (the
        review app speaks of its reviewer's, as its carried-over filter lists them)."""
        def count(ids: list[str]) -> int:
            return sum(reviewer is None or self.reviewer_of.get(i) == reviewer for i in ids)

        alike = (f"; {count(self.alike)} joined the same decision on a match that was two"
                 if count(self.alike) else "")
        return (f"{count(self.kept)} kept, {count(self.carried)} carried over "
                f"({count(self.second_look)} to look at again), {count(self.orphaned)} "
                f"orphaned{alike}")


@dataclass
class Target:
    match: str
    similarity: float
    second_look: bool


def norm(text: str) -> str:
    """Whitespace, case and Unicode form alone do not make a claim another claim."""
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def _claims_by_doc(db: Database, run: str) -> dict[str, list[tuple[str, str]]]:
    """doc id -> [(claim id, text)] of one run, in document order."""
    out: dict[str, list[tuple[str, str]]] = {}
    for row in db.table("claims").rows_where("run = ?", [run], select='doc, id, text',
                                             order_by='doc, "index"'):
        out.setdefault(row["doc"], []).append((row["id"], row["text"]))
    return out


def pair_documents(db: Database, old_run: str, new_run: str) -> dict[str, str]:
    """old doc id -> new doc id: the same text, else the same path, file name or language.

    Paths are "as given", so the same file may come back under another path; a version
    whose text changed has a new id; the language is the last resort when it is unique.
    """
    old = list(db.table("documents").rows_where("run = ?", [old_run], select="id, path, lang"))
    new = list(db.table("documents").rows_where("run = ?", [new_run], select="id, path, lang"))
    pairs: dict[str, str] = {}
    keys = (lambda d: d["id"], lambda d: d["path"], lambda d: Path(d["path"]).name,
            lambda d: d["lang"])
    for key in keys:
        taken = set(pairs.values())
        free_new = [d for d in new if d["id"] not in taken]
        counts = Counter(key(d) for d in free_new)
        by_key = {key(d): d["id"] for d in free_new if counts[key(d)] == 1}
        old_counts = Counter(key(d) for d in old if d["id"] not in pairs)
        for d in old:
            if d["id"] not in pairs and old_counts[key(d)] == 1 and key(d) in by_key:
                pairs[d["id"]] = by_key[key(d)]
    return pairs


def _find_target(old_claims: list[tuple[str, str]], new_by_doc: dict[str, list[tuple[str, str]]],
                 new: Membership) -> Target | None:
    """Where an old match's claims went: the new match most of them landed in.

    A claim found in several new matches votes for each; a suggested (weak) membership
    counts half (WEAK_VOTE), so a claim's firm match wins over the match of another fact it
    is only suggested for, and two claims landing together in a match win over one.
    """
    votes: dict[str, float] = {}
    landed: list[set[str]] = []  # per found claim, the new matches it is in
    scores: list[float] = []
    for doc, text in old_claims:
        candidates = {cid: norm(t) for cid, t in new_by_doc.get(doc, []) if cid in new.where}
        wanted = norm(text)  # whitespace, case and Unicode form alone do not count as change
        exact = [cid for cid, t in candidates.items() if t == wanted]
        if exact:
            found, score = exact[0], 100.0
        else:
            best = process.extractOne(wanted, candidates, scorer=fuzz.ratio,
                                      processor=None, score_cutoff=SIMILAR)
            if best is None:
                scores.append(0.0)
                continue
            found, score = best[2], min(float(best[1]), 99.99)
        scores.append(score)
        landed.append(set(new.where[found]))
        for match in new.matches_of(found):
            weight = WEAK_VOTE if (match, found) in new.suggested else 1.0
            votes[match] = votes.get(match, 0.0) + weight
    if not votes:
        return None
    match = max(votes, key=lambda m: votes[m])  # of equals, the first voted for
    similarity = min(scores)
    second_look = (similarity < 100.0 or any(match not in its for its in landed)
                   or len(new.claims[match]) != len(old_claims))
    return Target(match, similarity, second_look)


@dataclass
class Rerun:
    """The old run as it was reviewed and the new run it is carried to."""

    old: Membership
    new: Membership
    old_texts: dict[str, tuple[str, str]]  # old claim id -> (its new doc id, text)
    doc_map: dict[str, str]  # old doc id -> new doc id
    new_by_doc: dict[str, list[tuple[str, str]]]  # new doc id -> [(new claim id, text)]
    new_claim_docs: dict[str, str]  # new claim id -> new doc id


def carry_over(store: StoryMixin, story: str, old_run: str, new_run: str) -> CarryReport:
    """Move the current state of `old_run` onto `new_run` (inside the caller's transaction).

    Called with the current tables still describing the old run; rebuilds them for the new.
    """
    db = store.db
    old = stored_membership(db, story)
    states = on_current_matches(db, story)
    rebuild(db, story)
    new = stored_membership(db, story)
    assert old is not None and new is not None
    doc_map = pair_documents(db, old_run, new_run)
    rerun = Rerun(
        old=old, new=new,
        old_texts={cid: (doc_map.get(doc, ""), text)
                   for doc, claims in _claims_by_doc(db, old_run).items() for cid, text in claims},
        doc_map=doc_map, new_by_doc=_claims_by_doc(db, new_run),
        new_claim_docs={row[0]: row[1] for row in db.execute(
            "SELECT id, doc FROM claims WHERE run = ?", [new_run])},
    )
    # (match, reviewer) -> the verdict that applies as it is on the new run's matches
    decided_now = {(match, reviewer): d["verdict"]
                   for match, by in on_current_matches(db, story).items()
                   for reviewer, d in by.items() if d["verdict"]}
    report = CarryReport()
    # (new match, reviewer) -> the decision carried there, and its event
    carried_to: dict[tuple[str, str], tuple[tuple[Any, ...], str]] = {}
    for match, by_reviewer in states.items():
        old_claims = [rerun.old_texts[c] for c in old.claims.get(match, [])
                      if c in rerun.old_texts]
        target = _find_target(old_claims, rerun.new_by_doc, new)
        for reviewer, state in sorted(by_reviewer.items()):
            if state["verdict"] is None and not written(state["note"]):
                continue  # a note written, then cleared: nothing to carry, nothing orphaned
            source = state["verdict_event"] or state["note_event"]
            report.reviewer_of[source] = reviewer
            decision = (state["verdict"], state["outliers"], state["note"])
            before = carried_to.get((target.match, reviewer)) if target is not None else None
            standing = decided_now.get((target.match, reviewer)) if target is not None else None
            if target is None or before is not None and before[0] != decision or (
                    target.match != match and standing not in (None, state["verdict"])):
                # gone, or two matches decided otherwise became one: the first carried (or
                # the one that applies as it is) stands, this one stays in the log and in the
                # orphans' list, not replacing it
                report.orphaned.append(source)
                continue
            if (target.match == match and not target.second_look) or standing is not None:
                report.kept.append(source)  # applies as it is, or the new match is decided alike
                continue
            if before is not None:  # the same decision, carried there already: that event
                # carries this one too: one decision, one event in the log
                event_id = before[1]
                report.alike.append(source)
            else:
                event = _carried_event(store, story, rerun, target, reviewer, state)
                store._record(event)  # type: ignore[attr-defined]  # CommandMixin, same Store
                event_id = event.id
                report.reviewer_of[event_id] = reviewer
                report.carried.append(event_id)
                carried_to[(target.match, reviewer)] = (decision, event_id)
            db.table("carried").insert({
                "run": new_run, "event": event_id, "source": source, "match_from": match,
                "match_to": target.match, "similarity": target.similarity,
                "second_look": int(target.second_look),
            })
            if target.second_look and event_id not in report.second_look:
                report.second_look.append(event_id)
    return report


def _carried_event(store: StoryMixin, story: str, rerun: Rerun, target: Target, reviewer: str,
                   state: dict[str, Any]) -> Event:
    """The reviewer's verdict (and note) on the new match; outliers follow their documents."""
    outliers: list[str] = []
    if state["verdict"] == "conflict":
        member_docs = {rerun.new_claim_docs[c] for c in rerun.new.claims[target.match]}
        outliers = [rerun.doc_map[doc] for doc in state["outliers"]
                    if rerun.doc_map.get(doc) in member_docs]
    return Event(
        id=store.new_id(), story=story, kind="verdict" if state["verdict"] else "note",
        match=target.match, verdict=state["verdict"], outliers=outliers, note=state["note"],
        supersedes=state["verdict_event"] or state["note_event"], reviewer=reviewer,
        session=CARRY_SESSION, at=store.clock(),
    )
