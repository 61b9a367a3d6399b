"""ImportService.run on arbitrary input: it reports problems, it never raises."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.app import Services
from desktop.interchange import read_contacts

LINES = (
    "BEGIN:VCARD",
    "END:VCARD",
    "VERSION:3.0",
    "VERSION:2.1",
    "FN:Ana Silva",
    "FN:",
    "N:Silva;Ana;;;",
    "ORG:Silva Books",
    "EMAIL:ana@silva.example",
    "EMAIL;TYPE=INTERNET:ANA@SILVA.EXAMPLE",
    "TEL:+44 7700 900123",
    "TEL:07700 900123",
    "TEL:not a number",
    "NOTE;ENCODING=QUOTED-PRINTABLE:caf=C3=A9 =",
    "PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRg==",
    "BDAY:19990231",
    "UID:same-uid",
    "CATEGORIES:a,b,,c",
    "item1.EMAIL:x@y.example",
    "item1.X-ABLabel:_$!<Other>!$_",
    " folded continuation",
    "First Name,Last Name,Email Address,Company,Connected On",
    "Ana,Silva,ana@silva.example,Silva Books,30 May 2024",
    '"unterminated,quote',
    "Name,E-mail 1 - Value,Phone 1 - Value",
)
vcardish = st.lists(st.sampled_from(LINES) | st.text(max_size=40), max_size=40).map(
    lambda lines: "\r\n".join(lines).encode("utf-8", "surrogatepass")
)
payloads = st.binary(max_size=3000) | vcardish
names = st.sampled_from(("c.vcf", "c.csv", "c.txt", "c", "Connections.csv"))
formats = st.sampled_from(("auto", "vcard", "linkedin", "google", "outlook", "csv", "nonsense"))
policies = st.sampled_from(("merge", "skip", "create"))


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=payloads, filename=names, fmt=formats, policy=policies)
def test_import_never_raises_and_accounts_for_every_draft(
    services: Services, data: bytes, filename: str, fmt: str, policy: str
) -> None:
    before = services.contacts.count(include_archived=True)
    preview = services.imports.preview(data, filename, fmt)
    result = services.imports.run(data, filename, fmt, on_duplicate=policy)
    after = services.contacts.count(include_archived=True)
    assert after - before == result.imported
    plan_errors = len(result.errors) - len(read_contacts(data, filename, fmt).errors)
    assert preview.errors == result.errors
    # Every card read is imported, merged, skipped, or reported: none goes missing.
    assert result.imported + result.merged + result.skipped + plan_errors == preview.drafts
    for issue in result.errors:
        assert issue.message and issue.file
