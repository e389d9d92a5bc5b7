"""Scale benchmark: the atlas map against naive folium, at 1k to 1M organisations.

Run from the project root::

    python -m benchmarks.run            # 1k, 10k, 100k, 1M
    python -m benchmarks.run 1000 10000 # chosen sizes

For each size it prints load time, filter time, map build time, the time to
produce what ``st_folium`` sends (``generate_leaflet_string``), payload bytes
per organisation, and, at up to 10k rows, the naive approach (one
``CircleMarker`` with a details ``Popup`` per row inside a ``MarkerCluster``)
measured in the same run, with the ratios. A benchmark, not a timed test:
absolute numbers depend on the machine, ratios much less.
"""

from __future__ import annotations

import platform
import sys
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import folium
from folium.plugins import MarkerCluster
from streamlit_folium import generate_leaflet_string

from benchmarks.synthetic import synthetic_file
from mapping import maps
from mapping.data import load_organisations
from mapping.filters import Filters
from mapping.safety import escape_html, script_json

SIZES = (1_000, 10_000, 100_000, 1_000_000)
NAIVE_UP_TO = 10_000
FILTERS = Filters(roles=("operating", "funding", "knowledge", "consulting"))  # matches every row
REPEATS = 3


@dataclass
class Row:
    """One benchmark line."""

    rows: int
    load_s: float
    filter_s: float
    build_s: float
    leaflet_s: float
    payload_bytes_per_org: float
    page_bytes: int
    naive_s: float | None = None
    naive_bytes: int | None = None

    @property
    def total_s(self) -> float:
        """Filter + build + leaflet string: what a rerun costs on the map page."""
        return self.filter_s + self.build_s + self.leaflet_s


def best_of(function, repeats: int = REPEATS) -> tuple[float, object]:
    """Return the fastest wall time of ``repeats`` calls and the last result."""
    best, result = float("inf"), None
    for _ in range(repeats):
        start = time.perf_counter()
        result = function()
        best = min(best, time.perf_counter() - start)
    return best, result


def at_once(work: Sequence[Callable[[], object]]) -> float:
    """Run each callable in its own thread, all released together; return the wall time
    from their release until the last one ends (thread start-up not counted)."""
    release = threading.Barrier(len(work) + 1)

    def released(call: Callable[[], object]) -> None:
        release.wait()
        call()

    threads = [threading.Thread(target=released, args=(call,)) for call in work]
    for thread in threads:
        thread.start()
    release.wait()
    start = time.perf_counter()
    for thread in threads:
        thread.join()
    return time.perf_counter() - start


def naive_map(gdf) -> folium.Map:
    """The usual folium approach: a CircleMarker and an HTML Popup per organisation."""
    atlas = folium.Map(location=(20, 0), zoom_start=2, tiles=None)
    cluster = MarkerCluster().add_to(atlas)
    for row in gdf.itertuples():
        details = (
            f"<b>{escape_html(row.name)}</b><br>{escape_html(', '.join(row.roles))}<br>"
            f"{escape_html(row.org_type)} · {escape_html(', '.join(row.domains))}<br>"
            f"{escape_html(row.city)}, {escape_html(row.country_code)}<br>"
            f"{escape_html(row.description)}<br><a href='{escape_html(row.website)}'>website</a>"
        )
        folium.CircleMarker(
            (row.latitude, row.longitude), radius=6, popup=folium.Popup(details, max_width=300)
        ).add_to(cluster)
    return atlas


def measure(rows: int) -> Row:
    """Benchmark one dataset size."""
    path = synthetic_file(rows)
    start = time.perf_counter()
    gdf = load_organisations(path)
    load_s = time.perf_counter() - start
    filter_s, shown = best_of(lambda: FILTERS.apply(gdf))
    build_s, atlas = best_of(lambda: maps.build_map(shown))
    leaflet_s, script = best_of(lambda: generate_leaflet_string(atlas))
    payload = len(script_json(maps.organisations_payload(shown, details=False)).encode("utf-8"))
    result = Row(rows, load_s, filter_s, build_s, leaflet_s, payload / rows, len(script.encode()))
    if rows <= NAIVE_UP_TO:
        naive_s, naive_script = best_of(
            lambda: generate_leaflet_string(naive_map(FILTERS.apply(gdf))), repeats=1
        )
        result.naive_s, result.naive_bytes = naive_s, len(naive_script.encode())
    return result


def table(results: list[Row]) -> str:
    """Render the results as a Markdown table."""
    lines = [
        "| organisations | load (s) | filter (s) | build_map (s) | leaflet string (s) "
        "| filter+build+string (s) | payload B/org | page MB | naive (s) | naive MB "
        "| faster | smaller |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        naive = (
            (
                f"{r.naive_s:.2f}",
                f"{r.naive_bytes / 1e6:.1f}",
                f"{r.naive_s / r.total_s:.0f}×",
                f"{r.naive_bytes / r.page_bytes:.0f}×",
            )
            if r.naive_s is not None
            else ("", "", "", "")
        )
        lines.append(
            f"| {r.rows:,} | {r.load_s:.2f} | {r.filter_s:.3f} | {r.build_s:.3f} | "
            f"{r.leaflet_s:.3f} | {r.total_s:.3f} | {r.payload_bytes_per_org:.1f} | "
            f"{r.page_bytes / 1e6:.2f} | " + " | ".join(naive) + " |"
        )
    return "\n".join(lines)


def main(argv: list[str]) -> None:
    """Run the benchmark for the sizes given (default ``SIZES``) and print the table."""
    sizes = [int(a) for a in argv] or list(SIZES)
    results = []
    for rows in sizes:
        print(f"measuring {rows:,} organisations…", file=sys.stderr, flush=True)
        results.append(measure(rows))
    print(
        f"Machine: {platform.machine()}, {platform.processor() or 'CPU'}, "
        f"Python {platform.python_version()}, best of {REPEATS}"
    )
    print(table(results))


if __name__ == "__main__":
    main(sys.argv[1:])
