"""Reading vCard property values: escapes, structured fields, labels, addresses."""

from __future__ import annotations

import base64
import binascii
import re

from vobject.icalendar import stringToTextValues

from desktop.interchange.photos import normalise_photo
from desktop.interchange.vcard_lines import Property

# vobject keeps escapes it does not know ("\:" in Gmail's "http\://"), so the
# escapes vCard writers use in practice are undone here.
_ESCAPED = re.compile(r'\\([\\;,:"nN])')
_APPLE_LABEL = re.compile(r"_\$!<(.*)>!\$_")
_CAMEL_HUMP = re.compile(r"(?<=[a-z])(?=[A-Z])")
_WHITESPACE = re.compile(r"\s+")

_PLACES = ("work", "home", "other", "school", "main")
_DEVICES = {
    "cell": "mobile",
    "mobile": "mobile",
    "iphone": "mobile",
    "fax": "fax",
    "pager": "pager",
}
# TYPE values that say nothing a person would call a label.
_NOT_LABELS = frozenset(
    {
        "pref",
        "internet",
        "voice",
        "x400",
        "postal",
        "parcel",
        "dom",
        "intl",
        "msg",
        "text",
        "video",
        "bbs",
        "modem",
        "isdn",
        "pcs",
        "car",
        "textphone",
        "email",
    }
)


def _unescape_match(match: re.Match[str]) -> str:
    char = match.group(1)
    return "\n" if char in "nN" else char


def unescape(value: str) -> str:
    """Return a text value with vCard backslash escapes undone."""
    if "\\" not in value:
        return value
    return _ESCAPED.sub(_unescape_match, value)


def split_escaped(value: str, separator: str) -> list[str]:
    """Split a value on separators that are not escaped, then unescape each piece."""
    if "\\" not in value:
        return value.split(separator)
    pieces = stringToTextValues(value, listSeparator=separator, charList=separator)
    return [unescape(piece) for piece in pieces]


def components(value: str, count: int) -> list[str]:
    """Return the first count fields of a structured value (N, ADR, ORG), padded with ''."""
    fields = [field.strip() for field in split_escaped(value, ";")]
    return (fields + [""] * count)[:count]


def _apple_label(text: str) -> str:
    # Apple wraps its built-in labels as _$!<HomePage>!$_; custom labels are plain.
    match = _APPLE_LABEL.fullmatch(text.strip())
    if match is None:
        return text.strip()
    return _CAMEL_HUMP.sub(" ", match.group(1)).lower()


def label_for(prop: Property, group_labels: dict[str, str]) -> str | None:
    """Return a label such as "work", "home fax", "mobile", or an X-ABLabel's text.

    Args:
        prop: The property to label.
        group_labels: X-ABLabel values by lower-cased group (item1, item2, ...).
    """
    if prop.group:
        grouped = group_labels.get(prop.group.lower())
        if grouped:
            return _apple_label(grouped)
    place = next((p for p in _PLACES if p in prop.types), None)
    device = next((_DEVICES[t] for t in prop.types if t in _DEVICES), None)
    if place or device:
        return " ".join(p for p in (place, device) if p)
    for listed in prop.params.get("TYPE", ()):
        for custom in listed.split(","):
            custom = custom.strip()
            if custom and custom.lower() not in _NOT_LABELS:
                return custom
    return None


def one_line_address(value: str) -> tuple[str, str | None]:
    """Return an ADR value as one line, and a short location (city, country) from it."""
    box, extended, street, city, region, code, country = (
        ", ".join(part.strip(" ,\t") for part in field.split("\n") if part.strip(" ,\t"))
        for field in components(value, 7)
    )
    line = ", ".join(p for p in (box, extended, street, city, region, code, country) if p)
    place = ", ".join(p for p in (city or region, country) if p)
    return line, place or None


def photo_bytes(prop: Property) -> bytes | None:
    """Return inline photo data, made small, or None for URI photos and broken data."""
    value = prop.value.strip()
    if value[:5].lower() == "data:":
        meta, _, payload = value.partition(",")
        if ";base64" not in meta.lower():
            return None
    elif prop.encoding in ("B", "BASE64"):
        payload = value
    else:
        return None
    # Writers often drop or garble the padding; what matters is the data before it.
    payload = _WHITESPACE.sub("", payload).rstrip("=")
    payload += "=" * (-len(payload) % 4)
    try:
        data = base64.b64decode(payload)
    except (binascii.Error, ValueError):
        return None
    return normalise_photo(data)
