"""The review TUI (Textual). Imported only when `crossfact review` runs, so the core CLI
commands never pay for Textual; nothing is imported here for the same reason."""
