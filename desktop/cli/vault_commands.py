"""Commands about the vault itself: `init` and `check`."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from desktop.cli.context import CliContext
from desktop.cli.output import print_json, to_jsonable
from desktop.cli.secrets import check_strength
from desktop.errors import RapportError
from desktop.services.vault_check import check_vault
from storage.keys import keyring_is_secure
from storage.vault import Vault


def register(commands: Any) -> None:
    """Add the vault commands to the parser."""
    init = commands.add_parser("init", help="create a vault")
    init.add_argument(
        "--passphrase",
        action="store_true",
        help="protect the vault with a passphrase instead of a key in the system keyring",
    )
    init.set_defaults(handler=run_init)

    check = commands.add_parser("check", help="verify the vault: integrity, schema, counts")
    check.add_argument("--json", action="store_true", help="print JSON")
    check.set_defaults(handler=run_check)


def run_init(args: argparse.Namespace, ctx: CliContext) -> int:
    """Create a vault with a keyring key, or a passphrase."""
    path = ctx.vault_path
    if path.exists():
        raise RapportError(f"A vault already exists at {path}; nothing was changed.")
    use_passphrase = args.passphrase
    if not use_passphrase and not keyring_is_secure():
        if not ctx.passphrase_given():
            raise RapportError(
                "No secure keyring is available here; run `rapport init --passphrase` to "
                "protect the vault with a passphrase instead."
            )
        use_passphrase = True
        print(
            "No secure keyring is available; protecting the vault with the passphrase given.",
            file=sys.stderr,
        )
    if use_passphrase:
        passphrase = ctx.passphrase(confirm=True)
        check_strength(passphrase)
        Vault.create(path, passphrase=passphrase).close()
        print(f"Created a passphrase-protected vault at {path}.")
    else:
        Vault.create(path).close()
        print(f"Created a vault at {path}; its key is in the system keyring.")
    return 0


def run_check(args: argparse.Namespace, ctx: CliContext) -> int:
    """Verify the vault and print what it holds."""
    report = check_vault(ctx.services.vault)
    if ctx.json:
        print_json(to_jsonable(report))
    else:
        print(f"vault:     {report.path}")
        print(f"key:       {report.key_source}")
        print(f"schema:    {report.schema_revision}")
        print(f"integrity: {report.integrity}")
        for name, count in report.counts.items():
            print(f"{name + ':':<15}{count}")
    return 0 if report.integrity == "ok" else 1
