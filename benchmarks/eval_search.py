"""Search across scripts on NTREX (development): do names typed in Latin find their Arabic,
Hebrew and Bengali translations, and how much else do they find, there and in the French and
Turkish lines?

    python benchmarks/eval_search.py [--min-skeleton N] [--min-near N]

The queries are NTREX's English words written with a capital inside a sentence (names,
mostly; also "President") that are in 2 to 40 of its 1,997 lines. A query's lines are those
whose English has the word; each is searched in the Arabic, Hebrew and Bengali lines through
the review app's own transliterated index (store/search_text.py, in an in-memory FTS5
table), and counted over (query, line) pairs: precision, recall. The French and Turkish lines
are counted apart: a word typed in Latin finds them by their own letters, and what else it
finds there is the noise of a loose key matched within one script. Words that are no name, or
that a translation leaves out, keep both below 1 for every setting; compare settings.
`--min-skeleton N` searches name skeletons of N classes and up (0: none, the transliteration
and consonants alone); `--min-near N` finds capitalised Latin words one edit away from a typed
word of N letters and up (0: none); the defaults are the app's.
"""

from __future__ import annotations

import argparse
import re
import sqlite3
from collections import defaultdict

from common import ISO1, read_lines

from crossfact.fingerprint import capitalised_words, tokens
from crossfact.store import search_text

SCRIPTS = {"Arabic, Hebrew, Bengali": ("arb", "heb", "ben"), "French, Turkish": ("fra", "tur")}
QUERY_WORD = re.compile(r"(?<=[a-z,] )([A-Z][a-z]{3,})\b")  # capitalised inside a sentence


def queries(english: tuple[str, ...]) -> dict[str, set[int]]:
    """Each query word and the lines whose English has it."""
    lines: dict[str, set[int]] = defaultdict(set)
    for n, line in enumerate(english):
        for word in QUERY_WORD.findall(line):
            lines[word].add(n)
    return {word: {n for n, line in enumerate(english) if re.search(rf"\b{word}\b", line)}
            for word, found in sorted(lines.items()) if 2 <= len(found) <= 40}


def found_lines(texts: tuple[str, ...], lang: str, words: list[str]) -> list[set[int]]:
    """The lines of `texts` (in `lang`, one story) each word finds through the review app's
    index and query."""
    conn = sqlite3.connect(":memory:")
    conn.execute(f"CREATE VIRTUAL TABLE {search_text.INDEX} "
                 f"USING fts5({', '.join(search_text.COLUMNS)})")
    marked = [tokens(text) for text in texts]
    capitalised = capitalised_words(marked)
    conn.executemany(search_text.insert_sql(),
                     [search_text.index_row(n, text, ISO1[lang], capitalised, words_of_claim)
                      for n, (text, words_of_claim) in enumerate(zip(texts, marked,
                                                                     strict=True))])
    out = []
    for word in words:
        query = search_text.latin_query([word])
        out.append({row[0] for row in conn.execute(
            f"SELECT rowid FROM {search_text.INDEX} WHERE {search_text.INDEX} MATCH ?",
            [query])} if query else set())
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--min-skeleton", type=int, default=search_text.MIN_SKELETON)
    parser.add_argument("--min-near", type=int, default=search_text.MIN_NEAR)
    args = parser.parse_args()
    search_text.MIN_SKELETON = args.min_skeleton or 10**6  # 0: no skeleton is that long
    search_text.MIN_NEAR = args.min_near or 10**6  # 0: no word is that long
    wanted = queries(read_lines("ntrex128", "eng"))
    print(f"{len(wanted)} queries, min skeleton {args.min_skeleton}, min near {args.min_near}:")
    for name, langs in SCRIPTS.items():
        hit = wrong = missed = 0
        for lang in langs:
            for truth, got in zip(wanted.values(),
                                  found_lines(read_lines("ntrex128", lang), lang, list(wanted)),
                                  strict=True):
                hit, wrong, missed = hit + len(got & truth), wrong + len(got - truth), \
                    missed + len(truth - got)
        print(f"  {name}: precision {hit / max(1, hit + wrong):.3f} recall "
              f"{hit / max(1, hit + missed):.3f} ({hit} found, {wrong} else, {missed} missed)")


if __name__ == "__main__":
    main()
