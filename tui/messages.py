"""App-wide messages: from the matching worker thread (sent with the thread-safe
`post_message`) and from the review screen once a command is saved (tests listen for it)."""

from __future__ import annotations

from typing import Any

from textual.message import Message

from crossfact.models import Event, MatchResult


class MatchingProgress(Message):
    """The pipeline reached `done` of `total` in `stage`."""

    def __init__(self, stage: str, done: int, total: int) -> None:
        super().__init__()
        self.stage, self.done, self.total = stage, done, total


class MatchingFinished(Message):
    """The pipeline produced its result; the app stores it on the main thread."""

    def __init__(self, result: MatchResult, params: dict[str, Any]) -> None:
        super().__init__()
        self.result, self.params = result, params


class Saved(Message):
    """A reviewer's command is committed to the store (its event is returned)."""

    def __init__(self, event: Event) -> None:
        super().__init__()
        self.event = event


class StoreFailed(Message):
    """A store command raised; the reviewer has been told."""

    def __init__(self, error: str) -> None:
        super().__init__()
        self.error = error
