"""Options shared by the commands that read a story (`match`, `review`)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import click


def _parse_langs(ctx: click.Context, param: click.Parameter,
                 values: tuple[str, ...]) -> dict[str, str]:
    out: dict[str, str] = {}
    for value in values:
        path, sep, code = value.rpartition("=")
        if not sep or not path or not code:
            raise click.BadParameter(f"{value!r}: expected PATH=CODE, e.g. story/ar.txt=ar")
        out[path] = code
    return out


def in_given_folders(paths: Sequence[str | Path], langs: Mapping[str, str]) -> dict[str, str]:
    """--lang's paths as the matcher takes them (as typed, or relative to the current
    folder), with a path relative to a folder among `paths` read as that folder's version:
    `--lang a.txt=he` or `./a.txt` with `story/` given is story/a.txt. A name that is a
    version as typed stays one; a name found in two folders is left as typed (and refused,
    with the inputs listed)."""
    from crossfact.reading import collect_paths

    folders = [Path(p) for p in paths if Path(p).is_dir()]
    if not folders or not langs:
        return dict(langs)
    inputs = {f.resolve() for f in collect_paths(paths)}
    out: dict[str, str] = {}
    for given, code in langs.items():
        inside = [folder / given for folder in folders if (folder / given).resolve() in inputs]
        named = Path(given).resolve() in inputs or len(inside) != 1
        out[given if named else str(inside[0])] = code
    return out


def lang_option(f: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--lang", "langs", multiple=True, callback=_parse_langs, metavar="PATH=CODE",
        help="Language of one file, instead of detecting it (repeatable).",
    )(f)


def segmented_option(f: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--segmented", is_flag=True,
        help="Files are already split: each non-empty line is one claim.",
    )(f)
