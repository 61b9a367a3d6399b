"""vCard files written by other address-book projects, read by parse_vcards."""

from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path

import pytest
from PIL import Image

from desktop.interchange.drafts import ContactDraft, ParseResult
from desktop.interchange.vcard_reader import parse_vcards

FIXTURES = Path(__file__).resolve().parents[3].parent / "shared" / "fixtures"
VCARDS = FIXTURES / "vcards"
ABSENT = f"shared vCard fixtures not found at {VCARDS} (they live beside the repository)"
ALL_FILES = sorted(VCARDS.rglob("*.vcf")) if VCARDS.is_dir() else []
_BEGIN_LINE = re.compile(r"^\s*BEGIN\s*:\s*VCARD\s*$", re.IGNORECASE | re.MULTILINE)

needs_fixtures = pytest.mark.skipif(not VCARDS.is_dir(), reason=ABSENT)


def read(relative: str) -> ParseResult:
    path = VCARDS / relative
    return parse_vcards(path.read_bytes(), path.name)


def only(result: ParseResult) -> ContactDraft:
    assert result.errors == []
    assert len(result.drafts) == 1
    return result.drafts[0]


def methods(draft: ContactDraft, kind: str) -> list[tuple[str, str | None]]:
    return [(m.value, m.label) for m in draft.methods if m.kind == kind]


def begin_lines(data: bytes) -> int:
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        text = data.decode("utf-16")
    else:
        text = data.removeprefix(b"\xef\xbb\xbf").decode("latin-1")
    return len(_BEGIN_LINE.findall(text))


@pytest.mark.parametrize(
    "path",
    [pytest.param(p, id=f"{p.parent.name}/{p.name}") for p in ALL_FILES]
    or [pytest.param(None, marks=pytest.mark.skip(reason=ABSENT))],
)
def test_every_card_is_a_draft_or_a_reported_issue(path: Path) -> None:
    data = path.read_bytes()
    result = parse_vcards(data, path.name)
    assert result.format == "vcard"
    for draft in result.drafts:
        assert draft.name
        assert draft.name == draft.name.strip()
        assert draft.source.startswith(f"{path.name} card ")
    for issue in result.errors:
        assert issue.file == path.name
        assert issue.message
    begins = begin_lines(data)
    if begins:
        assert all(issue.card is not None and issue.line is not None for issue in result.errors)
        assert len(result.drafts) + len(result.errors) == begins
    else:
        # Empty.vcf (no cards at all) and evolution's vcard_7 (an END with no
        # BEGIN) have no BEGIN line; each must be one issue and no draft.
        assert result.drafts == []
        assert len(result.errors) == 1


@needs_fixtures
def test_iphone_export_with_item_groups_and_a_long_folded_photo() -> None:
    draft = only(read("ez-vcard/John_Doe_IPHONE.vcf"))
    assert draft.name == "Mr. John Richter James Doe Sr."
    assert (draft.given_name, draft.family_name) == ("John", "Doe")
    assert (draft.org, draft.title) == ("IBM", "Money Counter")
    assert draft.emails == ("john.doe@ibm.com",)
    phones = methods(draft, "phone")
    assert ("905-555-1234", "mobile") in phones
    assert ("905-888-1234", "home fax") in phones
    assert ("905-222-1234", "assistant phone") in phones
    assert methods(draft, "url") == [("http://www.ibm.com", "home page")]
    assert draft.birthday == date(2012, 6, 6)
    assert draft.photo is not None
    with Image.open(io.BytesIO(draft.photo)) as photo:
        assert photo.format == "JPEG"
        assert max(photo.size) <= 512


@needs_fixtures
def test_gmail_export_keeps_the_unescaped_comma_in_the_name() -> None:
    draft = only(read("ez-vcard/John_Doe_GMAIL.vcf"))
    # vobject's own text decoding would cut this at the comma ("Mr. John Richter").
    assert draft.name == "Mr. John Richter, James Doe Sr."
    assert (draft.org, draft.title) == ("IBM", "Money Counter")
    assert methods(draft, "email") == [("john.doe@ibm.com", "home")]
    assert methods(draft, "phone") == [("905-555-1234", "mobile"), ("905-666-1234", "home")]
    assert methods(draft, "url") == [("http://www.ibm.com", "work")]
    assert draft.birthday == date(1980, 3, 22)
    assert draft.note is not None
    assert 'CONTRIBUTORS "AS IS"' in draft.note
    assert draft.note.endswith("\nFavotire Color: Blue")


@needs_fixtures
def test_android_cards_named_by_email_or_quoted_printable_name() -> None:
    result = read("ez-vcard/John_Doe_ANDROID.vcf")
    assert result.errors == []
    names = [d.name for d in result.drafts]
    assert names[:3] == ["john.doe@company.com", "jane.doe@company.com", "Ñ Ñ Ñ Ñ Ñ"]
    assert [d.tags for d in result.drafts[:4]] == [("My Contacts",)] * 4


@needs_fixtures
def test_kcontacts_quoted_printable_umlauts_and_soft_breaks() -> None:
    result = read("kcontacts/vcard10.vcf")
    assert result.errors == []
    shop, broken, not_broken, doctor, dentist = result.drafts
    assert shop.name == "Bike Shop"
    assert methods(shop, "address") == [("DDDDDDDDDDDDDDD-Staße 2, 00000 DDDDDDDDDD", "work")]
    assert methods(broken, "address") == [("AAAAAAA-AäAAAAA 11, Urt, 00000", "home")]
    # The property after a soft-broken value must not be swallowed by it.
    assert methods(broken, "url") == [("http://some-webseite.com", None)]
    assert methods(not_broken, "url") == [("http://some-webseite.com", None)]
    assert doctor.name == "Dr. med. Surname Name"
    assert doctor.title == "Facharzt für Allgemeinmedizin"
    assert doctor.note is not None
    assert doctor.note.startswith("Sprechzeiten:\nMo   8\u201312, 15\u201318\n")
    assert dentist.title == "Dentist"


@needs_fixtures
def test_fold_inside_a_utf8_character() -> None:
    draft = only(read("kcontacts/vcard9.vcf"))
    assert draft.name == "βγδεαβγδ1" * 11  # noqa: RUF001 - Greek on purpose
    assert draft.note == (
        "Длинный комментарий на русском языке, чтобы в результате получилась строка "
        "более 70 символов."
    )


@pytest.mark.parametrize(
    ("relative", "name", "given", "family", "location"),
    [
        (
            "FolkerKinzel-VCards/MultiAnsiFilterTests_Ukrainian.vcf",
            "Віталій Володимирович Кличко",
            "Віталій",
            "Кличко",
            "Київ",
        ),
        (
            "FolkerKinzel-VCards/MultiAnsiFilterTests_Greek.vcf",
            "Βαγγέλης",
            "Ευάγγελος",
            "Παπαθανασίου",
            "Αθήνα",
        ),
        (
            "FolkerKinzel-VCards/MultiAnsiFilterTests_German.vcf",
            "Sören Täve Nüßlebaum",
            "Sören",
            "Nüßlebaum",
            "Mößlitz",
        ),
        # A CHARSET no codec knows falls back to windows-1252.
        (
            "FolkerKinzel-VCards/MultiAnsiFilterTests_Murks.vcf",
            "Sören Täve Nüßlebaum",
            "Sören",
            "Nüßlebaum",
            "Mößlitz",
        ),
        (
            "FolkerKinzel-VCards/Utf-8_Greek.vcf",
            "Βαγγέλης",
            "Ευάγγελος",
            "Παπαθανασίου",
            "Αθήνα",
        ),
    ],
)
@needs_fixtures
def test_legacy_charsets_declared_on_another_line_of_the_card(
    relative: str, name: str, given: str, family: str, location: str
) -> None:
    draft = only(read(relative))
    assert (draft.name, draft.given_name, draft.family_name) == (name, given, family)
    assert draft.location == location


@needs_fixtures
def test_undeclared_hebrew_falls_back_to_windows_1252() -> None:
    path = VCARDS / "FolkerKinzel-VCards/MultiAnsiFilterTests_Hebrew.vcf"
    draft = only(read("FolkerKinzel-VCards/MultiAnsiFilterTests_Hebrew.vcf"))
    # No CHARSET anywhere and not UTF-8: windows-1252 is the documented guess,
    # so the card is kept (with a garbled FN) rather than lost.
    fn_bytes = next(line for line in path.read_bytes().splitlines() if line.startswith(b"FN:"))
    assert draft.name == fn_bytes[3:].decode("cp1252")
    assert (draft.given_name, draft.family_name) == ("Ephraim", "Kishon")


@needs_fixtures
def test_utf16_file_with_byte_order_mark() -> None:
    result = read("FolkerKinzel-VCards/MultiAnsiFilterTests_v3Utf16Bom.vcf")
    assert result.errors == []
    kinzel, office = result.drafts
    assert kinzel.name == "Folker Kinzel"
    assert kinzel.emails == ("email1@wumms.de", "email2@folker-kinzel.de")
    assert kinzel.birthday == date(1978, 3, 11)
    assert kinzel.photo is None  # a URI photo is not fetched
    assert office.name == "KMS Außenstelle"
    assert office.emails == ("blablö@blub.com",)
    assert methods(office, "phone") == [("03443-303776", "home"), ("03443-333440", "homeFax")]


@needs_fixtures
def test_undeclared_windows_1252_in_a_v3_file() -> None:
    result = read("FolkerKinzel-VCards/MultiAnsiFilterTests_v3Ansi.vcf")
    assert [d.name for d in result.drafts] == ["Folker Kinzel", "KMS Außenstelle"]
    assert result.drafts[1].org == "KMS Außenstelle"


@needs_fixtures
def test_large_file_card_count() -> None:
    result = read("FolkerKinzel-VCards/LargeFile.vcf")
    assert result.errors == []
    assert len(result.drafts) == 1000
    assert result.drafts[0].name == "Kasey Schmitt"
    assert result.drafts[-1].source == "LargeFile.vcf card 1000"


@needs_fixtures
def test_empty_file_is_reported() -> None:
    result = read("FolkerKinzel-VCards/Empty.vcf")
    assert result.drafts == []
    [issue] = result.errors
    assert (issue.file, issue.card, issue.line) == ("Empty.vcf", None, None)
    assert "no cards" in issue.message


@needs_fixtures
def test_card_without_begin_line_is_reported() -> None:
    result = read("evolution-data-server/libebook_vcard_7.vcf")
    assert result.drafts == []
    [issue] = result.errors
    assert (issue.file, issue.card, issue.line) == ("libebook_vcard_7.vcf", 1, 1)
    assert issue.message == "card has no BEGIN:VCARD line"


@needs_fixtures
def test_truncated_cards_keep_what_was_written() -> None:
    no_end = only(read("evolution-data-server/libebook_vcard_8.vcf"))
    assert no_end.name == "Frank Dawson"
    assert no_end.emails == ("Frank_Dawson@Lotus.com", "fdawson@earthlink.net")
    cut_mid_line = only(read("evolution-data-server/libebook_vcard_9.vcf"))
    assert cut_mid_line.org == "Lotus Development Corporation"
    cropped = only(read("FolkerKinzel-VCards/Cropped_2_1.vcf"))
    assert cropped.org == "Firma"
    assert cropped.note is not None
    assert cropped.note.startswith("Kommentar ÄÄÄÄÄÄ ääääää ÖÖÖÖÖÖ öööööö ÜÜÜÜÜÜ")


@needs_fixtures
def test_cards_with_no_name_are_reported_with_card_and_line() -> None:
    [issue] = read("kcontacts/vcard7.vcf").errors
    assert (issue.card, issue.line) == (1, 1)
    assert issue.message == "card has no name, organisation or email to call it by"
    assert read("FolkerKinzel-VCards/Photo_Outlook_v2.vcf").drafts == []


@needs_fixtures
def test_name_falls_back_to_n_then_org() -> None:
    from_n = only(read("kcontacts/vcard8.vcf"))  # no VERSION either
    assert from_n.name == "test"
    from_org = only(read("kcontacts/vcard4.vcf"))  # "FN" with no colon is skipped
    assert from_org.name == "Ximian, Inc."
    assert from_org.note == "Welcome to the Ximian Addressbook."


@needs_fixtures
def test_chinese_quoted_printable_and_lower_case_card() -> None:
    chinese = only(read("evolution-data-server/libebook_vcard_5.vcf"))
    assert chinese.name == chinese.org == chinese.title == "十城目管理大型知座"
    lower = only(read("kcontacts/vcard3.vcf"))
    assert (lower.name, lower.org, lower.emails) == (
        "ian geiser",
        "Source eXtreme",
        ("geiseri@yahoo.com",),
    )


@needs_fixtures
def test_quoted_printable_names_and_2_1_phone_labels() -> None:
    draft = only(read("evolution-data-server/libebook_vcard_12.vcf"))
    assert draft.name == "Michael Brüning"
    assert methods(draft, "phone") == [
        ("+491622433834", "work mobile"),
        ("017623384942", "home mobile"),
        ("+4973117546691", "work"),
    ]
    assert draft.birthday == date(1978, 12, 29)


@needs_fixtures
def test_outlook_2003_note_with_soft_breaks() -> None:
    draft = only(read("ez-vcard/outlook-2003.vcf"))
    assert draft.note == "This is the note field!!\nSecond line\n\nThird line is empty"
    assert draft.org == "Company, The"
    assert draft.birthday == date(1980, 3, 21)


@needs_fixtures
def test_vcard_4_uris_categories_and_social_profiles() -> None:
    holmes = only(read("kcontacts/testfullvcard.vcf"))
    assert holmes.tags == ("FICTION", "LITERATURE")
    assert ("+44-555-555-5555;ext=5555", "home") in methods(holmes, "phone")
    assert methods(holmes, "social") == [("xmpp:detective@sherlockholmes.com", "xmpp")]
    assert holmes.birthday == date(1953, 10, 15)
    assert holmes.uid == "urn:uuid:b8767877-b4a1-4c70-9acc-505d3819e519"
    full = only(read("ez-vcard/fullcontact.vcf"))
    assert ("skype:skype", "Skype") in methods(full, "social")
    assert ("custom@example.com", "customtype") in methods(full, "email")


@needs_fixtures
def test_inline_photos_kept_small_and_broken_ones_dropped() -> None:
    png = only(read("kcontacts/vcard12.vcf"))
    assert png.photo is not None
    assert png.photo.startswith(b"\x89PNG")
    # Base64 continued on unindented 2.1 lines until a blank line.
    library = only(read("FolkerKinzel-VCards/Library_v2.vcf"))
    assert library.photo is not None
    assert library.photo.startswith(b"\xff\xd8")
    # Outlook writes an empty PHOTO: the card stays, without a photo.
    outlook = only(read("ez-vcard/outlook-2007.vcf"))
    assert outlook.name == "Mr. Michael Angstadt Jr."
