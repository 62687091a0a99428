"""From paths to a MatchResult: read, segment, fingerprint, match. The one entry point the
CLI, the TUI's worker and the benchmarks share."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from crossfact.collector import paused as collector_paused
from crossfact.errors import InputError
from crossfact.fingerprint import fingerprint_story
from crossfact.language import validate_language
from crossfact.matching import match_claims
from crossfact.models import Claim, Document, MatchResult
from crossfact.reading import collect_paths, read_document
from crossfact.segment import cut_run_in_headlines, segment
from crossfact.story_file import story_files
from crossfact.terminal import message

Progress = Callable[[str, int, int], None]


def _override(path: Path, langs: Mapping[str, str]) -> str | None:
    """The --lang given for this file, by the path as typed or as resolved."""
    for given, code in langs.items():
        if Path(given) == path or Path(given).resolve() == path.resolve():
            return code
    return None


def _among(files: Sequence[Path], given: str | Path) -> bool:
    """Whether a --lang path names one of `files`, as typed or as resolved."""
    return any(_override(f, {str(given): ""}) is not None for f in files)


def in_given_folders(paths: Sequence[str | Path], langs: Mapping[str, str]) -> dict[str, str]:
    """--lang's paths as matching takes them (as typed, or relative to the current folder),
    with a path relative to a folder among `paths` read as that folder's version:
    `--lang a.txt=he` or `./a.txt` with `story/` given is story/a.txt. A name that is a
    version as typed stays one; a name found in two folders is left as typed (and refused
    by check_overrides, with the inputs listed)."""
    folders = [Path(p) for p in paths if Path(p).is_dir()]
    if not folders or not langs:
        return dict(langs)
    files = collect_paths(paths)
    out: dict[str, str] = {}
    for given, code in langs.items():
        inside = [folder / given for folder in folders if _among(files, folder / given)]
        named = _among(files, given) or len(inside) != 1
        out[given if named else str(inside[0])] = code
    return out


def check_overrides(files: Sequence[Path], langs: Mapping[str, str]) -> None:
    """Refuse a --lang for a file that is not among the versions (a typo would otherwise be
    silently ignored and the file's language guessed), or with a code that is no language,
    in one line that names the value as given and says what --lang takes."""
    for path, code in langs.items():
        given = f"--lang {path}={code}"
        if not _among(files, path):
            names = [_as_typed(f) for f in files]
            listed = f": {', '.join(names)}" if len(names) <= LISTED_INPUTS else ""
            raise InputError(f"{given}: {path} is not among the inputs; name a version by "
                             "its path as typed, from the current folder or from a folder "
                             f"given (b.txt for story/b.txt){listed}")
        try:
            validate_language(code)
        except InputError:
            raise InputError(f"{given}: unknown language code {code!r}; give an ISO 639 code "
                             "(tr, ar, he, bn) or a locale (pt-BR)") from None


LISTED_INPUTS = 8  # inputs named in the --lang error; a longer list would drown the line


def _as_typed(path: Path) -> str:
    """A version's path as --lang accepts it: relative to the current folder if inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def story_langs(paths: Sequence[str | Path], files: Sequence[Path]) -> dict[str, str]:
    """The languages that the story files of the folders among `paths` set for these files."""
    found = {path: code for story in story_files(map(Path, paths))
             for path, code in story.langs().items()}
    inputs = {f.resolve() for f in files}
    return {path: code for path, code in found.items() if Path(path).resolve() in inputs}


def read_story(
    paths: Sequence[str | Path],
    langs: Mapping[str, str] | None = None,
    progress: Progress | None = None,
    detect: bool = True,
    plain: bool = False,
) -> list[Document]:
    """Every version named by `paths` (files or folders), decoded and with its language:
    as given in `langs`, else as a folder's story file says, else as detected (without
    `detect`, undetected: a quick check of the input, see `read_document`; `plain`: every
    file is text whatever its name, see `read_text`)."""
    files = collect_paths(paths)
    given = langs or {}
    check_overrides(files, given)
    from_story = story_langs(paths, files)
    if len(files) < 2:
        raise InputError(
            f"{paths[0] if paths else 'no input'}: a story needs at least two versions to compare"
        )
    docs: list[Document] = []
    seen: dict[str, str] = {}
    for n, path in enumerate(files):
        if progress:
            progress(f"reading {message(path.name)}", n, len(files))  # a name is data too
        doc = read_document(path, _override(path, given) or _override(path, from_story),
                            detect, plain)
        if doc.id in seen:
            raise InputError(f"{path}: same text as {seen[doc.id]}; give each version once")
        seen[doc.id] = doc.path
        docs.append(doc)
    return docs


def run(
    paths: Sequence[str | Path],
    langs: Mapping[str, str] | None = None,
    segmented: bool = False,
    progress: Progress | None = None,
    plain: bool = False,
) -> MatchResult:
    """Match the claims of every version of one story; the same input gives the same output."""
    with collector_paused():
        docs = read_story(paths, langs, progress, plain=plain)
        claims: list[Claim] = [c for d in docs for c in segment(d, segmented)]
        if not segmented:
            claims = cut_run_in_headlines(docs, claims)
        if progress:
            progress("fingerprinting", 0, 1)
        claims = fingerprint_story(docs, claims)
        matches = match_claims(docs, claims, progress)
    return MatchResult(documents=docs, claims=claims, matches=matches)

