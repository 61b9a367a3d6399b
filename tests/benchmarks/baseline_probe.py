"""The start-up baseline: a bare PySide6 QMainWindow, shown and painted in a fresh process.

    python -m tests.benchmarks.baseline_probe [memory]

Prints "window <s>" (seconds from the first line of this script to the first paint of
the window) and quits; with "memory" also "rss <MB>" (ru_maxrss after that paint).
"""

from __future__ import annotations

import time

START = time.perf_counter()

import resource  # noqa: E402
import sys  # noqa: E402

from PySide6.QtCore import QEvent, QObject, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QMainWindow  # noqa: E402

# ru_maxrss is in kilobytes on Linux, in bytes on macOS.
RSS_UNITS_PER_MB = 1024 * 1024 if sys.platform == "darwin" else 1024


class FirstPaint(QObject):
    """Prints the time of the window's first paint, then ends the event loop."""

    def __init__(self, app: QApplication, window: QMainWindow, memory: bool) -> None:
        super().__init__()
        self.app, self.window, self.memory = app, window, memory
        self.done = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if not self.done and watched is self.window and event.type() == QEvent.Type.Paint:
            self.done = True
            print(f"window {time.perf_counter() - START:.4f}", flush=True)
            if self.memory:
                rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / RSS_UNITS_PER_MB
                print(f"rss {rss:.4f}", flush=True)
            QTimer.singleShot(0, self.app.quit)
        return False


def main() -> int:
    """Show an empty main window the size of Rapport's and wait for its first paint."""
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setWindowTitle("Baseline")
    window.resize(1280, 800)
    probe = FirstPaint(app, window, "memory" in sys.argv[1:])
    app.installEventFilter(probe)
    window.show()
    QTimer.singleShot(30_000, app.quit)
    app.exec()
    return 0 if probe.done else 1


if __name__ == "__main__":
    sys.exit(main())
