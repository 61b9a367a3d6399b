"""Reading contact CSV files: LinkedIn, Google, Outlook, Rapport's own, or any spreadsheet."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence

from desktop.interchange.builder import NO_NAME
from desktop.interchange.csv_layouts import (
    RowReader,
    google_reader,
    linkedin_reader,
    outlook_reader,
)
from desktop.interchange.csv_mapping import (
    FIELDS,
    RAPPORT_HEADER,
    RAPPORT_MAPPING,
    guess_mapping,
    mapped_reader,
)
from desktop.interchange.csv_table import CsvTable, read_table
from desktop.interchange.drafts import ImportIssue, ParseResult
from desktop.interchange.text_decoding import decode_text

__all__ = ["LAYOUTS", "csv_headers", "detect_csv_layout", "guess_mapping", "parse_csv"]

LAYOUTS = ("linkedin", "google", "outlook", "rapport", "csv")

_READERS: dict[str, Callable[[Sequence[str]], RowReader]] = {
    "linkedin": linkedin_reader,
    "google": google_reader,
    "outlook": outlook_reader,
    "rapport": lambda header: mapped_reader(RAPPORT_MAPPING, loose=False),
}


def _layout_of(header: Sequence[str]) -> str:
    names = {column.casefold() for column in header}
    if tuple(header[: len(RAPPORT_HEADER)]) == RAPPORT_HEADER:
        return "rapport"
    if "connected on" in names or {"first name", "last name", "company", "position"} <= names:
        return "linkedin"
    if names & {"e-mail 1 - value", "group membership", "given name", "phone 1 - value"}:
        return "google"
    if names & {"e-mail address", "business phone", "mobile phone", "job title"}:
        return "outlook"
    return "csv"


def detect_csv_layout(text: str) -> str:
    """Return "linkedin", "google", "outlook", "rapport" or "csv" (generic) from the header."""
    table = read_table(text)
    return "csv" if table is None else _layout_of(table.header)


def csv_headers(data: bytes) -> list[str]:
    """Return the column headers of a CSV file (past any preamble), for a column-mapping step."""
    try:
        table = read_table(decode_text(data))
    except Exception:  # a UI asking for headers gets none rather than a crash
        return []
    return [] if table is None else table.header


def parse_csv(
    data: bytes, filename: str, layout: str = "auto", mapping: dict[str, str] | None = None
) -> ParseResult:
    """Read a contact CSV file; never raises on bad input.

    Args:
        data: The file's bytes (UTF-8 with or without BOM, UTF-16, or a legacy code page).
        filename: The file's name, used in issues and in each draft's source.
        layout: "auto" to tell from the header, or one of LAYOUTS.
        mapping: {Rapport field: column header} chosen by the user. When given, the
            file is read as a generic CSV through it, whatever the layout.

    Returns:
        The drafts, one issue per row that could not be imported, and the layout used.
    """
    name = os.path.basename(filename) or filename
    result = ParseResult(format=layout if layout != "auto" else "csv")
    try:
        _parse_into(result, data, name, layout, mapping)
    except Exception as exc:  # the contract is "never raise": report instead
        result.errors.append(ImportIssue(name, None, None, f"file could not be read: {exc}"))
    return result


def _parse_into(
    result: ParseResult, data: bytes, name: str, layout: str, mapping: dict[str, str] | None
) -> None:
    if layout != "auto" and layout not in LAYOUTS:
        choices = ", ".join(LAYOUTS)
        message = f"{layout!r} is not a CSV layout Rapport knows; use auto or one of {choices}"
        result.errors.append(ImportIssue(name, None, None, message))
        return
    table = read_table(decode_text(data))
    if table is None:
        message = "file has no header row: it is empty or is not a CSV file"
        result.errors.append(ImportIssue(name, None, None, message))
        return
    if mapping is not None:
        layout = "csv"
    elif layout == "auto":
        layout = _layout_of(table.header)
    result.format = layout
    for line, problem in table.broken_lines:
        result.errors.append(ImportIssue(name, None, line, f"row could not be read: {problem}"))
    reader = _reader_for(result, table, name, layout, mapping)
    if reader is None:
        return
    for line, cells in table.rows:
        draft = reader(table.record(cells)).build(f"{name} line {line}")
        if draft is None:
            result.errors.append(ImportIssue(name, None, line, f"row {NO_NAME}"))
        else:
            result.drafts.append(draft)


def _reader_for(
    result: ParseResult, table: CsvTable, name: str, layout: str, mapping: dict[str, str] | None
) -> RowReader | None:
    if layout in _READERS:
        return _READERS[layout](table.header)
    chosen = guess_mapping(table.header) if mapping is None else mapping
    for field, column in chosen.items():
        if field not in FIELDS:
            message = f"{field!r} is not a field Rapport imports; use one of {', '.join(FIELDS)}"
            result.errors.append(ImportIssue(name, None, table.header_line, message))
        elif column not in table.header:
            message = f"column {column!r} chosen for {field} is not in the file's header"
            result.errors.append(ImportIssue(name, None, table.header_line, message))
    usable = {f: c for f, c in chosen.items() if f in FIELDS and c in table.header}
    if not usable.keys() & {"name", "given_name", "family_name", "org", "email"}:
        message = "no column holds names, organisations or emails; choose the columns by hand"
        result.errors.append(ImportIssue(name, None, table.header_line, message))
        return None
    return mapped_reader(usable)
