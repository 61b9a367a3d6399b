"""Fuzzing the readers: whatever the bytes, they return a ParseResult and never raise."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.interchange.csv_reader import LAYOUTS, csv_headers, detect_csv_layout, parse_csv
from desktop.interchange.detect import read_contacts
from desktop.interchange.drafts import ParseResult
from desktop.interchange.vcard_reader import parse_vcards

FIXTURES = Path(__file__).resolve().parents[3].parent / "shared" / "fixtures"
FUZZ = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

VCARD_SAMPLES = [
    b"BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:M=C3=BCller;J=\r\n"
    b"=C3=BCrgen\r\nFN;CHARSET=Windows-1252:J\xfcrgen M\xfcller\r\nTEL;CELL;WORK:+49 171 000\r\n"
    b"PHOTO;ENCODING=BASE64;TYPE=JPEG:/9j/4AAQSkZJRgABAQ\r\nAAAQABAAD/2w==\r\n\r\n"
    b"NOTE;QUOTED-PRINTABLE:line=0D=0Atwo=\r\n\r\nEND:VCARD\r\n",
    b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Mr. John Richter, James Doe Sr.\r\nN:Doe;John;;;\r\n"
    b"item1.EMAIL;type=INTERNET;type=pref:john.doe@ibm.com\r\nitem1.X-ABLabel:_$!<Other>!$_\r\n"
    b"ADR;TYPE=HOME:;Crescent moon drive\\n555-asd;Albaney;NY;12345;USA\r\n"
    b"CATEGORIES:a,b\\,c\r\nBDAY:1980-03-22\r\nNOTE:long note that folds \r\n over a line\r\n"
    b"END:VCARD\r\n"
    b'BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Zo\xc3\xab\r\nTEL;VALUE=uri;TYPE="voice,cell":tel:+1\r\n'
    b"PHOTO:data:image/png;base64,iVBORw0KGgo=\r\nIMPP:xmpp:zoe@example.org\r\nEND:VCARD\r\n",
]
CSV_SAMPLES = [
    b'Notes:\n"When exporting, some emails are missing."\n\n'
    b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    b'Priya,Natarajan,https://linkedin.example/p,,"Northwind, Ltd",Head,30 May 2024\n',
    b"Name,Given Name,Family Name,Group Membership,E-mail 1 - Type,E-mail 1 - Value,"
    b"Phone 1 - Type,Phone 1 - Value\r\nA B,A,B,* myContacts ::: Friends,* Work,a@b.example,"
    b"Mobile,+44 1 ::: +44 2\r\n",
    b"\xef\xbb\xbfFirst Name,Last Name,E-mail Address,Mobile Phone,Job Title,Company,Categories"
    b"\r\nHannah,Kowalski,h@example.com,+48 600,Lead,Vistula,A;B\r\n",
    b"Name,Given Name,Family Name,Organisation,Title,Emails,Phones,Tags,Location,About\r\n"
    b'X,,,,,"a@b.example ::: c@d.example",,"t1 ::: t2",,"multi\nline"\r\n',
]
TOKENS = [
    b"\r\n",
    b"\r\n ",
    b"\n\t",
    b"=",
    b"=\r\n",
    b";",
    b":",
    b",",
    b'"',
    b"\\",
    b"\x00",
    b"\xc3",
    b"\xff\xfe",
    b"\xef\xbb\xbf",
    b"BEGIN:VCARD\r\n",
    b"END:VCARD\r\n",
    b";ENCODING=QUOTED-PRINTABLE",
    b";CHARSET=zlib",
    b";CHARSET=utf-16",
    b";CHARSET=idna",
    b"PHOTO;ENCODING=b:",
    b"data:image/png;base64,",
    b"item1.",
    b" ::: ",
    b"* ",
    b"BDAY:99999999",
]


def _fixture_samples(folder: str, suffix: str) -> list[bytes]:
    root = FIXTURES / folder
    if not root.is_dir():
        return []
    # Small files only, so that two hundred mutations stay quick.
    return [p.read_bytes() for p in sorted(root.rglob(f"*{suffix}")) if p.stat().st_size < 8000]


def assert_well_formed(result: ParseResult) -> None:
    assert isinstance(result, ParseResult)
    for draft in result.drafts:
        assert draft.name
        assert draft.name == draft.name.strip()
        for method in draft.methods:
            assert method.value
    for issue in result.errors:
        assert issue.file
        assert issue.message


@st.composite
def mutated(draw: st.DrawFn, samples: list[bytes]) -> bytes:
    data = bytearray(draw(st.sampled_from(samples)))
    for _ in range(draw(st.integers(1, 6))):
        operation = draw(st.sampled_from(["insert", "delete", "replace", "repeat", "cut"]))
        start = draw(st.integers(0, len(data)))
        end = draw(st.integers(start, min(len(data), start + 40)))
        if operation == "insert":
            data[start:start] = draw(st.sampled_from(TOKENS) | st.binary(max_size=12))
        elif operation == "delete":
            del data[start:end]
        elif operation == "replace":
            data[start:end] = draw(st.binary(max_size=end - start + 2))
        elif operation == "repeat":
            data[end:end] = data[start:end]
        else:
            del data[start:]
    return bytes(data)


@st.composite
def mutated_text(draw: st.DrawFn, samples: list[bytes]) -> bytes:
    text = draw(st.sampled_from(samples)).decode("utf-8", errors="replace")
    start = draw(st.integers(0, len(text)))
    inserted = draw(st.text(max_size=20))
    return (text[:start] + inserted + text[start:]).encode(
        draw(st.sampled_from(["utf-8", "utf-16", "utf-8-sig"])), errors="replace"
    )


ALL_VCARDS = VCARD_SAMPLES + _fixture_samples("vcards", ".vcf")
ALL_CSVS = CSV_SAMPLES + _fixture_samples("csv", ".csv")


@FUZZ
@given(data=st.binary(max_size=600), filename=st.sampled_from(["a.vcf", "a.csv", "a"]))
def test_random_bytes(data: bytes, filename: str) -> None:
    assert_well_formed(read_contacts(data, filename))
    assert_well_formed(parse_vcards(data, filename))
    assert_well_formed(parse_csv(data, filename))


@FUZZ
@given(data=mutated(ALL_VCARDS) | mutated_text(ALL_VCARDS))
def test_mutated_vcards(data: bytes) -> None:
    assert_well_formed(parse_vcards(data, "fuzz.vcf"))
    assert_well_formed(read_contacts(data, "fuzz"))


@FUZZ
@given(data=mutated(ALL_CSVS) | mutated_text(ALL_CSVS), layout=st.sampled_from(LAYOUTS))
def test_mutated_csvs(data: bytes, layout: str) -> None:
    assert_well_formed(parse_csv(data, "fuzz.csv"))
    assert_well_formed(parse_csv(data, "fuzz.csv", layout=layout))
    assert isinstance(csv_headers(data), list)
    assert detect_csv_layout(data.decode("utf-8", errors="replace")) in LAYOUTS


@FUZZ
@given(
    data=mutated(ALL_CSVS),
    mapping=st.dictionaries(
        st.sampled_from(["name", "email", "tags", "bogus"]), st.text(max_size=12)
    ),
)
def test_mutated_csvs_with_any_mapping(data: bytes, mapping: dict[str, str]) -> None:
    assert_well_formed(parse_csv(data, "fuzz.csv", mapping=mapping))
