"""The network in a real browser, offline: the graph, its details, and links on the map."""

from __future__ import annotations

import re

import networkx as nx
import pytest

from mapping import network, network_view
from mapping.i18n import t
from tests.e2e.conftest import screenshot
from tests.e2e.test_browser import (
    INJECTED_JS,
    LOAD_TIMEOUT_MS,
    PAYLOADS,
    map_frame,
    wait_for_url,
)

pytestmark = pytest.mark.e2e

GRAPH_FRAME = 'iframe[title*="etwork"], iframe[title*="רשת"]'
# Every organisation of the view: drawn in the graph, or listed as linked to none in it.
DRAWN_AND_LISTED_JS = (
    "(document.querySelector('.atlas-network').atlasGraph.nodes().length"
    " + document.querySelectorAll('.atlas-network-unlinked li').length)"
)
# A hub's label as read: without the direction marks and the line breaks of its wrapping.
HUB_LABELS_JS = (
    "() => Object.fromEntries(document.querySelector('.atlas-network').atlasGraph"
    ".nodes('.hub').map(n => [n.data('org'), [n.data('label').replace(/[\\u200e\\u200f]/g, '')"
    ".replace(/\\n/g, ' '), n.hasClass('crowded')]]))"
)
# The hubs whose names are shown but run past the graph's edges (cut off).
HUBS_CUT_JS = """() => { const cy = document.querySelector('.atlas-network').atlasGraph;
  return cy.nodes('.hub').filter(n => !n.hasClass('crowded')).filter(n => {
    const b = n.renderedBoundingBox({ includeNodes: false, includeEdges: false });
    return b.x1 < 0 || b.y1 < 0 || b.x2 > cy.width() || b.y2 > cy.height();
  }).map(n => n.data('org')); }"""
# Where the graph, the details, the list of the unlinked and the legend are in the frame.
PARTS_JS = """() => Object.fromEntries(['graph', 'side', 'panel', 'unlinked', 'legend']
  .map(part => {
    const b = document.querySelector('.atlas-network-' + part).getBoundingClientRect();
    return [part, { top: b.top, bottom: b.bottom, height: b.height }]; }))"""


def graph_frame(page):
    """The network graph's frame once Cytoscape has drawn in it."""
    element = page.wait_for_selector(GRAPH_FRAME, timeout=LOAD_TIMEOUT_MS)
    frame = element.content_frame()
    frame.wait_for_selector(".atlas-network-graph canvas", timeout=LOAD_TIMEOUT_MS)
    frame.wait_for_function(
        "() => document.querySelector('.atlas-network').atlasGraph !== undefined",
        timeout=LOAD_TIMEOUT_MS,
    )
    return element, frame


def click_node(page, element, frame, index: int) -> None:
    """Click organisation ``index`` where the graph draws it."""
    frame.evaluate(
        "(i) => { const cy = document.querySelector('.atlas-network').atlasGraph;"
        " cy.zoom(1.5); cy.center(cy.$id('n' + i)); }",
        index,
    )
    position = frame.evaluate(
        "(i) => { const cy = document.querySelector('.atlas-network').atlasGraph;"
        " const p = cy.$id('n' + i).renderedPosition();"
        " const box = document.querySelector('.atlas-network-graph').getBoundingClientRect();"
        " return [box.left + p.x, box.top + p.y]; }",
        index,
    )
    box = element.bounding_box()
    page.mouse.click(box["x"] + position[0], box["y"] + position[1])


def test_the_graph_draws_offline_and_a_click_opens_the_details(page, guard, app_server):
    page.goto(f"{app_server.url}/network?country=CA")
    element, frame = graph_frame(page)
    count = frame.evaluate(
        "() => document.querySelector('.atlas-network').atlasGraph.nodes().length"
    )
    assert count > 50
    index = frame.evaluate(
        "() => { const cy = document.querySelector('.atlas-network').atlasGraph;"
        " return cy.nodes().max(n => n.degree()).ele.data('index'); }"
    )
    name, org = frame.evaluate(
        "(i) => { const n = document.querySelector('.atlas-network').atlasGraph.$id('n' + i);"
        " return [n.data('name'), n.data('org')]; }",
        index,
    )
    click_node(page, element, frame, index)
    panel = frame.locator(".atlas-network-panel .atlas-popup-title")
    panel.wait_for(timeout=LOAD_TIMEOUT_MS)
    assert panel.inner_text() == name
    assert frame.locator(".atlas-network-panel .atlas-links-list li").count() > 0
    # The choice is in the address, so the link reopens it.
    wait_for_url(page, org=org, country="CA")
    screenshot(page, "network")
    assert guard.blocked == []


def test_keyboard_and_search_reach_every_organisation(page, guard, app_server):
    page.goto(f"{app_server.url}/network?country=IL")
    _, frame = graph_frame(page)
    search = frame.locator(".atlas-network-search input")
    search.fill("Sheatufim")
    assert frame.locator(".atlas-network-status").inner_text() != ""
    search.press("Enter")
    frame.locator(".atlas-network-panel .atlas-popup-title").wait_for(timeout=LOAD_TIMEOUT_MS)
    assert frame.locator(".atlas-network-panel .atlas-popup-title").inner_text() == "Sheatufim"
    # A linked organisation's button opens its details in turn.
    first = frame.locator(".atlas-network-panel .atlas-links-name").first
    other = first.inner_text()
    first.focus()
    first.press("Enter")
    frame.wait_for_function(
        "(name) => document.querySelector('.atlas-network-panel .atlas-popup-title')"
        ".textContent === name",
        arg=other,
        timeout=LOAD_TIMEOUT_MS,
    )
    # The list names every organisation of the graph and opens any of them.
    options = frame.locator(".atlas-network-list select option")
    assert options.count() == frame.evaluate(f"() => {DRAWN_AND_LISTED_JS} + 1")
    assert guard.blocked == []


def test_an_organisations_links_show_on_the_map(page, guard, app_server, organisations):
    links = network.load_relationships(organisations=organisations)
    org = "tamarack-institute"
    # One line per link (an organisation may be linked to it twice, say funds and founded).
    touching = links[(links["source_id"] == org) | (links["target_id"] == org)]
    page.goto(f"{app_server.url}/?org={org}")
    frame = map_frame(page)
    popup = frame.locator(".leaflet-popup-content")
    popup.wait_for(timeout=LOAD_TIMEOUT_MS)
    assert "Linked organisations" in popup.inner_text()
    frame.wait_for_function(
        "(n) => document.querySelectorAll('path.atlas-link-line').length === n",
        arg=len(touching),
        timeout=LOAD_TIMEOUT_MS,
    )
    screenshot(page, "map-links")
    # A linked organisation opens its own details (and its own lines).
    button = popup.locator(".atlas-links-name").first
    name = button.inner_text()
    button.click()
    frame.wait_for_function(
        "(name) => { const t = document.querySelector('.leaflet-popup-content .atlas-popup-title');"
        " return t && t.textContent === name; }",
        arg=name,
        timeout=LOAD_TIMEOUT_MS,
    )
    assert guard.blocked == []


def test_hostile_names_in_the_graph_fire_nothing(page, guard, hostile_server):
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(f"{hostile_server.url}/network")
    _, frame = graph_frame(page)
    select = frame.locator(".atlas-network-list select")
    for index in range(len(PAYLOADS)):
        select.select_option(str(index))
        title = frame.locator(".atlas-network-panel .atlas-popup-title")
        title.wait_for(timeout=LOAD_TIMEOUT_MS)
        assert re.search(r"#\d", title.inner_text())  # shown as text
        assert frame.evaluate(INJECTED_JS) == 0
        assert (
            frame.evaluate(
                "() => document.querySelectorAll('.atlas-network img, .atlas-network svg,"
                " .atlas-network script').length"
            )
            == 0
        )
    frame.locator(".atlas-network-search input").fill(PAYLOADS[0])
    assert page.evaluate(INJECTED_JS) == 0
    screenshot(page, "hostile-network")
    assert dialogs == []
    assert guard.blocked == []


def download(page, name: str) -> tuple[str, bytes]:
    """Click the download button ``name``; return the file's name and bytes."""
    with page.expect_download(timeout=LOAD_TIMEOUT_MS) as download_info:
        page.get_by_role("button", name=name, exact=True).click()
    return download_info.value.suggested_filename, download_info.value.path().read_bytes()


def test_the_views_links_download_as_csv_gexf_and_graphml(page, guard, app_server, tmp_path):
    page.goto(f"{app_server.url}/network?country=IL")
    _element, frame = graph_frame(page)
    drawn = frame.evaluate(f"() => {DRAWN_AND_LISTED_JS}")
    name, links_csv = download(page, "Links (CSV)")
    assert name == "atlas_IL_links.csv"  # the files say what the view holds
    name, gexf = download(page, "Graph for Gephi (GEXF)")
    assert name == "atlas_IL_network.gexf"
    name, graphml = download(page, "Graph (GraphML)")
    assert name == "atlas_IL_network.graphml"
    (tmp_path / "view.gexf").write_bytes(gexf)
    (tmp_path / "view.graphml").write_bytes(graphml)
    from_gexf = nx.read_gexf(tmp_path / "view.gexf")
    from_graphml = nx.read_graphml(tmp_path / "view.graphml")
    assert from_gexf.number_of_nodes() == from_graphml.number_of_nodes() == drawn
    rows = links_csv.decode("utf-8-sig").strip().splitlines()[1:]
    assert from_gexf.number_of_edges() == from_graphml.number_of_edges() == len(rows) > 0
    # The Data page offers the same links of the same view.
    page.goto(f"{app_server.url}/data?country=IL")
    assert download(page, "Links (CSV)") == ("atlas_IL_links.csv", links_csv)
    assert guard.blocked == []


@pytest.mark.parametrize("lang", ["en", "he"])
def test_a_researcher_reads_how_complete_a_network_is(page, guard, app_server, lang):
    # "How many StriveTogether communities are there?": the network's view says how much of
    # its roster the atlas holds, and the page ends with every network's coverage and notes.
    page.goto(f"{app_server.url}/network?network=strivetogether&lang={lang}")
    held = network.coverage(network.networks_table(), network.load_relationships())
    strive = held.set_index("organisation_id").loc["strivetogether"]
    sentence = network.coverage_message({**strive, "organisation_id": "strivetogether"})
    page.get_by_text(t("network.coverage_heading", lang), exact=True).wait_for(
        timeout=LOAD_TIMEOUT_MS
    )
    # The sentence's values are bidi-isolated on screen; its words are the catalogue's.
    texts = page.locator('[data-testid="stCaptionContainer"]').all_inner_texts()
    plain = [text.replace("\u2068", "").replace("\u2069", "") for text in texts]
    assert sentence.render(lang) in plain, plain
    page.get_by_text(t("network.coverage_notes", lang), exact=True).click()
    note = page.get_by_text("Boone County Cradle to Career Alliance, dissolved in 2023")
    note.first.wait_for(timeout=LOAD_TIMEOUT_MS)
    screenshot(page, f"network-coverage-{lang}")
    assert guard.blocked == []


@pytest.mark.parametrize("lang", ["en", "he"])
def test_the_whole_field_reads_at_first_sight(page, guard, app_server, organisations, lang):
    # The first view: the hubs named in full (every named network's organisation, FSG and
    # the Forum), the organisations linked to none summarised beside the graph, and a
    # network's details saying how complete it is.
    links = network.load_relationships(organisations=organisations)
    coverage = network.coverage(network.networks_table(organisations=organisations), links)
    view = network_view.graph_view(organisations, organisations, links)
    payload = network_view.graph_payload(view, lang, coverage=coverage)
    ids, names = payload["org"]["ids"], payload["org"]["name"]
    page.goto(f"{app_server.url}/network?lang={lang}")
    _element, frame = graph_frame(page)
    labels = frame.evaluate(HUB_LABELS_JS)
    expected = {ids[i]: names[i] for i in payload["hubs"]}
    assert {org: label for org, (label, _crowded) in labels.items()} == expected
    assert not any("…" in label for label, _crowded in labels.values())
    # Where two names would overlap, one waits for a closer zoom; these never do here.
    for org in ("fsg", "collective-impact-forum", "strivetogether"):
        assert labels[org][1] is False, org
    # Every name shown is whole: none runs past the graph's edges.
    assert frame.evaluate(HUBS_CUT_JS) == []
    # The organisations with no link: a count, not a grid; it opens to their names.
    unlinked = frame.locator(".atlas-network-unlinked")
    summary = unlinked.locator("summary")
    assert summary.inner_text() == t("network.unlinked", lang, n=len(payload["unlinked"]))
    assert frame.evaluate(
        "() => document.querySelector('.atlas-network').atlasGraph.nodes().length"
    ) == len(ids) - len(payload["unlinked"])
    summary.click()
    first = unlinked.locator("button").first
    assert first.inner_text() == names[payload["unlinked"][0]]
    first.click()
    title = frame.locator(".atlas-network-panel .atlas-popup-title")
    frame.wait_for_function(
        "(name) => { const t = document.querySelector('.atlas-network-panel .atlas-popup-title');"
        " return t && t.textContent === name; }",
        arg=names[payload["unlinked"][0]],
        timeout=LOAD_TIMEOUT_MS,
    )
    # A network's details say how complete it is, with its roster's page.
    frame.locator(".atlas-network-list select").select_option(str(ids.index("strivetogether")))
    section = frame.locator(".atlas-network-panel .atlas-network-coverage")
    section.wait_for(timeout=LOAD_TIMEOUT_MS)
    row = coverage.set_index("organisation_id").loc["strivetogether"]
    sentence = network.coverage_message({**row, "organisation_id": "strivetogether"})
    assert sentence.render(lang, isolate=True) in section.inner_text()
    assert section.locator("a").get_attribute("href") == row["roster_source"]
    assert title.inner_text() == names[ids.index("strivetogether")]
    screenshot(page, f"network-first-sight-{lang}")
    assert guard.blocked == []


@pytest.mark.parametrize("lang", ["en", "he"])
def test_on_a_phone_the_details_and_the_list_scroll_above_the_legend(
    browser, guard, app_server, lang
):
    # On a phone the details and the list of the unlinked sit under the graph: a network's
    # details and the opened list scroll in their share of the frame, and the graph keeps
    # its size.
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True
    )
    context.route("**/*", guard.route)
    page = context.new_page()
    try:
        page.goto(f"{app_server.url}/network?org=strivetogether&lang={lang}")
        element, frame = graph_frame(page)
        frame.locator(".atlas-network-panel .atlas-network-coverage").wait_for(
            timeout=LOAD_TIMEOUT_MS
        )
        before = frame.evaluate(PARTS_JS)
        frame.locator(".atlas-network-unlinked summary").click()
        frame.locator(".atlas-network-unlinked button").first.wait_for(timeout=LOAD_TIMEOUT_MS)
        parts = frame.evaluate(PARTS_JS)
        assert parts["graph"] == before["graph"]
        assert parts["graph"]["bottom"] <= parts["side"]["top"], parts
        assert parts["side"]["bottom"] <= parts["legend"]["top"], parts
        for inside in ("panel", "unlinked"):
            assert parts[inside]["bottom"] <= parts["side"]["bottom"] + 0.5, (inside, parts)
        # The opened list shows names, not just its summary.
        assert parts["unlinked"]["height"] > before["unlinked"]["height"], parts
        element.scroll_into_view_if_needed()
        screenshot(page, f"network-phone-{lang}")
        assert guard.blocked == []
    finally:
        context.close()
