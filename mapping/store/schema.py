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
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
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


# Moderation (issue #21) ------------------------------------------------------------------------
#
# - ``moderators``: who may decide (an email, lower case, or an OIDC subject as
#   ``sub:<subject>``), the name the public log shows for them, who added them and when;
# - ``decisions``: one per decided suggestion (the unique suggestion id is what makes a
#   second decision impossible even if every check above it failed), append-only;
# - ``changes``: the change log, append-only: every field an approval changed (old ->
#   new), every removal, every rejection with its reason; ``edition`` numbers the
#   approvals, and the live edition applies the rows whose edition the release in
#   ``data/`` does not include yet;
# - ``edition``: one row, the number of the last approval; it only ever grows, and the
#   app's version check reads it (one tiny query per process every few seconds).
#
# The migration adds triggers that refuse UPDATE and DELETE on ``decisions`` and
# ``changes`` and any decrease of ``edition.number`` (the library never issues them).

ACTIONS = ("approve", "reject", "merge")
CHANGE_ACTIONS = ("add", "set", "remove", "reject")
ENTITIES = ("organisation", "link")

moderators = sa.Table(
    "moderators",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("identity", sa.String(320), nullable=False, unique=True),
    sa.Column("name", sa.Text, nullable=True),
    sa.Column("added_by", sa.String(320), nullable=True),
    sa.Column("added_at", sa.DateTime, nullable=False),
)

decisions = sa.Table(
    "decisions",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column(
        "suggestion_id", sa.Integer, sa.ForeignKey("suggestions.id"), nullable=False, unique=True
    ),
    sa.Column("action", sa.String(10), nullable=False),
    sa.Column("moderator", sa.String(320), nullable=False),
    sa.Column("moderator_name", sa.Text, nullable=True),
    sa.Column("decided_at", sa.DateTime, nullable=False),
    sa.Column("reason", sa.Text, nullable=True),
    sa.Column("merged_into", sa.String(200), nullable=True),
    sa.Column("edits", sa.JSON, nullable=True),
    sa.Column("edition", sa.Integer, nullable=True),
    sa.CheckConstraint(_in("action", ACTIONS), name="action"),
    sqlite_autoincrement=True,
)

changes = sa.Table(
    "changes",
    metadata,
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
    sa.Column("suggestion_id", sa.Integer, sa.ForeignKey("suggestions.id"), nullable=True),
    sa.CheckConstraint(_in("entity", ENTITIES), name="entity"),
    sa.CheckConstraint(_in("action", CHANGE_ACTIONS), name="action"),
    sa.Index(None, "edition"),
    sa.Index(None, "entity_id"),
    sqlite_autoincrement=True,
)

edition = sa.Table(
    "edition",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("number", sa.Integer, nullable=False),
    sa.CheckConstraint("id = 1", name="one_row"),
    sa.CheckConstraint("number >= 0", name="number"),
)
