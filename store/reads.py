"""What the TUI asks: stories, paged and filtered match lists, one match in full, progress.

Paging, filtering and search run in SQL over the derived tables and views, so a story
with thousands of matches and a 100k-event log opens without loading it all.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from crossfact.models import Document, Event
from crossfact.terminal import strip_controls

from .base import StoreBase
from .carry import CARRY_SESSION
from .decisions import WRITTEN_SQL
from .errors import StoreError
from .numbering import IN_NUMBER_ORDER, NUMBER_SQL, parse_number
from .rows import claim_from_row, document_from_row, event_from_row
from .search_text import INDEX, latin_query
from .state import current_run
from .views import MatchRow, MatchView, Member, StoryInfo

# Events that leave their match undecided while the reviewer is still at it (a note before
# the verdict, a fix): reopening the story resumes at that match, not after it.
STILL_AT_IT = frozenset({"note", "move", "split", "confirm", "break"})

# This reviewer's verdicts and notes that a re-match carried onto another match or marked
# for a second look (store/carry.py), while they are still the current ones.
_CARRIED = """AND id IN (
    SELECT c.match_to FROM carried c
    JOIN current_decisions d ON d.story = :story AND d."match" = c.match_to
                             AND d.reviewer = :reviewer AND c.event IN ({events})
    WHERE c.run = (SELECT r.id FROM current_runs r WHERE r.story = :story) {more})"""

# Verdicts (as (match, reviewer, event)) a fix changed the claims of after they were given:
# a claim moved in or out, split or broken off later in the log, not undone, and applied
# (applied_fixes: one a re-match or a merge left with nothing to act on changes nothing).
# The verdict was made on other evidence than the match holds now, so it wants a second
# look, as one carried over from changed text does; a new verdict (later than the fix)
# clears it. Derived from the log alone, so a replayed or imported session flags the same
# matches. A confirmed link leaves the claims as they were: no second look, and so do fixes
# that take each other back: a claim moved in and split out again, or moved out and back
# (per claim, the moves in less the moves out is 0; they alternate). The match holds the
# claims its verdict was given on: "second look" stayed on it. {more}: further conditions
# on `d`.
# The kind term repeats the WHERE of the partial index idx_events_fixes (schema m010), so
# SQLite reads the fixes after the verdict, not the story's whole log (a test checks it).
REFIXED = """SELECT d."match", d.reviewer, d.verdict_event FROM current_decisions d
    JOIN events v ON v.id = d.verdict_event
    WHERE d.story = :story {more} AND EXISTS (
        SELECT 1 FROM active_events e WHERE e.seq > v.seq AND e.story = d.story
          AND e.kind IN ('move', 'split', 'break') AND d."match" IN (e."match", e.target)
          AND EXISTS (SELECT 1 FROM applied_fixes a WHERE a.story = e.story AND a.event = e.id)
        GROUP BY e.claim HAVING sum(CASE WHEN e.target = d."match" THEN 1 ELSE -1 END) != 0)"""

FILTERS = {
    "all": "",
    "todo": "AND verdict IS NULL",
    "decided": "AND verdict IS NOT NULL",
    "conflicts": "AND suggestion = 'conflict'",
    "unsourced": "AND suggestion = 'unsourced'",
    "carried": _CARRIED.format(events="d.verdict_event, d.note_event", more=""),
    # carried over from changed text, or given before a fix changed the claims (_CARRIED
    # starts with AND: "1 AND id IN (...)")
    "second_look": "AND (1 {carried} OR id IN (SELECT \"match\" FROM ({refixed})))".format(
        carried=_CARRIED.format(events="d.verdict_event", more="AND c.second_look = 1"),
        refixed=REFIXED.format(more="AND d.reviewer = :reviewer")),
}

# The other current matches of a match's claims (:story, :match), with their numbers: from
# the match's members to each claim's rows by (story, claim), in that order (CROSS JOIN).
ALSO_IN_SQL = f"""
    SELECT other.claim, {NUMBER_SQL} AS number FROM current_members cm
    CROSS JOIN current_members other ON other.story = cm.story AND other.claim = cm.claim
                                    AND other."match" != cm."match"
    CROSS JOIN current_matches m ON m.story = other.story AND m.id = other."match"
    WHERE cm.story = ? AND cm."match" = ? ORDER BY {IN_NUMBER_ORDER}"""

_VERDICT = """(SELECT d.verdict FROM current_decisions d
               WHERE d.story = m.story AND d."match" = m.id AND d.reviewer = :reviewer)"""

# What the match list marks on a page of rows (`matches`), for this reviewer only: a note
# that says something (another reviewer's notes are theirs, not shown in this one's detail
# either), and a skip not taken back, on a match they have not decided since (a verdict says
# more than the skip before it). Computed over the page once it is cut (LIMIT/OFFSET), not
# for every row the ordering sorts: two index lookups per row shown.
_MARKED = f"""SELECT page.*,
    EXISTS (SELECT 1 FROM current_decisions d
            WHERE d.story = :story AND d."match" = page.id AND d.reviewer = :reviewer
              AND {WRITTEN_SQL.format(note="d.note")}) AS noted,
    (page.verdict IS NULL AND EXISTS (
        SELECT 1 FROM active_events a
        WHERE a.story = :story AND a."match" = page.id AND a.reviewer = :reviewer
          AND a.kind = 'skip')) AS skipped
    FROM ({{page}}) page ORDER BY {IN_NUMBER_ORDER}"""


def _words(search: str) -> list[str]:
    """What a reviewer typed, as words taken literally (quotes dropped, so FTS5 syntax in
    them means nothing)."""
    return [w for w in (word.replace('"', "") for word in search.split()) if w]


def _prefix_query(words: list[str]) -> str:
    """An FTS5 query of the claims' own text: each word quoted and as a word prefix, so
    "Coloss" finds "Colossus"."""
    return " ".join(f'"{word}"*' for word in words)


class ReadMixin(StoreBase):
    """Read-only queries; each returns view models (store/views.py)."""

    def stories(self) -> list[StoryInfo]:
        rows = self.db.query("""
            SELECT s.id, s.name, s.created,
                   (SELECT count(*) FROM documents d WHERE d.run = r.id) AS documents,
                   (SELECT count(*) FROM current_matches m WHERE m.story = s.id) AS matches
            FROM stories s LEFT JOIN current_runs r ON r.story = s.id
            ORDER BY s.created, s.name""")
        return [StoryInfo(**row) for row in rows]

    def documents(self, story: str) -> list[Document]:
        run = current_run(self.db, self._story_id(story))
        return [document_from_row(row)
                for row in self.db.table("documents").rows_where("run = ?", [run],
                                                                 order_by="rowid")]

    def run_params(self, story: str) -> dict[str, Any]:
        """How the story's current run read its files, as given when it was matched (the
        review app's `langs` and `segmented`); {} for a run stored without them."""
        row = self.db.execute("SELECT params FROM runs WHERE id = ?",
                              [current_run(self.db, self._story_id(story))]).fetchone()
        params = json.loads(row[0]) if row else {}
        return params if isinstance(params, dict) else {}

    def _matches_sql(self, story: str, reviewer: str, filter: str,
                     search: str | None) -> tuple[str, dict[str, Any]]:
        if filter not in FILTERS:
            raise StoreError(f"unknown filter {filter!r}; use one of {', '.join(FILTERS)}")
        params: dict[str, Any] = {"story": self._story_id(story), "reviewer": reviewer}
        where = ""
        # a control character (a pasted NUL) cannot be searched for, and breaks FTS5's parser
        words = _words(strip_controls(search)) if search else []
        if words:
            # the claims' own words, or their transliteration (store/search_text.py)
            params.update(query=_prefix_query(words), latin=latin_query(words))
            either = (f"UNION SELECT rowid FROM {INDEX} WHERE {INDEX} MATCH :latin"
                      if params["latin"] else "")
            # from the claims that match to their matches (the members' primary key), not
            # from every member of the story to a test of its claim: many times faster at
            # 20,000 matches for a rare word (benchmarks/README.md)
            # (CROSS JOIN: SQLite keeps this order of the loops)
            where = f"""AND m.id IN (
                SELECT cm."match" FROM (
                    SELECT rowid FROM claims_fts WHERE claims_fts MATCH :query
                    {either}
                ) hit
                CROSS JOIN claims c ON c.rowid = hit.rowid
                CROSS JOIN current_members cm ON cm.story = :story AND cm.claim = c.id
                                                 AND cm.run = c.run)"""
        sql = f"""SELECT * FROM (
            SELECT m.id, m.position, m.langs, m.suggestion, m.score, m.gist,
                   {_VERDICT} AS verdict, {NUMBER_SQL} AS number
            FROM current_matches m WHERE m.story = :story {where})
            WHERE 1 {FILTERS[filter]}"""
        return sql, params

    def matches(self, story: str, *, reviewer: str, filter: str = "all",
                search: str | None = None, offset: int = 0, limit: int = 200) -> list[MatchRow]:
        """One page of the story's current matches in document order, each with this
        reviewer's marks (a note, a skip) for the list."""
        sql, params = self._matches_sql(story, reviewer, filter, search)
        params.update(limit=limit, offset=offset)
        page = f"{sql} ORDER BY {IN_NUMBER_ORDER} LIMIT :limit OFFSET :offset"
        rows = self.db.query(_MARKED.format(page=page), params)
        return [MatchRow(**{**row, "langs": json.loads(row["langs"])}) for row in rows]

    def count(self, story: str, *, reviewer: str, filter: str = "all",
              search: str | None = None) -> int:
        """Matches under a filter and search. Without a search, "all", "todo" and "decided"
        come from `progress`: the TUI asks after every key, and the general query looks up a
        verdict for each of a story's matches (slow at 20,000: benchmarks/README.md)."""
        if filter in ("all", "todo", "decided") and not (search and search.strip()):
            decided, total = self.progress(story, reviewer=reviewer)
            return {"all": total, "todo": total - decided, "decided": decided}[filter]
        sql, params = self._matches_sql(story, reviewer, filter, search)
        return self.db.execute(f"SELECT count(*) FROM ({sql})", params).fetchone()[0]

    def progress(self, story: str, *, reviewer: str) -> tuple[int, int]:
        """(decided, total) for this reviewer on the current matches.

        Counted from this reviewer's rows of current_decisions (at most one per match, its
        primary key) that hold a verdict on a current match: as many lookups as decisions,
        not as matches.
        """
        story_id = self._story_id(story)
        total = self.db.execute("SELECT count(*) FROM current_matches WHERE story = ?",
                                [story_id]).fetchone()[0]
        decided = self.db.execute("""
            SELECT count(*) FROM current_decisions d
            WHERE d.story = ? AND d.reviewer = ? AND d.verdict IS NOT NULL
              AND EXISTS (SELECT 1 FROM current_matches m
                          WHERE m.story = d.story AND m.id = d."match")""",
            [story_id, reviewer]).fetchone()[0]
        return decided, total

    def decided_by(self, story: str) -> dict[str, int]:
        """reviewer -> how many current matches they decided, most first."""
        rows = self.db.execute("""
            SELECT d.reviewer, count(*) AS n FROM current_decisions d
            JOIN current_matches m ON m.story = d.story AND m.id = d."match"
            WHERE d.story = ? AND d.verdict IS NOT NULL
            GROUP BY d.reviewer ORDER BY n DESC, d.reviewer""", [self._story_id(story)])
        return {reviewer: n for reviewer, n in rows}

    def _todo_after(self, story: str, reviewer: str, position: int,
                    number: str | None) -> str | None:
        sql, params = self._matches_sql(story, reviewer, "todo", None)
        row = self.db.execute(
            f"""SELECT id FROM ({sql}) WHERE position >= :position
                AND (position > :position OR number > :number)
                ORDER BY {IN_NUMBER_ORDER} LIMIT 1""",
            {**params, "position": position, "number": number},
        ).fetchone()
        return row[0] if row else None

    def next_todo(self, story: str, after_position: int, *, reviewer: str,
                  after_number: str | None = None) -> str | None:
        """The next undecided match after a position, or after the match of that number
        there (a split-out "7b" comes after "7", not after "8"), wrapping to the start;
        None if all done."""
        return (self._todo_after(story, reviewer, after_position, after_number)
                or self._todo_after(story, reviewer, -1, None))

    def resume(self, story: str, *, reviewer: str) -> str | None:
        """Where this reviewer left off: the next undecided match after their last action."""
        story_id = self._story_id(story)
        last = self.db.execute("""
            SELECT m.id, m.position, e.kind FROM events e
            JOIN current_matches m ON m.story = e.story AND m.id = coalesce(e.target, e."match")
            WHERE e.story = ? AND e.reviewer = ? ORDER BY e.seq DESC LIMIT 1""",
            [story_id, reviewer]).fetchone()
        position = last[1] if last else -1
        if last and last[2] in STILL_AT_IT:
            position -= 1  # that match too, if it is still to decide (positions are whole)
        found = self.next_todo(story_id, position, reviewer=reviewer)
        if found or last:
            return found or last[0]
        first = self.matches(story_id, reviewer=reviewer, limit=1)
        return first[0].id if first else None

    def match(self, match_id: str, *, reviewer: str) -> MatchView:
        """One match in full: its members with their claims and documents, and this
        reviewer's verdict and note."""
        found = list(self.db.query(f"SELECT m.*, {NUMBER_SQL} AS number "
                                   "FROM current_matches m WHERE m.id = ? LIMIT 1", [match_id]))
        if not found:
            raise StoreError(f"no current match {match_id}")
        match = found[0]
        story = match["story"]
        elsewhere = self._also_in(story, match_id)
        members = [
            Member(claim=claim_from_row({k: r[k] for k in r if not k.startswith("_")}),
                   lang=r["_lang"], doc_title=r["_title"], doc_path=r["_path"],
                   suggested=bool(r["_suggested"]), also_in=elsewhere.get(r["id"], []))
            for r in self.db.query("""
                SELECT c.*, cm.lang AS _lang, d.title AS _title, d.path AS _path,
                       cm.suggested AS _suggested
                FROM current_members cm
                JOIN claims c ON c.run = cm.run AND c.id = cm.claim
                JOIN documents d ON d.run = c.run AND d.id = c.doc
                WHERE cm.story = ? AND cm."match" = ? ORDER BY cm.ord""", [story, match_id])
        ]
        found_decision = list(self.db.table("current_decisions").rows_where(
            'story = ? AND "match" = ? AND reviewer = ?', [story, match_id, reviewer]))
        decision = found_decision[0] if found_decision else None
        verdict = decision["verdict"] if decision else None
        carried_look = decision is not None and verdict is not None and self.db.table(
            "carried").count_where(
            "event = ? AND second_look = 1", [decision["verdict_event"]]) > 0
        machine = self.db.execute("SELECT suggestion, reasons FROM matches WHERE run = ? "
                                  "AND id = ?", [match["run"], match_id]).fetchone()
        # suggested otherwise than the matcher did, not fixed itself: only a database written
        # before the suggestion came to depend on the match's own claims alone (same17) holds
        # such a match, suggested again after a fix to another
        restated = not match["corrected"] and machine is not None and tuple(machine) != (
            match["suggestion"], match["reasons"])
        claims_changed = verdict is not None and self.db.execute(
            REFIXED.format(more='AND d."match" = :match AND d.reviewer = :reviewer'),
            {"story": story, "match": match_id, "reviewer": reviewer}).fetchone() is not None
        return MatchView(
            id=match_id, story=story, position=match["position"], score=match["score"],
            suggestion=match["suggestion"], reasons=json.loads(match["reasons"]),
            suggested_outliers=json.loads(match["outliers"]), members=members,
            verdict=verdict,
            outliers=json.loads(decision["outliers"]) if decision and verdict else [],
            note=decision["note"] if decision else None, corrected=bool(match["corrected"]),
            restated=restated,
            second_look=carried_look or claims_changed, claims_changed=claims_changed,
            number=match["number"],
        )

    def _also_in(self, story: str, match_id: str) -> dict[str, list[str]]:
        """claim -> the numbers of the other current matches it is in, for the claims of
        one match (a claim that states several facts is a member of each fact's match).
        Left to itself, SQLite read every member of the story for it (a test checks the
        plan)."""
        out: dict[str, list[str]] = {}
        for claim, number in self.db.execute(ALSO_IN_SQL, [story, match_id]):
            out.setdefault(claim, []).append(number)
        return out

    def context(self, claim_id: str) -> tuple[str | None, str | None]:
        """The sentences before and after a claim in its own document (current run)."""
        row = self.db.execute("""
            SELECT c.run, c.doc, c."index" FROM current_members cm
            JOIN claims c ON c.run = cm.run AND c.id = cm.claim
            WHERE cm.claim = ? LIMIT 1""", [claim_id]).fetchone()
        if row is None:
            raise StoreError(f"no current claim {claim_id}")
        run, doc, index = row

        def text_at(i: int) -> str | None:
            found = self.db.execute(
                'SELECT text FROM claims WHERE run = ? AND doc = ? AND "index" = ?',
                [run, doc, i]).fetchone()
            return found[0] if found else None

        return text_at(index - 1), text_at(index + 1)

    def orphans(self, story: str, *, reviewer: str | None = None) -> list[Event]:
        """Verdicts and notes left on matches the documents no longer have (not carried over),
        of every reviewer or of one.

        They stay in the log, and in this list, until the reviewer decides the new matches.
        A decision a re-match carried, at any re-match, is no orphan: its copy stands for it
        (and is one itself when a later re-match could not place it). A copy whose source, or
        the source of its source, applies again (the files read as at some earlier time) is
        none either: that decision stands on the match it was made on. After two edits the
        first verdicts were listed as orphaned, only their copies' carries being counted.
        """
        story_id = self._story_id(story)
        rows = self.db.query(f"""
            SELECT e.* FROM current_decisions d
            JOIN events e ON e.id = coalesce(d.verdict_event, d.note_event)
            WHERE d.story = :story AND (:reviewer IS NULL OR d.reviewer = :reviewer)
              AND (d.verdict IS NOT NULL OR {WRITTEN_SQL.format(note="d.note")})
              AND d."match" NOT IN (SELECT id FROM current_matches WHERE story = :story)
              AND e.id NOT IN (SELECT c.source FROM carried c
                               JOIN runs r ON r.id = c.run WHERE r.story = :story)
            ORDER BY e.seq""", {"story": story_id, "reviewer": reviewer})
        candidates = [event_from_row(row) for row in rows]
        if not any(e.session == CARRY_SESSION for e in candidates):
            return candidates
        standing = {event for row in self.db.execute("""
            SELECT d.verdict_event, d.note_event FROM current_decisions d
            JOIN current_matches m ON m.story = d.story AND m.id = d."match"
            WHERE d.story = ?""", [story_id]) for event in row if event}
        source_of = dict(self.db.execute(
            "SELECT id, supersedes FROM events WHERE story = ? AND session = ?",
            [story_id, CARRY_SESSION]).fetchall())

        def applies_again(event: Event) -> bool:
            """Whether a source up the chain of copies stands on a current match."""
            up, seen = event.supersedes, {event.id}
            while up is not None and up not in seen:
                if up in standing:
                    return True
                seen.add(up)
                up = source_of.get(up)
            return False

        return [e for e in candidates
                if not (e.session == CARRY_SESSION and applies_again(e))]

    def dissolved(self, story: str, number: str) -> list[str] | None:
        """Where the claims of a match a fix dissolved went: the numbers of the current
        matches that hold them, so a reviewer who jumps to it is told, not just that there
        is no such match. None if the run made no match with this number (a split-out's
        number is not kept once it is gone), or if it is still there."""
        parsed = parse_number(number)
        story_id = self._story_id(story)
        run = current_run(self.db, story_id)
        if parsed is None or run is None or parsed[1] != str(parsed[0] + 1):
            return None
        found = self.db.execute("""
            SELECT r.id FROM matches r WHERE r.run = ? AND r.position = ?
              AND r.id NOT IN (SELECT id FROM current_matches WHERE story = ?)""",
            [run, parsed[0], story_id]).fetchone()
        if found is None:
            return None
        return [row[0] for row in self.db.execute(f"""
            SELECT DISTINCT {NUMBER_SQL} AS number, m.position FROM members mb
            JOIN current_members cm ON cm.story = :story AND cm.claim = mb.claim
            JOIN current_matches m ON m.story = cm.story AND m.id = cm."match"
            WHERE mb.run = :run AND mb."match" = :match ORDER BY {IN_NUMBER_ORDER}""",
            {"story": story_id, "run": run, "match": found[0]})]

    def placed(self, story: str, match_id: str, claims: list[str]) -> tuple[str, str] | None:
        """Where a match is now, and its number: itself while it is current, else the
        current match of the story holding most of its `claims` (of equals, the first). A
        note draft typed on a match a re-match (new match ids), a fix or an undo took then
        follows its claims. None if no current match holds any of them."""
        story_id = self._story_id(story)
        marks = ", ".join("?" * len(claims))
        found = self.db.execute(f"""
            SELECT m.id, {NUMBER_SQL} AS number FROM current_matches m
            WHERE m.story = ? AND m.id = ?""", [story_id, match_id]).fetchone()
        if found is None and claims:
            found = self.db.execute(f"""
                SELECT m.id, {NUMBER_SQL} AS number FROM current_members cm
                JOIN current_matches m ON m.story = cm.story AND m.id = cm."match"
                WHERE cm.story = ? AND cm.claim IN ({marks})
                GROUP BY m.id ORDER BY count(*) DESC, m.position, number""",
                [story_id, *claims]).fetchone()
        return (found[0], found[1]) if found else None

    def orphan_claims(self, event: Event) -> list[tuple[str, str]]:
        """(language, text) of the claims an orphaned verdict was given on: of the story's
        latest run that had its match (a match's id comes from its text, so every run, of
        this story or another sharing the version, that had it listed its claims again)."""
        return [(row[0], row[1]) for row in self.db.execute("""
            SELECT d.lang, c.text FROM members mb
            JOIN claims c ON c.run = mb.run AND c.id = mb.claim
            JOIN documents d ON d.run = c.run AND d.id = c.doc
            WHERE mb."match" = :match AND mb.run = (
                SELECT r.id FROM members had JOIN runs r ON r.id = had.run
                WHERE had."match" = :match AND r.story = :story
                ORDER BY r.number DESC LIMIT 1)
            ORDER BY mb.ord""", {"match": event.match, "story": event.story})]

    def carry_counts(self, story: str, *, reviewer: str | None = None) -> dict[str, int]:
        """What the latest re-match did to the verdicts and notes that still stand, of every
        reviewer or of one: carried onto another match or a changed text, those of them still
        to look at again, and orphaned."""
        story_id = self._story_id(story)
        carried, second_look = self.db.execute("""
            SELECT count(DISTINCT c.event),  -- a row per source: two may share an event
                   count(DISTINCT CASE WHEN c.second_look AND c.event = d.verdict_event
                                       THEN c.event END)
            FROM current_decisions d
            JOIN carried c ON c.event IN (d.verdict_event, d.note_event)
                          AND c.match_to = d."match"
            WHERE d.story = :story AND (:reviewer IS NULL OR d.reviewer = :reviewer)
              AND c.run = (SELECT id FROM current_runs WHERE story = :story)""",
            {"story": story_id, "reviewer": reviewer}).fetchone()
        return {"carried": carried, "second_look": second_look,
                "orphaned": len(self.orphans(story_id, reviewer=reviewer))}

    def second_looks(self, story: str, *, reviewer: str | None = None) -> dict[str, int]:
        """Verdicts on current matches that want a second look, of every reviewer or of one:
        `total`, and of them `carried` (the latest re-match carried them from changed text)
        and `fixed` (given before a fix changed the match's claims; REFIXED). `total` is
        what the CSV's carried:NAME column marks "second look"; a verdict may be both."""
        params = {"story": self._story_id(story), "reviewer": reviewer}
        current = """AND (:reviewer IS NULL OR d.reviewer = :reviewer)
            AND d."match" IN (SELECT id FROM current_matches WHERE story = :story)"""
        carried = {tuple(row) for row in self.db.execute(f"""
            SELECT d."match", d.reviewer FROM current_decisions d
            JOIN carried c ON c.event = d.verdict_event AND c.match_to = d."match"
            WHERE d.story = :story AND c.second_look = 1 {current}
              AND c.run = (SELECT id FROM current_runs WHERE story = :story)""", params)}
        fixed = {tuple(row[:2]) for row in self.db.execute(REFIXED.format(more=current),
                                                            params)}
        return {"total": len(carried | fixed), "carried": len(carried), "fixed": len(fixed)}

    def event(self, event_id: str) -> Event | None:
        """One event of the log by its id."""
        found = list(self.db["events"].rows_where("id = ?", [event_id]))
        return event_from_row(found[0]) if found else None

    def events(self, story: str | None = None) -> Iterator[Event]:
        """The log in the order it was written, streamed."""
        if story is None:
            rows = self.db.table("events").rows_where(order_by="seq")
        else:
            rows = self.db.table("events").rows_where("story = ?", [self._story_id(story)],
                                                      order_by="seq")
        for row in rows:
            yield event_from_row(row)
