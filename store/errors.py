"""The store's one error type: what went wrong with the database, in one line for the user."""

from __future__ import annotations

from crossfact.errors import CrossfactError


class StoreError(CrossfactError):
    """A database that cannot be opened or written, or an event that no longer applies."""
