"""Accessibility in the browser: axe-core on every page and frame, and the keyboard alone.

axe-core runs in the page and in every frame of it (the map's, the network
graph's), in English and in Hebrew, and must find nothing serious or
critical. The keyboard tests use only keys a keyboard user has (Tab, Enter,
Escape, arrows) to reach organisations on the map, in a cluster, in a list of
organisations at one address, and in the Data table.
"""

from __future__ import annotations

import pytest

from tests.e2e.axe import PAGES, audit, serious
from tests.e2e.conftest import screenshot
from tests.e2e.pages import LOAD_TIMEOUT_MS, MAP_FRAME, wait_until_drawn

pytestmark = pytest.mark.e2e

# Tab stops inside the map before giving up (clusters and markers in view, then controls).
MAX_TABS = 150
ACTIVE_LABEL_JS = (
    "() => (document.activeElement && document.activeElement.getAttribute('aria-label')) || ''"
)


@pytest.mark.parametrize("lang", ["en", "he"])
@pytest.mark.parametrize("key", PAGES, ids=[key or "map" for key in PAGES])
def test_no_serious_or_critical_violation(page, guard, app_server, key, lang):
    page.goto(f"{app_server.url}/{key}?lang={lang}")
    wait_until_drawn(page, key)
    found = audit(page)
    assert serious(found) == [], "\n".join(map(str, serious(found)))
    assert guard.blocked == []


def map_document(page):
    """The map's frame, once its organisations are drawn."""
    page.frame_locator(MAP_FRAME).locator(".atlas-cluster, path.atlas-marker").first.wait_for(
        timeout=LOAD_TIMEOUT_MS
    )
    return next(f for f in page.frames if "streamlit_folium" in f.url)


def tab_to(page, frame, wanted) -> str:
    """Press Tab until the map's focused element's name satisfies ``wanted``; return the name."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        label = frame.evaluate(ACTIVE_LABEL_JS)
        if wanted(label):
            return label
    raise AssertionError("no tab stop in the map matched")


def focus_map(page, frame) -> None:
    """Put the focus on the map itself, as Tab from the page does (its first stop)."""
    frame.locator(".leaflet-container").focus()


def test_a_lone_organisation_opens_and_closes_by_keyboard(page, guard, app_server):
    name = "Hedland Collective"  # Port Hedland, Western Australia: no other organisation near
    page.goto(f"{app_server.url}/?lat=-22&lon=122&zoom=5")
    frame = map_document(page)
    focus_map(page, frame)
    label = tab_to(page, frame, lambda text: text.startswith(name))
    assert label.startswith(f"{name}, ")  # its name, then its primary role
    page.keyboard.press("Enter")
    title = frame.locator(".leaflet-popup .atlas-popup-title")
    title.wait_for(timeout=LOAD_TIMEOUT_MS)
    assert title.inner_text() == name
    # The focus is in the details, which a screen reader reads as a dialog named after it.
    assert frame.evaluate("() => document.activeElement.textContent") == name
    assert frame.locator(".leaflet-popup[role=dialog]").get_attribute("aria-label") == name
    screenshot(page, "keyboard-lone-organisation")
    page.keyboard.press("Escape")
    frame.locator(".leaflet-popup").wait_for(state="detached", timeout=LOAD_TIMEOUT_MS)
    assert frame.evaluate(ACTIVE_LABEL_JS).startswith(name)  # back where it was
    assert guard.blocked == []


def test_organisations_at_one_address_in_tasmania_open_from_their_list(page, guard, app_server):
    # Burnie City Council and Burnie Works share an address in Burnie, Tasmania.
    page.goto(f"{app_server.url}/?lat=-41.5&lon=146&zoom=7")
    frame = map_document(page)
    focus_map(page, frame)
    tab_to(page, frame, lambda text: text.startswith("2 "))
    page.keyboard.press("Enter")
    names = frame.locator(".leaflet-popup .atlas-popup-names a")
    names.first.wait_for(timeout=LOAD_TIMEOUT_MS)
    assert sorted(names.all_inner_texts()) == ["Burnie City Council", "Burnie Works"]
    for _ in range(4):
        page.keyboard.press("Tab")
        if frame.evaluate("() => document.activeElement.textContent") == "Burnie Works":
            break
    page.keyboard.press("Enter")
    title = frame.locator(".leaflet-popup .atlas-popup-title")
    title.filter(has_text="Burnie Works").wait_for(timeout=LOAD_TIMEOUT_MS)
    page.keyboard.press("Escape")
    frame.locator(".leaflet-popup").wait_for(state="detached", timeout=LOAD_TIMEOUT_MS)
    assert guard.blocked == []


NEAREST_STOP_JS = """([lat, lon]) => {
  const target = window.map.latLngToContainerPoint([lat, lon]);
  const origin = window.map.getContainer().getBoundingClientRect();
  let best = null, distance = Infinity;
  document.querySelectorAll('.atlas-cluster, path.atlas-marker').forEach(element => {
    const box = element.getBoundingClientRect();
    const x = box.x - origin.x + box.width / 2, y = box.y - origin.y + box.height / 2;
    const d = Math.hypot(x - target.x, y - target.y);
    if (d < distance) { distance = d; best = element; }
  });
  const old = document.querySelectorAll('[data-test-target]');
  old.forEach(e => e.removeAttribute('data-test-target'));
  best.setAttribute('data-test-target', '1');  // marks it for the test; keys still do the work
  return best.getAttribute('aria-label');
}"""
WATCH_MOVE_JS = """() => {
  window.__moved = false;
  window.map.once('moveend', () => { window.__moved = true; });
}"""
IS_TARGET_JS = "() => document.activeElement.hasAttribute('data-test-target')"
VIEW_DRAWN_JS = """() => !window.map._animatingZoom
  && !!document.querySelector('.atlas-cluster, path.atlas-marker')"""


def test_an_organisation_inside_a_cluster_is_reached_by_keyboard(
    page, guard, app_server, organisations
):
    # Southern Ontario has many organisations: its clusters open into smaller ones, down to
    # the three at the Laidlaw Foundation's address in Toronto.
    name = "Laidlaw Foundation"
    row = organisations.loc[organisations["name"] == name].iloc[0]
    lat, lon = float(row["latitude"]), float(row["longitude"])
    page.goto(f"{app_server.url}/?lat=44&lon=-79.5&zoom=6")
    frame = map_document(page)
    zooms = 0
    for _ in range(8):
        focus_map(page, frame)
        # A sighted keyboard user picks the cluster over Toronto; the test asks the map which.
        wanted = frame.evaluate(NEAREST_STOP_JS, [lat, lon])
        tab_to(page, frame, lambda text: frame.evaluate(IS_TARGET_JS))
        frame.evaluate(WATCH_MOVE_JS)
        page.keyboard.press("Enter")
        frame.wait_for_function(
            "() => window.__moved || document.querySelector('.leaflet-popup')",
            timeout=LOAD_TIMEOUT_MS,
        )
        if frame.locator(".leaflet-popup").count():
            break  # a list of the organisations at one address, or the details themselves
        zooms += 1
        # The clusters of the new view are drawn on moveend (which has fired): wait for the
        # zoom to be over and the view's stops to be there, not for a time.
        frame.wait_for_function(VIEW_DRAWN_JS, timeout=LOAD_TIMEOUT_MS)
    else:
        raise AssertionError(f"never reached {name}")
    assert zooms, "the clusters opened by zooming in first"
    if not wanted.startswith(name):
        names = frame.locator(".leaflet-popup .atlas-popup-names a")
        assert name in names.all_inner_texts()
        for _ in range(6):  # from the list's title, Tab along the names
            page.keyboard.press("Tab")
            if frame.evaluate("() => document.activeElement.textContent") == name:
                break
        page.keyboard.press("Enter")
    frame.locator(".leaflet-popup .atlas-popup-title").filter(has_text=name).wait_for(
        timeout=LOAD_TIMEOUT_MS
    )
    screenshot(page, "keyboard-cluster")
    assert guard.blocked == []


def test_skip_the_map_moves_past_it(page, guard, app_server):
    page.goto(app_server.url)
    map_document(page)
    skip = page.locator("a.atlas-skip-link")
    skip.focus()
    assert skip.is_visible()  # shown while it has the focus
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.activeElement.id === 'atlas-after-map'")
    assert guard.blocked == []


def test_a_filter_change_is_announced(page, guard, app_server, organisations):
    page.goto(app_server.url)
    map_document(page)
    page.get_by_role("textbox", name="Search names, descriptions, cities").fill("Tamarack")
    page.keyboard.press("Enter")
    live = page.locator("#atlas-live[role=status][aria-live=polite]")
    live.filter(has_text="Tamarack").wait_for(timeout=LOAD_TIMEOUT_MS)
    assert "organisations" in live.inner_text()
    assert guard.blocked == []


def test_an_organisation_opens_from_the_data_page_by_keyboard(page, guard, app_server):
    page.goto(f"{app_server.url}/data")
    wait_until_drawn(page, "data")
    page.locator("h1").first.click()  # start from the page's title, as a reader would
    picker = page.get_by_role("combobox", name="An organisation's details")
    for _ in range(60):
        page.keyboard.press("Tab")
        if picker.evaluate("element => element === document.activeElement"):
            break
    else:
        raise AssertionError("Tab never reached the organisation picker")
    page.keyboard.type("Burnie Works")
    page.keyboard.press("Enter")
    details = page.locator('[data-testid="stHeading"]').filter(has_text="Burnie Works")
    details.wait_for(timeout=LOAD_TIMEOUT_MS)
    assert page.get_by_role("link", name="Show it on the map").is_visible()
    screenshot(page, "keyboard-data-details")
    assert guard.blocked == []


PHONES = {"390x844": (390, 844), "360x640": (360, 640)}
SIDEWAYS_JS = """() => [document.documentElement, document.querySelector('[data-testid="stMain"]')]
  .filter(Boolean).map(e => e.scrollWidth - e.clientWidth)"""


@pytest.mark.parametrize("language", ["en", "he"])
@pytest.mark.parametrize("phone", list(PHONES))
@pytest.mark.parametrize(
    "key", ["", "charts", "data", "network"], ids=["map", "charts", "data", "network"]
)
def test_phones_scroll_only_up_and_down(browser, guard, app_server, key, phone, language):
    width, height = PHONES[phone]
    context = browser.new_context(
        viewport={"width": width, "height": height}, is_mobile=True, has_touch=True
    )
    context.route("**/*", guard.route)
    page = context.new_page()
    try:
        page.goto(f"{app_server.url}/{key}?lang={language}")
        wait_until_drawn(page, key)
        assert max(page.evaluate(SIDEWAYS_JS)) <= 1, "the page scrolls sideways"
        sidebar = page.locator('[data-testid="stSidebar"]')
        assert sidebar.get_attribute("data-collapsed") == "true"  # collapsed on a phone
        # ...and out of sight: right to left, Streamlit's own slide left it over the page.
        content = page.get_by_test_id("stSidebarContent").bounding_box()
        assert content["x"] >= width or content["x"] + content["width"] <= 0, content
        viewports = page.evaluate(
            "() => [...document.querySelectorAll('meta[name=viewport]')].map(m => m.content)"
        )
        assert viewports
        assert not any("user-scalable=no" in v for v in viewports)
        if key == "":
            frame = page.locator('iframe[title="streamlit_folium.st_folium"]').bounding_box()
            assert frame["width"] <= width
            assert frame["height"] <= 0.7 * height  # room to scroll the page past the map
        screenshot(page, f"phone-{phone}-{key or 'map'}-{language}")
        assert guard.blocked == []
    finally:
        context.close()


def test_hebrew_mirrors_the_maps_controls_and_details(page, guard, app_server):
    page.goto(f"{app_server.url}/?lang=he&org=tamarack-institute")
    frame = map_document(page)
    frame.locator(".leaflet-popup .atlas-popup-title").wait_for(timeout=LOAD_TIMEOUT_MS)
    width = frame.evaluate("() => window.map.getContainer().clientWidth")

    def centre_x(selector: str) -> float:
        box = frame.locator(selector).first.bounding_box()
        return box["x"] + box["width"] / 2

    assert centre_x(".leaflet-control-zoom") > width / 2  # zoom on the right
    assert centre_x(".leaflet-control-layers") < width / 2  # layers on the left
    assert centre_x(".atlas-legend") < width / 2
    assert frame.locator(".leaflet-popup .atlas-popup").get_attribute("dir") == "rtl"
    # Tab still starts from the reader's corner: the zoom buttons come before the layers.
    order = frame.evaluate(
        "() => [...document.querySelectorAll('.leaflet-control-zoom-in, .leaflet-control-layers"
        "-toggle')].map(e => e.className.includes('zoom') ? 'zoom' : 'layers')"
    )
    assert order == ["zoom", "layers"]
    screenshot(page, "hebrew-map-mirrored")
    assert guard.blocked == []


def test_reduced_motion_turns_map_animation_off(browser, guard, app_server):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, reduced_motion="reduce")
    context.route("**/*", guard.route)
    page = context.new_page()
    try:
        page.goto(app_server.url)
        frame = map_document(page)
        assert frame.evaluate("() => window.map._zoomAnimated") is False
        assert frame.evaluate("() => window.map.options.fadeAnimation") is False
    finally:
        context.close()
