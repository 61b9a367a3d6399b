"""Collects the fields of one card or row, then settles them into a `ContactDraft`."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from desktop.interchange.drafts import ContactDraft
from desktop.records import ContactMethodRecord

NO_NAME = "has no name, organisation or email to call it by"


def squash(value: str | None) -> str | None:
    """Return text with runs of whitespace made single spaces, or None when blank."""
    if value is None:
        return None
    squashed = " ".join(value.split())
    return squashed or None


def clean_text(value: str | None) -> str | None:
    """Return multi-line text trimmed, with Windows line ends made plain, or None when blank."""
    if value is None:
        return None
    cleaned = value.replace("\r\n", "\n").replace("\r", "\n").strip()
    return cleaned or None


@dataclass
class DraftBuilder:
    """Mutable notes taken while reading one contact; `build` makes the frozen draft.

    Setters keep the first non-blank value, because files list the preferred
    value first and later duplicates (a second ORG, a second TITLE) are noise.
    """

    name: str | None = None
    given_name: str | None = None
    middle_name: str | None = None
    family_name: str | None = None
    org: str | None = None
    title: str | None = None
    location: str | None = None
    notes: list[str] = field(default_factory=list)
    birthday: date | None = None
    uid: str | None = None
    photo: bytes | None = None
    connected_on: date | None = None
    methods: list[ContactMethodRecord] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    _seen_methods: set[tuple[str, str]] = field(default_factory=set, init=False, repr=False)
    _seen_tags: set[str] = field(default_factory=set, init=False, repr=False)

    def set_name(self, value: str | None) -> None:
        """Keep the first non-blank display name."""
        if self.name is None:
            self.name = squash(value)

    def set_org(self, value: str | None) -> None:
        """Keep the first non-blank organisation."""
        if self.org is None:
            self.org = squash(value)

    def set_title(self, value: str | None) -> None:
        """Keep the first non-blank job title."""
        if self.title is None:
            self.title = squash(value)

    def set_location(self, value: str | None) -> None:
        """Keep the first non-blank location."""
        if self.location is None:
            self.location = squash(value)

    def set_uid(self, value: str | None) -> None:
        """Keep the first non-blank UID."""
        if self.uid is None:
            self.uid = squash(value)

    def add_note(self, value: str | None) -> None:
        """Add a note; several notes are joined by a blank line."""
        note = clean_text(value)
        if note is not None:
            self.notes.append(note)

    def add_method(self, kind: str, value: str | None, label: str | None = None) -> None:
        """Add an email, phone, URL, social handle or address, once per value."""
        text = clean_text(value)
        if text is None:
            return
        if kind == "email" and text[:7].lower() == "mailto:":
            text = text[7:].strip()
        elif kind == "phone" and text[:4].lower() == "tel:":
            text = text[4:].strip()
        if kind == "address":
            text = ", ".join(part.strip() for part in text.split("\n") if part.strip())
        if not text:
            return
        key = (kind, text.casefold() if kind == "email" else text)
        if key in self._seen_methods:
            return
        self._seen_methods.add(key)
        self.methods.append(ContactMethodRecord(kind=kind, value=text, label=squash(label)))

    def add_tag(self, value: str | None) -> None:
        """Add a tag, once regardless of case."""
        tag = squash(value)
        if tag is None or tag.casefold() in self._seen_tags:
            return
        self._seen_tags.add(tag.casefold())
        self.tags.append(tag)

    def display_name(self) -> str | None:
        """Return the name to call this contact by: name, then name parts, org, email."""
        if self.name:
            return self.name
        parts = " ".join(p for p in (self.given_name, self.middle_name, self.family_name) if p)
        if squash(parts):
            return squash(parts)
        if self.org:
            return self.org
        for method in self.methods:
            if method.kind == "email":
                return method.value
        return None

    def build(self, source: str) -> ContactDraft | None:
        """Return the frozen draft, or None when nothing can name the contact."""
        name = self.display_name()
        if name is None:
            return None
        return ContactDraft(
            name=name,
            given_name=squash(self.given_name),
            family_name=squash(self.family_name),
            org=self.org,
            title=self.title,
            location=self.location,
            note="\n\n".join(self.notes) or None,
            birthday=self.birthday,
            uid=self.uid,
            methods=tuple(self.methods),
            tags=tuple(self.tags),
            photo=self.photo,
            connected_on=self.connected_on,
            source=source,
        )
