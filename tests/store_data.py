"""Hand-built MatchResults for the store tests: several scripts and hostile text.

Built from the models rather than from the matcher, so the store tests do not depend on
the matching pipeline (and fail only for the store's own reasons).
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from crossfact.ids import stable_id
from crossfact.models import Claim, Document, Match, MatchResult
from crossfact.store import Store, open_store
from crossfact.store.exports import FORMATS
from crossfact.store.importing import import_lines
from crossfact.store.replaying import ReplayReport, replay_file

HOSTILE = "He said \"it's\" '; DROP TABLE events; -- [bold]x[/] \x00 NUL \x1b[31m end"

# lang -> the claims of that version, in order
VERSIONS: dict[str, list[str]] = {
    "tr": ["Tesla bu yıl 10 milyar dolar harcadı.", "Fabrika 2024'te açıldı.",
           "Şirket 29.000 çalışan istihdam ediyor."],
    "bn": ["টেসলা এই বছর ১০ বিলিয়ন ডলার খরচ করেছে।", "কারখানাটি ২০২৪ সালে খোলা হয়েছে।",
           "কোম্পানিটি ২৯,০০০ কর্মী নিয়োগ করে।"],
    "ar": ["أنفقت تسلا 10 مليارات دولار هذا العام.", "افتتح المصنع في عام 2023.",
           "توظف الشركة ٢٩٬٠٠٠ عامل."],
    "he": ["טסלה הוציאה השנה 10 מיליארד דולר.", "המפעל נפתח ב-2024.",
           "החברה מעסיקה 29,000 עובדים."],
    "fr": ["Tesla a dépensé 10 milliards de dollars cette année.", "L'usine a ouvert en 2024.",
           HOSTILE],
}


def build(versions: dict[str, list[str]] | None = None) -> MatchResult:
    """Documents from the claim texts; claim i of every version forms match i.

    Match 0 agrees, match 1 is a conflict (Arabic says 2023), match 2 has the French
    hostile claim split off as unsourced and the Hebrew one only a suggested link.
    """
    versions = versions or VERSIONS
    documents, claims, by_lang = [], [], {}
    for lang, texts in versions.items():
        path = f"story/{lang}.txt"
        text = "\n".join(texts)
        doc = Document(id=stable_id(path, text, prefix="d"), path=path, lang=lang,
                       title=f"{lang} version", text=text)
        documents.append(doc)
        start = 0
        for index, claim_text in enumerate(texts):
            claim = Claim(id=stable_id(doc.id, str(index), claim_text, prefix="c"), doc=doc.id,
                          index=index, text=claim_text, start=start,
                          end=start + len(claim_text))
            claims.append(claim)
            by_lang.setdefault(lang, []).append(claim)
            start += len(claim_text) + 1
    doc_of = {doc.lang: doc.id for doc in documents}
    matches = []
    for i in range(max(len(t) for t in versions.values())):
        group = [by_lang[lang][i] for lang in versions if i < len(by_lang[lang])]
        suggestion, outliers, suggested = "agree", [], []
        if i == 1:
            suggestion, outliers = "conflict", [doc_of["ar"]] if "ar" in doc_of else []
        if i == 2:
            group = [c for c in group if c.doc != doc_of.get("fr")]
            suggested = [c.id for c in group if c.doc == doc_of.get("he")]
        ids = [c.id for c in group]
        matches.append(Match(id=stable_id(*ids, prefix="m"), claims=ids, score=0.9 - i / 10,
                             suggestion=suggestion, reasons=[f"reason {i}", "10 = ১০"],
                             suggested=suggested, outliers=outliers))
    lone = [c for c in by_lang.get("fr", [])[2:3]]
    for claim in lone:
        matches.append(Match(id=stable_id(claim.id, prefix="m"), claims=[claim.id], score=0.0,
                             suggestion="unsourced", reasons=["no counterpart"]))
    return MatchResult(documents=documents, claims=claims, matches=matches)


def changed() -> MatchResult:
    """The same story after an edit: Turkish claim 0 near-identical, Arabic claim 2 gone."""
    versions = {lang: list(texts) for lang, texts in VERSIONS.items()}
    versions["tr"][0] = "Tesla bu yıl 10 milyar dolar harcamıştı."
    versions["ar"][2] = "كلام مختلف تماما لا علاقة له بالأصل"
    return build(versions)


class Ticker:
    """An injectable clock and id source: replays and tests get the same bytes every time."""

    def __init__(self, prefix: str = "e") -> None:
        self.n = 0
        self.prefix = prefix

    def clock(self) -> str:
        self.n += 1
        return f"2026-01-01T00:{self.n // 60:02d}:{self.n % 60:02d}.000Z"

    def new_id(self) -> str:
        self.n += 1
        return f"{self.prefix}{self.n:06d}"


def open_test_store(path: Path, ticker: Ticker | None = None) -> Store:
    """A store with a deterministic clock and ids."""
    ticker = ticker or Ticker()
    return open_store(path, clock=ticker.clock, new_id=ticker.new_id)


@contextmanager
def imported_and_replayed(s: Store, story: str,
                          folder: Path) -> Iterator[tuple[str, list[Store], ReplayReport]]:
    """The story's JSONL export (its text), imported into one new store and replayed into
    another (both closed after), and the replay's report."""
    log = folder / "exported.jsonl"
    log.write_text("".join(FORMATS["jsonl"](s, story)), encoding="utf-8")
    imported = open_test_store(folder / "imported.db")
    replayed = open_test_store(folder / "replayed.db")
    try:
        import_lines(imported, io.StringIO(log.read_text(encoding="utf-8")), log.name)
        report = replay_file(replayed, log)
        yield log.read_text(encoding="utf-8"), [imported, replayed], report
    finally:
        imported.close()
        replayed.close()


def review(s: Store, reviewer: str = "ann", session: str = "s1") -> None:
    """A small review: every verdict kind, a note, a correction and an undo."""
    rows = s.matches("seed", reviewer=reviewer)
    s.decide("seed", rows[0].id, "agree", reviewer=reviewer, session=session)
    s.decide("seed", rows[1].id, "conflict", reviewer=reviewer, session=session,
             note="Arabic says 2023")
    s.decide("seed", rows[3].id, "unsourced", reviewer=reviewer, session=session)
    view = s.match(rows[2].id, reviewer=reviewer)
    weak = next(m for m in view.members if m.suggested)
    s.confirm_link("seed", rows[2].id, weak.claim.id, reviewer=reviewer, session=session)
    s.decide("seed", rows[2].id, "agree", reviewer=reviewer, session=session)
    s.note("seed", rows[2].id, HOSTILE, reviewer=reviewer, session=session)
    s.skip("seed", rows[0].id, reviewer=reviewer, session=session)
    s.undo("seed", reviewer=reviewer, session=session)


# The Turkish version states the spending and the factory's opening in one sentence, which
# the other versions say in two: that claim is firm in match 0 and suggested in match 1.
TWO_FACTS = "Tesla bu yıl 10 milyar dolar harcadı ve fabrika 2024'te açıldı."


def shared(versions: dict[str, list[str]] | None = None) -> MatchResult:
    """`build` with the first Turkish claim stating two facts: a member of match 0 (firm)
    and of match 1 (a suggested link), as the engine lists a claim of several facts."""
    versions = {lang: list(texts) for lang, texts in (versions or VERSIONS).items()}
    versions["tr"][0] = TWO_FACTS
    result = build(versions)
    return share(result, result.matches[0].claims[0], 1)


def share(result: MatchResult, claim: str, index: int) -> MatchResult:
    """`result` with `claim` also a suggested member of match `index`, listed beside the
    claims of its own version there (one run of adjacent claims per version)."""
    match = result.matches[index]
    doc = next(c.doc for c in result.claims if c.id == claim)
    docs = {c.id: c.doc for c in result.claims}
    at = next((n for n, c in enumerate(match.claims) if docs[c] == doc), len(match.claims))
    wider = match.model_copy(update={"claims": [*match.claims[:at], claim, *match.claims[at:]],
                                     "suggested": [*match.suggested, claim]})
    return result.model_copy(update={"matches": [*result.matches[:index], wider,
                                                 *result.matches[index + 1:]]})


def file_before_split_letters(path: Path) -> tuple[str, list[dict]]:
    """A file the release before m013 wrote, where a split-out was undone after another was
    split out at its place, and the later one decided: m011's view had moved it up a letter
    ("1c" to "1b"). Its id, and the log."""
    from sqlite_utils import Database

    from crossfact.store.schema import m011_numbers_kept

    old = open_test_store(path)
    old.add_story("seed", build(), {})
    first = old.matches("seed", reviewer="ann")[0].id
    claims = [m.claim.id for m in old.match(first, reviewer="ann").members]
    old.split_claim("seed", claims[0], reviewer="bob", session="s", match_id=first)
    old.split_claim("seed", claims[1], reviewer="ann", session="s", match_id=first)
    old.undo("seed", reviewer="bob", session="s")
    later = next(r for r in old.matches("seed", reviewer="ann") if r.number.endswith("c"))
    old.decide("seed", later.id, "unsourced", reviewer="ann", session="s")
    events = list(old.db["events"].rows)
    old.close()
    raw = Database(path)  # back to the schema before m013, data kept
    raw.execute("DROP TABLE split_letters")
    m011_numbers_kept(raw)
    raw.execute("""CREATE INDEX idx_events_fix_claims ON events (story, claim, seq)
                   WHERE kind IN ('move', 'split', 'break')""")
    raw.execute("DELETE FROM _sqlite_migrations WHERE name = 'm013_split_letters'")
    raw.execute("PRAGMA user_version = 12")
    assert list(raw.execute('SELECT number FROM current_verdicts')) == [("1b",)]
    raw.close()
    return later.id, events
