"""Installed the way Python users install tools, crossfact is `crossfact` and it works.

The checkout is copied without its build leftovers (a stale `*.egg-info` would add files a
fresh clone does not ship), built into an sdist and a wheel from that sdist (`python -m
build`), and the wheel is installed into a fresh virtual environment outside the checkout,
its dependencies from the package index as a user gets them (pip's cache makes a second run
fast). Then `crossfact match` runs on the bundled story and `crossfact review` opens it in a
real terminal.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from terminal import tmux_pane, wait_for

ROOT = Path(__file__).resolve().parents[1]
LEFTOVERS = shutil.ignore_patterns(".git", ".venv", "*.egg-info", "build", "dist", "__pycache__",
                                   ".*_cache", ".hypothesis", "snapshot_report.html", "*.db*")

pytestmark = [pytest.mark.wheel, pytest.mark.xdist_group("wheel")]


def run(*args: str | Path, cwd: Path, env: dict[str, str] | None = None) -> str:
    done = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True,
                          text=True)
    assert done.returncode == 0, f"{args} failed:\n{done.stdout}\n{done.stderr}"
    return done.stdout


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    source = tmp_path_factory.mktemp("clone") / "crossfact"
    shutil.copytree(ROOT, source, symlinks=True, ignore=LEFTOVERS)
    dist = tmp_path_factory.mktemp("dist")
    run(sys.executable, "-m", "build", "--outdir", dist, source, cwd=source)
    (built,) = dist.glob("crossfact-*.whl")
    return built


@pytest.fixture(scope="module")
def user(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """A fresh virtual environment with the wheel installed, and a user's environment."""
    home = tmp_path_factory.mktemp("user")
    venv = home / "venv"
    # no pip inside: this pip installs into it (`--python`), which saves ensurepip's seconds
    run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=home)
    run(sys.executable, "-m", "pip", "--python", venv / "bin" / "python", "install",
        "--quiet", "--no-compile", wheel, cwd=home)
    env = {k: v for k, v in os.environ.items()
           if k not in {"PYTHONPATH", "VIRTUAL_ENV", "COLUMNS", "LINES"}}
    env |= {"HOME": str(home), "XDG_CONFIG_HOME": str(home / "config"),
            "XDG_DATA_HOME": str(home / "data"), "PATH": f"{venv / 'bin'}:{env['PATH']}"}
    return venv / "bin", env


def test_the_wheel_holds_crossfact_and_nothing_else(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        (entry_points,) = (n for n in names if n.endswith(".dist-info/entry_points.txt"))
        groups = archive.read(entry_points).decode()
    top = {n.split("/")[0] for n in names}
    assert {t for t in top if not t.endswith(".dist-info")} == {"crossfact"}
    assert "[pytest11]" not in groups, "the pytest plugin must be opt-in, not auto-loaded"
    assert "crossfact = crossfact.cli:main" in groups
    story = [n for n in names if n.startswith("crossfact/seed-story/")]
    assert sum(n.endswith(".txt") for n in story) == 5
    assert "crossfact/seed-story/story.toml" in story
    assert "crossfact/tui/app.tcss" in names


def test_installed_crossfact_matches_the_bundled_story(user: tuple[Path, dict[str, str]],
                                                       tmp_path: Path) -> None:
    bin_dir, env = user
    where = run(bin_dir / "python", "-c",
                "import crossfact, importlib.util as u\n"
                "from crossfact.tui.cli import seed_story_dir\n"
                "print(crossfact.__file__, seed_story_dir(), u.find_spec('store'), "
                "u.find_spec('tui'), sep='\\n')", cwd=tmp_path, env=env).splitlines()
    package, story, store_spec, tui_spec = where
    assert Path(package).is_relative_to(bin_dir.parent), "crossfact came from the checkout"
    assert Path(story).is_relative_to(bin_dir.parent)
    assert store_spec == tui_spec == "None", "the wheel installed top-level store or tui"

    installed = json.loads(run(bin_dir / "crossfact", "match", story, "--format", "json",
                               cwd=tmp_path, env=env))
    checkout = json.loads(run(sys.executable, "-m", "crossfact", "match",
                              ROOT / "fixtures" / "seed-story", "--format", "json", cwd=ROOT))
    assert sorted(d["lang"] for d in installed["documents"]) == ["ar", "bn", "fr", "he", "tr"]
    assert installed["claims"] == checkout["claims"]
    assert installed["matches"] == checkout["matches"]


@pytest.mark.terminal
@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
def test_installed_crossfact_reviews_the_bundled_story(user: tuple[Path, dict[str, str]],
                                                       tmp_path: Path) -> None:
    bin_dir, env = user
    db = tmp_path / "review.db"
    exports = " ".join(f"{k}={v}" for k, v in env.items() if k in {"HOME", "PATH"}
                       or k.startswith("XDG_"))
    command = f"env -u PYTHONPATH -u VIRTUAL_ENV {exports} crossfact review --db {db}"
    with tmux_pane(command, tmp_path) as pane:
        wait_for(lambda: re.search(r"Match 1 .*\n(.*\n)*.*Elon Musk", pane.capture()) is not None
                 and " 0/" in pane.capture(), "the bundled story's first screen")
        pane.send("q")
        wait_for(lambda: not pane.alive(), "crossfact review to quit on q")
    with sqlite3.connect(db) as connection:  # the file is a public interface: plain sqlite
        stories = connection.execute("select name from stories").fetchall()
    assert stories == [("seed-story",)]
