"""Where vaults live by default; light enough to import before anything else."""

from __future__ import annotations

import os
from pathlib import Path

VAULT_ENV = "RAPPORT_VAULT"
VAULT_FILE = "rapport.db"


def default_vault_path() -> Path:
    """Return the vault path: $RAPPORT_VAULT, else the platform's user data folder."""
    override = os.environ.get(VAULT_ENV)
    if override:
        return Path(override).expanduser()
    from platformdirs import user_data_path

    return user_data_path("Rapport", appauthor=False) / VAULT_FILE


def sample_vault_path() -> Path:
    """Return where the generated sample network lives, apart from the real vault."""
    from platformdirs import user_data_path

    return user_data_path("Rapport", appauthor=False) / "sample" / VAULT_FILE
