"""parse_vcards on small hand-written cards, one quirk of real-world files at a time."""

from __future__ import annotations

import base64
import io
from datetime import date

import pytest
from PIL import Image

from desktop.interchange.drafts import ContactDraft, ParseResult
from desktop.interchange.vcard_reader import parse_vcards


def card(*lines: str, version: str | None = "3.0") -> str:
    head = ["BEGIN:VCARD"] + ([f"VERSION:{version}"] if version else [])
    return "\r\n".join([*head, *lines, "END:VCARD"]) + "\r\n"


def parse(text: str, encoding: str = "utf-8") -> ParseResult:
    return parse_vcards(text.encode(encoding), "contacts.vcf")


def only(result: ParseResult) -> ContactDraft:
    assert result.errors == []
    [draft] = result.drafts
    return draft


def png_bytes(size: tuple[int, int], mode: str = "RGB") -> bytes:
    out = io.BytesIO()
    Image.new(mode, size, "red").save(out, format="PNG")
    return out.getvalue()


def test_maps_the_common_properties() -> None:
    draft = only(
        parse(
            card(
                "FN:Ada Lovelace",
                "N:Lovelace;Ada;;;",
                "ORG:Analytical Engines;Research",
                "TITLE:Mathematician",
                "EMAIL;TYPE=INTERNET,WORK: ada@example.org ",
                "TEL;TYPE=CELL:+44 7700 900123",
                "ADR;TYPE=HOME:;;12 St James's Square;London;;SW1Y 4JH;UK",
                "URL:https://ada.example",
                "NOTE:Met at the Babbage salon\\, 1833",
                "BDAY:1815-12-10",
                "CATEGORIES:Friends,Science",
                "UID:ada-1",
                "X-SOCIALPROFILE;TYPE=twitter:https://twitter.com/ada",
            )
        )
    )
    assert draft.name == "Ada Lovelace"
    assert (draft.given_name, draft.family_name) == ("Ada", "Lovelace")
    assert (draft.org, draft.title) == ("Analytical Engines", "Mathematician")
    assert draft.note == "Met at the Babbage salon, 1833"
    assert draft.birthday == date(1815, 12, 10)
    assert draft.tags == ("Friends", "Science")
    assert draft.uid == "ada-1"
    assert draft.location == "London, UK"
    assert [(m.kind, m.value, m.label) for m in draft.methods] == [
        ("email", "ada@example.org", "work"),
        ("phone", "+44 7700 900123", "mobile"),
        ("address", "12 St James's Square, London, SW1Y 4JH, UK", "home"),
        ("url", "https://ada.example", None),
        ("social", "https://twitter.com/ada", "twitter"),
    ]
    assert draft.source == "contacts.vcf card 1"


def test_one_bad_card_does_not_stop_the_others() -> None:
    text = card("FN:First") + card("N:;;;;") + card("FN:Third")
    result = parse(text)
    assert [d.name for d in result.drafts] == ["First", "Third"]
    [issue] = result.errors
    assert (issue.file, issue.card, issue.line) == ("contacts.vcf", 2, 5)


def test_name_from_n_then_org_then_email() -> None:
    result = parse(
        card("N:Hopper;Grace;Brewster;;") + card("ORG:Acme Ltd") + card("EMAIL:someone@example.com")
    )
    assert [d.name for d in result.drafts] == [
        "Grace Brewster Hopper",
        "Acme Ltd",
        "someone@example.com",
    ]


def test_cards_without_version_and_in_odd_case() -> None:
    text = "begin:vcard\nfn:Lower Case\nEnd : VCard\n" + card("FN:No Version", version=None)
    assert [d.name for d in parse(text).drafts] == ["Lower Case", "No Version"]


def test_end_without_begin_is_reported_and_the_next_card_kept() -> None:
    text = "FN:Orphan\r\nEND:VCARD\r\n" + card("FN:Kept")
    result = parse(text)
    assert [d.name for d in result.drafts] == ["Kept"]
    [issue] = result.errors
    assert (issue.card, issue.line, issue.message) == (1, 1, "card has no BEGIN:VCARD line")


def test_missing_end_runs_to_the_next_begin() -> None:
    text = "BEGIN:VCARD\r\nFN:Cut Short\r\n" + card("FN:Whole")
    assert [d.name for d in parse(text).drafts] == ["Cut Short", "Whole"]


@pytest.mark.parametrize("text", ["", "   \r\n\r\n", "hello, this is not a vCard"])
def test_a_file_without_cards_is_one_issue(text: str) -> None:
    result = parse(text)
    assert result.drafts == []
    [issue] = result.errors
    assert issue.card is None
    assert "no cards" in issue.message


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_byte_order_marks_and_wide_encodings(encoding: str) -> None:
    assert only(parse(card("FN:Zoë Ørsted"), encoding)).name == "Zoë Ørsted"


def test_quoted_printable_with_soft_breaks_and_charset() -> None:
    text = card(
        "FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:J=C3=BCrgen =",
        "M=C3=BCller",
        "NOTE;QUOTED-PRINTABLE;CHARSET=ISO-8859-1:Stra=DFe=0D=0AZeile zwei",
        version="2.1",
    )
    draft = only(parse(text))
    assert draft.name == "Jürgen Müller"
    assert draft.note == "Straße\nZeile zwei"


def test_soft_break_then_blank_line_then_next_property() -> None:
    text = card("FN;ENCODING=QUOTED-PRINTABLE:Anna=", "", "TEL;CELL:0123", version="2.1")
    draft = only(parse(text))
    assert draft.name == "Anna"
    assert draft.phones == ("0123",)


def test_undeclared_windows_1252_bytes() -> None:
    data = b"BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Ren\xe9e Fa\xdfbender\r\nEND:VCARD\r\n"
    assert only(parse_vcards(data, "old.vcf")).name == "Renée Faßbender"


def test_charset_declared_elsewhere_in_the_card_applies_to_raw_lines() -> None:
    data = (
        b"BEGIN:VCARD\r\nVERSION:2.1\r\nFN:\xc2\xe0\xf1\xff\r\n"
        b"NOTE;CHARSET=windows-1251:\xef\xf0\xe8\xe2\xe5\xf2\r\nEND:VCARD\r\n"
    )
    draft = only(parse_vcards(data, "cyrillic.vcf"))
    assert (draft.name, draft.note) == ("Вася", "привет")


def test_fold_that_splits_a_utf8_character() -> None:
    encoded = "FN:Zoë Ørsted".encode()
    split_at = encoded.index("Ø".encode()) + 1
    data = (
        b"BEGIN:VCARD\r\nVERSION:3.0\r\n"
        + encoded[:split_at]
        + b"\r\n "
        + encoded[split_at:]
        + b"\r\nEND:VCARD\r\n"
    )
    assert only(parse_vcards(data, "folded.vcf")).name == "Zoë Ørsted"


def test_grouped_properties_take_their_ablabel() -> None:
    draft = only(
        parse(
            card(
                "FN:Grouped",
                "item1.EMAIL;TYPE=INTERNET:side@example.com",
                "item1.X-ABLabel:Side project",
                "item2.TEL:0123",
                "item2.X-ABLabel:_$!<Mobile>!$_",
                "ITEM3.URL:https://x.example",
                "item3.X-ABLABEL:_$!<HomePage>!$_",
            )
        )
    )
    assert [(m.value, m.label) for m in draft.methods] == [
        ("side@example.com", "Side project"),
        ("0123", "mobile"),
        ("https://x.example", "home page"),
    ]


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("19800322", date(1980, 3, 22)),
        ("1980-03-22", date(1980, 3, 22)),
        ("1980-03-22T00:00:00Z", date(1980, 3, 22)),
        ("19531015T231000Z", date(1953, 10, 15)),
        ("--0322", None),
        ("19723101", None),
        ("not a date", None),
    ],
)
def test_birthday_formats_and_bad_dates_are_not_fatal(written: str, expected: date | None) -> None:
    draft = only(parse(card("FN:Born", f"BDAY:{written}")))
    assert draft.birthday == expected


def test_unreadable_lines_are_skipped_not_fatal() -> None:
    draft = only(parse(card("FN:Survivor", "this line has no colon", "TAIL;P=v;:x", "ORG:Kept")))
    assert (draft.name, draft.org) == ("Survivor", "Kept")


def test_small_inline_png_kept_as_is() -> None:
    photo = png_bytes((40, 30))
    encoded = base64.b64encode(photo).decode()
    draft = only(parse(card("FN:Pictured", f"PHOTO;ENCODING=b;TYPE=PNG:{encoded}")))
    assert draft.photo == photo


def test_large_photo_is_scaled_to_a_512_px_jpeg() -> None:
    encoded = base64.b64encode(png_bytes((1200, 800))).decode()
    folded = "\r\n ".join(encoded[i : i + 74] for i in range(0, len(encoded), 74))
    draft = only(parse(card("FN:Big Picture", f"PHOTO;ENCODING=b;TYPE=PNG:{folded}")))
    assert draft.photo is not None
    with Image.open(io.BytesIO(draft.photo)) as image:
        assert image.format == "JPEG"
        assert image.size == (512, 341)


def test_vcard4_data_uri_photo() -> None:
    encoded = base64.b64encode(png_bytes((8, 8), "RGBA")).decode()
    draft = only(parse(card("FN:Data", f"PHOTO:data:image/png;base64,{encoded}", version="4.0")))
    assert draft.photo is not None
    assert draft.photo.startswith(b"\x89PNG")


@pytest.mark.parametrize(
    "photo",
    [
        "PHOTO;ENCODING=b;TYPE=JPEG:bm90IGFuIGltYWdl",
        "PHOTO;ENCODING=b;TYPE=JPEG:%%%not base64%%%",
        "PHOTO;VALUE=uri:https://example.com/me.jpg",
        "PHOTO:",
    ],
)
def test_undecodable_or_remote_photos_are_dropped_and_the_card_kept(photo: str) -> None:
    draft = only(parse(card("FN:Faceless", photo)))
    assert draft.name == "Faceless"
    assert draft.photo is None


def test_impp_and_legacy_messaging_fields_are_social() -> None:
    draft = only(
        parse(card("FN:Chatty", "IMPP;X-SERVICE-TYPE=Skype:skype:chatty", "X-AIM:chatty99"))
    )
    assert [(m.kind, m.value, m.label) for m in draft.methods] == [
        ("social", "skype:chatty", "Skype"),
        ("social", "chatty99", "aim"),
    ]


def test_duplicate_methods_and_tags_are_kept_once() -> None:
    draft = only(
        parse(
            card(
                "FN:Twice",
                "EMAIL:a@example.com",
                "EMAIL:A@Example.com",
                "CATEGORIES:VIP,vip,Friends",
            )
        )
    )
    assert draft.emails == ("a@example.com",)
    assert draft.tags == ("VIP", "Friends")


def test_a_path_is_reported_by_its_file_name() -> None:
    result = parse_vcards(b"", "/home/me/Downloads/contacts.vcf")
    assert result.errors[0].file == "contacts.vcf"


def test_an_exception_inside_one_card_becomes_an_issue(monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop.interchange import vcard_lines, vcard_reader

    def explode_on_boom(body: str, legacy: bool) -> list[vcard_lines.Property]:
        if "BOOM" in body:
            raise RuntimeError("simulated failure")
        return vcard_lines.card_properties(body, legacy)

    monkeypatch.setattr(vcard_reader, "card_properties", explode_on_boom)
    result = parse(card("FN:Before") + card("FN:BOOM") + card("FN:After"))
    assert [d.name for d in result.drafts] == ["Before", "After"]
    [issue] = result.errors
    assert (issue.card, issue.line) == (2, 5)
    assert "simulated failure" in issue.message
