"""The suggestions database, on both engines: the SQLite file and a throwaway PostgreSQL.

Migrations (empty to head, a downgrade, two processes at once), keeping and reading
suggestions, the quotas (also from several processes at once: replicas), a database
that is off, down or read-only, and text kept exactly as sent.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import threading
import uuid

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from mapping import store
from mapping.store import schema
from mapping.store import suggestions as kept
from mapping.suggestions import Limits
from tests.e2e.servers import free_port
from tests.test_safety import PAYLOADS

NOW = dt.datetime(2026, 12, 7, 12, 0, 0)
HEAD = "0002"
ALL_TABLES = {"suggestions", "moderators", "decisions", "changes", "edition", "alembic_version"}


def row(**changes) -> dict:
    """A suggestion's row as ``Suggestion.row`` makes it."""
    return {
        "kind": "correction",
        "target": "tamarack-institute",
        "proposed": {"year_started": "2001"},
        "previous": {"year_started": "2002"},
        "edition": "2.0.0",
        "source_url": "https://example.org/evidence",
        "reason": None,
        "note": None,
        "contact_name": "Ann",
        "contact_email": "ann@example.org",
        "lang": "en",
        **changes,
    }


@pytest.fixture(params=["sqlite", "postgresql"])
def database(request, tmp_path):
    """A new, empty database on each engine; its URL."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'atlas.db'}"
        yield url
        store.dispose(url)
        return
    cluster = request.getfixturevalue("postgres")
    name = f"t_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(cluster.url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.exec_driver_sql(f"CREATE DATABASE {name}")
    url = cluster.url.rsplit("/", 1)[0] + f"/{name}"
    yield url
    store.dispose(url)
    with admin.connect() as connection:
        connection.exec_driver_sql(f"DROP DATABASE {name} WITH (FORCE)")
    admin.dispose()


def tables(url: str) -> set[str]:
    with store.reading(url) as connection:
        return set(sa.inspect(connection).get_table_names())


# Migrations ------------------------------------------------------------------------------------


def test_migrations_from_empty_to_head_and_down_again(database):
    assert store.revision(database) is None
    assert tables(database) == set()
    assert store.migrate(database) == HEAD
    assert tables(database) == ALL_TABLES
    assert store.migrate(database) == HEAD  # nothing left to do
    kept.submit(row(), "k", Limits(), url=database)
    assert store.downgrade(database, "base") is None
    assert tables(database) == {"alembic_version"}
    assert store.migrate(database) == HEAD
    assert kept.status("S-000001", url=database) is None  # the downgrade dropped it (back up!)


def test_the_migrated_schema_is_the_tables_the_code_uses(database):
    store.migrate(database)
    with store.reading(database) as connection:
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "render_as_batch": True}
        )
        differences = compare_metadata(context, schema.metadata)
    assert differences == []


def _migrate_in_a_process(url: str) -> str | None:
    return store.migrate(url)


def test_two_replicas_starting_together_migrate_once(database):
    spawn = multiprocessing.get_context("spawn")
    with spawn.Pool(3) as pool:
        revisions = pool.map(_migrate_in_a_process, [database] * 3)
    assert revisions == [HEAD] * 3
    assert tables(database) == ALL_TABLES


def test_sqlite_keeps_a_write_ahead_log_and_syncs_every_commit(tmp_path):
    url = f"sqlite:///{tmp_path / 'deep' / 'folder' / 'atlas.db'}"  # the folder is created
    try:
        store.migrate(url)
        with store.reading(url) as connection:
            assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
            assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000
    finally:
        store.dispose(url)


def test_the_default_database_is_a_file_the_readme_names(monkeypatch):
    monkeypatch.delenv("ATLAS_DB_URL")
    assert store.database_url() == f"sqlite:///{store.DEFAULT_PATH}"
    assert store.DEFAULT_PATH.relative_to(store.PROJECT_ROOT).as_posix() == "var/atlas.db"
    monkeypatch.setenv("ATLAS_DB_URL", "off")
    assert store.database_url() is None


# Keeping and reading ---------------------------------------------------------------------------


def test_a_suggestion_is_kept_and_its_status_hides_the_contact(database):
    receipt = kept.submit(row(), "client-a", Limits(), url=database, now=NOW)
    assert (receipt.ref, receipt.status, receipt.created_at) == ("S-000001", "pending", NOW)
    assert kept.submit(row(), "client-a", Limits(), url=database).ref == "S-000002"
    found = kept.status("s-1", url=database)
    assert found == {
        "ref": "S-000001",
        "kind": "correction",
        "target": "tamarack-institute",
        "status": "pending",
        "created_at": "2026-12-07T12:00:00Z",
        "updated_at": "2026-12-07T12:00:00Z",
    }
    assert kept.status("S-000099", url=database) is None
    assert kept.status("not a reference", url=database) is None
    # Acknowledged means committed: another connection (another process) sees it.
    fresh = sa.create_engine(database)
    with fresh.connect() as connection:
        stored = connection.execute(sa.select(schema.suggestions)).mappings().all()
    fresh.dispose()
    assert [r["contact_email"] for r in stored] == ["ann@example.org"] * 2
    assert stored[0]["proposed"] == {"year_started": "2001"}
    assert stored[0]["client_key"] == "client-a"


def test_one_writer_thread_per_database_however_many_suggestions(database):
    # Each submission used to start a writer thread that then waited forever: a process that
    # took ten thousand suggestions held ten thousand threads.
    kept.submit(row(), "client-a", Limits(), url=database)
    writers = [t for t in threading.enumerate() if t.name == "atlas-suggestions"]
    for _ in range(5):
        kept.submit(row(), "client-a", Limits(), url=database)
    assert [t for t in threading.enumerate() if t.name == "atlas-suggestions"] == writers


def test_a_link_target_round_trips(database):
    target = {"source_id": "a", "target_id": "b", "relation": "funds"}
    ref = kept.submit(row(target=target), "k", Limits(), url=database).ref
    assert kept.status(ref, url=database)["target"] == target


@pytest.mark.parametrize("payload", PAYLOADS)
def test_hostile_text_is_stored_exactly_as_sent(database, payload):
    hostile = payload + "'); DROP TABLE suggestions; --"
    ref = kept.submit(
        row(note=hostile, contact_name=hostile, proposed={"name": hostile}),
        "k",
        Limits(),
        url=database,
    ).ref
    with store.reading(database) as connection:
        stored = connection.execute(sa.select(schema.suggestions)).mappings().one()
    assert stored["note"] == hostile
    assert stored["contact_name"] == hostile
    assert stored["proposed"] == {"name": hostile}
    assert kept.status(ref, url=database)["ref"] == ref  # the table is still there


# Quotas ----------------------------------------------------------------------------------------


def count(url: str) -> int:
    with store.reading(url) as connection:
        return connection.execute(
            sa.select(sa.func.count()).select_from(schema.suggestions)
        ).scalar()


def test_the_per_client_quota_counts_the_last_hour(database):
    limits = Limits(per_client_hour=3, per_day=100)
    for minutes in (0, 10, 20):
        kept.submit(row(), "a", limits, url=database, now=NOW + dt.timedelta(minutes=minutes))
    with pytest.raises(kept.QuotaExceededError) as refused:
        kept.submit(row(), "a", limits, url=database, now=NOW + dt.timedelta(minutes=30))
    assert refused.value.scope == "client"
    assert refused.value.retry_after == 30 * 60 + 1  # when the first one leaves the hour
    assert count(database) == 3  # nothing kept over the quota
    kept.submit(row(), "b", limits, url=database, now=NOW + dt.timedelta(minutes=30))  # another
    kept.submit(row(), "a", limits, url=database, now=NOW + dt.timedelta(minutes=61))  # an hour on


def test_the_daily_ceiling_pauses_everyone(database):
    limits = Limits(per_client_hour=100, per_day=3)
    for index in range(3):
        kept.submit(row(), f"client-{index}", limits, url=database, now=NOW)
    assert kept.intake(limits, url=database, now=NOW) == kept.Intake(False, "ceiling", 86_401)
    with pytest.raises(kept.QuotaExceededError) as refused:
        kept.submit(row(), "someone-new", limits, url=database, now=NOW)
    assert refused.value.scope == "global"
    later = NOW + dt.timedelta(days=1, seconds=1)
    assert kept.intake(limits, url=database, now=later).open
    kept.submit(row(), "someone-new", limits, url=database, now=later)


def _submit_many(url: str, client: str, attempts: int, limit: int) -> int:
    """One replica: ``attempts`` suggestions from ``client``, at once, on its own engine."""
    from concurrent.futures import ThreadPoolExecutor

    def one(_index: int) -> bool:
        try:
            kept.submit(row(), client, Limits(per_client_hour=limit, per_day=1000), url=url)
        except kept.QuotaExceededError:
            return False
        return True

    with ThreadPoolExecutor(attempts) as pool:
        return sum(pool.map(one, range(attempts)))


def test_quotas_hold_across_replicas_submitting_at_once(database):
    store.migrate(database)
    spawn = multiprocessing.get_context("spawn")
    with spawn.Pool(2) as pool:  # two processes, each with its own engine: two replicas
        taken = pool.starmap(_submit_many, [(database, "same-client", 10, 7)] * 2)
    assert sum(taken) == 7
    assert count(database) == 7


# A database that is off, down or read-only -------------------------------------------------------


def test_a_database_that_is_off(monkeypatch):
    monkeypatch.setenv("ATLAS_DB_URL", "off")
    with pytest.raises(store.UnavailableError) as refused:
        kept.submit(row(), "k", Limits())
    assert refused.value.reason == "off"
    assert kept.intake(Limits()) == kept.Intake(False, "off")


def test_a_postgresql_that_does_not_answer():
    url = f"postgresql+psycopg://atlas@127.0.0.1:{free_port()}/atlas"  # nothing listens
    try:
        with pytest.raises(store.UnavailableError) as refused:
            kept.submit(row(), "k", Limits(), url=url)
        assert refused.value.reason == "unreachable"
        assert kept.intake(Limits(), url=url) == kept.Intake(False, "unreachable")
        with pytest.raises(store.UnavailableError):
            kept.status("S-000001", url=url)
    finally:
        store.dispose(url)


def test_a_read_only_sqlite_file(tmp_path, monkeypatch):
    working = tmp_path / "working"
    working.mkdir()
    monkeypatch.chdir(working)  # a URI is never taken for a folder to make here
    path = tmp_path / "atlas.db"
    writable = f"sqlite:///{path}"
    store.migrate(writable)
    kept.submit(row(), "k", Limits(), url=writable)
    store.dispose(writable)
    read_only = f"sqlite:///file:{path}?mode=ro&uri=true"
    try:
        assert kept.status("S-000001", url=read_only)["ref"] == "S-000001"  # still readable
        with pytest.raises(store.UnavailableError):
            kept.submit(row(), "k", Limits(), url=read_only)
        assert list(working.iterdir()) == []
    finally:
        store.dispose(read_only)


@pytest.mark.parametrize("database", ["postgresql"], indirect=True)
def test_a_read_only_postgresql(database):
    store.migrate(database)
    name = database.rsplit("/", 1)[1]
    with store.engine(database).connect() as connection:
        connection.exec_driver_sql(f"ALTER DATABASE {name} SET default_transaction_read_only = on")
        connection.commit()
    store.dispose(database)  # new sessions take the setting
    with pytest.raises(store.UnavailableError):
        kept.submit(row(), "k", Limits(), url=database)
    assert kept.intake(Limits(), url=database).open  # reading still works


def test_a_folder_that_cannot_be_created(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    url = f"sqlite:///{blocker / 'atlas.db'}"
    with pytest.raises(store.UnavailableError, match="cannot create"):
        kept.submit(row(), "k", Limits(), url=url)
    assert not os.path.exists(blocker / "atlas.db")


def test_the_command_line(tmp_path):
    import subprocess
    import sys

    env = {**os.environ, "ATLAS_DB_URL": f"sqlite:///{tmp_path / 'cli.db'}"}

    def run(*args: str) -> subprocess.CompletedProcess:
        command = [sys.executable, "-m", "mapping.store", *args]
        return subprocess.run(
            command, env=env, capture_output=True, text=True, cwd=store.PROJECT_ROOT
        )

    assert run("current").stdout.strip() == "base"
    assert run().stdout.strip() == HEAD
    assert run("current").stdout.strip() == HEAD
    assert run("downgrade", "base").stdout.strip() == "base"
    env["ATLAS_DB_URL"] = "off"
    off = run("upgrade")
    assert off.returncode == 1
    assert "off" in off.stderr
