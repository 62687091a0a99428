"""Published URLs of a story's versions, from the `story.toml` beside them.

    [versions."000_0c23687e67bb5be4.txt"]
    url = "https://example.com/tr/article"

The store records them per document for ClaimReview appearances (a local path is not a URL).
Only the `versions.<file>.url` keys are read; the rest of the file belongs to other tools.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from pathlib import Path

from crossfact.errors import InputError

STORY_FILE = "story.toml"


def version_urls(paths: Iterable[Path]) -> dict[str, str]:
    """URL by file path (as `folder / file`, the form the matcher is given) for every story
    folder among `paths` that has a story file; {} when none has."""
    urls: dict[str, str] = {}
    for folder in paths:
        path = Path(folder) / STORY_FILE
        if not path.is_file():
            continue
        try:
            versions = tomllib.loads(path.read_text(encoding="utf-8")).get("versions", {})
            found = {str(Path(folder) / file): entry["url"] for file, entry in versions.items()
                     if isinstance(entry, dict) and entry.get("url")}
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, AttributeError) as error:
            raise InputError(f"{path}: not a usable story file ({error})") from None
        if not all(isinstance(url, str) for url in found.values()):
            raise InputError(f"{path}: a version's url must be a string")
        urls.update(found)
    return urls
