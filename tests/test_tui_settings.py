"""Settings in one place (crossfact/settings.py): command line over environment over
config.toml, shared by `crossfact review` and the app; keys.toml refuses a key clash."""

from __future__ import annotations

import asyncio
import string
from pathlib import Path

import pytest
from click.testing import CliRunner
from textual.pilot import Pilot
from tui_fakes import make_result

from crossfact.cli import main
from crossfact.errors import CrossfactError
from crossfact.settings import Settings, config_path, load_settings
from crossfact.store import open_store, resolve_db_path
from crossfact.tui.app import ReviewApp


@pytest.fixture(autouse=True)
def config_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A config directory of the test's own, and no CROSSFACT_* from the caller's shell."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    for name in ("REVIEWER", "DB", "THEME", "BIDI"):
        monkeypatch.delenv(f"CROSSFACT_{name}", raising=False)
    folder = tmp_path / "config" / "crossfact"
    folder.mkdir(parents=True)
    return folder


def test_command_line_over_environment_over_file(config_home: Path, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    assert config_path() == config_home / "config.toml"
    (config_home / "config.toml").write_text(
        'reviewer = "ann"\ndb = "~/team.db"\nbidi = false\ntheme = "gruvbox"\n')
    settings = load_settings()
    assert (settings.reviewer_name, settings.bidi, settings.theme) == ("ann", False, "gruvbox")
    assert settings.db == Path("~/team.db").expanduser() == resolve_db_path()
    monkeypatch.setenv("CROSSFACT_REVIEWER", "bob")
    monkeypatch.setenv("CROSSFACT_BIDI", "1")
    assert (load_settings().reviewer_name, load_settings().bidi) == ("bob", True)
    assert load_settings(reviewer="cy").reviewer_name == "cy"
    assert resolve_db_path(tmp_path / "given.db") == tmp_path / "given.db"


@pytest.mark.parametrize("text, words", [
    ('bidi = "sometimes"\n', "'bidi'"),
    ('reviewr = "ann"\n', "'reviewr'"),
    ('reviewer = "  "\n', "must not be empty"),
    ("reviewer = \n", "cannot read"),
])
def test_a_bad_setting_is_one_line_naming_it(config_home: Path, text: str, words: str) -> None:
    (config_home / "config.toml").write_text(text)
    with pytest.raises(CrossfactError, match=words):
        load_settings()
    done = CliRunner().invoke(main, ["review", "--db", "x.db"])
    assert done.exit_code != 0 and "Traceback" not in done.output
    assert len(done.output.strip().splitlines()) == 1 and words in done.output


def test_a_bad_setting_says_where_it_was_set(config_home: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """A blank reviewer said "setting 'reviewer' (command line, CROSSFACT_REVIEWER or
    .../config.toml): Value error, must not be empty": three places to look and pydantic's
    words. It names the one place, as the database's errors do."""
    (config_home / "config.toml").write_text('reviewer = " "\n')
    said = {}
    for where, args in (("config", []), ("option", ["--reviewer", "  "])):
        said[where] = CliRunner().invoke(main, ["review", "--db", "x.db", *args]).stderr
    monkeypatch.setenv("CROSSFACT_REVIEWER", "  ")
    said["environment"] = CliRunner().invoke(main, ["review", "--db", "x.db"]).stderr
    start = "Error: setting 'reviewer' ("
    assert said == {
        "config": f"{start}from reviewer in {config_home / 'config.toml'}): must not be empty\n",
        "option": f"{start}given with --reviewer): must not be empty\n",
        "environment": f"{start}from $CROSSFACT_REVIEWER): must not be empty\n"}
    monkeypatch.setenv("CROSSFACT_REVIEWER", "ann")
    monkeypatch.setenv("CROSSFACT_BIDI", "maybe")
    assert CliRunner().invoke(main, ["stats"]).stderr == (
        "Error: setting 'bidi' (from $CROSSFACT_BIDI): should be true or false\n")


def test_a_database_setting_that_is_no_path_says_so_in_words(config_home: Path) -> None:
    """`db = 5` said pydantic's "Input is not a valid path for <class 'pathlib.Path'>"."""
    (config_home / "config.toml").write_text("db = 5\n")
    done = CliRunner().invoke(main, ["stats"])
    assert done.exit_code == 1 and len(done.stderr.splitlines()) == 1
    assert done.stderr.startswith("Error: setting 'db' (") and "<class" not in done.stderr
    assert done.stderr.rstrip().endswith("should be a file name, in quotes")


def test_an_unknown_setting_names_the_file_and_the_settings(config_home: Path) -> None:
    """"setting 'reviewr' (command line, CROSSFACT_REVIEWR or config.toml): Extra inputs are
    not permitted" pointed at an environment variable no one set and a command-line option
    that does not exist: only the file can hold it."""
    (config_home / "config.toml").write_text('reviewr = "ann"\n')
    with pytest.raises(CrossfactError) as refused:
        load_settings()
    said = str(refused.value)
    assert said.startswith(f"{config_home / 'config.toml'}: unknown setting 'reviewr'"), said
    assert "reviewer, db, theme, bidi" in said and "CROSSFACT_REVIEWR" not in said


def test_a_database_folder_missing_names_where_the_path_came_from(config_home: Path,
                                                                   tmp_path: Path) -> None:
    """The db setting's folder missing said "check the path given with --db" to someone who
    gave none: it names every place the path may come from."""
    (config_home / "config.toml").write_text(f'db = "{tmp_path}/gone/team.db"\n')
    done = CliRunner().invoke(main, ["review"])
    assert done.exit_code == 1 and len(done.stderr.splitlines()) == 1
    assert done.stderr == (f"Error: {tmp_path}/gone: no such folder for the database team.db "
                           f"(from db in {config_home / 'config.toml'}); create it first, or "
                           "check the path\n"), done.stderr


@pytest.mark.parametrize("command", [["stats"], ["import", str(
    Path(__file__).resolve().parents[1] / "fixtures/arabic-indic-digits/sessions/amal.jsonl")],
    ["review", "--story", "x"]])
def test_a_database_that_is_a_folder_is_refused_in_one_wording_naming_its_source(
        config_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        command: list[str]) -> None:
    """`--db FOLDER` was click's "Invalid value for '--db': File 'f' is a directory." (exit
    2), `CROSSFACT_DB=FOLDER` the store's "f: is not a file": one wording now, saying where
    the value was set, for every command that opens the database."""
    folder = tmp_path / "folder"
    folder.mkdir()
    said = (f"Error: {folder}: is a folder, not a database file ({{}}); name a file in it, "
            f"such as {folder / 'crossfact.db'}\n")
    done = CliRunner().invoke(main, [*command, "--db", str(folder)])
    assert done.exit_code == 1 and done.stderr == said.format("given with --db"), done.stderr
    monkeypatch.setenv("CROSSFACT_DB", str(folder))
    done = CliRunner().invoke(main, command)
    assert done.exit_code == 1 and done.stderr == said.format("from $CROSSFACT_DB")
    monkeypatch.delenv("CROSSFACT_DB")
    (config_home / "config.toml").write_text(f'db = "{folder}"\n')
    done = CliRunner().invoke(main, command)
    assert done.exit_code == 1, done.stderr
    assert done.stderr == said.format(f"from db in {config_home / 'config.toml'}")


def test_an_empty_setting_is_no_setting(config_home: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """`CROSSFACT_DB= crossfact stats` (a script's unset variable) read as the folder ".":
    "Error: .: is not a file"; an empty CROSSFACT_REVIEWER or CROSSFACT_BIDI was an error.
    Empty, like unset, is the default (and so is `db = ""` in config.toml)."""
    for name in ("CROSSFACT_DB", "CROSSFACT_REVIEWER", "CROSSFACT_BIDI", "CROSSFACT_THEME"):
        monkeypatch.setenv(name, "")
    assert load_settings() == Settings()  # each one as if unset
    (config_home / "config.toml").write_text('db = ""\n')
    assert load_settings().db is None


def test_an_unknown_theme_is_one_line_naming_the_setting(
        config_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Not an app that opens with a toast: the README promises a one-line error."""
    monkeypatch.setenv("CROSSFACT_THEME", "nope")
    done = CliRunner().invoke(main, ["review", "--db", str(tmp_path / "x.db")])
    assert done.exit_code == 1 and "Traceback" not in done.output
    assert done.stderr.startswith("Error: setting 'theme' (from $CROSSFACT_THEME): ")
    assert "no theme 'nope'; one of " in done.stderr and "gruvbox" in done.stderr
    assert len(done.stderr.splitlines()) == 1 and not (tmp_path / "x.db").exists()


def test_files_saved_with_a_byte_order_mark_are_read(config_home: Path) -> None:
    """Windows Notepad saves UTF-8 with a BOM (and CRLF): config.toml and keys.toml were
    refused with "Invalid statement (at line 1, column 1)"; saving the theme failed too."""
    from crossfact.settings import save_setting
    from crossfact.tui.keys import default_keys_path, load_keymap

    (config_home / "config.toml").write_bytes('\ufeffreviewer = "ann"\r\n'.encode())
    assert load_settings().reviewer == "ann"
    save_setting("theme", "gruvbox")
    assert load_settings().theme == "gruvbox" and load_settings().reviewer == "ann"
    default_keys_path().write_bytes('\ufeffverdict-agree = "1"\r\n'.encode())
    assert load_keymap(default_keys_path()) == {"verdict-agree": "1"}


def test_a_key_clash_in_keys_toml_is_refused(config_home: Path) -> None:
    (config_home / "keys.toml").write_text('verdict-conflict = "a"\n')
    done = CliRunner().invoke(main, ["review", "--db", "x.db"])
    assert done.exit_code != 0 and "Traceback" not in done.output
    assert "'a' is verdict-agree and verdict-conflict" in done.output


NEVER = "would never fire: no terminal key is reported so"
SHIFTED = "would never fire: terminals report the character shift types, not shift"
SHOWN = "is how the help screen shows"


@pytest.mark.parametrize("line, said", [
    ('help = "/"\n', "'/' is help and search"),  # "/" is the key the search binding calls "slash"
    ('skip = "?"\n', "'?' is skip and help"),
    ('verdict-agree = "ctlr+a"\n', "verdict-agree: 'ctlr+a' is no key"),
    ('undo = "ctrl+z,ctrl+q+x+"\n', "undo: 'ctrl+q+x+' is no key"),
    # Textual reports these keys by other names: bound as written, they never fired
    ('note = "ctrl+/"\n', f"note: 'ctrl+/' {NEVER}; write \"ctrl+slash\" instead"),
    ('verdict-agree = "ctrl+A"\n', f"verdict-agree: 'ctrl+A' {NEVER}; write \"ctrl+a\" instead"),
    ('verdict-agree = "shift+a"\n', f"verdict-agree: 'shift+a' {NEVER}; write \"A\" instead"),
    ('verdict-agree = "latin_small_letter_a"\n',
     f"verdict-agree: 'latin_small_letter_a' {NEVER}; write \"a\" instead"),
    ('search = "solidus"\n', f"search: 'solidus' {NEVER}; write \"slash\" instead"),
    # a key's name capitalised was told to write another key ("Tab": "space"), or nothing
    ('verdict-agree = "Tab"\n', f"verdict-agree: 'Tab' {NEVER}; write \"tab\" instead"),
    ('undo = "ctrl+Escape"\n', f"undo: 'ctrl+Escape' {NEVER}; write \"ctrl+escape\" instead"),
    ('verdict-agree = "alert"\n', "verdict-agree: 'alert' is no key"),  # a bell: no key types it
    # shift with a character key: terminals report the character shift types ("!", "?")
    ('verdict-agree = "shift+1"\n',
     f"verdict-agree: 'shift+1' {SHIFTED}; write \"exclamation_mark\" instead (shift+1 on a US "
     "keyboard; on yours, the character it types)"),
    ('help = "shift+slash"\n', f"help: 'shift+slash' {SHIFTED}; write \"question_mark\""),
    ('help = "shift+/"\n', f"help: 'shift+/' {SHIFTED}; write \"question_mark\""),
    ('help = "shift+!"\n', f"help: 'shift+!' {SHIFTED}; write \"exclamation_mark\" instead"),
    ('help = "shift+٣"\n', f"help: 'shift+٣' {SHIFTED}; write the character it types"),
    # copied from the help screen, which shows keys as Textual displays them: "^z" was "no
    # key", "shift+↓" told to write a character, and "⌫" was bound to a key no one has
    ('undo = "^z"\n', f"undo: '^z' {SHOWN} \"ctrl+z\"; write that instead"),
    ('detail-down = "shift+↓"\n', f"detail-down: 'shift+↓' {SHOWN} \"shift+down\""),
    ('undo = "ctrl+z,⌫"\n', f"undo: '⌫' {SHOWN} \"backspace\""),
    ('page-down = "pgdn"\n', f"page-down: 'pgdn' {SHOWN} \"pagedown\""),
])
def test_a_key_written_another_way_or_no_key_is_refused(config_home: Path, line: str,
                                                         said: str) -> None:
    """`help = "/"` passed the clash check (the search binding's key is spelled "slash"), and
    "/" opened the help while the help screen listed it for search too; a typo ("ctlr+a")
    was bound to a key no one can press, and agree had no key left. Both said nothing."""
    (config_home / "keys.toml").write_text(line)
    done = CliRunner().invoke(main, ["review", "--db", "x.db"])
    assert done.exit_code == 1 and "Traceback" not in done.output
    assert len(done.stderr.splitlines()) == 1 and said in done.stderr, done.stderr


# What a terminal sends for a key, and the name Textual's parser gives it
SENT_AND_REPORTED = [(character, None) for character in
                     string.ascii_letters + string.digits + string.punctuation + " şç٣ب"]
SENT_AND_REPORTED += [  # the kitty keyboard protocol, as Textual asks for it (text reported)
    ("\x1b[97;2;65u", "A"), ("\x1b[97;5u", "ctrl+a"), ("\x1b[97;6u", "ctrl+shift+a"),
    ("\x1b[47;5u", "ctrl+slash"), ("\x1b[46;3u", "alt+full_stop"), ("\x01", "ctrl+a"),
    # shift+1 and shift+/ are reported as what they type, so keys.toml is told to write that
    ("\x1b[49;2;33u", "exclamation_mark"), ("\x1b[47;2;63u", "question_mark"),
    # with another modifier, or on a key that types nothing, shift is reported
    ("\x1b[49;6u", "ctrl+shift+1"), ("\x1b[32;2;32u", "shift+space"), ("\x1b[9;2u", "shift+tab")]


@pytest.mark.parametrize("sent, reported", SENT_AND_REPORTED)
def test_keys_are_named_as_textual_reports_them(sent: str, reported: str | None) -> None:
    """keys.toml is checked against the names Textual's input parser gives keys, through
    public API (`Binding.make_bindings`, `key_to_character`); this fails loudly if a Textual
    release names a key otherwise, rather than a binding quietly never firing."""
    from textual._xterm_parser import XTermParser

    from crossfact.tui.keys import _character_key, key_problem

    [event] = list(XTermParser().feed(sent))
    assert event.key == (reported or _character_key(sent))
    assert key_problem(event.key) is None


def test_keys_as_the_help_screen_writes_them_are_taken(config_home: Path) -> None:
    from crossfact.tui.keys import REVIEW_BINDINGS, default_keys_path, is_key, load_keymap

    assert all(is_key(key) for b in REVIEW_BINDINGS for key in b.key.split(","))
    table = {"help": "h", "search": "?", "note": "ctrl+n,f2", "skip": "s,space,full_stop",
             "cursor-down": "j,down,ctrl+slash", "cursor-up": "k,up,ctrl+@",
             "first": "less_than_sign,comma,ctrl+shift+a", "last": "A,ctrl+ş"}
    default_keys_path().write_text("".join(f'{k} = "{v}"\n' for k, v in table.items()))
    assert load_keymap(default_keys_path()) == table


def test_the_reviewer_setting_names_the_decisions(config_home: Path, tmp_path: Path) -> None:
    """The app as `crossfact review` builds it from the settings: the decision is saved
    under the configured name, and the theme chosen in the palette is kept for next time,
    with the file's comments."""
    (config_home / "config.toml").write_text('# mine\nreviewer = "ann"\n')
    store = open_store(tmp_path / "r.db")
    story = store.add_story("synthetic", make_result(6), {})
    settings = load_settings()
    app = ReviewApp(store, reviewer=settings.reviewer_name, story="synthetic", session="s",
                    bidi=settings.bidi, theme=settings.theme, remember_theme=True)

    async def main_() -> None:
        async with app.run_test(size=(120, 34)) as pilot:
            await pilot.pause()
            await pilot.press("a")
            await choose_theme(pilot, "gruvbox")

    asyncio.run(main_())
    assert [e.reviewer for e in store.events(story)] == ["ann"]
    assert load_settings().theme == "gruvbox"
    assert (config_home / "config.toml").read_text().startswith("# mine\n")
    store.close()


async def choose_theme(pilot: Pilot, name: str) -> None:
    pilot.app.theme = name  # what the palette's theme picker sets
    for _ in range(5):
        await pilot.pause()


def test_the_filter_key_help_names_every_filter() -> None:
    """`f`'s help listed five filters; after the files changed it also offers carried over
    and second look, which the reviewer could not find in the help."""
    from crossfact.tui.keys import REVIEW_BINDINGS
    from crossfact.tui.paging import FILTER_LABELS

    help_text = next(b.tooltip for b in REVIEW_BINDINGS if b.id == "filter").lower()
    assert all(label in help_text for label in FILTER_LABELS.values()), help_text
