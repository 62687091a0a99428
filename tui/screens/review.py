"""The review screen: the match list, the selected match, the status line and the keys.

Threading: the Store is opened on the main thread and every store call is made here, on the
main thread, from key handlers. Calls take milliseconds (paged, indexed SQL), a sqlite
connection must stay on the thread that opened it, and one thread means no locking and no
ordering surprises between a decision and the redraw that shows it. Only matching, which
takes seconds and never touches the database, runs in a thread worker (see app.py), and the
WAL checkpoint, on a connection of its own, when the reviewer pauses (`checkpoint`).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar, cast

from rich.console import RenderableType
from rich.padding import Padding
from rich.text import Text
from textual import events, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container, Vertical
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Input, ProgressBar, Static
from textual.worker import Worker, WorkerState

from crossfact import terminal
from crossfact.models import Event, Suggestion
from crossfact.store import CarryReport, MatchRow, MatchView, StoreError, parse_number
from crossfact.store.numbering import in_number_order
from crossfact.store.output_file import output_path
from crossfact.tui.dialogs.note import NotePrompt
from crossfact.tui.dialogs.pick import Item, ReadOnly, item_label
from crossfact.tui.dialogs.prompt import TextPrompt
from crossfact.tui.display_text import one_line
from crossfact.tui.drafts import Draft, Key, NoteDrafts, drafts_path
from crossfact.tui.heap import freeze_long_lived, settle
from crossfact.tui.keys import REVIEW_BINDINGS
from crossfact.tui.messages import Saved, StoreFailed
from crossfact.tui.paging import CARRY_FILTERS, FILTER_LABELS, FILTERS, FilterName, MatchPager
from crossfact.tui.screens.fixing import FixingActions
from crossfact.tui.store_api import ReviewStore
from crossfact.tui.widgets.key_footer import KeyFooter
from crossfact.tui.widgets.match_detail import MatchDetail
from crossfact.tui.widgets.match_list import MatchList, header_line
from crossfact.tui.widgets.status_line import StatusLine
from crossfact.wording import plural

if TYPE_CHECKING:
    from crossfact.store import Store

T = TypeVar("T")
MIN_SIZE = (60, 16)
"""Columns and rows below which the panes cannot show a match (the narrow layout's list takes
9 rows, and the list's fixed columns ~35)."""

STDOUT_IN_THE_APP = ("'-' is standard output for `crossfact export -o -`, which the review "
                     "app cannot write to: give a file name (./- for a file called '-')")

KEEP_HINT = "y Enter replaces it · anything else or Esc keeps it"
DISCARD_HINT = "y Enter discards them · anything else or Esc keeps them"
# between the note as saved now and a draft typed over an earlier one, when n opens both
DRAFT_RULE = "──── your draft, typed over the note as it was then ────"


class SearchBox(Input):
    """The search box, its keys in the footer while it has the focus: the footer offered
    "/ Search" there, a key that types "/" into the box.

    ctrl+z in it takes back typing, as in any text box: Textual's Input has no undo, so the
    key went on to the screen and took back the reviewer's last verdict, with no redo."""

    BINDINGS = [
        Binding("enter", "submit", "Search"),
        # the screen's own Escape (hidden in the footer): the same id, so keys.toml moves both
        Binding("escape", "screen.clear_search", "Clear search", id="search-clear"),
        Binding("ctrl+z", "undo_typing", "Undo typing"),
    ]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self._typed: list[str] = []  # the box's earlier values, latest last
        self._recording = False  # typing is recorded once the box is opened (`start`)
        super().__init__(*args, **kwargs)

    def start(self, value: str) -> None:
        """Open on `value` (the active search), with nothing typed to take back."""
        self._set_untyped(value)
        self._typed, self._recording = [], True

    def watch_value(self, before: str, value: str) -> None:
        """Each change as it is made, not from its `Changed` message: those arrive later,
        and several ctrl+z in a row saw the values undo had set come back as typing, each
        further ctrl+z giving back a letter ("M", "Mu", "Mus" after "Musk" was undone)."""
        if self._recording:
            self._typed.append(before)

    def _set_untyped(self, value: str) -> None:
        recording, self._recording = self._recording, False
        try:
            self.value = value
        finally:
            self._recording = recording

    def action_undo_typing(self) -> None:
        if not self._typed:
            self.app.bell()  # nothing typed: the log is not this key's in the box
            return
        self._set_untyped(self._typed.pop())
        self.cursor_position = len(self.value)


def replace_question(target: Path, real: Path) -> str:
    """Whether to replace an existing `target`, saying what is replaced when it is a symbolic
    link: the file it names (the link stays), which may be far from where the reviewer
    looked."""
    if target.is_symlink():
        question = (f"{target} is a symbolic link to {real}, which exists. Replace that "
                    "file? (the link stays) (y/n)")
    else:
        question = f"{target} exists. Replace it? (y/n)"
    return terminal.message(question)


class ReviewScreen(FixingActions, Screen[None]):
    BINDINGS = [*REVIEW_BINDINGS]
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]
    AUTO_FOCUS = ""  # keys belong to the screen; nothing takes focus until "/" is pressed
    CHECKPOINT_IDLE: ClassVar[float] = 1.0
    """Seconds after the last saved command before the WAL is checkpointed (in a thread)."""

    bidi: reactive[bool] = reactive(True)
    """Reorder right-to-left text for display (list and detail)."""
    show_context: reactive[bool] = reactive(False)
    """Show the sentence before and after each claim."""

    def __init__(self, store: ReviewStore, *, reviewer: str, session: str,
                 bidi: bool = True) -> None:
        super().__init__()
        self.store = store
        self.reviewer = reviewer
        self.session = session
        self.story: str | None = None
        self.story_name = ""
        self.pager: MatchPager | None = None
        self.view: MatchView | None = None
        self._fetched: MatchView | None = None
        # the match selected before a search or filter that listed nothing: where dropping it
        # goes back to (the first match was a surprise after a search that found nothing)
        self._unlisted: MatchRow | None = None
        self._all_done_said = False
        self._touched: dict[str, str | None] = {}  # this session's event id -> its match
        # notes typed but not saved (a note being typed, a draft closed with Escape, a save
        # that failed), kept on disk as typed: n on the match offers it again, also after
        # the terminal was killed mid-note; quitting asks first
        self.drafts = NoteDrafts(drafts_path(store.path), reviewer)
        self._drafts_before = set(self.drafts.all())  # an earlier session's, to say so
        # the drafts this app opened or typed: q drops only those (another app under this
        # name may be typing one it loaded; one not shown is offered again next time)
        self._drafts_shown: set[Key] = set()
        self._drafts_failed_said = False
        self._set_aside_said: Path | None = None
        self._quit_warned: list[str] = []  # the drafts the last q warned of
        self._unplaced_said: set[Key] = set()  # drafts said to be without a match
        self._too_small = False  # the terminal is below MIN_SIZE: the panes are hidden
        self._active_at = 0.0  # time.monotonic() of the reviewer's last key or mouse event
        self._checkpoint_due = False  # a command was saved since the last checkpoint
        self._settle_due = False  # ... or anything done since the heap was settled
        self.set_reactive(ReviewScreen.bidi, bidi)

    # -- layout ----------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield StatusLine(id="status")
        yield ProgressBar(id="matching", show_eta=False)
        with Container(id="panes"):
            with Vertical(id="list-pane"):
                yield Static(id="list-header", markup=False)
                yield MatchList(id="matches")
            yield MatchDetail(id="detail-pane")
        yield Static(id="too-small", markup=False)
        yield SearchBox(placeholder="search the claims; Enter applies, Escape clears", id="search")
        yield KeyFooter(compact=True)

    def on_resize(self, event: events.Resize) -> None:
        """Below the size the layout needs, say so instead of drawing a broken screen."""
        width, height = MIN_SIZE
        small = event.size.width < width or event.size.height < height
        if small != self._too_small:
            self._too_small = small
            self.refresh_bindings()
        self.query_one("#panes").display = not small
        notice = self.query_one("#too-small", Static)
        notice.display = small
        if small:
            notice.update(f"Terminal too small ({event.size.width}x{event.size.height}): the "
                          f"review needs at least {width}x{height}. q quits.")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """While the terminal is too small the panes are hidden, and no key of this screen
        acts on what the reviewer cannot see (`a` saved "agree" on a match out of sight);
        the app's keys (q, ?, ctrl+p) still work. While the search box has the focus, `/`
        types into it: not offered in the footer."""
        if action == "search" and isinstance(self.focused, SearchBox):
            return False
        return not self._too_small

    def on_mount(self) -> None:
        # a note draft marks its row; the drafts say when one comes or goes (tui/drafts.py)
        self.matches.drafted = lambda match: (
            self.story is not None and self.drafts.holds((self.story, match)))
        self.drafts.on_change = self._drafts_changed
        self.query_one(MatchList).bidi = self.bidi
        self.query_one(MatchDetail).bidi = self.bidi
        self.status.bidi = self.bidi
        self.store.defer_checkpoints()  # this screen checkpoints when the reviewer pauses
        self.set_interval(self.CHECKPOINT_IDLE / 2, self._checkpoint_when_idle)

    def _drafts_changed(self) -> None:
        """A match got or lost a note draft: redraw the list, whose rows mark them (a line is
        cached by what it shows, so only those rows are drawn again)."""
        self.matches.refresh()

    @property
    def matches(self) -> MatchList:
        return self.query_one(MatchList)

    @property
    def status(self) -> StatusLine:
        return self.query_one(StatusLine)

    # -- opening a story -------------------------------------------------------------------
    def show_matching(self, stage: str, done: int, total: int) -> None:
        bar = self.query_one("#matching", ProgressBar)
        bar.display = True
        bar.update(total=max(total, 1), progress=done)
        self.status.stage = f"matching: {stage}"
        if self.story is None:
            self.query_one(MatchDetail).show(None, empty="Matching the versions…")

    def matching_done(self, error: str | None = None) -> None:
        self.query_one("#matching").display = False
        self.status.stage = f"matching failed: {error}" if error else ""
        if error and self.story is None:
            self.query_one(MatchDetail).show(None, empty=f"Matching failed: {error}")

    def open_story(self, story: str) -> None:
        """Show a story where this reviewer stopped (store.resume)."""
        documents = self._call(lambda: self.store.documents(story))
        if documents is None:
            return
        langs = list(dict.fromkeys(d.lang for d in documents))
        stories = self._call(self.store.stories) or []
        names = {info.id: info.name for info in stories}
        self.story, self.story_name = story, names.get(story, story)
        self.pager = MatchPager(self.store, story, self.reviewer)
        self.query_one("#list-header", Static).update(Text(header_line(langs), style="bold"))
        self.matches.attach(self.pager, langs)
        self.status.story = self.story_name
        self.status.reviewer = self.reviewer
        others = self._call(lambda: self.store.decided_by(story)) or {}
        self.status.others = ", ".join(f"{n} decided by {one_line(name, 20)}"
                                       for name, n in others.items() if name != self.reviewer)
        self._refresh_status()
        resume = self._call(lambda: self.store.resume(story, reviewer=self.reviewer))
        if resume is None or not self.goto(resume):
            self._select(0)
        self._offer_earlier_drafts(story)
        self.call_after_refresh(freeze_long_lived)  # after the first paint of the story

    def goto(self, match_id: str, position: int | None = None) -> bool:
        """Put the cursor on a match if the current filter shows it; given where it was
        (`position`), looked up in the list first: a fix may have dissolved it, and asking
        the store for a gone match is an error the reviewer would see."""
        if self.pager is None or position is not None and self.pager.index_of(
                match_id, position, near=self.matches.cursor) is None:
            return False
        view = self._call(lambda: self.store.match(match_id, reviewer=self.reviewer))
        if view is None:
            return False
        index = self.pager.index_of(match_id, view.position, near=self.matches.cursor)
        if index is None:
            return False
        self._fetched = view  # the detail shows it without asking the store again
        self._select(index)
        return True

    def goto_number(self, number: str) -> bool:
        """Jump to a match by the number the reviewer sees ("12", "12b")."""
        row = self.find_number(number)
        if row is None:
            self.notify(self._gone(number) or f"No match #{number} in this story.",
                        severity="warning", markup=False)
            return False
        if not self.goto(row.id):
            self.set_view("all", None)
            return self.goto(row.id)
        return True

    def action_jump(self) -> None:
        """Ask for a match number and go there; a number with no match is asked again."""
        def go(answer: str | None) -> None:
            if answer is not None:
                self.goto_number(answer.strip())

        self.app.push_screen(TextPrompt("Jump to match number:", "", check=self.number_problem),
                             go)

    def number_problem(self, answer: str) -> str | None:
        """What is wrong with a typed match number, said in the prompt (None: it has a match)."""
        typed = one_line(answer.strip())
        if typed and self.find_number(typed) is not None:
            return None
        everything = MatchPager(self.store, self.story, self.reviewer) if self.story else None
        last = everything.row(everything.count - 1) if everything else None
        numbers = (f"the matches are numbered 1 to {last.position + 1}" if last
                   else "this story has no matches")
        if not typed:
            return f"Type a match number: {numbers}."
        if parse_number(typed) is None:
            return f"'{typed}' is not a match number: {numbers} (12b for a split-out)."
        return self._gone(typed) or f"No match #{typed}: {numbers} (12b for a split-out)."

    def _gone(self, number: str) -> str | None:
        """Said of a match a fix dissolved, as the fix said it ("No match #2: a fix
        dissolved it; its claims are in #33"): "numbered 1 to 72" left the reviewer
        wondering where #2 went. None if no fix dissolved it."""
        parsed = parse_number(number)
        if self.story is None or parsed is None:
            return None
        went = self._call(partial(self.store.dissolved, self.story, parsed[1]))
        if went is None:
            return None
        where = f"; its claims are in {', '.join(f'#{n}' for n in went)}" if went else ""
        return f"No match #{parsed[1]}: a fix dissolved it{where}."

    def find_number(self, number: str) -> MatchRow | None:
        """The match with this number ("12", "#12", "12b"), whatever the filter shows."""
        parsed = parse_number(number)
        if self.story is None or parsed is None:
            return None
        position, wanted = parsed
        everything = MatchPager(self.store, self.story, self.reviewer)
        index = everything.lower_bound(position)
        while (row := everything.row(index)) is not None and row.position == position:
            if row.number == wanted:
                return row
            index += 1
        return None

    # -- showing ---------------------------------------------------------------------------
    def _select(self, index: int) -> None:
        """Move the cursor and show that match in the same frame (no message round trip)."""
        self.active()
        with self.app.batch_update():
            self.matches.cursor = index
            row = self.matches.current()
            self._show_detail(row.id if row else None)

    def _detail_first(self) -> None:
        """Ask for the detail pane's repaint before this key changes anything else.

        Textual takes widgets' refresh requests in the order they were made. Asked last (after
        the commit), the detail missed the frame that redrew the list row and the status line,
        and the next match showed a frame later. Its lines are set before that frame."""
        detail = self.query_one(MatchDetail)
        for widget in (detail, detail.vertical_scrollbar, self.matches.vertical_scrollbar):
            widget.refresh()

    def on_match_list_selected(self, message: MatchList.Selected) -> None:
        """The cursor moved (a click): show the match under it unless it already is.

        The list cursor is the one source of truth for the current match. The message may
        be stale (the cursor moved again while it was queued): it only says "look again".
        Showing the match it names reset the detail behind the cursor, and the next fix key
        acted on another match than the verdict keys (issue 14's flaky re-driven review)."""
        self.current_view()

    def current_view(self) -> MatchView | None:
        """The match under the list cursor, shown in the detail if it is not yet."""
        row = self._current()
        if row is None:
            return None
        if self.view is None or self.view.id != row.id:
            self._show_detail(row.id)
        return self.view if self.view is not None and self.view.id == row.id else None

    def _show_detail(self, match_id: str | None) -> None:
        detail = self.query_one(MatchDetail)
        if match_id is None:
            self.view = None
            # an empty list says how to get the matches back, not only that there are none
            searched = self.pager is not None and self.pager.search
            empty = ("No matches under this filter or search"
                     + ("; Escape drops the search, " if searched else "; ")
                     + "f shows another filter." if self.story else "Opening the story…")
            detail.show(None, empty=empty)
            return
        fetched, self._fetched = self._fetched, None
        view: MatchView | None
        if fetched is not None and fetched.id == match_id:
            view = fetched
        else:
            view = self._call(lambda: self.store.match(match_id, reviewer=self.reviewer))
        self.view = view
        context = {}
        if view is not None and self.show_context:
            for member in view.members:
                found = self._call(partial(self.store.context, member.claim.id))
                if found:
                    context[member.claim.id] = found
        detail.show(view, context)  # from its top

    def _refresh_status(self) -> None:
        if self.story is None or self.pager is None:
            return
        self._refresh_progress()
        self.status.filter = FILTER_LABELS[self.pager.filter]
        self.status.search = self.pager.search or ""
        self.status.shown = self.pager.count

    def _refresh_progress(self) -> None:
        if self.story is None:
            return
        progress = self._call(lambda: self.store.progress(self.open_story_id,
                                                          reviewer=self.reviewer))
        if progress is not None:
            self.status.progress = progress
            self._all_done_said = self._all_done_said and progress[0] == progress[1]

    def set_view(self, filter: FilterName, search: str | None) -> None:
        """Apply a filter and search, keeping the selected match if it is still listed."""
        if self.pager is None:
            return
        keep = self._current() or self._unlisted
        self.pager.set_view(filter, search)
        self.matches.reload()
        self._refresh_status()
        if keep is None or not self.goto(keep.id):
            self._select(0)
        self._unlisted = keep if self._current() is None else None

    def after_change(self, event: Event, label: str, *, toast_if_cut: bool = True) -> None:
        """A command was saved: say so, redraw list, progress and detail in one frame
        (progress counts the reviewer's decisions, not the story's matches: cheap). What
        the status line cannot show whole (a fix's "#3 decided before it: second look"
        beside a search) is said in a toast too, which wraps."""
        self.matches.reload()
        self.status.shown = self.pager.count if self.pager else 0
        self.status.saved(label, event.at)
        if toast_if_cut and self.status.last_cut():
            self.notify(label[0].upper() + label[1:] + ".", title="Saved", markup=False)
        self._refresh_progress()
        self.post_message(Saved(event))
        if event.kind not in ("verdict", "note", "skip") and self.story is not None:
            self._place_drafts(self.story)  # a fix or an undo may have taken a draft's match
        self._checkpoint_due = True
        self.active()

    def active(self) -> None:
        """The reviewer did something: pause-time jobs wait, and the heap is settled after."""
        self._active_at, self._settle_due = time.monotonic(), True

    def _checkpoint_when_idle(self) -> None:
        """Checkpoint, settle the heap (tui/heap.py), and take other apps' changes to the
        note drafts (a stat when the file is unchanged), in a pause of the reviewer's.

        A checkpoint left to a commit held up one key in ~150; run in a thread beside a
        stream of decisions, its writes slowed their fsyncs (figures in benchmarks/README.md)."""
        if time.monotonic() - self._active_at < self.CHECKPOINT_IDLE:
            return
        self.drafts.refresh()  # another app under this name saved a draft held here: no `!`
        if self._checkpoint_due:
            self._checkpoint_due = False
            self.checkpoint()
        if self._settle_due and self.story is not None:  # once the story's pages are frozen
            self._settle_due = False
            settle()

    @work(thread=True, exclusive=True, exit_on_error=False, group="checkpoint")
    def checkpoint(self) -> None:
        """Copy saved events from the WAL into the database file (a connection of its own)."""
        self.store.checkpoint()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """A failed checkpoint loses nothing (the events are in the WAL); say so once."""
        if event.worker.group != "checkpoint":
            return
        event.stop()
        if event.state == WorkerState.ERROR and event.worker.error is not None:
            failure = terminal.message(event.worker.error)
            self.notify(f"{failure} (every decision is saved in the log)",
                        title="Checkpoint failed", severity="warning", markup=False)

    # -- store calls -----------------------------------------------------------------------
    def _call(self, call: Callable[[], T], *, saving: bool = False) -> T | None:
        """Run one store call; a StoreError is shown to the reviewer, never swallowed."""
        try:
            return call()
        except StoreError as error:
            self.report_failure(str(error) or type(error).__name__, saving=saving)
            return None

    def report_failure(self, text: str, *, saving: bool = True) -> None:
        text = terminal.message(text)  # file names and values from others' files: shown, not obeyed
        self.notify(text, title="Not saved" if saving else "Store error",
                    severity="error", timeout=8, markup=False)  # paths, names: not markup
        self.status.failed(text, saving=saving)
        self.post_message(StoreFailed(text))

    def _command(self, call: Callable[[], Event | None],
                 label: str | Callable[[], str]) -> Event | None:
        """Run a command and say it was saved; `label` may be worked out once it is (a fix
        says which verdicts it sent for a second look)."""
        event = self._call(call, saving=True)
        if event is not None:
            self._touched[event.id] = event.match or event.target
            self.after_change(event, label if isinstance(label, str) else label())
        return event

    def _current(self) -> MatchRow | None:
        if self.story is None:
            return None
        return self.matches.current()

    def _advance(self, position: int, number: str | None = None) -> None:
        """To the next match to review after `position` (after the match `number` there:
        a split-out "7b" is next after "7")."""
        story = self.open_story_id
        nxt = self._call(lambda: self.store.next_todo(story, position, reviewer=self.reviewer,
                                                      after_number=number))
        if nxt is None:
            if not self._all_done_said:  # once, not a pile of toasts on every later key
                self.notify("Every match has a verdict.", title="Done")
                self._all_done_said = True
            self._select(self.matches.cursor)
        elif not self.goto(nxt):
            self._select(self.matches.cursor)  # redraw the row and the detail

    # -- actions ---------------------------------------------------------------------------
    def action_decide(self, verdict: Suggestion) -> None:
        row = self._current()
        if row is None:
            return
        self._detail_first()
        with self.app.batch_update():  # saved, list, progress and next match: one frame
            event = self._command(
                lambda: self.store.decide(self.open_story_id, row.id, verdict,
                                          reviewer=self.reviewer, session=self.session),
                (lambda: self._conflict_label(row)) if verdict == "conflict" else
                f"{verdict} #{row.number}",
            )
            if event is not None:
                self._advance(row.position, row.number)

    def _conflict_label(self, row: MatchRow) -> str:
        """What `c` saved: the machine's outliers, as many as `o` would say, or none where the
        machine suggested none (it suggested agree): "conflict #3" named no version, and the
        report and exports then had a conflict without a version that differs."""
        saved = self._call(lambda: self.store.match(row.id, reviewer=self.reviewer))
        outliers = len(saved.outliers) if saved is not None else 0
        if outliers:
            return f"conflict #{row.number}, {plural(outliers, 'outlier')}"
        return f"conflict #{row.number}, no outlier named: o names them"

    def action_skip(self) -> None:
        row = self._current()
        if row is None:
            return
        self._detail_first()
        with self.app.batch_update():
            event = self._command(
                lambda: self.store.skip(self.open_story_id, row.id, reviewer=self.reviewer,
                                        session=self.session),
                f"skipped #{row.number}",
            )
            if event is not None:
                if self.matches.cursor + 1 < self.matches.count:
                    self._select(self.matches.cursor + 1)
                else:
                    self._advance(row.position, row.number)

    def action_undo(self) -> None:
        if self.story is None:
            return
        story = self.story
        boxed = self._call(  # boxed, to tell "nothing to undo" from a failed call
            lambda: [self.store.undo(story, reviewer=self.reviewer, session=self.session)],
            saving=True,
        )
        if boxed is None:
            return
        event = boxed[0]
        if event is None:
            self.notify("Nothing to undo.", severity="warning")
            # another app under this name may have undone what is shown: show the log's state
            self.matches.reload()
            self._refresh_status()
            return
        self._detail_first()
        with self.app.batch_update():
            # the undo names the undone event's match (store.undo), even one of a past session
            undone = event.match or self._touched.get(event.supersedes or "")
            self.matches.reload()  # the undone verdict's row, before the cursor goes there
            if not (undone and self.goto(undone)):
                self._select(self.matches.cursor)
            label = self._undone_label(event)
            self.after_change(event, label, toast_if_cut=False)  # said in a toast below
        # the status line's end is cut at 80 columns ("✓ saved 21:02:01 (undi…"): what was
        # taken back is said in a toast too, which wraps
        self.notify(label[0].upper() + label[1:] + ".", title="Undo", markup=False)

    def _undone_label(self, undo: Event) -> str:
        """What the undo took back, as the reviewer did it: "undid agree on #12"."""
        taken = self._call(lambda: self.store.event(undo.supersedes or ""))
        if taken is None:
            return "undone"
        what = {"verdict": taken.verdict, "note": "the note", "skip": "the skip",
                "move": "the move", "split": "the split", "confirm": "the confirmed link",
                "break": "the broken link"}.get(taken.kind) or taken.kind
        where = f" on #{self.view.number}" if self.view is not None else ""
        return f"undid {what}{where}"

    def _offer_earlier_drafts(self, story: str) -> None:
        """Say which notes of this story an earlier session left typed but not saved (its
        terminal was closed or killed mid-note): they were lost without a word. Drafts
        whose match is gone are put where its claims are, or said to have no match (again
        at each opening of the story)."""
        self._unplaced_said = {key for key in self._unplaced_said if key[0] != story}
        unplaced = dict(self._place_drafts(story))
        earlier = sorted((d.number for key, d in self.drafts.of_story(story).items()
                          if key in self._drafts_before and key not in unplaced),
                         key=in_number_order)
        self._drafts_before -= set(self.drafts.of_story(story))
        if earlier:
            self.notify(f"Typed but not saved when an earlier session ended: the note on "
                        f"match {', '.join(earlier)}. n on the match opens it (ctrl+s saves).",
                        title="Note drafts kept", severity="warning", timeout=20,
                        markup=False)
        self._say_drafts_trouble()

    def _say_drafts_trouble(self) -> None:
        """Say once that drafts cannot be written, and once per file set aside that a
        damaged drafts file was (the review opens all the same: `tui/drafts.py`)."""
        aside = self.drafts.set_aside
        if aside is not None and aside != self._set_aside_said:
            self._set_aside_said = aside
            self.notify(f"The note drafts file was damaged: what could be read of it is kept, "
                        f"the file as it was is set aside in {terminal.message(aside)}.",
                        title="Drafts", severity="warning", timeout=20, markup=False)
        if self.drafts.failed and not self._drafts_failed_said:
            self._drafts_failed_said = True  # once: not a toast on every key
            where = terminal.message(self.drafts.failed)
            self.notify(f"Note drafts cannot be kept on disk ({where}): a note typed is "
                        "kept until the app quits; ctrl+s saves it.",
                        title="Drafts", severity="warning", timeout=10, markup=False)

    def _draft_changed(self, row: MatchRow, stored: str, text: str,
                       claims: list[str]) -> None:
        """Keep what is typed into a note on disk as it is typed (`tui/drafts.py`), with the
        saved note it was typed over and the claims of its match (where the draft goes if
        the match is gone); a note back to what is stored is no draft."""
        if self.story is None:
            return
        key = (self.story, row.id)
        self._drafts_shown.add(key)
        if text == stored:
            self.drafts.drop(key)
        else:
            self.drafts.keep(key, Draft(story=self.story, story_name=self.story_name,
                                        number=row.number, text=text, base=stored,
                                        claims=claims))
        self._say_drafts_trouble()

    def _place_drafts(self, story: str, *, say: bool = True) -> list[tuple[Key, Draft]]:
        """Put each draft of `story` whose match is gone (a re-match gave new match ids, a
        fix dissolved it, an undo took a split-out back) on the current match that holds
        most of its claims: n there opens it. Before, n opened an empty editor where the
        toast said the draft was, and q, q erased it. Returns the drafts no current match
        holds a claim of, or whose new match has a draft of its own or a note the draft was
        not typed over (opened there, it hid that note, or n took it for older than the note
        and erased it): kept on disk, never dropped by q, until the reviewer discards them
        (`action_unplaced_drafts`). Each is said once, with why."""
        moved: list[tuple[str, str]] = []
        unplaced: list[tuple[Key, Draft]] = []
        why: list[str] = []  # of the drafts unplaced and not said yet
        for key, draft in sorted(self.drafts.of_story(story).items(),
                                 key=lambda item: in_number_order(item[1].number)):
            try:
                found = self.store.placed(story, key[1], draft.claims)
                if found is None or found[0] == key[1]:
                    note = None
                else:
                    note = self.store.match(found[0], reviewer=self.reviewer).note
            except StoreError:
                continue  # not known now: the draft stays as it is
            if found is None:
                reason = "no match holds its claims now"
            else:
                match, number = found
                to = (story, match)
                if to == key:
                    continue
                if self.drafts.get(to) is not None:  # two drafts never made one out of sight
                    reason = f"match {number}, which holds its claims now, has a draft of its own"
                elif terminal.strip_controls(note or "") != (draft.base or ""):
                    reason = (f"match {number}, which holds its claims now, has a note saved "
                              "that the draft was not typed over")
                else:
                    self.drafts.move(key, to, draft.model_copy(update={"number": number}))
                    self._unplaced_said -= {key, to}  # unplaced again later: said again
                    for known in (self._drafts_shown, self._drafts_before):
                        if key in known:
                            known.discard(key)
                            known.add(to)
                    moved.append((draft.number, number))
                    continue
            unplaced.append((key, draft))
            if say and key not in self._unplaced_said:
                self._unplaced_said.add(key)
                why.append(f"match {draft.number} ({reason}): {one_line(draft.text, 100)}")
        if say and moved:
            where = ", ".join(f"match {old} is now on match {new}" for old, new in moved)
            self.notify(f"A note draft's match is gone (the files changed, or a fix or an "
                        f"undo took it): the draft of {where}, which holds its claims. n on "
                        "it opens it.", title="Note draft moved", severity="warning",
                        timeout=20, markup=False)
        if why:
            self.notify(f"No match to open the note typed but not saved on {'; '.join(why)}. "
                        "It is kept: ctrl+p, 'Note drafts without a match' shows it whole, and "
                        "can discard it.", title="Note draft without a match",
                        severity="warning", timeout=30, markup=False)
        return unplaced

    def has_unplaced_drafts(self) -> bool:
        """Whether this story has drafts no match holds the claims of (the palette offers
        them then)."""
        return self.story is not None and bool(self._place_drafts(self.story, say=False))

    def action_unplaced_drafts(self) -> None:
        """Show the drafts of this story that have no match now, whole, and ask whether to
        discard them: the only way they go."""
        if self.story is None:
            return
        unplaced = self._place_drafts(self.story)
        if not unplaced:
            self.notify("No note drafts without a match.", markup=False)
            return
        lines: list[RenderableType] = []
        for _, draft in unplaced:
            lines += [Text(f"Typed on match {draft.number} (as it was numbered then):",
                           style="bold"),
                      Padding(Text(terminal.strip_controls(draft.text)), (0, 0, 1, 2))]
        title = plural(len(unplaced), "note draft whose match is gone",
                       "note drafts whose matches are gone")

        def discard(answer: str | None) -> None:
            if answer is not None and answer.strip().lower() in {"y", "yes"}:
                self.drafts.drop(*(key for key, _ in unplaced))
                self.notify(f"Discarded: {title}.", markup=False)

        def ask(_: None) -> None:
            self.app.push_screen(TextPrompt(f"Discard {title}? (y/n)", "",
                                            hint=DISCARD_HINT), discard)

        self.app.push_screen(ReadOnly(f"{title} (kept until discarded)", lines), ask)

    def _as_saved_now(self, view: MatchView) -> MatchView:
        """`view` read again: another session under this name may have saved a note on it
        since this screen read it, and the editor opened on the older note (a draft typed
        over that looked current). The detail shows the note saved since."""
        fresh = self._call(lambda: self.store.match(view.id, reviewer=self.reviewer))
        if fresh is None or fresh.note == view.note:
            return view
        self._fetched = fresh
        self._show_detail(fresh.id)
        return fresh

    def _note_to_open(self, row: MatchRow, stored: str) -> str:
        """What n opens on `row`: its draft, else the note as saved (`stored`). A draft typed
        over another note than the one saved now (another session under this name saved
        one since, or this one undid it) was erased, quoted on one line, and the toast said
        "another session" after the reviewer's own ctrl+z. Now both are opened, the note as
        saved above the draft, for the reviewer to make one note of: ctrl+s saves what the
        editor holds (never the draft alone over a note it did not see), Escape keeps it
        all as the draft."""
        if self.story is None:
            return stored
        key = (self.story, row.id)
        self._place_drafts(self.story)  # a fix or an undo may have taken a draft's match
        draft = self.drafts.get(key)
        if draft is None:
            return stored
        self._drafts_shown.add(key)
        if draft.base is None or draft.base == stored:
            return draft.text
        if draft.text == stored:  # saved as typed: nothing of it is lost
            self.drafts.drop(key)
            return stored
        both = f"{stored}\n\n{DRAFT_RULE}\n{draft.text}" if stored.strip() else draft.text
        shown = ("the note as saved now, then your draft below the line" if stored.strip()
                 else "your draft (the note is empty now)")
        self.notify(f"The note on match {row.number} was saved or undone after this draft of "
                    f"it was typed (in this session or another under your name). The editor "
                    f"holds {shown}: ctrl+s saves what it holds, Escape keeps it as the draft.",
                    title="Note changed since the draft", severity="warning", timeout=30,
                    markup=False)
        return both

    def action_note(self) -> None:
        row = self._current()
        if row is None:
            return
        view = self.current_view()
        if view is not None:
            view = self._as_saved_now(view)
        stored = view.note if view is not None else ""
        stored = terminal.strip_controls(stored or "")  # a note from an imported file: text only
        current = self._note_to_open(row, stored)  # a draft, or what a failed save kept
        claims = [member.claim.id for member in view.members] if view is not None else []
        key = (self.open_story_id, row.id)

        def keep(text: str) -> None:
            """Escape: the typing is kept for this match, not thrown away."""
            self._draft_changed(row, stored, text, claims)
            if text != stored:
                self.notify(f"Note draft on match {row.number} kept (not saved): n on the "
                            "match opens it again.", title="Draft kept", markup=False)

        def save(text: str | None) -> None:
            if text is None:
                return  # closed with Escape: `keep` has the draft
            if not text.strip() and not stored:
                self.drafts.drop(key)
                return  # an empty note where there was none: not an event
            if not text.strip():
                text = ""  # cleared: the blanks an emptied editor leaves are no note
            saved = self._command(
                lambda: self.store.note(self.open_story_id, row.id, text, reviewer=self.reviewer,
                                        session=self.session),
                f"note #{row.number}",
            )
            if saved is None:  # a full disk, a busy database: the typing is not thrown away
                self._draft_changed(row, stored, text, claims)
                self.notify(f"The note on match {row.number} was not saved; it is kept: "
                            "press n on the match to try again.", title="Note kept",
                            severity="warning", timeout=10, markup=False)
            else:
                self.drafts.drop(key)
            self._select(self.matches.cursor)

        prompt = NotePrompt(f"Note on match {row.number}", current or "", bidi=self.bidi,
                            keep_draft=keep,
                            changed=lambda text: self._draft_changed(row, stored, text, claims))
        self.app.push_screen(prompt, save)

    def may_quit(self) -> bool:
        """Whether quitting loses nothing the reviewer typed; if it would (a note draft, or
        a note a failed save kept), say which once, and let the next q or ctrl+c leave
        (and drop those drafts: the reviewer was told). Only drafts this app opened or
        typed: one loaded from another app under this name, unseen here, was dropped while
        that app was still typing it. A draft whose match is gone is kept."""
        unplaced = {key for story in {key[0] for key in self._drafts_shown}
                    for key, _ in self._place_drafts(story, say=False)}
        drafts = {key: d for key, d in self.drafts.all().items()
                  if key in self._drafts_shown and key not in unplaced}
        # a draft of another story (the palette switched) is named with its story: "match
        # 1" sent the reviewer to this story's match 1, which had none
        named = [d.number + ("" if d.story == self.story else
                             f" of {one_line(d.story_name, 30)}")
                 for d in sorted(drafts.values(),
                                 key=lambda d: (d.story != self.story, d.story_name,
                                                in_number_order(d.number)))]
        if not named:
            return True
        if named == self._quit_warned:
            self.drafts.drop(*drafts)
            return True
        self._quit_warned = named
        self.notify(f"The note on match {', '.join(named)} is not saved: n on the match "
                    "opens it (ctrl+s saves); q again quits without it.",
                    title="Note not saved", severity="warning", timeout=10, markup=False)
        return False

    def action_move(self, step: int) -> None:
        self._detail_first()
        self._select(self.matches.cursor + step)

    def action_page(self, step: int) -> None:
        self._detail_first()
        self._select(self.matches.cursor + step * max(1, self.matches.size.height - 1))

    def action_edge(self, end: int) -> None:
        self._detail_first()
        self._select(self.matches.count - 1 if end else 0)

    def action_scroll_detail(self, step: int) -> None:
        pane = self.query_one(MatchDetail)
        pane.scroll_relative(y=step * max(1, pane.size.height // 2), animate=False)

    def action_search(self) -> None:
        box = self.query_one("#search", SearchBox)
        box.display = True
        box.start(self.pager.search or "" if self.pager else "")
        box.focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id != "search":
            return
        event.stop()
        event.input.display = False
        self.set_focus(None)
        if self.pager is not None:
            self.set_view(self.pager.filter, event.value.strip() or None)

    def action_clear_search(self) -> None:
        box = self.query_one("#search", Input)
        if box.display:
            box.display = False
            self.set_focus(None)
        elif self.pager is not None and self.pager.search:
            self.set_view(self.pager.filter, None)

    def action_cycle_filter(self) -> None:
        """The next filter; *carried over* and *second look* only when they list a match (a
        re-match carried verdicts, or a fix changed the claims of a decided match)."""
        if self.pager is None or self.story is None:
            return
        index = FILTERS.index(self.pager.filter)
        for step in range(1, len(FILTERS)):
            following = FILTERS[(index + step) % len(FILTERS)]
            if following not in CARRY_FILTERS:
                break
            listed: int | None = self._call(partial(
                self.store.count, self.story, reviewer=self.reviewer, filter=following))
            if listed:
                break
        self.set_view(following, self.pager.search)

    # -- after a re-match ------------------------------------------------------------------
    def show_carry(self, report: CarryReport) -> None:
        """The story's files changed: say what became of the reviewer's verdicts (not
        other reviewers': the carried-over filter lists this reviewer's)."""
        self.notify(f"The files changed, or are read otherwise, since the last review. Your "
                    f"verdicts and notes: {report.summary(self.reviewer)}. "
                    "ctrl+p, 'carried over' lists them (f reaches it after 'decided'); "
                    "ctrl+p, 'orphaned' the orphaned.",
                    title="Story re-matched", timeout=20, markup=False)

    def action_orphans(self) -> None:
        """The reviewer's verdicts and notes whose claims the changed files no longer have."""
        if self.story is None:
            return
        orphans = self._call(partial(self.store.orphans, self.story, reviewer=self.reviewer))
        if not orphans:
            self.notify("No orphaned verdicts: every one applies to a current match.")
            return
        lines: list[RenderableType] = []
        for event in orphans:
            said = event.verdict or "note"
            claims = self._call(partial(self.store.orphan_claims, event)) or []
            lines.append(Text(f"{said.upper()}  " + (f"note: {one_line(event.note, 80)}"
                                                     if event.note else ""), style="bold"))
            # wrapped as the pickers wrap a claim: each line reordered after, so an Arabic
            # or Hebrew claim starts at the right of its first line, not on its second
            lines += [Padding(item_label(Item("", lang, (one_line(text, 100),)), self.bidi),
                              (0, 0, 0, 2)) for lang, text in claims]
        title = plural(len(orphans), "orphaned verdict or note", "orphaned verdicts and notes")
        self.app.push_screen(ReadOnly(f"{title} (kept in the log)", lines))

    def action_context(self) -> None:
        self.show_context = not self.show_context

    def watch_show_context(self) -> None:
        if self.is_mounted:
            self._show_detail(self.view.id if self.view else None)

    def action_toggle_bidi(self) -> None:
        self.bidi = not self.bidi
        self.notify("Right-to-left display: " + ("reordered" if self.bidi else "as stored"))

    def watch_bidi(self, value: bool) -> None:
        if self.is_mounted:
            self.query_one(MatchList).bidi = value
            self.query_one(MatchDetail).bidi = value
            self.status.bidi = value

    def action_export(self, fmt: str = "jsonl") -> None:
        """Ask where to write the story in `fmt` (the same code as `crossfact export`),
        offering a file in the working directory; an existing file is only replaced when
        the reviewer says so."""
        if self.story is None:
            return
        from crossfact.store.exports import ending_problem, not_among_versions

        here = Path.cwd().resolve()
        suffix = {"claimreview": "claimreview.json"}.get(fmt, fmt)
        name = "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in self.story_name)
        offered = here / f"{name or 'story'}.{suffix}"
        try:  # a report.md beside the versions would be read as one more version next time:
            # known as the export knows them, by their text (the paths stored are as typed,
            # from wherever the folder was first opened), so the name offered is one it takes
            not_among_versions(cast("Store", self.store), offered, offered)
        except StoreError:
            offered = offered.with_suffix(".markdown")

        def chosen(answer: str | None) -> None:
            if not answer or not answer.strip():
                return
            if answer.strip() == "-":  # `crossfact export -o -`'s stdout: the app has none
                self.export_failed(STDOUT_IN_THE_APP)
                return
            target = Path(answer.strip()).expanduser()
            if target.is_dir():
                target = target / offered.name
            # the file written, not what was typed: a folder named "notes.md" gets the
            # offered name inside it
            mismatch = ending_problem(fmt, target)
            if mismatch:  # a .md file holding CSV is opened as Markdown
                self.export_failed(mismatch)
                return

            try:  # the open database, a device, a folder, a story's versions' folder (for
                # .md/.txt): refused before asking anything
                real = output_path(target, self.store.path, stdout_hint=False)
                not_among_versions(cast("Store", self.store), real, target)
            except StoreError as error:
                self.export_failed(str(error))
                return
            if not real.exists():  # a file appearing meanwhile is refused, never replaced
                self.export_to(fmt, target, overwrite=False)
                return

            def confirmed(reply: str | None) -> None:
                if reply is not None and reply.strip().lower() in {"y", "yes"}:
                    self.export_to(fmt, target, overwrite=True)
                else:
                    self.notify("Not exported: the file is left as it was.", markup=False)

            self.app.push_screen(TextPrompt(replace_question(target, real), "", hint=KEEP_HINT),
                                 confirmed)

        from crossfact.tui.commands import EXPORTS  # the palette's names of the formats

        self.app.push_screen(TextPrompt(f"Export as {EXPORTS[fmt]}, to:", str(offered)), chosen)

    def export_to(self, fmt: str, target: Path, overwrite: bool = True) -> Path | None:
        """Write the story in `fmt` to `target` (replacing a file only with `overwrite`: the
        reviewer said yes to it); the path is shown, and returned for tests."""
        from crossfact.store.exports import write_export

        try:
            write_export(cast("Store", self.store), fmt, self.story, target, overwrite=overwrite)
        except (OSError, StoreError) as error:
            self.export_failed(str(error))
            return None
        self.notify(f"Exported to {terminal.message(target)}", title="Export", markup=False)
        return target

    def export_failed(self, text: str) -> None:
        """An export refused or failed: a toast of its own (decisions are not concerned, so
        not the status line's "Not saved")."""
        self.notify(terminal.message(text), title="Not exported", severity="error", timeout=8,
                    markup=False)
