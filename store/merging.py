"""Merging reviewers' databases: another database's log imported into this one.

Events keep their ids, so merging the same database twice changes nothing. The other
file is opened read-only and streamed through the JSONL export, so merge and import are
one code path with one set of guarantees.
"""

from __future__ import annotations

from pathlib import Path

from .base import StoreBase
from .connection import open_database_readonly
from .importing import ImportReport, import_lines
from .jsonl import export_jsonl
from .provenance import Origin


def merge_database(store: StoreBase, other: str | Path,
                   trusted: frozenset[str] = frozenset()) -> ImportReport:
    """Add the other database's stories, runs and events that this one lacks, or nothing
    (the import's rules: importing.py)."""
    path = Path(other)
    if path.resolve() == store.path.resolve():
        return ImportReport()
    source = StoreBase(open_database_readonly(path), path)
    try:
        return import_lines(store, export_jsonl(source), str(path),
                            origin=Origin(store.db, "merge", path, trusted))
    finally:
        source.close()
