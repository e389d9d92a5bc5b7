"""The edition check's cost: what every script run and API request pays to learn the live edition.

Run from the project root (PostgreSQL from Debian: ``apt-get install postgresql``)::

    python -m benchmarks.edition_check                 # no database, SQLite and PostgreSQL
    python -m benchmarks.edition_check --approvals 200 --databases postgresql

Every page run and API request calls ``mapping.dataset.current()``, which calls
``version()``: four ``stat`` calls on the release's files and ``edition_check()``, which
asks the database only when ``ATLAS_EDITION_CHECK_S`` (10 s) has passed since this
process last asked, and otherwise returns what it read. This times, in one process:

- ``edition_state()``: the query itself (one row: the edition number and the change
  log's last row), paid once per process per interval;
- ``edition_check()``, ``version()`` and ``current()`` between two queries, as nearly
  every run finds them, alone and from 8 threads at once (a burst of visitors);
- ``version()`` with ``ATLAS_EDITION_CHECK_S=0``: what a query on every run would cost.

For each database (a new SQLite file, a throwaway PostgreSQL cluster started here as the
``postgres`` user and stopped by its pid) the release in ``data/`` is moderated with
``--approvals`` approved corrections first, so the live edition is a real one. A printed
table (microseconds per call, best of 5), not a timed test: absolute numbers depend on
the machine and its load.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.run import at_once, best_of
from mapping import dataset, edition, store
from mapping.store import moderation
from mapping.store import suggestions as kept
from mapping.suggestions import Limits
from tests.e2e.servers import start_postgres

REPEATS = 5
THREADS = 8
MODERATOR = "bench@example.org"


def repeated(call: Callable[[], object], calls: int) -> Callable[[], None]:
    """A loop of ``calls`` calls of ``call``."""

    def loop() -> None:
        for _ in range(calls):
            call()

    return loop


def per_call_us(call: Callable[[], object], calls: int) -> float:
    """Microseconds per call: the best of ``REPEATS`` loops of ``calls`` calls."""
    best, _ = best_of(repeated(call, calls), REPEATS)
    return best / calls * 1e6


def threaded_us(call: Callable[[], object], calls: int, threads: int = THREADS) -> float:
    """Wall-clock microseconds per call with ``threads`` threads calling at once (best of
    ``REPEATS``): what a burst of script runs in one process pays, GIL included."""
    best = min(at_once([repeated(call, calls)] * threads) for _ in range(REPEATS))
    return best / (calls * threads) * 1e6


def moderate(url: str, approvals: int) -> None:
    """Migrate, put a moderator on the list and approve ``approvals`` corrections."""
    store.migrate(url)
    moderation.add_moderator(MODERATOR, name="Benchmark", url=url)
    release = edition.Release.current()
    ids = release.organisations["id"].tolist()
    for index in range(approvals):
        values = {
            "kind": "correction",
            "target": ids[index % len(ids)],
            "proposed": {"description": f"A benchmark's correction, number {index}."},
            "previous": None,
            "edition": "bench",
            "source_url": "https://example.org/benchmark",
            "reason": None,
            "note": None,
            "contact_name": None,
            "contact_email": None,
            "lang": "en",
        }
        ref = kept.submit(values, "bench", Limits(10**9, 10**9), url=url).ref
        moderation.decide(ref, "approve", MODERATOR, release=release, url=url)


def measure(name: str, url: str | None, approvals: int, calls: int) -> list[tuple[str, ...]]:
    """The rows of the table for one database (``url`` None: no database)."""
    os.environ[store.DB_ENV] = url or "off"
    os.environ.pop(dataset.CHECK_ENV, None)  # the default interval
    if url is not None:
        moderate(url, approvals)
    dataset.clear_caches()
    loaded = time.perf_counter()
    live = dataset.current()  # loads the live edition once, as a replica's first run does
    loaded = time.perf_counter() - loaded
    rows = []

    def row(what: str, micros: float) -> None:
        rows.append((name, what, f"{micros:,.2f}", f"{1e6 / micros:,.0f}"))

    if url is not None:
        row(
            "edition_state(): the query",
            per_call_us(lambda: moderation.edition_state(url=url), 200),
        )
        row("edition_check(), between queries", per_call_us(dataset.edition_check, calls))
    row("version(), between queries", per_call_us(dataset.version, calls))
    row("current(), between queries", per_call_us(dataset.current, calls))
    row(f"current(), {THREADS} threads at once", threaded_us(dataset.current, calls // THREADS))
    if url is not None:
        os.environ[dataset.CHECK_ENV] = "0"
        row("version(), a query every run (CHECK_S=0)", per_call_us(dataset.version, 200))
        os.environ.pop(dataset.CHECK_ENV, None)
        queries = dataset.watch(url).queries
        print(
            f"{name}: edition {live.edition} loaded in {loaded:.2f} s; the database was asked "
            f"{queries:,} times in all",
            file=sys.stderr,
        )
        store.dispose(url)
    return rows


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--approvals", type=int, default=50, help="approved corrections first")
    parser.add_argument("--calls", type=int, default=20_000, help="calls per timed loop")
    parser.add_argument("--databases", default="none,sqlite,postgresql")
    options = parser.parse_args(argv)
    rows = []
    for name in options.databases.split(","):
        if name == "none":
            rows += measure("none (ATLAS_DB_URL=off)", None, 0, options.calls)
        elif name == "sqlite":
            folder = Path(tempfile.mkdtemp(prefix="atlas-edition-"))
            url = f"sqlite:///{folder / 'atlas.db'}"
            rows += measure(name, url, options.approvals, options.calls)
        elif name == "postgresql":
            cluster = start_postgres()
            try:
                rows += measure(name, cluster.url, options.approvals, options.calls)
            finally:
                cluster.remove()
        else:
            raise SystemExit(f"unknown database {name!r}: none, sqlite or postgresql")
    load = os.getloadavg()
    print(
        f"{platform.machine()}, Python {platform.python_version()}, {os.cpu_count()} cores, "
        f"load average {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}; best of {REPEATS}; "
        f"{options.approvals} approvals in each database\n"
    )
    print("| database | call | µs per call | calls per second |\n|---|---|---:|---:|")
    for values in rows:
        print("| " + " | ".join(values) + " |")


if __name__ == "__main__":
    main(sys.argv[1:])
