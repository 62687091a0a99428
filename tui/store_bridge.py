"""The store names the TUI uses, in one place (tests swap in tests/tui_fakes.py's FakeStore,
which follows the same API, for content the seed story lacks)."""

from __future__ import annotations

from store import Store, StoreError, open_store

__all__ = ["Store", "StoreError", "open_store"]
