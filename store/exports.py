"""Exports for people and other tools: CSV for editors, a Markdown report, ClaimReview JSON-LD.

Each is a generator of text chunks, so `crossfact export` streams to a file or stdout.
The JSONL log is in jsonl.py (it is also the import and recorded-session format).
"""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from collections.abc import Callable, Iterator
from typing import Any

from .base import StoreBase
from .decisions import on_current_matches
from .jsonl import export_jsonl, story_ids
from .numbering import NUMBER_SQL

VERDICT_WORDS = {
    "agree": "Consistent across versions",
    "conflict": "Versions conflict",
    "unsourced": "Not supported by the other versions",
}


def _members(store: StoreBase, story: str) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    for row in store.db.query("""
        SELECT cm."match", cm.lang, cm.suggested, c.id AS claim, c.text, c.fingerprint,
               d.id AS doc, d.title, d.path, d.url
        FROM current_members cm
        JOIN claims c ON c.run = cm.run AND c.id = cm.claim
        JOIN documents d ON d.run = c.run AND d.id = c.doc
        WHERE cm.story = ? ORDER BY cm."match", cm.ord""", [story]):
        out.setdefault(row["match"], []).append(row)
    return out


def _matches(store: StoreBase, story: str) -> Iterator[dict[str, Any]]:
    yield from store.db.query(f"""SELECT m.*, {NUMBER_SQL} AS number FROM current_matches m
                                  WHERE m.story = ? ORDER BY m.position, m.id""", [story])


def _story_name(store: StoreBase, story: str) -> str:
    return store.db.execute("SELECT name FROM stories WHERE id = ?", [story]).fetchone()[0]


# -- CSV --------------------------------------------------------------------------------


def export_csv(store: StoreBase, story: str | None = None) -> Iterator[str]:
    """One row per match: its claims per language and each reviewer's verdict and note."""
    stories = story_ids(store, story)
    marks = ", ".join("?" for _ in stories)
    langs = [row[0] for row in store.db.execute(
        f"SELECT DISTINCT lang FROM current_members WHERE story IN ({marks}) ORDER BY lang",
        stories)]
    reviewers = [row[0] for row in store.db.execute(
        f"SELECT DISTINCT reviewer FROM current_decisions WHERE story IN ({marks}) ORDER BY 1",
        stories)]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")

    def flush(row: list[Any]) -> str:
        writer.writerow(row)
        text = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        return text

    yield flush(["story", "position", "match", "suggestion", "score", "corrected", *langs,
                 *(f"{col}:{r}" for r in reviewers for col in ("verdict", "outliers", "note"))])
    for story_id in stories:
        name = _story_name(store, story_id)
        members, decisions = _members(store, story_id), on_current_matches(store.db, story_id)
        for match in _matches(store, story_id):
            texts = {lang: " | ".join(m["text"] for m in members.get(match["id"], [])
                                      if m["lang"] == lang) for lang in langs}
            cells: list[Any] = []
            for reviewer in reviewers:
                d = decisions.get(match["id"], {}).get(reviewer, {})
                cells += [d.get("verdict") or "", " ".join(d.get("outliers", [])),
                          d.get("note") or ""]
            yield flush([name, match["position"], match["id"], match["suggestion"],
                         match["score"], match["corrected"], *texts.values(), *cells])


# -- Markdown ---------------------------------------------------------------------------


def _cell(text: str) -> str:
    """One table cell: one line, pipes escaped, control characters shown, not obeyed."""
    line = " ".join(str(text).split()).replace("|", "\\|")
    return "".join(f"\\x{ord(ch):02x}" if unicodedata.category(ch) == "Cc" else ch
                   for ch in line)


def _undecided(said: dict[str, dict[str, Any]]) -> bool:
    return not any(d["verdict"] for d in said.values())


def _figures(fingerprint: str) -> str:
    data = json.loads(fingerprint)
    return ", ".join(part["text"] for key in ("numbers", "dates") for part in data.get(key, []))


def export_md(store: StoreBase, story: str | None = None) -> Iterator[str]:
    """A report a person reads: progress, conflicts side by side, unsourced claims, notes."""
    for story_id in story_ids(store, story):
        members, decisions = _members(store, story_id), on_current_matches(store.db, story_id)
        matches = list(_matches(store, story_id))
        yield f"# {_cell(_story_name(store, story_id))}\n\n## Progress\n\n"
        reviewers = sorted({r for d in decisions.values() for r in d})
        if not reviewers:
            yield f"No verdicts yet ({len(matches)} matches).\n\n"
        for reviewer in reviewers:
            done = sum(1 for m in matches if decisions.get(m["id"], {}).get(reviewer, {})
                       .get("verdict"))
            yield f"- {_cell(reviewer)}: {done} of {len(matches)} matches decided\n"
        yield "\n## Conflicts\n\n"
        for match in matches:
            said = decisions.get(match["id"], {})
            conflict = {r: d for r, d in said.items() if d["verdict"] == "conflict"}
            if not conflict and not (match["suggestion"] == "conflict" and _undecided(said)):
                continue
            outliers = {o for d in conflict.values() for o in d["outliers"]}
            who = ", ".join(sorted(conflict)) or "suggested by crossfact, not yet decided"
            yield f"### Match {match['number']} ({who})\n\n"
            yield "| version | claim | figures | outlier |\n|---|---|---|---|\n"
            for m in members.get(match["id"], []):
                mark = "yes" if m["doc"] in outliers else ""
                yield (f"| {_cell(m['lang'])} | {_cell(m['text'])} | "
                       f"{_cell(_figures(m['fingerprint']))} | {mark} |\n")
            yield "\n"
        yield "## Unsourced claims\n\n"
        for match in matches:
            said = decisions.get(match["id"], {})
            if any(d["verdict"] == "unsourced" for d in said.values()) or (
                    match["suggestion"] == "unsourced" and _undecided(said)):
                for m in members.get(match["id"], []):
                    yield f"- ({_cell(m['lang'])}) {_cell(m['text'])}\n"
        yield "\n## Notes\n\n"
        for match in matches:
            for reviewer, d in sorted(decisions.get(match["id"], {}).items()):
                if d["note"]:
                    yield (f"- Match {match['number']}, {_cell(reviewer)}: "
                           f"{_cell(d['note'])}\n")
        yield "\n"


# -- ClaimReview ------------------------------------------------------------------------


def _appearance(member: dict[str, Any]) -> dict[str, Any]:
    """Where a claim appeared: its version's published URL when known; never a local file
    path, which means nothing to a reader of the JSON-LD and leaks the reviewer's disk."""
    work = {"@type": "CreativeWork", "headline": member["title"],
            "inLanguage": member["lang"], "text": member["text"]}
    if member["url"]:
        work["url"] = member["url"]
    return work


def claim_review(match: dict[str, Any], members: list[dict[str, Any]], reviewer: str,
                 decision: dict[str, Any]) -> dict[str, Any]:
    """schema.org ClaimReview for one reviewer's verdict on one match.

    No numeric truth scale: these verdicts are about consistency between versions, not
    truth, so the rating is only named (alternateName).
    """
    words = VERDICT_WORDS[decision["verdict"]]
    outliers = [m["lang"] for m in members if m["doc"] in decision["outliers"]]
    if outliers:
        words += f" ({', '.join(outliers)} differ)"
    rating: dict[str, Any] = {"@type": "Rating", "alternateName": words}
    if decision["note"]:
        rating["ratingExplanation"] = decision["note"]
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "identifier": match["id"],
        "claimReviewed": members[0]["text"] if members else "",
        "datePublished": decision["at"][:10],
        "author": {"@type": "Person", "name": reviewer},
        "reviewRating": rating,
        "itemReviewed": {
            "@type": "Claim",
            "appearance": [_appearance(m) for m in members],
        },
    }


def export_claimreview(store: StoreBase, story: str | None = None) -> Iterator[str]:
    """A JSON array of ClaimReview objects, one per reviewer's verdict on a current match."""
    first = True
    yield "["
    for story_id in story_ids(store, story):
        members, decisions = _members(store, story_id), on_current_matches(store.db, story_id)
        for match in _matches(store, story_id):
            for reviewer, decision in sorted(decisions.get(match["id"], {}).items()):
                if decision["verdict"] is None:
                    continue
                review = claim_review(match, members.get(match["id"], []), reviewer, decision)
                yield ("\n" if first else ",\n") + json.dumps(review, ensure_ascii=False,
                                                             sort_keys=True)
                first = False
    yield "\n]\n"


FORMATS: dict[str, Callable[[StoreBase, str | None], Iterator[str]]] = {
    "jsonl": export_jsonl,
    "csv": export_csv,
    "md": export_md,
    "claimreview": export_claimreview,
}
