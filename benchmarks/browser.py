"""Browser benchmark: time to first clusters, and the AppTest rerun after a filter change.

Run from the project root (needs Debian's Chromium at /usr/bin/chromium)::

    python -m benchmarks.browser            # the shipped dataset, then 1k, 10k, 100k
    python -m benchmarks.browser 0 100000   # 0: the shipped dataset

For each size the app is started on a synthetic dataset (``ATLAS_DATA``); the
first page load warms the dataset cache (load + validation), then
``WARM_LOADS`` fresh browser contexts (empty browser cache, a new session
each) are timed from navigation until the map iframe shows clusters or
points; the table gives the best and the median. Every non-loopback request is
blocked, as in the e2e tests. The same size is then run under ``AppTest``: the
time of a full rerun after choosing a role in the sidebar.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

from playwright.sync_api import sync_playwright
from streamlit.testing.v1 import AppTest

from benchmarks.synthetic import synthetic_file
from tests.e2e.conftest import CHROMIUM, CHROMIUM_ARGS, NetworkGuard, start_app

SIZES = (0, 1_000, 10_000, 100_000)  # 0: the shipped dataset (data/organisations.csv)
# Timings on a 2-core machine vary by a few tenths of a second: report the
# best and the median of several loads rather than one.
WARM_LOADS = 7
MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'
DRAWN = ".atlas-cluster, path.leaflet-interactive"
TIMEOUT_MS = 180_000
APP = str(Path(__file__).resolve().parent.parent / "app.py")


def time_to_first_clusters(browser, url: str) -> float:
    """Seconds from navigation until the map shows clusters or points."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    context.route("**/*", NetworkGuard().route)
    page = context.new_page()
    start = time.perf_counter()
    page.goto(url)
    page.frame_locator(MAP_FRAME).locator(DRAWN).first.wait_for(timeout=TIMEOUT_MS)
    elapsed = time.perf_counter() - start
    context.close()
    return elapsed


def apptest_rerun(path: Path | None) -> tuple[float, float]:
    """Return (first run, rerun after a filter change) seconds under AppTest."""
    if path is not None:
        os.environ["ATLAS_DATA"] = str(path)
    try:
        at = AppTest.from_file(APP, default_timeout=600)
        start = time.perf_counter()
        at.run()
        first = time.perf_counter() - start
        widget = at.sidebar.multiselect(key="atlas_w_roles").select("funding")
        start = time.perf_counter()
        widget.run()
        rerun = time.perf_counter() - start
    finally:
        os.environ.pop("ATLAS_DATA", None)
    return first, rerun


def main(argv: list[str]) -> None:
    """Measure each size and print a Markdown table."""
    sizes = [int(a) for a in argv] or list(SIZES)
    lines = [
        "| organisations | first load, fresh server (s) | first clusters, warm: best (s) "
        "| warm: median (s) | fresh / warm | AppTest first run (s) "
        "| AppTest rerun after filter (s) |",
        "|---:|---:|---:|---:|---:|---:|---:|",
    ]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for rows in sizes:
            print(f"measuring {rows:,} organisations…", file=sys.stderr, flush=True)
            path = synthetic_file(rows) if rows else None
            env = {"ATLAS_DATA": str(path)} if path is not None else {}
            server = start_app(env, name=f"bench-{rows}")
            try:
                cold = time_to_first_clusters(browser, server.url)
                warm = [time_to_first_clusters(browser, server.url) for _ in range(WARM_LOADS)]
            finally:
                server.stop()
            first, rerun = apptest_rerun(path)
            label = f"{rows:,}" if rows else "shipped (633)"
            lines.append(
                f"| {label} | {cold:.2f} | {min(warm):.2f} | {statistics.median(warm):.2f} "
                f"| {cold / min(warm):.2f}× "
                f"| {first:.2f} | {rerun:.2f} |"
            )
        browser.close()
    print("\n".join(lines))


if __name__ == "__main__":
    main(sys.argv[1:])
