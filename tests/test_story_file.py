"""The story file beside a story's versions: one reader, used by match, review and fixtures."""

from __future__ import annotations

import pytest

from crossfact.errors import InputError
from crossfact.pipeline import read_story
from crossfact.story_file import read_story_file

FR = "Le président a annoncé 300 nouveaux emplois dans l'usine de Lyon en 2024."
EN = "The president announced 300 new jobs at the Lyon plant in 2024."


def test_a_story_file_gives_title_urls_and_languages(tmp_path):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(FR, encoding="utf-8")
    (tmp_path / "story.toml").write_text(
        'title = "Jobs"\nlanguages = ["fr", "en"]\n'
        '[versions."a.txt"]\nurl = "https://x.test/a"\nlang = "fr"\n'
        '[versions."b.txt"]\nurl = "https://x.test/b"\n', encoding="utf-8")
    story = read_story_file(tmp_path)
    assert story is not None and story.title == "Jobs" and story.languages == ["fr", "en"]
    assert story.urls() == {str(tmp_path / "a.txt"): "https://x.test/a",
                            str(tmp_path / "b.txt"): "https://x.test/b"}
    assert story.langs() == {str(tmp_path / "a.txt"): "fr"}


def test_no_story_file_is_none_and_a_broken_one_is_one_line(tmp_path):
    assert read_story_file(tmp_path) is None
    for broken in ("versions = [", '[versions."a.txt"]\nurl = 5\n', 'versions = {a = 1}\n'):
        (tmp_path / "story.toml").write_text(broken, encoding="utf-8")
        with pytest.raises(InputError, match="story.toml: not a usable story file"):
            read_story_file(tmp_path)


def test_a_misspelled_key_or_a_version_not_in_the_folder_is_one_line(tmp_path):
    """Silently ignored before: `titel` gave no title, a section for a missing file no
    URL or language, and nobody was told."""
    (tmp_path / "a.txt").write_text(FR, encoding="utf-8")
    for text, said in (('titel = "Jobs"\n', "unknown key 'titel' (the keys are title, "),
                       ('[versions."a.txt"]\nurl_ = "https://x.test/a"\n',
                        "unknown key 'url_' in a version (the keys are url, lang)"),
                       ('[versions."nothere.txt"]\nlang = "he"\n',
                        "[versions.'nothere.txt'] names no file in the folder"),
                       (f'[versions."../{tmp_path.name}/a.txt"]\nlang = "fr"\n',
                        "names no file in the folder"),
                       ("versions = [1]\n", "versions must be sections"),
                       # named as the file's error, not the story file's: the user looked
                       # for a --lang they never gave
                       ('[versions."a.txt"]\nlang = "zz"\n', "unknown language code 'zz'")):
        (tmp_path / "story.toml").write_text(text, encoding="utf-8")
        with pytest.raises(InputError, match="story.toml: not a usable story file") as caught:
            read_story_file(tmp_path)
        assert said in str(caught.value) and "\n" not in str(caught.value)


def test_reading_a_folder_takes_the_story_files_language_and_a_given_one_wins(tmp_path):
    (tmp_path / "a.txt").write_text(FR, encoding="utf-8")
    (tmp_path / "b.txt").write_text(EN, encoding="utf-8")
    (tmp_path / "story.toml").write_text(
        '[versions."a.txt"]\nlang = "tr"\n', encoding="utf-8")
    assert [d.lang for d in read_story([tmp_path])] == ["tr", "en"]
    for spelling in (tmp_path / "a.txt", tmp_path / "." / "a.txt"):  # however it is written
        given = {str(spelling): "fr"}
        assert [d.lang for d in read_story([tmp_path], given)] == ["fr", "en"]


def test_a_story_file_saved_with_a_byte_order_mark_is_read(tmp_path):
    """Windows Notepad's UTF-8 starts with a BOM: "Invalid statement (at line 1, column 1)"."""
    (tmp_path / "a.txt").write_text(FR, encoding="utf-8")
    (tmp_path / "story.toml").write_bytes('\ufefftitle = "Jobs"\r\n'.encode())
    story = read_story_file(tmp_path)
    assert story is not None and story.title == "Jobs"
