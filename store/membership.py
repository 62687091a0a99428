"""Which claims form which match now: the machine's matches plus the reviewers' corrections.

The current membership is derived, never stored as a second truth: it is the current run's
members with every active move/split/confirm/break event applied in log order. The same
methods validate a new correction (raising StoreError when it does not apply) and replay
the log, so what `apply` accepts is exactly what a rebuild reproduces.
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
    where: dict[str, str] = field(default_factory=dict)  # claim -> match
    suggested: set[str] = field(default_factory=set)  # claims linked only weakly
    touched: set[str] = field(default_factory=set)  # matches changed since loaded

    def add(self, match: str, meta: MatchMeta, claims: list[tuple[str, bool]]) -> None:
        self.meta[match] = meta
        self.claims[match] = [claim for claim, _ in claims]
        for claim, weak in claims:
            self.where[claim] = match
            if weak:
                self.suggested.add(claim)

    # -- corrections: each validates first, then changes the membership ------------------

    def apply(self, event: Event) -> None:
        """Apply one correction event; StoreError (with the reason) if it does not apply."""
        claim = event.claim
        if claim is None:
            raise StoreError(f"{event.kind} event {event.id} names no claim")
        if claim not in self.where:
            raise StoreError(f"claim {claim} is not in the current matches of the story")
        current = self.where[claim]
        if event.match is not None and event.match != current:
            raise StoreError(f"claim {claim} is not in match {event.match} but in {current}")
        if event.kind == "move":
            if event.target is None or event.target not in self.claims:
                raise StoreError(f"move target {event.target} is not a current match")
            if event.target == current:
                raise StoreError(f"claim {claim} is already in match {current}")
            self._leave(claim)
            self._join(claim, event.target)
        elif event.kind in ("split", "break"):
            if len(self.claims[current]) < 2:
                raise StoreError(f"claim {claim} already stands alone")
            if event.kind == "break" and claim not in self.suggested:
                raise StoreError(f"claim {claim} is not a suggested link of match {current}")
            position = self.meta[current].position
            self._leave(claim)
            alone = split_match_id(claim)
            self.meta[alone] = MatchMeta(position, 0.0, "unsourced",
                                         [f"{event.kind} out of {current} by a reviewer"], [],
                                         corrected=True)
            self.claims[alone] = []
            self._join(claim, alone)
        elif event.kind == "confirm":
            if claim not in self.suggested:
                raise StoreError(f"claim {claim} is not a suggested link of match {current}")
            self.suggested.discard(claim)
            self.meta[current].corrected = True
            self.touched.add(current)
        else:
            raise StoreError(f"{event.kind} is not a correction")

    def _leave(self, claim: str) -> None:
        match = self.where.pop(claim)
        self.claims[match].remove(claim)
        self.suggested.discard(claim)
        self.meta[match].corrected = True
        self.touched.add(match)
        if not self.claims[match]:  # every claim moved away: the match is gone
            del self.claims[match], self.meta[match]

    def _join(self, claim: str, match: str) -> None:
        self.claims[match].append(claim)
        self.where[claim] = match
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
