"""Exports for people and other tools: CSV for editors, a Markdown report, ClaimReview JSON-LD.

Each is a generator of text chunks, so `crossfact export` streams to a file or stdout.
The JSONL log is in jsonl.py (it is also the import and recorded-session format).
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from crossfact.errors import InputError
from crossfact.story_file import is_web_url
from crossfact.terminal import show_controls
from crossfact.wording import alternatives, plural

from .base import StoreBase
from .decisions import on_current_matches, written
from .errors import StoreError
from .jsonl import export_jsonl, story_ids
from .numbering import IN_NUMBER_ORDER, NUMBER_SQL
from .output_file import atomic_file, output_path
from .reads import REFIXED, ReadMixin
from .stories import text_sha256
from .views import link_score
from .words import carried_and_orphaned, look_again

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
                                  WHERE m.story = ? ORDER BY {IN_NUMBER_ORDER}""", [story])


def _story_name(store: StoreBase, story: str) -> str:
    return store.db.execute("SELECT name FROM stories WHERE id = ?", [story]).fetchone()[0]


# -- CSV --------------------------------------------------------------------------------

BOM = "\ufeff"
"""The CSV's first character, written in UTF-8 (what Python calls utf-8-sig): without it
Excel on Windows reads a CSV in the machine's legacy code page, and Bengali, Arabic and
Hebrew come out as mojibake. Other tools skip it (read it in Python with utf-8-sig)."""


def export_csv(store: StoreBase, story: str | None = None) -> Iterator[str]:
    """One row per match: its claims per language and each reviewer's verdict and note;
    a spreadsheet's UTF-8, with a BOM."""
    stories = story_ids(store, story)
    marks = ", ".join("?" for _ in stories)
    langs = [row[0] for row in store.db.execute(
        f"SELECT DISTINCT lang FROM current_members WHERE story IN ({marks}) ORDER BY lang",
        stories)]
    reviewers = [row[0] for row in store.db.execute(
        f"SELECT DISTINCT reviewer FROM current_decisions WHERE story IN ({marks}) ORDER BY 1",
        stories)]
    buffer = io.StringIO()
    # a bare \r never reaches the writer (csv_cell shows it as \x0d), so no row is split
    writer = csv.writer(buffer, lineterminator="\n")

    def flush(row: list[Any]) -> str:
        writer.writerow([csv_cell(cell) for cell in row])
        text = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        return text

    columns = ("verdict", "outliers", "note", "carried")
    yield BOM + flush(["story", "number", "match", "suggestion", "score", "corrected", *langs,
                 *(f"{col}:{r}" for r in reviewers for col in columns)])
    for story_id in stories:
        name = _story_name(store, story_id)
        members, decisions = _members(store, story_id), on_current_matches(store.db, story_id)
        carried = _carried(store, story_id)
        for match in _matches(store, story_id):
            held = members.get(match["id"], [])
            texts = {lang: " | ".join(m["text"] for m in held if m["lang"] == lang)
                     for lang in langs}
            cells: list[Any] = []
            for reviewer in reviewers:
                d = decisions.get(match["id"], {}).get(reviewer, {})
                cells += [d.get("verdict") or "",
                          " ".join(outlier_langs(held, d.get("outliers", []))),
                          d.get("note") or "", carried.get((match["id"], reviewer), "")]
            score = link_score(match["score"], match["corrected"], len(held))
            yield flush([name, match["number"], match["id"], match["suggestion"],
                         "" if score is None else score, match["corrected"], *texts.values(),
                         *cells])


def outlier_langs(members: list[dict[str, Any]], outliers: list[str]) -> list[str]:
    """The language codes of a decision's outlier versions (document ids) that the match
    still holds: a version split or moved out since is no longer an outlier of it."""
    return list(dict.fromkeys(m["lang"] for m in members if m["doc"] in outliers))


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")  # OWASP: what a spreadsheet may evaluate


def csv_cell(value: Any) -> Any:
    """A cell a spreadsheet shows and never runs (OWASP CSV injection: a text cell that
    starts like a formula gets a leading apostrophe); control characters shown, not obeyed.
    Numbers stay numbers."""
    if not isinstance(value, str):
        return value
    if value.startswith(FORMULA_STARTS):
        value = "'" + value
    return show_controls(value)


def _carried(store: StoreBase, story: str) -> dict[tuple[str, str], str]:
    """(match, reviewer) -> "second look" or "carried" for verdicts and notes a re-match
    carried over (store/carry.py) that still stand; "second look" too for a verdict given
    before a fix changed its match's claims (store/reads.py, REFIXED)."""
    found = {(row[0], row[1]): "second look" if row[2] else "carried"
             for row in store.db.execute("""
        SELECT d."match", d.reviewer, max(c.second_look AND c.event = d.verdict_event)
        FROM current_decisions d
        JOIN carried c ON c.event IN (d.verdict_event, d.note_event) AND c.match_to = d."match"
        WHERE d.story = :story AND c.run = (SELECT id FROM current_runs WHERE story = :story)
        GROUP BY d."match", d.reviewer""", {"story": story})}
    found.update({(row[0], row[1]): "second look" for row in store.db.execute(
        REFIXED.format(more=""), {"story": story})})
    return found


# -- Markdown ---------------------------------------------------------------------------


MD_ESCAPES = str.maketrans({
    "\\": "\\\\", "|": "\\|", "[": "\\[", "]": "\\]", "`": "\\`",
    "<": "&lt;", ">": "&gt;", "&": "&amp;",
})


def _cell(text: str) -> str:
    """One line of Markdown text that stays text: HTML (`<script>`, `onerror=`) and entities
    escaped, link and image syntax (`[x](javascript:...)`) and table pipes escaped, control
    characters shown (`\\x1b`), not obeyed."""
    return show_controls(" ".join(str(text).split()).translate(MD_ESCAPES))


# What opens a block at the start of a line: a list (`-`, `+`, `*`, `1.`, `1)`), a heading,
# a thematic break or a setext heading's underline (`---`, `===`, `___`), a fence (`~~~`)
_BLOCK_START = re.compile(r"\d{1,9}(?=[.)])|(?=[-+*#=_~])")


def _lines(text: str) -> str:
    """A note of several lines as lines of its list item: each one a `_cell`, joined by
    CommonMark's hard break (a backslash at the end of the line) and indented into the
    item; blank lines left out (they would end the item)."""
    cells = [_cell(line) for line in str(text).splitlines() if line.strip()]
    return "\\\n  ".join(cells[:1] + [_no_block(cell) for cell in cells[1:]])


def _no_block(cell: str) -> str:
    """A line that would open a block at its start (`- [x] done`, `# 2`) escaped there, so
    it stays a line of text (`>` is `&gt;` already)."""
    found = _BLOCK_START.match(cell)
    return cell if found is None else f"{cell[:found.end()]}\\{cell[found.end():]}"


def _places(matches: list[dict[str, Any]],
            members: dict[str, list[dict[str, Any]]]) -> dict[str, list[tuple[str, str]]]:
    """claim -> [(match id, number)] of every current match it is in, in document order."""
    out: dict[str, list[tuple[str, str]]] = {}
    for match in matches:
        for member in members.get(match["id"], []):
            out.setdefault(member["claim"], []).append((match["id"], match["number"]))
    return out


def _claim_cell(member: dict[str, Any], match: str,
                places: dict[str, list[tuple[str, str]]]) -> str:
    """A member's text as a cell, and " *(also in match 12)*" for a claim that is in other
    matches too (a sentence of several facts): in italics, outside the escaped text, so
    that no claim's own words can pass for it."""
    others = [number for other, number in places.get(member["claim"], []) if other != match]
    also = f" *(also in match{'es' if len(others) > 1 else ''} {', '.join(others)})*"
    return _cell(member["text"]) + (also if others else "")


def _undecided(said: dict[str, dict[str, Any]]) -> bool:
    return not any(d["verdict"] for d in said.values())


def _figures(fingerprint: str) -> str:
    data = json.loads(fingerprint)
    return ", ".join(part["text"] for key in ("numbers", "dates") for part in data.get(key, []))


def _skipped(store: StoreBase, story: str) -> dict[str, list[str]]:
    """match -> the reviewers whose latest word on it is a skip (no verdict since)."""
    out: dict[str, list[str]] = {}
    for match, reviewer in store.db.execute("""
        SELECT DISTINCT a."match", a.reviewer FROM active_events a
        JOIN current_matches m ON m.story = a.story AND m.id = a."match"
        WHERE a.story = ? AND a.kind = 'skip' AND NOT EXISTS (
            SELECT 1 FROM current_decisions d WHERE d.story = a.story AND d."match" = a."match"
              AND d.reviewer = a.reviewer AND d.verdict IS NOT NULL)
        ORDER BY a.reviewer""", [story]):
        out.setdefault(match, []).append(reviewer)
    return out


def _who(said: dict[str, dict[str, Any]], verdict: str, skipped: list[str]) -> str:
    """Who said `verdict` of a match, or that no one decided it (the machine's suggestion)."""
    by = sorted(r for r, d in said.items() if d["verdict"] == verdict)
    if by:  # and who decided otherwise: "decided by ann" read as settled where bob agreed
        dissent = sorted(f"{r} decided {d['verdict']}" for r, d in said.items()
                         if d["verdict"] and d["verdict"] != verdict)
        return "; ".join([f"decided by {', '.join(by)}", *dissent])
    others = sorted(f"{r}: {d['verdict']}" for r, d in said.items() if d["verdict"])
    if others:
        return f"suggested by crossfact; decided otherwise ({', '.join(others)})"
    return "suggested by crossfact, not decided" + (
        f"; skipped by {', '.join(skipped)}" if skipped else "")


def _reviewed(total: int,
              decisions: dict[str, dict[str, dict[str, Any]]]) -> Iterator[str]:
    """How much of the story people decided, per reviewer and together."""
    reviewers = sorted({r for d in decisions.values() for r, v in d.items() if v["verdict"]})
    if not reviewers:
        yield (f"No verdicts yet: none of {plural(total, 'match', 'matches')} was decided by "
               "a person. "
               "Everything below is crossfact's suggestion.\n\n")
        return
    anyone = sum(1 for d in decisions.values() if not _undecided(d))
    if anyone == total:
        yield f"All {plural(total, 'match', 'matches')} decided by a person.\n\n"
    else:
        yield (f"{anyone} of {plural(total, 'match', 'matches')} decided by a person "
               f"({100 * anyone / total:.0f}%); the other {total - anyone} carry crossfact's "
               "suggestion only, and are marked so below.\n\n")
    for reviewer in reviewers:
        done = sum(1 for d in decisions.values() if d.get(reviewer, {}).get("verdict"))
        yield f"- {_cell(reviewer)}: {done} of {plural(total, 'match', 'matches')} decided\n"
    yield "\n"


def _second_looks(store: StoreBase, story: str) -> Iterator[str]:
    """How many verdicts want a second look, counted as the CSV marks them (both causes)."""
    assert isinstance(store, ReadMixin)
    again = look_again(store.second_looks(story))
    if again:
        yield _sentence(again)


def _sentence(words: str) -> str:
    """A paragraph of the report: a count in words (store/words.py) as a sentence."""
    return f"{words[0].upper()}{words[1:]}.\n\n"


def _carry_over(store: StoreBase, story: str) -> Iterator[str]:
    """What a re-match did to the verdicts (store/carry.py), if the files ever changed."""
    assert isinstance(store, ReadMixin)
    counts = store.carry_counts(story)
    if not any(counts.values()):
        return
    yield "## Carried over and orphaned verdicts\n\n"
    yield from map(_sentence, carried_and_orphaned(counts))
    for event in store.orphans(story):
        claims = "; ".join(f"({_cell(lang)}) {_cell(text)}"
                           for lang, text in store.orphan_claims(event))
        said = event.verdict or "note"
        note = f"\\\n  note: {_lines(event.note)}" if written(event.note) else ""
        yield f"- {said} by {_cell(event.reviewer)}: {claims}{note}\n"
    yield "\n"


def export_md(store: StoreBase, story: str | None = None) -> Iterator[str]:
    """A report a person reads: how much was reviewed, conflicts side by side, unsourced
    claims, changed files, notes. Every item says whether a person decided it or it is
    crossfact's suggestion (and who skipped it)."""
    for story_id in story_ids(store, story):
        members, decisions = _members(store, story_id), on_current_matches(store.db, story_id)
        skipped = _skipped(store, story_id)
        matches = list(_matches(store, story_id))
        places = _places(matches, members)
        yield f"# {_cell(_story_name(store, story_id))}\n\n## Progress\n\n"
        yield from _reviewed(len(matches), decisions)
        yield from _second_looks(store, story_id)
        yield "## Conflicts\n\n"
        for match in matches:
            said = decisions.get(match["id"], {})
            conflict = {r: d for r, d in said.items() if d["verdict"] == "conflict"}
            if not conflict and not (match["suggestion"] == "conflict" and _undecided(said)):
                continue
            # "yes" only for the outliers a reviewer named: a conflict decided naming none
            # showed the machine's as "yes", under "decided by", as if the reviewer had
            named = {o for d in conflict.values() for o in d["outliers"]}
            machine = set() if named else set(json.loads(match["outliers"]))
            who = _who(said, "conflict", skipped.get(match["id"], []))
            yield f"### Match {match['number']} ({_cell(who)})\n\n"
            yield "| version | claim | figures | outlier |\n|---|---|---|---|\n"
            for m in members.get(match["id"], []):
                mark = ("yes" if m["doc"] in named else
                        "suggested" if m["doc"] in machine else "")
                yield (f"| {_cell(m['lang'])} | "
                       f"{_claim_cell(m, match['id'], places)} | "
                       f"{_cell(_figures(m['fingerprint']))} | {mark} |\n")
            yield "\n"
        yield "## Unsourced claims\n\n"
        decided = [m for m in matches if any(
            d["verdict"] == "unsourced" for d in decisions.get(m["id"], {}).values())]
        suggested = [m for m in matches if m["suggestion"] == "unsourced"
                     and _undecided(decisions.get(m["id"], {}))]
        for title, chosen in (("Decided unsourced by a reviewer", decided),
                              ("Suggested unsourced by crossfact, not decided", suggested)):
            yield f"### {title} ({len(chosen)})\n\n"
            for match in chosen:
                said = decisions.get(match["id"], {})
                who = _who(said, "unsourced", skipped.get(match["id"], []))
                for m in members.get(match["id"], []):
                    yield (f"- Match {match['number']} ({_cell(m['lang'])}, {_cell(who)}) "
                           f"{_claim_cell(m, match['id'], places)}\n")
            yield "\n"
        yield from _carry_over(store, story_id)
        yield "## Notes\n\n"
        for match in matches:
            for reviewer, d in sorted(decisions.get(match["id"], {}).items()):
                if written(d["note"]):
                    yield (f"- Match {match['number']}, {_cell(reviewer)}: "
                           f"{_lines(d['note'])}\n")
        yield "\n"


# -- ClaimReview ------------------------------------------------------------------------


def _appearance(member: dict[str, Any]) -> dict[str, Any]:
    """Where a claim appeared: its version's published URL when known; never a local file
    path, which means nothing to a reader of the JSON-LD and leaks the reviewer's disk."""
    work = {"@type": "CreativeWork", "headline": member["title"],
            "inLanguage": member["lang"], "text": member["text"]}
    if member["url"] and is_web_url(member["url"]):  # a file from elsewhere may hold others
        work["url"] = member["url"]
    return work


def representative(members: list[dict[str, Any]]) -> dict[str, Any]:
    """The member that names a match (its claimReviewed), as the list names it: the first
    firmly in it, since a claim of several facts held here as a weak link names the
    match of its own fact."""
    return next((m for m in members if not m["suggested"]), members[0])


def claim_review(match: dict[str, Any], members: list[dict[str, Any]], reviewer: str,
                 decision: dict[str, Any]) -> dict[str, Any]:
    """schema.org ClaimReview for one reviewer's verdict on one match.

    No numeric truth scale: these verdicts are about consistency between versions, not
    truth, so the rating is only named (alternateName).
    """
    words = VERDICT_WORDS[decision["verdict"]]
    outliers = outlier_langs(members, decision["outliers"])
    if outliers:
        words += f" ({', '.join(outliers)} differ)"
    rating: dict[str, Any] = {"@type": "Rating", "alternateName": words}
    if written(decision["note"]):
        rating["ratingExplanation"] = decision["note"]
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "identifier": match["id"],
        "claimReviewed": representative(members)["text"] if members else "",
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
                yield ("\n" if first else ",\n") + embeddable_json(review)
                first = False
    yield "\n]\n"


JSON_IN_HTML = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026",
                              "\u2028": "\\u2028", "\u2029": "\\u2029"})


def embeddable_json(value: Any) -> str:
    """JSON that is safe inside an HTML <script type="application/ld+json"> block, as
    publishers embed ClaimReview: `<`, `>` and `&` (which appear only inside strings) are
    written as \\u escapes, so `</script>` or `<!--` in a claim cannot end the block."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True).translate(JSON_IN_HTML)


FORMATS: dict[str, Callable[[StoreBase, str | None], Iterator[str]]] = {
    "jsonl": export_jsonl,
    "csv": export_csv,
    "md": export_md,
    "claimreview": export_claimreview,
}


# what a file name's ending says it holds, for `export -o` without --format: the endings
# the review app offers (story.jsonl, story.md or .markdown, story.claimreview.json)
SUFFIX_FORMATS = {".jsonl": "jsonl", ".csv": "csv", ".md": "md", ".markdown": "md",
                  ".json": "claimreview", ".jsonld": "claimreview"}


def format_of(path: str) -> str | None:
    """The export format a file name's ending names (None: no ending it tells by)."""
    return SUFFIX_FORMATS.get(Path(path).suffix.lower())


def ending_problem(fmt: str, path: str | Path, also: str = "") -> str | None:
    """What is wrong with writing `fmt` to a file whose ending names another format
    ("x.md" for csv), in one line (`also`: one more way out, the caller's); None if the
    ending names this format or none. Such a file was written silently, and opened as what
    its name says it is."""
    named = format_of(str(path))
    if named is None or named == fmt:
        return None
    endings = alternatives([end for end, its in SUFFIX_FORMATS.items() if its == fmt])
    return (f"{path}: its ending says {named}, not {fmt}: nothing written (end the name in "
            f"{endings}{also})")


def write_export(store: StoreBase, fmt: str, story: str | None, target: Path, *,
                 overwrite: bool = False) -> Path:
    """Write an export to `target` (through a symbolic link to the file it names), which
    appears only once complete.

    An existing file is never replaced unless `overwrite` (the caller asked the user):
    StoreError instead, the file untouched; nor is the store's own database, or anything
    but a regular file (store.output_file). The file gets the permissions the user's umask
    gives a new file (a temporary file would be private, 0600).
    """
    real = output_path(target, store.path)
    not_among_versions(store, real, target)
    with atomic_file(real, overwrite=overwrite, shown=target) as write:
        for chunk in FORMATS[fmt](store, story):
            write(chunk)
    return target


def not_among_versions(store: StoreBase, real: Path, out: str | Path) -> None:
    """Refuse an export named as a version is (.md, .txt, .html...: reading.VERSION_SUFFIXES)
    into a folder that holds a stored story's versions: the next `review` of that folder
    would read the report as one more version (the review app offers .markdown there).
    Versions are known by their text (a page's or document's extracted text), not their path
    as given; a file too large to be read as a version (reading.MAX_BYTES) is not read."""
    from crossfact.reading import VERSION_SUFFIXES, collect_paths, read_text

    if not real.name.lower().endswith(VERSION_SUFFIXES):
        return
    stored = {row[0] for row in store.db.execute(
        "SELECT d.sha256 FROM documents d JOIN current_runs r ON r.id = d.run")}
    try:
        beside = [f for f in collect_paths([real.parent], notice=lambda _: None)
                  if f.resolve() != real]
    except InputError:  # no versions there, or a folder that cannot be listed
        return
    for file in beside:
        with contextlib.suppress(OSError, InputError):  # too large, binary: never a version
            if text_sha256(read_text(file)[0]) in stored:  # a page's or document's text
                raise StoreError(
                    f"{out}: among the versions of a story ({file.name} is one), where a "
                    f"{real.suffix} file is read as one more version the next time the folder "
                    "is opened; name it .markdown, or write it elsewhere")
