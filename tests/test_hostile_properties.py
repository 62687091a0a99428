"""Issue 13, property tests: arbitrary Unicode through the segmenter, arbitrary JSON values
through the JSONL import. No exception but the one meant for the user escapes, offsets give
the text back, and a refused import leaves nothing behind."""

from __future__ import annotations

import io
import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from store_data import build, open_test_store

from crossfact.models import Document
from crossfact.segment import segment
from crossfact.store import StoreError
from crossfact.store.importing import import_lines
from crossfact.store.jsonl import export_jsonl

LANGS = st.sampled_from(["en", "tr", "ar", "he", "bn", "fr", "ru", "zh", "und"])


@settings(max_examples=300, deadline=None)
@given(text=st.text(min_size=1, max_size=400), lang=LANGS)
def test_the_segmenter_gives_back_every_claim_from_its_offsets(text: str, lang: str) -> None:
    doc = Document(id="d-p", path="p.txt", lang=lang, title="", text=text)
    claims = segment(doc)
    previous = 0
    for index, claim in enumerate(claims):
        assert text[claim.start:claim.end] == claim.text
        assert claim.start >= previous and claim.index == index
        previous = claim.end


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner,
                                                                max_size=4),
    max_leaves=20,
)
FIELDS = ["type", "id", "story", "kind", "match", "verdict", "outliers", "note", "reviewer",
          "session", "at", "supersedes", "documents", "claims", "matches", "name", "created",
          "format", "number", "params", "version"]


@st.composite
def mutated_logs(draw: st.DrawFn, lines: list[dict]) -> str:
    """The real log with one line's field set to an arbitrary JSON value, or replaced."""
    records = [dict(line) for line in lines]
    target = draw(st.integers(0, len(records) - 1))
    if draw(st.booleans()):
        records[target][draw(st.sampled_from(FIELDS))] = draw(JSON)
    else:
        records[target] = draw(JSON)
    return "".join(json.dumps(r, allow_nan=True) + "\n" for r in records)


def real_log(tmp: Path) -> list[dict]:
    s = open_test_store(tmp / "src.db")
    s.add_story("seed", build(), {})
    rows = s.matches("seed", reviewer="ann")
    s.decide("seed", rows[1].id, "conflict", reviewer="ann", session="a", note="n")
    s.undo("seed", reviewer="ann", session="a")
    s.decide("seed", rows[0].id, "agree", reviewer="ann", session="a")
    text = "".join(export_jsonl(s))
    s.close()
    return [json.loads(line) for line in text.splitlines()]


def test_arbitrary_json_in_an_import_is_imported_or_refused_cleanly(tmp_path: Path) -> None:
    lines = real_log(tmp_path)
    target = open_test_store(tmp_path / "t.db")

    @settings(max_examples=200, deadline=None,
              suppress_health_check=[HealthCheck.function_scoped_fixture,
                                     HealthCheck.too_slow])
    @given(log=mutated_logs(lines))
    def check(log: str) -> None:
        before = target.db["events"].count
        try:
            import_lines(target, io.StringIO(log), "p.jsonl")
        except StoreError as error:
            assert "\n" not in str(error)
            assert target.db["events"].count == before

    check()
    target.close()
