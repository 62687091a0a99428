"""Carry-over: when a story's documents change, the reviewers' verdicts follow their claims.

For each match with a current verdict or note, its claims are looked up in the same
document of the new run: same text -> carried; near-identical text (rapidfuzz ratio >=
SIMILAR) -> carried and marked for a second look; not found -> left in the log as an orphan.
A carried verdict is a new event (session "carry-over", superseding the original), so the
log stays the only source of truth and the carry is visible; `carried` says which ones
need a second look.
"""

from __future__ import annotations

import json
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from rapidfuzz import fuzz, process
from sqlite_utils import Database

from crossfact.models import Event

from .state import rebuild, stored_membership

if TYPE_CHECKING:
    from .stories import StoryMixin

SIMILAR = 90.0
CARRY_SESSION = "carry-over"


@dataclass
class CarryReport:
    """What happened to the verdicts when a story was re-matched."""

    carried: list[str] = field(default_factory=list)  # new event ids
    second_look: list[str] = field(default_factory=list)  # new event ids to look at again
    orphaned: list[str] = field(default_factory=list)  # original event ids left behind


@dataclass
class Target:
    match: str
    similarity: float
    second_look: bool


def _norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def _claims_by_doc(store: StoryMixin, run: str) -> dict[str, list[tuple[str, str]]]:
    """doc key (path) -> [(claim id, text)] of one run."""
    out: dict[str, list[tuple[str, str]]] = {}
    for row in store.db.query(
        'SELECT d.path, c.id, c.text FROM claims c JOIN documents d '
        'ON d.run = c.run AND d.id = c.doc WHERE c.run = ? ORDER BY d.path, c."index"', [run]
    ):
        out.setdefault(row["path"], []).append((row["id"], row["text"]))
    return out


def _doc_ids_by_path(store: StoryMixin, run: str) -> dict[str, str]:
    return {row["path"]: row["id"]
            for row in store.db["documents"].rows_where("run = ?", [run], select="path, id")}


def _find_target(old_claims: list[tuple[str, str]], new_by_doc: dict[str, list[tuple[str, str]]],
                 new_where: dict[str, str], new_claims: dict[str, list[str]]) -> Target | None:
    """Where an old match's claims went: the new match most of them landed in."""
    votes: Counter[str] = Counter()
    scores: list[float] = []
    for path, text in old_claims:
        candidates = {cid: _norm(t) for cid, t in new_by_doc.get(path, []) if cid in new_where}
        exact = [cid for cid, t in new_by_doc.get(path, []) if t == text and cid in new_where]
        if exact:
            votes[new_where[exact[0]]] += 1
            scores.append(100.0)
            continue
        best = process.extractOne(_norm(text), candidates, scorer=fuzz.ratio,
                                  processor=None, score_cutoff=SIMILAR)
        if best is None:
            scores.append(0.0)
            continue
        votes[new_where[best[2]]] += 1
        scores.append(min(float(best[1]), 99.99))
    if not votes:
        return None
    match = votes.most_common(1)[0][0]
    similarity = min(scores)
    second_look = similarity < 100.0 or len(votes) > 1 or len(new_claims[match]) != len(old_claims)
    return Target(match, similarity, second_look)


def carry_over(store: StoryMixin, story: str, old_run: str, new_run: str) -> CarryReport:
    """Move the current state of `old_run` onto `new_run` (inside the caller's transaction)."""
    db = store.db
    report = CarryReport()
    old = stored_membership(db, story)
    states: dict[tuple[str, str], dict] = {}
    for view in ("current_verdicts", "current_notes"):
        for row in db.query(
            f'SELECT v.* FROM {view} v JOIN current_matches m '
            f'ON m.story = v.story AND m.id = v."match" WHERE v.story = ? ORDER BY v.event',
            [story],
        ):
            states.setdefault((row["reviewer"], row["match"]), {})[view] = row
    old_texts = {cid: (path, text)
                 for path, claims in _claims_by_doc(store, old_run).items()
                 for cid, text in claims}
    old_docs = {doc: path for path, doc in _doc_ids_by_path(store, old_run).items()}
    rebuild(db, story)
    new = stored_membership(db, story)
    assert old is not None and new is not None
    new_by_doc = _claims_by_doc(store, new_run)
    new_docs = _doc_ids_by_path(store, new_run)
    decided_now = {(row["reviewer"], row["match"]) for row in db.query(
        'SELECT reviewer, "match" FROM current_verdicts WHERE story = ?', [story])}
    for (reviewer, match), state in sorted(states.items()):
        verdict, note = state.get("current_verdicts"), state.get("current_notes")
        source = verdict or note
        assert source is not None
        old_claims = [old_texts[c] for c in old.claims.get(match, []) if c in old_texts]
        target = _find_target(old_claims, new_by_doc, new.where, new.claims)
        if target is None:
            report.orphaned.append(source["event"])
            continue
        same = target.match == match and not target.second_look
        if same or (target.match != match and (reviewer, target.match) in decided_now):
            continue
        member_docs = {_doc_of(db, new_run, claim) for claim in new.claims[target.match]}
        outliers = [new_docs[old_docs[d]] for d in json.loads(verdict["outliers"])
                    if d in old_docs and old_docs[d] in new_docs] if verdict else []
        event = Event(
            id=store.new_id(), story=story, kind="verdict" if verdict else "note",
            match=target.match, verdict=verdict["verdict"] if verdict else None,
            outliers=[d for d in outliers if d in member_docs]
            if verdict and verdict["verdict"] == "conflict" else [],
            note=note["note"] if note else None, supersedes=source["event"],
            reviewer=reviewer, session=CARRY_SESSION, at=store.clock(),
        )
        store._record(event)  # type: ignore[attr-defined]  # CommandMixin, same Store
        db["carried"].insert({
            "run": new_run, "event": event.id, "source": source["event"], "match_from": match,
            "match_to": target.match, "similarity": target.similarity,
            "second_look": int(target.second_look),
        })
        report.carried.append(event.id)
        if target.second_look:
            report.second_look.append(event.id)
    return report


def _doc_of(db: Database, run: str, claim: str) -> str:
    return db.execute("SELECT doc FROM claims WHERE run = ? AND id = ?", [run, claim]).fetchone()[0]
