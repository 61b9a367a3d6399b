"""The merge dialog: likely duplicates listed, one Merge button per pair."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from desktop.app import Services
from desktop.errors import NotFoundError
from desktop.records import ContactInput
from ui.dialogs.merge_dialog import MergeDialog
from ui.operations import Operations


@pytest.fixture
def operations() -> Iterator[Operations]:
    ops = Operations()
    yield ops
    ops.wait()


def test_merge_a_pair_keeping_the_chosen_contact(
    qtbot: QtBot, services: Services, operations: Operations, qtmodeltester: ModelTester
) -> None:
    first = services.contacts.add(ContactInput(name="Kim Lee", emails=("kim@lee.example",)))
    second = services.contacts.add(
        ContactInput(name="Kimberly Lee", emails=("KIM@lee.example",), title="Producer")
    )
    services.contacts.add(ContactInput(name="Ana Silva"))
    dialog = MergeDialog(services.merge, operations)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.pairs.rowCount() == 1, timeout=5000)
    qtmodeltester.check(dialog.pairs)
    assert dialog.pairs.index(0, 2).data() == "same email"
    assert dialog.status.text() == "1 pairs look like the same person."
    dialog.keep_boxes[0].setCurrentIndex(1)  # keep Kimberly
    with qtbot.waitSignal(operations.changed, timeout=5000):
        qtbot.mouseClick(dialog.merge_buttons[0], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.pairs.rowCount() == 0, timeout=5000)
    assert "No duplicates found" in dialog.status.text()
    with pytest.raises(NotFoundError):
        services.contacts.get(first.id)
    assert services.contacts.get(second.id).title == "Producer"
    assert services.contacts.count() == 2
