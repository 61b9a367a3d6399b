"""Writing contacts as a simple CSV that spreadsheets open and `parse_csv` reads back."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from desktop.interchange.csv_layouts import GOOGLE_SEPARATOR
from desktop.interchange.csv_mapping import RAPPORT_HEADER
from desktop.records import ContactDetail


def _row(contact: ContactDetail) -> list[str]:
    return [
        contact.name,
        contact.given_name or "",
        contact.family_name or "",
        contact.org or "",
        contact.title or "",
        GOOGLE_SEPARATOR.join(contact.emails),
        GOOGLE_SEPARATOR.join(contact.phones),
        GOOGLE_SEPARATOR.join(contact.tags),
        contact.location or "",
        contact.about or "",
    ]


def write_contacts_csv(contacts: Sequence[ContactDetail]) -> str:
    """Return the contacts as CSV text with a header row and CRLF line ends.

    Several emails, phones or tags share one cell, joined by " ::: " as
    Google Contacts does.
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(RAPPORT_HEADER)
    writer.writerows(_row(contact) for contact in contacts)
    return out.getvalue()
