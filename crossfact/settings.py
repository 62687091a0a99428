"""Settings in one place, for the command line and the review app alike.

Each setting is looked up, first found wins: the command line (`--reviewer`, `--db`,
`--no-bidi`), the environment (`CROSSFACT_REVIEWER`, `CROSSFACT_DB`, `CROSSFACT_THEME`,
`CROSSFACT_BIDI`), then `config.toml` in the user config directory, beside `keys.toml`
(`~/.config/crossfact/` on Linux):

    reviewer = "ann"
    db = "~/factcheck/team.db"
    theme = "gruvbox"
    bidi = false        # the terminal does bidi itself: show Arabic and Hebrew as stored

A value that is not valid is a one-line error naming where it came from. The app writes
back only what the reviewer chose in it (the theme), keeping the file's comments.
"""

from __future__ import annotations

import getpass
import os
import tomllib
from pathlib import Path
from typing import Any

from pydantic import ValidationError, field_validator
from pydantic_settings import (
    BaseSettings,
    InitSettingsSource,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
)

from crossfact.errors import CrossfactError

CONFIG_FILE = "config.toml"


def config_dir() -> Path:
    """The user config directory (platformdirs: $XDG_CONFIG_HOME/crossfact on Linux)."""
    import platformdirs

    return Path(platformdirs.user_config_dir("crossfact"))


def config_path() -> Path:
    return config_dir() / CONFIG_FILE


class Settings(BaseSettings):
    """What a reviewer sets once: who they are, where the database is, how it looks."""

    # an empty variable (`CROSSFACT_REVIEWER=` in a script) is an unset one
    model_config = SettingsConfigDict(env_prefix="CROSSFACT_", extra="forbid",
                                      validate_default=True, env_ignore_empty=True)

    reviewer: str | None = None
    """The name in the log; the system account when unset."""
    db: Path | None = None
    """The database; crossfact.db in the user data directory when unset."""
    theme: str | None = None
    """A Textual theme name (ctrl+p, "theme"); Textual's default when unset."""
    bidi: bool = True
    """Reorder Arabic and Hebrew for display; off for terminals that do bidi themselves."""

    @field_validator("reviewer", "theme")
    @classmethod
    def _not_blank(cls, value: str | None) -> str | None:
        if value is not None and not value.strip():
            raise ValueError("must not be empty")
        return value.strip() if value is not None else None

    @field_validator("db", mode="before")
    @classmethod
    def _unset_when_empty(cls, value: object) -> object:
        """An empty value (`CROSSFACT_DB=` in a script) is no setting, not the folder "."."""
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("db")
    @classmethod
    def _expand(cls, value: Path | None) -> Path | None:
        return value.expanduser() if value is not None and str(value) else None

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        """Command line, then environment, then the config file (read here, as pydantic's
        TOML source refuses the byte-order mark Windows Notepad writes)."""
        path = config_path()
        found = tomllib.loads(path.read_text(encoding="utf-8-sig")) if path.is_file() else {}
        return (init_settings, env_settings, InitSettingsSource(settings_cls, found))

    @property
    def reviewer_name(self) -> str:
        """The reviewer setting, else the login name, else a plain word when the system has
        none for this uid (a container without a passwd entry): --reviewer names one then."""
        if self.reviewer:
            return self.reviewer
        try:
            return getpass.getuser()
        except (KeyError, OSError):
            return "reviewer"


def setting_variable(name: str) -> tuple[str, str]:
    """The environment variable that sets `name`, as written, and its value ("" unset):
    pydantic-settings reads CROSSFACT_DB and crossfact_db alike, so a message about the
    value must find either."""
    variable = f"CROSSFACT_{name.upper()}"
    for key, value in os.environ.items():
        if key.upper() == variable:
            return key, value
    return variable, ""


def setting_origin(name: str, given: bool = False) -> str:
    """Where the setting `name` came from, as a message about its value says it ("given
    with --reviewer", "from $CROSSFACT_REVIEWER", "from reviewer in .../config.toml"): the
    first place looked in that holds it (`given`: the command line did)."""
    if given:
        return f"given with --{name}"
    variable, value = setting_variable(name)  # "" is unset, as is a blank db (_unset_when_empty)
    if value.strip() or value and name != "db":
        return f"from ${variable}"
    return f"from {name} in {config_path()}"


def load_settings(**overrides: Any) -> Settings:
    """The settings, with the command line's `overrides` (None: not given) on top;
    CrossfactError, one line, for a bad value or an unreadable config file."""
    given = {key: value for key, value in overrides.items() if value is not None}
    try:
        return Settings(**given)
    except ValidationError as error:
        problem = error.errors()[0]
        where = ".".join(str(part) for part in problem["loc"]) or "settings"
        if problem["type"] == "extra_forbidden":  # a key only the config file can hold
            raise CrossfactError(f"{config_path()}: unknown setting {where!r} (the settings "
                                 f"are {', '.join(Settings.model_fields)})") from None
        # pydantic's own words for a path name its class: "Input is not a valid path for
        # <class 'pathlib.Path'>" for `db = 5`, "Input should be a valid boolean, unable to
        # interpret input" for `CROSSFACT_BIDI=maybe`; a validator's, "Value error, ..." first
        said = {"path_type": "should be a file name, in quotes",
                "bool_parsing": "should be true or false", "bool_type": "should be true or false"
                }.get(problem["type"], problem["msg"].removeprefix("Value error, "))
        raise CrossfactError(
            f"setting {where!r} ({setting_origin(where, where in given)}): {said}") from None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise CrossfactError(f"cannot read {config_path()}: {error}") from None


def save_setting(name: str, value: str | bool) -> Path:
    """Write one setting into the config file, keeping everything else in it as it was
    (tomlkit keeps comments and order); the file's path."""
    import tomlkit

    if name not in Settings.model_fields:
        raise CrossfactError(f"no setting {name!r}")
    path = config_path()
    try:
        document = (tomlkit.parse(path.read_text(encoding="utf-8-sig")) if path.exists()
                    else tomlkit.document())
        document[name] = value
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(tomlkit.dumps(document), encoding="utf-8")
    except (OSError, UnicodeDecodeError, tomlkit.exceptions.TOMLKitError) as error:
        raise CrossfactError(f"cannot save {name} in {path}: {error}") from None
    return path
