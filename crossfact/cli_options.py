"""Options and argument types that the commands share: the story options of `match` and
`review`, and the file argument of `import`, `merge` and `replay`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from crossfact.reading import existing_file


def _parse_langs(ctx: click.Context, param: click.Parameter,
                 values: tuple[str, ...]) -> dict[str, str]:
    out: dict[str, str] = {}
    for value in values:
        path, sep, code = value.rpartition("=")
        if not sep or not path or not code:
            raise click.BadParameter(f"{value!r}: expected PATH=CODE, e.g. story/ar.txt=ar")
        out[path] = code
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


if TYPE_CHECKING:  # generic in newer click (8.5), a plain class in 8.1, which pyproject allows
    _PathType = click.ParamType[Path, "str | Path"]
else:
    _PathType = click.ParamType


class FileArgument(_PathType):
    """A file to read, refused in the project's words (`reading.existing_file`: "x: no such
    file or folder", exit 1, as `match` says it) rather than click's "Invalid value for
    'FILE': File 'x' does not exist." (exit 2). With `dash`, `-` (standard input) passes."""

    name = "file"

    def __init__(self, *, dash: bool = False) -> None:
        self.dash = dash

    def convert(self, value: Any, param: click.Parameter | None,
                ctx: click.Context | None) -> Path:
        if self.dash and str(value) == "-":
            return Path(value)
        return existing_file(value)
