"""The words of docs/architecture.md as pydantic models: what every layer passes around.

Kept free of any I/O so the store, the TUI and the CLI can share them without pulling
in each other's dependencies.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field, SerializerFunctionWrapHandler, model_serializer

Suggestion = Literal["agree", "conflict", "unsourced"]
ClaimKind = Literal["body", "headline", "caption", "byline", "embed", "boilerplate"]


class Quantity(BaseModel):
    """A number as it survives translation: its value after scale words, and how it was written."""

    value: float
    text: str  # as written in the claim, e.g. "10 milyar dolar"
    percent: bool = False
    currency: str | None = None  # ISO code: USD, EUR, ...
    unit: str | None = None  # CLDR unit id, the same in every language: "power-megawatt"
    approx: bool = False  # "about", "yaklaşık", "حوالي", "~", ...
    year: bool = False  # a calendar year, e.g. 2024
    clock: bool = False  # a time of day; value: minutes past 0:00 or 12:00 (am = pm)
    # a time's zone as written ("GMT", "heure de Paris"; None: the event's local time), and
    # the minutes east of UTC it may be at (none: a local time the story gives no offset
    # for); see crossfact.zones
    zone: str | None = None
    offsets: list[int] = Field(default_factory=list)
    # the minutes past midnight a time may be (`value` in the half of the day the text says,
    # "16h17", "4:17 p.m."; both where it says none), kept where it has offsets, so that
    # instants 12 hours apart differ
    day_minutes: list[int] = Field(default_factory=list)
    # character offsets of `text` in the string it was found in: for a claim's figures, its
    # comparison copy (`crossfact.terminal.compared`), which `text` quotes
    start: int = 0
    end: int = 0

    @model_serializer(mode="wrap")
    def _unzoned_as_before(self, dump: SerializerFunctionWrapHandler) -> dict[str, Any]:
        """Without a zone or offsets, written as before they were fields: exports, recorded
        sessions and the JSON contract of every figure but a zoned time keep their bytes."""
        out: dict[str, Any] = dump(self)
        if self.zone is None:
            out.pop("zone", None)
        if not self.offsets:
            out.pop("offsets", None)
        if not (self.offsets and self.day_minutes):
            out.pop("day_minutes", None)
        return out

    def key(self) -> tuple[float, bool, bool, bool]:
        """What must be equal for two quantities to agree (approx and wording aside)."""
        return (round(self.value, 6), self.percent, self.year, self.clock)


class DateRef(BaseModel):
    """A calendar date or month named in a claim; parts not said are None."""

    text: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    start: int = 0  # character offsets of `text` in the string it was found in
    end: int = 0

    def key(self) -> tuple[int | None, int | None, int | None]:
        return (self.year, self.month, self.day)


class Name(BaseModel):
    """A proper name, as written and as a consonant skeleton comparable across scripts."""

    text: str
    skeleton: str
    latin: bool  # written in Latin script in this version


class Fingerprint(BaseModel):
    """What survives translation, each part explainable to a reviewer."""

    numbers: list[Quantity] = Field(default_factory=list)
    dates: list[DateRef] = Field(default_factory=list)
    names: list[Name] = Field(default_factory=list)
    codes: list[str] = Field(default_factory=list)  # model codes like H100, D1
    quotes: list[str] = Field(default_factory=list)
    urls: list[str] = Field(default_factory=list)
    handles: list[str] = Field(default_factory=list)


class Document(BaseModel):
    """One version of the story: a decoded file and its language."""

    id: str
    path: str
    lang: str
    title: str
    text: str = Field(exclude=True, repr=False)
    encoding: str = Field(default="utf-8", exclude=True)
    # the other versions (ids) the matcher read as another outlet's article on the story,
    # not a translation of this one: between those, claims are linked by fact and figures
    # may split into camps (crossfact.facts, crossfact.suggest); the store suggests a
    # corrected match again with it
    outlets: list[str] = Field(default_factory=list)


class Claim(BaseModel):
    """A sentence-level statement with character offsets into its document's decoded text."""

    id: str
    doc: str
    index: int
    text: str
    start: int
    end: int
    kind: ClaimKind = "body"
    paragraph: int = 0
    fingerprint: Fingerprint = Field(default_factory=Fingerprint)


class Match(BaseModel):
    """Claims (one per version, or a run of up to three adjacent ones where a translation split
    or merged sentences) that say the same.

    `suggested` lists the members linked only weakly (between the two thresholds): the
    reviewer confirms or breaks those links.

    A claim may be listed in more than one match: a sentence that states several facts
    ("the magnitude 7.8 quake killed 76") is firm in one match and may also be held by the
    match of another fact it states. Such an extra membership is always in that match's
    `suggested`. Every claim is in at least one match. No match holds only claims (of two
    versions or more) that another holds: a reviewer sees a link once, and a claim whose own
    match would have held what another did is that one's suggested member. A reviewer's
    correction acts on one membership, the (claim, match) pair its event names (see
    `Event`). In each match it is in, a claim held by several is compared by the figures of
    that match's fact (the kinds its other claims state: `crossfact.sharing`).
    """

    id: str
    claims: list[str]
    score: float
    suggestion: Suggestion
    reasons: list[str] = Field(default_factory=list)
    suggested: list[str] = Field(default_factory=list)
    outliers: list[str] = Field(default_factory=list)  # document ids that differ, for a conflict


class MatchResult(BaseModel):
    """The JSON contract of `crossfact match --format json`."""

    documents: list[Document]
    claims: list[Claim]
    matches: list[Match]

    def membership_problems(self) -> list[str]:
        """Where the matches break the contract of `Match` (an empty list: they keep it):
        an empty match, a claim listed twice in a match or unknown, a suggested claim that
        is not a member or alone in its match, a claim in no match, or firm (not suggested)
        in more than one."""
        known = {claim.id for claim in self.claims}
        firm: dict[str, list[str]] = {}
        problems: list[str] = []
        for match in self.matches:
            if not match.claims:
                problems.append(f"match {match.id} holds no claim")
            elif len(match.claims) == 1 and match.suggested:
                problems.append(f"match {match.id} suggests a link with no claim at its other end")
            if len(set(match.claims)) != len(match.claims):
                problems.append(f"match {match.id} lists a claim twice")
            problems += [f"match {match.id} suggests {claim}, which it does not hold"
                         for claim in sorted(set(match.suggested) - set(match.claims))]
            problems += [f"match {match.id} holds {claim}, which is no claim of the result"
                         for claim in sorted(set(match.claims) - known)]
            for claim in match.claims:
                firm.setdefault(claim, [])
                if claim not in match.suggested:
                    firm[claim].append(match.id)
        problems += [f"claim {claim} is in no match" for claim in sorted(known - firm.keys())]
        problems += [f"claim {claim} is a firm member of {len(ids)} matches "
                     f"({', '.join(ids)}); beyond one, a membership is suggested"
                     for claim, ids in sorted(firm.items()) if len(ids) > 1]
        return problems


EventKind = Literal["verdict", "note", "skip", "undo", "move", "split", "confirm", "break"]


class Event(BaseModel):
    """One append-only row of the review log. Never updated or deleted: undo is an event too.

    - verdict: `verdict` (+ `outliers`, document ids, for a conflict) on `match`
    - note: `note` on `match`;  skip: `match` passed over for now
    - undo: `supersedes` names the event it takes back
    - move: `claim` leaves `match` for `target` (another match id, not one it is in);
      split: `claim` leaves `match`, and stands alone as unsourced if it is in no other
      match;  confirm / break: the suggested link of `claim` in `match` is confirmed or
      broken (a broken-off claim in no other match stands alone too)

    A correction names the match it acts on: a claim may be in several matches, and an
    event that names none for such a claim is refused.
    """

    id: str
    story: str
    kind: EventKind
    match: str | None = None
    verdict: Suggestion | None = None
    outliers: list[str] = Field(default_factory=list)
    note: str | None = None
    claim: str | None = None
    target: str | None = None
    supersedes: str | None = None
    reviewer: str
    session: str
    at: str  # ISO 8601 UTC; from an injectable clock so replays are byte-identical
