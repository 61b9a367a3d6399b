"""Finding the header and rows of a CSV export, past preambles and odd delimiters."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

_DELIMITERS = (",", ";", "\t")
# Enough rows to get past LinkedIn's "Notes:" preamble to the header.
_SNIFF_CHARS = 20_000
_MAX_READ_ERRORS = 100


@dataclass
class CsvTable:
    """A CSV file's header row and the data rows after it, with 1-based line numbers."""

    header: list[str]
    header_line: int
    rows: list[tuple[int, list[str]]] = field(default_factory=list)
    broken_lines: list[tuple[int, str]] = field(default_factory=list)

    def record(self, cells: list[str]) -> dict[str, str]:
        """Return one row as {header: stripped cell}; the first of repeated headers wins."""
        record: dict[str, str] = {}
        for name, value in zip(self.header, cells, strict=False):
            if name not in record:
                record[name] = value.strip()
        return record


def _header_index(rows: list[list[str]]) -> int | None:
    """Return the index of the header: the first row with two or more filled cells.

    Rows before it are a preamble (LinkedIn writes a "Notes:" paragraph and a
    blank line). A file whose rows all have one cell is a one-column CSV.
    """
    first_filled = None
    for index, cells in enumerate(rows):
        filled = sum(1 for cell in cells if cell.strip())
        if filled >= 2:
            return index
        if filled and first_filled is None:
            first_filled = index
    return first_filled


def _delimiter(text: str) -> str:
    """Return the delimiter that finds a header soonest (then widest); comma when in doubt.

    Soonest first, because data rows may hold the other delimiters in free
    text (a note with semicolons) and would look wider than the real header.
    """
    sample = text[:_SNIFF_CHARS]
    best, best_rank = ",", (len(sample) + 1, 0)
    for delimiter in _DELIMITERS:
        if delimiter not in sample:
            continue
        try:
            rows = list(csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter))
        except csv.Error:
            continue
        index = _header_index(rows)
        if index is None or len(rows[index]) < 2:
            continue
        rank = (index, -len(rows[index]))
        if rank < best_rank:
            best, best_rank = delimiter, rank
    return best


def read_table(text: str) -> CsvTable | None:
    """Return the header and data rows of CSV text, or None when it has no rows at all.

    Rows the csv module cannot read (an over-long field, say) are listed in
    `broken_lines` rather than stopping the whole file.
    """
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    rows: list[tuple[int, list[str]]] = []
    broken: list[tuple[int, str]] = []
    last_line = 0
    while len(broken) < _MAX_READ_ERRORS:
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            broken.append((last_line + 1, str(exc)))
            last_line = reader.line_num
            continue
        rows.append((last_line + 1, cells))
        last_line = reader.line_num
    index = _header_index([cells for _, cells in rows])
    if index is None:
        return None
    header_line, header_cells = rows[index]
    header = [cell.strip().lstrip("\ufeff").strip() for cell in header_cells]
    data_rows = [
        (line, cells) for line, cells in rows[index + 1 :] if any(c.strip() for c in cells)
    ]
    return CsvTable(header, header_line, data_rows, broken)
