"""ImportService: real files into a real vault, duplicates, policies, one transaction."""

from __future__ import annotations

import base64
import io
from datetime import UTC, date, datetime

import pytest
from PIL import Image
from sqlalchemy import func, select, text

from desktop.app import Services
from desktop.errors import ValidationError
from desktop.interchange import read_contacts
from desktop.records import ContactInput
from desktop.services.import_plan import prepare
from storage.models import Contact, ContactMethod, Interaction, Tag
from tests.conftest import SHARED_FIXTURES

CSV = SHARED_FIXTURES / "csv"
VCARDS = SHARED_FIXTURES / "vcards"
needs_csv = pytest.mark.skipif(not CSV.is_dir(), reason=f"shared CSV fixtures absent at {CSV}")
VCARD_FOLDERS = sorted(p.name for p in VCARDS.iterdir() if p.is_dir()) if VCARDS.is_dir() else []


def card(*lines: str) -> str:
    return "BEGIN:VCARD\r\nVERSION:3.0\r\n" + "".join(f"{ln}\r\n" for ln in lines) + "END:VCARD\r\n"


def vcf(*cards: str) -> bytes:
    return "".join(cards).encode("utf-8")


def count(services: Services, model: type[object]) -> int:
    with services.vault.sessions() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def photo_of(services: Services, name: str) -> bytes | None:
    with services.vault.sessions() as session:
        return session.scalar(select(Contact.photo).where(Contact.name == name))


def phones_of(services: Services, name: str) -> list[tuple[str, str | None]]:
    with services.vault.sessions() as session:
        rows = session.execute(
            select(ContactMethod.value, ContactMethod.normalized)
            .join(Contact, Contact.id == ContactMethod.contact_id)
            .where(Contact.name == name, ContactMethod.kind == "phone")
            .order_by(ContactMethod.position)
        )
        return [(value, key) for value, key in rows]


# -- real exports --------------------------------------------------------------------


@needs_csv
@pytest.mark.parametrize(
    ("filename", "layout", "people"),
    [
        ("linkedin_Connections.csv", "linkedin", {"Priya Natarajan": "Northwind Analytics"}),
        ("google_contacts_legacy.csv", "google", {"Amara Okafor": "Okafor Design"}),
        ("outlook_com_contacts.csv", "outlook", {"Hannah Kowalski": "Vistula Foods"}),
    ],
)
def test_each_csv_layout_imports_end_to_end(
    services: Services, filename: str, layout: str, people: dict[str, str]
) -> None:
    data = (CSV / filename).read_bytes()
    preview = services.imports.preview(data, filename)
    assert preview.format == layout
    assert count(services, Contact) == 0  # a preview writes nothing
    result = services.imports.run(data, filename)
    assert result.errors == ()
    assert result.imported == preview.drafts == preview.new == count(services, Contact)
    listed = {c.name: c.org for c in services.contacts.list_contacts()}
    for name, org in people.items():
        assert listed[name] == org
    drafts = read_contacts(data, filename).drafts
    emails = {e for c in services.contacts.list_contacts() for e in c.emails}
    assert {e for d in drafts for e in d.emails} <= emails


@needs_csv
def test_google_phones_are_stored_with_their_e164_key(services: Services) -> None:
    services.imports.run((CSV / "google_contacts_legacy.csv").read_bytes(), "google.csv")
    assert phones_of(services, "Amara Okafor") == [
        ("+44 7700 900123", "+447700900123"),
        ("+44 113 496 0000", "+441134960000"),
    ]


@needs_csv
def test_linkedin_connections_become_timeline_notes_once(services: Services) -> None:
    data = (CSV / "linkedin_Connections.csv").read_bytes()
    services.imports.run(data, "Connections.csv")
    priya = services.contacts.find("Priya Natarajan")
    timeline = services.interactions.timeline(priya.id)
    assert [(i.kind, i.note, i.occurred_at.date()) for i in timeline] == [
        ("note", "Connected on LinkedIn", date(2024, 5, 30))
    ]
    again = services.imports.run(data, "Connections.csv")
    # Contacts known only by their LinkedIn profile are still recognised.
    assert (again.imported, again.merged) == (0, 4)
    assert len(services.interactions.timeline(priya.id)) == 1
    assert count(services, Interaction) == 4


@pytest.mark.parametrize(
    "folder",
    VCARD_FOLDERS
    or [
        pytest.param("", marks=pytest.mark.skip(reason=f"shared vCard fixtures absent at {VCARDS}"))
    ],
)
def test_every_fixture_card_imports_with_its_details_or_is_reported(
    services: Services, folder: str
) -> None:
    for path in sorted((VCARDS / folder).rglob("*.vcf")):
        data = path.read_bytes()
        parsed = read_contacts(data, path.name, "vcard")
        with services.vault.sessions() as session:
            before = int(session.scalar(select(func.max(Contact.id))) or 0)
        result = services.imports.run(data, path.name, "vcard", on_duplicate="create")
        assert result.imported == len(parsed.drafts), path
        assert result.errors == tuple(parsed.errors), path
        for issue in result.errors:
            assert issue.file == path.name and issue.message
        with services.vault.sessions() as session:
            ids = session.scalars(
                select(Contact.id).where(Contact.id > before).order_by(Contact.id)
            ).all()
        assert len(ids) == len(parsed.drafts)
        for cid, raw in zip(ids, parsed.drafts, strict=True):
            draft, saved = prepare(raw).draft, services.contacts.get(cid)
            assert saved.name == " ".join(draft.name.split()), path
            assert saved.org == draft.org, path
            assert {e.lower() for e in saved.emails} == {e.lower() for e in draft.emails}, path
            assert set(saved.phones) == set(draft.phones), path


# -- duplicates and policies ---------------------------------------------------------


@pytest.fixture
def amara(services: Services) -> int:
    return services.contacts.add(
        ContactInput(
            name="Amara Okafor",
            org="Okafor Design",
            emails=("amara@okafor.example",),
            about="Met in Leeds",
            tags=("design",),
        )
    ).id


AMARA_AGAIN = card(
    "FN:Amara Okafor",
    "ORG:Okafor Design",
    "TITLE:Creative Director",
    "EMAIL:AMARA@okafor.example",
    "TEL:07700 900123",
    "NOTE:Wants a bookkeeper",
    "CATEGORIES:clients,Design",
)


def test_merge_fills_gaps_adds_methods_and_keeps_both_notes(services: Services, amara: int) -> None:
    result = services.imports.run(vcf(AMARA_AGAIN), "amara.vcf")
    assert (result.imported, result.merged, result.skipped) == (0, 1, 0)
    merged = services.contacts.get(amara)
    assert merged.title == "Creative Director"
    assert merged.about == "Met in Leeds\n\nWants a bookkeeper"
    assert merged.emails == ("amara@okafor.example",)
    assert merged.phones == ("07700 900123",)
    assert [t.casefold() for t in merged.tags] == ["clients", "design"]
    assert phones_of(services, "Amara Okafor") == [("07700 900123", "+447700900123")]
    services.imports.run(vcf(AMARA_AGAIN), "amara.vcf")
    assert services.contacts.get(amara).about == "Met in Leeds\n\nWants a bookkeeper"
    assert count(services, Contact) == 1


def test_skip_leaves_the_known_contact_alone(services: Services, amara: int) -> None:
    before = services.contacts.get(amara)
    result = services.imports.run(vcf(AMARA_AGAIN), "amara.vcf", on_duplicate="skip")
    assert (result.imported, result.merged, result.skipped) == (0, 0, 1)
    assert services.contacts.get(amara) == before


def test_create_adds_a_second_contact_anyway(services: Services, amara: int) -> None:
    result = services.imports.run(vcf(AMARA_AGAIN), "amara.vcf", on_duplicate="create")
    assert (result.imported, result.merged, result.skipped) == (1, 0, 0)
    assert count(services, Contact) == 2


def test_an_unknown_policy_is_refused(services: Services) -> None:
    with pytest.raises(ValidationError, match="merge, skip, create"):
        services.imports.run(vcf(AMARA_AGAIN), "a.vcf", on_duplicate="replace")


def test_preview_says_who_matches_and_why(services: Services, amara: int) -> None:
    services.contacts.add(ContactInput(name="Tom Reed", phones=("+44 7700 900555",)))
    data = vcf(
        card("FN:Amara O.", "EMAIL:amara@okafor.example"),
        card("FN:T. Reed", "TEL:07700 900555"),
        card("FN:Amara Okafore", "ORG:OKAFOR DESIGN"),
        card("FN:Amara Okafore", "ORG:Another Firm"),
    )
    preview = services.imports.preview(data, "people.vcf")
    why = {(d.draft_name, d.existing_id, d.why) for d in preview.duplicates}
    tom = services.contacts.find("Tom Reed").id
    assert why == {
        ("Amara O.", amara, "same email"),
        ("T. Reed", tom, "same phone"),
        ("Amara Okafore", amara, "similar name at the same organisation"),
    }
    assert (preview.drafts, preview.new) == (4, 1)
    assert count(services, Contact) == 2


def test_duplicates_within_one_file_become_one_contact(services: Services) -> None:
    data = vcf(
        card("FN:Kim Lee", "EMAIL:kim@lee.example"),
        card("FN:Kim Lee", "EMAIL:KIM@lee.example", "TEL:+44 7700 900777", "NOTE:Second card"),
        card("FN:Kimberly Lee", "TEL:07700 900777"),
    )
    preview = services.imports.preview(data, "kim.vcf")
    assert [(d.existing_id, d.existing_name, d.why) for d in preview.duplicates] == [
        (None, "Kim Lee", "same email"),
        (None, "Kim Lee", "same phone"),
    ]
    result = services.imports.run(data, "kim.vcf")
    assert (result.imported, result.merged) == (1, 2)
    kim = services.contacts.find("Kim Lee")
    assert kim.phones == ("+44 7700 900777",)
    assert kim.about == "Second card\n\nAlso known as Kimberly Lee."


def test_create_twice_gives_each_contact_its_own_uid(services: Services) -> None:
    data = vcf(card("FN:Uma Uid", "UID:urn:uuid:1234"))
    services.imports.run(data, "u.vcf")
    services.imports.run(data, "u.vcf", on_duplicate="create")
    with services.vault.sessions() as session:
        uids = session.scalars(select(Contact.uid).order_by(Contact.id)).all()
    assert uids[0] == "urn:uuid:1234" and len(set(uids)) == 2


def test_photos_are_kept(services: Services) -> None:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "teal").save(buffer, "PNG")
    photo = buffer.getvalue()
    encoded = base64.b64encode(photo).decode()
    services.imports.run(vcf(card("FN:Pia Photo", f"PHOTO;ENCODING=b;TYPE=PNG:{encoded}")), "p.vcf")
    assert photo_of(services, "Pia Photo") == photo


def test_a_generic_csv_imports_through_a_column_mapping(services: Services) -> None:
    data = b"Who,Firm,Mail,Notes\nAda King,Engines Ltd,ada@engines.example,Likes maths\n"
    mapping = {"name": "Who", "org": "Firm", "email": "Mail", "note": "Notes"}
    result = services.imports.run(data, "sheet.csv", "csv", mapping=mapping)
    assert result.imported == 1
    ada = services.contacts.find("Ada King")
    assert (ada.org, ada.emails, ada.about) == (
        "Engines Ltd",
        ("ada@engines.example",),
        "Likes maths",
    )


# -- one transaction -----------------------------------------------------------------


def _triggers(services: Services) -> list[str]:
    with services.vault.engine.connect() as connection:
        query = text("SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name")
        return [row[0] for row in connection.execute(query)]


def test_a_failure_midway_leaves_the_vault_as_it_was(services: Services, amara: int) -> None:
    triggers = _triggers(services)
    before = services.contacts.get(amara)
    data = vcf(AMARA_AGAIN, *(card(f"FN:Person {i}", f"EMAIL:p{i}@x.example") for i in range(600)))

    def progress(done: int, total: int) -> None:
        if done == total:  # every row has been written by now
            raise RuntimeError("interrupted")

    with pytest.raises(RuntimeError, match="interrupted"):
        services.imports.run(data, "many.vcf", progress=progress)
    assert count(services, Contact) == 1
    assert count(services, Tag) == 1
    assert services.contacts.get(amara) == before
    assert _triggers(services) == triggers
    assert [h.name for h in services.search.search("Person")] == []
    steps: list[tuple[int, int]] = []
    services.imports.run(data, "many.vcf", progress=lambda d, t: steps.append((d, t)))
    assert steps[0] == (0, 601) and steps[-1] == (601, 601)
    assert [h.name for h in services.search.search("Person 599")][:1] == ["Person 599"]


def test_connected_on_is_dated_at_noon_utc(services: Services) -> None:
    data = b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    data += b"Li,Wei,https://www.linkedin.com/in/li-wei,,Acme,CTO,01 Feb 2021\n"
    services.imports.run(data, "Connections.csv")
    with services.vault.sessions() as session:
        moment = session.scalar(select(Interaction.occurred_at))
    assert moment == datetime(2021, 2, 1, 12, tzinfo=UTC)
