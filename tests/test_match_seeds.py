"""The seed story, matched end to end: named expectations a fact-checker can read.

The five articles (fixtures/seed-story) are real coverage of one story: bn, ar and fr
translate one English article, tr rewrites it with slips, he is an earlier, different
article that shares a few figures and has look-alikes of its own.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from crossfact.models import Claim, Match, MatchResult
from crossfact.pipeline import run

SEEDS = Path(__file__).resolve().parents[1] / "fixtures" / "seed-story"


@pytest.fixture(scope="module")
def result() -> MatchResult:
    return run([SEEDS])


def _lang(result: MatchResult) -> dict[str, str]:
    return {d.id: d.lang for d in result.documents}


def _claims(result: MatchResult) -> dict[str, Claim]:
    return {c.id: c for c in result.claims}


def match_with(result: MatchResult, lang: str, text: str) -> Match:
    """The match holding the claim of version `lang` that contains `text`."""
    langs, claims = _lang(result), _claims(result)
    for m in result.matches:
        for cid in m.claims:
            if langs[claims[cid].doc] == lang and text in claims[cid].text:
                return m
    raise AssertionError(f"no {lang} claim contains {text!r}")


def langs_of(result: MatchResult, match: Match) -> list[str]:
    langs, claims = _lang(result), _claims(result)
    return [langs[claims[cid].doc] for cid in match.claims]


def test_every_version_gets_its_language(result):
    assert sorted(d.lang for d in result.documents) == ["ar", "bn", "fr", "he", "tr"]


def test_every_claim_is_in_one_match_of_its_own_and_suggested_in_any_other(result):
    """A claim that states several facts may also be in the match of another (the Hebrew
    article is another outlet's): there it is a suggested member, for the reviewer."""
    placed = {cid for m in result.matches for cid in m.claims}
    assert placed == {c.id for c in result.claims}
    for cid in placed:
        holding = [m for m in result.matches if cid in m.claims]
        assert sum(cid in m.suggested for m in holding) >= len(holding) - 1
    # the Arabic lede's $10 billion: its own match is the ledes', and the headlines' too
    lede = next(c.id for c in result.claims if c.text.startswith("بين Tesla وxAI"))
    holding = [m for m in result.matches if lede in m.claims]
    headlines = match_with(result, "fr", "Elon Musk dépenserait")
    assert len(holding) == 2 and headlines in holding and lede in headlines.suggested


def test_colossus_is_xais_in_turkish_and_teslas_elsewhere(result):
    m = match_with(result, "tr", "Colossus")
    assert set(langs_of(result, m)) >= {"tr", "bn", "ar", "fr"}
    assert m.suggestion == "conflict"
    assert any(r.startswith("xAI (tr) vs Tesla (") for r in m.reasons), m.reasons
    tr_doc = next(d.id for d in result.documents if d.lang == "tr")
    assert m.outliers == [tr_doc]


def test_garbled_company_name_is_a_conflict(result):
    m = match_with(result, "tr", "xBuster, Temmuz")
    assert m.suggestion == "conflict"
    assert any(r.startswith("xBuster (tr) vs xAI (") for r in m.reasons), m.reasons


def test_one_figure_in_three_scripts_and_groupings_agrees(result):
    m = match_with(result, "fr", "Cortex AI")
    assert {"tr", "bn", "ar", "fr"} <= set(langs_of(result, m))
    assert any("50.000 (tr)" in r and "50,000 (bn)" in r and "50000 (ar)" in r for r in m.reasons)
    assert not any(" vs " in r and "50" in r for r in m.reasons)


def test_hebrew_oracle_deal_is_not_the_ai_compute_spend(result):
    """$10 billion with Oracle (he) only looks like the others' $10 billion."""
    m = match_with(result, "he", "אורקל")
    assert langs_of(result, m) == ["he"]
    deal = match_with(result, "he", "עסקה של 10 מיליארד")
    assert langs_of(result, deal) == ["he"]
    assert deal.suggestion == "unsourced"


def test_hebrew_raise_is_not_openais_raise(result):
    """$6 billion at $18 billion (xAI, he) is not $6.6 billion at $157 billion (OpenAI)."""
    m = match_with(result, "he", "18 מיליארד")
    assert langs_of(result, m) == ["he"]
    openai = match_with(result, "fr", "6,6 milliards")
    assert "he" not in langs_of(result, openai)
    assert openai.suggestion == "agree"
    assert any("6,6 milliards de dollars (fr)" in r for r in openai.reasons)


def test_the_shared_100000_h100_figure_is_matched_across_articles(result):
    m = match_with(result, "he", "100,000 GPUs")
    assert {"bn", "ar", "fr", "he"} <= set(langs_of(result, m))


def test_turkish_additions_are_unsourced_with_a_reason(result):
    m = match_with(result, "tr", "150 MW")
    assert langs_of(result, m) == ["tr"]
    assert m.suggestion == "unsourced"
    assert m.reasons == ["only in tr"]


def test_boilerplate_and_embeds_are_kept_and_marked(result):
    kinds = {c.text: c.kind for c in result.claims}
    assert kinds["Exit mobile version"] == "boilerplate"
    assert any(k == "embed" and "pic.twitter.com" in t for t, k in kinds.items())


def test_offsets_point_into_the_decoded_text(result):
    texts = {d.id: d.text for d in result.documents}
    for c in result.claims:
        assert texts[c.doc][c.start : c.end] == c.text


def test_same_input_same_output():
    assert run([SEEDS]).model_dump_json() == run([SEEDS]).model_dump_json()
