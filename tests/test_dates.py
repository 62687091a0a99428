"""Dates and months in six languages: babel formats dates, find_dates reads them back."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest
from babel.dates import format_date
from hypothesis import given, settings
from hypothesis import strategies as st

from crossfact import dates
from crossfact.dates import find_dates
from crossfact.locales import month_names
from crossfact.numbers import find_quantities

LANGS = ["tr", "bn", "ar", "fr", "he", "en"]


def parts(text: str, lang: str) -> list[tuple[int | None, int | None, int | None]]:
    return [d.key() for d in find_dates(text, lang)]


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(LANGS),
    st.sampled_from(["long", "full", "medium"]),
    st.dates(datetime.date(1900, 1, 1), datetime.date(2100, 12, 31)),
)
def test_babel_dates_read_back(lang, style, day):
    text = format_date(day, format=style, locale=lang)
    assert parts(text, lang) == [(day.year, day.month, day.day)], text
    assert find_quantities(text, lang) == [], text  # a date's year and day are not figures


@pytest.mark.parametrize(
    ("text", "lang", "key"),
    [
        ("Temmuz ayında", "tr", (None, 7, None)),
        ("Eylül başlarında", "tr", (None, 9, None)),
        ("Ağustos sonlarında", "tr", (None, 8, None)),
        ("Temmuz'da", "tr", (None, 7, None)),
        ("Temmuzda", "tr", (None, 7, None)),
        ("29 Ekim 2024", "tr", (2024, 10, 29)),
        ("ekim ayında", "tr", (None, 10, None)),
        ("অক্টোবর 29, 2024", "bn", (2024, 10, 29)),
        ("অক্টোবরের শেষ নাগাদ", "bn", (None, 10, None)),
        ("১লা অক্টোবরের গণভোট", "bn", (None, 10, 1)),
        ("২৯ অক্টোবর ২০২৪", "bn", (2024, 10, 29)),
        ("গত ২৯ শে মার্চ রাতে", "bn", (None, 3, 29)),  # the ordinal ending set apart
        ("29 শে মার্চ ২০২৩", "bn", (2023, 3, 29)),
        ("৫ তারিখ মে", "bn", (None, 5, 5)),  # "the 5th (date), May"
        ("মে মাসে", "bn", (None, 5, None)),
        ("তিনি জুলাইয়ে পিয়ংইয়াং", "bn", (None, 7, None)),
        ("এবং নভেম্বরেও তা", "bn", (None, 11, None)),
        ("29 أكتوبر 2024", "ar", (2024, 10, 29)),
        ("29 اكتوبر 2024", "ar", (2024, 10, 29)),
        ("في أيلول", "ar", (None, 9, None)),
        ("تموز 2023", "ar", (2023, 7, None)),
        ("جويلية 2023", "ar", (2023, 7, None)),
        ("تشرين الأول 2023", "ar", (2023, 10, None)),
        ("في شهر مارس", "ar", (None, 3, None)),
        ("ביולי 2023", "he", (2023, 7, None)),
        ("29 באוקטובר 2024", "he", (2024, 10, 29)),
        ("בסוף מרץ", "he", (None, 3, None)),
        ("29 octobre 2024", "fr", (2024, 10, 29)),
        ("fin octobre", "fr", (None, 10, None)),
        ("début octobre", "fr", (None, 10, None)),
        ("1er mai 2024", "fr", (2024, 5, 1)),
        ("en mai", "fr", (None, 5, None)),
        ("October 29, 2024", "en", (2024, 10, 29)),
        ("on Oct. 2, 1968, troops", "en", (1968, 10, 2)),
        ("closed until Oct.", "en", (None, 10, None)),
        ("May 2024", "en", (2024, 5, None)),
        ("29.10.2024", "tr", (2024, 10, 29)),
        ("10/29/2024", "en", (2024, 10, 29)),
        ("29/10/2024", "fr", (2024, 10, 29)),
        ("2024-10-29", "he", (2024, 10, 29)),
        ("09\u200f/05\u200f/2024", "ar", (2024, 5, 9)),
    ],
)
def test_dates(text, lang, key):
    assert parts(text, lang) == [key]


@pytest.mark.parametrize(
    ("text", "lang", "key"),
    [
        ("২০২৪ সালের ১২ জুন বন্যা হয়।", "bn", (2024, 6, 12)),
        ("2024 সালের 12 জুন", "bn", (2024, 6, 12)),
        ("২০২৪ সালের জুন মাসে", "bn", (2024, 6, None)),
        ("২০২৪ সালের মে মাসে", "bn", (2024, 5, None)),
        ("১৯৭১ খ্রিস্টাব্দের ২৬ মার্চ", "bn", (1971, 3, 26)),
        ("2024 yılının 12 Haziran'ında sel oldu.", "tr", (2024, 6, 12)),
        ("2024 yılının Haziran ayında", "tr", (2024, 6, None)),
        ("2024 yılı Haziran'ında", "tr", (2024, 6, None)),
        ("2024'ün Haziran ayında", "tr", (2024, 6, None)),
        ("2022'nin Haziran ayında", "tr", (2022, 6, None)),  # after a vowel: 'nin, 'nın
        ("2026'nın Mart ayında", "tr", (2026, 3, None)),
        ("2023'ün ekim ayında", "tr", (2023, 10, None)),  # lower case, but "ayında" (month)
    ],
)
def test_a_year_written_first_is_the_dates(text, lang, key):
    """Bengali and Turkish put the year first with a word saying "of the year": "২০২৪ সালের
    ১২ জুন" was two things, the year 2024 alone (a figure) and 12 June. One date now, its
    year no figure; the other four languages write the year last (test_dates)."""
    assert parts(text, lang) == [key], text
    assert [q for q in find_quantities(text, lang) if q.year] == [], text


@pytest.mark.parametrize(("text", "lang"), [
    ("2024 yılında Haziran", "tr"),  # "in 2024", then June: two phrases
    ("2024 Haziran", "tr"),
    ("২০২৪ সালে জুন", "bn"),
    ("২০২৪ সালের ৫০ জুন", "bn"),  # no day 50: the year stays a year
])
def test_a_year_before_a_month_without_of_the_year_stays_apart(text, lang):
    assert [d.year for d in find_dates(text, lang)] == [None], text
    assert [q.value for q in find_quantities(text, lang) if q.year] == [2024], text


def test_a_year_written_first_dates_no_lower_case_weak_month():
    """"2023 yılı ekim sezonunda" is the sowing (ekim) season of 2023, not October: a
    lower-case weak month needs its context ("ayında") after a year written first too."""
    assert find_dates("2023 yılı ekim sezonunda", "tr") == []
    assert parts("2023 yılı Ekim'de", "tr") == [(2023, 10, None)]


def test_two_names_for_one_month_are_one_date():
    assert parts("في يوليو/تموز، على سبيل المثال", "ar") == [(None, 7, None)]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Rosenstein may be delayed again", "en"),
        ("Rosa's rain may be a blessing", "en"),
        ("la planète Mars", "fr"),
        ("une maison", "fr"),
        ("ekim yapılan tarla", "tr"),
        ("ওরিওল জুনকেরাস", "bn"),
        ("وقال جوان بويج", "ar"),
        ("the March on Washington", "en"),
    ],
)
def test_words_that_look_like_months(text, lang):
    assert find_dates(text, lang) == []


def test_offsets_point_into_the_text():
    text = "Tesla ise Ağustos sonlarında, xAI ise 29 Ekim 2024 tarihinde"
    found = find_dates(text, "tr")
    assert [d.text for d in found] == ["Ağustos", "29 Ekim 2024"]
    assert all(text[d.start : d.end] == d.text for d in found)


@pytest.mark.parametrize(
    ("text", "lang", "span"),
    [
        ("Le second tour a eu lieu le 3 mai.", "fr", "3 mai"),
        ("جرت الجولة الثانية في 3 مايو.", "ar", "3 مايو"),
        ("It closed on 12 October. Then", "en", "12 October"),
        ("closed until Oct.", "en", "Oct"),
        ("on Oct. 2, 1968, troops", "en", "Oct. 2, 1968"),  # the abbreviation's dot, inside
    ],
)
def test_a_date_ends_before_the_full_stop(text, lang, span):
    """A reason names the date, not the sentence's punctuation: "3 mai (fr)", not "3 mai."."""
    (found,) = find_dates(text, lang)
    assert (found.text, text[found.start : found.end]) == (span, span)


def test_seed_dates():
    seeds = Path(__file__).resolve().parents[1] / "fixtures" / "seed-story"
    bn = (seeds / "001_e09e160c88b3d2eb.txt").read_text(encoding="utf-8")
    assert (2024, 10, 29) in parts(bn, "bn")
    he = (seeds / "004_e7e13f47c49d17c4.txt").read_text(encoding="utf-8")
    assert (2023, 7, None) in parts(he, "he")


@pytest.mark.parametrize("lang", ["en", "tr", "fr", "de", "es"])
def test_the_first_letter_lookahead_changes_no_match(lang):
    """Named dates in cased scripts test a match's first character before the month names:
    the matches are those of the pattern without that test, whatever the case."""
    named = dates._grammar(lang).named
    lookahead = dates._first_character(month_names(lang)[0])
    assert lookahead and named.pattern.startswith(lookahead)
    plain = re.compile(named.pattern.removeprefix(lookahead), named.flags)
    words = [w for name in month_names(lang)[0] for w in (name, name.upper(), name.title())]
    turkish_i = [w.replace("i", "İ").replace("ı", "I") for w in words]
    texts = [f"{pre}{w}{post}" for w in words + turkish_i
             for pre, post in (("", ""), ("le 3 ", " 2024."), ("(1st ", ")"), ("x", "y"))]
    for text in texts:
        assert [(m.span(), m.groups()) for m in named.finditer(text)] == [
            (m.span(), m.groups()) for m in plain.finditer(text)], text


# what a text around a month name may hold: marks (a decomposed accent, Latin and not in
# WORD_CHAR's list), letters of another script, quotes, a dot, an apostrophe and an ending
_AROUND = ["", " ", "x", "X", "é", "e\u0301", "\u1dc0", "é\u1dc0", "д", "ב", "“", ".", "'ta",
           "’de", "da", "-", "\u200f"]


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(["en", "tr", "fr", "de", "es", "ru"]), st.data())
def test_the_words_of_a_text_without_digits_settle_its_dates_as_its_patterns(lang, data):
    """`find_dates` with a text's words answers as without them: the month names of a cased
    language open a word, or follow a mark inside one (`dates._may_name_month`)."""
    from crossfact.names import words_of

    names = sorted(month_names(lang)[0])
    month = data.draw(st.sampled_from(names + [n.upper() for n in names]
                                      + [n.title() for n in names]))
    pieces = data.draw(st.lists(st.sampled_from(_AROUND), max_size=3))
    cut = data.draw(st.integers(0, len(pieces)))
    text = "".join(pieces[:cut]) + month + "".join(pieces[cut:]) + data.draw(
        st.sampled_from(["", " 12", " de 2024", " late"]))
    assert find_dates(text, lang, words_of(text).texts) == find_dates(text, lang), text
