"""End-to-end tests in Debian's Chromium, with every non-loopback request blocked.

They prove what a presenter with no Wi-Fi and a researcher exporting a list
rely on: the map draws (basemap and organisations) from local assets only,
filters change it, markers open their details, charts render, the CSV
download holds exactly the rows counted, and hostile data stays inert.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from urllib.parse import parse_qsl, quote, urlsplit

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from mapping.filters import Filters
from tests.e2e.conftest import screenshot, start_app
from tests.e2e.pages import (
    CHART,
    CHARTS_ON_THE_CHARTS_PAGE,
    LOAD_TIMEOUT_MS,
    MAP_DRAWN,
    MAP_FRAME,
    wait_until_drawn,
)
from tests.test_safety import PAYLOADS

pytestmark = pytest.mark.e2e

COUNT = re.compile(r"([\d,]+) of ([\d,]+) organisations")
# Organisations held by the atlas layers on the map (clustered or not).
SHOWN_ON_MAP_JS = """() => {
  let n = 0;
  window.map.eachLayer(l => { if (l.atlasCount !== undefined) { n += l.atlasCount; } });
  return n;
}"""


# The organisations layer has framed its results (atlas.js: it fits them after it arrives).
FRAMED_JS = "() => Boolean(window.map._atlasOrganisations && window.map._atlasOrganisations.framed)"


def map_frame(page):
    """Return the map iframe's frame once Leaflet has drawn organisations in it and framed them."""
    page.locator(MAP_FRAME).wait_for(timeout=LOAD_TIMEOUT_MS)
    page.frame_locator(MAP_FRAME).locator(MAP_DRAWN).first.wait_for(timeout=LOAD_TIMEOUT_MS)
    found = next(f for f in page.frames if "streamlit_folium" in f.url)
    found.wait_for_function(FRAMED_JS, timeout=LOAD_TIMEOUT_MS)
    return found


def shown_count(page) -> tuple[int, int]:
    """Read "N of M organisations" from the sidebar."""
    text = page.get_by_text(COUNT).first.inner_text(timeout=LOAD_TIMEOUT_MS)
    shown, total = COUNT.search(text).groups()
    return int(shown.replace(",", "")), int(total.replace(",", ""))


def wait_for_count(page, expected: int) -> None:
    """Wait until the sidebar count shows ``expected`` organisations."""
    page.get_by_text(re.compile(rf"^{expected:,} of [\d,]+ organisations$")).first.wait_for(
        timeout=LOAD_TIMEOUT_MS
    )


def wait_for_map_count(page, expected: int) -> None:
    """Wait until the map's organisations layer holds ``expected`` organisations."""
    page.wait_for_function(
        "([sel, n]) => { const f = document.querySelector(sel); const w = f && f.contentWindow;"
        " if (!w || !w.map) return false; let c = 0;"
        " w.map.eachLayer(l => { if (l.atlasCount !== undefined) c += l.atlasCount; });"
        " return c === n; }",
        arg=[MAP_FRAME, expected],
        timeout=LOAD_TIMEOUT_MS,
    )


def test_the_server_warmed_up_before_its_first_visitor(app_server):
    # The warm-up run (app.py's lifespan) logs its outcome before the server accepts
    # anyone; "ended with" would mean the script failed without a browser.
    log = app_server.log.read_text(encoding="utf-8")
    assert "warmed up in" in log, log[-2000:]
    assert "warm-up run ended with" not in log


def test_home_map_shows_organisations_and_basemap_offline(page, guard, app_server, organisations):
    page.goto(app_server.url)
    frame = map_frame(page)
    # The country shapes come from the app's own static folder, not the network.
    page.frame_locator(MAP_FRAME).locator(".leaflet-basemap-pane path").first.wait_for(
        timeout=LOAD_TIMEOUT_MS
    )
    assert frame.locator(".leaflet-basemap-pane path").count() > 150
    assert frame.evaluate(SHOWN_ON_MAP_JS) == len(organisations)
    assert shown_count(page) == (len(organisations), len(organisations))
    assert frame.locator(".atlas-legend").inner_text().startswith("Primary role")
    screenshot(page, "map")
    assert guard.blocked == []


def test_choosing_funding_changes_map_and_count(page, guard, app_server, organisations):
    expected = len(Filters(roles=("funding",)).apply(organisations))
    page.goto(app_server.url)
    map_frame(page)
    page.locator('[data-testid="stMultiSelect"]', has_text="Role").click()
    page.get_by_role("option", name="Funding").click()
    page.keyboard.press("Escape")
    wait_for_count(page, expected)
    frame = map_frame(page)
    wait_for_map_count(page, expected)
    assert frame.locator(".leaflet-basemap-pane path").count() > 0
    assert "role=funding" in page.url
    screenshot(page, "map-funding")
    assert guard.blocked == []


def test_clicking_a_marker_shows_its_details(page, guard, app_server, organisations):
    # An organisation with a website whose name, searched, finds it alone (one marker).
    row = next(
        candidate
        for _, candidate in organisations[organisations["website"] != ""].iterrows()
        if len(Filters(text=candidate["name"]).apply(organisations)) == 1
    )
    page.goto(f"{app_server.url}/?q={quote(row['name'])}")
    frame = map_frame(page)
    frame.locator("path.leaflet-interactive").first.click()
    popup = frame.locator(".leaflet-popup-content")
    popup.wait_for(timeout=LOAD_TIMEOUT_MS)
    text = popup.inner_text()
    assert row["name"] in text
    assert "Roles" in text
    assert row["description"][:40] in text
    link = popup.locator("dd a")
    assert link.get_attribute("href") == row["website"]
    assert link.get_attribute("rel") == "noopener noreferrer"
    suggest = popup.locator("a.atlas-popup-suggest")
    assert suggest.inner_text() == "Suggest a correction"
    assert suggest.get_attribute("href") == (
        f"{app_server.url}/contribute?kind=correction&org={row['id']}"
    )
    wait_for_url(page, org=row["id"])
    screenshot(page, "map-popup")
    assert guard.blocked == []


def test_charts_page_renders_every_chart(page, guard, app_server):
    page.goto(f"{app_server.url}/charts")
    # Counted once the run is over and every element is drawn (it used to wait for the
    # fifth chart and count while the sixth was still a skeleton: "assert 5 == 6").
    wait_until_drawn(page, "charts")
    charts = page.locator(CHART)
    assert charts.count() == CHARTS_ON_THE_CHARTS_PAGE
    for index in range(CHARTS_ON_THE_CHARTS_PAGE):
        assert charts.nth(index).locator("canvas, svg").count() > 0
    screenshot(page, "charts")
    assert guard.blocked == []


def test_data_page_csv_has_as_many_rows_as_the_count(page, guard, app_server, organisations):
    expected = len(Filters(roles=("funding",)).apply(organisations))
    page.goto(f"{app_server.url}/data?role=funding")
    wait_for_count(page, expected)
    with page.expect_download(timeout=LOAD_TIMEOUT_MS) as download_info:
        page.get_by_role("button", name="Download CSV", exact=True).click()
    data = download_info.value.path().read_bytes()
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert len(rows) == shown_count(page)[0] == expected
    screenshot(page, "data")
    assert guard.blocked == []


# Spread far apart so that at the world view no two are clustered together.
INJECTED_JS = """() => document.querySelectorAll([
  "[onerror]", "[onload]", "a[href^='javascript']",
  ".leaflet-popup-content img", ".leaflet-popup-content svg", ".leaflet-popup-content script",
  ".leaflet-tooltip img", ".leaflet-tooltip svg", ".leaflet-tooltip script",
].join(", ")).length"""


def test_hostile_data_is_inert_in_every_popup_and_tooltip(page, guard, hostile_server):
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(hostile_server.url)
    frame = map_frame(page)
    markers = frame.locator("path.leaflet-interactive")
    assert markers.count() == len(PAYLOADS)
    seen = set()
    home = frame.evaluate("() => [window.map.getCenter(), window.map.getZoom()]")
    for index in range(len(PAYLOADS)):
        # Opening a popup pans the map: go back home so every marker is in view again.
        frame.evaluate(
            "([c, z]) => { window.map.closePopup(); window.map.setView(c, z, {animate: false}); }",
            home,
        )
        markers.nth(index).hover()
        frame.locator(".leaflet-tooltip").last.wait_for(timeout=LOAD_TIMEOUT_MS)
        markers.nth(index).click()
        popup = frame.locator(".leaflet-popup-content").last
        popup.wait_for(timeout=LOAD_TIMEOUT_MS)
        number = re.search(r"#(\d)", popup.inner_text())  # the payload is shown as text
        assert number, popup.inner_text()
        seen.add(number.group(1))
        assert frame.evaluate(INJECTED_JS) == 0
        assert page.evaluate(INJECTED_JS) == 0
    assert len(seen) == len(PAYLOADS)
    screenshot(page, "hostile-popups")
    page.goto(f"{hostile_server.url}/data")
    page.locator('[data-testid="stDataFrame"]').wait_for(timeout=LOAD_TIMEOUT_MS)
    page.goto(f"{hostile_server.url}/charts")
    wait_until_drawn(page, "charts")
    assert page.evaluate(INJECTED_JS) == 0
    assert dialogs == []
    assert guard.blocked == []


def test_zoom_survives_a_filter_change(page, guard, app_server, organisations):
    # st_folium remounts the map when its script changes; ours must not.
    page.goto(app_server.url)
    frame = map_frame(page)
    # Headless Chromium does not finish Leaflet's zoom animation: jump instead.
    frame.evaluate(
        "() => { window.__atlasMarker = true; window.map.setView([45, -75], 5, {animate: false}); }"
    )
    page.locator('[data-testid="stMultiSelect"]', has_text="Role").click()
    page.get_by_role("option", name="Operating").click()
    page.keyboard.press("Escape")
    operating = len(Filters(roles=("operating",)).apply(organisations))
    wait_for_count(page, operating)
    # The new layer reaches the map in the same component update that would remount it:
    # once the map holds the operating organisations, a remount would already have happened.
    wait_for_map_count(page, operating)
    frame = map_frame(page)
    assert frame.evaluate("() => window.__atlasMarker === true"), "the map was remounted"
    assert frame.evaluate("() => window.map.getZoom()") == 5
    center = frame.evaluate("() => window.map.getCenter()")
    assert abs(center["lat"] - 45) < 0.01
    assert abs(center["lng"] + 75) < 0.01
    assert guard.blocked == []


COPIED_WATCH_JS = """() => {
  window.__atlasCopied = [];
  new MutationObserver(() => document.querySelectorAll('.atlas-share [role=status]')
    .forEach(status => window.__atlasCopied.push(status.textContent)))
    .observe(document.body, {childList: true, characterData: true, subtree: true});
}"""


def url_params(page) -> dict[str, str]:
    """The page's current query parameters (as the address bar shows them)."""
    return dict(parse_qsl(urlsplit(page.evaluate("() => window.location.href")).query))


def wait_for_url(page, **expected: str | None) -> None:
    """Wait until the address bar has these parameters (None: absent)."""
    try:
        page.wait_for_function(
            "(expected) => { const q = new URLSearchParams(window.location.search);"
            " return Object.entries(expected).every(([k, v]) => q.get(k) === v); }",
            arg=expected,
            timeout=LOAD_TIMEOUT_MS,
        )
    except PlaywrightTimeoutError as error:
        # Say which parameter never came: the address as it stands, next to what was awaited.
        raise AssertionError(f"waited for {expected}, the address is {page.url}") from error


def test_the_url_keeps_the_map_view_and_the_open_organisation(
    browser, guard, app_server, organisations
):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    context.route("**/*", guard.route)
    page = context.new_page()
    page.goto(app_server.url)
    frame = map_frame(page)
    # Panning writes the view into the URL without re-running the app.
    frame.evaluate("() => window.map.setView([45.5, -73.6], 8, {animate: false})")
    wait_for_url(page, lat="45.5", lon="-73.6", zoom="8")
    # A filter change (Streamlit rewrites the query) keeps the view in it.
    page.locator('[data-testid="stMultiSelect"]', has_text="Role").click()
    page.get_by_role("option", name="Funding").click()
    page.keyboard.press("Escape")
    wait_for_count(page, len(Filters(roles=("funding",)).apply(organisations)))
    wait_for_url(page, role="funding", lat="45.5", lon="-73.6", zoom="8")
    # The copy-link box holds, and copies, the address as it is now.
    frame.evaluate("() => window.map.setView([45.5, -73.6], 9, {animate: false})")
    wait_for_url(page, zoom="9")
    link = page.evaluate("() => window.location.href")
    assert page.locator(".atlas-share input").input_value() == link
    # The status says "Link copied" for 2.5 s: record it as it is written, not by polling.
    page.evaluate(COPIED_WATCH_JS)
    page.locator(".atlas-share button").click()
    page.wait_for_function(
        "() => window.__atlasCopied.some(text => text.startsWith('Link copied'))",
        timeout=LOAD_TIMEOUT_MS,
    )
    assert page.evaluate("() => navigator.clipboard.readText()") == link

    # Opening the link with an organisation restores the view and opens it there.
    fresh = context.new_page()
    fresh.goto(f"{link}&org=mcconnell-foundation")
    fresh.frame_locator(MAP_FRAME).locator(".leaflet-popup-content").wait_for(
        timeout=LOAD_TIMEOUT_MS
    )
    frame = next(f for f in fresh.frames if "streamlit_folium" in f.url)
    assert frame.evaluate("() => window.map.getZoom()") == 9
    centre = frame.evaluate("() => window.map.getCenter()")
    assert abs(centre["lat"] - 45.5) < 0.01
    assert abs(centre["lng"] + 73.6) < 0.01
    popup = frame.locator(".leaflet-popup-content")
    assert "McConnell Family Foundation" in popup.inner_text()
    # The popup points at its organisation (measured after the stylesheets applied).
    tip = frame.locator(".leaflet-popup-tip").bounding_box()
    marker = frame.evaluate("() => window.map.latLngToContainerPoint([45.50884, -73.58781])")
    box = frame.locator("#map_div, .folium-map").first.bounding_box()
    assert abs(tip["x"] + tip["width"] / 2 - (box["x"] + marker["x"])) < 3
    screenshot(fresh, "permalink-organisation")
    assert url_params(fresh)["org"] == "mcconnell-foundation"
    # Closing it takes it out of the URL; picking one from a list puts that one in.
    frame.locator(".leaflet-popup-close-button").click()
    wait_for_url(fresh, org=None)
    # The view stays (to the URL's 4 decimals: a frame resized as the page settles may move
    # the centre by half a pixel, which Leaflet's invalidateSize rounds).
    after = url_params(fresh)
    assert abs(float(after["lat"]) - 45.5) < 0.01
    assert after["zoom"] == "9"
    frame.locator(".atlas-cluster").first.click()
    frame.get_by_role("link", name="Fondation du Grand Montréal").click()
    wait_for_url(fresh, org="fondation-du-grand-montreal")
    # (The closed popup fades out for 200 ms: look for the new one by its name.)
    picked = frame.locator(".leaflet-popup-content", has_text="Fondation du Grand Montréal")
    assert "Community foundation" in picked.inner_text()
    assert guard.blocked == []
    context.close()


@pytest.fixture(scope="module")
def large_server(tmp_path_factory):
    """The app on 6,000 synthetic organisations: the payload travels deflated."""
    from benchmarks.synthetic import synthetic_table

    path = tmp_path_factory.mktemp("large") / "organisations-6000.csv"
    synthetic_table(6_000).to_csv(path, index=False)
    server = start_app({"ATLAS_DATA": str(path)}, name="large")
    yield server
    server.stop()


def test_large_dataset_draws_from_the_deflated_payload(page, guard, large_server):
    page.goto(large_server.url)
    page.frame_locator(MAP_FRAME).locator(".atlas-cluster").first.wait_for(timeout=LOAD_TIMEOUT_MS)
    frame = next(f for f in page.frames if "streamlit_folium" in f.url)
    assert frame.evaluate(SHOWN_ON_MAP_JS) == 6_000
    # Popups are lean here: a click re-runs the app, which details the
    # organisation under the map and names it in the URL with the view.
    first = synthetic_first_row()
    frame.evaluate(
        f"() => window.map.setView([{first['latitude']}, {first['longitude']}], 14,"
        " {animate: false})"
    )
    frame.locator("path.leaflet-interactive").first.wait_for(timeout=LOAD_TIMEOUT_MS)
    frame.locator("path.leaflet-interactive").first.click()
    page.wait_for_function(
        "() => new URLSearchParams(window.location.search).has('org')", timeout=LOAD_TIMEOUT_MS
    )
    org = url_params(page)["org"]
    assert url_params(page)["zoom"] == "14"
    link = page.evaluate("() => window.location.href")
    fresh = page.context.new_page()
    fresh.goto(link)
    heading = fresh.get_by_role("heading", name=re.compile(r"#\d+$"))
    heading.wait_for(timeout=LOAD_TIMEOUT_MS)
    assert heading.inner_text().endswith(f"#{org.removeprefix('org-')}")
    assert guard.blocked == []


def synthetic_first_row() -> dict:
    """The first organisation of the large synthetic dataset."""
    from benchmarks.synthetic import synthetic_table

    return synthetic_table(6_000).iloc[0].to_dict()


def test_present_page_at_1920x1080_shows_map_and_caption(browser, guard, app_server, organisations):
    context = browser.new_context(viewport={"width": 1920, "height": 1080})
    context.route("**/*", guard.route)
    page = context.new_page()
    page.goto(f"{app_server.url}/present?scene=canada")
    map_frame(page)
    caption = page.locator(".atlas-present-caption")
    caption.wait_for(timeout=LOAD_TIMEOUT_MS)
    canada = Filters(world_regions=("Canada",)).apply(organisations)
    assert f"Canada: {len(canada)} organisations" in caption.inner_text()
    assert caption.bounding_box()["y"] < 1080, "the caption must be on screen"
    screenshot(page, "present-1920x1080")
    # The presenter's controls hide from the audience until the mouse moves.
    page.mouse.move(960, 540)
    page.get_by_role("button", name="Next ▶").click()
    page.get_by_text(re.compile(r"^Australia: \d+ organisations")).wait_for(timeout=LOAD_TIMEOUT_MS)
    assert "scene=australia" in page.url
    context.close()
    assert guard.blocked == []


def test_standalone_map_file_works_with_every_request_blocked(browser, organisations, tmp_path):
    from mapping.provenance import Provenance
    from mapping.standalone import standalone_map_html

    notes = Provenance.from_view(Filters(), shown=len(organisations), total=len(organisations))
    path = tmp_path / "atlas-map.html"
    path.write_text(standalone_map_html(organisations, notes), encoding="utf-8")
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    requests: list[str] = []
    context.route(
        "**/*",
        lambda route: (
            (requests.append(route.request.url), route.abort())
            if not route.request.url.startswith("file:")
            else route.continue_()
        ),
    )
    page = context.new_page()
    page.goto(path.as_uri())
    page.locator(".atlas-cluster, path.leaflet-interactive").first.wait_for(timeout=LOAD_TIMEOUT_MS)
    assert page.locator(".leaflet-basemap-pane path").count() > 150
    assert page.evaluate(
        "() => { let n = 0; for (const k in window) { const v = window[k];"
        " if (v && v.atlasCount !== undefined) n += v.atlasCount; } return n; }"
    ) == len(organisations)
    screenshot(page, "standalone-map")
    context.close()
    assert requests == []


def test_online_tiles_failing_offline_break_nothing(page, guard, app_server, organisations):
    page.goto(app_server.url)
    frame = map_frame(page)
    page.frame_locator(MAP_FRAME).locator(".leaflet-control-layers").hover()
    # The route handler blocks the tiles; waiting for the failed request, not for time.
    with page.expect_event(
        "requestfailed", lambda r: "openstreetmap" in r.url, timeout=LOAD_TIMEOUT_MS
    ):
        page.frame_locator(MAP_FRAME).get_by_text("OpenStreetMap (online)").click()
    assert any("openstreetmap" in url for url in guard.blocked), "tiles were requested and blocked"
    assert frame.evaluate(SHOWN_ON_MAP_JS) == len(organisations)
    assert frame.locator(".leaflet-basemap-pane path").count() > 150


def test_upload_changes_this_session_and_not_another(browser, guard, app_server, organisations):
    upload = Path(__file__).resolve().parents[1] / "data" / "bad" / "hebrew_cp1255.csv"
    mine = browser.new_context(viewport={"width": 1400, "height": 1000})
    mine.route("**/*", guard.route)
    page = mine.new_page()
    page.goto(app_server.url)
    map_frame(page)
    page.locator('[data-testid="stSidebar"] a', has_text="Data").first.click()
    page.get_by_text("Bring your own data").click()
    page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(str(upload))
    page.get_by_text("3 loaded, 0 rejected, of 3 rows.").wait_for(timeout=LOAD_TIMEOUT_MS)
    page.get_by_role("button", name="Show this data on the map").click()
    wait_for_count(page, 3)
    page.locator('[data-testid="stSidebar"] a', has_text="Map").first.click()
    frame = map_frame(page)
    wait_for_map_count(page, 3)
    screenshot(page, "upload-map")
    other = browser.new_context(viewport={"width": 1400, "height": 1000})
    other.route("**/*", guard.route)
    second = other.new_page()
    second.goto(app_server.url)
    assert map_frame(second).evaluate(SHOWN_ON_MAP_JS) == len(organisations)
    assert shown_count(second) == (len(organisations), len(organisations))
    assert frame.evaluate(SHOWN_ON_MAP_JS) == 3  # still the upload in the first session
    mine.close()
    other.close()
    assert guard.blocked == []


TOFU_JS = """(selector) => {
  const element = document.querySelector(selector);
  const context = document.createElement("canvas").getContext("2d");
  context.font = getComputedStyle(element).font;
  // Missing glyphs all draw as the same box: real Hebrew letters have different widths.
  const widths = Array.from("אבגדהוזחטיכלמנסעפצקרשת").map(ch => context.measureText(ch).width);
  return new Set(widths.map(w => w.toFixed(2))).size;
}"""


@pytest.mark.parametrize("path", ["/", "/charts"])
def test_hebrew_pages_are_right_to_left_with_hebrew_glyphs(page, guard, app_server, path):
    page.goto(f"{app_server.url}{path}?lang=he")
    page.wait_for_function(
        "() => document.documentElement.getAttribute('dir') === 'rtl'", timeout=LOAD_TIMEOUT_MS
    )
    if path == "/":
        map_frame(page)
    else:
        wait_until_drawn(page, "charts")
    label = page.locator(
        '[data-testid="stSidebar"] [data-testid="stMultiSelect"] [data-testid="stWidgetLabel"]'
    ).first
    label.wait_for(timeout=LOAD_TIMEOUT_MS)
    assert "תפקיד" in page.locator('[data-testid="stSidebar"]').inner_text()
    assert label.evaluate("el => getComputedStyle(el.querySelector('p') || el).textAlign") in (
        "right",
        "start",
    )
    sidebar = page.locator('[data-testid="stSidebar"]').bounding_box()
    main = page.locator('[data-testid="stMain"]').bounding_box()
    assert sidebar["x"] > main["x"], "in Hebrew the sidebar sits on the right"
    assert (
        page.evaluate(TOFU_JS, '[data-testid="stSidebar"] [data-testid="stMultiSelect"] label') > 5
    )
    screenshot(page, f"hebrew{path.replace('/', '-') or '-map'}")
    assert guard.blocked == []


IN_VIEW_JS = """() => { const b = window.map.getBounds(), l = window.map._atlasOrganisations;
  return l._data.lat.every((lat, i) => b.contains([lat, l._data.lon[i]])); }"""


def pick_role(page, role: str) -> None:
    """Choose one more role in the sidebar."""
    page.locator('[data-testid="stMultiSelect"]', has_text="Role").click()
    page.get_by_role("option", name=role).click()
    page.keyboard.press("Escape")


def test_the_map_frames_new_results_unless_moved_and_the_world_after_reset(
    page, guard, app_server, organisations
):
    page.goto(f"{app_server.url}/?region=Australia")
    frame = map_frame(page)
    assert frame.evaluate(IN_VIEW_JS)
    australia = frame.evaluate("() => window.map.getZoom()")
    assert australia >= 3  # framed on Australia, not the world
    # A filter change frames the new results...
    page.locator('[data-testid="stMultiSelect"]', has_text="World region").click()
    page.get_by_role("option", name="Canada").click()
    page.keyboard.press("Escape")
    wait_for_count(page, len(Filters(world_regions=("Australia", "Canada")).apply(organisations)))
    frame = map_frame(page)
    frame.wait_for_function(f"() => window.map.getZoom() < {australia}", timeout=LOAD_TIMEOUT_MS)
    assert frame.evaluate(IN_VIEW_JS)
    # ...unless the visitor has moved the map since: then it stays where they put it.
    box = page.locator(MAP_FRAME).bounding_box()
    frame.evaluate(
        "() => { window.__settled = false; window.map.once('moveend', () => {"
        " window.__settled = true; }); }"
    )
    page.mouse.move(box["x"] + 400, box["y"] + 300)  # a visitor drags the map aside
    page.mouse.down()
    page.mouse.move(box["x"] + 250, box["y"] + 250, steps=8)
    page.mouse.up()
    frame.wait_for_function("() => window.__settled", timeout=LOAD_TIMEOUT_MS)  # inertia ends
    assert frame.evaluate("() => window.map._atlasUserMoved") is True
    moved = frame.evaluate("() => [window.map.getCenter(), window.map.getZoom()]")
    pick_role(page, "Funding")
    wait_for_count(
        page,
        len(
            Filters(world_regions=("Australia", "Canada"), roles=("funding",)).apply(organisations)
        ),
    )
    frame = map_frame(page)
    assert frame.evaluate("() => [window.map.getCenter(), window.map.getZoom()]") == moved
    # "Reset filters" brings the whole world back, whatever the visitor did.
    page.get_by_role("button", name="Reset filters").click()
    wait_for_count(page, len(organisations))
    frame = map_frame(page)
    frame.wait_for_function(f"() => ({IN_VIEW_JS})()", timeout=LOAD_TIMEOUT_MS)
    assert frame.evaluate("() => window.map.getZoom()") <= 2
    screenshot(page, "map-reset-world")
    assert guard.blocked == []
