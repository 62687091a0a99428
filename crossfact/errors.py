"""Errors that reach the user as one clear line on stderr and a non-zero exit."""


class CrossfactError(Exception):
    """A problem with the user's input or environment, worded for the user."""


class InputError(CrossfactError):
    """A file that cannot be read as a story version (binary, empty, undecodable, missing)."""
