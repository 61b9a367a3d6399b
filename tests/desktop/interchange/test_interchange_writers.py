"""write_vcards and write_contacts_csv, checked by reading their output back."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.interchange.csv_reader import parse_csv
from desktop.interchange.csv_writer import write_contacts_csv
from desktop.interchange.drafts import ContactDraft
from desktop.interchange.vcard_reader import parse_vcards
from desktop.interchange.vcard_writer import write_vcards
from desktop.records import ContactDetail, ContactMethodRecord


def contact(**changes: object) -> ContactDetail:
    fields: dict[str, object] = {
        "id": 1,
        "uid": "6f1c1b7e-rapport-1",
        "name": "Ada Lovelace",
        "given_name": "Ada",
        "family_name": "Lovelace",
        "org": "Analytical Engines, Ltd; R&D",
        "title": "Mathematician",
        "location": "London, UK",
        "about": "Met at the salon.\nWants: an intro to Babbage; a publisher, maybe.\\n",
        "birthday": date(1815, 12, 10),
        "cadence_days": 30,
        "archived": False,
        "created_at": datetime(2024, 5, 1, 12, 0),
        "methods": (
            ContactMethodRecord("email", "ada@example.org", "work"),
            ContactMethodRecord("email", "ada@home.example", "Side project, old"),
            ContactMethodRecord("phone", "+447700900123", "mobile"),
            ContactMethodRecord("phone", "020 7946 0958", "work fax"),
            ContactMethodRecord("url", "https://ada.example", None),
            ContactMethodRecord("social", "https://www.linkedin.com/in/ada", "linkedin"),
            ContactMethodRecord("address", "12 St James's Square, London", "home"),
        ),
        "tags": ("Friends, London", "VIP", "Science"),
    }
    fields.update(changes)
    return ContactDetail(**fields)  # type: ignore[arg-type]


def assert_same_contact(draft: ContactDraft, original: ContactDetail) -> None:
    assert draft.name == original.name
    assert draft.given_name == original.given_name
    assert draft.family_name == original.family_name
    assert draft.org == original.org
    assert draft.title == original.title
    assert draft.note == original.about
    assert draft.birthday == original.birthday
    assert draft.uid == original.uid
    assert draft.tags == original.tags
    assert draft.emails == original.emails
    assert draft.phones == original.phones


@pytest.mark.parametrize("version", ["4.0", "3.0"])
def test_vcard_round_trip(version: str) -> None:
    original = contact()
    text = write_vcards([original, contact(uid="second", name="Grace Hopper")], version)
    assert text.startswith(f"BEGIN:VCARD\r\nVERSION:{version}\r\n")
    result = parse_vcards(text.encode("utf-8"), "export.vcf")
    assert result.errors == []
    first, second = result.drafts
    assert_same_contact(first, original)
    assert first.location == "London, UK"
    assert sorted(first.methods, key=repr) == sorted(original.methods, key=repr)
    assert (second.name, second.uid) == ("Grace Hopper", "second")


def test_vcard_4_writes_phone_uris_and_3_0_plain_text() -> None:
    four = write_vcards([contact()], "4.0")
    assert "TEL;TYPE=cell;VALUE=uri:tel:+447700900123" in four
    three = write_vcards([contact()], "3.0")
    assert "TEL;TYPE=CELL:+447700900123" in three
    assert "BDAY:1815-12-10" in three


def test_vcard_writer_leaves_out_what_is_empty() -> None:
    bare = contact(
        given_name=None,
        family_name=None,
        org=None,
        title=None,
        location=None,
        about=None,
        birthday=None,
        methods=(),
        tags=(),
    )
    four = write_vcards([bare], "4.0")
    assert "\r\nN:" not in four
    assert "ORG" not in four
    three = write_vcards([bare], "3.0")
    assert "\r\nN:;;;;\r\n" in three  # RFC 2426 requires N
    [draft] = parse_vcards(three.encode(), "bare.vcf").drafts
    assert (draft.name, draft.given_name, draft.family_name) == ("Ada Lovelace", None, None)


def test_unknown_vcard_version_is_refused() -> None:
    with pytest.raises(ValueError, match=r"2\.1"):
        write_vcards([contact()], "2.1")


def test_csv_round_trip() -> None:
    original = contact()
    text = write_contacts_csv([original, contact(name="Grace Hopper", about=None)])
    assert text.splitlines()[0] == (
        "Name,Given Name,Family Name,Organisation,Title,Emails,Phones,Tags,Location,About"
    )
    result = parse_csv(text.encode("utf-8"), "export.csv")
    assert result.format == "rapport"
    assert result.errors == []
    first, second = result.drafts
    assert first.name == "Ada Lovelace"
    assert (first.given_name, first.family_name) == ("Ada", "Lovelace")
    assert (first.org, first.title, first.location) == (original.org, "Mathematician", "London, UK")
    assert first.emails == original.emails
    assert first.phones == original.phones
    assert first.tags == original.tags
    assert first.note == original.about
    assert (second.name, second.note) == ("Grace Hopper", None)


_TEXT = st.characters(
    blacklist_categories=("Cs", "Cc", "Zl", "Zp", "Co", "Cn"),
)
_ONE_LINE = st.text(_TEXT, min_size=1, max_size=40).map(lambda s: " ".join(s.split()))
_NAMES = _ONE_LINE.filter(bool)
_OPTIONAL = st.none() | _NAMES
_NOTES = st.none() | st.text(st.one_of(_TEXT, st.just("\n")), min_size=1, max_size=200).map(
    str.strip
).filter(bool)
_TAGS = st.lists(_NAMES.filter(lambda t: ":::" not in t), max_size=4, unique_by=str.casefold)
_EMAILS = st.lists(
    st.from_regex(r"[a-z0-9._%+-]{1,12}@[a-z0-9-]{1,10}\.[a-z]{2,6}", fullmatch=True),
    max_size=3,
    unique=True,
)
_PHONES = st.lists(st.from_regex(r"\+?[0-9][0-9 ()-]{3,15}[0-9]", fullmatch=True), max_size=3)


@st.composite
def contacts(draw: st.DrawFn) -> ContactDetail:
    emails = draw(_EMAILS)
    phones = list(dict.fromkeys(draw(_PHONES)))
    labels = st.sampled_from([None, "work", "home", "mobile", "home fax"]) | _NAMES
    methods = tuple(
        [ContactMethodRecord("email", e, draw(labels)) for e in emails]
        + [ContactMethodRecord("phone", p, draw(labels)) for p in phones]
    )
    return contact(
        uid=draw(st.uuids()).hex,
        name=draw(_NAMES),
        given_name=draw(_OPTIONAL),
        family_name=draw(_OPTIONAL),
        org=draw(_OPTIONAL),
        title=draw(_OPTIONAL),
        about=draw(_NOTES),
        birthday=draw(st.none() | st.dates(date(1000, 1, 1), date(2100, 12, 31))),
        tags=tuple(draw(_TAGS)),
        methods=methods,
    )


@settings(max_examples=150, deadline=None)
@given(original=contacts(), version=st.sampled_from(["4.0", "3.0"]))
def test_any_contact_survives_a_vcard_round_trip(original: ContactDetail, version: str) -> None:
    result = parse_vcards(write_vcards([original], version).encode("utf-8"), "any.vcf")
    assert result.errors == []
    [draft] = result.drafts
    assert_same_contact(draft, original)
    # vCard TYPE values are case-insensitive, so "OTHER" may come back as "other".
    assert [(m.kind, m.value, (m.label or "").casefold()) for m in draft.methods] == [
        (m.kind, m.value, (m.label or "").casefold()) for m in original.methods
    ]


@settings(max_examples=150, deadline=None)
@given(original=contacts())
def test_any_contact_survives_a_csv_round_trip(original: ContactDetail) -> None:
    result = parse_csv(write_contacts_csv([original]).encode("utf-8"), "any.csv")
    assert result.format == "rapport"
    assert result.errors == []
    [draft] = result.drafts
    assert (draft.name, draft.org, draft.title, draft.note) == (
        original.name,
        original.org,
        original.title,
        original.about,
    )
    assert (draft.given_name, draft.family_name) == (original.given_name, original.family_name)
    assert (draft.emails, draft.phones, draft.tags) == (
        original.emails,
        original.phones,
        original.tags,
    )
