"""Small modal dialogs: a one-line input and pickers for claims and versions."""
