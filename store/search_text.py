"""Search across scripts: what the transliterated index holds, and the query typed into it.

`tesla` should find টেসলা and تسلا. anyascii turns টেসলা into "tesla", so a word prefix of the
transliterated text finds it; Arabic and Hebrew write no short vowels (تسلا is "tsl"), so their
words are also indexed by their consonants (the transliteration without vowels, "tsl"), and a
word typed in another script finds them when its consonants are the same. Only the
transliteration's own letters are compared, exactly: with the matcher's looser name skeletons
(crossfact.names: letter classes merged, clitics taken off) `tesla` found 857 of the
benchmark's 20,000 matches (benchmarks/tui_bench.py's corpus story), with these 165. The
rest is what an abjad cannot tell apart: تصل "arrives" and אצל "at" are "tsl" too.

Consonants written otherwise are not the same, though: Marrakech is "mrrkch" and مراكش "mrksh"
(a doubled letter, and "ch" where Arabic writes ش), and a Bengali name is not in the
consonants at all. So every word is also indexed by the matcher's own skeletons
(`names.skeletons`), long ones only (`MIN_SKELETON`), where the looseness that made `tesla`
noisy costs little, and a Latin "ch" is read also as the "sh" and "tsh" other scripts write
for it. Those keys only cross scripts: each script's words keep theirs in a column of its own
(`NAME_COLUMNS`), and a typed word looks in the other scripts' columns alone, since within its
own script its letters already say more (as keys, `Marrakech` found "marchés" and "Merkez");
but for Arabic and Hebrew, whose clitics only the keys take off.
Within the Latin script a name is spelt otherwise by its doubled letters and its "ch" alone
(marrakesh, Marrakech), so Latin words are also indexed by `spellings`: their letters, vowels
kept, doubled letters once and "ch" read as above. A name is also spelt with one letter
more, less or other (Zelensky, Zelenski; Bolivia, Bolivya, Bolivie), so a capitalised Latin
word is also indexed by `near_keys`, which a typed word one edit away from it shares; a word
in lower case is no name, and keeps its letters (`Marrakech` finds no "markets"), nor is a
common word whose capital only opens a sentence (`_openers`: "Police said").
`benchmarks/eval_search.py` measures each choice.

A claim is indexed as the matcher reads it (`compared`): without the characters no reader
sees, which cut a word in two ("Zelen\u00adsky", a CMS's soft hyphen, had the keys of
"Zelen" and "sky", and Kharkov or زيلينسكي found no "Khar\u00adkiv" or "Zelen\u00adsky").
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from anyascii import anyascii
from sqlite_utils import Database

from crossfact.fingerprint import Tokens, capitalised_words, tokens
from crossfact.names import WORD, script_of, skeletons
from crossfact.terminal import compared
from crossfact.vocabulary import is_common_word

INDEX = "claims_latin_fts"
ABJADS = ("Arabic", "Hebrew")
# A key of two consonants ("ts" of "its") is shared by too many words to search by; three
# ("tsl") already names a word in the seed story's five languages.
MIN_CONSONANTS = 3
_NOT_CONSONANT = re.compile("[^b-df-hj-np-tvxz]")  # vowels, w and y (Arabic و ي read as vowels)
# Hebrew ends many words with a ה read as a vowel (טסלה is Tesla): indexed with and without it
_FINAL_VOWEL_LETTER = "ה"


# The matcher's skeletons of a word (letter classes merged, clitics off) are searched only
# from four classes up. On NTREX (development; benchmarks/eval_search.py: its English
# capitalised words in 2-40 lines as 592 queries, found in the Arabic, Hebrew and Bengali
# lines), the transliteration and consonants alone find precision 0.482 / recall 0.104;
# adding skeletons of three classes and up 0.134 / 0.433 (a three-class skeleton is shared
# by too many words); four and up 0.423 / 0.287 with the "ch" readings below (0.427 / 0.282
# without them); five and up 0.556 / 0.185, and Marrakech ("mrks") would not find مراكش.
# (Four and up, looked up in other scripts' words only, with Latin words' spellings: 0.426 /
# 0.290, and in the French and Turkish lines 0.744 / 0.597 where every script's were 0.555 /
# 0.652: benchmarks/README.md.)
MIN_SKELETON = 4
# What other scripts write for a Latin "ch": "sh" for French (Marrakech, مراكش), "tsh" for
# English (Charles, تشارلز); the skeleton's own reading, "k", is German's (Bach, باخ)
_CH_READINGS = ("sh", "tsh")
# The scripts of the project's languages, each with its own column of name keys; the words of
# any other script share the last, "names_other", which every typed word looks in (two words
# there may be of two scripts).
NAME_SCRIPTS = ("Latin", "Arabic", "Hebrew", "Bengali")


def _name_column(script: str) -> str:
    """The column of name keys of a word in `script`."""
    return f"names_{script.lower()}" if script in NAME_SCRIPTS else "names_other"


NAME_COLUMNS = (*map(_name_column, NAME_SCRIPTS), _name_column("Other"))
# in order (schema.py's m015)
COLUMNS = ("latin", "consonants", "spellings", *NAME_COLUMNS, "near_names")
_DOUBLED = re.compile(r"([a-z])\1+")  # letters only: "2000" stays "2000"

# Near spellings of a name in the Latin script: a capitalised word is found by a typed word
# one letter added, dropped or changed away from it (Levenshtein distance 1: for two names
# of eight letters, rapidfuzz's ratio 87.5), its first letter kept, both folded by
# `_NEAR_FOLD`, both of `MIN_NEAR` letters and up. On NTREX (development;
# benchmarks/eval_search.py --min-near N, French and Turkish lines, precision / recall):
# none 0.744 / 0.597; words of 5 letters and up 0.701 / 0.642, 6 and up 0.724 / 0.627
# (Moscow finds Moscou, Bolivia Bolivie, California Californie; also Thompson Thomson and
# Martin Marvin), 7 and up 0.731 / 0.623 (no Moscou): F1 0.672 either way, and 6 keeps
# six-letter names (Moscow, Macron, Merkel), since a search showing a claim too many costs a
# reviewer less than one hiding a claim. Trials not kept, at 6: folded words
# equal, no edit, 0.744 / 0.606; the first letter free 0.717 / 0.628 (Pence found Spence);
# rapidfuzz's ratio of the folded words of 5 letters and up, 85 and up, 0.704 / 0.639, 90
# and up 0.716 / 0.622; lower-case words too 0.697 / 0.636 (common words one letter apart:
# a word in lower case is no name). The Arabic, Hebrew and Bengali lines (their Latin words)
# 0.426 / 0.290 -> 0.425 / 0.291.
MIN_NEAR = 6
# Letters that one name's spellings swap within the Latin script: c/k/q (Amerika), y/i
# (Zelensky, Zelenski; Bolivya), w/v, ph/f; then doubled letters once (Zelenskyy).
_NEAR_FOLD = str.maketrans("cqyw", "kkiv")
_WILDCARD = "0"  # a letter left out of a near key: a digit, which no folded word here has


def consonants(word: str) -> str:
    """The consonants of a word's transliteration: 'تسلا' and 'Tesla' -> 'tsl'."""
    return _NOT_CONSONANT.sub("", anyascii(word).lower())


def _abjad_keys(word: str) -> set[str]:
    forms = {word, word.removesuffix(_FINAL_VOWEL_LETTER)}
    return {key for key in map(consonants, forms) if len(key) >= MIN_CONSONANTS}


def _readings(word: str) -> set[str]:
    """`word`, and if it is Latin, its "ch" read as other scripts write it."""
    if "ch" not in word.lower() or script_of(word) != "Latin":
        return {word}
    return {word} | {word.lower().replace("ch", ch) for ch in _CH_READINGS}


def name_keys(word: str) -> set[str]:
    """The matcher's skeletons of `word` (and of its Latin "ch" read otherwise) long enough
    to search by: "Marrakech" -> {"mrks", "mrkts"}, "مراكش" -> {"mrks"}."""
    return {key for form in _readings(word) for key in skeletons(form)
            if len(key) >= MIN_SKELETON and not key.startswith("=")}  # "=xai": as written


def _letters(word: str) -> str:
    """A word's transliteration in lower case, its letters and digits alone."""
    return re.sub("[^a-z0-9]", "", anyascii(word).lower())


def spellings(word: str) -> set[str]:
    """A Latin word's letters and digits, doubled letters once, with its "ch" read otherwise:
    "Marrakech" -> {"marakech", "marakesh", "maraketsh"}; "A320" -> {"a320"} (without its
    digits it was "a", and found every claim with the word "a"); none for another script's
    word."""
    if script_of(word) != "Latin":
        return set()
    return {_DOUBLED.sub(r"\1", _letters(form)) for form in _readings(word)} - {""}


@lru_cache(maxsize=1 << 16)  # a story's words repeat: half the index's time went here
def _indexed_spellings(word: str) -> frozenset[str]:
    """The `spellings` of a word the index holds, but the one that is the word as its
    `latin` column holds it already (most words: "Tesla" is "tesla" either way)."""
    return frozenset(spellings(word) - {anyascii(word).lower()})


def _near_form(word: str) -> str:
    """`word` folded as `near_keys` compare it, or "" when it is not compared so: not Latin,
    with a digit (A320 and A321 are two aircraft), or shorter than `MIN_NEAR`."""
    if script_of(word) != "Latin":
        return ""
    form = _DOUBLED.sub(r"\1", _letters(word).replace("ph", "f").translate(_NEAR_FOLD))
    return form if len(form) >= MIN_NEAR and form.isalpha() else ""


def _wildcards(form: str, width: int) -> set[str]:
    """`form` with the letter at each place but the first (`width` 1) left out as
    `_WILDCARD`, or with one more letter there (`width` 0, after the last too)."""
    return {form[:i] + _WILDCARD + form[i + width:] for i in range(1, len(form) + 1 - width)}


@lru_cache(maxsize=1 << 16)
def near_keys(word: str) -> frozenset[str]:
    """What the index holds of a capitalised Latin word to be found one edit away: its
    `_near_form` and that with each letter but the first a `_WILDCARD` ("Zelenski" ->
    "zelenski", "z0lenski" ... "zelensk0"); none for a word in lower case."""
    form = _near_form(word) if word[:1].isupper() else ""
    return frozenset({form} | _wildcards(form, 1)) if form else frozenset()


def _near_query(word: str) -> set[str]:
    """The `near_keys` of the words one edit from a typed `word` (of any case): its form,
    that with a letter changed or added (wildcards), and with one dropped (a shorter form)."""
    form = _near_form(word)
    if not form:
        return set()
    dropped = {form[:i] + form[i + 1:] for i in range(1, len(form))} \
        if len(form) > MIN_NEAR else set()
    return {form} | _wildcards(form, 1) | _wildcards(form, 0) | dropped


def _openers(words: Tokens, capitalised: set[str], lang: str) -> set[str]:
    """The words that open a sentence of a claim and are given no `near_keys` there: a
    capital at a sentence's start says nothing ("Police said" would key "police", which
    `policy` then found). As for the matcher's names (crossfact/fingerprint.py), such a word
    is a name when the story writes it capitalised inside a sentence too (`capitalised`);
    and also when it is no common word of the claim's language (`is_common_word`: Zelensky,
    Kharkiv), since a claim so often opens with a name its story writes nowhere else (a
    common one, Macron or Marrakech, keeps its other keys: only a one-letter-off spelling
    of it then misses it)."""
    return {word for word, initial in words
            if initial and word[:1].isupper() and word not in capitalised
            and is_common_word(word, lang)}


def index_row(rowid: int, text: str, lang: str = "", capitalised: set[str] | None = None,
              words_of_claim: Tokens | None = None) -> dict[str, Any]:
    """The row of the transliterated index for the claim with this rowid, in `lang`;
    `capitalised`, the words its story writes capitalised inside a sentence (the claim's
    own when not given), and `words_of_claim`, its `tokens` (of its `compared` text), where
    the caller has them."""
    text = compared(text)
    marked = tokens(text) if words_of_claim is None else words_of_claim
    openers = _openers(marked, capitalised_words([marked]) if capitalised is None
                       else capitalised, lang)
    words = WORD.findall(text)
    abjad = (w for w in words if script_of(w) in ABJADS)
    names: dict[str, set[str]] = {column: set() for column in NAME_COLUMNS}
    for word in words:
        names[_name_column(script_of(word))] |= name_keys(word)
    return {"rowid": rowid, "latin": anyascii(text),
            "consonants": " ".join(sorted(set().union(*map(_abjad_keys, abjad)))),
            "spellings": " ".join(sorted(set().union(*map(_indexed_spellings, words)))),
            "near_names": " ".join(sorted(set().union(
                *(near_keys(w) for w in words if w not in openers)))),
            **{column: " ".join(sorted(keys)) for column, keys in names.items()}}


def index_claims(db: Database, where: str = "1", params: tuple[Any, ...] = ()) -> None:
    """Add the claims that `where` selects to the transliterated index, each with the words
    its run (the story's versions) writes capitalised inside a sentence."""
    stored = db.execute(
        "SELECT rowid, run, text, (SELECT lang FROM documents d WHERE d.run = claims.run"
        f" AND d.id = claims.doc) FROM claims WHERE {where}", params).fetchall()
    rows = [(rowid, run, text, lang, tokens(compared(text))) for rowid, run, text, lang in stored]
    capitalised: dict[str, set[str]] = {}
    for _, run, _, _, marked in rows:
        capitalised.setdefault(run, set()).update(capitalised_words([marked]))
    db.conn.executemany(insert_sql(), [index_row(rowid, text, lang, capitalised[run], marked)
                                       for rowid, run, text, lang, marked in rows])


def insert_sql() -> str:
    """The statement that adds an `index_row` to the index."""
    return (f"INSERT INTO {INDEX} (rowid, {', '.join(COLUMNS)}) "
            f"VALUES (:rowid, {', '.join(':' + column for column in COLUMNS)})")


def _own_columns(word: str) -> set[str]:
    """The name key columns a typed word does not look in: its own script's, but for an
    abjad's (its words carry clitics, ב־ and ال, that only the skeletons take off: מרקש finds
    במרקש so) and for `names_other` (two words there may be of two scripts)."""
    script = script_of(word)
    return set() if script in ABJADS else {_name_column(script)} - {NAME_COLUMNS[-1]}


def latin_query(words: list[str]) -> str:
    """The FTS5 query of the transliterated index for the words typed: each word as a prefix
    of the transliterated text, (typed in a script that writes vowels) by its consonants,
    (typed in Latin) by its spellings and as a near spelling of a name, or by its long name
    skeletons among the words of other scripts; "" when a word has none of them (it
    transliterates to nothing), since then no claim can have all the words here."""
    parts = []
    for word in words:
        latin = anyascii(word).replace('"', "").strip()
        choices = [f'latin : "{latin}"*'] if latin else []
        key = consonants(word)
        if script_of(word) not in ABJADS and len(key) >= MIN_CONSONANTS:  # an abjad's word
            choices.append(f'consonants : "{key}"')  # has its vowels left out already
        choices += [f'{{latin spellings}} : "{key}"' for key in sorted(spellings(word))]
        choices += [f'near_names : "{key}"' for key in sorted(_near_query(word))]
        others = " ".join(c for c in NAME_COLUMNS if c not in _own_columns(word))
        choices += [f'{{{others}}} : "{key}"' for key in sorted(name_keys(word))]
        if not choices:
            return ""
        parts.append("(" + " OR ".join(choices) + ")")
    return " AND ".join(parts)
