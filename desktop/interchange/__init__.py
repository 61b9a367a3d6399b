"""Contact interchange: read vCard and CSV files into drafts, write contacts back out.

Nothing here touches the database or Qt. Readers turn bytes into
`ContactDraft` records plus `ImportIssue` reports and never raise on bad
input; services decide what to do with the drafts (match, merge, save).
"""

from desktop.interchange.csv_reader import csv_headers, detect_csv_layout, guess_mapping, parse_csv
from desktop.interchange.csv_writer import write_contacts_csv
from desktop.interchange.detect import read_contacts
from desktop.interchange.drafts import ContactDraft, ImportIssue, ParseResult
from desktop.interchange.vcard_reader import parse_vcards
from desktop.interchange.vcard_writer import write_vcards

__all__ = [
    "ContactDraft",
    "ImportIssue",
    "ParseResult",
    "csv_headers",
    "detect_csv_layout",
    "guess_mapping",
    "parse_csv",
    "parse_vcards",
    "read_contacts",
    "write_contacts_csv",
    "write_vcards",
]
