"""Every kind of link on every page opens the address it shows, clicked in a real browser.

The browser is offline: a link to another site opens a tab whose request the
guard catches, and that request's address is what the test checks (a Markdown
escape once turned ``mcconnellfoundation.ca`` into ``mcconnellfoundation%5C.ca``).
Links inside the app (a page's "show it on the map") must land on that page.
"""

from __future__ import annotations

import io

import pytest
from PIL import Image

from mapping import network
from tests.e2e.conftest import screenshot
from tests.e2e.test_browser import LOAD_TIMEOUT_MS, map_frame, wait_for_url
from tests.e2e.test_network_browser import graph_frame

pytestmark = pytest.mark.e2e

ORG = "mcconnell-foundation"
LINKED = "tamarack-institute"


@pytest.fixture(scope="module")
def expected(organisations):
    """The McConnell Foundation's website and the sources of its links to Tamarack."""
    links = network.load_relationships(organisations=organisations)
    row = organisations.loc[organisations["id"] == ORG].iloc[0]
    mine = links[
        ((links["source_id"] == ORG) & (links["target_id"] == LINKED))
        | ((links["source_id"] == LINKED) & (links["target_id"] == ORG))
    ]
    assert len(mine) > 0
    assert "\\" not in row["website"]
    return {"website": row["website"], "sources": set(mine["source"]), "name": row["name"]}


def follow(page, guard, link) -> str:
    """Click ``link`` (it opens a new tab) and return the address the tab asked for."""
    before = len(guard.blocked)
    with page.context.expect_page(timeout=LOAD_TIMEOUT_MS) as info:
        link.click()
    tab = info.value
    tab.wait_for_load_state()
    asked = guard.blocked[before:]
    tab.close()
    assert len(asked) == 1, asked
    return asked[0]


def check_details_links(page, guard, details, reasons: str, expected: dict) -> None:
    """Follow the website and every source link in an organisation's details."""
    website = details.get_by_role("link", name=expected["website"])
    website.wait_for(timeout=LOAD_TIMEOUT_MS)
    # The address is shown as it is, and the link goes there (no Markdown escapes).
    assert website.inner_text() == expected["website"]
    assert follow(page, guard, website) == expected["website"]
    sources = details.locator(f"{reasons} a")
    followed = {follow(page, guard, sources.nth(i)) for i in range(sources.count())}
    assert followed == expected["sources"]


def test_links_in_the_maps_details(page, guard, app_server, expected):
    page.goto(f"{app_server.url}/?linked={LINKED}&role=funding&org={ORG}")
    frame = map_frame(page)
    popup = frame.locator(".leaflet-popup-content")
    popup.wait_for(timeout=LOAD_TIMEOUT_MS)
    check_details_links(page, guard, popup, ".atlas-links-reasons", expected)
    screenshot(page, "links-map")
    # "These organisations as a list" leads to the Data page of the same view.
    page.get_by_role("link", name="These organisations as a list").click()
    page.locator('[data-testid="stDataFrame"]').first.wait_for(timeout=LOAD_TIMEOUT_MS)
    assert "/data" in page.url
    wait_for_url(page, linked=LINKED, role="funding")


def click_link_cell(page, guard, grid) -> str:
    """Click the first link drawn in the Data table (a canvas: found by its link colour)."""
    grid.hover()
    page.mouse.wheel(4000, 0)  # scroll the table to its last columns, where the website is
    grid.locator("canvas").first.wait_for(timeout=LOAD_TIMEOUT_MS)
    image = Image.open(io.BytesIO(grid.screenshot())).convert("RGB")
    box = grid.bounding_box()
    scale = image.width / box["width"]
    header = int(36 * scale)
    for y in range(header, min(image.height, header + int(34 * scale))):
        for x in range(image.width):
            red, _green, blue = image.getpixel((x, y))
            if blue > 150 and red < 120 and blue - red > 70:  # link blue, not black or grey
                spot = (box["x"] + x / scale + 6, box["y"] + y / scale)
                page.mouse.move(*spot)  # a link cell opens its link once hovered
                before = len(guard.blocked)
                with page.context.expect_page(timeout=LOAD_TIMEOUT_MS) as info:
                    page.mouse.click(*spot)
                tab = info.value
                tab.wait_for_load_state()
                tab.close()
                return guard.blocked[before]
    raise AssertionError("no link drawn in the table's first row")


def test_links_on_the_data_page(page, guard, app_server, expected):
    page.goto(f"{app_server.url}/data?linked={LINKED}&q=McConnell%20Family")
    grid = page.locator('[data-testid="stDataFrame"]').first
    grid.wait_for(timeout=LOAD_TIMEOUT_MS)
    assert click_link_cell(page, guard, grid) == expected["website"]
    picker = page.locator('[data-testid="stMain"] [data-testid="stSelectbox"]').first
    picker.locator("input").click()
    page.get_by_role("option", name=expected["name"]).click()
    details = page.locator(".st-key-atlas_details")
    check_details_links(page, guard, details, ".atlas-details-reasons", expected)
    screenshot(page, "links-data")
    # "Show it on the map" opens the map with its details.
    page.get_by_role("link", name="Show it on the map").click()
    frame = map_frame(page)
    frame.locator(".leaflet-popup-content", has_text=expected["name"]).wait_for(
        timeout=LOAD_TIMEOUT_MS
    )
    wait_for_url(page, org=ORG)


def test_links_in_the_graphs_details(page, guard, app_server, expected):
    page.goto(f"{app_server.url}/network?linked={LINKED}&role=funding&country=CA")
    _element, frame = graph_frame(page)
    frame.locator(".atlas-network-list select").select_option(label=expected["name"])
    panel = frame.locator(".atlas-network-panel")
    check_details_links(page, guard, panel, ".atlas-links-reasons", expected)
    screenshot(page, "links-network")
