"""What a command needs from its invocation: the vault path, the passphrase, services."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from desktop.app import Services, build_services
from desktop.cli.secrets import PASSPHRASE_ENV, passphrase_from
from desktop.paths import default_vault_path
from storage.vault import Vault, VaultError


class CliContext:
    """Opens the vault on first use and closes it when the command ends."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.vault_path = Path(args.vault).expanduser() if args.vault else default_vault_path()
        self._services: Services | None = None

    @property
    def json(self) -> bool:
        """Say whether the user asked for JSON output."""
        return bool(getattr(self.args, "json", False))

    def passphrase(self, *, confirm: bool = False) -> str:
        """Return the passphrase from the file, the environment, or a prompt."""
        return passphrase_from(self.args.passphrase_file, confirm=confirm)

    def passphrase_given(self) -> bool:
        """Say whether a passphrase was supplied without prompting."""
        return bool(self.args.passphrase_file or os.environ.get(PASSPHRASE_ENV))

    @property
    def services(self) -> Services:
        """Return the services of the unlocked vault, opening it on first use."""
        if self._services is None:
            if not self.vault_path.is_file():
                raise VaultError(
                    f"There is no vault at {self.vault_path}; create one with `rapport init`."
                )
            passphrase = None
            if Vault.key_source(self.vault_path) == "passphrase":
                passphrase = self.passphrase()
            self._services = build_services(Vault.open(self.vault_path, passphrase=passphrase))
        return self._services

    def close(self) -> None:
        """Close the vault if it was opened."""
        if self._services is not None:
            self._services.vault.close()
            self._services = None
