"""The `import` command: contacts from vCard or CSV files, or a whole vault from JSON."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from desktop.cli.context import CliContext
from desktop.cli.output import print_json
from desktop.errors import RapportError
from desktop.interchange import ImportIssue
from desktop.services.imports import POLICIES, ImportResult

FORMATS = ("auto", "vcard", "linkedin", "google", "outlook", "csv", "json")


def register(commands: Any) -> None:
    """Add the import command to the parser."""
    imp = commands.add_parser("import", help="import contacts from a vCard or CSV file")
    imp.add_argument("file", metavar="FILE")
    imp.add_argument(
        "--format",
        choices=FORMATS,
        default="auto",
        help="default: told from the file; json loads a `rapport export --format json` "
        "file into an empty vault",
    )
    imp.add_argument(
        "--on-duplicate",
        choices=POLICIES,
        default="merge",
        help="someone already known: merge into them (default), skip, or create anyway",
    )
    imp.add_argument("--json", action="store_true", help="print JSON")
    imp.set_defaults(handler=run_import)


def issue_json(issue: ImportIssue) -> dict[str, Any]:
    """Return one problem with the file as JSON."""
    return {"file": issue.file, "card": issue.card, "line": issue.line, "message": issue.message}


def result_json(result: ImportResult) -> dict[str, Any]:
    """Return an import's outcome as JSON."""
    return {
        "imported": result.imported,
        "merged": result.merged,
        "skipped": result.skipped,
        "errors": [issue_json(issue) for issue in result.errors],
    }


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise RapportError(f"Cannot read {path}: {exc.strerror or exc}.") from None


def _is_json(path: Path, fmt: str) -> bool:
    return fmt == "json" or (fmt == "auto" and path.suffix.lower() == ".json")


def _import_json(data: bytes, path: Path, ctx: CliContext) -> ImportResult:
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise RapportError(f"{path} is not JSON ({exc}); nothing was imported.") from None
    if not isinstance(document, dict):
        raise RapportError(f"{path} is not a Rapport JSON export; nothing was imported.")
    return ctx.services.exports.json_import(document)


def run_import(args: argparse.Namespace, ctx: CliContext) -> int:
    """Import a file; succeed when everything readable was imported."""
    path = Path(args.file).expanduser()
    # Read before the vault opens, so a wrong path asks for no passphrase.
    data = _read(path)
    if _is_json(path, args.format):
        result = _import_json(data, path, ctx)
    else:
        result = ctx.services.imports.run(
            data, path.name, args.format, on_duplicate=args.on_duplicate
        )
    if result.imported + result.merged + result.skipped == 0 and result.errors:
        first = " ".join(str(result.errors[0]).split())
        more = f" (and {len(result.errors) - 1} more problems)" if len(result.errors) > 1 else ""
        ending = "" if "nothing was imported" in first else "; nothing was imported"
        raise RapportError(f"{first}{more}{ending}.")
    if ctx.json:
        print_json(result_json(result))
        return 0
    print(
        f"Imported {result.imported} new, merged {result.merged}, skipped {result.skipped} "
        f"from {path.name}."
    )
    if result.errors:
        noun = "card or row was" if len(result.errors) == 1 else "cards or rows were"
        print(f"{len(result.errors)} {noun} not imported:")
        for issue in result.errors:
            print(f"  {issue}")
    return 0
