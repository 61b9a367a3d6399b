"""parse_csv on the LinkedIn, Google and Outlook layouts, and on generic spreadsheets."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from desktop.interchange.csv_reader import (
    csv_headers,
    detect_csv_layout,
    guess_mapping,
    parse_csv,
)
from desktop.interchange.drafts import ContactDraft, ParseResult

CSV_FIXTURES = Path(__file__).resolve().parents[3].parent / "shared" / "fixtures" / "csv"
needs_fixtures = pytest.mark.skipif(
    not CSV_FIXTURES.is_dir(),
    reason=f"shared CSV fixtures not found at {CSV_FIXTURES} (they live beside the repository)",
)


def read_fixture(name: str) -> ParseResult:
    return parse_csv((CSV_FIXTURES / name).read_bytes(), name)


def parse(text: str, **kwargs: object) -> ParseResult:
    return parse_csv(text.encode("utf-8"), "contacts.csv", **kwargs)  # type: ignore[arg-type]


def methods(draft: ContactDraft, kind: str) -> list[tuple[str, str | None]]:
    return [(m.value, m.label) for m in draft.methods if m.kind == kind]


@needs_fixtures
def test_linkedin_connections_with_notes_preamble() -> None:
    result = read_fixture("linkedin_Connections.csv")
    assert result.format == "linkedin"
    assert result.errors == []
    priya, tomas, mei, jorg = result.drafts
    assert (priya.name, priya.org, priya.title) == (
        "Priya Natarajan",
        "Northwind Analytics",
        "Head of Data",
    )
    assert priya.connected_on == date(2024, 5, 30)
    assert priya.emails == ()
    assert methods(priya, "social") == [
        ("https://www.linkedin.com/in/priya-natarajan-example", "linkedin")
    ]
    assert (tomas.name, tomas.org, tomas.emails) == (
        "Tomás Ó Briain",
        "Harbour & Sons, Ltd.",
        ("tomas@example.org",),
    )
    assert (mei.name, mei.org, mei.connected_on) == ("Mei Lin", None, date(2023, 1, 3))
    assert jorg.title == "Managing Director, Strategy"
    assert jorg.source == "linkedin_Connections.csv line 8"


@needs_fixtures
def test_google_legacy_layout() -> None:
    result = read_fixture("google_contacts_legacy.csv")
    assert result.format == "google"
    assert result.errors == []
    amara, lukas, sofia = result.drafts
    assert (amara.name, amara.org, amara.title) == (
        "Amara Okafor",
        "Okafor Design",
        "Creative Director",
    )
    assert methods(amara, "email") == [("amara@okafor-design.example", "work")]
    assert methods(amara, "phone") == [
        ("+44 7700 900123", "mobile"),
        ("+44 113 496 0000", "mobile"),
    ]
    assert amara.tags == ("Networking",)  # myContacts is a system group
    assert amara.note == "Met at the Leeds founders breakfast, wants a bookkeeper"
    assert methods(lukas, "email") == [
        ("lukas.brandt@example.com", None),
        ("lb@example.net", "other"),
    ]
    assert lukas.org == "Brandt, Keller & Partner"
    assert sofia.name == "Sofía Ramírez"
    assert sofia.birthday == date(1986, 4, 12)
    assert sofia.note == 'Speaks at fintech meetups; "happy to mentor"'
    assert methods(sofia, "phone") == [("(555) 010-2233", "work")]


@needs_fixtures
def test_outlook_com_layout_with_bom_and_crlf() -> None:
    result = read_fixture("outlook_com_contacts.csv")
    assert result.format == "outlook"
    assert result.errors == []
    hannah, ravi = result.drafts
    assert (hannah.name, hannah.org, hannah.title) == (
        "Hannah Kowalski",
        "Vistula Foods",
        "Procurement Lead",
    )
    assert hannah.emails == ("hannah.k@example.com",)
    assert methods(hannah, "phone") == [("+48 600 700 800", "mobile")]
    assert hannah.location == "Kraków, Poland"
    assert hannah.note == "Asked for an intro to a packaging supplier"
    assert (ravi.name, ravi.org, ravi.title) == ("Ravi Shah", "Shah Legal", "Solicitor")
    assert methods(ravi, "phone") == [("020 7946 0958", "work")]
    assert methods(ravi, "url") == [("https://shah-legal.example", None)]


@needs_fixtures
def test_fixture_headers_and_layouts() -> None:
    headers = csv_headers((CSV_FIXTURES / "linkedin_Connections.csv").read_bytes())
    assert headers[:3] == ["First Name", "Last Name", "URL"]
    outlook = csv_headers((CSV_FIXTURES / "outlook_com_contacts.csv").read_bytes())
    assert outlook[0] == "First Name"  # no BOM left on the first header
    assert len(outlook) == 61


def test_linkedin_2018_layout_without_preamble_or_url() -> None:
    result = parse(
        "First Name,Last Name,Email Address,Company,Position,Connected On\n"
        "Ana,Silva,ana@example.pt,Tecnica,CTO,12 Feb 2018\n"
    )
    assert result.format == "linkedin"
    [ana] = result.drafts
    assert (ana.name, ana.emails, ana.connected_on) == (
        "Ana Silva",
        ("ana@example.pt",),
        date(2018, 2, 12),
    )
    assert methods(ana, "social") == []


def test_google_new_layout_with_labels() -> None:
    header = (
        "First Name,Middle Name,Last Name,Organization Name,Organization Title,Birthday,Notes,"
        "Labels,E-mail 1 - Label,E-mail 1 - Value,Phone 1 - Label,Phone 1 - Value,"
        "Address 1 - Label,Address 1 - Formatted,Address 1 - City,Address 1 - Country,"
        "Website 1 - Label,Website 1 - Value"
    )
    row = (
        'Kofi,,Mensah,Volta Labs,Founder,1990-07-01,"Wants intros, investors",'
        "* myContacts ::: * starred ::: Founders ::: Accra,* Work,kofi@volta.example,"
        'Mobile,+233 20 000 0000 ::: +233 30 000 0000,Work,"1 Oxford St\nOsu",Accra,Ghana,'
        "Profile,https://volta.example"
    )
    result = parse(f"{header}\r\n{row}\r\n")
    assert result.format == "google"
    [kofi] = result.drafts
    assert (kofi.name, kofi.org, kofi.title) == ("Kofi Mensah", "Volta Labs", "Founder")
    assert kofi.tags == ("Founders", "Accra")
    assert methods(kofi, "email") == [("kofi@volta.example", "work")]
    assert kofi.phones == ("+233 20 000 0000", "+233 30 000 0000")
    assert methods(kofi, "address") == [("1 Oxford St, Osu", "work")]
    assert kofi.location == "Accra, Ghana"
    assert methods(kofi, "url") == [("https://volta.example", "Profile")]
    assert kofi.birthday == date(1990, 7, 1)


def test_outlook_desktop_92_column_layout() -> None:
    header = (
        "Title,First Name,Middle Name,Last Name,Suffix,Company,Department,Job Title,"
        "Business Street,Business Street 2,Business Street 3,Business City,Business State,"
        "Business Postal Code,Business Country/Region,Business Fax,Business Phone,"
        "Mobile Phone,Birthday,Categories,E-mail Address,E-mail Type,E-mail 2 Address,"
        "Notes,Web Page"
    )
    row = (
        "Dr.,Ingrid,,Holm,,Nordlys AS,R&D,Director,Storgata 1,,,Oslo,,0155,Norway,,"
        "+47 22 00 00 00,+47 900 00 000,0/0/00,Board;Norway,ingrid@nordlys.example,SMTP,"
        "/o=ExchangeLabs/ou=Exchange/cn=Recipients/cn=holm,Met in Oslo,nordlys.example"
    )
    result = parse(f"{header}\r\n{row}\r\n")
    assert result.format == "outlook"
    [ingrid] = result.drafts
    assert (ingrid.name, ingrid.org, ingrid.title) == ("Ingrid Holm", "Nordlys AS", "Director")
    assert ingrid.emails == ("ingrid@nordlys.example",)
    assert methods(ingrid, "phone") == [("+47 900 00 000", "mobile"), ("+47 22 00 00 00", "work")]
    assert ingrid.birthday is None  # Outlook writes 0/0/00 for "no birthday"
    assert ingrid.tags == ("Board", "Norway")
    assert ingrid.location == "Oslo, Norway"


def test_generic_csv_with_a_caller_mapping() -> None:
    text = (
        "Who,Where from,Mail,Cell,Groups,Remarks\n"
        "Lena Park,Park & Co,lena@park.example; lena.p@home.example,010-1234-5678,"
        "Seoul ::: Design,Keen on climbing\n"
        ",,,,,\n"
        "Min Jun,,,,,\n"
    )
    mapping = {
        "name": "Who",
        "org": "Where from",
        "email": "Mail",
        "phone": "Cell",
        "tags": "Groups",
        "note": "Remarks",
    }
    result = parse(text, mapping=mapping)
    assert result.format == "csv"
    assert result.errors == []
    lena, min_jun = result.drafts
    assert (lena.name, lena.org, lena.note) == ("Lena Park", "Park & Co", "Keen on climbing")
    assert lena.emails == ("lena@park.example", "lena.p@home.example")
    assert lena.phones == ("010-1234-5678",)
    assert lena.tags == ("Seoul", "Design")
    assert min_jun.source == "contacts.csv line 4"


def test_generic_csv_guesses_common_headers() -> None:
    text = (
        "Full Name,E-mail,Company,Phone Number,Notes\nBo Berg,bo@berg.example,Berg AB,070 123,Hi\n"
    )
    result = parse(text)
    assert result.format == "csv"
    [bo] = result.drafts
    assert (bo.name, bo.org, bo.emails, bo.phones, bo.note) == (
        "Bo Berg",
        "Berg AB",
        ("bo@berg.example",),
        ("070 123",),
        "Hi",
    )


def test_guess_mapping() -> None:
    headers = ["First Name", "Surname", "Organisation", "Email (work)", "Mobile", "Tags", "City"]
    assert guess_mapping(headers) == {
        "given_name": "First Name",
        "family_name": "Surname",
        "org": "Organisation",
        "email": "Email (work)",
        "phone": "Mobile",
        "tags": "Tags",
        "location": "City",
    }


def test_rows_without_a_name_are_issues_with_their_line() -> None:
    text = (
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        "Jo,Bloggs,,,,,\n"
        ",,https://www.linkedin.com/in/nobody,,,,01 Jan 2020\n"
        '"Multi\nLine",Name,,,,,\n'
        ",,https://www.linkedin.com/in/nobody-else,,,,\n"
    )
    result = parse(text)
    assert [d.name for d in result.drafts] == ["Jo Bloggs", "Multi Line Name"]
    assert [(e.card, e.line) for e in result.errors] == [(None, 3), (None, 6)]
    assert result.errors[0].message == "row has no name, organisation or email to call it by"


def test_semicolon_delimited_export() -> None:
    text = "Name;E-mail;Firma\nKarl Mayer;karl@mayer.example;Mayer GmbH\n"
    [karl] = parse(text).drafts
    assert (karl.name, karl.emails) == ("Karl Mayer", ("karl@mayer.example",))


def test_windows_1252_csv() -> None:
    data = "Name,Email\nRenée Faßbender,r@example.com\n".encode("cp1252")
    [renee] = parse_csv(data, "old.csv").drafts
    assert renee.name == "Renée Faßbender"


@pytest.mark.parametrize(
    ("header", "layout"),
    [
        ("First Name,Last Name,URL,Email Address,Company,Position,Connected On", "linkedin"),
        ("First Name,Last Name,Email Address,Company,Position,Connected On", "linkedin"),
        ("Name,Given Name,Additional Name,Family Name,Group Membership", "google"),
        ("First Name,Middle Name,Last Name,Labels,E-mail 1 - Label,E-mail 1 - Value", "google"),
        ("First Name,Middle Name,Last Name,Title,E-mail Address,Mobile Phone", "outlook"),
        (
            "Name,Given Name,Family Name,Organisation,Title,Emails,Phones,Tags,Location,About",
            "rapport",
        ),
        ("name,email,company", "csv"),
    ],
)
def test_detect_csv_layout(header: str, layout: str) -> None:
    assert detect_csv_layout(f"{header}\nx,y\n") == layout


def test_mapping_problems_are_issues_not_exceptions() -> None:
    result = parse("Name,Email\nA,a@example.com\n", mapping={"name": "Nom", "colour": "Email"})
    assert result.drafts == []
    messages = [e.message for e in result.errors]
    assert any("'Nom'" in m for m in messages)
    assert any("'colour'" in m for m in messages)
    assert any("choose the columns by hand" in m for m in messages)


@pytest.mark.parametrize("data", [b"", b"\n\n", b"\xff\xfe", b"\x00\x01\x02"])
def test_empty_or_binary_input_is_one_issue(data: bytes) -> None:
    result = parse_csv(data, "nothing.csv")
    assert result.drafts == []
    assert len(result.errors) == 1


def test_unknown_layout_is_an_issue() -> None:
    result = parse("Name\nA\n", layout="myspace")
    assert result.drafts == []
    assert "not a CSV layout" in result.errors[0].message
