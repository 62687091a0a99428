"""The `crossfact` command, the top layer: it reaches every layer's commands. Each command's
module is imported only when that command runs, so `crossfact match` never imports sqlite or
Textual and every command starts fast."""

from __future__ import annotations

from collections.abc import Callable

import click

# The loaders import with plain `from ... import` statements inside functions (not module
# names in strings), so import-linter sees that the command line, and only it, reaches the
# store and the TUI (the contracts in pyproject.toml).


def _match() -> click.Command:
    from crossfact.cli_match import match

    return match


def _review() -> click.Command:
    from crossfact.tui.cli import review

    return review


def _store(name: str) -> Callable[[], click.Command]:
    def load() -> click.Command:
        from crossfact.store import cli

        command: click.Command = getattr(cli, name)
        return command

    return load


COMMANDS: dict[str, Callable[[], click.Command]] = {
    "match": _match,
    "review": _review,
    "export": _store("export"),
    "import": _store("import_"),
    "merge": _store("merge"),
    "stats": _store("stats"),
    "replay": _store("replay"),
}


class LazyGroup(click.Group):
    """A click group that imports a subcommand's module only when that command runs."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        load = COMMANDS.get(name)
        return None if load is None else load()


@click.group(cls=LazyGroup)
@click.version_option(package_name="crossfact")
def main() -> None:
    """Match claims across the language versions of one story and review where they disagree."""
