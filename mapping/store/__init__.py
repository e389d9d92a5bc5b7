"""Where suggestions are kept: an embedded SQLite file by default, PostgreSQL for replicas.

``ATLAS_DB_URL`` chooses the database:

- unset: SQLite at ``var/atlas.db`` under the project (``DEFAULT_PATH``), created on
  first use, in WAL mode with full synchronisation (a commit is on disk before it is
  acknowledged) and a busy timeout (writers queue instead of failing);
- ``postgresql+psycopg://user:password@host/db``: what replicas share;
- ``sqlite:////absolute/path.db``: another SQLite file;
- ``off``: no database; the atlas works as ever and suggestions are closed.

Nothing here touches the database at import, and no engine exists until something
asks for one (``engine()``): a visitor who does not contribute causes no database work.
The schema is Alembic's (``mapping/store/migrations``): ``migrate()`` upgrades it under
a lock (a PostgreSQL advisory lock; on SQLite an exclusive transaction), so replicas
starting together do not race; ``app.py`` runs it once when the server starts, and
``ensure_schema()`` runs it on first use where no server start did (AppTest, scripts).

Every failure to reach or write the database becomes ``UnavailableError``, which callers
turn into "suggestions are paused" (the form) or ``503`` (the API).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy import event, exc
from sqlalchemy.engine import Connection, Engine

PROJECT_ROOT = Path(__file__).resolve().parents[2]
DB_ENV = "ATLAS_DB_URL"
DEFAULT_PATH = PROJECT_ROOT / "var" / "atlas.db"
OFF = frozenset({"off", "none", "0", "false"})
MIGRATIONS = Path(__file__).resolve().parent / "migrations"
# A writer waits this long for another (SQLite's busy timeout, in ms).
SQLITE_BUSY_MS = 10_000
# PostgreSQL: give up connecting after this many seconds (the form says "paused", the API
# answers 503, instead of hanging), and cancel a statement that runs longer than this.
PG_CONNECT_TIMEOUT_S = 3
PG_STATEMENT_TIMEOUT_MS = 10_000
# The advisory lock keys of the migration and of the submission critical section
# (any constants; they only have to differ from other users of the same database).
MIGRATION_LOCK = 0x41544C53_0001  # "ATLS"
SUBMIT_LOCK = 0x41544C53_0002
# What a database that cannot be reached, is read-only or is full raises.
UNAVAILABLE_ERRORS = (exc.OperationalError, exc.InterfaceError, exc.InternalError, exc.TimeoutError)

__all__ = [
    "DB_ENV",
    "DEFAULT_PATH",
    "UnavailableError",
    "database_url",
    "downgrade",
    "engine",
    "ensure_schema",
    "migrate",
    "revision",
    "sqlite_file",
    "writing",
]


class UnavailableError(RuntimeError):
    """The database cannot take suggestions now: switched off, unreachable, read-only.

    Attributes
    ----------
    reason : str
        ``off`` (``ATLAS_DB_URL=off``) or ``unreachable`` (anything else: down,
        read-only, full, a folder that cannot be created); the detail is in the message.
    """

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason


def database_url() -> str | None:
    """The database's URL: ``$ATLAS_DB_URL``, else the default SQLite file; None when off."""
    configured = os.environ.get(DB_ENV, "").strip()
    if configured.lower() in OFF:
        return None
    return configured or f"sqlite:///{DEFAULT_PATH}"


def _url(url: str | None) -> str:
    """``url``, else the configured one; raise ``UnavailableError("off")`` when there is none."""
    url = url or database_url()
    if url is None:
        raise UnavailableError("off", f"{DB_ENV} is off")
    return url


_engines: dict[str, Engine] = {}
_engines_lock = threading.Lock()


def engine(url: str | None = None) -> Engine:
    """The process's engine for ``url`` (default: ``database_url()``), created on first use.

    Raises
    ------
    UnavailableError
        When the database is off, or the SQLite file's folder cannot be created.
    """
    url = _url(url)
    with _engines_lock:
        if url not in _engines:
            _engines[url] = _create(url)
        return _engines[url]


def dispose(url: str | None = None) -> None:
    """Close and forget the engine of ``url`` (every engine when None): tests, restarts."""
    with _engines_lock:
        for key in [url] if url else list(_engines):
            found = _engines.pop(key, None)
            if found is not None:
                found.dispose()


def _create(url: str) -> Engine:
    """A new engine; SQLite gets its folder, WAL, full sync and a busy timeout."""
    parsed = sa.engine.make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return _sqlite_engine(parsed)
    if parsed.get_backend_name() == "postgresql":
        return sa.create_engine(
            parsed,
            pool_pre_ping=True,  # a restarted database: reconnect instead of failing once
            # Twenty submitters at once each hold a connection while they queue for the
            # advisory lock; more would wait for the pool instead.
            pool_size=10,
            max_overflow=20,
            pool_timeout=5,
            connect_args={
                "connect_timeout": PG_CONNECT_TIMEOUT_S,
                "options": f"-c statement_timeout={PG_STATEMENT_TIMEOUT_MS}",
            },
        )
    return sa.create_engine(parsed, pool_pre_ping=True)


def sqlite_file(url: sa.engine.URL) -> str | None:
    """The file a SQLite ``url`` names, or None: another database, memory, or a ``file:``
    URI (uri=true: a read-only file, say), which names a file that must already be there
    (as a path it would make a folder named "file:" in the working directory)."""
    database = url.database
    if url.get_backend_name() != "sqlite" or database in (None, "", ":memory:"):
        return None
    return None if database.startswith("file:") else database


def _sqlite_engine(url: sa.engine.URL) -> Engine:
    """A SQLite engine whose transactions SQLAlchemy begins itself (DEFERRED or IMMEDIATE)."""
    path = sqlite_file(url)
    if path is not None:
        try:
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise UnavailableError("unreachable", f"cannot create {Path(path).parent}") from error
    created = sa.create_engine(
        url, connect_args={"check_same_thread": False, "timeout": SQLITE_BUSY_MS / 1000}
    )

    @event.listens_for(created, "connect")
    def _configure(dbapi_connection, _record) -> None:
        # pysqlite's own BEGIN comes too late (at the first write) and is never IMMEDIATE:
        # take transactions over (SQLAlchemy's documented recipe).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=FULL")  # acknowledged = on disk, even power loss
            cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_MS}")
            cursor.execute("PRAGMA foreign_keys=ON")
        finally:
            cursor.close()

    @event.listens_for(created, "begin")
    def _begin(connection: Connection) -> None:
        mode = connection.get_execution_options().get("sqlite_begin", "DEFERRED")
        connection.exec_driver_sql(f"BEGIN {mode}")

    return created


def is_postgresql(connection: Connection) -> bool:
    """Whether ``connection`` talks to PostgreSQL (else SQLite)."""
    return connection.dialect.name == "postgresql"


@contextmanager
def writing(url: str | None = None, lock: int = SUBMIT_LOCK) -> Iterator[Connection]:
    """A transaction that no other writer of the same kind runs beside, on any replica.

    SQLite: ``BEGIN IMMEDIATE`` (one writer at a time, the others wait their turn);
    PostgreSQL: a transaction-scoped advisory lock on ``lock``. What is counted inside
    (quotas) therefore still holds when the insert commits. Commits on leaving.

    Raises
    ------
    UnavailableError
        For a database that cannot be reached or written.
    """
    with _locked(url, "IMMEDIATE", lock) as connection:
        yield connection


@contextmanager
def _locked(url: str | None, sqlite_begin: str, lock: int) -> Iterator[Connection]:
    """A transaction holding a lock: SQLite's ``BEGIN <sqlite_begin>``, or PostgreSQL's
    advisory lock ``lock`` (released when the transaction ends)."""
    try:
        with engine(url).connect() as connection:
            connection = connection.execution_options(sqlite_begin=sqlite_begin)
            with connection.begin():
                if is_postgresql(connection):
                    connection.execute(sa.select(sa.func.pg_advisory_xact_lock(lock)))
                yield connection
    except UNAVAILABLE_ERRORS as error:
        raise UnavailableError("unreachable", _brief(error)) from error


@contextmanager
def reading(url: str | None = None) -> Iterator[Connection]:
    """A read-only use of the database; ``UnavailableError`` when it cannot be reached."""
    try:
        with engine(url).connect() as connection, connection.begin():
            yield connection
    except UNAVAILABLE_ERRORS as error:
        raise UnavailableError("unreachable", _brief(error)) from error


def _brief(error: exc.SQLAlchemyError) -> str:
    """The driver's first line: enough for a log, without the SQL and its parameters."""
    original = getattr(error, "orig", None) or error
    return (str(original).strip().splitlines() or [type(original).__name__])[0]


# Migrations -------------------------------------------------------------------------------


def _alembic_config(connection: Connection):
    """Alembic's configuration for the atlas's migrations, bound to ``connection``."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


_migrated: set[str] = set()
_migrated_lock = threading.Lock()


def migrate(url: str | None = None, target: str = "head") -> str | None:
    """Upgrade the schema to ``target`` under the migration lock; return the revision now.

    Safe to run from several processes at once: the second waits for the first, then
    finds nothing left to do. Raises ``UnavailableError`` when the database cannot be reached.
    """
    from alembic import command

    url = _url(url)
    with _locked(url, "EXCLUSIVE", MIGRATION_LOCK) as connection:
        command.upgrade(_alembic_config(connection), target)
        now = _current(connection)
    if target == "head":
        with _migrated_lock:
            _migrated.add(url)
    return now


def downgrade(url: str | None = None, target: str = "base") -> str | None:
    """Downgrade the schema to ``target`` (``base``: no tables); return the revision now."""
    from alembic import command

    url = _url(url)
    with _locked(url, "EXCLUSIVE", MIGRATION_LOCK) as connection:
        command.downgrade(_alembic_config(connection), target)
        now = _current(connection)
    with _migrated_lock:
        _migrated.discard(url)
    return now


def revision(url: str | None = None) -> str | None:
    """The schema's current revision (None: no schema yet)."""
    with reading(url) as connection:
        return _current(connection)


def _current(connection: Connection) -> str | None:
    """The revision Alembic recorded on ``connection``'s database."""
    from alembic.runtime.migration import MigrationContext

    return MigrationContext.configure(connection).get_current_revision()


def ensure_schema(url: str | None = None) -> None:
    """Migrate to head once per process and database (after that, a set lookup)."""
    url = _url(url)
    if url not in _migrated:
        migrate(url)
