"""Quick capture, driven from the keyboard as a user would after an event."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from desktop.app import Services
from tests.ui.conftest import add_people
from ui.dialogs.quick_capture import QuickCaptureDialog
from ui.main_window import MainWindow


def _type_row(qtbot: QtBot, dialog: QuickCaptureDialog, values: list[str]) -> None:
    """Type one person: fields separated by Tab, Enter for the next person."""
    for i, value in enumerate(values):
        widget = dialog.focusWidget()
        assert isinstance(widget, QLineEdit)
        qtbot.keyClicks(widget, value)
        if i < len(values) - 1:
            qtbot.keyClick(widget, Qt.Key.Key_Tab)
    widget = dialog.focusWidget()
    assert widget is not None
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def test_enter_moves_to_the_next_person_and_ctrl_enter_saves(qtbot: QtBot) -> None:
    dialog = QuickCaptureDialog([], today=date(2026, 11, 20))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.event_name.setFocus()
    qtbot.keyClicks(dialog.event_name, "Leeds Digital Breakfast")
    dialog.rows[0].name.setFocus()
    _type_row(qtbot, dialog, ["Jo Bloggs", "Acme", "likes cycling", "a designer", "", "cycling"])
    assert len(dialog.rows) == 2
    assert dialog.focusWidget() is dialog.rows[1].name
    _type_row(qtbot, dialog, ["Kim Lee"])
    people = dialog.people()
    assert [p.name for p in people] == ["Jo Bloggs", "Kim Lee"]
    assert people[0].org == "Acme" and people[0].asks == ("a designer",)
    assert people[0].tags == ("cycling",)
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        qtbot.keyClick(dialog.rows[1].name, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def test_enter_on_an_empty_row_adds_nobody(qtbot: QtBot) -> None:
    dialog = QuickCaptureDialog([])
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.rows[0].name.setFocus()
    qtbot.keyClick(dialog.rows[0].name, Qt.Key.Key_Return)
    assert len(dialog.rows) == 1


def test_save_needs_an_event_name_and_a_person(qtbot: QtBot) -> None:
    dialog = QuickCaptureDialog([])
    qtbot.addWidget(dialog)
    dialog.save()
    assert "Name the event" in dialog.error.text()
    dialog.event_name.setText("Drinks")
    dialog.save()
    assert "at least one person" in dialog.error.text()
    assert dialog.result() == 0


def test_picking_an_existing_contact_links_the_row(qtbot: QtBot, services: Services) -> None:
    ids = add_people(services)
    dialog = QuickCaptureDialog(services.contacts.name_index())
    qtbot.addWidget(dialog)
    row = dialog.rows[0]
    completer = row.name.completer()
    assert completer is not None
    completer.activated.emit("Maya Patel — Pixel Co")
    assert row.contact_id == ids["Maya"]
    assert row.name.text() == "Maya Patel"
    assert row.edits[1].text() == "Pixel Co"
    # Typing over the name again means a different person.
    qtbot.keyClicks(row.name, "x")
    assert row.contact_id is None


def test_capture_from_the_window_saves_event_people_and_notes(
    qtbot: QtBot, window: MainWindow, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = add_people(services)
    window.attach(services)

    def fill_and_accept(dialog: QuickCaptureDialog) -> int:
        dialog.event_name.setText("Founders Drinks")
        dialog.place.setText("The Tetley")
        dialog.rows[0].contact_id = ids["Tom"]
        for edit, value in zip(
            dialog.rows[0].edits, ["Tom Reed", "", "wants intros", "", "mentoring", ""], strict=True
        ):
            edit.setText(value)
        row = dialog.add_row()
        for edit, value in zip(
            row.edits,
            ["New Person", "Newco", "met at the bar", "an office", "", "founder"],
            strict=True,
        ):
            edit.setText(value)
        return 1

    monkeypatch.setattr(QuickCaptureDialog, "exec", fill_and_accept)
    window.quick_capture()
    events = services.events.list_events()
    assert [e.name for e in events] == ["Founders Drinks"]
    assert set(events[0].attendees) == {"Tom Reed", "New Person"}
    new = services.contacts.find("New Person")
    assert new.org == "Newco" and new.asks == ("an office",) and new.tags == ("founder",)
    assert services.contacts.get(ids["Tom"]).offers == ("animation and illustration", "mentoring")
    timeline = services.interactions.timeline(new.id)
    assert timeline[0].note == "met at the bar" and timeline[0].event == "Founders Drinks"
