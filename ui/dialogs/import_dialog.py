"""Import contacts: choose a file, check the preview, choose what to do with duplicates."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.interchange import ImportIssue, csv_headers, guess_mapping
from desktop.services.imports import DuplicateFound, ImportPreview, ImportResult, ImportService
from ui.dialogs.busy import BusyDialog
from ui.dialogs.column_mapping import ColumnMappingTable
from ui.models.record_table import Column, RecordTableModel
from ui.operations import CONTACTS, INTERACTIONS, Operations
from ui.widgets import record_table

FORMATS = (
    ("auto", "Tell from the file"),
    ("vcard", "vCard (.vcf)"),
    ("linkedin", "LinkedIn connections (CSV)"),
    ("google", "Google Contacts (CSV)"),
    ("outlook", "Outlook (CSV)"),
    ("rapport", "Rapport (CSV)"),
    ("csv", "Other CSV: choose the columns"),
)
POLICIES = (
    ("merge", "Merge into the contact they match"),
    ("skip", "Skip them"),
    ("create", "Add them as new contacts anyway"),
)
DUPLICATE_COLUMNS: list[Column[DuplicateFound]] = [
    Column("In the file", lambda d: d.draft_name),
    Column(
        "Matches",
        lambda d: d.existing_name if d.existing_id else f"{d.existing_name} (earlier in the file)",
    ),
    Column("Why", lambda d: d.why),
]
ISSUE_COLUMNS: list[Column[ImportIssue]] = [
    Column("File", lambda i: i.file),
    Column("Card", lambda i: "" if i.card is None else str(i.card)),
    Column("Line", lambda i: "" if i.line is None else str(i.line)),
    Column("Reason", lambda i: i.message),
]


class ImportProgress(QObject):
    """Carries progress from the import's worker thread to the dialog.

    The object lives on the main thread, so a signal emitted from the worker is
    queued and its slots run on the main thread.

    Signals:
        progress: (done, total) drafts.
    """

    progress = Signal(int, int)

    def report(self, done: int, total: int) -> None:
        """Emit progress; safe to call from any thread."""
        self.progress.emit(done, total)


class ImportDialog(BusyDialog):
    """Walks through an import: file, format, columns, preview, duplicates, import."""

    def __init__(
        self, imports: ImportService, operations: Operations, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Import contacts")
        self.setMinimumSize(720, 560)
        self._imports = imports
        self._operations = operations
        self._data: bytes | None = None
        self._filename = ""
        self._asked = 0  # previews answer in order; only the newest is shown
        self._importable = False  # the last preview found contacts to import
        self.import_result: ImportResult | None = None
        self.path = QLineEdit()
        self.path.setReadOnly(True)
        self.path.setAccessibleName("File to import")
        self.choose = QPushButton("&Choose…")
        self.format_box = QComboBox()
        self.format_box.setAccessibleName("Format")
        for value, label in FORMATS:
            self.format_box.addItem(label, value)
        self.columns = ColumnMappingTable()
        self.columns_group = QGroupBox("Columns")
        QVBoxLayout(self.columns_group).addWidget(self.columns)
        self.columns_group.hide()
        self.summary = QLabel("Choose a vCard or CSV file to import.")
        self.summary.setWordWrap(True)
        self.duplicates = RecordTableModel(DUPLICATE_COLUMNS)
        self.issues = RecordTableModel(ISSUE_COLUMNS)
        self.duplicates_view = record_table("Duplicates found")
        self.duplicates_view.setModel(self.duplicates)
        self.issues_view = record_table("Cards and rows that cannot be imported")
        self.issues_view.setModel(self.issues)
        self.policy = QComboBox()
        self.policy.setAccessibleName("Duplicates")
        for value, label in POLICIES:
            self.policy.addItem(label, value)
        self.progress_bar = QProgressBar()
        self.progress_bar.setAccessibleName("Import progress")
        self.progress_bar.hide()
        self.relay = ImportProgress(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.import_button = self.buttons.addButton(
            "&Import", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setEnabled(False)
        self._lay_out()
        self._connect_signals()

    def _lay_out(self) -> None:
        file_row = QHBoxLayout()
        file_row.addWidget(self.path, 1)
        file_row.addWidget(self.choose)
        form = QFormLayout()
        form.addRow("&File", file_row)
        form.addRow("F&ormat", self.format_box)
        form.addRow("&Duplicates", self.policy)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.columns_group, 2)
        layout.addWidget(self.summary)
        layout.addWidget(QLabel("Already known:"))
        layout.addWidget(self.duplicates_view, 1)
        layout.addWidget(QLabel("Not imported:"))
        layout.addWidget(self.issues_view, 1)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.buttons)

    def _connect_signals(self) -> None:
        self.choose.clicked.connect(self._choose_file)
        self.format_box.currentIndexChanged.connect(self._format_changed)
        self.columns.mapping_changed.connect(self.refresh_preview)
        self.relay.progress.connect(self._show_progress)
        self.buttons.rejected.connect(self.reject)
        self.import_button.clicked.connect(self.start_import)

    # -- choosing and previewing ----------------------------------------------------

    def _choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, "Import contacts", "", "Contacts (*.vcf *.vcard *.csv *.tsv);;All files (*)"
        )
        if name:
            self.load_file(Path(name))

    def load_file(self, path: Path) -> None:
        """Read a file off the UI thread, then preview it with its format told from it."""
        self.path.setText(str(path))
        self.summary.setText("Reading the file…")
        self._data, self._importable = None, False
        self.import_button.setEnabled(False)
        self._operations.run(
            lambda: (path.read_bytes(), path.name), done=self._file_read, error=self._failed
        )

    def _file_read(self, loaded: tuple[bytes, str]) -> None:
        self._data, self._filename = loaded
        headers = csv_headers(self._data)
        self.columns.set_columns(headers, guess_mapping(headers))
        self._set_format("auto")
        self.refresh_preview()

    def _set_format(self, value: str) -> None:
        self.format_box.blockSignals(True)
        self.format_box.setCurrentIndex(max(0, self.format_box.findData(value)))
        self.format_box.blockSignals(False)
        self.columns_group.setVisible(value == "csv")

    def _format_changed(self) -> None:
        self.columns_group.setVisible(self.format_box.currentData() == "csv")
        self.refresh_preview()

    def _choice(self) -> tuple[str, dict[str, str] | None]:
        fmt = str(self.format_box.currentData())
        return fmt, (self.columns.mapping() if fmt == "csv" else None)

    def refresh_preview(self) -> None:
        """Preview the file as the format and columns now chosen say."""
        if self._data is None or self.busy:
            return
        data, name = self._data, self._filename
        fmt, mapping = self._choice()
        self._asked += 1
        asked = self._asked
        self._importable = False
        self.import_button.setEnabled(False)
        self._operations.run(
            lambda: self._imports.preview(data, name, fmt, mapping),
            done=lambda preview: self._show_preview(asked, preview),
            error=self._failed,
        )

    def _show_preview(self, asked: int, preview: ImportPreview) -> None:
        if asked != self._asked:
            return
        if self.format_box.currentData() == "auto" and preview.format in dict(FORMATS):
            self._set_format(preview.format)
        known = len(preview.duplicates)
        self.summary.setText(
            f"{preview.drafts} contacts read: {preview.new} new, {known} already known, "
            f"{len(preview.errors)} cannot be imported."
        )
        self.duplicates.set_records(preview.duplicates)
        self.issues.set_records(preview.errors)
        self._importable = preview.drafts > 0
        self.import_button.setEnabled(self._importable)

    # -- importing ------------------------------------------------------------------

    def start_import(self) -> None:
        """Import the file with the chosen format, columns and duplicate policy."""
        if self._data is None or self.busy:
            return
        data, name = self._data, self._filename
        fmt, mapping = self._choice()
        policy = str(self.policy.currentData())
        self._set_busy(True)
        self.progress_bar.setRange(0, 0)
        self.progress_bar.show()
        report = self.relay.report
        self._operations.run(
            lambda: self._imports.run(
                data, name, fmt, on_duplicate=policy, mapping=mapping, progress=report
            ),
            done=self._show_result,
            error=self._failed,
            changes=frozenset({CONTACTS, INTERACTIONS}),
        )

    @Slot(int, int)
    def _show_progress(self, done: int, total: int) -> None:
        self.progress_bar.setRange(0, max(total, 1))
        self.progress_bar.setValue(done)

    def _show_result(self, result: ImportResult) -> None:
        self._importable = False  # imported: a second click would import it again
        self._set_busy(False)
        self.import_result = result
        self.progress_bar.setRange(0, 1)
        self.progress_bar.setValue(1)
        self.summary.setText(
            f"Imported {result.imported} new contacts, merged {result.merged}, "
            f"skipped {result.skipped}; {len(result.errors)} could not be imported."
        )
        self.duplicates.set_records([])
        self.issues.set_records(result.errors)

    def _failed(self, exc: Exception) -> None:
        self._set_busy(False)
        self.progress_bar.hide()
        self.summary.setText(f"Nothing was imported. {exc}")

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        for widget in (self.choose, self.format_box, self.columns, self.policy):
            widget.setEnabled(not busy)
        self.import_button.setEnabled(not busy and self._importable)
        close = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setEnabled(not busy)

    # -- closing --------------------------------------------------------------------
