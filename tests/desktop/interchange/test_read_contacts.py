"""read_contacts: choosing vCard or a CSV layout, and never raising."""

from __future__ import annotations

import pytest

from desktop.interchange.detect import read_contacts

VCARD = b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Lovelace\r\nEND:VCARD\r\n"
LINKEDIN = (
    b'Notes:\n"Some emails are missing."\n\n'
    b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    b"Ada,Lovelace,,,Engines,Analyst,30 May 2024\n"
)


@pytest.mark.parametrize("filename", ["contacts.vcf", "contacts.txt", "contacts", "x.csv"])
def test_vcard_found_by_content_whatever_the_name(filename: str) -> None:
    result = read_contacts(VCARD, filename)
    assert result.format == "vcard"
    assert [d.name for d in result.drafts] == ["Ada Lovelace"]


def test_vcard_behind_a_bom_and_blank_lines() -> None:
    result = read_contacts(b"\xef\xbb\xbf\r\n\r\n" + VCARD, "export")
    assert [d.name for d in result.drafts] == ["Ada Lovelace"]


def test_vcf_extension_without_cards_is_read_as_vcard() -> None:
    result = read_contacts(b"", "empty.vcf")
    assert result.format == "vcard"
    assert "no cards" in result.errors[0].message


@pytest.mark.parametrize("filename", ["Connections.csv", "Connections"])
def test_csv_layout_found_from_the_header(filename: str) -> None:
    result = read_contacts(LINKEDIN, filename)
    assert result.format == "linkedin"
    [ada] = result.drafts
    assert (ada.name, ada.org, ada.source) == ("Ada Lovelace", "Engines", f"{filename} line 5")


def test_explicit_format_wins() -> None:
    result = read_contacts(LINKEDIN, "Connections.csv", fmt="csv")
    assert result.format == "csv"
    assert [d.name for d in result.drafts] == ["Ada Lovelace"]


@pytest.mark.parametrize("data", [b"", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", b"just words"])
def test_unknown_content_is_one_issue(data: bytes) -> None:
    result = read_contacts(data, "mystery.bin")
    assert result.drafts == []
    [issue] = result.errors
    assert issue.file == "mystery.bin"
    assert "neither a vCard" in issue.message


def test_unknown_format_name_is_one_issue() -> None:
    result = read_contacts(VCARD, "a.vcf", fmt="ldif")
    assert result.drafts == []
    assert "'ldif' is not a format" in result.errors[0].message


def test_internal_failure_becomes_an_issue(monkeypatch: pytest.MonkeyPatch) -> None:
    import desktop.interchange.detect as detect

    def broken(data: bytes, filename: str) -> object:
        raise MemoryError("simulated")

    monkeypatch.setattr(detect, "parse_vcards", broken)
    result = read_contacts(VCARD, "a.vcf")
    assert result.drafts == []
    assert "simulated" in result.errors[0].message
