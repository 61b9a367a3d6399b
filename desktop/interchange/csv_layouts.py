"""Row readers for the CSV layouts that LinkedIn, Google and Outlook export."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

from desktop.interchange.builder import DraftBuilder
from desktop.interchange.dates import parse_date

RowReader = Callable[[Mapping[str, str]], DraftBuilder]

GOOGLE_SEPARATOR = " ::: "
_GOOGLE_NUMBERED = re.compile(r"(E-mail|Phone|Website|Address|IM) (\d+) - (.+)")
_GOOGLE_KINDS = {"E-mail": "email", "Phone": "phone", "Website": "url", "IM": "social"}
_GOOGLE_SYSTEM_GROUPS = frozenset({"mycontacts", "my contacts", "starred", "starred in android"})
_PLAIN_LABELS = frozenset(
    {"work", "home", "mobile", "other", "main", "pager", "work fax", "home fax", "other fax"}
)
_OUTLOOK_EMAILS = ("E-mail Address", "E-mail 2 Address", "E-mail 3 Address")
_OUTLOOK_PHONES = {
    "Mobile Phone": "mobile",
    "Business Phone": "work",
    "Business Phone 2": "work",
    "Home Phone": "home",
    "Home Phone 2": "home",
    "Primary Phone": "main",
    "Company Main Phone": "company main",
    "Other Phone": "other",
    "Business Fax": "work fax",
    "Home Fax": "home fax",
    "Other Fax": "other fax",
    "Pager": "pager",
    "Car Phone": "car",
    "Assistant's Phone": "assistant",
    "Callback": "callback",
    "Radio Phone": "radio",
    "ISDN": "isdn",
    "Telex": "telex",
    "TTY/TDD Phone": "tty",
}
_OUTLOOK_ADDRESSES = (("Business", "work"), ("Home", "home"), ("Other", "other"))
_OUTLOOK_TAG_SPLIT = re.compile(r"[;,]")


def split_values(text: str | None, separator: str = GOOGLE_SEPARATOR) -> list[str]:
    """Return the non-blank values of a cell that holds several, joined by separator."""
    if not text:
        return []
    return [value.strip() for value in text.split(separator) if value.strip()]


def _first(row: Mapping[str, str], *columns: str) -> str | None:
    for column in columns:
        value = row.get(column)
        if value:
            return value
    return None


def _one_line(*parts: str | None) -> str:
    pieces = (p.strip(" ,") for part in parts if part for p in part.splitlines())
    return ", ".join(piece for piece in pieces if piece)


def linkedin_reader(header: Sequence[str]) -> RowReader:
    """Return a reader for LinkedIn's Connections.csv (the current and the 2018 layout)."""

    def read(row: Mapping[str, str]) -> DraftBuilder:
        builder = DraftBuilder(
            given_name=row.get("First Name") or None,
            family_name=row.get("Last Name") or None,
            connected_on=parse_date(row.get("Connected On")),
        )
        builder.set_org(row.get("Company"))
        builder.set_title(row.get("Position"))
        builder.add_method("email", row.get("Email Address"))
        builder.add_method("social", row.get("URL"), "linkedin")
        return builder

    return read


def _google_label(text: str | None) -> str | None:
    # "* " marks the primary value's type ("* Work"); it is not part of the label.
    label = (text or "").lstrip("* ").strip()
    if not label:
        return None
    return label.lower() if label.lower() in _PLAIN_LABELS else label


def _google_groups(header: Sequence[str]) -> list[tuple[str, dict[str, str]]]:
    """Return (kind, {field: column}) for each numbered group (E-mail 1, Phone 2, ...)."""
    groups: dict[tuple[str, str], dict[str, str]] = {}
    for column in header:
        match = _GOOGLE_NUMBERED.fullmatch(column)
        if match:
            kind, number, part = match.groups()
            groups.setdefault((kind, number), {})[part] = column
    return [(kind, columns) for (kind, _), columns in groups.items()]


def google_reader(header: Sequence[str]) -> RowReader:
    """Return a reader for Google Contacts CSV, the old 49-column layout or the new one."""
    groups = _google_groups(header)

    def read(row: Mapping[str, str]) -> DraftBuilder:
        builder = DraftBuilder(
            given_name=_first(row, "Given Name", "First Name"),
            middle_name=_first(row, "Additional Name", "Middle Name"),
            family_name=_first(row, "Family Name", "Last Name"),
            birthday=parse_date(row.get("Birthday")),
        )
        builder.set_name(row.get("Name"))
        builder.set_org(_first(row, "Organization 1 - Name", "Organization Name"))
        builder.set_title(_first(row, "Organization 1 - Title", "Organization Title"))
        builder.set_location(row.get("Location"))
        builder.add_note(row.get("Notes"))
        for group in split_values(_first(row, "Group Membership", "Labels")):
            tag = group.lstrip("* ").strip()
            folded = tag.casefold()
            if folded not in _GOOGLE_SYSTEM_GROUPS and not folded.startswith("system group:"):
                builder.add_tag(tag)
        for kind, columns in groups:
            _google_group(builder, kind, {part: row.get(col, "") for part, col in columns.items()})
        return builder

    return read


def _google_group(builder: DraftBuilder, kind: str, cells: dict[str, str]) -> None:
    label = _google_label(cells.get("Type") or cells.get("Label"))
    if kind == "Address":
        formatted = cells.get("Formatted") or _one_line(
            cells.get("Street"),
            cells.get("PO Box"),
            cells.get("City"),
            cells.get("Region"),
            cells.get("Postal Code"),
            cells.get("Country"),
        )
        for address in split_values(formatted):
            builder.add_method("address", address, label)
        builder.set_location(_one_line(cells.get("City"), cells.get("Country")) or None)
        return
    if kind == "IM":
        label = cells.get("Service") or label
    for value in split_values(cells.get("Value")):
        builder.add_method(_GOOGLE_KINDS[kind], value, label)


def outlook_reader(header: Sequence[str]) -> RowReader:
    """Return a reader for Outlook CSV: Outlook.com's 61 columns or the desktop's 92."""
    phones = [(column, label) for column, label in _OUTLOOK_PHONES.items() if column in header]

    def read(row: Mapping[str, str]) -> DraftBuilder:
        builder = DraftBuilder(
            given_name=row.get("First Name") or None,
            middle_name=row.get("Middle Name") or None,
            family_name=row.get("Last Name") or None,
            birthday=parse_date(row.get("Birthday")),
        )
        builder.set_org(row.get("Company"))
        builder.set_title(row.get("Job Title"))
        builder.set_location(row.get("Location"))
        builder.add_note(row.get("Notes"))
        for column in _OUTLOOK_EMAILS:
            # Exchange accounts export an X.500 path instead of an address.
            if "@" in row.get(column, ""):
                builder.add_method("email", row[column])
        for column, label in phones:
            builder.add_method("phone", row.get(column), label)
        builder.add_method("url", row.get("Web Page"))
        builder.add_method("url", row.get("Personal Web Page"), "home")
        builder.add_method("social", row.get("IMAddress"), "im")
        for prefix, label in _OUTLOOK_ADDRESSES:
            _outlook_address(builder, row, prefix, label)
        for tag in _OUTLOOK_TAG_SPLIT.split(row.get("Categories", "")):
            builder.add_tag(tag)
        return builder

    return read


def _outlook_address(
    builder: DraftBuilder, row: Mapping[str, str], prefix: str, label: str
) -> None:
    city = row.get(f"{prefix} City")
    country = _first(row, f"{prefix} Country/Region", f"{prefix} Country")
    address = _one_line(
        row.get(f"{prefix} Street"),
        row.get(f"{prefix} Street 2"),
        row.get(f"{prefix} Street 3"),
        city,
        row.get(f"{prefix} State"),
        row.get(f"{prefix} Postal Code"),
        country,
    )
    if address:
        builder.add_method("address", address, label)
        builder.set_location(_one_line(city, country) or None)
