"""Options shared by the commands that read a story (`match`, `review`)."""

from __future__ import annotations

from collections.abc import Callable
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
