"""ExportService: vCard other programs read, CSV Rapport reads back, a lossless JSON round trip."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
import vobject
from PIL import Image
from sqlalchemy import text, update

from desktop.app import Services, build_services
from desktop.errors import ValidationError
from desktop.records import ContactDetail, ContactInput
from desktop.sample import SampleSize, generate_sample
from storage.models import Contact, VaultSetting
from storage.vault import Vault


@pytest.fixture
def second(tmp_path: Path) -> Iterator[Services]:
    vault = Vault.create(tmp_path / "second" / "rapport.db")
    yield build_services(vault)
    vault.close()


def _people(services: Services) -> list[int]:
    return [
        services.contacts.add(data).id
        for data in (
            ContactInput(
                name="Zoë Ångström",
                given_name="Zoë",
                family_name="Ångström",
                org="Fjord, Ltd.",
                title="CTO",
                location="Bergen",
                about="Line one\nLine two; with, punctuation",
                birthday=date(1990, 2, 28),
                emails=("zoe@fjord.example", "z@home.example"),
                phones=("+47 912 34 567",),
                urls=("https://fjord.example",),
                tags=("nordics", "clients"),
            ),
            ContactInput(name="Tom Reed", org="Reed Animation", phones=("07700 900123",)),
            ContactInput(name="Ana Silva"),
        )
    ]


def _details(services: Services) -> list[ContactDetail]:
    rows = services.contacts.list_contacts(include_archived=True)
    return [services.contacts.get(row.id) for row in rows]


@pytest.mark.parametrize("version", ["4.0", "3.0"])
def test_vcards_are_read_by_vobject(services: Services, version: str) -> None:
    ids = _people(services)
    cards = list(vobject.readComponents(services.exports.vcards(version=version)))
    assert [c.fn.value for c in cards] == ["Zoë Ångström", "Tom Reed", "Ana Silva"]
    assert all(c.version.value == version for c in cards)
    zoe = cards[0]
    assert sorted(e.value for e in zoe.contents["email"]) == ["z@home.example", "zoe@fjord.example"]
    assert zoe.org.value == ["Fjord, Ltd."]
    assert zoe.note.value == "Line one\nLine two; with, punctuation"
    only = list(vobject.readComponents(services.exports.vcards([ids[1]], version=version)))
    assert [c.fn.value for c in only] == ["Tom Reed"]


def test_an_unknown_vcard_version_is_refused(services: Services) -> None:
    with pytest.raises(ValidationError, match=r"4\.0 or 3\.0"):
        services.exports.vcards(version="2.1")


def test_csv_imports_back_into_another_vault(services: Services, second: Services) -> None:
    _people(services)
    exported = services.exports.csv()
    result = second.imports.run(exported.encode("utf-8"), "contacts.csv")
    assert (result.imported, result.errors) == (3, ())
    for original, copy in zip(
        _details(services),
        _details(second),
        strict=True,
    ):
        assert (copy.name, copy.org, copy.title, copy.location, copy.about) == (
            original.name,
            original.org,
            original.title,
            original.location,
            original.about,
        )
        assert (copy.emails, copy.phones, copy.tags) == (
            original.emails,
            original.phones,
            original.tags,
        )
    again = services.imports.run(exported.encode("utf-8"), "contacts.csv")
    # Ana has only a name, and a name alone does not make two records one person.
    assert (again.imported, again.merged) == (1, 2)


def _rich_vault(services: Services) -> None:
    generate_sample(services.vault, SampleSize(60), seed=3, today=date(2026, 11, 1))
    ids = _people(services)
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "navy").save(buffer, "PNG")
    with services.vault.sessions.begin() as session:
        session.execute(update(Contact).where(Contact.id == ids[0]).values(photo=buffer.getvalue()))
        session.add(VaultSetting(key="backup.keep", value="7"))
    services.contacts.set_archived(ids[2])
    services.contacts.set_tag_cadence("clients", 45)
    services.merge.merge(ids[1], 5)


def test_json_round_trip_through_an_empty_vault_is_identical(
    services: Services, second: Services
) -> None:
    _rich_vault(services)
    first = services.exports.json_export()
    assert all(len(first[key]) for key in ("contacts", "events", "interactions", "favours"))
    assert all(len(first[key]) for key in ("relationships", "introductions", "reminders", "tags"))
    assert first["settings"] == {"backup.keep": "7"}
    written = json.dumps(first, ensure_ascii=False)
    result = second.exports.json_import(json.loads(written))
    assert result.imported == len(first["contacts"])
    assert json.dumps(second.exports.json_export(), ensure_ascii=False) == written
    zoe = next(c for c in first["contacts"] if c["name"] == "Zoë Ångström")
    assert zoe["photo"] and zoe["created_at"].endswith("+00:00")
    assert zoe["birthday"] == "1990-02-28"
    assert [h.name for h in second.search.search("Bergen")] == ["Zoë Ångström"]


def test_json_import_refuses_a_vault_that_holds_data(services: Services) -> None:
    _people(services)
    document = services.exports.json_export()
    with pytest.raises(ValidationError, match=r"only into an empty vault.*3 contacts"):
        services.exports.json_import(document)
    assert services.contacts.count(include_archived=True) == 3


@pytest.mark.parametrize(
    "document",
    [
        {"format": "something else"},
        {"format": "rapport-vault", "version": 99},
        {"format": "rapport-vault", "version": 1, "contacts": [{"uid": "x"}]},
    ],
)
def test_a_broken_document_imports_nothing(
    second: Services, services: Services, document: dict[str, object]
) -> None:
    with second.vault.engine.connect() as connection:
        triggers = connection.execute(
            text("SELECT count(*) FROM sqlite_master WHERE type='trigger'")
        )
        before = triggers.scalar()
    with pytest.raises(ValidationError, match=r"(?i)nothing was imported"):
        second.exports.json_import(document)
    assert second.contacts.count(include_archived=True) == 0
    with second.vault.engine.connect() as connection:
        triggers = connection.execute(
            text("SELECT count(*) FROM sqlite_master WHERE type='trigger'")
        )
        assert triggers.scalar() == before


def test_a_dangling_reference_is_reported(services: Services, second: Services) -> None:
    _people(services)
    services.interactions.log([1], kind="note", note="hello")
    document = services.exports.json_export()
    document["interactions"][0]["participants"] = ["no-such-uid"]
    with pytest.raises(ValidationError, match="no-such-uid"):
        second.exports.json_import(document)
    assert second.contacts.count(include_archived=True) == 0
