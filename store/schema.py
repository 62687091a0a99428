"""The database schema as sqlite-utils migrations: one function per version, never edited.

The file is a public interface (Datasette, `sqlite-utils` users), so tables and views have
plain names and real foreign keys. Run-scoped tables (documents, claims, matches, members)
are keyed by (run, id): a re-matched story keeps its earlier runs, so events that point at
claims or matches of an earlier run are never left dangling and nothing is dropped.
"""

from __future__ import annotations

from sqlite_utils import Database, Migrations

MIGRATION_SET = "crossfact"
FTS_TOKENIZER = "unicode61 categories 'L* N* Co M*'"  # keeps Bengali and pointed Hebrew whole

migrations = Migrations(MIGRATION_SET)


def _readable_verdicts(db: Database, number: str) -> None:
    """`current_verdicts` made again with `number` (SQL of the current_matches row `m`) as its
    match number; the rest as m005 made it."""
    members = """(SELECT group_concat({column}, {separator}) FROM (
        SELECT cm.lang, c.text FROM current_members cm
        JOIN claims c ON c.run = cm.run AND c.id = cm.claim
        WHERE cm.story = v.story AND cm."match" = v."match" ORDER BY cm.ord))"""
    db.execute("DROP VIEW current_verdicts")
    db.create_view("current_verdicts", f"""
        SELECT v.story, s.name AS story_name, v."match",
               (SELECT {number} FROM current_matches m
                WHERE m.story = v.story AND m.id = v."match") AS number,
               v.reviewer, v.verdict,
               {members.format(column="lang", separator="' '")} AS langs,
               {members.format(column="lang || ': ' || text", separator="char(10)")} AS claims,
               v.outliers, v.note, v.event, v.at, v.session
        FROM (SELECT a.story, a."match", a.reviewer, a.verdict, a.outliers, a.note,
                     a.id AS event, a.at, a.session, row_number() OVER (
                         PARTITION BY a.story, a."match", a.reviewer ORDER BY a.seq DESC) AS latest
              FROM active_events a WHERE a.kind = 'verdict') v
        JOIN stories s ON s.id = v.story
        WHERE v.latest = 1""")


# How each schema numbered a match (SQL of the current_matches row `m`), frozen as written:
# the migration that introduced each puts it in `current_verdicts`, and an upgrade that
# changes the numbering compares the two to tell the reviewer which numbers changed
# (store/connection.py, `NUMBERED_BY`).
_MADE = "EXISTS (SELECT 1 FROM matches r WHERE r.run = {a}.run AND r.id = {a}.id)"
_M005_BEFORE = f"""(SELECT count(*) FROM current_matches o
        WHERE o.story = m.story AND o.position = m.position AND o.id != m.id
          AND ({_MADE.format(a="o")} > {_MADE.format(a="m")}
               OR ({_MADE.format(a="o")} = {_MADE.format(a="m")} AND o.id < m.id)))"""
M005_NUMBER = f"""((m.position + 1) || (SELECT CASE WHEN n = 0 THEN '' ELSE char(97 + n) END
                                      FROM (SELECT {_M005_BEFORE} AS n)))"""
_M011_MADE_AT = """coalesce((SELECT min(e.seq) FROM current_members c
        CROSS JOIN events e ON e.story = c.story AND e.claim = c.claim
                     AND e.kind IN ('split', 'break') AND e.kind IN ('move', 'split', 'break')
        WHERE c.story = {a}.story AND c."match" = {a}.id), 0)"""
_O_AT, _M_AT = _M011_MADE_AT.format(a="o"), _M011_MADE_AT.format(a="m")
_M011_BEFORE = f"""(SELECT count(*) FROM current_matches o
        WHERE o.story = m.story AND o.position = m.position AND o.id != m.id
          AND NOT {_MADE.format(a="o")}
          AND ({_O_AT} < {_M_AT}
               OR ({_O_AT} = {_M_AT} AND o.id < m.id)))"""
M011_NUMBER = f"""((m.position + 1) || CASE WHEN {_MADE.format(a="m")} THEN ''
                                                    ELSE char(98 + {_M011_BEFORE}) END)"""
M013_NUMBER = """((m.position + 1) || coalesce((SELECT s.letter FROM split_letters s
        WHERE s.story = m.story AND s.position = m.position AND s."match" = m.id), ''))"""
SPLIT_OUT = f"NOT {_MADE.format(a='m')}"
"""Whether the current_matches row `m` is a split-out (no matcher's match): only those have
letters, so only their numbers can change."""


@migrations()
def m001_initial(db: Database) -> None:
    """Stories, runs, their documents/claims/matches, the event log and the derived state."""
    db.table("stories").create(
        {"id": str, "name": str, "created": str},
        pk="id", not_null={"name", "created"}, strict=True,
    )
    db.table("stories").create_index(["name"], unique=True)
    db.table("runs").create(
        {"id": str, "story": str, "number": int, "created": str, "version": str, "params": str},
        pk="id", foreign_keys=[("story", "stories", "id")],
        not_null={"story", "number", "created", "version", "params"}, strict=True,
    )
    db.table("runs").create_index(["story", "number", "created"])
    db.table("documents").create(
        {"run": str, "id": str, "path": str, "lang": str, "title": str, "text": str,
         "encoding": str, "sha256": str},
        pk=("run", "id"), foreign_keys=[("run", "runs", "id")],
        not_null={"path", "lang", "title", "text", "encoding", "sha256"}, strict=True,
    )
    db.table("claims").create(
        {"run": str, "id": str, "doc": str, "index": int, "text": str, "start": int, "end": int,
         "kind": str, "paragraph": int, "fingerprint": str},
        pk=("run", "id"), foreign_keys=[(("run", "doc"), "documents", ("run", "id"))],
        not_null={"doc", "index", "text", "start", "end", "kind", "paragraph", "fingerprint"},
        strict=True,
    )
    db.table("claims").create_index(["run", "doc", "index"])
    db.table("claims").enable_fts(["text"], create_triggers=True, tokenize=FTS_TOKENIZER)
    db.table("matches").create(
        {"run": str, "id": str, "position": int, "score": float, "suggestion": str,
         "reasons": str, "outliers": str},
        pk=("run", "id"), foreign_keys=[("run", "runs", "id")],
        not_null={"position", "score", "suggestion", "reasons", "outliers"}, strict=True,
    )
    db.table("members").create(
        {"run": str, "match": str, "claim": str, "ord": int, "suggested": int},
        pk=("run", "match", "claim"),
        foreign_keys=[(("run", "match"), "matches", ("run", "id")),
                      (("run", "claim"), "claims", ("run", "id"))],
        not_null={"ord", "suggested"}, strict=True,
    )
    db.table("members").create_index(["run", "claim"])
    db.table("events").create(
        {"seq": int, "id": str, "story": str, "kind": str, "match": str, "verdict": str,
         "outliers": str, "note": str, "claim": str, "target": str, "supersedes": str,
         "reviewer": str, "session": str, "at": str},
        pk="seq", foreign_keys=[("story", "stories", "id")],
        not_null={"id", "story", "kind", "outliers", "reviewer", "session", "at"}, strict=True,
    )
    db.table("events").create_index(["id"], unique=True)
    db.table("events").create_index(["story", "match", "reviewer", "kind", "seq"])
    db.table("events").create_index(["story", "reviewer", "seq"])
    db.table("events").create_index(["supersedes"])
    # Append-only is a property of the file, not only of this code: other tools write too.
    for action in ("UPDATE", "DELETE"):
        db.execute(
            f"CREATE TRIGGER events_no_{action.lower()} BEFORE {action} ON events "
            "BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END"
        )
    db.table("carried").create(
        {"run": str, "event": str, "source": str, "match_from": str, "match_to": str,
         "similarity": float, "second_look": int},
        pk=("run", "event"), foreign_keys=[("run", "runs", "id")],
        not_null={"source", "match_from", "match_to", "similarity", "second_look"}, strict=True,
    )
    # Derived state: rebuilt from the current run and the log (store/state.py), never edited.
    db.table("current_matches").create(
        {"story": str, "id": str, "run": str, "position": int, "score": float,
         "suggestion": str, "reasons": str, "outliers": str, "corrected": int, "gist": str,
         "langs": str},
        pk=("story", "id"), foreign_keys=[("story", "stories", "id"), ("run", "runs", "id")],
        not_null={"run", "position", "score", "suggestion", "reasons", "outliers", "corrected",
                  "gist", "langs"}, strict=True,
    )
    db.table("current_matches").create_index(["story", "position", "id"])
    db.table("current_members").create(
        {"story": str, "claim": str, "match": str, "run": str, "doc": str, "lang": str,
         "ord": int, "suggested": int},
        pk=("story", "claim"),
        foreign_keys=[(("story", "match"), "current_matches", ("story", "id")),
                      (("run", "claim"), "claims", ("run", "id"))],
        not_null={"match", "run", "doc", "lang", "ord", "suggested"}, strict=True,
    )
    db.table("current_members").create_index(["story", "match", "ord"])
    db.create_view("current_runs", """
        SELECT r.* FROM runs r
        WHERE r.rowid = (SELECT r2.rowid FROM runs r2 WHERE r2.story = r.story
                         ORDER BY r2.number DESC, r2.created DESC, r2.id DESC LIMIT 1)""")
    db.create_view("active_events", """
        SELECT e.* FROM events e
        WHERE e.kind != 'undo'
          AND NOT EXISTS (SELECT 1 FROM events u WHERE u.supersedes = e.id AND u.kind = 'undo')""")
    # The latest active event of its kind per (story, match, reviewer). A window function
    # keeps a whole-story scan O(n log n); SQLite pushes story/match/reviewer filters into
    # the subquery (they are its PARTITION BY columns), so one lookup is an index search.
    notes = "(a.kind = 'note' OR (a.kind = 'verdict' AND a.note IS NOT NULL))"
    for view, which in (("current_verdicts", "a.kind = 'verdict'"), ("current_notes", notes)):
        db.create_view(view, f"""
            SELECT story, "match", reviewer, verdict, outliers, note, event, at, session
            FROM (SELECT a.*, a.id AS event, row_number() OVER (
                      PARTITION BY a.story, a."match", a.reviewer ORDER BY a.seq DESC) AS latest
                  FROM active_events a WHERE {which})
            WHERE latest = 1""")


@migrations()
def m002_current_decisions(db: Database) -> None:
    """Each reviewer's current verdict and note per match, as a table kept from the log.

    The views give the same answer but cost a window over the whole log per question; the
    TUI asks per match and per page, so the answers are kept in a table that `apply`
    updates and `rebuild` recomputes (store/decisions.py).

    Frozen: the table is filled after the migrations by the code that defines it
    (`REFILLED`), not here, so this function never runs today's code on yesterday's schema.
    """
    db.table("current_decisions").create(
        {"story": str, "match": str, "reviewer": str, "verdict": str, "outliers": str,
         "verdict_event": str, "verdict_at": str, "note": str, "note_event": str},
        pk=("story", "match", "reviewer"), foreign_keys=[("story", "stories", "id")],
        not_null={"outliers"}, strict=True,
    )
    db.table("current_decisions").create_index(["story", "reviewer"])


@migrations()
def m003_document_urls(db: Database) -> None:
    """Where each version was published, for ClaimReview appearances; NULL when unknown
    (a local file path is not a URL and is never put in its place)."""
    db.table("documents").add_column("url", str)


@migrations()
def m004_own_undo_and_origins(db: Database) -> None:
    """An undo takes back only its own reviewer's event in its own story, whatever path the
    undo came by (the first view honoured anyone's); and where each event came from.

    `origins` names each file an import, merge or replay read (with its SHA-256 and the
    time); `events.origin` points at it. Row 1 is this database itself: events recorded
    through its own commands (the TUI's keys). Events older than this migration have no
    origin (NULL): where they came from was not recorded.
    """
    db.execute("DROP VIEW active_events")
    db.create_view("active_events", """
        SELECT e.* FROM events e
        WHERE e.kind != 'undo'
          AND NOT EXISTS (SELECT 1 FROM events u
                          WHERE u.supersedes = e.id AND u.kind = 'undo'
                            AND u.reviewer = e.reviewer AND u.story = e.story)""")
    db.table("origins").create(
        {"id": int, "kind": str, "source": str, "sha256": str, "at": str},
        pk="id", not_null={"kind", "source", "at"}, strict=True,
    )
    db.table("origins").insert({"id": 1, "kind": "here", "source": "this database",
                          "at": "1970-01-01T00:00:00.000Z"})
    db.execute("ALTER TABLE events ADD COLUMN origin INTEGER REFERENCES origins(id)")


@migrations()
def m005_readable_verdicts(db: Database) -> None:
    """`current_verdicts` readable on its own (in `sqlite-utils`, Datasette): the story's
    name, the match number as the TUI shows it ("22", "24b"), its languages and its claims'
    texts beside the ids. The first columns keep their names; code that reads the view names
    the columns it needs, so SQLite skips the readable ones it does not ask for.

    Frozen: the number is the SQL of store/numbering.py as it stood at this version, written
    out here; NULL for a match no longer current. m011 numbers as numbering.py does since.
    """
    _readable_verdicts(db, M005_NUMBER)


@migrations()
def m006_transliterated_search(db: Database) -> None:
    """Search across scripts (`tesla` finds টেসলা and تسلا): a second full-text index of the
    claims, by transliterated text and by the consonants of its Arabic and Hebrew words.

    Frozen: the rows are computed by today's code (store/search_text.py) after the
    migrations (`REINDEXED`) and when a run's claims are inserted; rowid is the claim's.
    """
    db.execute("CREATE VIRTUAL TABLE claims_latin_fts USING fts5(latin, consonants)")


@migrations()
def m007_shared_members(db: Database) -> None:
    """A claim may be a member of several current matches (a sentence that states two facts:
    its firm match, and a suggested place in another): `current_members` is keyed by
    (story, match, claim), and indexed by (story, claim, match) for the lookups from a claim
    to its matches (search, the "also in" of a member); covering, since without the match
    in it SQLite preferred reading all of a story's members by the primary key.

    The table is derived (store/state.py), so it is made again empty and refilled from the
    log by today's code after the migrations (`REFILLED`); no decision lives in it.
    """
    db.execute("DROP TABLE current_members")
    db.table("current_members").create(
        {"story": str, "claim": str, "match": str, "run": str, "doc": str, "lang": str,
         "ord": int, "suggested": int},
        pk=("story", "match", "claim"),
        foreign_keys=[(("story", "match"), "current_matches", ("story", "id")),
                      (("run", "claim"), "claims", ("run", "id"))],
        not_null={"run", "doc", "lang", "ord", "suggested"}, strict=True,
    )
    db.table("current_members").create_index(["story", "match", "ord"])
    db.table("current_members").create_index(["story", "claim", "match"])


@migrations()
def m008_document_outlets(db: Database) -> None:
    """Which other versions of its run each version is not a translation of but another
    outlet's article (`Document.outlets`, a JSON list of document ids), so that a match the
    reviewer corrected is suggested again as the matcher suggests (between outlets, figures
    are compared by their fact and may split into camps). Runs matched before this say
    none: theirs were suggested so, and are suggested again so."""
    db.table("documents").add_column("outlets", str, not_null_default="[]")


@migrations()
def m009_one_carried_event_per_decision(db: Database) -> None:
    """Two matches decided alike whose claims a re-match holds in one match are carried by
    one event (it wrote two: the log held one decision twice): `carried` has a row per
    source, keyed by (run, source), and two rows may name one event. Each source was carried
    at most once per run before, so the rows are kept as they are."""
    db.table("carried").transform(pk=("run", "source"))


@migrations()
def m010_fixes_index(db: Database) -> None:
    """The fixes of a story (move, split, break) in log order, as a small partial index: a
    verdict given before a fix changed its match's claims wants a second look
    (store/reads.py, REFIXED), and without it each decided match read the story's whole log
    to learn so (3 s to count them at 100k events). The query repeats the index's WHERE."""
    db.execute("""CREATE INDEX idx_events_fixes ON events (story, seq, "match", target)
                  WHERE kind IN ('move', 'split', 'break')""")


@migrations()
def m011_numbers_kept(db: Database) -> None:
    """`current_verdicts` numbers as store/numbering.py does since: the plain number is the
    matcher's match's alone (retired once a fix dissolves it), and split-outs are lettered
    in the order they were split out, not by id. Frozen, as in m005."""
    _readable_verdicts(db, M011_NUMBER)


@migrations()
def m012_applied_fixes(db: Database) -> None:
    """Which fixes of the log applied when the membership was derived: one that no longer
    does (after a re-match or a merge) stays in the log but changes no claims, and a verdict
    given before it wants no second look for it (store/reads.py, REFIXED). Derived, so it
    is filled after the migrations (`REFILLED`) and kept by store/state.py. With it, an
    index of the fixes by claim, for the match numbers (store/numbering.py)."""
    db.table("applied_fixes").create(
        {"story": str, "event": str}, pk=("story", "event"),
        foreign_keys=[("story", "stories", "id")], strict=True,
    )
    # and the fixes by claim: a split-out's letter (m011) asks when its claims were first
    # split out, which read every fix of the story per split-out listed without it
    db.execute("""CREATE INDEX idx_events_fix_claims ON events (story, claim, seq)
                  WHERE kind IN ('move', 'split', 'break')""")


@migrations()
def m013_split_letters(db: Database) -> None:
    """A split-out's letter kept for good (store/numbering.py): `split_letters` holds each
    split-out the log made at a place, with the letter it was given there; one that goes (an
    undo, a move back) keeps its row, so its letter is not handed to the next, as counting
    the current split-outs (m011) did. Derived from the log, so filled after the migrations
    (`REFILLED`) and kept by store/state.py. `current_verdicts` numbers by it (frozen, as in
    m005), and the index of the fixes by claim (m012), read only for the letters, goes."""
    db.table("split_letters").create(
        {"story": str, "position": int, "match": str, "letter": str},
        pk=("story", "position", "match"), foreign_keys=[("story", "stories", "id")],
        not_null={"letter"}, strict=True,
    )
    _readable_verdicts(db, M013_NUMBER)
    db.execute("DROP INDEX idx_events_fix_claims")


@migrations()
def m014_search_by_name_keys(db: Database) -> None:
    """Search across scripts also by the matcher's name skeletons (Marrakech finds مراكش,
    whose consonants, "mrrkch" and "mrksh", differ): the transliterated index gets a column
    of them per script (`names_latin` ... `names_other`, store/search_text.py), so that a
    typed word looks in other scripts' alone, and one of Latin words' `spellings` (marrakesh
    finds Marrakech). Made again empty; filled after the migrations (`REINDEXED`). The
    index is derived, so a file whose index was dropped opens too."""
    db.execute("DROP TABLE IF EXISTS claims_latin_fts")
    db.execute("""CREATE VIRTUAL TABLE claims_latin_fts USING fts5(latin, consonants, spellings,
                  names_latin, names_arabic, names_hebrew, names_bengali, names_other)""")


@migrations()
def m015_near_names(db: Database) -> None:
    """Search also finds a name spelt one letter otherwise within the Latin script (Zelensky
    finds Zelenski): the transliterated index gets a column of capitalised words' near keys
    (`near_names`, store/search_text.py). FTS5 adds no column to a table, so it is made again
    empty and filled after the migrations (`REINDEXED`), as in m014."""
    _near_names_index(db)


def _near_names_index(db: Database) -> None:
    """The transliterated index as m015 made it, empty (frozen: m016 makes it so again)."""
    db.execute("DROP TABLE IF EXISTS claims_latin_fts")
    db.execute("""CREATE VIRTUAL TABLE claims_latin_fts USING fts5(latin, consonants, spellings,
                  names_latin, names_arabic, names_hebrew, names_bengali, names_other,
                  near_names)""")


@migrations()
def m016_search_without_invisible_characters(db: Database) -> None:
    """The transliterated index reads a claim as the matcher does, without the characters
    no reader sees (store/search_text.py: a soft hyphen cut "Zelen\u00adsky" in two, and
    its name keys with it): made again empty, as m015 made it, and filled after the
    migrations by today's code (`REINDEXED`)."""
    _near_names_index(db)


SCHEMA_VERSION = len(migrations._migrations)  # written to PRAGMA user_version
KNOWN = frozenset(m.name for m in migrations._migrations)
# Migrations after which the derived tables (current_matches/members, current_decisions)
# are recomputed from the log by today's code, in the migrating transaction: they created
# or changed what those tables are derived from.
REFILLED = frozenset({"m002_current_decisions", "m004_own_undo_and_origins",
                      "m007_shared_members", "m008_document_outlets", "m012_applied_fixes",
                      "m013_split_letters"})
# The migrations that changed how matches are numbered, in order, with their numbering.
NUMBERED_BY = {"m005_readable_verdicts": M005_NUMBER, "m011_numbers_kept": M011_NUMBER,
               "m013_split_letters": M013_NUMBER}
# Migrations after which the transliterated search index is filled for every claim.
REINDEXED = frozenset({"m006_transliterated_search", "m014_search_by_name_keys",
                       "m015_near_names", "m016_search_without_invisible_characters"})
