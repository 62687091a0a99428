"""A claim that states several facts is in the match of each (crossfact.sharing), compared
there by that match's figures; and two camps of outlets are a conflict (crossfact.suggest)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from crossfact.facts import figure_focus
from crossfact.fingerprint import fingerprint_story
from crossfact.ids import stable_id
from crossfact.models import Claim, Document, MatchResult
from crossfact.pipeline import run
from crossfact.suggest import suggest

NEWS = Path(__file__).resolve().parents[1] / "fixtures" / "news"


def story(name: str) -> MatchResult:
    files = sorted((NEWS / name).glob("*.txt"))
    return run([str(f) for f in files], langs={str(f): f.stem for f in files})


@pytest.fixture(scope="module")
def quake() -> MatchResult:
    return story("quake-turkey-2023")


def holding(result: MatchResult, text: str) -> list:
    claim = next(c.id for c in result.claims if c.text.startswith(text))
    return [m for m in result.matches if claim in m.claims]


def test_a_sentence_of_magnitude_and_toll_is_in_both_matches(quake: MatchResult) -> None:
    """AP's lede gives the magnitude and a toll: its own match is the magnitude's, and it is
    a suggested member of Turkey's toll, compared there by its toll (10 against 76), not by
    its magnitude."""
    lede = "A 7.8 magnitude earthquake rocked southeastern Turkey, killing at least 10"
    matches = holding(quake, lede)
    claim = next(c.id for c in quake.claims if c.text.startswith(lede))
    assert len(matches) == 2
    own, toll = sorted(matches, key=lambda m: claim in m.suggested)
    assert claim not in own.suggested and claim in toll.suggested
    assert toll.suggestion == "conflict"
    assert any(r.startswith("10 (en) vs 76") for r in toll.reasons), toll.reasons
    assert not any("7.8" in r for r in toll.reasons), toll.reasons


@pytest.mark.parametrize("name", ["quake-turkey-2023", "quake-morocco-2023",
                                  "turkey-runoff-2023", "worldcup-final-2022"])
def test_a_match_holds_one_run_per_version_and_every_claim_once_as_its_own(name: str) -> None:
    result = story(name)
    doc = {c.id: c.doc for c in result.claims}
    index = {c.id: c.index for c in result.claims}
    for m in result.matches:
        for ids in _by_version(m.claims, doc).values():
            spots = sorted(index[c] for c in ids)
            assert spots[-1] - spots[0] == len(spots) - 1, m.claims  # adjacent
    counts = Counter(c for m in result.matches for c in m.claims)
    assert set(counts) == {c.id for c in result.claims}
    for cid, n in counts.items():
        assert sum(cid in m.suggested for m in result.matches if cid in m.claims) >= n - 1


def _by_version(claims: list[str], doc: dict[str, str]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for c in claims:
        out.setdefault(doc[c], []).append(c)
    return out


def test_one_newsrooms_translations_share_no_claim() -> None:
    """AFP's French and Arabic wires are translations: a partition, as before."""
    result = story("quake-turkey-2023-afp")
    counts = Counter(c for m in result.matches for c in m.claims)
    assert set(counts.values()) == {1}


def claims_for(versions: dict[str, str]) -> tuple[list[Claim], dict[str, str]]:
    """One claim per version (by language), fingerprinted as in a story; and its labels."""
    docs, claims = [], []
    for lang, text in versions.items():
        doc = Document(id=stable_id(lang, text, prefix="d"), path=lang, lang=lang, title="",
                       text=text)
        docs.append(doc)
        claims.append(Claim(id=stable_id(doc.id, prefix="c"), doc=doc.id, index=0, text=text,
                            start=0, end=len(text)))
    return fingerprint_story(docs, claims), {d.id: d.lang for d in docs}


def test_a_shared_member_is_compared_by_the_kinds_its_match_states() -> None:
    claims, labels = claims_for({
        "en": "The earthquake killed 76 people.",
        "fr": "Le séisme a tué 76 personnes.",
        "tr": "7,4 büyüklüğündeki deprem 80 kişinin hayatını kaybetmesine yol açtı.",
    })
    shared = {claims[2].id}
    focus = figure_focus(claims, shared, labels)
    focused = suggest(claims, labels, 3, focus)
    assert focused.suggestion == "conflict"
    assert focused.reasons[0] == "80 (tr) vs 76 (en, fr)"
    assert not any("7,4" in r for r in focused.reasons)
    assert any("7,4" in r for r in suggest(claims, labels, 3).reasons)  # unfocused: noise


def test_two_camps_of_outlets_are_a_conflict_and_of_translations_not() -> None:
    """296 dead in three outlets, 632 in three others (two hours of one night): no figure is
    odd by the count of versions, and the fact still differs."""
    claims, labels = claims_for({
        "en": "At least 296 people died.", "fr": "Au moins 296 personnes sont mortes.",
        "he": "לפחות 296 בני אדם נהרגו.", "ar": "ارتفاع عدد الضحايا إلى 632 قتيلاً.",
        "tr": "Can kaybı 632 oldu.", "bn": "অন্তত ৬৩২ জনের মৃত্যু হয়েছে।",
    })
    outlets = suggest(claims, labels, 6, outlets=True)
    assert outlets.suggestion == "conflict"
    assert outlets.reasons[0] == "296 (en, fr, he) vs 632 (ar, tr, bn)"
    assert {labels[d] for d in outlets.outliers} == {"en", "fr", "he"}  # even: the first's
    assert suggest(claims, labels, 6).suggestion == "agree"
