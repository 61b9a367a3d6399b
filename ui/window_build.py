"""Building the main window's widgets: a bare frame first, the rest once it has painted.

`MainWindow` (ui/main_window.py) decides when; this class knows what. The lock screen
and the follow-up notifier are made on first use, and the pages, which import the
data layer, only once a vault is open.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtWidgets import QApplication

from ui.window_commands import PAGES, WindowCommands

if TYPE_CHECKING:
    from PySide6.QtWidgets import QLabel, QStackedWidget, QWidget

    from ui.notifications import FollowUpNotifier
    from ui.pages.contacts import ContactsPage
    from ui.pages.events import EventsPage
    from ui.pages.favours import FavoursPage
    from ui.pages.introductions import IntroductionsPage
    from ui.pages.lock_screen import LockScreen
    from ui.pages.today import TodayPage

# Input that postpones the idle lock (QEvent.Type values, filled when the window is built).
ACTIVITY: set[QEvent.Type] = set()
# The service decides whether a backup is due (every N days); checking hourly rather
# than daily keeps a backup from slipping a whole extra day behind its time.
AUTO_BACKUP_CHECK_MS = 60 * 60_000


class WindowBuild(WindowCommands):
    """The widgets of the main window and their wiring; `MainWindow` supplies the behaviour."""

    pages: dict[str, QWidget]
    central: QStackedWidget
    opening: QLabel | None
    _painted: bool
    _framed: bool
    _built: bool
    _lock_screen: LockScreen | None
    _notifier: FollowUpNotifier | None

    if TYPE_CHECKING:
        today_page: TodayPage
        contacts_page: ContactsPage
        events_page: EventsPage
        favours_page: FavoursPage
        introductions_page: IntroductionsPage

        def _show_page(self, row: int) -> None: ...
        def _unlock(self, passphrase: str | None) -> None: ...
        def _create(self, passphrase: str | None) -> None: ...
        def _open_sample(self) -> None: ...
        def _idle_lock(self) -> None: ...
        def _set_unlocked_actions(self, unlocked: bool) -> None: ...
        def open_contact(self, contact_id: int) -> None:
            """Show a contact (MainWindow)."""

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

        ACTIVITY.update(
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
        self._auto_backup.setInterval(AUTO_BACKUP_CHECK_MS)
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
