"""What the TUI shows, as pydantic models: the store's answers, already decoded from SQL rows."""

from __future__ import annotations

from pydantic import BaseModel

from crossfact.models import Claim, Suggestion

from .numbering import number_of


def link_score(score: float, corrected: bool, claims: int) -> float | None:
    """The matcher's score of the link between a match's claims, or None where it has none:
    a lone claim has no link, and a fixed match holds claims the matcher did not score
    together (a claim moved into a lone claim's match showed its 0.00 beside "agree")."""
    return score if not corrected and claims > 1 else None


class StoryInfo(BaseModel):
    """One story in the database, with the size of its current run."""

    id: str
    name: str
    created: str
    documents: int
    matches: int


class MatchRow(BaseModel):
    """One line of the match list: enough to page through thousands without loading claims."""

    id: str
    position: int
    langs: list[str]
    suggestion: Suggestion
    score: float
    verdict: Suggestion | None
    gist: str  # one line: the first claim's text, shortened
    number: str = ""  # as people say it: 1-based, "12b" for a split-out (store/numbering.py)
    # the reviewer's own marks, for the list to show where they wrote or passed over:
    noted: bool = False  # their current note says something
    skipped: bool = False  # they skipped it (not taken back) and have not decided it since

    def model_post_init(self, _context: object) -> None:
        self.number = self.number or number_of(self.position)


class Member(BaseModel):
    """A claim in a match, with the version it comes from."""

    claim: Claim
    lang: str
    doc_title: str
    doc_path: str
    suggested: bool  # a weak link the reviewer confirms or breaks
    also_in: list[str] = []  # numbers of the other current matches this claim is in


class MatchView(BaseModel):
    """Everything the review screen needs for one match and one reviewer."""

    id: str
    story: str
    position: int
    score: float
    suggestion: Suggestion
    reasons: list[str]
    suggested_outliers: list[str]  # document ids the machine names as outliers
    members: list[Member]
    verdict: Suggestion | None
    outliers: list[str]
    note: str | None
    corrected: bool  # membership changed by a reviewer's move/split/confirm/break
    # suggested otherwise than the matcher did without a fix of its own: a database written
    # before suggestions depended on a match's own claims alone (store/reads.py)
    restated: bool = False
    second_look: bool = False  # a verdict to look at again: carried over from changed text,
    # or given before a fix changed the match's claims (claims_changed)
    claims_changed: bool = False
    number: str = ""  # as in MatchRow

    def model_post_init(self, _context: object) -> None:
        self.number = self.number or number_of(self.position)

    @property
    def outliers_gone(self) -> bool:
        """A conflict whose outliers a fix (split, move, break) took out of the match: the
        verdict predates the fix and no longer says what the match holds, so the review
        screen asks for another look instead of silently reading CONFLICT."""
        return (self.verdict == "conflict" and bool(self.outliers)
                and not {m.claim.doc for m in self.members} & set(self.outliers))

    @property
    def link_score(self) -> float | None:
        return link_score(self.score, self.corrected, len(self.members))
