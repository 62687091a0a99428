"""The reviewer's commands: each builds one Event and records it through `apply`.

`apply` is the single path into the log (the TUI's keys, replays and carry-over all use
it): it checks that the event still applies to the current state, appends it and updates
the derived membership, all in one transaction that is committed (fsynced) before it
returns, so what the TUI shows as saved survives a killed process.
"""

from __future__ import annotations

import json

from sqlite_utils import Database

from crossfact.models import Event, EventKind, Suggestion

from . import decisions
from .base import HERE, StoreBase
from .carry import CARRY_SESSION
from .errors import StoreError
from .membership import CORRECTIONS
from .rows import event_from_row, event_to_row
from .state import letter_split_outs, rebuild, stored_membership, write_membership


def undo_target(db: Database, event: Event) -> Event | None:
    """The event an undo takes back (None if the log lacks it); StoreError if it may not
    (`check_undo`)."""
    target = stored_event(db, event.supersedes)
    if target is not None:
        check_undo(event, target, already_undone(db, target.id))
    return target


def stored_event(db: Database, event_id: str | None) -> Event | None:
    found = list(db["events"].rows_where("id = ?", [event_id]))
    return event_from_row(found[0]) if found else None


def already_undone(db: Database, event_id: str) -> bool:
    return bool(db["events"].count_where("kind = 'undo' AND supersedes = ?", [event_id]))


def check_undo(event: Event, target: Event, undone: bool) -> None:
    """The one rule for every path an undo comes by (keys, replay, import, merge): it takes
    back its own reviewer's event in its own story, not an undo, once, and about the match
    it names."""
    if (target.story != event.story or target.kind == "undo"
            or target.reviewer != event.reviewer):
        raise StoreError(f"undo {event.id} by {event.reviewer!r}: event {event.supersedes} "
                         f"(by {target.reviewer!r}) is not this reviewer's to take back")
    if event.match is not None and event.match not in (target.match, target.target):
        raise StoreError(f"undo {event.id}: names match {event.match}, but event "
                         f"{event.supersedes} is not about it")
    if undone:
        raise StoreError(f"undo {event.id}: event {event.supersedes} is already taken back")


def check_contents(event: Event) -> None:
    """What an event says must hang together, whatever path it comes by (keys, replay,
    import, merge): a verdict names one, only a conflict names outlier versions, a note has
    its text. An imported "agree" with outliers was exported as "Consistent across versions
    (tr differ)"."""
    if event.kind == "verdict":
        if event.verdict is None:
            raise StoreError(f"event {event.id}: a verdict event needs a verdict")
        if event.outliers and event.verdict != "conflict":
            raise StoreError(f"event {event.id}: only a conflict names outlier versions")
    elif event.kind == "note" and event.note is None:
        raise StoreError(f"event {event.id}: a note event needs a note")


class CommandMixin(StoreBase):
    """decide / note / skip / undo / move / split / confirm / break, and `apply`."""

    def apply(self, event: Event) -> Event:
        """Check and append one event in its own transaction; StoreError if it no longer applies."""
        with self._write(f"saving the {event.kind} event"):
            return self._record(event)

    def _record(self, event: Event) -> Event:
        """`apply` inside the caller's transaction."""
        if self.db.table("stories").count_where("id = ?", [event.story]) == 0:
            raise StoreError(f"event {event.id}: no story {event.story!r}")
        if self.db.table("events").count_where("id = ?", [event.id]):
            raise StoreError(f"event {event.id} is already recorded")
        membership, undone = None, None
        if event.kind in CORRECTIONS:
            membership = stored_membership(self.db, event.story)
            if membership is None:
                raise StoreError(f"event {event.id}: story {event.story} has no matches")
            membership.apply(event)
        elif event.kind == "undo":
            undone = self._check_undo(event)
        else:
            self._check_match_event(event)
        origin = HERE
        if self.incoming is not None:
            self.incoming.check(event)
            origin = self.incoming.id
        self.db.table("events").insert({**event_to_row(event), "origin": origin})
        decisions.record(self.db, event, undone)
        if membership is not None:
            write_membership(self.db, event.story, membership, only=membership.touched)
            self.db.table("applied_fixes").insert({"story": event.story, "event": event.id})
            letter_split_outs(self.db, event.story, membership.made)
        elif undone is not None and undone.kind in CORRECTIONS:
            rebuild(self.db, event.story)
        return event

    def _check_match_event(self, event: Event) -> None:
        row = self.db.execute(
            'SELECT id FROM current_matches WHERE story = ? AND id = ?', [event.story, event.match]
        ).fetchone()
        if row is None:
            raise StoreError(f"event {event.id}: match {event.match} is not in the current matches")
        check_contents(event)
        if event.kind == "verdict":
            docs = {r[0] for r in self.db.execute(
                'SELECT doc FROM current_members WHERE story = ? AND "match" = ?',
                [event.story, event.match])}
            unknown = sorted(set(event.outliers) - docs)
            if unknown:
                raise StoreError(f"event {event.id}: outliers {unknown} are not versions in "
                                 f"match {event.match}")

    def _check_undo(self, event: Event) -> Event:
        """The event an undo takes back, if it may."""
        target = undo_target(self.db, event)
        if target is None:
            raise StoreError(f"undo {event.id}: no event {event.supersedes} to take back")
        return target

    def _event(self, story: str, kind: EventKind, **fields: object) -> Event:
        return Event.model_validate({"id": self.new_id(), "story": self._story_id(story),
                                     "kind": kind, "at": self.clock(), **fields})

    # -- the commands ----------------------------------------------------------------------

    def decide(self, story: str, match_id: str, verdict: Suggestion, *, reviewer: str,
               session: str, outliers: list[str] | None = None,
               note: str | None = None) -> Event:
        """Record a verdict; a conflict without outliers takes the machine's suggested ones."""
        if verdict == "conflict" and outliers is None:
            outliers = self._suggested_outliers(self._story_id(story), match_id)
        return self.apply(self._event(story, "verdict", match=match_id, verdict=verdict,
                                      outliers=outliers or [], note=note,
                                      reviewer=reviewer, session=session))

    def _suggested_outliers(self, story: str, match_id: str) -> list[str]:
        row = self.db.execute("SELECT outliers FROM current_matches WHERE story = ? AND id = ?",
                              [story, match_id]).fetchone()
        return json.loads(row[0]) if row else []

    def note(self, story: str, match_id: str, text: str, *, reviewer: str, session: str) -> Event:
        return self.apply(self._event(story, "note", match=match_id, note=text,
                                      reviewer=reviewer, session=session))

    def skip(self, story: str, match_id: str, *, reviewer: str, session: str) -> Event:
        return self.apply(self._event(story, "skip", match=match_id,
                                      reviewer=reviewer, session=session))

    def undo(self, story: str, *, reviewer: str, session: str) -> Event | None:
        """Take back this reviewer's latest event not yet taken back (across restarts).

        Carried-over verdicts are the machine's doing, not the reviewer's last action, and
        events on matches of an earlier run no longer show; undo passes over both. An event
        on a match of this run that a fix dissolved (a split that left only a claim of
        another match) is undone like any other: undoing brings the match back. None when
        there is nothing left to undo.
        """
        story_id = self._story_id(story)
        row = self.db.execute("""
            SELECT e.id, coalesce(e."match", e.target) FROM active_events e
            WHERE e.story = ? AND e.reviewer = ? AND e.session != ? AND (EXISTS (
                SELECT 1 FROM current_matches m
                WHERE m.story = e.story AND m.id IN (e."match", e.target)) OR EXISTS (
                SELECT 1 FROM matches m JOIN current_runs r ON r.id = m.run
                WHERE r.story = e.story AND m.id IN (e."match", e.target)))
            ORDER BY e.seq DESC LIMIT 1""", [story_id, reviewer, CARRY_SESSION]).fetchone()
        if row is None:
            return None
        # the undone event's match rides on the undo, so a reader (the TUI after a restart,
        # a log reader) knows where the change happened without looking the event up
        return self.apply(self._event(story, "undo", supersedes=row[0], match=row[1],
                                      reviewer=reviewer, session=session))

    def move_claim(self, story: str, claim_id: str, target_match_id: str, *, reviewer: str,
                   session: str, match_id: str | None = None) -> Event:
        """Move a claim out of a match (`match_id`: the one it leaves; may go unsaid while
        the claim is in one match) into another one."""
        return self.apply(self._event(story, "move", claim=claim_id, target=target_match_id,
                                      match=match_id or self._only_match_of(story, claim_id),
                                      reviewer=reviewer, session=session))

    def split_claim(self, story: str, claim_id: str, *, reviewer: str, session: str,
                    match_id: str | None = None) -> Event:
        """Split a claim out of a match (`match_id`, as for a move); in no other match, it
        stands alone (as unsourced)."""
        return self.apply(self._event(story, "split", claim=claim_id,
                                      match=match_id or self._only_match_of(story, claim_id),
                                      reviewer=reviewer, session=session))

    def confirm_link(self, story: str, match_id: str, claim_id: str, *, reviewer: str,
                     session: str) -> Event:
        return self.apply(self._event(story, "confirm", match=match_id, claim=claim_id,
                                      reviewer=reviewer, session=session))

    def break_link(self, story: str, match_id: str, claim_id: str, *, reviewer: str,
                   session: str) -> Event:
        return self.apply(self._event(story, "break", match=match_id, claim=claim_id,
                                      reviewer=reviewer, session=session))

    def _only_match_of(self, story: str, claim_id: str) -> str | None:
        """The claim's match if it is in exactly one; None otherwise (the event then names
        none, and `apply` says why it does not apply)."""
        rows = self.db.execute(
            'SELECT "match" FROM current_members WHERE story = ? AND claim = ? LIMIT 2',
            [self._story_id(story), claim_id],
        ).fetchall()
        return rows[0][0] if len(rows) == 1 else None
