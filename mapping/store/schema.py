"""The database's tables, as SQLAlchemy Core metadata (what the migrations build).

The head migration (``mapping/store/migrations/versions``) creates exactly these tables;
``tests/test_store.py`` compares the two, so a change here needs a new migration.

``suggestions`` holds what people proposed, verbatim, and who may be asked about it:

- ``kind``: ``new_organisation``, ``new_link``, ``correction`` or ``removal``;
- ``target``: what a correction or a removal is about (JSON: an organisation id, or a
  link's ``{"source_id", "target_id", "relation"}``); null for something new;
- ``proposed``: the proposed values, by dataset field (JSON; a multi-valued field as a
  list); ``previous``: the same fields' values in the edition the suggestion was made
  against, so a reviewer sees what it changes even after the data has moved on;
- ``edition``: the dataset version it was made against (``data/metadata.json``);
- ``source_url``, ``reason`` (a removal's), ``note``: as typed;
- ``contact_name``, ``contact_email``: never shown publicly, never in the status answer;
- ``client_key``: a keyed hash of the submitter's address (never the address), which the
  per-client quota counts;
- ``status``: ``pending`` until a reviewer decides (issue #21 adds the decisions);
- ``created_at``, ``updated_at``: UTC, without a zone.

Column names avoid SQL keywords (``values``) so raw SQL in tools stays simple.
"""

from __future__ import annotations

import sqlalchemy as sa

# The kinds of suggestion and the states a suggestion can be in. Reviews (issue #21)
# move a suggestion out of "pending"; the others are reserved for them now, so that
# adding the review does not have to rebuild the table's check constraint.
KINDS = ("new_organisation", "new_link", "correction", "removal")
STATUSES = ("pending", "approved", "rejected", "merged", "withdrawn")

metadata = sa.MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "pk": "pk_%(table_name)s",
    }
)


def _in(column: str, values: tuple[str, ...]) -> str:
    """A CHECK expression: ``column`` holds one of ``values`` (constants, never user input)."""
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


suggestions = sa.Table(
    "suggestions",
    metadata,
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
    sa.CheckConstraint(_in("kind", KINDS), name="kind"),
    sa.CheckConstraint(_in("status", STATUSES), name="status"),
    sa.Index(None, "client_key", "created_at"),
    sa.Index(None, "created_at"),
    sa.Index(None, "status"),
    # A reference, once given, never names another suggestion (SQLite would reuse the
    # highest id after a delete without AUTOINCREMENT).
    sqlite_autoincrement=True,
)
