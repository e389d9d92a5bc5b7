"""Network scale benchmark: the Network page's work from the shipped links to 10,000 / 30,000.

Run from the project root::

    python -m benchmarks.network                 # shipped, 2,000/6,000, 10,000/30,000
    python -m benchmarks.network 10000:30000     # chosen sizes (organisations:links)
    python -m benchmarks.network --no-browser    # skip the Chromium column

For each size it prints, best of ``REPEATS``: checking the links file
(``load_relationships``), choosing what the graph draws (``graph_view``: above
``NODE_LIMIT`` organisations, the most linked), laying it out (``layout``), the
whole payload the page sends (``graph_payload``, layout included) and its size,
the page's metrics on the drawn view (degree, groups, brokers), the metrics a
researcher runs on the whole view (degree and groups of every organisation),
and the GEXF export of the whole view. With the browser, the app is started on
the synthetic files (``ATLAS_DATA``, ``ATLAS_LINKS``) and Chromium, every
non-loopback request blocked, is timed from navigation to a drawn graph: the
first visit (which lays the view out) and the best of ``WARM_LOADS`` later ones
(which reuse it). A benchmark, not a timed test.
"""

from __future__ import annotations

import platform
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from playwright.sync_api import sync_playwright

from benchmarks.run import REPEATS, best_of
from benchmarks.synthetic import synthetic_file, synthetic_links_file
from mapping import layout, network, network_view
from mapping.data import DEFAULT_DATASET, load_organisations
from mapping.filters import Filters
from mapping.safety import script_json
from tests.e2e.conftest import CHROMIUM, CHROMIUM_ARGS, NetworkGuard
from tests.e2e.servers import start_app

SIZES = ((0, 0), (2_000, 6_000), (10_000, 30_000))  # (0, 0): the shipped files
WARM_LOADS = 5
TIMEOUT_MS = 180_000
# Cytoscape has drawn the graph in the Network page's frame.
DRAWN = (
    "() => [...document.querySelectorAll('iframe')].some(f => { try {"
    " const graph = f.contentDocument.querySelector('.atlas-network');"
    " return graph && graph.atlasGraph !== undefined && graph.atlasGraph.nodes().length > 0;"
    " } catch (e) { return false; } })"
)


@dataclass
class Row:
    """One benchmark line."""

    organisations: int
    links: int
    drawn: int
    check_s: float
    view_s: float
    layout_s: float
    payload_s: float
    payload_kb: float
    page_metrics_s: float
    full_metrics_s: float
    gexf_s: float
    gexf_mb: float
    first_visit_s: float | None = None
    warm_visit_s: float | None = None


def files(rows: int, links: int) -> tuple[Path, Path]:
    """The organisations and links files of a size ((0, 0): the shipped ones)."""
    if rows == 0:
        return DEFAULT_DATASET, network.DEFAULT_RELATIONSHIPS
    return synthetic_file(rows), synthetic_links_file(rows, links)


def page_metrics(view: network_view.GraphView, networks) -> None:
    """What the Network page computes on the drawn view (``network.summarise``)."""
    network.summarise(view.organisations, view.links, networks)


def full_metrics(organisations, links) -> None:
    """Degree and connected groups of every organisation in the view."""
    graph = network.view_graph(organisations, links)
    network.degree(graph)
    network.components(graph)


def measure(rows: int, links: int) -> Row:
    """Time every step for one size."""
    organisations_path, links_path = files(rows, links)
    organisations = load_organisations(organisations_path)
    check_s, table = best_of(
        lambda: network.load_relationships(links_path, organisations=organisations)
    )
    shown = Filters().apply(organisations, table)
    view_s, view = best_of(lambda: network_view.graph_view(organisations, shown, table))
    ends = list(zip(view.links["source_id"], view.links["target_id"], strict=True))
    layout_s, _ = best_of(lambda: layout.layout(view.organisations["id"], ends))
    payload_s, payload = best_of(lambda: network_view.graph_payload(view))
    # Synthetic organisations run no named networks (as the app does for another dataset).
    networks = (
        network.networks_table(organisations=organisations)
        if rows == 0
        else pd.DataFrame(columns=list(network.NETWORK_COLUMNS))
    )
    page_metrics_s, _ = best_of(lambda: page_metrics(view, networks))
    full_metrics_s, _ = best_of(lambda: full_metrics(shown, table), repeats=1)
    gexf_s, gexf = best_of(lambda: network.to_gexf_bytes(shown, table), repeats=1)
    return Row(
        organisations=len(organisations),
        links=len(table),
        drawn=len(view.organisations),
        check_s=check_s,
        view_s=view_s,
        layout_s=layout_s,
        payload_s=payload_s,
        payload_kb=len(script_json(payload).encode()) / 1000,
        page_metrics_s=page_metrics_s,
        full_metrics_s=full_metrics_s,
        gexf_s=gexf_s,
        gexf_mb=len(gexf) / 1e6,
    )


def visit(browser, url: str) -> float:
    """Seconds from navigation to a drawn graph on the Network page."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    context.route("**/*", NetworkGuard().route)
    page = context.new_page()
    start = time.perf_counter()
    page.goto(f"{url}/network")
    page.wait_for_function(DRAWN, timeout=TIMEOUT_MS)
    elapsed = time.perf_counter() - start
    context.close()
    return elapsed


def measure_browser(browser, row: Row, rows: int, links: int) -> None:
    """Add the first and the best warm visit of the Network page to ``row``."""
    organisations_path, links_path = files(rows, links)
    env = {"ATLAS_DATA": str(organisations_path), "ATLAS_LINKS": str(links_path)}
    server = start_app(env, name=f"network-bench-{rows}")
    try:
        row.first_visit_s = visit(browser, server.url)
        row.warm_visit_s = min(visit(browser, server.url) for _ in range(WARM_LOADS))
    finally:
        server.stop()


def parse(argv: list[str]) -> tuple[list[tuple[int, int]], bool]:
    """Sizes (``ROWS:LINKS``) and whether to run the browser."""
    browser = "--no-browser" not in argv
    sizes = [tuple(int(n) for n in a.split(":")) for a in argv if not a.startswith("--")]
    return (sizes or list(SIZES)), browser


def main(argv: list[str]) -> None:
    """Measure each size and print a Markdown table."""
    sizes, with_browser = parse(argv)
    rows = []
    for organisations, links in sizes:
        print(f"measuring {organisations:,} / {links:,}…", file=sys.stderr, flush=True)
        rows.append(measure(organisations, links))
    if with_browser:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for row, (organisations, links) in zip(rows, sizes, strict=True):
                measure_browser(browser, row, organisations, links)
            browser.close()
    print(
        f"\n{platform.machine()}, Python {platform.python_version()}, best of {REPEATS} "
        f"(browser: first visit, best of {WARM_LOADS} later ones)\n"
    )
    print(
        "| organisations | links | drawn | check links (s) | choose view (s) | layout (s) "
        "| payload (s) | payload KB | page metrics (s) | whole-view metrics (s) | GEXF (s) "
        "| GEXF MB | browser first (s) | browser warm (s) |"
    )
    print("|" + "---:|" * 14)
    for r in rows:
        first = f"{r.first_visit_s:.2f}" if r.first_visit_s is not None else ""
        warm = f"{r.warm_visit_s:.2f}" if r.warm_visit_s is not None else ""
        print(
            f"| {r.organisations:,} | {r.links:,} | {r.drawn:,} | {r.check_s:.3f} "
            f"| {r.view_s:.3f} | {r.layout_s:.2f} | {r.payload_s:.2f} | {r.payload_kb:,.0f} "
            f"| {r.page_metrics_s:.2f} | {r.full_metrics_s:.2f} | {r.gexf_s:.2f} "
            f"| {r.gexf_mb:.1f} | {first} | {warm} |"
        )


if __name__ == "__main__":
    main(sys.argv[1:])
