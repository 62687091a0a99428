"""Adding a story: its documents, claims and matches as one run, in one transaction."""

from __future__ import annotations

import hashlib
from pathlib import PurePath
from typing import Any

from sqlite_utils import Database

import crossfact
from crossfact.ids import stable_id
from crossfact.models import MatchResult

from .base import StoreBase, story_key
from .carry import CarryReport, carry_over, norm
from .errors import StoreError
from .membership import dumps
from .rows import claim_to_row, document_to_row, match_to_rows, url_for
from .search_text import index_claims
from .state import current_run, rebuild

BATCH = 500


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def read_as(result: MatchResult) -> set[tuple[str, str, int, int]]:
    """How a story's files were read: each claim as its text's hash, language and span. The
    same files read another way (a --lang that corrects a detection, --segmented) are
    matched again, not taken for the stored run; paths are left out (see add_story)."""
    sha = {doc.id: (text_sha256(doc.text), doc.lang) for doc in result.documents}
    return {(*sha[claim.doc], claim.start, claim.end) for claim in result.claims}


def insert_run(db: Database, run: dict[str, Any], result: MatchResult,
               urls: dict[str, str] | None = None) -> None:
    """Insert one run row and everything the matcher produced for it (`urls`: see url_for)."""
    run_id = run["id"]
    db.table("runs").insert(run)
    db.table("documents").insert_all(
        (document_to_row(run_id, doc, text_sha256(doc.text), url_for(doc, urls or {}))
         for doc in result.documents),
        batch_size=BATCH,
    )
    db.table("claims").insert_all((claim_to_row(run_id, c) for c in result.claims),
                                  batch_size=BATCH)
    index_claims(db, "run = ?", (run_id,))
    members: list[dict[str, Any]] = []
    rows = []
    for position, match in enumerate(result.matches):
        row, its_members = match_to_rows(run_id, position, match)
        rows.append(row)
        members.extend(its_members)
    db.table("matches").insert_all(rows, batch_size=BATCH)
    db.table("members").insert_all(members, batch_size=BATCH)


class StoryMixin(StoreBase):
    """Stories and their runs."""

    last_carry: CarryReport | None = None

    def add_story(self, name: str, result: MatchResult, params: dict[str, Any], *,
                  version: str | None = None, urls: dict[str, str] | None = None) -> str:
        """Store a matched story; the story id. The same documents read the same way (the
        same languages and claims): nothing happens.

        `version` is the crossfact version the matches came from: today's unless given (a
        replay keeps the recorded one, so its export stays byte-identical after an upgrade).
        `urls` maps a document id or path (as given) to where the version was published.

        Changed documents make a new run: the earlier runs stay (events keep pointing at
        them) and the current verdicts are carried over to the new matches (carry.py).
        """
        problems = result.membership_problems()
        if problems:  # what the reviewer's fixes and the exports rely on (models.Match)
            raise StoreError(f"story {name!r}: the matches break their contract: {problems[0]}")
        story = story_key(name)
        # The texts, not the paths: paths are "as given" and differ between machines and
        # working directories, while the same texts are the same story (and the same run id,
        # so two reviewers' databases merge cleanly).
        fingerprint = sorted(text_sha256(doc.text) for doc in result.documents)
        self.last_carry = None
        with self._write(f"adding story {name!r}"):
            old = None
            if self.db.table("stories").count_where("id = ?", [story]) == 0:
                self.db.table("stories").insert(
                    {"id": story, "name": name, "created": self.clock()})
            else:
                old = current_run(self.db, story)
                if old is not None and self._read_as(old) == read_as(result):
                    return story
            number = self.db.table("runs").count_where("story = ?", [story]) + 1
            run = stable_id(story, str(number), dumps(fingerprint), dumps(params), prefix="r")
            insert_run(self.db, {"id": run, "story": story, "number": number,
                                 "created": self.clock(),
                                 "version": version or crossfact.__version__,
                                 "params": dumps(params)}, result, urls)
            if old is None:
                rebuild(self.db, story)
            else:
                self.last_carry = carry_over(self, story, old, run)
        return story

    def other_versions(self, name: str, result: MatchResult) -> list[str]:
        """The file names of the stored story called `name` when `result` is not a new
        version of it, so that adding it would merge two stories; [] when it is (or none is
        stored).

        A story is what its versions are: a new run continues the stored one when a version
        is unchanged or at least half of the stored claims are found again word for word
        (an edited story); two folders that only share a name share neither.
        """
        story = self.story_id(name)
        run = current_run(self.db, story) if story is not None else None
        if run is None:
            return []
        if {text_sha256(doc.text) for doc in result.documents} & set(self._run_fingerprint(run)):
            return []
        stored = {norm(row[0]) for row in self.db.execute(
            "SELECT text FROM claims WHERE run = ?", [run])}
        found = stored & {norm(claim.text) for claim in result.claims}
        if stored and 2 * len(found) >= len(stored):
            return []
        return sorted({PurePath(row[0]).name for row in self.db.execute(
            "SELECT path FROM documents WHERE run = ?", [run])})

    def _read_as(self, run: str) -> set[tuple[str, str, int, int]]:
        """How the stored run read its files (see read_as)."""
        return set(self.db.execute(
            'SELECT d.sha256, d.lang, c.start, c."end" FROM claims c JOIN documents d '
            "ON d.run = c.run AND d.id = c.doc WHERE c.run = ?", [run]).fetchall())

    def _run_fingerprint(self, run: str) -> list[str]:
        return sorted(row["sha256"]
                      for row in self.db.table("documents").rows_where("run = ?", [run],
                                                                       select="sha256"))

    def story_id(self, name: str) -> str | None:
        """The id of the story called `name` (or with that id), None if there is none."""
        row = self.db.execute(
            "SELECT id FROM stories WHERE name = ? OR id = ? LIMIT 1", [name, name]
        ).fetchone()
        return row[0] if row else None
