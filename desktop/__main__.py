"""Entry point of the `rapport` command."""

from __future__ import annotations

import sys
from collections.abc import Sequence

# Global options that may come with a bare `rapport`, which opens the app.
_APP_OPTIONS = ("--vault", "--passphrase-file")


def app_vault(argv: Sequence[str]) -> tuple[bool, str | None]:
    """Say whether these arguments just open the app, and with which vault.

    Answered without loading the command line, whose commands import the whole data
    layer: the window then appears before any of that is loaded.
    """
    vault: str | None = None
    rest = list(argv)
    while rest:
        token = rest.pop(0)
        name, equals, value = token.partition("=")
        if name not in _APP_OPTIONS:
            return False, None
        if not equals:
            if not rest:
                return False, None
            value = rest.pop(0)
        if name == "--vault":
            vault = value
    return True, vault


def main() -> None:
    """Open the desktop app, or run a command of the command line."""
    opens_app, vault = app_vault(sys.argv[1:])
    if opens_app:
        from desktop.gui import launch

        sys.exit(launch(vault))
    from desktop.cli.main import run

    sys.exit(run())


if __name__ == "__main__":
    main()
