"""Reading vCard files (2.1, 3.0, 4.0) into contact drafts, one card at a time."""

from __future__ import annotations

import os
from collections.abc import Callable

from desktop.interchange.builder import NO_NAME, DraftBuilder
from desktop.interchange.dates import parse_date
from desktop.interchange.drafts import ContactDraft, ImportIssue, ParseResult
from desktop.interchange.text_decoding import decode_keeping_bytes
from desktop.interchange.vcard_lines import CardText, Property, card_properties, split_cards
from desktop.interchange.vcard_values import (
    components,
    label_for,
    one_line_address,
    photo_bytes,
    split_escaped,
    unescape,
)

# Rapport's own export writes the location here, so that it survives a round trip.
LOCATION_PROPERTY = "X-RAPPORT-LOCATION"

# Instant-messaging properties written before IMPP existed, and the service each names.
_LEGACY_IM = {
    "X-AIM": "aim",
    "X-ICQ": "icq",
    "X-JABBER": "jabber",
    "X-MSN": "msn",
    "X-YAHOO": "yahoo",
    "X-SKYPE": "skype",
    "X-SKYPE-USERNAME": "skype",
    "X-GTALK": "google talk",
    "X-GOOGLE-TALK": "google talk",
    "X-QQ": "qq",
    "X-TWITTER": "twitter",
}

_Handler = Callable[[DraftBuilder, Property, str | None], None]


def parse_vcards(data: bytes, filename: str) -> ParseResult:
    """Read every card in a vCard file; never raises on bad input.

    Each card is read on its own, so a broken card becomes one `ImportIssue`
    (with its card number and first line) and the others still import.

    Args:
        data: The file's bytes, in any of the encodings vCard writers use.
        filename: The file's name, used in issues and in each draft's source.

    Returns:
        The drafts, the issues, and the format "vcard".
    """
    name = os.path.basename(filename) or filename
    result = ParseResult(format="vcard")
    try:
        text, legacy = decode_keeping_bytes(data)
        cards = split_cards(text)
    except Exception as exc:  # the contract is "never raise": report instead
        result.errors.append(ImportIssue(name, None, None, f"file could not be read: {exc}"))
        return result
    if not cards:
        message = "file has no cards: no BEGIN:VCARD line was found"
        result.errors.append(ImportIssue(name, None, None, message))
    for card in cards:
        try:
            outcome = _read_card(card, name, legacy)
        except Exception as exc:  # one bad card must not stop the others
            message = f"card could not be read and was skipped ({type(exc).__name__}: {exc})"
            outcome = ImportIssue(name, card.number, card.line, message)
        if isinstance(outcome, ContactDraft):
            result.drafts.append(outcome)
        else:
            result.errors.append(outcome)
    return result


def _read_card(card: CardText, filename: str, legacy: bool) -> ContactDraft | ImportIssue:
    if not card.has_begin:
        return ImportIssue(filename, card.number, card.line, "card has no BEGIN:VCARD line")
    properties = card_properties(card.body, legacy)
    group_labels = {
        prop.group.lower(): unescape(prop.value)
        for prop in properties
        if prop.name == "X-ABLABEL" and prop.group
    }
    builder = DraftBuilder()
    for prop in properties:
        handler = _HANDLERS.get(prop.name)
        if handler is not None:
            handler(builder, prop, label_for(prop, group_labels))
        elif prop.name in _LEGACY_IM:
            builder.add_method("social", unescape(prop.value), _LEGACY_IM[prop.name])
    draft = builder.build(f"{filename} card {card.number}")
    if draft is None:
        return ImportIssue(filename, card.number, card.line, f"card {NO_NAME}")
    return draft


def _name(builder: DraftBuilder, prop: Property, label: str | None) -> None:
    family, given, additional = components(prop.value, 3)
    if builder.given_name is None and builder.family_name is None:
        builder.family_name = family or None
        builder.given_name = given or None
        builder.middle_name = additional or None


def _address(builder: DraftBuilder, prop: Property, label: str | None) -> None:
    line, place = one_line_address(prop.value)
    builder.add_method("address", line, label)
    builder.set_location(place)


def _birthday(builder: DraftBuilder, prop: Property, label: str | None) -> None:
    if builder.birthday is None:
        builder.birthday = parse_date(unescape(prop.value))


def _tags(builder: DraftBuilder, prop: Property, label: str | None) -> None:
    for tag in split_escaped(prop.value, ","):
        builder.add_tag(tag)


def _photo(builder: DraftBuilder, prop: Property, label: str | None) -> None:
    if builder.photo is None:
        builder.photo = photo_bytes(prop)


def _social(builder: DraftBuilder, prop: Property, label: str | None) -> None:
    value = unescape(prop.value)
    service = prop.param("X-SERVICE-TYPE") or label
    if service is None and prop.name == "IMPP":
        scheme, colon, _ = value.partition(":")
        service = scheme if colon else None
    builder.add_method("social", value, service)


def _location(builder: DraftBuilder, prop: Property, label: str | None) -> None:
    builder.location = None
    builder.set_location(unescape(prop.value))


_HANDLERS: dict[str, _Handler] = {
    "FN": lambda b, p, _: b.set_name(unescape(p.value)),
    "N": _name,
    "ORG": lambda b, p, _: b.set_org(components(p.value, 1)[0]),
    "TITLE": lambda b, p, _: b.set_title(unescape(p.value)),
    "EMAIL": lambda b, p, label: b.add_method("email", unescape(p.value), label),
    "TEL": lambda b, p, label: b.add_method("phone", unescape(p.value), label),
    "ADR": _address,
    "URL": lambda b, p, label: b.add_method("url", unescape(p.value), label),
    "NOTE": lambda b, p, _: b.add_note(unescape(p.value)),
    "BDAY": _birthday,
    "CATEGORIES": _tags,
    "UID": lambda b, p, _: b.set_uid(unescape(p.value)),
    "PHOTO": _photo,
    "X-SOCIALPROFILE": _social,
    "IMPP": _social,
    LOCATION_PROPERTY: _location,
}
