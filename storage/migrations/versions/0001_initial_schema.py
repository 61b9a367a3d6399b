"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-23 00:03:23.524904
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


# The search index: one row per contact (rowid = contact id) gathering everything a
# person might type to find them. Triggers keep it in step with every write, whatever
# code path makes the write.
_REINDEX = """
DELETE FROM contact_search WHERE rowid IN ({ids});
INSERT INTO contact_search(rowid, name, org, body)
SELECT c.id, c.name, concat_ws(' ', c.org, c.title),
       concat_ws(' ', c.about, c.location,
         (SELECT group_concat(a.text, ' ') FROM asks_offers a WHERE a.contact_id = c.id),
         (SELECT group_concat(m.value, ' ') FROM contact_methods m WHERE m.contact_id = c.id),
         (SELECT group_concat(t.name, ' ') FROM tags t
            JOIN contact_tags ct ON ct.tag_id = t.id WHERE ct.contact_id = c.id),
         (SELECT group_concat(i.note, ' ') FROM interactions i
            JOIN interaction_participants p ON p.interaction_id = i.id
            WHERE p.contact_id = c.id))
FROM contacts c WHERE c.id IN ({ids});
"""

_TRIGGERS = {
    "contacts_ai": ("AFTER INSERT ON contacts", "NEW.id"),
    "contacts_au": ("AFTER UPDATE OF name, org, title, about, location ON contacts", "NEW.id"),
    "contacts_ad": ("AFTER DELETE ON contacts", "OLD.id"),
    "asks_offers_ai": ("AFTER INSERT ON asks_offers", "NEW.contact_id"),
    "asks_offers_au": ("AFTER UPDATE ON asks_offers", "NEW.contact_id, OLD.contact_id"),
    "asks_offers_ad": ("AFTER DELETE ON asks_offers", "OLD.contact_id"),
    "contact_methods_ai": ("AFTER INSERT ON contact_methods", "NEW.contact_id"),
    "contact_methods_au": ("AFTER UPDATE ON contact_methods", "NEW.contact_id, OLD.contact_id"),
    "contact_methods_ad": ("AFTER DELETE ON contact_methods", "OLD.contact_id"),
    "contact_tags_ai": ("AFTER INSERT ON contact_tags", "NEW.contact_id"),
    "contact_tags_ad": ("AFTER DELETE ON contact_tags", "OLD.contact_id"),
    "tags_au": (
        "AFTER UPDATE OF name ON tags",
        "SELECT contact_id FROM contact_tags WHERE tag_id = NEW.id",
    ),
    "participants_ai": ("AFTER INSERT ON interaction_participants", "NEW.contact_id"),
    "participants_ad": ("AFTER DELETE ON interaction_participants", "OLD.contact_id"),
    "interactions_au": (
        "AFTER UPDATE OF note ON interactions",
        "SELECT contact_id FROM interaction_participants WHERE interaction_id = NEW.id",
    ),
}


def _create_search_index() -> None:
    op.execute(
        "CREATE VIRTUAL TABLE contact_search USING fts5("
        "name, org, body, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')"
    )
    for name, (when, ids) in _TRIGGERS.items():
        op.execute(f"CREATE TRIGGER search_{name} {when} BEGIN {_REINDEX.format(ids=ids)} END")


def _drop_search_index() -> None:
    for name in _TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS search_{name}")
    op.execute("DROP TABLE IF EXISTS contact_search")


def upgrade() -> None:
    op.create_table(
        "contacts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("sort_name", sa.String(), nullable=False),
        sa.Column("given_name", sa.String(), nullable=True),
        sa.Column("family_name", sa.String(), nullable=True),
        sa.Column("org", sa.String(), nullable=True),
        sa.Column("title", sa.String(), nullable=True),
        sa.Column("location", sa.String(), nullable=True),
        sa.Column("about", sa.Text(), nullable=True),
        sa.Column("birthday", sa.Date(), nullable=True),
        sa.Column("photo", sa.LargeBinary(), nullable=True),
        sa.Column("cadence_days", sa.Integer(), nullable=True),
        sa.Column("archived", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "cadence_days IS NULL OR cadence_days > 0", name=op.f("ck_contacts_cadence_positive")
        ),
        sa.CheckConstraint("length(trim(name)) > 0", name=op.f("ck_contacts_name_not_empty")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contacts")),
        sa.UniqueConstraint("uid", name=op.f("uq_contacts_uid")),
    )
    with op.batch_alter_table("contacts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_contacts_archived"), ["archived"], unique=False)
        batch_op.create_index(batch_op.f("ix_contacts_org"), ["org"], unique=False)
        batch_op.create_index(batch_op.f("ix_contacts_sort_name"), ["sort_name"], unique=False)

    op.create_table(
        "events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("place", sa.String(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("length(trim(name)) > 0", name=op.f("ck_events_name_not_empty")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_events")),
        sa.UniqueConstraint("uid", name=op.f("uq_events_uid")),
    )
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_events_held_on"), ["held_on"], unique=False)

    op.create_table(
        "tags",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("key", sa.String(), nullable=False),
        sa.Column("cadence_days", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "cadence_days IS NULL OR cadence_days > 0", name=op.f("ck_tags_cadence_positive")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tags")),
        sa.UniqueConstraint("key", name=op.f("uq_tags_key")),
    )
    op.create_table(
        "vault_settings",
        sa.Column("key", sa.String(), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_vault_settings")),
    )
    op.create_table(
        "asks_offers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("kind IN ('ask', 'offer')", name=op.f("ck_asks_offers_kind_known")),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contacts.id"],
            name=op.f("fk_asks_offers_contact_id_contacts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_asks_offers")),
    )
    with op.batch_alter_table("asks_offers", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_asks_offers_contact_id"), ["contact_id"], unique=False)
        batch_op.create_index("ix_asks_offers_kind_active", ["kind", "active"], unique=False)

    op.create_table(
        "attendances",
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contacts.id"],
            name=op.f("fk_attendances_contact_id_contacts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["events.id"],
            name=op.f("fk_attendances_event_id_events"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("event_id", "contact_id", name=op.f("pk_attendances")),
    )
    with op.batch_alter_table("attendances", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_attendances_contact_id"), ["contact_id"], unique=False)

    op.create_table(
        "contact_methods",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("label", sa.String(), nullable=True),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("normalized", sa.String(), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "kind IN ('email', 'phone', 'url', 'social', 'address')",
            name=op.f("ck_contact_methods_kind_known"),
        ),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contacts.id"],
            name=op.f("fk_contact_methods_contact_id_contacts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contact_methods")),
    )
    with op.batch_alter_table("contact_methods", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_contact_methods_contact_id"), ["contact_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_contact_methods_normalized"), ["normalized"], unique=False
        )

    op.create_table(
        "contact_tags",
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("tag_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contacts.id"],
            name=op.f("fk_contact_tags_contact_id_contacts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["tag_id"], ["tags.id"], name=op.f("fk_contact_tags_tag_id_tags"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("contact_id", "tag_id", name=op.f("pk_contact_tags")),
    )
    with op.batch_alter_table("contact_tags", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_contact_tags_tag_id"), ["tag_id"], unique=False)

    op.create_table(
        "interactions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("occurred_at", sa.DateTime(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "kind IN ('met', 'call', 'email', 'message', 'note', 'meeting')",
            name=op.f("ck_interactions_kind_known"),
        ),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["events.id"],
            name=op.f("fk_interactions_event_id_events"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_interactions")),
    )
    with op.batch_alter_table("interactions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_interactions_event_id"), ["event_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_interactions_occurred_at"), ["occurred_at"], unique=False
        )

    op.create_table(
        "introductions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("contact_a_id", sa.Integer(), nullable=False),
        sa.Column("contact_b_id", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("stage", sa.String(), nullable=False),
        sa.Column("asked_a_at", sa.DateTime(), nullable=True),
        sa.Column("asked_b_at", sa.DateTime(), nullable=True),
        sa.Column("a_agreed", sa.Boolean(), nullable=True),
        sa.Column("b_agreed", sa.Boolean(), nullable=True),
        sa.Column("made_at", sa.DateTime(), nullable=True),
        sa.Column("outcome_note", sa.Text(), nullable=True),
        sa.Column("outcome_worked", sa.Boolean(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "stage IN ('suggested', 'proposed', 'asked', 'made', 'outcome', 'dismissed')",
            name=op.f("ck_introductions_stage_known"),
        ),
        sa.CheckConstraint(
            "contact_a_id <> contact_b_id", name=op.f("ck_introductions_two_people")
        ),
        sa.ForeignKeyConstraint(
            ["contact_a_id"],
            ["contacts.id"],
            name=op.f("fk_introductions_contact_a_id_contacts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["contact_b_id"],
            ["contacts.id"],
            name=op.f("fk_introductions_contact_b_id_contacts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_introductions")),
    )
    with op.batch_alter_table("introductions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_introductions_contact_b_id"), ["contact_b_id"], unique=False
        )
        batch_op.create_index(
            "ix_introductions_pair", ["contact_a_id", "contact_b_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_introductions_stage"), ["stage"], unique=False)

    op.create_table(
        "relationships",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("contact_a_id", sa.Integer(), nullable=False),
        sa.Column("contact_b_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "contact_a_id < contact_b_id", name=op.f("ck_relationships_ordered_pair")
        ),
        sa.ForeignKeyConstraint(
            ["contact_a_id"],
            ["contacts.id"],
            name=op.f("fk_relationships_contact_a_id_contacts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["contact_b_id"],
            ["contacts.id"],
            name=op.f("fk_relationships_contact_b_id_contacts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_relationships")),
        sa.UniqueConstraint("contact_a_id", "contact_b_id", name="uq_relationships_pair"),
    )
    with op.batch_alter_table("relationships", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_relationships_contact_b_id"), ["contact_b_id"], unique=False
        )

    op.create_table(
        "reminders",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("due_at", sa.DateTime(), nullable=False),
        sa.Column("rrule", sa.String(), nullable=True),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("snoozed_until", sa.DateTime(), nullable=True),
        sa.Column("source_key", sa.String(), nullable=True),
        sa.Column("completed_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "kind IN ('after_event', 'keep_in_touch', 'reciprocity', 'promise', 'intro_checkin', 'manual')",
            name=op.f("ck_reminders_kind_known"),
        ),
        sa.CheckConstraint(
            "status IN ('open', 'done', 'snoozed', 'dismissed')",
            name=op.f("ck_reminders_status_known"),
        ),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contacts.id"],
            name=op.f("fk_reminders_contact_id_contacts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reminders")),
        sa.UniqueConstraint("source_key", name=op.f("uq_reminders_source_key")),
    )
    with op.batch_alter_table("reminders", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_reminders_contact_id"), ["contact_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_reminders_due_at"), ["due_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_reminders_status"), ["status"], unique=False)

    op.create_table(
        "favours",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("direction", sa.String(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("occurred_on", sa.Date(), nullable=False),
        sa.Column("size", sa.String(), nullable=False),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("introduction_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "direction IN ('given', 'received')", name=op.f("ck_favours_direction_known")
        ),
        sa.CheckConstraint(
            "size IN ('small', 'medium', 'large')", name=op.f("ck_favours_size_known")
        ),
        sa.CheckConstraint(
            "status IN ('promised', 'done', 'declined')", name=op.f("ck_favours_status_known")
        ),
        sa.CheckConstraint(
            "length(trim(description)) > 0", name=op.f("ck_favours_description_not_empty")
        ),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contacts.id"],
            name=op.f("fk_favours_contact_id_contacts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["introduction_id"],
            ["introductions.id"],
            name=op.f("fk_favours_introduction_id_introductions"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_favours")),
    )
    with op.batch_alter_table("favours", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_favours_contact_id"), ["contact_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_favours_introduction_id"), ["introduction_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_favours_occurred_on"), ["occurred_on"], unique=False)

    op.create_table(
        "interaction_participants",
        sa.Column("interaction_id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contacts.id"],
            name=op.f("fk_interaction_participants_contact_id_contacts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["interaction_id"],
            ["interactions.id"],
            name=op.f("fk_interaction_participants_interaction_id_interactions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "interaction_id", "contact_id", name=op.f("pk_interaction_participants")
        ),
    )
    with op.batch_alter_table("interaction_participants", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_interaction_participants_contact_id"), ["contact_id"], unique=False
        )

    _create_search_index()


def downgrade() -> None:
    _drop_search_index()
    with op.batch_alter_table("interaction_participants", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_interaction_participants_contact_id"))

    op.drop_table("interaction_participants")
    with op.batch_alter_table("favours", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_favours_occurred_on"))
        batch_op.drop_index(batch_op.f("ix_favours_introduction_id"))
        batch_op.drop_index(batch_op.f("ix_favours_contact_id"))

    op.drop_table("favours")
    with op.batch_alter_table("reminders", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_reminders_status"))
        batch_op.drop_index(batch_op.f("ix_reminders_due_at"))
        batch_op.drop_index(batch_op.f("ix_reminders_contact_id"))

    op.drop_table("reminders")
    with op.batch_alter_table("relationships", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_relationships_contact_b_id"))

    op.drop_table("relationships")
    with op.batch_alter_table("introductions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_introductions_stage"))
        batch_op.drop_index("ix_introductions_pair")
        batch_op.drop_index(batch_op.f("ix_introductions_contact_b_id"))

    op.drop_table("introductions")
    with op.batch_alter_table("interactions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_interactions_occurred_at"))
        batch_op.drop_index(batch_op.f("ix_interactions_event_id"))

    op.drop_table("interactions")
    with op.batch_alter_table("contact_tags", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contact_tags_tag_id"))

    op.drop_table("contact_tags")
    with op.batch_alter_table("contact_methods", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contact_methods_normalized"))
        batch_op.drop_index(batch_op.f("ix_contact_methods_contact_id"))

    op.drop_table("contact_methods")
    with op.batch_alter_table("attendances", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_attendances_contact_id"))

    op.drop_table("attendances")
    with op.batch_alter_table("asks_offers", schema=None) as batch_op:
        batch_op.drop_index("ix_asks_offers_kind_active")
        batch_op.drop_index(batch_op.f("ix_asks_offers_contact_id"))

    op.drop_table("asks_offers")
    op.drop_table("vault_settings")
    op.drop_table("tags")
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_events_held_on"))

    op.drop_table("events")
    with op.batch_alter_table("contacts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contacts_sort_name"))
        batch_op.drop_index(batch_op.f("ix_contacts_org"))
        batch_op.drop_index(batch_op.f("ix_contacts_archived"))

    op.drop_table("contacts")
