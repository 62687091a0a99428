"""Deriving the current state from the log: membership tables rebuilt, never edited by hand.

`current_matches` and `current_members` are a cache of `Membership` (see membership.py) so
that paging, filtering and full-text search run in SQL; `rebuild` recomputes them from the
current run and the log, and a test checks that the incremental path gives the same rows.
"""

from __future__ import annotations

import json

from sqlite_utils import Database

from crossfact.matching import version_labels
from crossfact.models import Claim, Event
from crossfact.segment import as_unwrapped_claims
from crossfact.sharing import between_outlets, match_verdict

from .decisions import rebuild_decisions
from .errors import StoreError
from .membership import CORRECTIONS, MatchMeta, Membership, dumps, gist, split_match_id
from .numbering import split_letter
from .rows import claim_from_row, document_from_row, event_from_row

BATCH = 500


def current_run(db: Database, story: str) -> str | None:
    row = db.execute("SELECT id FROM current_runs WHERE story = ?", [story]).fetchone()
    return row[0] if row else None


def machine_membership(db: Database, run: str) -> Membership:
    """The run's matches exactly as the matcher produced them."""
    membership = Membership(run)
    members: dict[str, list[tuple[str, bool]]] = {}
    for row in db.table("members").rows_where("run = ?", [run], order_by="ord"):
        members.setdefault(row["match"], []).append((row["claim"], bool(row["suggested"])))
    for row in db.table("matches").rows_where("run = ?", [run], order_by="position, id"):
        meta = MatchMeta(row["position"], row["score"], row["suggestion"],
                         json.loads(row["reasons"]), json.loads(row["outliers"]))
        membership.add(row["id"], meta, members.get(row["id"], []))
    membership.machine_shared = frozenset(c for c, found in membership.where.items()
                                          if len(found) > 1)
    return membership


def _machine_shared(db: Database, run: str) -> frozenset[str]:
    """The claims the matcher put in more than one match of `run`."""
    return frozenset(row[0] for row in db.execute(
        "SELECT claim FROM members WHERE run = ? GROUP BY claim HAVING count(*) > 1", [run]))


def stored_membership(db: Database, story: str) -> Membership | None:
    """The membership as the current tables hold it, to check and apply one more correction."""
    run = current_run(db, story)
    if run is None:
        return None
    membership = Membership(run, machine_shared=_machine_shared(db, run))
    members: dict[str, list[tuple[str, bool]]] = {}
    for row in db.table("current_members").rows_where("story = ?", [story], order_by="ord"):
        members.setdefault(row["match"], []).append((row["claim"], bool(row["suggested"])))
    for row in db.table("current_matches").rows_where("story = ?", [story]):
        meta = MatchMeta(row["position"], row["score"], row["suggestion"],
                         json.loads(row["reasons"]), json.loads(row["outliers"]),
                         bool(row["corrected"]))
        membership.add(row["id"], meta, members.get(row["id"], []))
    return membership


def corrections(db: Database, story: str) -> list[tuple[Event, bool]]:
    """The story's corrections in log order, each with whether an undo took it back (the
    condition of the view active_events)."""
    placeholders = ", ".join("?" for _ in CORRECTIONS)
    rows = db.query(f"""
        SELECT e.*, EXISTS (SELECT 1 FROM events u
                            WHERE u.supersedes = e.id AND u.kind = 'undo'
                              AND u.reviewer = e.reviewer AND u.story = e.story) AS _undone
        FROM events e WHERE e.story = ? AND e.kind IN ({placeholders}) ORDER BY e.seq""",
        [story, *CORRECTIONS])
    return [(event_from_row({k: v for k, v in row.items() if k != "_undone"}),
             bool(row["_undone"])) for row in rows]


def derive_membership(db: Database, story: str) -> Membership | None:
    """The current run's matches with every active correction applied in log order.

    A correction that no longer applies (its claim changed with the documents, or an undo
    removed what it built on) is skipped: it stays in the log as an orphan. An undone split
    or break that applied at its place in the log still counts as made there (`made`), so
    its split-out's letter stays its own (store/numbering.py); so does an orphaned one whose
    match is still there (its split-out had a letter, seen when it applied: undoing the move
    it built on turned the next split-out's "1c" into "1b").
    """
    run = current_run(db, story)
    if run is None:
        return None
    membership = machine_membership(db, run)
    for event, undone in corrections(db, story):
        try:
            if undone:
                made = membership.split_out(event, membership.check(event))
                membership.made.extend([made] if made is not None else [])
                continue
            membership.apply(event)
        except StoreError:
            if event.kind in ("split", "break") and event.claim is not None \
                    and event.match in membership.meta:
                membership.made.append((split_match_id(event.claim),
                                        membership.meta[event.match].position))
            continue
        membership.applied.append(event.id)
    return membership


def rebuild_story(db: Database, story: str) -> None:
    """Recompute all of one story's derived tables from the log (after an import or merge,
    an undo of another path's making, a migration)."""
    rebuild(db, story)
    rebuild_decisions(db, story)


def rebuild(db: Database, story: str) -> None:
    """Recompute the current tables of one story from its current run and the log."""
    membership = derive_membership(db, story)
    if membership is not None:
        write_membership(db, story, membership)
    db.table("applied_fixes").delete_where("story = ?", [story])
    db.table("applied_fixes").insert_all(
        ({"story": story, "event": event} for event in
         (membership.applied if membership is not None else [])), batch_size=BATCH)
    db.table("split_letters").delete_where("story = ?", [story])
    letter_split_outs(db, story, membership.made if membership is not None else [])


def letter_split_outs(db: Database, story: str, made: list[tuple[str, int]]) -> None:
    """Give each split-out (id, position), in the order made, the next letter of its place
    ("b" after the plain number) unless it has one: a letter is never handed on, so one a
    split-out had stays its own when it goes (an undo, a move back) and when it comes again."""
    for match, position in made:
        (earlier,) = db.execute("""SELECT count(*) FROM split_letters
                                   WHERE story = ? AND position = ?""",
                                [story, position]).fetchone()
        db.execute("""INSERT OR IGNORE INTO split_letters (story, position, "match", letter)
                      VALUES (?, ?, ?, ?)""", [story, position, match, split_letter(earlier)])


def write_membership(db: Database, story: str, membership: Membership,
                     only: set[str] | None = None) -> None:
    """Write the membership to current_matches/current_members (inside the caller's write).

    `only`: just these matches changed (one correction), so only their rows are replaced;
    otherwise the story's rows are replaced wholesale.
    """
    run = membership.run
    scope = sorted(only) if only is not None else None
    recompute(db, membership, scope if scope is not None else list(membership.claims))
    claim_ids = ([c for m in scope if m in membership.claims for c in membership.claims[m]]
                 if scope is not None else None)
    claims = _claim_facts(db, run, claim_ids)
    if scope is None:
        db.table("current_members").delete_where("story = ?", [story])
        db.table("current_matches").delete_where("story = ?", [story])
    else:
        marks = ", ".join("?" for _ in scope)
        db.table("current_members").delete_where(f'story = ? AND "match" IN ({marks})',
                                                 [story, *scope])
        db.table("current_matches").delete_where(f"story = ? AND id IN ({marks})", [story, *scope])
    matches: list[dict[str, object]] = []
    members: list[dict[str, object]] = []
    for match in scope if scope is not None else list(membership.claims):
        if match not in membership.claims:
            continue  # emptied by moves: gone
        ids, meta = membership.claims[match], membership.meta[match]
        matches.append({
            "story": story, "id": match, "run": run, "position": meta.position,
            "score": meta.score, "suggestion": meta.suggestion, "reasons": dumps(meta.reasons),
            "outliers": dumps(meta.outliers), "corrected": int(meta.corrected),
            # named by a claim firmly in it: a claim of several facts, held here as a weak
            # link, names the match of its own fact
            "gist": gist(claims[next((c for c in ids if (match, c) not in membership.suggested),
                                     ids[0])]["text"]) if ids else "",
            "langs": dumps([claims[c]["lang"] for c in ids]),
        })
        members.extend(
            {"story": story, "claim": claim, "match": match, "run": run,
             "doc": claims[claim]["doc"], "lang": claims[claim]["lang"], "ord": ord_,
             "suggested": int((match, claim) in membership.suggested)}
            for ord_, claim in enumerate(ids)
        )
    db.table("current_matches").insert_all(matches, batch_size=BATCH)
    db.table("current_members").insert_all(members, batch_size=BATCH)


def recompute(db: Database, membership: Membership, matches: list[str]) -> None:
    """Suggest again for the corrected ones among `matches`, from the claims they hold now.

    The machine's view follows the reviewer's fix: a claim moved in or split out changes
    what agrees, and a match of one claim is unsourced with no link score. The suggestion
    is the core's, as the matcher makes it (`crossfact.sharing.match_verdict`: a claim the
    matcher put in several matches compared by the match's fact where the matcher did not
    link it firmly, camps of figures between outlets); the link score stays the matcher's
    (a match of one claim has none). A match is recomputed exactly when it is `corrected`,
    which the TUI shows: what the rule reads of other matches is the matcher's, which no
    fix changes, so a fix to another match never changes a match's suggestion.
    """
    wanted = [m for m in matches if m in membership.claims and membership.meta[m].corrected]
    if not wanted:
        return
    run = membership.run
    documents = [document_from_row({**row, "text": ""}) for row in db["documents"].rows_where(
        "run = ?", [run], select="id, path, lang, title, encoding, outlets", order_by="rowid")]
    labels, order = version_labels(documents), {d.id: n for n, d in enumerate(documents)}
    lang_of = {d.id: d.lang for d in documents}
    outlets = {d.id: d.outlets for d in documents}
    ids = [c for m in wanted for c in membership.claims[m]]
    claims: dict[str, Claim] = {}
    for start in range(0, len(ids), BATCH):
        chunk = ids[start:start + BATCH]
        marks = ", ".join("?" for _ in chunk)
        claims.update((row["id"], claim_from_row(row)) for row in db.query(
            f"SELECT * FROM claims WHERE run = ? AND id IN ({marks})", [run, *chunk]))
    firm = _machine_firm(db, run, wanted)
    for match in wanted:
        # read as the matcher read them: a hard-wrapped claim unwrapped ("29\n000" one number)
        members = as_unwrapped_claims(documents, sorted(
            (claims[c] for c in membership.claims[match]), key=lambda c: (order[c.doc], c.index)))
        meta = membership.meta[match]
        verdict = match_verdict(members, labels, len(documents), membership.machine_shared,
                                firm.get(match, set()), lang_of,
                                between_outlets(members, outlets))
        meta.suggestion, meta.reasons, meta.outliers = (verdict.suggestion, verdict.reasons,
                                                        verdict.outliers)
        if len(members) < 2:  # no link left (Membership drops its weak flag)
            meta.score = 0.0


def _machine_firm(db: Database, run: str, matches: list[str]) -> dict[str, set[str]]:
    """match -> the claims the matcher linked firmly in it (of `matches`, those of `run`)."""
    out: dict[str, set[str]] = {}
    for start in range(0, len(matches), BATCH):
        chunk = matches[start:start + BATCH]
        marks = ", ".join("?" for _ in chunk)
        for match, claim in db.execute(
                f'SELECT "match", claim FROM members WHERE run = ? AND suggested = 0 '
                f'AND "match" IN ({marks})', [run, *chunk]):
            out.setdefault(match, set()).add(claim)
    return out


def _claim_facts(db: Database, run: str, ids: list[str] | None) -> dict[str, dict]:
    """claim id -> its text, document and language (all of the run's, or just `ids`)."""
    sql = ("SELECT c.id, c.text, c.doc, d.lang FROM claims c "
           "JOIN documents d ON d.run = c.run AND d.id = c.doc WHERE c.run = ?")
    if ids is None:
        return {row["id"]: row for row in db.query(sql, [run])}
    out: dict[str, dict] = {}
    for start in range(0, len(ids), BATCH):
        chunk = ids[start:start + BATCH]
        marks = ", ".join("?" for _ in chunk)
        out.update((row["id"], row) for row in db.query(f"{sql} AND c.id IN ({marks})",
                                                         [run, *chunk]))
    return out
