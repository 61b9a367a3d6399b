"""The `rapport` vault commands (init, check, passphrases, locks), run in-process on real vaults.

Every failure must be one actionable line on stderr, a non-zero status, no traceback,
and no change at all to the vault's files.
"""

from __future__ import annotations

import io
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail

from storage import migrate
from storage.keys import KEYRING_SERVICE
from storage.vault import Vault
from tests.conftest import FAST_KDF
from tests.support.cli_runner import Cli
from tests.support.cli_vaults import PASSPHRASE, assert_one_line_error, digests, inside
from tests.support.memory_keyring import MemoryKeyring

# -- vault commands ---------------------------------------------------------------------


def test_init_creates_a_keyring_vault(cli: Cli, memory_keyring: MemoryKeyring) -> None:
    outcome = cli.ok("init")
    assert "Created a vault at" in outcome.out
    assert "system keyring" in outcome.out
    assert cli.vault.is_file()
    assert Vault.key_source(cli.vault) == "keyring"
    assert [service for service, _ in memory_keyring.secrets] == [KEYRING_SERVICE]
    with Vault.open(cli.vault) as vault:
        assert vault.schema_revision() == migrate.HEAD_REVISION


def test_init_uses_rapport_vault_when_no_path_is_given(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "from-env" / "rapport.db"
    monkeypatch.setenv("RAPPORT_VAULT", str(target))
    outcome = cli("init", vault=False)
    assert outcome.code == 0
    assert target.is_file()
    assert not cli.vault.exists()


def test_init_twice_refuses_and_changes_nothing(cli: Cli, memory_keyring: MemoryKeyring) -> None:
    cli.ok("init")
    before = digests(cli.vault)
    keys = dict(memory_keyring.secrets)
    assert_one_line_error(cli("init"), "already exists", "nothing was changed")
    assert_one_line_error(cli("init", "--passphrase"), "already exists")
    assert digests(cli.vault) == before
    assert memory_keyring.secrets == keys


def test_init_passphrase_then_use_it_from_the_environment(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RAPPORT_PASSPHRASE", PASSPHRASE)
    outcome = cli.ok("init", "--passphrase")
    assert "passphrase-protected vault" in outcome.out
    assert Vault.key_source(cli.vault) == "passphrase"
    descriptor = cli.vault.with_name("rapport.db.vault").read_text()
    assert PASSPHRASE not in descriptor
    cli.ok("contact", "add", "Ann Smith")
    assert [c["name"] for c in cli.ok("contact", "list", "--json").json()] == ["Ann Smith"]


def test_init_refuses_a_short_passphrase(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RAPPORT_PASSPHRASE", "seven77")
    assert_one_line_error(cli("init", "--passphrase"), "at least 8 characters")
    assert not cli.vault.parent.exists()


def test_init_with_a_passphrase_file(cli: Cli, tmp_path: Path) -> None:
    secret = tmp_path / "passphrase.txt"
    secret.write_text(PASSPHRASE + "\nsecond line is ignored\n", encoding="utf-8")
    cli.ok("--passphrase-file", str(secret), "init", "--passphrase")
    cli.ok("--passphrase-file", str(secret), "contact", "add", "Ann Smith")
    shown = cli.ok("--passphrase-file", str(secret), "contact", "show", "Ann", "--json").json()
    assert shown["name"] == "Ann Smith"
    with inside(cli.vault, PASSPHRASE) as services:
        assert services.contacts.count() == 1


@pytest.mark.parametrize("content", ["", "\n", "\nafter a blank first line\n"])
def test_an_empty_passphrase_file_is_a_clear_error(cli: Cli, tmp_path: Path, content: str) -> None:
    secret = tmp_path / "passphrase.txt"
    secret.write_text(content, encoding="utf-8")
    outcome = cli("--passphrase-file", str(secret), "init", "--passphrase")
    assert_one_line_error(outcome, "passphrase file", "is empty")
    assert not cli.vault.exists()


def test_a_missing_passphrase_file_is_a_clear_error(cli: Cli, tmp_path: Path) -> None:
    missing = tmp_path / "nowhere" / "passphrase.txt"
    outcome = cli("--passphrase-file", str(missing), "init", "--passphrase")
    assert_one_line_error(outcome, "Cannot read the passphrase file", "No such file")
    assert not cli.vault.exists()


def test_a_short_passphrase_from_a_file_is_refused(cli: Cli, tmp_path: Path) -> None:
    secret = tmp_path / "passphrase.txt"
    secret.write_text("short\n", encoding="utf-8")
    outcome = cli("--passphrase-file", str(secret), "init", "--passphrase")
    assert_one_line_error(outcome, "at least 8 characters")
    assert not cli.vault.exists()


def use_no_secure_keyring() -> None:
    keyring.set_keyring(fail.Keyring())


def test_init_without_a_secure_keyring_asks_for_a_passphrase(cli: Cli) -> None:
    use_no_secure_keyring()
    assert_one_line_error(cli("init"), "No secure keyring", "rapport init --passphrase")
    assert not cli.vault.exists()


def test_init_without_a_secure_keyring_uses_a_given_passphrase(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    use_no_secure_keyring()
    monkeypatch.setenv("RAPPORT_PASSPHRASE", PASSPHRASE)
    outcome = cli("init")
    assert outcome.code == 0
    assert "No secure keyring is available" in outcome.err
    assert Vault.key_source(cli.vault) == "passphrase"


def test_init_where_a_folder_cannot_be_made_is_one_line(
    cli: Cli, tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    cli.vault = blocker / "rapport.db"
    assert_one_line_error(cli("init"), str(blocker))
    assert memory_keyring.secrets == {}


def test_wrong_passphrase_is_one_line_and_changes_no_byte(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Vault.create(cli.vault, passphrase=PASSPHRASE, kdf=FAST_KDF):
        pass
    monkeypatch.setenv("RAPPORT_PASSPHRASE", PASSPHRASE)
    cli.ok("contact", "add", "Ann Smith", "--email", "ann@acme.example")
    before = digests(cli.vault)
    monkeypatch.setenv("RAPPORT_PASSPHRASE", "not the passphrase")
    for args in (("contact", "list"), ("contact", "add", "Bob"), ("check",)):
        assert_one_line_error(cli(*args), "does not open this vault")
        assert digests(cli.vault) == before
    monkeypatch.setenv("RAPPORT_PASSPHRASE", PASSPHRASE)
    assert len(cli.ok("contact", "list", "--json").json()) == 1


def test_wrong_passphrase_from_a_file(cli: Cli, tmp_path: Path) -> None:
    with Vault.create(cli.vault, passphrase=PASSPHRASE, kdf=FAST_KDF):
        pass
    before = digests(cli.vault)
    secret = tmp_path / "wrong.txt"
    secret.write_text("not the passphrase\n")
    outcome = cli("--passphrase-file", str(secret), "contact", "list")
    assert_one_line_error(outcome, "does not open this vault")
    assert digests(cli.vault) == before


def test_passphrase_vault_without_a_passphrase_says_how_to_give_one(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Vault.create(cli.vault, passphrase=PASSPHRASE, kdf=FAST_KDF):
        pass
    monkeypatch.setattr("sys.stdin", io.StringIO(""))  # not a terminal: never prompt
    outcome = cli("contact", "list")
    assert_one_line_error(outcome, "--passphrase-file", "RAPPORT_PASSPHRASE")


def test_a_vault_open_elsewhere_gets_the_lock_message(seeded: dict[str, int], cli: Cli) -> None:
    before = cli.ok("contact", "list", "--json").json()
    with Vault.open(cli.vault):
        for args in (("contact", "list"), ("contact", "add", "Dan"), ("check",)):
            assert_one_line_error(cli(*args), "open in another Rapport", "try again")
    assert cli.ok("contact", "list", "--json").json() == before


MISSING_VAULT_COMMANDS = [
    ("contact", "list"),
    ("contact", "add", "Ann"),
    ("contact", "show", "Ann"),
    ("search", "ann"),
    ("event", "add", "Meetup", "--date", "2026-01-01"),
    ("event", "list"),
    ("log", "Ann", "--note", "hi"),
    ("relate", "Ann", "Bob"),
    ("favour", "give", "Ann", "coffee"),
    ("favour", "receive", "Ann", "coffee"),
    ("balance",),
    ("check",),
]


@pytest.mark.parametrize("args", MISSING_VAULT_COMMANDS, ids=" ".join)
def test_a_missing_vault_says_to_run_init(cli: Cli, args: tuple[str, ...]) -> None:
    assert_one_line_error(cli(*args), "There is no vault at", "rapport init")
    assert not cli.vault.parent.exists()


def test_check_reports_integrity_schema_and_counts(seeded: dict[str, int], cli: Cli) -> None:
    text = cli.ok("check").out
    assert "integrity: ok" in text
    assert f"schema:    {migrate.HEAD_REVISION}" in text
    assert "key:       keyring" in text
    report = cli.ok("check", "--json").json()
    assert report["integrity"] == "ok"
    assert report["key_source"] == "keyring"
    assert report["schema_revision"] == migrate.HEAD_REVISION
    assert report["path"] == str(cli.vault)
    assert report["counts"]["contacts"] == 3
    assert report["counts"]["tags"] == 1
    assert report["counts"]["favours"] == 0


def test_a_damaged_vault_is_one_line_not_a_traceback(seeded: dict[str, int], cli: Cli) -> None:
    data = bytearray(cli.vault.read_bytes())
    page = 4096
    assert len(data) > 4 * page
    for offset in range(2 * page + 100, 2 * page + 164):
        data[offset] ^= 0xFF
    cli.vault.write_bytes(bytes(data))
    assert_one_line_error(cli("check"), "could not be read", "restore it from a backup")
