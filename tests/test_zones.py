"""Clock times said in different time zones: read with their zone, compared as instants."""

from __future__ import annotations

from babel import Locale
from babel.core import get_global
from babel.dates import get_timezone, get_timezone_location
from hypothesis import example, given, settings
from hypothesis import strategies as st
from test_suggest import claims_for, verdict

from crossfact.models import Quantity
from crossfact.numbers import find_quantities
from crossfact.sharing import match_verdict
from crossfact.suggest import Verdict
from crossfact.zones import _ALSO_A_STATE, REFERENCE_YEAR, Mark, _times_of_day, offsets

LANGS = ("en", "fr", "tr", "ar", "he", "bn")


def outlets(versions: dict[str, str]) -> Verdict:
    """The suggestion for one match of these versions, read as different outlets' articles."""
    claims, langs = claims_for(versions)
    return match_verdict(claims, langs, len(versions), set(), set(), langs, outlets=True)


def clocks(text: str, lang: str) -> list[tuple[str, str | None, list[int]]]:
    return [(q.text, q.zone, q.offsets) for q in find_quantities(text, lang) if q.clock]


def test_real_sentences_read_their_zones():
    """fixtures/news (development): each outlet's way of saying the zone of an event's time."""
    # jeju-air-crash-2024/en.txt: a local time beside GMT tells the local offset, UTC+9
    assert clocks("The incident occurred on Sunday at 9:03 a.m. local time (00:03 GMT) when a "
                  "Jeju Air flight from Bangkok, Thailand", "en") \
        == [("9:03", None, [540]), ("00:03", "GMT", [0])]
    # quake-turkey-2023/fr.txt
    assert clocks("le tremblement de terre a eu lieu à 04h17 locales (01h17 GMT), à une "
                  "profondeur d'environ", "fr") == [("04h17", None, [180]), ("01h17", "GMT", [0])]
    # quake-morocco-2023/ar.txt: Morocco's time, after an evening word and its tanween
    assert clocks("بدأت الحادثة حوالي الساعة 11 مساءً بتوقيت المغرب من ليلة السبت", "ar") \
        == [("11", "بتوقيت المغرب", [60])]
    # quake-morocco-2023/he.txt: Israel's time, in parentheses after a part of the day
    assert clocks("רעידת האדמה, שהתרחשה בסביבות השעה 1:00 בלילה (שעון ישראל), גרמה לנזק",
                  "he") == [("1:00", "שעון ישראל", [120, 180])]
    # jeju-air-crash-2024/he.txt and odisha-train-crash-2023/tr.txt: local time, no offset
    assert clocks("ההתרסקות אירעה בשעה 9:03 בבוקר, שעון מקומי.", "he") == [("9:03", None, [])]
    assert clocks("dün yerel saatle 19.20'de meydana gelen kazada", "tr") \
        == [("19.20", None, [])]


def test_zones_outlets_write_before_or_after_the_time():
    assert clocks("TSİ 04.17’de meydana gelen deprem", "tr") == [("04.17", "TSİ", [180])]
    assert clocks("Türkiye saatiyle 04.17'de", "tr") == [("04.17", "Türkiye saatiyle", [180])]
    assert clocks("বাংলাদেশ সময় রাত ১১টা ১১ মিনিট", "bn") \
        == [("রাত ১১টা ১১ মিনিট", "বাংলাদেশ সময়", [360])]
    assert clocks("à 02h17 heure de Paris", "fr") == [("02h17", "heure de Paris", [60, 120])]
    assert clocks("الساعة 11 مساءً بتوقيت القاهرة", "ar")[0][1] == "بتوقيت القاهرة"


def test_a_date_in_the_sentence_sets_the_offset():
    """Paris is UTC+1 in February: with the date, its summer offset is not allowed."""
    assert clocks("à 02h17 heure de Paris le 6 février 2023", "fr") \
        == [("02h17", "heure de Paris", [60])]


def test_a_pm_local_time_gives_its_offset_with_its_sign():
    assert clocks("at 11:11 p.m. local time (22:11 GMT) on Friday", "en")[0][2] == [60]


def test_an_abbreviation_is_read_in_capitals_and_in_its_language_only():
    """French "et" (and) is no Eastern Time; TSİ is Turkish news' own."""
    assert clocks("entre 10h30 et 11h", "fr")[0][1] is None
    assert clocks("at 10:30 ET", "en") == [("10:30", "ET", [-300, -240])]
    assert clocks("at 10:30 TSİ", "en")[0][1] is None


def test_a_fixed_offset_is_that_offset():
    """CET, EST and CLDR's GMT format with an offset fix one offset; "GMT+3" is no GMT."""
    assert clocks("à 10h30 CET", "fr") == [("10h30", "CET", [60])]
    assert clocks("at 10:30 EST", "en") == [("10:30", "EST", [-300])]
    assert clocks("at 10:30 GMT+3 on Monday", "en") == [("10:30", "GMT+3", [180])]
    assert clocks("الساعة 01,17 ت غ", "ar") == [("01,17", "ت غ", [0])]


def test_two_times_far_apart_tell_no_offset():
    """"from 9:00 local time until 14:00 GMT" is a span, not one time told twice."""
    found = clocks("Flights ran from 9:00 local time, the airport said, until well after "
                   "14:00 GMT on Monday", "en")
    assert found[0] == ("9:00", None, [])


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(LANGS), st.sampled_from(sorted(
    zs[0] for zs in get_global("territory_zones").values() if len(zs) == 1)))
def test_babel_zone_names_read_back(lang, zone):
    """A zone as CLDR names it in each language (its region format filled with a territory's
    name, "heure : Turquie", "Türkiye Saati", "توقيت تركيا") is read back as that zone."""
    try:
        name = get_timezone_location(get_timezone(zone), locale=lang)
    except LookupError:  # a zone the zone database does not hold
        return
    if any(state in name for state in _ALSO_A_STATE.get(lang, ())):
        return  # "Georgia Time": read as no zone on purpose
    [q] = [q for q in find_quantities(f"10:30 {name}", lang) if q.clock]
    assert q.zone is not None and q.offsets == offsets(Mark(name, zone), None)


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(LANGS), st.sampled_from(sorted(
    z for z in get_global("zone_territories") if not z.startswith("Etc/"))))
def test_babel_exemplar_cities_read_back(lang, zone):
    """CLDR's region format filled with a zone's exemplar city ("heure : Paris", "שעון
    פריז") is read back with that zone's offsets."""
    try:
        city = get_timezone_location(get_timezone(zone), locale=lang, return_city=True)
    except LookupError:
        return
    said = Locale.parse(lang).zone_formats["region"] % city
    [q] = [q for q in find_quantities(f"10:30 {said}", lang) if q.clock]
    assert q.offsets == offsets(Mark(said, zone), None)


def test_offsets_without_a_date_are_the_zones_standard_and_daylight_ones():
    assert offsets(Mark("heure de Paris", "Europe/Paris"), None) == [60, 120]
    assert REFERENCE_YEAR >= 2020


def test_local_and_gmt_time_agree_with_the_local_time_as_one_instant():
    """fixtures/news/jeju-air-crash-2024 (development): the GMT time was compared as a number
    with another version's local time ("00:03 (en) vs 9:07 (ar)")."""
    v = outlets({
        "ar": "وقع الحادث عند الساعة 9:07 صباحًا بالتوقيت المحلي.",
        "en": "The incident occurred on Sunday at 9:03 a.m. local time (00:03 GMT).",
        "he": "ההתרסקות אירעה בשעה 9:03 בבוקר, שעון מקומי.",
    })
    assert v.suggestion == "conflict"
    assert "9:07 (ar) vs 9:03 (en, he)" in v.reasons
    assert "00:03 GMT (en) = 9:03 (he), the same instant at UTC+9" in v.reasons
    assert not any("00:03" in r and " vs " in r for r in v.reasons)


def test_times_in_three_zones_agree_as_one_instant():
    """A lead's test: 04:17 in Turkey is 02:17 in Paris in February, TSİ is Turkey's time."""
    v = outlets({
        "en": "The quake struck at 04:17 local time (01:17 GMT) on 6 February 2023.",
        "fr": "Le séisme a frappé à 02h17 heure de Paris le 6 février 2023.",
        "tr": "Deprem 6 Şubat 2023'te TSİ 04.17’de meydana geldi.",
    })
    assert v.suggestion == "agree", v.reasons
    assert v.reasons[0] == ("04:17 (en) = 02h17 heure de Paris (fr) = 04.17 TSİ (tr), the "
                            "same instant at UTC+3")


def test_differing_instants_are_a_conflict():
    v = outlets({"fr": "Le séisme a frappé à 02h17 heure de Paris le 6 février 2023.",
                    "tr": "Deprem 6 Şubat 2023'te TSİ 05.17’de meydana geldi."})
    assert v.suggestion == "conflict"
    assert v.reasons[0] == "02h17 heure de Paris (fr) vs 05.17 TSİ (tr)"


def test_a_zoned_time_is_never_compared_with_a_local_time_of_unknown_offset():
    """fixtures/news/quake-morocco-2023 (development): "11 مساءً بتوقيت المغرب" was set
    against the others' 23:11 as a number; with no offset for their local time, nothing
    says how far apart they are."""
    v = outlets({"ar": "بدأت الحادثة حوالي الساعة 11 مساءً بتوقيت المغرب من ليلة السبت",
                    "fr": "Le tremblement de terre a touché le Maroc à partir de 23h11."})
    assert v.suggestion == "agree"


def test_a_time_told_in_two_zones_counts_once():
    """fixtures/news/quake-turkey-2023 (development): the French "04h17 locales (01h17 GMT)"
    counted twice made the French version odd against the Hebrew 3:15 ("01h17 (fr) vs
    3:15 (he)") beside the one conflict there is, the Hebrew time against the others'."""
    v = outlets({
        "bn": "স্থানীয় সময় সোমবার ভোররাত ৪টা ১৭ মিনিটে ভূমিকম্পটি আঘাত হানে।",
        "fr": "le tremblement de terre a eu lieu à 04h17 locales (01h17 GMT).",
        "he": "מעט לאחר השעה 3:15 לפנות בוקר, רעידת אדמה הרעידה את טורקיה.",
        "tr": "Kahramanmaraş Pazarcık'ta saat 4.17'de deprem meydana geldi.",
    })
    conflicts = [r for r in v.reasons if " vs " in r]
    assert len(conflicts) == 1 and conflicts[0].startswith("3:15 (he) vs "), v.reasons
    assert v.outliers and len(v.outliers) == 1


def test_the_story_local_offset_reaches_every_local_time():
    """A local time told beside GMT in one version gives the other versions' local times
    its offset; two different offsets in one story give none."""
    def local_offsets(versions: dict[str, str]) -> list[int]:
        claims, labels = claims_for(versions)
        return next(q.offsets for c in claims if labels[c.doc] == "fr"
                    for q in c.fingerprint.numbers if q.clock)

    one = "It began at 9:03 a.m. local time (00:03 GMT)."
    assert local_offsets({"en": one, "fr": "à 9h03"}) == [540]
    two = one + " In the second city it began at 10:00 a.m. local time (02:00 GMT)."
    assert local_offsets({"en": two, "fr": "à 9h03"}) == []


def test_the_story_date_sets_a_zone_offset_its_sentence_does_not():
    """Paris is UTC+1 on the day the story gives (6 February 2023, in two versions), though
    the sentence with Paris's time gives no date."""
    claims, labels = claims_for({
        "en": "The quake struck on 6 February 2023.",
        "tr": "Deprem 6 Şubat 2023'te meydana geldi.",
        "fr": "Le séisme a frappé à 02h17 heure de Paris.",
    })
    [q] = [q for c in claims if labels[c.doc] == "fr" for q in c.fingerprint.numbers]
    assert (q.zone, q.offsets) == ("heure de Paris", [60])


def test_zones_survive_json():
    q = Quantity(value=3.0, text="00:03", clock=True, zone="GMT", offsets=[0])
    assert Quantity.model_validate_json(q.model_dump_json()) == q


def test_translations_compare_times_as_written():
    """A translator copies the time and may mistranslate its zone (NTREX, development: a
    British time given as Bangladesh time): between translations the written times agree,
    and a changed one is a conflict whatever zone either says."""
    same_time = {"en": "It happened at 19:30 local time on Thursday.",
                 "bn": "বৃহস্পতিবার বাংলাদেশ সময় ১৯ঃ৩০ মিনিটে ঘটনাটি ঘটে।"}
    v, _ = verdict(same_time)
    assert v.suggestion == "agree" and v.reasons[0] == "19:30 (en) = ১৯ঃ৩০ (bn)"
    v, _ = verdict({**same_time, "fr": "C'est arrivé jeudi à 18h30 heure de Paris."})
    assert v.suggestion == "conflict" and v.reasons[0].startswith("18h30 (fr) vs ")


def test_an_impossible_date_beside_a_time_is_no_date():
    """A misprinted date ("29 February 2023", "31 juin") beside a clock time crashed the
    whole story with "day is out of range for month"; the time keeps its zone, no date."""
    assert clocks("The vote closed at 10:00 GMT on 31 February 2024.", "en") \
        == [("10:00", "GMT", [0])]
    assert clocks("le 31 juin 2024 à 10h00 heure de Paris", "fr") \
        == [("10h00", "heure de Paris", [60, 120])]
    assert clocks("31 Nisan 2024 günü saat 10.00'da", "tr")[0][0] == "10.00"
    assert clocks("It closed at 10:00 on 31/04/2024.", "en")[0][0] == "10:00"


def test_a_story_with_an_impossible_date_is_matched(tmp_path):
    """The reviewer's story, end to end: it gave "unexpected error (ValueError ...)"."""
    from crossfact.pipeline import run

    texts = {"en": "The vote closed at 10:00 on 29 February 2023, officials said.\n\n"
                   "Turnout was 64 percent.\n",
             "fr": "Le scrutin s'est achevé à 10h00, ont indiqué les responsables.\n\n"
                   "La participation a atteint 64 %.\n"}
    langs = {}
    for lang, text in texts.items():
        (tmp_path / f"{lang}.txt").write_text(text, encoding="utf-8")
        langs[str(tmp_path / f"{lang}.txt")] = lang
    result = run(list(langs), langs=langs)
    assert any("10:00" in c.text for c in result.claims)
    assert result.matches


def test_two_times_joined_by_a_word_tell_no_offset():
    """Two times with "and", "until" or "et" between are two times, not one told in two
    zones: "cut at 7:00 local time and restored at 20:00 GMT" made the story's local time
    UTC+11 and "7:00 (en) = 20h00 GMT (fr), the same instant"."""
    assert clocks("from 9:00 local time until 14:00 GMT", "en")[0] == ("9:00", None, [])
    assert clocks("opens at 9:00 local time and ends at 16:30 GMT", "en")[0][2] == []
    assert clocks("began at 10:00 GMT and ended at 14:30 local time", "en")[1][2] == []
    assert clocks("power in Marrakech was cut at 7:00 local time and restored at 20:00 GMT "
                  "on Saturday", "en")[0][2] == []
    assert clocks("à 04h17 heure locale et 01h17 GMT", "fr")[0][2] == []


def test_a_time_restated_in_apposition_tells_the_offset():
    assert clocks("à 04h17 heure locale, 01h17 GMT", "fr")[0][2] == [180]
    assert clocks("at 10:00 GMT (13:00 local time)", "en")[1][2] == [180]


def test_an_offset_no_zone_has_is_refused():
    """UTC-12 to UTC+14, in quarter hours: beyond, a misreading, learnt or written."""
    assert clocks("at 10:00 UTC+25", "en")[0][1:] == (None, [])
    assert clocks("at 10:00 GMT-13 on Monday", "en")[0][1:] == (None, [])
    assert clocks("at 10:07 local time (00:00 GMT)", "en")[0][2] == []
    assert clocks("at 10:00 UTC+5:45 on Monday", "en")[0][1:] == ("UTC+5:45", [345])


def test_the_first_end_of_a_range_has_the_zone_said_after_the_second():
    assert clocks("between 9:00 and 11:00 GMT", "en") \
        == [("9:00", "GMT", [0]), ("11:00", "GMT", [0])]
    assert clocks("de 18h00 à 20h00 heure de Paris le 6 février 2023", "fr")[0][1:] \
        == ("heure de Paris", [60])
    local = find_quantities("de 18h00 à 20h00, heure locale (17h00 GMT)", "fr")
    assert [q.offsets for q in local if q.clock][1] == [180]


def test_an_hour_before_dawn_at_night_is_the_morning():
    """"4:17 בלילה" is 4:17, not 16:17: -540 was learnt instead of +180. From 6 to 11 "at
    night" is the evening, and 12 at night or a.m. is midnight."""
    assert clocks("בשעה 4:17 בלילה, שעון מקומי (01:17 GMT)", "he")[0][2] == [180]
    assert clocks("בשעה 11:17 בלילה, שעון מקומי (20:17 GMT)", "he")[0][2] == [180]
    assert clocks("الساعة 4:17 ليلاً بالتوقيت المحلي (01:17 ت غ)", "ar")[0][2] == [180]
    assert clocks("الساعة 11 ليلاً بالتوقيت المحلي (20:00 ت غ)", "ar")[0][2] == [180]
    assert clocks("at 12:30 a.m. local time (21:30 GMT)", "en")[0][2] == [180]
    assert clocks("à 9h00 du soir heure locale (18h00 GMT)", "fr")[0][2] == [180]
    assert clocks("à 9h00 du matin heure locale (6h00 GMT)", "fr")[0][2] == [180]


def test_a_company_or_a_state_is_no_zone():
    """"PT Pertamina" is a company (Perseroan Terbatas); Georgia, in English, is also a US
    state, whose time is not Tbilisi's."""
    assert clocks("after 10:30 PT Pertamina said", "en")[0][1] is None
    assert clocks("at 10:30 PT on Monday", "en")[0][1] == "PT"
    assert clocks("at 3:15 p.m. Georgia time in Atlanta", "en")[0][1] is None


def test_a_conflicting_camp_shows_each_versions_time_as_written():
    """The camp against the Arabic time was labelled by one version's text for all, "9:07
    (ar) vs 20h00 (en, fr, he)", where en wrote "11:00 GMT"."""
    v = outlets({"ar": "وقع الحادث عند الساعة 9:07 مساءً بالتوقيت المحلي.",
                 "en": "The crash happened at 11:00 GMT on Sunday.",
                 "fr": "L'accident a eu lieu à 20h00 heure locale (11h00 GMT).",
                 "he": "ההתרסקות אירעה בשעה 20:00."})
    assert v.reasons[0] == "9:07 (ar) vs 11:00 GMT (en) = 20h00 (fr) = 20:00 (he)", v.reasons


def test_a_zone_written_first_belongs_to_the_time_after_it():
    """Bengali writes the zone before the time: the GMT of "(GMT ১টা ১৭ মিনিট)" was read as
    the local time's before it too, which then told no offset."""
    assert clocks("স্থানীয় সময় রাত ৪টা ১৭ মিনিটে (GMT ১টা ১৭ মিনিট)", "bn") \
        == [("রাত ৪টা ১৭ মিনিট", None, [180]), ("১টা ১৭ মিনিট", "GMT", [0])]


def test_an_hour_in_words_beside_gmt_tells_the_offset():
    """"সাতটায়" (at seven) has no digits: reading its hour from them crashed the story with
    "ValueError: not enough values to unpack". Said without a part of the day, it may be
    7:00 or 19:00: UTC+6 or UTC-6."""
    assert clocks("স্থানীয় সময় সাতটায় (GMT ১টা ০০ মিনিট) বিস্ফোরণ ঘটে", "bn") \
        == [("সাতটায়", None, [-360, 360]), ("১টা ০০ মিনিট", "GMT", [0])]


def test_a_story_with_an_hour_in_words_is_matched(tmp_path):
    """The reviewer's story, end to end: it gave "unexpected error (ValueError ...)"."""
    from crossfact.pipeline import run

    texts = {"bn": "স্থানীয় সময় সাতটায় (GMT ১টা ০০ মিনিট) বিস্ফোরণ ঘটে।\n",
             "en": "The blast happened at 7 a.m. local time (01:00 GMT).\n"}
    langs = {}
    for lang, text in texts.items():
        (tmp_path / f"{lang}.txt").write_text(text, encoding="utf-8")
        langs[str(tmp_path / f"{lang}.txt")] = lang
    assert run(list(langs), langs=langs).claims


def test_a_half_hour_in_words_counts_in_the_offset():
    """"সাড়ে ৯টা" is half past nine: the offset learnt beside "৩টা ৩০ মিনিট GMT" was 330
    (9:00 - 3:30), and 9:30 at UTC+5:30 agreed with 04:00 GMT."""
    assert clocks("স্থানীয় সময় সকাল সাড়ে ৯টায় (GMT ৩টা ৩০ মিনিট) বিস্ফোরণ ঘটে", "bn")[0] \
        == ("সাড়ে ৯টা", None, [360])
    assert clocks("স্থানীয় সময় সাড়ে ৯টায় (GMT ৩টা ৩০ মিনিট) বিস্ফোরণ ঘটে", "bn")[0][2] \
        == [-360, 360]
    v = outlets({"bn": "স্থানীয় সময় সাড়ে ৯টায় (GMT ৩টা ৩০ মিনিট) বিস্ফোরণ ঘটে।",
                 "fr": "L'explosion a eu lieu à 9h30.",
                 "en": "The blast happened at 04:00 GMT."})
    assert v.suggestion == "conflict" and v.reasons[0].startswith("04:00 GMT (en) vs "), v.reasons


def test_a_zone_written_first_before_a_number_is_not_the_previous_times():
    """"দুপুর ২টায় (GMT ৮টা)": the GMT is the 8's (read as no time), not the local 2 p.m.'s,
    which was set against another version's 08:00 GMT."""
    assert clocks("স্থানীয় সময় দুপুর ২টায় (GMT ৮টা)", "bn")[0][:2] == ("দুপুর ২টা", None)
    v = outlets({"bn": "স্থানীয় সময় দুপুর ২টায় (GMT ৮টা) বিস্ফোরণ ঘটে।",
                 "en": "The blast happened at 08:00 GMT."})
    assert v.suggestion != "conflict", v.reasons


def test_a_zone_after_the_time_before_a_date_is_the_times():
    """A zone written first hands itself on to a time after it only ("GMT ৮টা"), not to a
    date's day: "saat 01.17 GMT 6 Şubat" was read as local time (review18c)."""
    assert clocks("Deprem saat 01.17 GMT 6 Şubat 2023'te kaydedildi", "tr") \
        == [("01.17", "GMT", [0])]
    assert clocks("ভূমিকম্পটি ০১:১৭ GMT ৬ ফেব্রুয়ারি আঘাত হানে", "bn") == [("০১:১৭", "GMT", [0])]
    v = outlets({"en": "The quake struck at 02:17 GMT on 6 February 2023.",
                 "tr": "Deprem saat 01.17 GMT 6 Şubat 2023'te kaydedildi."})
    assert v.suggestion == "conflict", v.reasons


def test_the_offset_is_the_one_at_the_time_said():
    """The clocks change at night: the offset was taken at noon of the day given. At 01:30
    on 26 March 2023 Paris is still UTC+1, New York at 1:30 a.m. on 10 March 2024 still
    UTC-5, Paris at 01h30 on 29 October 2023 still UTC+2; 02h30 that night is both."""
    assert clocks("à 01h30 heure de Paris le 26 mars 2023", "fr")[0][2] == [60]
    assert clocks("at 1:30 a.m. ET on March 10, 2024", "en")[0][2] == [-300]
    assert clocks("à 01h30 heure de Paris le 29 octobre 2023", "fr")[0][2] == [120]
    assert clocks("à 02h30 heure de Paris le 29 octobre 2023", "fr")[0][2] == [60, 120]
    v = outlets({"en": "The blast happened at 00:30 GMT on 26 March 2023.",
                 "fr": "L'explosion a eu lieu à 01h30 heure de Paris le 26 mars 2023."})
    assert v.suggestion == "agree", v.reasons


def test_the_story_date_sets_the_offset_at_the_time_said():
    claims, labels = claims_for({
        "en": "The blast came on 26 March 2023.",
        "tr": "Patlama 26 Mart 2023'te oldu.",
        "fr": "L'explosion a eu lieu à 01h30 heure de Paris.",
    })
    [q] = [q for c in claims if labels[c.doc] == "fr" for q in c.fingerprint.numbers]
    assert q.offsets == [60]


# Pieces of sentences that speak of times and zones, in the six languages, and odd ones
_PIECES = ("স্থানীয় সময়", "GMT", "UTC", "সাতটায়", "সাড়ে ৯টায়", "পৌনে ১টা", "১টা ০০ মিনিট",
           "রাত", "দুপুর", "বাংলাদেশ সময়", "TSİ", "saat", "04.17'de", "yerel saatle", "gece",
           "öğleden sonra", "à", "02h17", "heure de Paris", "de l'après-midi", "locales",
           "le 29 octobre 2023", "31 juin", "at", "9:03", "a.m.", "p.m.", "local time", "ET",
           "on March 10, 2024", "12", "24:00", "0:00", "الساعة", "11", "مساءً", "ظهرًا",
           "بالتوقيت المحلي", "ت غ", "בשעה", "בלילה", "אחר הצהריים", "שעון ישראל", "(", ")",
           ",", "-", "–", ":", "GMT+3", "UTC-25", "৩০", "০০", "٣:١٥", "1", "2", "23:59",
           "until", "et", "ve", "ও", "و", "১২টা", "বারোটা", "পৌনে ৮টা", "12:00 a.m.", "02h30",
           "heure de Paris le 26 mars 2023", "GMT+5:45", "on 5 March 2023", "le 6 mars 2023",
           "minuit", "\u200f")


@settings(max_examples=200, deadline=None)
@example("bn", ["স্থানীয় সময়", "সাতটায়", "(", "GMT", "১টা ০০ মিনিট", ")"], ["at"], " ")
@given(st.sampled_from(LANGS), st.lists(st.sampled_from(_PIECES), min_size=1, max_size=9),
       st.lists(st.sampled_from(_PIECES), min_size=1, max_size=9), st.sampled_from(("", " ")))
def test_odd_sentences_about_times_never_raise(lang, pieces, others, glue):
    """A crash here fails the whole story: sentences made of these pieces, in every
    language, are read, given the story's zones and compared."""
    v = outlets({lang: glue.join(pieces), "en" if lang != "en" else "fr": " ".join(others)})
    assert v.suggestion in ("agree", "conflict", "unsure", "missing", "different"), v


def test_afternoon_words_are_cldrs_day_periods():
    """"ظهرًا", "দুপুর", "de l'après-midi", "אחר הצהריים", "öğleden sonra" (CLDR's day
    periods) make 2 o'clock 14:00: the learnt offset was 12 hours off ("at UTC-9")."""
    assert clocks("الساعة 2 ظهرًا بالتوقيت المحلي (11:00 ت غ)", "ar")[0][2] == [180]
    assert clocks("الساعة 2 بعد الظهر بالتوقيت المحلي (11:00 ت غ)", "ar")[0][2] == [180]
    assert clocks("স্থানীয় সময় দুপুর ২টায় (GMT ৮টা ০০ মিনিট)", "bn")[0][2] == [360]
    assert clocks("à 2h00 de l'après-midi heure locale (11h00 GMT)", "fr")[0][2] == [180]
    assert clocks("à 2h de l’après-midi, heure locale (11h00 GMT)", "fr")[0][2] == [180]
    assert clocks("בשעה 2:00 אחר הצהריים, שעון מקומי (11:00 GMT)", "he")[0][2] == [180]
    assert clocks("TSİ öğleden sonra 2.00'de", "tr") == [("2.00", "TSİ", [180])]
    # 2h30 in the afternoon, after the clocks went back that night: UTC+1 only
    assert clocks("à 2h30 de l'après-midi heure de Paris le 29 octobre 2023", "fr")[0][2] \
        == [60]


def test_one_instant_is_one_agreement_with_its_utc_offset_when_known():
    """One line per instant (a version that gives it in two zones made two), with the local
    offset only where the half of the day is said."""
    v = outlets({"ar": "وقع الانفجار الساعة 2 ظهرًا بالتوقيت المحلي (11:00 ت غ).",
                 "en": "The blast happened at 11:00 GMT.", "fr": "L'explosion a eu lieu à 14h00."})
    assert v.reasons == ["2 (ar) = 11:00 GMT (en) = 14h00 (fr), the same instant at UTC+3"]
    v = outlets({"en": "The incident occurred at 9:03 a.m. local time (00:03 GMT).",
                 "he": "ההתרסקות אירעה בשעה 9:03 בבוקר.",
                 "fr": "L'accident a eu lieu à 00h03 GMT."})
    assert v.reasons == ["9:03 (en) = 9:03 (he) = 00h03 GMT (fr), the same instant at UTC+9"]
    v = outlets({"bn": "স্থানীয় সময় সাতটায় (GMT ১টা ০০ মিনিট) বিস্ফোরণ ঘটে।",
                 "en": "The blast happened at 01:00 GMT.", "fr": "L'explosion a eu lieu à 7h00."})
    assert v.suggestion == "agree" and len(v.reasons) == 1, v.reasons
    assert v.reasons[0].endswith("the same instant"), v.reasons  # UTC+6 or UTC-6


def test_dates_of_one_instant_in_two_zones_are_no_conflict():
    """23:30 GMT on 5 March is 00h30 in Paris on 6 March: the dates, each its zone's, were
    set against each other beside "the same instant"."""
    v = outlets({"en": "The quake struck at 23:30 GMT on 5 March 2023.",
                 "fr": "Le séisme a frappé à 00h30 heure de Paris le 6 mars 2023."})
    assert v.suggestion == "agree", v.reasons
    assert v.reasons == [
        "23:30 GMT (en) = 00h30 heure de Paris (fr), the same instant",
        "5 March 2023 (en) and 6 mars 2023 (fr): the dates of one instant said in different "
        "zones, not compared"]
    # two days apart, or one instant said in one zone: the dates are compared
    v = outlets({"en": "The quake struck at 23:30 GMT on 4 March 2023.",
                 "fr": "Le séisme a frappé à 00h30 heure de Paris le 6 mars 2023."})
    assert v.suggestion == "conflict", v.reasons
    v = outlets({"en": "The quake struck at 23:30 GMT on 5 March 2023.",
                 "fr": "Le séisme a frappé à 23h30 GMT le 6 mars 2023."})
    assert v.suggestion == "conflict", v.reasons


def test_a_version_outside_the_instant_keeps_its_date_compared():
    """The dates beside one instant in two zones were left out, so a third version's date,
    four days off, was set against none (review18c); one of their days is left with them."""
    both = {"en": "The quake struck at 23:30 GMT on 5 March 2023.",
            "fr": "Le séisme a frappé à 00h30 heure de Paris le 6 mars 2023."}
    v = outlets({**both, "tr": "Deprem 9 Mart 2023 tarihinde meydana geldi."})
    assert v.suggestion == "conflict", v.reasons
    assert "9 Mart 2023 (tr) vs 6 mars 2023 (fr)" in v.reasons, v.reasons
    v = outlets({**both, "tr": "Deprem 6 Mart 2023 tarihinde meydana geldi."})
    assert v.suggestion == "agree", v.reasons
    assert v.reasons[-1] == ("5 March 2023 (en) and 6 mars 2023 (fr) and 6 Mart 2023 (tr): the "
                             "dates of one instant said in different zones, not compared")


def test_times_twelve_hours_apart_are_not_one_instant():
    """Instants were compared modulo 12 hours, though the half of the day was read: "04:17
    GMT" was "16h17 GMT", and 11:30 a.m. GMT 00h30 in Paris (review18c). A time whose half
    is open may still be either: only its own a.m. or p.m., a part of the day tied to it,
    an hour past 12 or a leading zero ("04h17") says it (zonesfix18b)."""
    v = outlets({"en": "The quake struck at 04:17 GMT on Monday.",
                 "fr": "Le séisme a frappé à 16h17 GMT lundi."})
    assert v.suggestion == "conflict", v.reasons
    v = outlets({"en": "The quake struck at 4:17 p.m. GMT on Monday.",
                 "fr": "Le séisme a frappé à 04h17 GMT lundi."})
    assert v.suggestion == "conflict", v.reasons
    v = outlets({"en": "The quake struck at 11:30 a.m. GMT on 5 March 2023.",
                 "fr": "Le séisme a frappé à 00h30 heure de Paris le 6 mars 2023."})
    assert v.suggestion == "conflict", v.reasons
    assert v.reasons[0] == "11:30 GMT (en) vs 00h30 heure de Paris (fr)", v.reasons
    # an unmarked "11:30" (or "4h17") may be either half: its 24-hour reading is a guess
    v = outlets({"en": "The quake struck at 11:30 GMT on 5 March 2023.",
                 "fr": "Le séisme a frappé à 00h30 heure de Paris le 6 mars 2023."})
    assert v.suggestion == "agree", v.reasons
    for utc in ("22h17", "10h17"):  # 4:17 in Bangladesh (UTC+6), a.m. or p.m.
        v = outlets({"bn": "ভূমিকম্পটি বাংলাদেশ সময় ৪টা ১৭ মিনিটে আঘাত হানে।",
                     "fr": f"Le séisme a frappé à {utc} GMT."})
        assert v.suggestion == "agree", v.reasons


def test_a_part_of_the_day_said_further_on_is_no_conflict():
    """A part of the day said past the few characters searched after a time ("8:30 GMT on
    Sunday evening") left the 24-hour reading, 08:30, to decide, and made a conflict of one
    instant (review18e): an unmarked time's half stays open."""
    en = "The first missiles hit at 8:30 GMT on Sunday evening."
    for other in ({"fr": "Les premiers missiles ont frappé à 20h30 GMT dimanche soir."},
                  {"ar": "ضربت الصواريخ الأولى الساعة 20:30 بتوقيت غرينتش مساء الأحد."},
                  {"he": "הטילים הראשונים פגעו בשעה 22:30 שעון ישראל ביום ראשון בערב."}):
        v = outlets({"en": en, **other})
        assert v.suggestion == "agree", v.reasons
    v = outlets({"en": "The shooting happened at 10:45 ET on Saturday night.",
                 "fr": "La fusillade a eu lieu à 4h45 heure de Paris dimanche."})
    assert v.suggestion == "agree", v.reasons


def test_a_date_outside_the_instant_leaves_its_other_dates_to_be_compared():
    """One more date in a version outside the instant's ("2 Mart", the foreshock) undid the
    exemption of the instant's dates and made "5 March 2023" a conflict with "6 mars 2023"
    (review18e): its date that is one of the instant's days joins them, the other is
    compared. A date that is none of them still conflicts ("9 Mart 2023", review18c)."""
    en = "The quake struck at 23:30 GMT on 5 March 2023."
    fr = "Le séisme a frappé à 00h30 heure de Paris le 6 mars 2023."
    v = outlets({"en": en, "fr": fr, "tr": "Deprem 6 Mart 2023'te, 2 Mart'taki öncü "
                                           "sarsıntının ardından meydana geldi."})
    assert not any(r.startswith("5 March 2023 (en) vs") for r in v.reasons), v.reasons
    assert ("5 March 2023 (en) and 6 mars 2023 (fr) and 6 Mart 2023 (tr): the dates of one "
            "instant said in different zones, not compared") in v.reasons, v.reasons
    v = outlets({"en": en, "fr": fr, "tr": "Deprem 9 Mart 2023'te meydana geldi."})
    assert v.suggestion == "conflict", v.reasons


def test_dates_without_a_year_of_one_instant_are_no_conflict():
    """The README's own example, said without a year, was a conflict: only dates with a year
    were the dates of one instant (review18c). A year's end is a day too."""
    v = outlets({"en": "The quake struck at 23:30 GMT on 5 March.",
                 "fr": "Le séisme a frappé à 00h30 heure de Paris le 6 mars."})
    assert v.suggestion == "agree", v.reasons
    assert v.reasons[-1] == ("5 March (en) and 6 mars (fr): the dates of one instant said in "
                             "different zones, not compared")
    v = outlets({"en": "The quake struck at 23:30 GMT on 31 December.",
                 "fr": "Le séisme a frappé à 00h30 heure de Paris le 1er janvier 2024."})
    assert v.suggestion == "agree", v.reasons
    for day in ("7 mars", "2 janvier"):  # two days apart
        v = outlets({"en": "The quake struck at 23:30 GMT on 5 March.",
                     "fr": f"Le séisme a frappé à 00h30 heure de Paris le {day}."})
        assert v.suggestion == "conflict", v.reasons


def test_a_date_only_one_version_gives_is_said_once():
    """"only in en: 5 March 2023" was said three times: its year, month and day figures."""
    v = outlets({"en": "The quake struck at 23:30 GMT on 5 March 2023.",
                 "fr": "Le séisme a frappé à 23h30 GMT."})
    assert v.reasons == ["23:30 GMT (en) = 23h30 GMT (fr)", "only in en: 5 March 2023"]
    v = outlets({"en": "The quake struck on 31 December.",
                 "fr": "Le séisme a frappé le 2 janvier."})
    assert v.reasons == ["31 December (en) vs 2 janvier (fr)"]  # its month and its day


def test_a_part_of_the_day_is_its_own_times():
    """The part of the day of the next time was taken for this one ("9h" in "entre 9h et 14h
    de l'après-midi" was 21:00, "সকাল ১০টা" before "দুপুর ১টা" 22:00), and "noon" for an
    afternoon (review18c); "9 a.m." left its half open."""
    for text, lang, said in (("সকাল ১০টা থেকে দুপুর ১টা পর্যন্ত", "bn", [(600,), (780,)]),
                             ("entre 9h et 14h de l'après-midi", "fr", [(540,), (840,)]),
                             ("রাত ১১টা থেকে সকাল ৬টা", "bn", [(1380,), (360,)]),
                             ("from 9 a.m. to 12 noon", "en", [(540,)]),
                             ("between 9:30 and noon", "en", [(570,)])):
        times = [_times_of_day(text, q, lang) for q in find_quantities(text, lang) if q.clock]
        assert times == said, text
