"""Open the real main window on a vault and print how long until the list is painted.

Run by bench_startup.py in a fresh process; prints "window <s>" when the window first
paints and "list <s>" when the contact list has painted with data, both measured from
interpreter start, then quits.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

START = time.perf_counter()


def main() -> int:
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    from ui.main_window import MainWindow
    from ui.preferences import Preferences

    app = QApplication(sys.argv[:1])
    vault = Path(sys.argv[1])
    from PySide6.QtCore import QSettings

    settings = QSettings(str(vault.parent / "probe.ini"), QSettings.Format.IniFormat)
    window = MainWindow(Preferences(settings), vault)
    marks: dict[str, float] = {}

    class Painted(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint:
                now = time.perf_counter() - START
                if watched is window and "window" not in marks:
                    marks["window"] = now
                    print(f"window {now:.4f}", flush=True)
                pages = getattr(window, "contacts_page", None)
                if (
                    pages is not None
                    and watched is pages.table.viewport()
                    and pages.model.rowCount() > 0
                    and "list" not in marks
                ):
                    marks["list"] = now
                    print(f"list {now:.4f}", flush=True)
                    QTimer.singleShot(0, app.quit)
            return False

    painted = Painted()
    app.installEventFilter(painted)
    window.preferences.idle_lock_minutes = 0
    window.first_painted.connect(window.start)
    window.show()
    window.unlocked.connect(lambda: window.go_to("contacts"))
    QTimer.singleShot(30_000, app.quit)
    app.exec()
    window.close()
    return 0 if "list" in marks else 1


if __name__ == "__main__":
    sys.exit(main())
