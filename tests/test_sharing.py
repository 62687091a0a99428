"""A claim that states several facts is in the match of each (crossfact.sharing), compared
there by that match's figures; and two camps of outlets are a conflict (crossfact.suggest)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_suggest import claims_for

from crossfact.facts import figure_focus
from crossfact.models import MatchResult
from crossfact.pipeline import run
from crossfact.sharing import match_verdict
from crossfact.suggest import Verdict, suggest

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
    claim = next(c.id for c in quake.claims if c.text.startswith(lede))
    (own,) = [m for m in holding(quake, lede) if claim not in m.suggested]
    (toll,) = [m for m in holding(quake, lede) if claim in m.suggested
               and any(r.startswith("10 (en) vs 76") for r in m.reasons)]
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


def between_outlets(versions: dict[str, str]) -> Verdict:
    """One claim per version as one match, judged as the matcher judges a match of
    different outlets' articles."""
    claims, labels = claims_for(versions)
    lang_of = {c.doc: labels[c.doc] for c in claims}
    return match_verdict(claims, labels, len(versions), set(), set(), lang_of, outlets=True)


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


def test_an_outlet_giving_both_figures_sets_neither_camp_apart() -> None:
    """AFAD's 7.4 and USGS's 7.8: the Arabic outlet gives both, the Turkish one 7.4, the
    others 7.8. The Turkish figure is backed by the Arabic one, so odd by no count, and
    differs from four outlets all the same; the Arabic outlet is in both camps and no
    outlier."""
    claims, labels = claims_for({
        "ar": "زلزال بقوة 7.4 درجات، و7.8 حسب هيئة المسح الجيولوجي الأمريكية.",
        "tr": "Kahramanmaraş'ta 7,4 büyüklüğünde deprem.",
        "en": "A magnitude 7.8 earthquake struck Turkey.",
        "fr": "Un séisme de magnitude 7,8 a frappé la Turquie.",
        "he": "רעידת אדמה בעוצמה 7.8 פקדה את טורקיה.",
    })
    verdict = suggest(claims, labels, 5, outlets=True)
    assert verdict.suggestion == "conflict"
    assert verdict.reasons[0] == "7.4 (ar, tr) vs 7.8 (ar, en, fr, he)", verdict.reasons
    assert [labels[d] for d in verdict.outliers] == ["tr"]


def test_between_outlets_a_toll_is_never_set_against_a_magnitude() -> None:
    """An outlet's headline gives the magnitude and a toll, the others a magnitude: its
    toll is no rival of the Turkish 7.4 (a figure's fact, from the words around it,
    `facts.figure_kinds`); the magnitudes differ, and say so."""
    verdict = between_outlets({
        "en": "Magnitude 7.8 quake kills at least 10 in Turkey.",
        "tr": "Kahramanmaraş'ta 7,4 büyüklüğünde deprem.",
        "fr": "Séisme de magnitude 7,8 en Turquie.",
        "he": "רעידת אדמה בעוצמה 7.8 בטורקיה.",
    })
    assert verdict.suggestion == "conflict"
    assert verdict.reasons[0].startswith("7,4 (tr) vs 7.8"), verdict.reasons
    assert not any(r.startswith("10 (en)") for r in verdict.reasons), verdict.reasons
    assert "only in en: 10" in verdict.reasons


def test_two_facts_that_two_outlets_both_give_are_no_camps() -> None:
    """A final's 3-3 at full time and 4-2 on penalties: two outlets give both, one the
    draw, two the shoot-out. As many versions give both as give only the draw: two facts,
    not two reports of one, so no camp sets the draw against the shoot-out."""
    verdict = between_outlets({
        "en": "It ended 3-3 after extra time and Argentina won 4-2 on penalties.",
        "fr": "Le match s'est terminé 3-3, l'Argentine l'emporte 4-2 aux tirs au but.",
        "bn": "নির্ধারিত সময়ে খেলা ৩-৩ গোলে ড্র হয়।",
        "tr": "Arjantin penaltılarda 4-2 kazandı.",
        "he": "ארגנטינה ניצחה 4-2 בפנדלים.",
    })
    assert not any(" vs " in r for r in verdict.reasons), verdict.reasons


def test_a_figure_s_fact_holds_a_score_s_two_numbers() -> None:
    """A score is typed over its whole span ("4-2"), its numbers each one digit: both take
    the score's fact, so neither is set against a minute."""
    from crossfact.suggest import figures

    claims, _ = claims_for({"en": "Argentina won 4-2 on penalties."})
    (claim,) = claims
    start = claim.text.index("4-2")
    typed = figures(claims, None, {claim.id: {(start, start + 3): "score"}})
    assert [(f.value, f.fact) for f in typed] == [(4, "score"), (2, "score")]
    untyped = figures(claims, None, {})
    assert {f.fact for f in untyped} == {""}  # between outlets, a figure nothing types
    assert {f.fact for f in figures(claims)} == {None}  # translations: no facts at all


def test_a_sentence_of_three_goal_minutes_joins_a_match_of_unknown_kind() -> None:
    """The Arabic "79, 81 and 118" sentence joins the match of the English "80th and 81st
    minutes" by its equal 81st minute, though that match's own claims (put together by
    third versions) share no fact score: half of them suffice there too."""
    result = story("worldcup-final-2022")
    arabic = next(c.id for c in result.claims if "في الدقيقة 79 ود81 ود118" in c.text)
    english = next(c.id for c in result.claims if "in the 80th and 81st minutes" in c.text)
    together = [m for m in result.matches if arabic in m.claims and english in m.claims]
    assert together and all(arabic in m.suggested for m in together)


def test_names_alone_never_join_a_match_of_unknown_kind() -> None:
    """A figure's kind may join a match whose kind is unknown with half its claims; names
    alone may not (such joins were all wrong on the development stories)."""
    from crossfact.sharing import HALF, _needed

    assert _needed(None, "minute=81") == HALF
    assert _needed(None, "") is None
    assert _needed(frozenset({"killed"}), "magnitude") is None


def test_best_partners_no_match_holds_together_make_a_match_of_their_own(
        quake: MatchResult) -> None:
    """Syria's toll: the Arabic "111 dead and 516 injured" and the Bengali "at least 99
    killed in Syria" are each other's best partners of the toll, each firm in a match that
    holds a claim of the other's version. They make a match of their own, both suggested,
    compared by the toll only (not the Arabic injured)."""
    arabic = next(c.id for c in quake.claims if "111 قتيلا و516 مصابا" in c.text)
    bengali = next(c.id for c in quake.claims if c.text.startswith("এতে সিরিয়ায় অন্তত ৯৯"))
    (own,) = [m for m in quake.matches if arabic in m.claims and bengali in m.claims]
    assert set(own.suggested) == set(own.claims) == {arabic, bengali}
    assert own.suggestion == "conflict"
    assert own.reasons[0] == "111 (ar) vs ৯৯ (bn)", own.reasons
    assert not any("516" in r for r in own.reasons), own.reasons


def test_fact_groups_keep_one_claim_per_version_and_every_pair_scored() -> None:
    """Pairs join strongest first, never two claims of one version, never a claim without
    a score of the kind with every member; pairs a match holds together, and a clock time
    or a score, make no group."""
    from crossfact.facts import FactEvidence
    from crossfact.sharing import fact_groups

    doc_of = {"a1": "a", "a2": "a", "b1": "b", "c1": "c", "d1": "d"}
    scores = {frozenset(p): {"killed": 0.5} for p in
              [("a1", "b1"), ("a1", "c1"), ("b1", "c1"), ("a2", "b1"), ("c1", "d1")]}
    scores[frozenset(("a2", "d1"))] = {"clock": 0.9, "score": 0.9}
    evidence = FactEvidence([], scores, [
        (0.6, "a1", "b1", "killed"), (0.5, "b1", "c1", "killed"), (0.4, "a2", "b1", "killed"),
        (0.3, "c1", "d1", "killed"), (0.9, "a2", "d1", "clock"), (0.9, "a2", "d1", "score"),
    ])
    groups = [{"a1"}, {"a2"}, {"b1"}, {"c1"}, {"d1"}]
    made = fact_groups(groups, [{} for _ in groups], evidence, doc_of)
    assert [sorted(g) for g in made] == [["a1", "b1", "c1"]]  # d1 has no score with a1
    assert made[0] == {"a1": 0.6, "b1": 0.6, "c1": 0.5}
    together = [{"a1", "b1", "c1"}, {"a2"}, {"d1"}]  # a match holds the first three
    assert fact_groups(together, [{} for _ in together], evidence, doc_of) == [
        {"a2": 0.4, "b1": 0.4}, {"c1": 0.3, "d1": 0.3}]


def test_best_partners_of_one_minute_make_a_match_of_their_own() -> None:
    """A DATING kind by its value ("minute=23") groups as an amount does: every claim of the
    group states that very minute, so the group hides no conflict. By kind it does not."""
    from crossfact.facts import FactEvidence
    from crossfact.sharing import fact_groups

    doc_of = {"a1": "a", "b1": "b"}
    groups = [{"a1"}, {"b1"}]
    for kind, made in (("minute=23", [{"a1": 0.7, "b1": 0.7}]), ("minute", [])):
        evidence = FactEvidence([], {frozenset(("a1", "b1")): {kind: 0.7}},
                                [(0.7, "a1", "b1", kind)])
        assert fact_groups(groups, [{} for _ in groups], evidence, doc_of) == made


def test_a_goal_minute_stated_beside_another_goal_links_by_its_minute() -> None:
    """The Arabic "23rd minute" and the French "(23′ sur penalty)" each sit in a match of
    another fact of their sentence; their equal minute makes a match of their own."""
    result = story("worldcup-final-2022")
    arabic = next(c.id for c in result.claims if "الدقيقة 23" in c.text)
    french = next(c.id for c in result.claims if "(23′ sur penalty)" in c.text)
    assert any({arabic, french} <= set(m.claims) for m in result.matches)


def test_a_suggested_member_without_fact_evidence_in_its_match_is_taken_out() -> None:
    """Between outlets, a suggested member (weak) with no fact score with any claim of
    another version of its match goes, asked again after each removal (b2's only evidence
    was with c2); a firm member stays however little evidence it has; a translation's
    alignment (a and t are translations) is not judged; a match left with one version is
    undone whole."""
    from crossfact.sharing import unsupported

    doc_of = {"a1": "a", "b1": "b", "c1": "c", "b2": "b", "c2": "c", "t1": "t"}
    scores = {frozenset(("a1", "b1")): {"killed": 0.5}, frozenset(("b2", "c2")): {"": 0.45}}
    assert unsupported({"a1", "b1", "c1"}, {"c1"}, scores, doc_of, set()) == {"c1"}
    assert unsupported({"a1", "b1", "c1"}, {"b1"}, scores, doc_of, set()) == set()
    assert unsupported({"a1", "b1", "c1"}, {"a1", "c1"}, scores, doc_of, set()) == {"c1"}
    assert unsupported({"a1", "b2", "c2"}, {"a1", "c2", "b2"}, {}, doc_of, set()) == {
        "a1", "b2", "c2"}
    # a1 goes (no evidence), then b2 and c2 still have each other
    assert unsupported({"a1", "b2", "c2"}, {"a1", "b2", "c2"}, scores, doc_of, set()) == {"a1"}
    # the last two left of one version: the match is undone whole
    assert unsupported({"a1", "b1", "c1"}, {"a1", "b1"}, {}, doc_of, set()) == {
        "a1", "b1", "c1"}
    translated = {frozenset(("a", "t"))}
    assert unsupported({"a1", "t1"}, {"t1"}, {}, doc_of, translated) == set()


def test_a_member_on_a_kind_alone_needs_evidence_with_two_versions_where_there_are() -> None:
    """A suggested member whose best evidence is a shared kind of figure and nothing else
    (WEAK, below KIND_ALONE: no agreeing or near figure, no shared name) stays only with
    evidence with claims of two versions of its match, where the match has two to ask; with
    an agreeing figure (a score above KIND_ALONE) one is enough."""
    from crossfact.sharing import KIND_ALONE, unsupported

    doc_of = {"a1": "a", "b1": "b", "c1": "c"}
    alone = {frozenset(("a1", "b1")): {"killed": 0.31}}
    assert unsupported({"a1", "b1", "c1"}, {"a1"}, alone, doc_of, set()) == {"a1"}
    assert unsupported({"a1", "b1"}, {"a1"}, alone, doc_of, set()) == set()  # none to ask
    both = {**alone, frozenset(("a1", "c1")): {"killed": 0.31}}
    assert unsupported({"a1", "b1", "c1"}, {"a1"}, both, doc_of, set()) == set()
    agreeing = {frozenset(("a1", "b1")): {"killed": KIND_ALONE + 0.15}}
    assert unsupported({"a1", "b1", "c1"}, {"a1"}, agreeing, doc_of, set()) == set()


def test_a_day_of_the_week_alone_no_longer_holds_two_claims_together() -> None:
    """The runoff's English lede ("won Sunday's first-ever runoff") and the Arabic "polls
    closed on Sunday evening" were a match held by an equal weekday alone (a weak link with
    no fact score: a day links no further membership), a wrong link; the guard undoes it."""
    result = story("turkey-runoff-2023")
    english = next(c.id for c in result.claims if c.text.startswith("ERBIL, Kurdistan Region"))
    arabic = next(c.id for c in result.claims if c.text.startswith("وأغلقت مراكز الاقتراع"))
    assert not any(english in m.claims and arabic in m.claims for m in result.matches)


def test_a_lede_with_a_rising_toll_stays_out_of_the_search_sentences_match() -> None:
    """Maui's Arabic lede ("at least 53 dead ... the toll is expected to rise") shared only
    the kind "toll expected to rise" with the French police chief's sentence, and nothing
    with the English and Turkish sentences of that match ("only 3% of the area searched"):
    a kind alone, with one of three versions, no longer holds it there."""
    result = story("maui-wildfire-2023")
    lede = next(c.id for c in result.claims if c.text.startswith("قضى 53 شخصاً"))
    dogs = next(c.id for c in result.claims if c.text.startswith("Dogs trained to detect"))
    assert not any(lede in m.claims and dogs in m.claims for m in result.matches)


def test_a_rounded_figure_that_may_be_either_backs_neither_camp() -> None:
    """Derna's missing: "more than 10 thousand" (ar) against 10,100 (en, tr) differs as it
    would alone; the French and Bengali "about 10,000" may be either, and are no version
    giving both figures, which would make them two facts (the final's 3-3 and 4-2)."""
    verdict = between_outlets({
        "ar": "وهناك أكثر من 10 آلاف مفقود.",
        "bn": "প্রায় ১০,০০০ মানুষ এখনও নিখোঁজ রয়েছে।",
        "en": "Another 10,100 people are reported missing.",
        "fr": "On compte quelque 10.000 disparus.",
        "tr": "10 bin 100 kişi kayıp.",
    })
    assert verdict.suggestion == "conflict", verdict.reasons
    assert verdict.reasons[0] == "10 آلاف (ar) vs 10,100 (en, tr)", verdict.reasons


GOALS = {
    "en": "Mbappe scored in the 80th and 81st minutes.",
    "fr": "Doublé de Kylian Mbappé (80′ et 81′).",
    "tr": "80. ve 81. dakikada K. Mbappe gol attı.",
}


def shared_verdict(shared: dict[str, str]) -> Verdict:
    """The goals' match (GOALS, its own claims) with `shared`'s claims as members shared
    with other matches, judged as the matcher judges a match between outlets."""
    claims, labels = claims_for({**GOALS, **shared})
    lang_of = {c.doc: labels[c.doc] for c in claims}
    mine = {c.id for c in claims if labels[c.doc] in shared}
    return match_verdict(claims, labels, len(labels), mine, set(), lang_of, outlets=True)


def test_a_shared_sentence_of_three_minutes_is_compared_where_its_values_stand() -> None:
    """The Arabic "في الدقيقة 79 ود81 ود118" (Mbappé's three goals), in the match of his
    80th and 81st minutes: its 81 is theirs, its 79 stands where their 80 does and differs,
    its 118 is another goal's and is not compared here."""
    verdict = shared_verdict({"ar": "سجل كيليان مبابي هاتريك، في الدقيقة 79 ود81 ود118."})
    assert verdict.suggestion == "conflict", verdict.reasons
    assert verdict.reasons[0] == "79 (ar) vs 80 (en, fr, tr)", verdict.reasons
    assert not any("118" in r for r in verdict.reasons), verdict.reasons


@pytest.mark.parametrize("text", [
    "سجل كيليان مبابي، في الدقيقة 81 ود118.",  # 118 stands after 81: another goal
    "سجل ميسي في الدقيقة 23 ود108.",  # no minute shared: nothing says which is which
    "سجل ميسي في الدقيقة 23 ومبابي في الدقيقة 81.",  # 23 is nearer no 80 than 81 is
])
def test_a_shared_sentence_s_other_minutes_are_not_set_against_the_match_s(text: str) -> None:
    verdict = shared_verdict({"ar": text})
    assert verdict.suggestion == "agree", verdict.reasons


def test_a_kind_stated_too_often_to_pick_one_statement_is_no_evidence() -> None:
    """A score below an agreeing figure's, of a kind of amount, between a claim stating its
    version's largest figure of the kind and one that does not, is `blurred` where one of
    the two has scores of that kind with RIVALS claims of the other's version: the kind
    (with a name or a near figure) still leaves many candidates. Not where both state their
    version's largest, nor with fewer rivals, an agreeing figure, or a further kind."""
    from crossfact.facts import AGREE, WEAK, FactEvidence
    from crossfact.sharing import RIVALS, blurred, unsupported

    doc_of = {"a1": "a", "c1": "c", **{f"b{n}": "b" for n in range(RIVALS)}}
    scores = {frozenset(("a1", f"b{n}")): {"killed": 0.46} for n in range(RIVALS)}
    largest = {"a1": frozenset(), "b0": frozenset({"killed"})}  # a1 gives a breakdown
    pair = frozenset(("a1", "b0"))
    assert pair in blurred(FactEvidence([], scores, [], largest), doc_of)
    both = {**largest, "a1": frozenset({"killed"})}  # both their versions' largest
    assert pair not in blurred(FactEvidence([], scores, [], both), doc_of)
    fewer = {p: s for p, s in scores.items() if "b2" not in p}
    assert blurred(FactEvidence([], fewer, [], largest), doc_of) == set()
    for kinds in ({"killed": WEAK + AGREE}, {"killed": 0.46, "": 0.45}):
        assert pair not in blurred(FactEvidence([], {**scores, pair: kinds}, [], largest),
                                   doc_of)
    # and a weak member held by that score alone is taken out
    assert unsupported({"a1", "b0"}, {"a1"}, scores, doc_of, set(), {pair}) == {"a1", "b0"}
    assert unsupported({"a1", "b0"}, {"a1"}, scores, doc_of, set()) == set()


def test_a_breakdown_of_a_toll_no_longer_joins_another_outlets_toll() -> None:
    """Hathras: the Arabic district magistrate's "between 50 and 60 dead" (the dead of
    Hathras itself) was a suggested member of the English lede's "killed 116 people", and
    the English "And 89 lay dead in Hathras itself" of the Arabic headline's 87 dead: each
    version states the toll in many claims, so the kind with the place's name could not
    pick one; they stay linked with each other (one fact)."""
    result = story("hathras-stampede-2024")
    find = {text: next(c.id for c in result.claims if text in c.text)
            for text in ("50 و60", "killed 116 people", "And 89 lay dead", "ارتفاع عدد ضحايا")}
    linked = [set(m.claims) for m in result.matches]
    assert not any({find["50 و60"], find["killed 116 people"]} <= m for m in linked)
    assert not any({find["And 89 lay dead"], find["ارتفاع عدد ضحايا"]} <= m for m in linked)
    assert any({find["50 و60"], find["And 89 lay dead"]} <= m for m in linked)


def held_by_another(matches: list, doc: dict[str, str]) -> list[list[str]]:
    """The matches whose claims, of two versions or more, another match holds all of."""
    sets = [frozenset(m.claims) for m in matches]
    return [sorted(s) for n, s in enumerate(sets) if len({doc[c] for c in s}) >= 2
            and any(s <= t for k, t in enumerate(sets) if k != n)]


@pytest.mark.parametrize("name", ["quake-turkey-2023", "derna-flood-2023",
                                  "hathras-stampede-2024", "maui-wildfire-2023"])
def test_no_match_holds_only_claims_another_match_holds(name: str) -> None:
    """A reviewer sees one match per fact: two best partners each alone in its match each
    joined the other's (quake-turkey's Arabic "dozens of buildings in Kahramanmaraş" and
    English "34 buildings collapsed in Osmaniye", a wrong link shown twice; Derna's mayor
    in English and Turkish with the Arabic toll; Hathras' 27 bodies in Etah), and Maui's
    Bengali lede, alone with the English and Arabic claims of the toll's match it joined
    too. Each such pair of matches is one match now, its claims all still held."""
    result = story(name)
    doc = {c.id: c.doc for c in result.claims}
    assert held_by_another(result.matches, doc) == []
    assert {c for m in result.matches for c in m.claims} == set(doc)
    assert result.membership_problems() == []


def test_two_best_partners_alone_in_their_matches_make_one_match() -> None:
    """Each of two claims alone in its match is the other's best partner of a toll: each
    joins the other's match (`shared_members`), two matches of the same two claims;
    `repeats` keeps one, the one whose further link is the stronger, and a claim's third
    version keeps the larger match apart from it."""
    from crossfact.facts import FactEvidence
    from crossfact.sharing import repeats, shared_members

    doc_of = {"x": "en", "y": "ar", "z": "fr"}
    evidence = FactEvidence([], {frozenset(("x", "y")): {"killed": 0.4}},
                            [(0.4, "x", "y", "killed")])
    groups = [{"x"}, {"y"}]
    added = shared_members(groups, evidence, doc_of)
    assert added == [{"y": 0.4}, {"x": 0.4}]  # the same two claims, twice
    assert repeats(groups, added, doc_of) in ({0: 1}, {1: 0})
    assert repeats([{"x"}, {"y"}], [{"y": 0.4}, {"x": 0.6}], doc_of) == {0: 1}
    # a match within another goes; one that holds a claim of its own besides does not
    assert repeats([{"x", "y"}, {"z"}], [{}, {"x": 0.4, "y": 0.4}], doc_of) == {0: 1}
    assert repeats([{"x", "y"}, {"z"}], [{}, {"x": 0.4}], doc_of) == {}
    # a claim alone in a version (no link) is never a repeat, though another match holds it
    assert repeats([{"x"}, {"y"}], [{}, {"x": 0.4}], doc_of) == {}


def test_a_firm_pair_that_two_larger_matches_hold_stays_firm_in_one() -> None:
    """An English and an Arabic claim linked firmly (their own match) are each further
    members of two larger matches, a French claim's and a Turkish one's (a sentence of two
    facts beside each): their match repeats both and goes (`repeats`), and its two claims,
    suggested in both, lost the firm link between them. They now fold into the first kept
    match as claims of its own, firm as they were; in the other they stay suggested."""
    from crossfact.matching import HIGH, _Cluster, _fold
    from crossfact.sharing import repeats

    doc_of = {"en": "en", "ar": "ar", "fr": "fr", "tr": "tr"}
    unique = [_Cluster({"en", "ar"}, {"en": {"en"}, "ar": {"ar"}}, {"en": 0.9, "ar": 0.9}),
              _Cluster({"fr"}, {"fr": {"fr"}}), _Cluster({"tr"}, {"tr": {"tr"}})]
    shared = [{}, {"en": 0.3, "ar": 0.3}, {"en": 0.2, "ar": 0.2}]
    gone = repeats([c.claims for c in unique], shared, doc_of)
    assert gone == {0: 1}
    kept, extras = _fold(unique, shared, gone)
    firm = [{c for c in cluster.claims if cluster.best.get(c, 0.0) >= HIGH} for cluster in kept]
    assert firm == [{"en", "ar"}, set()]  # the pair firm in the French claim's match
    assert extras == [{}, {"en": 0.2, "ar": 0.2}]  # and suggested in the Turkish one's
    # a match of one claim that goes leaves it a further member, as it was
    kept, extras = _fold([_Cluster({"en"}, {"en": {"en"}}), _Cluster({"ar"}, {"ar": {"ar"}})],
                         [{"ar": 0.4}, {"en": 0.4}], {0: 1})
    assert [c.claims for c in kept] == [{"ar"}] and extras == [{"en": 0.4}]


def test_a_firm_pair_of_jeju_stays_firm_where_two_larger_matches_held_it() -> None:
    """Jeju's Arabic, Bengali, English and Hebrew reports (fixtures/news, development): the
    English "Out of the 181 people on board, only two cabin crew members survived" and the
    Hebrew "... all 181 people on board died, except two crew members" are linked firmly,
    and each is a further member of the match of the two crew rescued (Arabic and
    Bengali) and of the match of the 181 on board: their own match repeated both and went,
    and the firm link between them was a suggestion in both. It stays firm in one."""
    files = [NEWS / "jeju-air-crash-2024" / f"{lang}.txt" for lang in ("ar", "bn", "en", "he")]
    result = run([str(f) for f in files], langs={str(f): f.stem for f in files})
    en, he = (next(c.id for c in result.claims if c.text.startswith(text))
              for text in ("Out of the 181 people on board", "הרשויות בדרום קוריאה סבורות"))
    both = [m for m in result.matches if {en, he} <= set(m.claims)]
    assert len(both) == 2
    assert [not {en, he} & set(m.suggested) for m in both].count(True) == 1


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 3), st.sets(st.integers(0, 11), max_size=4)),
                min_size=1, max_size=8))
def test_after_repeats_no_match_repeats_another_and_every_claim_is_held(
        raw: list[tuple[int, set[int]]]) -> None:
    """Whatever the matches (each its own claims, a partition, and further members of other
    matches), the ones `repeats` leaves hold every claim, no one of them holds only claims
    (of two versions or more) another holds, and each one that went is held whole by one
    that stays."""
    from crossfact.sharing import repeats

    doc_of = {f"c{n}": f"d{n % 4}" for n in range(12)}
    firm: list[set[str]] = []
    owner: dict[str, int] = {}
    for n, (_, claims) in enumerate(raw):
        mine = {f"c{c}" for c in claims if f"c{c}" not in owner}
        owner.update(dict.fromkeys(mine, n))
        firm.append(mine)
    added = [{f"c{c}": 0.1 * (weight + 1) for c in claims if owner.get(f"c{c}") != n}
             for n, (weight, claims) in enumerate(raw)]
    members = [frozenset({*f, *a}) for f, a in zip(firm, added, strict=True)]
    gone = repeats(firm, added, doc_of)
    kept = [m for n, m in enumerate(members) if n not in gone and m]
    assert set().union(*kept) == set().union(*members)
    for n, m in enumerate(kept):
        assert len({doc_of[c] for c in m}) < 2 or not any(
            m <= other for k, other in enumerate(kept) if k != n)
    assert all(any(members[n] <= m for m in kept) for n in gone)
