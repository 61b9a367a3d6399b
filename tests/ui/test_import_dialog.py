"""The import dialog, driven as a user would: pick a file, check the preview, import."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from desktop.app import Services
from desktop.records import ContactInput
from tests.conftest import SHARED_FIXTURES
from ui.dialogs.import_dialog import ImportDialog
from ui.operations import Operations

LINKEDIN = SHARED_FIXTURES / "csv" / "linkedin_Connections.csv"
needs_csv = pytest.mark.skipif(not LINKEDIN.is_file(), reason=f"fixture absent: {LINKEDIN}")


@pytest.fixture
def operations() -> Iterator[Operations]:
    ops = Operations()
    yield ops
    ops.wait()  # no worker may outlive the vault the test closes


@pytest.fixture
def dialog(qtbot: QtBot, services: Services, operations: Operations) -> ImportDialog:
    shown = ImportDialog(services.imports, operations)
    qtbot.addWidget(shown)
    shown.show()
    return shown


def _previewed(qtbot: QtBot, dialog: ImportDialog, path: Path) -> None:
    dialog.load_file(path)
    qtbot.waitUntil(lambda: "contacts read" in dialog.summary.text(), timeout=5000)


@needs_csv
def test_preview_then_import_a_linkedin_export(
    qtbot: QtBot,
    dialog: ImportDialog,
    services: Services,
    operations: Operations,
    qtmodeltester: ModelTester,
) -> None:
    services.contacts.add(ContactInput(name="Tomás Ó Briain", emails=("tomas@example.org",)))
    _previewed(qtbot, dialog, LINKEDIN)
    assert dialog.format_box.currentData() == "linkedin"
    assert not dialog.columns_group.isVisible()
    assert dialog.summary.text().startswith("4 contacts read: 3 new, 1 already known")
    assert dialog.duplicates.rowCount() == 1
    row = dialog.duplicates.index(0, 2)
    assert dialog.duplicates.data(row, Qt.ItemDataRole.DisplayRole) == "same email"
    qtmodeltester.check(dialog.duplicates)
    qtmodeltester.check(dialog.issues)
    assert dialog.policy.currentData() == "merge"
    with qtbot.waitSignal(operations.changed, timeout=5000) as changed:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert changed.args == [frozenset({"contacts", "interactions"})]
    result = dialog.import_result
    assert result is not None and (result.imported, result.merged) == (3, 1)
    assert "Imported 3 new contacts, merged 1" in dialog.summary.text()
    assert dialog.progress_bar.value() == dialog.progress_bar.maximum()
    assert services.contacts.count() == 4
    assert not dialog.import_button.isEnabled()


def test_a_generic_csv_goes_through_the_column_mapping(
    qtbot: QtBot, dialog: ImportDialog, services: Services, tmp_path: Path
) -> None:
    sheet = tmp_path / "people.csv"
    sheet.write_text(
        "Who,Firm,Mail\nAda King,Engines Ltd,ada@engines.example\nBo Li,,bo@li.example\n",
        encoding="utf-8",
    )
    _previewed(qtbot, dialog, sheet)
    assert dialog.format_box.currentData() == "csv"
    assert dialog.columns_group.isVisible()
    assert dialog.columns.mapping() == {"email": "Mail"}  # the guess from the header
    name_box = dialog.columns.boxes["name"]
    name_box.setCurrentIndex(name_box.findData("Who"))
    org_box = dialog.columns.boxes["org"]
    org_box.setCurrentIndex(org_box.findData("Firm"))
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=5000)
    dialog.policy.setCurrentIndex(dialog.policy.findData("skip"))
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.import_result is not None, timeout=5000)
    ada = services.contacts.find("Ada King")
    assert (ada.org, ada.emails) == ("Engines Ltd", ("ada@engines.example",))
    assert services.contacts.count() == 2


def test_cards_that_cannot_be_imported_are_listed(
    qtbot: QtBot, dialog: ImportDialog, tmp_path: Path
) -> None:
    path = tmp_path / "cards.vcf"
    path.write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Kim Lee\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:3.0\r\nNOTE:no name at all\r\nEND:VCARD\r\n",
        encoding="utf-8",
    )
    _previewed(qtbot, dialog, path)
    assert dialog.format_box.currentData() == "vcard"
    assert dialog.issues.rowCount() == 1
    cells = [dialog.issues.index(0, c).data() for c in range(4)]
    assert cells[:2] == ["cards.vcf", "2"] and cells[3]


def test_the_format_can_be_overridden(qtbot: QtBot, dialog: ImportDialog, tmp_path: Path) -> None:
    path = tmp_path / "contacts.txt"
    path.write_text("First Name,Last Name,Company\nAna,Silva,Silva Books\n", encoding="utf-8")
    _previewed(qtbot, dialog, path)
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("vcard"))
    qtbot.waitUntil(lambda: "0 contacts read" in dialog.summary.text(), timeout=5000)
    assert dialog.issues.rowCount() == 1
    assert not dialog.import_button.isEnabled()


def test_a_missing_file_says_so(qtbot: QtBot, dialog: ImportDialog, tmp_path: Path) -> None:
    dialog.load_file(tmp_path / "gone.vcf")
    qtbot.waitUntil(lambda: "Nothing was imported" in dialog.summary.text(), timeout=5000)
    assert not dialog.import_button.isEnabled()


def test_the_dialog_stays_open_while_importing(dialog: ImportDialog) -> None:
    dialog.busy = True
    dialog.reject()
    assert dialog.isVisible()
    dialog.busy = False
    dialog.reject()
    assert not dialog.isVisible()
