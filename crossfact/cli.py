"""The `crossfact` command, the top layer: it reaches every layer's commands. Each command's
module is imported only when that command runs, so `crossfact match` never imports sqlite or
Textual and every command starts fast."""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Callable
from typing import Any, NoReturn

import click

from crossfact.errors import CrossfactError
from crossfact.terminal import message, show_controls

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


DEBUG_VAR = "CROSSFACT_DEBUG"  # set to 1 to see the traceback of an unexpected error


class LazyGroup(click.Group):
    """A click group that imports a subcommand's module only when that command runs, and
    the one place where everything a command says on its way out passes the sanitiser:
    an error names files and values from other people, so it is one line with every
    control character shown, never obeyed (crossfact.terminal)."""

    def main(self, args: Any = None, prog_name: str | None = None,
             complete_var: str | None = None, standalone_mode: bool = True,
             **extra: Any) -> Any:
        if not standalone_mode:  # a caller in Python (tests, scripts) takes the exceptions
            return super().main(args, prog_name, complete_var, False, **extra)
        _tolerant_streams()
        _library_logs()
        try:
            super().main(args, prog_name, complete_var, False, **extra)
        except click.exceptions.Exit as done:
            sys.exit(done.exit_code)
        except click.Abort:
            _fail("interrupted", 130)
        except click.UsageError as error:
            if isinstance(error, click.BadParameter) and not isinstance(
                    error, click.MissingParameter):  # a wrong value, not a wrong call: a
                _fail(error.format_message(), error.exit_code)  # line, as every error is
            shown = io.StringIO()
            error.show(file=shown)
            sys.stderr.write(show_controls(shown.getvalue()))
            sys.exit(error.exit_code)
        except click.ClickException as error:
            _fail(error.format_message(), error.exit_code)
        except CrossfactError as error:
            _fail(str(error), 1)
        except BrokenPipeError:  # `crossfact export ... | head`: the reader has had enough
            _quiet_broken_pipe()
        except KeyboardInterrupt:
            _fail("interrupted", 130)
        except MemoryError:
            _fail("out of memory; the input is too large to process", 1)
        except Exception as error:  # a bug: one line, the traceback only on request
            if os.environ.get(DEBUG_VAR):
                raise
            _fail(f"unexpected error ({type(error).__name__}: {error}); this is a bug in "
                  f"crossfact, please report it ({DEBUG_VAR}=1 shows the traceback)", 2)
        sys.exit(0)

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
        load = COMMANDS.get(name)
        return None if load is None else load()


@click.group(cls=LazyGroup)
@click.version_option(package_name="crossfact")
def main() -> None:
    """Match claims across the language versions of one story and review where they disagree."""


def _fail(text: str, code: int) -> NoReturn:
    sys.stderr.write(f"Error: {message(text)}\n")
    sys.stderr.flush()
    sys.exit(code)


def _tolerant_streams() -> None:
    """Output that the terminal's encoding cannot hold (PYTHONIOENCODING=latin-1, a C
    locale) is written as escapes instead of crashing the command."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")


def _library_logs() -> None:
    """Libraries' log records are not messages to the user (wordfreq wrote "You asked for
    word frequencies in language 'kk'..." under a table): dropped, unless CROSSFACT_DEBUG
    asks to see everything. Python prints a record only when no handler takes it."""
    import logging

    if os.environ.get(DEBUG_VAR):
        logging.basicConfig(level=logging.WARNING)
    else:
        logging.getLogger().addHandler(logging.NullHandler())


def _quiet_broken_pipe() -> NoReturn:
    """Point stdout at /dev/null so Python's exit flush does not fail a second time."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    sys.exit(1)
