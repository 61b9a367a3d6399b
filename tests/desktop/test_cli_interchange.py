"""`rapport import/export/backup/restore/merge/duplicates`, run in-process on real vaults.

A failure is one line on stderr, exit status 1, and nothing written.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
import vobject

from tests.conftest import SHARED_FIXTURES
from tests.support.cli_runner import Cli, Outcome

PASSPHRASE = "correct horse battery"
LINKEDIN = SHARED_FIXTURES / "csv" / "linkedin_Connections.csv"
needs_csv = pytest.mark.skipif(not LINKEDIN.is_file(), reason=f"fixture absent: {LINKEDIN}")
BROKEN_VCF = (
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Kim Lee\r\nEMAIL:kim@lee.example\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:3.0\r\nNOTE:nobody\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:K. Lee\r\nEMAIL:KIM@lee.example\r\nEND:VCARD\r\n"
)


def one_line_error(outcome: Outcome, fragment: str, code: int = 1) -> None:
    assert outcome.code == code, outcome
    assert outcome.out == "" and "Traceback" not in outcome.err
    assert len(outcome.err.splitlines()) == 1, outcome.err
    assert outcome.err.startswith("rapport: ") and fragment in outcome.err, outcome.err


def digests(folder: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.iterdir())
        if p.is_file() and not p.name.endswith(".lock")
    }


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Cli:
    monkeypatch.setenv("RAPPORT_PASSPHRASE", PASSPHRASE)
    tool = Cli(capsys, tmp_path / "vault" / "rapport.db")
    tool.ok("init")
    return tool


# -- import --------------------------------------------------------------------------


@needs_csv
def test_import_prints_the_counts_as_json(cli: Cli) -> None:
    result = cli.ok("import", str(LINKEDIN), "--json").json()
    assert result == {"imported": 4, "merged": 0, "skipped": 0, "errors": []}
    again = cli.ok("import", str(LINKEDIN), "--on-duplicate", "skip", "--json").json()
    assert (again["imported"], again["skipped"]) == (0, 4)


def test_import_succeeds_when_some_cards_fail(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "people.vcf"
    path.write_text(BROKEN_VCF, encoding="utf-8")
    result = cli.ok("import", str(path), "--json").json()
    assert (result["imported"], result["merged"], result["skipped"]) == (1, 1, 0)
    [error] = result["errors"]
    assert (error["file"], error["card"]) == ("people.vcf", 2)
    assert "line" in error and error["message"]
    text = cli.ok("import", str(path), "--on-duplicate", "create")
    assert "Imported 2 new, merged 0, skipped 0 from people.vcf." in text.out
    assert "people.vcf, card 2" in text.out


def test_a_missing_file_is_one_line_and_writes_nothing(cli: Cli, tmp_path: Path) -> None:
    before = digests(cli.vault.parent)
    one_line_error(cli("import", str(tmp_path / "nope.vcf")), "Cannot read")
    assert digests(cli.vault.parent) == before


def test_an_unreadable_file_is_one_line_and_writes_nothing(cli: Cli, tmp_path: Path) -> None:
    junk = tmp_path / "junk.bin"
    junk.write_bytes(b"\x00\x01\x02 no contacts here")
    before = digests(cli.vault.parent)
    one_line_error(cli("import", str(junk)), "nothing was imported")
    assert digests(cli.vault.parent) == before
    one_line_error(cli("import", str(junk), "--format", "pdf"), "invalid choice", code=2)


# -- export --------------------------------------------------------------------------


def test_export_writes_vcard_csv_and_json(cli: Cli, tmp_path: Path) -> None:
    cli.ok("contact", "add", "Ana Silva", "--org", "Silva Books", "--email", "ana@silva.example")
    cli.ok("contact", "add", "Tom Reed", "--phone", "07700 900123", "--tag", "animation")
    out = cli.ok("export", "--format", "vcard", str(tmp_path / "c.vcf"), "--vcard-version", "3.0")
    assert "2 contacts as vCard 3.0" in out.out
    cards = list(vobject.readComponents((tmp_path / "c.vcf").read_text(encoding="utf-8")))
    assert [c.fn.value for c in cards] == ["Ana Silva", "Tom Reed"]
    assert cards[0].version.value == "3.0"
    cli.ok("export", "--format", "csv", str(tmp_path / "c.csv"))
    assert (tmp_path / "c.csv").read_bytes().startswith(b"\xef\xbb\xbfName,")
    cli.ok("export", "--format", "json", str(tmp_path / "all.json"))
    other = Cli(cli.capsys, tmp_path / "empty" / "rapport.db")
    other.ok("init")
    assert other.ok("import", str(tmp_path / "c.csv"), "--json").json()["imported"] == 2
    fresh = Cli(cli.capsys, tmp_path / "fresh" / "rapport.db")
    fresh.ok("init")
    fresh.ok("import", str(tmp_path / "all.json"))
    fresh.ok("export", "--format", "json", str(tmp_path / "again.json"))
    assert (tmp_path / "again.json").read_bytes() == (tmp_path / "all.json").read_bytes()
    one_line_error(other("import", str(tmp_path / "all.json")), "only into an empty vault")


def test_export_into_a_missing_folder_is_one_line(cli: Cli, tmp_path: Path) -> None:
    one_line_error(cli("export", "--format", "vcard", str(tmp_path / "no" / "c.vcf")), "folder")
    assert not (tmp_path / "no").exists()


# -- backup and restore --------------------------------------------------------------


def test_backup_and_restore_keep_the_replaced_vault(cli: Cli, tmp_path: Path) -> None:
    cli.ok("contact", "add", "Kept Person")
    out = cli.ok("backup", str(tmp_path / "copy.db"))
    assert "Backed up the vault to" in out.out
    cli.ok("contact", "add", "Later Person")
    restored = cli.ok("restore", str(tmp_path / "copy.db"))
    aside = restored.out.split("was kept at ")[1].strip().rstrip(".")
    assert Path(aside).is_file() and Path(aside + ".vault").is_file()
    names = [c["name"] for c in cli.ok("contact", "list", "--json").json()]
    assert names == ["Kept Person"]
    aside_names = Cli(cli.capsys, Path(aside)).ok("contact", "list", "--json").json()
    assert [c["name"] for c in aside_names] == ["Kept Person", "Later Person"]


def test_backup_into_a_folder_rotates(cli: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "auto"
    folder.mkdir()
    secret = tmp_path / "backup-passphrase"
    secret.write_text("a different passphrase\n", encoding="utf-8")
    for _ in range(3):
        cli.ok("backup", str(folder), "--keep", "2", "--backup-passphrase-file", str(secret))
    assert len(list(folder.glob("rapport-backup-*.db"))) == 2
    newest = sorted(folder.glob("rapport-backup-*.db"))[-1]
    before = digests(cli.vault.parent)
    one_line_error(cli("restore", str(newest)), "does not open this backup")
    assert digests(cli.vault.parent) == before
    cli.ok("restore", str(newest), "--backup-passphrase-file", str(secret))


def test_backup_refuses_to_overwrite_and_weak_passphrases(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    existing = tmp_path / "copy.db"
    existing.write_bytes(b"precious")
    one_line_error(cli("backup", str(existing)), "already exists")
    assert existing.read_bytes() == b"precious"
    monkeypatch.setenv("RAPPORT_PASSPHRASE", "short")
    one_line_error(cli("backup", str(tmp_path / "new.db")), "at least 8")
    assert not (tmp_path / "new.db").exists()


def test_restoring_a_missing_backup_is_one_line(cli: Cli, tmp_path: Path) -> None:
    before = digests(cli.vault.parent)
    one_line_error(cli("restore", str(tmp_path / "missing.db")), "There is no backup")
    assert digests(cli.vault.parent) == before


# -- duplicates and merge ------------------------------------------------------------


def test_duplicates_and_merge(cli: Cli) -> None:
    cli.ok("contact", "add", "Kim Lee", "--email", "kim@lee.example", "--note", "Met at a fair")
    cli.ok("contact", "add", "K. Lee", "--email", "KIM@lee.example", "--phone", "07700 900123")
    cli.ok("contact", "add", "Ana Silva")
    pairs = cli.ok("duplicates", "--json").json()
    assert pairs == [
        {
            "a": "Kim Lee",
            "a_id": 1,
            "a_org": None,
            "b": "K. Lee",
            "b_id": 2,
            "b_org": None,
            "why": "same email",
        }
    ]
    assert "Merged K. Lee into Kim Lee (id 1)." in cli.ok("merge", "Kim Lee", "2").out
    shown = cli.ok("contact", "show", "Kim Lee", "--json").json()
    assert shown["phones"] == ["07700 900123"]
    assert cli.ok("duplicates", "--json").json() == []
    assert "(none)" in cli.ok("duplicates").out


def test_merge_errors_are_one_line(cli: Cli) -> None:
    cli.ok("contact", "add", "Kim Lee")
    before = digests(cli.vault.parent)
    one_line_error(cli("merge", "Kim Lee", "Nobody Atall"), "No contact")
    one_line_error(cli("merge", "Kim Lee", "1"), "two different contacts")
    assert digests(cli.vault.parent) == before
