"""Printing results: plain text for people, JSON (`--json`) for scripts."""

from __future__ import annotations

import dataclasses
import json
import sys
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import Any, TextIO


def _default(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, tuple | frozenset | set):
        return list(value)
    raise TypeError(f"cannot serialise {type(value).__name__}")


def to_jsonable(value: Any) -> Any:
    """Turn records (dataclasses) into plain JSON values."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {k: to_jsonable(v) for k, v in dataclasses.asdict(value).items()}
    return value


def print_json(value: Any, stream: TextIO | None = None) -> None:
    """Print a value as indented JSON."""
    json.dump(value, stream or sys.stdout, default=_default, indent=2, ensure_ascii=False)
    (stream or sys.stdout).write("\n")


def print_table(rows: Sequence[Sequence[str]], headers: Sequence[str]) -> None:
    """Print rows as aligned columns, or a short line when there are none."""
    if not rows:
        print("(none)")
        return
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(headers)]
    for line in (headers, *rows):
        print(
            "  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)).rstrip()
        )


def joined(values: Iterable[str]) -> str:
    """Join several values for one table cell."""
    return ", ".join(values)
