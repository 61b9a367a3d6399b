"""The schema of a Rapport vault, as typed SQLAlchemy 2.0 models.

Deleting a contact removes what only makes sense with that contact (its methods,
asks and offers, favours, reminders, attendance, introductions that name it).
Deleting anything else never takes a contact or a timeline entry with it: an event
or an introduction that goes away leaves its interactions and favours in place.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Date,
    ForeignKey,
    Index,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from storage.types import UtcDateTime, utcnow

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

METHOD_KINDS = ("email", "phone", "url", "social", "address")
ASK_OFFER_KINDS = ("ask", "offer")
INTERACTION_KINDS = ("met", "call", "email", "message", "note", "meeting")
FAVOUR_DIRECTIONS = ("given", "received")
FAVOUR_SIZES = ("small", "medium", "large")
FAVOUR_STATUSES = ("promised", "done", "declined")
INTRO_STAGES = ("suggested", "proposed", "asked", "made", "outcome", "dismissed")
REMINDER_KINDS = (
    "after_event",
    "keep_in_touch",
    "reciprocity",
    "promise",
    "intro_checkin",
    "manual",
)
REMINDER_STATUSES = ("open", "done", "snoozed", "dismissed")


def _new_uid() -> str:
    return str(uuid.uuid4())


def _one_of(column: str, values: tuple[str, ...]) -> str:
    quoted = ", ".join(f"'{value}'" for value in values)
    return f"{column} IN ({quoted})"


class Base(DeclarativeBase):
    """Declarative base with a naming convention so constraints have stable names."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        datetime: UtcDateTime(),
        date: Date(),
        str: String(),
    }


contact_tags = Table(
    "contact_tags",
    Base.metadata,
    Column("contact_id", ForeignKey("contacts.id", ondelete="CASCADE"), primary_key=True),
    Column("tag_id", ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True, index=True),
)


class Contact(Base):
    """A person in the user's network."""

    __tablename__ = "contacts"

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(unique=True, default=_new_uid)
    name: Mapped[str]
    sort_name: Mapped[str] = mapped_column(index=True)
    given_name: Mapped[str | None]
    family_name: Mapped[str | None]
    org: Mapped[str | None] = mapped_column(index=True)
    title: Mapped[str | None]
    location: Mapped[str | None]
    about: Mapped[str | None] = mapped_column(Text)
    birthday: Mapped[date | None]
    photo: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)
    cadence_days: Mapped[int | None]
    archived: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    methods: Mapped[list[ContactMethod]] = relationship(
        back_populates="contact",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="ContactMethod.position",
    )
    tags: Mapped[list[Tag]] = relationship(secondary=contact_tags, back_populates="contacts")
    asks_offers: Mapped[list[AskOffer]] = relationship(
        back_populates="contact", cascade="all, delete-orphan", passive_deletes=True
    )

    __table_args__ = (
        CheckConstraint("length(trim(name)) > 0", name="name_not_empty"),
        CheckConstraint("cadence_days IS NULL OR cadence_days > 0", name="cadence_positive"),
        # The contact list's order: one page is a short range scan, at any depth.
        Index("ix_contacts_list_order", "archived", "sort_name", "id"),
    )


class ContactMethod(Base):
    """An email, phone, URL, social handle or postal address of a contact."""

    __tablename__ = "contact_methods"

    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str]
    label: Mapped[str | None]
    value: Mapped[str] = mapped_column(Text)
    # Lower-cased email or E.164 phone, used to recognise the same person twice.
    normalized: Mapped[str | None] = mapped_column(index=True)
    position: Mapped[int] = mapped_column(default=0)

    contact: Mapped[Contact] = relationship(back_populates="methods")

    __table_args__ = (CheckConstraint(_one_of("kind", METHOD_KINDS), name="kind_known"),)


class Tag(Base):
    """A free tag; it may carry a default keep-in-touch cadence."""

    __tablename__ = "tags"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    # Case-folded name: "Design" and "design" are one tag.
    key: Mapped[str] = mapped_column(unique=True)
    cadence_days: Mapped[int | None]

    contacts: Mapped[list[Contact]] = relationship(secondary=contact_tags, back_populates="tags")

    __table_args__ = (
        CheckConstraint("cadence_days IS NULL OR cadence_days > 0", name="cadence_positive"),
    )


class AskOffer(Base):
    """A short phrase: what a contact is looking for (ask) or can help with (offer)."""

    __tablename__ = "asks_offers"

    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str]
    text: Mapped[str] = mapped_column(Text)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    contact: Mapped[Contact] = relationship(back_populates="asks_offers")

    __table_args__ = (
        CheckConstraint(_one_of("kind", ASK_OFFER_KINDS), name="kind_known"),
        Index("ix_asks_offers_kind_active", "kind", "active"),
    )


attendances = Table(
    "attendances",
    Base.metadata,
    Column("event_id", ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column(
        "contact_id", ForeignKey("contacts.id", ondelete="CASCADE"), primary_key=True, index=True
    ),
)


class Event(Base):
    """A networking event the user went to."""

    __tablename__ = "events"

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(unique=True, default=_new_uid)
    name: Mapped[str]
    held_on: Mapped[date] = mapped_column(index=True)
    place: Mapped[str | None]
    notes: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    attendees: Mapped[list[Contact]] = relationship(secondary=attendances)

    __table_args__ = (CheckConstraint("length(trim(name)) > 0", name="name_not_empty"),)


interaction_participants = Table(
    "interaction_participants",
    Base.metadata,
    Column("interaction_id", ForeignKey("interactions.id", ondelete="CASCADE"), primary_key=True),
    Column(
        "contact_id", ForeignKey("contacts.id", ondelete="CASCADE"), primary_key=True, index=True
    ),
)


class Interaction(Base):
    """A timeline entry: met, call, email, message or note, with its participants."""

    __tablename__ = "interactions"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str]
    occurred_at: Mapped[datetime] = mapped_column(index=True)
    note: Mapped[str] = mapped_column(Text, default="")
    event_id: Mapped[int | None] = mapped_column(
        ForeignKey("events.id", ondelete="SET NULL"), index=True
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    participants: Mapped[list[Contact]] = relationship(secondary=interaction_participants)
    event: Mapped[Event | None] = relationship()

    __table_args__ = (CheckConstraint(_one_of("kind", INTERACTION_KINDS), name="kind_known"),)


class Favour(Base):
    """A favour given to or received from a contact."""

    __tablename__ = "favours"

    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), index=True
    )
    direction: Mapped[str]
    description: Mapped[str] = mapped_column(Text)
    occurred_on: Mapped[date] = mapped_column(index=True)
    size: Mapped[str] = mapped_column(default="small")
    status: Mapped[str] = mapped_column(default="done")
    due_on: Mapped[date | None]
    introduction_id: Mapped[int | None] = mapped_column(
        ForeignKey("introductions.id", ondelete="SET NULL"), index=True
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    contact: Mapped[Contact] = relationship()

    __table_args__ = (
        CheckConstraint(_one_of("direction", FAVOUR_DIRECTIONS), name="direction_known"),
        CheckConstraint(_one_of("size", FAVOUR_SIZES), name="size_known"),
        CheckConstraint(_one_of("status", FAVOUR_STATUSES), name="status_known"),
        CheckConstraint("length(trim(description)) > 0", name="description_not_empty"),
        Index("ix_favours_contact_direction", "contact_id", "direction", "occurred_on"),
    )


class Relationship(Base):
    """Two contacts who already know each other; stored once, lower id first."""

    __tablename__ = "relationships"

    id: Mapped[int] = mapped_column(primary_key=True)
    contact_a_id: Mapped[int] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"))
    contact_b_id: Mapped[int] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(default="knows")
    note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    __table_args__ = (
        UniqueConstraint("contact_a_id", "contact_b_id", name="uq_relationships_pair"),
        CheckConstraint("contact_a_id < contact_b_id", name="ordered_pair"),
    )


class Introduction(Base):
    """An introduction between two contacts, from suggestion to outcome."""

    __tablename__ = "introductions"

    id: Mapped[int] = mapped_column(primary_key=True)
    contact_a_id: Mapped[int] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"))
    contact_b_id: Mapped[int] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), index=True
    )
    reason: Mapped[str] = mapped_column(Text, default="")
    stage: Mapped[str] = mapped_column(default="suggested", index=True)
    asked_a_at: Mapped[datetime | None]
    asked_b_at: Mapped[datetime | None]
    a_agreed: Mapped[bool | None]
    b_agreed: Mapped[bool | None]
    made_at: Mapped[datetime | None]
    outcome_note: Mapped[str | None] = mapped_column(Text)
    outcome_worked: Mapped[bool | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    __table_args__ = (
        CheckConstraint(_one_of("stage", INTRO_STAGES), name="stage_known"),
        CheckConstraint("contact_a_id <> contact_b_id", name="two_people"),
        Index("ix_introductions_pair", "contact_a_id", "contact_b_id"),
    )


class Reminder(Base):
    """A follow-up: who, when, why, and whether it is still open."""

    __tablename__ = "reminders"

    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int | None] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str]
    reason: Mapped[str] = mapped_column(Text)
    due_at: Mapped[datetime] = mapped_column(index=True)
    rrule: Mapped[str | None]
    status: Mapped[str] = mapped_column(default="open", index=True)
    snoozed_until: Mapped[datetime | None]
    # A derived reminder remembers what raised it ("event:4:contact:9"), so running the
    # rules again finds it instead of adding a second one.
    source_key: Mapped[str | None] = mapped_column(unique=True)
    completed_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    __table_args__ = (
        CheckConstraint(_one_of("kind", REMINDER_KINDS), name="kind_known"),
        CheckConstraint(_one_of("status", REMINDER_STATUSES), name="status_known"),
        Index("ix_reminders_status_due", "status", "due_at"),
    )


class VaultSetting(Base):
    """A small key/value store for settings that belong to the vault, not the machine."""

    __tablename__ = "vault_settings"

    key: Mapped[str] = mapped_column(primary_key=True)
    value: Mapped[str] = mapped_column(Text)
