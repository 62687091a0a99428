"""The review app: opens (or matches, then stores) a story and hands it to the review screen.

Threading (see screens/review.py): the Store lives on the main thread and every store call
is made there; only `crossfact.pipeline.run`, which never touches the database, runs in a
thread worker and reports back with `post_message` (and the screen's WAL checkpoint, which
opens a connection of its own in its worker).
"""

from __future__ import annotations

import itertools
import os
import sys
import threading
import uuid
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, ClassVar, TypeVar

from textual import events, work
from textual.app import App
from textual.theme import Theme
from textual.worker import Worker, WorkerState, get_current_worker

from crossfact.errors import CrossfactError, InputError
from crossfact.models import Document, MatchResult
from crossfact.reading import read_text
from crossfact.settings import load_settings, save_setting
from crossfact.store import StoreError
from crossfact.terminal import message as safe_text
from crossfact.tui.cell_width import match_terminal_widths
from crossfact.tui.commands import ReviewCommands
from crossfact.tui.heap import thaw
from crossfact.tui.messages import MatchingFinished, MatchingProgress
from crossfact.tui.screens.help import HelpScreen
from crossfact.tui.screens.review import ReviewScreen
from crossfact.tui.store_api import ReviewStore


def other_names(name: str, paths: Sequence[Path]) -> Iterator[str]:
    """Names for a story whose name is taken by another story: the folder with its parent
    ("caseB/versions"), then numbered ("caseB/versions 2", ...)."""
    folder = Path(os.path.commonpath([p.resolve().parent for p in paths])) if paths else None
    qualified = f"{folder.parent.name}/{folder.name}" if folder and folder.parent.name else name
    if qualified != name:
        yield qualified
    for number in itertools.count(2):
        yield f"{qualified} {number}"


def shares_files(documents: Sequence[Document], paths: Sequence[Path]) -> bool:
    """Whether any stored version is one of these files (by where it is, not what it says)."""
    return bool({Path(d.path).resolve() for d in documents} & {p.resolve() for p in paths})


NO_TERMINAL = ("crossfact review needs a terminal: it reads keys from standard input and "
               "draws on standard error, and one of them is a file or a pipe (to apply "
               "recorded decisions without one: crossfact replay)")


def in_a_terminal() -> bool:
    """Whether Textual can read keys and draw: its driver reads stdin and writes stderr."""
    return all(stream is not None and stream.isatty()
               for stream in (sys.__stdin__, sys.__stderr__))


T = TypeVar("T")


class MatchingCancelled(Exception):
    """Raised in the matching thread once the app has cancelled it (the reviewer quit), so
    the process exits at once instead of waiting for the matcher to finish."""


CANCEL_POLL_S = 0.1  # how often a waiting worker looks whether the reviewer quit: unnoticed


def off_the_worker(call: Callable[[], T], cancelled: Callable[[], bool]) -> T:
    """`call()` run in a daemon thread while the worker's own thread waits for it, giving up
    (MatchingCancelled) as soon as `cancelled()`. The matcher checks for cancellation only
    between its progress steps, and one step can take minutes (a 1.4 MB one-line version);
    the worker runs in asyncio's default executor, which the app's exit waits for: q left a
    blank terminal and a process that ran on until that step ended. A daemon thread does
    not hold the exit; what it was computing is thrown away (nothing is stored until the
    result is back)."""
    outcome: dict[str, Any] = {}

    def run() -> None:
        try:
            outcome["result"] = call()
        except BaseException as error:  # noqa: BLE001 (handed to the worker, raised there)
            outcome["error"] = error

    thread = threading.Thread(target=run, name="crossfact-matching", daemon=True)
    thread.start()
    while thread.is_alive():
        if cancelled():
            raise MatchingCancelled("quit while matching")
        thread.join(CANCEL_POLL_S)
    if "error" in outcome:
        raise outcome["error"]
    return outcome["result"]


def same_files(documents: Sequence[Document], paths: Sequence[Path]) -> bool:
    """Whether the stored versions are exactly these files, unchanged (then no re-match).
    Each file is read as a version is (`read_text`), not decoded with its stored encoding:
    a page's, Word document's or PDF's is its format ("docx"), and its version the text
    extracted from it, so a story with one was matched again on every reopen."""
    stored = {Path(d.path).resolve(): d for d in documents}
    if set(stored) != {p.resolve() for p in paths}:
        return False
    for path, doc in stored.items():
        try:
            if read_text(path)[0] != doc.text:
                return False
        except (OSError, InputError):
            return False
    return True


class ReviewApp(App[None]):
    CSS_PATH = Path(__file__).with_name("app.tcss")  # absolute: subclasses live elsewhere
    TITLE = "crossfact review"
    COMMANDS: ClassVar = App.COMMANDS | {ReviewCommands}

    def __init__(
        self,
        store: ReviewStore,
        *,
        reviewer: str,
        story: str,
        paths: Sequence[Path] = (),
        langs: dict[str, str] | None = None,
        segmented: bool = False,
        urls: dict[str, str] | None = None,
        session: str | None = None,
        keymap: dict[str, str] | None = None,
        bidi: bool | None = None,
        theme: str | None = None,
        remember_theme: bool = False,
    ) -> None:
        """`bidi` None: the setting (crossfact.settings). `theme`: the one to start in;
        `remember_theme`: a theme chosen in the palette is saved in the config file (the
        command does; tests do not write into the user's config)."""
        match_terminal_widths()  # before anything is measured: Bengali must keep borders straight
        super().__init__()
        self.store = store
        self.reviewer = reviewer
        self.story_name = story
        self.paths = [Path(p) for p in paths]
        self.langs = langs or None
        self.segmented = segmented
        self.urls = urls or {}  # published URL by file path (story.toml), kept per document
        self.keymap = keymap or {}
        self.failure: str | None = None  # why matching failed with no story to show (exit 1)
        self.review = ReviewScreen(
            store, reviewer=reviewer, session=session or uuid.uuid4().hex,
            bidi=load_settings().bidi if bidi is None else bidi,
        )
        self.start_theme, self.remember_theme = theme, remember_theme

    def run(self, *args: Any, **kwargs: Any) -> None:
        """Run in the terminal; refused without one (`crossfact review 2> log` drew the
        screen into the file and waited for keys that could not come)."""
        if not kwargs.get("headless") and not in_a_terminal():
            raise CrossfactError(NO_TERMINAL)
        return super().run(*args, **kwargs)

    def on_mount(self) -> None:
        if self.keymap:
            self.set_keymap(self.keymap)
        if self.start_theme:
            if self.start_theme in self.available_themes:
                self.theme = self.start_theme
            else:
                self.notify(f"No theme {self.start_theme!r}; ctrl+p, 'theme' lists them.",
                            severity="warning", markup=False)
        if self.remember_theme:
            self.theme_changed_signal.subscribe(self, self._save_theme)
        self.push_screen(self.review)
        self.call_after_refresh(self.start)

    def _save_theme(self, theme: Theme) -> None:
        """The theme chosen in the palette is the one the next session starts in."""
        if theme.name == self.start_theme:
            return
        try:
            save_setting("theme", theme.name)
            self.start_theme = theme.name
        except CrossfactError as error:
            self.notify(safe_text(str(error)), severity="warning", markup=False)

    def on_unmount(self) -> None:
        thaw()

    async def on_event(self, event: events.Event) -> None:
        """Every key and mouse event is the reviewer at work: the screen's pause-time jobs
        (checkpoint, heap) wait for a pause in any of them, not only in saves and moves."""
        if isinstance(event, events.Key | events.MouseEvent):
            self.review.active()
        await super().on_event(event)

    def start(self) -> None:
        """Open the story at once if stored with the same files; otherwise match it (showing
        the stored story meanwhile if it is of these files)."""
        from crossfact.store.words import renumbering_notice

        if notice := renumbering_notice(self.store.renumbered):  # told once: at the upgrade
            self.notify(safe_text(notice), title="Match numbers changed", severity="warning",
                        timeout=30, markup=False)
        try:
            story, unchanged = self._stored_story()
        except StoreError as error:
            self.notify(safe_text(str(error)), title="Store", severity="error", timeout=10,
                        markup=False)
            return
        if story is not None:
            self.review.open_story(story)
        if not unchanged and self.paths:
            self.review.show_matching("starting", 0, 1)
            self.run_matching()
        elif story is None:
            self.review.matching_done(f"no story named {self.story_name!r}; give its files")

    def _stored_story(self) -> tuple[str | None, bool]:
        """(the stored story of these files or name, whether its files are unchanged).

        A story stored under another name because its folder's name was taken
        (`other_names`) is found again here, so reopening it does not match it again."""
        story = self.store.story_id(self.story_name)
        if not self.paths:
            return story, story is not None
        for name in itertools.chain([self.story_name], other_names(self.story_name, self.paths)):
            found = self.store.story_id(name)
            if found is None:
                break
            documents = self.store.documents(found)
            if same_files(documents, self.paths) and self._read_alike(found, documents):
                self.story_name = name
                return found, True
            if name == self.story_name and not shares_files(documents, self.paths):
                story = None  # another folder's story of the same name: not shown meanwhile
        return story, False

    def _read_alike(self, story: str, documents: Sequence[Document]) -> bool:
        """Whether the stored run read the files as this app is asked to: split the same way
        (`--segmented`) and with each language given (`--lang`, a story file) as stored.
        Otherwise they are matched again and the verdicts follow their claims: reopening
        with another --lang, without one given before, or with --segmented opened the stored
        reading, the options unsaid."""
        from crossfact.language import validate_language  # babel: not on the way to the screen

        params = self.store.run_params(story)
        if bool(params.get("segmented")) != self.segmented:
            return False
        stored = {Path(d.path).resolve(): d.lang for d in documents}
        given_now = {Path(path).resolve() for path in self.langs or {}}
        if any(Path(path).resolve() in stored and Path(path).resolve() not in given_now
               for path in params.get("langs") or {}):
            return False  # a --lang given then, dropped now: the language is detected again
        for path, code in (self.langs or {}).items():
            lang = stored.get(Path(path).resolve())
            try:
                if lang is not None and lang != validate_language(code):
                    return False
            except InputError:
                return False  # matching says what is wrong with it
        return True

    @work(thread=True, exclusive=True, exit_on_error=False, group="matching")
    def run_matching(self) -> MatchResult:
        """Match the files off the main thread; the screen stays usable meanwhile."""
        from crossfact import pipeline

        worker = get_current_worker()

        def progress(stage: str, done: int, total: int) -> None:
            if worker.is_cancelled:  # the reviewer quit: stop at the next step, not the end
                raise MatchingCancelled(stage)
            self.post_message(MatchingProgress(stage, done, total))

        result = off_the_worker(
            lambda: pipeline.run(self.paths, langs=self.langs, segmented=self.segmented,
                                 progress=progress),
            cancelled=lambda: worker.is_cancelled)
        params = {"langs": self.langs or {}, "segmented": self.segmented}
        self.post_message(MatchingFinished(result, params))
        return result

    def on_matching_progress(self, message: MatchingProgress) -> None:
        self.review.show_matching(message.stage, message.done, message.total)

    def on_matching_finished(self, message: MatchingFinished) -> None:
        try:
            name = self._name_for(message.result)
            stored = self.store.story_id(name)
            read_before = {(d.encoding, d.text) for d in self.store.documents(stored)} \
                if stored is not None else set()
            story = self.store.add_story(name, message.result, message.params, urls=self.urls)
        except StoreError as error:
            self.notify(safe_text(str(error)), title="Store", severity="error", timeout=10,
                        markup=False)
            self.review.matching_done(safe_text(str(error)))
            return
        self.review.matching_done()
        self.review.open_story(story)
        self._say_guessed_encodings(message.result, read_before)
        if self.store.last_carry is not None:
            self.review.show_carry(self.store.last_carry)

    def _say_guessed_encodings(self, result: MatchResult,
                               read_before: set[tuple[str, str]]) -> None:
        """Name the versions whose encoding was a guess: a wrong one (Greek ISO-8859-7 read
        as Windows-1251) shows garbled claims that look like text. Once, when a version is
        first read so (not in `read_before`, the stored run's (encoding, text)): it showed
        again whenever another version's change re-matched the story, a nag, not news;
        `crossfact stats` keeps naming them."""
        from crossfact.reading import GUESS_ADVICE, guessed_encoding

        guessed = [f"{Path(d.path).name} as {name}" for d in result.documents
                   if (name := guessed_encoding(d.encoding))
                   and (d.encoding, d.text) not in read_before]
        if guessed:
            self.notify(safe_text(f"Read {', '.join(guessed)}, {GUESS_ADVICE}."),
                        title="Encoding guessed", severity="warning", timeout=20,
                        markup=False)

    def _name_for(self, result: MatchResult) -> str:
        """The story's name, or a free one if a story of other versions has it: two sets of
        files never merge silently (the reviewer is told where these went)."""
        others = self.store.other_versions(self.story_name, result)
        if not others:
            return self.story_name
        name = next(n for n in other_names(self.story_name, self.paths)
                    if not self.store.other_versions(n, result))
        shown = safe_text(", ".join(others[:3]) + (", …" if len(others) > 3 else ""))
        self.notify(safe_text(f"The story {self.story_name!r} in this database has other "
                              f"versions ({shown}); these files are stored as the story "
                              f"{name!r}."),
                    title="Another story", severity="warning", timeout=20, markup=False)
        self.story_name = name
        return name

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """The one place worker failures reach the reviewer (one line, no traceback)."""
        if isinstance(event.worker.error, MatchingCancelled):
            return
        if event.state == WorkerState.ERROR and event.worker.error is not None:
            message = safe_text(str(event.worker.error) or type(event.worker.error).__name__)
            if self.review.story is None:  # nothing to review: leave as `match` would
                self.failure = message
                self.exit(return_code=1)
                return
            self.notify(message, title="Matching failed", severity="error", timeout=10,
                        markup=False)
            self.review.matching_done(message)

    async def action_quit(self) -> None:
        """Leave: every decision was saved the moment it was made; a note typed but not
        saved is named first (`ReviewScreen.may_quit`), and the next q leaves."""
        self.action_help_quit()

    def action_help_quit(self) -> None:
        """ctrl+c leaves, as q does (Textual's own ctrl+c only asks "Do you want to quit?
        Press q"): it is what a terminal's user presses to leave. Selected text is still
        copied: the screen's and the note editor's ctrl+c (copy) come first."""
        if self.review.may_quit():
            self.exit()

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())
