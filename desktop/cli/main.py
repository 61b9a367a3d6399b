"""Run `rapport`: no command opens the desktop app; a command runs without a display."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from sqlalchemy.exc import DatabaseError, DataError, IntegrityError, ProgrammingError

from desktop.cli.context import CliContext
from desktop.cli.parser import build_parser
from desktop.errors import RapportError
from storage.keys import KeyringUnavailableError
from storage.lock import VaultLockedError
from storage.vault import VaultError


def run(argv: Sequence[str] | None = None) -> int:
    """Parse the arguments and run one command; return the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        from desktop.gui import launch

        return launch(args.vault)
    ctx = CliContext(args)
    try:
        return int(args.handler(args, ctx))
    except (RapportError, VaultError, VaultLockedError, KeyringUnavailableError) as exc:
        print(f"rapport: {exc}", file=sys.stderr)
        return 1
    except DatabaseError as exc:
        if isinstance(exc, IntegrityError | ProgrammingError | DataError):
            raise  # a bug in Rapport, not a problem with the vault file
        reason = " ".join(str(exc.orig).split())
        print(
            f"rapport: The vault could not be read ({reason}); if it is damaged, "
            "restore it from a backup.",
            file=sys.stderr,
        )
        return 1
    except OSError as exc:
        where = f" ({exc.filename})" if exc.filename else ""
        print(f"rapport: {exc.strerror or exc}{where}.", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("rapport: interrupted; nothing more was written.", file=sys.stderr)
        return 130
    finally:
        ctx.close()
