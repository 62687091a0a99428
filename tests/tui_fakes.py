"""Test support for the TUI: an in-memory store with the real store's API and view models
(for content the real pipeline never produces: hostile text, failures on demand, thousands of
matches without a database), synthetic stories, and the screen as text."""

from __future__ import annotations

import io
import itertools
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.console import Console

from crossfact.models import (
    Claim,
    Document,
    Event,
    Fingerprint,
    Match,
    MatchResult,
    Name,
    Quantity,
    Suggestion,
)
from crossfact.store import MatchRow, MatchView, Member, StoreError, StoryInfo

if TYPE_CHECKING:
    from crossfact.store import Store
    from crossfact.tui.store_api import ReviewStore


class FakeStore:
    """Follows the agreed signatures; state is derived from the event list like the real one."""

    def __init__(self) -> None:
        self.path = ":memory:"
        self._ids = itertools.count(1)
        self._stories: dict[str, str] = {}
        self._docs: dict[str, list[Document]] = {}
        self._claims: dict[str, Claim] = {}
        self._matches: dict[str, list[Match]] = {}
        self._events: list[Event] = []
        self.closed = False
        self.fail_next: str | None = None  # make the next command raise StoreError

    def checkpoint(self) -> tuple[int, int, int]:
        return 0, 0, 0

    def defer_checkpoints(self, pages: int = 0) -> None:
        self.deferred = pages

    # -- stories ---------------------------------------------------------------------------
    def add_story(self, name: str, result: MatchResult, params: dict, *,
                  version: str | None = None, urls: dict[str, str] | None = None) -> str:
        if name in self._stories:
            return self._stories[name]
        sid = f"story-{len(self._stories) + 1}"
        self._stories[name] = sid
        self._docs[sid] = list(result.documents)
        self._claims.update({c.id: c for c in result.claims})
        self._matches[sid] = list(result.matches)
        return sid

    last_carry = None  # a fake story is never re-matched
    renumbered: list[tuple[str, str, str]] = []  # nor a fake database upgraded

    def other_versions(self, name: str, result: MatchResult) -> list[str]:
        return []

    def story_id(self, name: str) -> str | None:
        return self._stories.get(name)

    def stories(self) -> list[StoryInfo]:
        return [
            StoryInfo(id=sid, name=n, created="2026-01-01T00:00:00Z",
                      documents=len(self._docs[sid]), matches=len(self._matches[sid]))
            for n, sid in self._stories.items()
        ]

    def documents(self, story: str) -> list[Document]:
        return list(self._docs[story])

    def run_params(self, story: str) -> dict:
        return {}  # a fake story was read the default way

    # -- derived state ---------------------------------------------------------------------
    def _live(self, story: str) -> list[Event]:
        undone = {e.supersedes for e in self._events if e.kind == "undo"}
        return [e for e in self._events if e.story == story and e.kind != "undo"
                and e.id not in undone]

    def _members(self, story: str) -> dict[str, list[str]]:
        """A correction takes the claim out of the match it names (of all, if it names none);
        a claim in no match then stands alone."""
        members = {m.id: list(m.claims) for m in self._matches[story]}
        for e in self._live(story):
            if e.kind in ("move", "split", "break") and e.claim is not None:
                for match, claims in members.items():
                    if e.claim in claims and e.match in (None, match):
                        claims.remove(e.claim)
                if e.kind == "move" and e.target:
                    members.setdefault(e.target, []).append(e.claim)
                elif not any(e.claim in claims for claims in members.values()):
                    members.setdefault(f"split-{e.claim}", []).append(e.claim)
        return members

    def _verdict(self, story: str, match_id: str, reviewer: str) -> Event | None:
        found = None
        for e in self._live(story):
            if e.kind == "verdict" and e.match == match_id and e.reviewer == reviewer:
                found = e
        return found

    def _rows(self, story: str, reviewer: str) -> list[tuple[int, Match, list[str]]]:
        members = self._members(story)
        base = {m.id: m for m in self._matches[story]}
        rows = []
        for pos, m in enumerate(self._matches[story], 1):
            rows.append((pos, m, members.get(m.id, [])))
        for mid, claims in members.items():  # split claims: new matches at the end
            if mid not in base and claims:
                rows.append((len(rows) + 1, Match(id=mid, claims=claims, score=0.0,
                                                  suggestion="unsourced"), claims))
        return [r for r in rows if r[2]]

    def _lang(self, story: str, claim: Claim) -> Document:
        return next(d for d in self._docs[story] if d.id == claim.doc)

    def _note(self, story: str, match_id: str, reviewer: str) -> str | None:
        note = None
        for e in self._live(story):
            if e.match == match_id and e.reviewer == reviewer and e.note is not None:
                note = e.note  # a note event, or a verdict saved with one
        return note

    def _row(self, story: str, reviewer: str, pos: int, m: Match, claims: list[str]) -> MatchRow:
        v = self._verdict(story, m.id, reviewer)
        first = self._claims[claims[0]]
        skipped = v is None and any(e.kind == "skip" and e.match == m.id
                                    and e.reviewer == reviewer for e in self._live(story))
        return MatchRow(id=m.id, position=pos, suggestion=m.suggestion, score=m.score,
                        langs=[self._lang(story, self._claims[c]).lang for c in claims],
                        verdict=v.verdict if v else None, gist=first.text[:120],
                        noted=bool((self._note(story, m.id, reviewer) or "").strip()),
                        skipped=skipped)

    def _filtered(self, story: str, reviewer: str, filter: str, search: str | None) -> list:
        out = []
        for pos, m, claims in self._rows(story, reviewer):
            v = self._verdict(story, m.id, reviewer)
            keep = {
                "all": True, "todo": v is None, "decided": v is not None,
                "conflicts": m.suggestion == "conflict",
                "unsourced": m.suggestion == "unsourced",
                "carried": False, "second_look": False,  # nothing is ever re-matched here
            }[filter]
            if search and not any(search.casefold() in self._claims[c].text.casefold()
                                  for c in claims):
                keep = False
            if keep:
                out.append((pos, m, claims))
        return out

    # -- queries ---------------------------------------------------------------------------
    def matches(self, story: str, *, reviewer: str, filter: str = "all",
                search: str | None = None, offset: int = 0, limit: int = 200) -> list[MatchRow]:
        rows = self._filtered(story, reviewer, filter, search)[offset: offset + limit]
        return [self._row(story, reviewer, *r) for r in rows]

    def count(self, story: str, *, reviewer: str, filter: str = "all",
              search: str | None = None) -> int:
        return len(self._filtered(story, reviewer, filter, search))

    def match(self, match_id: str, *, reviewer: str) -> MatchView:
        for story in self._matches:
            for pos, m, claims in self._rows(story, reviewer):
                if m.id != match_id:
                    continue
                v = self._verdict(story, m.id, reviewer)
                note = self._note(story, m.id, reviewer)
                members = []
                rows = self._rows(story, reviewer)
                for cid in claims:
                    c = self._claims[cid]
                    d = self._lang(story, c)
                    also = [str(p) for p, other, its in rows if other.id != m.id and cid in its]
                    members.append(Member(claim=c, lang=d.lang, doc_title=d.title,
                                          doc_path=d.path, suggested=cid in m.suggested,
                                          also_in=also))
                return MatchView(id=m.id, story=story, position=pos, score=m.score,
                                 suggestion=m.suggestion, reasons=m.reasons,
                                 suggested_outliers=m.outliers, members=members,
                                 verdict=v.verdict if v else None,
                                 outliers=v.outliers if v else [], note=note,
                                 corrected=claims != m.claims)
        raise StoreError(f"no match {match_id}")

    def event(self, event_id: str) -> Event | None:
        return next((e for e in self._events if e.id == event_id), None)

    def orphans(self, story: str, *, reviewer: str | None = None) -> list[Event]:
        return []  # a fake story is never re-matched, so nothing is left behind

    def orphan_claims(self, event: Event) -> list[tuple[str, str]]:
        return []

    def dissolved(self, story: str, number: str) -> list[str] | None:
        return None  # the fake keeps no run's matches to find a gone one in

    def placed(self, story: str, match_id: str, claims: list[str]) -> tuple[str, str] | None:
        rows = [self._row(story, "", pos, m, its) for pos, m, its in self._rows(story, "")]
        held = [(-len(set(claims) & set(its)), row.position, row.id, row.number)
                for row, (_, _, its) in zip(rows, self._rows(story, ""), strict=True)]
        found = [h for h in held if h[2] == match_id] or sorted(h for h in held if h[0] < 0)
        return (found[0][2], found[0][3]) if found else None

    def decided_by(self, story: str) -> dict[str, int]:
        counts: dict[str, int] = {}
        for event in self._live(story):
            if event.kind == "verdict":
                counts[event.reviewer] = counts.get(event.reviewer, 0) + 1
        return counts

    def progress(self, story: str, *, reviewer: str) -> tuple[int, int]:
        return (self.count(story, reviewer=reviewer, filter="decided"),
                self.count(story, reviewer=reviewer))

    def resume(self, story: str, *, reviewer: str) -> str | None:
        rows = self._filtered(story, reviewer, "todo", None)
        return rows[0][1].id if rows else None

    def next_todo(self, story: str, after_position: int, *, reviewer: str,
                  after_number: str | None = None) -> str | None:
        # the fake's matches are never split, so a match is named by its position alone
        rows = self._filtered(story, reviewer, "todo", None)
        for pos, m, _ in rows:
            if pos > after_position:
                return m.id
        return rows[0][1].id if rows else None

    def context(self, claim_id: str) -> tuple[str | None, str | None]:
        c = self._claims[claim_id]
        same = sorted((x for x in self._claims.values() if x.doc == c.doc), key=lambda x: x.index)
        i = same.index(c)
        return (same[i - 1].text if i else None, same[i + 1].text if i + 1 < len(same) else None)

    # -- commands --------------------------------------------------------------------------
    def _event(self, **fields: Any) -> Event:
        if self.fail_next:
            message, self.fail_next = self.fail_next, None
            raise StoreError(message)
        event = Event(id=f"e{next(self._ids)}", at="2026-01-01T00:00:00Z", **fields)
        self._events.append(event)
        return event

    def decide(self, story: str, match_id: str, verdict: Suggestion, *, reviewer: str,
               session: str, outliers: list[str] | None = None, note: str | None = None) -> Event:
        if outliers is None and verdict == "conflict":
            outliers = self.match(match_id, reviewer=reviewer).suggested_outliers
        return self._event(story=story, kind="verdict", match=match_id, verdict=verdict,
                           outliers=outliers or [], note=note, reviewer=reviewer,
                           session=session)

    def note(self, story: str, match_id: str, text: str, *, reviewer: str, session: str) -> Event:
        return self._event(story=story, kind="note", match=match_id, note=text,
                           reviewer=reviewer, session=session)

    def skip(self, story: str, match_id: str, *, reviewer: str, session: str) -> Event:
        return self._event(story=story, kind="skip", match=match_id, reviewer=reviewer,
                           session=session)

    def undo(self, story: str, *, reviewer: str, session: str) -> Event | None:
        live = [e for e in self._live(story) if e.reviewer == reviewer]
        if not live:
            return None
        last = live[-1]
        return self._event(story=story, kind="undo", supersedes=last.id, match=last.match,
                           reviewer=reviewer, session=session)

    def move_claim(self, story: str, claim_id: str, target_match_id: str, *, reviewer: str,
                   session: str, match_id: str | None = None) -> Event:
        return self._event(story=story, kind="move", claim=claim_id, target=target_match_id,
                           match=match_id, reviewer=reviewer, session=session)

    def split_claim(self, story: str, claim_id: str, *, reviewer: str, session: str,
                    match_id: str | None = None) -> Event:
        return self._event(story=story, kind="split", claim=claim_id, match=match_id,
                           reviewer=reviewer, session=session)

    def confirm_link(self, story: str, match_id: str, claim_id: str, *, reviewer: str,
                     session: str) -> Event:
        return self._event(story=story, kind="confirm", match=match_id, claim=claim_id,
                           reviewer=reviewer, session=session)

    def break_link(self, story: str, match_id: str, claim_id: str, *, reviewer: str,
                   session: str) -> Event:
        return self._event(story=story, kind="break", match=match_id, claim=claim_id,
                           reviewer=reviewer, session=session)

    def events(self, story: str | None = None) -> Iterator[Event]:
        return iter([e for e in self._events if story is None or e.story == story])

    def close(self) -> None:
        self.closed = True


if TYPE_CHECKING:  # mypy (tests/test_types.py) holds the fake and the real store to one API
    def _both_serve_the_tui(real: Store, fake: FakeStore) -> list[ReviewStore]:
        return [real, fake]


LANGS = ("tr", "bn", "ar", "fr", "he")
HOSTILE = [
    "Press [bold]here[/] or [link=file:///etc/passwd]click[/link] for 10 milyar dolar.",
    "Colours \x1b[31mred\x1b[0m and a title \x1b]0;pwned\x07 with a bell\x07 and \x9b2J.",
    "Emoji 🚀🔥 and 👩‍💻 in a claim about H100 chips.",
    "Mixed: Tesla نشرت 29000 وحدة and טסלה 50000 in Giga Texas.",
    "x" * 50_000,
]


def make_result(n_matches: int = 12, hostile: bool = False) -> MatchResult:
    """A story of `n_matches` five-language matches with figures and names to highlight."""
    docs = [Document(id=f"d{lang}", path=f"/tmp/{lang}.txt", lang=lang, title=f"{lang} version",
                     text="") for lang in LANGS]
    claims: list[Claim] = []
    matches: list[Match] = []
    words = {"tr": "milyar dolar harcadı", "bn": "বিলিয়ন ডলার খরচ করেছে",
             "ar": "مليارات دولار أنفقت", "fr": "milliards de dollars dépensés",
             "he": "מיליארד דולר הוצאו"}
    for i in range(n_matches):
        suggestion: Suggestion = ("agree", "conflict", "unsourced")[i % 3]
        ids = []
        for j, lang in enumerate(LANGS):
            if suggestion == "unsourced" and j > 0:
                break
            value = 10 + i + (1 if suggestion == "conflict" and lang == "he" else 0)
            text = f"Tesla {value} {words[lang]} #{i}."
            if hostile and lang == "fr":
                text = HOSTILE[i % len(HOSTILE)]
            cid = f"c{i}-{lang}"
            fp = Fingerprint(numbers=[Quantity(value=value, text=str(value))],
                             names=[Name(text="Tesla", skeleton="tsl", latin=True)])
            claims.append(Claim(id=cid, doc=f"d{lang}", index=i, text=text, start=0,
                                end=len(text), fingerprint=fp))
            ids.append(cid)
        matches.append(Match(id=f"m{i}", claims=ids, score=0.9, suggestion=suggestion,
                             # in the form suggest.py writes them
                             reasons=["10 (tr) = 10 (bn)", "Tesla (tr) = Tesla (bn)"],
                             suggested=ids[-1:] if i % 4 == 0 and len(ids) > 1 else [],
                             outliers=["dhe"] if suggestion == "conflict" else []))
    return MatchResult(documents=docs, claims=claims, matches=matches)


# -- helpers shared by the TUI tests -----------------------------------------------------------
SEED_DIR = Path(__file__).resolve().parents[1] / "fixtures" / "seed-story"


@lru_cache(maxsize=1)
def seed_result() -> MatchResult:
    """The seed story matched once per test session (the pipeline is the core's, not ours)."""
    from crossfact import pipeline

    return pipeline.run(seed_files())


def seed_files() -> list[Path]:
    from crossfact.reading import collect_paths

    return collect_paths([SEED_DIR])


def screen_text(app: Any) -> str:
    """The screen as plain text, the way a snapshot would show it (Rich's widths)."""
    console = Console(width=app.size.width, height=app.size.height, file=io.StringIO(),
                      force_terminal=True, record=True, legacy_windows=False, safe_box=False)
    console.print(app.screen._compositor.render_update(full=True,
                                                       screen_stack=app._background_screens))
    return console.export_text()
