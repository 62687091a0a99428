"""Search across scripts: what the transliterated index holds, and the query typed into it.

`tesla` should find টেসলা and تسلا. anyascii turns টেসলা into "tesla", so a word prefix of the
transliterated text finds it; Arabic and Hebrew write no short vowels (تسلا is "tsl"), so their
words are also indexed by consonant skeleton (crossfact.names: the one the matcher compares
names by) and a typed word finds them when its skeleton is the same. Skeletons are kept to
the abjads: in a script that writes its vowels they would only add near-misses ("Coloss"
and "class" share one).
"""

from __future__ import annotations

from typing import Any

from anyascii import anyascii
from sqlite_utils import Database

from crossfact.names import WORD, script_of, skeletons

INDEX = "claims_latin_fts"
ABJADS = ("Arabic", "Hebrew")
# A skeleton of two consonants ("ts" of "its") is shared by too many words to search by;
# three ("tsl") already names a word in the seed story's five languages.
MIN_SKELETON = 3


def _skeletons(word: str) -> set[str]:
    return {s for s in skeletons(word) if not s.startswith("=") and len(s) >= MIN_SKELETON}


def index_row(rowid: int, text: str) -> dict[str, Any]:
    """The row of the transliterated index for the claim with this rowid."""
    abjad = (w for w in WORD.findall(text) if script_of(w) in ABJADS)
    return {"rowid": rowid, "latin": anyascii(text),
            "skeletons": " ".join(sorted(set().union(*map(_skeletons, abjad))))}


def index_claims(db: Database, where: str = "1", params: tuple[Any, ...] = ()) -> None:
    """Add the claims that `where` selects to the transliterated index."""
    rows = db.execute(f"SELECT rowid, text FROM claims WHERE {where}", params).fetchall()
    db.conn.executemany(f"INSERT INTO {INDEX} (rowid, latin, skeletons) "
                        "VALUES (:rowid, :latin, :skeletons)",
                        [index_row(rowid, text) for rowid, text in rows])


def latin_query(words: list[str]) -> str:
    """The FTS5 query of the transliterated index for the words typed: each word as a prefix
    of the transliterated text or (typed in a script that writes vowels) one of its
    skeletons; "" when a word has neither (it transliterates to nothing), since then no
    claim can have all the words here."""
    parts = []
    for word in words:
        latin = anyascii(word).replace('"', "").strip()
        choices = [f'latin : "{latin}"*'] if latin else []
        if script_of(word) not in ABJADS:  # a word typed in an abjad has its vowels left out
            choices += [f'skeletons : "{s}"' for s in sorted(_skeletons(word))]
        if not choices:
            return ""
        parts.append("(" + " OR ".join(choices) + ")")
    return " AND ".join(parts)
