"""The paint watcher of startup_probe: imported only after the app's own imports."""

from __future__ import annotations

import resource
import sys
import time
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

# ru_maxrss is in kilobytes on Linux, in bytes on macOS.
RSS_UNITS_PER_MB = 1024 * 1024 if sys.platform == "darwin" else 1024
PAGES = ("today", "favours", "introductions")


def say(label: str, value: float) -> None:
    """Print one measurement for the parent process."""
    print(f"{label} {value:.4f}", flush=True)


class Probe(QObject):
    """Watches paint events and drives the window once the list shows."""

    def __init__(self, app: QApplication, mode: str, start: float) -> None:
        super().__init__()
        self.app, self.mode, self.start = app, mode, start
        self.window: Any = None
        self.marks: dict[str, float] = {}
        self.paints: list[float] = []
        self.fetches: list[float] = []
        self.busy = False
        self.scroll_started = 0.0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() != QEvent.Type.Paint:
            return False
        now = time.perf_counter() - self.start
        if self.window is None and isinstance(watched, QMainWindow):
            self.window = watched
            self.mark("window", now)
        # The list first shows as the quick preview, then as the full contacts page.
        lists = [getattr(self.window, name, None) for name in ("preview", "contacts_page")]
        page = next((p for p in lists if p is not None and watched is p.table.viewport()), None)
        if page is None:
            return False
        if "list" in self.marks:
            if page is getattr(self.window, "contacts_page", None):
                self.paints.append(now)
        elif page.model.rowCount() > 0:
            self.mark("list", now)
            QTimer.singleShot(0, self.after_list)
        return False

    def mark(self, label: str, value: float) -> None:
        self.marks[label] = value
        say(label, value)

    def after_list(self) -> None:
        if getattr(self.window, "services", None) is None:
            # The quick preview is up; the rest of the run needs the full pages.
            self.window.unlocked.connect(self.after_list)
            return
        if self.mode == "memory":
            ops = self.window.operations
            ops.busy.connect(lambda busy: setattr(self, "busy", busy))
            self.busy = bool(getattr(ops, "_running", ()))
            self.next_page(list(PAGES))
        elif self.mode == "scroll":
            self.paints.clear()
            self.scroll_started = time.perf_counter()
            self.scroll_step()
        else:
            self.app.quit()

    def next_page(self, left: list[str]) -> None:
        """Show each page in turn; move on once no operation is running."""
        if not left:
            rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / RSS_UNITS_PER_MB
            say("rss", rss)
            self.app.quit()
            return
        self.window.go_to(left[0])
        shown = time.perf_counter()

        def poll() -> None:
            if self.busy:
                QTimer.singleShot(10, poll)
            else:
                say(f"page_{left[0]}", time.perf_counter() - shown)
                self.next_page(left[1:])

        QTimer.singleShot(10, poll)

    def scroll_step(self) -> None:
        """Jump to the bottom (the view fetches the next page) and paint; repeat."""
        page = self.window.contacts_page
        table, model = page.table, page.model
        if not model.canFetchMore(table.rootIndex()):
            self.finish_scroll(model.rowCount())
            return
        bar = table.verticalScrollBar()
        before = model.rowCount()
        started = time.perf_counter()
        bar.setValue(bar.maximum())  # at the bottom, the view asks the model for more
        table.viewport().repaint()
        if model.rowCount() > before:
            self.fetches.append((time.perf_counter() - started) * 1000)
        QTimer.singleShot(0, self.scroll_step)

    def finish_scroll(self, rows: int) -> None:
        gaps = [(b - a, b) for a, b in zip(self.paints, self.paints[1:], strict=False)]
        worst, at = max(gaps, default=(0.0, self.paints[0] if self.paints else 0.0))
        say("rows", rows)
        say("pages", len(self.fetches))
        if self.fetches:
            import statistics  # not before the first paint: the baseline does not load it

            say("fetch_p50_ms", statistics.median(self.fetches))
            say("fetch_max_ms", max(self.fetches))
        say("worst_frame_ms", worst * 1000)
        say("worst_frame_at_s", at + self.start - self.scroll_started)  # since scrolling began
        say("scroll_s", time.perf_counter() - self.scroll_started)
        self.app.quit()
