"""`crossfact match`: the JSON contract of docs/architecture.md, or a table for people."""

from __future__ import annotations

import sys

import click

from crossfact.cli_options import lang_option, segmented_option
from crossfact.errors import CrossfactError
from crossfact.matching import version_labels
from crossfact.models import MatchResult
from crossfact.reading import GUESS_ADVICE, guessed_encoding
from crossfact.terminal import for_stream, one_line
from crossfact.wording import plural


class StderrProgress:
    """A progress line on stderr, only when stderr is a terminal (never in pipes or JSON)."""

    def __init__(self) -> None:
        self.live = sys.stderr.isatty()

    def __call__(self, stage: str, done: int, total: int) -> None:
        if self.live:
            width = 30
            filled = int(width * done / max(1, total))
            bar = "█" * filled + "·" * (width - filled)
            sys.stderr.write(f"\r\x1b[2K{bar} {stage}")
            sys.stderr.flush()

    def close(self) -> None:
        if self.live:
            sys.stderr.write("\r\x1b[2K")
            sys.stderr.flush()


WEAK_LEGEND = ("? marks a weak link, paired without firm evidence: read it (crossfact review: "
               "y confirms, b breaks)")
"""Said once above the table when a match has one: the lone `?` was explained nowhere."""


def render_table(result: MatchResult) -> str:
    """Each match with its suggestion, score, claims per version and reasons."""
    claims = {c.id: c for c in result.claims}
    # the reasons name two versions of one language he1, he2: so do the table's lines, or
    # "54 million (en) vs 45 מיליון (he1, he2)" named versions the table never did
    labels = version_labels(result.documents)
    guessed = {d.id: guessed_encoding(d.encoding) for d in result.documents}
    lines = [f"{plural(len(result.documents), 'version')}: "
             + ", ".join(f"{labels[d.id]} {one_line(d.path)}"
                         + (f" (guessed {guessed[d.id]})" if guessed[d.id] else "")
                         for d in result.documents)]
    if any(guessed.values()):
        lines.append(f"encodings {GUESS_ADVICE}")
    if any(m.suggested for m in result.matches):
        lines.append(WEAK_LEGEND)
    lines += [f"{plural(len(result.claims), 'claim')}, "
              f"{plural(len(result.matches), 'match', 'matches')}", ""]
    for n, m in enumerate(result.matches, 1):
        lines.append(f"#{n:<4} {m.suggestion.upper():<9} score {m.score:.2f}  {m.id}")
        for cid in m.claims:
            c = claims[cid]
            weak = " ?" if cid in m.suggested else "  "
            lines.append(f"  {labels[c.doc]:>3}{weak} {one_line(c.text, 110)}")
        lines += [f"       - {one_line(r, 400)}" for r in m.reasons]
        lines.append("")
    return "\n".join(lines)


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["json", "table"]), default="table",
              show_default=True, help="JSON contract for tools, or a table for people.")
@segmented_option
@lang_option
def match(paths: tuple[str, ...], fmt: str, segmented: bool, langs: dict[str, str]) -> None:
    """Match the claims of each version in PATHS (files or folders) to their counterparts.

    Prints every match with its suggestion (agree / conflict / unsourced) and reasons.
    """
    from crossfact.pipeline import in_given_folders, run

    progress = StderrProgress()
    try:
        result = run(paths, langs=in_given_folders(paths, langs), segmented=segmented,
                     progress=progress)
    except CrossfactError as error:
        progress.close()
        raise click.ClickException(str(error)) from None
    progress.close()
    if fmt == "json":
        # document text is data: on a terminal its controls are shown, never obeyed
        click.echo(for_stream(result.model_dump_json(indent=1), sys.stdout))
    else:
        click.echo(render_table(result))
