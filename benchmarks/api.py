"""API benchmark: requests per second and latency of /api/v1/ under wrk, and the hall beside it.

Run from the project root (needs ``wrk``: ``apt-get install wrk``)::

    python -m benchmarks.api                     # every row below, one app process
    python -m benchmarks.api --duration 30 --bursts 3

One app process is started exactly as the README says (``streamlit run app.py``) on a
loopback port; ``wrk`` (one thread, 50 connections) asks for:

- **a filtered JSON list, repeated**: ``/api/v1/organisations?role=funding&country=CA``,
  the same question again and again (answered from the kept answer after the first);
- **the same, gzip**: with ``Accept-Encoding: gzip`` (compressed once, then kept);
- **filtered JSON lists, all different**: a different question every time (role x
  country x year range x limit, 20,160 of them, shuffled): every request selects its rows
  afresh, nothing is kept from one to the next;
- **every row as CSV**: the whole dataset, streamed.

Then the hall: a burst of 250 map visitors (``benchmarks.load``'s headless visitors,
Streamlit's own protocol) alone, and again while wrk asks for filtered JSON lists, all
different, on the same process, alternately (``--bursts`` times each); the table gives
each burst's p95 and the ratio of the medians. ``--compare`` adds the same with the API
never holding back (a second process with ``ATLAS_API_PAUSE_MS=0``).
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from benchmarks.load import burst
from mapping import dataset as live
from mapping import vocab
from mapping.api.gate import PAUSE_ENV
from tests.e2e.servers import Server, start_app

CONNECTIONS = 50
THREADS = 1  # one wrk thread drives thousands of requests per second; the other core serves
DURATION_S = 20
VISITORS = 250
FILTERED = "/api/v1/organisations?role=funding&country=CA"
COUNTRIES = ("US", "CA", "AU", "IL", "GB", "NZ", "DE", "NL", "DK", "FI", "SE", "FR")
_LATENCY = re.compile(r"^\s+(50|75|90|99)%\s+([\d.]+)(us|ms|s)\s*$", re.M)
_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


@dataclass(frozen=True)
class Load:
    """What wrk measured: requests per second, latency percentiles (ms), errors."""

    name: str
    requests_per_s: float
    latency_ms: dict[str, float]
    errors: int

    def cells(self) -> list[str]:
        return [
            self.name,
            f"{self.requests_per_s:,.0f}",
            f"{self.latency_ms.get('50', float('nan')):.1f}",
            f"{self.latency_ms.get('99', float('nan')):.1f}",
            str(self.errors),
        ]


def different_questions(folder: Path, seed: int = 0) -> Path:
    """A wrk script asking a different filtered list every time (none is asked twice)."""
    years = [f"{a}-{b}" for a in range(2000, 2015, 3) for b in range(2015, 2027, 2)]
    limits = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 200, 300, 400, 500]
    paths = [
        f"/api/v1/organisations?role={role}&country={country}&year={year}&limit={limit}"
        for role, country, year, limit in itertools.product(vocab.ROLES, COUNTRIES, years, limits)
    ]
    random.Random(seed).shuffle(paths)
    script = folder / "different.lua"
    listed = ",\n".join(f'"{path}"' for path in paths)
    script.write_text(
        f"paths = {{\n{listed}\n}}\ncounter = 0\n"
        "request = function()\n  counter = counter + 1\n"
        "  return wrk.format(nil, paths[((counter - 1) % #paths) + 1])\nend\n",
        encoding="utf-8",
    )
    return script


def wrk(url: str, name: str, duration: int, *, script: Path | None = None, headers=()) -> Load:
    """Run wrk against ``url`` and read its summary."""
    command = [
        shutil.which("wrk") or "wrk",
        f"-t{THREADS}",
        f"-c{CONNECTIONS}",
        f"-d{duration}s",
        "--latency",
    ]
    for header in headers:
        command += ["-H", header]
    if script is not None:
        command += ["-s", str(script)]
    output = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout
    latency = {p: float(v) * _UNITS[unit] for p, v, unit in _LATENCY.findall(output)}
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", output))
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return Load(name, rate, latency, errors + (int(non_2xx.group(1)) if non_2xx else 0))


def p95(visits) -> tuple[float, int]:
    """The 95th percentile of the visitors' times (s) and how many failed."""
    times = sorted(v.seconds for v in visits if not v.error)
    errors = sum(1 for v in visits if v.error)
    return times[min(len(times) - 1, int(0.95 * len(times)))], errors


def burst_beside_api(app: Server, script: Path, duration: int) -> tuple[float, int, Load]:
    """A burst of visitors while wrk asks the API different questions; both measured."""
    result: dict[str, Load] = {}
    runner = threading.Thread(
        target=lambda: result.setdefault(
            "load", wrk(app.url, "beside the burst", duration, script=script)
        )
    )
    runner.start()
    time.sleep(3)  # wrk at full speed before the visitors arrive
    visits = asyncio.run(burst(app.url, VISITORS, ""))
    runner.join()
    seconds, errors = p95(visits)
    return seconds, errors, result["load"]


def bursts(app: Server, script: Path, count: int, duration: int) -> tuple[list, list, list]:
    """Bursts alone and beside the API, alternately: (alone, beside, the API's loads)."""
    alone, beside, loads = [], [], []
    for _ in range(count):
        alone.append(p95(asyncio.run(burst(app.url, VISITORS, ""))))
        seconds, errors, load = burst_beside_api(app, script, duration)
        beside.append((seconds, errors))
        loads.append(load)
    return alone, beside, loads


def burst_rows(setup: str, alone: list, beside: list, loads: list[Load]) -> list[str]:
    """The hall table's rows for one setup, and the ratio of its medians."""
    ratio = statistics.median(s for s, _ in beside) / statistics.median(s for s, _ in alone)
    rates = " / ".join(f"{load.requests_per_s:,.0f}" for load in loads)
    tails = " / ".join(f"{load.latency_ms.get('99', float('nan')):,.0f}" for load in loads)
    return [
        f"| {setup}: alone | "
        + " / ".join(f"{s:.2f}" for s, _ in alone)
        + f" | {sum(e for _, e in alone)} |  |  |  |",
        f"| {setup}: beside the API | "
        + " / ".join(f"{s:.2f}" for s, _ in beside)
        + f" | {sum(e for _, e in beside)} | {rates} | {tails} | {ratio:.2f}x |",
    ]


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--duration", type=int, default=DURATION_S, help="seconds per wrk run")
    parser.add_argument("--bursts", type=int, default=2, help="bursts alone and beside the API")
    parser.add_argument(
        "--compare", action="store_true", help="also with the API never holding back"
    )
    options = parser.parse_args(argv)
    if not shutil.which("wrk"):
        raise SystemExit("wrk not found: apt-get install wrk")
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        script = different_questions(Path(folder))
        app = start_app(name="api-benchmark")
        try:
            with urllib.request.urlopen(app.url + FILTERED) as answer:
                assert answer.status == 200
            asyncio.run(burst(app.url, 1, ""))  # the map's shared work, as a first visitor's
            loads = [
                wrk(app.url + FILTERED, "filtered JSON list, repeated", options.duration),
                wrk(
                    app.url + FILTERED,
                    "filtered JSON list, repeated, gzip",
                    options.duration,
                    headers=("Accept-Encoding: gzip",),
                ),
                wrk(app.url, "filtered JSON lists, all different", options.duration, script=script),
                wrk(
                    app.url + "/api/v1/organisations?format=csv",
                    f"every row as CSV ({len(live.current().organisations):,} organisations)",
                    options.duration,
                ),
            ]
            each = f"{options.duration} s each"
            print(f"\nwrk, {THREADS} threads, {CONNECTIONS} connections, {each}:\n")
            print("| load | requests/s | p50 (ms) | p99 (ms) | errors |")
            print("|---|---:|---:|---:|---:|")
            for load in loads:
                print("| " + " | ".join(load.cells()) + " |")
            rows += burst_rows(
                "API holds back (default)", *bursts(app, script, options.bursts, options.duration)
            )
        finally:
            app.stop()
        if options.compare:
            app = start_app({PAUSE_ENV: "0"}, name="api-benchmark-full-speed")
            try:
                asyncio.run(burst(app.url, 1, ""))
                rows += burst_rows(
                    "API at full speed", *bursts(app, script, options.bursts, options.duration)
                )
            finally:
                app.stop()
    print(
        f"\n{VISITORS} map visitors at once, alone and beside wrk (all different), alternately:\n"
    )
    print(
        "| burst | p95 (s), each run | visitor errors | API requests/s | API p99 (ms) "
        "| p95 beside / alone |"
    )
    print("|---|---|---:|---:|---:|---:|")
    for row in rows:
        print(row)


if __name__ == "__main__":
    main(sys.argv[1:])
