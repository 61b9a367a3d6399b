"""The `rapport` command line: every command works without a display."""
