"""Search across scripts: what the transliterated index holds, and the query typed into it.

`tesla` should find টেসলা and تسلا. anyascii turns টেসলা into "tesla", so a word prefix of the
transliterated text finds it; Arabic and Hebrew write no short vowels (تسلا is "tsl"), so their
words are also indexed by their consonants (the transliteration without vowels, "tsl"), and a
word typed in another script finds them when its consonants are the same. Only the
transliteration's own letters are compared, exactly: with the matcher's looser name skeletons
(crossfact.names: letter classes merged, clitics taken off) `tesla` found 857 of the
benchmark's 20,000 matches (benchmarks/tui_bench.py's corpus story), with these 165. The
rest is what an abjad cannot tell apart: تصل "arrives" and אצל "at" are "tsl" too.
"""

from __future__ import annotations

import re
from typing import Any

from anyascii import anyascii
from sqlite_utils import Database

from crossfact.names import WORD, script_of

INDEX = "claims_latin_fts"
ABJADS = ("Arabic", "Hebrew")
# A key of two consonants ("ts" of "its") is shared by too many words to search by; three
# ("tsl") already names a word in the seed story's five languages.
MIN_CONSONANTS = 3
_NOT_CONSONANT = re.compile("[^b-df-hj-np-tvxz]")  # vowels, w and y (Arabic و ي read as vowels)
# Hebrew ends many words with a ה read as a vowel (טסלה is Tesla): indexed with and without it
_FINAL_VOWEL_LETTER = "ה"


def consonants(word: str) -> str:
    """The consonants of a word's transliteration: 'تسلا' and 'Tesla' -> 'tsl'."""
    return _NOT_CONSONANT.sub("", anyascii(word).lower())


def _abjad_keys(word: str) -> set[str]:
    forms = {word, word.removesuffix(_FINAL_VOWEL_LETTER)}
    return {key for key in map(consonants, forms) if len(key) >= MIN_CONSONANTS}


def index_row(rowid: int, text: str) -> dict[str, Any]:
    """The row of the transliterated index for the claim with this rowid."""
    abjad = (w for w in WORD.findall(text) if script_of(w) in ABJADS)
    return {"rowid": rowid, "latin": anyascii(text),
            "consonants": " ".join(sorted(set().union(*map(_abjad_keys, abjad))))}


def index_claims(db: Database, where: str = "1", params: tuple[Any, ...] = ()) -> None:
    """Add the claims that `where` selects to the transliterated index."""
    rows = db.execute(f"SELECT rowid, text FROM claims WHERE {where}", params).fetchall()
    db.conn.executemany(f"INSERT INTO {INDEX} (rowid, latin, consonants) "
                        "VALUES (:rowid, :latin, :consonants)",
                        [index_row(rowid, text) for rowid, text in rows])


def latin_query(words: list[str]) -> str:
    """The FTS5 query of the transliterated index for the words typed: each word as a prefix
    of the transliterated text or (typed in a script that writes vowels) by its
    consonants; "" when a word has neither (it transliterates to nothing), since then no
    claim can have all the words here."""
    parts = []
    for word in words:
        latin = anyascii(word).replace('"', "").strip()
        choices = [f'latin : "{latin}"*'] if latin else []
        key = consonants(word)
        if script_of(word) not in ABJADS and len(key) >= MIN_CONSONANTS:  # an abjad's word
            choices.append(f'consonants : "{key}"')  # has its vowels left out already
        if not choices:
            return ""
        parts.append("(" + " OR ".join(choices) + ")")
    return " AND ".join(parts)
