"""Screens: the review screen and the help screen."""
