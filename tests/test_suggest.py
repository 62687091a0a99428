"""Suggestions for one match: a harmless rewrite is never a conflict, a substitution is."""

from __future__ import annotations

import pytest

from crossfact.fingerprint import fingerprint_story
from crossfact.ids import stable_id
from crossfact.models import Claim, Document
from crossfact.numbers import find_quantities
from crossfact.suggest import suggest
from crossfact.units import GENERIC_DEGREE


def claims_for(versions: dict[str, str], kind: str = "body") -> tuple[list[Claim], dict]:
    """One claim per version, fingerprinted as in a story; and each version's label."""
    docs, claims = [], []
    for lang, text in versions.items():
        doc = Document(id=stable_id(lang, text, prefix="d"), path=lang, lang=lang, title="",
                       text=text)
        docs.append(doc)
        claims.append(Claim(id=stable_id(doc.id, prefix="c"), doc=doc.id, index=0, text=text,
                            start=0, end=len(text), kind=kind))
    return fingerprint_story(docs, claims), {d.id: d.lang for d in docs}


def verdict(versions: dict[str, str], kind: str = "body"):
    claims, labels = claims_for(versions, kind)
    return suggest(claims, labels, len(versions)), labels


def test_other_digits_and_grouping_agree():
    v, _ = verdict({
        "tr": "Şirket 50.000 GPU aldı.",
        "bn": "কোম্পানিটি ৫০,০০০ জিপিইউ কিনেছে।",
        "ar": "اشترت الشركة ٥٠٬٠٠٠ وحدة.",
        "fr": "La société a acheté 50 000 GPU.",
    })
    assert v.suggestion == "agree"
    assert v.reasons[0] == "50.000 GPU (tr) = ৫০,০০০ (bn) = ٥٠٬٠٠٠ (ar) = 50 000 GPU (fr)"


def test_about_a_figure_agrees_with_the_figure():
    v, _ = verdict({"en": "Tesla spent about $10 billion.",
                    "fr": "Tesla a dépensé 10 milliards de dollars."})
    assert v.suggestion == "agree"


def test_a_rounded_headline_figure_agrees_and_says_it_is_a_rounding():
    """Agreeing by a rounding is said so: "=" showed a headline's 80 as 76 itself."""
    v, _ = verdict({"en": "Tesla spends $10 billion on AI",
                    "fr": "Tesla dépense 9,8 milliards de dollars"}, kind="headline")
    assert v.suggestion == "agree"
    assert v.reasons[0] == "$10 billion (en) ≈ 9,8 milliards de dollars (fr), rounded"


def test_a_changed_figure_is_a_conflict_naming_the_outlier():
    v, labels = verdict({
        "en": "The cluster has 29,000 GPUs.",
        "fr": "Le cluster compte 29 000 GPU.",
        "tr": "Kümede 39.000 GPU var.",
    })
    assert v.suggestion == "conflict"
    assert v.reasons[0] == "39.000 GPU (tr) vs 29,000 GPUs (en, fr)"
    assert [labels[d] for d in v.outliers] == ["tr"]


def test_one_more_unit_is_a_conflict_not_a_rounding():
    v, _ = verdict({"en": "It employs 10,000 people.", "fr": "Elle emploie 10 001 personnes."})
    assert v.suggestion == "conflict"


def test_a_figure_only_one_version_adds_is_reported_not_a_conflict():
    v, _ = verdict({"en": "The system draws 150 MW.", "fr": "Le système consomme beaucoup."})
    assert v.suggestion == "agree"
    assert "only in en: 150 MW" in v.reasons


def test_another_year_is_a_conflict():
    v, _ = verdict({"en": "The plant opened in 2023.", "fr": "L'usine a ouvert en 2024."})
    assert v.suggestion == "conflict"
    assert v.reasons[0].startswith("2023 (en) vs 2024 (fr)")


def test_a_brand_swapped_in_one_version_is_a_conflict():
    v, _ = verdict({
        "tr": "Eylülde xAI, Colossus bilgisayarını tanıttı.",
        "ar": "كشفت Tesla عن Colossus في سبتمبر.",
        "fr": "Tesla a dévoilé Colossus en septembre.",
        "en": "Tesla unveiled Colossus in September.",
    })
    assert v.suggestion == "conflict"
    assert v.reasons[0] == "xAI (tr) vs Tesla (ar, fr, en)"


def test_a_country_in_its_own_language_is_not_a_conflict():
    v, _ = verdict({
        "fr": "L'Allemagne a voté dimanche.",
        "en": "Germany voted on Sunday.",
        "tr": "Almanya pazar günü oy kullandı.",
    })
    assert v.suggestion == "agree"


def test_a_claim_alone_is_unsourced_naming_its_version():
    claims, labels = claims_for({"tr": "Bu sistem en az 150 MW güç çekiyor."})
    v = suggest(claims, labels, 5)
    assert v.suggestion == "unsourced" and v.reasons == ["only in tr"]


def test_the_versions_a_match_lacks_are_named():
    claims, labels = claims_for({"en": "Tesla bought 50,000 GPUs.",
                                 "fr": "Tesla a acheté 50 000 GPU.",
                                 "bn": "টেসলা কিনেছে।", "he": "טסלה קנתה."})
    v = suggest(claims[:2], labels, 4)
    assert v.reasons[-1] == "missing in bn, he"
    # versions the caller did not label are counted
    v = suggest(claims[:2], {c.doc: labels[c.doc] for c in claims[:2]}, 5)
    assert v.reasons[-1] == "missing in 3 other versions"


def test_a_less_precise_figure_is_no_rounding_of_a_more_precise_one():
    """"about 300" may be 301; 301 where three versions state 300 is a slip."""
    v, labels = verdict({
        "en": "Troops killed as many as 300 people.",
        "fr": "Les troupes ont tué 300 personnes.",
        "ar": "قتلت القوات 300 شخص.",
        "bn": "সৈন্যরা ৩০১ জনকে হত্যা করে।",
    })
    assert v.suggestion == "conflict"
    assert v.reasons[0] == "৩০১ (bn) vs 300 (en, fr, ar)"
    assert [labels[d] for d in v.outliers] == ["bn"]


def test_a_score_with_one_figure_swapped_is_a_conflict():
    """The multiset counts: "1-1" has a 1 too many and a 0 too few against "1-0"."""
    v, labels = verdict({
        "en": "Livingston beat Rangers 1-0 on Sunday.",
        "tr": "Livingston pazar günü Rangers'ı 1-0 yendi.",
        "he": "ליווינגסטון ניצחה את רנג'רס 1-1 ביום ראשון.",
    })
    assert v.suggestion == "conflict"
    assert [labels[d] for d in v.outliers] == ["he"]


def test_a_figure_said_twice_by_one_version_only_is_no_conflict():
    v, _ = verdict({
        "en": "It raised $6 billion, and $6 billion more is planned.",
        "fr": "Elle a levé 6 milliards de dollars, et autant sont prévus.",
        "tr": "6 milyar dolar topladı ve bir o kadarı daha planlanıyor.",
    })
    assert v.suggestion == "agree"


def test_a_headline_rounds_as_people_round_not_to_four_digits():
    """"$10 billion" may round 9.8; 26,750 in a headline is no rounding of 26,751."""
    v, labels = verdict({"tr": "Hırsızlar 26.750 dolar aldı", "bn": "চোরেরা ২৬,৭৫০ ডলার নিয়েছে",
                         "fr": "Des voleurs prennent 26 751 $"}, kind="headline")
    assert v.suggestion == "conflict" and [labels[d] for d in v.outliers] == ["fr"]


def test_dates_of_one_month_and_other_days_are_not_said_to_agree():
    """"6 Kasım" and "5 בנובמבר" share the month only: the reasons said "6 Kasım (tr) = 5
    בנובמבר (he) = 6 novembre (fr)" (the month's agreement) under the days' conflict."""
    v, _ = verdict({
        "tr": "Seçim 6 Kasım günü yapıldı ve 120 kişi oy verdi.",
        "he": "הבחירות נערכו ב-5 בנובמבר ו-120 איש הצביעו.",
        "fr": "Les élections ont eu lieu le 6 novembre et 120 personnes ont voté.",
    })
    assert v.suggestion == "conflict"
    assert v.reasons == ["5 בנובמבר (he) vs 6 Kasım (tr, fr)", "120 (tr) = 120 (he) = 120 (fr)",
                         "6 Kasım (tr) = 6 novembre (fr)"]


def test_a_time_of_day_is_compared_am_and_pm_alike():
    v, labels = verdict({"en": "It happened at about 19:30 BST on Thursday.",
                         "fr": "L'incident s'est déroulé jeudi vers 19h30.",
                         "he": "האירוע התרחש ביום חמישי בסביבות השעה 18:30."})
    assert v.suggestion == "conflict" and [labels[d] for d in v.outliers] == ["he"]
    v, _ = verdict({"en": "The polls close at 7 p.m. tonight.",
                    "tr": "Sandıklar bu akşam saat 19:00'da kapanıyor."})
    assert v.suggestion == "agree"


def test_a_conversion_agrees_and_says_why():
    v, _ = verdict({"en": "The storm passed 5 miles from the coast.",
                    "fr": "La tempête est passée à 8 km de la côte."})
    assert v.suggestion == "agree"
    assert v.reasons[0] == "5 miles (en) ≈ 8 km (fr): 5 mi = 8.05 km"


def test_a_rounded_conversion_agrees():
    v, _ = verdict({"en": "Up to 10 inches of rain fell.", "fr": "Il est tombé 25 cm de pluie."})
    assert v.suggestion == "agree" and "10 in = 25.4 cm" in v.reasons[0]


def test_the_same_number_in_another_unit_conflicts():
    for en, fr in (("The road is 50 km long.", "La route fait 50 miles."),
                   ("The plant makes 50 MW.", "La centrale produit 50 kW."),
                   ("It lasted 5 hours.", "Cela a duré 5 minutes.")):
        v, _ = verdict({"en": en, "fr": fr})
        assert v.suggestion == "conflict", (en, fr, v.reasons)


def test_a_wrong_conversion_conflicts():
    v, _ = verdict({"en": "It was 5 miles away.", "fr": "C'était à 10 km.",
                    "tr": "10 km uzaktaydı."})
    assert v.suggestion == "conflict" and v.reasons[0] == "5 miles (en) vs 10 km (fr, tr)"


def test_units_of_other_dimensions_are_not_compared():
    v, _ = verdict({"en": "A 50 MW plant, 50 km away.", "fr": "Une centrale de 50 MW, à 50 km."})
    assert v.suggestion == "agree"


def test_acronyms_are_names():
    v, _ = verdict({"en": "IBM won the deal.", "fr": "AMD a remporté le contrat.",
                    "tr": "AMD anlaşmayı kazandı."})
    assert v.suggestion == "conflict" and v.reasons[0] == "IBM (en) vs AMD (fr, tr)"


def test_an_acronym_in_another_letter_order_is_the_same():
    v, _ = verdict({"en": "NATO met on Sunday.", "fr": "L'OTAN s'est réunie dimanche.",
                    "tr": "NATO pazar günü toplandı."})
    assert v.suggestion == "agree"


def test_exonyms_of_one_country_agree():
    v, _ = verdict({"tr": "Hindistan'da seçimler başladı.", "en": "Elections began in India.",
                    "ar": "بدأت الانتخابات في الهند.", "bn": "ভারতে নির্বাচন শুরু হয়েছে।",
                    "he": "הבחירות בהודו החלו."})
    assert v.suggestion == "agree", v.reasons


def test_another_country_is_a_conflict():
    v, _ = verdict({"tr": "Pakistan seçime gitti.", "en": "India held an election.",
                    "fr": "L'Inde a voté."})
    assert v.suggestion == "conflict", v.reasons


def test_a_capitalised_common_word_of_a_name_is_no_conflict():
    """Turkish capitalises "Sokağı" (street) in a street's name, where English says Street."""
    v, _ = verdict({"tr": "Polis Downing Sokağı'nı kapattı.",
                    "en": "Police closed Downing Street.",
                    "fr": "La police a fermé Downing Street."})
    assert v.suggestion == "agree", v.reasons


def test_degrees_without_a_scale_agree_with_their_conversion():
    """A US report's "80 degrees" is Fahrenheit; its translations write the Celsius."""
    v, _ = verdict({"en": "New York could reach 80 degrees on Tuesday.",
                    "fr": "Le mercure pourrait atteindre les 26 degrés à New York mardi.",
                    "he": "בניו יורק הטמפרטורה עשויה להגיע ל- 27 מעלות ביום שלישי."})
    assert v.suggestion == "agree"
    assert v.reasons[0].endswith(": 80 °F = 26.7 °C"), v.reasons


def test_a_difference_of_degrees_converts_without_the_offset():
    v, _ = verdict({"en": "It is 10 degrees above average.",
                    "fr": "Il fait 10 degrés au-dessus de la moyenne.",
                    "he": "זה כ- 5 מעלות מעל לממוצע."})
    assert v.suggestion == "agree" and "a difference of 5.56 °C" in v.reasons[0]


def test_a_bare_figure_takes_the_unit_the_others_give_it():
    """NTREX: "widespread 80s" states no unit; the Turkish "80 derece" does, so the English
    80 is a temperature the Hebrew Celsius range converts, not a plain 80 left unbacked; and
    two renderings of one conversion ("26", "27") are one temperature."""
    v, _ = verdict({
        "en": "A warm start to October with widespread 80s from the Southern Plains.",
        "tr": "Ekim ayıyla birlikte 80 derece bir sıcaklık bekleniyor.",
        "fr": "Un début d'octobre chaud, avec des températures autour de 26 degrés.",
        "he": "בתחילת אוקטובר הטמפרטורות ינועו בין 27-31 מעלות מהמישורים הדרומיים."})
    assert v.suggestion == "agree", v.reasons


def test_a_bare_figure_beside_two_units_takes_neither():
    from crossfact.suggest import Figure, _units_from_others

    bare = Figure("amount", 50, "50", False)
    km = Figure("amount", 50, "50 km", False, unit="length-kilometer")
    mi = Figure("amount", 50, "50 miles", False, unit="length-mile")
    assert _units_from_others({"en": [bare], "fr": [km]})["en"][0].unit == km.unit
    assert _units_from_others({"en": [bare], "fr": [km], "tr": [mi]})["en"][0].unit is None


def test_a_bare_number_another_version_dates_is_that_year():
    """Years are read as such from 1900 to 2100 only; NTREX's Arabic "عام 1882" stands apart
    from its date, where the others write "September 30, 1882"."""
    v, _ = verdict({
        "en": "September 30, 1882, 136 years ago today, Hans Geiger was born in Germany.",
        "ar": "يوم 30 سبتمبر، من عام 1882، أي منذ 136 عامًا، ولد هانز غايغر في ألمانيا.",
        "fr": "Le 30 septembre 1882, il y a 136 ans, naissait Hans Geiger, en Allemagne."})
    assert v.suggestion == "agree"
    assert "September 30, 1882 (en) = 1882 (ar) = 30 septembre 1882 (fr)" in v.reasons


def test_a_count_that_reads_like_a_year_is_compared_as_the_count_it_is():
    """2,012 killed: the Arabic writes "2012", a year to its reader of numbers, and the
    English "2,012" and the French "2 012" became years with it, so the Turkish "2.102" (2102
    killed) was compared with nothing: "only in tr: 2.102", suggested agree."""
    v, labels = verdict({
        "ar": "قالت وزارة الداخلية إن 2012 شخصا على الأقل لقوا حتفهم في الزلزال.",
        "en": "At least 2,012 people were killed in the earthquake, the ministry said.",
        "fr": "Au moins 2 012 personnes ont été tuées dans le séisme, selon le ministère.",
        "tr": "Bakanlık, depremde en az 2.102 kişinin hayatını kaybettiğini açıkladı."})
    assert v.suggestion == "conflict"
    assert v.reasons[0] == "2.102 (tr) vs 2012 (ar, en, fr)"
    assert [labels[d] for d in v.outliers] == ["tr"]


def test_two_roundings_of_one_conversion_agree_and_a_far_one_does_not():
    v, _ = verdict({"en": "It was 80 degrees.", "fr": "Il faisait 26 degrés.",
                    "he": "היו 27 מעלות."})
    assert v.suggestion == "agree"
    assert verdict({"fr": "Il faisait 26 degrés.", "he": "היו 28 מעלות.",
                    "tr": "Hava 26 derece idi."})[0].suggestion == "conflict"


@pytest.mark.parametrize(("en", "tr", "fr", "he", "ar", "bn"), [
    ("London", "Londra", "Londres", "לונדון", "لندن", "লন্ডন"),
    ("Moscow", "Moskova", "Moscou", "מוסקבה", "موسكو", "মস্কো"),
    ("Cairo", "Kahire", "Le Caire", "קהיר", "القاهرة", "কায়রো"),
    ("Geneva", "Cenevre", "Genève", "ז'נבה", "جنيف", "জেনেভা"),
])
def test_a_city_written_six_ways_is_no_name_conflict(en, tr, fr, he, ar, bn):
    v, _ = verdict({
        "en": f"The minister arrived in {en} on Monday with the delegation.",
        "tr": f"Bakan heyetle birlikte pazartesi günü {tr}'ya geldi.",
        "fr": f"Le ministre est arrivé à {fr} lundi avec la délégation.",
        "he": f"השר הגיע ל{he} ביום שני עם המשלחת.",
        "ar": f"وصل الوزير إلى {ar} يوم الاثنين مع الوفد.",
        "bn": f"মন্ত্রী সোমবার প্রতিনিধিদলের সঙ্গে {bn} পৌঁছান।"})
    assert v.suggestion == "agree", v.reasons


def test_degrees_that_are_no_conversion_conflict():
    v, _ = verdict({"en": "It was 80 degrees.", "fr": "Il faisait 50 degrés.",
                    "tr": "Hava 80 derece idi."})
    assert v.suggestion == "conflict" and v.reasons[0] == "50 degrés (fr) vs 80 degrees (en, tr)"


def test_a_bare_degree_word_is_read_from_cldr_in_each_language():
    for text, lang in [("80 degrees", "en"), ("26 degrés", "fr"), ("80 derece", "tr"),
                       ("80 درجة", "ar"), ("27 מעלות", "he")]:
        (q,) = find_quantities(text, lang)
        assert q.unit == GENERIC_DEGREE, (text, q)


def test_a_word_of_a_country_name_is_no_name_of_its_own():
    """"Royaume-Uni": "Uni" is part of the United Kingdom, no rival of "Ukip" (as it was on
    an NTREX line)."""
    v, _ = verdict({
        "en": "The former Ukip leader said politicians had to feel the heat, as one of Theresa "
              "May's own MPs suggested he should lead the talks with the EU.",
        "fr": "L’ancien du Parti pour l’indépendance du Royaume-Uni a dit que les politiciens "
              "devaient ressentir la pression, comme l’un des députés de Theresa May l’a dit.",
        "tr": "Theresa May'in milletvekillerinden biri AB ile görüşmeleri yönetmesini söylerken, "
              "eski Ukip lideri, politikacıların baskıyı hissetmesi gerektiğini söyledi.",
        "he": "המנהיג לשעבר של מפלגת ה- UKIP אמר שפוליטיקאים חייבים לחוש בלחץ, כשחבר פרלמנט של "
              "תרזה מיי הציע."})
    assert not any(r.startswith("Uni ") for r in v.reasons), v.reasons


def test_an_acronym_is_no_rival_of_a_name_written_out():
    """An acronym one version alone writes may be a name's initials in its own language
    (Turkish "AB" for Avrupa Birliği, as on an NTREX line): no rival of a name written out.
    IBM against AMD, acronyms both, stays a conflict (test_acronyms_are_names)."""
    v, _ = verdict({"en": "Voters in Scotland want to rejoin soon.",
                    "fr": "Les électeurs en Écosse veulent bientôt revenir.",
                    "tr": "Seçmenler AB'ye yakında dönmek istiyor.",
                    "he": "הבוחרים בסקוטלנד רוצים לחזור בקרוב.",
                    "ar": "يريد الناخبون في اسكتلندا العودة قريبا."})
    assert v.suggestion == "agree", v.reasons


@pytest.mark.parametrize("texts", [
    pytest.param({  # a compound height: 6 ft 6 in = 198 cm
        "tr": "6 fit 6 inç boyundaki forvet Baton Rouge'da yetişti.",
        "bn": "৬ ফুট ৬ ইঞ্চি উচ্চতার এই ফরওয়ার্ড ব্যাটন রুজে বড় হন।",
        "fr": "Le joueur de 198 cm a grandi à Baton Rouge.",
    }, id="feet-and-inches"),
    pytest.param({  # land in dunams (1,000 m²) against hectares
        "en": "The NTS cares for 76,000 hectares of land.",
        "fr": "Le NTS gère 76 000 hectares de terres.",
        "he": "קרן ה- NTS אחראית על 760,000 דונם של אדמות.",
    }, id="dunams"),
])
def test_a_measure_agrees_with_its_conversion(texts: dict[str, str]):
    v, _ = verdict(texts)
    assert v.suggestion == "agree", v.reasons


def test_a_day_name_is_no_name_to_conflict_with():
    """"Sunday" in one version, Turkish "Pazar" in another: CLDR's day names are words."""
    v, _ = verdict({
        "en": "Every Sunday the Almanac prints a page.",
        "fr": "Every Sunday the Almanac prints a page.",
        "tr": "Her Pazar Almanağımızdan bir sayfa basılır.",
    })
    assert not any("Sunday" in r and " vs " in r for r in v.reasons), v.reasons


def test_an_acronym_a_latin_script_language_writes_its_own_way_is_no_conflict():
    """French "HE" (heure de l'Est) for "ET": only English keeps "ET" in Latin script; the
    Arabic and Hebrew versions copy it as written, which says nothing of French."""
    v, _ = verdict({  # an NTREX line
        "en": "The Baton Rouge Police Department announced the arrest of Dyteon Simpson, 20, "
              "at an 11 a.m. ET news conference.",
        "fr": "Le service de police de Baton Rouge a participé à l’arrestation de Dyteon "
              "Simpson, 20 ans, à 11 h 00 HE. Conférence de presse.",
        "ar": "وصرح قسم شرطة باتون روج عن اعتقال المدعو دايتون سيبمسون، البالغ من العمر 20 "
              "عامًا، بتمام الساعة 11 صباحا. وحسب مؤتمر ET الصحفي",
        "he": "משטרת באטון רוז‘ הכריזה על מעצרו של דייטון סימפסון בן ה- 20 במהלך מסיבת "
              "עיתונאים בשעה 11 בבוקר שערכה ET."})
    assert not any(" vs " in r and "HE" in r for r in v.reasons), v.reasons


def test_a_turkish_noun_with_glued_endings_is_the_others_word():
    """"Almanağımızdan" (from our almanac) is "Almanac" with Turkish endings glued on and
    its k softened; not a name the others leave out."""
    v, _ = verdict({  # an NTREX line, where Turkish translates the show's name
        "en": 'And now a page from our "Sunday Morning" Almanac: September 30, 1882, the day '
              'the future physicist Hans Geiger was born in Germany.',
        "tr": 'Şimdi de "Pazar Sabahı" Almanağımızdan bir sayfa: 30 Eylül 1882, geleceğin '
              "fizikçisi Hans Geiger'in Almanya'da doğduğu gün.",
        "fr": "Et maintenant, une page de notre Almanach « Sunday Morning » : Le 30 septembre "
              "1882 naissait le futur physicien Hans Geiger, en Allemagne.",
        "he": "ועכשיו לעמוד מהאלמנך של „Sunday Morning“: 30 בספטמבר, 1882, היום שבו "
              "הפיזיקאי לעתיד האנס גייגר נולד בגרמניה."})
    assert not any(r.startswith("Almanağımızdan") for r in v.reasons), v.reasons


def test_a_count_in_words_a_cue_types_is_a_figure_between_outlets():
    """fixtures/news/maui-wildfire-2023 (development): the Bengali first day's "at least six
    killed" against the Hebrew 36. Prose spells counts that are no figures ("two of them"),
    but one a cue word types as a toll is one."""
    from crossfact.facts import figure_kinds

    claims, labels = claims_for({"bn": "দাবানলে অন্তত ছয়জন নিহত হয়েছে।",
                                 "he": "לפחות 36 בני אדם נהרגו."})
    facts = {c.id: {(t.quantity.start, t.quantity.end): t.kind
                    for t in figure_kinds(c, labels[c.doc])} for c in claims}
    assert suggest(claims, labels, 2, outlets=True, facts=facts).suggestion == "conflict"
    assert suggest(claims, labels, 2).suggestion != "conflict"  # untyped, as translations


def test_what_name_conflicts_look_up_is_read_once_ahead_of_the_workers():
    """`prepare` reads each language's day and month names (and word lists) in this
    process, so that the workers forked after it find them read: a later suggestion asks
    the cache, which no longer reads CLDR."""
    from crossfact.suggest import calendar_words, prepare

    calendar_words.cache_clear()
    prepare(["fr", "tr", "fr", "he"])
    assert calendar_words.cache_info().currsize == 3
    assert "janvier" in calendar_words("fr") and "pazar" in calendar_words("tr")
    assert calendar_words.cache_info().misses == 3  # the lookups above were read already


def test_agreeing_figures_are_compared_no_more_than_their_answers_need(monkeypatch):
    """Six versions that agree on two figures: each figure's backers are looked up once,
    and whether another version states a figure stops at the first that does (the
    suggestion phase's figure comparisons on a long story, speed round 11)."""
    import crossfact.suggest as suggest_module

    claims, labels = claims_for({
        "en": "In 1956, 50 people walked 12 km.",
        "fr": "En 1956, 50 personnes ont marché 12 km.",
        "tr": "1956'da 50 kişi 12 km yürüdü.",
        "de": "1956 liefen 50 Menschen 12 km.",
        "es": "En 1956, 50 personas caminaron 12 km.",
        "it": "Nel 1956, 50 persone hanno camminato per 12 km.",
    })
    calls = []
    real_same, real_equal = suggest_module.same, suggest_module._equal
    monkeypatch.setattr(suggest_module, "same", lambda a, b: calls.append(1) or real_same(a, b))
    monkeypatch.setattr(suggest_module, "_equal",
                        lambda a, b: calls.append(1) or real_equal(a, b))
    v = suggest(claims, labels, len(labels))
    assert v.suggestion == "agree"
    # 1,068 comparisons before speed round 11, 390 after
    assert len(calls) <= 500


def test_a_bare_figure_backed_by_units_of_two_dimensions_is_said_not_converted():
    """"800" beside "800 km/sa" and "৮০০ কিলোমিটার" (NTREX's line, as three versions read
    it): no conversion joins a speed and a length, so the reason writes the figures."""
    v, _ = verdict({"en": "The jet reached 800 on the test.",
                    "tr": "Jet testte 800 km/sa hıza ulaştı.",
                    "bn": "জেটটি পরীক্ষায় ৮০০ কিলোমিটার উড়েছে।"})
    assert v.reasons[0] == "800 (en) = 800 km/sa (tr) = ৮০০ কিলোমিটার (bn)"


def test_a_quarter_point_is_25_basis_points_in_every_language():
    """Fractions in words, percentage and basis points, and a bare point read as either: one
    figure, with the reading that makes them one."""
    v, _ = verdict({
        "en": "The Fed cut its rate by a quarter of a percentage point.",
        "fr": "La Fed a réduit son taux d’un quart de point.",
        "tr": "Fed politika faizini 25 baz puan indirdi.",
        "bn": "নীতি সুদ হার ২৫ পয়েন্ট কমিয়েছে।",
        "ar": "خفض الاحتياطي الفدرالي الفائدة بمقدار ربع نقطة مئوية.",
        "he": "הפד הוריד את הריבית ברבע נקודת אחוז.",
    })
    assert v.suggestion == "agree", v.reasons
    assert v.reasons[0].endswith(": 0.25 percentage points = 25 basis points"), v.reasons


@pytest.mark.parametrize("first", [
    "خفض الاحتياطي الفدرالي الفائدة بمقدار 25 نقطة أساس.",  # basis points, then a bare point
    "Fed politika faizini 25 baz puan indirdi.",
])
def test_the_conversion_shown_pairs_two_units_never_one(first):
    """A bare point read as basis points beside basis points is no conversion: the reason
    shows the basis and the percentage points, not "25 basis points = 25 basis points"."""
    v, _ = verdict({"ar": first, "bn": "নীতি সুদ হার ২৫ পয়েন্ট কমিয়েছে।",
                    "en": "The Fed cut its rate by a quarter of a percentage point."})
    assert v.suggestion == "agree", v.reasons
    assert v.reasons[0].endswith(": 25 basis points = 0.25 percentage points"), v.reasons


def test_a_bare_point_read_in_the_others_unit_says_so():
    v, _ = verdict({"ar": "خفض الاحتياطي الفدرالي الفائدة بمقدار 25 نقطة أساس.",
                    "bn": "নীতি সুদ হার ২৫ পয়েন্ট কমিয়েছে।"})
    assert v.suggestion == "agree", v.reasons
    assert v.reasons[0].endswith(": ২৫ পয়েন্ট read as 25 basis points"), v.reasons


def test_half_a_point_against_a_quarter_point_is_a_conflict():
    v, _ = verdict({"en": "The Fed cut its rate by half a point.",
                    "fr": "La Fed a réduit son taux d’un quart de point.",
                    "tr": "Fed politika faizini 25 baz puan indirdi."})
    assert v.suggestion == "conflict"
    assert v.reasons[0] == "half a point (en) vs quart de point (fr, tr)", v.reasons


def test_bare_points_no_reading_makes_one_are_a_conflict():
    """25 points may be 25 basis points (a quarter point) or 25 percentage points; 4.25
    points is neither a quarter point nor 25 basis points."""
    v, _ = verdict({"en": "The Fed cut its rate by a quarter point.",
                    "bn": "নীতি সুদ হার ৪ দশমিক ২৫ পয়েন্ট কমিয়েছে।"})
    assert v.suggestion == "conflict"
