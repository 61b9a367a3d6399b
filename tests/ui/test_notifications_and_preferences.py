"""Notifications of newly due follow-ups, calendar export, and preferences."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from icalendar import Calendar
from pytestqt.qtbot import QtBot

from desktop.app import Services
from tests.ui.conftest import add_people
from ui.dialogs.preferences_dialog import PreferencesDialog
from ui.main_window import MainWindow
from ui.notifications import due_message


def test_due_message_reads_naturally() -> None:
    assert due_message(["Maya Patel"]) == "Time to follow up with Maya Patel."
    assert due_message(["A", "B"]) == "2 follow-ups are due: A, B."
    assert due_message(list("ABCDE")) == "5 follow-ups are due: A, B, C and 2 more."


def test_newly_due_follow_up_shows_a_banner_without_a_tray(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    ids = add_people(services)
    window.attach(services)
    notifier = window.notifier
    assert notifier.tray is None  # offscreen has no system tray
    # The first look only learns what was already due (the Today page shows that).
    notifier.check()
    qtbot.waitUntil(lambda: notifier._seeded, timeout=5000)
    assert not window.banner.isVisible()
    services.followups.add_manual(
        ids["Maya"], "Send the deck", datetime.now(UTC) - timedelta(minutes=1)
    )
    with qtbot.waitSignal(notifier.banner, timeout=5000) as blocker:
        notifier.check()
    assert blocker.args == ["Time to follow up with Maya Patel."]
    window.show()
    assert "Maya Patel" in window.banner.text()


def test_preferences_change_rule_settings_in_the_vault(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    dialog = PreferencesDialog(window.preferences, window.vault_path, services.followups)
    qtbot.addWidget(dialog)
    dialog.follow_up.setValue(5)
    dialog.reciprocity.setValue(45)
    dialog.idle.setValue(3)
    dialog._apply()
    settings = services.followups.rule_settings()
    assert (settings.after_event_days, settings.reciprocity_days) == (5, 45)
    assert window.preferences.idle_lock_minutes == 3


def test_calendar_export_writes_open_follow_ups(
    qtbot: QtBot,
    window: MainWindow,
    services: Services,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ids = add_people(services)
    services.followups.add_manual(
        ids["Tom"], "Ask about the studio", datetime.now(UTC) + timedelta(days=1)
    )
    window.attach(services)
    out = tmp_path / "follow-ups.ics"
    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    window.calendar_action.trigger()
    qtbot.waitUntil(out.exists, timeout=5000)
    calendar = Calendar.from_ical(out.read_bytes())
    summaries = [str(c.get("summary")) for c in calendar.walk("VEVENT")]
    assert any("Ask about the studio" in s for s in summaries)


def test_the_due_count_appears_soon_after_unlocking(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    ids = add_people(services)
    services.followups.add_manual(
        ids["Tom"], "Send the deck", datetime.now(UTC) - timedelta(hours=2)
    )
    window.go_to("contacts")  # not on Today: the count comes from the first look
    window.attach(services)
    today = window.navigation.item(0)
    assert today.text() == "Today"
    qtbot.waitUntil(lambda: today.text().startswith("Today ("), timeout=10_000)
    assert today.text() == "Today (1)"
