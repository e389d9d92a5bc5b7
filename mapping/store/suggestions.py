"""Keeping suggestions: add one under the quotas, read one's status, tell if intake is open.

``submit`` counts, checks the quotas and inserts in a transaction that no other
submission runs beside (``mapping.store.writing``: SQLite's ``BEGIN IMMEDIATE``, a
PostgreSQL advisory lock), so the quotas hold across replicas; it returns only once
the row is committed. Suggestions that arrive together share one transaction and one
commit (``_Committer``: group commit), so twenty at once wait for one disk flush, not
twenty. SQL goes through SQLAlchemy Core with bound parameters only.
Times are UTC, stored without a zone.
"""

from __future__ import annotations

import datetime as dt
import queue
import threading
from collections.abc import Mapping
from concurrent.futures import Future
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from mapping import store
from mapping.store.schema import suggestions
from mapping.suggestions import Limits, format_ref, parse_ref

HOUR = dt.timedelta(hours=1)
DAY = dt.timedelta(days=1)
# The status answer: never the contact, the client key, the values or the note (nothing
# unreviewed is published).
PUBLIC_COLUMNS = ("id", "kind", "target", "status", "created_at", "updated_at")

__all__ = ["Intake", "QuotaExceededError", "Receipt", "intake", "status", "submit"]


def utc_now() -> dt.datetime:
    """Now, in UTC, without a zone (as the database stores times)."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


@dataclass(frozen=True)
class Receipt:
    """A committed suggestion: the reference to quote, its status and when it was taken."""

    ref: str
    status: str
    created_at: dt.datetime


class QuotaExceededError(Exception):
    """A quota is used up: ``scope`` is ``client`` (this client's hour) or ``global`` (the
    day's ceiling); ``retry_after`` is in how many seconds the next one would be taken."""

    def __init__(self, scope: str, retry_after: int) -> None:
        super().__init__(f"{scope} quota used up; retry after {retry_after} s")
        self.scope = scope
        self.retry_after = retry_after


def _count_since(
    connection: Connection, since: dt.datetime, client_key: str | None = None
) -> tuple[int, dt.datetime | None]:
    """How many suggestions were taken after ``since`` (one client's, or everyone's), and
    when the oldest of them was."""
    query = sa.select(sa.func.count(), sa.func.min(suggestions.c.created_at)).where(
        suggestions.c.created_at > since
    )
    if client_key is not None:
        query = query.where(suggestions.c.client_key == client_key)
    count, oldest = connection.execute(query).one()
    return int(count), oldest


def _retry_after(oldest: dt.datetime | None, window: dt.timedelta, now: dt.datetime) -> int:
    """Seconds until the oldest counted suggestion leaves the window (at least 1)."""
    if oldest is None:
        return 1
    return max(1, int((oldest + window - now).total_seconds()) + 1)


def _check_quotas(
    connection: Connection, client_key: str, limits: Limits, now: dt.datetime
) -> None:
    """Raise ``QuotaExceededError`` when the day's ceiling or this client's hour is used up.

    One query counts both (the day's rows, and this client's of the last hour among them):
    the submission holds the writers' lock meanwhile, so every round trip counts.
    """
    mine = sa.and_(suggestions.c.client_key == client_key, suggestions.c.created_at > now - HOUR)
    day, day_oldest, hour, hour_oldest = connection.execute(
        sa.select(
            sa.func.count(),
            sa.func.min(suggestions.c.created_at),
            sa.func.count().filter(mine),
            sa.func.min(suggestions.c.created_at).filter(mine),
        ).where(suggestions.c.created_at > now - DAY)
    ).one()
    if day >= limits.per_day:
        raise QuotaExceededError("global", _retry_after(day_oldest, DAY, now))
    if hour >= limits.per_client_hour:
        raise QuotaExceededError("client", _retry_after(hour_oldest, HOUR, now))


def submit(
    row: Mapping[str, object],
    client_key: str,
    limits: Limits,
    *,
    url: str | None = None,
    now: dt.datetime | None = None,
) -> Receipt:
    """Keep one suggestion if the quotas allow; return its receipt once committed.

    Parameters
    ----------
    row : mapping
        ``mapping.suggestions.Suggestion.row``: the columns but the bookkeeping ones.
    client_key : str
        ``mapping.suggestions.client_key`` of the submitter.
    limits : mapping.suggestions.Limits
    url : str, optional
        The database (default: ``mapping.store.database_url()``).
    now : datetime, optional
        UTC without a zone (tests); default the clock.

    Raises
    ------
    QuotaExceededError
        When this client's hour or the day's ceiling is used up (nothing is kept).
    mapping.store.UnavailableError
        When the database is off, cannot be reached or cannot be written.
    """
    url = store.database_url() if url is None else url
    store.ensure_schema(url)
    with _committers_lock:
        # Made only when missing: a committer starts its thread, which never ends.
        committer = _committers.get(url)
        if committer is None:
            committer = _committers[url] = _Committer(url)
    return committer.submit(_Pending(dict(row), client_key, limits, now))


# Group commit ------------------------------------------------------------------------------------

# The most suggestions one transaction takes (those that arrived while the last committed).
MAX_BATCH = 64


@dataclass(frozen=True)
class _Pending:
    """A suggestion waiting for the writer: its row, its client, the limits, its time."""

    row: dict
    client_key: str
    limits: Limits
    now: dt.datetime | None


class _Committer:
    """This process's one writer of a database: suggestions that arrive together are checked
    and inserted one by one in a single transaction, made durable by a single commit.

    Every commit waits for the disk (SQLite synchronous=FULL, PostgreSQL's fsync): about
    6 ms here. Twenty submitters at once, each in a transaction of its own behind the
    writers' lock, waited for twenty of those in a row; now they share one or two. Quotas
    still count every suggestion before it, committed or in the same batch. A caller
    returns only when its batch is committed (or with its own error).
    """

    def __init__(self, url: str) -> None:
        self.url = url
        self.queue: queue.SimpleQueue = queue.SimpleQueue()
        self.thread = threading.Thread(target=self._run, name="atlas-suggestions", daemon=True)
        self.thread.start()

    def submit(self, pending: _Pending) -> Receipt:
        """Queue a suggestion; return its receipt once committed, or raise its error."""
        answer: Future = Future()
        self.queue.put((pending, answer))
        return answer.result()

    def _run(self) -> None:
        while True:
            batch = [self.queue.get()]
            while len(batch) < MAX_BATCH:
                try:
                    batch.append(self.queue.get_nowait())
                except queue.Empty:
                    break
            self._commit(batch)

    def _commit(self, batch: list[tuple[_Pending, Future]]) -> None:
        """One transaction for the batch; then each caller gets its receipt or its error."""
        outcomes: list[tuple[Future, Receipt | Exception]] = []
        try:
            with store.writing(self.url) as connection:
                for pending, answer in batch:
                    outcomes.append((answer, _insert(connection, pending)))
        except Exception as error:  # noqa: BLE001 - not hidden: every caller of the batch gets it
            for _pending, answer in batch:
                answer.set_exception(error)
            return
        for answer, outcome in outcomes:
            if isinstance(outcome, Exception):
                answer.set_exception(outcome)
            else:
                answer.set_result(outcome)


def _insert(connection: Connection, pending: _Pending) -> Receipt | QuotaExceededError:
    """Insert one suggestion if its quotas allow, inside the batch's transaction."""
    now = pending.now or utc_now()
    try:
        _check_quotas(connection, pending.client_key, pending.limits, now)
    except QuotaExceededError as error:
        return error
    values = {
        **pending.row,
        "client_key": pending.client_key,
        "status": "pending",
        "created_at": now,
        "updated_at": now,
    }
    number = connection.execute(
        suggestions.insert().values(**values).returning(suggestions.c.id)
    ).scalar_one()
    return Receipt(format_ref(number), "pending", now)


_committers: dict[str, _Committer] = {}
_committers_lock = threading.Lock()


def status(ref: str, *, url: str | None = None) -> dict[str, object] | None:
    """What anyone may know of a suggestion: its kind, target, status and dates.

    Returns None for a reference that names no suggestion. Never the contact, the
    client key, the proposed values or the note: nothing unreviewed is published.
    """
    number = parse_ref(ref)
    if number is None:
        return None
    store.ensure_schema(url)
    with store.reading(url) as connection:
        columns = [suggestions.c[name] for name in PUBLIC_COLUMNS]
        found = connection.execute(
            sa.select(*columns).where(suggestions.c.id == number)
        ).one_or_none()
    if found is None:
        return None
    record = dict(found._mapping)
    return {
        "ref": format_ref(record.pop("id")),
        **record,
        "created_at": iso_time(record["created_at"]),
        "updated_at": iso_time(record["updated_at"]),
    }


def iso_time(moment: dt.datetime) -> str:
    """A stored UTC time as ISO 8601 with its zone (``2026-12-07T10:15:00Z``)."""
    return moment.replace(microsecond=0).isoformat() + "Z"


@dataclass(frozen=True)
class Intake:
    """Whether suggestions are taken now: ``open``, else why not (``off``,
    ``unreachable``, ``ceiling``) and, for the ceiling, in how many seconds again."""

    open: bool
    reason: str = ""
    retry_after: int = 0


def intake(limits: Limits, *, url: str | None = None, now: dt.datetime | None = None) -> Intake:
    """Whether the Contribute form can take a suggestion now (one count, on the form's page).

    Never raises for a database that is down: that is an answer (``unreachable``).
    """
    try:
        store.ensure_schema(url)
        with store.reading(url) as connection:
            now = now or utc_now()
            day, oldest = _count_since(connection, now - DAY)
    except store.UnavailableError as error:
        return Intake(False, error.reason)
    if day >= limits.per_day:
        return Intake(False, "ceiling", _retry_after(oldest, DAY, now))
    return Intake(True)
