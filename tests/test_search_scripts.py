"""Search across scripts on the seed story: `tesla` finds টেসলা and تسلا, prefixes still work."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlite_utils import Database
from store_data import open_test_store

from crossfact.pipeline import run
from crossfact.store import Store
from crossfact.store.schema import SCHEMA_VERSION
from crossfact.store.search_text import INDEX, index_row, latin_query

SEED = Path(__file__).resolve().parents[1] / "fixtures" / "seed-story"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    s = open_test_store(tmp_path_factory.mktemp("search") / "x.db")
    s.add_story("seed", run([str(SEED)]), {})
    return s


def found(store: Store, search: str) -> set[str]:
    return {row.id for row in store.matches("seed", reviewer="ann", search=search, limit=10_000)}


def holding(store: Store, lang: str, word: str) -> set[str]:
    """The current matches with a claim in `lang` whose text has `word`."""
    return {row["match"] for row in store.db.query(
        """SELECT cm."match" FROM current_members cm
           JOIN claims c ON c.run = cm.run AND c.id = cm.claim
           WHERE cm.story = (SELECT id FROM stories WHERE name = 'seed') AND cm.lang = ?
             AND instr(c.text, ?) > 0""", [lang, word])}


@pytest.mark.parametrize(("lang", "word"), [("bn", "টেসলা"), ("ar", "تسلا"), ("he", "טסלה")])
def test_tesla_finds_the_bengali_and_arabic_claims(store: Store, lang: str, word: str) -> None:
    expected = holding(store, lang, word)
    assert expected  # the seed story names Tesla in this script
    assert expected <= found(store, "tesla")
    assert expected <= found(store, "Tesla")


def test_a_word_prefix_still_finds_its_word(store: Store) -> None:
    expected = holding(store, "fr", "Colossus")
    assert expected and expected <= found(store, "Coloss")


MARRAKECH = {"fr": "Le sommet s'est tenu à Marrakech le 3 mai.",
             "ar": "عقدت القمة في مراكش يوم 3 مايو.",
             "he": "הפסגה התקיימה במרקש ב-3 במאי.",
             "bn": "শীর্ষ সম্মেলনটি ৩ মে মারাকেশে অনুষ্ঠিত হয়।"}
# Latin words whose loose name keys are Marrakech's or each other's ("mrks", "mrkz")
ALIKE = {"en": "Stock markets fell sharply.", "fr": "Les marchés ont chuté.",
         "tr": "Merkez Bankası faiz kararını açıkladı."}


@pytest.fixture(scope="module")
def marrakech(tmp_path_factory: pytest.TempPathFactory) -> Store:
    return marrakech_store(tmp_path_factory.mktemp("marrakech"))


def marrakech_store(folder: Path) -> Store:
    """A store of the Marrakech sentences and the Latin ones alike, in `folder`."""
    for lang in MARRAKECH.keys() | ALIKE.keys():
        lines = [texts[lang] for texts in (MARRAKECH, ALIKE) if lang in texts]
        (folder / f"{lang}.txt").write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    s = open_test_store(folder / "x.db")
    s.add_story("seed", run([str(folder)], langs={str(folder / f"{lang}.txt"): lang
                                                  for lang in MARRAKECH.keys() | ALIKE.keys()}),
                {})
    return s


def schema_13(path: Path, index: bool) -> None:
    """The store at `path` taken back to schema 13, its data kept: the transliterated index
    of then (`latin`, `consonants`) filled as it was, or (`index` false) dropped."""
    raw = Database(path)
    rows = [index_row(rowid, text)
            for rowid, text in raw.execute("SELECT rowid, text FROM claims").fetchall()]
    raw.execute(f"DROP TABLE {INDEX}")
    if index:
        raw.execute(f"CREATE VIRTUAL TABLE {INDEX} USING fts5(latin, consonants)")
        raw.conn.executemany(f"INSERT INTO {INDEX} (rowid, latin, consonants) "
                             "VALUES (:rowid, :latin, :consonants)", rows)
    raw.execute("DELETE FROM _sqlite_migrations WHERE name = 'm014_search_by_name_keys'")
    raw.execute("PRAGMA user_version = 13")
    raw.conn.commit()
    raw.close()


@pytest.mark.parametrize("index", [True, False], ids=["filled", "index dropped"])
def test_a_schema_13_database_finds_names_once_migrated(tmp_path: Path, index: bool) -> None:
    """m014 fills the name keys of the claims a schema-13 file holds (Marrakech's consonants
    alone find no other script's), and the index is derived: one that was dropped is made."""
    s = marrakech_store(tmp_path)
    expected = {(row.id, row.number) for row in s.matches("seed", reviewer="ann")
                if row.id in found(s, "Marrakech")}
    s.close()
    schema_13(tmp_path / "x.db", index)
    again = open_test_store(tmp_path / "x.db")
    assert again.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert indexed(again, "Marrakech") == set(MARRAKECH.values())
    assert indexed(again, "مراكش") >= set(MARRAKECH.values())
    assert {(row.id, row.number) for row in again.matches("seed", reviewer="ann")
            if row.id in found(again, "Marrakech")} == expected


@pytest.mark.parametrize("typed", ["Marrakech", "marrakesh", "مراكش", "מרקש", "মারাকেশ"])
def test_a_name_is_found_in_every_script_it_is_written_in(marrakech: Store, typed: str) -> None:
    """Marrakech's consonants are "mrrkch", مراكش's "mrksh" (a doubled letter, and "ch" for
    ش): neither found the other, nor the Bengali or Hebrew. The matcher's skeletons do.
    Claim by claim (a match holding all four would be found by any one of them)."""
    assert set(MARRAKECH.values()) <= indexed(marrakech, typed)
    assert found(marrakech, typed)


@pytest.mark.parametrize("typed", ["Marrakech", "marrakesh"])
def test_a_latin_name_finds_no_latin_word_by_its_name_keys(marrakech: Store, typed: str) -> None:
    """The Latin words whose loose keys are Marrakech's ("markets", "marchés", "Merkez") are
    in the script it is typed in, whose letters say they are other words."""
    assert indexed(marrakech, typed) == set(MARRAKECH.values())


def indexed(store: Store, typed: str) -> set[str]:
    """The claims that the transliterated index finds for `typed`."""
    return {row[0] for row in store.db.execute(
        f"SELECT c.text FROM claims c WHERE c.rowid IN (SELECT rowid FROM {INDEX} "
        f"WHERE {INDEX} MATCH ?)", [latin_query([typed])])}


def test_a_latin_word_finds_no_other_latin_word_by_its_name_keys(marrakech: Store) -> None:
    """`merkez` and "marchés" share a loose key, not a word (which finds the other scripts'
    Marrakech)."""
    assert indexed(marrakech, "merkez") - set(MARRAKECH.values()) == {ALIKE["tr"]}
    assert indexed(marrakech, "marchés") - set(MARRAKECH.values()) == {ALIKE["fr"]}


@pytest.mark.parametrize("typed", ["A320", "G7", "F16", "B52"])
def test_a_word_with_digits_finds_no_claim_by_its_letters_alone(store: Store,
                                                               typed: str) -> None:
    """"A320" spelt without its digits was "a", and found every claim with the French "a"
    (il a dépensé): the seed story names no A320, G7, F16 or B52."""
    assert holding(store, "fr", " a ")  # the word "a" is there to be found wrongly
    assert found(store, typed) == set()


def test_a_word_in_no_claim_in_any_script_finds_nothing(store: Store) -> None:
    assert found(store, "zqxwv") == set()
    assert found(store, "tesla zqxwv") == set()


def test_claims_of_a_migrated_database_are_indexed(tmp_path: Path) -> None:
    """A file made before the index had it filled by the migration that created it."""
    path = tmp_path / "old.db"
    s = open_test_store(path)
    s.add_story("seed", run([str(SEED)]), {})
    s.db.execute("DELETE FROM claims_latin_fts")
    s.db.execute("DELETE FROM _sqlite_migrations WHERE name IN ('m006_transliterated_search', "
                 "'m014_search_by_name_keys')")
    s.db.execute("DROP TABLE claims_latin_fts")
    s.db.execute("PRAGMA user_version = 5")
    s.close()
    again = open_test_store(path)
    assert holding(again, "ar", "تسلا") <= found(again, "tesla")
    assert again.db["claims_latin_fts"].count == again.db["claims"].count


def test_both_indexes_are_read_before_the_members(store: Store) -> None:
    """Index-first, as the search query plan note in benchmarks/README.md asks."""
    sql, params = store._matches_sql("seed", "ann", "all", "tesla")
    plan = [row[3] for row in store.db.execute(f"EXPLAIN QUERY PLAN {sql}", params)]
    members = next(n for n, step in enumerate(plan) if " cm " in step)
    for index in ("claims_fts ", "claims_latin_fts "):
        assert next(n for n, step in enumerate(plan) if index in step) < members
    assert "(story=? AND claim=?)" in plan[members]
