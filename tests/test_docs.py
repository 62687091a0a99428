"""The documentation lives in the repo: every file it names is in a clone, and nothing points
at one machine's folders or at notes outside the repo."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TEXT = ("*.py", "*.md", "*.toml", "*.tcss")
FOLDERS = ("crossfact", "store", "tui", "tests", "benchmarks", "docs", "fixtures", ".ci")
NAMED_FILE = re.compile(
    r"(?<![\w/.])((?:crossfact|store|tui|tests|benchmarks|docs|fixtures)/[\w./-]*\w\.(?:py|md|toml|tcss))")
WRITTEN = ("benchmarks/out/",)  # what the benchmarks write (git-ignored), not documentation
ELSEWHERE = re.compile(r"/work/|/home/|/tmp/notes|shared/docs|\bpractices\.md")


def texts() -> list[Path]:
    found = [ROOT / "README.md", ROOT / "pyproject.toml", ROOT / ".ci" / "run"]
    for folder in FOLDERS:
        for pattern in TEXT:
            found += [p for p in (ROOT / folder).rglob(pattern)
                      if "snapshots" not in p.parts and "__pycache__" not in p.parts]
    return sorted(set(found))


def test_every_file_the_docs_and_comments_name_exists() -> None:
    missing = [f"{path.relative_to(ROOT)}: {name}"
               for path in texts() for name in NAMED_FILE.findall(path.read_text("utf-8"))
               if not (ROOT / name).exists() and not name.startswith(WRITTEN)]
    assert not missing, "\n".join(missing)


def test_nothing_points_outside_the_repo() -> None:
    outside = [f"{path.relative_to(ROOT)}: {m.group()}" for path in texts()
               if path.name != "test_docs.py"
               for m in ELSEWHERE.finditer(path.read_text("utf-8"))]
    assert not outside, "\n".join(outside)


def test_ci_runs_exactly_the_readmes_test_command() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    (command,) = [line for line in readme.splitlines() if "pip install -e '.[test]'" in line]
    assert command in (ROOT / ".ci" / "run").read_text("utf-8").splitlines()
