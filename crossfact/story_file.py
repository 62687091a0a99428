"""The optional `story.toml` beside a story's versions: its title, and per version a URL and
a language when detection must be overridden.

    title = "Tesla and xAI spend on AI hardware"
    languages = ["tr", "bn", "ar", "fr", "he"]
    [versions."000_0c23687e67bb5be4.txt"]
    url = "https://example.com/tr/article"   # for ClaimReview appearances
    lang = "tr"                               # only where detection must be overridden

One reader for everyone who opens a story folder (`crossfact match DIR`, `crossfact review
DIR`, the recorded fixtures). A folder stands for its versions only (texts, web pages, Word
documents, PDFs: reading.VERSION_SUFFIXES), so the story file never becomes a version. A key
it does not know, or a version that is not in the folder, is refused: silently ignored, a
typo would quietly drop a URL or a language.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from crossfact.errors import InputError
from crossfact.language import validate_language

STORY_FILE = "story.toml"


@dataclass(frozen=True)
class StoryVersion:
    """One version named in a story file."""

    file: str
    url: str | None = None
    lang: str | None = None


@dataclass(frozen=True)
class StoryFile:
    """A story folder's story file; every field may be missing from the file."""

    folder: Path
    title: str | None = None
    languages: list[str] = field(default_factory=list)
    versions: list[StoryVersion] = field(default_factory=list)

    def urls(self) -> dict[str, str]:
        """Each version's URL by path (`folder / file`, as the matcher is given them)."""
        return {str(self.folder / v.file): v.url for v in self.versions if v.url}

    def langs(self) -> dict[str, str]:
        """Language overrides by path, the form `--lang PATH=CODE` takes."""
        return {str(self.folder / v.file): v.lang for v in self.versions if v.lang}


def read_story_file(folder: Path) -> StoryFile | None:
    """The story file in `folder`, None when there is none; a broken one is an InputError."""
    path = Path(folder) / STORY_FILE
    if not path.is_file():
        return None
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))  # Notepad writes a BOM
        _known_keys(data, STORY_KEYS, "")
        sections = data.get("versions", {})
        if not isinstance(sections, dict) or not all(isinstance(entry, dict)
                                                     for entry in sections.values()):
            raise ValueError('versions must be sections, [versions."en.txt"] with url and lang')
        versions = [StoryVersion(file, _text(entry, "url"), _text(entry, "lang"))
                    for file, entry in sections.items()]
        for version in versions:
            file = Path(folder) / version.file
            if Path(version.file).name != version.file or not file.is_file():
                raise ValueError(f"[versions.{version.file!r}] names no file in the folder "
                                 "(a typo, or a version since removed: fix or drop the section)")
        title, languages = data.get("title"), data.get("languages", [])
        if not (title is None or isinstance(title, str)) or not isinstance(languages, list):
            raise ValueError("title must be a string and languages a list")
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, AttributeError,
            ValueError, RecursionError) as error:
        raise InputError(f"{path}: not a usable story file ({error})") from None
    return StoryFile(Path(folder), title, [str(lang) for lang in languages], versions)


STORY_KEYS = ("title", "languages", "versions")
VERSION_KEYS = ("url", "lang")


def _known_keys(table: dict[str, object], known: tuple[str, ...], where: str) -> None:
    """A misspelled key (`titel`) would be read as no setting at all: refused, named."""
    for key in table:
        if key not in known:
            raise ValueError(f"unknown key {key!r}{where} (the keys are {', '.join(known)})")


def _text(entry: object, key: str) -> str | None:
    """A version's string setting, or None; anything else is a broken story file."""
    if not isinstance(entry, dict):
        raise ValueError(f"each version must be a table, not {type(entry).__name__}")
    _known_keys(entry, VERSION_KEYS, " in a version")
    value = entry.get(key)
    if value is not None and not isinstance(value, str):
        raise ValueError(f"a version's {key} must be a string")
    if key == "url" and value is not None and not is_web_url(value):
        raise ValueError(f"a version's url must be an http(s) address, not {value[:80]!r}")
    if key == "lang" and value is not None:
        try:
            validate_language(value)
        except InputError as error:  # said as the story file's error, where the code is
            raise ValueError(str(error)) from None
    return value


def is_web_url(text: str) -> bool:
    """An http(s) address with a host: the only URLs crossfact passes on to a published
    ClaimReview (a `javascript:` or `data:` URL would run in a reader's browser)."""
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(text)
    except ValueError:
        return False
    return (parts.scheme.lower() in ("http", "https") and bool(parts.netloc)
            and not any(ch.isspace() or ord(ch) < 0x20 or ord(ch) == 0x7f for ch in text))


def story_files(paths: Iterable[Path]) -> list[StoryFile]:
    """The story files of the folders among `paths`."""
    return [story for p in paths if Path(p).is_dir() and (story := read_story_file(Path(p)))]
