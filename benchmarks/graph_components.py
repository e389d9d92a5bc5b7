"""Graph component benchmark: which way of drawing the Network page holds up offline?

Run from the project root, with the candidates installed next to the app's
requirements (they are not dependencies of the app)::

    pip install st-cytoscape streamlit-agraph streamlit-cytoscape
    python -m benchmarks.graph_components            # 2,000 nodes, 6,000 links
    python -m benchmarks.graph_components 500 1500

Each candidate draws the same synthetic graph (fixed positions, so no layout
algorithm is timed) in a one-page Streamlit app, in Debian's Chromium with
every non-loopback request blocked. One node's label and tooltip are a hostile
payload (``<img src=x onerror=...>``). For each candidate the table gives the
JavaScript it ships, the requests it tried to make off the machine, the time
from navigation to a drawn canvas (best of 3), and whether the payload ran
(after loading and after clicking every part of the graph).

The candidates: streamlit-agraph (vis-network), st-cytoscape and
streamlit-cytoscape (Cytoscape.js in React components), and the atlas's own
frame: Cytoscape.js served by the app (``mapping/assets/network.js``).
"""

from __future__ import annotations

import json
import random
import shutil
import sys
import tempfile
import textwrap
import time
from pathlib import Path

import pandas as pd
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import sync_playwright

from mapping import assets, network, network_view
from mapping.data import COLUMNS, organisations_from_table
from tests.e2e.conftest import CHROMIUM, CHROMIUM_ARGS, NetworkGuard
from tests.e2e.servers import start_app

PAYLOAD = '<img src=x onerror="top.__xss=1">'
RUNS = 3
TIMEOUT_MS = 120_000
# The iframe in which a canvas has been drawn, or null.
DRAWN_FRAME = (
    "() => [...document.querySelectorAll('iframe')].find(f => { try {"
    " return [...f.contentDocument.querySelectorAll('canvas')].some(c => c.width > 0);"
    " } catch (e) { return false; } }) || null"
)


def graph(nodes: int, links: int) -> dict:
    """A reproducible random graph with positions; node 0 carries the payload."""
    rng = random.Random(20261201)
    return {
        "nodes": [
            {
                "id": f"n{i}",
                "label": PAYLOAD if i == 0 else f"Organisation {i}",
                "x": rng.uniform(-1500, 1500),
                "y": rng.uniform(-1500, 1500),
            }
            for i in range(nodes)
        ],
        "edges": [
            {
                "id": f"e{j}",
                "source": f"n{rng.randrange(nodes)}",
                "target": f"n{rng.randrange(nodes)}",
            }
            for j in range(links)
        ],
    }


APPS = {
    "streamlit-agraph (vis-network)": """
        from streamlit_agraph import agraph, Node, Edge, Config
        nodes = [Node(id=n["id"], label=n["label"], title=n["label"], x=n["x"], y=n["y"], size=8)
                 for n in DATA["nodes"]]
        edges = [Edge(source=e["source"], target=e["target"]) for e in DATA["edges"]]
        agraph(nodes=nodes, edges=edges, config=Config(width=1200, height=700, physics=False))
    """,
    "st-cytoscape": """
        from st_cytoscape import cytoscape
        elements = [{"data": {"id": n["id"], "label": n["label"]},
                     "position": {"x": n["x"], "y": n["y"]}} for n in DATA["nodes"]]
        elements += [{"data": e} for e in DATA["edges"]]
        cytoscape(elements, [{"selector": "node", "style": {"label": "data(label)"}}],
                  height="700px", layout={"name": "preset"})
    """,
    "streamlit-cytoscape": """
        from streamlit_cytoscape import streamlit_cytoscape, NodeStyle
        elements = {"nodes": [{"data": {"id": n["id"], "label": "org", "name": n["label"]},
                               "position": {"x": n["x"], "y": n["y"]}} for n in DATA["nodes"]],
                    "edges": [{"data": {**e, "label": "link"}} for e in DATA["edges"]]}
        streamlit_cytoscape(elements, layout={"name": "preset"},
                            node_styles=[NodeStyle("org", "#0072B2", "name")], height=700)
    """,
    "atlas frame (Cytoscape.js served by the app)": """
        from pathlib import Path
        from benchmarks.graph_components import atlas_payload
        from mapping import assets
        from mapping.ui.network_page import graph_component
        import streamlit as st
        assets.install_static_assets(Path("static"))  # what the atlas's pages do at start
        # The app lays a view out once and shares it (network_page._shared_payload).
        payload = st.cache_resource(lambda: atlas_payload(DATA))()
        graph_component()(data=payload, view="bench", lang="en", dir="ltr",
                          height=700, key="graph", default=None)
    """,
}


def atlas_payload(data: dict) -> dict:
    """The Network page's payload for ``data``: its nodes as organisations, at its positions."""
    table = pd.DataFrame(
        {
            "id": [node["id"] for node in data["nodes"]],
            "name": [node["label"] for node in data["nodes"]],
            "roles": "operating",
            "country_code": "US",
            "latitude": "40",
            "longitude": "-75",
        }
    ).reindex(columns=list(COLUMNS), fill_value="")
    organisations = organisations_from_table(table.astype(str), source="benchmark")
    links = pd.DataFrame(
        {
            "source_id": [edge["source"] for edge in data["edges"]],
            "target_id": [edge["target"] for edge in data["edges"]],
            "relation": "partners_with",
        }
    ).reindex(columns=list(network.LINK_COLUMNS))
    view = network_view.GraphView(organisations, links, len(organisations), 0)
    payload = network_view.graph_payload(view)
    order = {node["id"]: node for node in data["nodes"]}
    payload["x"] = [order[i]["x"] for i in payload["org"]["ids"]]
    payload["y"] = [order[i]["y"] for i in payload["org"]["ids"]]
    return payload


def write_app(folder: Path, body: str, data: dict) -> Path:
    """A one-page app drawing ``data`` with one candidate."""
    script = folder / "app.py"
    code = "import json, sys\n"
    code += f"sys.path.insert(0, {str(Path(__file__).resolve().parent.parent)!r})\n"
    code += f"DATA = json.loads({json.dumps(json.dumps(data))})\n"
    script.write_text(code + textwrap.dedent(body), encoding="utf-8")
    return script


def shipped_js(candidate: str) -> int:
    """Bytes of JavaScript the candidate's package (or the atlas's assets) ships."""
    if candidate.startswith("atlas"):
        return sum(a.source.stat().st_size for a in assets.NETWORK_SCRIPTS)
    module = {
        "streamlit-agraph": "streamlit_agraph",
        "st-cytoscape": "st_cytoscape",
        "streamlit-cytoscape": "streamlit_cytoscape",
    }[candidate.split(" ")[0]]
    package = Path(__import__(module).__file__).parent
    return sum(p.stat().st_size for p in package.rglob("*.js") if "build" in p.parts)


def measure(browser, url: str) -> tuple[float, int, bool]:
    """Best time to a drawn canvas, requests blocked, and whether the payload ran."""
    times, blocked, fired = [], 0, False
    for _ in range(RUNS):
        guard = NetworkGuard()
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        context.route("**/*", guard.route)
        page = context.new_page()
        start = time.perf_counter()
        page.goto(url)
        page.wait_for_function(f"() => ({DRAWN_FRAME})() !== null", timeout=TIMEOUT_MS)
        times.append(time.perf_counter() - start)
        frame = page.evaluate_handle(DRAWN_FRAME).as_element().bounding_box()
        for dx in range(1, 10):
            for dy in range(1, 8):
                page.mouse.click(
                    frame["x"] + frame["width"] * dx / 10, frame["y"] + frame["height"] * dy / 8
                )
        fired = fired or bool(page.evaluate("() => window.__xss === 1"))
        blocked += len(guard.blocked)
        context.close()
    return min(times), blocked, fired


def main(argv: list[str]) -> None:
    """Measure every candidate that is installed and print a Markdown table."""
    nodes, links = (int(argv[0]), int(argv[1])) if len(argv) == 2 else (2_000, 6_000)
    data = graph(nodes, links)
    rows = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for candidate, body in APPS.items():
            folder = Path(tempfile.mkdtemp(prefix="graph-bench-"))
            try:
                write_app(folder, body, data)
                shutil.copytree(
                    Path(__file__).resolve().parent.parent / ".streamlit", folder / ".streamlit"
                )
                (folder / "static").mkdir()
                server = start_app(name="graph-bench", cwd=folder)
                try:
                    best, blocked, fired = measure(browser, server.url)
                finally:
                    server.stop()
                rows.append((candidate, shipped_js(candidate), blocked, best, fired))
            except (ImportError, RuntimeError, PlaywrightTimeout) as error:
                rows.append((candidate, 0, -1, float("nan"), None))
                print(f"{candidate}: {error}", file=sys.stderr)
            finally:
                shutil.rmtree(folder, ignore_errors=True)
        browser.close()
    print(f"\n{nodes:,} nodes, {links:,} links; best of {RUNS} loads\n")
    print("| component | JS shipped (KB) | requests off the machine | drawn (s) | payload ran |")
    print("|---|---:|---:|---:|---|")
    for candidate, size, blocked, best, fired in rows:
        print(
            f"| {candidate} | {size / 1000:,.0f} | {blocked} | {best:.2f} | "
            f"{'n/a' if fired is None else 'YES' if fired else 'no'} |"
        )


if __name__ == "__main__":
    main(sys.argv[1:])
