"""Writing contacts as vCard 4.0 or 3.0 text, through vobject."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import vobject

from desktop.interchange.vcard_reader import LOCATION_PROPERTY
from desktop.records import ContactDetail, ContactMethodRecord

VERSIONS = ("4.0", "3.0")
PRODID = "-//Rapport//Rapport contacts//EN"

# Labels vCard can say with TYPE; any other label travels as an Apple-style
# X-ABLabel, which Apple, Google and most readers (including ours) understand.
_TYPE_WORDS = {
    "work": "work",
    "home": "home",
    "other": "other",
    "main": "main",
    "mobile": "cell",
    "fax": "fax",
    "pager": "pager",
}
_PROPERTY_FOR_KIND = {
    "email": "email",
    "phone": "tel",
    "url": "url",
    "social": "x-socialprofile",
}
_URI_PHONE = re.compile(r"\+?[0-9]+")


def _types(label: str | None) -> list[str] | None:
    """Return TYPE values saying label ("work fax" -> work, fax), or None if it needs X-ABLabel."""
    if not label:
        return []
    words = label.lower().split()
    if all(word in _TYPE_WORDS for word in words):
        return [_TYPE_WORDS[word] for word in words]
    return None


def _add_method(card: Any, method: ContactMethodRecord, version: str, group: str) -> bool:
    """Add one method to the card; return whether it used the X-ABLabel group."""
    types = _types(method.label)
    if method.kind == "address":
        line = card.add("adr", group=None if types is not None else group)
        line.value = vobject.vcard.Address(street=method.value)
    else:
        name = _PROPERTY_FOR_KIND.get(method.kind, "x-socialprofile")
        line = card.add(name, group=None if types is not None else group)
        line.value = method.value
        if name == "tel" and version == "4.0":
            if _URI_PHONE.fullmatch(method.value):
                line.value_param = "uri"
                line.value = f"tel:{method.value}"
            else:
                line.value_param = "text"
    if types:
        line.type_paramlist = types if version == "4.0" else [t.upper() for t in types]
    if types is None:
        card.add("x-ablabel", group=group).value = method.label
        return True
    return False


def _card(contact: ContactDetail, version: str) -> Any:
    card = vobject.vCard()
    card.add("version").value = version
    card.add("prodid").value = PRODID
    card.add("uid").value = contact.uid
    card.add("fn").value = contact.name
    if version == "3.0" or contact.given_name or contact.family_name:
        card.add("n").value = vobject.vcard.Name(
            family=contact.family_name or "", given=contact.given_name or ""
        )
    if contact.org:
        card.add("org").value = [contact.org]
    if contact.title:
        card.add("title").value = contact.title
    if contact.birthday:
        day = contact.birthday
        separator = "" if version == "4.0" else "-"
        card.add("bday").value = separator.join(
            (f"{day.year:04d}", f"{day.month:02d}", f"{day.day:02d}")
        )
    if contact.about:
        card.add("note").value = contact.about
    if contact.tags:
        card.add("categories").value = list(contact.tags)
    if contact.location:
        card.add(LOCATION_PROPERTY.lower()).value = contact.location
    groups = 0
    for method in contact.methods:
        if _add_method(card, method, version, f"item{groups + 1}"):
            groups += 1
    return card


def write_vcards(contacts: Sequence[ContactDetail], version: str = "4.0") -> str:
    """Return the contacts as one vCard file's text, with CRLF line ends.

    Args:
        contacts: The contacts to write.
        version: "4.0" (RFC 6350) or "3.0" (RFC 2426, for older address books).

    Raises:
        ValueError: If version is neither "4.0" nor "3.0".
    """
    if version not in VERSIONS:
        raise ValueError(f"vCard version {version!r} cannot be written; use 4.0 or 3.0")
    return "".join(_card(contact, version).serialize() for contact in contacts)
