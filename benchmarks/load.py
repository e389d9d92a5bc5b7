"""Load benchmark: many visitors opening the atlas at the same moment.

Run from the project root (needs HAProxy for the replica rows: ``apt-get install haproxy``)::

    python -m benchmarks.load                      # 1, 10, 50, 100, 250; one process and 2 replicas
    python -m benchmarks.load --sessions 250 --query "lang=he&role=funding"
    python -m benchmarks.load --soak 1000          # 1,000 visitors in waves of 250: RSS over time
    python -m benchmarks.load --cold 5             # cold start: process start to first finished map
    python -m benchmarks.load --url http://atlas.example:8080 --sessions 1,20   # a deployment
    python -m benchmarks.load --compare-db 3       # 250 at once, no database vs PostgreSQL, x3

With ``--compare-db N`` two processes run side by side, one with no database
(``ATLAS_DB_URL=off``) and one on a throwaway PostgreSQL cluster (Debian's, started here
as the ``postgres`` user): bursts of the first ``--sessions`` size alternate between them
N times each, and the database's own count of transactions in the atlas's database
(``pg_stat_database``) before and after the bursts says how much work the visitors caused
it.

With ``--url`` the bursts go to a server already running (a deployment, to warm
it up before a talk and check it holds): no process is started and the CPU
and RSS columns stay empty.

Each visitor is a headless client speaking Streamlit's own protocol: it opens
the websocket (``/_stcore/stream``, subprotocol ``streamlit``), asks for a
run of the home page with the URL's query string, and reads the server's
messages until ``script_finished``; the map's element must have arrived by
then. Keepalive pings are on (every 20 s, 20 s timeout, the ``websockets``
defaults), so a server too busy to answer them drops visitors, as a browser
would be dropped. All visitors of a burst connect at once and stay connected
until the last has its map. Each visitor first fetches the page (``GET /``)
and sends back the cookies it got (behind the balancer, the sticky one), as a
browser does; Streamlit's scripts and the map's assets, which a browser then
fetches, are static files and are left out.

The app is started exactly as the README says (``streamlit run app.py``:
the settings in ``.streamlit/config.toml``), on a loopback port. Server CPU
is the app processes' user + system time during the burst (from
``/proc/<pid>/stat``); RSS is read after each burst.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from tests.e2e.servers import Server, start_app, start_balancer, start_postgres

SESSIONS = (1, 10, 50, 100, 250)
REPLICAS = 2
# The home page's map is a streamlit-folium component; its element carries this name.
MAP_MARKER = b"streamlit_folium"
TIMEOUT_S = 180.0
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")


@dataclass(frozen=True)
class Visit:
    """One visitor's outcome."""

    seconds: float
    error: str = ""
    map_seen: bool = False


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of a process so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


def rss_mb(pid: int) -> float:
    """Resident memory of a process, in MB."""
    return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE_SIZE / 1e6


async def fetch_page(url: str) -> str:
    """GET the page as a browser does first; return the cookies it was given (the sticky one)."""
    host, port = url.removeprefix("http://").split(":")
    reader, writer = await asyncio.open_connection(host, int(port))
    try:
        writer.write(f"GET / HTTP/1.1\r\nHost: {host}:{port}\r\nConnection: close\r\n\r\n".encode())
        await writer.drain()
        head = (await reader.readuntil(b"\r\n\r\n")).decode("latin-1")
        await reader.read()  # the page itself
    finally:
        writer.close()
    if not head.startswith("HTTP/1.1 200"):
        raise OSError(f"GET / answered {head.splitlines()[0]!r}")
    cookies = [
        line.split(":", 1)[1].strip()
        for line in head.split("\r\n")
        if line.lower().startswith("set-cookie:")
    ]
    return "; ".join(cookie.split(";", 1)[0] for cookie in cookies)


def rerun_request(query: str) -> bytes:
    """The message a browser sends to run the page at ``?query``."""
    message = BackMsg()
    message.rerun_script.query_string = query
    return message.SerializeToString()


async def visit(url: str, query: str, start: float) -> Visit:
    """Fetch the page, open a session, run the home page, and wait for ``script_finished``."""
    stream = url.replace("http://", "ws://") + "/_stcore/stream"
    map_seen = False
    try:
        cookie = await fetch_page(url)
        headers = {"Cookie": cookie} if cookie else None
        async with websockets.connect(
            stream,
            subprotocols=["streamlit"],
            additional_headers=headers,
            max_size=None,
            open_timeout=TIMEOUT_S,
        ) as socket:
            await socket.send(rerun_request(query))
            async with asyncio.timeout(TIMEOUT_S):
                async for raw in socket:
                    map_seen = map_seen or MAP_MARKER in raw
                    message = ForwardMsg.FromString(raw)
                    if message.WhichOneof("type") == "script_finished":
                        finished = time.perf_counter() - start
                        if message.script_finished != ForwardMsg.FINISHED_SUCCESSFULLY:
                            return Visit(finished, "script did not finish", map_seen)
                        # Stay connected until every visitor of the burst is done.
                        return Visit(finished, "" if map_seen else "no map", map_seen)
                    if message.WhichOneof("type") == "delta" and message.delta.new_element.HasField(
                        "exception"
                    ):
                        return Visit(time.perf_counter() - start, "exception", map_seen)
    except (OSError, websockets.WebSocketException, TimeoutError) as error:
        return Visit(time.perf_counter() - start, type(error).__name__, map_seen)
    return Visit(time.perf_counter() - start, "closed before finishing", map_seen)


async def burst(url: str, sessions: int, query: str) -> list[Visit]:
    """``sessions`` visitors at once; each counts from the burst's start."""
    start = time.perf_counter()
    return list(await asyncio.gather(*(visit(url, query, start) for _ in range(sessions))))


@dataclass(frozen=True)
class Row:
    """One line of the load table."""

    setup: str
    sessions: int
    visits: list[Visit]
    cpu: float
    rss: float

    def cells(self) -> list[str]:
        """The table cells."""
        times = sorted(v.seconds for v in self.visits if not v.error)
        errors = sum(1 for v in self.visits if v.error)
        p50 = statistics.median(times) if times else float("nan")
        p95 = times[min(len(times) - 1, int(0.95 * len(times)))] if times else float("nan")
        return [
            self.setup,
            f"{self.sessions:,}",
            f"{p50:.2f}",
            f"{p95:.2f}",
            f"{max(times, default=float('nan')):.2f}",
            str(errors),
            f"{1000 * self.cpu / self.sessions:.0f}" if self.rss else "",
            f"{self.rss:,.0f}" if self.rss else "",
        ]


HEADER = (
    "| setup | sessions at once | p50 (s) | p95 (s) | max (s) | errors "
    "| server CPU per session (ms) | server RSS after (MB) |\n"
    "|---|---:|---:|---:|---:|---:|---:|---:|"
)


def measure(setup: str, url: str, apps: list[Server], sessions: int, query: str):
    """Run one burst and return its table row."""
    before = sum(cpu_seconds(app.pid) for app in apps)
    visits = asyncio.run(burst(url, sessions, query))
    cpu = sum(cpu_seconds(app.pid) for app in apps) - before
    rss = sum(rss_mb(app.pid) for app in apps)
    for reason in sorted({v.error for v in visits if v.error}):
        print(f"  {setup} {sessions}: {sum(v.error == reason for v in visits)} x {reason}")
    return Row(setup, sessions, visits, cpu, rss)


def warm(url: str, query: str) -> None:
    """One visit, so the dataset and the shared caches are loaded before timing."""
    result = asyncio.run(burst(url, 1, query))[0]
    if result.error:
        raise RuntimeError(f"warm-up visit failed: {result.error}")


def cold_start(runs: int, query: str) -> list[float]:
    """Seconds from process start to the first finished map run, ``runs`` times."""
    times = []
    for index in range(runs):
        app = start_app(name=f"cold-{index}", wait=False)
        try:
            while True:
                result = asyncio.run(burst(app.url, 1, query))[0]
                if not result.error:
                    times.append(time.monotonic() - app.started)
                    break
                if time.monotonic() - app.started > TIMEOUT_S:
                    raise RuntimeError("the app did not serve a map")
                time.sleep(0.02)
        finally:
            app.stop()
    return times


def soak(total: int, wave: int, query: str) -> list[tuple[int, float]]:
    """``total`` visitors in waves of ``wave`` against one process: RSS after each wave."""
    app = start_app(name="soak")
    try:
        warm(app.url, query)
        points = [(0, rss_mb(app.pid))]
        done = 0
        while done < total:
            size = min(wave, total - done)
            visits = asyncio.run(burst(app.url, size, query))
            errors = sum(1 for v in visits if v.error)
            done += size
            points.append((done, rss_mb(app.pid)))
            print(f"  soak: {done:,} visitors, RSS {points[-1][1]:,.0f} MB, errors {errors}")
        return points
    finally:
        app.stop()


def database_transactions(cluster) -> int:
    """Transactions PostgreSQL has counted in the atlas's database (read from another one)."""
    import sqlalchemy as sa

    # A backend reports its counts at the end of a transaction at most once a second, and
    # otherwise after 10 s idle: wait for the app's start-up migration to be counted.
    time.sleep(11)
    engine = sa.create_engine(cluster.url.rsplit("/", 1)[0] + "/postgres")
    try:
        with engine.connect() as connection:
            return connection.exec_driver_sql(
                "SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = 'atlas'"
            ).scalar()
    finally:
        engine.dispose()


def compare_database(sessions: int, rounds: int, query: str) -> tuple[list[Row], int]:
    """Alternate bursts between a process with no database and one on PostgreSQL."""
    # No autovacuum: its workers' transactions would count as the atlas's.
    cluster = start_postgres("autovacuum=off")
    servers: dict[str, Server] = {}
    try:
        servers["no database"] = start_app({"ATLAS_DB_URL": "off"}, name="no-database")
        servers["PostgreSQL"] = start_app({"ATLAS_DB_URL": cluster.url}, name="postgresql")
        for server in servers.values():
            warm(server.url, query)
        before = database_transactions(cluster)
        rows = [
            measure(setup, server.url, [server], sessions, query)
            for _ in range(rounds)
            for setup, server in servers.items()
        ]
        return rows, database_transactions(cluster) - before
    finally:
        for server in servers.values():
            server.stop()
        cluster.remove()


def p95(row: Row) -> float:
    """A burst's p95 (seconds)."""
    times = sorted(v.seconds for v in row.visits if not v.error)
    return times[min(len(times) - 1, int(0.95 * len(times)))]


def main(argv: list[str]) -> None:
    """Parse the options, run the bursts and print Markdown tables."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--sessions", default=",".join(map(str, SESSIONS)))
    parser.add_argument("--query", default="", help="the URL's query string, e.g. lang=he")
    parser.add_argument("--replicas", type=int, default=REPLICAS, help="0: one process only")
    parser.add_argument("--soak", type=int, default=0, help="visitors in the soak (0: none)")
    parser.add_argument("--wave", type=int, default=250)
    parser.add_argument("--cold", type=int, default=0, help="cold starts to time (0: none)")
    parser.add_argument("--url", default="", help="a running deployment to visit instead")
    parser.add_argument(
        "--compare-db", type=int, default=0, help="alternating bursts, no database vs PostgreSQL"
    )
    options = parser.parse_args(argv)
    sizes = [int(n) for n in options.sessions.split(",") if n]
    query = options.query.lstrip("?")

    if options.compare_db:
        size = sizes[-1]
        rows, transactions = compare_database(size, options.compare_db, query)
        print(HEADER)
        for row in rows:
            print("| " + " | ".join(row.cells()) + " |")
        medians = {
            setup: statistics.median(p95(r) for r in rows if r.setup == setup)
            for setup in ("no database", "PostgreSQL")
        }
        print(
            f"\nmedian p95: no database {medians['no database']:.2f} s, PostgreSQL "
            f"{medians['PostgreSQL']:.2f} s, ratio "
            f"{medians['PostgreSQL'] / medians['no database']:.2f}; "
            f"PostgreSQL transactions in the atlas's database during the bursts: {transactions}"
        )
        return

    if options.url:
        url = options.url.rstrip("/")
        warm(url, query)
        print(HEADER)
        for n in sizes:
            print("| " + " | ".join(measure(url, url, [], n, query).cells()) + " |")
        return

    if options.cold:
        times = cold_start(options.cold, query)
        print(
            f"cold start to first finished map run: best {min(times):.2f} s, "
            f"median {statistics.median(times):.2f} s, of {len(times)}"
        )
    if sizes:
        rows = []
        single = start_app(name="load")
        try:
            warm(single.url, query)
            rows += [measure("1 process", single.url, [single], n, query) for n in sizes]
        finally:
            single.stop()
        if options.replicas:
            replicas = [start_app(name=f"replica{i}") for i in range(options.replicas)]
            balancer = None
            try:
                balancer = start_balancer(replicas)
                for replica in replicas:
                    warm(replica.url, query)
                setup = f"HAProxy + {options.replicas} replicas"
                rows += [measure(setup, balancer.url, replicas, n, query) for n in sizes]
            finally:
                for server in (balancer, *replicas):
                    if server is not None:
                        server.stop()
        print(f"\nquery: ?{query}" if query else "\nquery: (home page)")
        print(HEADER)
        for row in rows:
            print("| " + " | ".join(row.cells()) + " |")
    if options.soak:
        points = soak(options.soak, options.wave, query)
        print("\n| visitors so far | server RSS (MB) |\n|---:|---:|")
        for done, rss in points:
            print(f"| {done:,} | {rss:,.0f} |")


if __name__ == "__main__":
    main(sys.argv[1:])
