"""`current_verdicts` read on its own with the `sqlite-utils` command: names, numbers, texts."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from store_data import VERSIONS, build, open_test_store


def query(path: Path, sql: str) -> list[dict]:
    out = subprocess.run([sys.executable, "-m", "sqlite_utils", "query", str(path), sql],
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out)


def test_current_verdicts_shows_story_number_languages_and_texts(tmp_path: Path) -> None:
    path = tmp_path / "x.db"
    s = open_test_store(path)
    s.add_story("seed", build(), {})
    rows = s.matches("seed", reviewer="ann")
    first, second = rows[0], rows[1]
    s.decide("seed", first.id, "agree", reviewer="ann", session="s")
    # a split-out match is numbered like the TUI's list ("3b"), not by its position
    claim = s.match(second.id, reviewer="ann").members[-1].claim.id
    s.split_claim("seed", claim, reviewer="ann", session="s")
    split = next(r for r in s.matches("seed", reviewer="ann") if r.number.endswith("b"))
    s.decide("seed", split.id, "unsourced", reviewer="ann", session="s")
    s.close()
    got = {r["match"]: r for r in query(path, "select * from current_verdicts")}
    assert set(got) == {first.id, split.id}
    row = got[first.id]
    assert (row["story_name"], row["number"], row["reviewer"], row["verdict"]) == (
        "seed", first.number, "ann", "agree")
    assert row["langs"].split() == list(VERSIONS)
    assert row["claims"].splitlines() == [f"{lang}: {texts[0]}"
                                          for lang, texts in VERSIONS.items()]
    assert (got[split.id]["number"], got[split.id]["verdict"]) == (split.number, "unsourced")
    assert got[split.id]["claims"].count("\n") == 0
