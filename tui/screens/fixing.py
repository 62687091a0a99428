"""Fixing a match: outliers of a conflict, moving a claim to another match, splitting one
out, confirming or breaking a weak link. Each is one store command, so one event in the log,
and each acts on the claim's membership of the match shown (a claim may be in several).

The base class of ReviewScreen, which sets the attributes and defines the helpers declared
here; kept apart so the screen module stays about reviewing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.reactive import reactive
from textual.screen import Screen

from crossfact.models import Event
from crossfact.store import MatchRow, MatchView, Member, StoreError
from crossfact.terminal import claim_start
from crossfact.tui.dialogs.pick import Item, PickMany, PickOne
from crossfact.tui.dialogs.prompt import TextPrompt
from crossfact.tui.display_text import RTL_LANGS, visual
from crossfact.wording import plural

if TYPE_CHECKING:
    from crossfact.tui.store_api import ReviewStore
    from crossfact.tui.widgets.match_list import MatchList


class FixingActions(Screen[None]):
    """Key actions m, x, y, b and o."""

    # set by ReviewScreen
    store: ReviewStore
    reviewer: str
    session: str
    story: str | None
    view: MatchView | None
    bidi: reactive[bool]

    if TYPE_CHECKING:  # defined by ReviewScreen
        def goto(self, match_id: str, position: int | None = None) -> bool: ...

        def find_number(self, number: str) -> MatchRow | None: ...

        def number_problem(self, answer: str) -> str | None: ...

        def current_view(self) -> MatchView | None: ...

        def _advance(self, position: int, number: str | None = None) -> None: ...

        def _command(self, call: Callable[[], Event | None],
                     label: str | Callable[[], str]) -> Event | None: ...

        def _select(self, index: int) -> None: ...

        @property
        def matches(self) -> MatchList: ...

    @property
    def open_story_id(self) -> str:
        """The open story's id, for the keys that act on a match (they do nothing without one)."""
        if self.story is None:
            raise RuntimeError("no story is open")
        return self.story

    def _stay_on(self, view: MatchView, claim_id: str) -> None:
        """Show the fixed match again; if the fix dissolved it (its last claim of its own
        left, and what remains is in another match too), the match now under the cursor,
        and say where the rest went: the match left the list without a word, and the
        reviewer looked for it."""
        if self.goto(view.id, view.position):
            return
        self._select(self.matches.cursor)
        self._say_gone(view, claim_id)

    def _say_gone(self, view: MatchView, claim_id: str) -> None:
        """Say that a fix dissolved the match `view` (its claim `claim_id` taken out), if it
        did: where the rest of it went, and that this reviewer's verdict or note on it is now
        an orphan. A move said neither: the match left the list, the decided count went down
        by one, and the verdict was found only in `crossfact stats`, as if files changed."""
        try:
            self.store.match(view.id, reviewer=self.reviewer)
            return  # still there (or the fix was not saved)
        except StoreError:
            pass
        rest = dict.fromkeys(f"#{number}" for member in view.members
                             if member.claim.id != claim_id for number in member.also_in)
        where = f": what was left of it is in {', '.join(rest)}" if rest else ""
        given = f"your {view.verdict}" if view.verdict else "your note" if view.note else ""
        kept = (f"; {given} on it is kept as an orphaned verdict (ctrl+p, Orphaned verdicts)"
                if given else "")
        self.notify(f"Match #{view.number} is gone{where}{kept}.", markup=False,
                    timeout=10 if given else 5)

    def _second_look(self, label: str, *matches: tuple[str, str]) -> Callable[[], str]:
        """The saved label of a fix, and which of its matches (id, number) had a verdict
        given on the claims before it: the detail flags them for a second look, and the
        status line says so, or a verdict silently stood on evidence it never saw."""
        def said() -> str:
            flagged = []
            for match_id, number in matches:
                try:
                    if self.store.match(match_id, reviewer=self.reviewer).claims_changed:
                        flagged.append(f"#{number}")
                except StoreError:  # the fix dissolved it: no verdict stands there
                    continue
            return (f"{label}; {' and '.join(flagged)} decided before it: second look"
                    if flagged else label)
        return said

    def _claim_items(self, members: list[Member]) -> list[Item]:
        return [Item(m.claim.id, m.lang, (m.claim.text,)) for m in members]

    def _version_items(self, members: list[Member]) -> list[Item]:
        """One option per version (document id): outliers are versions, and a match can hold
        two claims of one version (a split sentence), whose texts are joined."""
        versions: dict[str, list[Member]] = {}
        for member in members:
            versions.setdefault(member.claim.doc, []).append(member)
        return [Item(doc, its[0].lang, tuple(m.claim.text for m in its))
                for doc, its in versions.items()]

    def _which_claim(self, member: Member, view: MatchView) -> str:
        """The claim a prompt acts on: its language, and where the match holds another claim
        of that version (a split sentence) the start of its text too, one line without
        controls (the prompt shows no markup): "the tr claim" alone named either of two."""
        which = f"{member.lang} claim"
        if sum(m.claim.doc == member.claim.doc for m in view.members) < 2:
            return which
        start = claim_start(member.claim.text)
        return f"{which} \"{visual(start, member.lang in RTL_LANGS) if self.bidi else start}\""

    def _with_claim(self, title: str, members: list[Member], then: Callable[[str], None]) -> None:
        """Run `then` with a claim id: the only one, or the one the reviewer picks."""
        if len(members) == 1:
            then(members[0].claim.id)
            return

        def picked(claim_id: str | None) -> None:
            if claim_id:
                then(claim_id)

        self.app.push_screen(PickOne(title, self._claim_items(members), bidi=self.bidi), picked)

    def action_outliers(self) -> None:
        view = self.current_view()
        if self.story is None or view is None:
            return
        if len(view.members) < 2:
            self.notify("A match of one version has no outliers.", severity="warning")
            return
        chosen = set(view.outliers if view.verdict == "conflict" else view.suggested_outliers)
        items = self._version_items(view.members)

        def save(outliers: list[str] | None) -> None:
            if outliers is None:
                return
            with self.app.batch_update():  # as `c` does: saved, then the next to review
                event = self._command(
                    lambda: self.store.decide(self.open_story_id, view.id, "conflict",
                                              reviewer=self.reviewer, session=self.session,
                                              outliers=outliers),
                    f"conflict #{view.number}, {plural(len(outliers), 'outlier')}",
                )
                if event is not None:
                    self._advance(view.position, view.number)

        self.app.push_screen(
            PickMany("Versions that differ (saved as 'conflict')", items, chosen,
                     bidi=self.bidi),
            save,
        )

    def action_move_claim(self) -> None:
        view = self.current_view()
        if self.story is None or view is None:
            return

        def to_target(claim_id: str) -> None:
            member = next(m for m in view.members if m.claim.id == claim_id)

            def moved(answer: str | None) -> None:
                target = self.find_number(answer) if answer else None
                if target is None:  # Esc (a wrong number keeps the prompt open)
                    return
                if target.id == view.id or target.number in member.also_in:
                    self.notify(f"The claim is already in match {target.number}: nothing "
                                "moved.", severity="warning", markup=False)
                    return
                self._command(
                    lambda: self.store.move_claim(self.open_story_id, claim_id, target.id,
                                                  reviewer=self.reviewer, session=self.session,
                                                  match_id=view.id),
                    self._second_look(f"claim moved to #{target.number}",
                                      (target.id, target.number), (view.id, view.number)),
                )
                self.goto(target.id)
                self._say_gone(view, claim_id)

            # which claim: the one picked a moment ago is no longer on screen
            self.app.push_screen(TextPrompt(f"Move the {self._which_claim(member, view)} to "
                                            "match number:", check=self.number_problem), moved)

        self._with_claim("Which claim moves?", view.members, to_target)

    def action_split_claim(self) -> None:
        view = self.current_view()
        if self.story is None or view is None:
            return
        if len(view.members) < 2:
            self.notify("This claim already stands alone.", severity="warning")
            return

        def split(claim_id: str) -> None:
            self._command(
                lambda: self.store.split_claim(self.open_story_id, claim_id,
                                               reviewer=self.reviewer, session=self.session,
                                               match_id=view.id),
                self._second_look(f"claim split out of #{view.number}",
                                  (view.id, view.number)),
            )
            self._stay_on(view, claim_id)

        self._with_claim("Which claim leaves this match?", view.members, split)

    def action_link(self, kind: str) -> None:
        view = self.current_view()
        if self.story is None or view is None:
            return
        weak = [m for m in view.members if m.suggested]
        if not weak:
            self.notify("This match has no weak link to confirm or break.", severity="warning")
            return
        command = self.store.confirm_link if kind == "confirm" else self.store.break_link

        def apply(claim_id: str) -> None:
            # a confirm leaves the claims as they were: it sends no verdict for a second look
            # (one an earlier fix flagged is not this one's to report)
            self._command(
                lambda: command(self.open_story_id, view.id, claim_id, reviewer=self.reviewer,
                                session=self.session),
                f"link confirmed in #{view.number}" if kind == "confirm" else
                self._second_look(f"link broken in #{view.number}", (view.id, view.number)),
            )
            self._stay_on(view, claim_id)

        self._with_claim(f"Which link to {kind}?", weak, apply)
