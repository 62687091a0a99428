"""Published URLs of a story's versions, from the story files of its folders
(`crossfact.story_file`): the store records them per document for ClaimReview appearances
(a local path is not a URL)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from crossfact.story_file import story_files


def version_urls(paths: Iterable[Path]) -> dict[str, str]:
    """URL by file path (as `folder / file`, the form the matcher is given) for every story
    folder among `paths` that has a story file; {} when none has."""
    return {path: url for story in story_files(paths) for path, url in story.urls().items()}
