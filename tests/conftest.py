"""Tests load the `replay` fixture the way any project would: as an opt-in plugin."""

pytest_plugins = ["crossfact.store.pytest_plugin"]
