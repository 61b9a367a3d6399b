"""Reading any CSV through a map from Rapport's fields to the file's column headers."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from desktop.interchange.builder import DraftBuilder
from desktop.interchange.csv_layouts import GOOGLE_SEPARATOR, RowReader
from desktop.normalise import fold

FIELDS = (
    "name",
    "given_name",
    "family_name",
    "org",
    "title",
    "email",
    "phone",
    "url",
    "note",
    "tags",
    "location",
)

# Rapport's own CSV export: `write_contacts_csv` writes exactly these columns, in this order.
RAPPORT_MAPPING = {
    "name": "Name",
    "given_name": "Given Name",
    "family_name": "Family Name",
    "org": "Organisation",
    "title": "Title",
    "email": "Emails",
    "phone": "Phones",
    "tags": "Tags",
    "location": "Location",
    "note": "About",
}
RAPPORT_HEADER = tuple(RAPPORT_MAPPING.values())

_SYNONYMS: dict[str, tuple[str, ...]] = {
    "name": ("name", "full name", "display name", "contact name", "contact", "file as"),
    "given_name": ("first name", "given name", "forename", "first"),
    "family_name": ("last name", "family name", "surname", "last"),
    "org": (
        "company",
        "organisation",
        "organization",
        "org",
        "employer",
        "company name",
        "organisation name",
        "organization name",
        "organization 1 name",
    ),
    "title": ("job title", "title", "position", "role", "occupation", "organization 1 title"),
    "email": ("email", "e mail", "email address", "e mail address", "mail", "primary email"),
    "phone": ("phone", "telephone", "tel", "mobile", "mobile phone", "phone number", "cell"),
    "url": ("url", "website", "web site", "web page", "homepage", "linkedin", "profile url"),
    "note": ("note", "notes", "comment", "comments", "about", "description"),
    "tags": ("tags", "tag", "labels", "groups", "group membership", "categories", "category"),
    "location": ("location", "city", "town", "address"),
}
# Second chance for columns such as "Email (work)" or "E-mail 1 - Value".
_KEYWORDS: dict[str, tuple[str, ...]] = {
    "email": ("email", "e mail"),
    "phone": ("phone", "mobile"),
}
_NOT_WORDS = re.compile(r"[\W_]+")
# Cells in hand-made spreadsheets list several addresses or tags with any of these.
_LOOSE_SEPARATORS = re.compile(r"\s*(?: ::: |;|,)\s*")
_PHONE_SEPARATORS = re.compile(r"\s*(?: ::: |;)\s*")


def _normal(header: str) -> str:
    return " ".join(_NOT_WORDS.sub(" ", fold(header)).split())


def guess_mapping(headers: Sequence[str]) -> dict[str, str]:
    """Return a best guess of {Rapport field: column header} from common header names.

    Each column is used for at most one field; fields with no likely column are left out.
    """
    normal = [(_normal(header), header) for header in headers]
    mapping: dict[str, str] = {}
    used: set[str] = set()
    for field, synonyms in _SYNONYMS.items():
        for key, header in normal:
            if key in synonyms and header not in used:
                mapping[field] = header
                used.add(header)
                break
    for field, keywords in _KEYWORDS.items():
        if field in mapping:
            continue
        for key, header in normal:
            if header not in used and any(word in key for word in keywords):
                mapping[field] = header
                used.add(header)
                break
    return mapping


def _split(text: str, pattern: re.Pattern[str] | None) -> list[str]:
    if not text:
        return []
    if pattern is None:
        return [part.strip() for part in text.split(GOOGLE_SEPARATOR) if part.strip()]
    return [part for part in pattern.split(text) if part]


def mapped_reader(mapping: Mapping[str, str], loose: bool = True) -> RowReader:
    """Return a reader that takes each field from the column the mapping names.

    Args:
        mapping: {Rapport field: column header}; fields not in FIELDS are ignored.
        loose: Also split emails and tags on ";" and ",", phones on ";", as people
            do in hand-made sheets. Rapport's own export only uses " ::: ".
    """
    columns = {field: header for field, header in mapping.items() if field in FIELDS}
    lists = _LOOSE_SEPARATORS if loose else None
    phones = _PHONE_SEPARATORS if loose else None

    def read(row: Mapping[str, str]) -> DraftBuilder:
        cell = {field: row.get(header, "") for field, header in columns.items()}
        builder = DraftBuilder(
            given_name=cell.get("given_name") or None,
            family_name=cell.get("family_name") or None,
        )
        builder.set_name(cell.get("name"))
        builder.set_org(cell.get("org"))
        builder.set_title(cell.get("title"))
        builder.set_location(cell.get("location"))
        builder.add_note(cell.get("note"))
        for email in _split(cell.get("email", ""), lists):
            builder.add_method("email", email)
        for phone in _split(cell.get("phone", ""), phones):
            builder.add_method("phone", phone)
        for url in _split(cell.get("url", ""), None):
            builder.add_method("url", url)
        for tag in _split(cell.get("tags", ""), lists):
            builder.add_tag(tag)
        return builder

    return read
