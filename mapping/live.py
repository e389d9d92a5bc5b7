"""The live edition for a running process: a cheap version check and the tables it names.

Every page run asks ``current_number()``; at most once every ``CHECK_SECONDS`` (per
process, whatever the number of sessions) that costs one tiny query
(``SELECT number FROM edition``), otherwise a clock read and a lock. When the number
moves past what the release in ``data/`` includes, the app loads the live edition
again (``live_tables``) and every session's next run shows it: an approval reaches
every replica within ``CHECK_SECONDS`` plus one load, with no restart.

A database that is off, down or not migrated leaves the atlas on the last edition
it knew (the release itself if it never knew another): readable, never broken.
"""

from __future__ import annotations

import functools
import logging
import os
import threading
import time
from pathlib import Path

from mapping import edition, store

CHECK_ENV = "ATLAS_EDITION_CHECK_S"
CHECK_SECONDS = 10.0
log = logging.getLogger(__name__)

__all__ = ["CHECK_SECONDS", "check_seconds", "current_number", "live_tables", "read_again"]


def check_seconds() -> float:
    """How often a process asks the database for the edition (``ATLAS_EDITION_CHECK_S``)."""
    text = os.environ.get(CHECK_ENV, "").strip()
    try:
        return max(0.0, float(text)) if text else CHECK_SECONDS
    except ValueError:
        raise ValueError(f"{CHECK_ENV}={text!r}: expected a number of seconds") from None


class _Watch:
    """The last edition number read from one database, and when it was read."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.number: int | None = None
        self.read_at = float("-inf")
        self.queries = 0  # how many times the database was asked (benchmarks, tests)

    def current(self, url: str | None, clock=time.monotonic) -> int | None:
        now = clock()
        if now - self.read_at < check_seconds():
            return self.number
        with self.lock:
            if now - self.read_at < check_seconds():  # another thread just read it
                return self.number
            self.read_at = now
            self.queries += 1
            try:
                from mapping.store.moderation import edition_number

                self.number = edition_number(url=url)
            except store.UnavailableError as error:
                log.warning("edition check: the database is %s; keeping edition %s",
                            error, self.number)  # fmt: skip
            return self.number


_watches: dict[str, _Watch] = {}
_watches_lock = threading.Lock()


def watch(url: str) -> _Watch:
    with _watches_lock:
        return _watches.setdefault(url, _Watch())


def read_again() -> None:
    """Ask the database at the next check: this process just made a decision, and the
    moderator who made it should see it at once (other processes within the interval)."""
    url = store.database_url()
    if url is not None:
        watch(url).read_at = float("-inf")


def current_number() -> int | None:
    """The number of the last approval, as this process last read it (None: no database).

    A SQLite file that does not exist holds no approval: it is not created for asking
    (a visitor who does not contribute makes no database, issue #20).
    """
    url = store.database_url()
    if url is None or _missing_sqlite_file(url):
        return None
    return watch(url).current(url)


def _missing_sqlite_file(url: str) -> bool:
    import sqlalchemy as sa

    parsed = sa.engine.make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return False
    return not parsed.database.startswith("file:") and not Path(parsed.database).exists()


@functools.lru_cache(maxsize=4)
def _tables(release: edition.Release, url: str, number: int) -> edition.Live:
    from mapping.store.moderation import live

    del number  # the cache key: the log only grows, so (release, number) names one edition
    return live(release, url=url)


def live_tables(release: edition.Release, number: int) -> edition.Live:
    """The live edition with approvals up to ``number`` (cached: the log only grows)."""
    url = store.database_url()
    if url is None:
        raise store.UnavailableError("off")
    return _tables(release, url, number)
