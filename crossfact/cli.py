"""The `crossfact` command. Subcommands of the store and TUI layers load lazily, so
`crossfact match` never imports sqlite or Textual and every command starts fast."""

from __future__ import annotations

import importlib

import click

# name -> "module:attribute"; each module defines one click command
COMMANDS: dict[str, str] = {
    "match": "crossfact.match_cmd:match",
    "review": "crossfact.tui.cli:review",
    "export": "crossfact.store.cli:export",
    "import": "crossfact.store.cli:import_",
    "merge": "crossfact.store.cli:merge",
    "stats": "crossfact.store.cli:stats",
    "replay": "crossfact.store.cli:replay",
}


class LazyGroup(click.Group):
    """A click group that imports a subcommand's module only when that command runs."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        target = COMMANDS.get(name)
        if target is None:
            return None
        module, attr = target.split(":")
        return getattr(importlib.import_module(module), attr)


@click.group(cls=LazyGroup)
@click.version_option(package_name="crossfact")
def main() -> None:
    """Match claims across the language versions of one story and review where they disagree."""
