"""Key bindings with ids, and the user's remapping from keys.toml.

Every binding the reviewer can press has an id (e.g. "verdict-agree") so a config file can
remap it with `App.set_keymap`, as Posting does:

    # ~/.config/crossfact/keys.toml
    verdict-agree = "1"
    verdict-conflict = "2"
    undo = "ctrl+z,backspace,z"
"""

from __future__ import annotations

import tomllib
import unicodedata
from functools import cache
from pathlib import Path

from pydantic import RootModel, ValidationError, field_validator
from textual.binding import Binding
from textual.keys import (
    KEY_DISPLAY_ALIASES,
    KEY_NAME_REPLACEMENTS,
    Keys,
    format_key,
    key_to_character,
)

from crossfact.errors import CrossfactError
from crossfact.settings import config_dir
from crossfact.tui.paging import CARRY_FILTERS, FILTER_LABELS, FILTERS

# What `f` cycles through, from the filters themselves so the help never lags behind them.
_FILTER_HELP = (", ".join(FILTER_LABELS[f] for f in FILTERS if f not in CARRY_FILTERS)
                .capitalize()
                + "; after the files changed, also "
                + " and ".join(FILTER_LABELS[f] for f in FILTERS if f in CARRY_FILTERS)
                + f"; {FILTER_LABELS['second_look']} also after a fix changed a decided match")

# All keys live on the review screen, in the order the footer shows them.
REVIEW_BINDINGS: list[Binding] = [
    Binding("a", "decide('agree')", "Agree", id="verdict-agree",
            tooltip="Save 'agree' and go on to the next match to review"),
    Binding("c", "decide('conflict')", "Conflict", id="verdict-conflict",
            tooltip="Save 'conflict' (the suggested outliers) and go on"),
    Binding("u", "decide('unsourced')", "Unsourced", id="verdict-unsourced",
            tooltip="Save 'unsourced' and go on"),
    Binding("s,space", "skip", "Skip", id="skip", tooltip="Pass over this match for now"),
    Binding("n", "note", "Note", id="note",
            tooltip="Write the note of this match (Escape keeps the draft for it)"),
    Binding("ctrl+z,backspace", "undo", "Undo", id="undo",
            tooltip="Take back your latest decision (also after a restart); in the search "
                    "box and a note, ctrl+z takes back typing"),
    Binding("question_mark", "app.help", "Help", id="help", tooltip="All keys, on one screen"),
    # Quit before Filter and Search: at 80 columns the footer ends after it, and a newcomer
    # looks there for how to leave
    Binding("q", "app.quit", "Quit", id="quit",
            tooltip="Leave (ctrl+c too); every decision is already saved"),
    Binding("f", "cycle_filter", "Filter", id="filter",
            tooltip=_FILTER_HELP),
    Binding("slash", "search", "Search", id="search", tooltip="Full-text search in the claims"),
    Binding("j,down", "move(1)", "Down", id="cursor-down", show=False,
            tooltip="Next match in the list"),
    Binding("k,up", "move(-1)", "Up", id="cursor-up", show=False,
            tooltip="Previous match in the list"),
    Binding("pagedown", "page(1)", "Page down", id="page-down", show=False,
            tooltip="A page further down the list"),
    Binding("pageup", "page(-1)", "Page up", id="page-up", show=False,
            tooltip="A page further up the list"),
    Binding("home", "edge(0)", "First", id="first", show=False, tooltip="First match"),
    Binding("end", "edge(1)", "Last", id="last", show=False, tooltip="Last match"),
    Binding("escape", "clear_search", "Clear search", id="search-clear", show=False,
            tooltip="Drop the search"),
    Binding("e", "context", "Context", id="context", show=False,
            tooltip="Show or hide the sentences before and after each claim"),
    Binding("o", "outliers", "Outliers", id="outliers", show=False,
            tooltip="Choose the versions that differ, and save 'conflict'"),
    Binding("m", "move_claim", "Move claim", id="claim-move", show=False,
            tooltip="Move a claim of this match to another match"),
    Binding("x", "split_claim", "Split claim", id="claim-split", show=False,
            tooltip="Take a claim out of this match, to stand alone as unsourced"),
    Binding("y", "link('confirm')", "Confirm link", id="link-confirm", show=False,
            tooltip="Confirm a weakly linked claim"),
    Binding("b", "link('break')", "Break link", id="link-break", show=False,
            tooltip="Break a weak link: the claim leaves the match"),
    Binding("r", "toggle_bidi", "RTL display", id="toggle-bidi", show=False,
            tooltip="Reorder Arabic and Hebrew for display (off if the terminal does bidi)"),
    Binding("shift+down,right_square_bracket", "scroll_detail(1)", "Scroll detail",
            id="detail-down", show=False, tooltip="Scroll the selected match down"),
    Binding("shift+up,left_square_bracket", "scroll_detail(-1)", "Scroll detail up",
            id="detail-up", show=False, tooltip="Scroll the selected match up"),
]



def binding_ids() -> set[str]:
    return {b.id for b in REVIEW_BINDINGS if b.id}


def default_keys_path() -> Path:
    return config_dir() / "keys.toml"


MODIFIERS = frozenset({"ctrl", "shift", "alt", "meta", "super", "hyper"})


@cache
def _key_names() -> frozenset[str]:
    """The names Textual gives keys that are no character ("pagedown", "f1", "backspace"),
    those it gives some characters ("slash", "minus"), and its own keys whole ("ctrl+@")."""
    named = {key.value.rsplit("+", 1)[-1] for key in Keys} | {key.value for key in Keys}
    return frozenset(n for n in named | set(KEY_NAME_REPLACEMENTS.values())
                     if not n.startswith("<"))


@cache
def _character_key(character: str) -> str:
    """Textual's name for the key that types `character` ("/" is "slash", "a" is "a"), from
    `Binding.make_bindings`, the public way in to the naming Textual gives every binding's
    keys (its `_character_to_key` is private); `test_keys_are_named_as_textual_reports_them`
    fails if the two ever part."""
    if character == ",":  # make_bindings splits keys at commas; Textual reports "comma"
        return "comma"
    if character.isspace():  # make_bindings strips it to nothing; Textual names it
        return unicodedata.name(character, "space").lower().replace("-", "_").replace(" ", "_")
    return next(iter(Binding.make_bindings([Binding(character, "")]))).key


def key_name(key: str) -> str:
    """A key as Textual binds it: a lone character by its name ("/" is "slash", "?" is
    "question_mark"), as `App.set_keymap` normalises keys.toml, so that a clash between
    "/" and "slash" is seen."""
    key = key.strip()
    return _character_key(key) if len(key) == 1 else key


# What shift types with each unshifted character key of a US keyboard: a terminal reports
# the character typed ("exclamation_mark"), never "shift+1", so keys.toml is told to write
# that. Only an example: another layout's shift types other characters, which the message says.
_US_SHIFTED = dict(zip("`1234567890-=[]\\;',./", "~!@#$%^&*()_+{}|:\"<>?", strict=True))
# Textual's names of the characters it renames ("slash"), back to their Unicode names
_UNICODE_NAMES = {name: unicode for unicode, name in KEY_NAME_REPLACEMENTS.items()}


def _typed_character(name: str) -> str | None:
    """The printable character other than a letter or a space that the key `name` types
    ("slash" is "/"), or None (a letter, space, "tab", "f1", "down")."""
    character = key_to_character(_UNICODE_NAMES.get(name, name))
    if (character is None or len(character) != 1 or not character.isprintable()
            or character.isspace() or character.isalpha()):
        return None
    return character


def _shifted_problem(key: str, character: str) -> str:
    """Why shift with a character key never fires ("shift+1", "shift+slash"), and what to
    write instead: terminals report the character shift types, not the shift."""
    shifted = _US_SHIFTED.get(character)
    if shifted is not None:
        write = (f'"{_character_key(shifted)}" instead ({key} on a US keyboard; on yours, '
                 "the character it types)")
    elif character in _US_SHIFTED.values():  # "shift+!": the "!" alone
        write = f'"{_character_key(character)}" instead'
    else:  # "shift+٣": what shift types with it is the keyboard's
        write = 'the character it types on your keyboard instead (as "?" or "question_mark")'
    return (f"{key!r} would never fire: terminals report the character shift types, not "
            f"shift; write {write}")


@cache
def _shown_keys() -> dict[str, str]:
    """How the help screen (Textual's key display) shows keys that it does not show by
    their names, back to those names: "↓" is "down", "⌫" "backspace", "pgdn" "pagedown";
    not "-", which is the key that types it."""
    return {shown: name for name, shown in KEY_DISPLAY_ALIASES.items()
            if shown != name and not (len(shown) == 1 and _character_key(shown) == name)}


def _as_named(key: str) -> str:
    """`key` copied from the help screen ("^z", "shift+↓") as keys.toml names it ("ctrl+z",
    "shift+down"); any other key as it is."""
    *modifiers, last = key.split("+")
    if len(last) > 1 and last.startswith("^"):  # the help's "^z" is ctrl+z
        modifiers, last = [*modifiers, "ctrl"], last[1:]
    return "+".join([*modifiers, _shown_keys().get(last, last)])


WRITTEN_LIKE = ("keys are written like \"a\", \"?\", \"ctrl+z\", \"ctrl+slash\", "
                "\"pagedown\", \"f1\"")


def key_problem(key: str) -> str | None:
    """Why Textual can never report `key`, and what to write instead; None for a key it
    reports. "ctlr+a" or "ctrl+q+x+" would be bound and never pressed, and so would a key
    spelled otherwise than Textual names it: "ctrl+A" (it reports "ctrl+a", or
    "ctrl+shift+a" from a terminal that tells them apart), "shift+a" (it reports "A"),
    "latin_small_letter_a" (it reports "a"), "solidus" (it reports "slash"), "shift+1" (it
    reports "exclamation_mark" from a US keyboard), or as the help screen shows it ("^z",
    "shift+↓", "⌫"). Each left its binding without a key, and nothing said so."""
    key = key.strip()
    if (named := _as_named(key)) != key and key_problem(named) is None:
        return f"{key!r} is how the help screen shows \"{named}\"; write that instead"
    key = key_name(key)
    if key in _key_names():
        return None
    *modifiers, name = key.split("+")
    if not name or not MODIFIERS.issuperset(modifiers):
        return f"{key!r} is no key; {WRITTEN_LIKE}"
    if len(name) > 1 and name.lower() in _key_names():
        name = name.lower()  # "Tab" is "tab", "Escape" is "escape"
    elif len(name) > 1 and name not in _key_names():
        character = key_to_character(name)  # "question_mark" is "?"; "ctlr" is None
        # a control character ("alert", "null") is typed by no key of its own
        if (character is None or len(character) != 1
                or unicodedata.category(character) == "Cc"):
            return f"{key!r} is no key; {WRITTEN_LIKE}"
        name = _character_key(character)  # "latin_small_letter_a" is "a"
    elif len(name) == 1 and modifiers:
        name = _character_key(name)  # "ctrl+/" is "ctrl+slash"
    if modifiers == ["shift"] and (character := _typed_character(name)):
        return _shifted_problem(key, character)
    if modifiers and len(name) == 1 and name.isalpha():
        # with a modifier a letter is reported in lower case; shift alone types a capital
        modifiers, name = ([], name.upper()) if modifiers == ["shift"] else (modifiers,
                                                                              name.lower())
    instead = "+".join([*modifiers, name])
    if instead == key:
        return None
    return (f"{key!r} would never fire: no terminal key is reported so; write \"{instead}\" "
            "instead")


def is_key(key: str) -> bool:
    """Whether Textual can ever report `key` as it is written."""
    return key_problem(key) is None


class KeyMap(RootModel[dict[str, str]]):
    """The keys.toml table: binding id -> keys ("ctrl+z,backspace"), checked as a whole.

    A key given to two bindings is an error, not a silent winner: `verdict-conflict = "a"`
    used to turn `a` into conflict while the help still listed it as agree."""

    @field_validator("root")
    @classmethod
    def _known_and_distinct(cls, table: dict[str, str]) -> dict[str, str]:
        known = binding_ids()
        for binding_id, keys in table.items():
            if binding_id not in known:
                raise ValueError(f"unknown binding {binding_id!r}; known: "
                                 f"{', '.join(sorted(known))}")
            if not keys.strip():
                raise ValueError(f"{binding_id} must be a key string like \"ctrl+z\"")
            if wrong := [problem for key in keys.split(",") if (problem := key_problem(key))]:
                raise ValueError(f"{binding_id}: {wrong[0]}")
        owners: dict[str, list[str]] = {}
        for binding in REVIEW_BINDINGS:
            assert binding.id is not None
            for key in table.get(binding.id, binding.key).split(","):
                owners.setdefault(key_name(key), []).append(binding.id)
        clashes = [f"{format_key(key)!r} is {' and '.join(ids)}" for key, ids in owners.items()
                   if len(ids) > 1]
        if clashes:
            raise ValueError("a key can do one thing: " + "; ".join(clashes))
        return table


def load_keymap(path: Path | None) -> dict[str, str]:
    """Binding id -> keys from a TOML file (top level or a [keys] table); {} if absent."""
    if path is None or not path.exists():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))  # Notepad writes a BOM
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise CrossfactError(f"cannot read key config {path}: {error}") from None
    try:
        return KeyMap.model_validate(data.get("keys", data)).root
    except ValidationError as error:
        problem = error.errors()[0]
        message = problem["msg"].removeprefix("Value error, ")
        if problem["type"] == "string_type":
            message = f"{problem['loc'][-1]} must be a key string like \"ctrl+z\""
        raise CrossfactError(f"{path}: {message}") from None
