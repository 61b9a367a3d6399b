"""The main window: first run, unlock, search, lock and idle lock over real vaults."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from desktop.app import Services
from desktop.vault_access import create_vault
from tests.ui.conftest import add_people
from ui.main_window import MainWindow


def _wait_unlocked(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: window.services is not None, timeout=10_000)


def test_first_run_creates_a_keyring_vault(qtbot: QtBot, window: MainWindow) -> None:
    window.show()
    window.start()
    assert window.central.currentWidget() is window.lock_screen
    window.lock_screen.create_requested.emit(None)
    _wait_unlocked(qtbot, window)
    assert window.vault_path.exists()
    assert window.central.currentWidget() is window.workspace


def test_first_run_with_a_passphrase(qtbot: QtBot, window: MainWindow) -> None:
    window.start()
    screen = window.lock_screen
    screen._use_passphrase.setChecked(True)
    screen._new_pass.setText("short")
    screen._repeat_pass.setText("short")
    screen._create.click()
    assert "at least 8" in screen._welcome_error.text()
    assert not window.vault_path.exists()
    screen._new_pass.setText("correct horse battery")
    screen._repeat_pass.setText("correct horse battery")
    screen._create.click()
    _wait_unlocked(qtbot, window)


def test_wrong_passphrase_is_refused_and_can_be_retried(qtbot: QtBot, window: MainWindow) -> None:
    services = create_vault(window.vault_path, "correct horse battery")
    add_people(services)
    services.vault.close()
    window.start()
    screen = window.lock_screen
    screen._passphrase.setText("wrong passphrase")
    screen._unlock_button.click()
    qtbot.waitUntil(lambda: "does not open" in screen._unlock_error.text(), timeout=10_000)
    assert window.services is None
    screen._passphrase.setText("correct horse battery")
    screen._unlock_button.click()
    _wait_unlocked(qtbot, window)
    assert window.contacts_page.model.total() == 3


def test_search_narrows_the_list(qtbot: QtBot, window: MainWindow, services: Services) -> None:
    add_people(services)
    window.attach(services)
    page = window.contacts_page
    assert page.model.rowCount() == 3
    qtbot.keyClicks(page.search, "anim")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5000)
    assert page.model.index(0, 0).data() == "Tom Reed"
    page.search.clear()
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=5000)
    qtbot.keyClicks(page.search, "nobody-like-this")
    qtbot.waitUntil(lambda: page.model.rowCount() == 0, timeout=5000)
    assert page._list_stack.currentWidget() is page.no_match


def test_lock_clears_every_model_and_shows_unlock(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    add_people(services)
    window.attach(services)
    window.contacts_page.select_contact(services.contacts.find("Maya").id)
    qtbot.waitUntil(lambda: window.contacts_page.detail.contact_id is not None, timeout=5000)
    window.lock_action.trigger()
    assert window.services is None
    assert window.contacts_page.model.rowCount() == 0
    assert window.events_page.model.rowCount() == 0
    assert window.favours_page.favours.rowCount() == 0
    assert window.contacts_page.detail.contact_id is None
    assert window.central.currentWidget() is window.lock_screen
    assert not window.capture_action.isEnabled()


def test_idle_lock_after_the_preferred_minutes(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    window.preferences.idle_lock_minutes = 1
    window.attach(services)
    assert window._idle.isActive()
    window._idle.timeout.emit()
    assert window.services is None


def test_select_shows_profile_and_selecting_opens_detail(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    ids = add_people(services)
    services.interactions.log([ids["Ana"]], kind="call", note="Talked about the book fair")
    services.favours.record(ids["Ana"], "received", "Lent me a stand", size="medium")
    window.attach(services)
    window.open_contact(ids["Ana"])
    detail = window.contacts_page.detail
    qtbot.waitUntil(lambda: detail.contact_id == ids["Ana"], timeout=5000)
    assert "book fair" in detail.body.text()
    assert "helped you more" in detail.balance_text.text()
    assert "mailto:" not in detail.methods.text()


def test_shortcuts_exist(window: MainWindow) -> None:
    shortcuts = {
        a.shortcut().toString()
        for a in (
            window.capture_action,
            window.new_contact_action,
            window.search_action,
            window.lock_action,
        )
    }
    assert shortcuts == {"Ctrl+Shift+N", "Ctrl+N", "Ctrl+F", "Ctrl+L"}


def test_sample_network_opens_in_its_own_vault(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    window.start()
    window.lock_screen.sample_requested.emit()
    _wait_unlocked(qtbot, window)
    assert window.vault_path == tmp_path / "vault" / "sample.db"
    assert window.contacts_page.model.total() > 100


def test_hidden_pages_load_only_when_shown(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    ids = add_people(services)
    services.favours.record(ids["Tom"], "given", "Shared a lead")
    window.attach(services)
    window.show()
    window.go_to("contacts")
    assert window.favours_page.favours.rowCount() == 0  # not looked at yet
    window.go_to("favours")
    qtbot.waitUntil(lambda: window.favours_page.favours.rowCount() == 1, timeout=5000)
    window.lock()
    assert window.favours_page.favours.rowCount() == 0


def test_first_contacts_show_before_the_data_layer_is_attached(
    qtbot: QtBot, window: MainWindow
) -> None:
    from desktop.quick_open import quick_start

    services = create_vault(window.vault_path)
    add_people(services)
    services.vault.close()
    quick = quick_start(window.vault_path)
    window._show_quick(quick, None)
    # Shown at once, from the quick read, while the full vault opens on a worker.
    assert window.central.currentWidget() is window.workspace
    assert [window.preview.model.index(r, 0).data() for r in range(3)] == [
        "Ana Silva",
        "Maya Patel",
        "Tom Reed",
    ]
    _wait_unlocked(qtbot, window)
    assert window.page_stack.currentWidget() is window.contacts_page
    assert window.contacts_page.model.total() == 3
