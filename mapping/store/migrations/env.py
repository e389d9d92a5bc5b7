"""Alembic's entry point for the atlas's migrations (run by ``mapping.store.migrate``).

The caller hands over a connection already inside the migration transaction, holding
the migration lock (``config.attributes["connection"]``); this file only runs the
scripts on it. SQLite alters tables by copying them (``render_as_batch``). Imported
outside Alembic (pytest's doctest collection), it does nothing.
"""

from __future__ import annotations

from alembic import context

from mapping.store import schema


def run_migrations() -> None:
    """Run the pending migrations on the caller's connection, in its transaction."""
    connection = context.config.attributes["connection"]
    context.configure(
        connection=connection,
        target_metadata=schema.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        # The caller's transaction is the migration's: it commits or rolls back all of it.
        transaction_per_migration=False,
    )
    with context.begin_transaction():
        context.run_migrations()


if hasattr(context, "config"):
    run_migrations()
