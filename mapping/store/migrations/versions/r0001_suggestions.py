"""The suggestions table: what anyone proposed, kept verbatim until a reviewer decides.

Revision ID: 0001
Revises:
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

KINDS = ("new_organisation", "new_link", "correction", "removal")
STATUSES = ("pending", "approved", "rejected", "merged", "withdrawn")


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


def upgrade() -> None:
    """Create ``suggestions`` and its indexes (the quotas count by client and by time)."""
    op.create_table(
        "suggestions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("target", sa.JSON, nullable=True),
        sa.Column("proposed", sa.JSON, nullable=False),
        sa.Column("previous", sa.JSON, nullable=True),
        sa.Column("edition", sa.String(40), nullable=True),
        sa.Column("source_url", sa.Text, nullable=False),
        sa.Column("reason", sa.Text, nullable=True),
        sa.Column("note", sa.Text, nullable=True),
        sa.Column("contact_name", sa.Text, nullable=True),
        sa.Column("contact_email", sa.Text, nullable=True),
        sa.Column("lang", sa.String(8), nullable=False),
        sa.Column("client_key", sa.String(64), nullable=False),
        sa.Column("status", sa.String(20), nullable=False, server_default="pending"),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_suggestions")),
        sa.CheckConstraint(_in("kind", KINDS), name=op.f("ck_suggestions_kind")),
        sa.CheckConstraint(_in("status", STATUSES), name=op.f("ck_suggestions_status")),
        sqlite_autoincrement=True,
    )
    op.create_index(
        op.f("ix_suggestions_client_key_created_at"), "suggestions", ["client_key", "created_at"]
    )
    op.create_index(op.f("ix_suggestions_created_at"), "suggestions", ["created_at"])
    op.create_index(op.f("ix_suggestions_status"), "suggestions", ["status"])


def downgrade() -> None:
    """Drop ``suggestions`` (and with it every suggestion: back up first)."""
    op.drop_index(op.f("ix_suggestions_status"), table_name="suggestions")
    op.drop_index(op.f("ix_suggestions_created_at"), table_name="suggestions")
    op.drop_index(op.f("ix_suggestions_client_key_created_at"), table_name="suggestions")
    op.drop_table("suggestions")
