"""Alembic environment: migrations run on a connection handed in by the vault."""

from alembic import context
from sqlalchemy import Connection

from storage.models import Base

connection = context.config.attributes.get("connection")
if not isinstance(connection, Connection):
    raise RuntimeError("Rapport migrations run only through storage.migrate.upgrade().")


def include_name(name: str | None, type_: str, parent_names: object) -> bool:
    # The full-text index is a virtual table (and its shadow tables) made by hand.
    return not (type_ == "table" and name is not None and name.startswith("contact_search"))


context.configure(
    connection=connection,
    include_name=include_name,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
