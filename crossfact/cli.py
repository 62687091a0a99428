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

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """Each command with the first sentence of its help, whole (click cuts it at 45
        characters, mid-phrase)."""
        rows = []
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is not None and not command.hidden:
                text = " ".join((command.help or "").split("\n\n")[0].split())
                rows.append((name, text.split(". ")[0].rstrip(".") + "."))
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)

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
