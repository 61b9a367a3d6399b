"""The main window: starting, unlocking, locking, idle lock, closing.

Its widgets are built in ui/window_build.py and its menu commands live in
ui/window_commands.py. The window paints a bare frame before most of Rapport is
imported; the vault is then unlocked and its first contacts shown through a light path
while the rest of the window is built, and the pages (which pull in the services and
SQLAlchemy) load on a worker and are built once that is done.
"""

from __future__ import annotations

import gc
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

from ui.operations import Operations
from ui.window_build import ACTIVITY, WindowBuild
from ui.window_commands import PAGES

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent, QPaintEvent
    from PySide6.QtWidgets import QLabel, QWidget

    from desktop.app import Services
    from desktop.quick_open import Opening, QuickStart
    from ui.notifications import FollowUpNotifier
    from ui.pages.lock_screen import LockScreen
    from ui.preferences import Preferences

WARM_UP_MS = 10_000
WARM_UP_MAX_CONTACTS = 20_000
FIRST_CHECK_SMALL_MS = 3_000


class MainWindow(WindowBuild):
    """Rapport's one window.

    Signals:
        first_painted: the window has been painted once (the data layer loads after).
        unlocked: the vault was opened and every page shows its data.
        locked: the vault was closed and every model cleared.
    """

    unlocked = Signal()
    locked = Signal()
    first_painted = Signal()

    def __init__(
        self,
        preferences: Preferences,
        vault_path: Path,
        *,
        sample_path: Path | None = None,
        operations: Operations | None = None,
        deferred: bool = False,
    ) -> None:
        """Create the window.

        Args:
            preferences: The user's preferences.
            vault_path: The vault to open.
            sample_path: Where the sample network lives (default: beside the vault).
            operations: Runs work off the UI thread (one is made if not given).
            deferred: Show only "Opening Rapport…" at first and build the rest when
                `start` runs, so the window appears before most of Rapport is loaded.
        """
        super().__init__()
        self.preferences = preferences
        self.vault_path = vault_path
        self.sample_path = sample_path
        self.operations = operations or Operations(self)
        self.services: Services | None = None
        self.pages: dict[str, QWidget] = {}
        self._painted = False
        self._framed = False
        self._built = False
        self._lock_screen: LockScreen | None = None
        self._opening_early = False
        self._notifier: FollowUpNotifier | None = None
        self.setWindowTitle("Rapport")
        self.resize(1280, 800)
        geometry = preferences.window_geometry()
        if geometry is not None:
            self.restoreGeometry(geometry)
        self.opening: QLabel | None = None
        # Deferred, the first frame is the bare window: even a line of text would
        # wait for the fonts to load.
        if not deferred:
            self.build()

    # -- start, unlock, lock ----------------------------------------------------------

    def begin(self) -> None:
        """Start opening the vault on a worker once the window has first painted.

        Reading the key and the first contacts then overlaps the building of the rest
        of the window, which `start` does.
        """
        from desktop.quick_open import open_at_start

        path = self.vault_path
        self._opening_early = True
        self.operations.run(lambda: open_at_start(path), done=self._opened, error=self._open_failed)

    def start(self) -> None:
        """Build the window and show what comes first: welcome, unlock form, or the vault.

        After `begin`, what to show is decided when the worker answers.
        """
        if self._opening_early:
            # While the vault opens, "Opening Rapport…" is painted first (the fonts load
            # then), and the rest is built on the next turn of the event loop.
            self._build_frame()
            QTimer.singleShot(0, self, self.build)
            return
        self.build()
        from desktop.quick_open import VaultKind, keyring_available, vault_kind

        try:
            kind = vault_kind(self.vault_path)
        except Exception as exc:
            self._open_failed(exc)
            return
        if kind is VaultKind.MISSING:
            self._show_lock_screen()
            self.lock_screen.show_welcome(keyring_available())
        elif kind is VaultKind.PASSPHRASE:
            self._show_lock_screen()
            self.lock_screen.show_unlock(True)
        else:
            self._show_lock_screen()
            self.lock_screen.show_unlock(False)
            self._unlock(None)

    def _opened(self, opening: Opening) -> None:
        from desktop.quick_open import VaultKind

        self.build()
        if opening.quick is not None:
            self._show_quick(opening.quick, None)
            return
        self._show_lock_screen()
        if opening.kind is VaultKind.MISSING:
            self.lock_screen.show_welcome(opening.keyring_ok)
        else:
            self.lock_screen.show_unlock(True)

    def _open_failed(self, exc: Exception) -> None:
        self.build()
        self._show_lock_screen()
        self.lock_screen.show_unlock(False, str(exc) or "The vault could not be opened.")

    def _show_lock_screen(self) -> None:
        gc.enable()  # off while starting (desktop.gui.launch)
        self.central.setCurrentWidget(self.lock_screen)
        self._drop_opening()

    def _drop_opening(self) -> None:
        if self.opening is not None:
            self.central.removeWidget(self.opening)
            self.opening.deleteLater()
            self.opening = None

    def _unlock(self, passphrase: str | None) -> None:
        self.lock_screen.set_busy(True)
        path = self.vault_path

        def work() -> QuickStart:
            from desktop.quick_open import quick_start

            return quick_start(path, passphrase)

        self.operations.run(
            work,
            done=lambda quick: self._show_quick(quick, passphrase),
            error=self._access_failed,
        )

    def _show_quick(self, quick: QuickStart, passphrase: str | None) -> None:
        """Show the first contacts at once, then load the rest of Rapport behind them."""
        self.preview.show_contacts(quick.total, quick.contacts)
        self.page_stack.setCurrentWidget(self.preview)
        self.central.setCurrentWidget(self.workspace)
        self._drop_opening()
        self.navigation.blockSignals(True)
        self.navigation.setCurrentRow(1 if quick.total else 0)
        self.navigation.blockSignals(False)

        def load() -> Services:
            # The heavy imports happen here, off the UI thread, while the list shows.
            from desktop.vault_access import open_unlocked
            from ui.pages import preload_pages

            preload_pages()
            return open_unlocked(quick)

        def failed(exc: Exception) -> None:
            quick.release()
            self.preview.clear()
            self.central.setCurrentWidget(self.lock_screen)
            self._access_failed(exc)

        self.operations.run(
            load,
            done=lambda services: self._attach_unlocked(services, passphrase),
            error=failed,
        )

    def _create(self, passphrase: str | None) -> None:
        from desktop.vault_access import create_vault

        path = self.vault_path
        self.operations.run(
            lambda: create_vault(path, passphrase),
            done=lambda services: self._attach_unlocked(services, passphrase),
            error=self._access_failed,
        )

    def _attach_unlocked(self, services: Services, passphrase: str | None) -> None:
        self._vault_passphrase = passphrase  # None for a keyring vault
        self.attach(services)

    def _open_sample(self) -> None:
        from desktop.paths import sample_vault_path
        from desktop.vault_access import VaultKind, create_sample_vault, open_vault, vault_kind

        path = self.sample_path or sample_vault_path()
        self.lock_screen.set_busy(True)

        def work() -> Services:
            if vault_kind(path) is VaultKind.MISSING:
                return create_sample_vault(path)
            return open_vault(path, "rapport-sample")

        def done(services: Services) -> None:
            self.vault_path = path
            self.attach(services)
            self.setWindowTitle("Rapport — sample network (invented people)")

        self.operations.run(work, done=done, error=self._access_failed)

    def _access_failed(self, exc: Exception) -> None:
        self._show_lock_screen()
        self.lock_screen.show_error(str(exc) or "The vault could not be opened.")

    def attach(self, services: Services) -> None:
        """Show an unlocked vault on every page."""
        self.build_pages()
        self.services = services
        for page in self.pages.values():
            page.attach(services)  # type: ignore[attr-defined]
        self.central.setCurrentWidget(self.workspace)
        if self.navigation.currentRow() < 0:
            self.navigation.setCurrentRow(1 if services.contacts.count() else 0)
        self._show_page(self.navigation.currentRow())
        self._set_unlocked_actions(True)
        self._restart_idle_timer()
        # Background work once things have settled: the first look at follow-ups (which
        # also puts the count beside Today) and building the introduction matcher, so
        # the Introductions page opens with its suggestions ready. On very large
        # networks each takes seconds and would make scrolling stutter, so the first
        # look waits a minute and the matcher is built when the page is opened.
        small = services.contacts.count() <= WARM_UP_MAX_CONTACTS
        self.notifier.attach(services, first_check_ms=FIRST_CHECK_SMALL_MS if small else None)
        if small:
            QTimer.singleShot(WARM_UP_MS, self, lambda: self._warm_up(services))
        self._auto_backup.start()
        self.run_auto_backup()
        # Everything loaded so far (the modules, the data layer) lives as long as the
        # app: kept out of the garbage collector's full passes, which otherwise grow
        # long enough to stall scrolling on a large network.
        gc.freeze()
        gc.enable()  # off while starting (desktop.gui.launch)
        self.unlocked.emit()

    def _warm_up(self, services: Services) -> None:
        if self.services is services:
            intros = services.introductions
            self.operations.run(lambda: intros.suggest(None, limit=25), error=lambda _e: None)

    def lock(self) -> None:
        """Close the vault, clear every model, and show the unlock screen."""
        if self.services is None:
            return
        # Work still running (a backup, an import) finishes before the vault closes.
        self.operations.wait(-1)
        services, self.services = self.services, None
        self._vault_passphrase = None
        self._auto_backup.stop()
        for page in self.pages.values():
            page.attach(None)  # type: ignore[attr-defined]
        self.notifier.attach(None)
        self.banner.hide()
        services.vault.close()
        self._idle.stop()
        self._set_unlocked_actions(False)
        self._undo_button.hide()
        self.statusBar().clearMessage()
        self.central.setCurrentWidget(self.lock_screen)
        from desktop.quick_open import VaultKind, vault_kind

        self.preview.clear()
        self.page_stack.setCurrentWidget(self.preview)
        self.lock_screen.show_unlock(vault_kind(self.vault_path) is VaultKind.PASSPHRASE)
        self.locked.emit()

    def _set_unlocked_actions(self, unlocked: bool) -> None:
        for act in (
            self.capture_action,
            self.new_contact_action,
            self.search_action,
            self.lock_action,
            self.calendar_action,
            self.import_action,
            self.merge_action,
            self.backup_action,
        ):
            act.setEnabled(unlocked)
        self.go_menu.setEnabled(unlocked)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        """Override QWidget.paintEvent: announce the first paint once."""
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self, self.first_painted.emit)

    # -- idle lock ------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Override QObject.eventFilter: any input postpones the idle lock."""
        if event.type() in ACTIVITY and self.services is not None:
            self._restart_idle_timer()
        return super().eventFilter(watched, event)

    def _restart_idle_timer(self) -> None:
        minutes = self.preferences.idle_lock_minutes
        if minutes > 0 and self.services is not None:
            self._idle.start(minutes * 60_000)
        else:
            self._idle.stop()

    def _idle_lock(self) -> None:
        if self.services is not None and not QApplication.activeModalWidget():
            self.lock()
        elif self.services is not None:
            self._restart_idle_timer()

    # -- navigation and actions -----------------------------------------------------

    def _show_page(self, row: int) -> None:
        if 0 <= row < len(PAGES) and self.pages:
            self.page_stack.setCurrentWidget(self.pages[PAGES[row][0]])

    def go_to(self, key: str) -> None:
        """Switch to a page by its key ("today", "contacts", ...)."""
        self.navigation.setCurrentRow([k for k, _ in PAGES].index(key))

    def open_contact(self, contact_id: int) -> None:
        """Show a contact on the Contacts page."""
        self.go_to("contacts")
        self.contacts_page.select_contact(contact_id)

    def focus_search(self) -> None:
        """Go to Contacts and put the cursor in the search field."""
        if self.services is not None:
            self.go_to("contacts")
            self.contacts_page.focus_search()

    def new_contact(self) -> None:
        """Add a contact."""
        if self.services is not None:
            self.go_to("contacts")
            self.contacts_page.new_contact()

    # -- closing --------------------------------------------------------------------

    def quit(self) -> None:
        """Close the window and end the app, even when it would stay in the tray."""
        self._quitting = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        """Override QWidget.closeEvent: save geometry, finish pending work, close the vault."""
        self.preferences.save_window_geometry(self.saveGeometry())
        if not self._built:  # closed while it was still opening
            self.operations.wait(-1)
            super().closeEvent(event)
            return
        tray = self._notifier.tray if self._notifier is not None else None
        if (
            self.preferences.keep_in_tray
            and tray is not None
            and self.services is not None
            and not getattr(self, "_quitting", False)
        ):
            # Keeps running so follow-up notifications still arrive.
            event.ignore()
            self.hide()
            from ui.resources import icon

            tray.showMessage("Rapport", "Still running in the tray.", icon("rapport"), 3000)
            return
        self.preferences.sync()
        if self.pages:
            self.contacts_page.finish_pending_delete()
        # Work still running (a backup, an import) finishes before the vault closes.
        self.operations.wait(-1)
        self._vault_passphrase = None
        if self.services is not None:
            self.services.vault.close()
            self.services = None
        super().closeEvent(event)
