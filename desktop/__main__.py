"""Entry point of the `rapport` command."""

from __future__ import annotations

import sys


def main() -> None:
    """Run the command line (or the desktop app when no command is given)."""
    from desktop.cli.main import run

    sys.exit(run())


if __name__ == "__main__":
    main()
