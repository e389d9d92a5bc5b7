"""Waiting for a page of the app to finish drawing, whatever it draws."""

from __future__ import annotations

LOAD_TIMEOUT_MS = 60_000
MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'
MAP_DRAWN = ".atlas-cluster, path.leaflet-interactive"
GRAPH_FRAME = 'iframe[title*="etwork"], iframe[title*="רשת"]'


def wait_until_drawn(page, key: str) -> None:
    """Wait until page ``key`` ("" for the map) has drawn its map, charts or graph."""
    if key != "present":  # a scene is the map and its caption, full screen
        page.locator("h1").first.wait_for(timeout=LOAD_TIMEOUT_MS)
    if key in ("", "present"):
        page.locator(MAP_FRAME).wait_for(timeout=LOAD_TIMEOUT_MS)
        page.frame_locator(MAP_FRAME).locator(MAP_DRAWN).first.wait_for(timeout=LOAD_TIMEOUT_MS)
    elif key == "charts":
        charts = page.locator('[data-testid="stVegaLiteChart"]')
        charts.nth(5).locator("canvas, svg").first.wait_for(timeout=LOAD_TIMEOUT_MS)
    elif key == "network":
        page.frame_locator(GRAPH_FRAME).locator(".atlas-network-graph canvas").first.wait_for(
            timeout=LOAD_TIMEOUT_MS
        )
    elif key == "data":
        page.locator('[data-testid="stDataFrame"]').first.wait_for(timeout=LOAD_TIMEOUT_MS)
    elif key == "contribute":
        page.locator('[data-testid="stButton"] button').last.wait_for(timeout=LOAD_TIMEOUT_MS)
    # Streamlit finishes the run after the last element arrives; until then it fades
    # the elements of the previous run (data-stale), which would fail a contrast check.
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')"
        " && !document.querySelector('[data-stale=\"true\"]')",
        timeout=LOAD_TIMEOUT_MS,
    )
    page.wait_for_timeout(500)
