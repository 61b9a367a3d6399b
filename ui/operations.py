"""Run service calls off the UI thread and announce what changed.

Every write in the app goes through `Operations.run`: the call runs on a worker thread
(each service call opens its own session there), its result comes back on the main
thread, and `changed` tells every page which areas of the data moved so each can
decide whether to refresh.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

Areas = frozenset[str]
CONTACTS, EVENTS, INTERACTIONS, FAVOURS, REMINDERS, INTRODUCTIONS = (
    "contacts",
    "events",
    "interactions",
    "favours",
    "reminders",
    "introductions",
)
EVERYTHING: Areas = frozenset((CONTACTS, EVENTS, INTERACTIONS, FAVOURS, REMINDERS, INTRODUCTIONS))


class _Relay(QObject):
    """Carries a worker's outcome back to the main thread.

    The relay lives on the main thread, so its slots run there when the worker emits.
    """

    finished = Signal(object)
    failed = Signal(object)

    def __init__(
        self, on_result: Callable[[Any], None], on_error: Callable[[Exception], None]
    ) -> None:
        super().__init__()
        self._on_result = on_result
        self._on_error = on_error
        self.finished.connect(self._deliver_result)
        self.failed.connect(self._deliver_error)

    @Slot(object)
    def _deliver_result(self, result: Any) -> None:
        self._on_result(result)

    @Slot(object)
    def _deliver_error(self, exc: Exception) -> None:
        self._on_error(exc)


class _Job(QRunnable):
    def __init__(self, work: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._work = work
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._work()
        except Exception as exc:
            self._relay.failed.emit(exc)
        else:
            self._relay.finished.emit(result)


class Operations(QObject):
    """Runs work in a thread pool; results and errors arrive on the main thread.

    Signals:
        changed: the areas of data an operation wrote (a frozenset of names).
        failed: a message for the user when an operation raised.
        busy: True while any operation runs.
    """

    changed = Signal(object)
    failed = Signal(str)
    busy = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(2)
        self._running: set[_Relay] = set()

    def run(
        self,
        work: Callable[[], Any],
        *,
        done: Callable[[Any], None] | None = None,
        changes: Areas = frozenset(),
        error: Callable[[Exception], None] | None = None,
    ) -> None:
        """Run `work` on a worker; then call `done(result)` and announce `changes`."""
        relay: _Relay

        def finished(result: Any) -> None:
            self._settle(relay)
            if done is not None:
                done(result)
            if changes:
                self.changed.emit(changes)

        def failed(exc: Exception) -> None:
            self._settle(relay)
            if error is not None:
                error(exc)
            else:
                self.failed.emit(str(exc) or type(exc).__name__)

        relay = _Relay(finished, failed)
        self._running.add(relay)
        self.busy.emit(True)
        self._pool.start(_Job(work, relay))

    def announce(self, changes: Areas) -> None:
        """Tell every page that data changed outside an operation (e.g. after unlock)."""
        self.changed.emit(changes)

    def wait(self, msecs: int = 5000) -> bool:
        """Wait for running work to finish (-1: however long it takes)."""
        return self._pool.waitForDone(msecs)

    def _settle(self, relay: _Relay) -> None:
        self._running.discard(relay)
        if not self._running:
            self.busy.emit(False)
