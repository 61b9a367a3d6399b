"""The window's commands and messages: capture, import, backup, export; status and banner.

Kept apart from the window's structure (navigation, unlocking, locking) in
ui/main_window.py, which builds on this class.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

if TYPE_CHECKING:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QLabel, QListWidget, QPushButton

    from desktop.app import Services
    from ui.operations import Operations
    from ui.preferences import Preferences


PAGES = (
    ("today", "Today"),
    ("contacts", "Contacts"),
    ("events", "Events"),
    ("favours", "Favours"),
    ("introductions", "Introductions"),
)


class WindowCommands(QMainWindow):
    """Menu and toolbar commands; `MainWindow` supplies the state they use."""

    services: Services | None
    operations: Operations
    preferences: Preferences
    vault_path: Path
    _vault_passphrase: str | None
    _auto_backup_running: bool
    _undo: Any
    _undo_button: QPushButton
    banner: QLabel
    navigation: QListWidget

    if TYPE_CHECKING:

        def lock(self) -> None:
            """Close the vault (MainWindow)."""

        def go_to(self, key: str) -> None:
            """Switch pages (MainWindow)."""

        def _restart_idle_timer(self) -> None: ...

        def new_contact(self) -> None:
            """Add a contact (MainWindow)."""

        def focus_search(self) -> None:
            """Go to the search field (MainWindow)."""

        def quit(self) -> None:
            """End the app (MainWindow)."""

    def _build_actions(self) -> None:
        # Imported here, like the other widgets, once the window has first painted.
        from PySide6.QtCore import QSize, Qt
        from PySide6.QtGui import QAction, QKeySequence
        from PySide6.QtWidgets import QSizePolicy, QToolBar, QWidget

        from ui.resources import icon

        def action(text: str, name: str, shortcut: str, slot: Any) -> QAction:
            act = QAction(icon(name), text, self)
            if shortcut:
                act.setShortcut(QKeySequence(shortcut))
                act.setToolTip(f"{text} ({QKeySequence(shortcut).toString()})")
            act.triggered.connect(slot)
            return act

        self.capture_action = action("Quick capture", "capture", "Ctrl+Shift+N", self.quick_capture)
        self.new_contact_action = action("New contact", "add", "Ctrl+N", self.new_contact)
        self.search_action = action("Search", "search", "Ctrl+F", self.focus_search)
        self.lock_action = action("Lock", "lock", "Ctrl+L", self.lock)
        self.preferences_action = action(
            "Preferences", "preferences", "Ctrl+,", self.show_preferences
        )
        self.calendar_action = action(
            "Export follow-ups to calendar…", "events", "", self.export_calendar
        )
        self.import_action = action("Import contacts…", "add", "Ctrl+I", self.import_contacts)
        self.merge_action = action("Find duplicates…", "contacts", "", self.merge_duplicates)
        self.backup_action = action("Backup and restore…", "archive", "", self.backup_restore)
        quit_action = action("Quit", "", "Ctrl+Q", self.quit)
        toolbar = QToolBar("Main")
        toolbar.setObjectName("main-toolbar")
        toolbar.setMovable(False)
        toolbar.setIconSize(QSize(20, 20))
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for act in (self.capture_action, self.new_contact_action, self.search_action):
            toolbar.addAction(act)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        toolbar.addWidget(spacer)
        toolbar.addAction(self.preferences_action)
        toolbar.addAction(self.lock_action)
        self.addToolBar(toolbar)
        file_menu = self.menuBar().addMenu("&File")
        for act in (self.capture_action, self.new_contact_action):
            file_menu.addAction(act)
        file_menu.addSeparator()
        file_menu.addAction(self.import_action)
        file_menu.addAction(self.merge_action)
        file_menu.addAction(self.calendar_action)
        file_menu.addAction(self.backup_action)
        self.file_menu = file_menu
        file_menu.addSeparator()
        file_menu.addAction(self.preferences_action)
        file_menu.addAction(self.lock_action)
        file_menu.addSeparator()
        file_menu.addAction(quit_action)
        go_menu = self.menuBar().addMenu("&Go")
        go_menu.addAction(self.search_action)
        for number, (_key, title) in enumerate(PAGES):
            go = QAction(title, self)
            go.setShortcut(QKeySequence(f"Ctrl+{number + 1}"))
            go.triggered.connect(lambda _c=False, n=number: self.navigation.setCurrentRow(n))
            go_menu.addAction(go)
        self.go_menu = go_menu

    def quick_capture(self) -> None:
        """Log an event and everyone met there, from the keyboard."""
        if self.services is None:
            return
        from ui.dialogs.quick_capture import QuickCaptureDialog
        from ui.operations import CONTACTS, EVENTS, INTERACTIONS, REMINDERS

        services = self.services
        dialog = QuickCaptureDialog(services.contacts.name_index(), parent=self)
        while dialog.exec():
            name, day = dialog.event_name.text(), dialog.event_day()
            place, people = dialog.place.text(), dialog.people()
            try:
                result = services.events.capture(name, day, people, place=place)
            except Exception as exc:
                dialog.error.setText(str(exc))
                continue
            count = len(result.created) + len(result.updated)
            self.show_status(f"Saved {result.event.name} and {count} people.", None)
            self.operations.announce(frozenset({CONTACTS, EVENTS, INTERACTIONS, REMINDERS}))
            break

    def show_preferences(self) -> None:
        """Edit the preferences."""
        from ui.dialogs.preferences_dialog import PreferencesDialog
        from ui.operations import REMINDERS
        from ui.style import apply_look

        followups = self.services.followups if self.services is not None else None
        dialog = PreferencesDialog(self.preferences, self.vault_path, followups, parent=self)
        if dialog.exec():
            app = QApplication.instance()
            if isinstance(app, QApplication):
                apply_look(app, self.preferences.theme)
            self._restart_idle_timer()
            self.operations.announce(frozenset({REMINDERS}))

    def import_contacts(self) -> None:
        """Import vCard or CSV files, with a preview first."""
        if self.services is None:
            return
        from ui.dialogs.import_dialog import ImportDialog

        ImportDialog(self.services.imports, self.operations, self).exec()

    def merge_duplicates(self) -> None:
        """Find contacts entered twice and merge them."""
        if self.services is None:
            return
        from ui.dialogs.merge_dialog import MergeDialog

        MergeDialog(self.services.merge, self.operations, self).exec()

    def backup_restore(self) -> None:
        """Write an encrypted backup, or restore one (which reopens the vault)."""
        if self.services is None:
            return
        from ui.dialogs.backup_dialog import BackupDialog

        dialog = BackupDialog(self.services.backups, self.operations, self)
        dialog.exec()
        if dialog.restored:
            self.lock()
            self.show_status(
                f"Restored. The replaced vault is kept at {dialog.restored_aside}.", None
            )
        else:
            self.run_auto_backup()  # automatic backups just turned on start now, not in an hour

    def run_auto_backup(self) -> None:
        """Write an automatic backup if one is due, off the UI thread; say so in the status bar.

        Failures go to the status bar too: an automatic backup must never interrupt
        the user with a dialog.
        """
        if self.services is None or self._auto_backup_running:
            return
        backups, passphrase = self.services.backups, self._vault_passphrase
        self._auto_backup_running = True

        def done(path: Path | None) -> None:
            self._auto_backup_running = False
            if path is not None:
                self.show_status(f"Backed up to {path}.", None)

        def failed(exc: Exception) -> None:
            self._auto_backup_running = False
            # No timeout: the message stays until the next one, so it is not missed.
            self.statusBar().showMessage(f"Automatic backup failed: {exc}")

        self.operations.run(
            lambda: backups.run_auto_if_due(datetime.now(UTC), passphrase),
            done=done,
            error=failed,
        )

    def export_calendar(self) -> None:
        """Save the open follow-ups as an iCalendar file for another calendar app."""
        if self.services is None:
            return
        from PySide6.QtWidgets import QFileDialog

        from desktop.calendar_export import reminders_to_ics

        path, _ = QFileDialog.getSaveFileName(
            self,
            "Export follow-ups",
            str(Path.home() / "rapport-follow-ups.ics"),
            "iCalendar (*.ics)",
        )
        if not path:
            return
        followups = self.services.followups

        def work() -> int:
            now = datetime.now(UTC)
            reminders = followups.open_reminders(now)
            Path(path).write_bytes(reminders_to_ics(reminders, now=now))
            return len(reminders)

        self.operations.run(
            work, done=lambda n: self.show_status(f"Exported {n} follow-ups to {path}.", None)
        )

    # -- messages -------------------------------------------------------------------

    def show_status(self, message: str, undo: Any) -> None:
        """Show a message in the status bar, with an Undo button when one is given."""
        self._undo = undo
        self._undo_button.setVisible(undo is not None)
        self.statusBar().showMessage(message, 8000 if undo is not None else 5000)
        if undo is not None:
            QTimer.singleShot(8000, self._undo_button, self._undo_button.hide)

    def _run_undo(self) -> None:
        undo, self._undo = self._undo, None
        self._undo_button.hide()
        if callable(undo):
            undo()

    def show_error(self, message: str) -> None:
        """Tell the user an operation failed; nothing was saved by it."""
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(self, "Rapport", message)

    def _show_banner(self, message: str) -> None:
        self.banner.setText(f"🔔 {message}  Click to see Today.")
        self.banner.show()

    def mousePressEvent(self, event: Any) -> None:  # noqa: N802
        """Override QWidget.mousePressEvent: a click on the banner opens Today."""
        if hasattr(self, "banner") and self.banner.isVisible() and self.banner.underMouse():
            self.banner.hide()
            self.go_to("today")
        super().mousePressEvent(event)

    def bring_to_front(self) -> None:
        """Show the window again (from the tray)."""
        self.showNormal()
        self.raise_()
        self.activateWindow()

    def _show_due_count(self, count: int) -> None:
        item = self.navigation.item(0)
        item.setText(f"Today ({count})" if count else "Today")
