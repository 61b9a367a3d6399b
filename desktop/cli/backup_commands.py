"""The `backup` and `restore` commands: encrypted copies of the vault that travel.

A backup is protected by a passphrase of its own so that it opens on another machine,
where this machine's keyring is not. That passphrase comes from
--backup-passphrase-file when given; otherwise from the same place as the vault's
(--passphrase-file, $RAPPORT_PASSPHRASE, or a prompt), so a passphrase vault's backups
share its passphrase unless told otherwise.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from desktop.cli.context import CliContext
from desktop.cli.secrets import check_strength, passphrase_from
from storage.backup import restore_backup
from storage.vault import Vault


def register(commands: Any) -> None:
    """Add the backup and restore commands to the parser."""
    backup = commands.add_parser("backup", help="write an encrypted, passphrase-protected backup")
    backup.add_argument(
        "out",
        metavar="OUT",
        help="a new file, or a folder: then the backup is named by the time and only "
        "the newest few are kept",
    )
    backup.add_argument(
        "--backup-passphrase-file",
        metavar="FILE",
        help="protect the backup with this passphrase (default: the vault's passphrase source)",
    )
    backup.add_argument("--keep", type=int, metavar="N", help="backups to keep in a folder")
    backup.set_defaults(handler=run_backup)

    restore = commands.add_parser(
        "restore", help="replace the vault with a backup (the replaced vault is kept aside)"
    )
    restore.add_argument("backup", metavar="IN")
    restore.add_argument(
        "--backup-passphrase-file",
        metavar="FILE",
        help="the backup's passphrase (default: the vault's passphrase source)",
    )
    restore.set_defaults(handler=run_restore)


def _backup_passphrase(args: argparse.Namespace, ctx: CliContext, *, confirm: bool) -> str:
    if args.backup_passphrase_file:
        return passphrase_from(args.backup_passphrase_file)
    return ctx.passphrase(confirm=confirm)


def run_backup(args: argparse.Namespace, ctx: CliContext) -> int:
    """Back up the vault to a file, or into a folder with rotation."""
    out = Path(args.out).expanduser()
    backups = ctx.services.backups  # open the vault first: no point asking otherwise
    passphrase = _backup_passphrase(args, ctx, confirm=True)
    check_strength(passphrase)
    if out.is_dir():
        if args.keep is not None:
            backups.set_keep(args.keep)
        written = backups.backup_now(out, passphrase)
        kept = f" (keeping the newest {backups.keep()})"
    else:
        written, kept = backups.backup_to(out, passphrase), ""
    print(f"Backed up the vault to {written}{kept}.")
    print("It opens only with the backup passphrase: keep that somewhere safe.")
    return 0


def run_restore(args: argparse.Namespace, ctx: CliContext) -> int:
    """Replace the vault with a backup, keeping the replaced one aside."""
    backup = Path(args.backup).expanduser()
    passphrase = _backup_passphrase(args, ctx, confirm=False)
    target = ctx.vault_path
    aside = restore_backup(backup, passphrase, target)
    how = (
        "its key is in this machine's keyring"
        if Vault.key_source(target) == "keyring"
        else "it opens with the backup's passphrase"
    )
    print(f"Restored {backup} into {target}; {how}.")
    if aside is None:
        print("There was no vault there before.")
    else:
        print(f"The replaced vault was kept at {aside}.")
    return 0
