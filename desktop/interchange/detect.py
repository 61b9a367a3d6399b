"""Choosing the reader for a contact file from its content, its name, or the user's word."""

from __future__ import annotations

import os
import re

from desktop.interchange.csv_reader import LAYOUTS, parse_csv
from desktop.interchange.drafts import ImportIssue, ParseResult
from desktop.interchange.text_decoding import decode_text
from desktop.interchange.vcard_reader import parse_vcards

FORMATS = ("auto", "vcard", *LAYOUTS)

_HEAD_BYTES = 4096
_VCARD_START = re.compile(r"BEGIN\s*:\s*VCARD", re.IGNORECASE)
_VCARD_SUFFIXES = (".vcf", ".vcard")
_CSV_SUFFIXES = (".csv", ".tsv")


def _looks_like_csv(head: str) -> bool:
    """Say whether the first filled line reads as a header of two or more columns."""
    for line in head.splitlines():
        if line.strip():
            return any(sep in line for sep in (",", ";", "\t")) or line.strip() == "Notes:"
    return False


def _sniff(data: bytes, filename: str) -> str | None:
    """Return "vcard" or "csv" from the file's start and extension, or None for neither."""
    head = decode_text(data[:_HEAD_BYTES])
    suffix = os.path.splitext(filename)[1].lower()
    if _VCARD_START.search(head) or suffix in _VCARD_SUFFIXES:
        return "vcard"
    if suffix in _CSV_SUFFIXES or _looks_like_csv(head):
        return "csv"
    return None


def read_contacts(data: bytes, filename: str, fmt: str = "auto") -> ParseResult:
    """Read a contact file in whatever format it is; never raises on bad input.

    Args:
        data: The file's bytes.
        filename: The file's name; its extension helps when the content is ambiguous.
        fmt: "auto" to tell from the content, "vcard", or a CSV layout
            ("linkedin", "google", "outlook", "rapport", "csv").

    Returns:
        The drafts and issues; an unreadable or unknown format is one issue.
    """
    name = os.path.basename(filename) or filename
    try:
        if fmt not in FORMATS:
            choices = ", ".join(FORMATS)
            message = f"{fmt!r} is not a format Rapport can import; use one of {choices}"
            return ParseResult(errors=[ImportIssue(name, None, None, message)], format=fmt)
        if fmt == "auto":
            kind = _sniff(data, name)
            if kind == "vcard":
                return parse_vcards(data, name)
            if kind == "csv":
                return parse_csv(data, name)  # the layout is told from the header
            message = "file is neither a vCard (.vcf) nor a CSV file, so nothing was imported"
            return ParseResult(errors=[ImportIssue(name, None, None, message)])
        if fmt == "vcard":
            return parse_vcards(data, name)
        return parse_csv(data, name, fmt)
    except Exception as exc:  # the contract is "never raise": report instead
        message = f"file could not be read: {exc}"
        return ParseResult(errors=[ImportIssue(name, None, None, message)], format=fmt)
