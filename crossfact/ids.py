"""Ids derived from content, so the same input always gives the same ids (docs/architecture.md).

A counter would renumber every claim after an edit to one file and break saved reviews; a
hash of what the thing *is* keeps ids stable across runs, machines and file moves.
"""

from __future__ import annotations

import hashlib

DIGEST_BYTES = 6  # 12 hex characters: short enough to read, ~2.8e14 values per prefix
_SEPARATOR = b"\x1f"  # unit separator: ("ab", "c") and ("a", "bc") must not collide


def stable_id(*parts: str, prefix: str) -> str:
    """A short blake2b hash of `parts` behind a readable prefix, e.g. ``d-3f1a9c0b2e4d``.

    `prefix` may be given with or without its dash ("d" or "d-").
    """
    digest = hashlib.blake2b(digest_size=DIGEST_BYTES, person=b"crossfact")
    for part in parts:
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(_SEPARATOR)
    return f"{prefix.rstrip('-')}-{digest.hexdigest()}"
