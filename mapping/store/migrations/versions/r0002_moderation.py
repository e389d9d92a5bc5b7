"""Moderation: moderators, decisions, the append-only change log and the edition counter.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-07

``decisions`` and ``changes`` refuse UPDATE and DELETE (and, on PostgreSQL, TRUNCATE)
with triggers, and ``edition.number`` refuses to go down: the library never issues
them, and the database holds even against a hand-typed statement.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

ACTIONS = ("approve", "reject", "merge")
CHANGE_ACTIONS = ("add", "set", "remove", "reject")
ENTITIES = ("organisation", "link")
APPEND_ONLY = ("decisions", "changes")


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


def upgrade() -> None:
    """Create the four tables, the first edition (0) and the append-only triggers."""
    op.create_table(
        "moderators",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("identity", sa.String(320), nullable=False),
        sa.Column("name", sa.Text, nullable=True),
        sa.Column("added_by", sa.String(320), nullable=True),
        sa.Column("added_at", sa.DateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_moderators")),
        sa.UniqueConstraint("identity", name=op.f("uq_moderators_identity")),
    )
    op.create_table(
        "decisions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("suggestion_id", sa.Integer, nullable=False),
        sa.Column("action", sa.String(10), nullable=False),
        sa.Column("moderator", sa.String(320), nullable=False),
        sa.Column("moderator_name", sa.Text, nullable=True),
        sa.Column("decided_at", sa.DateTime, nullable=False),
        sa.Column("reason", sa.Text, nullable=True),
        sa.Column("merged_into", sa.String(200), nullable=True),
        sa.Column("edits", sa.JSON, nullable=True),
        sa.Column("edition", sa.Integer, nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_decisions")),
        sa.UniqueConstraint("suggestion_id", name=op.f("uq_decisions_suggestion_id")),
        sa.ForeignKeyConstraint(
            ["suggestion_id"],
            ["suggestions.id"],
            name=op.f("fk_decisions_suggestion_id_suggestions"),
        ),
        sa.CheckConstraint(_in("action", ACTIONS), name=op.f("ck_decisions_action")),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "changes",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("edition", sa.Integer, nullable=True),
        sa.Column("changed_at", sa.DateTime, nullable=False),
        sa.Column("moderator", sa.String(320), nullable=False),
        sa.Column("moderator_name", sa.Text, nullable=True),
        sa.Column("entity", sa.String(20), nullable=False),
        sa.Column("entity_id", sa.Text, nullable=False),
        sa.Column("action", sa.String(10), nullable=False),
        sa.Column("field", sa.String(40), nullable=True),
        sa.Column("old", sa.JSON, nullable=True),
        sa.Column("new", sa.JSON, nullable=True),
        sa.Column("source_url", sa.Text, nullable=True),
        sa.Column("reason", sa.Text, nullable=True),
        sa.Column("suggestion_id", sa.Integer, nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_changes")),
        sa.ForeignKeyConstraint(
            ["suggestion_id"],
            ["suggestions.id"],
            name=op.f("fk_changes_suggestion_id_suggestions"),
        ),
        sa.CheckConstraint(_in("entity", ENTITIES), name=op.f("ck_changes_entity")),
        sa.CheckConstraint(_in("action", CHANGE_ACTIONS), name=op.f("ck_changes_action")),
        sqlite_autoincrement=True,
    )
    op.create_index(op.f("ix_changes_edition"), "changes", ["edition"])
    op.create_index(op.f("ix_changes_entity_id"), "changes", ["entity_id"])
    op.create_table(
        "edition",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("number", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_edition")),
        sa.CheckConstraint("id = 1", name=op.f("ck_edition_one_row")),
        sa.CheckConstraint("number >= 0", name=op.f("ck_edition_number")),
    )
    op.execute("INSERT INTO edition (id, number) VALUES (1, 0)")
    if op.get_bind().dialect.name == "postgresql":
        _postgresql_triggers()
    else:
        _sqlite_triggers()


def _sqlite_triggers() -> None:
    for table in APPEND_ONLY:
        for event in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER {table}_no_{event.lower()} BEFORE {event} ON {table} "
                f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END"
            )
    op.execute(
        "CREATE TRIGGER edition_only_grows BEFORE UPDATE ON edition "
        "WHEN NEW.number < OLD.number "
        "BEGIN SELECT RAISE(ABORT, 'the edition number only grows'); END"
    )
    op.execute(
        "CREATE TRIGGER edition_no_delete BEFORE DELETE ON edition "
        "BEGIN SELECT RAISE(ABORT, 'the edition number only grows'); END"
    )


def _postgresql_triggers() -> None:
    op.execute(
        "CREATE FUNCTION atlas_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ "
        "BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END $$"
    )
    op.execute(
        "CREATE FUNCTION atlas_edition_only_grows() RETURNS trigger LANGUAGE plpgsql AS $$ "
        "BEGIN IF TG_OP = 'DELETE' OR NEW.number < OLD.number THEN "
        "RAISE EXCEPTION 'the edition number only grows'; END IF; RETURN NEW; END $$"
    )
    for table in APPEND_ONLY:
        op.execute(
            f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
            "FOR EACH ROW EXECUTE FUNCTION atlas_append_only()"
        )
        op.execute(
            f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
            "FOR EACH STATEMENT EXECUTE FUNCTION atlas_append_only()"
        )
    op.execute(
        "CREATE TRIGGER edition_only_grows BEFORE UPDATE OR DELETE ON edition "
        "FOR EACH ROW EXECUTE FUNCTION atlas_edition_only_grows()"
    )


def downgrade() -> None:
    """Drop the moderation tables (the change log with them: back up first)."""
    op.drop_table("edition")
    op.drop_index(op.f("ix_changes_entity_id"), table_name="changes")
    op.drop_index(op.f("ix_changes_edition"), table_name="changes")
    op.drop_table("changes")
    op.drop_table("decisions")
    op.drop_table("moderators")
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION atlas_append_only()")
        op.execute("DROP FUNCTION atlas_edition_only_grows()")
