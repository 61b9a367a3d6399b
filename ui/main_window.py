"""The main window: navigation, pages, unlocking, locking (commands: ui/window_commands.py).

The window paints before the data layer is imported: the vault is unlocked and its first
contacts shown through a light path, while the pages (which pull in the services and
SQLAlchemy) load on a worker and are built once that is done.
"""

from __future__ import annotations

import gc
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

from ui.operations import Operations
from ui.window_commands import PAGES, WindowCommands

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent, QPaintEvent
    from PySide6.QtWidgets import QLabel, QWidget

    from desktop.app import Services
    from desktop.quick_open import Opening, QuickStart
    from ui.notifications import FollowUpNotifier
    from ui.pages.contacts import ContactsPage
    from ui.pages.events import EventsPage
    from ui.pages.favours import FavoursPage
    from ui.pages.introductions import IntroductionsPage
    from ui.pages.lock_screen import LockScreen
    from ui.pages.today import TodayPage
    from ui.preferences import Preferences

WARM_UP_MS = 10_000
WARM_UP_MAX_CONTACTS = 20_000
FIRST_CHECK_SMALL_MS = 3_000
# Input that postpones the idle lock (QEvent.Type values, filled when the window is built).
_ACTIVITY: set[QEvent.Type] = set()
# The service decides whether a backup is due (every N days); checking hourly rather
# than daily keeps a backup from slipping a whole extra day behind its time.
_AUTO_BACKUP_CHECK_MS = 60 * 60_000


class MainWindow(WindowCommands):
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

    def _build_frame(self) -> None:
        """Give the window its central stack, with "Opening Rapport…" after a bare frame."""
        if self._framed:
            return
        self._framed = True
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QLabel, QStackedWidget

        self.central = QStackedWidget()
        self.setCentralWidget(self.central)
        if self._painted:  # built after a bare first frame: say what is happening
            self.opening = QLabel("Opening Rapport…")
            self.opening.setObjectName("opening")
            self.opening.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.central.addWidget(self.opening)

    def build(self) -> None:
        """Build everything but the pages (done once; at once unless `deferred`)."""
        if self._built:
            return
        self._built = True
        # Qt's namespace holds ~90 enums, each made into a Python enum when first
        # imported: not worth delaying the first frame for.
        from PySide6.QtCore import QSize, Qt
        from PySide6.QtWidgets import (
            QHBoxLayout,
            QLabel,
            QListWidget,
            QListWidgetItem,
            QPushButton,
            QStackedWidget,
            QVBoxLayout,
            QWidget,
        )

        from ui.pages.contact_preview import ContactPreview
        from ui.resources import icon
        from ui.style import BANNER_STYLE, NAVIGATION_STYLE

        _ACTIVITY.update(
            (
                QEvent.Type.KeyPress,
                QEvent.Type.MouseButtonPress,
                QEvent.Type.MouseMove,
                QEvent.Type.Wheel,
            )
        )
        self.setWindowIcon(icon("rapport"))
        self._build_frame()
        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setStyleSheet(NAVIGATION_STYLE)
        self.navigation.setAccessibleName("Sections")
        self.navigation.setIconSize(QSize(20, 20))
        self.navigation.setFixedWidth(190)
        self.navigation.setEditTriggers(QListWidget.EditTrigger.NoEditTriggers)
        # Sections are reached with Ctrl+1…5 (the Go menu), so the keyboard focus
        # starts in the page itself, where typing is useful.
        self.navigation.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        for key, title in PAGES:
            item = QListWidgetItem(icon(key), title)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, title)
            self.navigation.addItem(item)
        self.banner = QLabel()
        self.banner.setObjectName("banner")
        self.banner.setStyleSheet(BANNER_STYLE)
        self.banner.setWordWrap(True)
        self.banner.setCursor(Qt.CursorShape.PointingHandCursor)
        self.banner.setToolTip("Click to open Today")
        self.banner.hide()
        self.page_stack = QStackedWidget()
        self.preview = ContactPreview()
        self.page_stack.addWidget(self.preview)
        workspace = QWidget()
        row = QHBoxLayout(workspace)
        row.setContentsMargins(4, 4, 4, 4)
        row.addWidget(self.navigation)
        column = QVBoxLayout()
        column.addWidget(self.banner)
        column.addWidget(self.page_stack, 1)
        row.addLayout(column, 1)
        self.workspace = workspace
        self.central.addWidget(workspace)
        if self.opening is None:
            self.central.setCurrentWidget(self.lock_screen)

        self._build_actions()
        self._undo_button = QPushButton("Undo")
        self._undo_button.hide()
        self.statusBar().addPermanentWidget(self._undo_button)
        self._undo: Any = None
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        # The passphrase typed to unlock a passphrase vault, kept in memory only while it
        # is unlocked: with no keyring, automatic backups are protected by it.
        self._vault_passphrase: str | None = None
        self._auto_backup = QTimer(self)
        self._auto_backup.setInterval(_AUTO_BACKUP_CHECK_MS)
        self._auto_backup_running = False
        self._connect_signals()
        self._set_unlocked_actions(False)

    # -- building -------------------------------------------------------------------

    def _connect_signals(self) -> None:
        self.navigation.currentRowChanged.connect(self._show_page)
        self.operations.failed.connect(self.show_error)
        self._idle.timeout.connect(self._idle_lock)
        self._auto_backup.timeout.connect(self.run_auto_backup)
        self._undo_button.clicked.connect(self._run_undo)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    # The lock screen and the notifier are made when first needed: a keyring vault
    # opens without the one, and the other only works on an unlocked vault.

    @property
    def lock_screen(self) -> LockScreen:
        """The welcome and unlock forms."""
        if self._lock_screen is None:
            from ui.pages.lock_screen import LockScreen

            screen = self._lock_screen = LockScreen()
            screen.unlock_requested.connect(self._unlock)
            screen.create_requested.connect(self._create)
            screen.sample_requested.connect(self._open_sample)
            self.central.addWidget(screen)
        return self._lock_screen

    @property
    def notifier(self) -> FollowUpNotifier:
        """Tells of follow-ups falling due (tray icon or banner)."""
        if self._notifier is None:
            from ui.notifications import FollowUpNotifier

            notifier = self._notifier = FollowUpNotifier(self.operations, self)
            notifier.banner.connect(self._show_banner)
            notifier.due_count.connect(self._show_due_count)
            notifier.show_requested.connect(self.bring_to_front)
            notifier.capture_requested.connect(self.quick_capture)
            notifier.quit_requested.connect(self.quit)
        return self._notifier

    def build_pages(self) -> None:
        """Create the pages (this imports the data layer; done once, after first paint)."""
        if self.pages:
            return
        from ui.pages.contacts import ContactsPage
        from ui.pages.events import EventsPage
        from ui.pages.favours import FavoursPage
        from ui.pages.introductions import IntroductionsPage
        from ui.pages.today import TodayPage

        self.today_page = TodayPage(self.operations)
        self.contacts_page = ContactsPage(self.operations)
        self.events_page = EventsPage(self.operations)
        self.favours_page = FavoursPage(self.operations)
        self.introductions_page = IntroductionsPage(self.operations)
        self.pages = {
            "today": self.today_page,
            "contacts": self.contacts_page,
            "events": self.events_page,
            "favours": self.favours_page,
            "introductions": self.introductions_page,
        }
        for key, _title in PAGES:
            self.page_stack.addWidget(self.pages[key])
        self.contacts_page.status.connect(self.show_status)
        self.today_page.contact_activated.connect(self.open_contact)
        self.today_page.due_count.connect(self._show_due_count)
        self.events_page.contact_activated.connect(self.open_contact)
        self.events_page.capture_requested.connect(self.quick_capture)

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
        if event.type() in _ACTIVITY and self.services is not None:
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

    if TYPE_CHECKING:
        today_page: TodayPage
        contacts_page: ContactsPage
        events_page: EventsPage
        favours_page: FavoursPage
        introductions_page: IntroductionsPage
