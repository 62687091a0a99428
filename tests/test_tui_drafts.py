"""Note drafts on disk (tui/drafts.py): a damaged file, and several apps on one database."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from crossfact.tui import drafts as drafts_module
from crossfact.tui.drafts import Draft, NoteDrafts, drafts_path


def draft(text: str, number: str = "1") -> Draft:
    return Draft(story="s", story_name="story", number=number, text=text, base="")


def entry(text: str) -> dict[str, str]:
    return draft(text).model_dump()


def on_disk(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def key(match: str) -> tuple[str, str]:
    return ("s", match)


@pytest.fixture
def path(tmp_path: Path) -> Path:
    found = drafts_path(tmp_path / "t1.db")
    assert found is not None
    return found


BOB = {"bob": {"s": {"m9": entry("bob's")}}}


@pytest.mark.parametrize("ann", [
    [],  # a reviewer's drafts that are no table
    "x",
    {"s": []},  # a story's drafts that are no table
    {"s": {"m1": {**entry("t"), "number": 1}}},  # a number of 1 failed at quit
    {"s": {"m1": {**entry("t"), "text": None}}},  # a text of null failed on n
    {"s": {"m1": {"story": "s"}}},
    {"s": {"m1": "t"}},
    {"t": {"m1": entry("t")}},  # filed under another story than its own
    {"m1": entry("t")},  # as the first release wrote it (never released): by match alone
])
def test_a_malformed_entry_is_dropped_and_the_file_set_aside(path: Path, ann: object) -> None:
    """`{"ann": []}` stopped the review from opening (AttributeError), and a draft of the
    wrong types opened and failed later. What is malformed is dropped; the file as it was
    is kept aside, and the other reviewers' drafts stay."""
    raw = json.dumps({"ann": ann, **BOB}).encode()
    path.write_bytes(raw)
    drafts = NoteDrafts(path, "ann")
    assert drafts.all() == {}
    assert drafts.set_aside is not None and drafts.set_aside.read_bytes() == raw
    assert drafts.set_aside.parent == path.parent
    assert on_disk(path) == BOB
    assert NoteDrafts(path, "bob").all() == {key("m9"): draft("bob's")}
    assert NoteDrafts(path, "ann").set_aside is None  # said once: the file is clean now


@pytest.mark.parametrize("raw", [b"{", b"[]", b'"x"', b"\xff\xfe{}", b"[" * 100_000, b"\0" * 9],
                         ids=["cut", "list", "string", "not utf-8", "deep", "zeros"])
def test_an_unreadable_file_is_set_aside_never_erased(path: Path, raw: bytes) -> None:
    """A file that is no drafts table at all: the review opens, and the first draft typed
    does not write over it (it may hold every reviewer's drafts, for a person to rescue)."""
    path.write_bytes(raw)
    drafts = NoteDrafts(path, "ann")
    assert drafts.set_aside is not None and drafts.set_aside.read_bytes() == raw
    drafts.keep(key("m1"), draft("new"))
    assert on_disk(path) == {"ann": {"s": {"m1": entry("new")}}}


def test_an_empty_file_is_no_damage(path: Path) -> None:
    path.write_bytes(b" \n")
    drafts = NoteDrafts(path, "ann")
    assert drafts.set_aside is None and drafts.all() == {}


def test_a_file_damaged_while_the_app_runs_is_set_aside_before_the_next_write(
        path: Path) -> None:
    drafts = NoteDrafts(path, "ann")
    drafts.keep(key("m1"), draft("one"))
    path.write_bytes(b'{"bob": {"s": ')  # another program, cut short
    drafts.keep(key("m2"), draft("two"))
    assert drafts.set_aside is not None and drafts.set_aside.read_bytes() == b'{"bob": {"s": '
    assert on_disk(path) == {"ann": {"s": {"m2": entry("two")}}}


def test_two_apps_under_one_name_keep_each_others_drafts(path: Path) -> None:
    """Each write replaced the reviewer's whole table with the app's own: the second app's
    draft on m2 erased the first app's on m1."""
    a, b = NoteDrafts(path, "ann"), NoteDrafts(path, "ann")
    a.keep(key("m1"), draft("a's"))
    b.keep(key("m2"), draft("b's"))
    assert on_disk(path) == {"ann": {"s": {"m1": entry("a's"), "m2": entry("b's")}}}
    NoteDrafts(path, "bob").keep(key("m1"), draft("bob's"))
    a.drop(key("m1"))
    assert on_disk(path) == {"ann": {"s": {"m2": entry("b's")}},
                             "bob": {"s": {"m1": entry("bob's")}}}


def test_a_draft_saved_in_another_app_is_not_written_back_nor_offered(path: Path) -> None:
    """B loaded A's draft on m1 at start; A saved the note and dropped the draft; B wrote
    its stale copy back at its next write, and offered it on n over the saved note."""
    a = NoteDrafts(path, "ann")
    a.keep(key("m1"), draft("half"))
    b = NoteDrafts(path, "ann")
    assert b.get(key("m1")) == draft("half")
    a.drop(key("m1"))  # A saved the note
    b.keep(key("m2"), draft("other"))
    assert on_disk(path) == {"ann": {"s": {"m2": entry("other")}}}
    assert b.get(key("m1")) is None and set(b.all()) == {key("m2")}


def test_refresh_takes_a_draft_saved_in_another_app_and_reads_only_a_changed_file(
        path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """B's list marked A's draft `!` after A saved it, until n in B (`holds` reads no file):
    `refresh`, on B's idle timer, takes it, and reads the file only when it changed."""
    a = NoteDrafts(path, "ann")
    a.keep(key("m1"), draft("half"))
    b = NoteDrafts(path, "ann")
    changes: list[bool] = []
    b.on_change = lambda: changes.append(True)
    reads: list[bool] = []
    read = b._read
    monkeypatch.setattr(b, "_read", lambda: (reads.append(True), read())[1])
    b.refresh()
    assert reads == [] and b.holds(key("m1"))  # unchanged since B read it: no read
    a.drop(key("m1"))  # A saved the note
    assert b.holds(key("m1"))
    b.refresh()
    assert reads == [True] and changes == [True] and not b.holds(key("m1"))
    b.refresh()
    assert reads == [True]  # nothing held: nothing to read for


def test_dropping_leaves_newer_typing_of_another_app(path: Path) -> None:
    """Quitting drops the drafts the app warned of; one another app under the name typed on
    since is that app's newer typing, and stays."""
    a = NoteDrafts(path, "ann")
    a.keep(key("m1"), draft("half"))
    b = NoteDrafts(path, "ann")
    b.keep(key("m1"), draft("half, and more"))
    a.drop(key("m1"))
    assert on_disk(path) == {"ann": {"s": {"m1": entry("half, and more")}}}


def test_typing_that_could_not_be_written_is_not_taken_back(
        path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A draft whose last change failed to be written (a full disk) stays as typed, not as
    the file still has it."""
    drafts = NoteDrafts(path, "ann")
    drafts.keep(key("m1"), draft("on disk"))

    def full(*_: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(drafts_module.os, "replace", full)
    drafts.keep(key("m1"), draft("typed on"))
    assert drafts.failed is not None and "No space left" in drafts.failed
    assert drafts.get(key("m1")) == draft("typed on")
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no temporary left
    monkeypatch.undo()
    drafts.drop(key("m1"))  # saved after all: the older copy on disk goes too
    assert not path.exists()



def test_one_match_id_in_two_stories_holds_two_drafts(path: Path) -> None:
    """Stories that share versions share match ids (a 4- and a 5-version story of the seed
    share 42 of 48): keyed by match alone, a draft typed in one story was the other's too,
    and saving it there dropped it from the first."""
    drafts = NoteDrafts(path, "ann")
    other = Draft(story="t", story_name="copy", number="1", text="t's", base="")
    drafts.keep(key("m1"), draft("s's"))
    drafts.keep(("t", "m1"), other)
    drafts.drop(("t", "m1"))  # saved in t
    assert NoteDrafts(path, "ann").all() == {key("m1"): draft("s's")}
    assert on_disk(path) == {"ann": {"s": {"m1": entry("s's")}}}


def test_the_same_text_kept_again_is_written_back_if_another_app_dropped_it(
        path: Path) -> None:
    """B loaded A's draft and quit without it (after warning of it); A's Escape on the
    same text wrote nothing (its own copy was unchanged), A's q then found the draft gone
    and quit without a word: the typing was lost."""
    a = NoteDrafts(path, "ann")
    a.keep(key("m5"), draft("half a thought", "5"))
    b = NoteDrafts(path, "ann")
    b.drop(*b.all())
    a.keep(key("m5"), draft("half a thought", "5"))  # A: Escape on the same text
    assert on_disk(path) == {"ann": {"s": {"m5": draft("half a thought", "5").model_dump()}}}
    assert a.all() == {key("m5"): draft("half a thought", "5")}


def test_keeping_what_the_file_has_does_not_write(path: Path) -> None:
    drafts = NoteDrafts(path, "ann")
    drafts.keep(key("m1"), draft("t"))
    before = path.stat().st_ino
    drafts.keep(key("m1"), draft("t"))
    assert path.stat().st_ino == before  # not replaced


def test_a_draft_moved_to_another_match_is_moved_in_one_write(path: Path) -> None:
    """A draft whose match is gone goes where its claims are: the old entry goes in the
    same write, unless another app typed on it since (then both stay)."""
    drafts = NoteDrafts(path, "ann")
    drafts.keep(key("m1"), draft("half"))
    drafts.move(key("m1"), key("m3"), draft("half", "3"))
    assert on_disk(path) == {"ann": {"s": {"m3": entry("half") | {"number": "3"}}}}
    other = NoteDrafts(path, "ann")
    drafts.keep(key("m4"), draft("four"))
    NoteDrafts(path, "ann").keep(key("m4"), draft("four, more"))
    drafts.move(key("m4"), key("m5"), draft("four", "5"))
    assert set(on_disk(path)["ann"]["s"]) == {"m3", "m4", "m5"}
    assert other.get(key("m3")) == draft("half", "3")

WRITER = """
import sys
from crossfact.tui.drafts import Draft, NoteDrafts
drafts = NoteDrafts(__import__("pathlib").Path(sys.argv[1]), sys.argv[2])
for n in range(150):
    drafts.keep(("s", "m"), Draft(story="s", story_name="s", number="1", text="x" * (n % 40)))
    assert drafts.failed is None, drafts.failed
"""


def test_apps_writing_at_once_never_leave_an_unreadable_file(path: Path) -> None:
    """Every app wrote `<file>.tmp`: two writing at once wrote into one file, one renamed
    the other's half-written text into place, or failed to find it."""
    writers = [subprocess.Popen([sys.executable, "-c", WRITER, str(path), name],
                                stderr=subprocess.PIPE, text=True) for name in ("ann", "bob")]
    while any(w.poll() is None for w in writers):
        if path.exists():
            json.loads(path.read_bytes())
    assert [w.wait() for w in writers] == [0, 0], [w.stderr.read() for w in writers if w.stderr]
    assert set(on_disk(path)) <= {"ann", "bob"}
    assert [p.name for p in path.parent.iterdir()] == [path.name]


def test_a_database_that_is_no_file_keeps_drafts_in_memory() -> None:
    assert drafts_path(":memory:") is None
    drafts = NoteDrafts(None, "ann")
    drafts.keep(key("m1"), draft("t"))
    assert drafts.get(key("m1")) == draft("t") and drafts.failed is None
