"""Which claims form which match now: the machine's matches plus the reviewers' corrections.

The current membership is derived, never stored as a second truth: it is the current run's
members with every active move/split/confirm/break event applied in log order. The same
methods validate a new correction (raising StoreError when it does not apply) and replay
the log, so what `apply` accepts is exactly what a rebuild reproduces.

A claim may be a member of several matches (a sentence that states two facts: its firm
match, and a suggested place in the match of the other fact). A correction therefore acts
on one membership, the (claim, match) pair its event names: the claim leaves or joins that
match only, and an event that names no match for a claim in several is refused.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from crossfact.ids import stable_id
from crossfact.models import Event

from .errors import StoreError

CORRECTIONS = ("move", "split", "confirm", "break")
GIST_CHARS = 100


def split_match_id(claim: str) -> str:
    """The id of the one-claim match a split or broken-off claim becomes: derived from the claim."""
    return stable_id("split", claim, prefix="m")


@dataclass
class MatchMeta:
    """A match's machine-given facts, which corrections do not change."""

    position: int
    score: float
    suggestion: str
    reasons: list[str]
    outliers: list[str]
    corrected: bool = False


@dataclass
class Membership:
    """Matches of one story's current run as ordered claim lists, corrected by events."""

    run: str
    meta: dict[str, MatchMeta] = field(default_factory=dict)
    claims: dict[str, list[str]] = field(default_factory=dict)  # match -> claim ids in order
    where: dict[str, set[str]] = field(default_factory=dict)  # claim -> the matches it is in
    suggested: set[tuple[str, str]] = field(default_factory=set)  # (match, claim) weak links
    touched: set[str] = field(default_factory=set)  # matches changed since loaded
    applied: list[str] = field(default_factory=list)  # corrections a replay applied (ids)
    # split-outs (id, position) in the order made: by the corrections applied and, in a
    # replay of the log, by the undone ones where they applied (store/state.py), for the
    # letters (store/numbering.py)
    made: list[tuple[str, int]] = field(default_factory=list)
    # the claims the matcher put in more than one match: compared by a match's fact where
    # it did not link them firmly (`crossfact.sharing.match_verdict`), whatever fixes do
    machine_shared: frozenset[str] = frozenset()

    def add(self, match: str, meta: MatchMeta, claims: list[tuple[str, bool]]) -> None:
        self.meta[match] = meta
        self.claims[match] = [claim for claim, _ in claims]
        for claim, weak in claims:
            self.where.setdefault(claim, set()).add(match)
            if weak:
                self.suggested.add((match, claim))

    def matches_of(self, claim: str) -> list[str]:
        """The claim's matches in document order (position, then id); [] if it is in none."""
        return sorted(self.where.get(claim, ()),
                      key=lambda match: (self.meta[match].position, match))

    # -- corrections: each validates first, then changes the membership ------------------

    def apply(self, event: Event) -> None:
        """Apply one correction event; StoreError (with the reason) if it does not apply."""
        current = self.check(event)
        claim = str(event.claim)
        if event.kind == "move":
            self._leave(claim, current)
            self._join(claim, str(event.target))
        elif event.kind in ("split", "break"):
            made = self.split_out(event, current)
            self._leave(claim, current)
            if made is not None:  # in no other match: it stands alone
                alone, position = made
                self.meta[alone] = MatchMeta(position, 0.0, "unsourced",
                                             [f"{event.kind} out of {current} by a reviewer"],
                                             [], corrected=True)
                self.claims[alone] = []
                self._join(claim, alone)
                self.made.append(made)
        else:  # confirm
            self.suggested.discard((current, claim))
            self.meta[current].corrected = True
            self.touched.add(current)

    def check(self, event: Event) -> str:
        """The match a correction acts on, if it applies now; StoreError (with the reason)
        if it does not. Changes nothing."""
        claim = event.claim
        if claim is None:
            raise StoreError(f"{event.kind} event {event.id} names no claim")
        if event.kind not in CORRECTIONS:
            raise StoreError(f"{event.kind} is not a correction")
        current = self._named_match(event, claim)
        if event.kind == "move":
            if event.target is None or event.target not in self.claims:
                raise StoreError(f"move target {event.target} is not a current match")
            if event.target in self.where[claim]:
                raise StoreError(f"claim {claim} is already in match {event.target}")
        elif event.kind in ("split", "break"):
            if len(self.claims[current]) < 2:
                raise StoreError(f"claim {claim} already stands alone")
            if event.kind == "break" and (current, claim) not in self.suggested:
                raise StoreError(f"claim {claim} is not a suggested link of match {current}")
            alone = split_match_id(claim)
            if len(self.where[claim]) == 1 and alone in self.claims:
                raise StoreError(f"claim {claim} cannot stand alone: its own match {alone} "
                                 "holds other claims now (move it instead)")
        elif (current, claim) not in self.suggested:  # confirm
            raise StoreError(f"claim {claim} is not a suggested link of match {current}")
        return current

    def split_out(self, event: Event, current: str) -> tuple[str, int] | None:
        """The match (id, position) a split or break of its claim out of `current` (checked)
        makes: None for another correction, or when the claim stays in another match."""
        if event.kind not in ("split", "break") or event.claim is None \
                or self.where[event.claim] != {current}:
            return None
        return split_match_id(event.claim), self.meta[current].position

    def _named_match(self, event: Event, claim: str) -> str:
        """The match whose membership of `claim` the event acts on (`event.match`); it may go
        unnamed only while the claim is in one match."""
        found = self.matches_of(claim)
        if not found:
            raise StoreError(f"claim {claim} is not in the current matches of the story")
        if event.match is None:
            if len(found) > 1:
                raise StoreError(f"{event.kind} event {event.id}: claim {claim} is in "
                                 f"{len(found)} matches ({', '.join(found)}); the event must "
                                 "name the match it acts on")
            return found[0]
        if event.match not in found:
            raise StoreError(f"claim {claim} is not in match {event.match} but in "
                             f"{', '.join(found)}")
        return event.match

    def _leave(self, claim: str, match: str) -> None:
        """`claim` leaves `match`. A match left with one claim has no weak link (two ends
        are needed); if that claim was there only as a weak link and is in another match
        too (a sentence of several facts, suggested here), the match is gone, as a match
        every claim left. A claim firm in it stays, a match of one: its own fact, unsourced."""
        self._drop(claim, match)
        rest = self.claims.get(match, [])
        if len(rest) == 1:
            weak = (match, rest[0]) in self.suggested
            self.suggested.discard((match, rest[0]))
            if weak and len(self.where[rest[0]]) > 1:
                self._drop(rest[0], match)

    def _drop(self, claim: str, match: str) -> None:
        self.claims[match].remove(claim)
        self.where[claim].discard(match)
        if not self.where[claim]:
            del self.where[claim]
        self.suggested.discard((match, claim))
        self.meta[match].corrected = True
        self.touched.add(match)
        if not self.claims[match]:  # every claim left: the match is gone
            del self.claims[match], self.meta[match]

    def _join(self, claim: str, match: str) -> None:
        self.claims[match].append(claim)
        self.where.setdefault(claim, set()).add(match)
        self.meta[match].corrected = True
        self.touched.add(match)


def gist(text: str) -> str:
    """One line for a list: whitespace collapsed, cut with an ellipsis."""
    line = " ".join(text.split())
    return line if len(line) <= GIST_CHARS else line[: GIST_CHARS - 1] + "…"


_ENCODER = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def dumps(value: object) -> str:
    """JSON for a TEXT column or a log line: compact, sorted, non-ASCII kept readable.

    One shared encoder: json.dumps with options builds a new one per call, which is most of
    the cost of exporting 100k events.
    """
    return _ENCODER.encode(value)
