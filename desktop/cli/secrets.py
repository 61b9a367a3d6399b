"""Where the command line gets a passphrase: a file, the environment, or a prompt."""

from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path

from desktop.errors import RapportError

PASSPHRASE_ENV = "RAPPORT_PASSPHRASE"
MIN_PASSPHRASE = 8


def passphrase_from(file: str | None, *, confirm: bool = False) -> str:
    """Return the passphrase from --passphrase-file, $RAPPORT_PASSPHRASE, or a prompt."""
    if file:
        try:
            lines = Path(file).read_text(encoding="utf-8").splitlines()
        except OSError as exc:
            raise RapportError(f"Cannot read the passphrase file {file}: {exc.strerror}.") from None
        if not lines or not lines[0]:
            raise RapportError(f"The passphrase file {file} is empty.")
        return lines[0]
    from_env = os.environ.get(PASSPHRASE_ENV)
    if from_env:
        return from_env
    if not sys.stdin.isatty():
        raise RapportError(
            "This vault needs a passphrase: pass --passphrase-file FILE or set RAPPORT_PASSPHRASE."
        )
    first = getpass.getpass("Passphrase: ")
    if confirm and getpass.getpass("Repeat passphrase: ") != first:
        raise RapportError("The two passphrases differ; nothing was created.")
    return first


def check_strength(passphrase: str) -> None:
    """Refuse passphrases too short to resist guessing."""
    if len(passphrase) < MIN_PASSPHRASE:
        raise RapportError(
            f"Choose a passphrase of at least {MIN_PASSPHRASE} characters "
            "(a few unrelated words work well)."
        )
