"""The checks that keep introductions sensible, each failing with a sentence to act on."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy.orm import Session

from desktop.errors import ValidationError
from desktop.queries.contacts import get_contact
from desktop.queries.introductions import already_know, pair_introductions
from storage.models import Contact, Introduction

# How each stage reads in "Introduction 4 is ..., so it cannot be ...".
STAGE_WORDS = {
    "suggested": "only suggested",
    "proposed": "proposed",
    "asked": "waiting for answers",
    "made": "already made",
    "outcome": "finished",
    "dismissed": "dismissed",
}


def moment_of(now: datetime | None) -> datetime:
    """Return `now`, or the current time when it is None; a naive time is refused."""
    if now is None:
        return datetime.now(UTC)
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValidationError("The time needs a time zone.")
    return now


def clean(text: str) -> str:
    """Return text with its whitespace collapsed."""
    return " ".join(text.split())


def require_stage(intro: Introduction, allowed: tuple[str, ...], action: str) -> None:
    """Refuse an action that the introduction's stage does not allow."""
    if intro.stage not in allowed:
        words = STAGE_WORDS.get(intro.stage, intro.stage)
        raise ValidationError(f"Introduction {intro.id} is {words}, so it cannot be {action}.")


def answer_words(name: str, agreed: bool | None) -> str:
    """Return where one side stands ("Tom Reed has not answered yet")."""
    if agreed is None:
        return f"{name} has not answered yet"
    return f"{name} said {'yes' if agreed else 'no'}"


def check_pair(session: Session, a_id: int, b_id: int) -> tuple[Contact, Contact]:
    """Return the two contacts if introducing them makes sense, else say why not."""
    a, b = get_contact(session, a_id), get_contact(session, b_id)
    for contact in (a, b):
        if contact.archived:
            raise ValidationError(
                f"{contact.name} is archived; restore them before introducing them."
            )
    if already_know(session, a_id, b_id):
        raise ValidationError(
            f"{a.name} and {b.name} already know each other; there is nobody to introduce."
        )
    for intro in pair_introductions(session, a_id, b_id):
        if intro.stage in ("proposed", "asked", "made"):
            raise ValidationError(
                f"{a.name} and {b.name} already have an introduction in progress "
                f"(id {intro.id}, {STAGE_WORDS[intro.stage]})."
            )
        if intro.stage == "outcome":
            raise ValidationError(f"{a.name} and {b.name} were already introduced (id {intro.id}).")
    return a, b
