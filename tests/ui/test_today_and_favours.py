"""The Today page's one-click actions and the favour dialog, over a real vault."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from pytestqt.qtbot import QtBot

from desktop.app import Services
from tests.ui.conftest import add_people
from ui.dialogs.favour_editor import FavourDialog
from ui.main_window import MainWindow
from ui.pages.today import TodayPage


def _today_with_one_overdue(
    qtbot: QtBot, window: MainWindow, services: Services
) -> tuple[TodayPage, int]:
    ids = add_people(services)
    services.followups.add_manual(
        ids["Ana"], "Send the contract", datetime.now(UTC) - timedelta(days=2)
    )
    window.attach(services)
    window.show()
    window.go_to("today")  # pages load only while they are on screen
    page = window.today_page
    qtbot.waitUntil(lambda: page.overdue.model.rowCount() == 1, timeout=5000)
    page.overdue.table.selectRow(0)
    return page, ids["Ana"]


def test_done_removes_the_follow_up(qtbot: QtBot, window: MainWindow, services: Services) -> None:
    page, _ = _today_with_one_overdue(qtbot, window, services)
    page.done_button.click()
    qtbot.waitUntil(lambda: page.overdue.model.rowCount() == 0, timeout=5000)
    assert page.overdue.empty.isVisibleTo(page)


def test_log_and_done_adds_a_timeline_entry(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    page, ana = _today_with_one_overdue(qtbot, window, services)
    page.log_done_button.click()
    qtbot.waitUntil(lambda: page.overdue.model.rowCount() == 0, timeout=5000)
    assert len(services.interactions.timeline(ana)) == 1


def test_snooze_a_week_moves_it_out_of_overdue(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    page, _ = _today_with_one_overdue(qtbot, window, services)
    page._snooze("1w")
    qtbot.waitUntil(lambda: page.overdue.model.rowCount() == 0, timeout=5000)
    qtbot.waitUntil(lambda: page.week.model.rowCount() == 1, timeout=5000)
    record = page.week.model.record(0)
    assert record is not None and record.status == "snoozed"


def test_dismiss_removes_it(qtbot: QtBot, window: MainWindow, services: Services) -> None:
    page, _ = _today_with_one_overdue(qtbot, window, services)
    page.dismiss_button.click()
    qtbot.waitUntil(lambda: page.overdue.model.rowCount() == 0, timeout=5000)
    assert page.week.model.rowCount() == 0


def test_due_count_shows_in_the_navigation(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    _today_with_one_overdue(qtbot, window, services)
    qtbot.waitUntil(lambda: window.navigation.item(0).text() == "Today (1)", timeout=5000)


def test_favour_dialog_values_and_validation(qtbot: QtBot) -> None:
    dialog = FavourDialog("Tom Reed", direction="received")
    qtbot.addWidget(dialog)
    dialog._accept_if_valid()
    assert "Describe the favour" in dialog.error.text()
    dialog.description.setText("Reviewed my deck")
    dialog.size_box.setCurrentIndex(2)
    dialog.promised.setChecked(True)
    values = dialog.values()
    assert values["direction"] == "received"
    assert values["size"] == "large"
    assert values["promised"] is True
    assert isinstance(values["due_on"], date)


def test_recording_a_favour_from_the_contact_page(
    qtbot: QtBot, window: MainWindow, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = add_people(services)
    window.attach(services)

    def fill(dialog: FavourDialog) -> int:
        dialog.description.setText("Introduced her to a printer")
        dialog.size_box.setCurrentIndex(1)
        return 1

    monkeypatch.setattr(FavourDialog, "exec", fill)
    window.contacts_page.record_favour(ids["Maya"])
    qtbot.waitUntil(lambda: services.favours.balance(ids["Maya"]).given == 2, timeout=5000)
    window.show()
    window.go_to("favours")
    qtbot.waitUntil(lambda: window.favours_page.favours.rowCount() == 1, timeout=5000)
