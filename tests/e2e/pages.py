"""Waiting for a page of the app to finish drawing, whatever it draws: on conditions, never time.

What "finished" means in Streamlit's page, measured (2026-12-07, Streamlit 1.67):

- the script run is over: ``stApp`` carries ``data-test-script-state="notRunning"``
  (``"initial"`` before the first run; the running-man status widget, which an
  earlier version of these helpers waited on, appears only after a delay, so
  its absence proves nothing at the start of a run);
- every element is drawn: Streamlit loads an element's code on first use and
  shows a skeleton (``stSkeleton``) meanwhile; on the About page the sidebar
  held 20 skeletons for 1.4 s *after* the run had finished, a scrollable region
  with nothing focusable in it, which axe reported as
  ``scrollable-region-focusable`` whenever the audit won that race;
- no element is left from the previous run (``data-stale``, faded, which a
  contrast check would fail).
"""

from __future__ import annotations

LOAD_TIMEOUT_MS = 60_000
MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'
MAP_DRAWN = ".atlas-cluster, path.leaflet-interactive"
GRAPH_FRAME = 'iframe[title*="etwork"], iframe[title*="רשת"]'
CHART = '[data-testid="stVegaLiteChart"]'
# The charts page: five charts of the view, and 2015 against today.
CHARTS_ON_THE_CHARTS_PAGE = 6
SETTLED_JS = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  return !!app && app.getAttribute('data-test-script-state') === 'notRunning'
    && !document.querySelector('[data-testid="stSkeleton"]')
    && !document.querySelector('[data-stale="true"]');
}"""
# Every chart has drawn its canvas or SVG (vega-embed draws after the element mounts).
CHARTS_DRAWN_JS = """(selector) => [...document.querySelectorAll(selector)]
  .every(chart => chart.querySelector('canvas, svg'))"""


def wait_until_settled(page) -> None:
    """Wait until the script run is over and every element it sent is drawn."""
    page.wait_for_function(SETTLED_JS, timeout=LOAD_TIMEOUT_MS)


def wait_until_drawn(page, key: str) -> None:
    """Wait until page ``key`` ("" for the map) has drawn its map, charts or graph, and settled."""
    if key != "present":  # a scene is the map and its caption, full screen
        page.locator("h1").first.wait_for(timeout=LOAD_TIMEOUT_MS)
    if key in ("", "present"):
        page.locator(MAP_FRAME).wait_for(timeout=LOAD_TIMEOUT_MS)
        page.frame_locator(MAP_FRAME).locator(MAP_DRAWN).first.wait_for(timeout=LOAD_TIMEOUT_MS)
    elif key == "network":
        page.frame_locator(GRAPH_FRAME).locator(".atlas-network-graph canvas").first.wait_for(
            timeout=LOAD_TIMEOUT_MS
        )
    elif key == "data":
        page.locator('[data-testid="stDataFrame"]').first.wait_for(timeout=LOAD_TIMEOUT_MS)
    wait_until_settled(page)
    if key == "charts":
        # Settled, every chart element is on the page: wait for each to draw itself.
        page.wait_for_function(CHARTS_DRAWN_JS, arg=CHART, timeout=LOAD_TIMEOUT_MS)
