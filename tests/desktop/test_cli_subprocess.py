"""`python -m desktop` as a real process: exit codes, one-line errors, no tracebacks.

Keyring vaults work across processes through a keyring backend kept in a JSON file
($RAPPORT_TEST_KEYRING_FILE); passphrase vaults take $RAPPORT_PASSPHRASE.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from storage.vault import Vault
from tests.conftest import FAST_KDF, REPO_ROOT

PASSPHRASE = "correct horse battery"
TIMEOUT = 60


@dataclass(frozen=True)
class Finished:
    """What one `rapport` process did."""

    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)


class Rapport:
    """Runs `python -m desktop --vault PATH ...` from the repository root."""

    def __init__(self, tmp_path: Path) -> None:
        self.vault = tmp_path / "vault" / "rapport.db"
        self.keyring_file = tmp_path / "keyring.json"
        env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("RAPPORT_", "PYTHON_KEYRING"))
        }
        env.update(
            PYTHONPATH=str(REPO_ROOT),
            PYTHON_KEYRING_BACKEND="tests.support.memory_keyring.FileKeyring",
            RAPPORT_TEST_KEYRING_FILE=str(self.keyring_file),
            RAPPORT_VAULT=str(tmp_path / "not-this-one" / "rapport.db"),
            QT_QPA_PLATFORM="offscreen",
        )
        self.env = env

    def __call__(self, *args: str, **env: str) -> Finished:
        done = subprocess.run(
            [sys.executable, "-m", "desktop", "--vault", str(self.vault), *args],
            cwd=REPO_ROOT,
            env={**self.env, **env},
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
            check=False,
        )
        return Finished(done.returncode, done.stdout, done.stderr)

    def ok(self, *args: str, **env: str) -> Finished:
        finished = self(*args, **env)
        assert finished.code == 0, finished.err
        assert "Traceback" not in finished.err
        return finished


def assert_one_line_error(finished: Finished, *fragments: str, code: int = 1) -> None:
    assert finished.code == code, (finished.code, finished.err)
    assert "Traceback" not in finished.err
    lines = finished.err.splitlines()
    assert len(lines) == 1, finished.err
    # Usage errors name the subcommand ("rapport contact add: ..."); all others
    # start with "rapport: ".
    assert lines[0].startswith("rapport: " if code == 1 else "rapport"), lines[0]
    for fragment in fragments:
        assert fragment in lines[0], (fragment, lines[0])


def digests(vault: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(vault.parent.iterdir())
        if p.is_file()
    }


@pytest.fixture
def rapport(tmp_path: Path) -> Rapport:
    return Rapport(tmp_path)


def test_keyring_vault_works_across_processes(rapport: Rapport) -> None:
    created = rapport.ok("init")
    assert "system keyring" in created.out
    assert rapport.keyring_file.is_file()
    rapport.ok("contact", "add", "Ann Smith", "--org", "Acme", "--email", "ann@acme.example")
    rapport.ok("contact", "add", "Ann Jones")
    rows = rapport.ok("contact", "list", "--json").json()
    assert [(r["name"], r["org"], r["emails"]) for r in rows] == [
        ("Ann Jones", None, []),
        ("Ann Smith", "Acme", ["ann@acme.example"]),
    ]
    assert all(isinstance(r["id"], int) for r in rows)

    before = digests(rapport.vault)
    assert_one_line_error(rapport("contact", "show", "Ann"), "matches 2 contacts", "Use the id")
    assert_one_line_error(
        rapport("contact", "add", "Dan", "--email", "dan@example.com", "--email", "dan@"),
        "not an email address",
    )
    assert_one_line_error(rapport("contact", "add", "Dan", "--cadence", "often"), code=2)
    assert digests(rapport.vault) == before


def test_missing_vault_says_to_run_init(rapport: Rapport) -> None:
    assert_one_line_error(rapport("contact", "list"), "There is no vault", "rapport init")
    assert not rapport.vault.parent.exists()


def test_passphrase_vault_and_a_wrong_passphrase(rapport: Rapport, tmp_path: Path) -> None:
    rapport.ok("init", "--passphrase", RAPPORT_PASSPHRASE=PASSPHRASE)
    assert not rapport.keyring_file.exists()
    secret = tmp_path / "passphrase.txt"
    secret.write_text(PASSPHRASE + "\n")
    rapport.ok("--passphrase-file", str(secret), "contact", "add", "Ann Smith")
    before = digests(rapport.vault)
    finished = rapport("contact", "list", RAPPORT_PASSPHRASE="not the passphrase")
    assert_one_line_error(finished, "That passphrase or key does not open this vault.")
    assert digests(rapport.vault) == before
    rows = rapport.ok("contact", "list", "--json", RAPPORT_PASSPHRASE=PASSPHRASE).json()
    assert [r["name"] for r in rows] == ["Ann Smith"]


def test_no_passphrase_and_no_terminal_says_how_to_give_one(rapport: Rapport) -> None:
    Vault.create(rapport.vault, passphrase=PASSPHRASE, kdf=FAST_KDF).close()
    assert_one_line_error(
        rapport("contact", "list"), "--passphrase-file FILE", "RAPPORT_PASSPHRASE"
    )


def test_a_second_process_gets_the_lock_message(rapport: Rapport) -> None:
    with Vault.create(rapport.vault, passphrase=PASSPHRASE, kdf=FAST_KDF):
        finished = rapport("contact", "add", "Ann", RAPPORT_PASSPHRASE=PASSPHRASE)
        assert_one_line_error(finished, "open in another Rapport window or command")
    assert rapport.ok("contact", "list", "--json", RAPPORT_PASSPHRASE=PASSPHRASE).json() == []
