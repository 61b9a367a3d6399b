"""The tables of the Introductions page: their columns, and tooltips that wrap."""

from __future__ import annotations

import html
from datetime import datetime
from typing import Any, TypeVar

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from desktop.services.introductions import Helper, IntroductionRecord, Suggestion
from ui.models.record_table import Column, RecordTableModel

T = TypeVar("T")

STAGE_LABELS = {
    "suggested": "Suggested",
    "proposed": "Proposed",
    "asked": "Asking both sides",
    "made": "Introduced",
    "outcome": "Outcome noted",
    "dismissed": "Dismissed",
}


class WrappedTipsModel(RecordTableModel[T]):
    """A record table whose tooltips wrap, so a long reason reads in full on hover."""

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        """Override QAbstractItemModel.data."""
        value = super().data(index, role)
        if role == Qt.ItemDataRole.ToolTipRole and isinstance(value, str) and value:
            # Rich text is what makes Qt wrap a tooltip at a readable width.
            return f"<p>{html.escape(value)}</p>"
        return value


def first_name(name: str) -> str:
    """Return the first word of a name, for short labels."""
    return name.split()[0] if name.split() else name


def _day(moment: datetime | None) -> str:
    return moment.astimezone().strftime("%d %b") if moment else ""


def _answer(name: str, asked: datetime | None, agreed: bool | None) -> str:
    if agreed is not None:
        return f"{first_name(name)}: {'yes' if agreed else 'no'}"
    return f"{first_name(name)}: {'waiting' if asked else 'not asked'}"


def standing(intro: IntroductionRecord) -> str:
    """Return where an introduction stands, in a few words."""
    if intro.stage == "outcome":
        verdict = "Worked" if intro.outcome_worked else "Did not work"
        return f"{verdict}: {intro.outcome_note or ''}".rstrip(": ")
    if intro.stage == "made":
        return f"Introduced {_day(intro.made_at)}"
    if intro.stage in ("proposed", "asked", "suggested"):
        if intro.asked_a_at is None and intro.asked_b_at is None:
            return "Nobody asked yet"
        return " · ".join(
            (
                _answer(intro.a, intro.asked_a_at, intro.a_agreed),
                _answer(intro.b, intro.asked_b_at, intro.b_agreed),
            )
        )
    return STAGE_LABELS.get(intro.stage, intro.stage)


SUGGESTION_COLUMNS: list[Column[Suggestion]] = [
    Column("Introduce", lambda s: f"{s.a} ↔ {s.b}"),
    Column("Score", lambda s: f"{s.score:.2f}", lambda s: s.score),
    Column("Why", lambda s: s.reason),
]

# The long text goes last, where the table stretches it to the width available.
HELPER_COLUMNS: list[Column[Helper]] = [
    Column("Who", lambda h: h.name),
    Column("Score", lambda h: f"{h.score:.2f}", lambda h: h.score),
    Column("Offers", lambda h: h.offer),
]

INTRO_COLUMNS: list[Column[IntroductionRecord]] = [
    Column("Between", lambda i: f"{i.a} ↔ {i.b}"),
    Column("Stage", lambda i: STAGE_LABELS.get(i.stage, i.stage)),
    Column("Where it stands", standing),
    Column(
        "Updated", lambda i: i.updated_at.astimezone().strftime("%d %b %Y"), lambda i: i.updated_at
    ),
    Column("Why", lambda i: i.reason),
]
