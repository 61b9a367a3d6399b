"""The argument parser of `rapport`; each command names the handler that runs it."""

from __future__ import annotations

import argparse

from desktop.cli import (
    backup_commands,
    contact_commands,
    export_commands,
    followup_commands,
    import_commands,
    intro_commands,
    ledger_commands,
    merge_commands,
    timeline_commands,
    vault_commands,
)


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors end in a hint to ask for help."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"rapport: {message} (see `{self.prog} --help`)\n")


def build_parser() -> argparse.ArgumentParser:
    """Build the parser for every command."""
    parser = _Parser(
        prog="rapport",
        description="Rapport: your network, your favours, your follow-ups; encrypted, offline.",
    )
    parser.add_argument("--vault", metavar="PATH", help="vault file (default: $RAPPORT_VAULT)")
    parser.add_argument(
        "--passphrase-file", metavar="FILE", help="read the passphrase from FILE's first line"
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    vault_commands.register(commands)
    contact_commands.register(commands)
    timeline_commands.register(commands)
    ledger_commands.register(commands)
    followup_commands.register(commands)
    export_commands.register(commands)
    import_commands.register(commands)
    backup_commands.register(commands)
    merge_commands.register(commands)
    intro_commands.register(commands)
    return parser
