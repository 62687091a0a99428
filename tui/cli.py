"""`crossfact review`: open a story in the review app (the bundled seed story by default)."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

import click

from crossfact.cli_options import lang_option, segmented_option
from crossfact.errors import CrossfactError
from crossfact.store.cli import db_option, tell_renumbered

SEED_STORY = "seed-story"
# A key waits this long for another process's write (a long import) before it is refused
# with "not saved" (the store's commands wait 15 s); another reviewer's commit takes ms.
INTERACTIVE_BUSY_MS = 1000


def seed_story_dir() -> Path:
    """The bundled story: package data in a wheel, `fixtures/seed-story` in a checkout."""
    return Path(str(files("crossfact") / SEED_STORY))


def default_story_name(paths: tuple[Path, ...]) -> str:
    if len(paths) == 1 and paths[0].is_dir():
        return paths[0].resolve().name
    parents = {p.resolve().parent for p in paths}
    return parents.pop().name if len(parents) == 1 else paths[0].stem


def known_theme(theme: str | None) -> None:
    """A theme setting Textual has, else the one-line settings error (the README's promise),
    before the app opens."""
    from textual.theme import BUILTIN_THEMES

    from crossfact.settings import setting_origin

    if theme is not None and theme not in BUILTIN_THEMES:
        raise CrossfactError(f"setting 'theme' ({setting_origin('theme')}): no theme "
                             f"{theme!r}; one of {', '.join(sorted(BUILTIN_THEMES))}")


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))  # checked as `match` does
@db_option
@click.option("--reviewer", default=None,
              help="Your name in the log (default: the reviewer setting, else your account).")
@click.option("--story", "story_name", default=None,
              help="Story name (default: the files' folder name; 'seed-story' without PATH).")
@lang_option
@segmented_option
@click.option("--no-bidi", is_flag=True, default=None,
              help="Show Arabic and Hebrew as stored, for terminals that do bidi themselves "
                   "(the bidi setting: CROSSFACT_BIDI=0 or bidi = false in config.toml).")
def review(paths: tuple[Path, ...], db: Path | None, reviewer: str | None,
           story_name: str | None, langs: dict[str, str], segmented: bool,
           no_bidi: bool | None) -> None:
    """Review a story's matches in the terminal: a/c/u decide, every decision saved at once.

    Without PATH, opens the bundled seed story (five versions: tr, bn, ar, fr, he).
    Reopening a story resumes where you stopped; changed files are matched again.
    Press ? for the keys; remap them by id in keys.toml in the user config directory
    (e.g. ~/.config/crossfact/keys.toml: verdict-agree = "1"). Settings (reviewer, db,
    theme, bidi) live beside it in config.toml, or CROSSFACT_REVIEWER and so on.
    """
    from crossfact.pipeline import in_given_folders, read_story, story_langs
    from crossfact.reading import collect_paths
    from crossfact.settings import load_settings
    from crossfact.store import open_store
    from crossfact.store.paths import db_origin, not_a_database, resolve_db_path
    from crossfact.tui.keys import default_keys_path, load_keymap
    from crossfact.tui.story_urls import version_urls

    if not paths and story_name in (None, SEED_STORY):
        paths = (seed_story_dir(),)
        story_name = SEED_STORY
    # `--story NAME` without files opens NAME with its own stored documents, never the seed
    try:
        settings = load_settings(reviewer=reviewer, db=db, bidi=False if no_bidi else None)
        known_theme(settings.theme)
        # the core's rule: a folder stands for its versions (.txt .md .html .docx .pdf);
        # a pipe is read once
        files = collect_paths(paths, "a story's files are read again when it is reopened")
        langs = in_given_folders(paths, langs)
        if paths:  # what matching would refuse, refused before the app opens (milliseconds)
            read_story(paths, langs, detect=False)
        # the app is given the files, not their folders: the story files' languages go with
        # them, after the --lang ones (the first that names a file is the one used)
        langs = {**langs, **{path: code for path, code in story_langs(paths, files).items()
                             if path not in langs}}
        keymap = load_keymap(default_keys_path())
        urls = version_urls(p for p in paths if p.is_dir())
        # a story named without files needs a database that holds it: a mistyped --db is
        # not left behind as an empty one
        if not paths and (why := not_a_database(db_path := resolve_db_path(db))):
            raise CrossfactError(f"{db_path}: {why}{db_origin(db)}, so no story "
                                 f"named {story_name!r}; give its files to match it")
        store = open_store(db)  # `db`, not settings.db: a refusal says where it was set
        store.wait_for_writers(INTERACTIVE_BUSY_MS)
        if not paths and store.story_id(str(story_name)) is None:
            there = store.stories_there()
            tell_renumbered(store)  # no app to say it: said here, or never
            store.close()
            raise CrossfactError(f"{store.path}: no story named {story_name!r} ({there}); "
                                 "give its files to match it")
    except CrossfactError as error:
        raise click.ClickException(str(error)) from None
    from crossfact.tui.app import ReviewApp

    app = ReviewApp(
        store,
        reviewer=settings.reviewer_name,
        story=story_name or default_story_name(paths),
        paths=files,
        langs=langs,
        segmented=segmented,
        urls=urls,
        keymap=keymap,
        bidi=settings.bidi,
        theme=settings.theme,
        remember_theme=True,
    )
    try:
        app.run()
    except CrossfactError:  # no terminal: the app that would say it never started
        tell_renumbered(store)
        raise
    finally:
        store.close()
    if app.failure is not None:  # matching failed before any story could be shown
        raise click.ClickException(app.failure)
