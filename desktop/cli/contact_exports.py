"""The contact formats of `rapport export`: vCard, CSV, and the whole vault as JSON.

Each writer has the shape `export_commands.WRITERS` expects: given the command's
context and the time, it returns the file's bytes and a few words on what is in it.
"""

from __future__ import annotations

import json
from datetime import datetime

from desktop.cli.context import CliContext

VCARD_VERSIONS = ("4.0", "3.0")


def _people(count: int) -> str:
    return f"{count} contact" + ("" if count == 1 else "s")


def write_vcard(ctx: CliContext, now: datetime) -> tuple[bytes, str]:
    """Return every contact as vCard (version from --vcard-version, 4.0 by default)."""
    version = getattr(ctx.args, "vcard_version", None) or "4.0"
    text = ctx.services.exports.vcards(version=version)
    count = ctx.services.contacts.count(include_archived=True)
    return text.encode("utf-8"), f"{_people(count)} as vCard {version}"


def write_csv(ctx: CliContext, now: datetime) -> tuple[bytes, str]:
    """Return every contact as CSV (UTF-8 with a byte-order mark, which Excel needs)."""
    text = ctx.services.exports.csv()
    count = ctx.services.contacts.count(include_archived=True)
    return ("\ufeff" + text).encode("utf-8"), f"{_people(count)} as CSV"


def write_json(ctx: CliContext, now: datetime) -> tuple[bytes, str]:
    """Return the whole vault as JSON, readable back with `rapport import --format json`."""
    document = ctx.services.exports.json_export()
    text = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    return text.encode("utf-8"), f"everything ({_people(len(document['contacts']))}) as JSON"


CONTACT_WRITERS = {"vcard": write_vcard, "csv": write_csv, "json": write_json}
