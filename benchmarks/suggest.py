"""Suggestion round trips: ``POST /api/v1/suggestions`` to its ``201``, many submitters at once.

Run from the project root (PostgreSQL from Debian: ``apt-get install postgresql``)::

    python -m benchmarks.suggest                    # 20 submitters x 10 each, SQLite and PostgreSQL
    python -m benchmarks.suggest --submitters 50 --each 20 --databases sqlite

For each database the app is started as the README says (``streamlit run app.py``) with
``ATLAS_DB_URL`` pointing at a new SQLite file or at a throwaway PostgreSQL cluster (started
here as the ``postgres`` user, stopped by its pid), its quotas lifted so that every request
is kept. One suggestion warms the server up; then every submitter sends its suggestions one
after another over its own keep-alive connection, all submitters at once, and each round
trip is timed from the request to the ``201`` (which the server sends only after the commit:
SQLite with synchronous=FULL, PostgreSQL's default synchronous_commit). The table gives the
round trip's p50, p95 and maximum, the suggestions kept per second, the app process's CPU
time per suggestion (user + system, from ``/proc``), and the rows counted in the database
afterwards (all of them must be there).
"""

from __future__ import annotations

import argparse
import http.client
import json
import statistics
import sys
import tempfile
import time
from functools import partial
from pathlib import Path

import sqlalchemy as sa

from benchmarks.load import cpu_seconds
from benchmarks.run import at_once
from tests.e2e.servers import start_app, start_postgres

BODY = {
    "kind": "correction",
    "target": "tamarack-institute",
    "values": {"year_started": 2001, "description": "A benchmark's correction."},
    "source": "https://example.org/benchmark",
    "note": "benchmarks/suggest.py",
    "contact": "Benchmark <bench@example.org>",
}
UNLIMITED = {"ATLAS_SUGGESTIONS_PER_HOUR": "1000000", "ATLAS_SUGGESTIONS_PER_DAY": "1000000"}


def submitter(url: str, count: int, times: list[float], errors: list) -> None:
    """Send ``count`` suggestions one after another over one connection; record each time."""
    host, port = url.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=60)
    body = json.dumps(BODY).encode()
    headers = {"Content-Type": "application/json"}
    for _ in range(count):
        began = time.perf_counter()
        connection.request("POST", "/api/v1/suggestions", body=body, headers=headers)
        answer = connection.getresponse()
        answer.read()
        took = time.perf_counter() - began
        if answer.status == 201:
            times.append(took)
        else:
            errors.append(answer.status)
    connection.close()


def run(url: str, submitters: int, each: int) -> tuple[list[float], list, float]:
    """All submitters at once; return the round-trip times, the errors and the wall time."""
    times: list[float] = []
    errors: list = []
    wall = at_once([partial(submitter, url, each, times, errors) for _ in range(submitters)])
    return times, errors, wall


def rows_in(database_url: str) -> int:
    engine = sa.create_engine(database_url)
    try:
        with engine.connect() as connection:
            return connection.exec_driver_sql("SELECT count(*) FROM suggestions").scalar()
    finally:
        engine.dispose()


def measure(name: str, database_url: str, submitters: int, each: int) -> list[str]:
    """Start the app on ``database_url``, warm it, time the round trips: one table row."""
    server = start_app({"ATLAS_DB_URL": database_url, **UNLIMITED}, name=f"suggest-{name}")
    try:
        times, errors, _ = run(server.url, 1, 1)  # the first suggestion (and its connection)
        if errors:
            raise RuntimeError(f"{name}: the warm-up suggestion was answered {errors}")
        before = cpu_seconds(server.pid)
        times, errors, wall = run(server.url, submitters, each)
        cpu = cpu_seconds(server.pid) - before
    finally:
        server.stop()
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))] if ordered else float("nan")
    kept = rows_in(database_url) - 1
    return [
        name,
        str(submitters),
        f"{submitters * each:,}",
        f"{1000 * statistics.median(ordered):.0f}" if ordered else "",
        f"{1000 * p95:.0f}",
        f"{1000 * max(ordered, default=float('nan')):.0f}",
        f"{len(times) / wall:.0f}",
        f"{1000 * cpu / max(1, len(times)):.1f}",
        str(len(errors)),
        f"{kept:,}",
    ]


HEADER = (
    "| database | submitters at once | suggestions | p50 (ms) | p95 (ms) | max (ms) "
    "| kept per second | server CPU per suggestion (ms) | errors | rows in the database |\n"
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
)


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--submitters", type=int, default=20)
    parser.add_argument("--each", type=int, default=10, help="suggestions per submitter")
    parser.add_argument("--databases", default="sqlite,postgresql")
    options = parser.parse_args(argv)
    rows = []
    for name in options.databases.split(","):
        if name == "sqlite":
            folder = Path(tempfile.mkdtemp(prefix="atlas-suggest-"))
            rows.append(
                measure(name, f"sqlite:///{folder / 'atlas.db'}", options.submitters, options.each)
            )
        elif name == "postgresql":
            cluster = start_postgres()
            try:
                rows.append(measure(name, cluster.url, options.submitters, options.each))
            finally:
                cluster.remove()
        else:
            raise SystemExit(f"unknown database {name!r}: sqlite or postgresql")
    print(HEADER)
    for row in rows:
        print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    main(sys.argv[1:])
