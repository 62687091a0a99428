"""Characters no reader sees (soft hyphens, zero-width spaces, bidi marks, tatweel) change
nothing the matcher says: the lead's sentence against its translations, as pages carry them."""

from __future__ import annotations

from pathlib import Path

import pytest

from crossfact.pipeline import run

FRENCH = "Volodymyr Zelensky a annoncé que 12 000 soldats ont été déployés à Kharkiv."
ARABIC = "أعلن فولوديمير زيلينسكي أن 12 ألف جندي تم نشرهم في خاركيف."
ENGLISH = "Volodymyr Zelensky announced that 12,000 soldiers were deployed to Kharkiv."


def matched(folder: Path, lang: str, text: str) -> tuple[float, list[str]]:
    """The score and reasons of the one match of FRENCH and `text` (in `lang`)."""
    folder.mkdir()
    (folder / "fr.txt").write_text(FRENCH + "\n", encoding="utf-8")
    (folder / f"{lang}.txt").write_text(text + "\n", encoding="utf-8")
    files = [str(folder / "fr.txt"), str(folder / f"{lang}.txt")]
    (match,) = run(files, langs={f: Path(f).stem for f in files}).matches
    return round(match.score, 6), match.reasons


@pytest.mark.parametrize(("lang", "clean", "carried"), [
    ("ar", ARABIC, ARABIC.replace("ألف", "ألـف")),  # tatweel: read as 12 ("only in ar: 12")
    ("ar", ARABIC, ARABIC.replace("12", "\u200e12\u200e")),  # quoted "12\u200e ألف"
    ("en", ENGLISH, ENGLISH.replace("12,000", "12,\u200b000")),  # read as 12 and 000
    ("en", ENGLISH, ENGLISH.replace("Zelensky", "Zelen\u00adsky")
     .replace("Kharkiv", "Khar\u00adkiv")),  # soft hyphens: score 0.90 -> 0.72
])
def test_a_translation_as_pages_carry_it_matches_as_its_clean_text(
        tmp_path: Path, lang: str, clean: str, carried: str) -> None:
    expected = matched(tmp_path / "clean", lang, clean)
    assert expected[1] == [f"12 000 (fr) = {'12 ألف' if lang == 'ar' else '12,000'} ({lang})"]
    assert matched(tmp_path / "carried", lang, carried) == expected
