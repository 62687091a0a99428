"""Language ID: script first, lingua restricted to the script's languages, codes checked by CLDR."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from crossfact.errors import InputError
from crossfact.language import _detector, detect_language, script_counts, validate_language

SEEDS = Path(__file__).resolve().parents[1] / "fixtures" / "seed-story"
SEED_LANGUAGES = {"000": "tr", "001": "bn", "002": "ar", "003": "fr", "004": "he"}


@pytest.mark.parametrize("prefix", sorted(SEED_LANGUAGES))
def test_seed_articles(prefix: str):
    text = next(SEEDS.glob(f"{prefix}_*.txt")).read_text("utf-8")
    assert detect_language(text) == SEED_LANGUAGES[prefix]


def test_letters_not_words_decide_the_script():
    """The Bengali seed is full of Latin names and codes; its letters are still Bengali."""
    text = next(SEEDS.glob("001_*.txt")).read_text("utf-8")
    counts = script_counts(text)
    assert counts["Latin"] > 100 and counts["Bengali"] > 10 * counts["Latin"]
    more_latin_words = "xAI AI GPU H100 X Q2 বিনিয়োগকারীদের প্রতিদ্বন্দ্বীদের"
    assert detect_language(more_latin_words) == "bn"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The company said it would spend about ten billion dollars on new computers.", "en"),
        ("La société a annoncé qu'elle dépenserait environ dix milliards de dollars.", "fr"),
        ("Şirket, yeni bilgisayarlara yaklaşık on milyar dolar harcayacağını açıkladı.", "tr"),
        ("Das Unternehmen will rund zehn Milliarden Dollar für neue Rechner ausgeben.", "de"),
        ("La empresa dijo que gastaría unos diez mil millones de dólares en computadoras.", "es"),
        ("الشركة قالت إنها ستنفق نحو عشرة مليارات دولار على أجهزة جديدة.", "ar"),
        ("این شرکت گفت که حدود ده میلیارد دلار برای رایانه‌های جدید هزینه می‌کند.", "fa"),
        ("החברה אמרה שתוציא כעשרה מיליארד דולר על מחשבים חדשים.", "he"),
        ("কোম্পানি জানিয়েছে নতুন কম্পিউটারে প্রায় দশ বিলিয়ন ডলার খরচ করবে।", "bn"),
        ("Компания заявила, что потратит около десяти миллиардов долларов.", "ru"),
        ("Η εταιρεία είπε ότι θα ξοδέψει δέκα δισεκατομμύρια δολάρια.", "el"),
        ("会社は新しいコンピューターに約百億ドルを使うと述べた。", "ja"),
    ],
)
def test_one_sentence_per_language(text: str, code: str):
    assert detect_language(text) == code


def test_no_letters_cannot_be_identified():
    with pytest.raises(InputError, match="--lang"):
        detect_language("10 000 000 — 2024 … $6.6")


def test_detectors_are_built_once():
    assert _detector("Arabic") is _detector("Arabic")


@pytest.mark.parametrize(("text", "code"), [
    ("Elon Musk spent it all.", "en"),
    ("Il a tout dépensé.", "fr"),
    ("Hepsini harcadı.", "tr"),
    ("Er hat alles ausgegeben.", "de"),
])
def test_short_lines_without_the_full_models(text, code):
    """Short texts are told apart by lingua's trigrams and the words' frequencies."""
    assert detect_language(text) == code


def test_the_script_of_a_language_comes_from_cldr():
    from crossfact.language import script_of_language, writes_latin

    assert [script_of_language(c) for c in ("sv", "he", "bn", "sr", "xx")] == [
        "Latn", "Hebr", "Beng", "Cyrl", "Zyyy"]
    assert writes_latin("pt-BR") and not writes_latin("ar")


def test_importing_language_id_does_not_load_lingua():
    """lingua loads models and a native library: only detection may pay for it."""
    code = "import sys, crossfact.language, crossfact.reading; print('lingua' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "False", result.stderr


@pytest.mark.parametrize(
    ("given", "code"),
    [("tr", "tr"), (" FR ", "fr"), ("pt-BR", "pt"), ("ar_EG", "ar"), ("iw", "he"), ("ben", "bn")],
)
def test_language_codes_are_normalised_by_cldr(given: str, code: str):
    assert validate_language(given) == code


@pytest.mark.parametrize("given", ["xx", "english", "", "12", "t r"])
def test_unknown_language_codes_are_input_errors(given: str):
    with pytest.raises(InputError) as error:
        validate_language(given)
    assert "unknown language code" in str(error.value) and "\n" not in str(error.value)
