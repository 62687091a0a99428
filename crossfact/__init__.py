"""crossfact: match claims across translations of one story and review where they disagree.

The core package: models, reading, language ID, segmentation, fingerprints, matching and
suggestions. It imports neither Textual nor sqlite (import-linter holds it to that:
the contracts in pyproject.toml), and nothing heavy at import time so the CLI starts fast.
"""

__version__ = "0.1.0"
