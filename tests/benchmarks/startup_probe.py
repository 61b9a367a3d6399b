"""Start Rapport the way `rapport --vault PATH` does and print when things get painted.

Run by bench_startup.py in a fresh process (QT_QPA_PLATFORM=offscreen, a file keyring,
an isolated XDG_CONFIG_HOME so QSettings start empty):

    python -m tests.benchmarks.startup_probe VAULT [list|memory|scroll]

Goes through the real entry point (`desktop.__main__`), deciding as `rapport` does that
the arguments open the app, so everything imported before the window shows is counted,
in the same order (PySide6 hooks every import made after it is loaded, so the order
matters); the QApplication is created just before `run_app` would create it.

Prints, in seconds from the first line of this script: "window <s>" when the main
window first paints, "list <s>" when the contact list has painted with rows; then:

- memory: opens Today, Favours and Introductions in turn, waits until each has loaded
  ("page <name> <s>"), then prints "rss <MB>" (ru_maxrss, the peak resident size).
- scroll: scrolls the contact list to the end page by page until every contact is
  loaded; prints "pages <n>", "fetch_p50_ms", "fetch_max_ms", "worst_frame_ms" (the
  longest time between two consecutive paints of the list) and "scroll_s".
"""

from __future__ import annotations

import time

START = time.perf_counter()

import sys  # noqa: E402

TIMEOUT_MS = 600_000


def main() -> int:
    """Run the app on the vault given until the probe has what it needs."""
    vault, mode = sys.argv[1], (sys.argv[2] if len(sys.argv) > 2 else "list")
    # isort: off
    from desktop.__main__ import app_vault  # first, as `rapport` does
    from desktop.gui import launch
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from tests.benchmarks.probe_watch import Probe

    # isort: on

    app = QApplication(["rapport"])  # run_app uses the existing instance
    probe = Probe(app, mode, START)
    app.installEventFilter(probe)
    QTimer.singleShot(TIMEOUT_MS, app.quit)
    opens_app, chosen = app_vault(["--vault", vault])
    assert opens_app
    launch(chosen)
    return 0 if "list" in probe.marks else 1


if __name__ == "__main__":
    sys.exit(main())
