"""The command palette's provider: what makes sense now - jump to a match, filters, switch
story, export, right-to-left display."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.markup import escape

from crossfact.store import parse_number
from crossfact.terminal import message
from crossfact.tui.display_text import one_line
from crossfact.tui.paging import FILTER_LABELS, FILTERS
from crossfact.wording import plural

EXPORTS = {
    "jsonl": "JSONL log (re-importable)",
    "csv": "CSV, one row per match",
    "md": "Markdown report",
    "claimreview": "ClaimReview JSON-LD",
}

if TYPE_CHECKING:
    from crossfact.tui.screens.review import ReviewScreen


class ReviewCommands(Provider):
    def _screen(self) -> ReviewScreen | None:
        from crossfact.tui.screens.review import ReviewScreen

        for screen in self.app.screen_stack:
            if isinstance(screen, ReviewScreen):
                return screen
        return None

    def _commands(self) -> list[tuple[str, Callable[[], object], str]]:
        screen = self._screen()
        if screen is None:
            return []
        found: list[tuple[str, Callable[[], object], str]] = [
            ("Jump to match…", screen.action_jump, "Type the match number (12, or 12b)"),
            ("Toggle right-to-left display", screen.action_toggle_bidi,
             "Reorder Arabic/Hebrew for display, or show them as stored"),
            ("Show or hide context", screen.action_context,
             "The sentence before and after each claim"),
        ]
        search = screen.pager.search if screen.pager else None
        found += [
            (f"Filter: {FILTER_LABELS[name]}", partial(screen.set_view, name, search),
             "Show only these matches")
            for name in FILTERS
        ]
        if screen.story is not None:
            found.append(("Orphaned verdicts", screen.action_orphans,
                          "Your verdicts on claims the changed files no longer have"))
            if screen.has_unplaced_drafts():
                found.append(("Note drafts without a match", screen.action_unplaced_drafts,
                              "Notes typed, not saved, whose claims no match holds now"))
            found += [
                (f"Export: {label}", partial(screen.action_export, fmt),
                 "Write the story to a file you choose")
                for fmt, label in EXPORTS.items()
            ]
        others = [story for story in screen.store.stories() if story.id != screen.story]
        for story in others:
            # names come from users and folders: escaped, the palette reads markup
            found.append((f"Switch story: {escape(one_line(story.name, 60))}",
                          partial(screen.open_story, story.id),
                          f"{plural(story.matches, 'match', 'matches')} in "
                          f"{plural(story.documents, 'version')}"))
        if not others:  # "switch story" finding nothing looked like a missing command
            found.append(("Switch story: none other here", partial(
                screen.notify, message(f"There is no other story in {screen.store.path}: "
                                       "`crossfact review FOLDER` matches one and adds it."),
                markup=False),
                "This database holds one story"))
        return found

    async def discover(self) -> Hits:
        for name, run, help in self._commands():
            yield DiscoveryHit(name, run, help=help)

    async def search(self, query: str) -> Hits:
        screen = self._screen()
        parsed = parse_number(query)
        if screen is not None and parsed is not None:
            number = parsed[1]
            yield Hit(1.0, f"Jump to match {number}",
                      partial(screen.goto_number, number), help="Go to this match")
        matcher = self.matcher(query)
        for name, run, help in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), run, help=help)
