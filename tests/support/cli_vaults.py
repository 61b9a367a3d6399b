"""Helpers for command-line tests: one-line errors, file digests, looking inside a vault."""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from desktop.app import Services, build_services
from storage.vault import Vault
from tests.support.cli_runner import Outcome

PASSPHRASE = "correct horse battery"


def assert_one_line_error(outcome: Outcome, *fragments: str, code: int = 1) -> None:
    """Assert a failure printed one `rapport:` line, no traceback, and nothing on stdout."""
    assert outcome.code == code, (outcome.code, outcome.err)
    assert "Traceback" not in outcome.err
    assert outcome.out == ""
    assert outcome.err.endswith("\n")
    lines = outcome.err.splitlines()
    assert len(lines) == 1, outcome.err
    assert lines[0].startswith("rapport"), lines[0]
    if code == 1:
        assert lines[0].startswith("rapport: "), lines[0]
    for fragment in fragments:
        assert fragment in lines[0], (fragment, lines[0])


def digests(vault: Path) -> dict[str, str]:
    """Return the hash of every file in the vault's folder."""
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(vault.parent.iterdir())
        if p.is_file()
    }


@dataclass(frozen=True)
class Template:
    """A seeded keyring vault, built once per module and copied for each test."""

    folder: Path
    vault_id: str
    key: str
    ids: dict[str, int]


@contextlib.contextmanager
def inside(path: Path, passphrase: str | None = None) -> Iterator[Services]:
    """Open a vault the CLI made, to look inside; closed before the next command runs."""
    with Vault.open(path, passphrase=passphrase) as vault:
        yield build_services(vault)
