"""indexes for today and balances

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 00:08:25.182432
"""

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("favours", schema=None) as batch_op:
        batch_op.create_index(
            "ix_favours_contact_direction", ["contact_id", "direction", "occurred_on"], unique=False
        )
    with op.batch_alter_table("reminders", schema=None) as batch_op:
        batch_op.create_index("ix_reminders_status_due", ["status", "due_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("reminders", schema=None) as batch_op:
        batch_op.drop_index("ix_reminders_status_due")
    with op.batch_alter_table("favours", schema=None) as batch_op:
        batch_op.drop_index("ix_favours_contact_direction")
