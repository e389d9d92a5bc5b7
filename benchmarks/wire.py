"""Wire benchmark: what a visit costs the hall's Wi-Fi, and the audience link under a burst.

Run from the project root (needs Debian's Chromium at /usr/bin/chromium)::

    python -m benchmarks.wire                     # every network, both pages, then the burst
    python -m benchmarks.wire --networks fast     # unthrottled only
    python -m benchmarks.wire --burst 1000 --no-browser
    python -m benchmarks.wire --url http://atlas.example:8080   # a deployment (no burst CPU)

For each network (unthrottled; 4 Mbit/s with 150 ms latency; 1 Mbit/s with 300 ms,
set with CDP's ``Network.emulateNetworkConditions``) and each page (the full map at
``/`` and the audience link at ``/audience``), a phone-sized page (390x844) in a
fresh browser context makes a first visit, then a repeat visit in the same context
(its HTTP cache kept). For each it reports the bytes on the wire over HTTP (the sum
of CDP's ``Network.loadingFinished`` ``encodedDataLength``: compressed bodies and
headers), the requests, the websocket's payload, and the time from navigation to the
first markers drawn. Requests off the machine are refused by Chromium's own resolver
(``--host-resolver-rules``), not by Playwright's request interception, which would
turn the HTTP cache off and make every repeat visit a first one.

The burst: ``--burst N`` visitors GET the audience link at the same moment (raw HTTP
with ``Accept-Encoding: gzip``, one connection each, as phones do); it reports
p50 / p95 / max, errors, and the server's CPU per visitor (user + system time of the
process during the burst, from ``/proc``).
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import statistics
import sys
import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from benchmarks.load import cpu_seconds
from tests.e2e.conftest import CHROMIUM, CHROMIUM_ARGS
from tests.e2e.servers import Server, start_app

MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'
DRAWN = ".atlas-cluster, path.leaflet-interactive"
TIMEOUT_MS = 180_000
PHONE = {"width": 390, "height": 844}
# Chromium resolves nothing but the loopback: every request off the machine fails at once.
OFFLINE_RULES = "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost"
LOOPBACK = {"127.0.0.1", "localhost", "::1", "[::1]"}
# (name, download bits per second or None for no throttling, latency in ms)
NETWORKS = {
    "fast": ("unthrottled", None, 0),
    "4mbit": ("4 Mbit/s, 150 ms", 4_000_000, 150),
    "1mbit": ("1 Mbit/s, 300 ms", 1_000_000, 300),
}
PAGES = {"map": "/", "audience": "/audience"}
# What a browser accepts. Chromium asks for brotli and zstd only from https:// and
# localhost; a phone opening http://<the laptop's address> in the hall asks for gzip.
ENCODINGS = {"gzip": "gzip, deflate", "br": "gzip, deflate, br, zstd"}
QUIET_S = 10.0
SETTLE_S = 3.0
SETTLE_MAX_S = 90.0
WARM_TIMEOUT_S = 900.0
BURST_TIMEOUT_S = 120.0


@dataclass
class Traffic:
    """What the page fetched, from CDP's network events."""

    http_bytes: int = 0
    requests: int = 0
    websocket_bytes: int = 0
    off_machine: list[str] = field(default_factory=list)
    by_url: dict[str, int] = field(default_factory=dict)
    encodings: dict[str, str] = field(default_factory=dict)
    urls: dict[str, str] = field(default_factory=dict)
    last: float = field(default_factory=time.monotonic)  # the latest request sent or finished

    def listen(self, cdp) -> None:
        """Count every request, response encoding, finished load and websocket frame."""
        cdp.on("Network.requestWillBeSent", self._sent)
        cdp.on("Network.responseReceived", self._received)
        cdp.on("Network.loadingFinished", self._finished)
        cdp.on("Network.webSocketFrameReceived", self._frame)

    def _sent(self, event: dict) -> None:
        self.last = time.monotonic()
        url = event["request"]["url"]
        if url.startswith(("data:", "blob:")):
            return
        self.requests += 1
        self.urls[event["requestId"]] = url
        if (urlsplit(url).hostname or "") not in LOOPBACK:
            self.off_machine.append(url)

    def _received(self, event: dict) -> None:
        headers = {k.lower(): v for k, v in event["response"].get("headers", {}).items()}
        self.encodings[event["requestId"]] = headers.get("content-encoding", "")

    def _finished(self, event: dict) -> None:
        self.last = time.monotonic()
        size = int(event.get("encodedDataLength", 0))
        self.http_bytes += size
        url = self.urls.get(event["requestId"], "?")
        self.by_url[url] = self.by_url.get(url, 0) + size

    def _frame(self, event: dict) -> None:
        response = event["response"]
        data = response.get("payloadData", "")
        # Binary frames (opcode 2: Streamlit's protobuf) arrive base64-encoded.
        self.websocket_bytes += (
            len(base64.b64decode(data)) if response.get("opcode") == 2 else len(data.encode())
        )


@dataclass(frozen=True)
class Visit:
    """One page load."""

    page: str
    network: str
    kind: str  # "first" or "repeat"
    http_bytes: int
    requests: int
    websocket_bytes: int
    seconds: float
    off_machine: int
    runs: list[float] = field(default_factory=list)


def _markers(page, which: str):
    """The locator of the first marker or cluster drawn."""
    if which == "map":
        return page.frame_locator(MAP_FRAME).locator(DRAWN).first
    return page.locator(DRAWN).first


def settle(page, traffic: Traffic) -> None:
    """Let the page finish what it fetches after the markers (the basemap, late chunks).

    Done when nothing was sent or finished for ``SETTLE_S`` (the websocket stays open, so
    "no connection open" never comes), or after ``SETTLE_MAX_S``.
    """
    deadline = time.monotonic() + SETTLE_MAX_S
    while time.monotonic() - traffic.last < SETTLE_S and time.monotonic() < deadline:
        page.wait_for_timeout(200)  # lets Playwright deliver the network events meanwhile


def load(
    page, url: str, which: str, network: str, kind: str, *, encoding: str, top: int = 0
) -> Visit:
    """Open ``url`` in ``page`` and measure until the markers are drawn and the network is idle."""
    cdp = page.context.new_cdp_session(page)
    traffic = Traffic()
    traffic.listen(cdp)
    cdp.send("Network.enable")
    cdp.send("Network.setExtraHTTPHeaders", {"headers": {"Accept-Encoding": ENCODINGS[encoding]}})
    _name, bits, latency = NETWORKS[network]
    if bits is not None:
        cdp.send(
            "Network.emulateNetworkConditions",
            {
                "offline": False,
                "latency": latency,
                "downloadThroughput": bits / 8,
                "uploadThroughput": bits / 8,
            },
        )
    start = time.perf_counter()
    page.goto(url, wait_until="commit", timeout=TIMEOUT_MS)
    _markers(page, which).wait_for(timeout=TIMEOUT_MS)
    seconds = time.perf_counter() - start
    settle(page, traffic)
    cdp.detach()
    if top:
        largest = sorted(traffic.by_url.items(), key=lambda item: -item[1])[:top]
        for address, size in largest:
            print(f"  {size:>9,}  {address[:110]}", file=sys.stderr)
    return Visit(
        which,
        network,
        kind,
        traffic.http_bytes,
        traffic.requests,
        traffic.websocket_bytes,
        seconds,
        len(traffic.off_machine),
    )


def wait_until_compressed(server: Server) -> None:
    """Wait until the server's background thread has made the smallest forms of what was asked.

    A hall's visitors come after the presenter's own rehearsal visit: they get the files
    at their smallest (``mapping.precompressed``). The server logs when that thread starts
    and when it runs out of work; the last of those lines says where it is.
    """
    from mapping.precompressed import BEST_MADE, BEST_STARTED

    deadline = time.monotonic() + WARM_TIMEOUT_S
    size, quiet_since = -1, time.monotonic()
    while time.monotonic() < deadline:
        text = server.log.read_text(errors="replace")
        if len(text) != size:
            size, quiet_since = len(text), time.monotonic()
        states = [line for line in text.splitlines() if BEST_STARTED in line or BEST_MADE in line]
        idle = not states or BEST_MADE in states[-1]
        if idle and time.monotonic() - quiet_since >= QUIET_S:
            return
        time.sleep(1)
    raise RuntimeError(f"the server did not finish compressing in {WARM_TIMEOUT_S:.0f} s")


def browser_visits(
    base: str,
    networks: list[str],
    pages: list[str],
    query: str,
    top: int,
    encoding: str,
    server: Server | None,
    runs: int = 3,
):
    """First and repeat visits for every network and page (after one rehearsal visit each).

    Each is made ``runs`` times, each time in a fresh browser context; the table gives
    the medians and each run's time.
    """
    from playwright.sync_api import sync_playwright

    visits = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=[*CHROMIUM_ARGS, OFFLINE_RULES]
        )
        try:
            for which in pages:
                url = f"{base}{PAGES[which]}" + (f"?{query}" if query else "")
                context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
                load(context.new_page(), url, which, "fast", "rehearsal", encoding=encoding)
                context.close()
            if server is not None:
                print("waiting for the smallest forms…", file=sys.stderr, flush=True)
                wait_until_compressed(server)
            for network in networks:
                for which in pages:
                    url = f"{base}{PAGES[which]}" + (f"?{query}" if query else "")
                    print(f"{NETWORKS[network][0]}: {url}", file=sys.stderr, flush=True)
                    firsts, repeats = [], []
                    for _ in range(runs):
                        context = browser.new_context(
                            viewport=PHONE, is_mobile=True, has_touch=True
                        )
                        page = context.new_page()
                        firsts.append(
                            load(page, url, which, network, "first", encoding=encoding, top=top)
                        )
                        page.goto("about:blank")
                        repeats.append(
                            load(page, url, which, network, "repeat", encoding=encoding, top=top)
                        )
                        context.close()
                    visits += [median_visit(firsts), median_visit(repeats)]
        finally:
            browser.close()
    return visits


def median_visit(visits: list[Visit]) -> Visit:
    """The median of several loads (each figure on its own), and how many there were."""
    first = visits[0]
    return Visit(
        first.page,
        first.network,
        first.kind,
        int(statistics.median(v.http_bytes for v in visits)),
        int(statistics.median(v.requests for v in visits)),
        int(statistics.median(v.websocket_bytes for v in visits)),
        statistics.median(v.seconds for v in visits),
        max(v.off_machine for v in visits),
        [v.seconds for v in visits],
    )


def visits_table(visits: list[Visit]) -> str:
    """The browser measurements as a Markdown table."""
    lines = [
        "| page | network | visit | HTTP on the wire (KB) | requests | websocket (KB) "
        "| first markers (s), median | each run (s) | off the machine |",
        "|---|---|---|---:|---:|---:|---:|---|---:|",
    ]
    for visit in visits:
        each = " / ".join(f"{seconds:.1f}" for seconds in visit.runs)
        lines.append(
            f"| {visit.page} | {NETWORKS[visit.network][0]} | {visit.kind} "
            f"| {visit.http_bytes / 1000:,.0f} | {visit.requests} "
            f"| {visit.websocket_bytes / 1000:,.0f} | {visit.seconds:.1f} | {each} "
            f"| {visit.off_machine} |"
        )
    return "\n".join(lines)


async def _get(host: str, port: int, target: str) -> tuple[float, int, int]:
    """One visitor: GET ``target``; return (seconds, status, body bytes)."""
    start = time.perf_counter()
    reader, writer = await asyncio.open_connection(host, port)
    try:
        writer.write(
            (
                f"GET {target} HTTP/1.1\r\nHost: {host}:{port}\r\n"
                "Accept-Encoding: gzip, deflate\r\nConnection: close\r\n\r\n"
            ).encode()
        )
        await writer.drain()
        head = (await reader.readuntil(b"\r\n\r\n")).decode("latin-1")
        body = await reader.read()
    finally:
        writer.close()
    status = int(head.split(" ", 2)[1])
    return time.perf_counter() - start, status, len(body)


async def _burst(base: str, target: str, visitors: int) -> list[tuple[float, int, int] | str]:
    parts = urlsplit(base)
    host, port = parts.hostname or "127.0.0.1", parts.port or 80

    async def one() -> tuple[float, int, int] | str:
        try:
            return await asyncio.wait_for(_get(host, port, target), BURST_TIMEOUT_S)
        except (OSError, TimeoutError, asyncio.IncompleteReadError, ValueError) as error:
            return type(error).__name__

    return await asyncio.gather(*(one() for _ in range(visitors)))


def burst(server: Server | None, base: str, query: str, visitors: int) -> str:
    """``visitors`` GETs of the audience link at once: latencies, errors, server CPU."""
    target = PAGES["audience"] + (f"?{query}" if query else "")
    asyncio.run(_burst(base, target, 1))  # the view is generated once, before the burst
    before = cpu_seconds(server.pid) if server else None
    results = asyncio.run(_burst(base, target, visitors))
    cpu = (cpu_seconds(server.pid) - before) if server and before is not None else None
    times = sorted(r[0] for r in results if isinstance(r, tuple) and r[1] == 200)
    errors = visitors - len(times)
    sizes = [r[2] for r in results if isinstance(r, tuple) and r[1] == 200]
    p95 = times[min(len(times) - 1, int(0.95 * len(times)))] if times else float("nan")
    cpu_text = f"{cpu / visitors * 1000:.1f}" if cpu is not None else ""
    return (
        "| visitors at once | p50 (s) | p95 (s) | max (s) | errors | body (KB) "
        "| server CPU per visitor (ms) |\n|---:|---:|---:|---:|---:|---:|---:|\n"
        f"| {visitors:,} | {statistics.median(times):.2f} | {p95:.2f} | {times[-1]:.2f} "
        f"| {errors} | {statistics.median(sizes) / 1000:,.0f} | {cpu_text} |"
    )


def main(argv: list[str]) -> None:
    """Measure and print the tables."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", help="a running server (none is started)")
    parser.add_argument("--networks", default=",".join(NETWORKS), help="fast,4mbit,1mbit")
    parser.add_argument("--pages", default=",".join(PAGES), help="map,audience")
    parser.add_argument("--query", default="", help="the view's query string, e.g. lang=he")
    parser.add_argument("--burst", type=int, default=1000, help="audience visitors at once")
    parser.add_argument("--no-browser", action="store_true", help="only the burst")
    parser.add_argument("--top", type=int, default=0, help="list the N largest responses")
    parser.add_argument("--runs", type=int, default=3, help="loads of each kind (the median)")
    parser.add_argument(
        "--encoding",
        choices=sorted(ENCODINGS),
        default="gzip",
        help="what the browser accepts: gzip (http:// to an address, a phone in the hall) "
        "or br (https://, localhost)",
    )
    args = parser.parse_args(argv)
    server = None if args.url else start_app(name="wire")
    base = args.url or server.url
    try:
        if not args.no_browser:
            visits = browser_visits(
                base,
                args.networks.split(","),
                args.pages.split(","),
                args.query,
                args.top,
                args.encoding,
                server,
                args.runs,
            )
            print(visits_table(visits))
        if args.burst:
            print(burst(server, base, args.query, args.burst))
    finally:
        if server:
            server.stop()


if __name__ == "__main__":
    main(sys.argv[1:])
